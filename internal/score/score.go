// Package score turns a call's transcript (and its scenario, when known)
// into a scorecard on openness and curiosity. Scoring is pure and
// deterministic: the same transcript and scenario always give the same
// scorecard, and every point that moves a score is backed by evidence quoted
// from the trainee's own words. docs/scoring.md gives the formula and the
// references behind each part.
package score

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

// Part thresholds (see docs/scoring.md).
const (
	questionsPerTraineeTurn = 0.25 // expected questions per trainee turn; at least minQuestionTarget
	minQuestionTarget       = 3
	followUpsPerTraineeTurn = 1.0 / 6
	minFollowUpTarget       = 2
	openShareZero           = 0.2 // open share scoring 0 …
	openShareFull           = 0.7 // … and 100 (MITI competency)
	talkShareGood           = 0.5 // trainee talk share scoring full marks at or below
	talkShareBad            = 0.8 // … and 0 at or above
	monologueGoodWords      = 40  // longest monologue scoring full marks at or below
	monologueBadWords       = 120 // … and 0 at or above
	reflectionRatioFull     = 1.0 // reflections per question for full marks (MITI fair 1:1)
	takenChancesFull        = 0.5 // share of the prospect's turns picked up (acknowledged, reflected, followed up) for full marks
	substantialWords        = 5   // a prospect statement this long gives something to acknowledge
	pressureAllowance       = 3   // pressure moves that take the whole part …
	traineeTurnsPerPressure = 5   // … or one per this many trainee turns in a long call
	meanTurnGoodWords       = 20  // mean trainee turn scoring full marks at or below
	meanTurnBadWords        = 50  // … and 0 at or above
	repitchPenalty          = 0.3
	closedFollowUpCredit    = 0.5 // a closed follow-up counts this much of an open one
	answerWindow            = 2   // trainee turns that answer a rejection
	spreadSegments          = 3
	callerQuestionsFull     = 2 // inbound: questions to understand the request
	callerTurnsFull         = 3 // inbound: trainee turns before the call may end
	callerAskShare          = 0.4
	callerStayShare         = 0.4
	minRequestWords         = 6   // a first prospect turn this long with a request phrase opens an inbound call
	shortfallBoost          = 2   // room parts weigh (1 + shortfallBoost × shortfall) times their weight
	hurriedWordFactor       = 1.5 // a trainee word after the prospect said they are short of time counts this much for monologue and turn length
	maxQuoteBytes           = 200
	pickUpWords             = 6    // a first trainee turn this short, before the caller's request, picks up an inbound call
	ignoredNeedCost         = 0.25 // listening lost for each revealed need the next turn moves on from
	repeatedPressureCap     = 20   // openness at most this with two or more pressure moves …
	onePressureCap          = 50   // … and this with one
	movedOnQuestionCredit   = 0.5  // a question that moves on from what was just said counts this much …
	parrotQuestionCredit    = 0.25 // … and one after an echo of the prospect's words (see unmask) this much
	ignoringShare           = 0.4  // a call taking up less than this share of what was said …
	ignoringCap             = 0.25 // … scores openness at most 100 × (this + (1 − this) × that share)
	rushedOpennessCap       = 35   // openness at most this when an inbound caller was rushed off …
	rushedCuriosityCap      = 20   // … and curiosity at most this
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
	s.tag()
	return s.finish(), nil
}

// finish computes metrics, parts, scores and tips from the tagged turns.
func (s *scorer) finish() *openline.Scorecard {
	s.measure()
	s.scoreParts()
	s.card.Tips = s.tips()
	return s.card
}

// scorer holds one scoring run.
type scorer struct {
	tr   openline.Transcript
	sc   *openline.Scenario
	lang openline.Language
	card *openline.Scorecard

	rd     acts.Reading
	res    []acts.Result // rd's acts, per turn, unmasked (see unmask)
	uptake []acts.Uptake // rd's uptake, per turn, unmasked
	parrot map[int]bool  // trainee turns that echo the prospect's words, then ask on their own agenda
	// asksNothing holds the question sentences (turn, start) that ask
	// about nothing: wrapping the call up ("Sonst noch was?") or picking
	// up the phone ("Ja, Schulte?").
	asksNothing map[[2]int]bool
	busy        map[int]acts.Sentence // trainee turns telling the other person there is no time (acts.Disguise.Busy)
	trainee     []int                 // indices of trainee turns
	words       []int                 // words per turn
	inbound     bool
	rejectAt    int // index of the first prospect rejection answered by the trainee; -1: none
	// ackShare and reflShare are the two halves of the acknowledgement
	// part (0–1), kept for its tip.
	ackShare, reflShare float64
	chances             int // prospect turns that gave something to take in
	// rushes are the moments that rush an inbound caller off, rushedTurns
	// their turns (see findRushes).
	rushes      []rush
	rushedTurns map[int]bool
	// callerAsked and callerOffered are the questions and whether help
	// was offered on an inbound call (see timeForCaller).
	callerAsked   float64
	callerOffered bool
	// rejectAnswer is the weakest answer to a rejection (see afterRejection).
	rejectAnswer rejectionAnswer

	// Counts, filled by measure.
	questions, open, closed, followUps, personal int
	openFollowUps                                int
	ackTurns, reflTurns                          int
	pressure                                     int
	questionTurns                                []int // positions among trainee turns (0-based) asking a question
	monologueTurn                                int   // the longest trainee turn inside the longest monologue
	needTurns                                    map[string]int

	// uptakeChances counts the trainee turns that had something to take
	// up, movesOn those that moved on to their own agenda instead;
	// ignored holds the trainee turns that moved on right after a need was
	// revealed.
	uptakeChances, movesOn int
	ignored                []int

	parts []openline.ScorePart
	raw   []float64
	base  []float64 // each part's weight before the shortfall boost (see part), for ranking tips
	seen  map[evidenceKey]bool
}

