// The scorecard page: both scores, the metrics in words, the transcript
// with the evidence marked in the trainee's own words, the tips.
import { api, errorText, formatDate, formatDuration, h, lang, outcomeText, pageData, scoreClass, showError, t } from './common.js';
import { groupEvidence, locate, segments } from './evidence.js';

const root = document.getElementById('scorecard');
const body = document.getElementById('sc-body');
const title = document.getElementById('sc-title');
const meta = document.getElementById('sc-meta');

/** trainee is the name of the call's trainee, for a trainer's wording. */
let trainee = '';

/**
 * tk is t worded for whoever reads the page: a trainer reads about the
 * trainee ("What anna did"), the trainee about themselves ("What you did").
 */
function tk(key, vars = {}) {
  if (pageData.trainer) {
    const v = { ...vars, name: trainee };
    const s = t('trainer.' + key, v);
    if (!s.startsWith('trainer.')) return s;
  }
  return t(key, vars);
}

async function load() {
  let data;
  try {
    // Reasons and tips in the interface's language; quotes and better
    // lines stay in the call's (docs/api.md, ?explain).
    const explain = encodeURIComponent(document.documentElement.lang || '');
    data = await api('GET', '/api/calls/' + encodeURIComponent(pageData.id) + (explain ? '?explain=' + explain : ''));
  } catch (e) {
    const text = e.status === 404 || e.status === 403 ? t('score.notfound') : t('common.error', { message: e.message });
    body.replaceChildren(h('section', { class: 'card empty-state' }, h('p', {}, text)));
    root.setAttribute('aria-busy', 'false');
    return;
  }
  render(data);
  root.setAttribute('aria-busy', 'false');
  recordings(data.call && data.call.id);
}

/** recordings puts a player beside each trainee turn whose audio the server kept (docs/voice.md, "Privacy"). */
async function recordings(id) {
  if (!id) return;
  let rec;
  try {
    rec = await api('GET', '/api/calls/' + encodeURIComponent(id) + '/recordings');
  } catch {
    return; // none kept, or not this user's to hear
  }
  for (const n of (rec && rec.turns) || []) {
    const li = document.getElementById('turn-' + n);
    if (!li) continue;
    const src = '/api/calls/' + encodeURIComponent(id) + '/turns/' + n + '/audio';
    li.append(h('audio', { class: 'turn-audio', controls: true, preload: 'none', src, 'aria-label': t('score.recording', { n: n + 1 }) }));
  }
}

function render(data) {
  const call = data.call || {};
  const turns = (data.transcript && data.transcript.turns) || [];
  const card = data.scorecard;
  trainee = call.trainee || '';
  title.textContent = call.scenario_title || call.scenario || t('score.title');
  document.title = `${title.textContent} · openline`;
  const bits = [formatDate(call.started_at)];
  if (call.started_at && call.ended_at) {
    bits.push(formatDuration(new Date(call.ended_at) - new Date(call.started_at)));
  }
  bits.push(outcomeText(call));
  if (pageData.trainer && call.trainee) bits.push(t('score.by', { name: call.trainee }));
  meta.replaceChildren(bits.filter(Boolean).join(' · '));

  if (!card) {
    const actions = [];
    if (!call.ended_at && call.scenario) {
      actions.push(h('a', { class: 'btn btn-primary', href: `/call/${encodeURIComponent(call.scenario)}?resume=${encodeURIComponent(call.id)}` }, t('score.resume')));
    }
    body.replaceChildren(
      h('section', { class: 'card empty-state' }, h('p', {}, t('score.pending')), actions),
      transcriptSection(turns, [], null, null, [], data.comments || [], false));
    return;
  }
  const personaName = personaOf(call);
  // replaceChildren would write a left-out section (null) as the text "null".
  body.replaceChildren(...[
    h('div', { class: 'scores-row' }, bigScore('openness', call.openness, card.openness), bigScore('curiosity', call.curiosity, card.curiosity)),
    adjustmentsSection(call, data.adjustments || []),
    metricsSection(card),
    card.voice ? voiceSection(card) : null,
    h('div', { class: 'sc-grid' },
      transcriptSection(turns, card.evidence || [], personaName,
        call.outcome === 'hung_up' ? t('call.hungup.prospect', { name: personaName || t('score.prospect') }) : null,
        data.states || [], data.comments || [], true,
        new Set(((card.voice && card.voice.evidence) || []).filter((e) => e.metric === 'interruptions').map((e) => e.turn))),
      h('div', { class: 'sc-side' }, tipsSection(card.tips || []), evidenceSection(card.evidence || [], turns))),
    // Element.replaceChildren writes null as the text "null": '' adds nothing.
    card.coaching ? coachingSection(card.coaching) : '',
    data.llm ? llmSection(data.llm) : '',
    h('p', { class: 'sc-download' },
      h('a', { href: `/api/calls/${encodeURIComponent(call.id)}/transcript.json`, download: `${call.id}.json` }, t('score.download'))),
  ].filter(Boolean));
}

