package acts

import "github.com/openline/openline/internal/openline"

// FollowUpAsk is what a follow-up question on something the listener told
// asks for: more of it, what they have done about it, or what they think
// would help.
type FollowUpAsk int

const (
	// AsksMore asks for more of it, or for nothing in particular.
	AsksMore FollowUpAsk = iota
	// AsksTried asks what they have done about it: "How do you handle
	// that?", "Was haben Sie schon versucht?".
	AsksTried
	// AsksWouldHelp asks what they think would help: "What would make
	// the biggest difference?", "Was würde Ihre Leute halten?".
	AsksWouldHelp
)

// triedAsks ask how the listener handles a matter, or what they have tried.
var triedAsks = map[openline.Language][]phrased{
	openline.German: loosePhrases("wie gehen sie damit um", "wie gehen sie mit", "wie sind sie damit umgegangen", "wie haben sie das gelöst",
		"wie lösen sie", "wie regeln sie", "wie machen sie das", "wie halten sie", "was haben sie versucht", "was haben sie bisher",
		"was haben sie probiert", "was haben sie unternommen", "was haben sie dagegen", "was haben sie gemacht", "was tun sie dagegen",
		"was machen sie dagegen", "was unternehmen sie", "was haben sie da gemacht", "was haben sie dann gemacht", "wie reagieren sie",
		"wie haben sie reagiert", "versucht", "probiert", "unternommen"),
	openline.English: loosePhrases("how do you handle", "how do you deal", "how do you cope", "how do you manage", "how are you handling",
		"how are you dealing", "how are you coping", "how did you handle", "how did you deal", "how did you cope", "how did you manage",
		"tried", "what have you done", "what did you do", "what are you doing about",
		"what do you do about", "how do you keep hold", "how do you keep them", "how do you keep people", "how do you keep your", "how do you get round", "how do you get around", "how do you hold on",
		"what's your approach", "what is your approach", "how have you handled", "how have you dealt"),
}

// wouldHelpAsks ask what the listener thinks would help: a question put in
// the conditional, or for their wish.
var wouldHelpAsks = map[openline.Language][]phrased{
	openline.German: loosePhrases("was würde", "was würden", "was könnte", "was müsste", "was bräuchten", "was brauchen sie", "was wünschen sie",
		"was wäre für sie", "was wäre ideal", "was wäre denn", "idealerweise", "im idealfall", "was hätte", "was sollte"),
	openline.English: loosePhrases("what would", "what could", "what'd", "what do you think would", "what do you need", "what would you need",
		"what do you wish", "what would you want", "ideally", "in an ideal world", "biggest difference", "what should", "what needs to"),
}

// AsksFollowUp reads what a question following up on something told asks
// for (FollowUpAsk). How they handle it wins over what would help: "What
// have you tried, and what would help?" asks first what they did.
func AsksFollowUp(lang openline.Language, text string) FollowUpAsk {
	p := phrase(text).loose()
	switch {
	case p.any(triedAsks[lang]):
		return AsksTried
	case p.any(wouldHelpAsks[lang]):
		return AsksWouldHelp
	}
	return AsksMore
}
