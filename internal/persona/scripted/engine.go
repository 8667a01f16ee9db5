package scripted

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
)

// Bounds of the prospect's state.
const (
	MaxPatience = 10
	MaxInterest = 10
)

const (
	// maxTaggedBytes is how much of a turn is tagged and searched for
	// keywords; the rest still counts as words of the monologue.
	maxTaggedBytes = 2000
	// longMonologueWords and veryLongMonologueWords are the word counts
	// above which a turn drains patience as a monologue.
	longMonologueWords     = 60
	veryLongMonologueWords = 200
	// chunkWords is how many words each streamed chunk carries.
	chunkWords = 3
	// putThroughGlue joins the gatekeeper's last words and the persona's
	// opening in one reply.
	putThroughGlue = " … "
)

// rates are the difficulty-dependent starting values and movements of the
// prospect's state; the table in the package documentation lists them.
type rates struct {
	trust                                  int // interest the engine's own reveals need at least
	patience, interest, nextStep           int
	pressure, monologue, repitch, ignoring int // patience costs, positive
	recover                                int
	topic, personal, offerHelp, reveal     int // interest gains
}

var difficultyRates = map[openline.Difficulty]rates{
	openline.Easy:   {trust: 0, patience: 8, interest: 3, nextStep: 4, pressure: 1, monologue: 1, repitch: 1, ignoring: 0, recover: 1, topic: 2, personal: 1, offerHelp: 2, reveal: 1},
	openline.Medium: {trust: 3, patience: 6, interest: 2, nextStep: 6, pressure: 2, monologue: 1, repitch: 1, ignoring: 1, recover: 1, topic: 1, personal: 1, offerHelp: 2, reveal: 1},
	openline.Hard:   {trust: 4, patience: 4, interest: 1, nextStep: 7, pressure: 2, monologue: 2, repitch: 2, ignoring: 1, recover: 1, topic: 1, personal: 1, offerHelp: 1, reveal: 1},
}

// tagger is the dialogue-act tagger the engine listens with: package acts,
// or a stand-in in tests of the engine's own semantics.
type tagger struct {
	trainee  func(openline.Language, string, acts.Context) acts.Result
	prospect func(openline.Language, string) acts.Result
}

type engine struct{ tag tagger }

// New returns the scripted persona engine.
func New() persona.Engine { return engine{tagger{acts.Trainee, ownReading}} }

func (engine) Name() openline.EngineName { return openline.EngineScripted }

// Start checks that sc can be played (a start state, known goto, reveal
// and raise targets, a supported language) and returns its prospect.
func (e engine) Start(sc *openline.Scenario, seed int64) (persona.Prospect, error) {
	if err := playable(sc); err != nil {
		return nil, fmt.Errorf("start scripted prospect: %w", err)
	}
	r, ok := difficultyRates[sc.Difficulty]
	if !ok {
		r = difficultyRates[openline.Medium]
	}
	p := &prospect{
		sc:        sc,
		tag:       e.tag,
		rates:     r,
		rng:       rand.New(rand.NewPCG(uint64(seed), uint64(seed)^0x6f70656e6c696e65)),
		state:     state{patience: clamp(r.patience, 1, MaxPatience), interest: clamp(r.interest, 0, MaxInterest)},
		fired:     map[[2]int]bool{},
		memory:    map[string]*variantMemory{},
		spoken:    map[string][]string{},
		reflected: map[string]int{},
		ownTold:   map[string]bool{},
		asked:     map[string]bool{},
		said:      map[string]bool{},
	}
	// The firm's and the speaker's own names name no other thing asked
	// about.
	p.topics[voicePersona] = factTopics(sc.Language, &sc.Persona, sc.Persona.Company, sc.Persona.Name)
	if sc.Gatekeeper != nil {
		p.topics[voiceGatekeeper] = factTopics(sc.Language, sc.Gatekeeper, sc.Gatekeeper.Company, sc.Gatekeeper.Name, sc.Persona.Company, sc.Persona.Name)
	}
	if sc.Persona.Patience > 0 {
		p.patience = clamp(sc.Persona.Patience, 1, MaxPatience)
	}
	if sc.Persona.Interest > 0 {
		p.interest = clamp(sc.Persona.Interest, 0, MaxInterest)
	}
	p.startPatience = p.patience
	p.node = stateIndex(sc, sc.Dialogue.Start)
	return p, nil
}

// playable reports why the engine cannot play sc, or nil.
func playable(sc *openline.Scenario) error {
	if sc == nil {
		return errors.New("no scenario")
	}
	if _, ok := ownLines[sc.Language]; !ok {
		return fmt.Errorf("scenario %s: unsupported language %q", sc.ID, sc.Language)
	}
	if stateIndex(sc, sc.Dialogue.Start) < 0 {
		return fmt.Errorf("scenario %s: unknown start state %q", sc.ID, sc.Dialogue.Start)
	}
	for _, st := range sc.Dialogue.States {
		for i, r := range st.Rules {
			if r.Goto != "" && stateIndex(sc, r.Goto) < 0 {
				return fmt.Errorf("scenario %s: state %s rule %d: unknown goto state %q", sc.ID, st.Name, i+1, r.Goto)
			}
			if r.Reveal != "" && sc.Need(r.Reveal) == nil {
				return fmt.Errorf("scenario %s: state %s rule %d: unknown need %q", sc.ID, st.Name, i+1, r.Reveal)
			}
			if r.Raise != "" && objectionIndex(sc, r.Raise) < 0 {
				return fmt.Errorf("scenario %s: state %s rule %d: unknown objection %q", sc.ID, st.Name, i+1, r.Raise)
			}
		}
	}
	return nil
}

func stateIndex(sc *openline.Scenario, name string) int {
	return slices.IndexFunc(sc.Dialogue.States, func(s openline.State) bool { return s.Name == name })
}

func objectionIndex(sc *openline.Scenario, id string) int {
	return slices.IndexFunc(sc.Objections, func(o openline.Objection) bool { return o.ID == id })
}

// prospect is one scripted prospect in one call. Invariants between calls:
// 0 ≤ patience ≤ MaxPatience, 0 ≤ interest ≤ MaxInterest, node indexes
// sc.Dialogue.States, revealed holds distinct ids of sc.Needs.
type prospect struct {
	sc    *openline.Scenario
	tag   tagger
	rates rates
	rng   *rand.Rand

	state // patience, interest, escalation and outcome (state.go)

	node     int
	revealed []string // need ids in order
	raised   []string // objection ids in order
	answered []string // objection ids answered
	// behind holds the open objections a need was revealed after: the
	// talk has moved on, so only a turn that returns to them answers them.
	behind     []string
	fired      map[[2]int]bool
	rejected   bool
	introduced bool
	whoAsked   int
	silences   int // in a row
	opened     bool

	scripted  bool  // the reply being built holds a scenario line
	broken    error // set after a panic: every later turn fails with it
	lastReply string
	// interested is true when the last reply showed interest: the
	// reading hears booking the step then as a close, not a push
	// (acts.Context.Interested).
	interested bool
	lastCue    bool // the last reply objected or revealed: a turn should pick it up
	memory     map[string]*variantMemory

	// topicNeed is the need the last reply was about (revealed or
	// continued), "" when it was about none; nextTopic is what the reply
	// being built is about.
	topicNeed, nextTopic string
	// spoken holds, per revealed need, the sentences already said about
	// it (its reveal line, then the details of its continuations).
	spoken map[string][]string
	// reflected counts, per revealed need, the reflective lines said
	// about it after its details ran out.
	reflected map[string]int
	// ownTold marks, per need and engine line ("id/line"), the engine's
	// own follow-up answers said about a need, each said once.
	ownTold map[string]bool
	// asked holds the trainee's questions so far, normalised (acts.QuestionKey).
	asked map[string]bool

	topics  [2]*factIndex   // the facts each voice can be asked about
	pitched bool            // the last trainee turn pitched without asking
	over    bool            // the call has ended
	said    map[string]bool // every reply so far, for never repeating one
	hint    openline.ReplyKind
	// agreedText is the reply that agreed the next step, for holding
	// the caller to its day.
	agreedText string
	lastKind   openline.ReplyKind
	lastFact   string
}

