// Package loadgen is openline's load generator: it drives N concurrent calls
// of M turns over the real websocket call protocol v1 (docs/protocol.md), as
// an outside client would, with real accounts and real logins through the
// HTTP API, and measures the latency of every turn. It also holds calls open
// without talking, to measure what an open call costs the server. The floor
// (floor.go) is the same client's yardstick: a bare gorilla/websocket server
// that answers every turn at once. `openline loadgen` runs it; docs/cli.md
// and docs/performance.md describe the figures.
package loadgen

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// Timing of the client.
const (
	frameWait   = 30 * time.Second // longest wait for any one frame; a lost frame fails the call
	setupConns  = 2                // accounts created and logged in at once (the server hashes 2 per client address)
	setupTries  = 10               // tries of a login or creation the server answers busy (429, 503)
	dialConns   = 128              // calls being dialled at once
	cookieName  = "openline_session"
	maxFailures = 5 // failure messages kept for the report
)

// Lines is what every trainee says, in order; turn i says Lines[i mod len].
var Lines = []string{
	"Guten Tag, hier ist Anna Berg von der Beispiel AG.",
	"Haben Sie gerade einen Moment Zeit?",
	"Was machen Sie am Wochenende?",
	"Das klingt schön. Erzählen Sie mehr!",
	"Vielen Dank für das Gespräch.",
}

// Config is one load run.
type Config struct {
	Base     string // the server, http://host:port
	Scenario string // the scenario every call is placed on
	Calls    int    // concurrent calls
	Turns    int    // trainee turns per call (0 with Hold: only open)
	Users    int    // trainee accounts; calls are spread over them (0: one per call)
	// Pace is the mean pause of a trainee before each line, jittered
	// ±50 %; 0 sends every line the moment the previous reply arrived
	// (all at once).
	Pace time.Duration
	// Hold keeps every call open this long once all are open, before they
	// talk; the server's memory is sampled then.
	Hold time.Duration
	// Trainer and Password log in the account that creates the trainees
	// (POST /api/users).
	Trainer, Password string
	// Memory returns the server's resident memory in bytes; nil: not
	// measured.
	Memory func() (int64, error)
	// CPU returns the CPU time the server has used so far; nil: not
	// measured.
	CPU func() (time.Duration, error)
}

// Accounts are the logged-in trainees of a run: a Cookie header value
// each.
type Accounts []string

// Result is what a run measured.
type Result struct {
	Calls, Turns int             // calls placed and turns answered
	Latencies    []time.Duration // every answered turn, sorted
	// Scorecards is, for every call that finished, the wait from its
	// last reply (or, without turns, its hang-up) to its scorecard,
	// sorted: scoring is not part of a turn's latency, so it is measured
	// on its own.
	Scorecards []time.Duration
	Failures   int           // calls that did not finish as they should
	Resumed    int           // times a call was resumed after its server restarted (close 1012)
	Errors     []string      // the first few failures
	Talking    time.Duration // from all calls open to the last reply
	// MemBase is the server's resident memory before the calls were
	// dialled, MemOpen with all of them open (0: not measured).
	MemBase, MemOpen int64
	// CPU is the server's CPU time while the calls talked and hung up
	// (with Config.CPU; 0: not measured).
	CPU time.Duration
}

// CPUPerTurn is the server's CPU time per answered turn while the calls
// talked, hang-ups and scoring included; 0 when not measured.
func (r *Result) CPUPerTurn() time.Duration {
	if r.CPU == 0 || r.Turns == 0 {
		return 0
	}
	return r.CPU / time.Duration(r.Turns)
}

// Percentile is the p-th percentile (nearest rank) of the latencies; 0
// when there are none.
func (r *Result) Percentile(p int) time.Duration {
	return percentile(r.Latencies, p)
}

// ScorecardPercentile is the p-th percentile (nearest rank) of
// Scorecards; 0 when there are none.
func (r *Result) ScorecardPercentile(p int) time.Duration {
	return percentile(r.Scorecards, p)
}

