package web

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/openline/openline/internal/openline"
)

// Login limits (docs/api.md, "POST /api/login"). Failed logins are
// counted three ways in one fixed window: per client address and name,
// per client address over all names, and per name over all addresses.
const (
	loginFailWindow  = 15 * time.Minute // the window of every count
	loginFailLimit   = 5                // per address and name; then 429 for the pair
	addrFailLimit    = 30               // per address, any names (spraying); then 429 for the address
	accountFailLimit = 10               // per name, any address; then only addresses that have not failed on it may try
	// limiterPruneAt is the number of entries in a count above which stale
	// ones are pruned (at most once a minute, so that a full map of fresh
	// entries is not walked per login).
	limiterPruneAt = 10000
	// limiterMaxEntries bounds each count's memory; an attempt that would
	// need a new entry in a full count is refused as busy (503).
	limiterMaxEntries = 100000
)

// Password hashing (argon2id, 64 MiB each while it runs): login, set-up
// and account creation share these slots.
const (
	hashSlots     = 2               // hashes computed at once
	hashQueue     = 16              // requests waiting for a slot; more are refused (503)
	hashQueueWait = 2 * time.Second // longest wait for a slot; then refused (503)
	hashPerAddr   = 2               // hashes of one client address waiting or running; more get 429
	retryBusy     = 1 * time.Second // the Retry-After of busy
)

// errBusy is the answer when the hash slots' queue is full or a slot did
// not come in time; the client may retry after Retry-After.
var errBusy = openline.Error{Kind: openline.KindUnavailable, Code: "busy", Message: "the server is busy; try again in a moment"}

// retryError is an error answered with a Retry-After header.
type retryError struct {
	err   openline.Error
	after time.Duration
}

func (e retryError) Error() string { return e.err.Error() }
func (e retryError) Unwrap() error { return e.err }

// retryAfter returns e answered with Retry-After: after (whole seconds,
// at least 1).
func retryAfter(e openline.Error, after time.Duration) error {
	return retryError{err: e, after: after}
}

// setRetryAfter sets the Retry-After header when err asks for one.
func setRetryAfter(w http.ResponseWriter, err error) {
	var re retryError
	if errors.As(err, &re) {
		secs := int((re.after + time.Second - 1) / time.Second)
		w.Header().Set("Retry-After", strconv.Itoa(max(secs, 1)))
	}
}

// loginLimiter counts failed logins per (address, name), per address and
// per name, in memory: a restart forgets it. An attempt counts as failed
// from the moment it arrives, before its password is hashed, and a success
// takes it back, so attempts in flight count against the limits. Names are
// counted without case. The per-name count never locks the owner out: it
// refuses only addresses that have already failed on the name, so a right
// password from a new address still works while others guess.
type loginLimiter struct {
	now func() time.Time

	mu        sync.Mutex
	pairs     counts
	addrs     counts
	names     counts
	lastPrune time.Time
}

// counts are failures per key, each in its own window.
type counts map[string]*failCount

type failCount struct {
	n     int
	since time.Time
}

// live returns the count of k in its current window (0 when none).
func (c counts) live(k string, now time.Time) int {
	f := c[k]
	if f == nil || now.Sub(f.since) >= loginFailWindow {
		return 0
	}
	return f.n
}

// add counts one failure of k, starting a new window when the last one
// has passed.
func (c counts) add(k string, now time.Time) {
	f := c[k]
	if f == nil || now.Sub(f.since) >= loginFailWindow {
		f = &failCount{since: now}
		c[k] = f
	}
	f.n++
}

// takeBack uncounts one failure of k.
func (c counts) takeBack(k string) {
	if f := c[k]; f != nil && f.n > 0 {
		f.n--
	}
}

// full reports whether a failure of k needs a new entry and there is no
// room for it.
func (c counts) full(k string) bool {
	_, ok := c[k]
	return !ok && len(c) >= limiterMaxEntries
}

func (c counts) prune(now time.Time) {
	for k, f := range c {
		if now.Sub(f.since) >= loginFailWindow {
			delete(c, k)
		}
	}
}

func newLoginLimiter(now func() time.Time) *loginLimiter {
	return &loginLimiter{now: now, pairs: counts{}, addrs: counts{}, names: counts{}}
}

func pairKey(addr, name string) string { return addr + "\x00" + name }