// variantMemory remembers which lines of one variant list were used since
// the list was last exhausted, and the last one used.
type variantMemory struct {
	used []bool
	last int
}

// turn is what the engine knows of one trainee turn while answering it.
type turn struct {
	text  string // markup removed, at most maxTaggedBytes
	words int    // of the whole turn
	// tags is the turn's reading (acts.TraineeTurn of the tagger's acts):
	// what the engine asks of the turn, it asks of this (whether it asks,
	// Asks; whether it is small talk, SmallTalk).
	tags acts.Turn

	// topical is, in a small-talk turn, text without its small-talk
	// sentences, for keywords: "Is it as grey there as it is here
	// today?" names no "today" a rule waits for, only "grey" if a rule
	// waits for that.
	topical string

	// others is true when the turn asks about others than the persona
	// and their own (acts.AsksAboutOthers): no fact, no need, "no idea".
	others bool

	// leaves is true when the turn offers to leave them alone ("Shall I
	// take you off the list?", acts.OffersToLeave): a goodbye as a question.
	leaves bool
	// heads are the things its asking sentences ask about
	// (acts.QuestionHead), "" for one that names none.
	heads []string

	// reproach is true when a sentence of the turn that asks nothing
	// reproaches them or shows impatience with them (acts.Reproaches): a
	// question beside it is rhetorical, and a person answers the reproach.
	reproach bool

	push     acts.Push // insult, ultimatum, pushy question, yes-but
	proposal string    // the kind of next step it proposes in natural words, or ""
	fact     int       // the fact of the current voice it asks about, or -1
}

// reply is the answer being built.
type reply struct {
	kind       openline.ReplyKind // set by the decision; else the words' kind
	fact       string             // the fact answered or deflected
	speaker    string             // who speaks; "": the current voice
	transferTo string             // the persona put through to, on a put-through
	text       string
	reveals    []string
	raised     bool
	declined   bool
	agreed     bool
	ended      bool
}

func (p *prospect) Open(ctx context.Context, stream persona.Stream) (_ persona.Reply, err error) {
	if err := ctx.Err(); err != nil {
		return persona.Reply{}, err
	}
	if p.broken != nil {
		return persona.Reply{}, p.broken
	}
	if p.opened || p.over {
		return persona.Reply{}, fmt.Errorf("open: %w", persona.ErrCallOver)
	}
	defer p.guard(&err)
	p.opened = true
	return p.opening(stream), nil
}

// opening speaks the opening of the current voice.
func (p *prospect) opening(stream persona.Stream) persona.Reply {
	v := p.voice()
	// The engine's own opening is drawn first even when the scenario has
	// one: scenario tests are tuned to this random stream.
	text := p.own(lineOpening, v)
	if who := p.speaker(v); len(who.Opening) > 0 {
		text = p.say(fmt.Sprintf("opening/%d", v), who.Opening)
	}
	return p.finish(reply{text: text}, stream)
}

// rambles reports whether t is a monologue (more than longMonologueWords):
// a person does not open up to a caller who talks at them, whatever the
// question at its end; they ask to slow down (step 7e).
func (t turn) rambles() bool { return t.words > longMonologueWords }

// asksQuestion reports whether turn t asks a question: an open or closed
// question, or asking for the moment, which the reading keeps apart from
// the question acts (docs/scoring.md: it belongs to the opening) but which
// asks all the same.
func (t turn) asksQuestion() bool {
	has := t.tags.Has
	return has(openline.ActOpenQuestion) || has(openline.ActClosedQuestion) || has(openline.ActPermission)
}

// heard takes in how the trainee answered an inbound call: only whether
// they named themselves, so that a later "who is this?" never comes.
func (p *prospect) heard(said string) {
	text := stripMarkup(truncate(said, maxTaggedBytes))
	tags := p.tag.trainee(p.sc.Language, text, acts.Context{})
	if tags.Has(openline.ActIntroduction) || acts.NamesSelf(text, false) {
		p.introduced = true
	}
}

func (p *prospect) Respond(ctx context.Context, said string, stream persona.Stream) (_ persona.Reply, err error) {
	if err := ctx.Err(); err != nil {
		return persona.Reply{}, err
	}
	if p.broken != nil {
		return persona.Reply{}, p.broken
	}
	if p.over {
		return persona.Reply{}, fmt.Errorf("respond: %w", persona.ErrCallOver)
	}
	defer p.guard(&err)
	if !p.opened && p.sc.Direction == openline.Inbound {
		// The trainee picked up and answered: the caller now says why
		// they call.
		p.opened = true
		p.heard(said)
		return p.opening(stream), nil
	}
	p.opened = true
	return p.finish(p.answer(said), stream), nil
}

// guard turns a panic while answering (a bug, in the engine or the tagger)
// into an error, so that it never reaches the trainee as a crash; the
// prospect's state may be half-updated, so it answers nothing after that.
func (p *prospect) guard(err *error) {
	if v := recover(); v != nil {
		p.broken = fmt.Errorf("scripted prospect: internal error: %v", v)
		*err = p.broken
	}
}

func (p *prospect) State() openline.ProspectState {
	return openline.ProspectState{
		Node:       p.sc.Dialogue.States[p.node].Name,
		Patience:   p.patience,
		Interest:   p.interest,
		Revealed:   slices.Clone(p.revealed),
		Objections: slices.Clone(p.raised),
		Outcome:    p.outcome,
		NextStep:   p.nextStep,
	}
}

