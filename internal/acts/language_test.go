package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// A turn in the other language is foreign by its frequent words, also a
// short question whose words are no article or pronoun; a borrowed phrase
// is not.
func TestForeign(t *testing.T) {
	de, en := openline.German, openline.English
	for _, tt := range []struct {
		lang openline.Language
		say  string
		want bool
	}{
		{en, "Entschuldigung, wer macht das bei Ihnen eigentlich?", true},
		{de, "Sorry, who should I really be talking to there?", true},
		{de, "Das ist ein echter No-Brainer für Sie.", false},
		{en, "What do you do there, really?", false},
	} {
		if got := Foreign(tt.lang, tt.say); got != tt.want {
			t.Errorf("Foreign(%s, %q) = %v, want %v", tt.lang, tt.say, got, tt.want)
		}
	}
}
