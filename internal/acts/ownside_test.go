package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestPitchByItsShape pins the pitch read from a claim about the caller's
// own side (ownside.go), and what is not one.
func TestPitchByItsShape(t *testing.T) {
	tests := []struct {
		lang  openline.Language
		text  string
		pitch bool
	}{
		{openline.German, "Wir beraten Handwerksbetriebe bei der Nachfolge.", true},
		{openline.English, "We do eco-friendly cleaning for offices in Leeds, fully insured.", true},
		{openline.English, "Yes, we have a Saturday slot between eight and twelve.", true},
		{openline.German, "Dann haben Sie bei uns eine kostenlose Nachbesetzung, das ist im Vertrag drin.", true},
		{openline.German, "Nice, sounds good. Wir haben übrigens ein Paket speziell für kleine Teams.", true},
		{openline.German, "Wir hatten letzte Woche kurz telefoniert.", false},
		{openline.English, "We spoke briefly last week.", false},
		{openline.German, "Wir sind ein kleines Team aus Köln.", false},
		{openline.English, "We could meet on Thursday, if that suits you.", false},
		{openline.English, "We'll send you the dates tomorrow.", false},
		{openline.German, "Was schätzen Sie bei uns am meisten?", false},
		{openline.English, "Do we have your current address?", false},
	}
	for _, tt := range tests {
		r := Trainee(tt.lang, tt.text, Context{Prospect: "Ja?"})
		if got := r.Has(openline.ActPitch); got != tt.pitch {
			t.Errorf("%q: pitch %v, want %v (acts %v)", tt.text, got, tt.pitch, r.Acts)
		}
	}
}
