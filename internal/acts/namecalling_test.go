package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

func TestCallsNames(t *testing.T) {
	for _, c := range []struct {
		lang openline.Language
		text string
		want bool
	}{
		{openline.German, "Sie sind ja eine richtige Bürokratin.", true},
		{openline.German, "Sie Erbsenzähler!", true},
		{openline.German, "Sind Sie immer so ein Paragraphenreiter?", true},
		{openline.German, "Du bist echt ein Dinosaurier.", true},
		{openline.German, "Die Bürokraten in Berlin machen es Ihnen schwer.", false},
		{openline.German, "Fragen Sie mal die Bürokraten im Amt.", false},
		{openline.German, "Sie sind doch kein Bürokrat, das merkt man.", false},
		{openline.German, "Bürokratie ist für viele Betriebe ein Thema.", false},
		{openline.English, "You're such a jobsworth.", true},
		{openline.English, "You are a real bureaucrat, aren't you?", true},
		{openline.English, "Stop being a dinosaur, you dinosaur.", true},
		{openline.English, "The bureaucrats at the council never listen.", false},
		{openline.English, "You're not a bureaucrat, I can tell.", false},
		{openline.English, "Do you deal with a lot of bureaucracy?", false},
	} {
		if got := callsNames(c.lang, c.text); got != c.want {
			t.Errorf("callsNames(%s, %q) = %v, want %v", c.lang, c.text, got, c.want)
		}
	}
}

func FuzzCallsNames(f *testing.F) {
	f.Add("Sie sind ja eine richtige Bürokratin.")
	f.Add("you bureaucrat")
	f.Fuzz(func(t *testing.T, s string) {
		callsNames(openline.German, s)
		callsNames(openline.English, s)
	})
}

func TestAsksForStory(t *testing.T) {
	for _, c := range []struct {
		lang openline.Language
		text string
		want bool
	}{
		{openline.German, "Welche Erfahrungen haben Sie mit Agenturen gemacht?", true},
		{openline.German, "Was ist da passiert?", true},
		{openline.German, "Welche Software nutzen Sie?", false},
		{openline.English, "What's your experience with agencies been?", true},
		{openline.English, "What happened with the last system?", true},
		{openline.English, "Which CRM do you use?", false},
	} {
		if got := asksForStory(c.lang, c.text); got != c.want {
			t.Errorf("asksForStory(%s, %q) = %v, want %v", c.lang, c.text, got, c.want)
		}
	}
}
