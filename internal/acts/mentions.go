package acts

import (
	"slices"
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
// said (pointsBackAt); the cue is the pointing words.
func PointsBack(text string) (Mention, bool) {
	for _, sp := range splitSentences(text) {
		toks := tokenize(text[sp.start:sp.end])
		if from, to, ok := pointsBackAt(toks); ok {
			start, end := sp.start+toks[from].at, sp.start+toks[to-1].end
			return Mention{Word: text[start:end], Start: start, End: end}, true
		}
	}
	return Mention{}, false
}

// pointsBackAt finds, in whole words, where toks point back at what was
// just said: a pronominal adverb ("Wie gehen Sie damit um?", "Was heißt
// das dazu?"), a preposition or a verb of
// handling with "it"/"that" ("What do you think about that?", "How did
// you cope with it?") or a time they told of ("back then", "das damals").
// It is the one decision: the scripted engine hears a continuation in it
// (PointsBack), and a question with it asks about no fact (Senses.About).
// A bare "da" (daPointsBack) is weaker: it makes a question a follow-up,
// but "Was bauen Sie da in der Halle?" still asks a fact.
func pointsBackAt(toks []token) (from, to int, ok bool) {
	for i, t := range toks {
		if proAdverbsBack[t.s] {
			return i, i + 1, true
		}
		for _, ph := range pointBack {
			n := len(ph)
			if i+n <= len(toks) && slices.EqualFunc(toks[i:i+n], ph, func(t token, w string) bool { return t.s == w }) {
				return i, i + n, true
			}
		}
	}
	return 0, 0, false
}

// daPointsBack reports whether toks[i] is a "da" that points back: inside
// its clause and not its last word ("Ist er da?"), nor a conjunction at its
// start ("Da ich …"), nor a place ("da drüben", "da in der Halle").
func daPointsBack(toks []token, i int) bool {
	return toks[i].s == "da" && i > 0 && !toks[i].clause && i+1 < len(toks) && !toks[i+1].clause && !placeAdverbs[toks[i+1].s]
}

// pointsBack reports whether toks point back (pointsBackAt).
func pointsBack(toks []token) bool {
	_, _, ok := pointsBackAt(toks)
	return ok
}

var (
	// proAdverbsBack point back on their own (folded).
	proAdverbsBack = set([]string{"dazu", "damit", "darueber", "davon", "daran", "deswegen", "dagegen"})
	// placeAdverbs make "da" a place: "da drüben", "da hinten".
	placeAdverbs = set([]string{"drueben", "hinten", "vorne", "oben", "unten", "draussen", "drinnen", "in", "im", "bei", "beim", "am", "auf"})
	// pointBack are the phrases, word by word, that point back.
	pointBack = wordLists("back then", "at the time", "that time", "about it", "about that", "with that", "of that", "by that",
		"handle it", "handled it", "handle that", "handled that", "deal with it", "dealt with it", "deal with that", "dealt with that",
		"cope with it", "coped with it", "cope with that", "das damals")
)

// wordLists splits each phrase into its words.
func wordLists(list ...string) [][]string {
	out := make([][]string, len(list))
	for i, p := range list {
		out[i] = strings.Fields(p)
	}
	return out
}

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
