package scenario

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/openline/openline/internal/openline"
)

// minimal returns a valid scenario file with the given id.
func minimal(id string) string {
	return `id: ` + id + `
language: en
title: A title
difficulty: easy
direction: outbound
brief: A brief.
persona: {name: Ms. A, opening: ["Hello?"]}
dialogue: {start: hello, states: {hello: {}}}
`
}

// TestGoodFile checks every decoded field of the complete test file
// against its golden JSON, and the fields JSON leaves out.
func TestGoodFile(t *testing.T) {
	const file = "testdata/good/complete.yaml"
	sc := mustParseFile(t, file)
	got, err := json.MarshalIndent(sc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := "testdata/good/complete.json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("decoded %s differs from %s:\ngot:\n%s", file, golden, got)
	}
	if sc.Source != file {
		t.Errorf("Source = %q, want %q", sc.Source, file)
	}
	if len(sc.Version) != 16 || strings.Trim(sc.Version, "0123456789abcdef") != "" {
		t.Errorf("Version = %q, want 16 hex digits", sc.Version)
	}
	lines := []int{sc.Tests[0].Line, sc.Tests[0].Turns[0].Line, sc.Tests[1].Line, sc.Tests[1].Turns[3].Line}
	if want := []int{108, 111, 114, 122}; !equalInts(lines, want) {
		t.Errorf("test and turn lines = %v, want %v", lines, want)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestVersion checks that the version follows the bytes of the file.
func TestVersion(t *testing.T) {
	a, err := Parse("a.yaml", []byte(minimal("same")))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("b.yaml", []byte(minimal("same")))
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse("a.yaml", []byte(minimal("same")+"# a comment\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Version != b.Version {
		t.Errorf("same bytes, versions %q and %q", a.Version, b.Version)
	}
	if a.Version == c.Version {
		t.Errorf("different bytes, same version %q", a.Version)
	}
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func errorList(t *testing.T, err error) ErrorList {
	t.Helper()
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v is %T, want ErrorList", err, err)
	}
	return list
}

func ids(scs []*openline.Scenario) string {
	var out []string
	for _, sc := range scs {
		out = append(out, sc.ID)
	}
	return strings.Join(out, ",")
}

func TestLoadPaths(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"b.yaml":         minimal("bravo"),
		"a.yml":          minimal("alpha"),
		"notes.txt":      "not a scenario",
		".#a.yaml":       "editor lock file",
		"sub/c.yaml":     minimal("charlie"),
		"other/dup.yaml": minimal("alpha"),
		"other/d.yaml":   minimal("delta"),
		"big/big.yaml":   minimal("big") + "# " + strings.Repeat("x", MaxFileSize) + "\n",
		"empty/x.txt":    "",
	})
	join := func(p string) string { return filepath.Join(dir, p) }
	tests := []struct {
		name    string
		paths   []string
		wantIDs string
		errs    []string // the whole lines, with dir replaced by DIR
	}{
		{"folder, sorted, not recursive", []string{dir}, "alpha,bravo", nil},
		{"single file", []string{join("sub/c.yaml")}, "charlie", nil},
		{"file and folder", []string{join("sub/c.yaml"), dir}, "charlie,alpha,bravo", nil},
		{
			"duplicate id across files",
			[]string{dir, join("other")},
			"alpha,bravo,delta",
			[]string{`DIR/other/dup.yaml:1:5: duplicate scenario id "alpha": also in DIR/a.yml:1:5`},
		},
		{
			"the same file twice",
			[]string{join("a.yml"), join("a.yml")},
			"alpha",
			[]string{`DIR/a.yml:1:5: duplicate scenario id "alpha": also in DIR/a.yml:1:5`},
		},
		{"missing path", []string{join("nope.yaml")}, "", []string{"DIR/nope.yaml: no such file or folder"}},
		{"folder without scenarios", []string{join("empty")}, "", []string{"DIR/empty: folder holds no scenario files (*.yaml, *.yml)"}},
		{
			"file over 1 MiB",
			[]string{join("big")},
			"",
			[]string{"DIR/big/big.yaml: file is larger than 1048576 bytes (1 MiB), the limit for a scenario file"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			scs, err := LoadPaths(tt.paths...)
			if got := ids(scs); got != tt.wantIDs {
				t.Errorf("ids = %q, want %q", got, tt.wantIDs)
			}
			if tt.errs == nil {
				if err != nil {
					t.Fatalf("unexpected error:\n%v", err)
				}
				return
			}
			got := strings.ReplaceAll(errorList(t, err).Error(), dir, "DIR")
			if want := strings.Join(tt.errs, "\n"); got != want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestLoadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"one.yaml":      {Data: []byte(minimal("one"))},
		"two.yaml":      {Data: []byte(minimal("two"))},
		"again.yaml":    {Data: []byte(minimal("two"))},
		"broken.yaml":   {Data: []byte("id: [\n")},
		"README.md":     {Data: []byte("# not a scenario")},
		"sub/deep.yaml": {Data: []byte(minimal("deep"))},
	}
	scs, err := LoadFS(fsys)
	if got, want := ids(scs), "two,one"; got != want {
		t.Errorf("ids = %q, want %q", got, want)
	}
	want := "broken.yaml:1:1: YAML syntax error: did not find expected node content\n" +
		"two.yaml:1:5: duplicate scenario id \"two\": also in again.yaml:1:5"
	if got := errorList(t, err).Error(); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

func TestParseLimits(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"too large", "#" + strings.Repeat("x", MaxFileSize), "x.yaml: file is 1048577 bytes; a scenario file may be at most 1048576 bytes (1 MiB)"},
		{"not UTF-8", "id: \xff\xfe\n", "x.yaml: file is not valid UTF-8 text"},
		{"only a comment", "# nothing here\n", "x.yaml: file is empty; a scenario file is a YAML mapping with the keys id, language, title, difficulty, direction, brief, persona, gatekeeper, needs, objections, proposals, dialogue, llm_notes, scoring, tests, realism"},
		{"scalar document", "just text\n", "x.yaml:1:1: scenario must be a mapping (key: value lines), got \"just text\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("x.yaml", []byte(tt.data))
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestTooManyErrors checks that a file of nonsense gets a bounded report.
func TestTooManyErrors(t *testing.T) {
	var b strings.Builder
	for i := range 500 {
		b.WriteString("k")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(string(rune('a' + i%26)))
		b.WriteString(strings.Repeat("y", i/26))
		b.WriteString(": 1\n")
	}
	_, err := Parse("x.yaml", []byte(b.String()))
	list := errorList(t, err)
	if len(list) != maxErrors+1 {
		t.Errorf("%d errors, want %d", len(list), maxErrors+1)
	}
	if got, want := list[0].Error(), "x.yaml: too many errors; stopped after 100"; got != want {
		t.Errorf("first error = %q, want %q", got, want)
	}
}

func TestSuggest(t *testing.T) {
	allowed := []string{"name", "opening", "patience", "interest", "earned_by", "reply_contains"}
	tests := []struct{ got, want string }{
		{"patiense", ` (did you mean "patience"?)`},
		{"Patience", ` (did you mean "patience"?)`},
		{"naem", ` (did you mean "name"?)`},
		{"earnedby", ` (did you mean "earned_by"?)`},
		{"replycontains", ` (did you mean "reply_contains"?)`},
		{"mood", ""},
		{"", ""},
		{strings.Repeat("x", 10000), ""},
	}
	for _, tt := range tests {
		if got := suggest(tt.got, allowed).String(); got != tt.want {
			t.Errorf("suggest(%.20q) = %q, want %q", tt.got, got, tt.want)
		}
	}
}

func TestErrorFormat(t *testing.T) {
	list := ErrorList{
		{File: "b.yaml", Line: 2, Col: 1, Msg: "second file"},
		{File: "a.yaml", Line: 10, Col: 3, Msg: "later line"},
		{File: "a.yaml", Line: 2, Col: 7, Msg: "same line, later column"},
		{File: "a.yaml", Line: 2, Col: 5, Msg: "first"},
		{File: "a.yaml", Msg: "whole file"},
	}
	want := "a.yaml: whole file\na.yaml:2:5: first\na.yaml:2:7: same line, later column\na.yaml:10:3: later line\nb.yaml:2:1: second file"
	if got := list.err().Error(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if ErrorList(nil).err() != nil {
		t.Error("empty list gives a non-nil error")
	}
}
