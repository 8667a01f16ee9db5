package score

import (
	"fmt"
	"math"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

// This file is the list of the parts of both scores: one entry per part
// says everything about it. A new part is a new entry here (and its weight
// name in internal/openline/scenario.go, the scenario's contract), with
// its measuring and its tip in the file of what it measures; nothing else
// names it. docs/scoring.md explains each part.

// partSpec is one part of a score.
type partSpec struct {
	name  string             // its weight name (openline.Weight…): the scenario's scoring key and the scorecard's part name
	dim   openline.Dimension // the score it belongs to
	label msg                // its name on the text scorecard (its default weight is calibrated.Weights[name])
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
	{name: openline.WeightQuestions, dim: cur, label: msg{"Fragen", "questions"},
		measure: questionsPart, tip: questionsTip},
	{name: openline.WeightOpenShare, dim: cur, label: msg{"offene Fragen", "open questions"},
		measure: openSharePart, tip: openShareTip, untipped: openShareUntipped},
	{name: openline.WeightFollowUps, dim: cur, label: msg{"Nachfragen", "follow-ups"},
		measure: followUpsPart, tip: followUpsTip, untipped: followUpsUntipped},
	{name: openline.WeightNeeds, dim: cur, label: msg{"verborgene Anliegen", "hidden needs"},
		applies: hasNeeds, measure: needsPart, tip: needsTip},
	{name: openline.WeightPersonalInterest, dim: cur, label: msg{"Interesse an der Person", "interest in the person"},
		measure: personalPart, tip: personalTip},
	{name: openline.WeightSpread, dim: cur, label: msg{"Fragen über das Gespräch verteilt", "questions spread out"},
		measure: spreadPart, tip: spreadTip},

	{name: openline.WeightFriendlyOpening, dim: opn, label: msg{"freundlicher Beginn", "friendly opening"},
		measure: openingPart, tip: openingTip},
	{name: openline.WeightListening, dim: opn, label: msg{"Zuhören", "listening"}, room: true,
		measure: listeningPart, tip: listeningTip, untipped: listeningUntipped},
	{name: openline.WeightAcknowledgement, dim: opn, label: msg{"Würdigen und Spiegeln", "acknowledging, reflecting"},
		measure: acknowledgementPart, tip: acknowledgementTip, untipped: acknowledgementUntipped},
	{name: openline.WeightAfterRejection, dim: opn, label: msg{"nach dem Nein", "after a no"}, moment: true,
		applies: answeredNo, measure: afterRejectionPart, tip: afterRejectionTip},
	{name: openline.WeightTimeForCaller, dim: opn, label: msg{"Zeit für den Anrufer", "time for the caller"}, room: true, moment: true,
		applies: func(c *call) bool { return len(c.trainee) > 0 && c.inbound }, measure: timeForCallerPart, tip: timeForCallerTip},
	{name: openline.WeightPressure, dim: opn, label: msg{"ohne Druck", "no pressure"}, moment: true,
		measure: pressurePart, tip: pressureTip},
	{name: openline.WeightAnswering, dim: opn, label: msg{"wie Sie sich gemeldet haben", "how you answered the phone"},
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

// maxWeight is the most a scenario's weight can be; larger ones are
// clamped to it. The default weights and the caps are the Calibration
// (calibration.go, calibrated.go).
const maxWeight = 10

// repeatedYesBut is how many "yes, but" turns count as pushing turns for
// the caps.
const repeatedYesBut = 2

// scored are the parts of one call with their values.
type scored struct {
	breakdown Breakdown
	parts     []openline.ScorePart
	raw       []float64 // each part's credited value, 0–1 (Calibration.credit)
	base      []float64 // each part's weight before the shortfall boost, for ranking tips
}

// scoreParts measures every part in order, adding its evidence to ev, and
// weighs it under the shipped calibration: a room part weighs its base
// weight × (1 + boost × (1 − value)), so friendliness and the absence of
// pressure cannot make up for talking at the prospect or rushing a caller
// off.
func scoreParts(c *call, ev *evidence) scored {
	var out scored
	spoke := len(c.trainee) > 0
	b := &out.breakdown
	for _, p := range parts {
		applies := spoke
		if p.applies != nil {
			applies = p.applies(c)
		}
		v := clamp01(p.measure(c, ev))
		if !applies {
			v = 0
		}
		sw, set := scenarioWeight(c.sc, p.dim, p.name)
		bp := BreakdownPart{Name: p.name, Dimension: p.dim, Value: v, Applies: applies, Weight: sw, ScenarioWeight: set, Room: p.room}
		b.Parts = append(b.Parts, bp)
		out.base = append(out.base, calibrated.weightOf(bp))
		v = calibrated.credit(bp)
		out.parts = append(out.parts, openline.ScorePart{Dimension: p.dim, Name: p.name, Weight: calibrated.weighted(bp), Score: int(math.Round(100 * v)), Applies: applies})
		out.raw = append(out.raw, v)
	}
	b.PushedTurns = c.pushedTurns
	b.PressingTurns, b.TraineeTurns = c.pressingTurns, len(c.trainee)
	b.ListenShare = c.listenShare()
	b.Rushed = c.rushedOff()
	return out
}

// scores combines the parts into the two scores and applies the caps
// (Calibration.Scores).
func scores(s scored) (openness, curiosity int) {
	return calibrated.Scores(&s.breakdown)
}

// Break scores a transcript like Score and returns what its two scores
// are combined from.
func Break(tr openline.Transcript, sc *openline.Scenario) (*Breakdown, error) {
	if err := validate(tr, false); err != nil {
		return nil, fmt.Errorf("score: %w", err)
	}
	s := newScorer(tr, sc)
	s.use(acts.Read(tr, sc))
	s.measure()
	s.scored = scoreParts(s.call, newEvidence(s.call))
	return &s.breakdown, nil
}

// scenarioWeight returns the weight the scenario sets for part name in
// dimension dim, clamped to 0–10, and whether it sets one (NaN sets none).
func scenarioWeight(sc *openline.Scenario, dim openline.Dimension, name string) (float64, bool) {
	if sc == nil {
		return 0, false
	}
	m := sc.Scoring.Curiosity
	if dim == openline.DimensionOpenness {
		m = sc.Scoring.Openness
	}
	v, ok := m[name]
	if !ok || math.IsNaN(v) {
		return 0, false
	}
	return math.Max(0, math.Min(maxWeight, v)), true
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
