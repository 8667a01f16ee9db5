package call

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
	"github.com/openline/openline/internal/store/sqlite"
)

// echoProspect is a test-only persona.Prospect: it answers "Sie sagten:
// TEXT", hangs up on "tschüss!" and agrees a meeting on "termin?". When
// check is set it is called before every answer, with the trainee's text.
type echoProspect struct {
	state openline.ProspectState
	check func(said string)
}

func (p *echoProspect) Open(ctx context.Context, stream persona.Stream) (persona.Reply, error) {
	text := "Müller, guten Tag?"
	if stream != nil {
		stream("Müller, ")
		stream("guten Tag?")
	}
	p.state = openline.ProspectState{Node: "opening", Patience: 5, Interest: 2}
	return persona.Reply{Text: text}, nil
}

func (p *echoProspect) Respond(ctx context.Context, said string, stream persona.Stream) (persona.Reply, error) {
	if p.check != nil {
		p.check(said)
	}
	if p.state.Outcome != openline.OutcomeNone {
		return persona.Reply{}, persona.ErrCallOver
	}
	switch {
	case strings.Contains(said, "tschüss!"):
		p.state.Patience = 0
		p.state.Outcome = openline.OutcomeHungUp
		return persona.Reply{Text: "Jetzt reicht's. Auf Wiederhören.", Acts: []openline.Act{openline.ActHangup}, Hangup: true}, nil
	case strings.Contains(said, "termin?"):
		p.state.Interest = 8
		p.state.Outcome = openline.OutcomeNextStep
		p.state.NextStep = "meeting"
		return persona.Reply{Text: "Gern, nächste Woche."}, nil
	}
	p.state.Revealed = append(p.state.Revealed, "x")
	text := "Sie sagten: " + said
	if stream != nil {
		stream(text)
	}
	return persona.Reply{Text: text}, nil
}

func (p *echoProspect) State() openline.ProspectState { return p.state }

// echoEngine starts echo prospects.
type echoEngine struct{}

func (echoEngine) Name() openline.EngineName { return openline.EngineScripted }
func (echoEngine) Start(sc *openline.Scenario, seed int64) (persona.Prospect, error) {
	return &echoProspect{}, nil
}

// fakeClock is a clock tests move by hand.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func testScenario() *openline.Scenario {
	return &openline.Scenario{
		ID: "test-call", Language: openline.German, Title: "Test", Difficulty: openline.Easy,
		Direction: openline.Outbound, Brief: "Rufen Sie an.", Version: "v1",
		Persona: openline.Persona{Name: "Herr Müller", Role: "Inhaber", Company: "Müller GmbH"},
	}
}

