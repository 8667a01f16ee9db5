package web

import (
	"net"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

// checkGoroutines fails the test when, after its cleanups (the server's
// among them, registered later and so run first), more goroutines run
// than before it: a socket's reader, writer or turn left behind. It waits
// for them to end; it does not time anything.
func checkGoroutines(t *testing.T) {
	t.Helper()
	http.DefaultClient.CloseIdleConnections()
	before := runtime.NumGoroutine()
	t.Cleanup(func() {
		http.DefaultClient.CloseIdleConnections()
		deadline := time.Now().Add(10 * time.Second)
		for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if n := runtime.NumGoroutine(); n > before {
			buf := make([]byte, 1<<20)
			t.Errorf("%d goroutines left behind (before %d, after %d):\n%s", n-before, before, n, buf[:runtime.Stack(buf, true)])
		}
	})
}

// TestAStuckClientDelaysNoOne: a client that stops reading while its
// prospect keeps talking holds nothing the others need. Its connection
// buffers little on either side, so its socket's writer is soon blocked in
// a write and its frames pile up in its queue (the test waits until they
// do, or until the full queue has dropped the client); another trainee's
// whole call then goes on, and no goroutine is left behind.
func TestAStuckClientDelaysNoOne(t *testing.T) {
	checkGoroutines(t)
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	a.mustUser("ben", openline.RoleTrainee)
	stuck := a.mustDial(a.login("anna"), "scenario=web-test")
	stuck.next()
	stuck.until("reply")
	s := onlySocket(t, a)
	if err := stuck.ws.NetConn().(*net.TCPConn).SetReadBuffer(4096); err != nil {
		t.Fatal(err)
	}
	if err := s.ws.NetConn().(*net.TCPConn).SetWriteBuffer(4096); err != nil {
		t.Fatal(err)
	}
	// Anna says a lot and never reads again.
	long := strings.Repeat("Erzählen Sie mir mehr über das Wochenende. ", 80)
	for range 400 {
		stuck.send(map[string]string{"type": "say", "text": long})
	}
	waitFor(t, "anna's frames to pile up behind her blocked writer", func() bool { return len(s.send) >= 16 || s.stopped() })
	ben := a.mustDial(a.login("ben"), "scenario=web-test")
	ben.next()
	ben.until("reply")
	for i, line := range []string{"Guten Tag, hier ist Ben.", "Was machen Sie am Wochenende?", "Schön!"} {
		if r := ben.say(line); r.Turn != 2*i+2 {
			t.Fatalf("ben's turn %d answered as %d", i, r.Turn)
		}
	}
	ben.send(map[string]string{"type": "hangup"})
	if f, _ := ben.until("scorecard"); f.Scorecard == nil {
		t.Error("ben's call ended without a scorecard")
	}
	stuck.ws.Close()
}

// TestMetricsOfStoreAndLogins: /metrics shows the store's latency on a
// call's path and the logins refused.
func TestMetricsOfStoreAndLogins(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	a.placeCall(a.login("anna"), "web-test")
	if status, _, _ := a.do("POST", "/api/login", "", map[string]string{"name": "anna", "password": "wrong-password"}); status != http.StatusUnauthorized {
		t.Fatalf("wrong password: %d", status)
	}
	_, body, _ := a.do("GET", "/metrics", "", nil)
	for _, want := range []string{
		`openline_store_seconds_count{op="append_turn"}`, `openline_store_seconds_count{op="create_call"} 1`,
		`openline_store_seconds_count{op="session"}`, `openline_logins_refused_total{code="bad_login"} 1`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

// onlySocket is the one live socket of a.
func onlySocket(t *testing.T, a *app) *socket {
	t.Helper()
	a.srv.sockets.mu.Lock()
	defer a.srv.sockets.mu.Unlock()
	if len(a.srv.sockets.live) != 1 {
		t.Fatalf("%d live sockets, want 1", len(a.srv.sockets.live))
	}
	for s := range a.srv.sockets.live {
		return s
	}
	return nil
}
