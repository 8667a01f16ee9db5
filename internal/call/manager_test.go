package call

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
)

// oneScenario is a catalogue of one scenario at one version.
type oneScenario struct{ sc *openline.Scenario }

func (o oneScenario) Current(id string) *openline.Scenario {
	if id == o.sc.ID {
		return o.sc
	}
	return nil
}

func (o oneScenario) Version(_ context.Context, id, version string) (*openline.Scenario, error) {
	if id == o.sc.ID && version == o.sc.Version {
		return o.sc, nil
	}
	return nil, openline.ErrNotFound
}

func newTestManager(t *testing.T, st openline.CallStore, clk *fakeClock) *Manager {
	t.Helper()
	sc := testScenario()
	return NewManager(ManagerConfig{
		Store:     st,
		Scenarios: oneScenario{sc},
		Engines:   []persona.Engine{echoEngine{}},
		Now:       clk.Now,
		Seed:      func() int64 { return 1 },
	})
}

func TestManagerStart(t *testing.T) {
	ctx := context.Background()
	st := mustStore(t)
	u := mustUser(t, st, "anna")
	m := newTestManager(t, st, newClock())
	tests := []struct {
		name     string
		scenario string
		engine   openline.EngineName
		wantErr  error
	}{
		{"known", "test-call", openline.EngineScripted, nil},
		{"unknown scenario", "nope", openline.EngineScripted, ErrUnknownScenario},
		{"engine not configured", "test-call", openline.EngineLLM, ErrUnknownEngine},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := m.Start(ctx, u, tt.scenario, tt.engine)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Fatalf("Start error = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			rec, err := st.Call(ctx, c.ID())
			if err != nil {
				t.Fatal(err)
			}
			if rec.UserID != u.ID || rec.ScenarioID != tt.scenario || rec.Engine != tt.engine || rec.Seed != 1 || rec.ScenarioVersion != "v1" {
				t.Errorf("stored call = %+v", rec)
			}
		})
	}
}