// ---- the model's coaching paragraph, marked as such -------------------------

function coachingSection(c) {
  return h('section', { class: 'card coaching', 'aria-labelledby': 'coaching-title' },
    h('h2', { id: 'coaching-title' }, t('score.coaching.title')),
    h('p', { class: 'muted coaching-note' }, t('score.coaching.note', { model: c.model })),
    h('p', { class: 'coaching-text' }, c.text));
}

// ---- what the language model cost (trainers only) ---------------------------

function llmSection(l) {
  const items = [
    t('score.llm.model', { model: l.model }),
    t(l.estimated ? 'score.llm.tokens.estimated' : 'score.llm.tokens', { in: l.tokens_in, out: l.tokens_out }),
    t('score.llm.first', { ms: l.first_token_ms_median }),
    t('score.llm.requests', { n: l.requests, turns: (l.turns || []).length }),
  ];
  if (l.guarded) items.push(t('score.llm.guarded', { n: l.guarded }));
  if (l.scripted_from_turn !== null && l.scripted_from_turn !== undefined) {
    items.push(t('score.llm.fallback', { turn: l.scripted_from_turn + 1 }));
  }
  return h('section', { class: 'card metrics llm-cost', 'aria-labelledby': 'llm-title' },
    h('h2', { id: 'llm-title' }, t('score.llm.title')),
    h('ul', { class: 'metric-list', role: 'list' }, items.map((x) => h('li', {}, x))));
}

function personaOf(call) {
  return (pageData.personas && pageData.personas[call.scenario]) || null;
}

// ---- scores ---------------------------------------------------------------

function bigScore(dim, value, computed) {
  const v = typeof value === 'number' ? Math.max(0, Math.min(100, value)) : 0;
  const r = 42;
  const c = 2 * Math.PI * r;
  const ring = h('svg', { class: 'ring', viewBox: '0 0 100 100', 'aria-hidden': 'true' },
    h('circle', { class: 'ring-bg', cx: 50, cy: 50, r, fill: 'none', 'stroke-width': 9 }),
    v === 0 ? null : h('circle', {
      class: 'ring-fg', cx: 50, cy: 50, r, fill: 'none', 'stroke-width': 9, 'stroke-linecap': 'round',
      'stroke-dasharray': `${(c * v) / 100} ${c}`, transform: 'rotate(-90 50 50)',
    }));
  return h('section', { class: 'card big-score ' + scoreClass(value), 'aria-labelledby': 'score-' + dim },
    h('div', { class: 'big-score-dial' }, ring,
      h('span', { class: 'big-score-value', id: 'score-' + dim + '-value' }, typeof value === 'number' ? String(value) : '–')),
    h('div', { class: 'big-score-text' },
      h('h2', { id: 'score-' + dim }, t('score.' + dim), h('span', { class: 'sr-only' }, `: ${value} ${t('score.of100')}`)),
      typeof value === 'number' && value !== computed
        ? h('p', { class: 'score-adjusted', id: 'score-' + dim + '-computed' }, t('score.adjusted', { n: computed }))
        : null,
      h('p', { class: 'muted' }, t('score.' + dim + '.help'))));
}