// attempt counts a login attempt of name from the client address addr as
// failed, before its password is checked; succeed takes a successful one
// back. It returns errTooMany (429) once a limit is used up, and errBusy
// (503) when a count is full; then nothing is counted.
func (l *loginLimiter) attempt(addr, name string) error {
	name = strings.ToLower(name)
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if now.Sub(l.lastPrune) >= time.Minute && max(len(l.pairs), len(l.addrs), len(l.names)) > limiterPruneAt {
		l.lastPrune = now
		l.pairs.prune(now)
		l.addrs.prune(now)
		l.names.prune(now)
	}
	pk := pairKey(addr, name)
	pair := l.pairs.live(pk, now)
	if pair >= loginFailLimit || l.addrs.live(addr, now) >= addrFailLimit ||
		(pair > 0 && l.names.live(name, now) >= accountFailLimit) {
		return retryAfter(errTooMany, loginFailWindow)
	}
	if l.pairs.full(pk) || l.addrs.full(addr) || l.names.full(name) {
		return retryAfter(errBusy, retryBusy)
	}
	l.pairs.add(pk, now)
	l.addrs.add(addr, now)
	l.names.add(name, now)
	return nil
}

// succeed forgets the pair's failures and takes the successful attempt
// back from the address's and the name's counts (other addresses'
// failures on the name stay).
func (l *loginLimiter) succeed(addr, name string) {
	name = strings.ToLower(name)
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.pairs, pairKey(addr, name))
	l.addrs.takeBack(addr)
	l.names.takeBack(name)
}

// hashGate bounds password hashing: hashSlots at once, at most hashQueue
// requests waiting, each for at most hashQueueWait, and at most
// hashPerAddr per client address waiting or running. So a flood of logins
// costs bounded memory (the slots' 64 MiB each, and a bounded queue) and is
// refused fast beyond the bounds, rather than making every login wait.
type hashGate struct {
	slots chan struct{}
	wait  time.Duration // hashQueueWait

	mu      sync.Mutex
	waiting int
	perAddr map[string]int // at most hashSlots+hashQueue entries
}

func newHashGate() *hashGate {
	return &hashGate{slots: make(chan struct{}, hashSlots), wait: hashQueueWait, perAddr: make(map[string]int)}
}

// do runs f in a slot. addr is the client address of an anonymous request
// (login, set-up), limited per address; "" for a logged-in trainer's. It
// returns 429 too_many_attempts beyond the address's share, 503 busy when
// the queue is full or no slot came in time (both with Retry-After), or
// ctx's error.
func (g *hashGate) do(ctx context.Context, addr string, f func() error) error {
	g.mu.Lock()
	if addr != "" && g.perAddr[addr] >= hashPerAddr {
		g.mu.Unlock()
		return retryAfter(errTooMany, retryBusy)
	}
	queued := len(g.slots) == cap(g.slots)
	if queued && g.waiting >= hashQueue {
		g.mu.Unlock()
		return retryAfter(errBusy, retryBusy)
	}
	if addr != "" {
		g.perAddr[addr]++
		defer g.leave(addr)
	}
	g.waiting++
	g.mu.Unlock()

	t := time.NewTimer(g.wait)
	defer t.Stop()
	var err error
	select {
	case g.slots <- struct{}{}:
	case <-t.C:
		err = retryAfter(errBusy, retryBusy)
	case <-ctx.Done():
		err = ctx.Err()
	}
	g.mu.Lock()
	g.waiting--
	g.mu.Unlock()
	if err != nil {
		return err
	}
	defer func() { <-g.slots }()
	return f()
}

func (g *hashGate) leave(addr string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.perAddr[addr]--; g.perAddr[addr] <= 0 {
		delete(g.perAddr, addr)
	}
}

// withClientAddr stores each request's client address in its context,
// for the login limits and the request log: the TCP peer, or, when
// proxyHeader is set (openline serve --proxy-header), the last address in
// that header, which the trusted proxy in front wrote (earlier ones are
// what the client claimed). Without the header, or with one that is not an
// address, it is the peer. IPv6 addresses count per /64, the block one
// client usually holds.
func withClientAddr(proxyHeader string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			addr := clientAddrOf(r, proxyHeader)
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), clientAddrKey, addr)))
		})
	}
}

func clientAddrOf(r *http.Request, proxyHeader string) string {
	if proxyHeader != "" {
		if vs := r.Header.Values(proxyHeader); len(vs) > 0 {
			last := vs[len(vs)-1]
			if i := strings.LastIndexByte(last, ','); i >= 0 {
				last = last[i+1:]
			}
			if ip := net.ParseIP(strings.TrimSpace(last)); ip != nil {
				return addrKey(ip)
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if ip := net.ParseIP(host); ip != nil {
		return addrKey(ip)
	}
	return host
}

// addrKey is the text of ip that the limits count by: an IPv4 address
// whole, an IPv6 address by its /64.
func addrKey(ip net.IP) string {
	if v4 := ip.To4(); v4 != nil {
		return v4.String()
	}
	return (&net.IPNet{IP: ip.Mask(net.CIDRMask(64, 128)), Mask: net.CIDRMask(64, 128)}).String()
}

// clientIP is the client address of a request (withClientAddr); outside
// that middleware, the peer's.
func clientIP(r *http.Request) string {
	if a, ok := r.Context().Value(clientAddrKey).(string); ok {
		return a
	}
	return clientAddrOf(r, "")
}
