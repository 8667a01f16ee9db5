package llm

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
	"github.com/openline/openline/internal/persona/scripted"
)

// Environment variables of the configuration (docs/llm.md).
const (
	EnvAPIKey  = "OPENAI_API_KEY"
	EnvBaseURL = "OPENAI_BASE_URL"
	EnvModel   = "OPENLINE_LLM_MODEL"
)

// Defaults of Config.
const (
	DefaultFirstToken      = 20 * time.Second
	DefaultWhole           = 60 * time.Second
	DefaultMaxReplyRunes   = 320
	DefaultBreakerAfter    = 3
	DefaultBreakerCooldown = 30 * time.Second
	maxAttempts            = 3                      // upstream requests per turn before the first word
	firstBackoff           = 250 * time.Millisecond // doubled per retry
	maxTokens              = 160                    // a phone turn; the guard cuts at MaxReplyRunes anyway
)

// Config configures the engine. Model is required; BaseURL defaults to
// OpenAI's; APIKey may be empty for a local server that needs none.
type Config struct {
	BaseURL, APIKey, Model string
	// FirstToken bounds the wait for the first word of a reply, retries
	// included; Whole bounds the whole reply.
	FirstToken, Whole time.Duration
	MaxReplyRunes     int // a longer reply is cut at a sentence end
	// BreakerAfter failed turns in a row open the circuit breaker for
	// BreakerCooldown: no request is sent and calls play scripted.
	BreakerAfter    int
	BreakerCooldown time.Duration
	HTTP            *http.Client // nil: a plain client
	Log             *slog.Logger
	Now             func() time.Time
}

// Configured reports whether getenv holds enough to run the engine: a
// model, and a key or a base URL (a local server may need no key).
func Configured(getenv func(string) string) bool {
	return getenv(EnvModel) != "" && (getenv(EnvAPIKey) != "" || getenv(EnvBaseURL) != "")
}

// ConfigFromEnv reads the configuration from getenv; the caller sets the
// rest (flags override it).
func ConfigFromEnv(getenv func(string) string) Config {
	return Config{BaseURL: getenv(EnvBaseURL), APIKey: getenv(EnvAPIKey), Model: getenv(EnvModel)}
}

// Engine plays prospects with a language model, the scripted engine as its
// referee: for every turn the scripted prospect decides patience, interest,
// reveals, objections, hang-up and next step from the reading of the
// trainee's turn, and the model phrases the reply that decision calls for.
// When the model fails, the scripted prospect's own words are the reply,
// with the very same state: the call goes on scripted (docs/llm.md).
type Engine struct {
	cfg     Config
	relay   *relay
	referee persona.Engine
	breaker *breaker
	log     *slog.Logger
	now     func() time.Time
}

// New returns the engine for cfg.
func New(cfg Config) (*Engine, error) {
	if strings.TrimSpace(cfg.Model) == "" {
		return nil, errors.New("llm engine: no model (set " + EnvModel + ")")
	}
	if cfg.FirstToken <= 0 {
		cfg.FirstToken = DefaultFirstToken
	}
	if cfg.Whole <= 0 {
		cfg.Whole = DefaultWhole
	}
	if cfg.FirstToken > cfg.Whole {
		cfg.FirstToken = cfg.Whole
	}
	if cfg.MaxReplyRunes <= 0 {
		cfg.MaxReplyRunes = DefaultMaxReplyRunes
	}
	if cfg.BreakerAfter <= 0 {
		cfg.BreakerAfter = DefaultBreakerAfter
	}
	if cfg.BreakerCooldown <= 0 {
		cfg.BreakerCooldown = DefaultBreakerCooldown
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Engine{
		cfg:     cfg,
		relay:   newRelay(cfg.BaseURL, cfg.APIKey, cfg.Model, cfg.HTTP),
		referee: scripted.New(),
		breaker: &breaker{after: cfg.BreakerAfter, cooldown: cfg.BreakerCooldown, now: cfg.Now},
		log:     cfg.Log,
		now:     cfg.Now,
	}, nil
}

// BaseURL is the API base URL the engine sends to.
func (e *Engine) BaseURL() string {
	if e.cfg.BaseURL == "" {
		return "https://api.openai.com/v1"
	}
	return e.cfg.BaseURL
}

// Name is "llm".
func (e *Engine) Name() openline.EngineName { return openline.EngineLLM }

// Start starts the scripted referee of a call on sc and returns its
// prospect.
func (e *Engine) Start(sc *openline.Scenario, seed int64) (persona.Prospect, error) {
	ref, err := e.referee.Start(sc, seed)
	if err != nil {
		return nil, fmt.Errorf("start llm prospect: %w", err)
	}
	return &prospect{e: e, sc: sc, ref: ref}, nil
}

// breaker is the circuit breaker shared by all calls: after `after` failed
// turns in a row it stays open for cooldown, then lets one turn try.
type breaker struct {
	after    int
	cooldown time.Duration
	now      func() time.Time

	mu        sync.Mutex
	failures  int
	openUntil time.Time
}

// allow reports whether a request may be sent now.
func (b *breaker) allow() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.failures < b.after || !b.now().Before(b.openUntil)
}

func (b *breaker) record(ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if ok {
		b.failures = 0
		return
	}
	b.failures++
	if b.failures >= b.after {
		b.openUntil = b.now().Add(b.cooldown)
	}
}
