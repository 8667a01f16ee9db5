package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// Offering to leave them alone and asking to pass a message on are read
// in both languages; asking to come back or for the boss are neither.
func TestLeaveAndPassOn(t *testing.T) {
	de, en := openline.German, openline.English
	leave, passOn := OffersToLeave, AsksToPassOn
	for _, tt := range []struct {
		read func(openline.Language, string) bool
		lang openline.Language
		say  string
		want bool
	}{
		{leave, en, "Shall I just take you off our list, then?", true},
		{leave, en, "I'll leave you in peace, is that all right?", true},
		{leave, de, "Soll ich Sie dann von der Liste nehmen und Sie in Ruhe lassen?", true},
		{leave, de, "Darf ich Sie im Frühjahr noch einmal anrufen?", false},
		{leave, en, "Could I call you again next week?", false},
		{leave, de, "Welche Produkte von der Liste interessieren Sie am meisten?", false},
		{leave, en, "Which of the items off the list did you order last year?", false},
		{passOn, de, "Können Sie ihr ausrichten, dass ich angerufen habe?", true},
		{passOn, en, "Could you pass on that I called about the boilers?", true},
		{passOn, de, "Kann ich bitte Herrn Hartmann sprechen?", false},
		{passOn, en, "Is Mrs Okafor in today?", false},
	} {
		if got := tt.read(tt.lang, tt.say); got != tt.want {
			t.Errorf("%q: got %v, want %v", tt.say, got, tt.want)
		}
	}
}
