package web

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
	"github.com/openline/openline/internal/persona/llm"
	"github.com/openline/openline/internal/persona/llm/llmtest"
	"github.com/openline/openline/internal/persona/scripted"
	"github.com/openline/openline/internal/voice"
	"github.com/openline/openline/internal/voice/voicetest"
)

// voiceApp is the server with speech recognition and a speech server on
// fakes speaking the real wire formats; tts nil: the browser speaks.
type voiceApp struct {
	*app
	stt *voicetest.STT
	tts *voicetest.TTS
}

func mustVoiceApp(t testing.TB, withTTS bool, engines ...persona.Engine) *voiceApp {
	t.Helper()
	return mustVoiceAppWith(t, withTTS, nil, engines...)
}

// mustVoiceAppWith is mustVoiceApp with the server's Config changed by
// configure (nil: none).
func mustVoiceAppWith(t testing.TB, withTTS bool, configure func(*Config), engines ...persona.Engine) *voiceApp {
	t.Helper()
	v := &voiceApp{stt: voicetest.NewSTT()}
	t.Cleanup(v.stt.Close)
	cfg := voice.Config{STT: voice.Endpoint{BaseURL: v.stt.URL(), Model: "whisper-test"}, STTTimeout: time.Second, TTSTimeout: time.Second}
	if withTTS {
		v.tts = voicetest.NewTTS()
		t.Cleanup(v.tts.Close)
		cfg.TTS = voice.Endpoint{BaseURL: v.tts.URL(), Model: "tts-test"}
	}
	svc, err := voice.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	v.app = mustAppConfigured(t, nil, func(c *Config) {
		c.Voice = svc
		if len(engines) > 0 {
			c.Engines = engines
		}
		if configure != nil {
			configure(c)
		}
	})
	v.mustUser("anna", openline.RoleTrainee)
	v.mustUser("tina", openline.RoleTrainer)
	return v
}

// fakeLLM is the LLM engine on a fake OpenAI-compatible server, with
// the budgets for the first words and the whole reply.
func fakeLLM(t testing.TB, firstToken, whole time.Duration) (*llmtest.Server, persona.Engine) {
	t.Helper()
	up := llmtest.New(t)
	eng, err := llm.New(llm.Config{BaseURL: up.BaseURL(), APIKey: "sk-web-test", Model: "fake-model", FirstToken: firstToken, Whole: whole})
	if err != nil {
		t.Fatal(err)
	}
	return up, eng
}

// speech sends one spoken turn: speech.start, d of audio in 100 ms frames
// (the last silence of it silence), speech.stop. The server's clock is
// read at speech.start; the turn lasts as long as its audio.
func (c *client) speech(a *app, d, silence time.Duration) {
	c.t.Helper()
	c.send(map[string]string{"type": "speech.start"})
	pcm := voicetest.Tone(voice.SampleRate, d)
	for len(pcm) > 0 {
		n := min(len(pcm), voice.BytesPerSecond/10)
		c.sendRaw(websocket.BinaryMessage, pcm[:n])
		pcm = pcm[n:]
	}
	c.send(map[string]any{"type": "speech.stop", "silence_ms": silence.Milliseconds()})
}

// turnAudio reads a prospect turn: its deltas, audio frames and reply.
func (c *client) turnAudio() (reply frame, audio []frame) {
	c.t.Helper()
	for {
		f := c.next()
		switch f.Type {
		case "audio":
			audio = append(audio, f)
		case "reply":
			return f, audio
		case "error":
			c.t.Fatalf("error frame %+v", f)
		}
	}
}

