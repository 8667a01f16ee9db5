package score

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenScenario is the scenario of the golden transcripts that name one,
// kept as JSON of openline.Scenario so the test does not depend on the YAML
// loader.
func goldenScenario(t *testing.T) *openline.Scenario {
	t.Helper()
	return readScenario(t, "testdata/scenario.json")
}

// goldenScenarios are the scenarios the transcripts in testdata may name, by
// id: goldenScenario and the snapshots in testdata/scenarios of shipped
// scenarios (their id, direction, persona name, needs and weights, frozen so
// that a trainer's later edit of the YAML does not move these goldens).
func goldenScenarios(t *testing.T) map[string]*openline.Scenario {
	t.Helper()
	byID := map[string]*openline.Scenario{}
	files, err := filepath.Glob("testdata/scenarios/*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range append(files, "testdata/scenario.json") {
		sc := readScenario(t, f)
		byID[sc.ID] = sc
	}
	return byID
}

func readScenario(t *testing.T, path string) *openline.Scenario {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var sc openline.Scenario
	if err := json.Unmarshal(data, &sc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &sc
}

// transcriptScenario returns the scenario a transcript in
// testdata/transcripts names, or nil (pairs are scored without one).
func transcriptScenario(t *testing.T, path string, scenarios map[string]*openline.Scenario) *openline.Scenario {
	t.Helper()
	if !strings.Contains(path, "transcripts") {
		return nil
	}
	var head struct {
		Scenario string `json:"scenario"`
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &head); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return scenarios[head.Scenario]
}

// transcriptFiles lists every transcript in testdata.
func transcriptFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"testdata/pairs/*.json", "testdata/transcripts/*.json"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no transcripts in testdata")
	}
	return files
}

// TestGolden compares whole scorecards, as JSON and as text, with the files
// in testdata/golden; go test -update rewrites them.
func TestGolden(t *testing.T) {
	scenarios := goldenScenarios(t)
	for _, path := range transcriptFiles(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(name, func(t *testing.T) {
			transcript, card := scoreFile(t, path, transcriptScenario(t, path, scenarios))
			js, err := json.MarshalIndent(card, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			var text bytes.Buffer
			if err := Text(&text, card, transcript); err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(text.Bytes(), []byte("%!")) {
				t.Errorf("text scorecard has a formatting error:\n%s", text.Bytes())
			}
			golden(t, filepath.Join("testdata/golden", name+".json"), append(js, '\n'))
			golden(t, filepath.Join("testdata/golden", name+".txt"), text.Bytes())
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (go test ./internal/score -args -update rewrites it; scorecards change with the tagger):\n%s", path, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n  want %q\n  got  %q", i+1, a, b)
		}
	}
	return "(no line differs)"
}

// TestEvidenceQuotesAreSubstrings checks on every transcript in testdata
// that each quote is an exact substring of the trainee turn it names.
func TestEvidenceQuotesAreSubstrings(t *testing.T) {
	sc := goldenScenario(t)
	scenarios := goldenScenarios(t)
	for _, path := range transcriptFiles(t) {
		for _, scenario := range []*openline.Scenario{nil, sc, transcriptScenario(t, path, scenarios)} {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			transcript, err := DecodeTranscript(f)
			f.Close()
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if scenario != nil && transcript.Language != scenario.Language {
				continue
			}
			card, err := Score(transcript, scenario)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if len(card.Evidence) == 0 {
				t.Errorf("%s: no evidence", path)
			}
			for _, e := range card.Evidence {
				if e.Turn < 0 || e.Turn >= len(transcript.Turns) || !strings.Contains(transcript.Turns[e.Turn].Text, e.Quote) || e.Quote == "" {
					t.Errorf("%s: quote %q is not in turn %d", path, e.Quote, e.Turn)
				}
			}
		}
	}
}

func TestScoreIsDeterministic(t *testing.T) {
	for _, path := range transcriptFiles(t) {
		_, a := scoreFile(t, path, nil)
		_, b := scoreFile(t, path, nil)
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if !bytes.Equal(ja, jb) {
			t.Errorf("%s: two runs differ", path)
		}
	}
}

func TestScoreRejects(t *testing.T) {
	ok := openline.Transcript{Language: openline.German, Turns: []openline.Turn{{Speaker: openline.Trainee, Text: "Hallo"}}}
	tests := []struct {
		name string
		tr   openline.Transcript
		sc   *openline.Scenario
		want string
	}{
		{"bad language", openline.Transcript{Language: "fr", Turns: ok.Turns}, nil, `unsupported language "fr"`},
		{"bad speaker", openline.Transcript{Language: openline.German, Turns: []openline.Turn{{Speaker: "bot", Text: "x"}}}, nil, `turn 0: unknown speaker "bot"`},
		{"scenario in another language", ok, &openline.Scenario{ID: "x", Language: openline.English}, `scenario x is in "en"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Score(tt.tr, tt.sc)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}
