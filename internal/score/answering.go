package score

import "github.com/openline/openline/internal/openline"

// This file is the "answering" part of openness: how the trainee answered
// an inbound call that rang at them (docs/scoring.md). The method starts
// from this habit: be friendly on every call, it may be the one that
// matters. It applies when the call is inbound and the trainee spoke
// first (they picked up); the score is the share of four things their
// first turn does, weighted:
//
//	friendly   a greeting or thanks for the call ("Guten Tag", "thanks for calling")  0.3
//	own name   the introduction act ("Anna Keller", "hier ist Anna")          0.3
//	company    the firm named ("Netzwerk Nord, Anna Keller",
//	           "Anna Keller von Netzwerk Nord")                                    0.2
//	time       an offer of help or an invitation to tell ("Was kann ich für Sie
//	           tun?", "How can I help?")                                           0.2

const (
	answerFriendly = 0.3
	answerName     = 0.3
	answerCompany  = 0.2
	answerTime     = 0.2
)

// answeredPhone reports whether the trainee picked up the call: inbound,
// and the first turn is theirs.
func (c *call) answeredPhone() bool {
	return c.inbound && len(c.tr.Turns) > 0 && c.tr.Turns[0].Speaker == openline.Trainee
}

// answeringPart scores the trainee's first turn of an inbound call they
// picked up (the reading's acts.Turn.Answer), and marks the evidence.
func answeringPart(c *call, ev *evidence) float64 {
	if !c.answeredPhone() {
		return 0
	}
	const i = 0
	r, a := c.res[i], c.rd.Turns[i].Answer
	got := 0.0
	check := func(ok bool, weight float64, good, bad msg) {
		if ok {
			got += weight
			ev.add(i, firstSentence(r), opn, openline.EffectPlus, good)
		} else {
			ev.add(i, firstSentence(r), opn, openline.EffectMinus, bad)
		}
	}
	check(a.Friendly, answerFriendly, whyAnswerFriendly, whyAnswerUnfriendly)
	check(a.Name, answerName, whyAnswerName, whyAnswerNoName)
	check(a.Company, answerCompany, whyAnswerCompany, whyAnswerNoCompany)
	check(a.Invites, answerTime, whyAnswerTime, whyAnswerNoTime)
	return got
}

func answeringTip(c *call, _ map[int]bool) openline.Tip {
	return c.tipAt(0, tipAnswering, tipAnsweringBetter)
}
