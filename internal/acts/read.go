package acts

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/openline/openline/internal/openline"
)

// This file is the reading of a whole conversation: every turn tagged in
// its context, and the relations between the turns that no single turn
// shows (uptake, what a question is for, whether an acknowledgement holds,
// which hidden need a prospect turn reveals and whether it was earned and
// taken up). Read is the entry point for the scorer and the LLM engine;
// the scripted engine, which hears one turn at a time, uses Trainee and
// Prospect with the same rules.

// Uptake says how a trainee turn relates to what the prospect just said.
type Uptake string

const (
	// UptakeNone: the prospect gave nothing to take up (the turn opens the
	// call, or answers a pick-up or a bare question back).
	UptakeNone Uptake = ""
	// UptakeTakesUp: the turn refers to, reflects, acknowledges or asks
	// about what the prospect said.
	UptakeTakesUp Uptake = "takes_up"
	// UptakeMovesOn: the prospect said something, and the turn goes on
	// with the trainee's own agenda.
	UptakeMovesOn Uptake = "moves_on"
)

// Purpose is what a trainee's question is for. A question's form never
// launders its content: pressure asked as a question is PurposePressure.
type Purpose string

const (
	// PurposeDiscovery asks about the person, their situation or their
	// view.
	PurposeDiscovery Purpose = "discovery"
	// PurposeFactual checks a fact (a yes/no or a number) without inviting
	// the person to tell.
	PurposeFactual Purpose = "factual"
	// PurposeClosing asks for a next step, for permission, or offers help
	// or the product.
	PurposeClosing Purpose = "closing"
	// PurposePressure pushes: urgency, deadlines, "what would it take",
	// guilt, loss framing, rhetorical questions, arguing after a no.
	PurposePressure Purpose = "pressure"
)

// Question is one question sentence of a trainee turn.
type Question struct {
	Sentence int     // index into the turn's Sentences
	Open     bool    // open rather than closed
	Purpose  Purpose // what it is for
}

// Reading is the reading of a whole conversation, one Turn per transcript
// turn, in order.
type Reading struct {
	Turns []Turn
}

// Turn is the reading of one turn in its context. Its embedded Result holds
// the sentences and acts; for a trainee turn an acknowledgement withdrawn
// by a "yes, but" (YesBut) is no longer among them.
type Turn struct {
	Speaker openline.Speaker
	Result
	// Rejected is true when, for a trainee turn, the prospect's no stands:
	// said earlier and not yet left behind by a reveal or interest.
	Rejected bool

	// Trainee turns.

	// Uptake is how the turn relates to the prospect's previous turn.
	Uptake Uptake
	// Questions are the turn's question sentences with their purpose.
	Questions []Question
	// YesBut is true when an acknowledgement in the turn is followed, in
	// the same turn, by a counter-argument, a defence, pressure or a pitch
	// ("Verstehe, aber unser Angebot ...", "I understand, but ..."): the
	// acknowledgement is not credited.
	YesBut bool
	// YesButArgues is true for a "yes, but" whose "but" argues (a
	// counter-argument or pressure: "I hear you, but spreadsheets don't
	// scale") rather than only going on to the pitch ("Ja, genau, und
	// das Schöne ist, dass wir …"); in a reading of the whole call (Read)
	// also for one that goes on to the pitch while a no stands or right
	// after the prospect showed annoyance ("Are you even listening?" – "I
	// totally understand. So, Priority Care from Monday?").
	YesButArgues bool
	// Asks is true when the turn asks anything: a question act (open,
	// closed, follow-up) or a sentence said as a question (Sentence.Asks).
	Asks bool
	// SmallTalk is true when the turn asks how the other person is or
	// names a topic of small talk (the weather, the weekend, holidays):
	// it earns no need and asks about no fact.
	SmallTalk bool
	// NoTime is true when the trainee says they have no time for the other
	// person ("I'm a bit busy", "machen wir's kurz", "Ich bin gerade
	// mitten in einer Aktion"); NoTimeAt is the sentence that says it
	// (the first when the turn as a whole does).
	NoTime   bool
	NoTimeAt int
	// Answer is how the call's first turn answers the phone, when the
	// trainee speaks first (the scorer knows whether the call rang at
	// them).
	Answer PhoneAnswer
	// Parrot is true when the turn echoes the prospect's words and then
	// asks on a subject of its own (see unmask): it moves on, whatever
	// its acknowledgement says.
	Parrot bool
	// Earns lists the needs (ids) the turn earned: the prospect's next turn
	// reveals them and this turn's question or reflection was relevant to
	// them and not pressure.
	Earns []string

	// AsksBack is true, for any turn, when it ends with a question (its
	// last sentence Asks): it hands the word over and waits for an
	// answer.
	AsksBack bool

	// sharesPrev is true when the turn repeats a content word of the
	// prospect's turn right before.
	sharesPrev bool

	// Prospect turns.

	// Needs lists the hidden needs (ids, scenario order) the turn reveals,
	// judged against the scenario's description of each need.
	Needs []string
	// NeedTakenUp is true, for a turn revealing a need, when the trainee's
	// next turn takes it up; false when it moves on or nobody answers.
	NeedTakenUp bool
	// Hurried is true when the prospect says they are short of time for
	// the call or asks the trainee to slow down.
	Hurried bool
	// CutOff is true when the prospect's turn breaks off mid-sentence
	// with a dash ("And the name, Okafor—"): the trainee cut in.
	CutOff bool
	// Annoyed is true when the prospect shows annoyance ("Das sagten Sie
	// schon", "I told you already").
	Annoyed bool
	// Request is true when the turn brings a request of the prospect's own
	// ("Ich rufe wegen ... an", "I'm calling about ..."): a caller.
	Request bool
	// Evades is true for a short turn that gives no point of the
	// prospect's own: a don't-know ("I couldn't tell you offhand", "Keine
	// Ahnung"), a brush-off or being called away ("Look, there's a
	// delivery waiting for me", "Da klingelt's gerade"). Nothing in it is
	// worth reflecting or asking about (evadingPhrases, awayPhrases). A
	// reveal is a point, and so is a don't-know that objects ("Ich weiß
	// nicht, ob das zu uns passt").
	Evades bool
}