// mustStore opens a real SQLite store in a temporary folder.
func mustStore(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// mustUser creates a trainee.
func mustUser(t *testing.T, st openline.UserStore, name string) *openline.User {
	t.Helper()
	u := &openline.User{Name: name, Role: openline.RoleTrainee, PasswordHash: "x", CreatedAt: time.Now()}
	if err := st.CreateUser(context.Background(), u); err != nil {
		t.Fatal(err)
	}
	return u
}

// mustCall creates and opens a call with an echo prospect.
func mustCall(t *testing.T, st openline.CallStore, u *openline.User, clk *fakeClock, p *echoProspect) *Call {
	t.Helper()
	return mustCallWith(t, st, u, clk, p)
}

// immediateEcho is an echo prospect that says it has its whole replies at
// once, as the scripted engine does (persona.Immediate).
type immediateEcho struct{ *echoProspect }

func (immediateEcho) Immediate() {}

// mustCallWith is mustCall with any prospect.
func mustCallWith(t *testing.T, st openline.CallStore, u *openline.User, clk *fakeClock, p persona.Prospect) *Call {
	t.Helper()
	ctx := context.Background()
	c, err := New(ctx, Config{Store: st, Scenario: testScenario(), Engine: openline.EngineScripted, Prospect: p, User: u, Now: clk.Now, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Open(ctx, nil); err != nil {
		t.Fatal(err)
	}
	return c
}

// countingStore counts the writes of turns and fails AppendTurns when
// failPairs is set.
type countingStore struct {
	openline.CallStore
	mu        sync.Mutex
	single    int // AppendTurn calls
	pairs     int // AppendTurns calls
	failPairs bool
}

func (s *countingStore) AppendTurn(ctx context.Context, t openline.StoredTurn) error {
	s.mu.Lock()
	s.single++
	s.mu.Unlock()
	return s.CallStore.AppendTurn(ctx, t)
}

func (s *countingStore) AppendTurns(ctx context.Context, ts ...openline.StoredTurn) error {
	s.mu.Lock()
	s.pairs++
	fail := s.failPairs
	s.mu.Unlock()
	if fail {
		return errors.New("disk full")
	}
	return s.CallStore.AppendTurns(ctx, ts...)
}

func (s *countingStore) counts() (single, pairs int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.single, s.pairs
}

// TestTurnsAreStoredBeforeTheyAreAnswered: the trainee's turn is stored
// before the prospect is asked; with a prospect that answers at once (the
// scripted engine, persona.Immediate) together with the answer, in one
// transaction. Either way both are stored before Say returns.
func TestTurnsAreStoredBeforeTheyAreAnswered(t *testing.T) {
	for _, tt := range []struct {
		name            string
		immediate       bool
		storedWhenAsked int // turns stored when the prospect answers
		single, pairs   int // writes of the one Say
	}{
		{"takes its time", false, 2, 2, 0},
		{"immediate", true, 1, 0, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			st := mustStore(t)
			u := mustUser(t, st, "anna")
			clk := newClock()
			p := &echoProspect{}
			cs := &countingStore{CallStore: st}
			var pr persona.Prospect = p
			if tt.immediate {
				pr = immediateEcho{p}
			}
			c := mustCallWith(t, cs, u, clk, pr)
			var storedAtRespond int
			p.check = func(said string) {
				turns, err := st.Turns(ctx, c.ID())
				if err != nil {
					t.Error(err)
				}
				storedAtRespond = len(turns)
				if last := turns[len(turns)-1]; tt.storedWhenAsked == 2 && (last.Speaker != openline.Trainee || last.Text != said) {
					t.Errorf("last stored turn when the prospect answers = %+v, want the trainee's %q", last.Turn, said)
				}
			}
			single0, pairs0 := cs.counts()
			var deltas []string
			r, err := c.Say(ctx, "Guten Tag, wie geht es Ihnen?", func(d string) { deltas = append(deltas, d) })
			if err != nil {
				t.Fatal(err)
			}
			if storedAtRespond != tt.storedWhenAsked {
				t.Errorf("turns stored when the prospect answered = %d, want %d", storedAtRespond, tt.storedWhenAsked)
			}
			if single, pairs := cs.counts(); single-single0 != tt.single || pairs-pairs0 != tt.pairs {
				t.Errorf("writes of one say: %d AppendTurn, %d AppendTurns; want %d, %d", single-single0, pairs-pairs0, tt.single, tt.pairs)
			}
			if r.Turn != 2 || r.Text != "Sie sagten: Guten Tag, wie geht es Ihnen?" {
				t.Errorf("reply = %+v", r)
			}
			if got := strings.Join(deltas, ""); got != r.Text {
				t.Errorf("deltas joined = %q, want the reply %q", got, r.Text)
			}
			turns, err := st.Turns(ctx, c.ID())
			if err != nil {
				t.Fatal(err)
			}
			if len(turns) != 3 || len(c.Turns()) != 3 {
				t.Fatalf("stored turns = %d, in memory %d, want 3", len(turns), len(c.Turns()))
			}
			if turns[1].Speaker != openline.Trainee || turns[1].Text != "Guten Tag, wie geht es Ihnen?" {
				t.Errorf("turn 1 = %+v, want the trainee's", turns[1].Turn)
			}
			if turns[2].State == nil || turns[2].State.Node != "opening" || len(turns[2].State.Revealed) != 1 {
				t.Errorf("state after the prospect's turn = %+v", turns[2].State)
			}
			if turns[1].State != nil {
				t.Errorf("a trainee turn has state %+v, want none", turns[1].State)
			}
			// The API sends the states as JSON: an empty list is [], never null.
			if turns[0].State == nil || turns[0].State.Revealed == nil {
				t.Errorf("state after the opening = %+v, want revealed as an empty list", turns[0].State)
			}
		})
	}
}

// TestPairedTurnWithoutAnswer: an immediate prospect that fails to answer
// leaves the trainee's turn stored alone and unanswered; a pair the store
// refuses leaves neither, and the call goes on at the right index.
func TestPairedTurnWithoutAnswer(t *testing.T) {
	ctx := context.Background()
	st := mustStore(t)
	u := mustUser(t, st, "anna")
	clk := newClock()
	p := &echoProspect{}
	cs := &countingStore{CallStore: st}
	c := mustCallWith(t, cs, u, clk, immediateEcho{p})

	cs.failPairs = true
	if _, err := c.Say(ctx, "Hallo?", nil); err == nil {
		t.Fatal("say with the store failing: no error")
	}
	if n := len(c.Turns()); n != 1 || c.Unanswered() {
		t.Errorf("after a refused pair: %d turns, unanswered %v; want 1, false", n, c.Unanswered())
	}
	cs.failPairs = false
	if r, err := c.Say(ctx, "Hallo, Herr Müller?", nil); err != nil || r.Turn != 2 {
		t.Fatalf("say after a refused pair = %+v, %v; want the reply as turn 2", r, err)
	}

	p.state.Outcome = openline.OutcomeHungUp // the prospect answers no more
	if _, err := c.Say(ctx, "Sind Sie noch da?", nil); !errors.Is(err, persona.ErrCallOver) {
		t.Fatalf("say to a prospect that fails = %v, want ErrCallOver", err)
	}
	turns, err := st.Turns(ctx, c.ID())
	if err != nil {
		t.Fatal(err)
	}
	if len(turns) != 4 || turns[3].Text != "Sind Sie noch da?" || !c.Unanswered() {
		t.Errorf("stored %d turns (last %+v), unanswered %v; want the trainee's turn stored alone, unanswered", len(turns), turns[len(turns)-1].Turn, c.Unanswered())
	}
}

func TestTurnTimesComeFromTheClock(t *testing.T) {
	ctx := context.Background()
	st := mustStore(t)
	u := mustUser(t, st, "anna")
	clk := newClock()
	c := mustCall(t, st, u, clk, &echoProspect{})
	clk.Advance(2500 * time.Millisecond)
	if _, err := c.Say(ctx, "Hallo", nil); err != nil {
		t.Fatal(err)
	}
	clk.Advance(time.Second)
	if _, err := c.Say(ctx, "Wie läuft es?", nil); err != nil {
		t.Fatal(err)
	}
	want := []int64{0, 2500, 2500, 3500, 3500}
	turns := c.Turns()
	if len(turns) != len(want) {
		t.Fatalf("turns = %d, want %d", len(turns), len(want))
	}
	for i, tu := range turns {
		if tu.StartMS == nil || tu.EndMS == nil || *tu.StartMS != want[i] || *tu.EndMS != want[i] {
			t.Errorf("turn %d times = %v..%v, want %d", i, tu.StartMS, tu.EndMS, want[i])
		}
	}
}

func TestSayRejects(t *testing.T) {
	ctx := context.Background()
	st := mustStore(t)
	u := mustUser(t, st, "anna")
	tests := []struct {
		name    string
		text    string
		wantErr error
	}{
		{"4,001 characters", strings.Repeat("ä", MaxTurnChars+1), ErrTurnTooLong},
		{"invalid UTF-8", "Hallo \xff", ErrInvalidText},
		{"NUL byte", "Hallo\x00Welt", ErrInvalidText},
		{"escape sequence", "Hallo \x1b[2J", ErrInvalidText},
		{"C1 control", "Hallo \u0085", ErrInvalidText},
		{"tabs and line breaks are text", "Erstens\tja,\r\nzweitens nein.", nil},
		{"4,000 characters are fine", strings.Repeat("ä", MaxTurnChars), nil},
		{"silence goes to the engine", "", nil},
		{"white space is silence", " \t\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustCall(t, st, u, newClock(), &echoProspect{})
			r, err := c.Say(ctx, tt.text, nil)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Fatalf("Say error = %v, want %v", err, tt.wantErr)
			}
			turns, _ := st.Turns(ctx, c.ID())
			wantTurns := 1
			if tt.wantErr == nil {
				wantTurns = 3
				said, kept := tt.text, tt.text
				if strings.TrimSpace(said) == "" {
					said, kept = "", Silence
				}
				if r.Text != "Sie sagten: "+said {
					t.Errorf("reply = %q, want the engine to get %q", r.Text, said)
				}
				if len(turns) == 3 && turns[1].Text != kept {
					t.Errorf("stored trainee turn = %q, want %q", turns[1].Text, kept)
				}
			}
			if len(turns) != wantTurns {
				t.Errorf("stored turns = %d, want %d", len(turns), wantTurns)
			}
			if c.Ended() != nil {
				t.Errorf("the call ended after %s", tt.name)
			}
		})
	}
}

