package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

func TestAsksFollowUp(t *testing.T) {
	for _, tt := range []struct {
		lang openline.Language
		text string
		want FollowUpAsk
	}{
		{openline.English, "How did you handle it back then?", AsksTried},
		{openline.English, "And how are you dealing with that at the moment?", AsksTried},
		{openline.English, "What have you tried so far?", AsksTried},
		{openline.English, "How do you keep hold of good people when the big firms come knocking?", AsksTried},
		{openline.English, "What would make the biggest difference?", AsksWouldHelp},
		{openline.English, "What do you think would make them stay?", AsksWouldHelp},
		{openline.English, "In an ideal world, what would that look like for you?", AsksWouldHelp},
		{openline.English, "How many of them are there?", AsksMore},
		{openline.English, "Tell me more.", AsksMore},
		{openline.English, "How do you keep track of customers at the moment?", AsksMore},
		{openline.English, "How are you keeping?", AsksMore},
		{openline.German, "Wie gehen Sie denn damit um?", AsksTried},
		{openline.German, "Was haben Sie da schon versucht?", AsksTried},
		{openline.German, "Und was haben Sie bisher dagegen unternommen?", AsksTried},
		{openline.German, "Was würde Ihre Leute denn halten?", AsksWouldHelp},
		{openline.German, "Was wünschen Sie sich da für die Zukunft?", AsksWouldHelp},
		{openline.German, "Wie viele sind das denn?", AsksMore},
	} {
		if got := AsksFollowUp(tt.lang, tt.text); got != tt.want {
			t.Errorf("AsksFollowUp(%s, %q) = %d, want %d", tt.lang, tt.text, got, tt.want)
		}
	}
}
