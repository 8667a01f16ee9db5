package web

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/openline/openline/internal/openline"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus metrics, on a registry of their own
// (never the global one), so that several servers can live in one process.
type metrics struct {
	reg         *prometheus.Registry
	turns       *prometheus.CounterVec   // prospect turns, by engine
	turnLatency *prometheus.HistogramVec // seconds from a trainee turn received to the reply queued, by engine

	llmFirstToken prometheus.Histogram     // seconds from a turn's start to the model's first words out
	llmReply      prometheus.Histogram     // seconds for the whole reply
	llmTokens     *prometheus.CounterVec   // by direction: in, out
	llmErrors     *prometheus.CounterVec   // turns the model failed, by fault kind
	llmGuards     *prometheus.CounterVec   // replies a guardrail replaced, by guard
	store         *prometheus.HistogramVec // seconds of a store call, by operation
	refused       *prometheus.CounterVec   // logins refused, by error code
	voice         *voiceMetrics            // speech in and out (ws_voice.go)
}

// newMetrics registers the metrics; active reports the number of live
// calls when scraped.
func newMetrics(active func() int) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		turns: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "openline_turns_total",
			Help: "Prospect turns spoken (the opening and every answer), by persona engine.",
		}, []string{"engine"}),
		turnLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "openline_turn_latency_seconds",
			Help:    "Time from a trainee turn received to the prospect's reply stored and queued, by persona engine.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"engine"}),
		llmFirstToken: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "openline_llm_first_token_seconds",
			Help:    "Time from the start of an LLM prospect turn to its first words sent to the trainee (retries included).",
			Buckets: []float64{.05, .1, .25, .5, 1, 2, 3, 5, 10, 20, 30, 60},
		}),
		llmReply: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "openline_llm_reply_seconds",
			Help:    "Time for a whole LLM prospect turn.",
			Buckets: []float64{.1, .25, .5, 1, 2, 3, 5, 10, 20, 30, 60},
		}),
		llmTokens: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "openline_llm_tokens_total",
			Help: "Tokens of LLM prospect turns, by direction (in: prompt, out: completion); estimated where the server sent no usage.",
		}, []string{"direction"}),
		llmErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "openline_llm_errors_total",
			Help: "LLM prospect turns whose model failed (the call went on scripted), by kind (docs/llm.md).",
		}, []string{"kind"}),
		llmGuards: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "openline_llm_guard_total",
			Help: "LLM replies (or their rest) replaced because they broke a guardrail, by guard (docs/llm.md).",
		}, []string{"guard"}),
		store: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "openline_store_seconds",
			Help:    "Time of a call to the store on the path of a call, by operation (append_turn, append_turns, create_call, end_call, session).",
			Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, 1},
		}, []string{"op"}),
		refused: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "openline_logins_refused_total",
			Help: "Logins refused, by error code (bad_login, too_many_attempts).",
		}, []string{"code"}),
	}
	m.voice = newVoiceMetrics(m.reg)
	m.reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "openline_active_calls",
			Help: "Calls going on now (with or without a connected socket).",
		}, func() float64 { return float64(active()) }),
		m.turns, m.turnLatency, m.llmFirstToken, m.llmReply, m.llmTokens, m.llmErrors, m.llmGuards,
		m.store, m.refused,
	)
	return m
}

// observeLLM records one LLM turn; nil (a scripted turn) records nothing.
func (m *metrics) observeLLM(t *openline.LLMTurn) {
	if t == nil {
		return
	}
	if t.Fault != "" {
		m.llmErrors.WithLabelValues(t.Fault).Inc()
	}
	if t.Guard != "" {
		m.llmGuards.WithLabelValues(t.Guard).Inc()
	}
	if t.Requests == 0 {
		return // scripted after an earlier fault: nothing was asked
	}
	m.llmTokens.WithLabelValues("in").Add(float64(t.TokensIn))
	m.llmTokens.WithLabelValues("out").Add(float64(t.TokensOut))
	if t.FirstTokenMS > 0 {
		m.llmFirstToken.Observe(float64(t.FirstTokenMS) / 1000)
	}
	m.llmReply.Observe(float64(t.TotalMS) / 1000)
}

// handler serves the metrics in the Prometheus text format.
func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// timedStore is the store with the time of the calls on a call's path
// observed in openline_store_seconds.
type timedStore struct {
	openline.Store
	m *metrics
}

func (t timedStore) observe(op string, start time.Time) {
	t.m.store.WithLabelValues(op).Observe(time.Since(start).Seconds())
}

func (t timedStore) AppendTurn(ctx context.Context, st openline.StoredTurn) error {
	defer t.observe("append_turn", time.Now())
	return t.Store.AppendTurn(ctx, st)
}

func (t timedStore) AppendTurns(ctx context.Context, ts ...openline.StoredTurn) error {
	defer t.observe("append_turns", time.Now())
	return t.Store.AppendTurns(ctx, ts...)
}

func (t timedStore) CreateCall(ctx context.Context, c *openline.Call) error {
	defer t.observe("create_call", time.Now())
	return t.Store.CreateCall(ctx, c)
}

func (t timedStore) StartCall(ctx context.Context, c *openline.Call, l openline.Lease, maxLive int) error {
	defer t.observe("create_call", time.Now())
	return t.Store.StartCall(ctx, c, l, maxLive)
}

func (t timedStore) EndCall(ctx context.Context, id string, e openline.CallEnd) error {
	defer t.observe("end_call", time.Now())
	return t.Store.EndCall(ctx, id, e)
}

func (t timedStore) SessionUser(ctx context.Context, tokenHash string, now time.Time) (*openline.User, error) {
	defer t.observe("session", time.Now())
	return t.Store.SessionUser(ctx, tokenHash, now)
}

// countRefused counts the logins h refuses in openline_logins_refused_total.
func (m *metrics) countRefused(h apiHandler) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		err := h(w, r)
		var oe openline.Error
		if errors.As(err, &oe) && (oe.Code == errBadLogin.Code || oe.Code == errTooMany.Code) {
			m.refused.WithLabelValues(oe.Code).Inc()
		}
		return err
	}
}
