package acts

import (
	"strings"
	"unicode"

	"github.com/openline/openline/internal/openline"
)

// Foreign reports whether text is not in lang, the call's language: mostly
// non-Latin letters, or at least two stop words of the other language and
// more than twice as many as of lang's. A German call with one English
// phrase in it ("das ist ein no-brainer für Sie") is not foreign.
func Foreign(lang openline.Language, text string) bool {
	latin, other := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			if unicode.Is(unicode.Latin, r) {
				latin++
			} else {
				other++
			}
		}
	}
	if other > latin {
		return true
	}
	own, alien := 0, 0
	for w := range strings.FieldsFuncSeq(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		for l, words := range languageWords {
			if words[w] {
				if l == lang {
					own++
				} else {
					alien++
				}
			}
		}
	}
	return alien >= 2 && alien > 2*own
}

// languageWords are frequent words that tell the languages apart.
var languageWords = map[openline.Language]map[string]bool{
	openline.German: wordSet("der", "die", "das", "und", "ist", "nicht", "ich", "sie", "wir", "ein", "eine", "mit", "für", "auf", "zu", "haben", "wie", "bitte", "danke", "ja", "nein", "guten", "tag", "bei", "ihnen", "sind", "mich", "aber", "auch", "oder", "schon", "noch",
		"ihr", "ihre", "ihren", "eigentlich", "genau", "entschuldigung", "denn", "mal", "gerade", "sehr", "wer", "wo", "warum", "macht", "machen", "können", "könnten"),
	openline.English: wordSet("the", "and", "is", "not", "you", "we", "a", "with", "for", "on", "to", "have", "how", "what", "please", "thanks", "yes", "no", "hello", "this", "that", "are", "of", "it", "my", "your", "do", "does", "can", "would", "about",
		"could", "should", "there", "sorry", "just", "really", "why", "where", "who"),
}
