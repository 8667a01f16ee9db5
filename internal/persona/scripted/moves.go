package scripted

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

// This file holds the prospect's moves that issue 9 added: which fact a
// turn asks about, whether it pushes, and the next step as a conversation
// (proposed, agreed, confirmed, said goodbye to). Each decides what
// happens; the state it moves is in state.go, and the words are chosen by
// own and say.

// factIndex is how the facts of one voice are found in a question: by
// their names (topics) and by what they mean (senses).
type factIndex struct {
	topics acts.Topics
	senses acts.Senses
}

// factTopics prepares the facts a voice can be asked about: the
// speaker's own, then the built-in identity (index len(facts)), asked
// with acts.IdentityPhrases: a scenario fact naming the same words wins
// (it is tried first).
func factTopics(lang openline.Language, who *openline.Persona, own ...string) *factIndex {
	names := make([][]string, 0, len(who.Facts)+1)
	says := make([][]string, 0, len(who.Facts)+1)
	// The key writes every string after its length, so no list of
	// names and answers can spell another's (a draft's strings may hold
	// any byte, the separators included).
	var key strings.Builder
	put := func(s string) {
		key.WriteString(strconv.Itoa(len(s)))
		key.WriteByte(':')
		key.WriteString(s)
	}
	put(string(lang))
	put(strconv.Itoa(len(own)))
	for _, o := range own {
		put(o)
	}
	for _, f := range who.Facts {
		names = append(names, f.About)
		says = append(says, f.Say)
		put(strconv.Itoa(len(f.About)))
		for _, a := range f.About {
			put(a)
		}
		put(strconv.Itoa(len(f.Say)))
		for _, a := range f.Say {
			put(a)
		}
	}
	if ts, ok := topicCache.Load(key.String()); ok {
		return ts.(*factIndex)
	}
	names = append(names, acts.IdentityPhrases(lang))
	ts := &factIndex{acts.NewTopics(names).WithFallback(len(who.Facts)), acts.NewSenses(names, append(says, nil), len(who.Facts)).WithOwnNames(own...)}
	if topicCacheSize.Add(1) <= maxCachedTopics {
		topicCache.Store(key.String(), ts)
	}
	return ts
}

// The prepared facts of a persona depend only on their names, and
// preparing them costs about 9 KiB and most of a call's start: calls of
// the same scenario share them (read-only). At most maxCachedTopics sets
// are kept, so edited drafts cannot grow the cache without bound.
var (
	topicCache     sync.Map // key (language, fact names and answers) -> *factIndex
	topicCacheSize atomic.Int64
)

const maxCachedTopics = 1024

// The engine's lines are the scenario's and its own, the same in every
// call, and every reply read its line again (acts.Prospect), and every
// turn after it prepared it again, twice, for reading the trainee's
// answer (acts.Hear): now each line is read and prepared once and shared
// (read-only; the engine only asks them). At most maxOwnLines of each are
// kept, so lines made of what trainees said (a name) cannot grow them
// without bound; beyond that a line is read each time, as before.
var (
	ownReadings lineCache[acts.Result] // key language, NUL, line
	ownHeard    lineCache[*acts.Said]  // key line
)

const maxOwnLines = 16384

// ownReading is acts.Prospect of a line the engine says.
func ownReading(lang openline.Language, text string) acts.Result {
	return ownReadings.get(string(lang)+"\x00"+text, func() acts.Result { return acts.Prospect(lang, text) })
}

// ownHearing is acts.Hear of a line the engine said.
func ownHearing(text string) *acts.Said {
	return ownHeard.get(text, func() *acts.Said { return acts.Hear(text) })
}

// lineCache keeps at most maxOwnLines values by key.
type lineCache[T any] struct {
	m sync.Map
	n atomic.Int64
}

func (c *lineCache[T]) get(key string, read func() T) T {
	if v, ok := c.m.Load(key); ok {
		return v.(T)
	}
	v := read()
	if c.n.Add(1) <= maxOwnLines {
		c.m.Store(key, v)
	}
	return v
}

