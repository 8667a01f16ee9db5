package web

import (
	"context"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/openline/openline/internal/loadgen"
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
	two := mustTwoServers(t)
	a, b, anna := two.a, two.b, two.anna
	a.srv.handOff = true
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
	sameAsOneServer(t, "web-test", lines, opening.Text, replies)

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

// TestLoadgenResumesAcrossARestart: openline loadgen's calls, through a
// proxy in front of two servers on one PostgreSQL, survive a rolling
// restart: the proxy turns to the second server, the first is shut down
// with HandOff while the calls are open, and every call resumes there
// and talks to its end, every turn stored once.
func TestLoadgenResumesAcrossARestart(t *testing.T) {
	two := mustTwoServers(t)
	a, b, anna := two.a, two.b, two.anna
	a.srv.handOff = true
	var target atomic.Pointer[url.URL]
	target.Store(mustURL(t, a.http.URL))
	proxy := httptest.NewServer(&httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
		r.SetURL(target.Load())
		r.Out.Host = r.In.Host // the origin check compares Origin with it
	}})
	t.Cleanup(proxy.Close)

	const calls = 3
	// Hold is the time the test has to restart a while every call is
	// open; it is not measured, only long enough to come before the talk.
	cfg := loadgen.Config{Base: proxy.URL, Scenario: "web-test", Calls: calls, Turns: 5, Hold: 5 * time.Second}
	done := make(chan *loadgen.Result, 1)
	go func() {
		res, err := loadgen.Run(context.Background(), cfg, loadgen.Accounts{anna})
		if err != nil {
			t.Error(err)
		}
		done <- res
	}()
	waitFor(t, "every call to be open on a", func() bool { return a.srv.calls.Active() == calls })
	target.Store(mustURL(t, b.http.URL))
	if err := a.srv.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	res := <-done
	if res == nil {
		t.Fatal("no result")
	}
	if res.Failures != 0 || res.Resumed != calls || res.Turns != calls*5 {
		t.Fatalf("loadgen: %d failures %v, %d resumed, %d turns; want 0, %d, %d", res.Failures, res.Errors, res.Resumed, res.Turns, calls, calls*5)
	}
	all, err := b.store.ListCalls(context.Background(), openline.CallFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range all {
		turns, err := b.store.Turns(context.Background(), c.ID)
		if err != nil || len(turns) != 11 {
			t.Errorf("call %s: %d turns stored, %v; want 11", c.ID, len(turns), err)
		}
		if c.Outcome == openline.OutcomeInterrupted {
			t.Errorf("call %s was interrupted by the restart", c.ID)
		}
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
