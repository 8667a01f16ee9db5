package acts

import (
	"strings"

	"github.com/openline/openline/internal/openline"
)

// This file reads name-calling: a derogatory label put on the listener
// ("Sie sind ja eine richtige Bürokratin", "Sie Erbsenzähler!", "you're
// such a jobsworth"). The labels are no insult on their own ("die
// Bürokraten in Berlin"): only addressed to the person, in the few words
// before the label, and not denied ("Sie sind doch kein Bürokrat"). It is
// one of the insults of a sentence's push (pushIn, push.go).

var (
	labels = map[openline.Language][]phrased{
		openline.German: phrases("bürokrat", "bürokratin", "bürokraten", "paragraphenreiter", "paragraphenreiterin", "paragrafenreiter",
			"erbsenzähler", "erbsenzählerin", "korinthenkacker", "kleingeist", "wichtigtuer", "wichtigtuerin", "besserwisser",
			"besserwisserin", "sesselpupser", "schnarchnase", "jammerlappen", "angsthase", "pfennigfuchser", "geizhals", "spießer",
			"spießerin", "hinterwäldler", "dinosaurier", "betonkopf", "bremser", "blockierer", "blockiererin", "miesepeter", "nörgler",
			"nörglerin", "zicke", "feigling", "drückeberger", "versager", "versagerin", "langweiler", "amateur", "dilettant",
			"dilettantin", "möchtegern", "türsteher", "türsteherin", "zerberus", "drache", "hausdrache", "vorzimmerdrache",
			// judgements of the person's mind
			"kurzsichtig", "engstirnig", "naiv", "unprofessionell", "stur"),
		openline.English: phrases("bureaucrat", "pen-pusher", "pen pusher", "jobsworth", "box-ticker", "box ticker", "bean counter",
			"dinosaur", "know-it-all", "killjoy", "penny-pincher", "tightwad", "coward", "control freak", "busybody", "stick-in-the-mud",
			"luddite", "loser", "amateur", "drama queen", "whinger", "moaner", "dragon", "gatekeeper from hell", "wannabe",
			// judgements of the person's mind
			"short-sighted", "short sighted", "narrow-minded", "closed-minded", "naive", "unprofessional"),
	}
	// addresses put a label on the listener when they come in the few
	// words before it.
	addresses = map[openline.Language][]phrased{
		openline.German:  phrases("sie sind", "sind sie", "du bist", "bist du", "ihr seid", "seid ihr", "so ein", "so eine", "was für ein", "was für eine"),
		openline.English: phrases("you are", "you're", "are you", "such a", "what a", "you"),
	}
	// vocatives are the addresses that only count right before the label:
	// "Sie Bürokratin!", "you dinosaur".
	vocatives = map[openline.Language]string{openline.German: "sie", openline.English: "you"}
	denials   = phrases("kein", "keine", "keiner", "keinen", "nicht", "not", "no", "never", "nie")
)

// labelWindow is how many words before a label may address it.
const labelWindow = 5

// callsNames reports whether text puts a derogatory label on the listener
// (see above).
func callsNames(lang openline.Language, text string) bool {
	return callsNamesIn(lang, phrase(text))
}

// labelIndex is labels by their first word, built once, so that a text
// is scanned once rather than once per label.
var labelIndex = func() map[openline.Language]*phraseIndex {
	out := map[openline.Language]*phraseIndex{}
	for lang, list := range labels {
		out[lang] = indexPhrases(list)
	}
	return out
}()

// callsNamesIn is callsNames of a text prepared by phrase: every place a
// label occurs, found word by word.
func callsNamesIn(lang openline.Language, ph phrased) bool {
	ix := labelIndex[lang]
	if ix == nil {
		return false
	}
	for at, w := range ph.words() {
		for _, l := range ix.opens(w) {
			if !ph.hasAt(at, l) {
				continue
			}
			before := strings.Fields(string(ph[:at]))
			if len(before) > labelWindow {
				before = before[len(before)-labelWindow:]
			}
			if addressed(lang, before) {
				return true
			}
		}
	}
	return false
}

// addressed reports whether the words before a label address it to the
// listener without denying it.
func addressed(lang openline.Language, before []string) bool {
	if len(before) == 0 {
		return false
	}
	win := phrased(" " + strings.Join(before, " ") + " ")
	if win.any(denials) {
		return false
	}
	if before[len(before)-1] == vocatives[lang] {
		return true
	}
	for _, a := range addresses[lang] {
		if string(a) == " "+vocatives[lang]+" " {
			continue // only as a vocative, right before the label
		}
		if win.has(a) {
			return true
		}
	}
	return false
}
