package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/openline/openline/internal/auth"
	"github.com/openline/openline/internal/call"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
	"github.com/openline/openline/internal/persona/llm"
	"github.com/openline/openline/internal/persona/scripted"
	"github.com/openline/openline/internal/scenario"
	"github.com/openline/openline/internal/store"
	"github.com/openline/openline/internal/voice"
	"github.com/openline/openline/internal/web"
	"github.com/openline/openline/scenarios"
)

// Server timeouts. Websockets are hijacked: gorilla clears the deadlines
// these set, and the socket sets its own.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 15 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 2 * time.Minute
	maxHeaderBytes    = 64 << 10
	shutdownTimeout   = 15 * time.Second
	setupTokenTTL     = 24 * time.Hour
)

// envProxyHeader is the environment variable behind --proxy-header.
const envProxyHeader = "OPENLINE_PROXY_HEADER"

// envAllowedHosts is the environment variable behind --allowed-hosts.
const envAllowedHosts = "OPENLINE_ALLOWED_HOSTS"

const serveUsage = `usage: openline serve [--addr 127.0.0.1:8080] [--data DIR] [--scenarios DIR] [--proxy-header NAME] [--allowed-hosts H,...] [--llm-model M ...]

Runs the server: SQLite under --data, the shipped scenarios (or those in
--scenarios), scripted personas. OPENLINE_DATABASE_URL=postgres://... selects
PostgreSQL instead; several servers may share one (docs/deploy.md). With a model (OPENLINE_LLM_MODEL or --llm-model)
and a key (OPENAI_API_KEY) or a base URL (OPENAI_BASE_URL or --llm-base-url)
calls may also run on the LLM engine (docs/llm.md). With a speech recognition
model (OPENLINE_STT_MODEL or --stt-model) calls may be spoken, and with a speech
model (OPENLINE_TTS_MODEL or --tts-model) the prospect speaks through it; without
one the browser speaks (docs/voice.md).
`

