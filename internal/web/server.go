// Package web is openline's HTTP surface: the JSON API, the websocket call
// protocol, health and metrics, and the browser UI of package ui mounted on
// the same mux. routes.go lists every route. The API is documented in
// docs/api.md, the websocket protocol in docs/protocol.md.
package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/openline/openline/internal/auth"
	"github.com/openline/openline/internal/call"
	"github.com/openline/openline/internal/catalog"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
	"github.com/openline/openline/internal/scenario"
	"github.com/openline/openline/internal/ui"
	"github.com/openline/openline/internal/voice"
)

// Config is what the server needs.
type Config struct {
	Log   *slog.Logger
	Store openline.Store
	// Scenarios are the shipped scenarios (the embedded files, or a
	// folder's), in display order: read-only templates, and the current
	// version of each one no trainer has published; their versions are
	// kept in the store.
	Scenarios []*openline.Scenario
	Engines   []persona.Engine
	Now       func() time.Time // the clock; nil: time.Now
	// Seed returns the seed of a new call; nil: random.
	Seed func() int64
	// Coach writes a coaching paragraph on each scorecard; nil: none.
	Coach call.Coach
	// MaxCalls and MaxCallsPerUser limit the live calls on this server
	// and of one user; 0: call.MaxLive and call.MaxLivePerUser.
	MaxCalls, MaxCallsPerUser int
	// ShutdownTurnWait overrides ShutdownTurnWait when positive.
	ShutdownTurnWait time.Duration
	// Ping checks the store for /healthz; nil: a query of the store.
	Ping func(context.Context) error
	// ServerID names this server among those sharing the store (the
	// owner of its call leases, see call.Manager): unique among them and
	// the same across restarts. Empty: "local", for one server.
	ServerID string
	// LeaseTTL overrides call.LeaseTTL when positive (tests).
	LeaseTTL time.Duration
	// HandOff: at Close, live calls are handed off rather than ended
	// (call.Manager.HandOff), and their sockets closed with 1012 "server
	// restarting", which tells the client to resume: a rolling restart
	// ends no call.
	HandOff bool
	// ProxyHeader names the header a trusted reverse proxy writes the
	// client's address into (X-Forwarded-For, X-Real-IP); "": none, the
	// TCP peer is the client. Only set it when every request comes
	// through that proxy.
	ProxyHeader string
	// AllowedHosts are the host names (or addresses) the server answers
	// to besides the loopback ones (localhost, 127.0.0.1, ::1); a request
	// with another Host header gets 421 (against DNS rebinding). AnyHost
	// turns the check off.
	AllowedHosts []string
	// Voice is speech in and out (docs/voice.md); nil: calls are typed,
	// and the browser may speak the prospect's words itself.
	Voice *voice.Service
	// Recordings keeps the spoken trainee turns for a while; nil: no
	// audio is kept (the default).
	Recordings *voice.Recordings
}

// Server is the HTTP handler of openline with the live calls behind it.
type Server struct {
	log        *slog.Logger
	store      openline.Store
	now        func() time.Time
	cat        *catalog.Catalog
	calls      *call.Manager
	metrics    *metrics
	sockets    *sockets
	voice      *voice.Service
	recordings *voice.Recordings
	// turnWait is how long Close lets a turn in progress finish.
	turnWait time.Duration
	handOff  bool // Config.HandOff
	handler  http.Handler
	// patterns are the routes registered, in order (for tests).
	patterns []string
}

