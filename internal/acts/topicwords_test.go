package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestAboutWords pins when a question names a fact by its content words
// rather than one of its names, and the questions sharing a word with a
// fact that must name none.
func TestAboutWords(t *testing.T) {
	de, en := openline.German, openline.English
	shops := NewTopics([][]string{
		{"wie viele läden", "wo sind ihre läden", "welche läden"},
		{"wie viele mitarbeiter", "wie groß ist ihr team"},
		{"wo sitzen sie", "wo ist ihr betrieb"},
		{"wie alt ist der betrieb", "seit wann gibt es"},
	})
	school := NewTopics([][]string{
		{"how many pupils", "how many children", "how big is the school"},
		{"where is the workshop", "which part of leeds"},
		{"what do you translate", "what does your company do"},
		{"how many staff", "how big is your team"},
	})
	for _, tc := range []struct {
		lang   openline.Language
		topics Topics
		text   string
		want   int
	}{
		{de, shops, "Wo haben Sie Ihre Läden überall?", 0},
		{de, shops, "Wie viele Leute hat Ihr Team in den Läden?", -1}, // Leute: no fact's noun
		{de, shops, "Und wie groß ist Ihr Team inzwischen?", 1},
		{de, shops, "Wo fahren Sie hin?", -1},                // a verb names no thing
		{de, shops, "Wann wurde der Betrieb gegründet?", -1}, // Betrieb is in two facts
		{en, school, "How many children go to the school?", 0},
		{en, school, "Where exactly is your workshop?", 1},
		{en, school, "Which radio station is on in the workshop?", -1}, // workshop is a "where" fact
		{en, school, "Which software do you translate in?", -1},
		{en, school, "What do you think of machine translation?", -1},
		{en, school, "Do you have children yourself?", -1}, // no question word
		{en, school, "How many staff have you got?", 3},
		{en, school, "How many staff work at the school?", 3}, // the first noun is what it asks about
		{en, school, "What van do your reps drive?", -1},      // about a van, not the reps
		{en, school, "", -1},
	} {
		if got := tc.topics.AboutWords(tc.lang, tc.text); got != tc.want {
			t.Errorf("AboutWords(%s, %q) = %d, want %d", tc.lang, tc.text, got, tc.want)
		}
	}
}

// A "how" that asks how something is done names no count fact by the
// noun after it: "How do your reps keep track?" is not "how many reps".
func TestAboutWordsHowIsNoCount(t *testing.T) {
	ts := NewTopics([][]string{{"how many reps", "how big is your team"}})
	if got := ts.AboutWords(openline.English, "How do your reps keep track of their customers?"); got != -1 {
		t.Errorf("AboutWords(how do your reps …) = %d, want -1", got)
	}
	if got := ts.AboutWords(openline.English, "How many reps are out on the road?"); got != 0 {
		t.Errorf("AboutWords(how many reps …) = %d, want 0", got)
	}
}
