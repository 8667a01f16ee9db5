package acts

import (
	"slices"
	"strings"
	"unicode"

	"github.com/openline/openline/internal/openline"
)

// Context is what the tagger knows of the conversation around a turn.
type Context struct {
	// Prospect is the prospect's previous turn, if any: a question that
	// picks up its words is a follow-up.
	Prospect string
	// Rejected is true when the prospect has said no earlier in the call:
	// arguing or re-pitching after it is pressure.
	Rejected bool
	// Objected is true when the prospect has raised an objection earlier
	// in the call ("Wir haben schon einen Anbieter"): arguing against it,
	// doubting it or comparing their choice with one's own is pressure too
	// (beneath.go); an open question after it is not yet a feedback
	// request.
	Objected bool
	// Interested is true when the prospect's previous turn showed
	// interest: asking to book the step then closes rather than pushes
	// (see unmask).
	Interested bool
	// Agreed is true when the prospect agreed to a step or showed
	// interest earlier in the call and has not said no since: booking or
	// sending the step then confirms it (assume.go).
	Agreed bool
	// Complained is true when the prospect complained earlier in the call
	// about something that went wrong for them (complaintSaid): promising
	// to put it right then helps, and defending the own side argues
	// (defence.go).
	Complained bool
	// Resisted is true when the prospect's previous turn pushed back: a
	// no, an objection, a hang-up or annoyance, without opening up (a
	// hidden need told). Pursuing the caller's own step or putting
	// agreement in their mouth right after it works against their stated
	// position: pressure (relief.go, pursues).
	Resisted bool

	// said is Prospect prepared (Hear), when whoever made the context had
	// it at hand (Read); see heard.
	said *Said
}

// HeardAs returns c with its Prospect prepared as said (Hear of the same
// text), so that reading the turn does not prepare it again: an engine
// that says the same lines in every call keeps them prepared. A said of
// another text is ignored.
func (c Context) HeardAs(said *Said) Context {
	if said != nil && said.text == c.Prospect {
		c.said = said
	}
	return c
}

// heard returns Prospect prepared for reading the trainee's turn against
// it, preparing it once.
func (c *Context) heard() *Said {
	if c.said == nil || c.said.text != c.Prospect {
		c.said = Hear(c.Prospect)
	}
	return c.said
}

// Heard returns the context of the trainee's next turn after the prospect
// said text, read as r (Prospect's tagging, with what an engine knows it
// did: a reveal, an objection); revealed is true when the turn told a
// hidden need. A no or an objection is remembered until the prospect
// opens up again (a reveal, interest, a need told): then the talk has
// moved on from it, and a question asks about them again. Read and the
// engines follow a call with it, so they hear the trainee in the same
// context.
func (c Context) Heard(r Result, text string, revealed bool) Context {
	c.Prospect = text
	c.Complained = c.Complained || complaintSaid(text)
	c.Interested = r.Has(openline.ActInterest)
	c.Agreed = c.Agreed || c.Interested
	c.Resisted = !revealed && !c.Interested && (r.Has(openline.ActRejection) || r.Has(openline.ActObjection) || r.Has(openline.ActHangup) || annoyedSaid.in(foldSpace(text)))
	switch {
	case NoStands(r.Acts, revealed):
		c.Rejected, c.Agreed = true, false
	case r.Has(openline.ActObjection) && !revealed:
		c.Objected = true
	case revealed || r.Has(openline.ActReveal) || r.Has(openline.ActInterest):
		c.Rejected, c.Objected = false, false
	}
	return c
}

// complains reports whether the prospect has objected or said no, or the
// turn the trainee answers is said in anger (angry).
func (c *Context) complains() bool {
	return c.Objected || c.Rejected || c.angry()
}

// angry reports whether the turn the trainee answers is said in anger, or
// with an exclamation of some length ("Ihr Techniker war schon wieder
// nicht da!", not "Guten Tag!").
func (c *Context) angry() bool {
	return strings.Contains(c.Prospect, "!") && WordCount(c.Prospect) >= complaintWords || annoyedSaid.in(foldSpace(c.Prospect))
}

// complaintWords is the shortest exclamation, in words, that complains.
const complaintWords = 5

// NoStands reports whether a prospect turn of acts says a no that stands
// after it: a rejection, unless the turn told a hidden need (needTold).
// A need told is the prospect opening up, whatever words of refusal its
// story holds ("If it doesn't work on the phone in thirty seconds, forget
// it"); Read reads those words as an objection (toldNotNo). The scripted
// engine remembers its no by the same rule.
func NoStands(acts []openline.Act, needTold bool) bool {
	return !needTold && slices.Contains(acts, openline.ActRejection)
}

// Sentence is one sentence of a turn with its acts. Start and End are byte
// offsets into the tagged text, so text[Start:End] is the sentence exactly
// as said (a quote for evidence).
type Sentence struct {
	Start, End int
	Acts       []openline.Act
	// Cues are the phrases behind the acts that came from one (see
	// Sentence.Cue, which also answers for the others).
	Cues []Cue
	// Asks is true for a sentence that hands the word over as a question:
	// an open or closed question, or any sentence said with a question
	// mark (a rising "Okay?" or "Hallo?" still waits for an answer).
	Asks bool
	// AsksNothing is true, in a trainee turn read by Read, for a question
	// that asks nothing about the other person: wrapping the call up
	// ("Sonst noch was?"), arranging a step ("Wann passt es Ihnen
	// besser?") or picking up the phone ("Ja, Schulte?"). See unmask.
	AsksNothing bool
	// counter is true for a trainee statement that argues, defends or
	// contradicts ("aber das stimmt so nicht", "but actually our ..."): after
	// an acknowledgement it makes a "yes, but" (see Read).
	counter bool
	// remedy is true for a trainee sentence that commits the speaker to
	// put a complaint right (defence.go): booking it for them helps.
	remedy bool
	// marker is set by the tagger for a sentence whose acknowledgement is
	// only a transition word opening it ("Great, I'll send the contract
	// over", "Gut, dann trag ich Sie ein", "Fine, send me an email"): it
	// leads into the speaker's own words, and acknowledges only when
	// those take up what was said (dropBareMarkers).
	marker bool
	// disguise is what the sentence does beneath its form, as the tagger
	// read it (its normalised words), when disguised is true; unmask
	// reads it again for a tagging from elsewhere.
	disguise  Disguise
	disguised bool
	// words are the sentence's words as tokenize gives them for
	// text[Start:End], kept (wordsKept) by the tagger when it read the
	// sentence unmasked, so the rest of the reading does not tokenise it
	// again (see turnWords).
	words     []token
	wordsKept bool
}

// Cue is where in a turn the words are that made a sentence carry an
// act: text[Start:End] of the tagged turn, inside the sentence ("nur
// heute" for pressure in "Das Angebot gilt nur heute.").
type Cue struct {
	Act        openline.Act
	Start, End int
}