// answer runs steps 2–9 of the package documentation.
func (p *prospect) answer(said string) reply {
	v := p.voice()
	if strings.TrimSpace(said) == "" {
		p.silences++
		if p.silences > 1 {
			p.patience--
		}
		return p.checkPatience(reply{text: p.own(lineSilence, v)})
	}
	p.silences = 0
	text := stripMarkup(said)
	if !strings.ContainsFunc(text, unicode.IsLetter) {
		return reply{text: p.own(lineGarbage, v)}
	}
	head := truncate(text, maxTaggedBytes)
	t := turn{text: head, words: len(strings.Fields(text))}
	// The reading's context as Read follows a call (acts.Context.Heard),
	// but for the no: the engine remembers it for the whole call
	// (p.rejected), and hears arguing against an objection as the answer
	// it may be (p.raised), not as pressure.
	ctx := acts.Context{Prospect: p.lastReply, Rejected: p.rejected, Interested: p.interested}
	if strings.TrimSpace(p.lastReply) != "" {
		ctx = ctx.HeardAs(ownHearing(p.lastReply))
	}
	t.tags = acts.TraineeTurn(p.tag.trainee(p.sc.Language, head, ctx), head, ctx)
	if !t.tags.SmallTalk && acts.AsksHowAreYouOf(head, p.speaker(p.voice()).Name) {
		t.tags.SmallTalk = true // "Wie geht's Ihnen heute, Herr B.?": the name says nothing else
	}
	if t.tags.SmallTalk {
		t.topical = topical(t.tags.Sentences, head)
	}
	t.push = t.tags.Push // the reading's push, pressure to the scorer too
	asides := acts.ReadAsides(p.sc.Language, head)
	kind, ok := acts.Proposal(p.sc.Language, head)
	if !ok && asides.Callback {
		kind, ok = acts.StepCallback, true // "Wäre es okay, wenn ich Sie im Herbst noch mal anrufe?"
	}
	if !ok && asides.Invitation {
		kind, ok = acts.StepInvitation, true // "… ein Unternehmerfrühstück, hätten Sie Lust?"
	}
	if ok && kind == acts.StepInvitation && !t.push.Any() {
		// An invitation to a get-together offers no product: after a no
		// the tagger may read it as a pitch pressed again.
		t.tags.Acts = slices.DeleteFunc(t.tags.Acts, func(a openline.Act) bool { return a == openline.ActPitch || a == openline.ActPressure })
	}
	switch {
	case asides.PitchOffer:
		// "Soll ich Ihnen unser neues Paket vorstellen?" pitches; it
		// proposes no next step.
		t.tags.Acts = withAct(slices.DeleteFunc(t.tags.Acts, func(a openline.Act) bool { return a == openline.ActProposal }), openline.ActPitch)
	case ok:
		t.proposal = kind
		if !t.tags.Has(openline.ActProposal) {
			// "Would it help if I came by …" proposes, also to the
			// rules that wait for a proposal.
			t.tags.Acts = withAct(t.tags.Acts, openline.ActProposal)
		}
	}
	if !t.push.Any() && !asides.PitchOffer && (t.tags.Has(openline.ActPitch) || len(t.tags.Acts) == 0) && acts.Offers(p.sc.Language, head) && p.touchesOwnField(t) {
		// "Wir könnten selbst einen Ihrer Jugendlichen ins Praktikum
		// nehmen": the caller offers what the persona's own need lacks,
		// help beyond the product, not the product again; an offer to
		// present "unser neues Servicepaket" is the product.
		t.tags.Acts = withAct(slices.DeleteFunc(t.tags.Acts, func(a openline.Act) bool { return a == openline.ActPitch }), openline.ActOfferHelp)
	}
	t.others = t.tags.Asks && acts.AsksAboutOthers(head)
	t.leaves = t.tags.Asks && acts.OffersToLeave(p.sc.Language, head)
	for _, s := range t.tags.Sentences {
		if s.Asks && s.End <= len(head) {
			t.heads = append(t.heads, acts.QuestionHead(p.sc.Language, head[s.Start:s.End]))
		}
	}
	t.reproach = acts.Reproaches(head)
	t.fact = p.askedFact(t)
	if !t.tags.Has(openline.ActIntroduction) && acts.NamesSelf(head, acts.AskedWho(p.lastReply)) {
		t.tags.Acts = withAct(t.tags.Acts, openline.ActIntroduction)
	}
	if t.tags.Has(openline.ActIntroduction) {
		p.introduced = true
	}
	if p.otherLanguage(t) {
		// A turn in another language is not understood, so no rule or
		// keyword of it is heard either: "Sorry, do you speak English?"
		// in a German call asks for English, it does not answer the
		// gatekeeper's question (step 4 of the package documentation).
		return p.checkPatience(reply{text: p.own(lineForeign, v)})
	}
	cooled := p.warned || p.level > calm // the last turn pushed, or a warning stands
	p.dynamics(t)
	level := p.escalate(t)

	var r reply
	fromNode := p.node
	if level > 0 || !p.afterAgreement(t, &r) {
		if level == calm && cooled && barePrompt(t) {
			// "Hallo?" after a warning: the prospect is still there, not
			// friendly again; a greeting rule's welcome would forget the
			// push.
			r.text = p.own(lineStillThere, v)
		} else if ri, rule := p.matchRule(t, level > 0); rule != nil {
			p.fired[[2]int{p.node, ri}] = true
			r = p.applyRule(t, ri, rule, false)
		} else if t.tags.Goodbye() {
			// A goodbye gets a goodbye, also after a plan put past an
			// objection ("Dann schicke ich Ihnen die Einladung. Auf
			// Wiederhören!").
			r.text = p.own(lineFarewell, v)
		} else if p.proposesPastObjection(t) {
			r.text, r.kind, r.declined = p.own(lineProposalPastObjection, v), openline.ReplyDecline, true
		} else if level > 0 {
			r.text = p.pushedBack(t, &r)
		} else {
			r.text = p.engineAnswer(t, &r)
		}
	}
	p.alsoThen(t, &r)
	switch p.settle(level, r.ended) {
	case warned:
		if !r.ended {
			r.text, r.kind = p.own(lineWarning, p.voice()), openline.ReplyObject
		}
	case annoyed:
		if r.kind == "" && p.hint == openline.ReplyScript {
			r.kind = openline.ReplyObject // a rule's line for a push rebuffs it
		}
	}
	p.pitched = t.tags.Has(openline.ActPitch) && !t.tags.Asks
	if fromVoice := p.sc.Dialogue.States[fromNode].Voice; fromVoice == "gatekeeper" && p.sc.Gatekeeper != nil {
		r.speaker = p.sc.Gatekeeper.Name
	}
	if p.sc.Dialogue.States[fromNode].Voice == "gatekeeper" && p.voice() == voicePersona && !r.ended {
		r.transferTo = p.sc.Persona.Name
		opening := p.own(lineOpening, voicePersona)
		if len(p.sc.Persona.Opening) > 0 {
			opening = p.say("opening/0", p.sc.Persona.Opening)
		}
		if r.text == "" {
			r.text = opening
		} else {
			r.text += putThroughGlue + opening
		}
	}
	if t.asksQuestion() {
		p.asked[acts.QuestionKey(t.text)] = true
	}
	r = p.checkPatience(r)
	if !r.ended && t.tags.Goodbye() {
		r.ended = true
		if p.agreed == "" {
			p.outcome = openline.OutcomePoliteEnd
		}
	}
	if r.ended && t.tags.Goodbye() && p.outcome != openline.OutcomeHungUp && r.kind == "" {
		r.kind = openline.ReplyFarewell // a farewell rule's own line says goodbye too
	}
	return r
}

// otherLanguage reports whether t is said in another language than the
// call's, or asks to speak one.
func (p *prospect) otherLanguage(t turn) bool {
	return acts.Foreign(p.sc.Language, t.text) || acts.AsksForLanguage(p.sc.Language, t.text) || acts.ThirdLanguage(p.sc.Language, t.text)
}

