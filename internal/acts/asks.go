package acts

import (
	"strings"

	"github.com/openline/openline/internal/openline"
)

// Topics are the things a turn may ask about, each named by words or
// phrases (a persona's facts: "wie viele mitarbeiter", "what do you
// make"). Build them once with NewTopics; About is then cheap per turn.
type Topics struct {
	list  [][]phrased
	loose [][]phrased  // list without fillers ("denn", "eigentlich", "guys")
	words []topicWords // the content words of each topic's names (topicwords.go)
}

// NewTopics prepares topics: topic i is named by any of topics[i].
func NewTopics(topics [][]string) Topics {
	ts := Topics{list: make([][]phrased, len(topics)), loose: make([][]phrased, len(topics)), words: newTopicWords(topics)}
	for i, names := range topics {
		ts.list[i] = phrases(names...)
		ts.loose[i] = loosePhrases(names...)
	}
	return ts
}

// About returns the index of the topic text names, or -1. A name matches
// as whole words, case and umlaut spelling ignored ("Mitarbeiter" and
// "mitarbeiter", "für" and "fuer"); the topic with the longest matching
// name wins, the earlier one on a tie, so "wie viele filialen" beats
// "wie viele". Whether text is a question at all is the tagger's
// (Trainee) to say.
func (ts Topics) About(text string) int {
	if len(ts.list) == 0 {
		return -1
	}
	p := phrase(text)
	best, bestLen := -1, 0
	for i, names := range ts.list {
		for _, n := range names {
			if len(n) > bestLen && p.has(n) {
				best, bestLen = i, len(n)
			}
		}
	}
	if best >= 0 {
		return best
	}
	// Fillers do not change what is asked: "Was stellen Sie denn
	// eigentlich her?" is "was stellen sie her", "What do you guys sell?"
	// is "what do you sell".
	p = p.loose()
	for i, names := range ts.loose {
		for _, n := range names {
			if len(n) > bestLen && p.has(n) {
				best, bestLen = i, len(n)
			}
		}
	}
	return best
}

var (
	languageRequests = map[openline.Language][]phrased{
		// In a German call: asking to speak English, or any other language.
		openline.German:  phrases("speak english", "in english", "auf englisch", "englisch sprechen", "englisch reden", "speak german", "auf türkisch", "en français"),
		openline.English: phrases("deutsch", "sprechen sie deutsch", "auf deutsch", "deutsch reden", "deutsch sprechen", "speak german", "in german", "en français", "parlez vous", "hablas", "habla"),
	}
	whyNot = map[openline.Language][]phrased{
		openline.German: phrases("nicht passt", "nicht gepasst", "nicht für sie", "nichts für sie", "warum nicht", "wieso nicht", "weshalb nicht",
			"woran liegt", "woran es liegt", "woran das liegt", "woran es lag", "was genau", "ehrliche", "ehrlich", "feedback", "rückmeldung", "gründe", "grund", "gestört", "überzeugt", "abgelehnt",
			"absage", "dagegen", "was fehlt", "was hätte", "besser machen", "anders machen", "wichtig", "stört", "warum", "wieso", "weshalb",
			"gelegen", "lag es", "hakt", "haken", "bedenken", "passen würde", "gepasst hätte"),
		openline.English: phrases("didn't fit", "doesn't fit", "not fit", "not for you", "not one for you", "why not", "what made", "what exactly",
			"honest", "feedback", "reason", "reasons", "put you off", "bothered", "convince", "turned down", "wrong with", "missing",
			"do better", "done differently", "concern", "important to you", "didn't work", "not right", "why", "a fit",
			"sticking point", "made it", "hold you back", "held you back", "catch", "what would", "reservations"),
	}
)

// AsksForLanguage reports whether text asks to speak another language than
// lang ("Sprechen Sie Deutsch?" in an English call).
func AsksForLanguage(lang openline.Language, text string) bool {
	return phrase(text).any(languageRequests[lang])
}

// AsksWhyNot reports whether text asks about a no: what did not fit, why
// not, for honest feedback ("Darf ich fragen, was genau nicht passt?",
// "Could I ask what put you off?"). After a no the tagger reads most open
// questions as feedback requests; this tells those about the no from a
// question about something else ("Was kostet die Mitgliedschaft?").
func AsksWhyNot(lang openline.Language, text string) bool {
	return phrase(text).any(whyNot[lang])
}

// detailStarts open a question that asks for a detail or an opinion (which
// one, when, where, how many, what do you think of ...) rather than
// inviting the other person to tell what moves them.
var detailStarts = map[openline.Language][]phrased{
	openline.German: phrases("welche", "welcher", "welches", "welchen", "welchem", "was für", "seit wann", "wann", "wo", "woher", "wie viele",
		"wie viel", "wie lange", "wie alt", "was halten sie von", "wie finden sie", "was kostet", "was verdient", "haben sie ein", "haben sie einen", "haben sie eine"),
	openline.English: phrases("which", "what kind of", "what sort of", "what type of", "when", "where", "how many", "how much", "how long",
		"how old", "what time", "what do you think of", "what do you think about", "what car", "what van", "do you have a", "do you have any", "do you play", "do you drink"),
}

// AsksForDetail reports whether a sentence of text asks for a detail or
// an opinion ("Welche Software nutzen Sie?", "What car do you drive?",
// "What do you think of the new rules?"): its question opens, after
// discourse markers ("und", "so", "sorry"), with a detailStarts phrase.
// Such a question has a short answer; it does not invite a person to say
// what moves them.
func AsksForDetail(lang openline.Language, text string) bool {
	starts, ok := detailStarts[lang]
	if !ok {
		return false
	}
	for _, sp := range splitSentences(text) {
		p := phrase(text[sp.start:sp.end])
		for _, lead := range []string{" und ", " and ", " so ", " sorry ", " also ", " eigentlich ", " denn ", " tell me ", " sagen sie mal "} {
			for strings.HasPrefix(string(p), lead) {
				p = phrased(" " + strings.TrimPrefix(string(p), lead))
			}
		}
		for _, s := range starts {
			if strings.HasPrefix(string(p), string(s)) {
				return true
			}
		}
	}
	return false
}
