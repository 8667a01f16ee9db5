package auth

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/openline/openline/internal/openline"
)

func TestValidName(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"anna", true},
		{"Anna Müller", true},
		{"jürgen.schmidt", true},
		{"Zoë_O-Neil", true},
		{"trainer2", true},
		{"Łukasz", true},
		{"a", true},
		{strings.Repeat("ä", MaxNameChars), true},
		{"", false},
		{strings.Repeat("a", MaxNameChars+1), false},
		{" anna", false},
		{"anna ", false},
		{"anna  müller", false},
		{"anna\tmüller", false},
		{"anna\n", false},
		{"anna@example.org", false},
		{"anna/../bert", false},
		{"<script>", false},
		{"u\u0308ber", false}, // combining diaeresis: write ü precomposed
		{"anna\u200bbert", false},
		{"\xff", false},
	}
	for _, tt := range tests {
		err := ValidName(tt.name)
		if (err == nil) != tt.ok {
			t.Errorf("ValidName(%q) = %v, want ok=%v", tt.name, err, tt.ok)
		}
		if err != nil && !errors.Is(err, ErrInvalidName) {
			t.Errorf("ValidName(%q) = %v, not ErrInvalidName", tt.name, err)
		}
	}
	var oe openline.Error
	if err := ValidName(""); !errors.As(err, &oe) || oe.Code != "invalid_name" {
		t.Errorf("ValidName(\"\") = %v, want the code invalid_name", err)
	}
}

func TestValidPassword(t *testing.T) {
	tests := []struct {
		name string
		pw   string
		ok   bool
	}{
		{"8 characters", "abcdefgh", true},
		{"7 characters", "abcdefg", false},
		{"8 characters in 16 bytes", "ääääääää", true},
		{"7 characters in 14 bytes", "äääääää", false},
		{"spaces count", "  abcd  ", true},
		{"max bytes", strings.Repeat("a", MaxPasswordBytes), true},
		{"one byte too long", strings.Repeat("a", MaxPasswordBytes+1), false},
		{"128 umlauts = 256 bytes", strings.Repeat("ü", 128), true},
		{"129 umlauts = 258 bytes", strings.Repeat("ü", 129), false},
		{"empty", "", false},
		{"invalid UTF-8", "abcdefgh\xff", false},
	}
	for _, tt := range tests {
		err := ValidPassword(tt.pw)
		if (err == nil) != tt.ok {
			t.Errorf("ValidPassword(%s) = %v, want ok=%v", tt.name, err, tt.ok)
		}
		if err != nil && !errors.Is(err, ErrInvalidPassword) {
			t.Errorf("ValidPassword(%s) = %v, not ErrInvalidPassword", tt.name, err)
		}
	}
}

func FuzzValidName(f *testing.F) {
	for _, s := range []string{"anna", "Anna Müller", " anna", "a  b", "u\u0308ber", "\xff", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if ValidName(name) != nil {
			return
		}
		// An accepted name is valid UTF-8, 1 to MaxNameChars characters,
		// trimmed, without control characters or double spaces.
		n := utf8.RuneCountInString(name)
		if !utf8.ValidString(name) || n < 1 || n > MaxNameChars || strings.TrimSpace(name) != name ||
			strings.Contains(name, "  ") || strings.ContainsFunc(name, unicode.IsControl) {
			t.Fatalf("ValidName accepted %q", name)
		}
	})
}
