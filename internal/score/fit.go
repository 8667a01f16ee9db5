package score

import (
	"maps"
	"math"
	"slices"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/stats"
)

// This file fits the Calibration to calls a trainer scored
// (cmd/fit-weights; docs/scoring.md, "How the default weights are
// fitted").

// HandSet is the calibration set by hand before the weights were fitted
// (4 December 2026): the fit starts from it and, with a positive
// FitOptions.Pull, is pulled towards it.
var HandSet = Calibration{
	Weights: map[string]float64{
		openline.WeightQuestions: 2, openline.WeightOpenShare: 2, openline.WeightFollowUps: 2, openline.WeightNeeds: 2,
		openline.WeightPersonalInterest: 1, openline.WeightSpread: 1,
		openline.WeightFriendlyOpening: 1.5, openline.WeightListening: 2, openline.WeightAcknowledgement: 2,
		openline.WeightAfterRejection: 2.5, openline.WeightTimeForCaller: 3, openline.WeightPressure: 3, openline.WeightAnswering: 2,
	},
	Boost:           2,
	RepeatedPushing: 20, OnePressure: 50, RepeatedPressure: 20,
	IgnoringShare: 0.4, Ignoring: 0.25,
	RushedOpenness: 35, RushedCuriosity: 20,
}

// FitCall is one call a trainer scored, broken down (Break).
type FitCall struct {
	Name, Set           string
	Breakdown           *Breakdown
	Openness, Curiosity int  // the trainer's scores
	Gaming              bool // an attempt to fool the scorer (internal/score/testdata/gaming)
}

// FitOptions says what the fit may change.
type FitOptions struct {
	// Weights, Full, Boost and Caps free the default weights, the points
	// of full credit, the shortfall boost and the caps; what is not free
	// keeps HandSet's value.
	Weights, Full, Boost, Caps bool
	// Curve frees the curve of each score; PressureCap only the cap on
	// openness for repeated pressure (of the caps).
	Curve, PressureCap bool
	// Rank adds Rank × 100 × (1 − Spearman's ρ) of the trainer calls
	// (not the gaming attempts) to the loss: a rank loss beside the
	// absolute deviation, so that a better level is not bought with a
	// worse order.
	Rank float64
	// Pull is the loss, in points of mean absolute error, that one grid
	// step away from HandSet costs: the fit moves a value only where the
	// trainers' scores say so clearly.
	Pull float64
}

// A fitParam is one value the fit may change: where it lives in the
// calibration, its dimension, its grid and the size of one step.
type fitParam struct {
	name     string
	dim      openline.Dimension
	lo, hi   float64
	step     float64
	get      func(*Calibration) float64
	set      func(*Calibration, float64)
	weight   bool
	full     bool
	curve    bool
	boost    bool
	cap      bool
	minAbove func(*Calibration) float64 // a lower bound from another value (OnePressure ≥ RepeatedPressure)
}

// MinWeight is the least default weight the fit gives a part: every part
// keeps counting, so the scorecard's parts and tips stay what they say.
const MinWeight = 0.5

func fitParams() []fitParam {
	var ps []fitParam
	for _, p := range parts {
		name := p.name
		ps = append(ps, fitParam{name: name, dim: p.dim, lo: MinWeight, hi: maxWeight, step: 0.25, weight: true,
			get: func(c *Calibration) float64 { return c.Weights[name] },
			set: func(c *Calibration, v float64) { c.Weights[name] = v }})
		ps = append(ps, fitParam{name: name + " full", dim: p.dim, lo: 0.3, hi: 1, step: 0.05, full: true,
			get: func(c *Calibration) float64 { return fullOf(c, name) },
			set: func(c *Calibration, v float64) { c.Full[name] = v }})
	}
	for _, d := range []struct {
		dim openline.Dimension
		cv  func(*Calibration) *Curve
	}{{opn, func(c *Calibration) *Curve { return &c.Openness }}, {cur, func(c *Calibration) *Curve { return &c.Curiosity }}} {
		cv := d.cv
		ps = append(ps,
			fitParam{name: string(d.dim) + " stretch", dim: d.dim, lo: 1, hi: 2.5, step: 0.05, curve: true,
				get: func(c *Calibration) float64 { return max(1, cv(c).Stretch) }, set: func(c *Calibration, v float64) { cv(c).Stretch = v }},
			fitParam{name: string(d.dim) + " centre", dim: d.dim, lo: 0, hi: 100, step: 5, curve: true,
				get: func(c *Calibration) float64 { return cv(c).Centre }, set: func(c *Calibration, v float64) { cv(c).Centre = v }})
	}
	ps = append(ps,
		fitParam{name: "boost", dim: opn, lo: 0, hi: 4, step: 0.25, boost: true,
			get: func(c *Calibration) float64 { return c.Boost }, set: func(c *Calibration, v float64) { c.Boost = v }},
		fitParam{name: "repeated_pressure", dim: opn, lo: 0, hi: 50, step: 1, cap: true,
			get: func(c *Calibration) float64 { return c.RepeatedPressure }, set: func(c *Calibration, v float64) { c.RepeatedPressure = v }},
		fitParam{name: "one_pressure", dim: opn, lo: 0, hi: 100, step: 1, cap: true,
			get: func(c *Calibration) float64 { return c.OnePressure }, set: func(c *Calibration, v float64) { c.OnePressure = v },
			minAbove: func(c *Calibration) float64 { return c.RepeatedPressure }},
		fitParam{name: "ignoring_share", dim: opn, lo: 0, hi: 1, step: 0.05, cap: true,
			get: func(c *Calibration) float64 { return c.IgnoringShare }, set: func(c *Calibration, v float64) { c.IgnoringShare = v }},
		fitParam{name: "ignoring", dim: opn, lo: 0, hi: 1, step: 0.05, cap: true,
			get: func(c *Calibration) float64 { return c.Ignoring }, set: func(c *Calibration, v float64) { c.Ignoring = v }},
		fitParam{name: "rushed_openness", dim: opn, lo: 0, hi: 100, step: 1, cap: true,
			get: func(c *Calibration) float64 { return c.RushedOpenness }, set: func(c *Calibration, v float64) { c.RushedOpenness = v }},
		fitParam{name: "rushed_curiosity", dim: cur, lo: 0, hi: 100, step: 1, cap: true,
			get: func(c *Calibration) float64 { return c.RushedCuriosity }, set: func(c *Calibration, v float64) { c.RushedCuriosity = v }},
	)
	return ps
}