// askedFact returns the index of the fact t asks about in the current
// voice (len(facts) for the built-in identity), or -1. Only a question
// asks (the reading's Turn.Asks and Sentence.Asks).
func (p *prospect) askedFact(t turn) int {
	if !t.tags.Asks || t.others || t.reproach || t.proposal != "" || t.tags.Has(openline.ActProposal) && !acts.AsksForDetail(p.sc.Language, t.text) || acts.Offers(p.sc.Language, t.text) {
		// "Shall we sit down with Lorraine?" proposes, "Would it help if I
		// rang her?" offers; neither asks about her. "Welcher Termin stimmt
		// nicht?" names a step but asks which one: a detail.
		return -1
	}
	// Only the sentences that ask: "my colleague met you at the trade
	// fair. Is now a good time?" asks nothing about the fair.
	asked := 0
	for _, s := range t.tags.Sentences {
		if s.Asks && s.End <= len(t.text) {
			asked++
			if t.tags.SmallTalk && acts.MentionsSmallTalk(t.text[s.Start:s.End]) {
				continue // "Is it as grey in Northgate as it is here?" asks about the weather, not the place
			}
			if i := p.topics[p.voice()].topics.About(t.text[s.Start:s.End]); i >= 0 {
				return i
			}
		}
	}
	if asked == 0 && len(t.tags.Sentences) == 0 {
		if i := p.topics[p.voice()].topics.About(t.text); i >= 0 {
			return i
		}
	}
	if i := p.factInSense(t); i >= 0 {
		return i
	}
	return p.factInOtherWords(t)
}

// factInSense returns the fact a question asks about by what it means
// (acts.Senses: "Wie viel Personal haben Sie?" for "wie viele
// mitarbeiter"), or -1. Small talk and a question about the no
// (acts.AsksWhyNot) ask for no fact; a follow-up on the need just told
// points back ("damit") or asks why, which acts.Senses reads as no fact.
func (p *prospect) factInSense(t turn) int {
	if t.tags.SmallTalk || acts.AsksWhyNot(p.sc.Language, t.text) && t.tags.Has(openline.ActFeedbackRequest) {
		return -1
	}
	ix := p.topics[p.voice()]
	asked := false
	for _, s := range t.tags.Sentences {
		if s.Asks && s.End <= len(t.text) {
			text := t.text[s.Start:s.End]
			asked = true
			if i := ix.senses.About(p.sc.Language, text); i >= 0 {
				return i
			}
		}
	}
	if !asked {
		return ix.senses.About(p.sc.Language, t.text)
	}
	return -1
}

// factInOtherWords returns the fact a question names by the first noun
// after its question word rather than by one of its about phrases ("Wo
// haben Sie Ihre Läden überall?" for "welche läden"; acts.AboutWords), or
// -1. A question that shows interest in the person, follows up or asks
// for feedback asks for no fact, whatever words it shares with one.
func (p *prospect) factInOtherWords(t turn) int {
	has := t.tags.Has
	if has(openline.ActPersonalInterest) || has(openline.ActFollowUp) || t.tags.SmallTalk ||
		(has(openline.ActFeedbackRequest) && acts.AsksWhyNot(p.sc.Language, t.text)) {
		return -1 // after a no most questions read as feedback requests; only one about the no is one
	}
	i := p.topics[p.voice()].topics.AboutWords(p.sc.Language, t.text)
	if i >= len(p.speaker(p.voice()).Facts) {
		return -1 // who they are is asked in so many words (acts.IdentityPhrases)
	}
	return i
}

// factKey names fact i of voice v ("" for the built-in identity).
func (p *prospect) factKey(v, i int) string {
	if facts := p.speaker(v).Facts; i >= 0 && i < len(facts) {
		return facts[i].Key
	}
	return ""
}

// answerFact answers fact i of the current voice, or deflects it when the
// persona would not tell a stranger.
func (p *prospect) answerFact(i int, r *reply) string {
	v := p.voice()
	who := p.speaker(v)
	if i >= len(who.Facts) {
		r.kind = openline.ReplyAnswer
		return p.own(lineIdentity, v)
	}
	f := &who.Facts[i]
	r.fact = f.Key
	if f.Private {
		r.kind = openline.ReplyDeflect
		if len(f.Deflect) > 0 {
			return p.say("deflect/"+f.Key, f.Deflect)
		}
		return p.own(lineDeflect, v)
	}
	r.kind = openline.ReplyAnswer
	return p.say("fact/"+f.Key, f.Say)
}

