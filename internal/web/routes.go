package web

import (
	"context"
	"net/http"

	"github.com/openline/openline/internal/ui"
)

// routeDeps are the parts that only the routes use.
type routeDeps struct {
	sessions sessions
	limiter  *loginLimiter
	hashes   *hashGate
	ping     func(context.Context) error
	ui       *ui.UI
}

// routeMux is a ServeMux that remembers the patterns registered on it, so
// that a test can walk the whole HTTP surface and a new route without an
// authorisation check fails it.
type routeMux struct {
	*http.ServeMux
	patterns []string
}

// Handle registers h for pattern.
func (m *routeMux) Handle(pattern string, h http.Handler) {
	m.patterns = append(m.patterns, pattern)
	m.ServeMux.Handle(pattern, h)
}

// routes lists every route of the server: the whole HTTP surface. The JSON
// API is in docs/api.md, the websocket in docs/protocol.md; the pages
// (/, /login, /setup, /call/{scenario}, /calls, /calls/{id}, /trainees,
// /static/) are registered by package ui. Every API handler but login,
// logout, setup, health and metrics is wrapped in needUser or needTrainer;
// every page but login and setup asks ui's requireUser.
func (s *Server) routes(mux *routeMux, d routeDeps) {
	log, st := s.log, s.store

	mux.Handle("POST /api/login", handle(log, handleLogin(st, d.sessions, d.limiter, d.hashes)))
	mux.Handle("POST /api/logout", handle(log, handleLogout(d.sessions)))
	mux.Handle("POST /api/setup", handle(log, handleSetup(st, d.sessions, d.hashes, s.now)))
	mux.Handle("GET /api/me", handle(log, handleMe()))

	mux.Handle("GET /api/users", handle(log, handleUsersList(st)))
	mux.Handle("POST /api/users", handle(log, handleUsersCreate(st, d.hashes, s.now)))

	mux.Handle("GET /api/scenarios", handle(log, handleScenarios(s.cat, s.calls.Engines())))

	mux.Handle("GET /api/calls", handle(log, handleCallsList(st, s.cat)))
	mux.Handle("GET /api/calls/ws", handleCallSocket(wsDeps{log: log, calls: s.calls, metrics: s.metrics, sockets: s.sockets, users: st, now: s.now}))
	mux.Handle("GET /api/calls/{id}", handle(log, handleCallGet(st, s.cat)))
	mux.Handle("GET /api/calls/{id}/transcript.json", handle(log, handleTranscript(st)))

	mux.Handle("/api/", handle(log, handleAPINotFound()))

	mux.Handle("GET /healthz", handle(log, handleHealth(d.ping)))
	mux.Handle("GET /metrics", s.metrics.handler())

	d.ui.Routes(mux)
}

// handleAPINotFound answers unknown API paths (and known ones with the
// wrong method) with a JSON 404.
func handleAPINotFound() apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error { return errNotFound }
}

type healthBody struct {
	Status string `json:"status"`
}

// handleHealth answers 200 {"status":"ok"} when the store answers, else
// 503.
func handleHealth(ping func(context.Context) error) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		if ping != nil {
			if err := ping(r.Context()); err != nil {
				writeJSON(w, http.StatusServiceUnavailable, healthBody{Status: "store unavailable"})
				return nil
			}
		}
		writeJSON(w, http.StatusOK, healthBody{Status: "ok"})
		return nil
	}
}
