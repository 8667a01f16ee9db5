// Package call runs one practice call: the turn-taking between a trainee and
// a prospect played by a persona engine, the timing of every turn, the
// hang-up by either side, persisting every turn as it happens and scoring
// the call when it ends. It knows nothing of HTTP or websockets; package web
// drives it.
package call

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
	"github.com/openline/openline/internal/score"
)

// MaxTurnChars is the longest trainee turn accepted, in characters (runes).
const MaxTurnChars = 4000

// MaxTurns is the most turns a call may have (both sides); the scorer
// takes no more.
const MaxTurns = score.MaxTurns

// Silence is how a trainee turn without words (empty or only white space)
// is kept in the transcript; the engine gets it as "".
const Silence = "…"

// Errors a client may see; codes are part of the websocket protocol
// (docs/protocol.md).
var (
	ErrEnded       = openline.Error{Kind: openline.KindConflict, Code: "call_ended", Message: "the call has ended"}
	ErrTurnTooLong = openline.Error{Kind: openline.KindInvalid, Code: "turn_too_long", Message: fmt.Sprintf("a turn may have at most %d characters", MaxTurnChars)}
	ErrInUse       = openline.Error{Kind: openline.KindConflict, Code: "call_in_use", Message: "the call is open in another window (or still on another server)"}
	ErrNotFound    = openline.Error{Kind: openline.KindNotFound, Code: "call_not_found", Message: "no such call of yours"}
	ErrCallTooLong = openline.Error{Kind: openline.KindInvalid, Code: "call_too_long", Message: "the call has reached its length limit; please hang up"}
	ErrInvalidText = openline.Error{Kind: openline.KindInvalid, Code: "invalid_text", Message: "a turn must be UTF-8 text without control characters (tabs and line breaks are fine)"}
)

// End says how and why a call ended.
type End struct {
	By       openline.Speaker // who hung up; empty when interrupted
	Outcome  openline.Outcome
	NextStep string              // kind, with OutcomeNextStep
	Card     *openline.Scorecard // nil when scoring failed (the error says why)
}

// Reply is the prospect's answer to one turn (or its first words).
type Reply struct {
	Turn int    // index of the prospect's turn in the transcript, from 0
	Text string // the whole turn
	// SpeakerName is who spoke (the gatekeeper's or the persona's name),
	// "" when the engine does not say; TransferTo, when set, names the
	// person the speaker put the trainee through to within this turn.
	SpeakerName, TransferTo string
	// End is set when the prospect hung up with this reply: the call is
	// then over, but not yet scored, so that the reply can leave first.
	// Finish scores it and stores its end; End.Card is nil until then.
	End *End
	// LLM is what a language model cost for this turn (LLM engine only);
	// LLM.Fault set: the model failed and the call goes on scripted.
	LLM *openline.LLMTurn
}

// Config is what a call needs from the outside world.
type Config struct {
	Store    openline.CallStore
	Scenario *openline.Scenario
	Engine   openline.EngineName
	Prospect persona.Prospect
	User     *openline.User
	Now      func() time.Time // the clock; turn times are measured with it
	Seed     int64            // the seed the prospect was started with
	// Lease, when set, is the lease the call is created with
	// (Store.StartCall), and MaxLive the most live calls its user may
	// have then, on every server: ErrTooManyCalls beyond.
	Lease   *openline.Lease
	MaxLive int
	// Coach, when set, writes a coaching paragraph for the scorecard of a
	// call that ended by a hang-up (not of an interrupted one). It is
	// asked after scoring, with the card's numbers final; nil or an error
	// leaves the card without one.
	Coach Coach
}

// Coach writes the coaching paragraph of a scored call.
type Coach func(ctx context.Context, sc *openline.Scenario, tr openline.Transcript, card *openline.Scorecard) (*openline.Coaching, error)

// coachTimeout bounds the wait for a coaching paragraph at the end of a
// call: the hang-up and scorecard wait for it.
const coachTimeout = 20 * time.Second

