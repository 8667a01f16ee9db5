package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestYesButArgues pins which "yes, but" argues: a counter-argument or
// pressure after the acknowledgement does, going on to the pitch does not
// (both withdraw the acknowledgement).
func TestYesButArgues(t *testing.T) {
	for _, tc := range []struct {
		lang           openline.Language
		prospect, text string
		argues         bool
	}{
		{openline.English, "We keep the customers in a spreadsheet.", "I see, but a spreadsheet won't scale with eighteen reps.", true},
		{openline.German, "Wir haben schon einen Anbieter.", "Verstehe, aber der ist sicher teurer als wir.", true},
		{openline.German, "Da haben wir schon was, danke.", "Ja, genau, und das Schöne ist, dass unser Paket ganz individuell ist.", false},
		{openline.English, "We keep the customers in a spreadsheet.", "I see. Our app keeps them on every phone.", false},
	} {
		rd := Read(openline.Transcript{Language: tc.lang, Turns: []openline.Turn{
			{Speaker: openline.Prospect, Text: "Hello?"}, {Speaker: openline.Trainee, Text: "Hi, it's Jake from FieldPoint."},
			{Speaker: openline.Prospect, Text: tc.prospect}, {Speaker: openline.Trainee, Text: tc.text}}}, nil)
		got := rd.Turns[3]
		if !got.YesBut || got.YesButArgues != tc.argues {
			t.Errorf("%q after %q: YesBut %t, YesButArgues %t; want a yes-but, arguing %t", tc.text, tc.prospect, got.YesBut, got.YesButArgues, tc.argues)
		}
	}
}
