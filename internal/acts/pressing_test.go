package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestPressing pins the pushes that sound like talk, and the curious
// questions in the same words that must stay talk.
func TestPressing(t *testing.T) {
	de, en := openline.German, openline.English
	for _, tc := range []struct {
		lang openline.Language
		text string
		want Push
	}{
		// pressure as an open question
		{en, "What's stopping you from signing today?", Push{Question: true}},
		{en, "What would it take for you to say yes?", Push{Question: true}},
		{en, "So what are you waiting for? Just order it.", Push{Question: true}},
		{de, "Was hält Sie denn davon ab, heute zu unterschreiben?", Push{Question: true}},
		{de, "Was müsste passieren, damit Sie Ja sagen?", Push{Question: true}},
		// deadlines for a decision
		{en, "Can you give me a decision by Friday?", Push{Question: true}},
		{de, "Können Sie sich bis Freitag entscheiden?", Push{Question: true}},
		// loss framing
		{en, "How much more money are you willing to lose before you act?", Push{Loss: true}},
		{en, "Every day you wait is money gone.", Push{Loss: true}},
		{de, "Wie viel Geld wollen Sie denn noch verlieren?", Push{Loss: true}},
		{de, "Wie viel Geld wollen Ihre Betriebe noch verlieren, bevor Sie handeln?", Push{Loss: true}},
		// condescension
		{en, "Calm down, you're being hysterical.", Push{Insult: true}},
		{en, "Why are you wasting my time?", Push{Insult: true}},
		{de, "Jetzt regen Sie sich mal ab, Sie sind ja hysterisch.", Push{Insult: true}},
		{de, "Warum verschwenden Sie meine Zeit?", Push{Insult: true}},
		// ultimatums
		{de, "Friss oder stirb.", Push{Ultimatum: true}},
		{de, "Ist das jetzt ein Ja oder ein Nein?", Push{Ultimatum: true}},
		{en, "Decide today or forget it.", Push{Ultimatum: true, Question: true}},
		// curiosity in the same words is no push
		{en, "What's stopping your reps from using the spreadsheet?", Push{}},
		{en, "What would it take to keep your best people?", Push{}},
		{de, "Was hindert Sie daran, mehr Azubis einzustellen?", Push{}},
		{de, "Was müsste passieren, damit Ihre Leute bleiben?", Push{}},
		{en, "What did you lose when the two reps left?", Push{}},
		{de, "Was haben Sie verloren, als die Schweißer gingen?", Push{}},
		{en, "Shall I call you back on Friday?", Push{}},
		{de, "Darf ich Sie bis Freitag zurückrufen?", Push{}},
	} {
		if got := Pushes(tc.lang, tc.text); got != tc.want {
			t.Errorf("Pushes(%s, %q) = %+v, want %+v", tc.lang, tc.text, got, tc.want)
		}
	}
}

// TestRealWordsAreNoTypos checks that a real word one letter from a cue
// is not read as that cue: "Wie viele Jugendliche betreuen Sie?" asks, it
// does not threaten ("bereuen").
func TestRealWordsAreNoTypos(t *testing.T) {
	r := Trainee(openline.German, "Wie viele Jugendliche betreuen Sie gerade?", Context{})
	if r.Has(openline.ActPressure) {
		t.Errorf("acts %v; want no pressure", r.Acts)
	}
	if r := Trainee(openline.German, "Sie werden es bereun, wenn Sie jetzt nicht zugreifen.", Context{}); !r.Has(openline.ActPressure) {
		t.Errorf("a misspelt bereuen: acts %v; want pressure", r.Acts)
	}
}