// Call is one live practice call. Its methods are safe for concurrent use;
// they are serialised, since a prospect answers one turn at a time.
type Call struct {
	store    openline.CallStore
	sc       *openline.Scenario
	prospect persona.Prospect
	user     *openline.User
	now      func() time.Time
	coach    Coach

	// awaiting is set while a stored trainee turn is being answered
	// (AwaitingAnswer); read without the lock, which an answer holds.
	awaiting atomic.Bool

	mu     sync.Mutex
	rec    openline.Call
	turns  []openline.Turn
	states []*openline.ProspectState
	opened bool
	// unanswered is set while the last turn is the trainee's and the
	// prospect has said nothing to it: their answer was cancelled (the
	// socket went) before a word was spoken. Answer asks again.
	unanswered bool
	fellBack   bool // the LLM failed: the scripted engine plays on
	end        *End
	// unscored is set while end is the prospect's hang-up that Finish has
	// not scored and stored yet.
	unscored bool
	// next is who speaks next, for the reply.delta frames: the last
	// reply's speaker, or the one it put the trainee through to.
	next string
	// clock, when set, says when a prospect turn is spoken (a voice
	// call, SetProspectClock).
	clock ProspectClock
	// held is the trainee's turn not stored yet, while the prospect
	// answers it at once (pairs): it is stored with their answer, in one
	// transaction. c.mu is held while it is set.
	held *openline.StoredTurn

	// Attachment to a socket and whether the call is over, guarded by
	// smu: a leaf lock never held for long (mu is held across engine
	// calls), so the Manager reads them without waiting for a turn.
	smu        sync.Mutex
	attached   bool
	detachedAt time.Time
	over       bool // set together with end
}

// New creates a call and stores it. The prospect has not spoken yet: call
// Open next.
func New(ctx context.Context, cfg Config) (*Call, error) {
	if cfg.Store == nil || cfg.Scenario == nil || cfg.Prospect == nil || cfg.User == nil || cfg.Now == nil {
		return nil, errors.New("new call: incomplete config")
	}
	c := &Call{
		store:    cfg.Store,
		sc:       cfg.Scenario,
		prospect: cfg.Prospect,
		user:     cfg.User,
		now:      cfg.Now,
		coach:    cfg.Coach,
	}
	c.rec = openline.Call{
		ID:              uuid.NewString(),
		UserID:          cfg.User.ID,
		UserName:        cfg.User.Name,
		ScenarioID:      cfg.Scenario.ID,
		ScenarioVersion: cfg.Scenario.Version,
		Engine:          cfg.Engine,
		Language:        cfg.Scenario.Language,
		Seed:            cfg.Seed,
		StartedAt:       cfg.Now(),
	}
	var err error
	if cfg.Lease != nil {
		err = cfg.Store.StartCall(ctx, &c.rec, *cfg.Lease, cfg.MaxLive)
	} else {
		err = cfg.Store.CreateCall(ctx, &c.rec)
	}
	if errors.Is(err, openline.ErrLimit) {
		return nil, ErrTooManyCalls
	}
	if err != nil {
		return nil, fmt.Errorf("create call: %w", err)
	}
	c.detachedAt = c.rec.StartedAt
	return c, nil
}

// Restore rebuilds a live call from the store, on a server taking it over
// from one that died: rec and its stored turns, with cfg.Prospect brought
// to the point of the last prospect turn already (ReplayTurns). A last
// turn of the trainee's is unanswered: Answer gives the prospect's answer.
// cfg.Lease and cfg.MaxLive are not used; nothing is stored.
func Restore(cfg Config, rec openline.Call, stored []openline.StoredTurn) (*Call, error) {
	if cfg.Store == nil || cfg.Scenario == nil || cfg.Prospect == nil || cfg.User == nil || cfg.Now == nil {
		return nil, errors.New("restore call: incomplete config")
	}
	c := &Call{
		store:    cfg.Store,
		sc:       cfg.Scenario,
		prospect: cfg.Prospect,
		user:     cfg.User,
		now:      cfg.Now,
		coach:    cfg.Coach,
		rec:      rec,
	}
	for _, t := range stored {
		c.turns = append(c.turns, t.Turn)
		c.states = append(c.states, t.State)
	}
	c.opened = len(c.turns) > 0
	c.unanswered = c.opened && c.turns[len(c.turns)-1].Speaker == openline.Trainee
	c.detachedAt = cfg.Now()
	return c, nil
}

