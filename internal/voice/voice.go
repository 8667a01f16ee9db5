// Package voice speaks a call: it transcribes the trainee's speech through
// an OpenAI-compatible /v1/audio/transcriptions endpoint (STT) and speaks
// the prospect's words through /v1/audio/speech (TTS), configured like the
// chat model (docs/voice.md). It knows nothing of websockets; package web
// carries the audio (docs/protocol.md, "Voice").
package voice

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Environment variables of the configuration (docs/voice.md). A variable
// left empty falls back to the chat model's OPENAI_BASE_URL and
// OPENAI_API_KEY.
const (
	EnvSTTBaseURL = "OPENLINE_STT_BASE_URL"
	EnvSTTModel   = "OPENLINE_STT_MODEL"
	EnvSTTAPIKey  = "OPENLINE_STT_API_KEY"
	EnvTTSBaseURL = "OPENLINE_TTS_BASE_URL"
	EnvTTSModel   = "OPENLINE_TTS_MODEL"
	EnvTTSAPIKey  = "OPENLINE_TTS_API_KEY"
	EnvTTSVoice   = "OPENLINE_TTS_VOICE"
	EnvTTSFormat  = "OPENLINE_TTS_FORMAT"
	EnvPartials   = "OPENLINE_STT_PARTIALS"
	envBaseURL    = "OPENAI_BASE_URL"
	envAPIKey     = "OPENAI_API_KEY"
)

// Defaults of Config.
const (
	DefaultSTTTimeout = 15 * time.Second // one transcription, upload included
	DefaultTTSTimeout = 10 * time.Second // one sentence's audio
	DefaultVoice      = "alloy"          // OpenAI's; Kokoro and speaches map or reject it
	DefaultFormat     = "wav"
	openAIBaseURL     = "https://api.openai.com/v1"
	// maxAudioBytes bounds one TTS answer (a sentence: far less).
	maxAudioBytes = 8 << 20
	// maxTextBytes bounds one STT answer.
	maxTextBytes = 1 << 20
)

// Endpoint is one OpenAI-compatible server and model.
type Endpoint struct {
	BaseURL string // ending in /v1; "" is OpenAI's
	APIKey  string // sent as a bearer token; never logged
	Model   string
}

func (e Endpoint) url(path string) string {
	base := e.BaseURL
	if base == "" {
		base = openAIBaseURL
	}
	return strings.TrimRight(base, "/") + path
}

// Config configures speech in and out. A zero STT.Model means no voice in,
// a zero TTS.Model no speech server (the browser speaks, docs/voice.md).
type Config struct {
	STT, TTS   Endpoint
	Voice      string // the TTS voice when a scenario names none
	Format     string // the TTS response_format: wav (default), pcm, mp3, opus, flac
	STTTimeout time.Duration
	TTSTimeout time.Duration
	HTTP       *http.Client // nil: a plain client
	// Partials: while the trainee speaks, transcribe what they said so
	// far every PartialEvery of new audio, so their words appear as they
	// speak. It costs more transcription (each partial sends the turn so
	// far again); off by default.
	Partials bool
}

// PartialEvery is how much new audio a partial transcript waits for.
const PartialEvery = 1500 * time.Millisecond

// ConfigFromEnv reads the configuration from getenv. The key of OPENAI_API_KEY
// is only sent to the server of OPENAI_BASE_URL (or OpenAI's): a separately
// configured speech server gets its own key or none.
func ConfigFromEnv(getenv func(string) string) Config {
	ep := func(baseVar, modelVar, keyVar string) Endpoint {
		e := Endpoint{BaseURL: getenv(baseVar), Model: getenv(modelVar), APIKey: getenv(keyVar)}
		if e.BaseURL == "" || e.BaseURL == getenv(envBaseURL) {
			e.BaseURL = getenv(envBaseURL)
			if e.APIKey == "" {
				e.APIKey = getenv(envAPIKey)
			}
		}
		return e
	}
	return Config{
		STT:      ep(EnvSTTBaseURL, EnvSTTModel, EnvSTTAPIKey),
		TTS:      ep(EnvTTSBaseURL, EnvTTSModel, EnvTTSAPIKey),
		Voice:    getenv(EnvTTSVoice),
		Format:   getenv(EnvTTSFormat),
		Partials: getenv(EnvPartials) == "1" || getenv(EnvPartials) == "true",
	}
}

// Service is the configured speech in and out; either may be nil.
type Service struct {
	STT *STT
	TTS *TTS
	// Partials: partial transcripts while the trainee speaks (Config).
	Partials bool
}

// New builds the service of cfg: STT when an STT model is set, TTS when a
// TTS model is set. A model without a key or base URL is an error (OpenAI
// needs a key).
func New(cfg Config) (*Service, error) {
	if cfg.HTTP == nil {
		cfg.HTTP = &http.Client{}
	}
	if cfg.STTTimeout <= 0 {
		cfg.STTTimeout = DefaultSTTTimeout
	}
	if cfg.TTSTimeout <= 0 {
		cfg.TTSTimeout = DefaultTTSTimeout
	}
	if cfg.Voice == "" {
		cfg.Voice = DefaultVoice
	}
	switch cfg.Format {
	case "":
		cfg.Format = DefaultFormat
	case "wav", "pcm", "mp3", "opus", "flac", "aac":
	default:
		return nil, fmt.Errorf("voice: unknown TTS format %q (wav, pcm, mp3, opus, flac, aac)", cfg.Format)
	}
	s := &Service{Partials: cfg.Partials}
	if cfg.STT.Model != "" {
		if cfg.STT.BaseURL == "" && cfg.STT.APIKey == "" {
			return nil, errors.New("voice: " + EnvSTTModel + " is set but neither a base URL nor a key")
		}
		s.STT = &STT{ep: cfg.STT, http: cfg.HTTP, timeout: cfg.STTTimeout}
	}
	if cfg.TTS.Model != "" {
		if cfg.TTS.BaseURL == "" && cfg.TTS.APIKey == "" {
			return nil, errors.New("voice: " + EnvTTSModel + " is set but neither a base URL nor a key")
		}
		s.TTS = &TTS{ep: cfg.TTS, http: cfg.HTTP, timeout: cfg.TTSTimeout, voice: cfg.Voice, format: cfg.Format}
	}
	return s, nil
}

// Error is a failed upstream request: Kind says why (unavailable,
// rejected, timeout, malformed); the message never holds the key.
type Error struct {
	Op     string // "transcribe" or "speak"
	Kind   string
	Status int // the HTTP status, 0 when none came
	Msg    string
}

func (e *Error) Error() string {
	if e.Status != 0 {
		return fmt.Sprintf("%s: %s: status %d: %s", e.Op, e.Kind, e.Status, e.Msg)
	}
	return fmt.Sprintf("%s: %s: %s", e.Op, e.Kind, e.Msg)
}

// Kinds of Error.
const (
	KindUnavailable = "unavailable" // 5xx or unreachable
	KindRejected    = "rejected"    // another 4xx
	KindTimeout     = "timeout"
	KindMalformed   = "malformed" // an answer that is not what was asked for
)

// scrub makes an upstream message fit for a log line: at most 200
// characters, without the key.
func scrub(s, key string) string {
	if key != "" {
		s = strings.ReplaceAll(s, key, "[key]")
	}
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
