package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/scenario"
	"github.com/openline/openline/internal/score"
)

// Tests of the server as a process of its own: the binary is built by
// the test, started as `openline serve`, and killed or stopped with a
// signal, as an operator's service manager would.

// buildOpenline builds the openline binary into a temporary folder.
func buildOpenline(t testing.TB) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "openline")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// proc is `openline serve` running as a subprocess.
type proc struct {
	cmd    *exec.Cmd
	base   string
	stderr *syncBuffer
	exited chan error
}

// startProc starts `bin serve` on a free port with data and the scenarios
// of dir, and waits for the line saying where it listens.
func startProc(t *testing.T, bin, data, dir string) *proc {
	t.Helper()
	return startProcEnv(t, bin, nil, "--data", data, "--scenarios", dir)
}

// startProcEnv starts `bin serve` on a free port with the environment
// variables env (KEY=value) added and the further arguments args.
func startProcEnv(t *testing.T, bin string, env []string, args ...string) *proc {
	t.Helper()
	p := &proc{stderr: &syncBuffer{}, exited: make(chan error, 1)}
	p.cmd = exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	p.cmd.Env = append(os.Environ(), env...)
	p.cmd.Stderr = p.stderr
	out, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	go func() { _, _ = io.Copy(io.Discard, out); p.exited <- p.cmd.Wait() }()
	base, ok := strings.CutPrefix(strings.TrimSpace(line), "openline listening on ")
	if err != nil || !ok {
		_ = p.cmd.Process.Kill()
		t.Fatalf("serve did not start: %q %v\nstderr: %s", line, err, p.stderr)
	}
	p.base = base
	t.Cleanup(func() {
		_ = p.cmd.Process.Kill()
		<-p.exited
	})
	return p
}

// wait waits for the process to exit and returns its exit status.
func (p *proc) wait(t *testing.T) error {
	t.Helper()
	select {
	case err := <-p.exited:
		p.exited <- err // for the cleanup
		return err
	case <-time.After(30 * time.Second):
		t.Fatalf("serve did not exit; stderr: %s", p.stderr)
		return nil
	}
}

// addTrainee creates the account name with bin user add.
func addTrainee(t *testing.T, bin, data, name string) {
	t.Helper()
	cmd := exec.Command(bin, "user", "add", name, "--role", "trainee", "--data", data)
	cmd.Stdin = strings.NewReader(name + "-password\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("user add: %v\n%s", err, out)
	}
}

// procCall is a trainee's call over a real websocket.
type procCall struct {
	t  *testing.T
	ws *websocket.Conn
	id string
}

func dialCall(t *testing.T, base, cookie, scenarioID string) *procCall {
	t.Helper()
	h := http.Header{"Origin": {base}, "Cookie": {cookie}}
	ws, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(base, "http")+"/api/calls/ws?scenario="+scenarioID, h)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	c := &procCall{t: t, ws: ws}
	c.id = c.until("call").CallID
	c.until("reply")
	return c
}

type procFrame struct {
	Type   string `json:"type"`
	CallID string `json:"call_id"`
	Turn   int    `json:"turn"`
	Text   string `json:"text"`
	Code   string `json:"code"`
}

func (c *procCall) until(typ string) procFrame {
	c.t.Helper()
	for {
		_ = c.ws.SetReadDeadline(time.Now().Add(10 * time.Second))
		_, b, err := c.ws.ReadMessage()
		if err != nil {
			c.t.Fatalf("waiting for %s: %v", typ, err)
		}
		var f procFrame
		if err := json.Unmarshal(b, &f); err != nil {
			c.t.Fatal(err)
		}
		if f.Type == "error" {
			c.t.Fatalf("waiting for %s: error %s: %s", typ, f.Code, f.Text)
		}
		if f.Type == typ {
			return f
		}
	}
}

