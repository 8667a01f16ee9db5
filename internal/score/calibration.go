package score

import (
	"math"

	"github.com/openline/openline/internal/openline"
)

// Calibration is how the parts of one call are combined into its two
// scores: the default base weight of every part (a scenario may set its
// own), the shortfall boost of the room parts and the caps. The shipped
// one, calibrated, is fitted to the trainer corpus of the tuning sets by
// cmd/fit-weights (docs/scoring.md, "How the default weights are
// fitted"); calibrated.go is what that command writes.
type Calibration struct {
	// Setting names what the fit freed for openness and for curiosity
	// (a label of cmd/fit-weights' table).
	Setting [2]string
	// Weights is the default base weight of every part, by weight name.
	Weights map[string]float64
	// Full is, by weight name, the value (0–1] from which a part counts
	// in full: its credited value is min(1, value / Full), and the
	// scorecard shows that. 1 (or none) credits the value as measured.
	Full map[string]float64
	// Openness and Curiosity are the curves from a score's weighted mean
	// of its parts to the score, before the caps.
	Openness, Curiosity Curve
	// Boost: a room part weighs (1 + Boost × shortfall) times its base
	// weight (step 5 of docs/scoring.md).
	Boost float64
	// RepeatedPushing is the most openness a call scores when two or
	// more trainee turns push in any way (rushing a caller off included),
	// OnePressure when one does; RepeatedPressure when two or more push
	// by pressure, by asking on after a no or by arguing "yes, but"s, and
	// at least one in five of the trainee's turns (the allowance of a long
	// call, as in the pressure part: every call the fit saw with two such
	// turns had at most six trainee turns).
	RepeatedPushing, OnePressure, RepeatedPressure float64
	// IgnoringShare and Ignoring: a call taking up less than IgnoringShare
	// of what was said scores openness at most 100 × (Ignoring + (1 −
	// Ignoring) × that share).
	IgnoringShare, Ignoring float64
	// RushedOpenness and RushedCuriosity are the most a call that rushed
	// an inbound caller off scores.
	RushedOpenness, RushedCuriosity float64
}

// Curve stretches a weighted mean m (0–100) around Centre by Stretch:
// the score is Centre + Stretch × (m − Centre), clamped to 0–100. A
// Stretch of 0 or 1 leaves the mean as it is.
type Curve struct {
	Centre, Stretch float64
}

// apply returns the score of mean m under the curve.
func (cv Curve) apply(m float64) float64 {
	if cv.Stretch == 0 {
		return m
	}
	return cv.Centre + cv.Stretch*(m-cv.Centre)
}

// Breakdown is what the two scores of one call are combined from: every
// part's value before weighting, whether it applies, its base weight and
// whether the scenario set it, and what the caps look at. Break returns
// it; cmd/fit-weights fits the Calibration to the trainer corpus from
// these.
type Breakdown struct {
	Parts []BreakdownPart
	// PushedTurns are the trainee turns that push; PressingTurns those of
	// them that push other than by rushing a caller off; TraineeTurns all
	// the trainee's turns.
	PushedTurns, PressingTurns, TraineeTurns int
	// ListenShare is the share of the trainee turns that take up what was
	// said, of those that had something to take up (1 without any).
	ListenShare float64
	// Rushed: an inbound caller was rushed off.
	Rushed bool
}

// BreakdownPart is one part of a Breakdown.
type BreakdownPart struct {
	Name      string
	Dimension openline.Dimension
	Value     float64 // 0–1, unrounded (0 when it does not apply)
	Applies   bool
	// Weight is the base weight the scenario sets; ScenarioWeight says
	// whether it sets one (else the calibration's default applies).
	Weight         float64
	ScenarioWeight bool
	Room           bool // boosted by its shortfall
}

// weightOf returns the base weight of part p under the calibration.
func (cal *Calibration) weightOf(p BreakdownPart) float64 {
	if p.ScenarioWeight {
		return p.Weight
	}
	return cal.Weights[p.Name]
}

// credit returns the value part p counts with: its value, counted in full
// from the part's Full point.
func (cal *Calibration) credit(p BreakdownPart) float64 {
	f, ok := cal.Full[p.Name]
	if !ok || f >= 1 || f <= 0 {
		return p.Value
	}
	return math.Min(1, p.Value/f)
}

// weighted returns the weight part p counts with: its base weight, for a
// room part that applies boosted by its shortfall, with the value rounded
// to the percent the scorecard shows and the weight to two decimals.
func (cal *Calibration) weighted(p BreakdownPart) float64 {
	w := cal.weightOf(p)
	if p.Applies && p.Room {
		w = math.Round(100*w*(1+cal.Boost*(1-math.Round(100*cal.credit(p))/100))) / 100
	}
	return w
}

// Scores combines the parts of b into the two scores and applies the
// caps: pressure in any form caps openness (a call with repeated pressure
// is poor however friendly the rest of it was); a call that takes up
// nothing the prospect says is not open, however friendly its words;
// rushing a caller off is neither curious nor open.
func (cal *Calibration) Scores(b *Breakdown) (openness, curiosity int) {
	oc, cc := cal.caps(b)
	return min(cal.Openness.apply0(cal.mean(b, opn)), oc), min(cal.Curiosity.apply0(cal.mean(b, cur)), cc)
}

// apply0 is apply on a mean that may be missing (NaN: no part with a
// positive weight applies), rounded to a score 0–100 (0 when missing).
func (cv Curve) apply0(m float64) int {
	if math.IsNaN(m) {
		return 0
	}
	return clampInt(int(math.Round(cv.apply(m))), 0, 100)
}

// mean is the weighted mean of the applicable parts of dimension dim on
// 0–100; NaN when no part with a positive weight applies.
func (cal *Calibration) mean(b *Breakdown, dim openline.Dimension) float64 {
	var sum, total float64
	for _, p := range b.Parts {
		if p.Dimension != dim || !p.Applies {
			continue
		}
		w := cal.weighted(p)
		if w <= 0 {
			continue
		}
		sum += w * cal.credit(p)
		total += w
	}
	if total == 0 {
		return math.NaN()
	}
	return 100 * sum / total
}

// caps returns the most openness and curiosity the call of b can score
// (100 when nothing caps it).
func (cal *Calibration) caps(b *Breakdown) (openness, curiosity int) {
	openness, curiosity = 100, 100
	switch {
	case b.PushedTurns >= 2:
		openness = int(math.Round(cal.RepeatedPushing))
		if b.PressingTurns >= 2 && 5*b.PressingTurns >= b.TraineeTurns {
			openness = min(openness, int(math.Round(cal.RepeatedPressure)))
		}
	case b.PushedTurns == 1:
		openness = int(math.Round(cal.OnePressure))
	}
	if b.ListenShare < cal.IgnoringShare {
		openness = min(openness, int(math.Round(100*(cal.Ignoring+(1-cal.Ignoring)*b.ListenShare))))
	}
	if b.Rushed {
		openness = min(openness, int(math.Round(cal.RushedOpenness)))
		curiosity = min(curiosity, int(math.Round(cal.RushedCuriosity)))
	}
	return openness, curiosity
}
