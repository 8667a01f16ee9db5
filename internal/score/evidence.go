package score

import (
	"strings"
	"unicode/utf8"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

// This file holds the evidence of a scorecard: every point that moves a
// score, quoting the trainee's own words. Parts add to it; each item is
// kept once.

// maxQuoteBytes is the longest quote of an evidence item.
const maxQuoteBytes = 200

// evidence collects a scorecard's evidence items, in the order they are
// added, each once.
type evidence struct {
	c     *call
	items []openline.Evidence
	seen  map[evidenceKey]bool
}

type evidenceKey struct {
	turn  int
	dim   openline.Dimension
	eff   openline.Effect
	quote string
	why   string
}

func newEvidence(c *call) *evidence {
	return &evidence{c: c, items: []openline.Evidence{}, seen: map[evidenceKey]bool{}}
}

// add adds one evidence item quoting span sen of turn i, once.
func (e *evidence) add(i int, sen acts.Sentence, dim openline.Dimension, effect openline.Effect, why msg) {
	if i < 0 || i >= len(e.c.tr.Turns) {
		return
	}
	q := quote(e.c.tr.Turns[i].Text, sen.Start, sen.End)
	w := why.in(e.c.lang)
	k := evidenceKey{i, dim, effect, q, w}
	if e.seen[k] {
		return
	}
	e.seen[k] = true
	e.items = append(e.items, openline.Evidence{Turn: i, Dimension: dim, Effect: effect, Quote: q, Why: w})
}

// mark is an evidence item found while measuring, added by the part that
// judges it (so the evidence keeps the order of the parts).
type mark struct {
	turn int
	sen  acts.Sentence
	eff  openline.Effect
	why  msg
}

// addMarks adds marks to dimension dim.
func (e *evidence) addMarks(dim openline.Dimension, marks []mark) {
	for _, m := range marks {
		e.add(m.turn, m.sen, dim, m.eff, m.why)
	}
}

// quote returns text[start:end] trimmed and cut to maxQuoteBytes at a
// character boundary; an invalid span quotes the whole text. The result is
// always a substring of text.
func quote(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end || !boundary(text, start) || !boundary(text, end) {
		start, end = 0, len(text)
	}
	q := strings.TrimSpace(text[start:end])
	if q == "" {
		q = strings.TrimSpace(text)
	}
	return quoteCut(q, maxQuoteBytes)
}

// quoteCut cuts q to at most n bytes, at the last space in its second half
// or else at a character boundary, and trims it; the result is a prefix of q.
func quoteCut(q string, n int) string {
	if len(q) <= n {
		return q
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(q[cut]) {
		cut--
	}
	if sp := strings.LastIndexByte(q[:cut], ' '); sp > n/2 {
		cut = sp
	}
	return strings.TrimSpace(q[:cut])
}

func boundary(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }
