package main

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkLoginFlood measures what issue 7 found broken: a flood of
// anonymous logins with unknown names (400 at once, without pause) beside
// one real user logging in from another address. The server is the real
// binary in its own process, so its peak memory (VmHWM) is its own. Each
// iteration is one real login, retried after Retry-After when refused, as
// the login page does; it reports that login's latency (median and
// slowest), the server's peak RSS, and what the flood was answered.
//
//	one-address: the flood comes from one client address (through the
//	trusted proxy header, as behind a proxy);
//	no-flood: the same login with nothing else going on.
//
// A flood from hundreds of distinct addresses at once (a botnet) is not
// measured here: the bounded queue refuses it with 503, and the real user
// competes with it for the queue's places (docs/performance.md).
func BenchmarkLoginFlood(b *testing.B) {
	bin := buildOpenline(b)
	data := b.TempDir()
	cmd := exec.Command(bin, "user", "add", "anna", "--role", "trainee", "--data", data)
	cmd.Stdin = strings.NewReader("anna-password\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("user add: %v\n%s", err, out)
	}
	for _, tc := range []struct {
		name  string
		flood int
	}{
		{"no-flood", 0},
		{"one-address", 400},
	} {
		b.Run(tc.name, func(b *testing.B) { benchFlood(b, bin, data, tc.flood) })
	}
}

func benchFlood(b *testing.B, bin, data string, flood int) {
	srv := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--data", data, "--proxy-header", "X-Forwarded-For")
	srv.Stderr = io.Discard
	out, err := srv.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { _ = srv.Process.Kill(); _ = srv.Wait() }()
	line, _ := bufio.NewReader(out).ReadString('\n')
	go func() { _, _ = io.Copy(io.Discard, out) }()
	base, ok := strings.CutPrefix(strings.TrimSpace(line), "openline listening on ")
	if !ok {
		b.Fatalf("serve did not start: %q", line)
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: flood + 8, MaxConnsPerHost: flood + 8}}

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var answers [600]atomic.Int64
	for i := range flood {
		const addr = "203.0.113.1"
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				status, _ := floodLogin(client, base, fmt.Sprintf("nobody-%d-%d", i, n), "a-wrong-password", addr)
				if status >= 0 && status < len(answers) {
					answers[status].Add(1)
				}
			}
		}()
	}
	if flood > 0 {
		time.Sleep(2 * time.Second) // let the flood fill every queue first
	}

	var lat []time.Duration
	refused := 0
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		for {
			status, retry := floodLogin(client, base, "anna", "anna-password", "192.0.2.250")
			if status == http.StatusOK {
				break
			}
			if status != http.StatusServiceUnavailable && status != http.StatusTooManyRequests {
				b.Fatalf("real login: %d", status)
			}
			refused++
			time.Sleep(retry)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	close(stop)
	wg.Wait()

	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "login-p50-ms")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "login-max-ms")
	b.ReportMetric(float64(refused)/float64(b.N), "refused/login")
	b.ReportMetric(peakRSSMiB(b, srv.Process.Pid), "server-peak-MiB")
	if flood > 0 {
		total := 0.0
		for i := range answers {
			total += float64(answers[i].Load())
		}
		for _, st := range []int{http.StatusUnauthorized, http.StatusTooManyRequests, http.StatusServiceUnavailable} {
			b.ReportMetric(float64(answers[st].Load())/total, fmt.Sprintf("flood-%d-share", st))
		}
	}
}

// floodLogin posts one login from the client address addr (through the
// trusted proxy header) and returns the status and the Retry-After.
func floodLogin(c *http.Client, base, name, pw, addr string) (int, time.Duration) {
	req, err := http.NewRequest("POST", base+"/api/login", strings.NewReader(`{"name":"`+name+`","password":"`+pw+`"}`))
	if err != nil {
		return -1, 0
	}
	req.Header.Set("Origin", base)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Forwarded-For", addr)
	resp, err := c.Do(req)
	if err != nil {
		time.Sleep(10 * time.Millisecond)
		return -1, 0
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	secs, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
	return resp.StatusCode, time.Duration(secs) * time.Second
}

// peakRSSMiB is the peak resident memory (VmHWM) of process pid, in MiB.
func peakRSSMiB(b *testing.B, pid int) float64 {
	s, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		b.Fatalf("peak memory: %v", err)
	}
	for _, l := range strings.Split(string(s), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			if err != nil {
				b.Fatalf("VmHWM %q: %v", v, err)
			}
			return float64(kb) / 1024
		}
	}
	b.Fatal("no VmHWM in /proc/PID/status")
	return 0
}