type evidenceKey struct {
	turn  int
	dim   openline.Dimension
	eff   openline.Effect
	quote string
	why   string
}

func newScorer(tr openline.Transcript, sc *openline.Scenario) *scorer {
	card := &openline.Scorecard{
		Language: tr.Language,
		Scenario: tr.Scenario,
		Turns:    make([]openline.TurnActs, len(tr.Turns)),
		Evidence: []openline.Evidence{},
		Tips:     []openline.Tip{},
		Metrics:  openline.Metrics{NeedsDiscovered: []string{}},
	}
	if sc != nil && card.Scenario == "" {
		card.Scenario = sc.ID
	}
	return &scorer{
		tr: tr, sc: sc, lang: tr.Language, card: card,
		words:     make([]int, len(tr.Turns)),
		rejectAt:  -1,
		needTurns: map[string]int{},
		seen:      map[evidenceKey]bool{},
	}
}

// tag reads every turn in context (acts.Read): the scorer hears the call
// through the one reading the prospect engines use.
func (s *scorer) tag() {
	s.use(acts.Read(s.tr, s.sc))
}

// use takes the reading of every turn (one per transcript turn).
func (s *scorer) use(rd acts.Reading) {
	s.rd = rd
	res := make([]acts.Result, len(rd.Turns))
	for i := range rd.Turns {
		res[i] = rd.Turns[i].Result
	}
	s.res = res
	s.uptake = make([]acts.Uptake, len(rd.Turns))
	s.parrot = map[int]bool{}
	s.asksNothing = map[[2]int]bool{}
	s.busy = map[int]acts.Sentence{}
	for i, t := range s.tr.Turns {
		s.uptake[i] = rd.Turns[i].Uptake
		s.words[i] = len(strings.Fields(t.Text))
		if t.Speaker == openline.Trainee {
			s.trainee = append(s.trainee, i)
			s.unmask(i, i > 0 && res[i-1].Has(openline.ActInterest))
		}
		a := slices.Clone(res[i].Acts)
		if a == nil {
			a = []openline.Act{}
		}
		s.card.Turns[i] = openline.TurnActs{Index: i, Speaker: t.Speaker, Acts: a}
	}
}

// unmask reads trainee turn i beneath its form (acts.Disguised, acts.Echo):
// a question that leads, closes on two dates, frames a loss or asks for
// the decision today is pressure, and so is asking to book the step
// right after a prospect turn that showed no interest (interested); an echo of the
// prospect's words that leads into a question on a subject of one's own,
// or a reflection in a turn that then pitches or pushes, takes nothing
// in: the turn moves on, and its reflection, acknowledgement and
// follow-up do not count.
func (s *scorer) unmask(i int, interested bool) {
	r := &s.res[i]
	text := s.tr.Turns[i].Text
	prev := ""
	if i > 0 && s.tr.Turns[i-1].Speaker == openline.Prospect {
		prev = s.tr.Turns[i-1].Text
	}
	sens := slices.Clone(r.Sentences)
	echo, asked, pushes := false, false, false
	var rest strings.Builder // the turn without its echoes
	for k := range sens {
		sen := &sens[k]
		q := quote(text, sen.Start, sen.End)
		d := acts.Disguised(q)
		if d.WrapUp || (i == 0 && s.words[0] <= pickUpWords && !has(*sen, openline.ActOpenQuestion)) {
			s.asksNothing[[2]int{i, sen.Start}] = true
		}
		if _, ok := s.busy[i]; d.Busy && !ok {
			s.busy[i] = *sen
		}
		if (d.Pushes() || (d.Booking && !interested)) && !has(*sen, openline.ActPressure) {
			sen.Acts = append(slices.Clone(sen.Acts), openline.ActPressure)
		}
		if has(*sen, openline.ActPressure) || has(*sen, openline.ActPitch) {
			pushes = true
		}
		if prev == "" {
			continue
		}
		if (has(*sen, openline.ActReflection) || has(*sen, openline.ActAcknowledgement)) && acts.Echo(prev, q) {
			echo = true
			continue
		}
		rest.WriteString(q + " ")
		if has(*sen, openline.ActOfferHelp) || has(*sen, openline.ActProposal) {
			continue // offering help answers what was said
		}
		asked = asked || has(*sen, openline.ActOpenQuestion) || has(*sen, openline.ActClosedQuestion)
	}
	parrot := echo && asked && acts.NewTopic(prev, rest.String())
	// A turn of statements only that takes up the prospect's words, with
	// no pitch, push or step of its own, reflects (MITI counts it beside
	// questions), however the tagger named it.
	if prev != "" && !pushes && len(strings.Fields(prev)) >= substantialWords && !slices.ContainsFunc(sens, func(sen acts.Sentence) bool {
		return has(sen, openline.ActOpenQuestion) || has(sen, openline.ActClosedQuestion) || has(sen, openline.ActProposal) ||
			has(sen, openline.ActOfferHelp) || has(sen, openline.ActFarewell) || has(sen, openline.ActReflection)
	}) {
		for k := range sens {
			if acts.Restates(prev, quote(text, sens[k].Start, sens[k].End)) {
				sens[k].Acts = append(slices.Clone(sens[k].Acts), openline.ActReflection)
				if s.uptake[i] == acts.UptakeMovesOn {
					s.uptake[i] = acts.UptakeTakesUp
				}
				break
			}
		}
	}
	if parrot {
		s.parrot[i] = true
	}
	if parrot || pushes {
		// A feedback request in a turn that then pushes or re-pitches asks
		// for nothing but a yes.
		drop := []openline.Act{openline.ActFeedbackRequest}
		if parrot || slices.ContainsFunc(sens, func(sen acts.Sentence) bool { return has(sen, openline.ActReflection) }) {
			drop = append(drop, openline.ActReflection, openline.ActAcknowledgement)
		}
		if parrot {
			drop = append(drop, openline.ActFollowUp)
			if s.uptake[i] == acts.UptakeTakesUp {
				s.uptake[i] = acts.UptakeMovesOn
			}
		}
		for k := range sens {
			sens[k].Acts = slices.DeleteFunc(slices.Clone(sens[k].Acts), func(a openline.Act) bool { return slices.Contains(drop, a) })
		}
	}
	// The turn's acts keep the reading's order; acts added above come last.
	in := func(a openline.Act) bool {
		return slices.ContainsFunc(sens, func(sen acts.Sentence) bool { return has(sen, a) })
	}
	all := slices.DeleteFunc(slices.Clone(r.Acts), func(a openline.Act) bool { return !in(a) })
	for _, sen := range sens {
		for _, a := range sen.Acts {
			if !slices.Contains(all, a) {
				all = append(all, a)
			}
		}
	}
	r.Sentences, r.Acts = sens, all
}

