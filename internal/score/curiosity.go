package score

import (
	"math"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

// This file measures curiosity: the questions (how many, how open, built
// on what was said, spread through the call), the hidden needs they
// brought out, and interest in the person (docs/scoring.md, "Curiosity").

const (
	questionsPerTraineeTurn = 0.25 // expected questions per trainee turn; at least minQuestionTarget
	minQuestionTarget       = 3
	followUpsPerTraineeTurn = 1.0 / 6
	minFollowUpTarget       = 2
	openShareZero           = 0.2 // open share scoring 0 …
	openShareFull           = 0.7 // … and 100 (MITI competency)
	// reflectionOpenCredit is how much of an open question a reflection
	// counts for in the open share (openSharePart). MITI keeps reflections
	// out of the share of open questions altogether; counting each as a
	// whole open question let a call of reflections and closed questions
	// earn the share a trainer gives open questions. Chosen by leaving
	// one set of the trainer corpus out at a time (docs/scoring.md,
	// "Curiosity"): 0.25 was best on the other five sets for each set left
	// out, and lowered the error of every set.
	reflectionOpenCredit  = 0.25
	closedFollowUpCredit  = 0.5 // a closed follow-up counts this much of an open one
	spreadSegments        = 3
	movedOnQuestionCredit = 0.5  // a question that moves on from what was just said counts this much …
	parrotQuestionCredit  = 0.25 // … and one after an echo of the prospect's words (see unmask) this much
)

// questionTarget is the number of questions (and reflections) that gives
// full marks: about one in every four trainee turns, at least three.
func (c *call) questionTarget() float64 {
	return math.Max(minQuestionTarget, math.Ceil(questionsPerTraineeTurn*float64(len(c.trainee))))
}

// questionsPart counts the questions that listened and the reflections
// (deep listening asks with reflections as much as with questions: MITI
// counts complex reflections beside questions) against the target. It
// also marks every question of the call as evidence.
func questionsPart(c *call, ev *evidence) float64 {
	closedCounts := c.questions > 0 && float64(c.open)/float64(c.questions) < openShareFull
	for _, i := range c.trainee {
		for _, sen := range c.res[i].Sentences {
			switch {
			case c.asks(i, sen) && has(sen, openline.ActOpenQuestion):
				ev.add(i, sen, cur, openline.EffectPlus, whyOpenQuestion)
			case c.asks(i, sen) && closedCounts:
				ev.add(i, sen, cur, openline.EffectMinus, whyClosedQuestion)
			}
			if c.asks(i, sen) && has(sen, openline.ActFollowUp) {
				ev.add(i, sen, cur, openline.EffectPlus, whyFollowUp)
			}
			if has(sen, openline.ActPersonalInterest) {
				ev.add(i, sen, cur, openline.EffectPlus, whyPersonal)
			}
		}
	}
	return (c.listenedQuestions() + float64(c.reflTurns)) / c.questionTarget()
}

// openSharePart is the share of open questions (a reflection counts as a
// quarter of an open one: reflectionOpenCredit), rising from openShareZero to openShareFull. Open questions of a
// checklist that ignores the answers are not curiosity: the share counts
// only as much as the questions listened (listenedQuestions); and the
// share of open questions means little in a call with one or two: it
// counts in proportion to the questions asked, up to the target.
func openSharePart(c *call, _ *evidence) float64 {
	refl := reflectionOpenCredit * float64(c.reflTurns)
	share := 0.0
	if c.questions+c.reflTurns > 0 {
		share = (float64(c.open) + refl) / (float64(c.questions) + refl)
	}
	heard := 1.0
	if c.questions > 0 {
		heard = c.listenedQuestions() / float64(c.questions)
	}
	return heard * math.Min(1, float64(c.questions+c.reflTurns)/c.questionTarget()) * rise(share, openShareZero, openShareFull)
}

// followUpsPart counts the follow-ups against about one in six trainee
// turns (at least two). A closed follow-up checks a detail, an open one
// invites more: the closed ones count half; a reflection builds on what
// was just said as a follow-up does.
func followUpsPart(c *call, _ *evidence) float64 {
	target := math.Max(minFollowUpTarget, math.Ceil(followUpsPerTraineeTurn*float64(len(c.trainee))))
	return (float64(c.openFollowUps) + closedFollowUpCredit*float64(c.followUps-c.openFollowUps) + float64(c.reflTurns)) / target
}

// hasNeeds reports whether the needs part applies: the trainee spoke and
// the scenario has hidden needs.
func hasNeeds(c *call) bool { return len(c.trainee) > 0 && c.sc != nil && len(c.sc.Needs) > 0 }

// needsPart is the share of the scenario's hidden needs discovered. Each
// is marked on the trainee turn that earned it, naming the need in the
// prospect's own words.
func needsPart(c *call, ev *evidence) float64 {
	if c.sc == nil || len(c.sc.Needs) == 0 {
		return 0
	}
	for _, id := range c.m.NeedsDiscovered {
		i := c.needTurns[id]
		ev.add(i, c.lastQuestion(i), cur, openline.EffectPlus, needReason(c.needWords(i)))
	}
	return float64(len(c.m.NeedsDiscovered)) / float64(len(c.sc.Needs))
}

// needWords are the prospect's words that revealed the need trainee turn
// i earned: the point of the prospect's next turn (keyWords).
func (c *call) needWords(i int) string {
	if i+1 < len(c.tr.Turns) && c.tr.Turns[i+1].Speaker == openline.Prospect {
		return c.keyWords(i + 1)
	}
	return "…"
}

// personalPart scores interest in the person beyond the product: one
// sentence 0.7, two or more 1.
func personalPart(c *call, _ *evidence) float64 {
	switch {
	case c.personal >= 2:
		return 1
	case c.personal == 1:
		return 0.7
	}
	return 0
}

// listenedQuestions counts the trainee's questions, those in a turn that
// moves on from what the prospect just said at movedOnQuestionCredit and
// those after an echo at parrotQuestionCredit: a checklist asks, but does
// not listen.
func (c *call) listenedQuestions() float64 {
	n := 0.0
	for _, i := range c.trainee {
		credit := 1.0
		switch {
		case c.rd.Turns[i].Parrot:
			credit = parrotQuestionCredit
		case c.uptake[i] == acts.UptakeMovesOn:
			credit = movedOnQuestionCredit
		}
		for _, sen := range c.res[i].Sentences {
			if c.asks(i, sen) {
				n += credit
			}
		}
	}
	return n
}

// spreadPart is the share of the segments of the call's body (thirds of
// its trainee turns, fewer in a short call) in which the trainee asked a
// question. The body leaves out an opening turn without a question (the
// greeting) and the closing turns at the end without one (an offer, a next
// step, a goodbye): those are not where questions are due.
func spreadPart(c *call, ev *evidence) float64 {
	if len(c.trainee) == 0 || len(c.questionTurns) == 0 {
		return 0
	}
	asks := make([]bool, len(c.trainee))
	for _, k := range c.questionTurns {
		asks[k] = true
	}
	lo, hi := 0, len(c.trainee)
	if !asks[0] {
		lo = 1
	}
	for hi > lo && !asks[hi-1] && c.closing(c.trainee[hi-1]) {
		hi--
	}
	T := hi - lo
	if T <= 0 {
		return 1
	}
	segs := min(spreadSegments, T)
	hit := make([]bool, segs)
	for _, k := range c.questionTurns {
		if k >= lo && k < hi {
			hit[(k-lo)*segs/T] = true
		}
	}
	n := 0
	for _, h := range hit {
		if h {
			n++
		}
	}
	sp := float64(n) / float64(segs)
	if sp < 1 && len(c.questionTurns) > 1 {
		// The last question before the long silence of questions.
		lastK := c.questionTurns[len(c.questionTurns)-1]
		if lastK < hi && (lastK-lo)*segs/T < segs-1 {
			last := c.trainee[lastK]
			ev.add(last, c.lastQuestion(last), cur, openline.EffectMinus, whyBunched)
		}
	}
	return sp
}

func questionsTip(c *call, _ map[int]bool) openline.Tip {
	return c.tipAt(-1, tipQuestions, tipQuestionsBetter)
}

// openShareTip names the first question asked yes/no. Without one, what
// the part lost is questions asked past what was just said (listenedQuestions):
// the tip is then the follow-up's, at the first point left lying.
func openShareTip(c *call, named map[int]bool) openline.Tip {
	if turn := c.firstClosedQuestion(); turn >= 0 {
		return c.tipAt(turn, tipOpen, tipOpenBetter)
	}
	return followUpsTip(c, named)
}

// openShareUntipped reports that the part has no moment to show: no
// question, or every question open and none asked past what was said.
func openShareUntipped(c *call) bool {
	return c.questions == 0 || c.firstClosedQuestion() < 0 && c.listenedQuestions() >= float64(c.questions)
}

// firstClosedQuestion is the first trainee turn asking a question that is
// not open; -1: none.
func (c *call) firstClosedQuestion() int {
	for _, i := range c.trainee {
		for _, sen := range c.res[i].Sentences {
			if c.asks(i, sen) && !has(sen, openline.ActOpenQuestion) {
				return i
			}
		}
	}
	return -1
}

// followUpsTip names the first point the trainee did not follow up.
// followedUp reports whether trainee turn i followed up the prospect turn
// before it: a follow-up question, or a reflection, which invites more of
// that very point (MITI counts it beside questions).
func (c *call) followedUp(i int) bool {
	return c.res[i].Has(openline.ActFollowUp) || c.res[i].Has(openline.ActReflection)
}

// followUpsUntipped reports that there is no point to follow up: nothing
// to take in, or every point was followed up or reflected.
func followUpsUntipped(c *call) bool {
	if nothingToTakeIn(c) {
		return true
	}
	_, words := c.missedChance(c.followedUp)
	return words == ""
}

func followUpsTip(c *call, _ map[int]bool) openline.Tip {
	turn, words := c.missedChance(c.followedUp)
	if turn > 0 && (c.res[turn-1].Has(openline.ActRejection) || c.res[turn-1].Has(openline.ActObjection)) {
		// "What do you mean by 'We've already got a pension'?" argues
		// with a no; what follows a no up is asking what makes it one.
		return c.tipAt(turn, tipFollowUp, tipRejectionBetter)
	}
	return c.tipAt(turn, tipFollowUp, tipFollowUpBetter, words)
}

func needsTip(c *call, _ map[int]bool) openline.Tip {
	if len(c.needTurns) > 0 {
		// The card has just credited the need that came out: the tip
		// builds on it instead of reading as if none had.
		return c.tipAt(-1, tipNeedsMore, c.needsBetter())
	}
	return c.tipAt(-1, tipNeeds, c.needsBetter())
}

// needsBetter is the better line for the needs tip: the question that
// earns the first hidden need not discovered, by the first act the
// scenario names for it (interest in the person, a feedback request, a
// follow-up), else an open question about what keeps them busy. When the
// trainee has in effect asked that already (an open question about them
// and what is on their mind), it gives way to one about how things are
// done today: the card must not suggest what they said.
func (c *call) needsBetter() msg {
	better := tipNeedsBetter
	if c.sc != nil {
		for _, n := range c.sc.Needs {
			if _, found := c.needTurns[n.ID]; found {
				continue
			}
			better = needBetter(n.EarnedBy)
			break
		}
	}
	if better == tipNeedsBetter && c.askedAboutThem() {
		return tipNeedsTodayBetter
	}
	return better
}

// needBetter is the better line for the first act in earnedBy that one.
func needBetter(earnedBy []openline.Act) msg {
	for _, a := range earnedBy {
		switch a {
		case openline.ActPersonalInterest:
			return tipPersonalBetter
		case openline.ActFeedbackRequest:
			return tipRejectionBetter
		case openline.ActOpenQuestion, openline.ActFollowUp:
			return tipNeedsBetter
		}
	}
	return tipNeedsBetter
}

// askedAboutThem reports whether the trainee asked an open question about
// the person or what is on their mind.
func (c *call) askedAboutThem() bool {
	for _, i := range c.trainee {
		for _, sen := range c.res[i].Sentences {
			if c.asks(i, sen) && has(sen, openline.ActOpenQuestion) && has(sen, openline.ActPersonalInterest) {
				return true
			}
		}
	}
	return false
}

func personalTip(c *call, _ map[int]bool) openline.Tip {
	if c.personal > 0 {
		return c.tipAt(-1, tipPersonalMore, tipPersonalBetter)
	}
	return c.tipAt(-1, tipPersonal, tipPersonalBetter)
}

func spreadTip(c *call, _ map[int]bool) openline.Tip {
	return c.tipAt(-1, tipSpread, tipSpreadBetter)
}
