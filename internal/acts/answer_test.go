package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

func TestAnswerPhone(t *testing.T) {
	for _, c := range []struct {
		lang openline.Language
		text string
		want PhoneAnswer
	}{
		{openline.German, "Netzwerk Nord, Anna Keller, guten Tag! Was kann ich für Sie tun?", PhoneAnswer{Friendly: true, Name: true, Company: true, Invites: true}},
		{openline.German, "Anna Keller von Netzwerk Nord.", PhoneAnswer{Name: true, Company: true}},
		{openline.German, "Ja?", PhoneAnswer{}},
		{openline.German, "Telefonservice Rhein-Main, Sie sprechen mit Jonas Weber, guten Tag.", PhoneAnswer{Friendly: true, Name: true, Company: true}},
		{openline.German, "hallo, hier ist lukas", PhoneAnswer{Friendly: true, Name: true}},
		{openline.English, "Thanks for calling Northwind, Sam Taylor speaking, how can I help?", PhoneAnswer{Friendly: true, Name: true, Company: true, Invites: true}},
		{openline.English, "Northwind.", PhoneAnswer{Company: true}},
	} {
		rd := Read(call(c.lang, false, c.text), nil)
		if got := rd.Turns[0].Answer; got != c.want {
			t.Errorf("%q: %+v, want %+v (acts %v)", c.text, got, c.want, rd.Turns[0].Acts)
		}
	}
}

func TestAsksBack(t *testing.T) {
	for text, want := range map[string]bool{
		"Wir haben schon einen Anbieter. Worum geht es denn?": true,
		"Worum geht es? Ich hab wenig Zeit.":                  false,
		"Who is this?":                                        true,
		"No.":                                                 false,
	} {
		rd := Read(call(openline.German, true, text, "Okay."), nil)
		if got := rd.Turns[0].AsksBack; got != want {
			t.Errorf("%q: AsksBack %v, want %v", text, got, want)
		}
	}
}