// ReplayTurns are the turns persona.Replay needs to bring a fresh prospect
// to the point of a stored call: up to the prospect's last turn (a
// trainee turn after it is still unanswered, see Restore), with silences
// as the empty text the engine heard.
func ReplayTurns(stored []openline.StoredTurn) []openline.Turn {
	last := -1
	for i, t := range stored {
		if t.Speaker == openline.Prospect {
			last = i
		}
	}
	var turns []openline.Turn
	for _, t := range stored[:last+1] {
		if t.Speaker == openline.Trainee && t.Text == Silence {
			t.Text = ""
		}
		turns = append(turns, t.Turn)
	}
	return turns
}

// ID is the call's id (a UUID given by the store).
func (c *Call) ID() string { return c.rec.ID }

// UserID is the id of the trainee placing the call.
func (c *Call) UserID() int64 { return c.user.ID }

// Scenario is the scenario the call runs on.
func (c *Call) Scenario() *openline.Scenario { return c.sc }

// Engine is the persona engine playing the prospect.
func (c *Call) Engine() openline.EngineName { return c.rec.Engine }

// Turns returns a copy of the transcript so far.
func (c *Call) Turns() []openline.Turn {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]openline.Turn(nil), c.turns...)
}

// Ended returns how the call ended, or nil while it goes on.
func (c *Call) Ended() *End {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.end
}

// isOver reports whether the call has ended, without waiting for a turn
// in progress (it reads smu's copy).
func (c *Call) isOver() bool {
	c.smu.Lock()
	defer c.smu.Unlock()
	return c.over
}

// TraineeFirst reports whether the trainee speaks first: an inbound call
// rings at the trainee, who picks up and answers; the caller's opening
// follows their first turn (docs/protocol.md, "first").
func (c *Call) TraineeFirst() bool { return c.sc.Direction == openline.Inbound }

// NextSpeaker is the name of who will speak the prospect's next turn, as
// far as the call knows: the last reply's speaker (or the person it put
// the trainee through to), before any reply the one who answers first.
func (c *Call) NextSpeaker() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.next != "" {
		return c.next
	}
	return c.voiceName(c.sc.Dialogue.Start)
}

// voiceName is the name of who speaks in dialogue state node: the
// gatekeeper's in a gatekeeper state, else the persona's.
func (c *Call) voiceName(node string) string {
	if st := c.sc.State(node); st != nil && st.Voice == "gatekeeper" && c.sc.Gatekeeper != nil {
		return c.sc.Gatekeeper.Name
	}
	return c.sc.Persona.Name
}

// SpeakerNames returns, for each turn of the transcript so far, who spoke
// it: "" for the trainee's, for the prospect's the name of the voice of
// the dialogue state the turn was spoken in (the start state, then the
// state the previous prospect turn left). That is the reply's speaker
// name, also for a call rebuilt from the store, which keeps the states
// but not the names.
func (c *Call) SpeakerNames() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	names := make([]string, len(c.turns))
	node := c.sc.Dialogue.Start
	for i, t := range c.turns {
		if t.Speaker != openline.Prospect {
			continue
		}
		names[i] = c.voiceName(node)
		if st := c.states[i]; st != nil && st.Node != "" {
			node = st.Node
		}
	}
	return names
}

// Opened reports whether the prospect has spoken their first words.
func (c *Call) Opened() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.opened
}

// FellBack reports whether the call's language model failed and the
// scripted engine plays the prospect on, with the same state.
func (c *Call) FellBack() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.fellBack
}

// Unanswered reports whether the trainee's last turn is still waiting for
// the prospect's answer: it was cancelled before a word was spoken (the
// socket went). Answer asks the prospect again.
func (c *Call) Unanswered() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.unanswered && c.end == nil
}

