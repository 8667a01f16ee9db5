package acts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// leadIns are the words a speaker puts before their point ("Ehrlich
// gesagt, …", "Between you and me, …"), longest first within each
// language so "wissen sie was" goes before "wissen sie". Either language,
// since English slips into German calls.
var leadIns = []string{
	"um ehrlich zu sein", "ganz ehrlich gesagt", "ehrlich gesagt", "offen gesagt", "ganz ehrlich", "unter uns gesagt", "unter uns",
	"wissen sie was", "wissen sie", "weißt du was", "weißt du", "sagen wir mal", "ich sag mal", "sag ich mal", "wie gesagt",
	"schauen sie", "hören sie", "passen sie auf", "na ja", "naja", "tja", "also", "ach", "hm", "ehrlich", "nun", "ja gut", "gut", "und", "aber",
	"between you and me", "to tell you the truth", "to be honest", "if i'm honest", "truth is", "the thing is", "you know what",
	"you know", "i mean", "honestly", "frankly", "listen", "look", "well", "yeah", "so", "oh", "um", "right", "and", "but",
}

// TrimLeadIn returns text from its point on: without the lead-ins before
// it and the punctuation after them ("Ehrlich gesagt: Die Leute halten."
// → "Die Leute halten."). It returns text unchanged when nothing would be
// left of it.
func TrimLeadIn(text string) string {
	rest := strings.TrimSpace(text)
	for trimmed := true; trimmed; {
		trimmed = false
		for _, l := range leadIns {
			if len(rest) <= len(l) || !strings.EqualFold(rest[:len(l)], l) {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(rest[len(l):]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue // "Also" is a lead-in, "Alsodann" is not
			}
			after := rest[len(l):]
			next := strings.TrimLeftFunc(after, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '\'' })
			if next == "" {
				return strings.TrimSpace(text)
			}
			rest, trimmed = next, true
			if strings.TrimSpace(after) == next {
				// No comma after it: German puts the verb second ("Ehrlich
				// gesagt finden wir …"); the point starts with its subject.
				rest = subjectFirst(rest)
			}
			break
		}
	}
	if rest == strings.TrimSpace(text) {
		return rest
	}
	// The point starts the quote: "und unsere Betriebe kennt keiner" →
	// "Unsere Betriebe kennt keiner".
	r, size := utf8.DecodeRuneInString(rest)
	return string(unicode.ToUpper(r)) + rest[size:]
}

// pronouns are the subjects a German verb-second clause puts after its
// verb.
var pronouns = map[string]bool{"ich": true, "wir": true, "sie": true, "er": true, "es": true, "man": true, "du": true, "ihr": true}

// subjectFirst turns "finden wir seit Jahren …" into "Wir finden seit
// Jahren …": a lower-case verb before a pronoun subject swaps with it.
func subjectFirst(s string) string {
	w := strings.SplitN(s, " ", 3)
	if len(w) < 3 || w[0] == "" || !unicode.IsLower(rune(w[0][0])) || !pronouns[strings.ToLower(w[1])] {
		return s
	}
	subj := strings.ToUpper(w[1][:1]) + w[1][1:]
	return subj + " " + w[0] + " " + w[2]
}
