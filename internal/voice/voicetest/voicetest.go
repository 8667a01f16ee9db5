// Package voicetest has fake OpenAI-compatible speech servers for tests:
// a transcription server that reads the real multipart upload and a
// speech server that answers real WAV (or raw PCM) audio. They check what
// they are sent as the real servers would, and record it.
package voicetest

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"github.com/openline/openline/internal/voice"
)

// STTRequest is one transcription request as the fake received it.
type STTRequest struct {
	Model, Language, ResponseFormat string
	Auth                            string // the Authorization header
	Audio                           time.Duration
	At                              time.Time
}

// STT is a fake /v1/audio/transcriptions.
type STT struct {
	*httptest.Server
	// Text answers a request (its audio's duration given); nil: "Hallo".
	Text func(audio time.Duration) string
	// Delay is waited before answering (while the client may cancel).
	Delay time.Duration
	// Status, when not 0 or 200, is answered with an OpenAI-style error.
	Status int

	mu   sync.Mutex
	reqs []STTRequest
}

// NewSTT starts a fake transcription server; close it with Close.
func NewSTT() *STT {
	f := &STT{}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	return f
}

// URL is the base URL to configure (ending in /v1).
func (f *STT) URL() string { return f.Server.URL + "/v1" }

// Requests returns the requests so far.
func (f *STT) Requests() []STTRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]STTRequest(nil), f.reqs...)
}

func (f *STT) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/v1/audio/transcriptions" {
		apiError(w, http.StatusNotFound, "no such endpoint "+r.URL.Path)
		return
	}
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		apiError(w, http.StatusBadRequest, "not a multipart form: "+err.Error())
		return
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		apiError(w, http.StatusBadRequest, "no file")
		return
	}
	b, _ := io.ReadAll(file)
	file.Close()
	rate, ch, bits, d, err := voice.WAVInfo(b)
	if err != nil || rate != voice.SampleRate || ch != 1 || bits != 16 || hdr.Header.Get("Content-Type") != "audio/wav" {
		apiError(w, http.StatusBadRequest, fmt.Sprintf("the file must be a 16 kHz mono 16-bit WAV (got %d Hz, %d channels, %d bits, %q, %v)", rate, ch, bits, hdr.Header.Get("Content-Type"), err))
		return
	}
	req := STTRequest{Model: r.FormValue("model"), Language: r.FormValue("language"), ResponseFormat: r.FormValue("response_format"), Auth: r.Header.Get("Authorization"), Audio: d, At: time.Now()}
	if req.Model == "" {
		apiError(w, http.StatusBadRequest, "model is required")
		return
	}
	f.mu.Lock()
	f.reqs = append(f.reqs, req)
	text, delay, status := f.Text, f.Delay, f.Status
	f.mu.Unlock()
	if !wait(r, delay) {
		return
	}
	if status != 0 && status != http.StatusOK {
		apiError(w, status, "the fake transcription server fails")
		return
	}
	out := "Hallo"
	if text != nil {
		out = text(d)
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"text": out})
}

// Set changes the fake's behaviour while it runs.
func (f *STT) Set(text func(time.Duration) string, delay time.Duration, status int) {
	f.mu.Lock()
	f.Text, f.Delay, f.Status = text, delay, status
	f.mu.Unlock()
}

// TTSRequest is one speech request as the fake received it.
type TTSRequest struct {
	Model, Input, Voice, ResponseFormat string
	Auth                                string
	At                                  time.Time
}

// TTS is a fake /v1/audio/speech answering a tone of MSPerChar
// milliseconds per character of input.
type TTS struct {
	*httptest.Server
	MSPerChar int           // 0: 60
	Delay     time.Duration // before answering
	Status    int           // not 0 or 200: an error answer

	mu   sync.Mutex
	reqs []TTSRequest
}

// NewTTS starts a fake speech server; close it with Close.
func NewTTS() *TTS {
	f := &TTS{}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	return f
}

// URL is the base URL to configure (ending in /v1).
func (f *TTS) URL() string { return f.Server.URL + "/v1" }

// Requests returns the requests so far.
func (f *TTS) Requests() []TTSRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]TTSRequest(nil), f.reqs...)
}

// Set changes the fake's behaviour while it runs.
func (f *TTS) Set(delay time.Duration, status int) {
	f.mu.Lock()
	f.Delay, f.Status = delay, status
	f.mu.Unlock()
}

func (f *TTS) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/v1/audio/speech" {
		apiError(w, http.StatusNotFound, "no such endpoint "+r.URL.Path)
		return
	}
	var in struct {
		Model          string `json:"model"`
		Input          string `json:"input"`
		Voice          string `json:"voice"`
		ResponseFormat string `json:"response_format"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&in); err != nil || in.Model == "" || in.Input == "" || in.Voice == "" {
		apiError(w, http.StatusBadRequest, "model, input and voice are required")
		return
	}
	f.mu.Lock()
	f.reqs = append(f.reqs, TTSRequest{Model: in.Model, Input: in.Input, Voice: in.Voice, ResponseFormat: in.ResponseFormat, Auth: r.Header.Get("Authorization"), At: time.Now()})
	delay, status, per := f.Delay, f.Status, f.MSPerChar
	f.mu.Unlock()
	if per == 0 {
		per = 60
	}
	if !wait(r, delay) {
		return
	}
	if status != 0 && status != http.StatusOK {
		apiError(w, status, "the fake speech server fails")
		return
	}
	pcm := Tone(24000, time.Duration(len([]rune(in.Input))*per)*time.Millisecond)
	switch in.ResponseFormat {
	case "pcm":
		w.Header().Set("Content-Type", "audio/pcm")
		w.Write(pcm)
	case "wav", "":
		w.Header().Set("Content-Type", "audio/wav")
		w.Write(voice.WAV(pcm, 24000))
	default:
		apiError(w, http.StatusBadRequest, "the fake speaks wav and pcm only")
	}
}

// Tone is d of a quiet 440 Hz sine at rate, mono s16le.
func Tone(rate int, d time.Duration) []byte {
	n := int(d * time.Duration(rate) / time.Second)
	b := make([]byte, 2*n)
	for i := range n {
		v := int16(3000 * math.Sin(2*math.Pi*440*float64(i)/float64(rate)))
		binary.LittleEndian.PutUint16(b[2*i:], uint16(v))
	}
	return b
}

// wait waits d unless the client goes first; false when it went.
func wait(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

// apiError answers an OpenAI-style error body.
func apiError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"message": msg, "type": "invalid_request_error"}})
}