// Read reads every turn of tr in context. sc is the scenario the call ran
// on, or nil: then no hidden needs are read. Any transcript is accepted
// (empty, huge turns, invalid UTF-8); Read never panics.
func Read(tr openline.Transcript, sc *openline.Scenario) Reading {
	return readTagged(tr, sc, nil, model())
}

// ReadWith is Read with the learned layer m (learned.go) in place of the
// embedded one; a nil m reads with the rules alone. For measuring and
// training the layer (cmd/eval -loso, cmd/train-reading).
func ReadWith(tr openline.Transcript, sc *openline.Scenario, m *Model) Reading {
	return readTagged(tr, sc, nil, m)
}

// ReadTagged is Read with the turns' taggings given: tagged[i], when i is
// in range and tagged[i].Sentences is not nil, stands in for the tagger's
// reading of turn i (a test's own tags), and is read in context as Read
// reads the tagger's.
func ReadTagged(tr openline.Transcript, sc *openline.Scenario, tagged []Result) Reading {
	return readTagged(tr, sc, tagged, model())
}

// readTagged is ReadTagged with the learned layer m (nil: the rules
// alone). A turn whose tagging is given is not read again by the layer:
// the tagging stands for what the test means.
func readTagged(tr openline.Transcript, sc *openline.Scenario, tagged []Result, m *Model) Reading {
	given := func(i int) (Result, bool) {
		if i < len(tagged) && tagged[i].Sentences != nil {
			r := tagged[i]
			r.Sentences = slices.Clone(r.Sentences)
			for k := range r.Sentences {
				r.Sentences[k].Asks = asks(r.Sentences[k], tr.Turns[i].Text)
			}
			return r, true
		}
		return Result{}, false
	}
	lang := tr.Language
	rd := Reading{Turns: make([]Turn, len(tr.Turns))}
	needs := preparedNeeds(sc)
	var ctx Context
	prospectAt := -1
	var own []string // the names of the trainee's own side, once a turn named them (own.go)
	for i, t := range tr.Turns {
		rt := &rd.Turns[i]
		rt.Speaker = t.Speaker
		if t.Speaker == openline.Prospect {
			var ok bool
			if rt.Result, ok = given(i); !ok {
				rt.Result = Prospect(lang, t.Text)
			}
			folded := foldSpace(t.Text)
			rt.Hurried = hurriedSaid.in(folded)
			rt.Annoyed = annoyedSaid.in(folded) || rt.Result.Warns
			rt.CutOff = breaksOff(t.Text)
			rt.Request = requestSaid.in(folded)
			rt.Evades = WordCount(t.Text) <= maxEvadingWords && !rt.Result.Has(openline.ActReveal) &&
				(awaySaid.in(folded) || evadingSaid.in(folded) && !rt.Result.Has(openline.ActObjection))
			rt.Needs = revealedNeeds(folded, t.Text, needs)
			if len(rt.Needs) > 0 {
				toldNotNo(&rt.Result)
			}
			rt.AsksBack = asksBack(rt.Result, t.Text)
			if i > 0 && rd.Turns[i-1].Speaker == openline.Trainee {
				refusesStep(&rt.Result, &rd.Turns[i-1], t.Text)
				agreesToStep(&rt.Result, &rd.Turns[i-1], t.Text, func() bool { return sendsInfo(lang, tr.Turns[i-1].Text) })
			}
			ctx, prospectAt = ctx.Heard(rt.Result, t.Text, len(rt.Needs) > 0), i
			ctx.said = hear(rt.Result, t.Text)
			// Read after the context is taken: an answer is no reason to
			// forget a no that still stands.
			var asked *Turn
			if i > 0 && rd.Turns[i-1].Speaker == openline.Trainee {
				asked = &rd.Turns[i-1]
			}
			if len(rt.Needs) > 0 || !rt.Hurried && !rt.Annoyed && !rt.Evades {
				discloses(&rt.Result, asked, t.Text, len(rt.Needs) > 0)
			}
			continue
		}
		var said *Said
		if prospectAt == i-1 && prospectAt >= 0 && strings.TrimSpace(ctx.Prospect) != "" {
			said = ctx.said
		}
		r, ok := given(i)
		if !ok {
			r = Trainee(lang, t.Text, ctx)
		}
		namesOwn(&r, t.Text, own)
		for _, n := range ownNames(r, t.Text, i == 0) {
			if !slices.Contains(own, n) {
				own = append(own, n)
			}
		}
		*rt = traineeTurn(r, t.Text, said, ctx.Rejected)
		if said != nil {
			rt.Uptake = uptake(rt, &rd.Turns[prospectAt], tr.Turns[prospectAt].Text, t.Text, prospectAt == 0)
		}
		unmask(rt, t.Text, said, said != nil && ctx.Interested, i == 0)
		if rt.YesBut && (rt.Rejected || i > 0 && rd.Turns[i-1].Speaker == openline.Prospect && rd.Turns[i-1].Annoyed) {
			// Hearing them out only to sell on, while their no stands
			// or right after they showed annoyance, argues with them.
			rt.YesButArgues = true
		}
		if m != nil && !ok {
			prospect := ""
			if said != nil {
				prospect = tr.Turns[prospectAt].Text
			}
			f := m.applyTurn(rt, t.Text, prospect)
			m.applyUptake(rt, f, i)
		}
		rt.AsksBack = asksBack(rt.Result, t.Text)
		if i == 0 {
			rt.Answer = answerPhone(rt.Result, t.Text)
		}
	}
	earnAndTakeUp(&rd, tr, sc)
	return rd
}

