package web

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/openline/openline/internal/call"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
	"github.com/openline/openline/internal/persona/scripted"
	"github.com/openline/openline/internal/store/postgres"
	"github.com/openline/openline/internal/store/postgres/pgtest"
	"github.com/openline/openline/internal/store/sqlite"
)

// The web tests get a throwaway PostgreSQL for the tests of several
// servers on one database (pgtest).
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// testLeaseTTL is the servers' lease length in these tests, on their
// shared hand-moved clock.
const testLeaseTTL = 10 * time.Second

// mustServers starts n servers, each with its own pool, on one new
// PostgreSQL schema, sharing one clock and seeding every call with 42.
func mustServers(t *testing.T, n int) []*app {
	t.Helper()
	url := pgtest.URL(t)
	clk := &testClock{t: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
	apps := make([]*app, n)
	for i := range apps {
		st, err := postgres.Open(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		apps[i] = startApp(t, st, Config{
			Log: discardLog(), Engines: []persona.Engine{scripted.New()}, Now: clk.Now,
			Seed: func() int64 { return 42 }, ServerID: string(rune('a' + i)), LeaseTTL: testLeaseTTL,
		}, clk)
	}
	return apps
}

// twoServers is two servers on one PostgreSQL (mustServers) and a trainee
// anna logged in on the first: how every test of a call carried from one
// server to another begins.
type twoServers struct {
	a, b *app
	anna string // anna's session cookie, good on both
}

func mustTwoServers(t *testing.T) twoServers {
	t.Helper()
	apps := mustServers(t, 2)
	apps[0].mustUser("anna", openline.RoleTrainee)
	return twoServers{a: apps[0], b: apps[1], anna: apps[0].login("anna")}
}

// dies cuts a's connections and moves the shared clock past the lease of
// the calls a held: a server that died as far as the others can tell.
func dies(a *app) {
	a.http.CloseClientConnections()
	a.clock.Advance(testLeaseTTL)
}

// sameAsOneServer checks that a call carried across servers heard from
// the prospect what the same call on one server from start to end hears
// with the same seed: the opening (none for "": the trainee spoke first)
// and the reply to each of lines.
func sameAsOneServer(t *testing.T, scenario string, lines []string, opening string, replies []string) {
	t.Helper()
	ref := mustRefApp(t)
	ref.mustUser("anna", openline.RoleTrainee)
	rc := ref.mustDial(ref.login("anna"), "scenario="+scenario)
	defer rc.ws.Close()
	rc.next()
	if opening != "" {
		if f, _ := rc.until("reply"); f.Text != opening {
			t.Errorf("opening on one server %q, across servers %q", f.Text, opening)
		}
	}
	for i, line := range lines {
		if got := rc.say(line).Text; got != replies[i] {
			t.Errorf("reply %d: on one server %q, across servers %q", i, got, replies[i])
		}
	}
}

// TestTwoServersOneDatabase: a session made on one server holds on the
// other; a call is live on one server at a time; when its server dies,
// the client resumes it on the other, where the prospect goes on exactly
// as it would have; the per-user limit of live calls holds across both.
func TestTwoServersOneDatabase(t *testing.T) {
	two := mustTwoServers(t)
	a, b, anna := two.a, two.b, two.anna

	// Sessions are shared.
	if status, body, _ := b.do("GET", "/api/me", anna, nil); status != 200 {
		t.Fatalf("GET /api/me on b with a's session: %d %s", status, body)
	}

	// A call placed on a.
	c := a.mustDial(anna, "scenario=web-test")
	id := c.next().CallID
	opening, _ := c.until("reply")
	lines := []string{"Guten Tag, hier ist Anna Berg.", "Was beschäftigt Sie zurzeit am meisten?"}
	replies := []string{c.say(lines[0]).Text}

	// b refuses it while a holds it, even with a's socket gone.
	c.ws.Close()
	waitFor(t, "a's socket handler to return", func() bool { return a.srv.sockets.count() == 0 })
	second := b.mustDial(anna, "resume="+id)
	if f := second.next(); f.Type != "error" || f.Code != "call_in_use" {
		t.Fatalf("resume on b while a holds the call: %+v, want error call_in_use", f)
	}

	// a dies, and renews nothing any more. Once the lease has lapsed, b
	// takes the call over.
	dies(a)
	r := b.mustDial(anna, "resume="+id)
	cf := r.next()
	if cf.Type != "call" || cf.CallID != id || len(cf.Turns) != 3 {
		t.Fatalf("resume on b = %+v, want the call with its 3 turns", cf)
	}
	if cf.Turns[0].Text != opening.Text || cf.Turns[2].Text != replies[0] {
		t.Errorf("resumed turns %+v, want the opening %q and the reply %q", cf.Turns, opening.Text, replies[0])
	}
	next := r.say(lines[1])
	if next.Turn != 4 {
		t.Errorf("reply on b = %+v, want turn 4", next)
	}
	replies = append(replies, next.Text)
	// The prospect on b said what the prospect on a would have.
	sameAsOneServer(t, "web-test", lines, opening.Text, replies)

	// Every turn is stored once, in order.
	turns, err := b.store.Turns(context.Background(), id)
	if err != nil || len(turns) != 5 {
		t.Fatalf("stored turns = %d, %v; want 5", len(turns), err)
	}
	r.send(map[string]string{"type": "hangup"})
	if f, _ := r.until("hangup"); f.By != "trainee" {
		t.Errorf("hangup = %+v, want by trainee", f)
	}
	r.ws.Close()
	if rec, err := b.store.Call(context.Background(), id); err != nil || rec.EndedAt == nil {
		t.Errorf("call after the hang-up on b = %+v, %v; want ended", rec, err)
	}
}

// mustRefApp is one server on SQLite seeding every call with 42.
func mustRefApp(t *testing.T) *app {
	t.Helper()
	st, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	clk := &testClock{t: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
	return startApp(t, st, Config{Log: discardLog(), Engines: []persona.Engine{scripted.New()}, Now: clk.Now,
		Seed: func() int64 { return 42 }}, clk)
}

// TestLiveCallLimitAcrossServers: a user's live calls count on every
// server together.
func TestLiveCallLimitAcrossServers(t *testing.T) {
	apps := mustServers(t, 2)
	apps[0].mustUser("anna", openline.RoleTrainee)
	anna := apps[0].login("anna")
	for i := range call.MaxLivePerUser {
		c := apps[i%2].mustDial(anna, "scenario=web-test")
		if f := c.next(); f.Type != "call" {
			t.Fatalf("call %d: %+v", i, f)
		}
		c.until("reply")
		c.ws.Close() // left alone: still live
	}
	for _, a := range apps {
		c := a.mustDial(anna, "scenario=web-test")
		if f := c.next(); f.Type != "error" || f.Code != "too_many_calls" {
			t.Errorf("call over the limit: %+v, want error too_many_calls", f)
		}
	}
}

// TestTakeOverInboundCall: an inbound call (the trainee answers the phone
// first) taken over by another server goes on as it would have on one.
func TestTakeOverInboundCall(t *testing.T) {
	two := mustTwoServers(t)
	a, b, anna := two.a, two.b, two.anna
	lines := []string{"Guten Tag, Sie sprechen mit Anna Berg, was kann ich für Sie tun?", "Worum genau geht es Ihnen?", "Was wäre Ihnen dabei wichtig?"}

	c := a.mustDial(anna, "scenario=frau-h-praktikum")
	id := c.next().CallID
	var replies []string
	for _, line := range lines[:2] {
		replies = append(replies, c.say(line).Text)
	}
	c.ws.Close()
	waitFor(t, "a's socket handler to return", func() bool { return a.srv.sockets.count() == 0 })
	dies(a)

	r := b.mustDial(anna, "resume="+id)
	if cf := r.next(); cf.Type != "call" || len(cf.Turns) != 4 || cf.Turns[0].Speaker != openline.Trainee {
		t.Fatalf("resume on b = %+v, want the call with its 4 turns, the trainee's first", cf)
	}
	replies = append(replies, r.say(lines[2]).Text)
	sameAsOneServer(t, "frau-h-praktikum", lines, "", replies)
}
