package openline

// Difficulty sets the prospect's starting patience and interest and how fast
// they move.
type Difficulty string

const (
	Easy   Difficulty = "easy"
	Medium Difficulty = "medium"
	Hard   Difficulty = "hard"
)

// Direction says who places the call.
type Direction string

const (
	// Outbound: the trainee calls the prospect, who picks up.
	Outbound Direction = "outbound"
	// Inbound: the prospect calls the trainee and speaks first as the caller.
	Inbound Direction = "inbound"
)

// Engine names a persona engine.
type EngineName string

const (
	EngineScripted EngineName = "scripted"
	EngineLLM      EngineName = "llm"
)

// Scenario is one practice situation written by a trainer: who the prospect
// is, what they hide, how they object, how the scripted engine plays them and
// how the scenario tests itself. It is loaded from a YAML file by package
// scenario, which also validates it.
type Scenario struct {
	ID         string     `json:"id"`
	Language   Language   `json:"language"`
	Title      string     `json:"title"`
	Difficulty Difficulty `json:"difficulty"`
	Direction  Direction  `json:"direction"`
	Brief      string     `json:"brief"` // what the trainee reads before the call
	Persona    Persona    `json:"persona"`
	// Gatekeeper, when set, answers the call first and decides whether to
	// put the trainee through; the dialogue states with Voice "gatekeeper"
	// are played by them.
	Gatekeeper *Persona    `json:"gatekeeper,omitempty"`
	Needs      []Need      `json:"needs"`
	Objections []Objection `json:"objections"`
	// Proposals say how the prospect meets a proposed next step of each
	// kind: agreeing with a detail (a day, a time, what to send), or
	// declining. A kind not listed gets the engine's own lines.
	Proposals []Proposal     `json:"proposals,omitempty"`
	Dialogue  Dialogue       `json:"dialogue"`
	LLMNotes  string         `json:"llm_notes,omitempty"` // steers the LLM engine
	Scoring   Weights        `json:"scoring"`
	Tests     []ScenarioTest `json:"tests"`
	// Realism holds unforeseen but sensible trainee lines and the kinds of
	// reply a person in the prospect's role would give to each.
	Realism *Realism `json:"realism,omitempty"`

	// Source is the file the scenario was loaded from and Text its bytes;
	// Version is a hash of Text, so a stored call names exactly the scenario
	// it ran.
	Source  string `json:"-"`
	Text    []byte `json:"-"`
	Version string `json:"version"`
}

// Need returns the hidden need with the given id, or nil.
func (s *Scenario) Need(id string) *Need {
	for i := range s.Needs {
		if s.Needs[i].ID == id {
			return &s.Needs[i]
		}
	}
	return nil
}

// State returns the dialogue state with the given name, or nil.
func (s *Scenario) State(name string) *State {
	for i := range s.Dialogue.States {
		if s.Dialogue.States[i].Name == name {
			return &s.Dialogue.States[i]
		}
	}
	return nil
}

// Persona is the person the trainee talks to.
type Persona struct {
	Name    string   `json:"name"`
	Role    string   `json:"role"`
	Company string   `json:"company"`
	Traits  []string `json:"traits"`
	// Opening holds the variants of how they pick up the phone (outbound)
	// or open the call (inbound).
	Opening []string `json:"opening"`
	// Patience is the starting patience, 1–10; 0 takes the difficulty's
	// default. At zero patience the prospect hangs up.
	Patience int `json:"patience"`
	// Interest is the starting interest, 0–10; 0 takes the difficulty's
	// default.
	Interest int `json:"interest"`
	// Facts are what this person knows and may be asked about: who they
	// are, the company, what it makes, people they mention, figures.
	Facts []Fact `json:"facts,omitempty"`
	// TTSVoice is the speech server's voice this person speaks with
	// (docs/voice.md); "": the server's default.
	TTSVoice string `json:"tts_voice,omitempty"`
}

// Fact is one thing a persona knows. A question naming it (About) is
// answered with Say, or, when Private, deflected in character: this person
// would not tell a stranger.
type Fact struct {
	Key string `json:"key"`
	// About are words or phrases a question names the fact by
	// (case-insensitive, whole words).
	About   []string `json:"about"`
	Say     []string `json:"say"`
	Private bool     `json:"private,omitempty"`
	// Deflect holds how a private fact is declined; empty: the engine's
	// own deflection.
	Deflect []string `json:"deflect,omitempty"`
}

// Proposal is how the prospect meets one kind of next step.
type Proposal struct {
	Kind string `json:"kind"`
	// Accept holds the agreeing lines, each with a detail: a day, a time,
	// what to send.
	Accept []string `json:"accept"`
	// Decline holds the lines for a proposal made before the trainee has
	// earned it; empty: the engine's own.
	Decline []string `json:"decline,omitempty"`
	// MinInterest, when set, replaces the difficulty's next-step threshold
	// for this kind.
	MinInterest int `json:"min_interest,omitempty"`
}

