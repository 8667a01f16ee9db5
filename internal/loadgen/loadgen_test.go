package loadgen

import (
	"context"
	"net/http/httptest"
	"os"
	"testing"
	"time"
)

// TestRunAgainstTheFloor drives real websocket calls against the floor:
// every turn is answered and measured, none fails.
func TestRunAgainstTheFloor(t *testing.T) {
	srv := httptest.NewServer(Floor())
	defer srv.Close()
	ctx := context.Background()
	acc, err := Setup(ctx, srv.URL, "floor", "floor", 3)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(ctx, Config{Base: srv.URL, Scenario: "x", Calls: 7, Turns: 3, Hold: 10 * time.Millisecond}, acc)
	if err != nil {
		t.Fatal(err)
	}
	if res.Failures != 0 || res.Turns != 21 || len(res.Latencies) != 21 {
		t.Fatalf("failures %d %v, turns %d, want 0 and 21", res.Failures, res.Errors, res.Turns)
	}
	if res.Percentile(50) <= 0 || res.Max() < res.Percentile(99) {
		t.Errorf("p50 %v p99 %v max %v", res.Percentile(50), res.Percentile(99), res.Max())
	}
}

func TestPercentile(t *testing.T) {
	r := &Result{}
	for i := 1; i <= 100; i++ {
		r.Latencies = append(r.Latencies, time.Duration(i)*time.Millisecond)
	}
	for _, tt := range []struct {
		p    int
		want time.Duration
	}{{50, 50 * time.Millisecond}, {99, 99 * time.Millisecond}, {100, 100 * time.Millisecond}} {
		if got := r.Percentile(tt.p); got != tt.want {
			t.Errorf("p%d = %v, want %v", tt.p, got, tt.want)
		}
	}
	if got := (&Result{}).Percentile(50); got != 0 {
		t.Errorf("p50 of nothing = %v, want 0", got)
	}
}

func TestParseMemory(t *testing.T) {
	if got, err := parseStatusRSS([]byte("Name:\topenline\nVmRSS:\t   2048 kB\n")); err != nil || got != 2048<<10 {
		t.Errorf("VmRSS = %d %v, want %d", got, err, 2048<<10)
	}
	if got, err := parseMetricRSS([]byte("# HELP x\nprocess_resident_memory_bytes 1.2345e+07\n")); err != nil || got != 12345000 {
		t.Errorf("process_resident_memory_bytes = %d %v, want 12345000", got, err)
	}
	if _, err := parseStatusRSS([]byte("VmRSS: lots\n")); err == nil {
		t.Error("a broken VmRSS line was read")
	}
	if _, err := parseMetricRSS([]byte("go_goroutines 3\n")); err == nil {
		t.Error("metrics without the RSS were read")
	}
}

// FuzzParseMemory: the readers of the server's memory never panic, and
// what they read is never negative.
func FuzzParseMemory(f *testing.F) {
	f.Add([]byte("VmRSS:\t 2048 kB\n"))
	f.Add([]byte("process_resident_memory_bytes 1.5e+07\n"))
	f.Add([]byte("VmRSS: -1 kB\nprocess_resident_memory_bytes -3\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if v, err := parseStatusRSS(b); err == nil && v < 0 {
			t.Errorf("VmRSS read as %d", v)
		}
		if v, err := parseMetricRSS(b); err == nil && v < 0 {
			t.Errorf("RSS read as %d", v)
		}
	})
}

// TestParseStatCPU reads utime and stime after a command name with
// spaces and parentheses.
func TestParseStatCPU(t *testing.T) {
	stat := "4242 (open (line) x) S 1 4242 4242 0 -1 4194304 102 0 0 0 250 37 0 0 20 0 9 0 141126 3133440 380\n"
	got, err := parseStatCPU([]byte(stat))
	if err != nil || got != 2870*time.Millisecond {
		t.Errorf("parseStatCPU = %v, %v; want 2.87s", got, err)
	}
	for _, bad := range []string{"", "1 (x) S 1 2", "1 (x) S 1 2 3 4 5 6 7 8 9 10 -4 6"} {
		if _, err := parseStatCPU([]byte(bad)); err == nil {
			t.Errorf("parseStatCPU(%q): no error", bad)
		}
	}
	if _, err := ProcessCPU(os.Getpid())(); err != nil {
		t.Errorf("ProcessCPU of this process: %v", err)
	}
}
