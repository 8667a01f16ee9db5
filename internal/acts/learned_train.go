package acts

import (
	"fmt"
	"math"
	"slices"

	"github.com/openline/openline/internal/openline"
)

// This file trains the learned layer (learned.go) on labelled trainee
// turns. Training is deterministic: the same examples in the same order
// give the same model, byte for byte (TestLearnedModelReproduces).

// Example is one labelled trainee turn: the call up to and including it
// (its last turn), and what a trainer reads in it.
type Example struct {
	// Set is which writer's set the turn comes from; the layer's
	// thresholds are chosen by leaving one set out at a time.
	Set        int
	Transcript openline.Transcript
	Scenario   *openline.Scenario
	Acts       []openline.Act
	// Uptake is the labelled uptake; UptakeNone for "n/a".
	Uptake Uptake
	// YesBut is true when the turn's acknowledgement is a "yes, but".
	YesBut bool
}

// Training parameters: the hashed feature space, the passes of
// stochastic gradient descent over the examples, its step, the L2
// penalty, and the gain a head must show (out of the folds of the sets it
// was trained on) to be used at all.
const (
	trainBuckets = 1 << 13
	trainEpochs  = 12
	trainStep    = 0.1
	trainL2      = 1e-4
	trainMinGain = 0.01
	pruneBelow   = 0.01
)

// addGrid and removeGrid are the thresholds tried; 2 never adds, -1 never
// removes.
var (
	addGrid    = []float64{2, 0.95, 0.9, 0.85, 0.8}
	removeGrid = []float64{-1, 0.05, 0.1, 0.15, 0.2}
)

// A head's side: whether the answer "yes" credits the trainee, debits
// them, or neither. The layer makes the reading stricter: it may take
// away what credits and add what debits, never the reverse. Words alone
// are what a trick games (echoing every answer, a stock "what I'm
// hearing is", guilt dressed as concern): a layer that granted a
// follow-up, a reflection or uptake on the strength of words, or cleared
// pressure, was gamed by exactly those calls
// (internal/score/testdata/gaming), which no set of the corpus shows.
// The one exception is grants: an acknowledgement the rules missed
// ("Das tut mir wirklich leid" after a complaint) the head may add, and
// never take away, since the head that also took it away took "I see."
// from the scripted prospect's listening tests; adding it moved none of
// the gaming attempts (go run ./cmd/eval -sets) and an acknowledgement
// followed by a pitch or pressure is still a "yes, but" to the scorer.
type side int

const (
	neutral side = iota
	credits
	debits
	grants // credits, but only ever added
)

// stricter returns the side of head name.
func stricter(name string) side {
	switch name {
	case uptakeHead, string(openline.ActFollowUp), string(openline.ActReflection),
		string(openline.ActFeedbackRequest), string(openline.ActPersonalInterest), string(openline.ActOfferHelp),
		string(openline.ActOpenQuestion), string(openline.ActGreeting), string(openline.ActIntroduction), string(openline.ActPermission):
		return credits
	case yesButHead, string(openline.ActPressure), string(openline.ActPitch), string(openline.ActClosedQuestion):
		return debits
	case string(openline.ActAcknowledgement):
		return grants
	}
	return neutral
}

// HeadReport is what training found for one head: its measure (F1 of the
// act, or uptake accuracy) for the rules and for the chosen thresholds,
// out of fold on the training sets.
type HeadReport struct {
	Name              string
	N                 int
	Rules, Learned    float64
	Add, Remove       float64
	Used              bool
	RulePos, LabelPos int
}

func (r HeadReport) String() string {
	use := "not used"
	if r.Used {
		use = fmt.Sprintf("used: add above %.2f, remove below %.2f", r.Add, r.Remove)
	}
	return fmt.Sprintf("%-18s n %4d  rules %.3f  learned %.3f  %s", r.Name, r.N, r.Rules, r.Learned, use)
}

// sample is one example as one head sees it.
type sample struct {
	x          []uint32
	rule, want bool
	set        int
	// alone is true when the rules' act stands alone in the turn
	// (standsAlone): the layer keeps it.
	alone bool
}

// prepared is an example read by the rules, with its features.
type prepared struct {
	ex   Example
	turn Turn
	f    features
	up   []uint32
}

// Heads lists the decisions the layer may learn: every trainee act, the
// "yes, but" and uptake.
func trainHeads() []string {
	out := []string{uptakeHead, yesButHead}
	for _, a := range openline.TraineeActs {
		out = append(out, string(a))
	}
	return out
}

