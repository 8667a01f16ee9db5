package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCheck runs `openline scenario check args…` in-process and returns its
// exit code and output.
func runCheck(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runMain(t, "", nil, append([]string{"scenario", "check"}, args...)...)
}

const checkScenario = `id: %s
language: de
title: Ein Titel
difficulty: medium
direction: outbound
brief: Ein Brief.
persona: {name: Herr A., opening: ["A.?"]}
dialogue: {start: hallo, states: {hallo: {}}}
`

func TestScenarioCheck(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("good/a.yaml", strings.Replace(checkScenario, "%s", "alpha", 1))
	write("good/b.yml", strings.Replace(checkScenario, "%s", "bravo", 1))
	write("dup/a.yaml", strings.Replace(checkScenario, "%s", "alpha", 1))
	write("bad/x.yaml", strings.Replace(checkScenario, "%s", "x-ray", 1)+"patience: many\n")
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string // DIR stands for the temporary folder
		wantStderr string // a part of stderr
	}{
		{
			name:       "valid folder",
			args:       []string{filepath.Join(dir, "good")},
			wantStdout: "ok  DIR/good/a.yaml (alpha, de, medium)\nok  DIR/good/b.yml (bravo, de, medium)\n",
		},
		{
			name:     "errors, and ok for the valid files",
			args:     []string{filepath.Join(dir, "good"), filepath.Join(dir, "bad", "x.yaml"), filepath.Join(dir, "dup")},
			wantCode: 1,
			wantStdout: "DIR/bad/x.yaml:9:1: unknown key \"patience\" in scenario; allowed: id, language, title, difficulty, direction, brief, persona, gatekeeper, needs, objections, proposals, dialogue, llm_notes, scoring, tests, realism\n" +
				"DIR/dup/a.yaml:1:5: duplicate scenario id \"alpha\": also in DIR/good/a.yaml:1:5\n" +
				"ok  DIR/good/a.yaml (alpha, de, medium)\nok  DIR/good/b.yml (bravo, de, medium)\n",
			wantStderr: "2 errors in 2 files",
		},
		{
			name: "missing path", args: []string{filepath.Join(dir, "nope")}, wantCode: 1,
			wantStdout: "DIR/nope: no such file or folder\n", wantStderr: "1 error in 1 file",
		},
		{name: "no paths", wantCode: 2, wantStderr: "usage: openline scenario check PATH..."},
		{name: "unknown flag", args: []string{"-x", dir}, wantCode: 2, wantStderr: "flag provided but not defined: -x"},
		{name: "help", args: []string{"-h"}, wantStderr: "usage: openline scenario check PATH..."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCheck(t, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d (stderr %q)", code, tt.wantCode, stderr)
			}
			if got := strings.ReplaceAll(stdout, dir, "DIR"); got != tt.wantStdout {
				t.Errorf("stdout:\n%s\nwant:\n%s", got, tt.wantStdout)
			}
			if !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, tt.wantStderr)
			}
		})
	}
}

// TestScenarioCheckShipped runs the check over the repository's scenarios,
// as `make test` does.
func TestScenarioCheckShipped(t *testing.T) {
	code, stdout, stderr := runCheck(t, "../../scenarios")
	if code != 0 {
		t.Fatalf("openline scenario check scenarios/ = %d:\n%s%s", code, stdout, stderr)
	}
	if !strings.HasPrefix(stdout, "ok  ../../scenarios/") {
		t.Errorf("stdout = %q, want ok lines", stdout)
	}
}