// pushing reports whether t pushes rather than talks: pressure, an
// insult, an ultimatum, pressure put as a question, a "yes, but" that
// only argues, a re-pitch after a no, or pitching on after a pitch
// without asking anything.
func (p *prospect) pushing(t turn) bool {
	has := t.tags.Has
	if has(openline.ActPressure) || t.push.Insult || t.push.Ultimatum || t.push.Loss || t.push.Demand {
		return true
	}
	if t.push.Question {
		return true // "Warum sagen Sie nicht einfach Ja?" asks for nothing but a yes
	}
	listens := has(openline.ActFeedbackRequest) || has(openline.ActPersonalInterest) || has(openline.ActOpenQuestion) || has(openline.ActReflection)
	if t.push.YesBut && !listens {
		return true
	}
	pitch := has(openline.ActPitch) && !t.tags.Asks
	return pitch && (p.rejected || p.pitched)
}

// proposalKind returns the kind of next step t proposes, or "". A turn
// asking for feedback proposes nothing ("was an meinem Vorschlag nicht
// passt" asks why not).
func (p *prospect) proposalKind(t turn) string {
	has := t.tags.Has
	if has(openline.ActFeedbackRequest) && (t.proposal == "" || acts.AsksWhyNot(p.sc.Language, t.text)) || (t.proposal == "" && acts.AsksForDetail(p.sc.Language, t.text)) {
		// "Darf ich mich melden, um zu hören, wie es läuft?" proposes all the same.
		return "" // "Welcher Termin stimmt nicht?" asks about a date, it proposes none
	}
	if t.proposal != "" {
		return t.proposal
	}
	if !has(openline.ActProposal) && !has(openline.ActOfferHelp) {
		return ""
	}
	if k := acts.StepKind(p.sc.Language, t.text); k != "" {
		return k
	}
	if has(openline.ActProposal) {
		return "meeting"
	}
	return ""
}

// proposal returns the scenario's way of meeting a next step of kind, or
// nil.
func (p *prospect) proposal(kind string) *openline.Proposal {
	i := slices.IndexFunc(p.sc.Proposals, func(pr openline.Proposal) bool { return pr.Kind == kind })
	if i < 0 {
		return nil
	}
	return &p.sc.Proposals[i]
}

// threshold is the interest a next step of kind needs.
func (p *prospect) threshold(kind string) int {
	if pr := p.proposal(kind); pr != nil && pr.MinInterest > 0 {
		return pr.MinInterest
	}
	return p.rates.nextStep
}

// agree records a next step of kind as agreed: the call goes on, so that
// the trainee can confirm it and say goodbye; its outcome is next_step
// from now on (also when the trainee simply hangs up).
func (p *prospect) agree(kind string, r *reply) {
	p.agreeTo(kind)
	r.agreed = true
	r.kind = openline.ReplyAgree
}

// proposalReply answers a proposal of kind: agreed with a detail, or
// declined while the trainee has not earned it.
func (p *prospect) proposalReply(t turn, kind string, r *reply) string {
	v := p.voice()
	pr := p.proposal(kind)
	if v == voiceGatekeeper && kind == acts.StepCallback && !p.pressed() {
		// "Ich rufe morgen früh noch mal an": the gatekeeper says when
		// the boss is in; no next step with the boss is agreed.
		r.kind = openline.ReplyAgree
		return p.own(lineTryAgain, v)
	}
	if p.interest < p.threshold(kind) || p.pressed() {
		r.declined = true
		r.kind = openline.ReplyDecline
		if pr != nil && len(pr.Decline) > 0 {
			return p.say("decline/"+kind, pr.Decline)
		}
		return p.own(lineDecline, v)
	}
	p.agree(kind, r)
	return p.acceptLine(t, kind, pr, v)
}

// alsoThen adds to a reply that agreed a step the agreement to a second
// step the turn proposed after it ("Shall I send you a one-pager, and then
// we speak Thursday?"): its day, in the engine's words.
func (p *prospect) alsoThen(t turn, r *reply) {
	if !r.agreed || r.ended {
		return
	}
	if then, day := p.thenStep(t.text, p.agreed); then != "" {
		if days := acts.Weekdays(r.text); !slices.Contains(days, day) {
			r.text += " " + strings.ReplaceAll(p.own(lineAgreeOnDay, p.voice()), "{day}", weekdayName[p.sc.Language][day])
		}
	}
}

// thenSplits open the second step of a proposal of two ("…, and then we
// speak Thursday", "… und rufe Sie dann Montag an").
var thenSplits = []string{" and then ", ", then ", " und dann ", ", dann ", " dann "}