// Open lets the prospect speak first: they pick up the phone, or, inbound,
// say why they call. Calling it twice is an error.
func (c *Call) Open(ctx context.Context, stream persona.Stream) (*Reply, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.end != nil {
		return nil, ErrEnded
	}
	if c.opened {
		return nil, errors.New("open call: already opened")
	}
	r, err := c.prospect.Open(ctx, stream)
	if err != nil {
		err = fmt.Errorf("open call %s: %w", c.rec.ID, err)
		if ctx.Err() == nil || strings.TrimSpace(r.Text) == "" {
			return nil, err // not opened: a resumed socket opens again
		}
	}
	c.opened = true
	if err != nil {
		r.Hangup = false
		out, serr := c.prospectTurn(ctx, r)
		return out, errors.Join(err, serr)
	}
	return c.prospectTurn(ctx, r)
}

// Turn times: a typed call has no speaking durations. Every turn carries
// the moment it was complete, in milliseconds since the call started, as
// both start_ms and end_ms: a trainee turn when it arrived, a prospect turn
// when the whole reply was there. Talk share is then measured in words. A
// spoken turn (SayAt, ProspectClock) carries when it was spoken.

// Say is one finished trainee turn; it returns the prospect's answer. The
// trainee's turn is stored before the prospect is asked (with a prospect
// that answers at once: together with the answer, in one transaction, see
// pairs), and
// the prospect's turn is stored before Say returns. A text without words is
// silence: the engine gets "" and the transcript keeps Silence. Errors
// that are the trainee's doing are openline.Error values (ErrEnded,
// ErrTurnTooLong, ErrInvalidText, ErrCallTooLong); nothing is stored and
// the call goes on after them.
//
// Cancelling ctx (a hang-up, the socket gone) stops the prospect at once:
// what they had said is stored as their turn and returned with the
// context's error; when they had said nothing the trainee's turn stays
// unanswered (Unanswered, Answer). A trainee who speaks again after an
// unanswered turn is simply heard again: the prospect answers the new one.
func (c *Call) Say(ctx context.Context, text string, stream persona.Stream) (*Reply, error) {
	return c.say(ctx, text, nil, stream)
}

// Span is when a spoken turn was spoken, in milliseconds since the call
// started (docs/protocol.md, "Voice").
type Span struct{ StartMS, EndMS int64 }

// SayAt is Say for a spoken turn: it is stored with when it was spoken
// (start at most end, neither negative) instead of the moment it arrived.
func (c *Call) SayAt(ctx context.Context, text string, at Span, stream persona.Stream) (*Reply, error) {
	if at.StartMS < 0 || at.EndMS < at.StartMS {
		return nil, fmt.Errorf("say: bad span %d..%d", at.StartMS, at.EndMS)
	}
	return c.say(ctx, text, &at, stream)
}

// ProspectClock says when the prospect speaks the turn whose text is
// complete now: its audio's start and end, in milliseconds since the call
// started; false leaves the turn at the moment it was complete. It is
// called with the call's lock held, and must heed ctx.
type ProspectClock func(ctx context.Context, text string) (Span, bool)

// SetProspectClock sets (nil: clears) the clock of the prospect's spoken
// turns: a socket that speaks them sets it while it holds the call. It
// waits for a turn in progress.
func (c *Call) SetProspectClock(f ProspectClock) {
	c.mu.Lock()
	c.clock = f
	c.mu.Unlock()
}

// Since is t in milliseconds since the call started.
func (c *Call) Since(t time.Time) int64 { return t.Sub(c.rec.StartedAt).Milliseconds() }