// New builds the server. Call RecoverOpen before serving, Run for the idle
// call reaper, and Close at the end.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("web: Config.Store is required")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Ping == nil {
		cfg.Ping = func(ctx context.Context) error {
			_, err := cfg.Store.CountUsers(ctx)
			return err
		}
	}
	cat, err := catalog.New(context.Background(), cfg.Store, cfg.Scenarios, cfg.Now())
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	if cfg.ShutdownTurnWait <= 0 {
		cfg.ShutdownTurnWait = ShutdownTurnWait
	}
	// The store's calls on a call's path are timed for /metrics.
	var s *Server
	m := newMetrics(func() int { return s.calls.Active() })
	cfg.Store = timedStore{Store: cfg.Store, m: m}
	s = &Server{voice: cfg.Voice, recordings: cfg.Recordings, metrics: m, log: cfg.Log, store: cfg.Store, now: cfg.Now, cat: cat, sockets: &sockets{}, turnWait: cfg.ShutdownTurnWait, handOff: cfg.HandOff}
	s.calls = call.NewManager(call.ManagerConfig{
		Log: cfg.Log, Store: cfg.Store, Scenarios: cat, Engines: cfg.Engines, Now: cfg.Now, Seed: cfg.Seed, Coach: cfg.Coach,
		Owner: cfg.ServerID, LeaseTTL: cfg.LeaseTTL,
		MaxLive: cfg.MaxCalls, MaxLivePerUser: cfg.MaxCallsPerUser,
	})
	u, err := ui.New(ui.Config{
		Log:     cfg.Log,
		User:    func(r *http.Request) *openline.User { return userFrom(r.Context()) },
		Trainer: isTrainer,
		SetUp: func(r *http.Request) bool {
			n, err := cfg.Store.CountUsers(r.Context())
			return err != nil || n > 0
		},
		SetupWorks: func(r *http.Request, token string) bool {
			if len(token) > 256 {
				return false
			}
			works, err := cfg.Store.SetupTokenWorks(r.Context(), auth.HashToken(token), cfg.Now())
			if err != nil {
				cfg.Log.Error("setup page: check the link", "err", err)
				return true // the form; the API checks again
			}
			return works
		},
		ResetUser: func(r *http.Request, token string) *openline.User {
			acc, err := cfg.Store.PasswordResetUser(r.Context(), auth.HashToken(token), cfg.Now())
			if err != nil {
				if !errors.Is(err, openline.ErrNotFound) {
					cfg.Log.Error("reset page: look up the link", "err", err)
				}
				return nil
			}
			return acc
		},
		Scenarios: cat,
		Draft: func(ctx context.Context, id int64) *openline.Scenario {
			_, sc, _, err := cat.Draft(ctx, id)
			if err != nil {
				return nil
			}
			return sc
		},
		MaxScenarioBytes: scenario.MaxFileSize,
	})
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	mux := &routeMux{ServeMux: http.NewServeMux()}
	s.routes(mux, routeDeps{
		sessions: sessions{store: cfg.Store, now: cfg.Now, sockets: s.sockets},
		limiter:  newLoginLimiter(cfg.Now),
		hashes:   newHashGate(),
		ping:     cfg.Ping,
		ui:       u,
	})
	s.patterns = mux.patterns
	s.handler = chain(mux.ServeMux,
		withClientAddr(cfg.ProxyHeader),
		recoverPanics(cfg.Log),
		logRequests(cfg.Log),
		checkHost(cfg.Log, newHostSet(cfg.AllowedHosts)),
		securityHeaders,
		limitBody,
		checkOrigin(cfg.Log),
		authenticate(cfg.Log, cfg.Store, cfg.Now),
	)
	return s, nil
}

// ServeHTTP serves a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Engines lists the names of the persona engines calls can run on.
func (s *Server) Engines() []openline.EngineName { return s.calls.Engines() }

// RecoverOpen ends, as interrupted and scored, the calls this server's
// previous process left open (and those no server has held for the idle
// timeout); other servers' live calls go on. It returns how many.
func (s *Server) RecoverOpen(ctx context.Context) (int, error) { return s.calls.RecoverOpen(ctx) }

// Run ends calls left without a socket for two minutes, closes the
// sockets whose session has ended (expired, or logged out on another
// server) and reads the scenarios other servers published, until ctx is
// done.
func (s *Server) Run(ctx context.Context) {
	done := make(chan struct{})
	go func() { s.calls.Run(ctx, 5*time.Second); close(done) }()
	t := time.NewTicker(sessionCheckPeriod)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			<-done
			return
		case <-t.C:
			s.sockets.endStale(ctx, s.store, s.now())
			// Publications of other servers sharing the store.
			if err := s.cat.Refresh(ctx); err != nil && ctx.Err() == nil {
				s.log.Warn("refresh scenario catalogue", "err", err)
			}
		}
	}
}

// EndUserSockets closes every open call socket of the user (after an
// account is deactivated, or to log a user out everywhere); it returns how
// many. The sockets get an unauthorized error and close 1008.
func (s *Server) EndUserSockets(userID int64) int { return s.sockets.endUser(userID) }

// Close lets the turns in progress finish (for up to ShutdownTurnWait),
// closes every websocket with 1001 "server shutting down" and waits for
// their handlers, then ends every live call as interrupted and scores it.
// Call it after http.Server.Shutdown, which does not wait for websockets.
func (s *Server) Close(ctx context.Context) error {
	if s.handOff {
		// The calls are handed over before the sockets are told to
		// resume: a client resuming at once finds its call free.
		return s.sockets.closeAll(ctx, s.turnWait, closeRestart, restartReason,
			func() { s.calls.HandOff(context.WithoutCancel(ctx)) })
	}
	err := s.sockets.closeAll(ctx, s.turnWait, closeGoingAway, shutdownReason, nil)
	s.calls.Shutdown(context.WithoutCancel(ctx))
	return err
}
