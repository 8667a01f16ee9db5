package acts

import "strings"

// This file reads help offered in other words than the lexicon's: putting
// right what went wrong for the other person (offer_help, as fixing a
// caller's complaint on the spot is), and offering to find someone for
// them. Both are shapes: who does it and a word of the family, not one
// phrasing.

// fixesForThem reports a sentence in which the speaker themself puts
// right what went wrong for the listener: a verb of putting right ("Ich
// sperre Ihre Nummer", "Ich korrigier das sofort", "I'll reissue it",
// "Let me sort it") in a clause whose doer is the speaker (ich, I, let
// me), about something of theirs or now: the clause names what is put
// right ("das", "Ihre Rechnung", "it") or when ("sofort", "today").
// "Wir erledigen das für Sie" is the company's offer, a pitch, and "Sie
// sollten das stornieren" advice: neither has the speaker do it; "Ich
// repariere seit zwanzig Jahren Heizungen" says what they do, it fixes
// nothing of the listener's.
func fixesForThem(toks []token) bool {
	for i := range toks {
		if !fixWord(toks, i) {
			continue
		}
		from, to := clauseOf(toks, i)
		doer := hasWord(toks[from:to], fixDoers...) || hasWord(toks[from:to], "let", "lass", "lassen") && hasWord(toks[from:to], "me", "mich")
		if doer && hasWord(toks[from:to], fixObjects...) {
			return true
		}
	}
	return false
}

// fixWord reports whether toks[i] is a verb of putting right: one of
// fixStems, or a phrasal one ("trage Sie … aus", "put it right", "sort
// it", not "that sort of thing").
func fixWord(toks []token, i int) bool {
	w := toks[i].s
	for _, p := range fixStems {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	next := func(ws ...string) bool {
		for k := i + 1; k < len(toks) && k <= i+3 && !toks[k].clause; k++ {
			if hasWord(toks[k:k+1], ws...) {
				return true
			}
		}
		return false
	}
	switch w {
	case "fix", "fixed", "sort", "sorted", "refund", "refunded": // "rebook", "reissue" are fixStems
		return w != "sort" || i+1 >= len(toks) || toks[i+1].s != "of"
	case "trage", "trag", "tragen":
		return next("aus")
	case "put", "putting":
		return next("right")
	}
	return false
}

// fixStems begin the verbs of putting right (folded; German, and the
// English "rebook", "reissue"); fixDoers are the words of the speaker
// doing it.
var (
	fixStems = []string{"sperr", "austrag", "korrigier", "beheb", "erledig", "storn", "erstatt", "gutschr", "umbuch", "repar",
		"berichtig", "rebook", "reissu"}
	fixDoers = []string{"ich", "i", "i'll", "ill", "i'd", "i've", "i'm", "mach's", "machs"}
	// fixObjects name what of the listener's is put right, or when.
	// An article names nothing of theirs ("I fixed the boilers for
	// twenty years").
	fixObjects = []string{"das", "es", "dies", "sie", "ihre", "ihren", "ihrem", "ihr", "ihnen", "sofort", "gleich", "heute", "jetzt", "morgen",
		"that", "it", "this", "them", "you", "your", "today", "now", "tomorrow", "straight"}
)

// findsSomeone reports a sentence in which the speaker offers to find
// someone for the listener: they know somebody ("Vielleicht kenn ich
// jemanden", "a friend of mine knows someone") or will ask around ("Soll
// ich mal rumfragen?", "Shall I ask her if she knows anyone?"). Asking
// the listener whether they know someone ("Kennen Sie jemanden …?",
// "Do you know anyone …?") is a question for a contact, not an offer.
func findsSomeone(toks []token) bool {
	if !hasWord(toks, "ich", "i", "i'll", "i'd", "shall", "my", "mine", "mein", "meine", "meiner") {
		return false
	}
	for i, t := range toks {
		switch {
		case t.s == "rumfragen" || t.s == "herumfragen" || t.s == "umhoeren" || t.s == "around" && i > 0 && toks[i-1].s == "ask":
			return true
		case strings.HasPrefix(t.s, "kenn") || t.s == "know" || t.s == "knows":
			from, to := clauseOf(toks, i)
			if hasWord(toks[max(from, i-2):i], "you", "sie", "du") || i+1 < len(toks) && hasWord(toks[i+1:i+2], "sie", "du") ||
				!hasWord(toks[from:to], "ich", "i", "i'll", "i'd", "shall", "my", "mine", "mein", "meine", "meiner") {
				continue // their knowing, asked or told, not the speaker's
			}
			for k := i + 1; k < to; k++ {
				if strings.HasPrefix(toks[k].s, "jemand") || hasWord(toks[k:k+1], "anyone", "someone", "somebody", "anybody") {
					return true
				}
			}
		}
	}
	return false
}
