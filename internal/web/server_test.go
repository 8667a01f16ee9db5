package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/openline/openline/internal/auth"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
	"github.com/openline/openline/internal/persona/scripted"
	"github.com/openline/openline/internal/scenario"
	"github.com/openline/openline/internal/store/sqlite"
	"github.com/openline/openline/scenarios"
)

// testClock is a clock the tests move by hand.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// app is the whole server started in-process on 127.0.0.1:0 with a SQLite
// store in a temporary folder, the test scenario and the shipped ones, and
// the scripted engine.
type app struct {
	t     testing.TB
	srv   *Server
	http  *httptest.Server
	store openline.Store
	clock *testClock
}

func mustApp(t testing.TB) *app {
	t.Helper()
	return mustAppWith(t, nil)
}

// mustAppWith is mustApp with the server's logger writing to log (nil:
// discarded).
func mustAppWith(t testing.TB, log io.Writer) *app {
	t.Helper()
	return mustAppEngines(t, log, scripted.New())
}

// mustAppEngines is mustAppWith with the given persona engines.
func mustAppEngines(t testing.TB, log io.Writer, engines ...persona.Engine) *app {
	t.Helper()
	return mustAppConfigured(t, log, func(c *Config) { c.Engines = engines })
}

// mustAppConfigured is mustAppWith with the scripted engine and the
// server's Config changed by configure before the server is built.
func mustAppConfigured(t testing.TB, log io.Writer, configure func(*Config)) *app {
	t.Helper()
	st, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	clk := &testClock{t: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
	logger := discardLog()
	if log != nil {
		logger = slog.New(slog.NewTextHandler(log, nil))
	}
	cfg := Config{Log: logger, Engines: []persona.Engine{scripted.New()}, Now: clk.Now}
	configure(&cfg)
	return startApp(t, st, cfg, clk)
}

// startApp starts the server on st with cfg, the test scenario and the
// shipped ones added; it closes st at the end.
func startApp(t testing.TB, st openline.Store, cfg Config, clk *testClock) *app {
	t.Helper()
	own, err := scenario.LoadPaths("testdata/scenarios")
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := scenario.LoadFS(scenarios.FS)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Store = st
	cfg.Scenarios = append(own, shipped...)
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	a := &app{t: t, srv: srv, http: httptest.NewServer(srv), store: st, clock: clk}
	t.Cleanup(func() {
		a.http.Close()
		if err := srv.Close(context.Background()); err != nil {
			t.Error(err)
		}
		st.Close()
	})
	return a
}

// mustUser creates an account directly in the store.
func (a *app) mustUser(name string, role openline.Role) {
	a.t.Helper()
	hash, err := auth.HashPassword(name + "-password")
	if err != nil {
		a.t.Fatal(err)
	}
	if err := a.store.CreateUser(context.Background(), &openline.User{Name: name, Role: role, PasswordHash: hash, CreatedAt: a.clock.Now()}); err != nil {
		a.t.Fatal(err)
	}
}

// do sends a request from a page of the site (Origin set) with the given
// cookie, and returns the status and body.
func (a *app) do(method, path, cookie string, body any) (int, []byte, *http.Response) {
	a.t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			a.t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, a.http.URL+path, rd)
	if err != nil {
		a.t.Fatal(err)
	}
	req.Header.Set("Origin", a.http.URL)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if cookie != "" {
		req.Header.Set("Cookie", cookie)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		a.t.Fatal(err)
	}
	return resp.StatusCode, b, resp
}

// login logs name in (password name-password) and returns the Cookie
// header value.
func (a *app) login(name string) string {
	a.t.Helper()
	status, body, resp := a.do("POST", "/api/login", "", map[string]string{"name": name, "password": name + "-password"})
	if status != http.StatusOK {
		a.t.Fatalf("login %s: %d %s", name, status, body)
	}
	for _, c := range resp.Cookies() {
		if c.Name == cookieName {
			return c.Name + "=" + c.Value
		}
	}
	a.t.Fatal("login set no session cookie")
	return ""
}

// frame is any server frame.
type frame struct {
	Type      string              `json:"type"`
	CallID    string              `json:"call_id"`
	Scenario  map[string]any      `json:"scenario"`
	Turns     []turnJSON          `json:"turns"`
	Turn      int                 `json:"turn"`
	Text      string              `json:"text"`
	By        string              `json:"by"`
	Reason    string              `json:"reason"`
	Outcome   string              `json:"outcome"`
	NextStep  string              `json:"next_step"`
	Scorecard *openline.Scorecard `json:"scorecard"`
	Code      string              `json:"code"`
	First     string              `json:"first"`
	Speaker   string              `json:"speaker_name"`
	Transfer  string              `json:"transfer_to"`
	Message   string              `json:"message"`
	Fallback  bool                `json:"fallback"`
	// Voice frames (ws_voice.go).
	Voice      *voiceInfo `json:"voice"`
	Seq        int        `json:"seq"`
	Format     string     `json:"format"`
	Data       []byte     `json:"data"`
	DurationMS int64      `json:"duration_ms"`
	StartMS    int64      `json:"start_ms"`
	EndMS      int64      `json:"end_ms"`
	Review     bool       `json:"review"`
}