// Cue returns the byte span of the turn whose words made s carry act a:
// the phrase that matched it, or the whole sentence when the act came
// from the sentence's shape (a question, pressure read beneath its form).
// ok is false when s does not carry a.
func (s Sentence) Cue(a openline.Act) (start, end int, ok bool) {
	if !slices.Contains(s.Acts, a) {
		return 0, 0, false
	}
	for _, c := range s.Cues {
		if c.Act == a {
			return c.Start, c.End, true
		}
	}
	return s.Start, s.End, true
}

// Result is the tagging of one turn.
type Result struct {
	Sentences []Sentence
	// Acts is the union of the sentences' acts, in canonical order
	// (openline.TraineeActs, then openline.ProspectActs).
	Acts []openline.Act
	// Push is, for a trainee turn, what its sentences push (push.go):
	// every push but a "yes, but" is also the pressure act of its
	// sentence, so the scorer and the scripted prospect hear the same
	// push; the prospect weighs an insult double.
	Push Push
	// Warns is true, for a prospect turn, when it threatens to end the
	// call on a condition ("One more like that and this call is over",
	// "Noch einmal so, und das Gespräch ist beendet"): annoyance and a
	// warning, not a hang-up (warning.go).
	Warns bool
	// ownTagging is true for a tagging by this package (Trainee): the
	// learned layer reads only those, never a stand-in from elsewhere
	// (a test's own tags), which stands for what its maker means.
	ownTagging bool
}

// unite sets r.Acts to the union of its sentences' acts, in canonical
// order: after an edit of the sentences' acts.
func (r *Result) unite() {
	var all actSet
	for _, s := range r.Sentences {
		for _, a := range s.Acts {
			all.add(a)
		}
	}
	r.Acts = all.list()
}

// Has reports whether the turn carries act a.
func (r Result) Has(a openline.Act) bool {
	for _, x := range r.Acts {
		if x == a {
			return true
		}
	}
	return false
}

// Trainee tags a trainee turn in language lang. Any string is accepted:
// empty, huge, invalid UTF-8, another language; an unknown lang is guessed
// from the words.
//
// A turn that names its speaker as a whole (NamesSelf: "Anna Keller hier",
// or a bare name right after the prospect asked who is calling) carries
// introduction on its first sentence even when no sentence rule heard it.
func Trainee(lang openline.Language, text string, ctx Context) Result {
	r := tag(lang, text, &ctx)
	if !r.Has(openline.ActIntroduction) && len(r.Sentences) > 0 && NamesSelf(text, AskedWho(ctx.Prospect)) {
		var first actSet
		for _, a := range r.Sentences[0].Acts {
			first.add(a)
		}
		first.add(openline.ActIntroduction)
		r.Sentences[0].Acts = first.list()
		var all actSet
		for _, a := range r.Acts {
			all.add(a)
		}
		all.add(openline.ActIntroduction)
		r.Acts = all.list()
	}
	r.ownTagging = true
	return r
}

// Prospect tags a prospect turn (rejection, objection, reveal, interest,
// hangup) in language lang.
func Prospect(lang openline.Language, text string) Result {
	return tag(lang, text, nil)
}

// canonical is every act in canonical order; an actSet bit is an index
// into it.
var canonical = append(append([]openline.Act{}, openline.TraineeActs...), openline.ProspectActs...)

// actSet is a set of acts, bit i standing for canonical[i].
type actSet uint32

var actBit = func() map[openline.Act]actSet {
	m := make(map[openline.Act]actSet, len(canonical))
	for i, a := range canonical {
		m[a] = 1 << i
	}
	return m
}()

func (s *actSet) add(a openline.Act) { *s |= actBit[a] }

// list returns the acts of s in canonical order; never nil.
func (s actSet) list() []openline.Act {
	out := make([]openline.Act, 0, 4)
	for i, a := range canonical {
		if s&(1<<i) != 0 {
			out = append(out, a)
		}
	}
	return out
}

// tagger holds what is computed once per turn.
type tagger struct {
	ctx  *Context // nil for a prospect turn
	text string   // the turn
	// lowerCase is true for a turn typed without capitals ("hier ist
	// lukas"): case says nothing about names and nouns there.
	lowerCase bool
	// cues and spans are the last sentence's cues and where in it each
	// matched (see cuesOf).
	cues  cueSet
	spans cueSpans
	// pickedUp is true when the previous sentence of the turn repeated the
	// prospect's words ("Seit zwei Jahren keinen Azubi – ..."): a question
	// right after it builds on them too.
	pickedUp bool
	// counter is set by tagTrainee for a sentence that argues (see
	// Sentence.counter).
	counter bool
	// remedy is set by tagTrainee for a sentence that puts a complaint
	// right (Sentence.remedy).
	remedy bool
	// marker is set by tagTrainee for a sentence acknowledged by a
	// transition word only (Sentence.marker).
	marker bool
	// disguise is what the last trainee sentence does beneath its form,
	// read when disguised is true (see Sentence.disguise).
	disguise  Disguise
	disguised bool
	// push is what the sentence being tagged pushes (pushIn).
	push Push
	// warns is set by sentence for a prospect sentence that threatens to
	// end the call on a condition (Result.Warns).
	warns bool
}

func tag(lang openline.Language, text string, ctx *Context) Result {
	spans := splitSentences(text)
	res := Result{Sentences: make([]Sentence, 0, len(spans))}
	primary, secondary := lexiconsFor(lang, text)
	t := tagger{ctx: ctx, text: text, lowerCase: !strings.ContainsFunc(text, unicode.IsUpper)}
	var all actSet
	for _, sp := range spans {
		said, quoted := text[sp.start:sp.end], ""
		if ctx != nil {
			// The other person's words quoted are not the trainee's act;
			// a long quote from a third party ("Another client put it like
			// this: „…“") is the trainee's own case, in borrowed words.
			if m, q := maskQuotes(said); q != "" && !thirdPartyQuote(m, q, ctx.Prospect) {
				said, quoted = m, q
			}
		}
		toks := tokenize(said)
		first, second := primary, secondary
		if looksLike(second, first, toks) {
			first, second = second, first
		}
		if ctx != nil {
			t.push = pushIn(openline.Language(first.lang), toks, sp.question)
			res.Push = res.Push.or(t.push)
		}
		got := t.sentence(first, sp, toks)
		if got == 0 && len(toks) > 0 {
			got = t.sentence(second, sp, toks)
		}
		if ctx != nil && !sp.question && tillTheDay(toks) {
			got.add(openline.ActFarewell) // "Bis zum Neunzehnten!", "Bis Donnerstag, Frau H."
		}
		if quoted != "" && quotesProspect(quoted, ctx.Prospect) {
			// Giving their words back, in their words: a reflection.
			got.add(openline.ActReflection)
			got.add(openline.ActAcknowledgement)
		}
		all |= got
		sen := Sentence{Start: sp.start, End: sp.end, Acts: got.list(), Cues: t.cuesOf(got, sp.start), counter: t.counter, remedy: t.remedy, marker: t.marker,
			disguise: t.disguise, disguised: t.disguised, words: toks, wordsKept: quoted == "" && said == text[sp.start:sp.end]}
		sen.Asks = asks(sen, text)
		res.Sentences = append(res.Sentences, sen)
		t.counter, t.remedy, t.marker, t.disguise, t.disguised, t.push = false, false, false, Disguise{}, false, Push{}
	}
	res.Acts = all.list()
	res.Warns = t.warns
	return res
}

