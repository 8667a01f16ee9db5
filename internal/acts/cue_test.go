package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestCues pins that each act carries the words it came from, so that a
// scorecard can quote the point rather than the whole sentence; an act
// read from the sentence's shape quotes the sentence.
func TestCues(t *testing.T) {
	tests := []struct {
		lang openline.Language
		text string
		act  openline.Act
		want string
	}{
		{openline.German, "Guten Tag Herr Wegener, das Angebot gilt nur heute.", openline.ActPressure, "Angebot gilt nur"},
		{openline.German, "Guten Tag Herr Wegener, das Angebot gilt nur heute.", openline.ActGreeting, "Guten Tag"},
		{openline.English, "I totally get that. Our software cuts your admin in half.", openline.ActPitch, "Our software"},
		{openline.English, "Before we go on: it sounds like you're stretched thin.", openline.ActReflection, "it sounds like"},
		{openline.German, "Was beschäftigt Sie gerade am meisten?", openline.ActOpenQuestion, "Was beschäftigt Sie gerade am meisten?"},
		{openline.English, "Jeder Monat ohne Lösung kostet Sie bares Geld.", openline.ActPressure, "Jeder Monat ohne Lösung kostet Sie bares Geld."},
	}
	for _, tt := range tests {
		r := Trainee(tt.lang, tt.text, Context{Prospect: "Ja?"})
		found := false
		for _, s := range r.Sentences {
			if start, end, ok := s.Cue(tt.act); ok {
				found = true
				if got := tt.text[start:end]; got != tt.want {
					t.Errorf("%q: cue of %s %q, want %q", tt.text, tt.act, got, tt.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no %s (acts %v)", tt.text, tt.act, r.Acts)
		}
	}
}