// client is a real gorilla websocket client of the call protocol.
type client struct {
	t  testing.TB
	ws *websocket.Conn
}

// dial opens the call socket with query q, from a page of the site.
func (a *app) dial(cookie, q string) (*client, *http.Response, error) {
	a.t.Helper()
	u := "ws" + strings.TrimPrefix(a.http.URL, "http") + "/api/calls/ws?" + q
	h := http.Header{}
	h.Set("Origin", a.http.URL)
	if cookie != "" {
		h.Set("Cookie", cookie)
	}
	ws, resp, err := websocket.DefaultDialer.Dial(u, h)
	if err != nil {
		return nil, resp, err
	}
	return &client{t: a.t, ws: ws}, resp, nil
}

func (a *app) mustDial(cookie, q string) *client {
	a.t.Helper()
	c, _, err := a.dial(cookie, q)
	if err != nil {
		a.t.Fatal(err)
	}
	a.t.Cleanup(func() { c.ws.Close() })
	return c
}

// next reads one frame.
func (c *client) next() frame {
	c.t.Helper()
	c.ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	typ, b, err := c.ws.ReadMessage()
	if err != nil {
		c.t.Fatalf("read frame: %v", err)
	}
	if typ != websocket.TextMessage {
		c.t.Fatalf("frame of message type %d, want text", typ)
	}
	var f frame
	if err := json.Unmarshal(b, &f); err != nil {
		c.t.Fatalf("frame %q: %v", b, err)
	}
	return f
}

// until reads frames until one of type typ, and returns it with the
// reply.delta texts seen on the way. An error frame on the way fails the
// test.
func (c *client) until(typ string) (frame, string) {
	c.t.Helper()
	var deltas strings.Builder
	for {
		f := c.next()
		switch {
		case f.Type == typ:
			return f, deltas.String()
		case f.Type == "reply.delta":
			deltas.WriteString(f.Text)
		case f.Type == "error":
			c.t.Fatalf("got error frame %+v while waiting for %s", f, typ)
		}
	}
}

func (c *client) send(v any) {
	c.t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		c.t.Fatal(err)
	}
	c.sendRaw(websocket.TextMessage, b)
}

func (c *client) sendRaw(typ int, b []byte) {
	c.t.Helper()
	if err := c.ws.WriteMessage(typ, b); err != nil {
		c.t.Fatal(err)
	}
}

func (c *client) say(text string) frame {
	c.t.Helper()
	c.send(map[string]string{"type": "say", "text": text})
	f, _ := c.until("reply")
	return f
}

// closeCode reads until the server closes and returns its close code.
func (c *client) closeCode() int {
	c.t.Helper()
	c.ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		_, _, err := c.ws.ReadMessage()
		if err == nil {
			continue
		}
		if ce, ok := err.(*websocket.CloseError); ok {
			return ce.Code
		}
		c.t.Fatalf("read until close: %v", err)
	}
}

// waitFor polls cond until it holds; it fails the test after 10 s. It
// waits for the server's goroutines, it does not measure speed.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// storedTurns returns the turns the store holds for a call.
func (a *app) storedTurns(id string) []openline.StoredTurn {
	a.t.Helper()
	turns, err := a.store.Turns(context.Background(), id)
	if err != nil {
		a.t.Fatal(err)
	}
	return turns
}

