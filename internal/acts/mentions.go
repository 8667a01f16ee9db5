package acts

import (
	"strings"
	"unicode"

	"github.com/openline/openline/internal/openline"
)

// This file holds the readings a prospect engine asks of a trainee turn
// beyond its acts: whether it names one of a scenario's words (a rule's
// keywords, a need's topics or detect words), whether it points back at
// what was just said or turns to another subject, and the phrases that ask
// a persona who they are. They used to be word lists in the scripted
// engine; here they are one reading, tested by table (mentions_test.go).

// Mention is where a turn names one of a list of words: Word is the word
// as listed, text[Start:End] the words of the turn that named it (the
// cue). ok is false when the turn names none.
type Mention struct {
	Word       string
	Start, End int
}

// Mentions returns the first of words (in list order) that text contains,
// case ignored, as a substring: a scenario author's "member" names
// "members", "Azubi" names "Azubis". Empty words name nothing.
func Mentions(text string, words []string) (Mention, bool) {
	lower := strings.ToLower(text)
	// ToLower keeps byte offsets for all but a few runes (the Turkish
	// dotted I, the Kelvin sign); the cue is then the whole turn.
	sameOffsets := len(lower) == len(text)
	for _, w := range words {
		if w == "" {
			continue
		}
		lw := strings.ToLower(w)
		if i := strings.Index(lower, lw); i >= 0 {
			if !sameOffsets {
				return Mention{Word: w, Start: 0, End: len(text)}, true
			}
			return Mention{Word: w, Start: i, End: i + len(lw)}, true
		}
	}
	return Mention{}, false
}

// MentionsAny reports whether text names one of words (Mentions).
func MentionsAny(text string, words []string) bool {
	_, ok := Mentions(text, words)
	return ok
}

// NamesTopic reports whether text names one of need n's topics
// (Mentions): the scenario's own words for what the need is about.
func NamesTopic(text string, n *openline.Need) bool {
	return n != nil && MentionsAny(text, n.Topics)
}

// PointsBack reports whether text points back at what the prospect just
// said with a pronominal adverb or a preposition and "it"/"that" ("Was
// heißt das dazu?", "Wie gehen Sie damit um?", "What do you think about
// that?"); the cue is the pointing words.
func PointsBack(text string) (Mention, bool) { return Mentions(text, pointBack) }

// pointBack are the words with which a question points back at what was
// just said.
var pointBack = []string{"dazu", "damit", "darüber", "davon", "daran", "deswegen", "about it", "about that", "with that", "of that", "by that",
	"back then", "at the time", "handle it", "handled it", "deal with it", "dealt with it", "das damals"}

// ChangesSubject reports whether text turns to another subject ("Was
// machen Sie sonst?", "Außerdem …", "What else …", "Apart from that …",
// "privat"); the cue is the turning words.
func ChangesSubject(text string) (Mention, bool) { return Mentions(text, subjectChange) }

// subjectChange are the words with which a trainee turns to another
// subject.
var subjectChange = []string{"sonst", "außerdem", "abgesehen", "etwas anderes", "was anderes", "anderes thema", "neben der arbeit", "privat",
	"else", "besides", "apart from", "other than", "otherwise", "different topic", "outside work", "outside of work"}

// IdentityPhrases are the phrases that ask a persona who they are (name,
// company, role), in language lang: the built-in fact every persona
// knows. nil for an unknown language.
func IdentityPhrases(lang openline.Language) []string { return identityAbout[lang] }

var identityAbout = map[openline.Language][]string{
	openline.German: {"ihr name", "ihren namen", "wie heißen sie", "wer sind sie", "mit wem spreche ich",
		"wer spricht", "wer ist am apparat", "welche firma", "welches unternehmen", "was ist ihre funktion", "was ist ihre position"},
	openline.English: {"your name", "who are you", "who am i speaking", "who am i talking", "who's this", "who is this",
		"which company", "what company", "what's your role", "what is your role", "what's your title", "what's your job title"},
}

// QuestionKey normalises a question for recognising it when asked again:
// its letters and digits, lower case, words separated by one space ("Wie
// läuft's?" and "wie läuft s" meet).
func QuestionKey(text string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}
