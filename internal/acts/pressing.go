package acts

import "github.com/openline/openline/internal/openline"

// This file reads the pushes that sound like talk and so slip past the
// tagger's pressure act: pressure put as an open question ("What's
// stopping you from signing today?", "What would it take?"), a deadline
// for a decision, loss framing ("How much more money are you willing to
// lose?"), and condescension ("Calm down, you're being hysterical"). Push
// holds what they are; Pushes asks pressing for them.

var (
	// pressingStems open a question that asks what stands between the
	// prospect and a yes; with a closing word (closingWords) it pushes.
	// Alone it may be curiosity: "Was hindert Sie daran, mehr Azubis
	// einzustellen?".
	pressingStems = map[openline.Language][]phrased{
		openline.German: loosePhrases("was hält sie davon ab", "was hält sie ab", "was hindert sie", "was müsste passieren", "was muss passieren",
			"was fehlt ihnen noch", "was spricht dagegen", "worauf warten sie", "wie lange wollen sie"),
		openline.English: loosePhrases("what's stopping you", "what is stopping you", "what's holding you back", "what is holding you back",
			"what would it take", "what will it take", "what are you waiting for", "how long are you going to", "what else do you need to"),
	}
	// deadlines set a date for a decision; with a closing word they push.
	deadlines = map[openline.Language][]phrased{
		openline.German: phrases("bis freitag", "bis montag", "bis morgen", "bis heute abend", "bis ende der woche", "bis zum wochenende", "noch heute", "noch diese woche"),
		openline.English: phrases("by friday", "by monday", "by tomorrow", "by tonight", "by the end of the week", "by the end of today", "before the weekend",
			"this week"),
	}
	// closingWords name the yes a push is after.
	closingWords = map[openline.Language][]phrased{
		openline.German: phrases("unterschreiben", "unterschrift", "ja sagen", "ja zu sagen", "zusagen", "zusage", "kaufen", "bestellen", "abschließen",
			"entscheiden", "entscheidung", "antwort", "zugreifen", "heute", "jetzt", "sofort", "handeln"),
		openline.English: phrases("sign", "signing", "say yes", "saying yes", "buy", "buying", "order", "decide", "decision", "commit", "go ahead",
			"answer", "today", "right now", "act"),
	}
	// lossFraming tells the prospect what waiting costs them.
	lossFraming = map[openline.Language][]phrased{
		openline.German: loosePhrases("wollen sie verlieren", "wollen sie weiter verlieren", "wie viel geld wollen sie", "wie viel wollen sie verlieren",
			"jeder tag den sie warten", "jeder tag kostet sie", "verlieren sie jeden tag", "sonst verlieren sie", "verbrennen sie geld"),
		openline.English: loosePhrases("willing to lose", "want to keep losing", "want to lose more", "every day you wait", "costs you money every day",
			"how much more money", "you're losing money", "you are losing money", "burning money", "throwing money away"),
	}
	// condescension talks down to the prospect; it weighs like an insult.
	condescension = map[openline.Language][]phrased{
		openline.German: phrases("hysterisch", "regen sie sich ab", "regen sie sich mal ab", "regen sie sich nicht so auf", "regen sie sich mal nicht so auf",
			"beruhigen sie sich", "stellen sie sich nicht so an", "keinen aufstand", "meine zeit verschwenden", "verschwenden sie meine zeit",
			"verschwenden meine zeit", "sie verstehen das nicht", "sie verstehen es nicht", "kindisch"),
		openline.English: phrases("hysterical", "calm down", "overreacting", "so dramatic", "get a grip", "grow up", "wasting my time",
			"waste of my time", "you don't understand", "you just don't get it", "childish"),
	}
	// moreUltimatums are ultimatums the tagger's list lacks.
	moreUltimatums = map[openline.Language][]phrased{
		openline.German:  phrases("friss oder stirb", "sonst vergessen sie es", "und zwar sofort", "morgen weg", "ja oder ein nein", "jetzt oder gar nicht"),
		openline.English: phrases("or forget it", "a yes or a no", "right now or", "now or not at all", "final offer"),
	}
)

// pressing reads what in p (prepared by phrase) pushes in the ways of
// this file.
func pressing(lang openline.Language, p phrased) Push {
	loose := p.loose()
	closing := p.any(closingWords[lang])
	return Push{
		Insult:    p.any(condescension[lang]),
		Ultimatum: p.any(moreUltimatums[lang]),
		Question:  closing && (loose.any(pressingStems[lang]) || p.any(deadlines[lang])),
		Loss:      loose.any(lossFraming[lang]),
	}
}

// or is p with every push of q added.
func (p Push) or(q Push) Push {
	return Push{
		Insult:    p.Insult || q.Insult,
		Ultimatum: p.Ultimatum || q.Ultimatum,
		Question:  p.Question || q.Question,
		YesBut:    p.YesBut || q.YesBut,
		Loss:      p.Loss || q.Loss,
	}
}
