package score

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

const (
	maxTips    = 3
	minTipLoss = 2.0 // points a part must cost before it earns a tip (beyond the first)
	// momentBonus ranks the tips about the moments the method cares most
	// about (the answer to a no, pressure) ahead of others that cost as much.
	momentBonus   = 5.0
	tipQuoteWords = 8 // words of the prospect quoted in a better line
)

// tips returns one to three tips for the parts that cost the most points,
// each naming the moment and a better line in the call's language. A call
// without a trainee turn gets none.
func (s *scorer) tips() []openline.Tip {
	if len(s.trainee) == 0 {
		return []openline.Tip{}
	}
	type cand struct {
		loss float64 // points of the dimension's score lost by this part
		part int
	}
	// Parts are ranked at their base weights: the shortfall boost (see
	// part) decides the score, not which moment the trainee hears about
	// first.
	total := map[openline.Dimension]float64{}
	for i, p := range s.parts {
		if p.Applies && s.base[i] > 0 {
			total[p.Dimension] += s.base[i]
		}
	}
	var cands []cand
	for i, p := range s.parts {
		sp := &parts[i]
		if !p.Applies || p.Weight <= 0 || sp.untipped != nil && sp.untipped(s.call) {
			continue
		}
		loss := 100 * s.base[i] * (1 - s.raw[i]) / total[p.Dimension]
		if loss > 0 && sp.moment {
			loss += momentBonus
		}
		cands = append(cands, cand{loss: loss, part: i})
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(b.loss, a.loss) })
	// The costliest part of each dimension comes first (a trainee who
	// monologues and never asks needs to hear about both), then the rest
	// by cost; a tip whose better line or moment an earlier one already
	// gives is left out for the next. The chosen tips are shown by cost.
	var order []cand
	for _, dim := range []openline.Dimension{openline.DimensionOpenness, openline.DimensionCuriosity} {
		if k := slices.IndexFunc(cands, func(c cand) bool { return s.parts[c.part].Dimension == dim }); k >= 0 {
			order = append(order, cands[k])
		}
	}
	for _, c := range cands {
		if !slices.Contains(order, c) {
			order = append(order, c)
		}
	}
	type chosen struct {
		tip  openline.Tip
		loss float64
	}
	var picked []chosen
	named := map[int]bool{}
	for _, c := range order {
		if len(picked) == maxTips || len(cands) > 0 && c != cands[0] && c.loss < minTipLoss {
			continue
		}
		tip := s.tip(s.parts[c.part].Name, named)
		if slices.ContainsFunc(picked, func(p chosen) bool { return p.tip.Better == tip.Better }) || tip.Turn >= 0 && named[tip.Turn] {
			continue // one remedy, or one moment, is said once
		}
		named[tip.Turn] = true
		picked = append(picked, chosen{tip, c.loss})
	}
	slices.SortStableFunc(picked, func(a, b chosen) int { return cmp.Compare(b.loss, a.loss) })
	tips := []openline.Tip{}
	for _, p := range picked {
		tips = append(tips, p.tip)
	}
	return tips
}

// tip builds the tip for part name (parts); named holds the turns earlier
// tips name, which a tip about pressure avoids when the call has another
// pressure move to show.
func (s *scorer) tip(name string, named map[int]bool) openline.Tip {
	if p := spec(name); p != nil {
		return p.tip(s.call, named)
	}
	return questionsTip(s.call, named)
}

// tipAt is a tip at turn (-1: the whole call) with its text and better
// line in the call's language; args fill the better line's verbs.
func (c *call) tipAt(turn int, text, better msg, args ...any) openline.Tip {
	b := better.in(c.lang)
	if len(args) > 0 {
		b = fmt.Sprintf(b, args...)
	}
	return openline.Tip{Turn: turn, Text: text.in(c.lang), Better: b}
}

// personaAddress is ", Herr B." (or ", Mr B.") for the better opening line
// when the scenario names the persona, else "".
func (c *call) personaAddress() string {
	if c.sc == nil || strings.TrimSpace(c.sc.Persona.Name) == "" {
		return ""
	}
	return " " + strings.TrimSpace(c.sc.Persona.Name)
}