// withdrawAcknowledgement drops the acknowledgement of a turn in which a
// sentence carrying it (without reflection) is followed, in the same or a
// later sentence of the turn, by pressure or a pitch, or whose own
// sentence turns with a "but" to the trainee's side ("Verstehe, aber das
// stimmt so nicht"): a "yes, but". It reports whether it dropped one, and
// whether what withdrew it argues (pressure or a counter-argument) rather
// than only pitching.
func withdrawAcknowledgement(r *Result) (withdrawn, argues bool) {
	ack := -1
	for k, s := range r.Sentences {
		if slices.Contains(s.Acts, openline.ActAcknowledgement) && !slices.Contains(s.Acts, openline.ActReflection) && ack < 0 {
			ack = k
		}
		if ack < 0 {
			continue
		}
		if slices.Contains(s.Acts, openline.ActPitch) && !slices.Contains(s.Acts, openline.ActPressure) && !s.counter && k > ack &&
			slices.ContainsFunc(r.Sentences[k+1:], asksAboutThem) {
			// "Thank you. We run a breakfast for local business owners.
			// Before I say more, what does your business do?": one
			// sentence of what the caller does before handing the word
			// over is no "but".
			return false, false
		}
		if slices.Contains(s.Acts, openline.ActPressure) || slices.Contains(s.Acts, openline.ActPitch) || s.counter {
			argues = slices.Contains(s.Acts, openline.ActPressure) || s.counter
			break
		}
		if k > ack && slices.ContainsFunc(s.Acts, turnsToThem) {
			// "Das verstehe ich gut. Ich schicke Ihnen gern Unterlagen …":
			// the acknowledgement led to something for them, not to a
			// "but"; what comes after is another matter.
			return false, false
		}
		if k == len(r.Sentences)-1 {
			return false, false
		}
	}
	if ack < 0 || ack >= len(r.Sentences) {
		return false, false
	}
	for k := ack; k < len(r.Sentences); k++ {
		s := &r.Sentences[k]
		s.Acts = slices.DeleteFunc(slices.Clone(s.Acts), func(a openline.Act) bool {
			return a == openline.ActAcknowledgement && !slices.Contains(s.Acts, openline.ActReflection)
		})
	}
	r.unite()
	return true, argues
}

// asksAboutThem reports whether a sentence asks the other person to tell:
// an open question, interest in them or a request for feedback, not a
// step or an offer of one's own.
func asksAboutThem(s Sentence) bool {
	return !slices.Contains(s.Acts, openline.ActPressure) && !slices.Contains(s.Acts, openline.ActProposal) &&
		(slices.Contains(s.Acts, openline.ActOpenQuestion) || slices.Contains(s.Acts, openline.ActPersonalInterest) || slices.Contains(s.Acts, openline.ActFeedbackRequest))
}

// turnsToThem reports an act that turns to the other person: a question,
// an offer of help or a step.
func turnsToThem(a openline.Act) bool {
	switch a {
	case openline.ActOpenQuestion, openline.ActClosedQuestion, openline.ActPermission, openline.ActOfferHelp, openline.ActProposal, openline.ActFeedbackRequest:
		return true
	}
	return false
}

