package acts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is the narrow ear for a speaker who says their name, read on
// the whole turn as written: a safety net under the sentence rules'
// introduction act (Trainee adds the act when NamesSelf hears a name), so
// that a prospect never keeps asking "Wer ist da?" of someone who said
// "Anna Keller hier".

// nameWord is one word of a turn as the name rules see it.
type nameWord struct {
	s      string // as written
	lower  string
	upper  bool // starts with an upper-case letter
	clause bool // first word of a sentence or clause (after . ! ? ; : , or a dash)
}

// nameWords splits text into words; letters, digits, apostrophes, hyphens
// and dots inside a word ("O'Brien", "Müller-Lüdenscheid") stay in it.
func nameWords(text string) []nameWord {
	out := make([]nameWord, 0, len(text)/6+1)
	clause := true
	start := -1
	// lowered holds the lower-case forms of the words that have capitals,
	// in one buffer (a strings.Builder never changes bytes it has
	// written); a word of valid UTF-8 lowers rune by rune as
	// strings.ToLower lowers it.
	var lowered strings.Builder
	flush := func(end int) {
		if start < 0 {
			return
		}
		s := text[start:end]
		if s == "" || !asciiAlnum(s[0]) || !asciiAlnum(s[len(s)-1]) {
			s = strings.Trim(s, "'’-.") // never cuts an ASCII letter or digit at an end
		}
		if s != "" {
			r, _ := utf8.DecodeRuneInString(s)
			lower := s
			if strings.ContainsFunc(s, changesLower) {
				if lowered.Cap() == 0 {
					lowered.Grow(len(text) - start)
				}
				a := lowered.Len()
				for _, c := range s {
					lowered.WriteRune(unicode.ToLower(c))
				}
				lower = lowered.String()[a:]
			}
			out = append(out, nameWord{s: s, lower: lower, upper: unicode.IsUpper(r), clause: clause})
			clause = false
		}
		start = -1
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		case start >= 0 && (r == '\'' || r == '’' || r == '-') && i+1 < len(text) && isLetterAt(text, i+len(string(r))):
			// inside a word
		default:
			flush(i)
			if strings.ContainsRune(".!?;:,–—-\n()\"„“”«»", r) {
				clause = true
			}
		}
	}
	flush(len(text))
	return out
}

// asciiAlnum reports whether c is an ASCII letter or digit.
func asciiAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// changesLower reports whether lower-casing changes r (upper and title
// case letters).
func changesLower(r rune) bool { return unicode.ToLower(r) != r }

func isLetterAt(s string, i int) bool {
	for _, r := range s[i:] {
		return unicode.IsLetter(r)
	}
	return false
}

// notNames are capitalised words that start a clause or follow "hier ist"
// without being anyone's name: pronouns, greetings, question words and
// German words often capitalised there.
var notNames = wordSet(
	"ich", "sie", "wir", "er", "es", "ihr", "ihre", "ihren", "ihnen", "du", "man", "das", "der", "die", "dies", "hier", "da", "ja", "nein",
	"niemand", "jemand", "keiner", "alles", "nichts", "wer", "was", "wie", "und", "aber", "also", "so", "okay", "ok", "gut", "danke",
	"mein", "meine", "meinen", "unser", "unsere", "ein", "eine", "kein", "keine", "dieser", "diese", "jetzt", "heute", "immer", "viel",
	"hallo", "guten", "tag", "morgen", "abend", "moin", "servus", "grüß", "herzlich", "schön", "schönes", "genau",
	"i", "you", "we", "he", "she", "it", "they", "this", "that", "there", "these", "nobody", "somebody", "someone", "everyone", "everything",
	"nothing", "who", "what", "how", "and", "but", "so", "yes", "no", "yeah", "hello", "hi", "hey", "good", "morning", "afternoon",
	"evening", "thanks", "thank", "right", "well", "oh", "sorry", "my", "your", "our", "the", "a", "an", "just", "not",
)

// greetingWords may stand before a "… hier" introduction in its clause
// ("Hallo Anna Keller hier", "Hi Sam here").
var greetingWords = wordSet("hallo", "hi", "hey", "hello", "guten", "tag", "morgen", "abend", "good", "morning", "afternoon", "evening", "moin", "servus", "ja", "yes", "yeah", "so", "also", "okay", "ok")

// afterName are the words that may follow a name in an introduction: where
// the caller is from, or that they are speaking.
var afterName = wordSet("von", "vom", "aus", "bei", "mit", "from", "at", "with", "of", "calling", "speaking", "again", "here", "hier", "und", "and")

