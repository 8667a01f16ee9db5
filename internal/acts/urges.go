package acts

// This file reads urging past a put-off: when the person answering says
// the one asked for is not to be had, asks what the call is about or
// offers to take a message (a gatekeeper), or says they have no time
// themselves, insisting that it matters or takes only a moment ("It's
// really important, I only need two minutes", "Es ist dringend, dauert
// nur kurz") without saying what it is about presses past them: pressure.
// Said with the reason of the call ("It's about the invoice you queried,
// it won't take long") it answers them.

// putOffPhrases put the caller off (folded, whole words): the person is
// away or busy, a message is offered, there is no time.
var putOffPhrases = phrases(
	"in a meeting", "in meetings", "not available", "isn't available", "unavailable", "not in today", "not in the office", "out of the office",
	"on another call", "take a message", "leave a message", "pass it on", "he's busy", "she's busy", "i'm busy", "not a good time", "no time",
	"can't talk", "what's it regarding", "what is it regarding", "what's it about", "what is it about", "what's this about", "what is this about",
	"in einer besprechung", "im termin", "in einem termin", "nicht im haus", "nicht da", "nicht erreichbar", "nicht zu sprechen",
	"etwas ausrichten", "was ausrichten", "nachricht hinterlassen", "keine zeit", "gerade schlecht", "passt gerade nicht", "telefoniert gerade",
	"ist beschäftigt", "ist unterwegs", "worum geht", "um was geht",
)

// putsOff reports whether a turn puts the caller off (putOffPhrases).
func putsOff(text string) bool { return phrase(text).any(putOffPhrases) }

// urgingPhrases insist that the call matters (fillers such as "really"
// and "wirklich" left out: loosePhrases) or that it takes only a moment.
var urgingPhrases = loosePhrases(
	"it's important", "it is important", "it's very important", "it's urgent", "it is urgent", "it's very urgent", "it's quite urgent", "it's quite important", "won't take long", "will only take a minute", "only takes a minute",
	"es ist wichtig", "es ist sehr wichtig", "es ist dringend", "es ist sehr dringend", "es eilt",
	"dauert nicht lange", "dauert nur", "ganz kurz", "nur kurz",
)

// urges reports whether a sentence insists that the call matters or is
// short (urgingPhrases, or "only"/"just"/"nur" with minutes). A sentence
// about the listener ("It's important you look after yourself", "Es ist
// wichtig, dass Sie sich schonen") cares for them and urges nothing.
func urges(toks []token) bool {
	if hasWord(toks, "you", "your", "yourself", "ihnen", "dich", "dir", "du", "dass", "that") {
		return false
	}
	if phraseOf(toks).loose().any(urgingPhrases) {
		return true
	}
	return hasWord(toks, "only", "just", "nur") && hasPrefix(toks, "minute", "minut", "sekund", "second")
}
