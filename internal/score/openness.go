package score

import (
	"math"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

// This file measures openness towards the other person in the call as a
// whole: a friendly opening, listening (room to talk), taking in what was
// said, and no pressure (docs/scoring.md, "Openness"). The answer to a no
// is in rejection.go, an inbound caller in caller.go and answering.go.

const (
	talkShareGood           = 0.5  // trainee talk share scoring full marks at or below
	talkShareBad            = 0.8  // … and 0 at or above
	monologueGoodWords      = 40   // longest monologue scoring full marks at or below
	monologueBadWords       = 120  // … and 0 at or above
	meanTurnGoodWords       = 20   // mean trainee turn scoring full marks at or below
	meanTurnBadWords        = 50   // … and 0 at or above
	hurriedWordFactor       = 1.5  // a trainee word after the prospect said they are short of time counts this much for monologue and turn length
	ignoredNeedCost         = 0.25 // listening lost for each revealed need the next turn moves on from
	reflectionRatioFull     = 1.0  // reflections per question for full marks (MITI fair 1:1)
	takenChancesFull        = 0.5  // share of the prospect's turns picked up (acknowledged, reflected, followed up) for full marks
	substantialWords        = 5    // a prospect statement this long gives something to acknowledge
	pressureAllowance       = 3    // pressure moves that take the whole part …
	traineeTurnsPerPressure = 5    // … or one per this many trainee turns in a long call
	minRequestWords         = 6    // a first prospect turn this long with a request phrase opens an inbound call
	pickUpWords             = 6    // a first trainee turn this short, before the caller's request, picks up an inbound call
)

// openingPart scores the first trainee turn: greeting, own name and (on an
// outbound call, in the first two trainee turns) asking whether it is a
// good moment.
func openingPart(c *call, ev *evidence) float64 {
	if len(c.trainee) == 0 {
		return 0
	}
	first := c.trainee[0]
	r := c.res[first]
	got := 0.0
	check := func(ok bool, sen acts.Sentence, good, bad msg) {
		if ok {
			got++
			ev.add(first, sen, opn, openline.EffectPlus, good)
		} else {
			ev.add(first, firstSentence(r), opn, openline.EffectMinus, bad)
		}
	}
	g, gOK := sentenceWith(r, openline.ActGreeting)
	if !gOK && c.answeredPhone() && c.rd.Turns[first].Answer.Friendly {
		// Picking up with thanks or a hello greets, as the answering
		// part hears it.
		g, gOK = firstSentence(r), true
	}
	check(gOK, g, whyGreeting, whyNoGreeting)
	in, inOK := sentenceWith(r, openline.ActIntroduction)
	if !inOK && c.introduced() {
		in, inOK = firstSentence(r), true
	}
	check(inOK, in, whyIntroduction, whyNoIntroduction)
	if c.inbound {
		return got / 2
	}
	pTurn := first
	p, pOK := sentenceWith(r, openline.ActPermission)
	if !pOK && len(c.trainee) > 1 {
		if p2, ok := sentenceWith(c.res[c.trainee[1]], openline.ActPermission); ok {
			p, pOK, pTurn = p2, true, c.trainee[1]
		}
	}
	if pOK {
		got++
		ev.add(pTurn, p, opn, openline.EffectPlus, whyPermission)
	} else {
		ev.add(first, firstSentence(r), opn, openline.EffectMinus, whyNoPermission)
	}
	return got / 3
}

// introduced reports whether the trainee's first turn says who is
// speaking: the introduction act, or picking up with one's name ("Ja,
// Schulte?"), as the answering part hears it.
func (c *call) introduced() bool {
	if len(c.trainee) == 0 {
		return false
	}
	first := c.trainee[0]
	if c.res[first].Has(openline.ActIntroduction) {
		return true
	}
	return c.answeredPhone() && c.rd.Turns[first].Answer.Name
}

// listeningPart scores the talk share, the longest monologue and the mean
// length of the trainee's turns (how soon they hand the word back), a third
// each, scaled by the share of the trainee's turns without pressure, less
// ignoredNeedCost for each revealed need the next turn moved on from.
func listeningPart(c *call, ev *evidence) float64 {
	share := fall(c.m.TalkShare, talkShareGood, talkShareBad)
	// Words said after the prospect signalled that they are short of time
	// or asked to slow down weigh hurriedWordFactor times for the monologue
	// and the turn length: talking on then ignores what they just said.
	// The metrics keep the plain word counts.
	from, until := c.hurriedSpan()
	weighted := func(i int) float64 {
		if from >= 0 && i > from && i < until {
			return hurriedWordFactor * float64(c.words[i])
		}
		return float64(c.words[i])
	}
	longest, run, wwords := 0.0, 0.0, 0.0
	for i, t := range c.tr.Turns {
		if t.Speaker != openline.Trainee {
			run = 0
			continue
		}
		run += weighted(i)
		longest = math.Max(longest, run)
		// A turn no longer than a monologue may be that ends by handing
		// the word over with a question is not a long turn: it counts at
		// most meanTurnGoodWords for the mean.
		w := weighted(i)
		if w <= monologueGoodWords && c.handsOver(i) {
			w = math.Min(w, meanTurnGoodWords)
		}
		wwords += w
	}
	mono := fall(longest, monologueGoodWords, monologueBadWords)
	meanTurn := fall(wwords/float64(max(1, len(c.trainee))), meanTurnGoodWords, meanTurnBadWords)
	c.wordsListen, c.shareListen = math.Min(mono, meanTurn), share
	if c.monologueTurn >= 0 {
		if mono < 1 && c.m.LongestMonologueWords <= monologueGoodWords {
			// Long only by the hurried weighting: say so, or the card
			// would call a short turn a long monologue.
			ev.add(c.monologueTurn, c.prefix(c.monologueTurn), opn, openline.EffectMinus, whyHurriedTalk)
		} else if mono < 1 {
			ev.add(c.monologueTurn, c.prefix(c.monologueTurn), opn, openline.EffectMinus, whyMonologue)
		} else if share < 1 {
			ev.add(c.monologueTurn, c.prefix(c.monologueTurn), opn, openline.EffectMinus, whyTalkShare)
		} else if meanTurn < 1 {
			ev.add(c.monologueTurn, c.prefix(c.monologueTurn), opn, openline.EffectMinus, whyLongTurns)
		}
	}
	// Short turns are listening only when they hand the word back: a turn
	// that pushes holds the floor in substance however short it is (the
	// righting reflex is the opposite of listening): the part counts only
	// the share of trainee turns without pressure. (Rushing a caller off
	// costs in time_for_caller and as pressure, not a third time here.)
	// A "yes, but" (acts.Turn.YesBut) is that reflex too: it hears the
	// point only to argue against it.
	pushed := 0
	for _, i := range c.trainee {
		if c.res[i].Has(openline.ActPressure) || c.rd.Turns[i].YesBut {
			pushed++
		}
	}
	calm := 1 - float64(pushed)/float64(max(1, len(c.trainee)))
	// Moving on right after the prospect revealed a need is not listening.
	for _, i := range c.ignored {
		ev.add(i, firstSentence(c.res[i]), opn, openline.EffectMinus, whyIgnoredNeed)
	}
	return clamp01(calm*(share+mono+meanTurn)/3 - ignoredNeedCost*float64(len(c.ignored)))
}

// measureAcknowledging counts the prospect turns that gave something to
// take in and those the next trainee turn took in ("Verstehe, aber unser
// Angebot ..." takes nothing in), and the two halves of the
// acknowledgement part: acknowledging, full when half the chances were
// taken, and reflecting, reflections per question (MITI).
func (c *call) measureAcknowledging() {
	for i := range c.tr.Turns {
		if !c.chance(i) {
			continue
		}
		c.chances++
		// Whether a pitch in the turn withdraws its acknowledgement is the
		// reading's "yes, but" (acts.Turn.YesBut: it already took the
		// acknowledgement away); one that led to an offer for them first
		// stands.
		if r := c.res[i+1]; !r.Has(openline.ActPressure) && !(r.Has(openline.ActPitch) && !acknowledgesTurn(r)) && (acknowledgesTurn(r) || r.Has(openline.ActFollowUp)) {
			c.taken++
		}
	}
	ack := float64(c.taken) / math.Max(1, math.Ceil(takenChancesFull*float64(c.chances)))
	refl := 0.0
	switch {
	case c.asked == 0 && c.reflTurns > 0:
		refl = 1
	case c.asked > 0:
		refl = float64(c.reflTurns) / float64(c.asked) / reflectionRatioFull
	}
	c.ackShare, c.reflShare = clamp01(ack), clamp01(refl)
}

// acknowledgementPart is the mean of acknowledging and reflecting
// (measureAcknowledging), times the share of turns that take up what was
// said: mirroring words while moving on to one's own list is not
// listening.
func acknowledgementPart(c *call, ev *evidence) float64 {
	for _, i := range c.trainee {
		// Reflections count wherever they are; an acknowledgement counts
		// only when something was said to take in ("Schön, dass ich Sie
		// erreiche" after a pick-up takes in nothing).
		answers := i > 0 && c.chance(i-1)
		for _, sen := range c.res[i].Sentences {
			switch {
			case has(sen, openline.ActReflection):
				ev.add(i, sen, opn, openline.EffectPlus, whyReflection)
			case acknowledges(sen) && answers:
				ev.add(i, sen, opn, openline.EffectPlus, whyAcknowledge)
			}
		}
	}
	return c.listenShare() * (c.ackShare + c.reflShare) / 2
}

// pressurePart is 1 less the pressure moves against an allowance: three
// take the whole part in a normal call, one per five trainee turns in a
// long one.
func pressurePart(c *call, ev *evidence) float64 {
	for _, i := range c.trainee {
		for _, sen := range c.res[i].Sentences {
			if has(sen, openline.ActPressure) {
				ev.add(i, sen, opn, openline.EffectMinus, whyPressure)
			}
		}
		if c.insisted[i] && !c.res[i].Has(openline.ActPressure) {
			ev.add(i, c.insistingAt(i), opn, openline.EffectMinus, whyInsist)
		}
	}
	allowance := math.Max(pressureAllowance, float64(len(c.trainee))/traineeTurnsPerPressure)
	return 1 - float64(c.pressure)/allowance
}

func openingTip(c *call, _ map[int]bool) openline.Tip {
	if c.inbound {
		if _, greeted := sentenceWith(c.res[c.trainee[0]], openline.ActGreeting); !greeted && c.introduced() {
			// "Ja, Schmidt.": the name was there, the welcome was not.
			return c.tipAt(c.trainee[0], tipInboundGreet, tipInboundBetter)
		}
		return c.tipAt(c.trainee[0], tipInboundOpen, tipInboundBetter)
	}
	return c.tipAt(c.trainee[0], tipOpening, tipOpeningBetter, c.personaAddress())
}

// handsOver reports whether trainee turn i ends with a question that
// hands the word over (not pressure asked as one).
func (c *call) handsOver(i int) bool {
	r := c.res[i]
	if len(r.Sentences) == 0 {
		return false
	}
	last := r.Sentences[len(r.Sentences)-1]
	return last.Asks && !has(last, openline.ActPressure)
}

// listeningUntipped reports that no turn was too long (the monologue and
// the mean turn at full marks) and the talk share was fine: what the
// listening part lost came from pressure or a revealed need moved on
// from, which their own tips name; "stop after two or three sentences"
// beside a 17-word turn would contradict the card.
func listeningUntipped(c *call) bool { return c.wordsListen >= 1 && c.shareListen >= 1 }

func listeningTip(c *call, _ map[int]bool) openline.Tip {
	if c.wordsListen >= 1 {
		// Short turns, but the trainee still did most of the talking:
		// the tip is to let the prospect say more, not to stop sooner.
		return c.tipAt(-1, tipTalkShare, tipTalkShareBetter)
	}
	if c.m.LongestMonologueWords <= monologueGoodWords {
		// No turn is long: quoting the longest one ("Would it help if I
		// looked at your last bill …?") under "stop after two or three
		// sentences" would contradict itself; the tip is for the call.
		return c.tipAt(-1, tipListening, tipListeningBetter)
	}
	return c.tipAt(max(c.monologueTurn, c.trainee[0]), tipListening, tipListeningBetter)
}

// acknowledgementTip names the first point not taken in: when enough turns
// take in what was said, what is missing is giving it back in one's own
// words (a no that was acknowledged was answered well: reflecting it back,
// "So it's nothing for you?", would add nothing).
func acknowledgementTip(c *call, _ map[int]bool) openline.Tip {
	if c.ackShare >= c.reflShare {
		// An offer of help that answers what was said took it in too, and
		// so did an acknowledgement of anything but a reveal, or one that
		// names the prospect's own words ("A second warehouse in Leeds,
		// congratulations.").
		turn, words := c.missedChance(c.tookIn)
		if turn > 0 && c.tr.Turns[turn-1].Speaker == openline.Prospect && c.rd.Turns[turn-1].Hurried {
			// "I really haven't got time for this" is not a point to
			// reflect back: the moment asks to respect their time.
			return c.tipAt(turn, tipHurried, tipHurriedBetter)
		}
		return c.tipAt(turn, tipReflect, tipReflectBetter, words)
	}
	turn, words := c.missedChance(func(i int) bool { return acknowledgesTurn(c.res[i]) })
	return c.tipAt(turn, tipAck, tipAckBetter, words)
}

// pressureTip names a pressure move, preferring pressure of its own ("You
// need to decide now") to the arguing against a no that the rejection tip
// names.
func pressureTip(c *call, named map[int]bool) openline.Tip {
	turn := -1
	avoid := func(i int) bool { return named[i] || i == c.weakest.pushed && c.rejectAt >= 0 }
	for _, i := range c.trainee {
		if (c.res[i].Has(openline.ActPressure) || c.insisted[i]) && (turn < 0 || avoid(turn) && !avoid(i)) {
			turn = i
		}
	}
	for _, r := range c.rushes {
		if turn < 0 && !r.slip {
			turn = r.turn // hurrying a caller out is the pressure here
		}
	}
	return c.tipAt(max(turn, c.trainee[0]), tipPressure, tipPressureBetter)
}

// tookIn reports whether trainee turn i took in the prospect turn before
// it well enough that a reflect tip has nothing to add there.
func (c *call) tookIn(i int) bool {
	if c.res[i].Has(openline.ActReflection) || c.res[i].Has(openline.ActOfferHelp) || c.res[i-1].Has(openline.ActInterest) ||
		c.rd.Turns[i-1].AsksBack {
		return true // a yes needs no mirror, a question back an answer
	}
	return acknowledgesTurn(c.res[i]) && (!c.res[i-1].Has(openline.ActReveal) || acts.Hear(c.tr.Turns[i-1].Text).Restates(c.tr.Turns[i].Text))
}

// acknowledgementUntipped reports that the acknowledgement part has no
// moment to show: nothing was said to take in, or giving back is what is
// short, no point was left without being taken in, and every point worth
// giving back (a reveal, else any statement
// of substance but a no) was reflected: a reflect tip would quote a
// point the trainee gave back, beside the evidence that praises it.
func acknowledgementUntipped(c *call) bool {
	if nothingToTakeIn(c) {
		return true
	}
	if c.ackShare < c.reflShare {
		_, words := c.missedChance(func(i int) bool { return acknowledgesTurn(c.res[i]) })
		return words == "" // no point left to take in
	}
	turn, words := c.missedChance(c.tookIn)
	if words == "" {
		return true // no point left to give back
	}
	if turn >= 0 {
		return false // a point not taken in: the tip names it
	}
	points, reflected := 0, 0
	for pass := 0; pass < 2 && points == 0; pass++ {
		for i, t := range c.tr.Turns {
			if t.Speaker != openline.Prospect || i == 0 || !c.saysSomething(i) || pass == 0 && !c.res[i].Has(openline.ActReveal) {
				continue
			}
			if r := c.res[i]; r.Has(openline.ActRejection) || r.Has(openline.ActObjection) || r.Has(openline.ActHangup) || r.Has(openline.ActInterest) {
				continue // a no or a yes needs no mirror
			}
			if j := c.nextTrainee(i); j == i+1 {
				points++
				if c.res[j].Has(openline.ActReflection) {
					reflected++
				}
			}
		}
	}
	return points > 0 && reflected == points
}