// ReplyKind says what kind of reply the prospect gave: the realism corpus
// names the kinds a person would give to a line.
type ReplyKind string

const (
	ReplyAnswer    ReplyKind = "answer"     // a fact answered
	ReplyDeflect   ReplyKind = "deflect"    // a fact not told to a stranger
	ReplyDontKnow  ReplyKind = "dont_know"  // an honest "no idea" or a short answer
	ReplyAskBack   ReplyKind = "ask_back"   // "why do you ask?"
	ReplySmallTalk ReplyKind = "small_talk" // small talk returned
	ReplyReveal    ReplyKind = "reveal"     // a hidden need told or continued
	ReplyObject    ReplyKind = "object"     // an objection raised, or pressure rebuffed
	ReplyAgree     ReplyKind = "agree"      // a next step agreed or confirmed
	ReplyDecline   ReplyKind = "decline"    // a next step declined
	ReplyClarify   ReplyKind = "clarify"    // "sorry?", another language, too much at once
	ReplyFarewell  ReplyKind = "farewell"   // goodbye said back
	ReplyHangUp    ReplyKind = "hang_up"    // the prospect ends the call
	ReplyScript    ReplyKind = "script"     // a line of the scenario's dialogue rules
	ReplyOther     ReplyKind = "other"      // any other reaction of the engine
)

// ReplyKinds lists the reply kinds, as the realism corpus may name them.
var ReplyKinds = []ReplyKind{ReplyAnswer, ReplyDeflect, ReplyDontKnow, ReplyAskBack, ReplySmallTalk, ReplyReveal, ReplyObject, ReplyAgree, ReplyDecline, ReplyClarify, ReplyFarewell, ReplyHangUp, ReplyScript, ReplyOther}

// Realism is a scenario's realism corpus.
type Realism struct {
	// Setup are trainee turns said before each line, to bring the call
	// to where the line is asked.
	Setup []string      `json:"setup,omitempty"`
	Lines []RealismLine `json:"lines"`
	// HeldOut are lines written in one go and measured before the engine
	// was ever tuned on them: their share is reported on its own, as the
	// honest figure (docs/scenarios.md, "The realism corpus").
	HeldOut []RealismLine `json:"held_out,omitempty"`
}

// RealismLine is one unforeseen trainee line and the kinds of reply that
// would be right.
type RealismLine struct {
	Say   string      `json:"say"`
	Reply []ReplyKind `json:"reply"`
	// Fact, with reply answer or deflect, is the fact that must be named.
	Fact string `json:"fact,omitempty"`
	Line int    `json:"-"`
}

// Need is a hidden need: a fact the prospect reveals only to a trainee who
// earns it.
type Need struct {
	ID   string `json:"id"`
	Fact string `json:"fact"` // what is true, for trainers and the LLM
	// EarnedBy lists the trainee acts that can earn it, any of them
	// (e.g. open_question, follow_up, personal_interest).
	EarnedBy []Act `json:"earned_by"`
	// Topics, when set, are words or phrases one of which the trainee's turn
	// must touch; empty: any turn with an EarnedBy act earns it.
	Topics []string `json:"topics,omitempty"`
	// MinInterest is the interest the prospect needs before revealing it.
	MinInterest int `json:"min_interest,omitempty"`
	// Reveal holds the variants of what the persona says when it is earned.
	Reveal []string `json:"reveal"`
	// Detect holds phrases whose appearance in a prospect turn shows the need
	// was revealed (for transcripts of LLM calls); the Reveal lines always
	// count.
	Detect []string `json:"detect,omitempty"`
	// Details, Tried and WouldHelp are what the persona says when the
	// trainee follows up on the revealed need: further details of it, what
	// the persona has done about it ("how do you handle it?"), and what
	// they think would help ("what would make the difference?"). Each line
	// is told once; none retells the reveal.
	Details   []string `json:"details,omitempty"`
	Tried     []string `json:"tried,omitempty"`
	WouldHelp []string `json:"would_help,omitempty"`
}

// Objection is a reservation the prospect raises.
type Objection struct {
	ID string `json:"id"`
	// When raises the objection (the first time it matches).
	When Trigger  `json:"when"`
	Say  []string `json:"say"`
	// AnsweredBy lists the trainee acts that answer it well.
	AnsweredBy []Act `json:"answered_by"`
	// Answered holds what the persona says when it is answered well.
	Answered []string `json:"answered"`
}

// Trigger matches a trainee turn: it matches when the turn carries any of
// Acts (or Acts is empty), none of Unless, and contains any of Keywords
// (or Keywords is empty), compared case-insensitively.
type Trigger struct {
	Acts     []Act    `json:"acts,omitempty"`
	Unless   []Act    `json:"unless,omitempty"`
	Keywords []string `json:"keywords,omitempty"`
	// Asks, when set, requires the turn to ask about one of these persona
	// facts (by key).
	Asks []string `json:"asks,omitempty"`
}

