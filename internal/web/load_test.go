package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/openline/openline/internal/auth"
	"github.com/openline/openline/internal/loadgen"
	"github.com/openline/openline/internal/openline"
)

// Shape of the load test: loadCalls calls at once, one per trainee
// account, each with its own session, each saying loadTurns lines and
// hanging up.
const (
	loadCalls  = 200
	loadTurns  = 5
	loadLogins = 2 // logins at once while setting up (the server hashes at most 2 per client address)
	// loadThink is the mean pause of a paced trainee between a reply and
	// the next line, jittered ±50 %. A person types a line in several
	// seconds; one second is a fast typist, so 200 paced calls offer about
	// 200 turns/s, more than 200 real trainees would.
	loadThink = time.Second
)

// BenchmarkConcurrentCalls is the load test of the server (issue 4: "a
// scripted turn, persisted, answered within a few milliseconds at 200
// concurrent calls"). It starts the whole server in-process on
// 127.0.0.1:0 with a SQLite store in a temporary folder, creates 200
// trainee accounts and logs each in through POST /api/login (setup, not
// timed), then runs rounds: 200 real gorilla websocket clients place a
// call each on the web-test scenario, wait until all 200 calls are open
// (the prospect has picked up), say 5 lines each and hang up, reading the
// hang-up and the scorecard. Only loopback is used; every read has a
// deadline; each round ends by itself.
//
// The per-turn latency is measured by the client: from writing the say
// frame to reading the reply frame, so it includes the server's read, the
// two turns stored (durably), the scripted engine and the write back, as
// well as the clients' own scheduling (they share the machine's 2 cores
// with the server). Reported per sub-benchmark over all rounds: p50-ms,
// p99-ms, max-ms and turns/s (turns answered per second of the talking
// phase of a round: from the moment all calls are open until the last
// reply).
//
//   - paced: each trainee pauses loadThink (±50 %) before each line, as a
//     person does. This is the figure the issue asks for: what one turn
//     costs while 200 calls go on.
//   - flat-out: no pause; every call has a turn in flight all the time,
//     so the server runs at saturation and the latency is queueing
//     (Little's law: about 200 / (turns/s)). It measures throughput.
//
// One iteration (b.N) is one round of 200 calls. A paced round takes
// about 6.6 s (5 pauses of ~1 s, plus the dialling), longer than the
// default -benchtime=1s, so `make bench` runs exactly one paced round; a
// flat-out round takes 0.2–1 s, so it runs a few (at most about 1 s
// worth, as the testing package sizes b.N). -benchtime=1x runs one round
// of each, -benchtime=Nx N rounds. Setting up (200 argon2id logins) takes
// a few seconds more; in all, the package's benchmarks take about 20 s.
// The paced turns/s is the offered load (set by the pauses), not capacity.
func BenchmarkConcurrentCalls(b *testing.B) {
	a := mustApp(b)
	cookies := mustLoadTrainees(b, a, loadCalls)
	b.Run("paced", func(b *testing.B) { runLoad(b, a, cookies, loadThink) })
	b.Run("flat-out", func(b *testing.B) { runLoad(b, a, cookies, 0) })
}

// mustLoadTrainees creates n trainee accounts (sharing one password hash,
// so that only the logins cost argon2id) and logs each in; it returns
// their Cookie header values.
func mustLoadTrainees(b *testing.B, a *app, n int) []string {
	b.Helper()
	const password = "load-test-password"
	hash, err := auth.HashPassword(password)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("trainee%03d", i)
		u := &openline.User{Name: names[i], Role: openline.RoleTrainee, PasswordHash: hash, CreatedAt: a.clock.Now()}
		if err := a.store.CreateUser(ctx, u); err != nil {
			b.Fatal(err)
		}
	}
	cookies := make([]string, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	work := make(chan int)
	for range loadLogins {
		wg.Go(func() {
			for i := range work {
				cookies[i], errs[i] = loadLogin(a.http.URL, names[i], password)
			}
		})
	}
	for i := range names {
		work <- i
	}
	close(work)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		b.Fatal(err)
	}
	return cookies
}

// loadLogin logs name in and returns the Cookie header value. Unlike
// app.login it may run on any goroutine.
func loadLogin(base, name, password string) (string, error) {
	body, err := json.Marshal(map[string]string{"name": name, "password": password})
	if err != nil {
		return "", err
	}
	req, err := http.NewRequest("POST", base+"/api/login", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Origin", base)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", fmt.Errorf("login %s: %w", name, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("login %s: status %d", name, resp.StatusCode)
	}
	for _, c := range resp.Cookies() {
		if c.Name == cookieName {
			return c.Name + "=" + c.Value, nil
		}
	}
	return "", fmt.Errorf("login %s: no session cookie", name)
}

// runLoad runs b.N rounds of one call per cookie through loadgen, the
// same client as `openline loadgen`, with trainees pausing think (±50 %)
// before each line, and reports the figures.
func runLoad(b *testing.B, a *app, cookies []string, think time.Duration) {
	var (
		lat     []time.Duration // every turn of every round
		talking time.Duration   // the talking phases of all rounds
		round   int
	)
	cfg := loadgen.Config{Base: a.http.URL, Scenario: "web-test", Calls: len(cookies), Turns: loadTurns, Pace: think}
	for b.Loop() {
		round++
		res, err := loadgen.Run(context.Background(), cfg, cookies)
		if err != nil {
			b.Fatal(err)
		}
		if res.Failures > 0 {
			b.Fatalf("%d calls failed: %s", res.Failures, strings.Join(res.Errors, "; "))
		}
		lat = append(lat, res.Latencies...)
		talking += res.Talking
	}
	if want := round * len(cookies) * loadTurns; len(lat) != want {
		b.Fatalf("measured %d turns, want %d", len(lat), want)
	}
	all := loadgen.Result{Latencies: lat}
	slices.Sort(all.Latencies)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(all.Percentile(50)), "p50-ms")
	b.ReportMetric(ms(all.Percentile(99)), "p99-ms")
	b.ReportMetric(ms(all.Max()), "max-ms")
	b.ReportMetric(float64(len(lat))/talking.Seconds(), "turns/s")
}
