package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadSets(t *testing.T) {
	tests := []struct {
		name, in string
		want     map[string]string
		wantErr  string
	}{
		{"comments and blanks", "# head\n\n1 a\n5  f5-b \n", map[string]string{"a": "1", "f5-b": "5"}, ""},
		{"no name", "1\n", nil, "line 1"},
		{"twice", "1 a\n2 a\n", nil, "a listed twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readSets(strings.NewReader(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s: got set %q, want %q", k, got[k], v)
				}
			}
		})
	}
}

// TestSetsNameExistingFiles: every name in the set list is a file of the
// corpus, so a renamed file cannot silently drop out of its set.
func TestSetsNameExistingFiles(t *testing.T) {
	root := filepath.Join("..", "..")
	f, err := os.Open(filepath.Join(root, setsFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sets, err := readSets(f)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]bool{}
	for _, d := range corpusDirs {
		paths, err := filepath.Glob(filepath.Join(root, "internal/score/testdata", d.dir, "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			files[strings.TrimSuffix(filepath.Base(p), ".json")] = true
		}
	}
	for name := range sets {
		if !files[name] {
			t.Errorf("%s lists %s, which is no file of the corpus", setsFile, name)
		}
	}
}