// missedChance finds the first trainee turn that answers a prospect turn
// worth picking up (a reveal, else an objection or rejection, else any
// turn that gives something to take in) without doing what ok checks, and the first words of that prospect
// turn. When every chance was taken it returns -1 (the whole call) with the
// words of the weightiest prospect turn answered (a reveal, else the
// longest) not reflected there; without any, the first trainee turn and
// no words: there is no moment for the tip (the parts' untipped).
func (c *call) missedChance(ok func(trainee int) bool) (int, string) {
	best, bestProspect := -1, -1
	for pass := 0; pass < 3 && best < 0; pass++ {
		for i, t := range c.tr.Turns {
			if t.Speaker != openline.Prospect {
				continue
			}
			reveal := c.res[i].Has(openline.ActReveal)
			pushback := c.res[i].Has(openline.ActObjection) || c.res[i].Has(openline.ActRejection)
			// A go-ahead ("Go on, I've got a few minutes") or a yes to a
			// step is no point to follow up, as below.
			goAhead := len(c.res[i].Acts) == 1 && c.res[i].Has(openline.ActInterest)
			if pass == 0 && !reveal || pass == 1 && !pushback || pass == 2 && (!c.chance(i) || goAhead) || !c.saysSomething(i) || c.noPoint(i) {
				continue
			}
			if j := c.nextTrainee(i); pass > 0 && j == i+1 && c.res[j].Has(openline.ActFarewell) {
				// A thanks or a no answered with the goodbye closes the
				// call well: "give back what you heard" has no moment
				// there (a reveal answered with it still does).
				continue
			}
			if j := c.nextTrainee(i); j == i+1 && !ok(j) {
				best, bestProspect = j, i
				break
			}
		}
	}
	if best < 0 {
		// Every chance was taken: quote the weightiest prospect turn the
		// trainee answered, a reveal first, else the longest.
		weight := func(i int) int {
			if c.res[i].Has(openline.ActReveal) {
				return 1 << 20
			}
			return c.words[i]
		}
		for i := range c.tr.Turns {
			if c.point(i) && !c.res[i].Has(openline.ActInterest) && !c.rd.Turns[i].AsksBack &&
				!c.res[i+1].Has(openline.ActReflection) && (bestProspect < 0 || weight(i) > weight(bestProspect)) {
				bestProspect = i
			}
		}
		if bestProspect < 0 {
			// Nothing left worth giving back: every point was reflected,
			// or the prospect made none (acknowledgementUntipped).
			return c.trainee[0], ""
		}
		// The tip is then for the whole call: naming a turn that did what
		// it asks for would contradict the evidence there.
		return -1, c.keyWords(bestProspect)
	}
	return best, c.keyWords(bestProspect)
}

// point reports whether prospect turn i, answered by the next turn, makes
// a point a tip may give back or ask about.
func (c *call) point(i int) bool {
	return c.chance(i) && c.saysSomething(i) && !c.noPoint(i) && !c.rd.Turns[i].Hurried
}

// noPoint reports whether prospect turn i makes no point worth
// reflecting or asking about: a don't-know, a brush-off or being called
// away (acts.Turn.Evades), or an annoyed warning ("I told you already").
func (c *call) noPoint(i int) bool {
	return c.rd.Turns[i].Evades || c.rd.Turns[i].Annoyed
}

// saysSomething reports whether prospect turn i has a statement of at
// least substantialWords words to pick up: "Yes, go ahead." and "Who is
// this?" give a tip nothing to quote.
func (c *call) saysSomething(i int) bool {
	text := c.tr.Turns[i].Text
	for _, sen := range c.res[i].Sentences {
		if q := quote(text, sen.Start, sen.End); !sen.Asks && len(strings.Fields(q)) >= substantialWords {
			return true
		}
	}
	return false
}

// keyWords are the words of prospect turn i worth giving back: the first
// statement tagged as a reveal, objection or rejection, else its last
// statement of at least minKeyWords words (where the point of a turn
// usually comes), cut to its point (see firstWords). A question back or a
// bare "Honestly?" is no point to pick up.
func (c *call) keyWords(i int) string {
	text := c.tr.Turns[i].Text
	var statements []string
	pick := ""
	for _, sen := range c.res[i].Sentences {
		q := quote(text, sen.Start, sen.End)
		if sen.Asks || len(strings.Fields(q)) < minKeyWords {
			continue
		}
		statements = append(statements, q)
		if pick == "" && (has(sen, openline.ActReveal) || has(sen, openline.ActObjection) || has(sen, openline.ActRejection)) {
			pick = q
		}
	}
	switch {
	case pick != "":
	case len(statements) > 0:
		pick = statements[len(statements)-1]
	default:
		pick = text
	}
	return firstWords(pick)
}

// minKeyWords is the shortest prospect sentence, in words, that keyWords
// gives back.
const minKeyWords = 3

// firstWords cuts a prospect's sentence to its point, without the
// punctuation that ends it: after its lead-in ("Ehrlich gesagt", "Between
// you and me": acts.TrimLeadIn), after a colon or dash that introduces it ("Wie
// ich geschrieben hab: Das ist in der Tat nichts für uns"), then at the
// first comma when the sentence is longer than tipQuoteWords words, then at
// tipQuoteWords words, marking the cut with "…".
func firstWords(text string) string {
	text = acts.TrimLeadIn(text)
	for _, sep := range []string{": ", " – ", " - "} {
		if k := strings.LastIndex(text, sep); k >= 0 && len(strings.Fields(text[k+len(sep):])) >= minKeyWords {
			text = text[k+len(sep):]
		}
	}
	if w := strings.Fields(text); len(w) > tipQuoteWords {
		if k := strings.Index(text, ", "); k >= 0 && len(strings.Fields(text[:k])) >= minKeyWords && len(strings.Fields(text[:k])) <= tipQuoteWords {
			text = text[:k]
		}
	}
	w := strings.Fields(text)
	cut := len(w) > tipQuoteWords
	if cut {
		w = w[:tipQuoteWords]
	}
	out := strings.TrimRight(strings.Join(w, " "), ".,;:!?…–-")
	if cut {
		out += " …"
	}
	return out
}