// ---- a trainer's adjustments of the scores ------------------------------------

function adjustmentsSection(call, adjustments) {
  if (!pageData.trainer && adjustments.length === 0) return null;
  const list = adjustments.length === 0 ? null : h('ul', { class: 'adjust-list', role: 'list' }, adjustments.map((a) => h('li', { class: 'adjust-item' },
    h('span', { class: 'adjust-what' }, a.score === null
      ? t('score.adjust.back', { dim: t('score.' + a.dimension) })
      : t('score.adjust.to', { dim: t('score.' + a.dimension), n: a.score })),
    ' ', h('q', { class: 'adjust-reason' }, a.reason),
    ' ', h('span', { class: 'muted' }, t('score.adjust.by', { name: a.author, date: formatDate(a.at) })))));
  let form = null;
  if (pageData.trainer) {
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    form = h('form', { class: 'adjust-form', id: 'adjust-form' },
      h('div', { class: 'field' }, h('label', { for: 'adjust-dim' }, t('score.adjust.dim')),
        h('select', { id: 'adjust-dim', name: 'dimension' },
          h('option', { value: 'openness' }, t('score.openness')), h('option', { value: 'curiosity' }, t('score.curiosity')))),
      h('div', { class: 'field field-score' }, h('label', { for: 'adjust-score' }, t('score.adjust.score')),
        h('input', { id: 'adjust-score', name: 'score', type: 'number', min: 0, max: 100, step: 1, required: true })),
      h('div', { class: 'field field-grow' }, h('label', { for: 'adjust-reason' }, t('score.adjust.reason')),
        h('input', { id: 'adjust-reason', name: 'reason', type: 'text', maxlength: 500, required: true })),
      h('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, t('score.adjust.submit')),
      error);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const f = form.elements;
      const raw = f.score.value.trim();
      const body = { dimension: f.dimension.value, score: raw === '' ? null : Number(raw), reason: f.reason.value.trim() };
      try {
        await api('POST', `/api/calls/${encodeURIComponent(call.id)}/adjustments`, body);
        await load();
      } catch (e) {
        showError(error, errorText(e));
      }
    });
  }
  return h('section', { class: 'card adjustments', 'aria-labelledby': 'adjust-title' },
    h('h2', { id: 'adjust-title' }, t('score.adjust.title')),
    pageData.trainer ? h('p', { class: 'muted' }, t('score.adjust.intro')) : null,
    list, form);
}

// ---- comments pinned to turns ----------------------------------------------------

function commentsOf(comments, i, callId, canWrite) {
  const mine = comments.filter((c) => c.turn === i);
  const list = mine.length === 0 ? null : h('ul', { class: 'turn-comments', role: 'list' }, mine.map((c) => h('li', { class: 'turn-comment', 'data-comment': c.id },
    h('span', { class: 'comment-head' }, t('score.comment.by', { name: c.author, date: formatDate(c.created_at) })),
    h('p', { class: 'comment-text' }, c.text))));
  if (!pageData.trainer || !canWrite) return list;
  const open = h('button', { type: 'button', class: 'btn btn-quiet btn-sm comment-open', 'data-comment-turn': i }, t('score.comment.add'));
  open.addEventListener('click', () => {
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const text = h('textarea', { name: 'text', rows: 2, maxlength: 2000, 'aria-label': t('score.comment.label', { n: i + 1 }) });
    const f = h('form', { class: 'comment-form' }, text,
      h('div', { class: 'inline-form' },
        h('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, t('score.comment.submit')),
        h('button', { type: 'button', class: 'btn btn-quiet btn-sm', onclick: () => f.replaceWith(open) }, t('common.cancel'))),
      error);
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        await api('POST', `/api/calls/${encodeURIComponent(callId)}/comments`, { turn: i, text: text.value });
        await load();
        document.getElementById('turn-' + i)?.scrollIntoView({ block: 'center' });
      } catch (e) {
        showError(error, errorText(e));
      }
    });
    open.replaceWith(f);
    text.focus();
  });
  return h('div', { class: 'turn-review' }, list, open);
}