// percentile is the p-th percentile (nearest rank) of sorted ds; 0 when
// it is empty.
func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	i := (len(ds)*p+99)/100 - 1
	return ds[max(i, 0)]
}

// Max is the longest turn.
func (r *Result) Max() time.Duration { return r.Percentile(100) }

// PerCall is the server's resident memory per open call in bytes.
func (r *Result) PerCall() float64 {
	if r.MemOpen == 0 || r.Calls == 0 {
		return 0
	}
	return float64(r.MemOpen-r.MemBase) / float64(r.Calls)
}

// Setup creates n trainee accounts through the API, logged in as the
// trainer, and logs each in (real logins: the server checks every
// password). The accounts' names start with a random prefix, so runs never
// collide.
func Setup(ctx context.Context, base, trainer, password string, n int) (Accounts, error) {
	admin, err := login(ctx, base, trainer, password)
	if err != nil {
		return nil, fmt.Errorf("log in the trainer: %w", err)
	}
	prefix, pw := randomHex(4), randomHex(16)
	cookies := make(Accounts, n)
	errs := make([]error, n)
	work := make(chan int)
	var wg sync.WaitGroup
	for range setupConns {
		wg.Go(func() {
			for i := range work {
				name := fmt.Sprintf("load-%s-%05d", prefix, i)
				err := retry(func() error {
					return post(ctx, base, "/api/users", admin, map[string]string{"name": name, "password": pw, "role": "trainee"}, http.StatusCreated)
				})
				if err != nil {
					errs[i] = fmt.Errorf("create %s: %w", name, err)
					continue
				}
				errs[i] = retry(func() (err error) {
					cookies[i], err = login(ctx, base, name, pw)
					return err
				})
			}
		})
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return cookies, nil
}

// login logs name in through POST /api/login and returns the Cookie header
// value.
func login(ctx context.Context, base, name, password string) (string, error) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: frameWait}
	body, _ := json.Marshal(map[string]string{"name": name, "password": password})
	req, err := http.NewRequestWithContext(ctx, "POST", base+"/api/login", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Origin", base)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return "", busy(resp.StatusCode, fmt.Errorf("login %s: status %d: %s", name, resp.StatusCode, bytes.TrimSpace(b)))
	}
	for _, ck := range resp.Cookies() {
		if ck.Name == cookieName {
			return ck.Name + "=" + ck.Value, nil
		}
	}
	return "", fmt.Errorf("login %s: no session cookie", name)
}

// post sends a JSON body as the holder of cookie and wants status.
func post(ctx context.Context, base, path, cookie string, v any, status int) error {
	body, _ := json.Marshal(v)
	req, err := http.NewRequestWithContext(ctx, "POST", base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Origin", base)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Cookie", cookie)
	resp, err := (&http.Client{Timeout: frameWait}).Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != status {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return busy(resp.StatusCode, fmt.Errorf("status %d: %s", resp.StatusCode, bytes.TrimSpace(b)))
	}
	return nil
}

// busy marks err as errBusy when status is that of a busy server.
func busy(status int, err error) error {
	if status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
		return errors.Join(err, errBusy)
	}
	return err
}

// errBusy is an answer 429 or 503: the server's hashing is busy.
var errBusy = errors.New("busy")