func TestOutcomes(t *testing.T) {
	ctx := context.Background()
	st := mustStore(t)
	u := mustUser(t, st, "anna")
	tests := []struct {
		name         string
		say          []string
		end          func(*Call) (*End, error) // nil: the prospect hangs up on the last line
		wantBy       openline.Speaker
		wantOutcome  openline.Outcome
		wantNextStep string
	}{
		{"prospect hangs up", []string{"Hallo", "tschüss!"}, nil, openline.Prospect, openline.OutcomeHungUp, ""},
		{"trainee hangs up politely", []string{"Hallo"}, func(c *Call) (*End, error) { return c.Hangup(ctx) }, openline.Trainee, openline.OutcomePoliteEnd, ""},
		{"trainee hangs up after a next step", []string{"Hallo", "termin?"}, func(c *Call) (*End, error) { return c.Hangup(ctx) }, openline.Trainee, openline.OutcomeNextStep, "meeting"},
		{"interrupted", []string{"Hallo"}, func(c *Call) (*End, error) { return c.Interrupt(ctx) }, "", openline.OutcomeInterrupted, ""},
		{"interrupted before a word", nil, func(c *Call) (*End, error) { return c.Interrupt(ctx) }, "", openline.OutcomeInterrupted, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustCall(t, st, u, newClock(), &echoProspect{})
			var end *End
			for _, s := range tt.say {
				r, err := c.Say(ctx, s, nil)
				if err != nil {
					t.Fatal(err)
				}
				if end = r.End; end != nil {
					if end.Card != nil {
						t.Error("the reply came scored: scoring holds up the reply")
					}
					if end, err = c.Finish(ctx); err != nil {
						t.Fatal(err)
					}
				}
			}
			if tt.end != nil {
				var err error
				if end, err = tt.end(c); err != nil {
					t.Fatal(err)
				}
			}
			if end == nil {
				t.Fatal("the call did not end")
			}
			if end.By != tt.wantBy || end.Outcome != tt.wantOutcome || end.NextStep != tt.wantNextStep {
				t.Errorf("end = %+v, want by %q outcome %q next step %q", end, tt.wantBy, tt.wantOutcome, tt.wantNextStep)
			}
			if end.Card == nil {
				t.Error("no scorecard")
			}
			rec, err := st.Call(ctx, c.ID())
			if err != nil {
				t.Fatal(err)
			}
			if rec.EndedAt == nil || rec.Outcome != tt.wantOutcome || rec.NextStep != tt.wantNextStep {
				t.Errorf("stored call = ended %v outcome %q next step %q", rec.EndedAt, rec.Outcome, rec.NextStep)
			}
			if _, err := st.Scorecard(ctx, c.ID()); err != nil {
				t.Errorf("stored scorecard: %v", err)
			}
			if _, err := c.Say(ctx, "Hallo?", nil); !errors.Is(err, ErrEnded) {
				t.Errorf("Say after the end: error = %v, want ErrEnded", err)
			}
			if _, err := c.Hangup(ctx); !errors.Is(err, ErrEnded) {
				t.Errorf("Hangup after the end: error = %v, want ErrEnded", err)
			}
		})
	}
}