func TestASpokenCall(t *testing.T) {
	v := mustVoiceApp(t, true)
	v.stt.Set(func(time.Duration) string {
		return "Guten Tag Frau T., hier ist Anna Müller. Was machen Sie am Wochenende?"
	}, 0, 0)
	anna := v.login("anna")
	c := v.mustDial(anna, "scenario=web-test")
	cf := c.next()
	if cf.Type != "call" || cf.Voice == nil || !cf.Voice.In || cf.Voice.Out != "server" {
		t.Fatalf("call frame %+v, want voice in and server speech", cf)
	}
	opening, audio := c.turnAudio()
	if opening.Text != "T., guten Tag?" || len(audio) != 1 || audio[0].Text != opening.Text || audio[0].Seq != 0 || audio[0].Format != "wav" {
		t.Fatalf("opening %q with audio %+v", opening.Text, audio)
	}
	if _, _, _, d, err := voice.WAVInfo(audio[0].Data); err != nil || d.Milliseconds() != audio[0].DurationMS || d != 14*60*time.Millisecond {
		t.Errorf("opening audio: %v %v, duration_ms %d", d, err, audio[0].DurationMS)
	}

	v.clock.Advance(2 * time.Second) // the trainee listens, then speaks
	c.speech(v.app, 1500*time.Millisecond, 800*time.Millisecond)
	tf := c.next()
	if tf.Type != "transcript.final" || !strings.HasPrefix(tf.Text, "Guten Tag Frau T.") || tf.StartMS != 2000 || tf.EndMS != 2700 {
		t.Fatalf("transcript %+v, want the words spoken from 2000 to 2700 ms", tf)
	}
	reply, audio := c.turnAudio()
	if reply.Turn != 2 || len(audio) == 0 {
		t.Fatalf("reply %+v with %d audio frames", reply, len(audio))
	}
	var spoken []string
	var total int64
	for i, a := range audio {
		if a.Seq != i {
			t.Errorf("audio %d has seq %d: out of order", i, a.Seq)
		}
		spoken = append(spoken, a.Text)
		total += a.DurationMS
	}
	if strings.Join(spoken, " ") != reply.Text {
		t.Errorf("spoken %q, want the reply %q sentence by sentence", spoken, reply.Text)
	}

	turns := v.storedTurns(cf.CallID)
	tr := turns[1]
	if tr.Speaker != openline.Trainee || *tr.StartMS != 2000 || *tr.EndMS != 2700 || tr.Text != tf.Text {
		t.Errorf("trainee turn stored %+v %d..%d", tr.Turn, *tr.StartMS, *tr.EndMS)
	}
	pr := turns[2]
	// The test's clock stands still while the server works: the first
	// audio goes out at 2000 too.
	if *pr.StartMS != 2000 || *pr.EndMS != 2000+total {
		t.Errorf("prospect turn stored at %d..%d, want from its first audio (2000) for its audio's %d ms", *pr.StartMS, *pr.EndMS, total)
	}
	if r := v.stt.Requests(); len(r) != 1 || r[0].Model != "whisper-test" || r[0].Language != "de" || r[0].Audio != 1500*time.Millisecond {
		t.Errorf("transcription requests %+v", r)
	}
	if r := v.tts.Requests(); len(r) != 1+len(audio) || r[0].Voice != voice.DefaultVoice || r[0].Model != "tts-test" {
		t.Errorf("speech requests %+v", r)
	}

	// A typed turn in a spoken call is spoken back too, and stored as typed.
	typed, audio := c.sayAudio("Und wie läuft das Geschäft?")
	if len(audio) == 0 || typed.Turn != 4 {
		t.Errorf("typed turn: reply %+v with %d audio frames", typed, len(audio))
	}
	c.send(map[string]string{"type": "hangup"})
	c.until("scorecard")
}

func (c *client) sayAudio(text string) (frame, []frame) {
	c.t.Helper()
	c.send(map[string]string{"type": "say", "text": text})
	return c.turnAudio()
}

