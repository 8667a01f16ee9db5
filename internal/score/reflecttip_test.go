package score

import (
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestNoReflectTipAfterEveryPointWasGivenBack checks that a call which
// reflected every point it answered, but asked more questions than it
// reflected, gets no tip to reflect a point it gave back; and that a call
// which moved on from a point still gets the tip there.
func TestNoReflectTipAfterEveryPointWasGivenBack(t *testing.T) {
	turns := alternate
	for _, tc := range []struct {
		tr      openline.Transcript
		wantTip bool
	}{
		{turns(openline.German, "Bauer?", "Guten Tag Herr Bauer, hier ist Lena Vogt. Passt es gerade? Was beschäftigt Sie im Betrieb?",
			"Ich finde keine Auszubildenden. Seit zwei Jahren keinen einzigen.",
			"Seit zwei Jahren keinen einzigen Azubi, das ist hart. Wie haben Sie gesucht? Und wer hilft Ihnen dabei? Was haben Sie probiert?",
			"Zeitung, Arbeitsagentur, das Übliche.", "Danke, Herr Bauer. Auf Wiederhören!"), false},
		{turns(openline.English, "Brooks?", "Hi Mr Brooks, it's Chloe Hart. Is now a good time? What's on your plate at the moment?",
			"Honestly, I can't find apprentices. Not one in two years.",
			"Not one apprentice in two years, that's hard. How have you looked? Who helps you with it? What have you tried?",
			"Papers, the job centre, the usual.", "Thanks, Mr Brooks. Goodbye!"), false},
		{turns(openline.German, "Bauer?", "Guten Tag Herr Bauer, hier ist Lena Vogt. Passt es gerade? Was beschäftigt Sie im Betrieb?",
			"Ich finde keine Auszubildenden. Seit zwei Jahren keinen einzigen.",
			"Und wie viele Mitarbeiter haben Sie? Welche Maschinen nutzen Sie?", "Zwölf. Alles Mögliche.", "Danke. Auf Wiederhören!"), true},
	} {
		card, err := Score(tc.tr, nil)
		if err != nil {
			t.Fatal(err)
		}
		reflectTip := false
		for _, tip := range card.Tips {
			reflectTip = reflectTip || strings.HasPrefix(tip.Text, tipReflect.in(tc.tr.Language))
		}
		if reflectTip != tc.wantTip {
			t.Errorf("%s call (%q …): reflect tip %t, want %t (tips %+v)", tc.tr.Language, tc.tr.Turns[3].Text, reflectTip, tc.wantTip, card.Tips)
		}
	}
}

// TestNoReflectTipAtTheGoodbye checks that a thanks or a satisfied no
// answered with the goodbye is no moment to "give back what you heard":
// the call closed well there; a point moved on from earlier still is.
func TestNoReflectTipAtTheGoodbye(t *testing.T) {
	for _, tc := range []struct {
		tr openline.Transcript
	}{
		{alternate(openline.English, "Miller?", "Hi Ms Miller, it's Tom from Northwind. Is now a good time? What's on your plate at the moment?",
			"We're opening a second warehouse in Leeds, so it's busy.",
			"A second warehouse in Leeds, that's a big step. Would it help if I sent you the name of a fit-out firm we know there?",
			"That would actually be great, thank you very much.",
			"I'll send it today. Thank you for your time, Ms Miller – goodbye!")},
		{alternate(openline.German, "Schmitt?", "Guten Tag Herr Schmitt, hier ist Lena Vogt. Passt es gerade? Was beschäftigt Sie im Betrieb?",
			"Die Nachfolge. Meine Tochter will den Betrieb eigentlich nicht.",
			"Das ist sicher nicht leicht, wenn die eigene Tochter nicht übernehmen möchte. Kann ich sonst noch etwas für Sie tun?",
			"Nein, das war schon sehr hilfreich, danke Ihnen.",
			"Sehr gern, Herr Schmitt. Alles Gute für Ihre Schreinerei und auf Wiederhören!")},
	} {
		card, err := Score(tc.tr, nil)
		if err != nil {
			t.Fatal(err)
		}
		last := len(tc.tr.Turns) - 1
		for _, tip := range card.Tips {
			if strings.HasPrefix(tip.Text, tipReflect.in(tc.tr.Language)) && tip.Turn == last {
				t.Errorf("reflect tip at the goodbye (turn %d): %+v", last, tip)
			}
		}
	}
}
