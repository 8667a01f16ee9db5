package score

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestExplainInTheReadersLanguage: a German call read in an English
// interface gets English reasons and tip texts, while the quotes and the
// better line stay German; every reason and tip the golden cards hold is
// known, so none stays in the call's language.
func TestExplainInTheReadersLanguage(t *testing.T) {
	scenarios := goldenScenarios(t)
	for _, path := range transcriptFiles(t) {
		_, card := scoreFile(t, path, transcriptScenario(t, path, scenarios))
		other := openline.English
		if card.Language == openline.English {
			other = openline.German
		}
		got := Explain(card, other)
		for i, e := range got.Evidence {
			if e.Quote != card.Evidence[i].Quote {
				t.Errorf("%s: quote changed: %q → %q", path, card.Evidence[i].Quote, e.Quote)
			}
			if e.Why == card.Evidence[i].Why {
				t.Errorf("%s: reason %q not given in %s", path, e.Why, other)
			}
			if back := explain(e.Why, card.Language); back != card.Evidence[i].Why {
				t.Errorf("%s: reason %q comes back as %q", path, card.Evidence[i].Why, back)
			}
		}
		for i, tip := range got.Tips {
			if tip.Better != card.Tips[i].Better {
				t.Errorf("%s: the better line must stay in the call's language: %q → %q", path, card.Tips[i].Better, tip.Better)
			}
			if tip.Text == card.Tips[i].Text {
				t.Errorf("%s: tip %q not given in %s", path, tip.Text, other)
			}
		}
		if got.Openness != card.Openness || got.Language != card.Language || len(got.Parts) != len(card.Parts) {
			t.Errorf("%s: Explain changed more than the explanations", path)
		}
		if Explain(card, card.Language) != card || Explain(card, "xx") != card {
			t.Errorf("%s: the call's own language or an unknown one must return the card", path)
		}
	}
}