func TestAReviewedTranscriptIsStoredAsCorrected(t *testing.T) {
	v := mustVoiceApp(t, false) // the browser speaks
	v.stt.Set(func(time.Duration) string { return "Guten Tag, hier ist Anna Mühler." }, 0, 0)
	c := v.mustDial(v.login("anna"), "scenario=web-test")
	cf := c.next()
	if cf.Voice == nil || cf.Voice.Out != "browser" {
		t.Fatalf("call frame voice %+v, want the browser to speak", cf.Voice)
	}
	c.until("reply")
	v.clock.Advance(time.Second)
	c.send(map[string]string{"type": "speech.start"})
	c.sendRaw(websocket.BinaryMessage, make([]byte, voice.BytesPerSecond))
	c.send(map[string]any{"type": "speech.stop", "silence_ms": 500, "review": true})
	tf := c.next()
	if tf.Type != "transcript.final" || !tf.Review || tf.StartMS != 1000 || tf.EndMS != 1500 {
		t.Fatalf("transcript %+v, want one to review, 1000..1500 ms", tf)
	}
	if n := len(v.storedTurns(cf.CallID)); n != 1 {
		t.Fatalf("%d turns stored before the review, want 1", n)
	}
	v.clock.Advance(3 * time.Second) // correcting takes a while; the turn keeps its spoken times
	r := c.say("Guten Tag, hier ist Anna Müller.")
	turns := v.storedTurns(cf.CallID)
	if tr := turns[1]; tr.Text != "Guten Tag, hier ist Anna Müller." || *tr.StartMS != 1000 || *tr.EndMS != 1500 {
		t.Errorf("stored %q at %d..%d, want the correction at the spoken times", tr.Text, *tr.StartMS, *tr.EndMS)
	}
	// The browser speaks: the prospect's turn lasts as long as its text
	// takes to say.
	pr := turns[2]
	want := int64(len([]rune(r.Text))) * 1000 / browserCharsPerSecond
	if *pr.StartMS != 4000 || *pr.EndMS-*pr.StartMS != want {
		t.Errorf("prospect turn %d..%d, want from 4000 for %d ms", *pr.StartMS, *pr.EndMS, want)
	}
}

func TestFailingOrSlowSpeechServersLeaveTheCallTyped(t *testing.T) {
	v := mustVoiceApp(t, true)
	c := v.mustDial(v.login("anna"), "scenario=web-test")
	id := c.next().CallID
	c.turnAudio()
	v.clock.Advance(5 * time.Second) // the opening has been heard
	for _, up := range []struct {
		name  string
		delay time.Duration
		code  int
	}{{"failing", 0, 503}, {"slow", 3 * time.Second, 0}} {
		v.stt.Set(nil, up.delay, up.code)
		c.speech(v.app, time.Second, 0)
		if f := c.next(); f.Type != "error" || f.Code != "stt_unavailable" {
			t.Fatalf("%s: %+v, want stt_unavailable", up.name, f)
		}
		if n := len(v.storedTurns(id)); n != 1 {
			t.Errorf("%s: %d turns stored, want only the opening", up.name, n)
		}
	}
	v.tts.Set(0, 500)
	c.send(map[string]string{"type": "say", "text": "Guten Tag Frau T., hier ist Anna."})
	var sawErr bool
	for {
		f := c.next()
		if f.Type == "error" && f.Code == "tts_unavailable" {
			sawErr = true
		}
		if f.Type == "audio" {
			t.Errorf("audio from a failing speech server: %+v", f)
		}
		if f.Type == "reply" {
			break
		}
	}
	if !sawErr {
		t.Error("no tts_unavailable for a failing speech server")
	}
	v.tts.Set(0, 0)
	v.stt.Set(nil, 0, 0)
	c.speech(v.app, time.Second, 0)
	if f := c.next(); f.Type != "transcript.final" || f.Text != "Hallo" {
		t.Fatalf("after the servers came back: %+v", f)
	}
	if r, audio := c.turnAudio(); r.Turn != 4 || len(audio) == 0 {
		t.Errorf("the call did not go on spoken: %+v, %d audio frames", r, len(audio))
	}
	_, metrics, _ := v.do("GET", "/metrics", v.login("tina"), nil)
	for _, m := range []string{`openline_voice_errors_total{side="stt"} 2`, `openline_voice_errors_total{side="tts"}`, "openline_stt_seconds_count 3"} {
		if !strings.Contains(string(metrics), m) {
			t.Errorf("/metrics lacks %s", m)
		}
	}
}