func (c *Call) say(ctx context.Context, text string, span *Span, stream persona.Stream) (*Reply, error) {
	if utf8.RuneCountInString(text) > MaxTurnChars {
		return nil, ErrTurnTooLong
	}
	if !validText(text) {
		return nil, ErrInvalidText
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.end != nil {
		return nil, ErrEnded
	}
	if len(c.turns)+2 > MaxTurns {
		return nil, ErrCallTooLong
	}
	if !c.opened && !(c.TraineeFirst() && len(c.turns) == 0) {
		return nil, errors.New("say: the prospect has not picked up yet")
	}
	stored := text
	if strings.TrimSpace(text) == "" {
		text, stored = "", Silence
	}
	at := c.sinceStart()
	start, end := at, at
	if span != nil {
		start, end = span.StartMS, span.EndMS
	}
	t := openline.Turn{Speaker: openline.Trainee, Text: stored, StartMS: &start, EndMS: &end}
	if span == nil && c.pairs() {
		c.held = &openline.StoredTurn{CallID: c.rec.ID, Index: len(c.turns), Turn: t, At: c.now()}
		defer func() { c.held = nil }()
	} else if err := c.appendTurn(ctx, t, nil, nil); err != nil {
		return nil, err
	}
	c.unanswered = true
	c.awaiting.Store(true)
	defer c.awaiting.Store(false)
	return c.respond(ctx, text, stream)
}

// AwaitingAnswer reports, without waiting for the call, whether the
// trainee's last turn is stored and the prospect is answering it now. A
// spoken call uses it to tell a trainee who goes on speaking while the
// prospect thinks (the turn is safe: the answer may be cancelled) from
// one who speaks while their own turn is still being taken.
func (c *Call) AwaitingAnswer() bool { return c.awaiting.Load() }

// pairs reports whether the trainee's typed turn is stored together with
// the prospect's answer, in one transaction, rather than before the
// prospect is asked: when the prospect answers at once (the scripted
// engine, persona.Immediate) and no clock waits for the answer to be
// spoken. Nothing is acknowledged in between, so the trainee's turn is as
// durable as before: stored before the reply leaves. A language model
// takes seconds, and the trainee's words are kept meanwhile. c.mu is
// held.
func (c *Call) pairs() bool {
	return persona.IsImmediate(c.prospect) && c.clock == nil
}

// Immediate reports whether the prospect has each whole reply at once
// (persona.Immediate): the socket then sends it as one piece.
func (c *Call) Immediate() bool { return persona.IsImmediate(c.prospect) }

// storeHeld stores the trainee's turn held for the prospect's answer
// alone, when the answer is not there to store it with (the prospect
// failed, or was cancelled before a word). c.mu is held.
func (c *Call) storeHeld(ctx context.Context) error {
	if c.held == nil {
		return nil
	}
	h := c.held
	c.held = nil
	if err := c.store.AppendTurn(context.WithoutCancel(ctx), *h); err != nil {
		c.unanswered = false // nothing waits for an answer
		return fmt.Errorf("store turn %d of call %s: %w", h.Index, c.rec.ID, err)
	}
	c.turns = append(c.turns, h.Turn)
	c.states = append(c.states, nil)
	return nil
}

// Answer asks the prospect again about the trainee's last turn, which went
// unanswered (Unanswered). It is what a resumed socket does first.
func (c *Call) Answer(ctx context.Context, stream persona.Stream) (*Reply, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.end != nil {
		return nil, ErrEnded
	}
	if !c.unanswered || len(c.turns) == 0 {
		return nil, errors.New("answer: no trainee turn waits for an answer")
	}
	text := c.turns[len(c.turns)-1].Text
	if text == Silence {
		text = ""
	}
	c.awaiting.Store(true)
	defer c.awaiting.Store(false)
	return c.respond(ctx, text, stream)
}

// respond asks the prospect to answer text and stores what they said.
// When ctx is cancelled while they speak (a hang-up, the socket gone),
// the words already spoken are stored as their turn and the context's
// error returned with the reply; when they had said nothing, the turn
// stays unanswered. c.mu is held.
func (c *Call) respond(ctx context.Context, text string, stream persona.Stream) (*Reply, error) {
	r, err := c.prospect.Respond(ctx, text, stream)
	if err == nil {
		c.opened = true // after the trainee answered an inbound call, the caller has spoken now
		return c.prospectTurn(ctx, r)
	}
	err = fmt.Errorf("call %s: prospect: %w", c.rec.ID, err)
	if ctx.Err() == nil || strings.TrimSpace(r.Text) == "" {
		return nil, errors.Join(err, c.storeHeld(ctx))
	}
	r.Hangup = false
	out, serr := c.prospectTurn(ctx, r)
	return out, errors.Join(err, serr)
}

// validText reports whether text is UTF-8 without control characters
// other than tab, line feed and carriage return: what a person can type.
// A NUL or an escape sequence in a transcript only ever comes from a
// broken or hostile client.
func validText(text string) bool {
	if !utf8.ValidString(text) {
		return false
	}
	for _, r := range text {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			return false
		}
	}
	return true
}

