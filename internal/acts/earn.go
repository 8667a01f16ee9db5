package acts

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/openline/openline/internal/openline"
)

// This file is the one decision "did this trainee turn earn that hidden
// need": Read asks it of the turn before a reveal (Turn.Earns), and the
// scripted engine asks it before revealing a need, by the need's own entry
// or by a scenario rule. The engine adds only its own state (whose voice
// speaks, trust, interest, min_interest, what is already revealed).

// TraineeTurn completes the tagging r of trainee turn text (Trainee, or a
// test's stand-in) into its reading as Read gives it, without the
// relations that need the prospect's turn as read (Uptake, Earns) or the
// call's first turn (a pick-up's AsksNothing, Answer): an acknowledgement
// withdrawn by a "yes, but", bare transition markers before the trainee's
// own agenda dropped when the turn repeats nothing of ctx.Prospect, the
// turn read beneath its form after ctx.Prospect (unmask: guilt, booking
// before interest, a parrot, a restatement), the questions with their
// purpose, NoTime and Rejected. r is not modified.
func TraineeTurn(r Result, text string, ctx Context) Turn {
	var said *Said
	if strings.TrimSpace(ctx.Prospect) != "" {
		said = ctx.heard()
	}
	t := traineeTurn(r, text, said, ctx.Rejected)
	unmask(&t, text, said, ctx.Interested, false)
	if m := model(); m != nil && r.ownTagging {
		prospect := ""
		if said != nil {
			prospect = ctx.Prospect
		}
		m.applyTurn(&t, text, prospect)
	}
	t.AsksBack = asksBack(t.Result, text)
	return t
}

// traineeTurn is TraineeTurn; said is the prospect's turn right before,
// prepared, nil when the turn before was not the prospect's (or was
// blank).
func traineeTurn(r Result, text string, said *Said, rejected bool) Turn {
	r.Sentences = slices.Clone(r.Sentences)
	r.Acts = slices.Clone(r.Acts)
	t := Turn{Speaker: openline.Trainee, Result: r, Rejected: rejected}
	t.YesBut, t.YesButArgues = withdrawAcknowledgement(&t.Result)
	if said != nil {
		t.sharesPrev = said.shares(r, text) || concedes(r, text)
		if !t.sharesPrev {
			dropBareMarkers(&t.Result, text)
		}
	}
	for k := range t.Sentences {
		// A tagging from elsewhere (a test's stand-in) gets its Asks too.
		t.Sentences[k].Asks = asks(t.Sentences[k], text)
	}
	t.deriveAsks()
	if len(t.Sentences) == 0 {
		t.Asks = t.Asks || strings.HasSuffix(strings.TrimSpace(text), "?")
	}
	// A remark that feels for their trouble is no chat about the day,
	// whatever its words: "Oh no, I'm really sorry to hear that – the
	// children must be freezing." to a school whose boiler was not
	// serviced. (The reading gives small talk about what is heard around
	// them follow_up too: "Sounds noisy there, is that the saws going?".)
	// The words the tagger kept make the turn's phrase, not a second
	// tokenising of the text.
	p := turnPhrase(r, text)
	t.SmallTalk = smallTalkOf(text, p) && !p.any(empathy)
	t.NoTime, t.NoTimeAt = noTime(t.Result, text)
	return t
}

// empathy are the words of feeling for the listener's trouble.
var empathy = phrases("sorry to hear", "so sorry", "really sorry", "i'm sorry", "i am sorry", "tut mir leid", "tut mir sehr leid", "tut mir wirklich leid",
	"das ist ärgerlich", "wie ärgerlich", "that's awful", "how awful", "that's terrible", "oh no")

// Occasion is what Earns knows of the moment beyond the turn itself.
type Occasion struct {
	// Prev is the prospect's turn the trainee answered, "" if none: a
	// follow-up on a hint of the need there earns it.
	Prev string
	// Told is true when the prospect's next turn told the need, and the
	// question is whether the trainee earned it (the scorer's question);
	// false when an engine asks whether to tell it now. Only then do the
	// scenario's own words on which turns are about the need bind: its
	// earned_by acts and its topics, which pick the one need to tell; a
	// told need is judged against its description too, whichever engine
	// told it.
	Told bool
	// Rule, when set, is the trigger of a scenario rule that reveals the
	// need and matched the turn: the scenario author has said which turns
	// are about the need, so the rule's acts stand in for the need's
	// earned_by and its match for the turn touching the need. What kind of
	// turn earns anything at all is still judged here.
	Rule *openline.Trigger
}

