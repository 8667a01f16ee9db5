package scenariotest

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/scenario"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// times matches the durations in a report, which vary from run to run.
var times = regexp.MustCompile(`\(\d+\.\d\ds\)|\t\d+\.\d{3}s`)

func mustLoad(t *testing.T, paths ...string) []*openline.Scenario {
	t.Helper()
	scs, err := scenario.LoadPaths(paths...)
	if err != nil {
		t.Fatalf("load %v: %v", paths, err)
	}
	return scs
}

func TestRun(t *testing.T) {
	tests := []struct {
		name         string
		paths        []string
		opt          Options
		pass, failed int
	}{
		{"passing verbose", []string{"testdata/pass"}, Options{Verbose: true}, 5, 0},
		{"passing quiet", []string{"testdata/pass"}, Options{}, 5, 0},
		{"failing", []string{"testdata/pass", "testdata/fail"}, Options{}, 6, 3},
		{"failing verbose", []string{"testdata/fail"}, Options{Verbose: true}, 1, 3},
		{"run selects", []string{"testdata/pass", "testdata/fail"}, Options{Verbose: true, Run: regexp.MustCompile(`/(pushy|call over)`)}, 1, 1},
		{"run selects none", []string{"testdata/pass"}, Options{Run: regexp.MustCompile(`^nothing$`)}, 0, 0},
		{"no tests", []string{"testdata/notests"}, Options{}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			res, err := Run(context.Background(), &out, mustLoad(t, tt.paths...), tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if res.Passed != tt.pass || res.Failed != tt.failed {
				t.Errorf("got %d passed, %d failed; want %d, %d\n%s", res.Passed, res.Failed, tt.pass, tt.failed, out.String())
			}
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			if last, want := lines[len(lines)-1], regexp.MustCompile(`^\d+ passed, \d+ failed$`); !want.MatchString(last) {
				t.Errorf("last line %q, want %q", last, want)
			}
			golden(t, strings.ReplaceAll(tt.name, " ", "_")+".golden", times.ReplaceAllStringFunc(out.String(), func(s string) string {
				if strings.HasPrefix(s, "(") {
					return "(X.XXs)"
				}
				return "\tX.XXXs"
			}))
		})
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, &bytes.Buffer{}, mustLoad(t, "testdata/pass"), Options{}); err == nil {
		t.Error("a cancelled run reported no error")
	}
}

// golden compares got with testdata/golden/name, or rewrites it with
// -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	file := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("report differs from %s (run with -update to accept):\n--- got\n%s--- want\n%s", file, got, want)
	}
}