// ---- metrics in words -------------------------------------------------------

function metricsSection(card) {
  const m = card.metrics || {};
  const items = [];
  const add = (text, good) => items.push(h('li', { class: good ? 'm-good' : 'm-work' }, text));
  const q = m.trainee_questions || 0;
  const open = m.open_questions || 0;
  // Questions that ask for permission, a step or a yes are not counted
  // (docs/scoring.md): "you asked no questions" would contradict the call.
  const asked = (card.turns || []).some((tu) => tu.speaker === 'trainee' &&
    (tu.acts || []).some((a) => a === 'open_question' || a === 'closed_question'));
  let questions = q === 0 && asked ? tk('score.m.questions.uncounted') : tk('score.m.questions', { n: q, open });
  if (q === 1) questions += ' ' + t(open ? 'score.m.single.open' : 'score.m.single.closed');
  add(questions, q > 0 && open * 2 >= q);
  if (q > 0) add(tk('score.m.followups', { n: m.follow_up_questions || 0 }), (m.follow_up_questions || 0) > 0);
  add(tk('score.m.acks', { n: m.acknowledgements || 0 }), (m.acknowledgements || 0) > 0);
  add(tk('score.m.pressure', { n: m.pressure_moves || 0 }), (m.pressure_moves || 0) === 0);
  const rejected = (card.turns || []).some((tu) => tu.speaker === 'prospect' && (tu.acts || []).includes('rejection'));
  if (rejected) {
    const n = m.feedback_requests_after_rejection || 0;
    add(tk('score.m.feedback', { n }), n > 0);
  }
  if (typeof m.talk_share === 'number') {
    add(tk('score.m.talkshare', { pct: Math.round(m.talk_share * 100) }), m.talk_share <= 0.5);
  }
  // The same limits as the scorer's listening part (internal/score/openness.go).
  if (m.longest_monologue_words) add(tk('score.m.monologue', { n: m.longest_monologue_words }), m.longest_monologue_words <= 40);
  if (m.needs_total > 0) {
    const n = (m.needs_discovered || []).length;
    add(tk('score.m.needs', { n, total: m.needs_total }), n > 0);
  }
  return h('section', { class: 'card metrics', 'aria-labelledby': 'metrics-title' },
    h('h2', { id: 'metrics-title' }, tk('score.metrics')),
    h('ul', { class: 'metric-list', role: 'list' }, items));
}

// ---- what only a spoken call shows (docs/scoring.md, "Voice") ------------

function voiceSection(card) {
  const v = card.voice;
  const num = (x, digits) => Number(x || 0).toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const m = card.metrics || {};
  const rows = [
    [t('score.v.pace'), t('score.v.wpm', { n: v.words_per_minute })],
  ];
  if (v.after_objection_wpm > 0 && v.other_wpm > 0) {
    rows.push([t('score.v.objection'), t(v.speeds_up_under_objection ? 'score.v.objection.faster' : 'score.v.objection.steady', { after: v.after_objection_wpm, other: v.other_wpm })]);
  }
  rows.push(
    [t('score.v.fillers'), t('score.v.fillers.n', { n: v.filler_words, per: num(v.filler_words_per_100, 1) })],
    [t('score.v.pause'), t('score.v.pause.ms', { mean: num(v.mean_pause_ms / 1000, 1), longest: num(v.longest_pause_ms / 1000, 1) })],
    [t('score.v.interruptions'), String(v.interruptions)],
  );
  if (m.talk_share_by === 'time') rows.push([t('score.v.talkshare'), Math.round((m.talk_share || 0) * 100) + ' %']);
  rows.push([t('score.v.monologue'), t('score.v.seconds', { n: num(v.longest_monologue_seconds, 1) })]);
  const moments = (v.evidence || []).map((e) => h('li', {},
    h('a', { href: '#turn-' + e.turn }, t('score.turn', { n: e.turn + 1 })), ': ',
    h('q', {}, e.quote), ' – ', e.why));
  return h('section', { class: 'card metrics', id: 'voice-metrics', 'aria-labelledby': 'voice-title' },
    h('h2', { id: 'voice-title' }, t('score.voice')),
    h('dl', { class: 'voice-figures' }, rows.map(([k, val]) => [h('dt', {}, k), h('dd', {}, val)])),
    moments.length ? h('ul', { class: 'voice-moments', role: 'list' }, moments) : null,
    h('p', { class: 'muted' }, t('score.v.note')));
}