// dropBareMarkers drops the acknowledgement of a turn whose only
// acknowledging sentences are bare transition words ("Okay.", "Verstehe.",
// "Got it.") before something else of the trainee's own that neither
// reflects nor follows up: the next item on a list, not listening. The
// caller checked that the turn repeats none of the prospect's words.
func dropBareMarkers(r *Result, text string) {
	if len(r.Sentences) < 2 || r.Has(openline.ActReflection) || r.Has(openline.ActFollowUp) || r.Has(openline.ActFeedbackRequest) {
		return
	}
	for _, s := range r.Sentences {
		if slices.Contains(s.Acts, openline.ActAcknowledgement) && wordCount(text, s) > bareMarkerWords {
			return
		}
	}
	for k := range r.Sentences {
		s := &r.Sentences[k]
		s.Acts = slices.DeleteFunc(slices.Clone(s.Acts), func(a openline.Act) bool { return a == openline.ActAcknowledgement })
	}
	r.unite()
}

// bareMarkerWords is the longest acknowledgement, in words, that is only
// a transition marker.
const bareMarkerWords = 2

// questions lists the question sentences of r with their purpose.
func questions(r Result) []Question {
	var out []Question
	for k, s := range r.Sentences {
		open, closed := slices.Contains(s.Acts, openline.ActOpenQuestion), slices.Contains(s.Acts, openline.ActClosedQuestion)
		if !open && !closed {
			continue
		}
		out = append(out, Question{Sentence: k, Open: open, Purpose: purpose(s, open)})
	}
	return out
}

// deriveAsks sets what follows from t's acts and its sentences' Asks: its
// questions, and whether it asks anything.
func (t *Turn) deriveAsks() {
	t.Questions = questions(t.Result)
	t.Asks = t.Has(openline.ActOpenQuestion) || t.Has(openline.ActClosedQuestion) || t.Has(openline.ActFollowUp) ||
		slices.ContainsFunc(t.Sentences, func(s Sentence) bool { return s.Asks })
}

// purpose decides what a question sentence is for.
func purpose(s Sentence, open bool) Purpose {
	has := func(a openline.Act) bool { return slices.Contains(s.Acts, a) }
	switch {
	case has(openline.ActPressure):
		return PurposePressure
	case has(openline.ActPermission) || has(openline.ActProposal) || has(openline.ActPitch) || (has(openline.ActOfferHelp) && !open):
		return PurposeClosing
	case open || has(openline.ActFollowUp) || has(openline.ActPersonalInterest) || has(openline.ActFeedbackRequest):
		return PurposeDiscovery
	}
	return PurposeFactual
}

// uptake decides whether trainee turn rt takes up prospect turn p (text
// ptext) right before it. A bare pick-up (the first turn of an outbound
// call, a few words and no act: pickUp) and a go-ahead (a few words,
// interest at most, no question) give nothing to take up.
// Taking up is not doing it well: answering the prospect, accepting their
// no or arguing against it all take it up; a checklist's next question or
// a pitch after a disclosure moves on.
func uptake(rt *Turn, p *Turn, ptext, text string, pickUp bool) Uptake {
	if strings.TrimSpace(ptext) == "" || (pickUp && len(p.Acts) == 0 && !p.Request && WordCount(ptext) <= pickUpWords) {
		return UptakeNone
	}
	if !p.Request && WordCount(ptext) <= pickUpWords && !slices.ContainsFunc(p.Acts, func(a openline.Act) bool { return a != openline.ActInterest }) &&
		!strings.Contains(ptext, "?") {
		// A go-ahead ("Yes, go ahead.", "Ja, gerne.") hands the word
		// over and gives nothing to take up.
		return UptakeNone
	}
	has := rt.Has
	switch {
	case has(openline.ActReflection) || has(openline.ActFollowUp) || has(openline.ActFeedbackRequest) || (has(openline.ActAcknowledgement) && !has(openline.ActPitch)) || rt.YesBut:
		return UptakeTakesUp
	case p.Has(openline.ActRejection) || p.Has(openline.ActObjection) || p.Has(openline.ActHangup):
		return UptakeTakesUp // accepting, answering or arguing against the no
	case asksBack(p.Result, ptext):
		return UptakeTakesUp // answers the prospect's question
	case rt.sharesPrev && !has(openline.ActPitch):
		return UptakeTakesUp
	}
	for _, q := range rt.Questions {
		if q.Open && q.Purpose == PurposeDiscovery && wordCount(text, rt.Sentences[q.Sentence]) <= shortInvitationWords {
			return UptakeTakesUp // "Tell me more.", "Inwiefern?", "Wie meinen Sie das?"
		}
	}
	if !substantial(p.Result, ptext) {
		return UptakeNone
	}
	return UptakeMovesOn
}

// pickUpWords is the longest first prospect turn, in words, that is only
// picking up the phone ("Wegener.", "Walsh Joinery, Karen speaking.").
const pickUpWords = 4

// shortInvitationWords is the longest open question, in words, that can
// only be about what was just said ("Tell me more", "Wie meinen Sie das?").
const shortInvitationWords = 4

// asksBack reports whether a turn ends with a question (Turn.AsksBack).
func asksBack(r Result, text string) bool {
	if len(r.Sentences) == 0 {
		return false
	}
	return asks(r.Sentences[len(r.Sentences)-1], text)
}

