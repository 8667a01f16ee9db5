package score

import (
	"math"
	"slices"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

// This file measures a call once: the reading of every turn (acts.Read,
// which also reads each turn beneath its form), the counts behind the metrics, and the moments the parts
// judge (the answers to each no, the rushes of a caller, the chances to
// take something in). After measure the call is read-only: every part
// (parts.go) reads it and writes only its value and its evidence.

// call is one measured call.
type call struct {
	tr   openline.Transcript
	sc   *openline.Scenario
	lang openline.Language
	m    openline.Metrics // the scorecard's metrics

	rd      acts.Reading
	res     []acts.Result // rd's acts, per turn
	uptake  []acts.Uptake // rd's uptake, per turn
	trainee []int         // indices of trainee turns
	words   []int         // words per turn
	inbound bool

	// Counts.
	questions, open, closed, followUps, personal int
	openFollowUps                                int
	// asked counts every question, curious or not (asks): reflecting is
	// weighed against the questions asked instead, whatever they were for.
	asked               int
	ackTurns, reflTurns int
	pressure            int   // pressing sentences, and each rush of a caller
	pushedTurns         int   // trainee turns that push, insist after a no or rush a caller
	pressingTurns       int   // those of them that push other than by rushing a caller off
	questionTurns       []int // positions among trainee turns (0-based) asking a question
	monologueTurn       int   // the longest trainee turn inside the longest monologue
	needTurns           map[string]int

	// uptakeChances counts the trainee turns that had something to take
	// up, movesOn those that moved on to their own agenda instead;
	// ignored holds the trainee turns that moved on right after a need was
	// revealed.
	uptakeChances, movesOn int
	ignored                []int

	// Acknowledging: chances are the prospect turns that gave something to
	// take in, taken those the next trainee turn took in; ackShare and
	// reflShare the two halves of the acknowledgement part (0–1).
	chances, taken      int
	ackShare, reflShare float64
	// wordsListen is the lesser of the listening part's turn measures
	// (longest monologue, mean turn; 0–1): at 1 no turn was
	// too long, and a tip to stop after two or three sentences has no
	// moment (listeningPart).
	wordsListen float64
	// shareListen is the listening part's talk-share measure (0–1).
	shareListen float64

	// The answers to the prospect's noes: rejectAt is the first rejection
	// the trainee answered (-1: none), answers one per answered rejection,
	// weakest the weakest of them (for its tip).
	rejectAt int
	answers  []rejectionAnswer
	weakest  rejectionAnswer

	// An inbound caller: the moments that rush them off (rushedTurns their
	// turns), the questions asked to understand them, whether help beyond
	// the request was offered (offer its sentence).
	rushes      []rush
	rushedTurns map[int]bool

	// insisted holds the trainee turns that asked on after a no and drew
	// the no again (findInsisting).
	insisted      map[int]bool
	callerAsked   float64
	callerOffered bool
	offerTurn     int
	offer         acts.Sentence
}

func newCall(tr openline.Transcript, sc *openline.Scenario) *call {
	return &call{
		tr: tr, sc: sc, lang: tr.Language,
		m:           openline.Metrics{NeedsDiscovered: []string{}},
		words:       make([]int, len(tr.Turns)),
		rejectAt:    -1,
		needTurns:   map[string]int{},
		rushedTurns: map[int]bool{},
		insisted:    map[int]bool{},
	}
}

// use takes the reading of every turn (one per transcript turn).
func (c *call) use(rd acts.Reading) {
	c.rd = rd
	c.res = make([]acts.Result, len(rd.Turns))
	for i := range rd.Turns {
		c.res[i] = rd.Turns[i].Result
	}
	c.uptake = make([]acts.Uptake, len(rd.Turns))
	for i, t := range c.tr.Turns {
		c.uptake[i] = rd.Turns[i].Uptake
		c.words[i] = acts.WordCount(t.Text)
		if t.Speaker == openline.Trainee {
			c.trainee = append(c.trainee, i)
		}
	}
}

// measure counts and finds everything the parts read.
func (c *call) measure() {
	m := &c.m
	c.inbound = c.isInbound()
	m.Inbound = c.inbound
	for k, i := range c.trainee {
		asked := false
		if acknowledgesTurn(c.res[i]) {
			c.ackTurns++
		}
		if c.res[i].Has(openline.ActReflection) {
			c.reflTurns++
			asked = true // a reflection invites more, as a question does (MITI)
		}
		for _, sen := range c.res[i].Sentences {
			if has(sen, openline.ActPressure) {
				c.pressure++
			}
			if has(sen, openline.ActPersonalInterest) {
				c.personal++
			}
			if isQuestion(sen) && !sen.AsksNothing {
				c.asked++
			}
			if !c.asks(i, sen) {
				continue
			}
			asked = true
			c.questions++
			if has(sen, openline.ActOpenQuestion) {
				c.open++
			} else {
				c.closed++
			}
			if has(sen, openline.ActFollowUp) {
				c.followUps++
				if has(sen, openline.ActOpenQuestion) {
					c.openFollowUps++
				}
			}
		}
		if asked {
			c.questionTurns = append(c.questionTurns, k)
		}
	}
	for i, t := range c.tr.Turns {
		if t.Speaker == openline.Prospect && c.res[i].Has(openline.ActRejection) {
			m.Rejections++
			if c.rejectAt < 0 && c.nextTrainee(i) >= 0 {
				c.rejectAt = i
			}
		}
	}
	if c.inbound {
		c.findRushes()
	}
	c.findInsisting()
	yesButs, arguing := 0, 0
	for _, i := range c.trainee {
		argues := c.rd.Turns[i].YesButArgues
		if argues {
			yesButs++
		}
		if c.res[i].Has(openline.ActPressure) || c.rushedTurns[i] || c.insisted[i] {
			c.pushedTurns++
			if c.res[i].Has(openline.ActPressure) || c.insisted[i] {
				c.pressingTurns++
			}
		} else if argues {
			arguing++
		}
	}
	if yesButs >= repeatedYesBut {
		// "Yes, but" again and again (acts.Turn.YesBut) argues against
		// whatever was said: the righting reflex, a push like pressure
		// for the caps. Once may be a clumsy bridge.
		c.pushedTurns += arguing
		c.pressingTurns += arguing
	}
	m.TraineeQuestions, m.OpenQuestions, m.ClosedQuestions = c.questions, c.open, c.closed
	m.FollowUpQuestions, m.PersonalInterest = c.followUps, c.personal
	m.Acknowledgements, m.Reflections, m.PressureMoves = c.ackTurns, c.reflTurns, c.pressure
	m.TalkShare, m.TalkShareBy = c.talkShare()
	m.LongestMonologueWords, c.monologueTurn = c.longestMonologue()
	words := 0
	for _, i := range c.trainee {
		words += c.words[i]
	}
	m.MeanTurnWords = round2(float64(words) / float64(max(1, len(c.trainee))))
	c.findNeeds()
	for i, t := range c.rd.Turns {
		switch {
		case t.Speaker == openline.Trainee && c.uptake[i] != acts.UptakeNone && !(i == 1 && !c.inbound && len(c.res[0].Acts) == 0):
			// Answering an outbound pick-up ("Fletcher and Reid, Tom
			// speaking – how can I help?") is the opening, not listening;
			// answering a complaint at the pick-up is listening.
			c.uptakeChances++
			// A "yes, but" hears the point only to make its own case: it
			// moves on to the trainee's agenda.
			if c.uptake[i] == acts.UptakeMovesOn || t.YesBut {
				c.movesOn++
			}
		case t.Speaker == openline.Prospect && len(t.Needs) > 0 && c.nextTrainee(i) == i+1 && (!t.NeedTakenUp || c.uptake[i+1] == acts.UptakeMovesOn) && !c.takesIn(i+1):
			// Offering the help the need asks for takes it up.
			c.ignored = append(c.ignored, i+1)
		}
	}
	c.measureAcknowledging()
	c.measureRejections()
	c.measureCaller()
}

// listenShare is the share of the trainee's turns that take up what the
// prospect said, of those that had something to take up (1 without any).
func (c *call) listenShare() float64 {
	if c.uptakeChances == 0 {
		return 1
	}
	return 1 - float64(c.movesOn)/float64(c.uptakeChances)
}

// isQuestion reports whether a sentence is a question that counts for
// curiosity. Asking for permission to talk is part of the opening, a
// question that pressures ("Don't you care about your staff?") is pressure,
// and one that carries the pitch ("Have you heard of our new pension
// plan?") sells rather than asks about the prospect: none is curiosity.
//
// A yes/no question that offers help or proposes a next step ("Soll ich
// Sie beide bekannt machen?", "Would a demo help?") asks for agreement, not
// about the other person: no curiosity either (an open one, "Wie kann ich
// Ihnen helfen?", still invites them to tell). Nor is a greeting said as a
// yes/no question ("Yeah, hello?").
func isQuestion(sen acts.Sentence) bool {
	if !(has(sen, openline.ActOpenQuestion) || has(sen, openline.ActClosedQuestion)) ||
		has(sen, openline.ActPermission) || has(sen, openline.ActPressure) || has(sen, openline.ActPitch) {
		return false
	}
	if has(sen, openline.ActOpenQuestion) {
		return true
	}
	// "Yeah, hello?" picks up the phone with a rising voice.
	return !has(sen, openline.ActGreeting) && !has(sen, openline.ActOfferHelp) && !has(sen, openline.ActProposal)
}

// asks reports whether sentence sen of trainee turn i is a question that
// counts for curiosity: isQuestion, not one that asks about nothing
// (acts.Sentence.AsksNothing), and one the reading says is for finding
// out (purpose).
func (c *call) asks(i int, sen acts.Sentence) bool {
	if !isQuestion(sen) || sen.AsksNothing {
		return false
	}
	p := c.purpose(i, sen)
	return p == acts.PurposeDiscovery || p == acts.PurposeFactual
}

// purpose is what question sentence sen of trainee turn i is for, as the
// reading decided it (acts.Question.Purpose), and pressure in a turn that
// presses: "Die Förderung endet im März. Wie viele Mitarbeiter haben Sie?"
// asks to push the deadline home, not to hear about them. A closing
// question ("Wann hätten Sie nächste Woche Zeit für einen Termin?") asks
// for the step, open as its form is: neither is curiosity, and the
// scorecard credits neither as inviting them to tell. "" for a sentence
// the reading holds no question for.
func (c *call) purpose(i int, sen acts.Sentence) acts.Purpose {
	t := c.rd.Turns[i]
	for _, q := range t.Questions {
		if s := t.Sentences[q.Sentence]; s.Start != sen.Start || s.End != sen.End {
			continue
		}
		if q.Purpose == acts.PurposeDiscovery || q.Purpose == acts.PurposeFactual {
			if t.Has(openline.ActPressure) {
				return acts.PurposePressure
			}
		}
		return q.Purpose
	}
	return ""
}

// acknowledges reports whether a sentence takes in what was said: an
// acknowledgement or reflection, but not the thanks of a goodbye ("Vielen
// Dank und einen schönen Tag noch!"), which is courtesy, not listening.
func acknowledges(sen acts.Sentence) bool {
	return has(sen, openline.ActReflection) || (has(sen, openline.ActAcknowledgement) && !has(sen, openline.ActFarewell))
}

// acknowledgesTurn reports whether a sentence of r acknowledges.
func acknowledgesTurn(r acts.Result) bool {
	return slices.ContainsFunc(r.Sentences, acknowledges)
}

func has(sen acts.Sentence, a openline.Act) bool { return slices.Contains(sen.Acts, a) }

// nextTrainee returns the index of the first trainee turn after turn i, or -1.
func (c *call) nextTrainee(i int) int {
	for _, j := range c.trainee {
		if j > i {
			return j
		}
	}
	return -1
}

// isInbound reports whether the prospect placed the call: the scenario says
// so, or, without a scenario, the prospect spoke first with a request (a
// request phrase in a first turn of at least minRequestWords words; a
// shorter one counts only when the trainee did not answer it with a pitch,
// since an outbound pick-up is short and the caller then pitches).
func (c *call) isInbound() bool {
	if c.sc != nil && c.sc.Direction == openline.Inbound {
		return true
	}
	// The trainee picking up the phone ("Yeah, Collins?") opens an
	// inbound call, whatever the scenario says, when the caller then
	// brings a request or explains at length why they call.
	if len(c.tr.Turns) > 1 && c.tr.Turns[0].Speaker == openline.Trainee && c.words[0] <= pickUpWords &&
		!c.res[0].Has(openline.ActPitch) && c.tr.Turns[1].Speaker == openline.Prospect &&
		(c.rd.Turns[1].Request || (!c.res[0].Has(openline.ActPermission) && c.words[1] >= minRequestWords)) {
		return true
	}
	if c.sc != nil {
		return false
	}
	if len(c.tr.Turns) == 0 || c.tr.Turns[0].Speaker != openline.Prospect || c.res[0].Has(openline.ActRejection) || len(c.trainee) == 0 {
		return false
	}
	if c.words[0] < minRequestWords && c.res[c.trainee[0]].Has(openline.ActPitch) {
		return false
	}
	return c.rd.Turns[0].Request
}

// talkShare is the trainee's share of the talk: by time when every turn
// carries start and end times (and some time was spoken), else by words.
func (c *call) talkShare() (float64, string) {
	timed := len(c.tr.Turns) > 0
	var mine, all int64
	for _, t := range c.tr.Turns {
		if t.StartMS == nil || t.EndMS == nil {
			timed = false
			break
		}
		d := *t.EndMS - *t.StartMS
		all += d
		if t.Speaker == openline.Trainee {
			mine += d
		}
	}
	if timed && all > 0 {
		return round2(float64(mine) / float64(all)), "time"
	}
	mine, all = 0, 0
	for i, t := range c.tr.Turns {
		all += int64(c.words[i])
		if t.Speaker == openline.Trainee {
			mine += int64(c.words[i])
		}
	}
	if all == 0 {
		return 0, "words"
	}
	return round2(float64(mine) / float64(all)), "words"
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// longestMonologue returns the words of the longest run of consecutive
// trainee turns and the longest turn inside it (-1 without trainee turns).
func (c *call) longestMonologue() (int, int) {
	best, bestTurn := 0, -1
	run, runTurn := 0, -1
	for i, t := range c.tr.Turns {
		if t.Speaker != openline.Trainee {
			run, runTurn = 0, -1
			continue
		}
		run += c.words[i]
		if runTurn < 0 || c.words[i] > c.words[runTurn] {
			runTurn = i
		}
		if run > best || bestTurn < 0 {
			best, bestTurn = run, runTurn
		}
	}
	return best, bestTurn
}

// findNeeds finds the scenario's hidden needs the trainee discovered: a
// need counts only when the reading says the trainee's turn before the
// reveal earned it (a relevant question or reflection, not pressure, not
// an unrelated question the prospect volunteered it after).
func (c *call) findNeeds() {
	if c.sc == nil {
		return
	}
	c.m.NeedsTotal = len(c.sc.Needs)
	for i, t := range c.rd.Turns {
		for _, id := range t.Earns {
			if _, done := c.needTurns[id]; !done {
				c.needTurns[id] = i
				c.m.NeedsDiscovered = append(c.m.NeedsDiscovered, id)
			}
		}
	}
}

// hurriedSpan returns the trainee turns after the first prospect turn
// that says they are short of time or asks to slow down, up to the first
// later prospect turn that gives the time after all (a go-ahead, "Kurz
// geht. Was gibt's?", or telling about themselves) and is not hurried
// again: from is that first turn (-1 for none), until the turn that ends
// the hurry (len(turns) for none).
func (c *call) hurriedSpan() (from, until int) {
	from, until = -1, len(c.tr.Turns)
	for i, t := range c.tr.Turns {
		if t.Speaker != openline.Prospect {
			continue
		}
		switch {
		case c.rd.Turns[i].Hurried:
			if from < 0 {
				from = i
			}
			until = len(c.tr.Turns)
		case from >= 0 && until == len(c.tr.Turns) && (c.res[i].Has(openline.ActInterest) || c.res[i].Has(openline.ActReveal)):
			until = i
		}
	}
	return from, until
}

// chance reports whether prospect turn i gives the trainee, who answers it
// in the next turn, something to take in: an act such as a reveal or an
// objection, or a statement of at least substantialWords words. A turn
// that only asks back ("Hm, ja. Was kann ich für Sie tun?") hands over the
// word and gives nothing to acknowledge, and so does the prospect picking
// up the phone.
func (c *call) chance(i int) bool {
	if c.tr.Turns[i].Speaker != openline.Prospect || i+1 >= len(c.tr.Turns) || c.tr.Turns[i+1].Speaker != openline.Trainee {
		return false
	}
	if i == 0 && !c.inbound {
		return false // picking up the phone ("Walsh Joinery, Karen speaking.")
	}
	return len(c.res[i].Acts) > 0 || c.saysSomething(i)
}

// closing reports whether trainee turn i closes the call: a goodbye, an
// offer of help or a proposed next step.
func (c *call) closing(i int) bool {
	r := c.res[i]
	return r.Has(openline.ActFarewell) || r.Has(openline.ActOfferHelp) || r.Has(openline.ActProposal)
}

// sentenceWith returns the first sentence of r carrying act a.
func sentenceWith(r acts.Result, a openline.Act) (acts.Sentence, bool) {
	for _, sen := range r.Sentences {
		if has(sen, a) {
			return sen, true
		}
	}
	return acts.Sentence{}, false
}

func firstSentence(r acts.Result) acts.Sentence {
	if len(r.Sentences) > 0 {
		return r.Sentences[0]
	}
	return acts.Sentence{Start: 0, End: -1} // invalid span: quote the turn
}

// lastQuestion returns the last question sentence of turn i, or its last
// sentence.
func (c *call) lastQuestion(i int) acts.Sentence {
	r := c.res[i]
	for k := len(r.Sentences) - 1; k >= 0; k-- {
		if c.asks(i, r.Sentences[k]) {
			return r.Sentences[k]
		}
	}
	if len(r.Sentences) > 0 {
		return r.Sentences[len(r.Sentences)-1]
	}
	return acts.Sentence{Start: 0, End: -1}
}

// prefix spans the whole of turn i, for quoting a monologue; quote cuts it
// to its first maxQuoteBytes.
func (c *call) prefix(i int) acts.Sentence {
	return acts.Sentence{Start: 0, End: len(c.tr.Turns[i].Text)}
}
