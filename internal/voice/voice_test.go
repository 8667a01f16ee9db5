package voice_test

import (
	"context"
	"errors"
	"net/http"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/openline/openline/internal/voice"
	"github.com/openline/openline/internal/voice/voicetest"
)

const secret = "sk-test-secret-key"

func service(t *testing.T, stt *voicetest.STT, tts *voicetest.TTS, cfg voice.Config) *voice.Service {
	t.Helper()
	if stt != nil {
		cfg.STT = voice.Endpoint{BaseURL: stt.URL(), Model: "whisper-1", APIKey: secret}
	}
	if tts != nil {
		cfg.TTS = voice.Endpoint{BaseURL: tts.URL(), Model: "tts-1", APIKey: secret}
	}
	s, err := voice.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestTranscribeSendsAWAVUploadAndReadsTheText(t *testing.T) {
	stt := voicetest.NewSTT()
	defer stt.Close()
	stt.Set(func(d time.Duration) string { return "  Guten Tag, Herr B.  " }, 0, 0)
	s := service(t, stt, nil, voice.Config{})
	pcm := voicetest.Tone(voice.SampleRate, 1500*time.Millisecond)[:48000] // 1.5 s at 16 kHz
	got, err := s.STT.Transcribe(context.Background(), pcm, "de")
	if err != nil {
		t.Fatal(err)
	}
	if got != "Guten Tag, Herr B." {
		t.Errorf("text = %q", got)
	}
	reqs := stt.Requests()
	if len(reqs) != 1 {
		t.Fatalf("requests = %d", len(reqs))
	}
	r := reqs[0]
	if r.Model != "whisper-1" || r.Language != "de" || r.ResponseFormat != "json" || r.Auth != "Bearer "+secret || r.Audio != 1500*time.Millisecond {
		t.Errorf("request = %+v", r)
	}
}

func TestUpstreamFaultsAreKindsWithoutTheKey(t *testing.T) {
	stt := voicetest.NewSTT()
	defer stt.Close()
	tts := voicetest.NewTTS()
	defer tts.Close()
	s := service(t, stt, tts, voice.Config{STTTimeout: 200 * time.Millisecond, TTSTimeout: 200 * time.Millisecond})
	pcm := make([]byte, 3200)
	cases := []struct {
		name   string
		set    func()
		kind   string
		status int
	}{
		{"server error", func() { stt.Set(nil, 0, 503); tts.Set(0, 503) }, voice.KindUnavailable, 503},
		{"rejected", func() { stt.Set(nil, 0, 401); tts.Set(0, 401) }, voice.KindRejected, 401},
		{"slow", func() { stt.Set(nil, time.Second, 0); tts.Set(time.Second, 0) }, voice.KindTimeout, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.set()
			_, err1 := s.STT.Transcribe(context.Background(), pcm, "en")
			_, err2 := s.TTS.Speak(context.Background(), "Hello there.", "")
			for _, err := range []error{err1, err2} {
				var ve *voice.Error
				if !errors.As(err, &ve) || ve.Kind != c.kind || ve.Status != c.status {
					t.Fatalf("err = %v, want kind %s status %d", err, c.kind, c.status)
				}
				if strings.Contains(err.Error(), secret) {
					t.Errorf("the key leaked: %v", err)
				}
			}
		})
	}
	t.Run("cancelled is not a fault", func(t *testing.T) {
		stt.Set(nil, time.Second, 0)
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(20*time.Millisecond, cancel)
		_, err := s.STT.Transcribe(ctx, pcm, "en")
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
	t.Run("unreachable", func(t *testing.T) {
		dead := voicetest.NewSTT()
		dead.Close()
		s := service(t, dead, nil, voice.Config{})
		_, err := s.STT.Transcribe(context.Background(), pcm, "en")
		var ve *voice.Error
		if !errors.As(err, &ve) || ve.Kind != voice.KindUnavailable {
			t.Errorf("err = %v", err)
		}
	})
}

func TestSpeakReturnsAudioWithItsDuration(t *testing.T) {
	tts := voicetest.NewTTS()
	defer tts.Close()
	for _, format := range []string{"wav", "pcm"} {
		s := service(t, nil, tts, voice.Config{Format: format, Voice: "nova"})
		a, err := s.TTS.Speak(context.Background(), "Ja, bitte?", "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Format != format || a.Duration != 600*time.Millisecond {
			t.Errorf("%s: audio = %s, %v", format, a.Format, a.Duration)
		}
		a, err = s.TTS.Speak(context.Background(), "Ja.", "onyx")
		if err != nil || a.Duration != 180*time.Millisecond {
			t.Errorf("%s: %v %v", format, a.Duration, err)
		}
	}
	reqs := tts.Requests()
	if r := reqs[0]; r.Model != "tts-1" || r.Input != "Ja, bitte?" || r.Voice != "nova" || r.ResponseFormat != "wav" || r.Auth != "Bearer "+secret {
		t.Errorf("request = %+v", r)
	}
	if reqs[1].Voice != "onyx" || reqs[3].ResponseFormat != "pcm" {
		t.Errorf("requests = %+v", reqs)
	}
}

func TestSpeakRejectsAWAVAnswerThatIsNone(t *testing.T) {
	srv := voicetest.NewSTT() // answers JSON to every path: not audio
	defer srv.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/audio/speech", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`{"ok":true}`)) })
	srv.Config.Handler = mux
	s, _ := voice.New(voice.Config{TTS: voice.Endpoint{BaseURL: srv.URL(), Model: "m"}})
	_, err := s.TTS.Speak(context.Background(), "Hallo.", "")
	var ve *voice.Error
	if !errors.As(err, &ve) || ve.Kind != voice.KindMalformed {
		t.Errorf("err = %v", err)
	}
}

func TestConfigFromEnvFallsBackButKeepsTheKeyAtHome(t *testing.T) {
	env := map[string]string{
		"OPENAI_BASE_URL": "http://llm:8000/v1", "OPENAI_API_KEY": "k1",
		voice.EnvSTTModel: "whisper", voice.EnvTTSModel: "kokoro", voice.EnvTTSBaseURL: "http://tts:8880/v1",
	}
	cfg := voice.ConfigFromEnv(func(k string) string { return env[k] })
	if cfg.STT != (voice.Endpoint{BaseURL: "http://llm:8000/v1", APIKey: "k1", Model: "whisper"}) {
		t.Errorf("stt = %+v", cfg.STT)
	}
	if cfg.TTS != (voice.Endpoint{BaseURL: "http://tts:8880/v1", Model: "kokoro"}) {
		t.Errorf("tts = %+v (the chat key must not go to another server)", cfg.TTS)
	}
	if _, err := voice.New(voice.Config{STT: voice.Endpoint{Model: "whisper-1"}}); err == nil {
		t.Error("a model for OpenAI without a key must be refused")
	}
	if _, err := voice.New(voice.Config{Format: "ogg"}); err == nil {
		t.Error("an unknown format must be refused")
	}
}

func TestSentencesCompleteAsTheTextStreams(t *testing.T) {
	cases := []struct {
		pieces []string
		want   []string
	}{
		{[]string{"Ja, B. hier – hallo? Wer ", "spricht da?"}, []string{"Ja, B. hier – hallo?", "Wer spricht da?"}},
		{[]string{"Das ist z.B. gut. Und", " dann?"}, []string{"Das ist z.B. gut.", "Und dann?"}},
		{[]string{"Es kostet 3.5 Euro. Ja."}, []string{"Es kostet 3.5 Euro.", "Ja."}},
		{[]string{"Na gut… Was ", "genau? \"Nein!\" sagte ", "er"}, []string{"Na gut…", "Was genau?", "\"Nein!\"", "sagte er"}},
		{[]string{"Dr. Meier ist nicht da. Ja. Nein"}, []string{"Dr. Meier ist nicht da.", "Ja.", "Nein"}},
	}
	for _, c := range cases {
		var s voice.Sentences
		var got []string
		for _, p := range c.pieces {
			got = append(got, s.Add(p)...)
		}
		if rest := s.Flush(); rest != "" {
			got = append(got, rest)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: got %q, want %q", c.pieces, got, c.want)
		}
	}
}

func TestWAVRoundTrip(t *testing.T) {
	b := voice.WAV(make([]byte, 32001), voice.SampleRate) // an odd byte is dropped
	rate, ch, bits, d, err := voice.WAVInfo(b)
	if err != nil || rate != 16000 || ch != 1 || bits != 16 || d != time.Second {
		t.Errorf("%d %d %d %v %v", rate, ch, bits, d, err)
	}
	if _, _, _, _, err := voice.WAVInfo([]byte("RIFF....WAVEdata")); err == nil {
		t.Error("a WAV without fmt must fail")
	}
}

func FuzzWAVInfo(f *testing.F) {
	f.Add(voice.WAV(make([]byte, 100), 16000))
	f.Add([]byte("RIFF\x00\x00\x00\x00WAVEfmt \xff\xff\xff\xff"))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _, _, d, err := voice.WAVInfo(b)
		if err == nil && d < 0 {
			t.Errorf("negative duration %v", d)
		}
	})
}