func (t *tagger) sentence(lx *lexicon, sp span, toks []token) actSet {
	if len(toks) == 0 {
		return 0
	}
	toks = lx.normalize(toks)
	if t.lowerCase {
		toks = lx.capitalise(toks)
	}
	if sp.end <= len(t.text) && !strings.ContainsAny(t.text[sp.start:sp.end], ",.;:!?–-") {
		toks = selfIntroClauses(toks)
	}
	t.spans = cueSpans{}
	cs := lx.match(toks, &t.spans)
	if t.ctx != nil && cs.has(cuePressure) && negatedCue(toks, t.spans[cuePressure][0]) {
		cs &^= 1 << cuePressure // "this isn't your last chance at anything" (relief.go)
	}
	t.cues = cs
	if t.ctx == nil {
		a := tagProspect(cs)
		if a.has(openline.ActHangup) && warnsOff(toks, t.spans[cueHangup][0]) {
			a &^= actBit[openline.ActHangup]
			a.add(openline.ActObjection)
			t.warns = true
		}
		return a
	}
	return t.tagTrainee(lx, sp, toks, cs)
}

// prospectStems returns the content-word stems of the prospect's previous
// turn, computed once per turn.
func (t *tagger) prospectStems() *stemSet {
	return t.ctx.heard().stems
}

