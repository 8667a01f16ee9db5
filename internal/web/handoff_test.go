package web

import (
	"context"
	"testing"

	"github.com/gorilla/websocket"

	"github.com/openline/openline/internal/openline"
)

// TestRollingRestartEndsNoCall: two servers on one PostgreSQL; the one
// holding a call is shut down with HandOff (what SIGTERM does with
// --handoff): its socket gets close 1012 "server restarting", the call is
// not ended, and the client resumes it at once on the other server, where
// the prospect, rebuilt from the stored turns, goes on as it would have
// on the first. No turn is lost or stored twice.
func TestRollingRestartEndsNoCall(t *testing.T) {
	checkGoroutines(t)
	apps := mustServers(t, 2)
	a, b := apps[0], apps[1]
	a.srv.handOff = true
	a.mustUser("anna", openline.RoleTrainee)
	anna := a.login("anna")
	lines := []string{"Guten Tag, hier ist Anna Berg.", "Was beschäftigt Sie zurzeit am meisten?", "Wie machen Sie das heute?"}

	c := a.mustDial(anna, "scenario=web-test")
	id := c.next().CallID
	opening, _ := c.until("reply")
	replies := []string{c.say(lines[0]).Text}

	closed := closeServer(a)
	if ce := c.closeFrame(); ce.Code != websocket.CloseServiceRestart || ce.Text != restartReason {
		t.Fatalf("close = %d %q, want 1012 %q", ce.Code, ce.Text, restartReason)
	}
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	// Back up, the restarted server does not end the call it handed off
	// (RecoverOpen ends the calls a server died with).
	if n, err := a.srv.RecoverOpen(context.Background()); err != nil || n != 0 {
		t.Errorf("RecoverOpen after the restart = %d, %v; want 0", n, err)
	}
	rec, err := b.store.Call(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if rec.EndedAt != nil {
		t.Fatalf("the call ended with its server's restart (%s)", rec.Outcome)
	}

	// The client resumes at once, on the other server: no lease to wait out.
	r := b.mustDial(anna, "resume="+id)
	cf := r.next()
	if cf.Type != "call" || cf.CallID != id || len(cf.Turns) != 3 {
		t.Fatalf("resume on b = %+v, want the call with its 3 turns", cf)
	}
	for i, line := range lines[1:] {
		f := r.say(line)
		if f.Turn != 2*i+4 {
			t.Errorf("reply on b = %+v, want turn %d", f, 2*i+4)
		}
		replies = append(replies, f.Text)
	}

	// One server from start to end, the same seed: the same prospect.
	ref := mustRefApp(t)
	ref.mustUser("anna", openline.RoleTrainee)
	rc := ref.mustDial(ref.login("anna"), "scenario=web-test")
	rc.next()
	if f, _ := rc.until("reply"); f.Text != opening.Text {
		t.Errorf("reference opening %q, want %q", f.Text, opening.Text)
	}
	for i, line := range lines {
		if got := rc.say(line).Text; got != replies[i] {
			t.Errorf("reply %d: on one server %q, across a restart %q", i, got, replies[i])
		}
	}
	rc.ws.Close()

	turns, err := b.store.Turns(context.Background(), id)
	if err != nil || len(turns) != 7 {
		t.Fatalf("stored turns = %d, %v; want 7", len(turns), err)
	}
	for i, tu := range turns {
		if tu.Index != i {
			t.Errorf("stored turn %d has index %d", i, tu.Index)
		}
	}
	r.send(map[string]string{"type": "hangup"})
	if f, _ := r.until("scorecard"); f.Scorecard == nil {
		t.Error("no scorecard at the end of the resumed call")
	}
}