func TestAudioLimitsKeepTheCallGoing(t *testing.T) {
	v := mustVoiceApp(t, false)
	c := v.mustDial(v.login("anna"), "scenario=web-test")
	id := c.next().CallID
	c.until("reply")
	v.clock.Advance(2 * time.Second) // the browser has said the opening
	c.sendRaw(websocket.BinaryMessage, make([]byte, 3200))
	if f := c.next(); f.Code != "invalid_frame" {
		t.Errorf("audio outside a speech: %+v", f)
	}
	c.send(map[string]string{"type": "speech.start"})
	for range 5 { // 2.5 s of audio at once: over the burst of 2 s
		c.sendRaw(websocket.BinaryMessage, make([]byte, voice.BytesPerSecond/2))
	}
	if f := c.next(); f.Code != "audio_too_fast" {
		t.Errorf("audio too fast: %+v", f)
	}
	c.send(map[string]string{"type": "speech.stop"})
	if n := len(v.storedTurns(id)); n != 1 {
		t.Errorf("%d turns stored, want the opening only", n)
	}
	if got := len(v.stt.Requests()); got != 0 {
		t.Errorf("%d transcriptions of dropped audio", got)
	}
	r := c.say("Guten Tag Frau T.")
	if r.Turn != 2 {
		t.Errorf("typed turn after the limits: %+v", r)
	}
}

func TestAudioOverSixtySecondsIsDropped(t *testing.T) {
	var errs []string
	v := &voiceConn{svc: &voice.Service{}, talking: true, tokens: audioBurst, refilled: time.Unix(0, 0)}
	v.s = &socket{send: make(chan []byte, 8), quit: make(chan struct{}), wake: make(chan struct{}, 1), log: discardLog()}
	at := time.Unix(0, 0)
	for i := 0; i < 61*2 && !v.dropped; i++ { // half a second of audio every half second
		at = at.Add(500 * time.Millisecond)
		v.audio(make([]byte, voice.BytesPerSecond/2), at)
	}
	for len(v.s.send) > 0 {
		errs = append(errs, string(<-v.s.send))
	}
	if !v.dropped || len(errs) != 1 || !strings.Contains(errs[0], "audio_too_long") || v.pcm != nil {
		t.Errorf("dropped %v, errors %q", v.dropped, errs)
	}
}

func TestBargeInStopsTheProspect(t *testing.T) {
	up, eng := fakeLLM(t, 2*time.Second, 10*time.Second)
	v := mustVoiceApp(t, true, scripted.New(), eng)
	c := v.mustDial(v.login("anna"), "scenario=web-test&engine=llm")
	id := c.next().CallID
	c.turnAudio()
	c.say("Guten Tag Frau T., hier ist Anna Müller von der Firma Nord.")

	// The prospect is heard while the model still writes: the trainee
	// speaks, and both the model's request and the speech stop.
	up.Script(llmtest.Reply{Chunks: llmtest.Words("Ach so, ja. Also wissen Sie, "), Hang: true})
	c.send(map[string]string{"type": "say", "text": "Darf ich Sie fragen, wie es Ihnen geht?"})
	for f := c.next(); f.Type != "audio"; f = c.next() {
		if f.Type == "reply" || f.Type == "error" {
			t.Fatalf("%+v before the first sentence's audio", f)
		}
	}
	v.clock.Advance(300 * time.Millisecond)
	c.send(map[string]string{"type": "speech.start"})
	reply, _ := c.until("reply")
	if reply.Turn != 4 || !strings.HasPrefix(reply.Text, "Ach so, ja.") {
		t.Errorf("the words said before the barge-in: %+v", reply)
	}
	if f := c.next(); f.Type != "barge_in" || f.Turn != 4 {
		t.Errorf("%+v, want barge_in on turn 4", f)
	}
	waitFor(t, "the model's request cancelled", func() bool { return up.Cancelled() > 0 })

	// The audio of a finished turn still plays: speaking over it is a
	// barge-in too, and the trainee's turn starts before the prospect's
	// ends: the interruption is in the times.
	c.sendRaw(websocket.BinaryMessage, make([]byte, voice.BytesPerSecond))
	c.send(map[string]any{"type": "speech.stop"})
	c.until("transcript.final")
	c.turnAudio()
	c.send(map[string]string{"type": "speech.start"})
	if f := c.next(); f.Type != "barge_in" || f.Turn != 6 {
		t.Errorf("%+v, want barge_in on turn 6 while its audio plays", f)
	}
	c.sendRaw(websocket.BinaryMessage, make([]byte, voice.BytesPerSecond))
	c.send(map[string]any{"type": "speech.stop"})
	c.until("transcript.final")
	c.turnAudio()
	turns := v.storedTurns(id)
	if p, tr := turns[6], turns[7]; *tr.StartMS >= *p.EndMS {
		t.Errorf("trainee turn 7 from %d, prospect turn 6 until %d: the interruption is not in the times", *tr.StartMS, *p.EndMS)
	}
	if p, tr := turns[4], turns[5]; *tr.StartMS > *p.EndMS {
		t.Errorf("trainee turn 5 from %d, cut prospect turn 4 until %d", *tr.StartMS, *p.EndMS)
	}
	_, metrics, _ := v.do("GET", "/metrics", v.login("tina"), nil)
	if !strings.Contains(string(metrics), "openline_barge_ins_total 2") {
		t.Error("/metrics does not count the barge-ins")
	}
}