// Earns reports whether trainee turn t (read by Read or TraineeTurn, said
// as text in a call in lang) earns hidden need n: whether a prospect who
// trusts the caller enough would now tell it (at.Told false), or whether
// a trainer credits the trainee with the need the prospect told next
// (at.Told). The turn earns n when
//
//   - it is no pressure, does not end on a pitch (a sentence of what the
//     caller does before the question that hands the word over is
//     fine), and is not small talk;
//   - it does not only ask for a detail or an opinion ("Which CRM do you use
//     for your members?", "Wie lange arbeiten Sie schon dort?"): such a
//     question has a short answer, unless it asks about the person's
//     situation or the person themselves ("Welche Herausforderungen
//     ...?", "how are you finding it yourself?");
//   - it asks: a reflection, a discovery question, a question about the
//     person, or a factual question on the need's own subject;
//   - it is about the need: it touches it (names a topic, or a word of its
//     description), follows up a hint of it in at.Prev, asks broadly about
//     the person's situation ("Was beschäftigt Sie gerade?") or asks for
//     honest feedback about a no ("Darf ich fragen, was genau nicht
//     passt?");
//   - and, when the need is not yet told, it carries one of the acts n is
//     earned by (n.EarnedBy, or the rule's acts), and, for a need with
//     topics, touching it means naming a topic (a rule's match does), so
//     that "What do you mean?" does not tell the first need of the file.
//
// A feedback request that does not ask about the no ("Was kostet die
// Mitgliedschaft?" after a no, which the tagger reads as one) counts as
// none: it earns no need that only feedback requests earn.
func Earns(lang openline.Language, t *Turn, text string, n *openline.Need, at Occasion) bool {
	if t == nil || n == nil || t.Has(openline.ActPressure) || pitchesLast(t) {
		return false
	}
	if t.SmallTalk || asksOnlyDetail(lang, t, text) {
		return false
	}
	whyNot := t.Has(openline.ActFeedbackRequest) && asksWhyNotAny(text)
	carries := func(a openline.Act) bool { return t.Has(a) && (a != openline.ActFeedbackRequest || whyNot) }
	earnedBy := n.EarnedBy
	if at.Rule != nil {
		earnedBy = at.Rule.Acts
	}
	if at.Told {
		earnedBy = nil
	}
	if len(earnedBy) > 0 && !slices.ContainsFunc(earnedBy, carries) {
		return false
	}
	strict := !at.Told && len(n.Topics) > 0
	about := func(said string) bool {
		if strict {
			return NamesTopic(said, n)
		}
		return Touches(said, n)
	}
	touches := at.Rule != nil || about(text)
	asks := t.Has(openline.ActReflection) || at.Rule != nil
	broad := whyNot
	for _, q := range t.Questions {
		if q.Purpose == PurposeFactual && touches {
			asks = true // a closed question on the need's own subject
		}
		if q.Purpose != PurposeDiscovery {
			continue
		}
		asks = true
		acts := t.Sentences[q.Sentence].Acts
		if q.Open && !slices.Contains(acts, openline.ActFeedbackRequest) && (slices.Contains(acts, openline.ActPersonalInterest) || broadQuestion(text, t.Sentences[q.Sentence])) {
			broad = true
		}
	}
	if t.Has(openline.ActPersonalInterest) {
		asks, broad = true, true // about the person: whatever is on their mind
	}
	switch {
	case !asks:
		return false
	case touches || (t.Has(openline.ActFollowUp) && about(at.Prev)):
		return true
	}
	return broad && !strict
}

// pitchesLast reports whether t pitches after its last question: a turn
// that says in one sentence what the caller does and then hands the word
// over ("Wir bringen Handwerksbetriebe zusammen. Was beschäftigt Sie im
// Moment am meisten?") asks; one that ends on the product does not.
func pitchesLast(t *Turn) bool {
	if !t.Has(openline.ActPitch) {
		return false
	}
	last := -1
	for _, q := range t.Questions {
		if !slices.Contains(t.Sentences[q.Sentence].Acts, openline.ActPitch) {
			last = q.Sentence
		}
	}
	for k, s := range t.Sentences {
		if k >= last && slices.Contains(s.Acts, openline.ActPitch) {
			return true
		}
	}
	return false
}