// wordCount counts the words of sentence s of text.
func wordCount(text string, s Sentence) int {
	if s.End > len(text) || s.Start > s.End {
		return 0
	}
	return WordCount(text[s.Start:s.End])
}

// substantial reports whether a prospect turn gives something to take
// up: an act of the prospect's side, or a statement of at least
// substantialWords words.
func substantial(r Result, text string) bool {
	if len(r.Acts) > 0 {
		return true
	}
	for _, s := range r.Sentences {
		if s.End > len(text) || s.Start > s.End {
			continue
		}
		q := strings.TrimSpace(text[s.Start:s.End])
		if !strings.HasSuffix(q, "?") && WordCount(q) >= substantialWords {
			return true
		}
	}
	return false
}

// substantialWords is the shortest statement, in words, that gives
// something to take up.
const substantialWords = 5

// earnAndTakeUp marks, for every prospect turn revealing needs, whether
// the trainee turn before it earned them and whether the one after takes
// them up.
func earnAndTakeUp(rd *Reading, tr openline.Transcript, sc *openline.Scenario) {
	if sc == nil {
		return
	}
	seen := map[string]bool{}
	for i := range rd.Turns {
		p := &rd.Turns[i]
		if p.Speaker != openline.Prospect || len(p.Needs) == 0 {
			continue
		}
		fresh := p.Needs[:0:0]
		for _, id := range p.Needs {
			if !seen[id] {
				seen[id] = true
				fresh = append(fresh, id)
			}
		}
		p.Needs = fresh
		if i+1 < len(rd.Turns) && rd.Turns[i+1].Speaker == openline.Trainee {
			p.NeedTakenUp = rd.Turns[i+1].Uptake == UptakeTakesUp
		}
		if i == 0 || rd.Turns[i-1].Speaker != openline.Trainee {
			continue
		}
		t := &rd.Turns[i-1]
		for _, id := range p.Needs {
			prev := ""
			if i >= 2 && rd.Turns[i-2].Speaker == openline.Prospect {
				prev = tr.Turns[i-2].Text
			}
			if n := sc.Need(id); n != nil && Earns(tr.Language, t, tr.Turns[i-1].Text, n, Occasion{Prev: prev, Told: true}) {
				t.Earns = append(t.Earns, id)
			}
		}
	}
}

// broadQuestion reports whether an open question asks about the person's
// situation as a whole, naming no topic of its own ("Was beschäftigt Sie
// gerade?", "What's on your plate?", "Wie läuft es?"): few content words.
func broadQuestion(text string, s Sentence) bool {
	if s.End > len(text) || s.Start > s.End {
		return false
	}
	toks := tokenize(text[s.Start:s.End])
	n := 0
	for i := range toks {
		if contentWord(toks, i) {
			n++
		}
	}
	return n <= 1
}

// revealedNeeds returns the needs a prospect turn reveals (needs, from
// prepareNeeds): one of the need's reveal lines or detect phrases in it
// (case and spaces folded), or most of one reveal line's content words.
func revealedNeeds(folded, text string, needs []preparedNeed) []string {
	var out []string
	var have *stemSet // the turn's stems, made when a paraphrase is weighed
	for i := range needs {
		n := &needs[i]
		if n.revealsIn(folded, text, &have) {
			out = append(out, n.id)
		}
	}
	return out
}

// preparedNeed is a hidden need as revealedNeeds matches it, prepared once
// per scenario (preparedNeeds): its reveal lines and detect phrases folded
// by foldSpace (empty ones left out), and the content stems of each reveal
// line long enough to count when paraphrased.
type preparedNeed struct {
	id      string
	phrases []string
	lines   [][]string
}

// preparedNeeds returns the needs of sc prepared for revealedNeeds (nil
// without a scenario or needs). They depend only on the needs' ids, reveal
// lines and detect phrases, which every reading of a call on the scenario
// prepared again (a quarter of a read at scoring time in the server's
// profile of a burst): calls of one scenario share them, read-only. At
// most maxCachedNeeds sets are kept, so edited drafts cannot grow the
// cache without bound.
func preparedNeeds(sc *openline.Scenario) []preparedNeed {
	if sc == nil || len(sc.Needs) == 0 {
		return nil
	}
	// Every string goes in with its length, so no two sets of needs
	// share a key whatever bytes their lines hold.
	n := 0
	for _, nd := range sc.Needs {
		n += keyLen(nd.ID) + listKeyLen(nd.Reveal) + listKeyLen(nd.Detect)
	}
	key := make([]byte, 0, n)
	for _, nd := range sc.Needs {
		key = appendKey(key, nd.ID)
		key = appendListKey(key, nd.Reveal)
		key = appendListKey(key, nd.Detect)
	}
	needsCache.RLock()
	out, ok := needsCache.m[string(key)]
	needsCache.RUnlock()
	if ok {
		return out
	}
	out = prepareNeeds(sc)
	needsCache.Lock()
	if len(needsCache.m) < maxCachedNeeds {
		needsCache.m[string(key)] = out
	}
	needsCache.Unlock()
	return out
}