// ---- transcript with evidence marks --------------------------------------

let tipSeq = 0;

function evidenceLabel(e) {
  return `${e.effect === '-' ? '−' : '+'} ${t('score.' + e.dimension)}: ${e.why}`;
}

function markedText(text, items) {
  return segments(text, items).map((s) => {
    if (s.ev.length === 0) return s.text;
    const plus = s.ev.some((e) => e.effect !== '-');
    const minus = s.ev.some((e) => e.effect === '-');
    const kind = plus && minus ? 'ev-mixed' : minus ? 'ev-minus' : 'ev-plus';
    const id = 'ev-tip-' + ++tipSeq;
    return h('mark', { class: 'ev ' + kind, tabindex: 0, 'aria-describedby': id },
      h('span', { class: 'ev-q' }, s.text),
      h('span', { class: 'ev-tip', id, role: 'tooltip', 'aria-hidden': 'true' },
        s.ev.map((e) => h('span', { class: 'ev-tip-line' }, evidenceLabel(e)))));
  });
}

/** stateLine says how the prospect's patience and interest moved with a turn, and whether a need came out. */
function stateLine(state, prev) {
  if (!state) return null;
  const move = (key, now, before) => {
    const arrow = typeof before !== 'number' || now === before ? '' : now > before ? ' ↑' : ' ↓';
    const sr = arrow === '' ? '' : t(now > before ? 'score.state.up' : 'score.state.down');
    return h('span', { class: 'state-item' + (arrow === ' ↓' ? ' state-down' : arrow === ' ↑' ? ' state-up' : '') },
      t(key, { n: now }), arrow ? h('span', { 'aria-hidden': 'true' }, arrow) : null, sr ? h('span', { class: 'sr-only' }, ` (${sr})`) : null);
  };
  const revealed = (state.revealed || []).length > ((prev && prev.revealed) || []).length;
  return h('p', { class: 'turn-state' },
    move('score.state.patience', state.patience, prev && prev.patience), ' · ',
    move('score.state.interest', state.interest, prev && prev.interest),
    revealed ? h('span', { class: 'state-reveal' }, ' · ' + t('score.state.reveal')) : null);
}

/**
 * transcriptSection is the call's transcript with the evidence marked;
 * cutIn holds the trainee turns that cut into the prospect (a spoken
 * call's interruptions, docs/scoring.md), each shown after a note as on
 * the call screen.
 */