// tagTrainee combines the cues and the shape of one trainee sentence into
// acts.
func (t *tagger) tagTrainee(lx *lexicon, sp span, toks []token, cs cueSet) actSet {
	var a actSet
	if cs.has(cueGreeting) {
		a.add(openline.ActGreeting)
	}
	if cs.has(cueIntro) || selfNamed(toks, cs.has(cueGreeting)) || lx.namedRole(toks) {
		a.add(openline.ActIntroduction)
	}
	q := lx.questionKind(toks, sp, cs)
	// shared counts the content words the sentence takes from the
	// prospect's last turn.
	shared := 0
	if t.ctx.Prospect != "" {
		shared = overlap(toks, t.prospectStems())
	}
	// A reflection lead inside a real question ("How do you feel ...?",
	// "Do you feel ...?") is no reflection.
	reflect := (cs.has(cueReflect) || (cs.has(cueReflectWeak) && shared >= 1 && !ownSubject(toks))) &&
		q != openQ && !(sp.question && lx.questionShaped(toks))
	if reflect && q == closedQ {
		// A reflection said with a rising voice is still a reflection.
		q = noQ
	}
	if cs.has(cuePermission) {
		// Asking for the moment opens the call and asks nothing about the
		// person: no question act beside it, unless it invites them to
		// tell.
		a.add(openline.ActPermission)
		if !cs.has(cueInvite) {
			q = noQ
		}
	}
	switch q {
	case openQ:
		a.add(openline.ActOpenQuestion)
	case closedQ:
		a.add(openline.ActClosedQuestion)
	}
	if q != noQ && t.ctx.Prospect != "" && !cs.has(cuePermission) {
		if cs.has(cueAnaphora) || shared >= 1 || t.pickedUp || (lx.refersBack(toks) && !cs.has(cueProposal) && !cs.has(cueOfferHelp)) {
			a.add(openline.ActFollowUp)
		}
	}
	t.pickedUp = q == noQ && shared >= 1
	realAck := cs.has(cueAck) && !cs.has(cueNoAck)
	bare := cs.has(cueAckOnly) && len(toks) <= ackOnlyWords && q == noQ
	if realAck || bare || (cs.has(cueAckOnly) && lx.markerClause(toks)) {
		a.add(openline.ActAcknowledgement)
		t.marker = !realAck && !bare
	}
	if reflect {
		a.add(openline.ActReflection)
		a.add(openline.ActAcknowledgement)
	}
	apology := -1
	if q == noQ {
		apology = apologisesFor(toks, t.ctx)
	}
	if apology >= 0 {
		// "I'm so sorry about that" to a complaint takes it in.
		a.add(openline.ActAcknowledgement)
	}
	// A statement that gives their words back reflects, unless it presses
	// or pitches (decided below).
	restated := !reflect && q == noQ && !ownSubject(toks) && lx.restates(toks, cs, shared, t.ctx.Prospect != "" && WordCount(t.ctx.Prospect) >= substantialWords)
	offer, proposal := cs.has(cueOfferHelp), cs.has(cueProposal)
	// Committing oneself to put a complaint right ("I'll send our lead
	// engineer on Thursday") helps, whoever of the own side it names
	// (defence.go).
	remedy := q != openQ && remedies(toks, t.ctx)
	offer = offer || remedy
	t.remedy = remedy
	if !offer && t.ctx.Prospect != "" && !cs.has(cuePitch) && !cs.has(cuePressure) {
		// Putting right what they complained about or declined, or
		// finding someone for them, in words of the speaker's own
		// (fixes.go).
		offer = (t.ctx.complains() && fixesForThem(toks)) || findsSomeone(toks)
	}
	if !proposal && !cs.has(cueIntro) && q != openQ && t.text != "" && sp.end <= len(t.text) {
		// A next step in natural words, as the scripted engine hears it
		// (Proposal): "Would it help if I came by …", "Hätten Sie Lust,
		// dass …", "dann ruf ich Sie Donnerstag noch mal an".
		// Asking them for a contact ("Do you know anyone …?") is a
		// question, and offering one is offer_help: no proposal.
		kind, ok := Proposal(openline.Language(lx.lang), t.text[sp.start:sp.end])
		proposal = ok && kind != StepReferral
	}
	// After a no, a question about what did not fit, bothered or put them
	// off asks for feedback, whatever it names ("Was gefällt Ihnen an
	// unserem Angebot nicht?", "Can I ask what about my proposal didn't
	// sit right with you?").
	misfit := t.ctx.Rejected && q != noQ && cs.has(cueMisfit)
	// After a no, "just try it" makes even a question a re-pitch ("Was
	// spricht dagegen, es einfach mal zu testen?").
	trial := t.ctx.Rejected && cs.has(cueTrial) && !offer
	// So does asking what would get their yes after all ("Was hätte ich
	// sagen müssen, damit Sie heute Ja sagen?", "what would it take for
	// you to put it in front of your members after all?"): it asks how
	// to turn the no, not why it is one (beneath.go).
	trial = trial || (t.ctx.Rejected || t.ctx.Objected) && q != noQ && cs.has(cueFeedback) && asksForTheirYes(toks)
	// Asking what it would take for them to take a step ("what would it
	// take for you to look at it …?", "Was müsste passieren, damit Sie
	// …?") asks how to move them, whatever came before (beneath.go).
	trial = trial || q != noQ && cs.has(cueFeedback) && movesThem(toks)
	feedback := (cs.has(cueFeedback) || misfit) && !cs.has(cueThanksFeedback) && !trial && !givesFeedback(toks, q)
	ownPitch := !remedy && (cs.has(cuePitch) || (cs.has(cueHaveFor) && !mentionsQuestion(toks)) || claimsOwnSide(toks, q))
	// Social proof ("most of my clients …") pitches in other people's
	// name; said with pressure it is that pressure (below).
	proof, bandwagon := socialProof(toks, q)
	proof = proof && !ownPitch
	pitch := ownPitch || proof
	// A question about the caller's own offering ("Have you considered
	// our premium cover?", "Would our app help?") puts it to them: a
	// pitch whatever its form, no feedback request or interest in them
	// (assume.go). Asking what about it did not fit still asks for
	// feedback, and an invitation or a step is that act.
	ownAsk := q != noQ && !misfit && !offer && !proposal && asksOwnThing(toks)
	// A claim of one's own side in a clause before the asking one
	// ("we've just launched an advanced module, would she be
	// interested?") pitches too; a question about them after it still
	// asks about them ("Wir beraten Handwerksbetriebe – aber wie sehen
	// Sie selbst die nächsten Jahre?").
	pitch = pitch || q != noQ && !offer && !proposal && claimsBeforeAsking(toks)
	// A price of the offer is a pitch ("It's only four hundred pounds
	// extra per day").
	if q == noQ && !ownPitch && namesPrice(toks) {
		ownPitch, pitch = true, true
	}
	pitch = pitch || ownAsk
	if q == closedQ && !misfit && asksOfOwnOffer(toks) {
		// "Darf ich Sie um ein ehrliches Feedback bitten: Haben Sie
		// gesehen, dass unser Angebot auch …?": a yes/no question whose
		// content is the caller's own offer asks for nothing but a yes to
		// it, whatever it calls itself.
		feedback, pitch = false, true
	}
	// Interest in the person asks about them (also as "Ich wollte mal
	// hören, wie es Ihnen geht"): a goodbye wishing a good weekend, a
	// pitch naming their team, a reflection of their wish or a callback
	// after their holiday shows none.
	feedback = feedback && !ownAsk
	personal := ((cs.has(cuePersonal) && !misfit) || (cs.has(cuePersonalTopic) && q == openQ && !feedback)) &&
		!proposal && !ownAsk && !(q == noQ && (cs.has(cueFarewell) || reflect || ownPitch))
	if !feedback && !trial && t.ctx.Rejected && q == openQ && !personal && !offer && !proposal && !pitch {
		// After a no, an open question that is not about the person, an
		// offer or a next step asks what led to the no or what would
		// matter to them: a feedback request ("Could I ask what exactly
		// didn't fit?", "Darf ich fragen, was Ihnen wichtig ist?").
		feedback = true
	}
	// Pressure asked as a question asks for nothing ("What would it take
	// for you to sign today?"): no feedback request, no interest in the
	// person. So does pressure in another form (beneath.go).
	beneath := false
	if t.text != "" && sp.end <= len(t.text) {
		t.disguise, t.disguised = disguised(t.text[sp.start:sp.end], toks), true
		beneath = pressesBeneath(t.disguise, toks, q, t.ctx, shared)
		// Putting a complaint right soon serves them: urgency in it
		// ("Let me book a visit now") presses nothing; leading them,
		// loss and guilt still do.
		d := t.disguise
		beneath = beneath && !(remedy && !d.Leading && !d.AlternativeClose && !d.Loss && !d.Guilt)
	}
	pushed := t.push.Presses()
	if cs.has(cuePressure) || trial || beneath || pushed || bandwagon {
		feedback, personal = false, false
	}
	if feedback {
		a.add(openline.ActFeedbackRequest)
	}
	if personal {
		a.add(openline.ActPersonalInterest)
	}
	pitch = pitch && !feedback // "What did you not like about our offer?" asks, not pitches
	// A proposal named in an open feedback question ("was an meinem
	// Vorschlag nicht passt") is asked about, not made.
	proposal = proposal && !(feedback && q == openQ)
	if pitch {
		a.add(openline.ActPitch)
	}
	if offer {
		a.add(openline.ActOfferHelp)
	}
	if proposal {
		a.add(openline.ActProposal)
	}
	// Accepting the no takes back a "but" before it ("Schade, aber das
	// respektiere ich"), not one after it ("Verstehe ich, aber meinen Sie
	// nicht, dass …").
	argues := cs.has(cueArgue) && !(cs.has(cueAccept) && t.spans[cueAccept][1] > t.spans[cueArgue][0])
	therefore := cs.has(cueTherefore) && !(cs.has(cueAccept) && t.spans[cueAccept][1] > t.spans[cueTherefore][0])
	argues = argues || therefore
	// Defending the own side against a complaint, an objection or a no
	// argues with it ("To be fair, our engineers …", defence.go).
	defence := q == noQ && !offer && defends(toks, t.ctx)
	if apology >= 0 && argues && !defence && t.spans[cueArgue][0] < toks[apology].at {
		// "That's really not okay, and I'm sorry": the words before the
		// apology blame the own side, they argue with nobody.
		argues = false
	}
	argues = argues || defence
	// An assumptive close books, sends or schedules a step the prospect
	// has not agreed to (assume.go): pressure when it commits them to buy,
	// when it books them in after a no, an objection or a complaint, when
	// it calls them again after a no or an objection, and when it sends
	// them something after a no (unless they asked for it).
	assumed := false
	if q == noQ && !offer && !t.ctx.Interested && !t.ctx.Agreed {
		switch assumedStep(toks) {
		case stepCommit:
			assumed = true
		case stepBook:
			assumed = t.ctx.Rejected || t.ctx.Objected || t.ctx.complains()
		case stepCall:
			// Calling again after a no; a call-back promised on a
			// complaint keeps the caller informed.
			assumed = t.ctx.Rejected || t.ctx.Objected
		case stepSend:
			assumed = t.ctx.Rejected && StepKind(openline.Language(lx.lang), t.ctx.Prospect) != StepSendInfo
		}
		assumed = assumed && !leavesFree(toks) && !apologises(t.text) && !chose(t.ctx.Prospect)
	}
	switch {
	case cs.has(cuePressure) || trial || beneath || pushed || bandwagon || agreesForThem(toks):
		a.add(openline.ActPressure)
	case assumed:
		a.add(openline.ActPressure)
		a.add(openline.ActProposal)
	case ownAsk && (t.ctx.Rejected || t.ctx.Objected):
		// Putting the own offering to them against their no or their
		// objection ("But wouldn't our CRM save you hours?") argues.
		a.add(openline.ActPressure)
	case proposal && !remedy && t.text != "" && sp.end <= len(t.text) && rushesStep(openline.Language(lx.lang), toks, t.text[sp.start:sp.end]):
		// A step of theirs set for this very week ("Could Alex come by
		// this week?", "Hätten Sie diese Woche noch Zeit?") rushes it;
		// the same words in a question about them ("What would help you
		// most this week?") set no deadline, nor asking when in the week
		// suits them ("Wann passt es Ihnen diese Woche?"): they choose.
		a.add(openline.ActPressure)
	case t.ctx.Resisted && !offer && !feedback && !reflect && !cs.has(cuePermission) &&
		(pursues(proposal, t.disguise, toks, t.ctx.Prospect, StepKind(openline.Language(lx.lang), t.text[sp.start:sp.end])) ||
			putsInMouth(toks) || tellsWhoTheyAre(toks) || phraseOf(toks).any(heldToOwnWords)):
		// Right after they pushed back, pursuing the caller's own step
		// ("Ein Verkäufer würde Ihnen jetzt einen Termin aufdrängen – ich
		// schlage nur einen vor.", "So let's make sure: I'll put Alex in
		// for Thursday, yes?") or deciding their position for them ("I'm
		// sure she'll see it's only fair") works against what they just
		// said: pressure, in whatever friendly words (relief.go).
		a.add(openline.ActPressure)
	case cs.has(cueDirective) && q == noQ && !offer && !cs.has(cueReported) && !pastConditional(toks) && !relievesAdvice(toks):
		// Unsolicited advice to the listener ("Sie sollten ...", "You
		// should ...", "I'd strongly recommend you ...") is the righting
		// reflex Motivational Interviewing counts as confronting: pressure.
		// Said of what they already did ("Da hätte ich an Ihrer Stelle auch
		// abgewunken", "If I were you I'd have said no too") it sides with
		// their decision and advises nothing; advice to say no on their
		// own condition, or not to carry a burden, takes pressure off
		// (relief.go).
		a.add(openline.ActPressure)
	case t.ctx.Rejected && !feedback && !personal && !offer && !reflect:
		// After a no, arguing and re-pitching are pressure, and so is
		// closing on a day for a step the prospect has just declined
		// ("Am besten zeige ich Ihnen das einfach, passt Ihnen
		// Dienstag?"): insisting.
		if argues || pitch || (proposal && namesDay(toks)) {
			a.add(openline.ActPressure)
		}
	case t.ctx.Objected && q == noQ && therefore && !feedback && !personal && !offer && !reflect:
		// After an objection, a statement that argues against it ("Das
		// verstehe ich total. Genau deshalb ist unsere App …", "Das
		// sagen alle, aber …") pushes too.
		a.add(openline.ActPressure)
	}
	if proof && a&actBit[openline.ActPressure] != 0 {
		a &^= actBit[openline.ActPitch]
	}
	if restated && a&(actBit[openline.ActPressure]|actBit[openline.ActPitch]) == 0 {
		a.add(openline.ActReflection)
		a.add(openline.ActAcknowledgement)
	}
	if cs.has(cueFarewell) {
		a.add(openline.ActFarewell)
	}
	t.counter = q == noQ && argues && !feedback && !offer
	if t.marker && !reflect && !offer && !a.has(openline.ActPitch) && !a.has(openline.ActPressure) && (a.has(openline.ActProposal) || lx.ownMove(toks)) {
		// "Right, I'll pass that on", "Gut, dann notiere ich mal Ihre
		// Nummer", "Fine, send me an email": the transition word leads
		// into one's own move and acknowledges nothing (help for them
		// takes in what they said). Before a pitch or pressure it stays,
		// for Read to withdraw as a "yes, but": it heard them only to
		// sell on.
		a &^= actBit[openline.ActAcknowledgement]
	}
	if a&actBit[openline.ActFollowUp] != 0 && (a&notFollowUp != 0 || a.has(openline.ActFeedbackRequest) && (t.ctx.Rejected || t.ctx.Objected)) {
		// A question that presses builds on nothing of theirs, whatever
		// words it shares, and nor does asking about their no: what it
		// does is that act. (A question on their own topic that names
		// feedback, "What happens when you give feedback?", still follows
		// up; a step or an offer built on what they said may take it up.)
		a &^= actBit[openline.ActFollowUp]
	}
	return a
}

