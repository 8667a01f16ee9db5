package score

import (
	"strings"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

// This file measures the caller's side of an inbound call: taking time to
// understand the caller, not rushing them off, and offering help beyond
// the request (docs/scoring.md, time_for_caller). How the trainee picked
// up the phone is answering.go.

const (
	callerQuestionsFull = 2 // inbound: questions to understand the request
	callerTurnsFull     = 3 // inbound: trainee turns before the call may end
	callerAskShare      = 0.4
	callerStayShare     = 0.4
	bareMarkerWords     = 2 // the longest acknowledgement, in words, that is only a marker ("Okay.", "Fine, done.")
)

// rush is one moment that rushes a caller off: the turn, the sentence and
// why. A slip is a goodbye right after the caller opened up, in a call
// that took time for them before: it costs the staying in the call, but
// it is not rushing the caller off (no pressure move, no caps).
type rush struct {
	turn int
	sen  acts.Sentence
	why  msg
	slip bool
}

// findRushes finds the trainee's turns that rush an inbound caller off:
// saying goodbye within the first callerTurnsFull-1 turns, before asking a
// single question, or right after the caller opened up (a reveal) without
// taking it in, telling the caller one has no time ("I'm a bit busy"), and
// cutting in on a caller who broke off mid-sentence (cutsOff). Each such
// turn is also a pressure move, once: it hurries the caller
// along; but a goodbye after the caller opened up in a call that had taken
// time for them before is a slip (rush.slip), not a hurry.
func (c *call) findRushes() {
	questions := 0
	farewell := false
	for k, i := range c.trainee {
		for _, sen := range c.res[i].Sentences {
			if c.asks(i, sen) {
				questions++
			}
		}
		if sen, ok := c.noTime(i); ok {
			c.rushes = append(c.rushes, rush{turn: i, sen: sen, why: whyNoTime})
			c.rushedTurns[i] = true
			c.pressure++
		} else if c.cutsOff(i) {
			c.rushes = append(c.rushes, rush{turn: i, sen: firstSentence(c.res[i]), why: whyCutOff})
			c.rushedTurns[i] = true
			c.pressure++
		}
		sen, ok := sentenceWith(c.res[i], openline.ActFarewell)
		if !ok || farewell {
			continue
		}
		farewell = true
		// A goodbye right after the caller opened up, without taking it in
		// or offering anything, leaves them standing.
		opened := i > 0 && c.tr.Turns[i-1].Speaker == openline.Prospect && c.res[i-1].Has(openline.ActReveal) && !c.takesIn(i)
		switch {
		case k < callerTurnsFull-1 || questions == 0:
			c.rushes = append(c.rushes, rush{turn: i, sen: sen, why: whyRush})
			if !c.rushedTurns[i] {
				c.pressure++ // it hurries the caller out, like "no time"
			}
			c.rushedTurns[i] = true
		case opened:
			c.rushes = append(c.rushes, rush{turn: i, sen: sen, why: whyLeftStanding, slip: true})
		}
	}
}

// cutsOff reports whether trainee turn i cut in on the caller (their
// turn before it broke off mid-sentence, acts.Turn.CutOff) and went on
// without asking them to finish: no question and no reflection of what
// they had begun to say.
func (c *call) cutsOff(i int) bool {
	if i == 0 || c.tr.Turns[i-1].Speaker != openline.Prospect || !c.rd.Turns[i-1].CutOff {
		return false
	}
	r := c.res[i]
	if r.Has(openline.ActReflection) || r.Has(openline.ActFollowUp) {
		return false
	}
	for _, sen := range r.Sentences {
		if c.asks(i, sen) {
			return false
		}
	}
	return true
}

// takesIn reports whether trainee turn i takes up what was just said: a
// reflection, a follow-up, an offer of help, or an acknowledgement longer
// than a bare marker ("Fine, done." takes nothing in; "Danke, dass Sie mir
// das erzählen." does).
func (c *call) takesIn(i int) bool {
	r := c.res[i]
	if r.Has(openline.ActReflection) || r.Has(openline.ActFollowUp) || r.Has(openline.ActOfferHelp) {
		return true
	}
	for _, sen := range r.Sentences {
		if acknowledges(sen) && len(strings.Fields(quote(c.tr.Turns[i].Text, sen.Start, sen.End))) > bareMarkerWords {
			return true
		}
	}
	return false
}

// noTime returns the sentence of trainee turn i that tells the caller the
// trainee has no time for them, if any.
func (c *call) noTime(i int) (acts.Sentence, bool) {
	t := c.rd.Turns[i]
	if !t.NoTime {
		return acts.Sentence{}, false
	}
	if t.NoTimeAt >= 0 && t.NoTimeAt < len(t.Sentences) {
		return t.Sentences[t.NoTimeAt], true
	}
	return firstSentence(c.res[i]), true
}

// measureCaller counts, on an inbound call, the questions asked to
// understand the caller and finds the first offer of help beyond the
// request (a contact, an invitation: where a call nobody planned leads;
// "Wie kann ich Ihnen helfen?" opens the call, it offers nothing yet).
func (c *call) measureCaller() {
	if !c.inbound {
		return
	}
	for _, k := range c.questionTurns {
		i := c.trainee[k]
		for _, sen := range c.res[i].Sentences {
			if c.asks(i, sen) {
				c.callerAsked++
			}
		}
	}
	for _, i := range c.trainee {
		if sen, ok := sentenceWith(c.res[i], openline.ActOfferHelp); ok && !c.res[i].Has(openline.ActPitch) && !has(sen, openline.ActOpenQuestion) {
			c.callerOffered, c.offerTurn, c.offer = true, i, sen
			return
		}
	}
}

// timeForCallerPart scores an inbound call: callerAskShare for questions
// to understand the caller (callerQuestionsFull of them for full marks),
// callerStayShare for staying in the call (callerTurnsFull trainee turns)
// without rushing it off, and the rest for offering help beyond the
// request.
func timeForCallerPart(c *call, ev *evidence) float64 {
	if !c.inbound || len(c.trainee) == 0 {
		return 0
	}
	for _, k := range c.questionTurns {
		// A question in the turn that rushes the caller off takes no time.
		if i := c.trainee[k]; !c.rushedTurns[i] {
			ev.add(i, c.lastQuestion(i), opn, openline.EffectPlus, whyTakeTime)
			break
		}
	}
	for _, r := range c.rushes {
		ev.add(r.turn, r.sen, opn, openline.EffectMinus, r.why)
	}
	if c.callerOffered {
		ev.add(c.offerTurn, c.offer, opn, openline.EffectPlus, whyOfferHelp)
	}
	score := callerAskShare * clamp01(c.callerAsked/callerQuestionsFull)
	if len(c.rushes) == 0 {
		score += callerStayShare * clamp01(float64(len(c.trainee))/callerTurnsFull)
	}
	if c.callerOffered {
		score += 1 - callerAskShare - callerStayShare
	}
	return score
}

// rushedOff reports whether the caller was rushed off: a rush that is not
// a slip, each of which marks its turn in rushedTurns.
func (c *call) rushedOff() bool { return len(c.rushedTurns) > 0 }

// timeForCallerTip names the moment the caller was rushed (answer their
// question with one, or stay a little longer once the request is done),
// else the missed offer, else the first turn.
func timeForCallerTip(c *call, _ map[int]bool) openline.Tip {
	if len(c.rushes) > 0 {
		r := c.rushes[0].turn
		if r > 0 && c.rd.Turns[r-1].AsksBack {
			return c.tipAt(r, tipCaller, tipCallerBetter)
		}
		return c.tipAt(r, tipCaller, tipCallerStayBetter)
	}
	if c.callerAsked >= callerQuestionsFull && !c.callerOffered {
		turn, _ := c.missedChance(func(i int) bool { return c.res[i].Has(openline.ActOfferHelp) })
		return c.tipAt(turn, tipCallerOffer, tipCallerOfferBetter)
	}
	return c.tipAt(c.trainee[0], tipCaller, tipCallerBetter)
}
