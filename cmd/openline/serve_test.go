package main

import (
	"bytes"
	"context"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/openline/openline/internal/scenario"
	"github.com/openline/openline/internal/store/sqlite"
	"github.com/openline/openline/scenarios"
)

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// serving is `openline serve` running in-process.
type serving struct {
	stdout, stderr *syncBuffer
	stop           context.CancelFunc
	done           chan error
}

// startServe runs `openline serve args...` until the test stops it, and
// waits for the line that says where it listens.
func startServe(t *testing.T, env map[string]string, args ...string) (*serving, string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &serving{stdout: &syncBuffer{}, stderr: &syncBuffer{}, stop: cancel, done: make(chan error, 1)}
	go func() {
		s.done <- run(ctx, append([]string{"serve"}, args...), func(k string) string { return env[k] }, strings.NewReader(""), s.stdout, s.stderr)
	}()
	re := regexp.MustCompile(`openline listening on (http://127\.0\.0\.1:[0-9]+)\n`)
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(s.stdout.String()); m != nil {
			return s, m[1]
		}
		select {
		case err := <-s.done:
			t.Fatalf("serve ended before listening: %v\nstderr: %s", err, s.stderr)
		case <-time.After(10 * time.Millisecond):
		}
	}
	cancel()
	t.Fatalf("serve did not print where it listens; stdout: %q", s.stdout)
	return nil, ""
}

// shutdown stops the server and returns run's error.
func (s *serving) shutdown(t *testing.T) error {
	t.Helper()
	s.stop()
	select {
	case err := <-s.done:
		return err
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not shut down")
		return nil
	}
}