func TestManagerResume(t *testing.T) {
	ctx := context.Background()
	st := mustStore(t)
	anna, ben := mustUser(t, st, "anna"), mustUser(t, st, "ben")
	clk := newClock()
	m := newTestManager(t, st, clk)
	c, err := m.Start(ctx, anna, "test-call", openline.EngineScripted)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Open(ctx, nil); err != nil {
		t.Fatal(err)
	}

	if _, err := m.Resume(ctx, anna, c.ID()); !errors.Is(err, ErrInUse) {
		t.Errorf("resume while attached: error = %v, want ErrInUse", err)
	}
	m.Release(c)
	if _, err := m.Resume(ctx, ben, c.ID()); !errors.Is(err, ErrNotFound) {
		t.Errorf("resume of another's call: error = %v, want ErrNotFound", err)
	}
	if _, err := m.Resume(ctx, anna, "5b0c2a48-0000-4000-8000-000000000000"); !errors.Is(err, ErrNotFound) {
		t.Errorf("resume of an unknown call: error = %v, want ErrNotFound", err)
	}
	got, err := m.Resume(ctx, anna, c.ID())
	if err != nil || got != c {
		t.Fatalf("resume by the owner = %v, %v; want the live call", got, err)
	}
	if _, err := got.Say(ctx, "Hallo", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := got.Hangup(ctx); err != nil {
		t.Fatal(err)
	}
	m.Release(got)
	if m.Active() != 0 {
		t.Errorf("active calls after the end = %d, want 0", m.Active())
	}
	if _, err := m.Resume(ctx, anna, c.ID()); !errors.Is(err, ErrEnded) {
		t.Errorf("resume of an ended call: error = %v, want ErrEnded", err)
	}
}

func TestManagerReapsCallsLeftAlone(t *testing.T) {
	ctx := context.Background()
	st := mustStore(t)
	u := mustUser(t, st, "anna")
	clk := newClock()
	m := newTestManager(t, st, clk)
	start := func() *Call {
		c, err := m.Start(ctx, u, "test-call", openline.EngineScripted)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Open(ctx, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Say(ctx, "Guten Tag, wie geht es Ihnen?", nil); err != nil {
			t.Fatal(err)
		}
		return c
	}
	attached := start()
	left := start()
	m.Release(left)

	clk.Advance(IdleTimeout - time.Second)
	if n := m.Reap(ctx); n != 0 {
		t.Errorf("reaped %d calls before the idle timeout, want 0", n)
	}
	clk.Advance(time.Second)
	if n := m.Reap(ctx); n != 1 {
		t.Errorf("reaped %d calls at the idle timeout, want 1", n)
	}
	if e := left.Ended(); e == nil || e.Outcome != openline.OutcomeInterrupted || e.Card == nil {
		t.Errorf("the call left alone ended as %+v, want interrupted and scored", e)
	}
	rec, err := st.Call(ctx, left.ID())
	if err != nil {
		t.Fatal(err)
	}
	if rec.Outcome != openline.OutcomeInterrupted || rec.Openness == nil {
		t.Errorf("stored call: outcome %q, openness %v; want interrupted and scored", rec.Outcome, rec.Openness)
	}
	if attached.Ended() != nil {
		t.Error("a call with a socket was reaped")
	}
	if m.Active() != 1 {
		t.Errorf("active calls = %d, want 1", m.Active())
	}
	m.Shutdown(ctx)
	if e := attached.Ended(); e == nil || e.Outcome != openline.OutcomeInterrupted {
		t.Errorf("after shutdown the live call ended as %+v, want interrupted", e)
	}
}

// server is a manager with its own id on a shared store.
func server(t *testing.T, st openline.CallStore, clk *fakeClock, owner string) *Manager {
	t.Helper()
	sc := testScenario()
	return NewManager(ManagerConfig{
		Store:     st,
		Scenarios: oneScenario{sc},
		Engines:   []persona.Engine{echoEngine{}},
		Now:       clk.Now,
		Seed:      func() int64 { return 1 },
		Owner:     owner,
	})
}

// TestRecoverOpen: a restarted server ends the calls it held before, at
// start; the calls another server holds go on.
func TestRecoverOpen(t *testing.T) {
	ctx := context.Background()
	st := mustStore(t)
	u := mustUser(t, st, "anna")
	clk := newClock()
	// A previous process of server a: a call with turns, never ended,
	// and one without turns.
	old := server(t, st, clk, "a")
	c, err := old.Start(ctx, u, "test-call", openline.EngineScripted)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Open(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Say(ctx, "Was beschäftigt Sie gerade?", nil); err != nil {
		t.Fatal(err)
	}
	c2, err := old.Start(ctx, u, "test-call", openline.EngineScripted)
	if err != nil {
		t.Fatal(err)
	}
	other, err := server(t, st, clk, "b").Start(ctx, u, "test-call", openline.EngineScripted)
	if err != nil {
		t.Fatal(err)
	}

	m := server(t, st, clk, "a")
	n, err := m.RecoverOpen(ctx)
	if err != nil || n != 2 {
		t.Fatalf("RecoverOpen = %d, %v; want 2", n, err)
	}
	if _, err := m.Resume(ctx, u, c.ID()); !errors.Is(err, ErrEnded) {
		t.Errorf("resume after a restart: error = %v, want ErrEnded", err)
	}
	rec, err := st.Call(ctx, c.ID())
	if err != nil {
		t.Fatal(err)
	}
	if rec.Outcome != openline.OutcomeInterrupted {
		t.Errorf("outcome = %q, want interrupted", rec.Outcome)
	}
	if _, err := st.Scorecard(ctx, c2.ID()); err != nil {
		t.Errorf("scorecard of a recovered call without turns: %v", err)
	}
	if open, _ := st.OpenCalls(ctx); len(open) != 1 || open[0].ID != other.ID() {
		t.Errorf("open calls after recovery = %v, want only server b's", callIDs(open))
	}
}

func callIDs(cs []openline.Call) []string {
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID)
	}
	return ids
}

// TestTakeOver: a call is live on one server at a time; when its server
// dies (renews no more), another takes it over once the lease lapses,
// and the call goes on there with the prospect where it was.
func TestTakeOver(t *testing.T) {
	ctx := context.Background()
	st := mustStore(t)
	u := mustUser(t, st, "anna")
	clk := newClock()
	a, b := server(t, st, clk, "a"), server(t, st, clk, "b")
	c, err := a.Start(ctx, u, "test-call", openline.EngineScripted)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Open(ctx, nil); err != nil {
		t.Fatal(err)
	}
	for _, said := range []string{"Erste Frage?", ""} {
		if _, err := c.Say(ctx, said, nil); err != nil {
			t.Fatal(err)
		}
	}
	a.Release(c) // the socket went

	// a lives: its lease holds, renewed by its reaper.
	if _, err := b.Resume(ctx, u, c.ID()); !errors.Is(err, ErrInUse) {
		t.Fatalf("resume on b while a holds the call: %v, want ErrInUse", err)
	}
	clk.Advance(LeaseTTL - time.Second)
	a.Reap(ctx)
	clk.Advance(LeaseTTL - time.Second)
	if _, err := b.Resume(ctx, u, c.ID()); !errors.Is(err, ErrInUse) {
		t.Fatalf("resume on b after a renewed: %v, want ErrInUse", err)
	}
	// a dies: nothing renews its lease.
	clk.Advance(2 * time.Second)
	if _, err := b.Resume(ctx, mustUser(t, st, "bert"), c.ID()); !errors.Is(err, ErrNotFound) {
		t.Errorf("resume of anna's call by bert: %v, want ErrNotFound", err)
	}
	got, err := b.Resume(ctx, u, c.ID())
	if err != nil {
		t.Fatalf("resume on b after a's lease lapsed: %v", err)
	}
	if want := c.Turns(); !equalTurns(got.Turns(), want) {
		t.Errorf("turns on b = %+v, want %+v", got.Turns(), want)
	}
	if !got.Opened() || got.Unanswered() {
		t.Errorf("taken over: opened %v, unanswered %v; want opened and answered", got.Opened(), got.Unanswered())
	}
	// The prospect was replayed: two answers, two needs revealed, then a
	// third.
	r, err := got.Say(ctx, "Und weiter?", nil)
	if err != nil {
		t.Fatalf("say on b: %v", err)
	}
	if r.Turn != 6 || r.Text != "Sie sagten: Und weiter?" {
		t.Errorf("reply on b = %+v, want turn 6 echoing", r)
	}
	stored, err := st.Turns(ctx, c.ID())
	if err != nil {
		t.Fatal(err)
	}
	if last := stored[len(stored)-1].State; last == nil || len(last.Revealed) != 3 {
		t.Errorf("prospect state after the take-over = %+v, want 3 needs revealed (2 replayed)", last)
	}
	// a, were it alive (it still has the call in memory), could not end
	// the call b holds now when it shuts down, nor take it back.
	a.Shutdown(ctx)
	if rec, err := st.Call(ctx, c.ID()); err != nil || rec.EndedAt != nil {
		t.Errorf("after a's shutdown the call b holds is %+v, %v; want it going on", rec, err)
	}
	if _, err := a.Resume(ctx, u, c.ID()); !errors.Is(err, ErrInUse) {
		t.Errorf("resume on a of the call b holds: %v, want ErrInUse", err)
	}
}

func equalTurns(a, b []openline.Turn) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Speaker != b[i].Speaker || a[i].Text != b[i].Text {
			return false
		}
	}
	return true
}

