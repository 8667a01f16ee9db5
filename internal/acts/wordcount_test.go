package acts

import (
	"strings"
	"testing"
)

// TestWordCount holds WordCount to len(strings.Fields), on ASCII, on
// letters and spaces beyond it, and on invalid UTF-8.
func TestWordCount(t *testing.T) {
	for _, s := range []string{"", " ", "eins", " zwei  Wörter ", "Grüße,\tund\nmehr", "a\u00a0b", "a\u2003b\u3000c", "\xff\xfe x", "„kein Interesse“ – echt?", "x\u0085y", "  \v\f\r "} {
		if got, want := WordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("WordCount(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzWordCount(f *testing.F) {
	f.Add("Grüße, und\u00a0mehr \xff")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := WordCount(s), len(strings.Fields(s)); got != want {
			t.Fatalf("WordCount(%q) = %d, want %d", s, got, want)
		}
	})
}