// leads are the phrases after which a capitalised word is a name.
var leads = [][]string{
	{"hier", "ist"}, {"hier", "spricht"}, {"this", "is"}, {"mein", "name", "ist"}, {"my", "name", "is"}, {"ich", "heiße"}, {"my", "name's"},
}

// whoAnswerLeads, right after the prospect asked who is calling, make
// whatever follows an answer ("Ich bin Berater bei …", "I'm with Acme").
var whoAnswerLeads = [][]string{{"ich", "bin"}, {"i'm"}, {"i", "am"}, {"mein", "name"}, {"my", "name"}}

// NamesSelf reports whether text introduces its speaker by name:
//   - a capitalised name after "hier ist", "hier spricht", "this is",
//     "mein Name ist", "my name is", "ich heiße", followed by the end of
//     the clause, another capitalised word or one of afterName
//     ("Guten Tag, hier ist Anna Keller von Netzwerk Nord");
//   - one to three capitalised words opening a clause (after greeting
//     words), then "hier", "here", "speaking" or "am Apparat", then the end
//     of the clause or one of afterName ("Anna Keller hier.", "Hi, Sam
//     Taylor here from Acme");
//   - when askedWho (the prospect just asked who is calling): a turn
//     whose first clause is one to three capitalised words ("Anna Keller.",
//     "Keller, von Netzwerk Nord"), or that starts with "ich bin", "I'm",
//     "mein Name", "my name".
//
// A capitalised word is a name unless it is one of notNames.
func NamesSelf(text string, askedWho bool) bool {
	ws := nameWords(text)
	name := func(i int) bool { return i < len(ws) && ws[i].upper && !notNames[ws[i].lower] }
	// closes reports whether the name ending before i ends properly.
	closes := func(i int) bool { return i >= len(ws) || ws[i].clause || afterName[ws[i].lower] }
	// nameRun returns the end of a run of one to three names at i, or -1.
	nameRun := func(i int) int {
		if !name(i) {
			return -1
		}
		j := i + 1
		for j < len(ws) && j < i+3 && !ws[j].clause && ws[j].upper && !afterName[ws[j].lower] {
			j++
		}
		return j
	}
	for i := range ws {
		for _, lead := range leads {
			if !wordsAt(ws, i, lead) {
				continue
			}
			if j := nameRun(i + len(lead)); j > 0 && closes(j) {
				return true
			}
		}
		if ws[i].clause {
			k := i
			for k < len(ws) && greetingWords[ws[k].lower] && (k == i || !ws[k].clause) {
				k++
			}
			if j := nameRun(k); j > 0 && (k == i || !ws[k].clause) {
				switch {
				case j < len(ws) && !ws[j].clause && (ws[j].lower == "hier" || ws[j].lower == "here" || ws[j].lower == "speaking") && closes(j+1):
					return true
				case wordsAt(ws, j, []string{"am", "apparat"}) && !ws[j].clause:
					return true
				}
			}
		}
	}
	if askedWho && len(ws) > 0 {
		for _, lead := range whoAnswerLeads {
			if wordsAt(ws, 0, lead) {
				return true
			}
		}
		if j := nameRun(0); j > 0 && closes(j) {
			return true
		}
	}
	return false
}

// wordsAt reports whether the words at i are phrase, lower case, all in one
// clause.
func wordsAt(ws []nameWord, i int, phrase []string) bool {
	if i+len(phrase) > len(ws) {
		return false
	}
	for k, p := range phrase {
		if ws[i+k].lower != p || (k > 0 && ws[i+k].clause) {
			return false
		}
	}
	return true
}

// whoQuestions are phrases of a prospect asking who is calling.
var whoQuestions = []string{"wer ist da", "wer ist denn da", "wer spricht", "wer sind sie", "mit wem spreche", "wer ist am apparat", "who is this", "who's this", "who's calling", "who is calling", "who am i speaking", "who's speaking", "who is speaking", "who may i say"}

// AskedWho reports whether the prospect's reply asked who is calling.
func AskedWho(reply string) bool { return whoSaid.in(strings.ToLower(reply)) }

// whoSaid is whoQuestions for finding any of them in one scan.
var whoSaid = substringsOf(whoQuestions)

// containsAny reports whether lower contains any of phrases (lower case).
func containsAny(lower string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(lower, p) {
			return true
		}
	}
	return false
}

// wordSet is a set of words as written (lower case).
func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