// retry runs f again, after a second, while the server answers busy.
func retry(f func() error) error {
	var err error
	for range setupTries {
		if err = f(); !errors.Is(err, errBusy) {
			return err
		}
		time.Sleep(time.Second)
	}
	return err
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Run places cfg.Calls calls at once over the accounts (call i uses
// account i mod len), waits until every prospect has picked up, holds them
// open for cfg.Hold, then lets every trainee say cfg.Turns lines and hang
// up. Every read has a deadline, so a run always ends.
func Run(ctx context.Context, cfg Config, accounts Accounts) (*Result, error) {
	if cfg.Calls <= 0 || len(accounts) == 0 {
		return nil, errors.New("loadgen: no calls or no accounts")
	}
	res := &Result{Calls: cfg.Calls}
	if cfg.Memory != nil {
		m, err := cfg.Memory()
		if err != nil {
			return nil, fmt.Errorf("server memory: %w", err)
		}
		res.MemBase = m
	}
	var (
		opened  sync.WaitGroup // every call is open, or has failed
		done    sync.WaitGroup
		start   = make(chan struct{})
		dialing = make(chan struct{}, dialConns)
		lats    = make([][]time.Duration, cfg.Calls)
		cards   = make([]time.Duration, cfg.Calls)
		errs    = make([]error, cfg.Calls)
		ends    = make([]time.Time, cfg.Calls)
		resumed atomic.Int64
	)
	opened.Add(cfg.Calls)
	for i := range cfg.Calls {
		done.Go(func() {
			c := &client{cfg: &cfg, cookie: accounts[i%len(accounts)], seed: uint64(i)}
			lats[i], cards[i], errs[i] = c.call(ctx, &opened, dialing, start)
			resumed.Add(int64(c.resumed))
			ends[i] = time.Now()
		})
	}
	opened.Wait()
	if cfg.Memory != nil {
		m, err := cfg.Memory()
		if err != nil {
			close(start)
			done.Wait()
			return nil, fmt.Errorf("server memory: %w", err)
		}
		res.MemOpen = m
	}
	if cfg.Hold > 0 {
		select {
		case <-time.After(cfg.Hold):
		case <-ctx.Done():
		}
	}
	var cpu0 time.Duration
	if cfg.CPU != nil {
		var err error
		if cpu0, err = cfg.CPU(); err != nil {
			close(start)
			done.Wait()
			return nil, fmt.Errorf("server CPU: %w", err)
		}
	}
	began := time.Now()
	close(start)
	done.Wait()
	if cfg.CPU != nil {
		cpu1, err := cfg.CPU()
		if err != nil {
			return nil, fmt.Errorf("server CPU: %w", err)
		}
		res.CPU = cpu1 - cpu0
	}
	last := began
	for i := range cfg.Calls {
		if errs[i] != nil {
			res.Failures++
			if len(res.Errors) < maxFailures {
				res.Errors = append(res.Errors, errs[i].Error())
			}
			continue
		}
		res.Latencies = append(res.Latencies, lats[i]...)
		res.Scorecards = append(res.Scorecards, cards[i])
		if ends[i].After(last) {
			last = ends[i]
		}
	}
	res.Resumed = int(resumed.Load())
	slices.Sort(res.Latencies)
	slices.Sort(res.Scorecards)
	res.Turns = len(res.Latencies)
	res.Talking = last.Sub(began)
	return res, nil
}

// client is one trainee's call.
type client struct {
	cfg     *Config
	cookie  string
	seed    uint64
	resumed int // times the call was resumed after close 1012
}

// frame is what the client reads of a server frame.
type frame struct {
	Type    string            `json:"type"`
	CallID  string            `json:"call_id"`
	Turns   []json.RawMessage `json:"turns"` // of a call frame: the transcript so far
	Turn    int               `json:"turn"`
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Outcome string            `json:"outcome"`
}

// call dials (at most dialConns at once), waits for the prospect to pick
// up, marks opened done, waits for start, then talks and hangs up. It
// returns each turn's latency: from writing the say frame to reading the
// reply frame; and the wait for the scorecard: from reading the last reply
// (without turns: from writing the hang-up) to reading the scorecard.
// opened.Done is called exactly once, also on failure.
func (c *client) call(ctx context.Context, opened *sync.WaitGroup, dialing chan struct{}, start <-chan struct{}) (lat []time.Duration, card time.Duration, err error) {
	isOpen := false
	defer func() {
		if !isOpen {
			opened.Done()
		}
	}()
	dialing <- struct{}{}
	ws, err := c.dial(ctx, "scenario="+c.cfg.Scenario+"&engine=scripted")
	var in <-chan read
	var id string
	if err == nil {
		in = reader(ws)
		var cf frame
		if cf, err = until(in, "call"); err == nil {
			id = cf.CallID
			_, err = until(in, "reply")
		}
	}
	<-dialing
	defer func() {
		if ws != nil {
			ws.Close()
		}
	}()
	if err != nil {
		return nil, 0, fmt.Errorf("open: %w", err)
	}
	isOpen = true
	opened.Done()
	// Held open until start; the reader answers the server's pings
	// meanwhile, and any frame now is unexpected.
	for waiting := true; waiting; {
		select {
		case <-start:
			waiting = false
		case r := <-in:
			if !restarting(r.err) || c.resumed >= maxResumes {
				if r.err == nil {
					r.err = fmt.Errorf("unexpected %s frame", r.f.Type)
				}
				return nil, 0, fmt.Errorf("held open: %w", r.err)
			}
			// The server restarts: resume, and wait on.
			ws.Close()
			c.resumed++
			if ws, err = c.dial(ctx, "resume="+id); err != nil {
				return nil, 0, fmt.Errorf("held open: resume: %w", err)
			}
			in = reader(ws)
			if _, err := until(in, "call"); err != nil {
				return nil, 0, fmt.Errorf("held open: resume: %w", err)
			}
		}
	}
	rng := newJitter(c.seed)
	var last time.Time // the last reply read
	for i := range c.cfg.Turns {
		if c.cfg.Pace > 0 {
			time.Sleep(rng.around(c.cfg.Pace))
		}
		msg, _ := json.Marshal(map[string]string{"type": "say", "text": Lines[i%len(Lines)]})
		sent := time.Now()
		if err := ws.WriteMessage(websocket.TextMessage, msg); err != nil {
			return nil, 0, fmt.Errorf("say %d: %w", i, err)
		}
		f, err := until(in, "reply")
		if err != nil {
			err = closedBy(in, err)
		}
		for err != nil && restarting(err) && c.resumed < maxResumes {
			// The server restarts (docs/protocol.md, close 1012): resume
			// the call, on whichever server the address leads to now.
			ws.Close()
			c.resumed++
			if f, err = c.resume(ctx, &ws, &in, id, i, msg); err != nil {
				err = closedBy(in, err)
			}
		}
		if err != nil {
			return nil, 0, fmt.Errorf("say %d: %w", i, err)
		}
		last = time.Now()
		lat = append(lat, last.Sub(sent))
		if f.Turn != 2*i+2 {
			return nil, 0, fmt.Errorf("say %d: reply to turn %d, want %d", i, f.Turn, 2*i+2)
		}
	}
	if last.IsZero() {
		last = time.Now()
	}
	if err := ws.WriteMessage(websocket.TextMessage, []byte(`{"type":"hangup"}`)); err != nil {
		return nil, 0, fmt.Errorf("hangup: %w", err)
	}
	if _, err := until(in, "scorecard"); err != nil {
		return nil, 0, fmt.Errorf("hangup: %w", err)
	}
	card = time.Since(last)
	_ = ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""), time.Now().Add(time.Second))
	return lat, card, nil
}

