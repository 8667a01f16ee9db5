package score

import (
	"math"

	"github.com/openline/openline/internal/openline"
)

// This file is the list of the parts of both scores: one entry per part
// says everything about it. A new part is a new entry here (and its weight
// name in internal/openline/scenario.go, the scenario's contract), with
// its measuring and its tip in the file of what it measures; nothing else
// names it. docs/scoring.md explains each part.

// partSpec is one part of a score.
type partSpec struct {
	name   string             // its weight name (openline.Weight…): the scenario's scoring key and the scorecard's part name
	dim    openline.Dimension // the score it belongs to
	label  msg                // its name on the text scorecard
	weight float64            // default weight, 0–10, when the scenario sets none
	// room marks a part that measures whether the trainee gives the other
	// person room: it weighs more the more it falls short (see score).
	room bool
	// moment marks a moment the method cares most about (the answer to a
	// no, pressure, a caller): its tip ranks ahead of others that cost as
	// much.
	moment bool
	// applies reports whether the part counts for this call (nil: when
	// the trainee spoke).
	applies func(c *call) bool
	// measure returns the part's value, 0–1, and adds its evidence.
	measure func(c *call, ev *evidence) float64
	// tip is the advice when the part costs points; named holds the turns
	// earlier tips name.
	tip func(c *call, named map[int]bool) openline.Tip
	// untipped reports, when set, that the part has no moment to show in
	// this call however much it costs.
	untipped func(c *call) bool
}

const (
	cur = openline.DimensionCuriosity
	opn = openline.DimensionOpenness
)

// parts are the parts of both scores, in the scorecard's order.
var parts = []partSpec{
	{name: openline.WeightQuestions, dim: cur, label: msg{"Fragen", "questions"}, weight: 2,
		measure: questionsPart, tip: questionsTip},
	{name: openline.WeightOpenShare, dim: cur, label: msg{"offene Fragen", "open questions"}, weight: 2,
		measure: openSharePart, tip: openShareTip, untipped: openShareUntipped},
	{name: openline.WeightFollowUps, dim: cur, label: msg{"Nachfragen", "follow-ups"}, weight: 2,
		measure: followUpsPart, tip: followUpsTip, untipped: followUpsUntipped},
	{name: openline.WeightNeeds, dim: cur, label: msg{"verborgene Anliegen", "hidden needs"}, weight: 2,
		applies: hasNeeds, measure: needsPart, tip: needsTip},
	{name: openline.WeightPersonalInterest, dim: cur, label: msg{"Interesse an der Person", "interest in the person"}, weight: 1,
		measure: personalPart, tip: personalTip},
	{name: openline.WeightSpread, dim: cur, label: msg{"Fragen über das Gespräch verteilt", "questions spread out"}, weight: 1,
		measure: spreadPart, tip: spreadTip},

	{name: openline.WeightFriendlyOpening, dim: opn, label: msg{"freundlicher Beginn", "friendly opening"}, weight: 1.5,
		measure: openingPart, tip: openingTip},
	{name: openline.WeightListening, dim: opn, label: msg{"Zuhören", "listening"}, weight: 2, room: true,
		measure: listeningPart, tip: listeningTip, untipped: listeningUntipped},
	{name: openline.WeightAcknowledgement, dim: opn, label: msg{"Würdigen und Spiegeln", "acknowledging, reflecting"}, weight: 2,
		measure: acknowledgementPart, tip: acknowledgementTip, untipped: acknowledgementUntipped},
	{name: openline.WeightAfterRejection, dim: opn, label: msg{"nach dem Nein", "after a no"}, weight: 2.5, moment: true,
		applies: answeredNo, measure: afterRejectionPart, tip: afterRejectionTip},
	{name: openline.WeightTimeForCaller, dim: opn, label: msg{"Zeit für den Anrufer", "time for the caller"}, weight: 3, room: true, moment: true,
		applies: func(c *call) bool { return len(c.trainee) > 0 && c.inbound }, measure: timeForCallerPart, tip: timeForCallerTip},
	{name: openline.WeightPressure, dim: opn, label: msg{"ohne Druck", "no pressure"}, weight: 3, moment: true,
		measure: pressurePart, tip: pressureTip},
	{name: openline.WeightAnswering, dim: opn, label: msg{"wie Sie sich gemeldet haben", "how you answered the phone"}, weight: 2,
		applies: (*call).answeredPhone, measure: answeringPart, tip: answeringTip},
}

// spec returns the part named name, or nil.
func spec(name string) *partSpec {
	for i := range parts {
		if parts[i].name == name {
			return &parts[i]
		}
	}
	return nil
}

// partLabel is the text scorecard's name of part name (the name itself for
// an unknown one).
func partLabel(name string) msg {
	if p := spec(name); p != nil {
		return p.label
	}
	return msg{name, name}
}