func TestATextServerHasNoVoice(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	c := a.mustDial(a.login("anna"), "scenario=web-test")
	if cf := c.next(); cf.Voice != nil {
		t.Errorf("call frame voice %+v on a server without speech", cf.Voice)
	}
	c.until("reply")
	c.send(map[string]string{"type": "speech.start"})
	if f := c.next(); f.Code != "unknown_type" {
		t.Errorf("speech.start on a text server: %+v, want unknown_type as in v1", f)
	}
	c.sendRaw(websocket.BinaryMessage, []byte{1, 2})
	if f := c.next(); f.Code != "invalid_frame" {
		t.Errorf("audio on a text server: %+v", f)
	}
}

// BenchmarkVoiceFirstAudio measures openline's own share of the delay from
// the trainee's speech.stop to the first audio frame of the prospect's
// answer read by a websocket client, with upstreams answering in fixed
// times (transcription 300 ms, the model's first words 400 ms, a
// sentence's speech 200 ms): the figure is the whole delay less those
// (docs/voice.md, "Speed"; the bound is 150 ms). The end-of-turn
// silence the page waits for comes before speech.stop and is not in it.
func BenchmarkVoiceFirstAudio(b *testing.B) {
	const sttDelay, llmDelay, ttsDelay = 300 * time.Millisecond, 400 * time.Millisecond, 200 * time.Millisecond
	for _, engine := range []string{"scripted", "llm"} {
		b.Run(engine, func(b *testing.B) {
			up, eng := fakeLLM(b, 5*time.Second, 10*time.Second)
			v := mustVoiceApp(b, true, scripted.New(), eng)
			anna := v.login("anna")
			var own, whole time.Duration
			fixed := sttDelay + ttsDelay
			if engine == "llm" {
				fixed += llmDelay
			}
			n := 0
			for b.Loop() {
				b.StopTimer()
				c := v.mustDial(anna, "scenario=web-test&engine="+engine)
				c.next()
				c.turnAudio()
				v.stt.Set(func(time.Duration) string { return "Guten Tag Frau T., hier ist Anna Müller von Nord." }, sttDelay, 0)
				v.tts.Set(ttsDelay, 0)
				up.Script(llmtest.Reply{Delay: llmDelay, Chunks: llmtest.Words("Ja, guten Tag. Worum geht es denn?")})
				c.send(map[string]string{"type": "speech.start"})
				c.sendRaw(websocket.BinaryMessage, make([]byte, voice.BytesPerSecond))
				b.StartTimer()
				t0 := time.Now()
				c.send(map[string]any{"type": "speech.stop"})
				f := c.next()
				for f.Type != "audio" {
					if f.Type == "error" {
						b.Fatalf("error frame %+v", f)
					}
					f = c.next()
				}
				d := time.Since(t0)
				b.StopTimer()
				whole += d
				own += d - fixed
				n++
				c.turnAudio()
				c.send(map[string]string{"type": "hangup"})
				for f.Type != "scorecard" {
					f = c.next()
				}
				c.ws.Close()
				v.stt.Set(nil, 0, 0)
				v.tts.Set(0, 0)
				b.StartTimer()
			}
			b.ReportMetric(float64(own.Microseconds())/float64(n)/1000, "ms-own/first-audio")
			b.ReportMetric(float64(whole.Microseconds())/float64(n)/1000, "ms-whole/first-audio")
		})
	}
}