// maxResumes is how often one call resumes after close 1012.
const maxResumes = 3

// restarting reports whether err is the close 1012 of a server that
// restarts and hands its calls over.
func restarting(err error) bool {
	var ce *websocket.CloseError
	return errors.As(err, &ce) && ce.Code == websocket.CloseServiceRestart
}

// closedBy reads on after err, an error frame unavailable (a say sent
// while the server shuts down, not taken), until the connection ends, and
// returns how it ended; any other err is returned as it is.
func closedBy(in <-chan read, err error) error {
	var ef errorFrame
	if !errors.As(err, &ef) || ef.Code != "unavailable" {
		return err
	}
	t := time.NewTimer(frameWait)
	defer t.Stop()
	for {
		select {
		case r := <-in:
			if r.err != nil {
				return r.err
			}
		case <-t.C:
			return err
		}
	}
}

// resume dials the call id again while trainee turn i (the say msg) is
// waiting for its reply, and returns that reply: the server answers a
// stored trainee turn by itself after the call frame; a say that was not
// stored is sent again; a reply that was stored but not received comes in
// the call frame's turns (then its text is not read, only its index).
func (c *client) resume(ctx context.Context, ws **websocket.Conn, in *<-chan read, id string, i int, msg []byte) (frame, error) {
	conn, err := c.dial(ctx, "resume="+id)
	if err != nil {
		return frame{}, fmt.Errorf("resume: %w", err)
	}
	*ws, *in = conn, reader(conn)
	cf, err := until(*in, "call")
	if err != nil {
		return frame{}, fmt.Errorf("resume: %w", err)
	}
	switch len(cf.Turns) {
	case 2*i + 1: // the say was not stored: say it again
		if err := conn.WriteMessage(websocket.TextMessage, msg); err != nil {
			return frame{}, fmt.Errorf("resume: %w", err)
		}
	case 2*i + 3: // answered and stored: the reply was in flight
		return frame{Type: "reply", Turn: 2*i + 2}, nil
	}
	return until(*in, "reply")
}