// cutProspect is an echo prospect that, the first time a turn contains
// "warte", streams said (which may be nothing) and then waits for its
// context: a prospect stopped mid-sentence.
type cutProspect struct {
	echoProspect
	said string
	cut  bool
}

func (p *cutProspect) Respond(ctx context.Context, said string, stream persona.Stream) (persona.Reply, error) {
	if p.cut || !strings.Contains(said, "warte") {
		return p.echoProspect.Respond(ctx, said, stream)
	}
	p.cut = true
	stream(p.said)
	<-ctx.Done()
	return persona.Reply{Text: p.said}, ctx.Err()
}

func TestACancelledAnswerKeepsWhatWasSaid(t *testing.T) {
	tests := []struct {
		name, spoken   string
		wantTurns      int
		wantUnanswered bool
	}{
		{"cut mid-sentence", "Ja, also ", 3, false},
		{"cut before a word", "", 2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := mustStore(t)
			u := mustUser(t, st, "anna")
			p := &cutProspect{said: tt.spoken}
			c, err := New(context.Background(), Config{Store: st, Scenario: testScenario(), Engine: openline.EngineScripted, Prospect: p, User: u, Now: newClock().Now, Seed: 7})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.Open(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			r, err := c.Say(ctx, "warte kurz", func(string) { cancel() }) // hung up on as soon as they speak
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("Say error = %v, want context.Canceled", err)
			}
			if tt.spoken != "" && (r == nil || r.Text != tt.spoken || r.Turn != 2) {
				t.Errorf("reply = %+v, want turn 2 %q", r, tt.spoken)
			}
			if tt.spoken == "" && r != nil {
				t.Errorf("reply = %+v, want none", r)
			}
			turns, err := st.Turns(context.Background(), c.ID())
			if err != nil {
				t.Fatal(err)
			}
			if len(turns) != tt.wantTurns {
				t.Errorf("stored %d turns, want %d", len(turns), tt.wantTurns)
			}
			if got := c.Unanswered(); got != tt.wantUnanswered {
				t.Errorf("Unanswered = %v, want %v", got, tt.wantUnanswered)
			}
			if !tt.wantUnanswered {
				if _, err := c.Answer(context.Background(), nil); err == nil {
					t.Error("Answer of an answered turn: no error")
				}
				return
			}
			r, err = c.Answer(context.Background(), nil)
			if err != nil || r.Turn != 2 || r.Text != "Sie sagten: warte kurz" {
				t.Fatalf("Answer = %+v, %v; want turn 2 answering the waiting turn", r, err)
			}
			if c.Unanswered() {
				t.Error("still unanswered after Answer")
			}
		})
	}
}

