// Package score turns a call's transcript (and its scenario, when known)
// into a scorecard on openness and curiosity. Scoring is pure and
// deterministic: the same transcript and scenario always give the same
// scorecard, and every point that moves a score is backed by evidence quoted
// from the trainee's own words. docs/scoring.md gives the formula and the
// references behind each part.
//
// The call is read once (acts.Read) and measured once (measure.go) into a
// read-only value; each part of the two scores (the list in parts.go, one
// entry per part) reads it and gives its value, evidence and tip. The
// files are cut by what they measure: curiosity.go, openness.go, the answer
// to a no in rejection.go, the caller's side in caller.go and answering.go.
package score

import (
	"fmt"
	"slices"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

// Score scores a transcript. sc is the scenario the call ran on, or nil: then
// hidden needs are not scored, default weights apply and an inbound call is
// recognised from the transcript. It fails only on a transcript that breaks
// the rules of DecodeTranscript (a transcript without a trainee turn is
// scored, with both scores 0) or a scenario in another language.
func Score(tr openline.Transcript, sc *openline.Scenario) (*openline.Scorecard, error) {
	if err := validate(tr, false); err != nil {
		return nil, fmt.Errorf("score: %w", err)
	}
	if sc != nil && sc.Language != "" && sc.Language != tr.Language {
		return nil, fmt.Errorf("score: transcript is in %q but scenario %s is in %q", tr.Language, sc.ID, sc.Language)
	}
	s := newScorer(tr, sc)
	s.use(acts.Read(tr, sc))
	return s.finish(), nil
}

// scorer is one scoring run: the measured call and what the parts made of
// it.
type scorer struct {
	*call
	scored
}

func newScorer(tr openline.Transcript, sc *openline.Scenario) *scorer {
	return &scorer{call: newCall(tr, sc)}
}

// finish measures the call, scores every part and builds the scorecard.
func (s *scorer) finish() *openline.Scorecard {
	s.measure()
	ev := newEvidence(s.call)
	s.scored = scoreParts(s.call, ev)
	card := &openline.Scorecard{
		Language: s.tr.Language,
		Scenario: s.tr.Scenario,
		Metrics:  s.m,
		Turns:    make([]openline.TurnActs, len(s.tr.Turns)),
		Evidence: ev.items,
		Parts:    s.parts,
	}
	if s.sc != nil && card.Scenario == "" {
		card.Scenario = s.sc.ID
	}
	for i, t := range s.tr.Turns {
		a := slices.Clone(s.res[i].Acts)
		if a == nil {
			a = []openline.Act{}
		}
		card.Turns[i] = openline.TurnActs{Index: i, Speaker: t.Speaker, Acts: a}
	}
	card.Openness, card.Curiosity = scores(s.scored)
	card.Tips = s.tips()
	card.Voice = s.voice()
	return card
}
