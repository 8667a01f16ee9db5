package acts

import "github.com/openline/openline/internal/openline"

// This file reads, for the scripted prospect, pushes that sound like talk
// and that the tagger's pressure act does not take in (it reads pressure
// put as a friendly question, "what would it take", loss framing and
// leading questions beneath their form, in beneath.go): a deadline for a
// decision ("Can you give me a decision by Friday?"), condescension
// ("Calm down, you're being hysterical"), some ultimatums, urgency and
// loss forms. Push holds what they are; pushIn (push.go) reads them.

var (
	// moreUrgency and moreLoss are forms of urgency (the assumptive close
	// "Wann können wir starten?" among them) and loss framing that the
	// tagger does not read as pressure. ("Wie lange wollen Sie … noch"
	// is the tagger's, by its verb: lexicon_de.go.)
	moreUrgency = map[openline.Language][]phrased{
		openline.German: loosePhrases("geben sie es zu", "geben sie zu", "worauf warten sie", "was fehlt ihnen noch zum",
			"wann können wir starten", "wann können wir anfangen", "wann fangen wir an", "wann legen wir los"),
		openline.English: loosePhrases("you have to admit", "admit it", "what are you waiting for", "how long are you going to", "what else do you need to sign",
			"when can we start", "when shall we start", "when do we start", "when can we get started"),
	}
	moreLoss = map[openline.Language][]phrased{
		openline.German: loosePhrases("wollen sie verlieren", "wie viel geld wollen sie", "jeder tag den sie warten", "jeder tag kostet sie",
			"verlieren sie jeden tag", "sonst verlieren sie", "verbrennen sie geld", "bevor sie handeln", "bevor sie endlich",
			"werden es bereuen", "würden es bereuen", "werden das bereuen", "bereuen sie es", "einen bärendienst", "schaden sie ihren", "schaden sie sich",
			"leisten nein zu sagen", "leisten abzulehnen", "leisten es nicht zu"),
		openline.English: loosePhrases("want to lose more", "every day you wait", "costs you money every day", "how much more money",
			"you're losing money", "you are losing money", "burning money", "throwing money away",
			"a disservice", "you'll regret", "you will regret", "you'd regret", "you would regret", "let your members down", "let your staff down",
			"afford to say no", "afford not to", "afford to turn this down"),
	}
	// deadlines set a date for a decision; with a closing word they push.
	deadlines = map[openline.Language][]phrased{
		openline.German: phrases("bis freitag", "bis montag", "bis morgen", "bis heute abend", "bis ende der woche", "bis zum wochenende", "noch heute", "noch diese woche"),
		openline.English: phrases("by friday", "by monday", "by tomorrow", "by tonight", "by the end of the week", "by the end of today", "before the weekend",
			"this week"),
	}
	// closingWords name the yes a deadline is set for.
	closingWords = map[openline.Language][]phrased{
		openline.German: phrases("unterschreiben", "unterschrift", "ja sagen", "ja zu sagen", "zusagen", "zusage", "kaufen", "bestellen", "abschließen",
			"entscheiden", "entscheidung", "antwort", "zugreifen", "heute", "jetzt", "sofort", "handeln", "ein ja", "ihr ja", "dein ja"),
		openline.English: phrases("sign", "signing", "say yes", "saying yes", "buy", "buying", "order", "decide", "decision", "commit", "go ahead",
			"answer", "today", "right now", "act", "a yes", "your yes"),
	}
	// yesWords are closingWords without the words for now: with a deadline
	// they name the yes asked for even when the speaker is the subject
	// ("I need your answer by Friday").
	yesWords = withoutNow(closingWords)
	// condescension talks down to the prospect; it weighs like an insult.
	condescension = map[openline.Language][]phrased{
		openline.German: phrases("hysterisch", "regen sie sich ab", "regen sie sich mal ab", "regen sie sich nicht so auf", "regen sie sich mal nicht so auf",
			"beruhigen sie sich", "stellen sie sich nicht so an", "keinen aufstand", "meine zeit verschwenden", "verschwenden sie meine zeit",
			"verschwenden meine zeit", "sie verstehen das nicht", "sie verstehen es nicht", "kindisch",
			"zieren sie sich", "haben sie sich nicht so", "seien sie nicht so", "sie leute", "ihr leute", "ihr callcenter", "nichts auf die reihe", "kriegen nichts hin",
			"so schlimm kann", "so schlimm können", "so schlimm war das doch", "so schlimm ist das doch"),
		openline.English: phrases("hysterical", "calm down", "overreacting", "so dramatic", "get a grip", "wasting my time",
			"waste of my time", "you don't understand", "you just don't get it", "childish",
			"don't be like that", "don't be so", "you people", "typical of you",
			"can't have been that bad", "can't have been so bad", "can't be that bad", "can't be as bad as"),
	}
	// moreUltimatums are ultimatums the tagger's list lacks.
	moreUltimatums = map[openline.Language][]phrased{
		openline.German:  phrases("friss oder stirb", "sonst vergessen sie es", "und zwar sofort", "morgen weg", "ja oder ein nein", "jetzt oder gar nicht"),
		openline.English: phrases("or forget it", "a yes or a no", "right now or", "now or not at all", "final offer"),
	}
)

// withoutNow is m without the words for now ("heute", "today", "right
// now"), which on their own say when, not what is asked.
func withoutNow(m map[openline.Language][]phrased) map[openline.Language][]phrased {
	now := map[phrased]bool{phrase("heute"): true, phrase("jetzt"): true, phrase("sofort"): true, phrase("today"): true, phrase("right now"): true}
	out := map[openline.Language][]phrased{}
	for lang, list := range m {
		for _, ph := range list {
			if !now[ph] {
				out[lang] = append(out[lang], ph)
			}
		}
	}
	return out
}
