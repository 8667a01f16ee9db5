package score

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestAnswering scores how the trainee answered an inbound call that rang
// at them, with the real tagger.
func TestAnswering(t *testing.T) {
	inbound := func(lang openline.Language) *openline.Scenario {
		return &openline.Scenario{ID: "x", Language: lang, Direction: openline.Inbound}
	}
	call := func(lang openline.Language, answer string) openline.Transcript {
		caller := map[openline.Language]string{openline.German: "Guten Tag, H. hier, es geht um Ihre Mail.", openline.English: "Hello, Jenny here, it's about your email."}[lang]
		return openline.Transcript{Language: lang, Scenario: "x", Turns: []openline.Turn{
			{Speaker: openline.Trainee, Text: answer},
			{Speaker: openline.Prospect, Text: caller},
		}}
	}
	for _, tc := range []struct {
		name    string
		lang    openline.Language
		answer  string
		want    int
		applies bool
	}{
		{"all four, German", openline.German, "Netzwerk Nord, Anna Keller, guten Tag! Was kann ich für Sie tun?", 100, true},
		{"all four, English", openline.English, "Good morning, Northwind, Sam Taylor speaking. How can I help?", 100, true},
		{"name and company, no greeting, no room", openline.German, "Anna Keller von Netzwerk Nord.", 50, true},
		{"a bare hello", openline.English, "Hello?", 30, true},
		{"a grunt", openline.German, "Ja?", 0, true},
		{"friendly with the name and room, no company", openline.English, "Hi, this is Sam. What can I do for you?", 80, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			card, err := Score(call(tc.lang, tc.answer), inbound(tc.lang))
			if err != nil {
				t.Fatal(err)
			}
			got, applies := partScore(t, card, openline.WeightAnswering)
			if got != tc.want || applies != tc.applies {
				t.Errorf("answering of %q = %d (applies %t), want %d (applies %t)", tc.answer, got, applies, tc.want, tc.applies)
			}
		})
	}
	t.Run("not when the caller spoke first", func(t *testing.T) {
		tr := openline.Transcript{Language: openline.German, Scenario: "x", Turns: []openline.Turn{
			{Speaker: openline.Prospect, Text: "Guten Tag, H. hier."},
			{Speaker: openline.Trainee, Text: "Guten Tag, Anna Keller von Netzwerk Nord."},
		}}
		card, err := Score(tr, inbound(openline.German))
		if err != nil {
			t.Fatal(err)
		}
		if _, applies := partScore(t, card, openline.WeightAnswering); applies {
			t.Error("the answering part applies although the trainee did not pick up")
		}
	})
}