function transcriptSection(turns, evidence, personaName, hungUpBy, states = [], comments = [], canComment = false, cutIn = new Set()) {
  let prev = null;
  const items = turns.flatMap((tu, i) => {
    const state = tu.speaker === 'trainee' ? null : states[i] || null;
    const line = stateLine(state, prev);
    if (state) prev = state;
    const ev = evidence.filter((e) => e.turn === i);
    const unplaced = ev.filter((e) => !locate(tu.text, e.quote));
    const who = tu.speaker === 'trainee' ? (pageData.trainer && trainee ? trainee : t('call.you')) : personaName || t('score.turn', { n: i + 1 });
    const note = cutIn.has(i) ? h('li', { class: 'turn turn-event turn-cut-in' }, h('span', {}, t('score.v.interruptions'))) : null;
    return [note, h('li', { class: 'turn turn-' + (tu.speaker === 'trainee' ? 'trainee' : 'prospect'), id: 'turn-' + i, tabindex: -1 },
      h('div', { class: 'bubble' },
        h('span', { class: 'speaker' }, who, h('span', { class: 'turn-no' }, ' · ' + t('score.turn', { n: i + 1 }))),
        h('p', { class: 'turn-text' }, tu.speaker === 'trainee' ? markedText(tu.text, ev) : tu.text),
        line,
        unplaced.length ? h('ul', { class: 'ev-notes', role: 'list' }, unplaced.map((e) => h('li', { class: e.effect === '-' ? 'ev-minus' : 'ev-plus' }, evidenceLabel(e)))) : null),
      commentsOf(comments, i, pageData.id, canComment))].filter(Boolean);
  });
  return h('section', { class: 'card transcript-card', 'aria-labelledby': 'tr-title' },
    h('h2', { id: 'tr-title' }, t('score.transcript')),
    evidence.length ? h('p', { class: 'muted legend' }, tk('score.legend')) : null,
    h('ol', { class: 'transcript transcript-static', role: 'list' }, items,
      hungUpBy ? h('li', { class: 'turn turn-event' }, h('span', {}, hungUpBy)) : null));
}

function turnLink(i) {
  if (typeof i !== 'number' || i < 0) return h('span', { class: 'muted' }, t('score.whole'));
  return h('a', { href: '#turn-' + i, class: 'turn-link', onclick: focusTurn(i) }, t('score.turn', { n: i + 1 }));
}

function focusTurn(i) {
  return (ev) => {
    const el = document.getElementById('turn-' + i);
    if (!el) return;
    ev.preventDefault();
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el.focus({ preventScroll: true });
    history.replaceState(null, '', '#turn-' + i);
  };
}

function evidenceSection(evidence, turns) {
  const at = (g) => {
    const r = locate((turns[g.turn] && turns[g.turn].text) || '', g.quote);
    return r ? r[0] : Infinity;
  };
  const groups = groupEvidence(evidence).sort((a, b) => a.turn - b.turn || at(a) - at(b));
  return h('section', { class: 'card evidence', 'aria-labelledby': 'ev-title' },
    h('h2', { id: 'ev-title' }, t('score.evidence')),
    groups.length === 0 ? h('p', { class: 'muted' }, t('score.evidence.none')) : h('ul', { class: 'evidence-list', role: 'list' },
      groups.map((g) => h('li', { class: 'evidence-item' },
        h('p', { class: 'ev-head' }, turnLink(g.turn)),
        g.quote ? h('q', { class: 'ev-quote' }, g.quote) : null,
        h('ul', { class: 'ev-reasons', role: 'list' }, g.items.map((e) => h('li', { class: e.effect === '-' ? 'ev-minus' : 'ev-plus' },
          h('span', { class: 'ev-badge', role: 'img', 'aria-label': e.effect === '-' ? tk('score.effect.minus') : tk('score.effect.plus') }, e.effect === '-' ? '−' : '+'),
          h('span', { class: 'ev-why' }, h('strong', {}, t('score.' + e.dimension)), ': ', e.why))))))));
}

function tipsSection(tips) {
  return h('section', { class: 'card tips', 'aria-labelledby': 'tips-title' },
    h('h2', { id: 'tips-title' }, tk('score.tips')),
    tips.length === 0 ? h('p', { class: 'muted' }, tk('score.tips.none')) : h('ol', { class: 'tip-list', role: 'list' },
      tips.map((tip) => h('li', { class: 'tip' },
        h('p', { class: 'tip-text' }, tip.text),
        tip.better ? h('p', { class: 'tip-better' }, h('span', { class: 'tip-better-label' }, t('score.better') + ' '), h('q', {}, tip.better)) : null,
        h('p', { class: 'tip-where' }, turnLink(tip.turn))))));
}

load();