// post sends body to base+path as a page of the site does (Origin set,
// cookie when not empty), and returns the status and the session cookie
// the answer set ("openline_session=…"; "" when none).
func post(t *testing.T, base, path, cookie, body string) (status int, session string) {
	t.Helper()
	req, err := http.NewRequest("POST", base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Origin", base)
	if cookie != "" {
		req.Header.Set("Cookie", cookie)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.Name == "openline_session" {
			return resp.StatusCode, c.Name + "=" + c.Value
		}
	}
	return resp.StatusCode, ""
}

func TestServe(t *testing.T) {
	data := t.TempDir()
	s, base := startServe(t, nil, "--addr", "127.0.0.1:0", "--data", data)
	if strings.HasSuffix(base, ":0") {
		t.Fatalf("printed URL %s does not carry the real port", base)
	}
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("healthz: %d", resp.StatusCode)
	}
	m := regexp.MustCompile(`First run: create the trainer account at ` + regexp.QuoteMeta(base) + `/setup\?token=([A-Za-z0-9_-]+)\n`).FindStringSubmatch(s.stdout.String())
	if m == nil {
		t.Fatalf("no setup link in %q", s.stdout)
	}
	setup := func(token string) int {
		status, _ := post(t, base, "/api/setup", "", `{"token":"`+token+`","name":"Tina","password":"geheim-geheim"}`)
		return status
	}
	if got := setup(m[1]); got != http.StatusCreated {
		t.Fatalf("setup with the printed token: %d, want 201", got)
	}
	if got := setup(m[1]); got != http.StatusForbidden {
		t.Errorf("second setup with the printed token: %d, want 403", got)
	}
	if strings.Contains(s.stderr.String(), m[1]) {
		t.Error("the log shows the setup token")
	}
	if err := s.shutdown(t); err != nil {
		t.Fatalf("serve returned %v after shutdown", err)
	}

	// A second start on the same data: an account exists, no setup link.
	s, _ = startServe(t, nil, "--addr", "127.0.0.1:0", "--data", data)
	if strings.Contains(s.stdout.String(), "First run") {
		t.Errorf("setup link printed although an account exists: %q", s.stdout)
	}
	if err := s.shutdown(t); err != nil {
		t.Fatal(err)
	}

	// Every shipped scenario is stored as the exact file it was loaded from.
	st, err := sqlite.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, name := range []string{"herr-b-handwerker.yaml", "frau-h-praktikum.yaml"} {
		want, err := fs.ReadFile(scenarios.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		sc, err := scenario.Parse(name, want)
		if err != nil {
			t.Fatal(err)
		}
		got, err := st.ScenarioVersion(context.Background(), sc.ID, sc.Version)
		if err != nil {
			t.Fatalf("stored scenario %s %s: %v", sc.ID, sc.Version, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("stored scenario %s differs from %s", sc.ID, name)
		}
	}
}

func TestServeRefusesToStart(t *testing.T) {
	broken := t.TempDir()
	if err := os.WriteFile(filepath.Join(broken, "kaputt.yaml"), []byte("id: kaputt\nlanguage: fr\nunknown_key: 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		wantErr string
	}{
		{"postgres unreachable", map[string]string{"OPENLINE_DATABASE_URL": "postgres://u@127.0.0.1:1/openline?sslmode=disable&connect_timeout=2"}, nil, "connect"},
		{"broken scenario", nil, []string{"--scenarios", broken}, "kaputt.yaml:"},
		{"missing scenario folder", nil, []string{"--scenarios", filepath.Join(broken, "nope")}, "nope"},
		{"unknown flag", nil, []string{"--port", "80"}, "exit status 2"},
		{"stray argument", nil, []string{"extra"}, "exit status 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append([]string{"serve", "--addr", "127.0.0.1:0", "--data", t.TempDir()}, tt.args...)
			err := run(context.Background(), args, func(k string) string { return tt.env[k] }, strings.NewReader(""), &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("run = %v, want an error containing %q", err, tt.wantErr)
			}
			if strings.Contains(stdout.String(), "listening") {
				t.Errorf("it listened: %q", stdout.String())
			}
		})
	}
}

// TestServeKeepsSecretsOutOfTheLog runs the server as `openline serve`
// does, goes through setup, login, a new account and a whole call over the
// websocket, and checks that its log (stderr) shows none of the secrets:
// passwords, the setup token, session tokens. It also checks the limit on
// request headers, which covers the URL and its query.
func TestServeKeepsSecretsOutOfTheLog(t *testing.T) {
	s, base := startServe(t, nil, "--addr", "127.0.0.1:0", "--data", t.TempDir())
	defer s.shutdown(t)
	m := regexp.MustCompile(`/setup\?token=([A-Za-z0-9_-]+)\n`).FindStringSubmatch(s.stdout.String())
	if m == nil {
		t.Fatalf("no setup link in %q", s.stdout)
	}
	setupToken := m[1]
	status, tina := post(t, base, "/api/setup", "", `{"token":"`+setupToken+`","name":"Tina","password":"trainer-secret-pw"}`)
	if status != http.StatusCreated || tina == "" {
		t.Fatalf("setup: %d", status)
	}
	if status, _ := post(t, base, "/api/users", tina, `{"name":"anna","password":"trainee-secret-pw"}`); status != http.StatusCreated {
		t.Fatalf("new account: %d", status)
	}
	post(t, base, "/api/login", "", `{"name":"anna","password":"wrong-secret-pw"}`)
	status, anna := post(t, base, "/api/login", "", `{"name":"anna","password":"trainee-secret-pw"}`)
	if status != http.StatusOK || anna == "" {
		t.Fatalf("login: %d", status)
	}
	ws, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(base, "http")+"/api/calls/ws?scenario=herr-b-handwerker",
		http.Header{"Cookie": {anna}, "Origin": {base}})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	read := func(typ string) {
		t.Helper()
		for {
			ws.SetReadDeadline(time.Now().Add(10 * time.Second))
			var f struct{ Type string }
			if err := ws.ReadJSON(&f); err != nil {
				t.Fatalf("waiting for %s: %v", typ, err)
			}
			if f.Type == typ {
				return
			}
		}
	}
	read("reply")
	ws.WriteJSON(map[string]string{"type": "say", "text": "Guten Tag, hier ist Anna."})
	read("reply")
	ws.WriteJSON(map[string]string{"type": "hangup"})
	read("scorecard")
	ws.Close()
	post(t, base, "/api/logout", anna, "")

	// Request line and headers are limited to 64 KiB together (Go's
	// server allows a few KiB more on a kept-alive connection).
	for name, mod := range map[string]func(*http.Request){
		"long query":  func(r *http.Request) { r.URL.RawQuery = "trainee=" + strings.Repeat("a", 128<<10) },
		"long header": func(r *http.Request) { r.Header.Set("X-Padding", strings.Repeat("a", 128<<10)) },
	} {
		req, _ := http.NewRequest("GET", base+"/api/calls", nil)
		req.Header.Set("Cookie", tina)
		mod(req)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
			t.Errorf("%s: %d, want 431", name, resp.StatusCode)
		}
	}

	// The socket's request line is logged when its handler returns.
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(s.stderr.String(), "path=/api/calls/ws") {
		if time.Now().After(deadline) {
			t.Fatalf("the log has no line for the websocket: %q", s.stderr)
		}
		time.Sleep(10 * time.Millisecond)
	}
	log := s.stderr.String()
	for what, secret := range map[string]string{
		"trainer password": "trainer-secret-pw", "trainee password": "trainee-secret-pw", "wrong password": "wrong-secret-pw",
		"setup token": setupToken, "trainer session": strings.TrimPrefix(tina, "openline_session="), "trainee session": strings.TrimPrefix(anna, "openline_session="),
	} {
		if strings.Contains(log, secret) {
			t.Errorf("the log shows the %s", what)
		}
	}
}

// TestSetupLinkOfAnEarlierStartDies: each start prints a new setup link
// while no account exists, and only the newest one works.
func TestSetupLinkOfAnEarlierStartDies(t *testing.T) {
	data := t.TempDir()
	link := regexp.MustCompile(`/setup\?token=([A-Za-z0-9_-]+)\n`)
	var tokens []string
	var base string
	for range 2 {
		var s *serving
		s, base = startServe(t, nil, "--addr", "127.0.0.1:0", "--data", data)
		m := link.FindStringSubmatch(s.stdout.String())
		if m == nil {
			t.Fatalf("no setup link in %q", s.stdout)
		}
		tokens = append(tokens, m[1])
		if len(tokens) == 2 {
			defer s.shutdown(t)
			break
		}
		if err := s.shutdown(t); err != nil {
			t.Fatal(err)
		}
	}
	setup := func(token string) int {
		status, _ := post(t, base, "/api/setup", "", `{"token":"`+token+`","name":"Tina","password":"geheim-geheim"}`)
		return status
	}
	if got := setup(tokens[0]); got != http.StatusForbidden {
		t.Errorf("setup with the first start's token after a restart: %d, want 403", got)
	}
	if got := setup(tokens[1]); got != http.StatusCreated {
		t.Errorf("setup with the newest token: %d, want 201", got)
	}
}
