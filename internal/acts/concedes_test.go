package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestConcedingTakesUp pins a turn that draws a no from what the prospect
// just said ("then you don't need it") as taking their words up, in words
// of its own; a "then" whose negation lies in another clause, or a "then"
// without one, does not.
func TestConcedingTakesUp(t *testing.T) {
	de, en := openline.German, openline.English
	for _, tc := range []struct {
		lang           openline.Language
		prospect, text string
		want           Uptake
	}{
		// f5-yoga-mats-not-fit
		{en, "Well, I've a class in ten minutes. Inventory? We sell about six yoga mats a month and some tea.", "Ah – then you really don't need software for that, a notebook will do you fine. Sorry for taking your time.", UptakeTakesUp},
		{en, "We're three people and a shared calendar.", "In that case it's honestly not worth it for you.", UptakeTakesUp},
		{de, "Wir haben zwei Transporter, mehr nicht.", "Na dann brauchen Sie so etwas wirklich nicht.", UptakeTakesUp},
		{de, "Herr Hartmann ist im Haus, aber gerade am Disponieren. Sie können mir gern sagen, worum es geht.", "Dann geben Sie mir doch einfach seine Durchwahl, dann ruf ich später selber an und Sie haben keine Arbeit damit.", UptakeMovesOn},
		{en, "We sell about six yoga mats a month and some tea.", "Then let me tell you about our premium inventory plan.", UptakeMovesOn},
	} {
		tr := openline.Transcript{Language: tc.lang, Turns: []openline.Turn{
			{Speaker: openline.Prospect, Text: "Hello?"},
			{Speaker: openline.Trainee, Text: "Hi, it's Kim from Stockwell."},
			{Speaker: openline.Prospect, Text: tc.prospect},
			{Speaker: openline.Trainee, Text: tc.text},
		}}
		if got := Read(tr, nil).Turns[3].Uptake; got != tc.want {
			t.Errorf("%q: uptake %v, want %v", tc.text, got, tc.want)
		}
	}
}
