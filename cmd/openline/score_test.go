package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// runScoreCmd runs `openline score args...` in-process.
func runScoreCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runMain(t, stdin, nil, append([]string{"score"}, args...)...)
}

const scoreTranscript = `{"language": "de", "turns": [
  {"speaker": "prospect", "text": "Bauer, guten Tag?"},
  {"speaker": "trainee", "text": "Guten Tag Herr Bauer, hier ist Lena Vogt. Passt es Ihnen gerade?"},
  {"speaker": "prospect", "text": "Ja. Worum geht's?"},
  {"speaker": "trainee", "text": "Was beschäftigt Sie in Ihrem Betrieb gerade am meisten?"}
]}`

func TestScoreCommand(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "call.json")
	if err := os.WriteFile(file, []byte(scoreTranscript), 0o644); err != nil {
		t.Fatal(err)
	}
	withScenario := filepath.Join(dir, "named.json")
	if err := os.WriteFile(withScenario, []byte(strings.Replace(scoreTranscript, `"language": "de",`, `"language": "de", "scenario": "herr-b-handwerker",`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	unknown := filepath.Join(dir, "unknown.json")
	if err := os.WriteFile(unknown, []byte(strings.Replace(scoreTranscript, `"language": "de",`, `"language": "de", "scenario": "no-such-scenario",`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	scDir := filepath.Join(dir, "scenarios")
	yaml, err := os.ReadFile("../../scenarios/herr-b-handwerker.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(scDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(scDir, "herr-b.yaml"), yaml, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		stdin      string
		args       []string
		wantCode   int
		wantOut    string
		wantErrOut string
	}{
		{"json from a file", "", []string{file}, 0, `"openness":`, ""},
		{"json from stdin", scoreTranscript, []string{"-"}, 0, `"curiosity":`, ""},
		{"text", "", []string{"--format", "text", file}, 0, "Offenheit", ""},
		{"flags after the file", "", []string{file, "--format", "text"}, 0, "Neugier", ""},
		{"shipped scenario", "", []string{withScenario}, 0, `"needs_total"`, ""},
		{"unknown scenario", "", []string{unknown}, 1, "", `scenario "no-such-scenario", which is not among the shipped scenarios`},
		{"scenario from a folder", "", []string{"--scenarios", scDir, withScenario}, 0, `"scenario": "herr-b-handwerker"`, ""},
		{"unknown scenario in a folder", "", []string{"--scenarios", scDir, unknown}, 1, "", "which is not among " + scDir},
		{"folder without scenarios", "", []string{"--scenarios", t.TempDir(), unknown}, 1, "", "load scenarios from"},
		{"invalid json", `{"language": "de",` + "\n" + `"turns": [}`, []string{"-"}, 1, "", "stdin: 2:11: invalid character '}'"},
		{"unknown speaker", `{"language":"en","turns":[{"speaker":"trainee","text":"a"},{"speaker":"bot","text":"b"}]}`, []string{"-"}, 1, "", `turn 1: unknown speaker "bot"`},
		{"missing file", "", []string{filepath.Join(dir, "nope.json")}, 1, "", "no such file"},
		{"no file", "", nil, 2, "", "usage: openline score"},
		{"two files", "", []string{file, file}, 2, "", "openline score: give one transcript file, not 2\nusage: openline score"},
		{"bad format", "", []string{"--format", "xml", file}, 2, "", "openline score: --format must be json or text, not \"xml\"\nusage: openline score"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runScoreCmd(t, tt.stdin, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit code: got %d, want %d (stderr %q)", code, tt.wantCode, errOut)
			}
			if !strings.Contains(out, tt.wantOut) {
				t.Errorf("stdout: got %q, want it to contain %q", out, tt.wantOut)
			}
			if !strings.Contains(errOut, tt.wantErrOut) {
				t.Errorf("stderr: got %q, want it to contain %q", errOut, tt.wantErrOut)
			}
		})
	}
}

func TestScoreCommandJSONIsAScorecard(t *testing.T) {
	code, out, errOut := runScoreCmd(t, scoreTranscript, "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var card openline.Scorecard
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&card); err != nil {
		t.Fatal(err)
	}
	if len(card.Turns) != 4 || card.Language != openline.German || len(card.Tips) == 0 {
		t.Errorf("got %+v", card)
	}
}