func TestRecordingsAreKeptOnlyWhenConfiguredAndOnlyForTheirTime(t *testing.T) {
	var now func() time.Time
	rec, err := voice.NewRecordings(t.TempDir(), time.Hour, func() time.Time { return now() })
	if err != nil {
		t.Fatal(err)
	}
	v := mustVoiceAppWith(t, false, func(c *Config) { c.Recordings = rec })
	now = v.clock.Now
	v.mustUser("ben", openline.RoleTrainee)
	anna := v.login("anna")
	c := v.mustDial(anna, "scenario=web-test")
	id := c.next().CallID
	c.until("reply")
	v.clock.Advance(2 * time.Second)
	c.speech(v.app, time.Second, 0)
	c.until("transcript.final")
	c.until("reply")
	c.say("Und das hier ist getippt.")

	status, body, _ := v.do("GET", "/api/calls/"+id+"/recordings", anna, nil)
	if status != http.StatusOK || string(body) != `{"turns":[1],"keep_hours":1}`+"\n" && string(body) != `{"turns":[1],"keep_hours":1}` {
		t.Fatalf("recordings: %d %s, want the spoken turn only", status, body)
	}
	for _, who := range []struct {
		name   string
		cookie string
		want   int
	}{{"the trainee", anna, 200}, {"a trainer", v.login("tina"), 200}, {"another trainee", v.login("ben"), 404}, {"nobody", "", 401}} {
		status, body, resp := v.do("GET", "/api/calls/"+id+"/turns/1/audio", who.cookie, nil)
		if status != who.want {
			t.Errorf("%s: %d, want %d", who.name, status, who.want)
			continue
		}
		if status == 200 {
			if _, _, _, d, err := voice.WAVInfo(body); err != nil || d != time.Second || resp.Header.Get("Content-Type") != "audio/wav" {
				t.Errorf("%s: audio %v %v %q", who.name, d, err, resp.Header.Get("Content-Type"))
			}
		}
	}
	if status, _, _ := v.do("GET", "/api/calls/"+id+"/turns/3/audio", anna, nil); status != 404 {
		t.Errorf("a typed turn's audio: %d, want 404", status)
	}
	v.clock.Advance(2 * time.Hour)
	if status, _, _ := v.do("GET", "/api/calls/"+id+"/turns/1/audio", anna, nil); status != 404 {
		t.Errorf("an expired recording: %d, want 404", status)
	}

	plain := mustVoiceApp(t, false)
	pa := plain.login("anna")
	pc := plain.mustDial(pa, "scenario=web-test")
	pid := pc.next().CallID
	pc.until("reply")
	plain.clock.Advance(2 * time.Second)
	pc.speech(plain.app, time.Second, 0)
	pc.until("reply")
	if _, body, _ := plain.do("GET", "/api/calls/"+pid+"/recordings", pa, nil); !strings.Contains(string(body), `"turns":[]`) || !strings.Contains(string(body), `"keep_hours":0`) {
		t.Errorf("a server that keeps no audio lists %s", body)
	}
}

