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
		// A message or a call of the caller's spoken of, not passed on.
		{passOn, de, "Ich hatte ihm letzte Woche eine Nachricht geschickt, ist die angekommen?", false},
		{passOn, en, "Did he get the email that I rang about?", false},
		{passOn, en, "I left a voicemail that I called on Monday, did it come through?", false},
		{passOn, de, "Haben Sie eine Nachricht von mir bekommen?", false},
		{passOn, de, "Könnten Sie ihm sagen, dass ich angerufen habe?", true},
		{passOn, en, "Could you give her a message from me?", true},
		{passOn, en, "Would you let them know I rang?", true},
		{passOn, en, "Is Mrs Okafor in today?", false},
	} {
		if got := tt.read(tt.lang, tt.say); got != tt.want {
			t.Errorf("%q: got %v, want %v", tt.say, got, tt.want)
		}
	}
}
