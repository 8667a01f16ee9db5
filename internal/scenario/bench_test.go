package scenario

import (
	"os"
	"strings"
	"testing"
)

func BenchmarkParseComplete(b *testing.B) {
	data, err := os.ReadFile("testdata/good/complete.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("complete.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseUnknownKeys measures the worst case of suggestions: a file
// of nearly 1 MiB of unknown keys.
func BenchmarkParseUnknownKeys(b *testing.B) {
	data := []byte(strings.Repeat("abcdefghijklmnopqrstuvwxyz0123456789: 1\n", MaxFileSize/41))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("keys.yaml", data); err == nil {
			b.Fatal("no error")
		}
	}
}

// BenchmarkEditForm measures one form edit of the largest shipped
// scenario: three YAML reads, two writes and the alignment of its lines.
func BenchmarkEditForm(b *testing.B) {
	data, err := os.ReadFile("../../scenarios/herr-b-handwerker.yaml")
	if err != nil {
		b.Fatal(err)
	}
	edits := []FormEdit{set("needs", 1, "id", "azubis")}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := EditForm(data, edits); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEditFormLarge measures a form edit of the largest file the form
// edits (MaxFormText).
func BenchmarkEditFormLarge(b *testing.B) {
	var s strings.Builder
	s.WriteString("id: big\npersona:\n  name: X\n  facts:\n")
	for s.Len() < MaxFormText-50 {
		s.WriteString("    - key: k\n      about: [a]\n      say: [\"b\"]\n")
	}
	data := []byte(s.String())
	edits := []FormEdit{set("persona", 0, "name", "Y")}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := EditForm(data, edits); err != nil {
			b.Fatal(err)
		}
	}
}