// runServe is `openline serve`: it serves until ctx is cancelled, then
// shuts down gracefully.
func runServe(ctx context.Context, e env, args []string) error {
	fl := newFlags(e, "serve", serveUsage, true)
	addr := fl.String("addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	dataDir := fl.String("data", "./data", "folder of the SQLite database")
	scenarioDir := fl.String("scenarios", "", "folder of scenario files (default: the shipped scenarios)")
	llmCfg := llm.ConfigFromEnv(e.getenv)
	fl.StringVar(&llmCfg.Model, "llm-model", llmCfg.Model, "model of the LLM engine (default $"+llm.EnvModel+"; none: no LLM engine)")
	fl.StringVar(&llmCfg.BaseURL, "llm-base-url", llmCfg.BaseURL, "OpenAI-compatible API base URL, e.g. http://127.0.0.1:11434/v1 (default $"+llm.EnvBaseURL+", else OpenAI's)")
	fl.DurationVar(&llmCfg.FirstToken, "llm-first-token", llm.DefaultFirstToken, "longest wait for a reply's first word, retries included, before the call goes on scripted")
	fl.DurationVar(&llmCfg.Whole, "llm-reply", llm.DefaultWhole, "longest time for a whole reply")
	serverID := fl.String("server-id", "", "this server's name among several sharing one PostgreSQL database: unique among them, the same across restarts (default: host name and --addr)")
	coaching := fl.Bool("llm-coaching", false, "add a paragraph the model writes to each scorecard, marked as the model's (the scores never depend on it)")
	allowedHosts := fl.String("allowed-hosts", e.getenv(envAllowedHosts),
		"comma-separated host names the server answers to besides the --addr host and loopback, e.g. openline.example.org; * for any (default $"+envAllowedHosts+")")
	proxyHeader := fl.String("proxy-header", e.getenv(envProxyHeader),
		"header in which a trusted reverse proxy passes the client's address, e.g. X-Forwarded-For (default $"+envProxyHeader+"; none: the TCP peer)")
	maxCalls := fl.Int("max-calls", call.MaxLive, "live calls this server holds; more are refused with server_full")
	maxPerUser := fl.Int("max-calls-per-user", call.MaxLivePerUser, "live calls one user may have; more are refused with too_many_calls")
	handOff := fl.Bool("handoff", false, "on SIGTERM, hand the live calls over rather than end them: sockets get close 1012 \"server restarting\" and the clients resume on any server (this one after its restart included); for rolling restarts")
	voiceCfg := voice.ConfigFromEnv(e.getenv)
	fl.StringVar(&voiceCfg.STT.Model, "stt-model", voiceCfg.STT.Model, "speech recognition model of spoken calls (default $"+voice.EnvSTTModel+"; none: calls are typed)")
	fl.StringVar(&voiceCfg.STT.BaseURL, "stt-base-url", voiceCfg.STT.BaseURL, "OpenAI-compatible base URL of /audio/transcriptions (default $"+voice.EnvSTTBaseURL+", else the chat model's)")
	fl.StringVar(&voiceCfg.TTS.Model, "tts-model", voiceCfg.TTS.Model, "speech model of the prospect's voice (default $"+voice.EnvTTSModel+"; none: the browser speaks)")
	fl.StringVar(&voiceCfg.TTS.BaseURL, "tts-base-url", voiceCfg.TTS.BaseURL, "OpenAI-compatible base URL of /audio/speech (default $"+voice.EnvTTSBaseURL+", else the chat model's)")
	fl.BoolVar(&voiceCfg.Partials, "stt-partials", voiceCfg.Partials, "transcribe a spoken turn so far every 1.5 s while the trainee speaks, so the words appear as they speak (more transcription; default $"+voice.EnvPartials+", else off)")
	fl.StringVar(&voiceCfg.Voice, "tts-voice", voiceCfg.Voice, "voice when a scenario names none (default $"+voice.EnvTTSVoice+", else "+voice.DefaultVoice+")")
	keepRecordings := fl.Duration("keep-recordings", 0, "keep each spoken trainee turn as a WAV file under --data for this long, e.g. 720h, for trainers to hear (default 0: no audio is kept)")
	debugAddr := fl.String("debug-addr", "", "serve Go's pprof profiles on this address (loopback only; default: off)")
	operands, done, err := parseArgs(fl, args)
	if done {
		return err
	}
	if err := noOperands(e, fl, operands); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))

	scs, err := loadScenarios(ctx, *scenarioDir)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, *dataDir, e.getenv(store.EnvDatabaseURL))
	if err != nil {
		return err
	}
	defer st.Close()
	// The server's scenario catalogue keeps every version it offers in
	// the store (web.New), so calls are scored on their own version.

	engines := []persona.Engine{scripted.New()}
	var coach call.Coach
	if llmCfg.Model != "" && (llmCfg.APIKey != "" || llmCfg.BaseURL != "") {
		llmCfg.Log = log
		eng, err := llm.New(llmCfg)
		if err != nil {
			return err
		}
		engines = append(engines, eng)
		if *coaching {
			coach = eng.Coach
		}
		// The key is never printed; the base URL and model are.
		log.Info("LLM engine on", "model", llmCfg.Model, "base_url", eng.BaseURL(), "coaching", *coaching)
	} else if *coaching {
		return errors.New("llm: --llm-coaching needs a model and a key or base URL")
	} else if llmCfg.Model != "" {
		return fmt.Errorf("llm: model %q but neither %s nor a base URL", llmCfg.Model, llm.EnvAPIKey)
	}
	speech, err := voice.New(voiceCfg)
	if err != nil {
		return err
	}
	if speech.STT != nil {
		log.Info("speech recognition on", "model", speech.STT.Model(), "base_url", speech.STT.BaseURL())
	}
	if speech.TTS != nil {
		log.Info("speech server on", "model", speech.TTS.Model(), "base_url", speech.TTS.BaseURL())
	}
	var recordings *voice.Recordings
	if *keepRecordings < 0 {
		return errors.New("--keep-recordings must not be negative")
	} else if *keepRecordings > 0 {
		if recordings, err = voice.NewRecordings(filepath.Join(*dataDir, "recordings"), *keepRecordings, nil); err != nil {
			return err
		}
		log.Info("keeping recordings of spoken turns", "for", keepRecordings.String())
	}
	srv, err := web.New(web.Config{
		Voice:      speech,
		Recordings: recordings,
		Log:        log,
		Store:      st,
		Scenarios:  scs,
		Engines:    engines,
		ServerID:   defaultServerID(*serverID, *addr),
		Coach:      coach,
		// Only when configured: a header a client sets itself must not
		// choose which address the login limits count.
		ProxyHeader: *proxyHeader,
		// Against DNS rebinding: a page whose name now points here gets
		// no answer, since its Host header names it.
		AllowedHosts: append(listenHosts(*addr), splitList(*allowedHosts)...),
		MaxCalls:     *maxCalls, MaxCallsPerUser: *maxPerUser, HandOff: *handOff,
	})
	if err != nil {
		return err
	}
	if n, err := srv.RecoverOpen(ctx); err != nil {
		return err
	} else if n > 0 {
		log.Info("ended calls left open by the previous run as interrupted", "calls", n)
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	base := "http://" + displayAddr(ln.Addr())
	setup, err := setupLink(ctx, st, base)
	if err != nil {
		ln.Close()
		return err
	}
	// One write: whoever sees the listening line sees the setup link too.
	fmt.Fprintf(e.stdout, "openline listening on %s\n%s", base, setup)

	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if *debugAddr != "" {
		stopDebug, err := serveDebug(*debugAddr, log)
		if err != nil {
			ln.Close()
			return err
		}
		defer stopDebug()
	}
	reapCtx, stopReap := context.WithCancel(context.WithoutCancel(ctx))
	reaped := make(chan struct{})
	go func() { srv.Run(reapCtx); close(reaped) }()
	if recordings != nil {
		go sweepRecordings(reapCtx, recordings, log)
	}

	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	var serveErr error
	select {
	case serveErr = <-served:
	case <-ctx.Done():
	}

	// Graceful shutdown: stop accepting and finish requests, close the
	// websockets (1001) and wait for them, end the live calls as
	// interrupted and score them (with --handoff: close them with 1012
	// and hand the calls over), then close the store (deferred).
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	stopReap()
	<-reaped
	if err := hs.Shutdown(sctx); err != nil {
		log.Warn("http shutdown", "err", err)
	}
	if err := srv.Close(sctx); err != nil {
		log.Warn("websocket shutdown", "err", err)
	}
	if serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", serveErr)
	}
	return nil
}

