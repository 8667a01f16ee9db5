package scripted

import (
	"slices"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

// This file is the prospect's state and how a turn moves it: patience,
// interest, how far pushing has escalated, and how the call ends. Nothing
// here chooses words: answer decides what a turn does with the state, and
// own and say choose the line that goes with it.

// state is the prospect's state between turns. Invariants: 0 ≤ patience
// ≤ MaxPatience, 0 ≤ interest ≤ MaxInterest; outcome is next_step exactly
// when agreed is set, and hung_up leaves no next step.
type state struct {
	patience, startPatience int
	interest                int

	pushes int  // pushing turns so far (an insult counts two)
	level  int  // escalation of the last turn (see escalate)
	warned bool // the prospect has warned the pusher

	outcome  openline.Outcome
	nextStep string
	// agreed is the kind of next step agreed, "" before; afterAgreed counts
	// the turns since, confirmed whether the trainee confirmed it.
	agreed      string
	afterAgreed int
	confirmed   bool
}

func (s *state) clampState() {
	s.patience = clamp(s.patience, 0, MaxPatience)
	s.interest = clamp(s.interest, 0, MaxInterest)
}

// exhausted reports whether patience has run out: the prospect hangs up.
func (s *state) exhausted() bool { return s.patience <= 0 }

// hangUp records that the prospect hangs up: no patience left, outcome
// hung_up, and no next step, even one agreed before.
func (s *state) hangUp() {
	s.patience = 0
	s.outcome, s.nextStep, s.agreed = openline.OutcomeHungUp, "", ""
}

// agreeTo records a next step of kind as agreed; the outcome is next_step
// from now on (also when the trainee simply hangs up).
func (s *state) agreeTo(kind string) {
	s.agreed, s.afterAgreed = kind, 0
	s.outcome, s.nextStep = openline.OutcomeNextStep, kind
}

// pushLimit is, by difficulty, how many pushing turns a prospect takes
// before hanging up: the warning comes one before.
var pushLimit = map[openline.Difficulty]int{openline.Easy: 4, openline.Medium: 3, openline.Hard: 3}

// Escalation levels of a turn: how far the prospect has had enough.
const (
	calm    = iota // the turn did not push
	annoyed        // pushed: rebuffed
	warned         // pushed once too often: the next push ends the call
	done           // pushed after the warning: hang up
)

// escalate counts a pushing turn and returns its level. The prospect
// warns once before hanging up on a pusher, whatever pushed them there:
// the count of pushes reaching one below the limit (an insult counts
// two), or a push that leaves no patience (see settle).
func (p *prospect) escalate(t turn) int {
	if !p.pushing(t) {
		return calm
	}
	p.pushes++
	if t.push.Insult {
		p.pushes++ // an insult weighs double
	}
	limit := pushLimit[p.sc.Difficulty]
	if limit == 0 {
		limit = pushLimit[openline.Medium]
	}
	switch {
	case p.warned:
		return done
	case p.pushes >= limit-1:
		return warned
	}
	return annoyed
}

// pressed reports whether the caller has pushed the prospect to half
// their tolerance or more (two pushes on every difficulty): one slip is
// forgiven, but a prospect who has been pressed agrees no next step,
// however the proposal is put, so pressure is never what earns one.
func (p *prospect) pressed() bool {
	limit := pushLimit[p.sc.Difficulty]
	if limit == 0 {
		limit = pushLimit[openline.Medium]
	}
	return 2*p.pushes >= limit
}

// settle fixes the level of a turn once its reply is known: a push that
// leaves no patience before the warning gets the warning instead of the
// end; after the warning a push ends the call (patience 0). It records the
// level and returns it.
func (s *state) settle(level int, ended bool) int {
	if level > calm && level < done && s.patience <= 0 && !ended {
		level = warned // no patience left: the warning first, then the end
	}
	switch {
	case level == done:
		s.patience = 0 // checkPatience hangs up
	case level == warned && !ended:
		s.warned = true
		s.patience = max(s.patience, 1)
	}
	s.level = level
	return level
}

// dynamics applies the engine's own patience and interest movements of a
// turn (step 5).
func (p *prospect) dynamics(t turn) {
	has := t.tags.Has
	drain := 0
	if has(openline.ActPressure) {
		drain += p.rates.pressure
	}
	if t.words > longMonologueWords {
		drain += p.rates.monologue
		if t.words > veryLongMonologueWords {
			drain++
		}
	}
	repitch := p.rejected && has(openline.ActPitch) && !has(openline.ActPressure)
	if repitch {
		drain += p.rates.repitch
	}
	pickedUp := has(openline.ActAcknowledgement) || has(openline.ActReflection) || has(openline.ActFollowUp)
	if !repitch && p.lastCue && (has(openline.ActPitch) || has(openline.ActPressure)) && !pickedUp {
		drain += p.rates.ignoring
	}
	if drain > 0 {
		p.patience -= drain
	} else if (pickedUp || has(openline.ActOpenQuestion)) && p.patience < p.startPatience {
		p.patience = min(p.patience+p.rates.recover, p.startPatience)
	}

	question := t.asksQuestion() || has(openline.ActFollowUp) || has(openline.ActPersonalInterest)
	if question && p.touchesOpenNeed(t) {
		p.interest += p.rates.topic
	}
	if has(openline.ActPersonalInterest) {
		p.interest += p.rates.personal
	}
	if has(openline.ActOfferHelp) {
		p.interest += p.rates.offerHelp
	}
	p.clampState()
}

func (p *prospect) touchesOpenNeed(t turn) bool {
	for _, n := range p.sc.Needs {
		if !slices.Contains(p.revealed, n.ID) && acts.NamesTopic(t.text, &n) {
			return true
		}
	}
	return false
}
