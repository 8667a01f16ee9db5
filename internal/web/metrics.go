package web

import (
	"net/http"

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
	}
	m.reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "openline_active_calls",
			Help: "Calls going on now (with or without a connected socket).",
		}, func() float64 { return float64(active()) }),
		m.turns, m.turnLatency,
	)
	return m
}

// handler serves the metrics in the Prometheus text format.
func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}