func (c *procCall) say(text string) procFrame {
	c.t.Helper()
	b, _ := json.Marshal(map[string]string{"type": "say", "text": text})
	if err := c.ws.WriteMessage(websocket.TextMessage, b); err != nil {
		c.t.Fatal(err)
	}
	return c.until("reply")
}

// callBody is what GET /api/calls/{id} answers, as far as these tests read it.
type callBody struct {
	Call struct {
		StartedAt time.Time  `json:"started_at"`
		EndedAt   *time.Time `json:"ended_at"`
		Outcome   string     `json:"outcome"`
	} `json:"call"`
	Transcript openline.Transcript `json:"transcript"`
	Scorecard  *openline.Scorecard `json:"scorecard"`
}

func getCall(t *testing.T, base, cookie, id string) callBody {
	t.Helper()
	req, _ := http.NewRequest("GET", base+"/api/calls/"+id, nil)
	req.Header.Set("Cookie", cookie)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body callBody
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET call: %d", resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	return body
}

// writeScenario writes the web test scenario into dir, with extra needs
// appended to its needs list (another version of it).
func writeScenario(t *testing.T, dir, extraNeed string) *openline.Scenario {
	t.Helper()
	src, err := os.ReadFile("../../internal/web/testdata/scenarios/web-test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	if extraNeed != "" {
		text = strings.Replace(text, "objections: []", extraNeed+"objections: []", 1)
	}
	path := filepath.Join(dir, "web-test.yaml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	sc, err := scenario.Parse("web-test.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

const secondNeed = `  - id: kinder
    fact: Sie hat zwei Kinder.
    earned_by: [open_question]
    topics: [familie]
    reveal: ["Ich habe zwei Kinder."]
`

// TestSurvivesSIGKILL kills the server with SIGKILL in the middle of a
// call, after some turns were answered and while another is on its way,
// and starts it again on a newer version of the call's scenario. Every
// answered turn must be there, the call ended as interrupted at its last
// turn, and scored on the version it ran on.
func TestSurvivesSIGKILL(t *testing.T) {
	bin := buildOpenline(t)
	data, dir := t.TempDir(), t.TempDir()
	v1 := writeScenario(t, dir, "")
	addTrainee(t, bin, data, "anna")
	p := startProc(t, bin, data, dir)
	_, cookie := post(t, p.base, "/api/login", "", `{"name":"anna","password":"anna-password"}`)
	c := dialCall(t, p.base, cookie, "web-test")
	lines := []string{"Guten Tag, hier ist Anna Berg.", "Was machen Sie am Wochenende?", "Wie schön. Erzählen Sie mehr!"}
	answered := map[int]string{}
	for _, l := range lines {
		f := c.say(l)
		answered[f.Turn-1] = l
		answered[f.Turn] = f.Text
	}
	// One more line, and the kill right after it: it may or may not
	// have been stored and answered; what was answered must survive.
	_ = c.ws.WriteMessage(websocket.TextMessage, []byte(`{"type":"say","text":"Und sonst?"}`))
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	p.wait(t)

	v2 := writeScenario(t, dir, secondNeed)
	if v1.Version == v2.Version {
		t.Fatal("the two scenario versions are the same")
	}
	p2 := startProc(t, bin, data, dir)
	_, cookie = post(t, p2.base, "/api/login", "", `{"name":"anna","password":"anna-password"}`)
	got := getCall(t, p2.base, cookie, c.id)
	if got.Call.Outcome != string(openline.OutcomeInterrupted) {
		t.Errorf("outcome = %q, want interrupted", got.Call.Outcome)
	}
	turns := got.Transcript.Turns
	for i, want := range answered {
		if i >= len(turns) || turns[i].Text != want {
			t.Errorf("turn %d lost: want %q, transcript %+v", i, want, turns)
		}
	}
	if len(turns)%2 == 0 && len(turns) > 7 {
		t.Errorf("transcript ends with a trainee turn past the answered ones: %+v", turns)
	}
	// ended_at is the moment of the last turn, not the restart.
	if got.Call.EndedAt == nil || got.Scorecard == nil {
		t.Fatalf("call not ended or not scored: %+v", got.Call)
	}
	started := got.Call.StartedAt
	last := turns[len(turns)-1]
	if want := started.Add(time.Duration(*last.EndMS) * time.Millisecond); got.Call.EndedAt.Sub(want).Abs() > time.Second {
		t.Errorf("ended_at = %v, want the last turn's time %v", got.Call.EndedAt, want)
	}
	want, err := score.Score(got.Transcript, v1)
	if err != nil {
		t.Fatal(err)
	}
	newer, err := score.Score(got.Transcript, v2)
	if err != nil {
		t.Fatal(err)
	}
	if newer.Metrics.NeedsTotal == want.Metrics.NeedsTotal {
		t.Fatal("the versions score alike; the test cannot tell them apart")
	}
	if got.Scorecard.Metrics.NeedsTotal != want.Metrics.NeedsTotal || got.Scorecard.Openness != want.Openness || got.Scorecard.Curiosity != want.Curiosity {
		t.Errorf("scorecard needs_total %d openness %d curiosity %d, want %d %d %d (its own version)",
			got.Scorecard.Metrics.NeedsTotal, got.Scorecard.Openness, got.Scorecard.Curiosity,
			want.Metrics.NeedsTotal, want.Openness, want.Curiosity)
	}
}

// TestSIGTERMClosesCallsCleanly stops a real server with SIGTERM during a
// call: the trainee gets close 1001 with its reason, the process exits 0,
// and the call is stored whole, interrupted and scored.
func TestSIGTERMClosesCallsCleanly(t *testing.T) {
	bin := buildOpenline(t)
	data, dir := t.TempDir(), t.TempDir()
	writeScenario(t, dir, "")
	addTrainee(t, bin, data, "anna")
	p := startProc(t, bin, data, dir)
	_, cookie := post(t, p.base, "/api/login", "", `{"name":"anna","password":"anna-password"}`)
	c := dialCall(t, p.base, cookie, "web-test")
	answered := []string{}
	for _, l := range []string{"Guten Tag, hier ist Anna Berg.", "Was machen Sie am Wochenende?"} {
		answered = append(answered, l, c.say(l).Text)
	}
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	_ = c.ws.SetReadDeadline(time.Now().Add(20 * time.Second))
	var ce *websocket.CloseError
	for {
		_, _, err := c.ws.ReadMessage()
		if err == nil {
			continue
		}
		var ok bool
		if ce, ok = err.(*websocket.CloseError); !ok {
			t.Fatalf("read until close: %v", err)
		}
		break
	}
	if ce.Code != websocket.CloseGoingAway || ce.Text != "server shutting down" {
		t.Errorf("close = %d %q, want 1001 %q", ce.Code, ce.Text, "server shutting down")
	}
	if err := p.wait(t); err != nil {
		t.Errorf("serve exited with %v after SIGTERM, want 0; stderr: %s", err, p.stderr)
	}

	p2 := startProc(t, bin, data, dir)
	_, cookie = post(t, p2.base, "/api/login", "", `{"name":"anna","password":"anna-password"}`)
	got := getCall(t, p2.base, cookie, c.id)
	if got.Call.Outcome != string(openline.OutcomeInterrupted) || got.Scorecard == nil {
		t.Errorf("call after SIGTERM: outcome %q, scorecard %v; want interrupted and scored", got.Call.Outcome, got.Scorecard != nil)
	}
	turns := got.Transcript.Turns
	if len(turns) != 1+len(answered) {
		t.Fatalf("stored %d turns, want %d", len(turns), 1+len(answered))
	}
	for i, want := range answered {
		if turns[i+1].Text != want {
			t.Errorf("turn %d = %q, want %q", i+1, turns[i+1].Text, want)
		}
	}
}