func (c *client) dial(ctx context.Context, query string) (*websocket.Conn, error) {
	h := http.Header{}
	h.Set("Origin", c.cfg.Base)
	h.Set("Cookie", c.cookie)
	d := websocket.Dialer{HandshakeTimeout: frameWait, ReadBufferSize: 1024, WriteBufferSize: 1024}
	u := "ws" + strings.TrimPrefix(c.cfg.Base, "http") + "/api/calls/ws?" + query
	ws, resp, err := d.DialContext(ctx, u, h)
	if err != nil {
		if resp != nil {
			return nil, fmt.Errorf("dial: %w (HTTP %d)", err, resp.StatusCode)
		}
		return nil, fmt.Errorf("dial: %w", err)
	}
	return ws, nil
}

// read is one frame read, or the error that ended the reading.
type read struct {
	f   frame
	raw []byte
	err error
}

// reader reads ws until it fails (gorilla answers pings while it reads),
// handing every frame over; the last read carries the error. It returns
// when the connection is closed.
func reader(ws *websocket.Conn) <-chan read {
	out := make(chan read, 16)
	go func() {
		for {
			_, b, err := ws.ReadMessage()
			if err != nil {
				out <- read{err: err}
				return
			}
			var f frame
			if err := json.Unmarshal(b, &f); err != nil {
				out <- read{err: fmt.Errorf("frame %q: %w", b, err)}
				return
			}
			out <- read{f: f, raw: b}
		}
	}()
	return out
}

// until takes frames until one of type typ. An error frame, a hang-up
// before an awaited scorecard, a closed connection, or no frame for
// frameWait is an error.
func until(in <-chan read, typ string) (frame, error) {
	t := time.NewTimer(frameWait)
	defer t.Stop()
	for {
		var r read
		select {
		case r = <-in:
		case <-t.C:
			return frame{}, fmt.Errorf("waiting for %s: no frame for %v", typ, frameWait)
		}
		if r.err != nil {
			return frame{}, fmt.Errorf("waiting for %s: %w", typ, r.err)
		}
		switch f := r.f; {
		case f.Type == typ:
			return f, nil
		case f.Type == "error":
			return frame{}, fmt.Errorf("waiting for %s: %w", typ, errorFrame(f))
		case f.Type == "hangup" && typ != "scorecard":
			return frame{}, fmt.Errorf("waiting for %s: the prospect hung up (%s)", typ, f.Outcome)
		}
	}
}

// errorFrame is an error frame the server sent.
type errorFrame frame

func (e errorFrame) Error() string { return fmt.Sprintf("error frame %s: %s", e.Code, e.Message) }

// jitter is a small deterministic generator for the pauses (xorshift).
type jitter struct{ x uint64 }

func newJitter(seed uint64) *jitter { return &jitter{x: seed*0x9E3779B97F4A7C15 + 1} }

// around is d ±50 %.
func (j *jitter) around(d time.Duration) time.Duration {
	j.x ^= j.x << 13
	j.x ^= j.x >> 7
	j.x ^= j.x << 17
	return d/2 + time.Duration(j.x%uint64(d+1))
}
