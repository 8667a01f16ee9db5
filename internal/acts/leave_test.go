package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// Offering to leave them alone is read in both languages; asking to come
// back is not.
func TestOffersToLeave(t *testing.T) {
	de, en := openline.German, openline.English
	for _, tt := range []struct {
		lang openline.Language
		say  string
		want bool
	}{
		{en, "Shall I just take you off our list, then?", true},
		{en, "I'll leave you in peace, is that all right?", true},
		{de, "Soll ich Sie dann von der Liste nehmen und Sie in Ruhe lassen?", true},
		{de, "Darf ich Sie im Frühjahr noch einmal anrufen?", false},
		{en, "Could I call you again next week?", false},
	} {
		if got := OffersToLeave(tt.lang, tt.say); got != tt.want {
			t.Errorf("OffersToLeave(%q) = %v, want %v", tt.say, got, tt.want)
		}
	}
}