func TestPlaceACall(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	cookie := a.login("anna")
	http.DefaultClient.CloseIdleConnections()
	before := runtime.NumGoroutine()

	c := a.mustDial(cookie, "scenario=web-test&engine=scripted")
	cf := c.next()
	if cf.Type != "call" || len(cf.CallID) != 36 {
		t.Fatalf("first frame = %+v, want a call frame with a UUID", cf)
	}
	for key, want := range map[string]any{"id": "web-test", "title": "Testanruf", "language": "de", "direction": "outbound", "difficulty": "easy"} {
		if got := cf.Scenario[key]; got != want {
			t.Errorf("call frame scenario[%s] = %v, want %v", key, got, want)
		}
	}
	if p, _ := cf.Scenario["persona"].(map[string]any); p["name"] != "Frau T." || p["company"] != "Test GmbH" {
		t.Errorf("call frame persona = %v", cf.Scenario["persona"])
	}
	for _, hidden := range []string{"needs", "dialogue", "llm_notes", "objections", "tests"} {
		if _, ok := cf.Scenario[hidden]; ok {
			t.Errorf("the call frame gives away %s", hidden)
		}
	}

	// The prospect speaks first; every reply is stored when it arrives.
	opening, deltas := c.until("reply")
	if opening.Turn != 0 || opening.Text != "T., guten Tag?" || deltas != opening.Text {
		t.Errorf("opening = %+v (deltas %q), want turn 0 %q", opening, deltas, "T., guten Tag?")
	}
	if n := len(a.storedTurns(cf.CallID)); n != 1 {
		t.Errorf("stored turns when the opening arrived = %d, want 1", n)
	}
	lines := []string{
		"Guten Tag Frau T., hier ist Anna Berg. Haben Sie einen Moment?",
		"Was machen Sie denn am Wochenende am liebsten?",
		"Das klingt schön. Erzählen Sie mehr!",
	}
	for i, line := range lines {
		r := c.say(line)
		if want := 2 + 2*i; r.Turn != want || strings.TrimSpace(r.Text) == "" {
			t.Errorf("reply to %q = %+v, want turn %d with text", line, r, want)
		}
		turns := a.storedTurns(cf.CallID)
		if len(turns) != r.Turn+1 || turns[r.Turn].Text != r.Text || turns[r.Turn-1].Text != line || turns[r.Turn].State == nil {
			t.Errorf("when reply %d arrived the store had %d turns, want %d with the reply and its state", r.Turn, len(turns), r.Turn+1)
		}
	}

	c.send(map[string]string{"type": "hangup"})
	h, _ := c.until("hangup")
	if h.By != "trainee" || h.Outcome != "polite_end" {
		t.Errorf("hangup = %+v, want by trainee, polite_end", h)
	}
	sf, _ := c.until("scorecard")
	if sf.Scorecard == nil || len(sf.Scorecard.Turns) != 7 {
		t.Fatalf("scorecard = %+v, want one with 7 turns", sf.Scorecard)
	}

	// The call as the API shows it.
	status, body, _ := a.do("GET", "/api/calls/"+cf.CallID, cookie, nil)
	if status != http.StatusOK {
		t.Fatalf("GET call: %d %s", status, body)
	}
	var got callBody
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	if got.Call.Outcome != openline.OutcomePoliteEnd || got.Call.Trainee != "anna" || got.Call.ScenarioTitle != "Testanruf" ||
		got.Call.EndedAt == nil || got.Call.Openness == nil || got.Scorecard == nil ||
		len(got.Transcript.Turns) != 7 || len(got.States) != 7 || got.States[0] == nil || got.States[1] != nil {
		t.Errorf("GET call = %s", body)
	}
	// Read in an English interface, the German call's reasons and tips
	// are English; the quotes and better lines stay German.
	status, body, _ = a.do("GET", "/api/calls/"+cf.CallID+"?explain=en", cookie, nil)
	var en callBody
	if err := json.Unmarshal(body, &en); status != http.StatusOK || err != nil || en.Scorecard == nil || len(en.Scorecard.Evidence) == 0 {
		t.Fatalf("GET call ?explain=en: %d %s", status, body)
	}
	for i, e := range en.Scorecard.Evidence {
		if e.Quote != got.Scorecard.Evidence[i].Quote || e.Why == got.Scorecard.Evidence[i].Why {
			t.Errorf("?explain=en evidence %+v, German %+v: want the same quote, the reason in English", e, got.Scorecard.Evidence[i])
		}
	}
	for i, tip := range en.Scorecard.Tips {
		if tip.Better != got.Scorecard.Tips[i].Better {
			t.Errorf("?explain=en changed the better line %q to %q", got.Scorecard.Tips[i].Better, tip.Better)
		}
	}
	if status, _, _ := a.do("GET", "/api/calls/"+cf.CallID+"?explain=fr", cookie, nil); status != http.StatusBadRequest {
		t.Errorf("GET call ?explain=fr: %d, want 400", status)
	}
	status, body, resp := a.do("GET", "/api/calls/"+cf.CallID+"/transcript.json", cookie, nil)
	if status != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("GET transcript.json: %d %v", status, resp.Header)
	}
	var tr openline.Transcript
	if err := json.Unmarshal(body, &tr); err != nil || tr.Scenario != "web-test" || tr.Language != "de" || len(tr.Turns) != 7 || tr.Turns[1].Text != lines[0] {
		t.Errorf("transcript.json = %s (%v)", body, err)
	}

	// After the end: a turn is an error frame, the socket stays.
	c.send(map[string]string{"type": "say", "text": "Hallo?"})
	if f := c.next(); f.Type != "error" || f.Code != "call_ended" {
		t.Errorf("say after the hang-up = %+v, want error call_ended", f)
	}
	c.ws.Close()
	waitFor(t, "the socket handler to return", func() bool { return a.srv.sockets.count() == 0 })
	if n := a.srv.calls.Active(); n != 0 {
		t.Errorf("active calls after the end = %d, want 0", n)
	}
	a.http.CloseClientConnections()
	http.DefaultClient.CloseIdleConnections()
	http.DefaultClient.CloseIdleConnections()
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<20)
		t.Errorf("goroutines after the call: %d, before: %d\n%s", n, before, buf[:runtime.Stack(buf, true)])
	}
}