// notFollowUp are the acts a question does instead of following up.
var notFollowUp = actBit[openline.ActPressure]

func (s actSet) has(a openline.Act) bool { return s&actBit[a] != 0 }

// refersBack reports whether a question points back at what was just
// said: a short one by any pro-form ("Läuft das stabil?", "Is it
// reliable?"), a longer one by a pronominal adverb or "that" ("Wie gehen
// Sie damit um?", "And how are customers reacting to that?").
func (lx *lexicon) refersBack(toks []token) bool {
	if lx.pointsBackFirst(toks) {
		return true
	}
	if len(toks)-lx.skipLead(toks) > maxReferringWords {
		return false
	}
	for k, tk := range toks {
		if lx.proAdverbs[tk.s] || (len(toks) <= maxPronounWords && lx.proForms[tk.s]) || lx.standsAlone(toks, k) || lx.nounCase && daPointsBack(toks, k) {
			return true
		}
	}
	return false
}

// pointsBackFirst reports whether a question of any length points back
// (pointsBackAt) from its first clause: "How did you handle it back
// then?", "What's the part of that you enjoy most, after all these
// years?". A pointer in a later clause points at that sentence's own
// earlier words ("Sie haben einen zweiten Standort eröffnet – wie ist es
// Ihnen damit ergangen?"), which share the prospect's words or not, and a
// pro-adverb before a dass-clause points ahead to it ("Was spricht
// dagegen, dass …?").
func (lx *lexicon) pointsBackFirst(toks []token) bool {
	start := lx.skipLead(toks)
	end := start + 1
	for end < len(toks) && !toks[end].clause {
		end++
	}
	if end > len(toks) {
		return false
	}
	from, to, ok := pointsBackAt(toks[start:end])
	if !ok || to-from > 1 {
		return ok
	}
	// One pro-adverb: not a conjunction ("damit ich's verstehe") nor
	// pointing ahead.
	at := start + from
	if at+1 < len(toks) && (toks[at].s == "damit" && subjectWords[strings.TrimSuffix(toks[at+1].s, "'s")] || toks[at+1].clause && aheadWords[toks[at+1].s]) {
		return false
	}
	return true
}

