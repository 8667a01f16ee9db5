package acts

import "github.com/openline/openline/internal/openline"

// Push is what in a turn pushes the other person rather than talks with
// them, beyond the tagger's pressure act.
type Push struct {
	Insult    bool // "Sie haben doch keine Ahnung", "you idiot"
	Ultimatum bool // "letzte Chance", "now or never"
	// Question is pressure put as a question: "Warum sagen Sie nicht
	// einfach Ja?", "Tuesday or Wednesday?", "Can you afford not to?"
	Question bool
	// YesBut is agreement that only leads into arguing: "Ja, aber ...".
	YesBut bool
	// Loss tells the prospect what waiting costs them: "How much more
	// money are you willing to lose?" (pressing.go).
	Loss bool
}

// Any reports whether p holds anything.
func (p Push) Any() bool { return p.Insult || p.Ultimatum || p.Question || p.YesBut || p.Loss }

var (
	insults = map[openline.Language][]phrased{
		openline.German: phrases("idiot", "idioten", "vollidiot", "trottel", "depp", "blöd", "blöde", "blöder", "dumm", "dumme", "dummer",
			"unfähig", "inkompetent", "keine ahnung", "lächerlich", "halt die klappe", "halten sie die klappe", "schwachsinn", "quatsch",
			"verarschen", "peinlich", "armselig", "nervensäge", "sturkopf", "choleriker", "witzfigur", "dummkopf", "ignorant", "kapieren sie", "kapiert", "begriffsstutzig", "hirn", "arsch", "scheiß", "scheiss"),
		openline.English: phrases("idiot", "stupid", "moron", "dumb", "incompetent", "clueless", "pathetic", "ridiculous", "shut up",
			"no idea what you're", "useless", "a joke", "rubbish", "nonsense", "get it through", "dense", "fool", "a pain", "arrogant", "pig-headed", "stubborn", "damn", "crap", "bloody"),
	}
	ultimatums = map[openline.Language][]phrased{
		openline.German: phrases("letzte chance", "letzten chance", "jetzt oder nie", "nur noch heute", "nur heute", "heute noch entscheiden",
			"bis morgen entscheiden", "sofort entscheiden", "jetzt entscheiden", "heute unterschreiben", "jetzt unterschreiben", "wenn sie jetzt nicht",
			"dann ist es weg", "ich brauche jetzt eine antwort", "ich brauche heute eine antwort", "ja oder nein"),
		openline.English: phrases("last chance", "now or never", "today only", "only today", "decide now", "decide today", "sign today",
			"sign now", "take it or leave it", "or else", "if you don't act now", "i need an answer now", "i need an answer today", "yes or no", "gone tomorrow"),
	}
	pushQuestions = map[openline.Language][]phrased{
		openline.German: loosePhrases("warum nicht einfach", "wieso nicht einfach", "warum sagen sie nicht", "oder etwa nicht", "wollen sie etwa",
			"wollen sie denn nicht", "sie wollen doch", "sie möchten doch", "können sie sich das leisten", "können sie es sich leisten",
			"dienstag oder mittwoch", "montag oder dienstag", "mittwoch oder donnerstag", "donnerstag oder freitag", "ist das ein ja",
			"warum zögern sie", "was haben sie zu verlieren", "wer will das nicht", "sind sie sicher", "wann unterschreiben",
			"wann darf ich vorbeikommen", "sehen sie das nicht", "verstehen sie das nicht", "wollen sie weiter", "ist ihnen das egal",
			"können sie sich das leisten", "können sie es sich leisten", "warum nicht einfach"),
		openline.English: loosePhrases("why not just", "why don't you just", "don't you want", "wouldn't you agree", "can you afford",
			"tuesday or wednesday", "monday or tuesday", "wednesday or thursday", "thursday or friday", "so is that a yes", "is that a yes",
			"why wouldn't you", "what have you got to lose", "what do you have to lose", "surely you", "are you sure",
			"who wouldn't want", "don't you see", "don't you care", "do you want to keep losing", "when can i come", "when do we sign"),
	}
	yesButs = map[openline.Language][]phrased{
		openline.German:  phrases("ja aber", "schon aber", "verstehe aber", "stimmt aber", "klar aber", "sicher aber", "natürlich aber", "okay aber"),
		openline.English: phrases("yes but", "yeah but", "sure but", "i understand but", "i hear you but", "right but", "ok but", "okay but", "i know but"),
	}
)

// Pushes reads what in text pushes (see Push). Words match as whole words,
// case and umlaut spelling ignored; "ja, aber" matches across its comma.
func Pushes(lang openline.Language, text string) Push {
	p := phrase(text)
	return Push{
		Insult:    p.any(insults[lang]),
		Ultimatum: p.any(ultimatums[lang]),
		Question:  p.loose().any(pushQuestions[lang]),
		YesBut:    p.any(yesButs[lang]),
	}.or(pressing(lang, p))
}