// Train trains a learned layer on examples (trainee turns; others are
// ignored). For each head it chooses the thresholds, and whether to use
// the head at all, by leaving one set out at a time among the examples'
// sets; then it trains the head on all of them. off names heads never to
// use. It returns the model and what it found per head.
func Train(examples []Example, off []string) (*Model, []HeadReport) {
	return train(examples, off, trainSeed)
}

// trainSeed seeds the order in which training visits the examples.
const trainSeed = 1

// train is Train with the examples visited in an order shuffled by seed:
// a model trained with another seed should read the corpus the same way
// but for a few turns (TestLearnedStable).
func train(examples []Example, off []string, seed uint64) (*Model, []HeadReport) {
	var ps []prepared
	for _, ex := range examples {
		n := len(ex.Transcript.Turns)
		if n == 0 || ex.Transcript.Turns[n-1].Speaker != openline.Trainee {
			continue
		}
		rd := readTagged(ex.Transcript, ex.Scenario, nil, nil)
		t := rd.Turns[n-1]
		prospect := ""
		if n >= 2 && ex.Transcript.Turns[n-2].Speaker == openline.Prospect {
			prospect = ex.Transcript.Turns[n-2].Text
		}
		f := turnFeatures(trainBuckets, &t, ex.Transcript.Turns[n-1].Text, prospect)
		ps = append(ps, prepared{ex: ex, turn: t, f: f, up: uptakeFeatures(trainBuckets, f.all, t.Uptake, n-1)})
	}
	m := &Model{buckets: trainBuckets}
	var reports []HeadReport
	for _, name := range trainHeads() {
		kind, act, _ := headFor(name)
		var ss []sample
		for _, p := range ps {
			switch kind {
			case headAct:
				ss = append(ss, sample{x: p.f.all, rule: p.turn.Has(act), want: slices.Contains(p.ex.Acts, act), set: p.ex.Set, alone: standsAlone(p.turn.Result, act)})
			case headYesBut:
				if p.turn.Has(openline.ActAcknowledgement) || p.turn.YesBut {
					ss = append(ss, sample{x: p.f.all, rule: p.turn.YesBut, want: p.ex.YesBut, set: p.ex.Set})
				}
			case headUptake:
				if p.turn.Uptake != UptakeNone && p.ex.Uptake != UptakeNone {
					ss = append(ss, sample{x: p.up, rule: p.turn.Uptake == UptakeTakesUp, want: p.ex.Uptake == UptakeTakesUp, set: p.ex.Set})
				}
			}
		}
		rep := HeadReport{Name: name, N: len(ss)}
		for _, s := range ss {
			if s.rule {
				rep.RulePos++
			}
			if s.want {
				rep.LabelPos++
			}
		}
		if len(ss) == 0 || rep.LabelPos == 0 {
			reports = append(reports, rep)
			continue
		}
		oof := outOfFold(ss, seed)
		measure := f1Of
		if kind == headUptake {
			measure = accuracyOf
		}
		h := head{name: name, kind: kind, act: act, add: 2, remove: -1}
		rep.Rules = measure(ss, nil, h)
		rep.Learned = rep.Rules
		adds, removes := addGrid, removeGrid
		switch stricter(name) {
		case credits:
			adds = addGrid[:1]
		case debits, grants:
			removes = removeGrid[:1]
		}
		for _, add := range adds {
			for _, rm := range removes {
				try := h
				try.add, try.remove = add, rm
				if v := measure(ss, oof, try); v > rep.Learned+1e-12 {
					rep.Learned, rep.Add, rep.Remove = v, add, rm
				}
			}
		}
		rep.Used = rep.Learned >= rep.Rules+trainMinGain && !slices.Contains(off, name)
		if rep.Used {
			h.add, h.remove = rep.Add, rep.Remove
			w, bias := fit(ss, nil, seed)
			h.bias = float64(quantise(bias)) / weightScale
			h.w = make([]float32, trainBuckets)
			for i, v := range w {
				// Kept as stored (thousandths), and only where it weighs.
				if q := float64(quantise(v)) / weightScale; math.Abs(q) >= pruneBelow {
					h.w[i] = float32(q)
				}
			}
			m.heads = append(m.heads, h)
		}
		reports = append(reports, rep)
	}
	return m, reports
}