// nothingToTakeIn reports that no prospect turn gave something to take in:
// there is no moment to show for acknowledging or following up, and
// listening is the remedy.
//
// So does a call whose prospect made no point a tip could give back (only
// brush-offs, don't-knows, no-time excuses: call.point), and a call
// dominated by pressure: half or more of the trainee's turns push, and the
// fitting tip is about the pressure, not about reflecting.
func nothingToTakeIn(c *call) bool {
	if c.chances == 0 {
		return true
	}
	pushed := 0
	for _, i := range c.trainee {
		if c.res[i].Has(openline.ActPressure) {
			pushed++
		}
	}
	if 2*pushed >= len(c.trainee) {
		return true
	}
	for i := range c.tr.Turns {
		if c.point(i) {
			return false
		}
	}
	return true
}

// Caps: whatever the parts add up to, these keep a call where a trainer
// puts it (docs/scoring.md).
const (
	repeatedPressureCap = 20   // openness at most this when two or more trainee turns push …
	onePressureCap      = 50   // … and this when one does
	repeatedYesBut      = 2    // this many "yes, but" turns count as pushing turns for the caps
	ignoringShare       = 0.4  // a call taking up less than this share of what was said …
	ignoringCap         = 0.25 // … scores openness at most 100 × (this + (1 − this) × that share)
	rushedOpennessCap   = 35   // openness at most this when an inbound caller was rushed off …
	rushedCuriosityCap  = 20   // … and curiosity at most this
	shortfallBoost      = 2    // room parts weigh (1 + shortfallBoost × shortfall) times their weight
	maxWeight           = 10   // a scenario's weight is clamped to this
)

// scored are the parts of one call with their values.
type scored struct {
	parts []openline.ScorePart
	raw   []float64 // each part's value, 0–1
	base  []float64 // each part's weight before the shortfall boost, for ranking tips
}

// scoreParts measures every part in order, adding its evidence to ev. A
// room part weighs weight × (1 + shortfallBoost × (1 − value)), with the
// value rounded to the percent the scorecard shows and the weight to two
// decimals, so friendliness and the absence of pressure cannot make up for
// talking at the prospect or rushing a caller off.
func scoreParts(c *call, ev *evidence) scored {
	var out scored
	spoke := len(c.trainee) > 0
	for _, p := range parts {
		applies := spoke
		if p.applies != nil {
			applies = p.applies(c)
		}
		v := clamp01(p.measure(c, ev))
		w := weight(c.sc, p.dim, p.name, p.weight)
		out.base = append(out.base, w)
		if !applies {
			v = 0
		}
		if applies && p.room {
			w = math.Round(100*w*(1+shortfallBoost*(1-math.Round(100*v)/100))) / 100
		}
		out.parts = append(out.parts, openline.ScorePart{Dimension: p.dim, Name: p.name, Weight: w, Score: int(math.Round(100 * v)), Applies: applies})
		out.raw = append(out.raw, v)
	}
	return out
}

// scores combines the parts into the two scores and applies the caps:
// pressure in any form caps openness (a call with repeated pressure is
// poor however friendly the rest of it was); a call that takes up nothing
// the prospect says is not open, however friendly its words; rushing a
// caller off is neither curious nor open.
func scores(c *call, s scored) (openness, curiosity int) {
	curiosity = combine(s.parts, s.raw, cur)
	openness = combine(s.parts, s.raw, opn)
	switch {
	case c.pushedTurns >= 2:
		openness = min(openness, repeatedPressureCap)
	case c.pushedTurns == 1:
		openness = min(openness, onePressureCap)
	}
	if ls := c.listenShare(); ls < ignoringShare {
		openness = min(openness, int(math.Round(100*(ignoringCap+(1-ignoringCap)*ls))))
	}
	if c.rushedOff() {
		openness = min(openness, rushedOpennessCap)
		curiosity = min(curiosity, rushedCuriosityCap)
	}
	return openness, curiosity
}

// weight returns the weight of part name in dimension dim: the scenario's
// value when it sets one (clamped to 0–10; NaN keeps the default), else
// def.
func weight(sc *openline.Scenario, dim openline.Dimension, name string, def float64) float64 {
	if sc == nil {
		return def
	}
	m := sc.Scoring.Curiosity
	if dim == openline.DimensionOpenness {
		m = sc.Scoring.Openness
	}
	v, ok := m[name]
	if !ok || math.IsNaN(v) {
		return def
	}
	return math.Max(0, math.Min(maxWeight, v))
}

// combine is the weighted mean of the applicable parts on 0–100, rounded;
// 0 when no part with a positive weight applies.
func combine(parts []openline.ScorePart, raw []float64, dim openline.Dimension) int {
	var sum, total float64
	for i, p := range parts {
		if p.Dimension != dim || !p.Applies || p.Weight <= 0 {
			continue
		}
		sum += p.Weight * raw[i]
		total += p.Weight
	}
	if total == 0 {
		return 0
	}
	return clampInt(int(math.Round(100*sum/total)), 0, 100)
}

func clamp01(x float64) float64 {
	if math.IsNaN(x) || x < 0 {
		return 0
	}
	return math.Min(1, x)
}

func clampInt(x, lo, hi int) int { return max(lo, min(hi, x)) }

// rise is 0 at or below lo, 1 at or above hi, linear between (lo < hi).
func rise(x, lo, hi float64) float64 { return clamp01((x - lo) / (hi - lo)) }

// fall is 1 at or below good, 0 at or above bad, linear between (good < bad).
func fall(x, good, bad float64) float64 { return clamp01((bad - x) / (bad - good)) }