// barePrompt reports whether t says nothing but hello or asks whether the
// other person is still there ("Hallo?", "Hello, are you there?"): a
// greeting and at most a question, in a few words, about no fact.
func barePrompt(t turn) bool {
	if t.words > barePromptWords || t.fact >= 0 || !t.tags.Has(openline.ActGreeting) {
		return false
	}
	return !slices.ContainsFunc(t.tags.Acts, func(a openline.Act) bool {
		return a != openline.ActGreeting && a != openline.ActClosedQuestion && a != openline.ActOpenQuestion
	})
}

// barePromptWords is the most words a bare "are you still there?" takes.
const barePromptWords = 5

// raiseObjection raises the first objection t triggers that was not raised
// yet (step 7c) and returns its line.
func (p *prospect) raiseObjection(t turn, r *reply) (string, bool) {
	for i := range p.sc.Objections {
		o := &p.sc.Objections[i]
		if slices.Contains(p.raised, o.ID) || !p.triggers(o.When, t) || len(o.Say) == 0 {
			continue
		}
		p.raise(o.ID, r)
		return p.say("objection/"+o.ID, o.Say), true
	}
	return "", false
}

// pushedBack is the prospect's answer to a pushing turn no rule took: an
// insult is called out, an unanswered objection may be raised, and any
// other push is rebuffed. A push never earns a need, a fact or a next step.
func (p *prospect) pushedBack(t turn, r *reply) string {
	v := p.voice()
	if t.push.Insult {
		return p.own(lineInsult, v)
	}
	if line, ok := p.raiseObjection(t, r); ok {
		return line
	}
	if p.rejected && t.tags.Has(openline.ActPitch) {
		return p.own(lineRepitch, v)
	}
	return p.own(linePressure, v)
}

// withAct returns the trainee acts set plus a, in canonical order.
func withAct(set []openline.Act, a openline.Act) []openline.Act {
	out := make([]openline.Act, 0, len(set)+1)
	for _, c := range append(slices.Clone(openline.TraineeActs), openline.ProspectActs...) {
		if c == a || slices.Contains(set, c) {
			out = append(out, c)
		}
	}
	return out
}

// matchRule returns the first rule of the current state that matches t. A
// goodbye turn only matches rules whose when names farewell.
func (p *prospect) matchRule(t turn, pushing bool) (int, *openline.Rule) {
	st := &p.sc.Dialogue.States[p.node]
	bye := t.tags.Goodbye() || t.leaves
	for i := range st.Rules {
		r := &st.Rules[i]
		if !p.triggers(r.When, t) || (bye && !slices.Contains(r.When.Acts, openline.ActFarewell)) {
			continue
		}
		// A push, small talk or a question about something else earns
		// no reveal and no next step; a question about a fact gets the
		// fact, not a line a rule keeps for other turns.
		if (r.Reveal != "" || r.NextStep != "") && (pushing || t.tags.SmallTalk || t.fact >= 0 || t.others || t.rambles() || t.reproach) {
			continue
		}
		if t.proposal != "" && t.proposal != acts.StepReferral && len(r.When.Acts) > 0 && !slices.Contains(r.When.Acts, openline.ActProposal) && !slices.Contains(r.When.Acts, openline.ActOfferHelp) && !slices.Contains(r.When.Acts, openline.ActPressure) && !slices.Contains(r.When.Acts, openline.ActPitch) {
			continue // "Darf ich mich im Herbst noch mal melden?" proposes: a rule for a question or a permission does not answer it
		}
		if r.NextStep != "" && t.proposal != "" && r.NextStep != t.proposal {
			continue // "Could I send you a note?" agrees no meeting
		}
		if r.NextStep != "" && p.proposesPastObjection(t) {
			continue // a proposal past an open objection agrees nothing; a rule's own no may answer it
		}
		if r.Reveal != "" && !acts.Earns(p.sc.Language, &t.tags, t.text, p.sc.Need(r.Reveal), acts.Occasion{Prev: p.hinting(), Rule: &r.When}) {
			continue // "Which CRM do you use?" earns an answer, not a need
		}
		if (pushing || t.reproach) && !slices.ContainsFunc(r.When.Acts, func(a openline.Act) bool {
			return a == openline.ActPressure || a == openline.ActPitch
		}) {
			continue // a rule for other turns does not answer a push
		}
		if len(r.When.Keywords) > 0 && (len(r.Say) > 0 || r.Reveal != "") && !p.asksAboutKeyword(t, r) {
			continue // "Which van models do your reps drive?" asks about vans, not the reps a rule waits for
		}
		keyed := len(r.When.Keywords) > 0 || len(r.When.Asks) > 0
		if (t.fact >= 0 || t.others) && len(r.When.Asks) == 0 && (len(r.Say) > 0 || r.Raise != "") {
			continue // a question about a fact gets the fact, unless a rule asks for it; one about others gets "no idea"
		}
		if t.tags.SmallTalk && !keyed && (len(r.Say) > 0 || r.Raise != "") && !slices.Contains(r.When.Acts, openline.ActGreeting) {
			continue
		}
		minInterest := r.MinInterest
		if r.NextStep != "" && minInterest == 0 {
			minInterest = p.rates.nextStep
		}
		if p.interest < minInterest {
			continue
		}
		if r.Once && p.fired[[2]int{p.node, i}] {
			continue
		}
		if r.Reveal != "" && slices.Contains(p.revealed, r.Reveal) {
			continue
		}
		if r.Raise != "" && slices.Contains(p.raised, r.Raise) {
			continue
		}
		return i, r
	}
	return -1, nil
}

// asksAboutKeyword reports whether a question that names a thing it asks
// about (t.heads) asks about one of the rule's keywords or the topic of
// the need it reveals; a turn that asks about nothing named, or is no
// question, does.
func (p *prospect) asksAboutKeyword(t turn, r *openline.Rule) bool {
	var n *openline.Need
	if r.Reveal != "" {
		n = p.sc.Need(r.Reveal)
	}
	for _, head := range t.heads {
		if head == "" || acts.MentionsAny(head, r.When.Keywords) || n != nil && (acts.MentionsAny(head, n.Topics) || acts.MentionsAny(head, n.Detect)) {
			return true
		}
	}
	return len(t.heads) == 0
}

// triggers reports whether tr matches t (openline.Trigger semantics).
func (p *prospect) triggers(tr openline.Trigger, t turn) bool {
	if len(tr.Acts) > 0 && !slices.ContainsFunc(tr.Acts, t.tags.Has) {
		return false
	}
	if slices.ContainsFunc(tr.Unless, t.tags.Has) {
		return false
	}
	if len(tr.Asks) > 0 && !slices.Contains(tr.Asks, p.factKey(p.voice(), t.fact)) {
		return false
	}
	if len(tr.Keywords) == 0 {
		return true
	}
	if t.tags.SmallTalk && !acts.MentionsAny(t.topical, tr.Keywords) {
		// Only a keyword of small talk itself ("wetter") is heard in it.
		return slices.ContainsFunc(tr.Keywords, func(k string) bool {
			return acts.MentionsSmallTalk(k) && acts.MentionsAny(t.text, []string{k})
		})
	}
	return acts.MentionsAny(t.text, tr.Keywords)
}