func TestProspectHangsUp(t *testing.T) {
	tests := []struct {
		name         string
		lines        []string
		wantOutcome  string
		wantNextStep string
	}{
		{"on request", []string{"Bitte jetzt auflegen."}, "hung_up", ""},
		// An agreed meeting keeps the call open for the goodbyes.
		{"after agreeing a meeting and saying goodbye", []string{"Wollen wir uns treffen?", "Prima, danke und auf Wiederhören!"}, "next_step", "meeting"},
	}
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	cookie := a.login("anna")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := a.mustDial(cookie, "scenario=web-test")
			c.until("call")
			c.until("reply")
			for _, line := range tt.lines {
				c.send(map[string]string{"type": "say", "text": line})
				c.until("reply")
			}
			h := c.next()
			if h.Type != "hangup" || h.By != "prospect" || h.Outcome != tt.wantOutcome || h.Reason != tt.wantOutcome || h.NextStep != tt.wantNextStep {
				t.Errorf("after %q: %+v, want prospect hangup %s %s", tt.lines, h, tt.wantOutcome, tt.wantNextStep)
			}
			if f := c.next(); f.Type != "scorecard" || f.Scorecard == nil {
				t.Errorf("after the hangup: %+v, want the scorecard", f)
			}
			c.send(map[string]string{"type": "hangup"})
			if f := c.next(); f.Type != "error" || f.Code != "call_ended" {
				t.Errorf("hangup after the prospect's: %+v, want error call_ended", f)
			}
		})
	}
}

func TestBadFramesKeepTheCallGoing(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	cookie := a.login("anna")
	c := a.mustDial(cookie, "scenario=web-test")
	cf := c.next()
	c.until("reply")
	tests := []struct {
		name     string
		typ      int
		data     string
		wantCode string
	}{
		{"invalid JSON", websocket.TextMessage, `{"type":"say",`, "invalid_json"},
		{"not an object", websocket.TextMessage, `["say"]`, "invalid_json"},
		{"no type", websocket.TextMessage, `{"text":"Hallo"}`, "invalid_json"},
		{"unknown type", websocket.TextMessage, `{"type":"dance"}`, "unknown_type"},
		{"say without text", websocket.TextMessage, `{"type":"say"}`, "missing_text"},
		{"text not a string", websocket.TextMessage, `{"type":"say","text":5}`, "invalid_json"},
		{"turn over 4,000 characters", websocket.TextMessage, `{"type":"say","text":"` + strings.Repeat("ö", 4001) + `"}`, "turn_too_long"},
		{"invalid UTF-8", websocket.TextMessage, "{\"type\":\"say\",\"text\":\"\xff\"}", "invalid_frame"},
		{"binary frame", websocket.BinaryMessage, `{"type":"say","text":"Hallo"}`, "invalid_frame"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.sendRaw(tt.typ, []byte(tt.data))
			f := c.next()
			if f.Type != "error" || f.Code != tt.wantCode || f.Message == "" {
				t.Errorf("got %+v, want error %s with a message", f, tt.wantCode)
			}
		})
	}
	if n := len(a.storedTurns(cf.CallID)); n != 1 {
		t.Errorf("stored turns after bad frames = %d, want 1 (the opening)", n)
	}
	r := c.say("Guten Tag, hier ist Anna Berg.")
	if r.Turn != 2 {
		t.Errorf("reply after the bad frames = %+v, want turn 2", r)
	}
	r = c.say("")
	if r.Turn != 4 {
		t.Errorf("reply to silence = %+v, want turn 4", r)
	}
}

func TestFrameOver64KiBCloses1009(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	c := a.mustDial(a.login("anna"), "scenario=web-test")
	c.until("reply")
	c.sendRaw(websocket.TextMessage, []byte(`{"type":"say","text":"`+strings.Repeat("a", 64<<10)+`"}`))
	if code := c.closeCode(); code != websocket.CloseMessageTooBig {
		t.Errorf("close code = %d, want 1009", code)
	}
}

func TestCallsThatCannotBePlaced(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	a.mustUser("ben", openline.RoleTrainee)
	anna, ben := a.login("anna"), a.login("ben")
	c := a.mustDial(ben, "scenario=web-test")
	bens := c.next().CallID
	c.until("reply")

	tests := []struct {
		name, query, wantCode string
	}{
		{"unknown scenario", "scenario=nope", "unknown_scenario"},
		{"no scenario", "", "unknown_scenario"},
		{"llm engine", "scenario=web-test&engine=llm", "engine_unavailable"},
		{"unknown engine", "scenario=web-test&engine=eliza", "unknown_engine"},
		{"resume of an unknown call", "resume=00000000-0000-4000-8000-000000000000", "call_not_found"},
		{"resume of another trainee's call", "resume=" + bens, "call_not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := a.mustDial(anna, tt.query)
			if f := c.next(); f.Type != "error" || f.Code != tt.wantCode {
				t.Errorf("first frame = %+v, want error %s", f, tt.wantCode)
			}
			if code := c.closeCode(); code != websocket.ClosePolicyViolation {
				t.Errorf("close code = %d, want 1008", code)
			}
		})
	}
}

