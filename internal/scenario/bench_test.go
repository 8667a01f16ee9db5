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