// outOfFold returns each sample's probability from a head trained on the
// samples of the other sets (0.5 when its set is the only one).
func outOfFold(ss []sample, seed uint64) []float64 {
	var sets []int
	for _, s := range ss {
		if !slices.Contains(sets, s.set) {
			sets = append(sets, s.set)
		}
	}
	slices.Sort(sets)
	p := make([]float64, len(ss))
	for i := range p {
		p[i] = 0.5
	}
	if len(sets) < 2 {
		return p
	}
	for _, held := range sets {
		w, bias := fit(ss, func(s sample) bool { return s.set != held }, seed)
		for i, s := range ss {
			if s.set == held {
				z := bias
				for _, j := range s.x {
					z += w[j]
				}
				p[i] = sigmoid(z)
			}
		}
	}
	return p
}

// fit trains one logistic regression by stochastic gradient descent on
// the samples keep accepts (all when keep is nil), visiting them in an
// order shuffled by seed.
func fit(ss []sample, keep func(sample) bool, seed uint64) ([]float64, float64) {
	var idx []int
	for i, s := range ss {
		if keep == nil || keep(s) {
			idx = append(idx, i)
		}
	}
	w := make([]float64, trainBuckets)
	bias := 0.0
	rng := seed
	step := 0
	for epoch := 0; epoch < trainEpochs; epoch++ {
		for i := len(idx) - 1; i > 0; i-- {
			rng = splitmix(rng)
			j := int(rng % uint64(i+1))
			idx[i], idx[j] = idx[j], idx[i]
		}
		for _, k := range idx {
			s := ss[k]
			eta := trainStep / (1 + float64(step)/float64(len(idx)))
			step++
			z := bias
			for _, j := range s.x {
				z += w[j]
			}
			g := sigmoid(z)
			if s.want {
				g -= 1
			}
			bias -= float64(eta * g)
			for _, j := range s.x {
				w[j] -= float64(eta * (g + trainL2*w[j]))
			}
		}
	}
	return w, bias
}

// splitmix is one step of the SplitMix64 generator.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	z := x
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// decisions returns the head's answer per sample given probabilities p
// (the rules' when p is nil).
func decisions(ss []sample, p []float64, h head) []bool {
	out := make([]bool, len(ss))
	for i, s := range ss {
		if p == nil {
			out[i] = s.rule
		} else {
			out[i] = s.rule && s.alone || h.decide(s.rule, p[i])
		}
	}
	return out
}

// f1Of is the F1 of the positive answers.
func f1Of(ss []sample, p []float64, h head) float64 {
	tp, fp, fn := 0, 0, 0
	for i, got := range decisions(ss, p, h) {
		switch {
		case got && ss[i].want:
			tp++
		case got:
			fp++
		case ss[i].want:
			fn++
		}
	}
	if tp == 0 {
		return 0
	}
	return 2 * float64(tp) / float64(2*tp+fp+fn)
}

// accuracyOf is the share of right answers.
func accuracyOf(ss []sample, p []float64, h head) float64 {
	ok := 0
	for i, got := range decisions(ss, p, h) {
		if got == ss[i].want {
			ok++
		}
	}
	return float64(ok) / float64(len(ss))
}

// LayerOff names the heads the learned layer is not used for, whatever
// training finds: those whose measure gained less than 0.02, or lost,
// when one writer's set was left out at a time (go run ./cmd/eval
// -loso; docs/scoring.md, "A learned layer"), and those that misread
// what the scripted prospect's tests and the scenarios' own tests say
// plainly: open_question and feedback_request took the act from "Welche
// Erfahrungen haben Sie mit Agenturen gemacht?" and "Woran hat es
// gelegen, wenn ich fragen darf?" after a no, and reflection took it
// from "That sounds frustrating." and "So simplicity for the warehouse
// team was the deciding point." in the good golden call (its LOSO gain,
// +0.02 F1, does not outweigh that). follow_up (LOSO +0.08 F1) is off
// because it lowered the call-level curiosity Spearman on the trainer's
// held-out calls (0.872 to 0.856): a follow-up taken away costs
// curiosity on good calls as much as on bad ones. pitch is on (LOSO F1
// 0.64 to 0.65; it hears the pitch inside a long opening turn), and so
// is farewell (0.895 to 0.909, only taking it away: "… when they look at
// their statements." is no goodbye).
var LayerOff = []string{uptakeHead, yesButHead, string(openline.ActGreeting), string(openline.ActIntroduction), string(openline.ActPermission),
	string(openline.ActOpenQuestion), string(openline.ActReflection), string(openline.ActFeedbackRequest), string(openline.ActPersonalInterest),
	string(openline.ActFollowUp), string(openline.ActOfferHelp), string(openline.ActProposal)}
