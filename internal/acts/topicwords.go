package acts

import "github.com/openline/openline/internal/openline"

// This file is the second way a turn names a topic: by the content words
// of the topic's names rather than by one of the names as a whole
// ("Wo haben Sie Ihre Läden überall?" asks about the fact named "wie
// viele läden", "welche läden"). Content words alone also occur in turns
// about something else ("What's keeping your team busy?" names "team"),
// so a turn only names a topic this way when it asks with a question
// word the topic's names ask with too ("wo" for "wo sind ihre läden",
// "how" for "how many staff"), and the caller decides when a turn asks
// for a fact at all.

// whClasses map question words to the class of question they open:
// "welche" and "was" both ask for a thing, "wer" and "wem" for a person.
var whClasses = map[string]byte{
	"wer": 'p', "wem": 'p', "wen": 'p', "wessen": 'p', "who": 'p', "whom": 'p', "whose": 'p',
	"was": 't', "welche": 't', "welcher": 't', "welches": 't', "welchen": 't', "welchem": 't', "what": 't', "which": 't',
	"wie": 'h', "wieviel": 'h', "wieviele": 'h', "how": 'h',
	"wo": 'l', "woher": 'l', "wohin": 'l', "where": 'l',
	"wann": 'w', "when": 'w',
	"warum": 'y', "wieso": 'y', "weshalb": 'y', "why": 'y',
}

// whClass returns the class of the first question word of toks, or 0. A
// "how" or "wie" asks how many ('c') before a word of amount ("how many",
// "wie viele"), else how something is done ('h'): "How do your reps keep
// track of customers?" does not ask how many reps there are.
func whClass(toks []token) byte {
	i := whIndex(toks)
	if i < 0 {
		return 0
	}
	c := whClasses[toks[i].s]
	if c == 'h' && i+1 < len(toks) && amountWords[toks[i+1].s] {
		return 'c'
	}
	return c
}

// amountWords after "how"/"wie" make it ask how many or how much.
var amountWords = set([]string{"many", "much", "big", "large", "long", "old", "often", "viele", "vielen", "viel", "gross", "lange", "alt", "oft", "hoch"})

// whIndex returns the index of the first question word of toks, or -1.
func whIndex(toks []token) int {
	for i, t := range toks {
		if _, ok := whClasses[t.s]; ok {
			return i
		}
	}
	return -1
}

// kinds are the words with which a question names the kind of thing it
// asks about ("what kind of products"), and adverbs that may stand
// before the thing ("where exactly is your workshop"): the thing is the
// next noun.
var kinds = map[string]bool{"kind": true, "sort": true, "type": true, "sorts": true, "kinds": true, "types": true, "art": true, "sorte": true,
	"exactly": true, "roughly": true, "currently": true, "genau": true, "ungefaehr": true, "aktuell": true, "derzeit": true, "ueberall": true,
	// a mix of what is asked: "or is it a real mix of trades?"
	"mix": true, "mixture": true, "variety": true, "mischung": true, "real": true}

// topicWords are the content stems of one topic's names, by the class of
// the question word each name asks with ("workshop" of "where is the
// workshop" answers a "where" question, not "which radio station is on
// in the workshop?"). A word right after a pronoun ("what do you sell")
// is a verb, which a question about something else shares too easily
// ("which software do you translate in?"), and is left out.
type topicWords map[byte]*stemSet

// subjects are the pronouns whose next word is taken for a verb.
var subjects = map[string]bool{"you": true, "we": true, "i": true, "sie": true, "wir": true, "ich": true, "du": true}

// nextToSubject reports whether toks[i] stands next to a subject pronoun,
// as a verb does ("do you translate", "fahren Sie").
func nextToSubject(toks []token, i int) bool {
	return (i > 0 && subjects[toks[i-1].s]) || (i+1 < len(toks) && subjects[toks[i+1].s])
}

// opinions open a question for an opinion, which no fact answers: "What
// do you think of machine translation?" is not about what the firm
// translates.
var opinions = phrases("think of", "think about", "your view", "your opinion", "halten sie von", "finden sie", "ihre meinung")

// newTopicWords prepares the content stems of each topic's names.
func newTopicWords(topics [][]string) []topicWords {
	out := make([]topicWords, len(topics))
	for i, names := range topics {
		tw := topicWords{}
		for _, n := range names {
			toks := tokenize(n)
			c := whClass(toks)
			if c == 0 {
				continue
			}
			for j := range toks {
				if !contentWord(toks, j) || nextToSubject(toks, j) {
					continue
				}
				if tw[c] == nil {
					tw[c] = newStemSet()
				}
				tw[c].add(stem(toks[j].s))
			}
		}
		out[i] = tw
	}
	return out
}

// AboutWords returns the topic that a question of text names by content
// words, or -1. A sentence counts when its first question word is of a
// class the topic's names ask with; a content word of it counts for a
// topic when it is, or shares a word family with, a content word of the
// topic's names, and for no other such topic: words several topics share
// ("Betrieb" in "wie groß ist Ihr Betrieb" and "wo ist Ihr Betrieb") tell
// nothing. The topic with most such words wins; a tie names none.
func (ts Topics) AboutWords(lang openline.Language, text string) int {
	const maxTopics = 32
	if len(ts.words) == 0 || len(ts.words) > maxTopics {
		return -1
	}
	var score [maxTopics]int
	for _, sp := range splitSentences(text) {
		toks := tokenize(text[sp.start:sp.end])
		class := whClass(toks)
		if class == 0 || phrase(text[sp.start:sp.end]).any(opinions) {
			continue
		}
		// Only the first noun after the question word is what the question
		// is about: "What van do your reps drive?" asks about a van, not
		// about the reps.
		for i := whIndex(toks) + 1; i < len(toks); i++ {
			// In German a noun is written with a capital: "Läden" asks
			// about shops, "fahren" names no thing.
			w := toks[i].s
			if deLex.stop[w] || enLex.stop[w] || kinds[w] || fillers[w] || (lang == openline.German && !toks[i].upper) || nextToSubject(toks, i) {
				continue
			}
			if !contentWord(toks, i) {
				break // "van": too short to name a fact by
			}
			s := stem(w)
			only := -1
			for t, tw := range ts.words {
				ss := tw[class]
				if ss == nil || !(ss.exact[s] || ss.related(s)) {
					continue
				}
				if only >= 0 {
					only = -2 // more than one topic
					break
				}
				only = t
			}
			if only >= 0 {
				score[only]++
			}
			break
		}
	}
	best, tie := -1, false
	for t := range ts.words {
		switch {
		case score[t] == 0:
		case best < 0 || score[t] > score[best]:
			best, tie = t, false
		case score[t] == score[best]:
			tie = true
		}
	}
	if tie {
		return -1
	}
	return best
}
