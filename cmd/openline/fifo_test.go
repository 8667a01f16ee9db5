package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFIFOInAScenarioFolder: a FIFO among the scenario files (no one
// writes to it, so opening it to read would wait for ever) is reported as
// not a regular file; `scenario check` and `serve` do not hang on it.
func TestFIFOInAScenarioFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(strings.Replace(checkScenario, "%s", "alpha", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err) // not Linux
	}
	done := make(chan struct{})
	var code int
	var stdout, stderr string
	go func() {
		defer close(done)
		code, stdout, stderr = runCheck(t, dir)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("scenario check hangs on a FIFO")
	}
	want := dir + "/pipe.yaml: not a regular file (a FIFO, device or socket is never read)\nok  " + dir + "/a.yaml (alpha, de, medium)\n"
	if code != 1 || stdout != want {
		t.Errorf("scenario check = %d\n%s%s\nwant 1 and\n%s", code, stdout, stderr, want)
	}

	served := make(chan error, 1)
	go func() {
		served <- run(context.Background(), []string{"serve", "--addr", "127.0.0.1:0", "--data", t.TempDir(), "--scenarios", dir},
			func(string) string { return "" }, strings.NewReader(""), &syncBuffer{}, &syncBuffer{})
	}()
	select {
	case err := <-served:
		if err == nil || !strings.Contains(err.Error(), "pipe.yaml: not a regular file") {
			t.Errorf("serve with a FIFO among the scenarios: %v, want the start refused naming it", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve hangs on a FIFO")
	}
}
