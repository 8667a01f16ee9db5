package voice

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// TTS speaks text through POST {base}/audio/speech.
type TTS struct {
	ep      Endpoint
	http    *http.Client
	timeout time.Duration
	voice   string // when the scenario names none
	format  string
}

// Model is the speech model's name.
func (t *TTS) Model() string { return t.ep.Model }

// BaseURL is the server sent to.
func (t *TTS) BaseURL() string { return t.ep.url("") }

// Audio is one piece of speech.
type Audio struct {
	Format string // the response_format asked for: wav, pcm, mp3, …
	Data   []byte
	// Duration is how long it lasts; 0 when the format does not tell
	// (compressed audio).
	Duration time.Duration
}

// Speak returns text spoken with voice ("" is the configured default). A
// failure is an *Error; a wav answer that is not a WAV file is malformed.
func (t *TTS) Speak(ctx context.Context, text, voice string) (Audio, error) {
	if voice == "" {
		voice = t.voice
	}
	ctx, cancel := context.WithTimeout(ctx, t.timeout)
	defer cancel()
	body, err := json.Marshal(struct {
		Model          string `json:"model"`
		Input          string `json:"input"`
		Voice          string `json:"voice"`
		ResponseFormat string `json:"response_format"`
	}{t.ep.Model, text, voice, t.format})
	if err != nil {
		return Audio{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.ep.url("/audio/speech"), bytes.NewReader(body))
	if err != nil {
		return Audio{}, fmt.Errorf("speak: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	b, err := do(ctx, t.http, req, t.ep.APIKey, "speak", maxAudioBytes)
	if err != nil {
		return Audio{}, err
	}
	a := Audio{Format: t.format, Data: b}
	d, ok := AudioDuration(t.format, b)
	if !ok && t.format == "wav" {
		return Audio{}, &Error{Op: "speak", Kind: KindMalformed, Msg: "the answer is not a WAV file"}
	}
	a.Duration = d
	return a, nil
}
