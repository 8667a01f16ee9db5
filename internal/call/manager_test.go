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

func newTestManager(t *testing.T, st openline.CallStore, clk *fakeClock) *Manager {
	t.Helper()
	sc := testScenario()
	return NewManager(ManagerConfig{
		Store:    st,
		Scenario: func(id string) *openline.Scenario { return map[string]*openline.Scenario{sc.ID: sc}[id] },
		Engines:  []persona.Engine{echoEngine{}},
		Now:      clk.Now,
		Seed:     func() int64 { return 1 },
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

func TestRecoverOpen(t *testing.T) {
	ctx := context.Background()
	st := mustStore(t)
	u := mustUser(t, st, "anna")
	clk := newClock()
	// A previous process: a call with turns, never ended.
	old := newTestManager(t, st, clk)
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

	m := newTestManager(t, st, clk)
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

	c2, err := old.Start(ctx, u, "test-call", openline.EngineScripted)
	if err != nil {
		t.Fatal(err)
	}
	n, err := m.RecoverOpen(ctx)
	if err != nil || n != 1 {
		t.Fatalf("RecoverOpen = %d, %v; want 1", n, err)
	}
	if open, _ := st.OpenCalls(ctx); len(open) != 0 {
		t.Errorf("open calls after recovery = %d, want 0", len(open))
	}
	if _, err := st.Scorecard(ctx, c2.ID()); err != nil {
		t.Errorf("scorecard of a recovered call without turns: %v", err)
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
