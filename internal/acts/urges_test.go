package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestUrgesPastPutOff pins urging past a put-off as pressure (urges.go):
// to a gatekeeper who says the person is away, asks what it is about or
// offers a message, and to a prospect without time. The examples were
// written for this test.
func TestUrgesPastPutOff(t *testing.T) {
	for _, tc := range []struct {
		lang           openline.Language
		prospect, text string
		pressure       bool
	}{
		{openline.English, "He's in meetings all day. What's it regarding?", "It's really important, I only need two minutes.", true},
		{openline.English, "She's not available right now, can I take a message?", "It's urgent. Just two minutes with her, honestly.", true},
		{openline.English, "I'm busy, what is it?", "It won't take long, promise.", true},
		{openline.German, "Der ist gerade in einer Besprechung. Worum geht es denn?", "Es ist wirklich wichtig, ich brauche nur zwei Minuten.", true},
		{openline.German, "Frau Demir ist nicht zu sprechen. Kann ich etwas ausrichten?", "Es eilt, es dauert wirklich nur kurz.", true},
		// Saying what it is about answers them.
		{openline.English, "He's in meetings all day. What's it regarding?", "It's about the invoice he queried, it won't take long.", false},
		{openline.German, "Der ist gerade in einer Besprechung. Worum geht es denn?", "Es geht um seine Anfrage zur Schulung, dauert nur kurz.", false},
		// Caring for them urges nothing; nor does brevity nobody asked to pass.
		{openline.English, "Sorry, I've no time, my daughter is ill.", "Of course. It's important you look after her.", false},
		{openline.English, "Hello, Lena speaking.", "Hi Lena, it'll only take a minute of your time, is now okay?", false},
		// A chance they are said to throw away is loss put to them.
		{openline.German, "Nee, das ist nichts für uns.", "Ich muss Ihnen ehrlich sagen, dass Sie da eine Chance für Ihre Mitglieder verschenken.", true},
		{openline.English, "No, that's not for us.", "Honestly, you're throwing away a real opportunity for your members.", true},
		// How much longer they can bear it, asked: loss, rhetorically.
		{openline.English, "Half of them are over fifty-five.", "How many more months can you really leave it?", true},
		{openline.German, "Die Hälfte ist über fünfundfünfzig.", "Wie viele Monate wollen Sie das denn noch laufen lassen?", true},
	} {
		got := Read(call(tc.lang, true, "Hello?", "Hi, this is Tom from Brightline.", tc.prospect, tc.text), nil).Turns[3]
		if got.Has(openline.ActPressure) != tc.pressure {
			t.Errorf("%q after %q: acts %v, want pressure %t", tc.text, tc.prospect, got.Acts, tc.pressure)
		}
	}
}