// thenStep returns the kind and day of a second step that text proposes
// after one of kind: a meeting or a callback on a day, in the words after
// "and then"/"und dann"; "" when there is none.
func (p *prospect) thenStep(text, kind string) (string, int) {
	lower := strings.ToLower(text)
	for _, sep := range thenSplits {
		i := strings.Index(lower, sep)
		if i < 0 {
			continue
		}
		rest := text[i+len(sep):]
		days := acts.Weekdays(rest)
		if len(days) != 1 {
			return "", 0
		}
		k := acts.StepKind(p.sc.Language, rest)
		if k == "" {
			k = acts.StepCallback // "and then we speak Thursday"
		}
		if k != kind && (k == acts.StepMeeting || k == acts.StepCallback) {
			return k, days[0]
		}
		return "", 0
	}
	return "", 0
}

// acceptLine is the line that agrees a proposal of kind: the scenario's
// accept line, the day proposed, or the engine's own line for the kind.
func (p *prospect) acceptLine(t turn, kind string, pr *openline.Proposal, v int) string {
	if pr != nil {
		return p.say("accept/"+kind, pr.Accept)
	}
	if days := acts.Weekdays(t.text); len(days) == 1 && (kind == acts.StepMeeting || kind == acts.StepCallback) {
		// "Would it help if I came by on Thursday at ten?": the day
		// proposed is taken, not one of the engine's own.
		return strings.ReplaceAll(p.own(lineAgreeOnDay, v), "{day}", weekdayName[p.sc.Language][days[0]])
	}
	for _, k := range nextStepKinds {
		if k.kind == kind {
			return p.own(k.line, v)
		}
	}
	return p.own(lineAgreeMeeting, v)
}

// dayCorrection is how the prospect corrects a caller who confirms
// another day than the one it offered.
var dayCorrection = map[openline.Language]string{
	openline.German:  "Moment – %s, nicht %s.",
	openline.English: "Hang on – %s, not %s.",
}

var weekdayName = map[openline.Language][7]string{
	openline.German:  {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"},
	openline.English: {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
}

// afterAgreement answers a turn once a next step is agreed: a goodbye
// ends the call with farewells, a confirmation is confirmed, a further
// proposal is the one agreed; the second turn after a confirmation that
// is no goodbye gets the prospect's own leave-taking. It returns false
// when the turn is answered as any other.
func (p *prospect) afterAgreement(t turn, r *reply) bool {
	if p.agreed == "" {
		return false
	}
	v := p.voice()
	p.afterAgreed++
	if said, agreed := acts.Weekdays(t.text), acts.Weekdays(p.agreedText); len(said) > 0 && len(agreed) > 0 && !slices.ContainsFunc(said, func(d int) bool { return slices.Contains(agreed, d) }) {
		// "Thursday at two it is" after "Tuesday, half seven": the
		// prospect holds the caller to the day it offered.
		r.text, r.kind = fmt.Sprintf(dayCorrection[p.sc.Language], weekdayName[p.sc.Language][agreed[0]], weekdayName[p.sc.Language][said[0]]), openline.ReplyAgree
		if t.tags.Goodbye() {
			r.text += " " + p.own(lineFarewellAgreed, v)
			r.kind, r.ended = openline.ReplyFarewell, true
		}
		return true
	}
	kind := p.proposalKind(t)
	switch {
	case t.tags.Goodbye():
		r.text, r.kind, r.ended = p.own(lineFarewellAgreed, v), openline.ReplyFarewell, true
	case t.tags.Asks && kind != "" && kind != p.agreed && !p.pushing(t):
		// A further step of another kind asked for ("And shall I ring you
		// on Thursday to go through it?") is a proposal of its own; a
		// plan said ("dann schicke ich Ihnen den Termin") confirms.
		r.text = p.proposalReply(t, kind, r)
	case kind != "" && !t.tags.Asks:
		r.text, r.kind = p.own(lineAgreedAlready, v), openline.ReplyAgree
	case acts.Confirms(p.sc.Language, t.text) && !t.tags.Asks:
		r.text, r.kind = p.own(lineConfirm, v), openline.ReplyAgree
		p.confirmed = true
	case p.confirmed || p.afterAgreed >= 3:
		r.text, r.kind, r.ended = p.own(lineCloseAgreed, v), openline.ReplyFarewell, true
	default:
		return false
	}
	return true
}