// topical is text without the sentences that are small talk.
func topical(sentences []acts.Sentence, text string) string {
	var b strings.Builder
	for _, s := range sentences {
		if s.End > len(text) {
			continue
		}
		if part := text[s.Start:s.End]; !acts.MentionsSmallTalk(part) && !acts.AsksHowAreYou(part) {
			b.WriteString(part)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// applyRule carries out a matched rule (see "Rules" in the package
// documentation).
func (p *prospect) applyRule(t turn, ri int, rule *openline.Rule, movedOn bool) reply {
	key := fmt.Sprintf("rule/%d/%d", p.node, ri)
	putThrough := p.voice() == voiceGatekeeper
	p.patience += rule.Patience
	p.interest += rule.Interest
	p.clampState()
	if rule.Goto != "" {
		p.node = stateIndex(p.sc, rule.Goto)
	}
	var r reply
	var own []string
	if rule.Reveal != "" {
		n := p.sc.Need(rule.Reveal)
		p.reveal(n.ID, t, &r)
		if len(rule.Say) == 0 {
			own = append(own, p.sayReveal(n))
		}
	}
	if rule.Raise != "" {
		o := &p.sc.Objections[objectionIndex(p.sc, rule.Raise)]
		p.raise(o.ID, &r)
		if len(rule.Say) == 0 {
			own = append(own, p.say("objection/"+o.ID, o.Say))
		}
	}
	switch {
	case len(rule.Say) > 0 && rule.NextStep != "":
		p.agree(rule.NextStep, &r)
		r.text = p.say(key, rule.Say)
	case len(rule.Say) > 0:
		r.text = p.say(key, rule.Say)
		if rule.Reveal != "" {
			p.spoken[rule.Reveal] = append(p.spoken[rule.Reveal], sentences(r.text)...)
		}
		if rule.Reveal == "" && rule.Raise == "" && !rule.Hangup {
			p.ruleMeetsProposal(t, &r)
		}
		if r.kind == "" && rebuffs(rule, t) {
			// A rule written for a push, and heard on one, rebuffs it:
			// "Jetzt fangen Sie nicht auch noch an!" to a pitch.
			r.kind = openline.ReplyObject
		}
	case len(own) > 0:
		r.text = strings.Join(own, " ")
	case rule.Answer != "":
		r.text = p.answerFact(slices.IndexFunc(p.speaker(p.voice()).Facts, func(f openline.Fact) bool { return f.Key == rule.Answer }), &r)
	case rule.NextStep != "":
		p.interest = max(p.interest, p.threshold(rule.NextStep))
		r.text = p.proposalReply(t, rule.NextStep, &r)
	case putThrough && p.voice() == voicePersona:
		// The persona's opening alone: answer appends it.
	case rule.Goto != "" && !rule.Hangup && !movedOn:
		// A rule that only moves the call on ("beruhigt" → "gespraech"
		// on a question) hands the turn to the new state's rules: a
		// question about orders gets the line its author wrote for
		// orders there, not the engine's first guess.
		if ni, next := p.matchRule(t, p.pushing(t)); next != nil {
			p.fired[[2]int{p.node, ni}] = true
			return p.applyRule(t, ni, next, true)
		}
		r.text = p.engineAnswer(t, &r)
	default:
		r.text = p.engineAnswer(t, &r)
	}
	if rule.Hangup && !r.ended {
		r.ended = true
		p.outcome = openline.OutcomeHungUp
		if t.tags.Has(openline.ActFarewell) {
			p.outcome = openline.OutcomePoliteEnd
		}
	}
	return r
}

// engineAnswer is step 7: the engine's own answer when no rule gives the
// words. It may reveal a need, raise or answer an objection, or agree a
// next step, recording them in r.
func (p *prospect) engineAnswer(t turn, r *reply) string {
	v := p.voice()
	has := t.tags.Has
	if t.tags.Goodbye() {
		// A farewell always gets a goodbye, also through a farewell rule
		// that leaves the words to the engine: not an open objection's
		// answered line, a reveal or a next step.
		return p.own(lineFarewell, v)
	}
	if t.leaves && p.agreed == "" {
		// "Shall I take you off the list and leave you in peace?" is a
		// goodbye put as a question: the prospect takes it.
		r.ended = true
		p.outcome = openline.OutcomePoliteEnd
		return p.own(lineFarewell, v)
	}
	// (a') a fact asked about, and small talk: what was asked is answered,
	// not an objection left open.
	if t.fact >= 0 {
		return p.answerFact(t.fact, r)
	}
	if t.tags.SmallTalk && t.tags.Asks && !p.wouldAskWho() && t.proposal == "" && !t.others {
		if acts.AsksHowAreYou(t.text) {
			return p.own(lineSmallTalk, v)
		}
		return p.own(lineSmallTalkTopic, v)
	}
	// A proposal in natural words is heard first ("Would it help if I
	// came by with our engineer?", "Darf ich mich im Herbst noch mal
	// melden?"): it asks for a yes or a no, not for their story, and
	// answers no objection. Asking whom they know ("Do you know anyone
	// with vans?") asks them to think, and may earn a need (below).
	if t.proposal != "" && t.proposal != acts.StepReferral {
		if kind := p.proposalKind(t); kind != "" {
			return p.proposalReply(t, kind, r)
		}
	}
	// A reproach or impatience is answered as such, before what a question
	// beside it asks ("A wrong date isn't the end of the world, is it? You
	// could have just emailed."): the question is rhetorical.
	if t.reproach {
		if acts.Impatient(t.text) {
			return p.own(linePressure, v) // "ich hab nicht den ganzen Tag Zeit" pushes
		}
		return p.own(lineDisagree, v)
	}
	// (a) an open objection answered, the latest first; a question for a
	// detail or an opinion asks something else.
	for i := len(p.raised) - 1; i >= 0 && !(t.tags.Asks && acts.AsksForDetail(p.sc.Language, t.text)); i-- {
		id := p.raised[i]
		if slices.Contains(p.answered, id) {
			continue
		}
		o := &p.sc.Objections[objectionIndex(p.sc, id)]
		answers := has
		if slices.Contains(p.behind, id) && p.followedUp(t) != nil {
			continue // "Was haben Sie bisher versucht, um Azubis zu finden?" follows up on the need told since, not on the old no
		}
		if slices.Contains(p.behind, id) {
			// "Verstehe" now acknowledges the need, not the old no.
			answers = func(a openline.Act) bool {
				return a != openline.ActAcknowledgement && a != openline.ActReflection && has(a)
			}
		}
		if slices.ContainsFunc(o.AnsweredBy, answers) {
			p.answered = append(p.answered, id)
			p.interest++
			p.patience++
			p.clampState()
			// A turn that accepts the no (acknowledgement, reflection)
			// and asks a question earning a need gets the need: the
			// reveal answers it better than the objection's answered
			// line, which would leave the question hanging.
			if n := p.earnedNeed(t); n != nil && (has(openline.ActAcknowledgement) || has(openline.ActReflection)) {
				p.reveal(n.ID, t, r)
				return p.sayReveal(n)
			}
			if t.tags.Asks && !acts.AsksWhyNot(p.sc.Language, t.text) && !has(openline.ActAcknowledgement) && !has(openline.ActReflection) {
				// "Wer entscheidet bei Ihnen über solche Sachen?" asks
				// something: it answers the no by asking, and gets a
				// reply about what it asks, not thanks for asking (after
				// a no the tagger reads most questions as feedback
				// requests; only one about the no asks for the reason).
				break
			}
			if len(o.Answered) > 0 {
				return p.say("answered/"+id, o.Answered)
			}
			return p.own(lineAcknowledgement, v)
		}
	}
	// (b) a hidden need earned; a question that picks up the need just
	// told ("How do you handle that?") follows it up instead, even when
	// its words would earn another. One asking after them personally
	// ("How are you coping with it all yourself?") may earn their own.
	if n := p.followedUp(t); n != nil && n.ID == p.topicNeed && t.tags.Asks && !has(openline.ActPersonalInterest) && (pointsBack(t.text) || asksOnAbout(p.sc.Language, t.text)) {
		return p.continuation(n, t)
	}
	if n := p.earnedNeed(t); n != nil {
		p.reveal(n.ID, t, r)
		return p.sayReveal(n)
	}
	// (c) an objection raised, or a referral asked for.
	if t.proposal == acts.StepReferral {
		if kind := p.proposalKind(t); kind != "" {
			return p.proposalReply(t, kind, r)
		}
	}
	if line, ok := p.raiseObjection(t, r); ok {
		return line
	}
	// (d) a proposal; a turn asking for feedback asks why not, it proposes
	// nothing.
	if kind := p.proposalKind(t); kind != "" {
		return p.proposalReply(t, kind, r)
	}
	// (e) the engine's person-like reply.
	switch {
	case t.words > longMonologueWords:
		return p.own(lineMonologue, v)
	case v == voiceGatekeeper && acts.AsksToPassOn(p.sc.Language, t.text):
		return p.own(lineTakeMessage, v) // "Könnten Sie ihm ausrichten, dass ich angerufen habe?"
	case p.asksWho():
		return p.own(lineWhoIs, v)
	}
	if t.asksQuestion() && p.asked[acts.QuestionKey(t.text)] {
		return p.own(lineAskedAgain, v)
	}
	if n := p.followedUp(t); n != nil {
		return p.continuation(n, t)
	}
	switch {
	case acts.AsksHowAreYou(t.text):
		return p.own(lineSmallTalk, v)
	case acts.MentionsSmallTalk(t.text) && !t.others:
		// "Wissen Sie, wie die großen Ketten ihre Wochenenden besetzen?"
		// asks what others do, it chats about no weekend.
		return p.own(lineSmallTalkTopic, v)
	case has(openline.ActPressure):
		return p.own(linePressure, v)
	case has(openline.ActPitch) && p.rejected:
		return p.own(lineRepitch, v)
	case has(openline.ActPitch):
		return p.own(linePitch, v)
	case has(openline.ActFeedbackRequest) && (!t.tags.Asks || acts.AsksWhyNot(p.sc.Language, t.text)):
		// After a no the tagger reads most questions as feedback
		// requests; "Welche Software nutzen Sie?" is asked as any other.
		return p.own(lineFeedback, v)
	case has(openline.ActPermission):
		return p.own(linePermission, v)
	case has(openline.ActPersonalInterest) && !t.tags.Asks:
		// A question, also one showing interest in the person ("Seit
		// wann sind Sie selbst dabei?", "Wie sind Sie zur Pflege
		// gekommen?"), gets an answer about it below, not "Nett, dass
		// Sie fragen".
		return p.own(linePersonal, v)
	case has(openline.ActOfferHelp):
		return p.own(lineOfferHelp, v)
	case t.tags.Asks:
		// A question nobody foresaw: an honest "no idea", or, from
		// someone who does not know the caller yet, "why do you ask?"
		// when it probes (money, what moves them) or offers: "Which
		// office chairs have you got?" asks a plain thing.
		// A question for their own view of their own field (a need's
		// story touches it) gets a short honest view instead: the reveal,
		// if earned, came above.
		// So does one asking how they handle a matter of their field or
		// what would help ("How do you keep hold of good people when
		// the big firms come knocking?"): a person with that need has a
		// view, even of the big firms' part in it.
		if v == voicePersona && (acts.AsksExperience(p.sc.Language, t.text) || acts.AsksFollowUp(p.sc.Language, t.text) != acts.AsksMore) && p.touchesOwnField(t) {
			return p.own(lineView, v)
		}
		if t.others {
			return p.own(lineDontKnow, v) // what a competitor uses, which of the caller's people rang: they cannot know
		}
		if has(openline.ActPersonalInterest) && acts.AsksListener(t.text) {
			// A question about the listener themselves ("Wie lange
			// arbeiten Sie denn schon für Herrn Hartmann?", "What do you
			// like about your job?") that no fact answers: a person
			// knows their own life and says no "no idea" to it, but
			// asks what the caller wants with it, in character; asked
			// so twice in a row, a short personal answer.
			if p.lastKind != openline.ReplyAskBack {
				return p.own(lineAskBack, v)
			}
			return p.own(linePersonal, v)
		}
		if p.interest < p.rates.nextStep && p.lastKind != openline.ReplyAskBack && v == voicePersona && (acts.Probes(t.text) || acts.Offers(p.sc.Language, t.text)) {
			return p.own(lineAskBack, v)
		}
		return p.own(lineDontKnow, v)
	case has(openline.ActAcknowledgement) || has(openline.ActReflection):
		return p.own(lineAcknowledgement, v)
	case has(openline.ActGreeting) || has(openline.ActIntroduction):
		return p.own(lineGreeting, v)
	}
	return p.own(lineOffTopic, v)
}

// rebuffs reports whether rule answers only pushes (its when names acts,
// all of them pitch or pressure) and turn t carries one.
func rebuffs(rule *openline.Rule, t turn) bool {
	if len(rule.When.Acts) == 0 {
		return false
	}
	for _, a := range rule.When.Acts {
		if a != openline.ActPitch && a != openline.ActPressure {
			return false
		}
	}
	return slices.ContainsFunc(rule.When.Acts, t.tags.Has)
}

// ruleMeetsProposal records what a rule's line does with a proposal it
// answers without naming a next step ("Shall I send you the corrected
// email?" – "Lovely, thank you!"): a line that says no or objects
// declines it, any other agrees to the kind proposed.
func (p *prospect) ruleMeetsProposal(t turn, r *reply) {
	if !t.tags.Has(openline.ActProposal) || p.pushing(t) || p.agreed != "" {
		return
	}
	kind := p.proposalKind(t)
	if kind == "" {
		return
	}
	if tags := p.tag.prospect(p.sc.Language, r.text); tags.Has(openline.ActRejection) || tags.Has(openline.ActObjection) {
		r.declined, r.kind = true, openline.ReplyDecline
		return
	}
	p.agree(kind, r)
}

// proposesPastObjection reports whether t proposes a next step straight
// after the prospect raised an objection, without answering it (none of
// its answered_by acts, no acknowledgement): a trainer would have the
// prospect sceptical, not agreeing, and not rebuffing pressure.
func (p *prospect) proposesPastObjection(t turn) bool {
	if t.proposal == "" || p.lastKind != openline.ReplyObject || len(p.raised) == 0 || t.tags.Has(openline.ActAcknowledgement) || t.tags.Has(openline.ActReflection) {
		return false
	}
	id := p.raised[len(p.raised)-1]
	if slices.Contains(p.answered, id) {
		return false
	}
	return !slices.ContainsFunc(p.sc.Objections[objectionIndex(p.sc, id)].AnsweredBy, t.tags.Has)
}

// touchesOwnField reports whether t touches the persona's own field: one
// of their needs, told or not (acts.Touches).
func (p *prospect) touchesOwnField(t turn) bool {
	for i := range p.sc.Needs {
		if acts.Touches(t.text, &p.sc.Needs[i]) {
			return true
		}
	}
	return false
}

// asksWho reports whether the prospect asks who is calling (step 7e): in an
// outbound call whose caller has not introduced themselves, at most twice,
// and only while the call is at its beginning: still in the start state,
// with no objection raised and no need revealed. Once the prospect has
// moved on, asking for a name would be a non-sequitur.
func (p *prospect) asksWho() bool {
	if !p.wouldAskWho() {
		return false
	}
	p.whoAsked++
	return true
}

// wouldAskWho is asksWho without counting the question.
func (p *prospect) wouldAskWho() bool {
	return p.sc.Direction != openline.Inbound && !p.introduced && p.whoAsked < 2 && len(p.raised) == 0 && len(p.revealed) == 0 &&
		p.node == stateIndex(p.sc, p.sc.Dialogue.Start)
}

// hinting is the last reply as acts.Occasion.Prev: "" when it was about a
// need (told or continued): a follow-up then asks about that need, and
// tells no other one its words touch.
func (p *prospect) hinting() string {
	if p.topicNeed != "" {
		return ""
	}
	return p.lastReply
}

// earnedNeed returns the first need, in file order, that turn t earns in
// the current state (step 7b), or nil. Whether the turn earns a need is
// the reading's judgement (acts.Earns); the engine adds its state: only
// the persona tells, after no push, with enough trust and the need's
// min_interest, and each need once.
func (p *prospect) earnedNeed(t turn) *openline.Need {
	if p.voice() != voicePersona || p.pushing(t) || t.others || t.rambles() || t.reproach || p.interest < p.rates.trust {
		return nil
	}
	asked := p.askedNeeds(t)
	for i := range p.sc.Needs {
		n := &p.sc.Needs[i]
		if slices.Contains(p.revealed, n.ID) || p.interest < n.MinInterest {
			continue
		}
		if len(asked) > 0 && !asked[i] {
			continue // "Wer nimmt bei Ihnen die Bestellungen an?" asks about orders, not the shop manager "Ihnen" touches
		}
		if acts.Earns(p.sc.Language, &t.tags, t.text, n, acts.Occasion{Prev: p.hinting()}) {
			return n
		}
	}
	return nil
}

// askedNeeds marks the needs turn t asks about when it names some more
// firmly than others: by one of their topics and a word of their own story
// (fact, reveal lines) both, among the needs not told yet. A need that the turn touches one
// way only ("bei Ihnen" names a topic of the shop manager's need; nothing
// else does) is then not what was asked: "Wer nimmt bei Ihnen die
// Bestellungen an?" names the orders both ways. Nil when no need is named
// both ways.
func (p *prospect) askedNeeds(t turn) []bool {
	var asked []bool
	for i := range p.sc.Needs {
		n := &p.sc.Needs[i]
		if slices.Contains(p.revealed, n.ID) {
			continue // a told need asked about again is followed up (continuation)
		}
		story := *n
		story.Topics = nil
		if acts.NamesTopic(t.text, n) && acts.Touches(t.text, &story) {
			if asked == nil {
				asked = make([]bool, len(p.sc.Needs))
			}
			asked[i] = true
		}
	}
	return asked
}

// reveal marks need id revealed by the reply to turn t. It settles the
// open objections whose answered_by the turn carries (a feedback request
// answered with a need is an objection answered: +1 interest, +1
// patience); the other open objections are left behind the need (see
// behind).
func (p *prospect) reveal(id string, t turn, r *reply) {
	p.revealed = append(p.revealed, id)
	r.reveals = append(r.reveals, id)
	p.interest += p.rates.reveal
	for _, oid := range p.raised {
		if slices.Contains(p.answered, oid) {
			continue
		}
		if slices.ContainsFunc(p.sc.Objections[objectionIndex(p.sc, oid)].AnsweredBy, t.tags.Has) {
			p.answered = append(p.answered, oid)
			p.interest++
			p.patience++
		} else if !slices.Contains(p.behind, oid) {
			p.behind = append(p.behind, oid)
		}
	}
	p.nextTopic = id
	p.clampState()
}

// sayReveal speaks one of need n's reveal lines and remembers its
// sentences, so that a continuation does not repeat them.
func (p *prospect) sayReveal(n *openline.Need) string {
	s := p.say("need/"+n.ID, n.Reveal)
	p.spoken[n.ID] = append(p.spoken[n.ID], sentences(s)...)
	return s
}

func (p *prospect) raise(id string, r *reply) {
	p.raised = append(p.raised, id)
	r.raised = true
}

// checkPatience is step 8: at no patience left the prospect hangs up.
func (p *prospect) checkPatience(r reply) reply {
	if !p.exhausted() {
		return r
	}
	p.hangUp()
	return reply{text: p.own(lineHangup, p.voice()), reveals: r.reveals, raised: r.raised, ended: true, speaker: r.speaker}
}

// finish records the reply as the prospect's last words, streams it and
// returns it with its acts.
func (p *prospect) finish(r reply, stream persona.Stream) persona.Reply {
	if r.text == "" { // a scenario line may be empty after all; never say nothing
		r.text = p.own(lineOffTopic, p.voice())
	}
	if p.said[r.text] {
		r.text = p.unrepeated(r.text)
	}
	if r.speaker == "" {
		r.speaker = p.speaker(p.voice()).Name
	}
	p.said[r.text] = true
	if r.ended {
		p.over = true
	}
	tags := p.tag.prospect(p.sc.Language, r.text)
	kind := r.kind
	switch {
	case r.ended && p.outcome == openline.OutcomeHungUp:
		kind = openline.ReplyHangUp
	case len(r.reveals) > 0:
		kind = openline.ReplyReveal
	case r.agreed:
		kind = openline.ReplyAgree
	case r.raised:
		kind = openline.ReplyObject
	case r.declined:
		kind = openline.ReplyDecline
	case kind == "":
		kind = p.hint
	}
	p.lastKind, p.lastFact = kind, r.fact
	if kind != openline.ReplyAnswer && kind != openline.ReplyDeflect {
		p.lastFact = ""
	}
	own := !p.scripted
	p.scripted = false
	var set []openline.Act
	for _, a := range tags.Acts {
		// The engine knows whether it hangs up, and its own lines reveal
		// and object nothing.
		if a != openline.ActHangup && !(own && (a == openline.ActReveal || a == openline.ActObjection)) {
			set = append(set, a)
		}
	}
	if len(r.reveals) > 0 {
		set = append(set, openline.ActReveal)
	}
	if r.raised {
		set = append(set, openline.ActObjection, openline.ActRejection)
	}
	if r.declined {
		set = append(set, openline.ActRejection)
	}
	if r.agreed {
		set = append(set, openline.ActInterest)
	}
	if r.ended && p.outcome == openline.OutcomeHungUp {
		set = append(set, openline.ActHangup)
	}
	out := make([]openline.Act, 0, len(set))
	for _, a := range openline.ProspectActs {
		if slices.Contains(set, a) {
			out = append(out, a)
		}
	}
	if acts.NoStands(out, len(r.reveals) > 0) {
		p.rejected = true
	}
	p.interested = slices.Contains(out, openline.ActInterest)
	if r.agreed {
		p.agreedText = r.text
	}
	p.lastReply = r.text
	p.lastCue = slices.Contains(out, openline.ActReveal) || slices.Contains(out, openline.ActObjection)
	p.topicNeed, p.nextTopic = p.nextTopic, ""
	streamChunks(r.text, stream)
	return persona.Reply{Text: r.text, Acts: out, Reveals: r.reveals, Hangup: r.ended, Speaker: r.speaker, TransferTo: r.transferTo}
}

// unrepeated returns text changed so that it is no reply said before in
// the call: the prospect would not say the same sentence twice, so a line
// whose variants are used up comes with a lead-in.
func (p *prospect) unrepeated(text string) string {
	for _, lead := range repeatLeads[p.sc.Language] {
		if s := lead + lowerFirst(text); !p.said[s] {
			return s
		}
	}
	return text
}

// lowerFirst lower-cases the first letter of s unless it starts a name
// or "I" (a capital after the first letter, as in "B.", is kept).
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || s[n:] == "" || strings.HasPrefix(s, "I ") || strings.HasPrefix(s, "I'") {
		return s
	}
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) || next == '.' {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// repeatLeads are the lead-ins of a line said again.
var repeatLeads = map[openline.Language][]string{
	openline.German:  {"Wie gesagt: ", "Noch mal: ", "Also, ", "Ich sag's noch einmal: ", "Tja, "},
	openline.English: {"As I said: ", "Again: ", "Well, ", "I'll say it again: ", "Look, "},
}

// voice is the voice of the current state.
func (p *prospect) voice() int {
	if p.sc.Dialogue.States[p.node].Voice == "gatekeeper" && p.sc.Gatekeeper != nil {
		return voiceGatekeeper
	}
	return voicePersona
}

func (p *prospect) speaker(v int) *openline.Persona {
	if v == voiceGatekeeper {
		return p.sc.Gatekeeper
	}
	return &p.sc.Persona
}

// own picks one of the engine's own lines for voice v, falling back to the
// persona's list when the gatekeeper has none, and fills in the names.
func (p *prospect) own(l line, v int) string {
	sets := ownLines[p.sc.Language]
	list, lv := sets[v][l], v
	if len(list) == 0 {
		list, lv = sets[voicePersona][l], voicePersona
	}
	p.hint = lineKinds[l]
	s := p.pick(fmt.Sprintf("own/%d/%d", lv, l), list)
	if !strings.Contains(s, "{") {
		return s
	}
	who := p.speaker(v)
	name, company, role := who.Name, who.Company, who.Role
	if company == "" {
		company = p.sc.Persona.Company
	}
	if i := strings.Index(company, " ("); i > 0 {
		company = company[:i] // "Wegener Metallbau GmbH (38 Mitarbeiter)" says the name first
	}
	if role == "" {
		role = map[openline.Language]string{openline.German: "zuständig", openline.English: "in charge"}[p.sc.Language]
	}
	boss := p.sc.Persona.Name
	return strings.NewReplacer("{name}", name, "{company}", company, "{boss-obj}", objectForm(boss), "{boss}", boss, "{role}", role).Replace(s)
}

// objectForm is a name as the object of a German sentence: "Herr
// Hartmann" becomes "Herrn Hartmann" ("mit Herrn Hartmann"); other names
// stay as they are.
func objectForm(name string) string {
	if rest, ok := strings.CutPrefix(name, "Herr "); ok {
		return "Herrn " + rest
	}
	return name
}

// say picks a line written in the scenario (see pick); a reply with one
// is tagged by the tagger, not only by what the engine knows.
func (p *prospect) say(key string, variants []string) string {
	p.scripted = true
	p.hint = openline.ReplyScript
	for prefix, k := range sayKinds {
		if strings.HasPrefix(key, prefix) {
			p.hint = k
		}
	}
	return p.pick(key, variants)
}

// pick chooses a variant of the list named key: uniformly among those not
// used since the list was last exhausted, avoiding the previous reply and,
// right after exhaustion, the list's last line.
func (p *prospect) pick(key string, variants []string) string {
	switch len(variants) {
	case 0:
		return ""
	case 1:
		return variants[0]
	}
	m := p.memory[key]
	if m == nil || len(m.used) != len(variants) {
		m = &variantMemory{used: make([]bool, len(variants)), last: -1}
		p.memory[key] = m
	}
	var cand [16]int
	candidates := func(skipUsed bool) []int {
		c := cand[:0]
		for i, s := range variants {
			if (skipUsed && m.used[i]) || i == m.last || s == p.lastReply {
				continue
			}
			c = append(c, i)
		}
		return c
	}
	c := candidates(true)
	if len(c) == 0 {
		clear(m.used)
		c = candidates(false)
	}
	if len(c) == 0 { // every line is the previous reply: nothing else to say
		c = append(cand[:0], p.rng.IntN(len(variants)))
	}
	i := c[p.rng.IntN(len(c))]
	m.used[i], m.last = true, i
	return variants[i]
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// stripMarkup removes <tags> and ``` fences, so that pasted HTML or
// Markdown is read as the words in it.
func stripMarkup(s string) string {
	if !strings.ContainsAny(s, "<`") {
		return s
	}
	s = strings.ReplaceAll(s, "```", " ")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] == '<' && i+1 < len(s) && (isASCIILetter(s[i+1]) || s[i+1] == '/' || s[i+1] == '!') {
			if j := strings.IndexByte(s[i:min(len(s), i+200)], '>'); j > 0 {
				b.WriteByte(' ')
				i += j + 1
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// truncate cuts s to at most n bytes at a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// streamChunks gives text to stream in pieces of chunkWords words; the
// pieces concatenated are text.
func streamChunks(text string, stream persona.Stream) {
	if stream == nil {
		return
	}
	start, words, inWord := 0, 0, false
	for i, r := range text {
		space := unicode.IsSpace(r)
		if !space && !inWord {
			if words == chunkWords {
				stream(text[start:i])
				start, words = i, 0
			}
			words++
		}
		inWord = !space
	}
	if start < len(text) {
		stream(text[start:])
	}
}

// ReplyKind says what kind of reply the prospect gave last, and the key of
// the fact it answered or deflected (for the realism corpus).
func (p *prospect) ReplyKind() (openline.ReplyKind, string) { return p.lastKind, p.lastFact }