// fullOf is the Full point of part name (1: none).
func fullOf(c *Calibration, name string) float64 {
	if f, ok := c.Full[name]; ok {
		return f
	}
	return 1
}

// Clone returns a copy of cal that shares nothing with it.
func (cal Calibration) Clone() Calibration {
	cal.Weights = maps.Clone(cal.Weights)
	cal.Full = maps.Clone(cal.Full)
	if cal.Full == nil {
		cal.Full = map[string]float64{}
	}
	return cal
}

// FitLoss is the mean absolute error of cal's scores of dimension dim
// against the trainer's on calls.
func FitLoss(calls []FitCall, cal *Calibration, dim openline.Dimension) float64 {
	if len(calls) == 0 {
		return 0
	}
	s := 0.0
	for _, c := range calls {
		o, cu := cal.Scores(c.Breakdown)
		if dim == opn {
			s += math.Abs(float64(o - c.Openness))
		} else {
			s += math.Abs(float64(cu - c.Curiosity))
		}
	}
	return s / float64(len(calls))
}

// fitRho is Spearman's ρ of cal's scores of dimension dim against the
// trainer's on the trainer calls of calls.
func fitRho(calls []FitCall, cal *Calibration, dim openline.Dimension) float64 {
	var x, y []float64
	for _, c := range calls {
		if c.Gaming {
			continue
		}
		o, cu := cal.Scores(c.Breakdown)
		if dim == opn {
			x, y = append(x, float64(o)), append(y, float64(c.Openness))
		} else {
			x, y = append(x, float64(cu)), append(y, float64(c.Curiosity))
		}
	}
	if r := stats.Spearman(x, y); !math.IsNaN(r) {
		return r
	}
	return 0
}

// Fit fits a calibration to calls by least absolute deviation: starting
// from HandSet, it goes through the free values again and again, each
// time setting one to the point of its grid that gives the least mean
// absolute error of its score (plus the pull towards HandSet), until no
// value moves. Every step is deterministic, so the same calls give the
// same calibration.
func Fit(calls []FitCall, opt FitOptions) Calibration {
	cal := HandSet.Clone()
	ps := fitParams()
	loss := func(p fitParam) float64 {
		l := FitLoss(calls, &cal, p.dim)
		if opt.Rank > 0 {
			l += opt.Rank * 100 * (1 - fitRho(calls, &cal, p.dim))
		}
		if opt.Pull > 0 {
			for _, q := range ps {
				if q.dim == p.dim {
					l += opt.Pull * math.Abs(q.get(&cal)-q.get(&HandSet)) / q.step
				}
			}
		}
		return l
	}
	for round := 0; round < 50; round++ {
		moved := false
		for _, p := range ps {
			if (p.weight && !opt.Weights) || (p.full && !opt.Full) || (p.curve && !opt.Curve) || (p.boost && !opt.Boost) || (p.cap && !opt.Caps && !(opt.PressureCap && p.name == "repeated_pressure")) {
				continue
			}
			cur := p.get(&cal)
			best, bestLoss := cur, loss(p)
			lo := p.lo
			if p.minAbove != nil {
				lo = math.Max(lo, p.minAbove(&cal))
			}
			n := int(math.Round((p.hi - lo) / p.step))
			for k := 0; k <= n; k++ {
				v := math.Round((lo+float64(k)*p.step)*100) / 100
				p.set(&cal, v)
				l := loss(p)
				// A strictly better point wins; of equal ones the nearest
				// to the current value.
				if l < bestLoss-1e-9 || (math.Abs(l-bestLoss) <= 1e-9 && math.Abs(v-cur) < math.Abs(best-cur)) {
					best, bestLoss = v, l
				}
			}
			p.set(&cal, best)
			if best != cur {
				moved = true
			}
		}
		if !moved {
			break
		}
	}
	return cal
}

// FitSets are the sets of calls, in order.
func FitSets(calls []FitCall) []string {
	var sets []string
	for _, c := range calls {
		if !slices.Contains(sets, c.Set) {
			sets = append(sets, c.Set)
		}
	}
	slices.Sort(sets)
	return sets
}
