package web

import (
	"log/slog"
	"net"
	"net/http"
	"strings"

	"github.com/openline/openline/internal/openline"
)

// errBadHost answers a request whose Host header names a host this server
// does not serve (DNS rebinding: a page of another site whose name now
// points at this server).
var errBadHost = openline.Error{Kind: openline.KindMisdirected, Code: "bad_host", Message: "this server does not serve that host name"}

// AnyHost in Config.AllowedHosts turns the Host check off.
const AnyHost = "*"

// loopbackHosts are the names of this machine that every server answers
// to: a local user's browser and tools (and wsprobe) use them.
var loopbackHosts = []string{"localhost", "127.0.0.1", "::1"}

// hostSet is the set of host names (without port, lower case, IPv6
// without brackets) the server answers to; any when it holds AnyHost.
type hostSet map[string]bool

func newHostSet(hosts []string) hostSet {
	set := hostSet{}
	for _, h := range append(hosts, loopbackHosts...) {
		set[normalHost(h)] = true
	}
	return set
}

// normalHost is host (with or without port) as hostSet keeps it.
func normalHost(h string) string {
	h = strings.TrimSpace(h)
	if host, _, err := net.SplitHostPort(h); err == nil {
		h = host
	}
	h = strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(h, "["), "]"))
	if ip := net.ParseIP(h); ip != nil {
		return ip.String()
	}
	return strings.TrimSuffix(h, ".")
}

func (s hostSet) allows(host string) bool {
	if s[AnyHost] {
		return true
	}
	h := normalHost(host)
	return s[h] || strings.HasSuffix(h, ".localhost") || isLoopbackIP(h)
}

func isLoopbackIP(h string) bool {
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// checkHost refuses (421) every request whose Host header is not one the
// server answers to, before anything else looks at it.
func checkHost(log *slog.Logger, allowed hostSet) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !allowed.allows(r.Host) {
				writeError(log, w, r, errBadHost)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