// aheadWords open the clause a pro-adverb points ahead to ("dagegen,
// dass …", "daran, wie …").
var aheadWords = set([]string{"dass", "ob", "wie", "wenn", "was", "zu"})

// subjectWords open the subject of a clause that "damit" opens as a
// conjunction ("damit ich's verstehe", "damit das nicht liegen bleibt").
var subjectWords = set([]string{"ich", "du", "er", "sie", "es", "wir", "ihr", "man", "das", "der", "die", "dies", "ihre", "ihr", "unsere", "meine", "jeder", "keiner"})

// standsAlone reports whether toks[k] is a pro-form used on its own, not
// as an article, in a language that capitalises nouns: inside its clause
// and not before a noun ("Wie wirkt sich das auf Ihr Team aus?", "Was
// bedeutet das konkret?", not "Wie finden Sie das neue Modell?"). A
// pro-form opening a clause after a comma is a relative pronoun ("etwas,
// das Sie stört").
func (lx *lexicon) standsAlone(toks []token, k int) bool {
	if !lx.nounCase || !lx.proForms[toks[k].s] || k == 0 || toks[k].clause {
		return false
	}
	if k+1 == len(toks) {
		return true
	}
	next := toks[k+1]
	if next.upper || next.clause {
		return next.clause
	}
	return lx.stop[next.s] || lx.preps[next.s] || k+2 == len(toks) || !toks[k+2].upper
}

// maxReferringWords is the longest question, in words, that refersBack
// takes as pointing back by a pro-form alone; maxPronounWords the longest
// for a plain pronoun ("das", "it"), which longer questions use for other
// things.
const (
	maxReferringWords = 8
	maxPronounWords   = 5
)

// markerClause reports whether the sentence opens with a clause of
// discourse markers only, set off by a comma ("Okay, ...", "Alles klar,
// ..."), as acknowledging what was said.
func (lx *lexicon) markerClause(toks []token) bool {
	for k := 1; k < len(toks) && k <= 3; k++ {
		if toks[k].clause {
			return true
		}
		if !lx.lead[toks[k].s] && !lx.ackWords[toks[k].s] {
			return false
		}
	}
	return false
}

// namedRole reports whether a clause of the sentence is a full name (two
// or three capitalised words that are no stop or discourse words) followed
// by a clause of a role of one or two words and an affiliation naming a
// company ("Luke Brandt, sales at Medisoft", "Mara Vogt, Vertrieb bei der
// Lindner GmbH"): the caller introducing themself without "here".
func (lx *lexicon) namedRole(toks []token) bool {
	for c := range toks {
		if !toks[c].clause {
			continue
		}
		k := c
		for k < len(toks) && k < c+3 && toks[k].upper && !lx.stop[toks[k].s] && !lx.lead[toks[k].s] && (k == c || !toks[k].clause) {
			k++
		}
		if k-c < 2 || k >= len(toks) || !toks[k].clause {
			continue
		}
		for r := k; r < len(toks) && r < k+2 && !lx.stop[toks[r].s] && (r == k || !toks[r].clause); r++ {
			a := r + 1
			if a >= len(toks) || !affiliation[toks[a].s] || toks[a].clause {
				continue
			}
			a++
			if a < len(toks) && lx.stop[toks[a].s] && !toks[a].upper {
				a++ // an article: "bei der Lindner GmbH", "at the Lindner clinic"
			}
			if a < len(toks) && toks[a].upper && !toks[a].clause {
				return true
			}
		}
	}
	return false
}

// selfNamed reports whether a clause is a name followed by "hier" or
// "here" ("Anna Berg hier", "Tom here"): the caller introducing themself.
func selfNamed(toks []token, greeted bool) bool {
	for c := range toks {
		if toks[c].clause && namedAt(toks, c, greeted) {
			return true
		}
	}
	return false
}

// namedAt reports whether the clause starting at toks[c] is one to three
// capitalised words, optionally an affiliation ("von der Kanzlei Seidl",
// "from Apex"), then "hier" or "here" ending the clause or followed by an
// affiliation. After a greeting, a name and an affiliation are enough
// ("Hallo Frau Yilmaz, Jonas vom Kundenservice, ...").
func namedAt(toks []token, c int, greeted bool) bool {
	k := c
	for k < len(toks) && k < c+3 && toks[k].upper && (k == c || !toks[k].clause) {
		k++
	}
	if k == c {
		return false
	}
	if k < len(toks) && affiliation[toks[k].s] {
		if greeted && c > 0 && k-c <= 2 {
			return true
		}
		for end := k + 6; k < len(toks) && k < end && !toks[k].clause && !here[toks[k].s]; k++ {
		}
	}
	if k >= len(toks) || !here[toks[k].s] || toks[k].clause {
		return false
	}
	return k+1 == len(toks) || toks[k+1].clause || affiliation[toks[k+1].s]
}

// here and affiliation are the words of a self-introduction by name.
var (
	here        = map[string]bool{"hier": true, "here": true, "speaking": true}
	affiliation = map[string]bool{"von": true, "vom": true, "bei": true, "from": true, "with": true, "at": true}
)

// mentionsQuestion reports whether the sentence speaks of a question ("I
// have a quick question for you"), which "we have ... for you" does not
// make a pitch.
func mentionsQuestion(toks []token) bool {
	for _, tk := range toks {
		switch tk.s {
		case "question", "questions", "frage", "fragen":
			return true
		}
	}
	return false
}

// ackOnlyWords is the longest sentence in words that a bare marker such as
// "Okay." or "Alles klar." makes an acknowledgement.
const ackOnlyWords = 4

// tagProspect maps the cues of one prospect sentence to acts.
func tagProspect(cs cueSet) actSet {
	var a actSet
	if cs.has(cueRejection) {
		a.add(openline.ActRejection)
	}
	if cs.has(cueObjection) {
		a.add(openline.ActObjection)
	}
	// A candour marker ("Honestly, ...") discloses something unless the
	// sentence only declines ("Honestly, I'm not interested").
	if cs.has(cueReveal) || (cs.has(cueRevealMarker) && !cs.has(cueRejection) && !cs.has(cueObjection)) {
		a.add(openline.ActReveal)
	}
	if cs.has(cueInterest) {
		a.add(openline.ActInterest)
	}
	if cs.has(cueHangup) {
		a.add(openline.ActHangup)
	}
	return a
}

// qkind is the kind of question a sentence is.
type qkind uint8

const (
	noQ qkind = iota
	openQ
	closedQ
)