func TestOriginIsChecked(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	cookie := a.login("anna")
	u := "ws" + strings.TrimPrefix(a.http.URL, "http") + "/api/calls/ws?scenario=web-test"
	for _, origin := range []string{"http://evil.example", "", "null", "http://" + strings.TrimPrefix(a.http.URL, "http://") + ".evil.example"} {
		h := http.Header{"Cookie": {cookie}}
		if origin != "" {
			h.Set("Origin", origin)
		}
		_, resp, err := websocket.DefaultDialer.Dial(u, h)
		if err == nil || resp == nil || resp.StatusCode != http.StatusForbidden {
			t.Errorf("websocket with Origin %q: err %v, want 403", origin, err)
		}
	}
	post := func(origin, referer string) int {
		req, _ := http.NewRequest("POST", a.http.URL+"/api/logout", nil)
		req.Header.Set("Cookie", cookie)
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		if referer != "" {
			req.Header.Set("Referer", referer)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	tests := []struct {
		name, origin, referer string
		want                  int
	}{
		{"other origin", "http://evil.example", "", http.StatusForbidden},
		{"neither origin nor referer", "", "", http.StatusForbidden},
		{"other referer", "", "http://evil.example/page", http.StatusForbidden},
		{"same-host referer", "", a.http.URL + "/calls", http.StatusNoContent},
	}
	for _, tt := range tests {
		if got := post(tt.origin, tt.referer); got != tt.want {
			t.Errorf("POST with %s: %d, want %d", tt.name, got, tt.want)
		}
	}
}

// placeCall places a call on scenario and hangs up after one line.
func (a *app) placeCall(cookie, scenarioID string) string {
	a.t.Helper()
	c := a.mustDial(cookie, "scenario="+scenarioID)
	id := c.next().CallID
	c.until("reply")
	c.say("Guten Tag, hier ist Anna Berg.")
	c.send(map[string]string{"type": "hangup"})
	c.until("scorecard")
	c.ws.Close()
	a.clock.Advance(time.Second) // the next call starts later
	return id
}

func TestWhoSeesWhichCalls(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	a.mustUser("ben", openline.RoleTrainee)
	a.mustUser("tina", openline.RoleTrainer)
	anna, ben, tina := a.login("anna"), a.login("ben"), a.login("tina")
	annas := a.placeCall(anna, "web-test")
	bens := a.placeCall(ben, "web-test")
	bens2 := a.placeCall(ben, "herr-b-handwerker")

	list := func(cookie, query string) []string {
		t.Helper()
		status, body, _ := a.do("GET", "/api/calls"+query, cookie, nil)
		if status != http.StatusOK {
			t.Fatalf("GET /api/calls%s: %d %s", query, status, body)
		}
		var got callsBody
		if err := json.Unmarshal(body, &got); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, c := range got.Calls {
			ids = append(ids, c.ID)
		}
		return ids
	}
	tests := []struct {
		name, cookie, query string
		want                []string
	}{
		{"a trainee sees their own", anna, "", []string{annas}},
		{"newest first", ben, "", []string{bens2, bens}},
		{"a trainee cannot list another's", anna, "?trainee=ben", nil},
		{"a trainer sees all", tina, "", []string{bens2, bens, annas}},
		{"filter by trainee", tina, "?trainee=ben", []string{bens2, bens}},
		{"filter by scenario", tina, "?scenario=web-test", []string{bens, annas}},
		{"both filters", tina, "?trainee=ben&scenario=herr-b-handwerker", []string{bens2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := list(tt.cookie, tt.query); strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("calls = %v, want %v", got, tt.want)
			}
		})
	}
	for _, path := range []string{"/api/calls/" + bens, "/api/calls/" + bens + "/transcript.json", "/api/calls/no-such-call"} {
		if status, body, _ := a.do("GET", path, anna, nil); status != http.StatusNotFound || !strings.Contains(string(body), `"code":"not_found"`) {
			t.Errorf("anna GET %s: %d %s, want 404 not_found", path, status, body)
		}
	}
	if status, _, _ := a.do("GET", "/api/calls/"+bens, tina, nil); status != http.StatusOK {
		t.Errorf("trainer GET ben's call: %d, want 200", status)
	}
	if status, _, _ := a.do("GET", "/api/calls", "", nil); status != http.StatusUnauthorized {
		t.Errorf("anonymous GET /api/calls: %d, want 401", status)
	}
}

func TestResumeAfterADroppedSocket(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	a.mustUser("ben", openline.RoleTrainee)
	anna, ben := a.login("anna"), a.login("ben")
	c := a.mustDial(anna, "scenario=web-test")
	id := c.next().CallID
	opening, _ := c.until("reply")
	first := c.say("Guten Tag, hier ist Anna Berg.")

	// A second tab while the first holds the call.
	second := a.mustDial(anna, "resume="+id)
	if f := second.next(); f.Type != "error" || f.Code != "call_in_use" {
		t.Errorf("second tab: %+v, want error call_in_use", f)
	}
	if code := second.closeCode(); code != websocket.CloseTryAgainLater {
		t.Errorf("second tab close code = %d, want 1013", code)
	}

	c.ws.Close() // dropped, no hang-up
	waitFor(t, "the socket handler to return", func() bool { return a.srv.sockets.count() == 0 })

	bc := a.mustDial(ben, "resume="+id)
	if f := bc.next(); f.Code != "call_not_found" {
		t.Errorf("resume by another trainee: %+v, want error call_not_found", f)
	}

	r := a.mustDial(anna, "resume="+id)
	cf := r.next()
	want := []turnJSON{
		{openline.Prospect, opening.Text, opening.Speaker},
		{openline.Trainee, "Guten Tag, hier ist Anna Berg.", ""},
		{openline.Prospect, first.Text, first.Speaker},
	}
	if opening.Speaker == "" || first.Speaker == "" {
		t.Errorf("replies without speaker names: %+v, %+v", opening, first)
	}
	if cf.Type != "call" || cf.CallID != id || len(cf.Turns) != len(want) {
		t.Fatalf("resume call frame = %+v, want the call with %d turns", cf, len(want))
	}
	for i := range want {
		if cf.Turns[i] != want[i] {
			t.Errorf("resumed turn %d = %+v, want %+v", i, cf.Turns[i], want[i])
		}
	}
	if next := r.say("Was machen Sie am Wochenende?"); next.Turn != 4 {
		t.Errorf("reply after resume = %+v, want turn 4", next)
	}
}

func TestCallLeftAloneIsInterrupted(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	anna := a.login("anna")
	c := a.mustDial(anna, "scenario=web-test")
	id := c.next().CallID
	c.until("reply")
	c.say("Guten Tag, hier ist Anna Berg.")
	c.ws.Close()
	waitFor(t, "the socket handler to return", func() bool { return a.srv.sockets.count() == 0 })

	a.clock.Advance(2*time.Minute - time.Millisecond)
	if n := a.srv.calls.Reap(context.Background()); n != 0 {
		t.Errorf("reaped %d calls before 2 minutes, want 0", n)
	}
	a.clock.Advance(time.Millisecond)
	if n := a.srv.calls.Reap(context.Background()); n != 1 {
		t.Errorf("reaped %d calls at 2 minutes, want 1", n)
	}
	status, body, _ := a.do("GET", "/api/calls/"+id, anna, nil)
	var got callBody
	if err := json.Unmarshal(body, &got); err != nil || status != http.StatusOK {
		t.Fatalf("GET call: %d %s", status, body)
	}
	if got.Call.Outcome != openline.OutcomeInterrupted || got.Scorecard == nil {
		t.Errorf("call left alone: outcome %q, scorecard %v; want interrupted and scored", got.Call.Outcome, got.Scorecard != nil)
	}
	r := a.mustDial(anna, "resume="+id)
	if f := r.next(); f.Code != "call_ended" {
		t.Errorf("resume of the interrupted call: %+v, want error call_ended", f)
	}
}

func TestShutdownClosesCalls(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	c := a.mustDial(a.login("anna"), "scenario=web-test")
	id := c.next().CallID
	c.until("reply")
	if err := a.srv.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if code := c.closeCode(); code != websocket.CloseGoingAway {
		t.Errorf("close code at shutdown = %d, want 1001", code)
	}
	rec, err := a.store.Call(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Outcome != openline.OutcomeInterrupted || rec.Openness == nil {
		t.Errorf("call at shutdown: outcome %q, scored %v; want interrupted and scored", rec.Outcome, rec.Openness != nil)
	}
	late := a.mustDial(a.login("anna"), "scenario=web-test")
	if f := late.next(); f.Type != "error" || f.Code != "unavailable" {
		t.Errorf("socket opened after shutdown: %+v, want error unavailable", f)
	}
	if code := late.closeCode(); code != websocket.CloseGoingAway {
		t.Errorf("close code after shutdown = %d, want 1001", code)
	}
}

func TestAccounts(t *testing.T) {
	a := mustApp(t)
	ctx := context.Background()
	token, hash := auth.NewToken()
	if err := a.store.CreateSetupToken(ctx, hash, a.clock.Now().Add(24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	setup := map[string]string{"token": token, "name": "Tina Trainer", "password": "geheim-geheim"}
	status, body, resp := a.do("POST", "/api/setup", "", setup)
	if status != http.StatusCreated || !strings.Contains(string(body), `"role":"trainer"`) {
		t.Fatalf("setup: %d %s", status, body)
	}
	var tina string
	for _, c := range resp.Cookies() {
		if c.Name == cookieName {
			tina = c.Name + "=" + c.Value
			if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure {
				t.Errorf("session cookie = %+v, want HttpOnly, SameSite=Lax, not Secure over plain HTTP", c)
			}
		}
	}
	setup["name"] = "Zweite"
	if status, body, _ := a.do("POST", "/api/setup", "", setup); status != http.StatusForbidden || !strings.Contains(string(body), "bad_token") {
		t.Errorf("second use of the setup token: %d %s, want 403 bad_token", status, body)
	}

	if status, body, _ := a.do("GET", "/api/me", tina, nil); status != http.StatusOK || !strings.Contains(string(body), `"name":"Tina Trainer"`) {
		t.Errorf("me: %d %s", status, body)
	}
	tests := []struct {
		name   string
		cookie string
		body   map[string]string
		want   int
		code   string
	}{
		{"trainer creates a trainee", tina, map[string]string{"name": "anna", "password": "anna-password"}, http.StatusCreated, ""},
		{"name taken", tina, map[string]string{"name": "anna", "password": "anna-password"}, http.StatusConflict, "conflict"},
		{"short password", tina, map[string]string{"name": "bert", "password": "kurz"}, http.StatusBadRequest, "invalid_password"},
		{"bad name", tina, map[string]string{"name": " bert", "password": "bert-password"}, http.StatusBadRequest, "invalid_name"},
		{"bad role", tina, map[string]string{"name": "bert", "password": "bert-password", "role": "admin"}, http.StatusBadRequest, "invalid_role"},
		{"anonymous", "", map[string]string{"name": "bert", "password": "bert-password"}, http.StatusUnauthorized, "unauthorized"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body, _ := a.do("POST", "/api/users", tt.cookie, tt.body)
			if status != tt.want || !strings.Contains(string(body), tt.code) {
				t.Errorf("POST /api/users: %d %s, want %d %s", status, body, tt.want, tt.code)
			}
		})
	}
	anna := a.login("anna")
	if status, _, _ := a.do("POST", "/api/users", anna, map[string]string{"name": "carl", "password": "carl-password"}); status != http.StatusForbidden {
		t.Errorf("trainee creates an account: %d, want 403", status)
	}
	if status, _, _ := a.do("GET", "/api/users", anna, nil); status != http.StatusForbidden {
		t.Errorf("trainee lists accounts: %d, want 403", status)
	}
	status, body, _ = a.do("GET", "/api/users", tina, nil)
	if status != http.StatusOK || !strings.Contains(string(body), `"name":"anna"`) || strings.Contains(string(body), "argon2") {
		t.Errorf("trainer lists accounts: %d %s", status, body)
	}

	if status, _, _ := a.do("POST", "/api/logout", anna, nil); status != http.StatusNoContent {
		t.Errorf("logout: %d, want 204", status)
	}
	if status, _, _ := a.do("GET", "/api/me", anna, nil); status != http.StatusUnauthorized {
		t.Errorf("me after logout: %d, want 401", status)
	}
}

func TestLogin(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	tests := []struct {
		name string
		body any
		want int
		code string
	}{
		{"wrong password", map[string]string{"name": "anna", "password": "falsch-falsch"}, http.StatusUnauthorized, "bad_login"},
		{"unknown name", map[string]string{"name": "nobody", "password": "whatever-1"}, http.StatusUnauthorized, "bad_login"},
		{"unknown field", map[string]string{"name": "anna", "password": "anna-password", "admin": "yes"}, http.StatusBadRequest, "invalid_json"},
		{"body too large", map[string]string{"name": "anna", "password": strings.Repeat("x", 70<<10)}, http.StatusRequestEntityTooLarge, "too_large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body, _ := a.do("POST", "/api/login", "", tt.body)
			if status != tt.want || !strings.Contains(string(body), `"code":"`+tt.code+`"`) {
				t.Errorf("login: %d %s, want %d %s", status, body, tt.want, tt.code)
			}
		})
	}
	// Failed logins are limited per address and name: the limit counts the
	// wrong password above.
	for i := 1; i < loginFailLimit; i++ {
		a.do("POST", "/api/login", "", map[string]string{"name": "anna", "password": "falsch-falsch"})
	}
	status, body, _ := a.do("POST", "/api/login", "", map[string]string{"name": "anna", "password": "anna-password"})
	if status != http.StatusTooManyRequests {
		t.Errorf("login after %d failures: %d %s, want 429", loginFailLimit, status, body)
	}
	a.clock.Advance(loginFailWindow)
	a.login("anna")
}

func TestHealthMetricsAndHeaders(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	a.placeCall(a.login("anna"), "web-test")
	status, body, resp := a.do("GET", "/healthz", "", nil)
	if status != http.StatusOK || !strings.Contains(string(body), `"status":"ok"`) {
		t.Errorf("healthz: %d %s", status, body)
	}
	for h, want := range map[string]string{
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "same-origin",
	} {
		if got := resp.Header.Get(h); got != want {
			t.Errorf("header %s = %q, want %q", h, got, want)
		}
	}
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP = %q", csp)
	}
	status, body, _ = a.do("GET", "/metrics", "", nil)
	for _, want := range []string{"openline_active_calls 0", `openline_turns_total{engine="scripted"} 2`, `openline_turn_latency_seconds_count{engine="scripted"} 1`, "go_goroutines"} {
		if status != http.StatusOK || !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if status, body, _ := a.do("GET", "/api/nope", "", nil); status != http.StatusNotFound || !strings.Contains(string(body), "not_found") {
		t.Errorf("unknown API path: %d %s", status, body)
	}
}

func TestLogsKeepSecrets(t *testing.T) {
	var log syncBuffer
	a := mustAppWith(t, &log)
	a.mustUser("anna", openline.RoleTrainee)
	cookie := a.login("anna")
	a.do("POST", "/api/login", "", map[string]string{"name": "anna", "password": "wrong-secret-pw"})
	a.do("GET", "/setup?token=SECRET-SETUP-TOKEN", "", nil)
	a.do("GET", "/api/me", cookie, nil)
	got := log.String()
	if !strings.Contains(got, "path=/api/login") {
		t.Fatalf("no request log lines: %q", got)
	}
	for _, secret := range []string{"anna-password", "wrong-secret-pw", "SECRET-SETUP-TOKEN", strings.TrimPrefix(cookie, cookieName+"=")} {
		if strings.Contains(got, secret) {
			t.Errorf("the log shows %q", secret)
		}
	}
}

func TestSecureCookieBehindTLS(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	req, _ := http.NewRequest("POST", a.http.URL+"/api/login", strings.NewReader(`{"name":"anna","password":"anna-password"}`))
	req.Header.Set("Origin", "https://"+strings.TrimPrefix(a.http.URL, "http://"))
	req.Header.Set("X-Forwarded-Proto", "https")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if len(resp.Cookies()) != 1 || !resp.Cookies()[0].Secure {
		t.Errorf("cookies behind a TLS proxy = %+v, want one Secure cookie", resp.Cookies())
	}
}

// syncBuffer is a bytes.Buffer safe for concurrent writers.
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

func TestNoPanicReachesAUser(t *testing.T) {
	h := recoverPanics(discardLog())(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != http.StatusInternalServerError || strings.Contains(rec.Body.String(), "boom") || !strings.Contains(rec.Body.String(), `"code":"internal"`) {
		t.Errorf("panic answered %d %s, want 500 internal without detail", rec.Code, rec.Body)
	}
}

func TestSameOrigin(t *testing.T) {
	tests := []struct {
		name, host, proto, origin, referer string
		want                               bool
	}{
		{"same host", "localhost:8080", "", "http://localhost:8080", "", true},
		{"https behind a proxy", "openline.example", "https", "https://openline.example", "", true},
		{"chained proxies", "openline.example", "https, http", "https://openline.example", "", true},
		{"explicit default port", "openline.example", "https", "https://openline.example:443", "", true},
		{"IPv6", "[::1]:8080", "", "http://[::1]:8080", "", true},
		{"case-insensitive", "Localhost:8080", "", "http://localhost:8080", "", true},
		{"https without the proxy saying so", "openline.example", "", "https://openline.example", "", false},
		{"http page behind a TLS proxy", "openline.example", "https", "http://openline.example", "", false},
		{"other port", "localhost:8080", "", "http://localhost:9090", "", false},
		{"default port for another", "localhost:8080", "", "http://localhost", "", false},
		{"other host", "localhost:8080", "", "http://evil.example", "", false},
		{"suffix trick", "localhost:8080", "", "http://localhost:8080.evil.example", "", false},
		{"userinfo trick", "localhost:8080", "", "http://localhost:8080@evil.example", "", false},
		{"userinfo on the same host", "localhost:8080", "", "http://x@localhost:8080", "", false},
		{"null origin", "localhost:8080", "", "null", "", false},
		{"referer only", "localhost:8080", "", "", "http://localhost:8080/calls", true},
		{"other referer", "localhost:8080", "", "", "http://evil.example/localhost:8080", false},
		{"neither", "localhost:8080", "", "", "", false},
		{"not http", "localhost:8080", "", "file://localhost:8080", "", false},
		{"websocket scheme", "localhost:8080", "", "ws://localhost:8080", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/api/logout", nil)
			r.Host = tt.host
			if tt.proto != "" {
				r.Header.Set("X-Forwarded-Proto", tt.proto)
			}
			if tt.origin != "" {
				r.Header.Set("Origin", tt.origin)
			}
			if tt.referer != "" {
				r.Header.Set("Referer", tt.referer)
			}
			if got := sameOrigin(r); got != tt.want {
				t.Errorf("sameOrigin = %v, want %v", got, tt.want)
			}
		})
	}
}

func discardLog() *slog.Logger { return slog.New(slog.DiscardHandler) }

// BenchmarkSocketTurn measures one trainee turn over the websocket: the
// frame read, the turn stored, the scripted prospect's answer, its turn
// stored, and the reply frame back.
func BenchmarkSocketTurn(b *testing.B) {
	a := mustApp(b)
	a.mustUser("anna", openline.RoleTrainee)
	cookie := a.login("anna")
	lines := []string{"Guten Tag, hier ist Anna Berg.", "Was machen Sie am Wochenende?", "Das klingt schön. Erzählen Sie mehr!"}
	var c *client
	turns := 0
	b.ReportAllocs()
	for b.Loop() {
		if c == nil || turns >= 100 {
			b.StopTimer()
			if c != nil {
				c.send(map[string]string{"type": "hangup"})
				c.until("scorecard")
				c.ws.Close()
			}
			c, turns = a.mustDial(cookie, "scenario=web-test"), 0
			c.until("reply")
			b.StartTimer()
		}
		c.say(lines[turns%len(lines)])
		a.clock.Advance(time.Second / framesPerSecond) // within the frame limit
		turns++
	}
}
