package scenario

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

var update = flag.Bool("update", false, "rewrite the .golden files of testdata/bad")

// TestBadFiles parses every file in testdata/bad and compares the whole error
// output with the file's .golden twin.
func TestBadFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no files in testdata/bad")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sc, err := Parse(file, data)
			if err == nil {
				t.Fatalf("Parse(%s) = %q, nil; want errors", file, sc.ID)
			}
			if sc != nil {
				t.Errorf("Parse returned a scenario along with errors")
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error is %T, want ErrorList", err)
			}
			got := err.Error() + "\n"
			golden := strings.TrimSuffix(file, ".yaml") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("errors of %s differ from %s:\ngot:\n%s\nwant:\n%s", file, golden, got, want)
			}
		})
	}
}

// mustParseFile parses a file that must be valid.
func mustParseFile(t *testing.T, file string) *openline.Scenario {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := Parse(file, data)
	if err != nil {
		t.Fatalf("Parse(%s):\n%v", file, err)
	}
	return sc
}