// questionKind decides whether a sentence is a question and of which kind.
//
//   - An invitation to tell ("Erzählen Sie mal ...", "Walk me through ...")
//     is open, with or without a question mark.
//   - A question is a sentence ending in "?", an indirect question ("Ich
//     wollte fragen, ob ..."), or an unpunctuated sentence that starts
//     with a question word or a fronted verb ("haben sie zeit").
//   - It is open when a question word starts a clause (W-Frage, "So, what
//     ...", embedded "Darf ich fragen, was ...") or follows a verb of
//     saying or knowing ("Could you tell me what ..."), or when a
//     yes/no-shaped question invites elaboration ("Do you think ...") or a
//     question word is left at its end ("Und dann was?"); otherwise closed
//     (Entscheidungsfrage, declarative question, "..., oder?").
//   - A wh-question that asks for a number, a point on a scale or only
//     whether one knows ("Wie viele ...?", "Do you know who ...?") is
//     closed, and so is a wh-shaped suggestion ("How about Tuesday?").
func (lx *lexicon) questionKind(toks []token, sp span, cs cueSet) qkind {
	if cs.has(cueInvite) {
		return openQ
	}
	start := lx.skipLead(toks)
	if start == len(toks) {
		// Only discourse markers ("Okay?", "Right?", "Ja?"): a tag or a
		// backchannel, not a question.
		return noQ
	}
	isQ := sp.question || cs.has(cueAskLead)
	if !isQ && !sp.closed && start < len(toks) {
		isQ = lx.wh[toks[start].s] || lx.verbFirst(toks, start)
	}
	if !isQ && lx.tellImperative(toks, start) {
		return openQ
	}
	if !isQ {
		return noQ
	}
	if cs.has(cueInviteQ) {
		return openQ
	}
	if cs.has(cueClosedShape) {
		return closedQ
	}
	if cs.has(cueElaborate) && !cs.has(cueQuantity) {
		return openQ
	}
	if last := toks[len(toks)-1].s; sp.question && len(toks) > 1 && lx.wh[last] && !lx.relative[last] {
		// A question word left in place at the end ("Acting out would be
		// what?", "Und dann was?") asks for the missing piece.
		return openQ
	}
	for k := range toks {
		if !lx.wh[toks[k].s] {
			continue
		}
		embedded := lx.embedded(toks, k)
		initial := lx.afterLead(toks, k) || (k > 0 && lx.preps[toks[k-1].s] && lx.afterLead(toks, k-1))
		if cs.has(cueAskLead) {
			// "I was wondering, given all that, where you are with it."
			embedded = true
		}
		if initial && !embedded && k+1 < len(toks) && lx.pronouns[toks[k+1].s] && !strings.ContainsRune(toks[k].s, '\'') {
			// "When you go out, ...", "Wie Sie wissen, ...": a subordinate
			// clause, not a question word; a question inverts ("When do you").
			continue
		}
		clause := toks[k].clause && !lx.relative[toks[k].s]
		if (clause || embedded) && !initial && cs.has(cueProposal) && !asksAfter(toks, k) {
			// A question word opening a later clause of a proposal tells
			// what is offered ("Darf ich Ihnen eine Übersicht schicken,
			// wie andere Betriebe das lösen?", "Soll ich Ihnen zeigen, wie
			// das geht?"): the proposal asks yes or no. Asking leave to
			// ask ("Darf ich fragen, wie …") still asks.
			continue
		}
		if initial || clause || embedded {
			if cs.has(cueQuantity) {
				return closedQ
			}
			return openQ
		}
	}
	return closedQ
}

// asksAfter reports whether a verb of asking or knowing stands just
// before the question word at k ("Darf ich fragen, wie …", "May I ask
// how …").
func asksAfter(toks []token, k int) bool {
	for d := 1; d <= 2 && k-d >= 0; d++ {
		switch toks[k-d].s {
		case "fragen", "ask", "wissen", "know", "erfahren", "hear", "hoeren":
			return true
		}
	}
	return false
}

// tellImperative reports whether the sentence from toks[start] bids the
// listener say something and names it by a question word opening a later
// clause ("Sagen Sie mir ruhig offen, was Sie stört."): an invitation to
// tell without a question mark.
func (lx *lexicon) tellImperative(toks []token, start int) bool {
	if start+1 >= len(toks) || !lx.embed[toks[start].s] {
		return false
	}
	switch toks[start+1].s {
	case "sie", "me", "us":
	default:
		return false
	}
	for k := start + 2; k < len(toks); k++ {
		if toks[k].clause && lx.wh[toks[k].s] && !lx.relative[toks[k].s] {
			return true
		}
	}
	return false
}

// questionShaped reports whether the sentence starts, after discourse
// markers, with a question word or a fronted verb and its subject.
func (lx *lexicon) questionShaped(toks []token) bool {
	start := lx.skipLead(toks)
	return start < len(toks) && (lx.wh[toks[start].s] || lx.verbFirst(toks, start))
}

// skipLead returns the index of the first word that is not a discourse
// marker.
func (lx *lexicon) skipLead(toks []token) int {
	start := 0
	for start < len(toks) && lx.lead[toks[start].s] {
		start++
	}
	return start
}

// verbFirst reports whether the sentence starting at toks[start] has a
// fronted finite verb followed by its subject ("haben sie", "do you").
func (lx *lexicon) verbFirst(toks []token, start int) bool {
	return start+1 < len(toks) && lx.aux[toks[start].s] && lx.subj[toks[start+1].s]
}

// embedded reports whether the question word at toks[k] opens a clause
// embedded after a verb of saying or knowing ("tell me what", "know why").
func (lx *lexicon) embedded(toks []token, k int) bool {
	for d := 1; d <= 2 && k-d >= 0; d++ {
		if lx.embed[toks[k-d].s] {
			return true
		}
	}
	return false
}

// restates reports whether a statement gives the prospect's own words back
// to them: it shares content words with their last turn (shared counts
// them), at least two when it addresses the listener ("Sie finden also
// keine Azubis"), at least one when it opens with a reflecting "so" or
// carries "also" ("So the bills doubled", "Die Mitarbeiter wollen also
// ..."), at least two when it acknowledges them ("Verstehe, über
// zweihundert offene Lehrstellen, das ist viel."), or when the listener is
// its subject ("You've taken time off, it's costing you time and money"),
// which gives their own situation back without a lead phrase; and it is
// not the trainee's own business, advice or pressure.
func (lx *lexicon) restates(toks []token, cs cueSet, shared int, paraphrase bool) bool {
	if cs.has(cuePitch) || cs.has(cueHaveFor) || cs.has(cueProposal) || cs.has(cueOfferHelp) || cs.has(cuePressure) || cs.has(cueDirective) || cs.has(cueIntro) {
		return false
	}
	if empathises(toks) || soundsLike(toks) {
		return true
	}
	if shared == 0 {
		// In other words: a statement with the listener as its subject,
		// right after they said something ("Sie machen eigentlich zwei
		// Jobs", "You want it to stay the place you built").
		start := lx.skipLead(toks)
		return paraphrase && start < len(toks) && lx.second[toks[start].s] && !lx.possessive[toks[start].s] && !modal(toks)
	}
	addressed, marked := false, false
	for k, tk := range toks {
		addressed = addressed || lx.second[tk.s]
		marked = marked || (lx.reflectMark[tk.s] && (k == 0 || tk.s == "also"))
	}
	start := lx.skipLead(toks)
	subject := start < len(toks) && lx.second[toks[start].s] && !lx.possessive[toks[start].s]
	acknowledged := cs.has(cueAck) || cs.has(cueAckOnly)
	return (addressed && shared >= 2) || (acknowledged && shared >= 2) || marked || subject
}

