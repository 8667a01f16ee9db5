package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/openline/openline/internal/openline"
)

// closeFrame reads until the server closes and returns the close error.
func (c *client) closeFrame() *websocket.CloseError {
	c.t.Helper()
	_ = c.ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		_, _, err := c.ws.ReadMessage()
		if err == nil {
			continue
		}
		ce, ok := err.(*websocket.CloseError)
		if !ok {
			c.t.Fatalf("read until close: %v", err)
		}
		return ce
	}
}

// closeServer runs Server.Close in the background and returns its result.
func closeServer(a *app) <-chan error {
	done := make(chan error, 1)
	go func() { done <- a.srv.Close(context.Background()) }()
	return done
}

// TestShutdownLetsATurnInProgressFinish: a shutdown while the prospect
// speaks lets them finish, sends the whole reply, stores it, then closes
// the socket with 1001 and the reason, and ends the call as interrupted,
// scored.
func TestShutdownLetsATurnInProgressFinish(t *testing.T) {
	checkGoroutines(t)
	eng := newSlowEngine()
	a := mustAppEngines(t, nil, eng)
	a.srv.turnWait = time.Minute // longer than the test: the turn ends first
	a.mustUser("anna", openline.RoleTrainee)
	c := a.mustDial(a.login("anna"), "scenario=web-test")
	id := c.next().CallID
	c.until("reply")

	eng.hold(true)
	c.send(map[string]string{"type": "say", "text": "Guten Tag, hier ist Anna Berg."})
	<-eng.speaking
	closed := closeServer(a)
	waitFor(t, "the server to start closing", func() bool {
		a.srv.sockets.mu.Lock()
		defer a.srv.sockets.mu.Unlock()
		return a.srv.sockets.closing
	})
	eng.hold(false)
	eng.release <- struct{}{}
	r, deltas := c.until("reply")
	if r.Turn != 2 || !strings.HasPrefix(r.Text, "Moment, ") || len(r.Text) <= len("Moment, ") || deltas != r.Text {
		t.Errorf("reply = %+v after deltas %q, want the whole turn 2", r, deltas)
	}
	if ce := c.closeFrame(); ce.Code != websocket.CloseGoingAway || ce.Text != shutdownReason {
		t.Errorf("close = %d %q, want 1001 %q", ce.Code, ce.Text, shutdownReason)
	}
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	turns := a.storedTurns(id)
	if len(turns) != 3 || turns[2].Turn.Text != r.Text {
		t.Fatalf("stored %d turns %+v, want 3 ending with the whole reply", len(turns), turns)
	}
	rec, err := a.store.Call(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if rec.EndedAt == nil || rec.Outcome != openline.OutcomeInterrupted {
		t.Errorf("call after shutdown: ended %v outcome %q, want interrupted", rec.EndedAt, rec.Outcome)
	}
	if card, err := a.store.Scorecard(context.Background(), id); err != nil || card == nil {
		t.Errorf("scorecard after shutdown: %v %v, want one", card, err)
	}
}

// TestShutdownBoundsATurnInProgress: a turn that does not finish within
// the bound is cancelled; the socket still gets 1001 and Close returns.
func TestShutdownBoundsATurnInProgress(t *testing.T) {
	checkGoroutines(t)
	eng := newSlowEngine()
	a := mustAppEngines(t, nil, eng)
	a.srv.turnWait = 50 * time.Millisecond
	a.mustUser("anna", openline.RoleTrainee)
	c := a.mustDial(a.login("anna"), "scenario=web-test")
	id := c.next().CallID
	c.until("reply")

	eng.hold(true) // and never released
	c.send(map[string]string{"type": "say", "text": "Guten Tag, hier ist Anna Berg."})
	<-eng.speaking
	closed := closeServer(a)
	if ce := c.closeFrame(); ce.Code != websocket.CloseGoingAway || ce.Text != shutdownReason {
		t.Errorf("close = %d %q, want 1001 %q", ce.Code, ce.Text, shutdownReason)
	}
	select {
	case err := <-closed:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Close waited for a turn that never ends")
	}
	if eng.cancels() != 1 {
		t.Errorf("the engine saw %d cancellations, want 1", eng.cancels())
	}
	rec, err := a.store.Call(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Outcome != openline.OutcomeInterrupted {
		t.Errorf("outcome %q, want interrupted", rec.Outcome)
	}
}