// measure fills the metrics.
func (s *scorer) measure() {
	m := &s.card.Metrics
	s.inbound = s.isInbound()
	m.Inbound = s.inbound
	for k, i := range s.trainee {
		asked := false
		if acknowledgesTurn(s.res[i]) {
			s.ackTurns++
		}
		if s.res[i].Has(openline.ActReflection) {
			s.reflTurns++
			asked = true // a reflection invites more, as a question does (MITI)
		}
		for _, sen := range s.res[i].Sentences {
			if has(sen, openline.ActPressure) {
				s.pressure++
			}
			if has(sen, openline.ActPersonalInterest) {
				s.personal++
			}
			if !s.asks(i, sen) {
				continue
			}
			asked = true
			s.questions++
			if has(sen, openline.ActOpenQuestion) {
				s.open++
			} else {
				s.closed++
			}
			if has(sen, openline.ActFollowUp) {
				s.followUps++
				if has(sen, openline.ActOpenQuestion) {
					s.openFollowUps++
				}
			}
		}
		if asked {
			s.questionTurns = append(s.questionTurns, k)
		}
	}
	for i, t := range s.tr.Turns {
		if t.Speaker == openline.Prospect && s.res[i].Has(openline.ActRejection) {
			m.Rejections++
			if s.rejectAt < 0 && s.nextTrainee(i) >= 0 {
				s.rejectAt = i
			}
		}
	}
	if s.inbound {
		s.findRushes()
	}
	m.TraineeQuestions, m.OpenQuestions, m.ClosedQuestions = s.questions, s.open, s.closed
	m.FollowUpQuestions, m.PersonalInterest = s.followUps, s.personal
	m.Acknowledgements, m.Reflections, m.PressureMoves = s.ackTurns, s.reflTurns, s.pressure
	m.TalkShare, m.TalkShareBy = s.talkShare()
	m.LongestMonologueWords, s.monologueTurn = s.longestMonologue()
	s.findNeeds()
	for i, t := range s.rd.Turns {
		switch {
		case t.Speaker == openline.Trainee && s.uptake[i] != acts.UptakeNone && i > 1:
			// Answering the pick-up (turn 0) is the opening, not listening.
			s.uptakeChances++
			if s.uptake[i] == acts.UptakeMovesOn {
				s.movesOn++
			}
		case t.Speaker == openline.Prospect && len(t.Needs) > 0 && s.nextTrainee(i) == i+1 && (!t.NeedTakenUp || s.uptake[i+1] == acts.UptakeMovesOn):
			s.ignored = append(s.ignored, i+1)
		}
	}
}

