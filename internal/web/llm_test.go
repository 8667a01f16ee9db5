package web

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona/llm"
	"github.com/openline/openline/internal/persona/llm/llmtest"
	"github.com/openline/openline/internal/persona/scripted"
)

// mustLLMApp is the server with the scripted engine and the LLM engine on
// a fake OpenAI-compatible server. Its time limits are generous: on a
// loaded machine (make test runs packages side by side, with -race) a
// fake reply can take seconds, and a limit reached would turn the happy
// path into the scripted fallback. The limits themselves are tested in
// internal/persona/llm; a hanging upstream here is ended by the test.
func mustLLMApp(t testing.TB) (*app, *llmtest.Server) {
	t.Helper()
	up := llmtest.New(t)
	eng, err := llm.New(llm.Config{BaseURL: up.BaseURL(), APIKey: "sk-web-test", Model: "fake-model", FirstToken: 30 * time.Second, Whole: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	a := mustAppEngines(t, nil, scripted.New(), eng)
	a.mustUser("anna", openline.RoleTrainee)
	a.mustUser("tina", openline.RoleTrainer)
	return a, up
}

func TestAWholeLLMCallOverTheSocket(t *testing.T) {
	a, up := mustLLMApp(t)
	anna := a.login("anna")
	status, body, _ := a.do("GET", "/api/scenarios", anna, nil)
	if status != http.StatusOK || !strings.Contains(string(body), `"engines":["scripted","llm"]`) {
		t.Fatalf("GET /api/scenarios: %d %s, want both engines listed", status, body)
	}
	c := a.mustDial(anna, "scenario=herr-b-handwerker&engine=llm")
	cf := c.next()
	if cf.Type != "call" || cf.Scenario == nil {
		t.Fatalf("first frame %+v", cf)
	}
	opening, deltas := c.until("reply")
	if opening.Text == "" || deltas != opening.Text || opening.Text != up.Requests()[0].Gist() {
		t.Errorf("opening %q from deltas %q, want the model's words streamed", opening.Text, deltas)
	}
	r := c.say("Guten Tag Herr B., hier ist Anna Müller. Ich hatte Ihnen die Unterlagen geschickt.")
	if r.Turn != 2 || r.Text != up.Requests()[1].Gist() {
		t.Errorf("reply %+v, want turn 2 in the model's words", r)
	}
	c.send(map[string]string{"type": "hangup"})
	c.until("scorecard")

	turns := a.storedTurns(cf.CallID)
	if len(turns) != 3 || turns[0].LLM == nil || turns[2].LLM == nil || turns[1].LLM != nil || turns[2].LLM.TokensIn == 0 {
		t.Fatalf("stored turns' LLM records: %+v", turns)
	}
	var got struct {
		LLM *llmJSON `json:"llm"`
	}
	_, body, _ = a.do("GET", "/api/calls/"+cf.CallID, a.login("tina"), nil)
	if err := json.Unmarshal(body, &got); err != nil || got.LLM == nil {
		t.Fatalf("trainer's GET call: %s", body)
	}
	if got.LLM.Model != "fake-model" || len(got.LLM.Turns) != 2 || got.LLM.TokensIn != turns[0].LLM.TokensIn+turns[2].LLM.TokensIn || got.LLM.Requests != 2 || got.LLM.ScriptedFromTurn != nil {
		t.Errorf("trainer's LLM summary = %+v", got.LLM)
	}
	_, body, _ = a.do("GET", "/api/calls/"+cf.CallID, anna, nil)
	if strings.Contains(string(body), `"llm":{`) {
		t.Errorf("the trainee sees the LLM cost: %s", body)
	}
	_, metrics, _ := a.do("GET", "/metrics", a.login("tina"), nil)
	for _, m := range []string{`openline_llm_tokens_total{direction="in"}`, "openline_llm_first_token_seconds_count 2", "openline_llm_reply_seconds_count 2"} {
		if !strings.Contains(string(metrics), m) {
			t.Errorf("/metrics lacks %s", m)
		}
	}
}

func TestAnLLMCallFallsBackToScriptedMidCall(t *testing.T) {
	a, up := mustLLMApp(t)
	anna := a.login("anna")
	c := a.mustDial(anna, "scenario=herr-b-handwerker&engine=llm")
	id := c.next().CallID
	c.until("reply")

	up.Script(llmtest.Reply{Chunks: llmtest.Words("Ja, ich erinnere "), Cut: true}) // cut mid-sentence
	c.send(map[string]string{"type": "say", "text": "Guten Tag Herr B., hier ist Anna Müller. Ich hatte Ihnen die Unterlagen geschickt."})
	var deltas strings.Builder
	var sawError bool
	var reply frame
	for reply.Type != "reply" {
		f := c.next()
		switch f.Type {
		case "reply.delta":
			deltas.WriteString(f.Text)
		case "error":
			if f.Code != "llm_unavailable" {
				t.Fatalf("error %+v, want llm_unavailable", f)
			}
			sawError = true
		case "reply":
			reply = f
		}
	}
	gist := up.Requests()[1].Gist()
	if !sawError || !strings.HasPrefix(reply.Text, "Ja, ich erinnere") || !strings.HasSuffix(reply.Text, gist) || deltas.String() != reply.Text {
		t.Errorf("fallback: error %v, reply %q (deltas %q); want the error frame, the words said, then the scripted %q", sawError, reply.Text, deltas.String(), gist)
	}
	sent := len(up.Requests())
	next := c.say("Danke, dass Sie so schnell geantwortet haben. Darf ich fragen, was genau für Sie nicht passt? Ein paar ehrliche Sätze würden mir sehr helfen.")
	if next.Turn != 4 || len(up.Requests()) != sent {
		t.Errorf("after the fallback: %+v with %d new requests; want the scripted prospect, no request", next, len(up.Requests())-sent)
	}
	stored := a.storedTurns(id)
	if st := stored[4].State; st == nil || len(st.Revealed) != 1 {
		t.Errorf("the scripted prospect did not go on with the same state: %+v", st)
	}
	if l := stored[2].LLM; l == nil || l.Fault != "cut" || !l.Scripted {
		t.Errorf("turn 2's record = %+v, want fault cut", l)
	}
	_, metrics, _ := a.do("GET", "/metrics", anna, nil)
	if !strings.Contains(string(metrics), `openline_llm_errors_total{kind="cut"} 1`) {
		t.Errorf("/metrics does not count the cut stream by its kind")
	}
	c.ws.Close()
	waitFor(t, "the socket handler to return", func() bool { return a.srv.sockets.count() == 0 })
	r := a.mustDial(anna, "resume="+id)
	if cf := r.next(); !cf.Fallback || len(cf.Turns) != 5 {
		t.Errorf("resumed call frame: fallback %v, %d turns; want the fallback shown", cf.Fallback, len(cf.Turns))
	}
}

func TestHangingUpWhileTheModelStreamsCancelsTheUpstreamRequest(t *testing.T) {
	a, up := mustLLMApp(t)
	c := a.mustDial(a.login("anna"), "scenario=herr-b-handwerker&engine=llm")
	id := c.next().CallID
	c.until("reply")
	up.Script(llmtest.Reply{Chunks: llmtest.Words("Ja, also das ist "), Hang: true})
	c.send(map[string]string{"type": "say", "text": "Guten Tag, hier ist Anna Müller."})
	if f := c.next(); f.Type != "reply.delta" {
		t.Fatalf("frame %+v, want the first delta", f)
	}
	c.send(map[string]string{"type": "hangup"})
	r, _ := c.until("reply")
	if !strings.HasPrefix(r.Text, "Ja,") {
		t.Errorf("cut reply %q, want the words said", r.Text)
	}
	if h := c.next(); h.Type != "hangup" || h.By != "trainee" {
		t.Errorf("frame %+v, want the trainee's hangup", h)
	}
	c.until("scorecard")
	waitFor(t, "the upstream request to be cancelled", func() bool { return up.Cancelled() == 1 })
	if turns := a.storedTurns(id); len(turns) != 3 || turns[2].Turn.Text != r.Text {
		t.Errorf("stored %d turns, want 3 ending with the words said", len(turns))
	}
}

// BenchmarkFirstDelta measures what the relay adds: from the fake upstream
// flushing the first content chunk of a reply to the first reply.delta
// frame read by a websocket client (guard, call, socket queue, writer and
// the loopback included). The figure is µs-relay/first-delta; the issue's
// bound is 5 ms.
func BenchmarkFirstDelta(b *testing.B) {
	a, up := mustLLMApp(b)
	anna := a.login("anna")
	lines := []string{"Verstehe, danke.", "Wie meinen Sie das genau?", "Das klingt interessant, erzählen Sie mehr.", "Und wie läuft das bei Ihnen heute?"}
	var total time.Duration
	n := 0
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		c := a.mustDial(anna, "scenario=herr-b-handwerker&engine=llm")
		c.next()
		c.until("reply")
		sent := len(up.FirstSent())
		b.StartTimer()
		c.send(map[string]string{"type": "say", "text": lines[i%len(lines)]})
		f := c.next()
		got := time.Now()
		b.StopTimer()
		if f.Type != "reply.delta" {
			b.Fatalf("first frame of a reply: %+v", f)
		}
		firsts := up.FirstSent()
		if len(firsts) != sent+1 {
			b.Fatalf("upstream streams = %d, want %d", len(firsts), sent+1)
		}
		total += got.Sub(firsts[sent])
		n++
		for f.Type != "reply" {
			f = c.next()
		}
		// Hang up (or hear the prospect's) so the user's live calls stay few.
		c.send(map[string]string{"type": "hangup"})
		for f.Type != "scorecard" && f.Type != "error" {
			f = c.next()
		}
		c.ws.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(total.Microseconds())/float64(n), "µs-relay/first-delta")
}

func TestAClosedTabWhileTheModelStreamsCancelsTheUpstreamRequest(t *testing.T) {
	a, up := mustLLMApp(t)
	anna := a.login("anna")
	c := a.mustDial(anna, "scenario=herr-b-handwerker&engine=llm")
	id := c.next().CallID
	c.until("reply")
	up.Script(llmtest.Reply{Chunks: llmtest.Words("Ja, also das ist "), Hang: true})
	c.send(map[string]string{"type": "say", "text": "Guten Tag, hier ist Anna Müller."})
	if f := c.next(); f.Type != "reply.delta" {
		t.Fatalf("frame %+v, want the first delta", f)
	}
	c.ws.Close() // the tab is closed while the model speaks
	waitFor(t, "the upstream request to be cancelled", func() bool { return up.Cancelled() == 1 })
	waitFor(t, "the socket handler to return", func() bool { return a.srv.sockets.count() == 0 })
	// The words that went out are the prospect's turn; the call goes on.
	r := a.mustDial(anna, "resume="+id)
	if cf := r.next(); len(cf.Turns) != 3 || !strings.HasPrefix(cf.Turns[2].Text, "Ja,") {
		t.Errorf("resumed turns = %+v, want the cut reply kept", cf.Turns)
	}
	if next := r.say("Verstehe. Darf ich fragen, was genau nicht passt?"); next.Turn != 4 {
		t.Errorf("reply after resume = %+v, want turn 4", next)
	}
}
