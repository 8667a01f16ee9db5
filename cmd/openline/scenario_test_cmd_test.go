package main

import (
	"regexp"
	"strings"
	"testing"
)

// runScenarioTestCmd runs `openline scenario test args…` in-process and
// returns its exit code and output.
func runScenarioTestCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runMain(t, "", nil, append([]string{"scenario", "test"}, args...)...)
}

func TestScenarioTestCommand(t *testing.T) {
	const td = "../../internal/scenariotest/testdata/"
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   []string // regexps that must match the output
		notOut   []string // regexps that must not
		stderrRE string
	}{
		{"all pass", []string{td + "pass"}, 0, []string{`(?m)^ok  \t.*pass/werkstatt.yaml\t`, `(?m)^5 passed, 0 failed\n\z`}, []string{`=== RUN`}, ""},
		{"verbose", []string{"-v", td + "pass"}, 0, []string{`(?m)^=== RUN   test-werkstatt/pushy caller is hung up on$`, `(?m)^--- PASS: test-werkstatt/pushy caller is hung up on \(\d+\.\d\ds\)$`}, nil, ""},
		{"flags after paths", []string{td + "pass", "-run", "pushy", "-v"}, 0, []string{`(?m)^1 passed, 0 failed$`}, []string{`silence and farewell`}, ""},
		{"a failing expectation", []string{td + "pass", td + "fail/failing.yaml"}, 1, []string{
			`(?m)^--- FAIL: test-failing/wrong reply expected`,
			`(?m)^    .*fail/failing.yaml:35: turn 1: expected state later, got talk$`,
			`(?m)^    transcript so far:$`,
			`(?m)^FAIL\t.*failing.yaml\t`,
			`(?m)^6 passed, 3 failed$`,
		}, nil, ""},
		{"run filters", []string{"-run", "^test-failing/this one", td + "fail"}, 0, []string{`(?m)^1 passed, 0 failed$`}, []string{`--- FAIL`}, ""},
		{"load errors", []string{td + "broken"}, 1, []string{`(?m)^.*broken/broken.yaml:3:11: language must be one of`, `(?m)^0 passed, 0 failed$`}, nil, ""},
		{"missing path", []string{td + "nothing-here"}, 1, []string{`nothing-here`}, nil, ""},
		{"bad pattern", []string{"-run", "(", td + "pass"}, 2, nil, nil, "bad -run pattern"},
		{"no paths", nil, 2, nil, nil, "usage: openline scenario test"},
		{"unknown flag", []string{"-x", td + "pass"}, 2, nil, nil, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runScenarioTestCmd(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, out, errOut)
			}
			for _, re := range tt.stdout {
				if !regexp.MustCompile(re).MatchString(out) {
					t.Errorf("stdout does not match %q:\n%s", re, out)
				}
			}
			for _, re := range tt.notOut {
				if regexp.MustCompile(re).MatchString(out) {
					t.Errorf("stdout matches %q:\n%s", re, out)
				}
			}
			if tt.stderrRE != "" && !strings.Contains(errOut, tt.stderrRE) {
				t.Errorf("stderr %q lacks %q", errOut, tt.stderrRE)
			}
		})
	}
}