// listenShare is the share of the trainee's turns that take up what the
// prospect said, of those that had something to take up (1 without any).
func (s *scorer) listenShare() float64 {
	if s.uptakeChances == 0 {
		return 1
	}
	return 1 - float64(s.movesOn)/float64(s.uptakeChances)
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
// counts for curiosity: isQuestion, and not one that asks about nothing
// (asksNothing).
func (s *scorer) asks(i int, sen acts.Sentence) bool {
	return isQuestion(sen) && !s.asksNothing[[2]int{i, sen.Start}]
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
func (s *scorer) nextTrainee(i int) int {
	for _, j := range s.trainee {
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
func (s *scorer) isInbound() bool {
	if s.sc != nil && s.sc.Direction == openline.Inbound {
		return true
	}
	// The trainee picking up the phone ("Yeah, Collins?") opens an
	// inbound call, whatever the scenario says.
	if len(s.tr.Turns) > 1 && s.tr.Turns[0].Speaker == openline.Trainee && s.words[0] <= pickUpWords &&
		!s.res[0].Has(openline.ActPitch) && s.tr.Turns[1].Speaker == openline.Prospect && s.rd.Turns[1].Request {
		return true
	}
	// So does a caller who, after a pick-up, explains why they call.
	if len(s.tr.Turns) > 1 && s.tr.Turns[0].Speaker == openline.Trainee && s.words[0] <= pickUpWords &&
		!s.res[0].Has(openline.ActPitch) && !s.res[0].Has(openline.ActPermission) && s.tr.Turns[1].Speaker == openline.Prospect && s.words[1] >= minRequestWords {
		return true
	}
	if s.sc != nil {
		return false
	}
	if len(s.tr.Turns) == 0 || s.tr.Turns[0].Speaker != openline.Prospect || s.res[0].Has(openline.ActRejection) || len(s.trainee) == 0 {
		return false
	}
	if s.words[0] < minRequestWords && s.res[s.trainee[0]].Has(openline.ActPitch) {
		return false
	}
	return s.rd.Turns[0].Request
}

// talkShare is the trainee's share of the talk: by time when every turn
// carries start and end times (and some time was spoken), else by words.
func (s *scorer) talkShare() (float64, string) {
	timed := len(s.tr.Turns) > 0
	var mine, all int64
	for _, t := range s.tr.Turns {
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
	for i, t := range s.tr.Turns {
		all += int64(s.words[i])
		if t.Speaker == openline.Trainee {
			mine += int64(s.words[i])
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
func (s *scorer) longestMonologue() (int, int) {
	best, bestTurn := 0, -1
	run, runTurn := 0, -1
	for i, t := range s.tr.Turns {
		if t.Speaker != openline.Trainee {
			run, runTurn = 0, -1
			continue
		}
		run += s.words[i]
		if runTurn < 0 || s.words[i] > s.words[runTurn] {
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
func (s *scorer) findNeeds() {
	m := &s.card.Metrics
	if s.sc == nil {
		return
	}
	m.NeedsTotal = len(s.sc.Needs)
	for i, t := range s.rd.Turns {
		for _, id := range t.Earns {
			if _, done := s.needTurns[id]; !done {
				s.needTurns[id] = i
				m.NeedsDiscovered = append(m.NeedsDiscovered, id)
			}
		}
	}
}

// part records one part of a score. A part that measures whether the
// trainee gives the other person room (roomParts) weighs more the more it
// falls short: weight × (1 + shortfallBoost × (1 − value)), with the value
// rounded to the percent the scorecard shows and the weight to two decimals,
// so friendliness and the absence of pressure cannot make up for talking at
// the prospect or rushing a caller off.
func (s *scorer) part(dim openline.Dimension, name string, applies bool, score float64) {
	w := weight(s.sc, dim, name)
	s.base = append(s.base, w)
	score = clamp01(score)
	if !applies {
		score = 0
	}
	if applies && dim == opn && slices.Contains(roomParts, name) {
		w = math.Round(100*w*(1+shortfallBoost*(1-math.Round(100*score)/100))) / 100
	}
	s.parts = append(s.parts, openline.ScorePart{Dimension: dim, Name: name, Weight: w, Score: int(math.Round(100 * score)), Applies: applies})
	s.raw = append(s.raw, score)
}

// roomParts are the openness parts that measure whether the trainee gives
// the other person room: listening, and taking time for an inbound caller.
var roomParts = []string{openline.WeightListening, openline.WeightTimeForCaller}

// scoreParts computes every part, its evidence and the two scores.
func (s *scorer) scoreParts() {
	s.curiosity()
	s.openness()
	s.card.Parts = s.parts
	s.card.Curiosity = combine(s.parts, s.raw, openline.DimensionCuriosity)
	s.card.Openness = combine(s.parts, s.raw, openline.DimensionOpenness)
	// Pressure in any form caps openness: a call with repeated pressure is
	// poor however friendly the rest of it was.
	pushed := 0 // trainee turns that push: two pressing sentences in one turn are one move
	for _, i := range s.trainee {
		if s.res[i].Has(openline.ActPressure) || s.rushedTurns[i] {
			pushed++
		}
	}
	switch {
	case pushed >= 2:
		s.card.Openness = min(s.card.Openness, repeatedPressureCap)
	case pushed == 1:
		s.card.Openness = min(s.card.Openness, onePressureCap)
	}
	// A call that takes up nothing the prospect says is not open, however
	// friendly its words: openness is capped by the share of turns that
	// take up what was said.
	if ls := s.listenShare(); ls < ignoringShare {
		s.card.Openness = min(s.card.Openness, int(math.Round(100*(ignoringCap+(1-ignoringCap)*ls))))
	}
	// Rushing a caller off is neither curious nor open.
	if len(s.rushes) > 0 {
		s.card.Openness = min(s.card.Openness, rushedOpennessCap)
		s.card.Curiosity = min(s.card.Curiosity, rushedCuriosityCap)
	}
}

const (
	cur = openline.DimensionCuriosity
	opn = openline.DimensionOpenness
)

func (s *scorer) curiosity() {
	T := len(s.trainee)
	spoke := T > 0
	closedCounts := s.questions > 0 && float64(s.open)/float64(s.questions) < openShareFull
	for _, i := range s.trainee {
		for _, sen := range s.res[i].Sentences {
			switch {
			case s.asks(i, sen) && has(sen, openline.ActOpenQuestion):
				s.evidenceTurn(i, sen, cur, openline.EffectPlus, whyOpenQuestion)
			case s.asks(i, sen) && closedCounts:
				s.evidenceTurn(i, sen, cur, openline.EffectMinus, whyClosedQuestion)
			}
			if s.asks(i, sen) && has(sen, openline.ActFollowUp) {
				s.evidenceTurn(i, sen, cur, openline.EffectPlus, whyFollowUp)
			}
			if has(sen, openline.ActPersonalInterest) {
				s.evidenceTurn(i, sen, cur, openline.EffectPlus, whyPersonal)
			}
		}
	}

	target := math.Max(minQuestionTarget, math.Ceil(questionsPerTraineeTurn*float64(T)))
	// Deep listening asks with reflections as much as with questions
	// (MITI counts complex reflections beside questions).
	refl := float64(s.reflTurns)
	s.part(cur, openline.WeightQuestions, spoke, (s.listenedQuestions()+refl)/target)

	share := 0.0
	if s.questions+s.reflTurns > 0 {
		share = (float64(s.open) + refl) / (float64(s.questions) + refl)
	}
	// Open questions of a checklist that ignores the answers are not
	// curiosity: the share counts only as much as the questions listened
	// (listenedQuestions).
	heard := 1.0
	if s.questions > 0 {
		heard = s.listenedQuestions() / float64(s.questions)
	}
	// The share of open questions means little in a call with one or two:
	// it counts in proportion to the questions asked, up to the target.
	s.part(cur, openline.WeightOpenShare, spoke, heard*math.Min(1, float64(s.questions+s.reflTurns)/target)*rise(share, openShareZero, openShareFull))

	// A closed follow-up checks a detail; an open one invites more: the
	// closed ones count half.
	fuTarget := math.Max(minFollowUpTarget, math.Ceil(followUpsPerTraineeTurn*float64(T)))
	// A reflection builds on what was just said as a follow-up does.
	s.part(cur, openline.WeightFollowUps, spoke, (float64(s.openFollowUps)+closedFollowUpCredit*float64(s.followUps-s.openFollowUps)+refl)/fuTarget)

	needs := 0.0
	if s.sc != nil && len(s.sc.Needs) > 0 {
		needs = float64(len(s.card.Metrics.NeedsDiscovered)) / float64(len(s.sc.Needs))
		for _, id := range s.card.Metrics.NeedsDiscovered {
			i := s.needTurns[id]
			s.evidenceTurn(i, s.lastQuestion(i), cur, openline.EffectPlus, msg{whyNeed.de + id, whyNeed.en + id})
		}
	}
	s.part(cur, openline.WeightNeeds, spoke && s.sc != nil && len(s.sc.Needs) > 0, needs)

	personal := 0.0
	switch {
	case s.personal >= 2:
		personal = 1
	case s.personal == 1:
		personal = 0.7
	}
	s.part(cur, openline.WeightPersonalInterest, spoke, personal)

	s.part(cur, openline.WeightSpread, spoke, s.spread())
}

// listenedQuestions counts the trainee's questions, those in a turn that
// moves on from what the prospect just said at movedOnQuestionCredit: a
// checklist asks, but does not listen.
func (s *scorer) listenedQuestions() float64 {
	n := 0.0
	for _, i := range s.trainee {
		credit := 1.0
		switch {
		case s.parrot[i]:
			credit = parrotQuestionCredit
		case s.uptake[i] == acts.UptakeMovesOn:
			credit = movedOnQuestionCredit
		}
		for _, sen := range s.res[i].Sentences {
			if s.asks(i, sen) {
				n += credit
			}
		}
	}
	return n
}

// spread is the share of the segments of the call's body (thirds of its
// trainee turns, fewer in a short call) in which the trainee asked a
// question. The body leaves out an opening turn without a question (the
// greeting) and the closing turns at the end without one (an offer, a next
// step, a goodbye): those are not where questions are due.
func (s *scorer) spread() float64 {
	if len(s.trainee) == 0 || len(s.questionTurns) == 0 {
		return 0
	}
	asks := make([]bool, len(s.trainee))
	for _, k := range s.questionTurns {
		asks[k] = true
	}
	lo, hi := 0, len(s.trainee)
	if !asks[0] {
		lo = 1
	}
	for hi > lo && !asks[hi-1] && s.closing(s.trainee[hi-1]) {
		hi--
	}
	T := hi - lo
	if T <= 0 {
		return 1
	}
	segs := min(spreadSegments, T)
	hit := make([]bool, segs)
	for _, k := range s.questionTurns {
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
	if sp < 1 && len(s.questionTurns) > 1 {
		// The last question before the long silence of questions.
		lastK := s.questionTurns[len(s.questionTurns)-1]
		if lastK < hi && (lastK-lo)*segs/T < segs-1 {
			last := s.trainee[lastK]
			s.evidenceTurn(last, s.lastQuestion(last), cur, openline.EffectMinus, whyBunched)
		}
	}
	return sp
}

// closing reports whether trainee turn i closes the call: a goodbye, an
// offer of help or a proposed next step.
func (s *scorer) closing(i int) bool {
	r := s.res[i]
	return r.Has(openline.ActFarewell) || r.Has(openline.ActOfferHelp) || r.Has(openline.ActProposal)
}

func (s *scorer) openness() {
	spoke := len(s.trainee) > 0
	s.part(opn, openline.WeightFriendlyOpening, spoke, s.friendlyOpening())
	s.part(opn, openline.WeightListening, spoke, s.listening())
	s.part(opn, openline.WeightAcknowledgement, spoke, s.acknowledgement())
	s.part(opn, openline.WeightAfterRejection, s.rejectAt >= 0, s.afterRejection())
	s.part(opn, openline.WeightTimeForCaller, spoke && s.inbound, s.timeForCaller())
	for _, i := range s.trainee {
		for _, sen := range s.res[i].Sentences {
			if has(sen, openline.ActPressure) {
				s.evidenceTurn(i, sen, opn, openline.EffectMinus, whyPressure)
			}
		}
	}
	allowance := math.Max(pressureAllowance, float64(len(s.trainee))/traineeTurnsPerPressure)
	s.part(opn, openline.WeightPressure, spoke, 1-float64(s.pressure)/allowance)
	s.part(opn, openline.WeightAnswering, s.answeredPhone(), s.answering())
}

// friendlyOpening scores the first trainee turn: greeting, own name and (on
// an outbound call, in the first two trainee turns) asking whether it is a
// good moment.
func (s *scorer) friendlyOpening() float64 {
	if len(s.trainee) == 0 {
		return 0
	}
	first := s.trainee[0]
	r := s.res[first]
	got := 0.0
	check := func(ok bool, sen acts.Sentence, good, bad msg) {
		if ok {
			got++
			s.evidenceTurn(first, sen, opn, openline.EffectPlus, good)
		} else {
			s.evidenceTurn(first, firstSentence(r), opn, openline.EffectMinus, bad)
		}
	}
	g, gOK := sentenceWith(r, openline.ActGreeting)
	check(gOK, g, whyGreeting, whyNoGreeting)
	in, inOK := sentenceWith(r, openline.ActIntroduction)
	check(inOK, in, whyIntroduction, whyNoIntroduction)
	if s.inbound {
		return got / 2
	}
	pTurn := first
	p, pOK := sentenceWith(r, openline.ActPermission)
	if !pOK && len(s.trainee) > 1 {
		if p2, ok := sentenceWith(s.res[s.trainee[1]], openline.ActPermission); ok {
			p, pOK, pTurn = p2, true, s.trainee[1]
		}
	}
	if pOK {
		got++
		s.evidenceTurn(pTurn, p, opn, openline.EffectPlus, whyPermission)
	} else {
		s.evidenceTurn(first, firstSentence(r), opn, openline.EffectMinus, whyNoPermission)
	}
	return got / 3
}

// listening scores the talk share, the longest monologue and the mean
// length of the trainee's turns (how soon they hand the word back), a third
// each, scaled by the share of the trainee's turns without pressure.
func (s *scorer) listening() float64 {
	m := s.card.Metrics
	share := fall(m.TalkShare, talkShareGood, talkShareBad)
	// Words said after the prospect signalled that they are short of time
	// or asked to slow down weigh hurriedWordFactor times for the monologue
	// and the turn length: talking on then ignores what they just said.
	// The metrics keep the plain word counts.
	hurried := s.hurriedFrom()
	weighted := func(i int) float64 {
		if hurried >= 0 && i > hurried {
			return hurriedWordFactor * float64(s.words[i])
		}
		return float64(s.words[i])
	}
	longest, run := 0.0, 0.0
	words, wwords := 0, 0.0
	for i, t := range s.tr.Turns {
		if t.Speaker != openline.Trainee {
			run = 0
			continue
		}
		run += weighted(i)
		longest = math.Max(longest, run)
		words += s.words[i]
		wwords += weighted(i)
	}
	mono := fall(longest, monologueGoodWords, monologueBadWords)
	s.card.Metrics.MeanTurnWords = round2(float64(words) / float64(max(1, len(s.trainee))))
	meanTurn := fall(wwords/float64(max(1, len(s.trainee))), meanTurnGoodWords, meanTurnBadWords)
	if s.monologueTurn >= 0 {
		if mono < 1 {
			s.evidenceTurn(s.monologueTurn, s.prefix(s.monologueTurn), opn, openline.EffectMinus, whyMonologue)
		} else if share < 1 {
			s.evidenceTurn(s.monologueTurn, s.prefix(s.monologueTurn), opn, openline.EffectMinus, whyTalkShare)
		} else if meanTurn < 1 {
			s.evidenceTurn(s.monologueTurn, s.prefix(s.monologueTurn), opn, openline.EffectMinus, whyLongTurns)
		}
	}
	// Short turns are listening only when they hand the word back: a turn
	// that pushes holds the floor in substance however short it is (the
	// righting reflex is the opposite of listening): the part counts only
	// the share of trainee turns without pressure. (Rushing a caller off
	// costs in time_for_caller and as pressure, not a third time here.)
	pushed := 0
	for _, i := range s.trainee {
		if s.res[i].Has(openline.ActPressure) {
			pushed++
		}
	}
	calm := 1 - float64(pushed)/float64(max(1, len(s.trainee)))
	// Moving on right after the prospect revealed a need is not listening.
	for _, i := range s.ignored {
		s.evidenceTurn(i, firstSentence(s.res[i]), opn, openline.EffectMinus, whyIgnoredNeed)
	}
	return clamp01(calm*(share+mono+meanTurn)/3 - ignoredNeedCost*float64(len(s.ignored)))
}

// hurriedFrom returns the first prospect turn that says they are short of
// time or asks the trainee to slow down ("ich hab grad wenig Zeit",
// "Jetzt mal langsam", "so be quick", "that was a lot at once"), or -1.
func (s *scorer) hurriedFrom() int {
	for i, t := range s.tr.Turns {
		if t.Speaker != openline.Prospect {
			continue
		}
		if s.rd.Turns[i].Hurried {
			return i
		}
	}
	return -1
}

// acknowledgement scores acknowledging (turns that acknowledge, against the
// prospect turns that gave something to acknowledge) and reflecting
// (reflections per question, MITI), half each.
func (s *scorer) acknowledgement() float64 {
	chances, taken := 0, 0
	for i := range s.tr.Turns {
		if !s.chance(i) {
			continue
		}
		chances++
		s.chances++
		// "Verstehe, aber unser Angebot ..." takes nothing in.
		if r := s.res[i+1]; !r.Has(openline.ActPressure) && !r.Has(openline.ActPitch) && (acknowledgesTurn(r) || r.Has(openline.ActFollowUp)) {
			taken++
		}
	}
	for _, i := range s.trainee {
		// Reflections count wherever they are; an acknowledgement counts
		// only when something was said to take in ("Schön, dass ich Sie
		// erreiche" after a pick-up takes in nothing).
		answers := i > 0 && s.chance(i-1)
		for _, sen := range s.res[i].Sentences {
			switch {
			case has(sen, openline.ActReflection):
				s.evidenceTurn(i, sen, opn, openline.EffectPlus, whyReflection)
			case acknowledges(sen) && answers:
				s.evidenceTurn(i, sen, opn, openline.EffectPlus, whyAcknowledge)
			}
		}
	}
	ack := float64(taken) / math.Max(1, math.Ceil(takenChancesFull*float64(chances)))
	refl := 0.0
	switch {
	case s.questions == 0 && s.reflTurns > 0:
		refl = 1
	case s.questions > 0:
		refl = float64(s.reflTurns) / float64(s.questions) / reflectionRatioFull
	}
	s.ackShare, s.reflShare = clamp01(ack), clamp01(refl)
	// Mirroring words while moving on to one's own list is not listening:
	// the part counts only the share of turns that take up what was said.
	return s.listenShare() * (s.ackShare + s.reflShare) / 2
}

// chance reports whether prospect turn i gives the trainee, who answers it
// in the next turn, something to take in: an act such as a reveal or an
// objection, or a statement of at least substantialWords words. A turn
// that only asks back ("Hm, ja. Was kann ich für Sie tun?") hands over the
// word and gives nothing to acknowledge, and so does the prospect picking
// up the phone.
func (s *scorer) chance(i int) bool {
	if s.tr.Turns[i].Speaker != openline.Prospect || i+1 >= len(s.tr.Turns) || s.tr.Turns[i+1].Speaker != openline.Trainee {
		return false
	}
	if i == 0 && !s.inbound {
		return false // picking up the phone ("Walsh Joinery, Karen speaking.")
	}
	if len(s.res[i].Acts) > 0 {
		return true
	}
	text := s.tr.Turns[i].Text
	for _, sen := range s.res[i].Sentences {
		if q := quote(text, sen.Start, sen.End); !strings.HasSuffix(q, "?") && len(strings.Fields(q)) >= substantialWords {
			return true
		}
	}
	return false
}

// afterRejection scores the trainee's answers to the prospect's noes: for
// each rejection, the trainee turns answering it earn 0.4 for accepting it
// in the first answer, 0.4 for asking for feedback and 0.2 for offering
// other help (both any time until the next no: the connection that helps
// often comes later in the call), less 0.3 for every pressure move or
// re-pitch in the first answerWindow answers; the part is the mean over
// the rejections. The weakest answer is kept for the tip.
func (s *scorer) afterRejection() float64 {
	if s.rejectAt < 0 {
		return 0
	}
	total, n := 0.0, 0
	worst := 2.0
	for r := s.rejectAt; r < len(s.tr.Turns); r++ {
		if s.tr.Turns[r].Speaker != openline.Prospect || !s.res[r].Has(openline.ActRejection) || s.nextTrainee(r) < 0 {
			continue
		}
		a := s.answerToRejection(r)
		s.card.Metrics.FeedbackRequestsAfterRejection += a.feedbackTurns
		if a.score < worst {
			worst, s.rejectAnswer = a.score, a
		}
		total += a.score
		n++
	}
	return total / float64(n)
}

// rejectionAnswer is how the trainee answered one rejection.
type rejectionAnswer struct {
	score                           float64
	first                           int // the first trainee turn answering it
	pushed                          int // the first answering turn that pushed or re-pitched; -1: none
	accepted, feedback, offeredHelp bool
	feedbackTurns                   int // answering turns asking for feedback
}

// answerToRejection scores the trainee turns answering the rejection in
// turn r (see afterRejection).
func (s *scorer) answerToRejection(r int) rejectionAnswer {
	a := rejectionAnswer{first: s.nextTrainee(r), pushed: -1}
	neg := 0
	answered := 0
	for i := r + 1; i < len(s.tr.Turns); i++ {
		if s.tr.Turns[i].Speaker == openline.Prospect {
			if s.res[i].Has(openline.ActRejection) {
				break
			}
			continue
		}
		res := s.res[i]
		asked := false
		for _, sen := range res.Sentences {
			switch {
			case has(sen, openline.ActPressure) && answered < answerWindow:
				neg++
				s.evidenceTurn(i, sen, opn, openline.EffectMinus, whyPressureAfter)
			case has(sen, openline.ActPitch) && answered < answerWindow:
				neg++
				s.evidenceTurn(i, sen, opn, openline.EffectMinus, whyRepitch)
			case has(sen, openline.ActFeedbackRequest) && answered < answerWindow:
				a.feedback = true
				asked = true
				s.evidenceTurn(i, sen, opn, openline.EffectPlus, whyFeedback)
			case has(sen, openline.ActOfferHelp) && !has(sen, openline.ActPressure) && !has(sen, openline.ActPitch):
				a.offeredHelp = true
				s.evidenceTurn(i, sen, opn, openline.EffectPlus, whyOfferHelp)
			}
		}
		if asked {
			a.feedbackTurns++
		}
		if answered < answerWindow && a.pushed < 0 && (res.Has(openline.ActPressure) || res.Has(openline.ActPitch)) {
			a.pushed = i
		}
		if answered == 0 && !res.Has(openline.ActPressure) && !res.Has(openline.ActPitch) {
			for _, act := range []openline.Act{openline.ActAcknowledgement, openline.ActFeedbackRequest, openline.ActFarewell, openline.ActOfferHelp} {
				if sen, ok := sentenceWith(res, act); ok {
					a.accepted = true
					s.evidenceTurn(i, sen, opn, openline.EffectPlus, whyAccept)
					break
				}
			}
		}
		answered++
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

// timeForCaller scores an inbound call: callerAskShare for questions to
// understand the caller (callerQuestionsFull of them for full marks),
// callerStayShare for staying in the call (callerTurnsFull trainee turns)
// without rushing it off, and the rest for offering help beyond the
// request (a contact, an invitation: where a call nobody planned leads). Rushing is saying goodbye within the first callerTurnsFull-1 turns,
// before asking a single question, or right after the caller opened up (a
// reveal) without taking it in, and telling the caller one has no time ("I'm a bit busy").
func (s *scorer) timeForCaller() float64 {
	if !s.inbound || len(s.trainee) == 0 {
		return 0
	}
	asked := 0.0
	for _, k := range s.questionTurns {
		i := s.trainee[k]
		if asked == 0 {
			s.evidenceTurn(i, s.lastQuestion(i), opn, openline.EffectPlus, whyTakeTime)
		}
		for _, sen := range s.res[i].Sentences {
			if s.asks(i, sen) {
				asked++
			}
		}
	}
	for _, r := range s.rushes {
		s.evidenceTurn(r.turn, r.sen, opn, openline.EffectMinus, r.why)
	}
	offered := false
	for _, i := range s.trainee {
		if sen, ok := sentenceWith(s.res[i], openline.ActOfferHelp); ok && !s.res[i].Has(openline.ActPitch) && isOffer(sen) {
			offered = true
			s.evidenceTurn(i, sen, opn, openline.EffectPlus, whyOfferHelp)
			break
		}
	}
	score := callerAskShare * clamp01(asked/callerQuestionsFull)
	if len(s.rushes) == 0 {
		score += callerStayShare * clamp01(float64(len(s.trainee))/callerTurnsFull)
	}
	if offered {
		score += 1 - callerAskShare - callerStayShare
	}
	s.callerAsked, s.callerOffered = asked, offered
	return score
}

// isOffer reports whether an offer-of-help sentence offers more than the
// service the caller asked for: "Wie kann ich Ihnen helfen?" opens the
// call, it offers nothing yet.
func isOffer(sen acts.Sentence) bool { return !has(sen, openline.ActOpenQuestion) }

// findRushes finds the trainee's turns that rush an inbound caller off
// (see timeForCaller). Each such turn is also a pressure move, once: telling
// the caller there is no time, or saying goodbye before they were asked
// anything, hurries them along.
func (s *scorer) findRushes() {
	s.rushedTurns = map[int]bool{}
	questions := 0
	farewell := false
	for k, i := range s.trainee {
		for _, sen := range s.res[i].Sentences {
			if s.asks(i, sen) {
				questions++
			}
		}
		if sen, ok := s.noTime(i); ok {
			s.rushes = append(s.rushes, rush{i, sen, whyNoTime})
			s.rushedTurns[i] = true
			s.pressure++
		}
		sen, ok := sentenceWith(s.res[i], openline.ActFarewell)
		if !ok || farewell {
			continue
		}
		farewell = true
		// A goodbye right after the caller opened up, without taking it in
		// or offering anything, leaves them standing.
		opened := i > 0 && s.tr.Turns[i-1].Speaker == openline.Prospect && s.res[i-1].Has(openline.ActReveal) && !s.takesIn(i)
		if k < callerTurnsFull-1 || questions == 0 || opened {
			s.rushes = append(s.rushes, rush{i, sen, whyRush})
			if !s.rushedTurns[i] {
				s.pressure++ // it hurries the caller out, like "no time"
			}
			s.rushedTurns[i] = true
		}
	}
}

// takesIn reports whether trainee turn i takes up what was just said: a
// reflection, a follow-up, an offer of help, or an acknowledgement longer
// than a bare marker ("Fine, done." takes nothing in; "Danke, dass Sie mir
// das erzählen." does).
func (s *scorer) takesIn(i int) bool {
	r := s.res[i]
	if r.Has(openline.ActReflection) || r.Has(openline.ActFollowUp) || r.Has(openline.ActOfferHelp) {
		return true
	}
	for _, sen := range r.Sentences {
		if acknowledges(sen) && len(strings.Fields(quote(s.tr.Turns[i].Text, sen.Start, sen.End))) > bareMarkerWords {
			return true
		}
	}
	return false
}

// bareMarkerWords is the longest acknowledgement, in words, that is only
// a marker ("Okay.", "Fine, done.").
const bareMarkerWords = 2

// rush is one moment that rushes a caller off: the turn, the sentence and
// why.
type rush struct {
	turn int
	sen  acts.Sentence
	why  msg
}

// noTime returns the sentence of trainee turn i that tells the caller the
// trainee has no time for them, if any.
func (s *scorer) noTime(i int) (acts.Sentence, bool) {
	if sen, ok := s.busy[i]; ok {
		return sen, true
	}
	if !s.rd.Turns[i].NoTime {
		return acts.Sentence{}, false
	}
	return firstSentence(s.res[i]), true
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
func (s *scorer) lastQuestion(i int) acts.Sentence {
	r := s.res[i]
	for k := len(r.Sentences) - 1; k >= 0; k-- {
		if s.asks(i, r.Sentences[k]) {
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
func (s *scorer) prefix(i int) acts.Sentence {
	return acts.Sentence{Start: 0, End: len(s.tr.Turns[i].Text)}
}

// evidenceTurn adds one evidence item quoting span sen of turn i, once.
func (s *scorer) evidenceTurn(i int, sen acts.Sentence, dim openline.Dimension, effect openline.Effect, why msg) {
	if i < 0 || i >= len(s.tr.Turns) {
		return
	}
	q := quote(s.tr.Turns[i].Text, sen.Start, sen.End)
	w := why.in(s.lang)
	k := evidenceKey{i, dim, effect, q, w}
	if s.seen[k] {
		return
	}
	s.seen[k] = true
	s.card.Evidence = append(s.card.Evidence, openline.Evidence{Turn: i, Dimension: dim, Effect: effect, Quote: q, Why: w})
}

// quote returns text[start:end] trimmed and cut to maxQuoteBytes at a
// character boundary; an invalid span quotes the whole text. The result is
// always a substring of text.
func quote(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end || !boundary(text, start) || !boundary(text, end) {
		start, end = 0, len(text)
	}
	q := strings.TrimSpace(text[start:end])
	if q == "" {
		q = strings.TrimSpace(text)
	}
	return quoteCut(q, maxQuoteBytes)
}

// quoteCut cuts q to at most n bytes, at the last space in its second half
// or else at a character boundary, and trims it; the result is a prefix of q.
func quoteCut(q string, n int) string {
	if len(q) <= n {
		return q
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(q[cut]) {
		cut--
	}
	if sp := strings.LastIndexByte(q[:cut], ' '); sp > n/2 {
		cut = sp
	}
	return strings.TrimSpace(q[:cut])
}

func boundary(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }
