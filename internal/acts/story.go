package acts

import "github.com/openline/openline/internal/openline"

// This file reads a question that asks for a story rather than a detail:
// "Welche Erfahrungen haben Sie mit Agenturen gemacht?", "What happened
// with the last system?". Its form is a detail question's ("Welche …?",
// "What …?"), but it invites the person to tell what they went through,
// as a question about their situation does (asksOnlyDetail). Added as a
// file of its own for the scripted prospect (issue 9); the one use is a
// clause in asksOnlyDetail.

var storyWords = map[openline.Language][]phrased{
	openline.German: phrases("erfahrung", "erfahrungen", "erlebt", "was ist passiert", "was ist da passiert", "was war da los", "was war los",
		"wie lief", "wie ist es gelaufen", "wie ist das gelaufen", "wie war das mit", "was ist schiefgelaufen", "was lief schief"),
	openline.English: phrases("experience", "experiences", "what happened", "how did it go", "how did that go", "what went wrong",
		"how was it with", "what was it like", "been through"),
}

// asksForStory reports whether the question said asks the person for
// what they went through (see above).
func asksForStory(lang openline.Language, said string) bool {
	return phrase(said).any(storyWords[lang])
}