// asksWhyNotAny is AsksWhyNot in either language: English slips into
// German calls.
func asksWhyNotAny(text string) bool { return asksAboutNo(text, deLex, enLex) }

// asksOnlyDetail reports whether every question of t that could earn a
// need asks for a detail or an opinion (AsksForDetail) about something
// other than the person's situation.
func asksOnlyDetail(lang openline.Language, t *Turn, text string) bool {
	detail := false
	for _, q := range t.Questions {
		s := t.Sentences[q.Sentence]
		if s.End > len(text) || s.Start > s.End {
			continue
		}
		said := text[s.Start:s.End]
		if !AsksForDetail(lang, said) || phrase(said).any(situationWords) || asksForStory(lang, said) {
			return false
		}
		detail = true
	}
	if len(t.Questions) == 0 {
		// A tagging without sentences (a test's stand-in): the turn as a
		// whole.
		return AsksForDetail(lang, text) && !phrase(text).any(situationWords)
	}
	return detail
}

// situationWords name the person's situation as a whole: a detail question
// about them ("Welche Herausforderungen sehen Sie?", "What kind of
// problems keep you busy?") invites the person to tell.
var situationWords = phrases("persönlich", "sie selbst", "ihnen selbst", "dir selbst", "du selbst",
	"yourself", "personally", "you feel", "you find", "finding it",
	"herausforderung", "herausforderungen", "problem", "probleme", "sorge", "sorgen", "schwierigkeiten",
	"beschäftigt", "umtreibt", "treibt sie um", "belastet", "ärgert", "stört",
	"challenge", "challenges", "problem", "problems", "worry", "worries", "difficulties", "struggle", "struggles",
	"keeps you", "keep you", "bothers you", "on your mind", "on your plate")

// Touches reports whether text touches need n: it names one of its topics
// (NamesTopic) or one of its detect phrases (what marks the need when the
// prospect tells it: "off sick"), or a content word of its description
// (fact, reveal lines) at least minRelevantBytes long.
func Touches(text string, n *openline.Need) bool {
	if n == nil || text == "" {
		return false
	}
	if NamesTopic(text, n) {
		return true
	}
	if len(n.Detect) > 0 && saysFolded(foldSpace(text), n.Detect) {
		return true
	}
	desc := descriptionStems(n)
	for _, sp := range splitSentences(text) {
		if overlap(tokenize(text[sp.start:sp.end]), desc) > 0 {
			return true
		}
	}
	return false
}

// minRelevantBytes is the shortest content word of a need's description
// that makes a question touch it.
const minRelevantBytes = 5

// descriptionStems returns the stems of need n's description that make a
// text touch it (Touches): the content words of its fact and reveal lines
// of at least minRelevantBytes. They depend only on those words, and
// every turn of every call on the scenario asks for them, so they are
// prepared once per description and shared read-only; at most
// maxCachedDescriptions are kept, so edited drafts cannot grow the cache
// without bound.
func descriptionStems(n *openline.Need) *stemSet {
	var key strings.Builder
	key.WriteString(n.Fact)
	for _, r := range n.Reveal {
		key.WriteByte(0)
		key.WriteString(r)
	}
	if ss, ok := descriptionCache.Load(key.String()); ok {
		return ss.(*stemSet)
	}
	desc := newStemSet()
	for _, src := range append([]string{n.Fact}, n.Reveal...) {
		for _, sp := range splitSentences(src) {
			toks := tokenize(src[sp.start:sp.end])
			for i := range toks {
				if contentWord(toks, i) && len(toks[i].s) >= minRelevantBytes {
					desc.add(stem(toks[i].s))
				}
			}
		}
	}
	if descriptionCacheSize.Add(1) <= maxCachedDescriptions {
		descriptionCache.Store(key.String(), desc)
	}
	return desc
}

var (
	descriptionCache     sync.Map // a need's fact and reveal lines -> *stemSet
	descriptionCacheSize atomic.Int64
)

const maxCachedDescriptions = 1024