// TestOrphansEnd: a call whose server died and that nobody resumes is
// ended, as interrupted, by another server's reaper after the lease
// lapsed and the idle timeout passed.
func TestOrphansEnd(t *testing.T) {
	ctx := context.Background()
	st := mustStore(t)
	u := mustUser(t, st, "anna")
	clk := newClock()
	a, b := server(t, st, clk, "a"), server(t, st, clk, "b")
	c, err := a.Start(ctx, u, "test-call", openline.EngineScripted)
	if err != nil {
		t.Fatal(err)
	}
	clk.Advance(LeaseTTL + IdleTimeout - time.Second)
	if n := b.Reap(ctx); n != 0 {
		t.Errorf("b reaped %d calls before the idle timeout after the lapse", n)
	}
	clk.Advance(time.Second)
	if n := b.Reap(ctx); n != 1 {
		t.Errorf("b reaped %d calls, want a's orphan", n)
	}
	rec, err := st.Call(ctx, c.ID())
	if err != nil || rec.Outcome != openline.OutcomeInterrupted {
		t.Errorf("orphan = %+v, %v; want interrupted", rec, err)
	}
}

// TestManagerLimitsLiveCallsPerUser: one user cannot fill the server with
// calls, even when starting them all at once; ended calls and calls of
// other users do not count.
func TestManagerLimitsLiveCallsPerUser(t *testing.T) {
	ctx := context.Background()
	st := mustStore(t)
	anna, ben := mustUser(t, st, "anna"), mustUser(t, st, "ben")
	clk := newClock()
	m := newTestManager(t, st, clk)

	const tries = 3 * MaxLivePerUser
	calls := make(chan *Call, tries)
	errs := make(chan error, tries)
	var wg sync.WaitGroup
	for range tries {
		wg.Go(func() {
			c, err := m.Start(ctx, anna, "test-call", openline.EngineScripted)
			if err != nil {
				errs <- err
				return
			}
			calls <- c
		})
	}
	wg.Wait()
	close(calls)
	close(errs)
	var live []*Call
	for c := range calls {
		live = append(live, c)
	}
	if len(live) != MaxLivePerUser {
		t.Fatalf("%d concurrent starts placed %d calls, want %d", tries, len(live), MaxLivePerUser)
	}
	for err := range errs {
		if !errors.Is(err, ErrTooManyCalls) {
			t.Errorf("start over the limit: error = %v, want ErrTooManyCalls", err)
		}
	}
	if open, err := st.OpenCalls(ctx); err != nil || len(open) != MaxLivePerUser {
		t.Errorf("stored open calls = %d (%v), want %d: a refused start stores nothing", len(open), err, MaxLivePerUser)
	}
	if _, err := m.Start(ctx, ben, "test-call", openline.EngineScripted); err != nil {
		t.Errorf("another user's start: %v, want a call", err)
	}

	// A call without a socket still counts, until it ends.
	m.Release(live[0])
	if _, err := m.Start(ctx, anna, "test-call", openline.EngineScripted); !errors.Is(err, ErrTooManyCalls) {
		t.Errorf("start with a detached live call: error = %v, want ErrTooManyCalls", err)
	}
	if _, err := live[1].Hangup(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Start(ctx, anna, "test-call", openline.EngineScripted); err != nil {
		t.Errorf("start after hanging up one: %v, want a call", err)
	}
	if _, err := m.Start(ctx, anna, "test-call", openline.EngineScripted); !errors.Is(err, ErrTooManyCalls) {
		t.Errorf("start over the limit again: error = %v, want ErrTooManyCalls", err)
	}
	clk.Advance(IdleTimeout)
	if n := m.Reap(ctx); n != 1 {
		t.Fatalf("reaped %d, want the 1 detached call", n)
	}
	if _, err := m.Start(ctx, anna, "test-call", openline.EngineScripted); err != nil {
		t.Errorf("start after the idle call ended: %v, want a call", err)
	}
}

// TestManagerLimitsLiveCallsPerServer: at MaxLive live calls a new call
// is refused at once with ErrServerFull and stores nothing; when a call
// ends there is room again.
func TestManagerLimitsLiveCallsPerServer(t *testing.T) {
	ctx := context.Background()
	st := mustStore(t)
	anna, ben := mustUser(t, st, "anna"), mustUser(t, st, "ben")
	sc := testScenario()
	m := NewManager(ManagerConfig{
		Store:     st,
		Scenarios: oneScenario{sc},
		Engines:   []persona.Engine{echoEngine{}},
		Now:       newClock().Now,
		MaxLive:   3,
	})
	var live []*Call
	for _, u := range []*openline.User{anna, anna, ben} {
		c, err := m.Start(ctx, u, "test-call", openline.EngineScripted)
		if err != nil {
			t.Fatal(err)
		}
		live = append(live, c)
	}
	if _, err := m.Start(ctx, ben, "test-call", openline.EngineScripted); !errors.Is(err, ErrServerFull) {
		t.Fatalf("fourth call: error = %v, want ErrServerFull", err)
	}
	if open, err := st.OpenCalls(ctx); err != nil || len(open) != 3 {
		t.Errorf("stored open calls = %d (%v), want 3: a refused start stores nothing", len(open), err)
	}
	if _, err := live[0].Hangup(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Start(ctx, ben, "test-call", openline.EngineScripted); err != nil {
		t.Errorf("after a hang-up: %v, want a call", err)
	}
}
