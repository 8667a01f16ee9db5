package web

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"github.com/openline/openline/internal/openline"
)

// maxBodyBytes limits every request body (JSON requests are small).
const maxBodyBytes = 64 << 10

// contentSecurityPolicy allows only the site's own scripts, styles, images
// and connections (including its websocket); no inline script, no framing.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// chain applies middleware so that the first one listed is the outermost.
func chain(h http.Handler, mw ...func(http.Handler) http.Handler) http.Handler {
	for i := len(mw) - 1; i >= 0; i-- {
		h = mw[i](h)
	}
	return h
}

// statusRecorder remembers the status a handler wrote. It passes Hijack
// through for the websocket.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

func (s *statusRecorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	h, ok := s.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("hijack not supported")
	}
	c, rw, err := h.Hijack()
	if err == nil && s.status == 0 {
		s.status = http.StatusSwitchingProtocols
	}
	return c, rw, err
}

func (s *statusRecorder) Flush() {
	if f, ok := s.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// logRequests logs one line per request: method, path (never the query,
// which may carry a setup token), status, duration and the client address.
// Cookies, bodies and passwords are never logged.
func logRequests(log *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			rec := &statusRecorder{ResponseWriter: w}
			next.ServeHTTP(rec, r)
			log.Info("http", "method", r.Method, "path", r.URL.Path, "status", rec.status,
				"duration_ms", time.Since(start).Milliseconds(), "remote", clientIP(r))
		})
	}
}

// recoverPanics turns a panic in a handler into a logged error and, when
// nothing was written yet, a 500 JSON answer; no panic reaches a user.
func recoverPanics(log *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := &statusRecorder{ResponseWriter: w}
			defer func() {
				v := recover()
				if v == nil {
					return
				}
				if v == http.ErrAbortHandler {
					panic(v)
				}
				log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				if rec.status == 0 {
					writeErrorJSON(w, http.StatusInternalServerError, errInternal)
				}
			}()
			next.ServeHTTP(rec, r)
		})
	}
}

// securityHeaders sets the headers every answer carries. No API answer may
// be stored by a browser or proxy: they carry personal data and cookies.
// (Pages are marked no-store by package ui; static files are cached.)
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		if strings.HasPrefix(r.URL.Path, "/api/") {
			h.Set("Cache-Control", "no-store")
		}
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// limitBody caps every request body at maxBodyBytes, and those of the
// authoring API, which carry a scenario file, at maxScenarioBody.
func limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			limit := int64(maxBodyBytes)
			if strings.HasPrefix(r.URL.Path, "/api/authoring/") {
				limit = maxScenarioBody
			}
			r.Body = http.MaxBytesReader(w, r.Body, limit)
		}
		next.ServeHTTP(w, r)
	})
}

// sameOrigin reports whether a request came from a page of this site: its
// Origin header, or when absent its Referer, names the scheme, host and
// port the request was sent to (requestScheme and r.Host; a missing port
// is the scheme's default). A request with neither header, with
// "Origin: null", or from another scheme, host or port is not
// same-origin.
//
// What is trusted behind a reverse proxy: the Host header, which the proxy
// must pass on unchanged (X-Forwarded-Host is ignored), and
// X-Forwarded-Proto for the scheme (a TLS-terminating proxy must set it to
// https). A browser cannot set either header on a cross-site request
// without a CORS preflight, which this server never grants.
func sameOrigin(r *http.Request) bool {
	src := r.Header.Get("Origin")
	if src == "" {
		src = r.Header.Get("Referer")
	}
	if src == "" || src == "null" {
		return false
	}
	u, err := url.Parse(src)
	if err != nil || u.Host == "" || u.User != nil {
		return false
	}
	scheme := requestScheme(r)
	if !strings.EqualFold(u.Scheme, scheme) {
		return false
	}
	return strings.EqualFold(withPort(u.Host, scheme), withPort(r.Host, scheme))
}

// withPort returns host:port with the scheme's default port added when
// host has none ("example.org" → "example.org:443" for https).
func withPort(host, scheme string) string {
	if _, _, err := net.SplitHostPort(host); err == nil {
		return host
	}
	port := "80"
	if scheme == "https" {
		port = "443"
	}
	return net.JoinHostPort(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"), port)
}

// checkOrigin refuses (403) every state-changing request that did not come
// from a page of this site. Safe methods pass; the websocket is checked by
// its upgrader with the same rule.
func checkOrigin(log *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch r.Method {
			case http.MethodGet, http.MethodHead, http.MethodOptions:
			default:
				if !sameOrigin(r) {
					writeError(log, w, r, errBadOrigin)
					return
				}
			}
			next.ServeHTTP(w, r)
		})
	}
}

type ctxKey int

const (
	userKey ctxKey = iota
	sessionKey
	clientAddrKey // the client address (limits.go)
)

// withUser returns ctx carrying the logged-in user and the hash of their
// session's token.
func withUser(ctx context.Context, u *openline.User, sessionHash string) context.Context {
	return context.WithValue(context.WithValue(ctx, userKey, u), sessionKey, sessionHash)
}

// sessionFrom returns the hash of the session token of a logged-in
// request, or "".
func sessionFrom(ctx context.Context) string {
	h, _ := ctx.Value(sessionKey).(string)
	return h
}

// userFrom returns the logged-in user of a request, or nil.
func userFrom(ctx context.Context) *openline.User {
	u, _ := ctx.Value(userKey).(*openline.User)
	return u
}

// requestScheme is the scheme the browser used to reach us: "https" over
// TLS, directly or through a proxy that says so in X-Forwarded-Proto (its
// first value, when proxies are chained); else "http".
func requestScheme(r *http.Request) string {
	if r.TLS != nil {
		return "https"
	}
	proto, _, _ := strings.Cut(r.Header.Get("X-Forwarded-Proto"), ",")
	if strings.EqualFold(strings.TrimSpace(proto), "https") {
		return "https"
	}
	return "http"
}

// secureRequest reports whether the browser reached us over TLS, directly
// or through a proxy that says so.
func secureRequest(r *http.Request) bool { return requestScheme(r) == "https" }