// appendKey appends s to key with its length before it.
func appendKey(key []byte, s string) []byte {
	key = strconv.AppendInt(key, int64(len(s)), 10)
	return append(append(key, ':'), s...)
}

// appendListKey appends list to key, its length first, then each string
// as appendKey does.
func appendListKey(key []byte, list []string) []byte {
	key = append(strconv.AppendInt(key, int64(len(list)), 10), '/')
	for _, p := range list {
		key = appendKey(key, p)
	}
	return key
}

// keyLen and listKeyLen are about the lengths appendKey and appendListKey
// append.
func keyLen(s string) int { return len(s) + 4 }

func listKeyLen(list []string) int {
	n := 4
	for _, p := range list {
		n += keyLen(p)
	}
	return n
}

// needsCache holds prepared needs by their ids, reveal lines and detect
// phrases (preparedNeeds); a map under a lock, which a lookup does not
// allocate for, unlike a sync.Map's boxed key.
var needsCache = struct {
	sync.RWMutex
	m map[string][]preparedNeed
}{m: map[string][]preparedNeed{}}

const maxCachedNeeds = 1024

// prepareNeeds prepares the needs of sc for revealedNeeds; nil without a
// scenario or needs.
func prepareNeeds(sc *openline.Scenario) []preparedNeed {
	if sc == nil || len(sc.Needs) == 0 {
		return nil
	}
	out := make([]preparedNeed, len(sc.Needs))
	for i, n := range sc.Needs {
		pn := preparedNeed{id: n.ID}
		for _, list := range [][]string{n.Reveal, n.Detect} {
			for _, p := range list {
				if p = foldSpace(p); p != "" {
					pn.phrases = append(pn.phrases, p)
				}
			}
		}
		for _, line := range n.Reveal {
			var want []string
			for _, sp := range splitSentences(line) {
				toks := tokenize(line[sp.start:sp.end])
				for i := range toks {
					if contentWord(toks, i) {
						want = append(want, stem(toks[i].s))
					}
				}
			}
			if len(want) >= minParaphraseWords {
				pn.lines = append(pn.lines, want)
			}
		}
		out[i] = pn
	}
	return out
}

// revealsIn reports whether the prospect turn text (folded by foldSpace)
// reveals n; *have holds the turn's stems once made.
func (n *preparedNeed) revealsIn(folded, text string, have **stemSet) bool {
	if containsAny(folded, n.phrases) {
		return true
	}
	if len(n.lines) == 0 {
		return false
	}
	// Said in other words: most content words of one reveal line.
	if *have == nil {
		*have = newStemSet()
		for _, sp := range splitSentences(text) {
			addStems(tokenize(text[sp.start:sp.end]), *have)
		}
	}
	for _, want := range n.lines {
		got := 0
		for _, s := range want {
			if (*have).exact[s] || (*have).related(s) {
				got++
			}
		}
		if 2*got >= len(want) {
			return true
		}
	}
	return false
}

// minParaphraseWords is the fewest content words a reveal line needs for
// its paraphrase to count as revealing the need.
const minParaphraseWords = 4

// saysFolded reports whether folded (a text folded by foldSpace) contains
// one of phrases, each folded the same way; an empty phrase is none.
func saysFolded(folded string, phrases []string) bool {
	for _, p := range phrases {
		if p = foldSpace(p); p != "" && strings.Contains(folded, p) {
			return true
		}
	}
	return false
}