func TestPartialTranscriptsWhileTheTraineeSpeaks(t *testing.T) {
	v := &voiceApp{stt: voicetest.NewSTT()}
	defer v.stt.Close()
	svc, err := voice.New(voice.Config{STT: voice.Endpoint{BaseURL: v.stt.URL(), Model: "whisper-test"}, Partials: true})
	if err != nil {
		t.Fatal(err)
	}
	v.app = mustAppConfigured(t, nil, func(c *Config) { c.Voice = svc })
	v.mustUser("anna", openline.RoleTrainee)
	v.stt.Set(func(d time.Duration) string {
		if d < 1800*time.Millisecond {
			return "Guten Tag"
		}
		return "Guten Tag Frau T."
	}, 0, 0)
	c := v.mustDial(v.login("anna"), "scenario=web-test")
	if cf := c.next(); cf.Voice == nil || !cf.Voice.Partials {
		t.Fatalf("call frame voice %+v, want partials", cf.Voice)
	}
	c.until("reply")
	v.clock.Advance(2 * time.Second)
	c.send(map[string]string{"type": "speech.start"})
	for range 16 { // 1.6 s: one partial after 1.5 s
		c.sendRaw(websocket.BinaryMessage, make([]byte, voice.BytesPerSecond/10))
	}
	if f := c.next(); f.Type != "transcript.partial" || f.Text != "Guten Tag" {
		t.Fatalf("%+v, want the partial transcript", f)
	}
	for range 4 {
		c.sendRaw(websocket.BinaryMessage, make([]byte, voice.BytesPerSecond/10))
	}
	c.send(map[string]any{"type": "speech.stop"})
	if f := c.next(); f.Type != "transcript.final" || f.Text != "Guten Tag Frau T." {
		t.Fatalf("%+v, want the final transcript of the whole turn", f)
	}
	c.until("reply")
	if n := len(v.stt.Requests()); n != 2 {
		t.Errorf("%d transcriptions, want one partial and the final", n)
	}
}

// TestTheTraineeGoesOnSpeakingWhileTheProspectThinks: a trainee who pauses
// long enough for the page to end their turn, then goes on before the
// prospect has said a word, is heard out: the answer being thought of is
// cancelled, both turns are stored, and the prospect answers once, after
// the second. When the second speech brings no words, the prospect
// answers the first. Nothing the trainee said is lost.
func TestTheTraineeGoesOnSpeakingWhileTheProspectThinks(t *testing.T) {
	up, eng := fakeLLM(t, 5*time.Second, 10*time.Second)
	v := mustVoiceApp(t, true, scripted.New(), eng)
	v.stt.Set(func(d time.Duration) string {
		switch {
		case d >= 1500*time.Millisecond:
			return "Guten Tag Frau T., hier ist Anna Müller von der Firma Nord."
		case d >= time.Second:
			return "Darf ich Sie kurz etwas fragen?"
		}
		return "" // a cough
	}, 0, 0)
	c := v.mustDial(v.login("anna"), "scenario=web-test&engine=llm")
	id := c.next().CallID
	c.turnAudio()

	for _, tc := range []struct {
		name   string
		second time.Duration // the audio of the speech after the pause
		want   []string      // the trainee turns stored, in order
	}{
		{"words", time.Second, []string{"Guten Tag Frau T., hier ist Anna Müller von der Firma Nord.", "Darf ich Sie kurz etwas fragen?"}},
		{"a cough", 400 * time.Millisecond, []string{"Guten Tag Frau T., hier ist Anna Müller von der Firma Nord."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v.clock.Advance(10 * time.Second) // the prospect's last words have been heard
			before := len(v.storedTurns(id))
			asked, cancelled := len(up.Requests()), up.Cancelled()
			gate := make(chan struct{}) // the model thinks until the trainee has gone on
			up.Script(llmtest.Reply{Gate: gate, Chunks: llmtest.Words("Das hier nie.")}, llmtest.Reply{Chunks: llmtest.Words("Ja, bitte, worum geht es?")})
			c.speech(v.app, 1500*time.Millisecond, 0)
			if f := c.next(); f.Type != "transcript.final" || f.Text != tc.want[0] {
				t.Fatalf("%+v, want the first transcript", f)
			}
			waitFor(t, "the model asked for the answer", func() bool { return len(up.Requests()) > asked })
			c.speech(v.app, tc.second, 0)
			waitFor(t, "the answer being thought of cancelled", func() bool { return up.Cancelled() > cancelled })
			close(gate)
			var frames []string
			for f := c.next(); f.Type != "reply"; f = c.next() {
				frames = append(frames, f.Type+":"+f.Code)
				if f.Type == "barge_in" {
					t.Errorf("a barge-in on a prospect who had said nothing")
				}
			}
			turns := v.storedTurns(id)[before:]
			var trainee []string
			for _, tu := range turns[:len(turns)-1] {
				if tu.Speaker != openline.Trainee {
					t.Fatalf("turns %+v: the prospect spoke before the trainee had finished", turns)
				}
				trainee = append(trainee, tu.Text)
			}
			if strings.Join(trainee, "|") != strings.Join(tc.want, "|") || turns[len(turns)-1].Text != "Ja, bitte, worum geht es?" {
				t.Errorf("stored %+v, want the trainee's %q, then one answer (frames %q)", turns, tc.want, frames)
			}
			if tc.second < time.Second && !slices.Contains(frames, "error:not_understood") {
				t.Errorf("frames %q, want not_understood for the cough", frames)
			}
			if n := len(up.Requests()) - asked; n != 2 {
				t.Errorf("%d model requests, want the cancelled one and the answer", n)
			}
		})
	}
}

