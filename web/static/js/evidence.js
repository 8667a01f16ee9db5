// Placing a scorecard's evidence in the transcript: pure functions, no DOM,
// tested with node (web/e2e/evidence.test.mjs).

/** locate returns [start, end) of quote in text, or null; exact first, then ignoring case. */
export function locate(text, quote) {
  if (!quote) return null;
  let i = text.indexOf(quote);
  if (i < 0) i = text.toLowerCase().indexOf(quote.toLowerCase());
  return i < 0 ? null : [i, i + quote.length];
}

/**
 * segments splits text at the edges of the evidence ranges and returns
 * [{text, ev: [evidence…]}] in order; overlapping quotes give segments
 * covered by several pieces of evidence.
 */
export function segments(text, items) {
  const ranged = items.map((e) => ({ e, r: locate(text, e.quote) })).filter((x) => x.r);
  const cuts = new Set([0, text.length]);
  for (const { r } of ranged) { cuts.add(r[0]); cuts.add(r[1]); }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i];
    const b = sorted[i + 1];
    const ev = ranged.filter(({ r }) => r[0] <= a && r[1] >= b).map(({ e }) => e);
    out.push({ text: text.slice(a, b), ev });
  }
  return out;
}

/** groupEvidence merges the evidence on the same words of the same turn, keeping the order. */
export function groupEvidence(evidence) {
  const groups = new Map();
  for (const e of [...evidence].sort((a, b) => a.turn - b.turn)) {
    const key = `${e.turn}\u0000${e.quote || ''}`;
    if (!groups.has(key)) groups.set(key, { turn: e.turn, quote: e.quote, items: [] });
    groups.get(key).items.push(e);
  }
  return [...groups.values()];
}
