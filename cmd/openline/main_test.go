package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/openline/openline/internal/acts"
)

// runMain runs `openline args…` in-process with stdin and the environment
// given, and returns what main would make of it: the exit code (0, 1, 2)
// and the output, with an error main prints added to stderr as main
// prints it.
func runMain(t *testing.T, stdin string, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, func(k string) string { return env[k] }, strings.NewReader(stdin), &out, &errOut)
	var ec exitCode
	switch {
	case err == nil:
	case errors.As(err, &ec):
		code = int(ec)
	default:
		code = 2
		errOut.WriteString("openline: " + err.Error() + "\n")
	}
	return code, out.String(), errOut.String()
}

// TestStrayArgumentIsNamed checks that a command taking only flags says
// which argument it did not expect before its usage, rather than only
// printing the usage.
func TestStrayArgumentIsNamed(t *testing.T) {
	for _, cmd := range []string{"serve", "loadgen"} {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), []string{cmd, "extra"}, func(string) string { return "" }, strings.NewReader(""), &stdout, &stderr)
		if code, ok := err.(exitCode); !ok || code != 2 {
			t.Errorf("%s extra: got %v, want exit status 2", cmd, err)
		}
		want := "openline " + cmd + `: unexpected argument "extra" (it takes only flags)` + "\nusage: openline " + cmd
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("%s extra: stderr %q, want it to contain %q", cmd, stderr.String(), want)
		}
	}
}

// TestBrokenReadingModelRefusesToStart checks that a binary whose
// embedded learned layer does not load says so and exits, for every
// command that reads turns, rather than reading with the rules alone.
func TestBrokenReadingModelRefusesToStart(t *testing.T) {
	saved := readingModel
	t.Cleanup(func() { readingModel = saved })
	readingModel = func() (*acts.Model, error) { return acts.ParseModel([]byte("not a model")) }
	for _, args := range [][]string{{"serve"}, {"score", "-"}, {"scenario", "test", "."}} {
		code, _, stderr := runMain(t, "", nil, args...)
		if code != 2 || !strings.Contains(stderr, "reading model: line 1") || !strings.Contains(stderr, "train-reading") {
			t.Errorf("openline %v with a broken model: exit %d, stderr %q; want exit 2 naming the model's error and how to fix it", args, code, stderr)
		}
	}
	if code, stdout, _ := runMain(t, "", nil, "help"); code != 0 || !strings.Contains(stdout, "usage") {
		t.Errorf("openline help with a broken model: exit %d, %q; want the usage", code, stdout)
	}
}
