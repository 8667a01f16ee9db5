package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

func TestThirdLanguage(t *testing.T) {
	for _, c := range []struct {
		lang openline.Language
		text string
		want bool
	}{
		{openline.German, "Bonjour, est-ce que je pourrais parler au responsable, s'il vous plaît ?", true},
		{openline.German, "Merhaba, nasılsınız? Size bir teklifim var, biraz vaktiniz var mı?", true},
		{openline.English, "Hola, buenos días, ¿puedo hablar con el señor Fletcher, por favor?", true},
		{openline.English, "Buongiorno, vorrei parlare con il signore, per favore.", true},
		{openline.German, "Goedemorgen, ik wil graag met meneer spreken.", true},
		{openline.German, "Dzień dobry, czy mogę rozmawiać z panem?", true},
		{openline.German, "Guten Tag, hier ist Anna Berg, ich rufe wegen der Betriebsrente an.", false},
		{openline.German, "Das ist ja très chic, aber was kostet das für uns?", false},
		{openline.English, "Hello, this is Sam from RouteDesk, is now a good moment?", false},
		{openline.English, "We had a bit of a déjà vu with the last supplier, to be honest.", false},
		{openline.German, "Wir haben nie gesagt, dass es zu teuer ist.", false},
	} {
		if got := ThirdLanguage(c.lang, c.text); got != c.want {
			t.Errorf("ThirdLanguage(%s, %q) = %v, want %v", c.lang, c.text, got, c.want)
		}
	}
}