// prospectTurn stores the prospect's reply with their state and, when they
// hung up, ends the call. c.mu is held.
func (c *Call) prospectTurn(ctx context.Context, r persona.Reply) (*Reply, error) {
	at := c.sinceStart()
	start, end := at, at
	if c.clock != nil {
		if sp, ok := c.clock(ctx, r.Text); ok && sp.StartMS >= 0 && sp.EndMS >= sp.StartMS {
			start, end = sp.StartMS, sp.EndMS
		}
	}
	st := c.prospect.State()
	st.Revealed = append([]string{}, st.Revealed...) // JSON [] rather than null
	st.Objections = append([]string(nil), st.Objections...)
	if err := c.appendTurn(ctx, openline.Turn{Speaker: openline.Prospect, Text: r.Text, StartMS: &start, EndMS: &end}, &st, r.LLM); err != nil {
		return nil, err
	}
	c.unanswered = false
	if r.LLM != nil && r.LLM.Scripted {
		c.fellBack = true
	}
	out := &Reply{Turn: len(c.turns) - 1, Text: r.Text, LLM: r.LLM, SpeakerName: r.Speaker, TransferTo: r.TransferTo}
	c.next = r.Speaker
	if r.TransferTo != "" {
		c.next = r.TransferTo
	}
	if r.Hangup {
		outcome := st.Outcome
		if outcome == openline.OutcomeNone || outcome == openline.OutcomeInterrupted {
			outcome = openline.OutcomeHungUp
		}
		nextStep := ""
		if outcome == openline.OutcomeNextStep {
			nextStep = st.NextStep
		}
		out.End = c.markEnded(openline.Prospect, outcome, nextStep)
		c.unscored = true
	}
	return out, nil
}

// Finish scores a call the prospect hung up on (a Reply with End) and
// stores its end; it returns that End with its scorecard. The reply is
// sent before: scoring takes longer than a turn (docs/performance.md).
// The store is written whatever ctx says, as for turns. Finish on any
// other call is an error; Interrupt and Hangup finish such a call too,
// should the caller not get to it (Interrupt returns its End, Hangup
// ErrEnded after finishing).
func (c *Call) Finish(ctx context.Context) (*End, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.unscored {
		return nil, errors.New("finish: no hang-up of the prospect waits to be scored")
	}
	return c.score(context.WithoutCancel(ctx), c.end)
}

// appendTurn stores a turn, then keeps it in memory; a trainee's turn held
// for it (c.held) is stored with it, in one transaction. What was said is
// stored even when ctx was cancelled meanwhile (the trainee hung up while
// the prospect spoke): only ctx's values are used. c.mu is held.
func (c *Call) appendTurn(ctx context.Context, t openline.Turn, st *openline.ProspectState, llm *openline.LLMTurn) error {
	ctx = context.WithoutCancel(ctx)
	if h := c.held; h != nil {
		c.held = nil
		st2 := openline.StoredTurn{CallID: c.rec.ID, Index: h.Index + 1, Turn: t, State: st, LLM: llm, At: c.now()}
		if err := c.store.AppendTurns(ctx, *h, st2); err != nil {
			c.unanswered = false // neither turn is stored: nothing waits for an answer
			return fmt.Errorf("store turns %d–%d of call %s: %w", h.Index, st2.Index, c.rec.ID, err)
		}
		c.turns = append(c.turns, h.Turn, t)
		c.states = append(c.states, nil, st)
		return nil
	}
	st2 := openline.StoredTurn{CallID: c.rec.ID, Index: len(c.turns), Turn: t, State: st, LLM: llm, At: c.now()}
	if err := c.store.AppendTurn(ctx, st2); err != nil {
		return fmt.Errorf("store turn %d of call %s: %w", st2.Index, c.rec.ID, err)
	}
	c.turns = append(c.turns, t)
	c.states = append(c.states, st)
	return nil
}