// loadScenarios loads the shipped scenarios, or those of dir. A broken file
// stops the start with its file:line:col errors.
func loadScenarios(ctx context.Context, dir string) ([]*openline.Scenario, error) {
	var (
		scs []*openline.Scenario
		err error
	)
	if dir == "" {
		scs, err = scenario.LoadFS(scenarios.FS)
	} else {
		rctx, cancel := context.WithTimeoutCause(ctx, scenarioReadTimeout, errReadTimeout)
		scs, err = scenario.LoadPathsContext(rctx, dir)
		cancel()
	}
	if err != nil {
		return nil, fmt.Errorf("scenarios:\n%w", err)
	}
	if len(scs) == 0 {
		return nil, errors.New("scenarios: none found")
	}
	return scs, nil
}

// setupLink returns the line to print with a one-time link for creating
// the first trainer while no account exists ("" when one does); every
// start makes a new one.
func setupLink(ctx context.Context, st openline.UserStore, base string) (string, error) {
	n, err := st.CountUsers(ctx)
	if err != nil {
		return "", fmt.Errorf("count accounts: %w", err)
	}
	if n > 0 {
		return "", nil
	}
	token, hash := auth.NewToken()
	if err := st.CreateSetupToken(ctx, hash, time.Now().Add(setupTokenTTL)); err != nil {
		return "", fmt.Errorf("create setup token: %w", err)
	}
	return fmt.Sprintf("First run: create the trainer account at %s/setup?token=%s\n", base, url.QueryEscape(token)), nil
}

// listenHosts are the hosts a browser may name to reach the listen
// address addr: its host, or, for a wildcard (":8080", "0.0.0.0:8080"),
// every address of this machine's interfaces. (Loopback is always
// allowed by the server.)
func listenHosts(addr string) []string {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil
	}
	if ip := net.ParseIP(host); host != "" && (ip == nil || !ip.IsUnspecified()) {
		return []string{host}
	}
	var hosts []string
	as, _ := net.InterfaceAddrs()
	for _, a := range as {
		if n, ok := a.(*net.IPNet); ok {
			hosts = append(hosts, n.IP.String())
		}
	}
	return hosts
}

// splitList splits a comma-separated list, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// displayAddr is the address to print in URLs: a wildcard host (":8080",
// "0.0.0.0:8080") is shown as localhost.
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

// defaultServerID is id, or when empty the host name and the address to
// listen on: unique among servers on one machine (they listen on
// different ports) and across machines, and stable across restarts.
func defaultServerID(id, addr string) string {
	if id != "" {
		return id
	}
	host, err := os.Hostname()
	if err != nil {
		host = "localhost"
	}
	return host + "/" + addr
}

// Sampling of the block and mutex profiles while --debug-addr is set:
// one blocking event per debugBlockRate nanoseconds spent blocked, one
// contended mutex in debugMutexFraction. Off without --debug-addr.
const (
	debugBlockRate     = 10_000
	debugMutexFraction = 10
)

// serveDebug serves net/http/pprof's profiles on addr, a loopback address
// of its own (never the public listener), for profiling a running server;
// the block and mutex profiles are sampled while it runs.
func serveDebug(addr string, log *slog.Logger) (stop func(), err error) {
	host, _, err := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); err != nil || ((ip == nil || !ip.IsLoopback()) && host != "localhost") {
		return nil, fmt.Errorf("--debug-addr %q: want a loopback host:port", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen --debug-addr: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	hs := &http.Server{Handler: mux, ReadHeaderTimeout: readHeaderTimeout}
	runtime.SetBlockProfileRate(debugBlockRate)
	runtime.SetMutexProfileFraction(debugMutexFraction)
	log.Info("pprof profiles", "addr", "http://"+ln.Addr().String()+"/debug/pprof/")
	go func() { _ = hs.Serve(ln) }()
	return func() {
		hs.Close()
		runtime.SetBlockProfileRate(0)
		runtime.SetMutexProfileFraction(0)
	}, nil
}

// sweepRecordings deletes the kept recordings past their retention at
// start and every hour, until ctx is done.
func sweepRecordings(ctx context.Context, r *voice.Recordings, log *slog.Logger) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		if n, err := r.Sweep(); err != nil {
			log.Warn("sweep recordings", "err", err)
		} else if n > 0 {
			log.Info("deleted expired recordings", "files", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