func FuzzSentences(f *testing.F) {
	f.Add("Ja, B. hier – hallo? Wer spricht da?", 5)
	f.Fuzz(func(t *testing.T, text string, cut int) {
		var s voice.Sentences
		if cut < 0 || cut > len(text) {
			cut = len(text) / 2
		}
		got := append(s.Add(text[:cut]), s.Add(text[cut:])...)
		if rest := s.Flush(); rest != "" {
			got = append(got, rest)
		}
		if strings.Join(strings.Fields(strings.Join(got, " ")), " ") != strings.Join(strings.Fields(text), " ") {
			t.Errorf("sentences %q lose text of %q", got, text)
		}
	})
}

func TestRecordingsAreKeptForTheirPeriodOnly(t *testing.T) {
	now := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	dir := t.TempDir()
	r, err := voice.NewRecordings(dir, 24*time.Hour, clock)
	if err != nil {
		t.Fatal(err)
	}
	const id = "bb189c9e-88ef-473f-9305-fac1c8fb843c"
	if err := r.Save(id, 1, make([]byte, 3200)); err != nil {
		t.Fatal(err)
	}
	if err := r.Save(id, 3, make([]byte, 3200)); err != nil {
		t.Fatal(err)
	}
	if err := r.Save("../../etc", 1, nil); err == nil {
		t.Error("a call id that is a path was taken")
	}
	if got := r.Turns(id); !reflect.DeepEqual(got, []int{1, 3}) {
		t.Errorf("turns %v", got)
	}
	p, _, err := r.Open(id, 3)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, d, err := voice.WAVInfo(mustRead(t, p)); err != nil || d != 100*time.Millisecond {
		t.Errorf("kept recording: %v %v", d, err)
	}
	if _, _, err := r.Open(id, 2); !errors.Is(err, voice.ErrNoRecording) {
		t.Errorf("a turn without a recording: %v", err)
	}
	now = now.Add(25 * time.Hour)
	if _, _, err := r.Open(id, 3); !errors.Is(err, voice.ErrNoRecording) {
		t.Errorf("an expired recording is served: %v", err)
	}
	if n, err := r.Sweep(); n != 2 || err != nil {
		t.Errorf("sweep deleted %d (%v), want 2", n, err)
	}
	if got := r.Turns(id); len(got) != 0 {
		t.Errorf("after the sweep: %v", got)
	}
	if _, err := voice.NewRecordings(dir, 0, clock); err == nil {
		t.Error("a retention of 0 was taken")
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
