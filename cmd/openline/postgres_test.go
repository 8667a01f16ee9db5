package main

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/openline/openline/internal/auth"
	"github.com/openline/openline/internal/call"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/store"
	"github.com/openline/openline/internal/store/postgres"
	"github.com/openline/openline/internal/store/postgres/pgtest"
)

// The commands' tests run on a throwaway PostgreSQL too (pgtest).
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// TestUserAddPostgres creates an account with `openline user add` on
// PostgreSQL, selected by OPENLINE_DATABASE_URL: it lands in that
// database, not in the data folder.
func TestUserAddPostgres(t *testing.T) {
	url := pgtest.URL(t)
	dir := t.TempDir()
	env := map[string]string{store.EnvDatabaseURL: url}
	code, stdout, stderr := runUser(t, "geheimes Passwort\n", env, "anna", "--role", "trainer", "--data", dir)
	if code != 0 || stdout != "created trainer \"anna\"\n" {
		t.Fatalf("user add = %d, %q, %q", code, stdout, stderr)
	}
	if code, _, stderr := runUser(t, "another password\n", env, "anna", "--role", "trainee", "--data", dir); code != 1 {
		t.Errorf("user add of a taken name = %d, %q; want 1", code, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the data folder holds %d files, want none", len(entries))
	}
	ctx := context.Background()
	st, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u, err := st.UserByName(ctx, "anna")
	if err != nil {
		t.Fatalf("UserByName: %v", err)
	}
	if ok, err := auth.CheckPassword(u.PasswordHash, "geheimes Passwort"); err != nil || !ok {
		t.Errorf("the stored hash does not check the password given: %v, %v", ok, err)
	}
}

// TestTwoProcessesOnePostgres runs two `openline serve` processes on one
// PostgreSQL database, places a call on the first, kills it with SIGKILL
// mid-call, and resumes the call on the second, as a client behind a
// proxy would: refused while the dead server's lease holds, then taken
// over, with every answered turn, and going on to its end there.
func TestTwoProcessesOnePostgres(t *testing.T) {
	bin := buildOpenline(t)
	dir := t.TempDir()
	writeScenario(t, dir, "")
	env := []string{store.EnvDatabaseURL + "=" + pgtest.URL(t)}
	add := exec.Command(bin, "user", "add", "anna", "--role", "trainee")
	add.Env, add.Stdin = append(os.Environ(), env...), strings.NewReader("anna-password\n")
	if out, err := add.CombinedOutput(); err != nil {
		t.Fatalf("user add: %v\n%s", err, out)
	}
	a := startProcEnv(t, bin, env, "--scenarios", dir, "--server-id", "a", "--data", t.TempDir())
	b := startProcEnv(t, bin, env, "--scenarios", dir, "--server-id", "b", "--data", t.TempDir())

	_, cookie := post(t, a.base, "/api/login", "", `{"name":"anna","password":"anna-password"}`)
	c := dialCall(t, a.base, cookie, "web-test")
	first := c.say("Guten Tag, hier ist Anna Berg.")
	if err := a.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	a.wait(t)

	// The session made on a holds on b; the call is resumed there once
	// a's lease has lapsed (call_in_use until then).
	var r *websocket.Conn
	var refused int
	deadline := time.Now().Add(3 * call.LeaseTTL)
	for r == nil {
		if time.Now().After(deadline) {
			t.Fatalf("b did not take the call over within %v (%d refusals); stderr: %s", 3*call.LeaseTTL, refused, b.stderr)
		}
		h := http.Header{"Origin": {b.base}, "Cookie": {cookie}}
		ws, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(b.base, "http")+"/api/calls/ws?resume="+c.id, h)
		if err != nil {
			t.Fatalf("resume on b: %v", err)
		}
		var f struct {
			Type  string `json:"type"`
			Code  string `json:"code"`
			Turns []struct {
				Speaker, Text string
			} `json:"turns"`
		}
		_ = ws.SetReadDeadline(time.Now().Add(10 * time.Second))
		if err := ws.ReadJSON(&f); err != nil {
			t.Fatalf("resume on b: %v", err)
		}
		switch {
		case f.Type == "error" && f.Code == "call_in_use":
			refused++
			ws.Close()
			time.Sleep(time.Second)
		case f.Type == "call":
			if len(f.Turns) != 3 || f.Turns[2].Text != first.Text {
				t.Errorf("resumed turns %+v, want 3 ending with %q", f.Turns, first.Text)
			}
			r = ws
		default:
			t.Fatalf("resume on b: %+v", f)
		}
	}
	defer r.Close()
	if refused == 0 {
		t.Errorf("b took the call over at once: the dead server's lease did not hold")
	}
	rc := &procCall{t: t, ws: r, id: c.id}
	if next := rc.say("Was beschäftigt Sie zurzeit am meisten?"); next.Turn != 4 || next.Text == "" {
		t.Errorf("reply on b = %+v, want turn 4", next)
	}
	if err := r.WriteMessage(websocket.TextMessage, []byte(`{"type":"hangup"}`)); err != nil {
		t.Fatal(err)
	}
	rc.until("scorecard")
	got := getCall(t, b.base, cookie, c.id)
	if got.Call.EndedAt == nil || got.Call.Outcome == string(openline.OutcomeInterrupted) || len(got.Transcript.Turns) != 5 {
		t.Errorf("call after the hang-up on b: %+v with %d turns, want ended by the trainee with 5", got.Call, len(got.Transcript.Turns))
	}
}
