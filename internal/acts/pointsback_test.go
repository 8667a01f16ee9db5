package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestPointingBackFollowsUp checks that a question pointing back at what
// the prospect just told, from its first clause and at any length, is a
// follow-up that takes it up, while a pointer at the sentence's own words,
// a pro-adverb pointing ahead and "damit" as a conjunction are not
// follow-ups.
func TestPointingBackFollowsUp(t *testing.T) {
	const (
		enTold = "Honestly, when a rep leaves, their contacts leave with them. We lost two big installers last year that way."
		deTold = "Letztes Jahr sind mir zwei Schweißer zur Konkurrenz gegangen, das hat richtig wehgetan."
	)
	tests := []struct {
		lang       openline.Language
		told, text string
		want       bool
	}{
		{openline.English, enTold, "How did you handle it back then?", true},
		{openline.English, enTold, "And what did you do about that at the time, when the two installers left?", true},
		{openline.English, enTold, "What do you think about that, looking back now?", true},
		{openline.English, "We do supplier deals, training, a bit of lobbying.", "What's the part of that you enjoy most, after all these years?", true},
		{openline.German, deTold, "Wie sind Sie damals eigentlich damit umgegangen, als die beiden weg waren?", true},
		{openline.German, deTold, "Und was haben Sie dagegen bisher unternommen, konkret im Betrieb?", true},
		{openline.English, enTold, "How do you handle invoicing across the two sites today?", false},
		{openline.English, enTold, "Which CRM do you use at the moment for the reps and the office?", false},
		{openline.German, "Zwei, ja.", "Sie haben ja im Frühjahr den zweiten Standort in Fulda eröffnet – wie ist es Ihnen seitdem damit ergangen?", false},
		{openline.German, "Ich muss da noch mal drüber schlafen.", "Was spricht eigentlich dagegen, dass wir das heute einfach festmachen?", false},
		{openline.German, "Schicken Sie uns was per Mail.", "Was würden Sie denn gern darin lesen, damit es Ihnen selbst auch was bringt?", false},
	}
	for _, tt := range tests {
		tr := openline.Transcript{Language: tt.lang, Turns: []openline.Turn{
			{Speaker: openline.Trainee, Text: "Guten Tag, hier ist Anna Berg."},
			{Speaker: openline.Prospect, Text: tt.told},
			{Speaker: openline.Trainee, Text: tt.text},
		}}
		got := ReadWith(tr, nil, nil).Turns[2]
		if got.Has(openline.ActFollowUp) != tt.want || tt.want && got.Uptake != UptakeTakesUp {
			t.Errorf("after %q, %q: acts %v, uptake %q; want a follow-up that takes it up: %v", tt.told, tt.text, got.Acts, got.Uptake, tt.want)
		}
	}
}