// looksLike reports whether the sentence toks is clearly in the language
// of lx rather than that of other: more of its words are stop words only
// of lx, at least two of them.
func looksLike(lx, other *lexicon, toks []token) bool {
	n, m := 0, 0
	lb, ob := stopBit(lx), stopBit(other)
	for _, tk := range toks {
		var a, b bool
		if lb != 0 && ob != 0 {
			in := stopOf[tk.s] // one lookup for both lexicons
			a, b = in&lb != 0, in&ob != 0
		} else {
			a, b = lx.stop[tk.s], other.stop[tk.s]
		}
		switch {
		case a && !b:
			n++
		case b && !a:
			m++
		}
	}
	return n >= 2 && n > m
}

// stopOf maps each stop word of deLex or enLex to the stopBit of the
// lexicons it is a stop word of.
var stopOf = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, lx := range []*lexicon{deLex, enLex} {
		for w, ok := range lx.stop {
			if ok {
				m[w] |= stopBit(lx)
			}
		}
	}
	return m
}()

// stopBit is lx's bit in stopOf, 0 for a lexicon other than deLex and
// enLex.
func stopBit(lx *lexicon) uint8 {
	switch lx {
	case deLex:
		return 1
	case enLex:
		return 2
	}
	return 0
}

// lexiconsFor returns the lexicon of lang and the other one. An unknown
// language is guessed from the stop words of text.
func lexiconsFor(lang openline.Language, text string) (primary, secondary *lexicon) {
	switch lang {
	case openline.German:
		return deLex, enLex
	case openline.English:
		return enLex, deLex
	}
	de, en := 0, 0
	for _, sp := range splitSentences(text) {
		for _, tk := range tokenize(text[sp.start:sp.end]) {
			if deLex.stop[tk.s] {
				de++
			}
			if enLex.stop[tk.s] {
				en++
			}
		}
		if de+en > 50 {
			break
		}
	}
	if en > de {
		return enLex, deLex
	}
	return deLex, enLex
}

// actCues are the cues each act can come from, the most telling first.
var actCues = map[openline.Act][]cue{
	openline.ActGreeting:         {cueGreeting},
	openline.ActIntroduction:     {cueIntro},
	openline.ActPermission:       {cuePermission},
	openline.ActAcknowledgement:  {cueAck, cueAckOnly, cueReflect, cueReflectWeak},
	openline.ActReflection:       {cueReflect, cueReflectWeak},
	openline.ActFollowUp:         {cueAnaphora},
	openline.ActFeedbackRequest:  {cueFeedback, cueMisfit},
	openline.ActPersonalInterest: {cuePersonal, cuePersonalTopic},
	openline.ActPitch:            {cuePitch, cueHaveFor},
	openline.ActPressure:         {cuePressure, cueDirective, cueTrial, cueArgue, cueTherefore},
	openline.ActOfferHelp:        {cueOfferHelp},
	openline.ActProposal:         {cueProposal},
	openline.ActFarewell:         {cueFarewell},
	openline.ActRejection:        {cueRejection},
	openline.ActObjection:        {cueObjection},
	openline.ActReveal:           {cueReveal, cueRevealMarker},
	openline.ActInterest:         {cueInterest},
	openline.ActHangup:           {cueHangup},
}

// cuesOf returns, for the acts got of the sentence just tagged (starting
// at byte start of the turn), the phrases they came from; nil when none
// came from one.
func (t *tagger) cuesOf(got actSet, start int) []Cue {
	var out []Cue
	for _, a := range got.list() {
		for _, c := range actCues[a] {
			if sp := t.spans[c]; t.cues.has(c) && sp[1] > sp[0] {
				out = append(out, Cue{Act: a, Start: start + sp[0], End: start + sp[1]})
				break
			}
		}
	}
	return out
}

// capitalise returns toks of a turn typed all in lower case with every
// word that is no stop word or discourse marker read as capitalised, as a
// name or a German noun would be written: "hier ist lukas" then names
// Lukas.
func (lx *lexicon) capitalise(toks []token) []token {
	out := make([]token, len(toks))
	for i, tk := range toks {
		tk.upper = !lx.stop[tk.s] && !lx.lead[tk.s] && !lx.ackWords[tk.s]
		out[i] = tk
	}
	return out
}

// selfIntroClauses returns toks of a sentence typed without punctuation
// ("hallo herr wegener hier ist lukas passts grad") with "hier ist",
// "hier spricht", "this is", "it's" and "here's" opening a clause, as the
// missing comma would have: a self-introduction after a greeting.
func selfIntroClauses(toks []token) []token {
	var out []token
	for i := 0; i < len(toks); i++ {
		a := toks[i].s
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].s
		}
		// "its hannah clarke": typed without its apostrophe before a name.
		its := a == "its" && i+2 < len(toks) && toks[i+1].upper &&
			(toks[i+2].upper || toks[i+2].s == "from" || toks[i+2].s == "here" || toks[i+2].s == "with" || toks[i+2].s == "at")
		if (toks[i].clause && !its) || !((a == "hier" && (next == "ist" || next == "spricht")) || (a == "this" && next == "is") || a == "it's" || a == "here's" || its) {
			continue
		}
		if out == nil {
			out = slices.Clone(toks)
		}
		out[i].clause = true
		if its {
			out[i].s = "it's"
		}
	}
	if out == nil {
		return toks
	}
	return out
}

// asks reports whether sentence s of text asks (Sentence.Asks).
func asks(s Sentence, text string) bool {
	if slices.Contains(s.Acts, openline.ActOpenQuestion) || slices.Contains(s.Acts, openline.ActClosedQuestion) || slices.Contains(s.Acts, openline.ActPermission) {
		return true
	}
	return s.Start >= 0 && s.Start <= s.End && s.End <= len(text) && strings.HasSuffix(strings.TrimSpace(text[s.Start:s.End]), "?")
}

// pastConditional reports whether a sentence speaks in the past
// conditional ("hätte", "wäre … gewesen", "would have", "I'd have"): what
// one would have done, not what the listener should do now.
func pastConditional(toks []token) bool {
	for i, t := range toks {
		switch t.s {
		case "haette", "haetten", "haett", "would've", "i'd've":
			return true
		case "have":
			if i > 0 && (toks[i-1].s == "would" || strings.HasSuffix(toks[i-1].s, "'d")) {
				return true
			}
		case "gewesen":
			if hasWord(toks[:i], "waere", "waeren") {
				return true
			}
		}
	}
	return false
}
