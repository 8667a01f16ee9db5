package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
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