// Dialogue is the scripted engine's state machine.
type Dialogue struct {
	Start  string  `json:"start"`
	States []State `json:"states"` // in file order
}

// State is one node of the dialogue.
type State struct {
	Name string `json:"name"`
	// Voice is "gatekeeper" when the scenario's gatekeeper speaks in this
	// state; empty for the persona.
	Voice string `json:"voice,omitempty"`
	// Rules are tried in order; the first that matches answers the turn.
	// When none matches, the engine answers as a person would (small talk,
	// "who is this?", silence, off-topic) and stays in the state.
	Rules []Rule `json:"rules"`
}

// Rule is one scripted reaction.
type Rule struct {
	When Trigger  `json:"when"`
	Say  []string `json:"say"` // reply variants; empty: the engine's own reply for the turn
	Goto string   `json:"goto,omitempty"`
	// Patience and Interest are added to the prospect's state.
	Patience int `json:"patience,omitempty"`
	Interest int `json:"interest,omitempty"`
	// MinInterest: the rule applies only at this interest or more.
	MinInterest int    `json:"min_interest,omitempty"`
	Reveal      string `json:"reveal,omitempty"` // need id revealed with this reply
	Raise       string `json:"raise,omitempty"`  // objection id raised with this reply
	Answer      string `json:"answer,omitempty"` // persona fact key answered (or deflected) with this reply
	Hangup      bool   `json:"hangup,omitempty"` // the prospect hangs up after Say
	// NextStep agrees a next step of this kind (meeting, send_info,
	// invitation, referral, callback) and ends the call well.
	NextStep string `json:"next_step,omitempty"`
	Once     bool   `json:"once,omitempty"` // fires at most once per call
}

// Weight names: the parts of each score that a scenario may weigh. The
// scorer documents each in docs/scoring.md.
const (
	WeightQuestions        = "questions"
	WeightOpenShare        = "open_share"
	WeightFollowUps        = "follow_ups"
	WeightNeeds            = "needs"
	WeightPersonalInterest = "personal_interest"
	WeightSpread           = "spread"

	WeightFriendlyOpening = "friendly_opening"
	WeightListening       = "listening"
	WeightAcknowledgement = "acknowledgement"
	WeightAfterRejection  = "after_rejection"
	WeightTimeForCaller   = "time_for_caller"
	WeightPressure        = "pressure"
	WeightAnswering       = "answering" // how the trainee answered an inbound call that rang at them
)

// CuriosityWeights and OpennessWeights list the weight names of each
// dimension.
var (
	CuriosityWeights = []string{WeightQuestions, WeightOpenShare, WeightFollowUps, WeightNeeds, WeightPersonalInterest, WeightSpread}
	OpennessWeights  = []string{WeightFriendlyOpening, WeightListening, WeightAcknowledgement, WeightAfterRejection, WeightTimeForCaller, WeightPressure, WeightAnswering}
)

// Weights are a scenario's scoring weights, by dimension and part; a part
// left out keeps the scorer's default. Weights are relative, 0–10.
type Weights struct {
	Curiosity map[string]float64 `json:"curiosity,omitempty"`
	Openness  map[string]float64 `json:"openness,omitempty"`
}

// ScenarioTest is one test conversation of a scenario, run by
// `openline scenario test`.
type ScenarioTest struct {
	Name  string     `json:"name"`
	Seed  int64      `json:"seed,omitempty"`
	Turns []TestTurn `json:"turns"`
	// Expect is checked after the last turn.
	Expect Expectation `json:"expect"`
	Line   int         `json:"-"` // where the test starts in its file
}

// TestTurn is a trainee line and what must hold after the prospect answers.
type TestTurn struct {
	Say    string      `json:"say"`
	Expect Expectation `json:"expect"`
	Line   int         `json:"-"`
}

// Expectation is what a scenario test checks; zero fields are not checked.
type Expectation struct {
	State         string   `json:"state,omitempty"`
	Reveals       []string `json:"reveals,omitempty"` // need ids revealed so far
	Hangup        *bool    `json:"hangup,omitempty"`
	ReplyContains string   `json:"reply_contains,omitempty"`
	Outcome       Outcome  `json:"outcome,omitempty"`
	NextStep      string   `json:"next_step,omitempty"`
	Openness      *Range   `json:"openness,omitempty"`
	Curiosity     *Range   `json:"curiosity,omitempty"`
}

// Range is an inclusive integer range, written [min, max] in YAML.
type Range struct{ Min, Max int }

// Contains reports whether v lies in r.
func (r Range) Contains(v int) bool { return v >= r.Min && v <= r.Max }