// Hangup ends the call on the trainee's side (by is openline.Trainee) and
// scores it. The outcome is the prospect's: a next step agreed is kept,
// otherwise the call ended politely.
func (c *Call) Hangup(ctx context.Context) (*End, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.unscored {
		_, err := c.score(ctx, c.end)
		return nil, errors.Join(ErrEnded, err)
	}
	if c.end != nil {
		return nil, ErrEnded
	}
	outcome, nextStep := openline.OutcomePoliteEnd, ""
	if n := c.lastState(); n != nil {
		switch n.Outcome {
		case openline.OutcomeNextStep:
			outcome, nextStep = openline.OutcomeNextStep, n.NextStep
		case openline.OutcomeHungUp:
			outcome = openline.OutcomeHungUp
		}
	}
	return c.finish(ctx, openline.Trainee, outcome, nextStep)
}

// Interrupt ends the call as interrupted (the trainee's connection was gone
// too long, or the server shut down) and scores it. It returns ErrEnded
// when the call had already ended.
func (c *Call) Interrupt(ctx context.Context) (*End, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.unscored {
		return c.score(ctx, c.end)
	}
	if c.end != nil {
		return nil, ErrEnded
	}
	return c.finish(ctx, "", openline.OutcomeInterrupted, "")
}

// lastState is the prospect's state after their last turn, or nil. c.mu
// is held.
func (c *Call) lastState() *openline.ProspectState {
	for i := len(c.states) - 1; i >= 0; i-- {
		if c.states[i] != nil {
			return c.states[i]
		}
	}
	return nil
}

// finish ends the call, scores it and stores its end. The call counts as
// ended even when storing fails, so nothing more is said in it. c.mu is
// held.
func (c *Call) finish(ctx context.Context, by openline.Speaker, outcome openline.Outcome, nextStep string) (*End, error) {
	return c.score(ctx, c.markEnded(by, outcome, nextStep))
}

// markEnded marks the call ended: nothing more is said in it. c.mu is
// held.
func (c *Call) markEnded(by openline.Speaker, outcome openline.Outcome, nextStep string) *End {
	e := &End{By: by, Outcome: outcome, NextStep: nextStep}
	c.end = e
	c.smu.Lock()
	c.over = true
	c.smu.Unlock()
	return e
}

// score scores the ended call, sets e.Card and stores the end. c.mu is
// held.
func (c *Call) score(ctx context.Context, e *End) (*End, error) {
	c.unscored = false
	by, outcome, nextStep := e.By, e.Outcome, e.NextStep
	tr := openline.Transcript{Language: c.rec.Language, Scenario: c.rec.ScenarioID, Turns: c.turns}
	card, serr := scoreCall(tr, c.sc)
	if serr != nil {
		serr = fmt.Errorf("score call %s: %w", c.rec.ID, serr)
		card = nil
	}
	if card != nil && c.coach != nil && by != "" {
		cctx, cancel := context.WithTimeout(ctx, coachTimeout)
		copied := *card // the coach reads the numbers; it cannot change them
		if co, err := c.coach(cctx, c.sc, tr, &copied); err == nil && co != nil {
			card.Coaching = co
		}
		cancel()
	}
	e.Card = card
	end := openline.CallEnd{At: c.now(), By: by, Outcome: outcome, NextStep: nextStep, Card: card}
	if err := c.store.EndCall(ctx, c.rec.ID, end); err != nil {
		return e, errors.Join(serr, fmt.Errorf("end call %s: %w", c.rec.ID, err))
	}
	return e, serr
}

// sinceStart is the time since the call started, in milliseconds. c.mu is
// held.
func (c *Call) sinceStart() int64 {
	return c.now().Sub(c.rec.StartedAt).Milliseconds()
}
