package acts

import (
	"strings"

	"github.com/openline/openline/internal/openline"
)

// This file reads pushes by their structure rather than by fixed phrases
// (the phrase lists of push.go, pressing.go and demands.go only hear the
// words they list); pushIn asks it for every sentence:
//   - an accusation: the listener as subject, a negation and a verb of
//     reading, listening or understanding ("Sie haben das doch gar nicht
//     richtig gelesen", "you're just not seeing it", "you people never
//     get anything right"), unless the sentence is a condition or an
//     apology ("Falls Sie es nicht gelesen haben, kein Problem");
//   - a demand in the imperative: a German sentence opening with a verb
//     and "Sie" that urges ("Verbinden Sie einfach.", "Geben Sie mir
//     doch endlich seine Nummer!"), not asked ("Verbinden Sie mich
//     bitte?" stays a request), or an English one opening with "just" or
//     "come on" ("Just put me through.").

// Words of the accusation, folded as tokenize folds them.
var (
	listenerSubjects = set([]string{"sie", "you", "you're", "youre", "you've", "you'd"})
	negations        = set([]string{"nicht", "nie", "niemals", "kein", "keine", "nichts", "not", "never", "don't", "dont", "didn't", "didnt",
		"haven't", "havent", "aren't", "arent", "can't", "cant", "won't", "wont", "isn't", "nothing", "anything"})
	perceiving = stems("gelesen", "lesen", "liest", "zugehoert", "zuhoeren", "hoeren", "gehoert", "verstanden", "verstehen", "kapiert", "kapieren",
		"begriffen", "begreifen", "angeschaut", "angesehen", "anschauen", "ansehen", "durchgelesen", "hingeschaut", "hinhoeren", "mitbekommen",
		"read", "reading", "listen", "listening", "listened", "see", "seeing", "understand", "understood", "understanding", "looked", "look",
		"looking", "get", "getting", "got")
	// vagueVerbs perceive only with what they take: "you don't get it",
	// not "you don't get many calls".
	vagueVerbs = set([]string{"get", "getting", "got", "see", "seeing"})
	theThing   = set([]string{"it", "anything", "that", "this", "the", "what"})
	excuses    = phrases("falls", "wenn", "kein problem", "macht nichts", "entschuldigung", "tut mir leid", "if", "in case", "no problem",
		"no worries", "sorry", "maybe i", "vielleicht", "noch nicht", "maybe", "perhaps", "yet", "i didn't explain", "ich habe es nicht", "ich habe mich")
	// urging are the words that make an imperative a demand.
	urging        = set([]string{"einfach", "endlich", "sofort", "jetzt", "gefaelligst", "halt"})
	englishUrgers = phrases("just put", "just give", "just tell", "just sign", "just connect", "just get", "just say", "just do")
)

// accusation: the listener as subject, then a negation and a verb of
// perceiving after it, within a few words.
func accusation(toks []token) bool {
	for i, t := range toks {
		if !listenerSubjects[t.s] {
			continue
		}
		if t.s == "sie" && i > 0 && !toks[i-1].clause && !verbBeforeSie(toks, i) {
			continue // "… hat Sie nicht verstanden": "Sie" the object
		}
		neg := -1
		for j := i + 1; j < len(toks) && j <= i+6; j++ {
			if negations[toks[j].s] || toks[j].s == "gar" {
				neg = j
				break
			}
		}
		if neg < 0 {
			continue
		}
		for j := neg + 1; j < len(toks) && j <= neg+5; j++ {
			w := toks[j].s
			if !perceiving[stem(w)] && !perceiving[w] {
				continue
			}
			if !vagueVerbs[w] || j+1 < len(toks) && theThing[toks[j+1].s] {
				return true
			}
		}
	}
	return false
}

// verbBeforeSie reports whether the word before toks[i] ("sie") is a verb
// of which "Sie" is the subject in a question or after a fronted object
// ("Haben Sie", "Das haben Sie"): a finite auxiliary or modal.
func verbBeforeSie(toks []token, i int) bool {
	switch toks[i-1].s {
	case "haben", "hatten", "sind", "waren", "koennen", "konnten", "wollen", "wollten", "werden", "wuerden", "muessen", "sollten", "lesen", "hoeren", "verstehen":
		return true
	}
	return false
}

// imperativeDemand: a German sentence (not asked: the caller's business)
// opening with "<verb> Sie" that urges, or an English one opening with an
// urging "just"; p is the sentence's phrase.
func imperativeDemand(lang openline.Language, p phrased, toks []token) bool {
	if lang == openline.English || toks[0].s == "just" || toks[0].s == "come" {
		// It opens the sentence: "Should you have any questions, just
		// give me a call" offers.
		return strings.HasPrefix(string(p), " just ") && p.any(englishUrgers) || strings.HasPrefix(string(p), " come on ")
	}
	if len(toks) < 3 || toks[1].s != "sie" || verbBeforeSie(toks, 1) {
		return false
	}
	switch toks[0].s {
	case "wie", "was", "wo", "wann", "warum", "wer", "koennten", "wuerden", "duerfen", "darf", "moechten", "sagen", "entschuldigen", "bitte":
		return false // a question word, a polite request, "Sagen Sie mal"
	}
	for _, t := range toks[2:min(len(toks), 7)] {
		if urging[t.s] {
			return true
		}
	}
	return false
}

// tagQuestions end a sentence to make a claim the listener's own
// ("…, finden Sie nicht?", "…, don't you think?"), and shoulds are the
// claims about what the listener ought to do that such a tag presses:
// "Sie könnten uns ruhig mal weiterempfehlen, finden Sie nicht?", not
// "Schönes Wetter heute, finden Sie nicht?".
var (
	tagQuestions = map[openline.Language][]string{
		openline.German:  {" finden sie nicht ", " meinen sie nicht ", " oder nicht ", " nicht wahr ", " finden sie nicht auch ", " meinen sie nicht auch "},
		openline.English: {" don't you think ", " wouldn't you say ", " don't you agree ", " right ", " shouldn't you ", " wouldn't you "},
	}
	shoulds = map[openline.Language][]phrased{
		openline.German:  phrases("könnten sie", "sollten sie", "müssten sie", "müssen sie", "sie könnten", "sie sollten", "sie müssten", "sie müssen", "können sie ruhig", "dürfen sie ruhig", "wäre es an der zeit"),
		openline.English: phrases("you could", "you should", "you ought", "you need to", "you must", "you'd be", "it's time you"),
	}
)

// pushyTag reports whether p (a turn prepared by phrase) ends in a tag
// question after a claim of what the listener should do.
func pushyTag(lang openline.Language, p phrased) bool {
	for _, tag := range tagQuestions[lang] {
		if strings.HasSuffix(string(p), tag) && p.any(shoulds[lang]) {
			return true
		}
	}
	return false
}
