package score

import (
	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

// This file measures the answer to a no: accepting it, asking for a few
// sentences of honest feedback, offering other help, and not pushing or
// re-pitching (docs/scoring.md, after_rejection).

const (
	answerWindow   = 2   // trainee turns that answer a rejection
	repitchPenalty = 0.3 // lost for each pressure move or re-pitch in them
)

// rejectionAnswer is how the trainee answered one rejection.
type rejectionAnswer struct {
	score                           float64
	first                           int // the first trainee turn answering it
	pushed                          int // the first answering turn that pushed or re-pitched; -1: none
	accepted, feedback, offeredHelp bool
	feedbackTurns                   int    // answering turns asking for feedback
	marks                           []mark // its evidence
}

// findInsisting finds the trainee turns that ask on after a no until the
// prospect says no again: a turn, while the no stands (acts.Turn.Rejected),
// that ends with a question and draws another rejection. However politely
// each question is put ("just one more question", "last question on the
// feedback"), the prospect's answer shows it asked for a yes, not for
// their view; a trainer counts it as pushing against the no. The call's
// first question after the first no is exempt when it asks for feedback
// without pitching or pushing: an honest "what made it not a fit?" may
// well be answered "it's just not for us". An insisting turn without a
// pressure sentence counts as one pressure move, as a rush does.
func (c *call) findInsisting() {
	if c.rejectAt < 0 {
		return
	}
	free := true // the first question after the first no, if it asks for feedback
	for _, i := range c.trainee {
		if i < c.rejectAt {
			continue
		}
		t := c.rd.Turns[i]
		if !t.AsksBack {
			continue
		}
		honest := free && t.Has(openline.ActFeedbackRequest) && !t.Has(openline.ActPitch) && !t.Has(openline.ActPressure)
		free = false
		if honest || !t.Rejected || i+1 >= len(c.tr.Turns) || c.tr.Turns[i+1].Speaker != openline.Prospect || !c.res[i+1].Has(openline.ActRejection) {
			continue
		}
		c.insisted[i] = true
		if !t.Has(openline.ActPressure) {
			c.pressure++
		}
	}
}

// insistingAt returns the sentence of insisting turn i to quote: its last,
// the question that drew the no.
func (c *call) insistingAt(i int) acts.Sentence {
	s := c.res[i].Sentences
	return s[len(s)-1]
}

// answeredNo reports whether the after_rejection part applies: the
// prospect said no and the trainee answered.
func answeredNo(c *call) bool { return c.rejectAt >= 0 }

// measureRejections judges the trainee's answer to each answered
// rejection (answerToRejection) and keeps the weakest for its tip.
func (c *call) measureRejections() {
	if c.rejectAt < 0 {
		return
	}
	worst := 2.0
	for r := c.rejectAt; r < len(c.tr.Turns); r++ {
		if c.tr.Turns[r].Speaker != openline.Prospect || !c.res[r].Has(openline.ActRejection) || c.nextTrainee(r) < 0 {
			continue
		}
		a := c.answerToRejection(r)
		c.m.FeedbackRequestsAfterRejection += a.feedbackTurns
		if a.score < worst {
			worst, c.weakest = a.score, a
		}
		c.answers = append(c.answers, a)
	}
}

// answerToRejection judges the trainee turns answering the rejection in
// turn r, until the next no: 0.4 for accepting it in the first answer, 0.4
// for asking for feedback and 0.2 for offering other help (any time later
// in the call, after a later no too: the connection that helps often comes
// at the end, and it answers every no before it),
// less repitchPenalty for every pressure move or re-pitch in the first
// answerWindow answers; clamped to 0–1.
func (c *call) answerToRejection(r int) rejectionAnswer {
	a := rejectionAnswer{first: c.nextTrainee(r), pushed: -1}
	neg := 0
	answered := 0
	note := func(i int, sen acts.Sentence, eff openline.Effect, why msg) {
		a.marks = append(a.marks, mark{i, sen, eff, why})
	}
	i := r + 1
	for ; i < len(c.tr.Turns); i++ {
		if c.tr.Turns[i].Speaker == openline.Prospect {
			if c.res[i].Has(openline.ActRejection) {
				break
			}
			continue
		}
		res := c.res[i]
		asked := false
		insists := c.insisted[i] && answered < answerWindow
		if insists && !res.Has(openline.ActPressure) && !res.Has(openline.ActPitch) {
			neg++
			note(i, c.insistingAt(i), openline.EffectMinus, whyInsist)
		}
		for _, sen := range res.Sentences {
			switch {
			case has(sen, openline.ActPressure) && answered < answerWindow:
				neg++
				note(i, sen, openline.EffectMinus, whyPressureAfter)
			case has(sen, openline.ActPitch) && answered < answerWindow:
				neg++
				note(i, sen, openline.EffectMinus, whyRepitch)
			case has(sen, openline.ActFeedbackRequest) && answered < answerWindow && !insists:
				a.feedback = true
				asked = true
				note(i, sen, openline.EffectPlus, whyFeedback)
			case offerOfHelp(sen):
				a.offeredHelp = true
				note(i, sen, openline.EffectPlus, whyOfferHelp)
			}
		}
		if asked {
			a.feedbackTurns++
		}
		if answered < answerWindow && a.pushed < 0 && (res.Has(openline.ActPressure) || res.Has(openline.ActPitch) || insists) {
			a.pushed = i
		}
		if answered == 0 && !res.Has(openline.ActPressure) && !res.Has(openline.ActPitch) && !insists {
			for _, act := range []openline.Act{openline.ActAcknowledgement, openline.ActFeedbackRequest, openline.ActFarewell, openline.ActOfferHelp} {
				if sen, ok := sentenceWith(res, act); ok {
					a.accepted = true
					note(i, sen, openline.EffectPlus, whyAccept)
					break
				}
			}
		}
		answered++
	}
	for ; i < len(c.tr.Turns) && !a.offeredHelp; i++ {
		if c.tr.Turns[i].Speaker == openline.Trainee && offersHelp(c.res[i]) {
			a.offeredHelp = true // its evidence is marked by the answer to the later no
		}
	}
	score := 0.0
	if a.accepted {
		score += 0.4
	}
	if a.feedback {
		score += 0.4
	}
	if a.offeredHelp {
		score += 0.2
	}
	a.score = clamp01(score - repitchPenalty*float64(neg))
	return a
}

// afterRejectionPart is the mean of the answers to the rejections.
func afterRejectionPart(c *call, ev *evidence) float64 {
	if len(c.answers) == 0 {
		return 0
	}
	total := 0.0
	for _, a := range c.answers {
		ev.addMarks(opn, a.marks)
		total += a.score
	}
	return total / float64(len(c.answers))
}

// afterRejectionTip names what the weakest answer to a no lacked.
func afterRejectionTip(c *call, _ map[int]bool) openline.Tip {
	a := c.weakest
	switch {
	case a.pushed >= 0:
		return c.tipAt(a.pushed, tipRejection, tipRejectionBetter)
	case !a.feedback:
		return c.tipAt(a.first, tipRejectionFeedback, tipRejectionBetter)
	case !a.accepted:
		return c.tipAt(a.first, tipRejectionAccept, tipRejectionAcceptBetter)
	case !a.offeredHelp:
		return c.tipAt(a.first, tipRejectionOffer, tipRejectionOfferBetter)
	}
	return c.tipAt(a.first, tipRejectionFeedback, tipRejectionBetter)
}

// offerOfHelp reports whether a sentence offers other help or a connection
// without pushing or pitching with it.
func offerOfHelp(sen acts.Sentence) bool {
	return has(sen, openline.ActOfferHelp) && !has(sen, openline.ActPressure) && !has(sen, openline.ActPitch)
}

// offersHelp reports whether a turn has such a sentence.
func offersHelp(res acts.Result) bool {
	for _, sen := range res.Sentences {
		if offerOfHelp(sen) {
			return true
		}
	}
	return false
}