// foldSpace lower-cases s and folds runs of white space into one space,
// dropping it at both ends: strings.Join(strings.Fields(strings.ToLower(s)),
// " ") in one pass (invalid UTF-8 becomes U+FFFD, as strings.ToLower
// makes it).
func foldSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	gap := false // white space seen after the last word written
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' || (c >= '\t' && c <= '\r') {
				gap = b.Len() > 0
				continue
			}
			if gap {
				b.WriteByte(' ')
				gap = false
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r = unicode.ToLower(r); unicode.IsSpace(r) {
			gap = b.Len() > 0
			continue
		}
		if gap {
			b.WriteByte(' ')
			gap = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// The turn-level signals' phrase lists (signals.go), both languages each:
// English slips into German calls.
var (
	hurriedSaid = substringsOfLanguages(hurriedPhrases)
	annoyedSaid = substringsOfLanguages(annoyedPhrases)
	evadingSaid = substringsOfLanguages(evadingPhrases)
	awaySaid    = substringsOfLanguages(awayPhrases)
	requestSaid = substringsOfLanguages(requestPhrases)
	noTimeSaid  = substringsOfLanguages(noTimePhrases)
)

// refusesStep marks prospect turn r (said as text) a rejection when it
// opens with a plain refusal ("No.", "Nein. Wiederhören.", "Gar nichts.",
// "Not really, no.") right after trainee turn t asked for a step, offered
// something, pitched, pressed, asked for permission or went on after a no
// that stands: "No." to "Could we set up a quick demo?" declines it; to
// "Do you have apprentices?" it only answers, and "No, that was very
// helpful" is content. A no made firmer ("Nein, wirklich nicht.",
// "Absolutely not.", "No, honestly not.") is a no, never a reveal, and a
// shouted one ("Nein!") refuses whatever came before it. Ending the call
// in reply to such a turn ("You're not me. Goodbye.") is a no to it too.
func refusesStep(r *Result, t *Turn, text string) {
	if r.Has(openline.ActRejection) || len(r.Sentences) == 0 || turnPhrase(*r, text).any(satisfied) {
		return
	}
	at := 0
	first := quoteOf(text, r.Sentences[0])
	said := phrase(first)
	switch {
	case bareRefusal(said) && (asksForStep(t) || strings.HasSuffix(first, "!")):
		// A candour marker in a bare no ("No, honestly not.") declines.
		r.Sentences[0].Acts = slices.DeleteFunc(slices.Clone(r.Sentences[0].Acts), func(a openline.Act) bool { return a == openline.ActReveal })
	case said.opens(refusalLeads) && asksForStep(t):
	case r.Has(openline.ActHangup) && !r.Has(openline.ActInterest) && asksForStep(t):
		at = slices.IndexFunc(r.Sentences, func(s Sentence) bool { return slices.Contains(s.Acts, openline.ActHangup) })
		if at < 0 {
			return // a hang-up tagged on the turn only (ReadTagged)
		}
	default:
		return
	}
	r.Sentences[at].Acts = swapAct(r.Sentences[at].Acts, "", openline.ActRejection)
	r.unite()
}

// asksForStep reports whether trainee turn t asks for or offers a step, a
// no to which refuses it: a proposal, an offer, a pitch, pressure, a
// permission question, a closing question, or anything after a no that
// stands (the prospect says it again).
func asksForStep(t *Turn) bool {
	return t.Rejected || slices.ContainsFunc(t.Acts, func(a openline.Act) bool {
		switch a {
		case openline.ActProposal, openline.ActOfferHelp, openline.ActPitch, openline.ActPressure, openline.ActPermission:
			return true
		}
		return false
	}) || slices.ContainsFunc(t.Questions, func(q Question) bool {
		return q.Purpose == PurposeClosing || q.Purpose == PurposePressure
	})
}

// bareRefusal reports whether a sentence (prepared by phrase) is nothing
// but a refusal: a no word and words that only make it firmer ("Nein!",
// "Nee, echt nicht.", "No, honestly not.", "Absolutely not, thanks.").
func bareRefusal(p phrased) bool {
	no := false
	for _, w := range p.words() {
		switch {
		case refusalWords[w]:
			no = true
		case !firmerWords[w]:
			return false
		}
	}
	return no
}

// refusalWords say no by themselves; firmerWords only make a no firmer
// or politer.
var (
	refusalWords = map[string]bool{"nein": true, "nee": true, "ne": true, "noe": true, "no": true, "nope": true, "nah": true,
		"nicht": true, "not": true, "keinesfalls": true, "niemals": true, "never": true}
	firmerWords = map[string]bool{"wirklich": true, "echt": true, "absolut": true, "definitiv": true, "bestimmt": true,
		"ganz": true, "sicher": true, "ehrlich": true, "gesagt": true, "leider": true, "danke": true, "aber": true,
		"really": true, "honestly": true, "absolutely": true, "definitely": true, "certainly": true, "sorry": true,
		"thanks": true, "thank": true, "you": true, "but": true, "just": true, "im": true, "i'm": true, "afraid": true}
)

// agreesToStep reads prospect turn r (said as text) as agreeing to the
// step trainee turn t proposed when it opens with a plain yes ("Alright, a
// demo.", "Okay, gern.") and says nothing against it: how to arrange it
// ("But on a phone, not a laptop. Email me a time.", "Schicken Sie mir
// die Einladung per Mail") is a condition of the yes, not a brush-off. A
// turn that also says no, or argues ("Okay, but we've got a provider"),
// is left as it is. When t offered to send something (sends), asking for
// it is the yes ("Schicken Sie mir was, zwei Seiten, nicht mehr.", "Send
// me something, one page, no more."), though said unasked it puts the
// caller off. sends is asked only when its answer decides (it reads the
// trainee's turn again: Proposal).
func agreesToStep(r *Result, t *Turn, text string, sends func() bool) {
	if r.Has(openline.ActRejection) || len(r.Sentences) == 0 {
		return
	}
	first := &r.Sentences[0]
	opening := phrase(quoteOf(text, *first))
	arranges := !opening.opens(refusalLeads) && onlyArranging(*first, text)
	assents := !slices.Contains(first.Acts, openline.ActObjection) && opening.opens(assentLeads)
	proposed := t.Has(openline.ActProposal)
	switch {
	case !proposed && !arranges && !assents:
		return // nothing to agree to whatever sends says
	case !proposed || arranges:
		if s := sends(); !proposed && !s || !(s && arranges) && !assents {
			return
		}
	case !assents:
		return
	}
	for _, s := range r.Sentences {
		for _, c := range s.Cues {
			if c.Act == openline.ActObjection && !arranging.in(foldSpace(text[c.Start:c.End])) {
				return // a reason against it, not how to arrange it
			}
		}
	}
	for i := range r.Sentences {
		// A clone: a tagging from elsewhere (ReadTagged) shares its acts.
		r.Sentences[i].Acts = slices.DeleteFunc(slices.Clone(r.Sentences[i].Acts), func(a openline.Act) bool { return a == openline.ActObjection })
	}
	first.Acts = swapAct(first.Acts, "", openline.ActInterest)
	r.unite()
}

// sendsInfo reports whether a trainee turn offers to send something
// ("Soll ich Ihnen etwas zuschicken?", "Would it be useful if I sent you a
// one-page note?").
func sendsInfo(lang openline.Language, text string) bool {
	kind, ok := Proposal(lang, text)
	return ok && kind == StepSendInfo
}

// onlyArranging reports whether sentence s (of text) has an objection cue
// and every one of them arranges a step ("Schicken Sie mir was").
func onlyArranging(s Sentence, text string) bool {
	n := 0
	for _, c := range s.Cues {
		if c.Act != openline.ActObjection {
			continue
		}
		if !arranging.in(foldSpace(text[c.Start:c.End])) {
			return false
		}
		n++
	}
	return n > 0
}

// assentLeads open a plain yes to a proposed step.
var assentLeads = phrases("alright", "all right", "okay", "ok", "fine", "sure", "yes", "yeah", "go on then", "deal", "why not",
	"ja", "jo", "gut", "na gut", "in ordnung", "einverstanden", "meinetwegen", "gerne", "gern", "klar", "machen wir", "von mir aus")

// arranging are the words of an objection cue that arrange a step agreed
// to rather than put it off: where to send it, how to reach them.
var arranging = substringsOfLanguages(map[openline.Language][]string{
	openline.German:  {"mail", "schicken", "unterlagen", "infos", "per "},
	openline.English: {"email", "e-mail", "mail", "send", "by "},
})

// swapAct returns acts, in the order of an actSet, with from (when it is
// there; "" for none) replaced by to, or to added.
func swapAct(acts []openline.Act, from, to openline.Act) []openline.Act {
	var s actSet
	for _, a := range acts {
		if a == from {
			a = to
		}
		s.add(a)
	}
	s.add(to)
	return s.list()
}

// toldNotNo reads the refusal words of a turn that tells a hidden need as
// the objection they are in its story ("If it doesn't work on the phone in
// thirty seconds, forget it"): the prospect is opening up, not saying no
// to the caller, so no feedback request is owed and a proposal after it
// insists on nothing (NoStands, the same rule for Context.Heard and the
// engines).
func toldNotNo(r *Result) {
	if r.Has(openline.ActRejection) {
		r.swap(openline.ActRejection, openline.ActObjection)
	}
}

// swap replaces act from with to in r and in each of its sentences that
// carries it.
func (r *Result) swap(from, to openline.Act) {
	r.Acts = swapAct(r.Acts, from, to)
	for i := range r.Sentences {
		if slices.Contains(r.Sentences[i].Acts, from) {
			r.Sentences[i].Acts = swapAct(r.Sentences[i].Acts, from, to)
		}
	}
}

// satisfied are words of a "no" that is content: "Nein, das war schon sehr
// hilfreich. Danke!" to "Gibt es sonst noch etwas?" declines nothing.
var satisfied = phrases("hilfreich", "super", "prima", "perfekt", "das war's", "das wars", "das war alles", "wunschlos",
	"helpful", "great", "perfect", "lovely", "that's all", "that's everything", "all good")

// refusalLeads open a plain refusal.
var refusalLeads = phrases("nein", "nee", "ne", "no", "nope", "nah", "not really", "gar nichts", "lieber nicht", "eher nicht", "danke nein", "nein danke",
	"brauchen sie nicht", "brauch ich nicht", "i don't think so", "not this year", "please don't", "bitte nicht")

// concedes reports whether a trainee turn opens by drawing a no from what
// the prospect just said: a first sentence whose lead holds "then"/"dann"
// or that opens "in that case"/"in dem Fall", with a negation in it ("Ah –
// then you really don't need software for that", "Na dann brauchen Sie
// das wirklich nicht", "In that case it's not for you"). It answers their
// words, whatever words of theirs it repeats. The negation must be in
// the clause the "then" opens: "Dann geben Sie mir doch einfach seine
// Durchwahl, … und Sie haben keine Arbeit damit" concludes nothing from
// them.
func concedes(r Result, text string) bool {
	ws := turnWords(r, text)
	if len(ws) == 0 {
		return false
	}
	toks := ws[0]
	then := false
	k := 0
	for ; k < len(toks) && (enLex.lead[toks[k].s] || deLex.lead[toks[k].s]); k++ {
		then = then || toks[k].s == "then" || toks[k].s == "dann"
	}
	if !then && len(toks) > 2 && toks[0].s == "in" && (toks[1].s == "that" || toks[1].s == "dem" || toks[1].s == "diesem") && (toks[2].s == "case" || toks[2].s == "fall") {
		then, k = true, 3
	}
	end := k + 1
	for end < len(toks) && !toks[end].clause {
		end++
	}
	return then && relieves(toks[k:min(end, len(toks))])
}
