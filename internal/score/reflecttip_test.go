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