func TestCoachingNeverChangesTheNumbers(t *testing.T) {
	play := func(coach Coach, interrupt bool) *openline.Scorecard {
		st := mustStore(t)
		u := mustUser(t, st, "anna")
		c, err := New(context.Background(), Config{Store: st, Scenario: testScenario(), Engine: openline.EngineScripted, Prospect: &echoProspect{}, User: u, Now: newClock().Now, Seed: 7, Coach: coach})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		if _, err := c.Open(ctx, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Say(ctx, "Guten Tag, wie geht es Ihnen heute?", nil); err != nil {
			t.Fatal(err)
		}
		var e *End
		if interrupt {
			e, err = c.Interrupt(ctx)
		} else {
			e, err = c.Hangup(ctx)
		}
		if err != nil || e.Card == nil {
			t.Fatalf("end: %v", err)
		}
		stored, err := st.Scorecard(ctx, c.ID())
		if err != nil || (stored.Coaching == nil) != (e.Card.Coaching == nil) {
			t.Fatalf("stored scorecard %+v, %v: want the coaching kept as sent", stored, err)
		}
		return e.Card
	}
	coach := func(ctx context.Context, sc *openline.Scenario, tr openline.Transcript, card *openline.Scorecard) (*openline.Coaching, error) {
		card.Openness = 100 // a coach that tried to change a number changes nothing: it gets a copy
		return &openline.Coaching{Text: "Gut begonnen.", Model: "m", By: "llm"}, nil
	}
	plain, coached := play(nil, false), play(coach, false)
	if coached.Coaching == nil || coached.Coaching.Text != "Gut begonnen." || plain.Coaching != nil {
		t.Fatalf("coaching: with a coach %+v, without %+v", coached.Coaching, plain.Coaching)
	}
	if coached.Openness != plain.Openness || coached.Curiosity != plain.Curiosity || len(coached.Parts) != len(plain.Parts) {
		t.Errorf("scores with coaching %d/%d, without %d/%d: the numbers must not depend on it", coached.Openness, coached.Curiosity, plain.Openness, plain.Curiosity)
	}
	if c := play(coach, true); c.Coaching != nil {
		t.Error("an interrupted call was coached")
	}
}

// TestUnscoredHangupIsFinishedByWhoeverComesFirst: a call the prospect
// hung up on is over at once, but scored only by Finish; should the
// caller not get to it (the server shuts down), Interrupt and Hangup
// score and store it with the prospect's outcome, once.
func TestUnscoredHangupIsFinishedByWhoeverComesFirst(t *testing.T) {
	ctx := context.Background()
	st := mustStore(t)
	u := mustUser(t, st, "anna")
	for _, tt := range []struct {
		name   string
		finish func(*Call) (*End, error)
	}{
		{"Finish", func(c *Call) (*End, error) { return c.Finish(ctx) }},
		{"Interrupt", func(c *Call) (*End, error) { return c.Interrupt(ctx) }},
		{"Hangup", func(c *Call) (*End, error) {
			_, err := c.Hangup(ctx)
			if !errors.Is(err, ErrEnded) {
				t.Errorf("Hangup after the prospect hung up: %v, want ErrEnded", err)
			}
			return c.Ended(), nil
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := mustCall(t, st, u, newClock(), &echoProspect{})
			r, err := c.Say(ctx, "tschüss!", nil)
			if err != nil || r.End == nil {
				t.Fatalf("Say = %+v, %v; want the prospect to hang up", r, err)
			}
			if _, err := c.Say(ctx, "Hallo?", nil); !errors.Is(err, ErrEnded) {
				t.Errorf("Say before scoring: %v, want ErrEnded", err)
			}
			if _, err := st.Scorecard(ctx, c.ID()); !errors.Is(err, openline.ErrNotFound) {
				t.Errorf("stored scorecard before scoring: %v, want none", err)
			}
			end, err := tt.finish(c)
			if err != nil {
				t.Fatal(err)
			}
			if end == nil || end.Card == nil || end.By != openline.Prospect || end.Outcome != openline.OutcomeHungUp {
				t.Fatalf("end = %+v, want the prospect's hang-up, scored", end)
			}
			rec, err := st.Call(ctx, c.ID())
			if err != nil {
				t.Fatal(err)
			}
			if rec.EndedAt == nil || rec.Outcome != openline.OutcomeHungUp {
				t.Errorf("stored call = ended %v outcome %q, want hung_up", rec.EndedAt, rec.Outcome)
			}
			if _, err := c.Finish(ctx); err == nil {
				t.Error("Finish a second time: no error")
			}
			if _, err := c.Interrupt(ctx); !errors.Is(err, ErrEnded) {
				t.Errorf("Interrupt after scoring: %v, want ErrEnded", err)
			}
		})
	}
}