// TestAnInboundCallIsAnsweredBySpeaking: on an inbound call the trainee
// speaks first ("first":"trainee"): their spoken pick-up is their turn 0,
// with its times, and the caller answers it.
func TestAnInboundCallIsAnsweredBySpeaking(t *testing.T) {
	v := mustVoiceApp(t, false)
	v.stt.Set(func(time.Duration) string { return "Netzwerk Nord, Anna Keller, guten Tag." }, 0, 0)
	c := v.mustDial(v.login("anna"), "scenario=frau-h-praktikum")
	cf := c.next()
	if cf.First != "trainee" || cf.Voice == nil || !cf.Voice.In {
		t.Fatalf("call frame %+v", cf)
	}
	v.clock.Advance(1500 * time.Millisecond) // the phone rings, they pick up and speak
	c.speech(v.app, 1200*time.Millisecond, 200*time.Millisecond)
	if f := c.next(); f.Type != "transcript.final" || f.StartMS != 1500 || f.EndMS != 2500 {
		t.Fatalf("%+v, want the pick-up spoken from 1500 to 2500 ms", f)
	}
	r, _ := c.until("reply")
	if r.Turn != 1 || r.Speaker != "Frau H." {
		t.Errorf("reply %+v, want the caller's opening as turn 1", r)
	}
	if turns := v.storedTurns(cf.CallID); turns[0].Speaker != openline.Trainee || *turns[0].StartMS != 1500 || *turns[0].EndMS != 2500 {
		t.Errorf("turn 0 %+v %d..%d", turns[0].Turn, *turns[0].StartMS, *turns[0].EndMS)
	}
}

// TestTheFirstSentenceIsSpokenBeforeTheReplyIsWritten shows the order, not
// a time: the model writes its first sentence and then goes quiet without
// finishing, and that sentence's audio still reaches the trainee; it was
// asked of the speech server while the model's stream was open.
func TestTheFirstSentenceIsSpokenBeforeTheReplyIsWritten(t *testing.T) {
	up, eng := fakeLLM(t, 5*time.Second, 30*time.Second)
	v := mustVoiceApp(t, true, scripted.New(), eng)
	c := v.mustDial(v.login("anna"), "scenario=web-test&engine=llm")
	c.next()
	c.turnAudio()
	spoken := len(v.tts.Requests())
	up.Script(llmtest.Reply{Chunks: llmtest.Words("Ach, guten Tag. Und dann wollte ich noch sagen, "), Hang: true})
	c.send(map[string]string{"type": "say", "text": "Guten Tag Frau T., hier ist Anna Müller von der Firma Nord."})
	f := c.next()
	for ; f.Type != "audio"; f = c.next() {
		if f.Type != "reply.delta" {
			t.Fatalf("%+v before the first sentence's audio", f)
		}
	}
	if f.Seq != 0 || f.Text != "Ach, guten Tag." || len(f.Data) == 0 {
		t.Errorf("first audio seq %d %q (%d bytes), want the first sentence", f.Seq, f.Text, len(f.Data))
	}
	if up.Cancelled() != 0 {
		t.Error("the model's stream was closed: the reply was not still being written")
	}
	if r := v.tts.Requests()[spoken:]; len(r) != 1 || r[0].Input != "Ach, guten Tag." {
		t.Errorf("speech asked for %+v, want only the first sentence while the model writes", r)
	}
	c.send(map[string]string{"type": "hangup"})
	c.until("scorecard")
}
