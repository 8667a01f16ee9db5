package acts

import "strings"

// This file reads how a trainee answers a complaint (docs/scoring.md,
// "Complaints"): defending the own side against it ("I hear you, but our
// records show …", "To be fair, our engineers …", "Tut mir leid, aber das
// liegt am Spediteur") argues, so an acknowledgement before it is a "yes,
// but"; apologising for it acknowledges it; and committing oneself to put
// it right ("I'll send our lead engineer on Thursday", "What I can do is
// book you the first slot with our senior engineer", "I'll ring you
// Thursday to check it's working") is help, neither a pitch nor a step
// pushed after a no. Each is a shape read in the conversation before the
// turn: the same words to a prospect who complained of nothing are read
// as they are anywhere else.

// complaintPhrases name a service that failed the speaker (folded, whole
// words): a prospect turn saying one complains.
var complaintPhrases = phrases(
	"missed", "nobody came", "no one came", "nobody turned up", "no one turned up", "nobody showed", "no one showed", "never came",
	"never turned up", "never showed", "didn't turn up", "didn't come", "didn't show", "did not turn up", "did not come", "no-show", "no-shows",
	"not acceptable", "unacceptable", "want this fixed", "want it fixed", "want this sorted", "want it sorted", "furious", "fed up", "let down", "let us down", "let me down", "complain", "complaint", "not good enough",
	"nicht gekommen", "keiner gekommen", "niemand gekommen", "nicht erschienen", "nicht aufgetaucht", "schon wieder", "zum dritten mal",
	"zum zweiten mal", "beschweren", "beschwerde", "unmöglich", "stinksauer", "sauer", "ärgerlich", "versetzt", "im stich gelassen", "reicht mir",
)

// complaintSaid reports whether a prospect turn complains about something
// that went wrong for them: it names a failure (complaintPhrases), or one
// of its sentences is an exclamation of some length ("Ihr Techniker war
// schon wieder nicht da!", not "Oh yes, hello!").
func complaintSaid(text string) bool {
	if phrase(text).any(complaintPhrases) {
		return true
	}
	for _, sp := range splitSentences(text) {
		if s := text[sp.start:sp.end]; strings.HasSuffix(strings.TrimSpace(s), "!") && WordCount(s) >= complaintWords {
			return true
		}
	}
	return false
}

// complaint reports whether the trainee answers a complaint: one the
// prospect made earlier in the call (Complained), or the turn before said
// in anger (angry). A no or an objection alone is no complaint: nothing
// went wrong for them.
func (c *Context) complaint() bool {
	return c.Complained || c.angry()
}

// defencePhrases defend the speaker's side against what the listener
// holds against it (folded, whole words): an appeal to fairness, the own
// records against their account, an excuse, the own people's
// reliability.
var defencePhrases = phrases(
	"to be fair", "in fairness", "in all fairness", "in our defence", "in our defense", "mind you", "our records", "the records show",
	"our system says", "our system shows", "the system says", "the system shows", "our notes say", "our notes show", "according to our",
	"engineer was there", "engineer did", "he was there", "he did try", "he did call", "we did try", "we were there", "did try to", "did call ahead",
	"not our fault", "wasn't our fault", "nothing we can do", "nothing we could do", "out of our hands", "beyond our control",
	"these things happen", "things happen", "it happens", "off sick", "staff sickness", "fully booked", "been stretched", "can't be everywhere",
	"normally very", "usually very", "normally reliable", "very reliable", "had a breakdown", "broke down", "a misunderstanding",
	"fairerweise", "um fair zu sein", "zu unserer verteidigung", "unser system", "unsere unterlagen", "laut unseren unterlagen", "laut system",
	"im system steht", "techniker war da", "monteur war da", "fahrer war da", "er war da", "wir waren da", "war vor ort", "hat es versucht",
	"nicht unsere schuld", "dafür können wir nichts", "da können wir nichts", "liegt am", "liegt an der", "liegt nicht an uns",
	"so etwas passiert", "sowas passiert", "kann passieren", "kommt vor", "war krank", "krankheitsbedingt", "ausgebucht", "ausgelastet",
	"normalerweise sehr", "sehr zuverlässig", "höhere gewalt", "ein missverständnis",
)

// defends reports whether a statement defends the speaker's side
// (defencePhrases) in answer to a complaint, an objection or a no.
func defends(toks []token, ctx *Context) bool {
	return ctx.Prospect != "" && (ctx.complains() || ctx.complaint()) && phraseOf(toks).any(defencePhrases)
}

// notApology are sorries for one's own interruption or for
// not hearing ("sorry to bother you", "sorry, I didn't catch that")
// acknowledges nothing of theirs.
var notApology = phrases("sorry to bother", "sorry to interrupt", "sorry to disturb", "sorry for calling", "sorry to call", "sorry for the interruption",
	"sorry i didn't catch", "sorry i didnt catch", "sorry what", "sorry who", "sorry to trouble", "sorry if i")

// apologisesFor returns where a statement apologises to a prospect who
// complained ("I'm so sorry about that", "My apologies", "I do
// apologise"), the index of the apology's word, or -1: it takes in what
// went wrong for them, an acknowledgement.
func apologisesFor(toks []token, ctx *Context) int {
	if ctx.Prospect == "" || !ctx.complaint() {
		return -1
	}
	p := phraseOf(toks)
	if p.any(notApology) {
		return -1
	}
	for i, t := range toks {
		switch {
		case t.s == "sorry" && i > 0 && hasWord(toks[max(0, i-3):i], "i'm", "im", "am", "so", "really", "very", "truly", "terribly"):
			return i
		case strings.HasPrefix(t.s, "apologi") && i > 0 && hasWord(toks[max(0, i-2):i], "i", "do", "my", "we"):
			return i
		}
	}
	return -1
}

// remedyVerbs are the folded beginnings of the verbs of putting a
// complaint right by doing something for them: sending someone, coming,
// booking, ringing back, confirming, checking, sorting out.
var remedyVerbs = []string{"send", "book", "come", "bring", "ring", "call", "confirm", "check", "sort", "arrange", "rebook", "chase", "escalat", "get",
	"make sure", "look into", "fix", "refund",
	"schick", "buch", "komm", "bring", "ruf", "bestaetig", "pruef", "klaer", "kuemmer", "sorg", "reparier", "vorbeikomm"}

// remedyDoers are the words of the speaker (or their side) committing to
// a step: a promise, not a description ("I get that" commits to nothing).
var remedyDoers = phrases("i'll", "ill", "i will", "let me", "i can", "i could", "i'd like to", "i'm going to", "i've booked", "i have booked",
	"what i can do", "can i", "could i", "shall i", "may i", "if i", "we'll", "we will", "ich", "lassen sie mich", "wir schicken", "wir kommen")

// remedyNot name what a caller sells or a step of a sale: a promise with
// one of them is a pitch or a step, however helpful it sounds.
var remedyNot = stems("demo", "demonstration", "presentation", "trial", "premium", "upgrade", "contract", "brochure", "discount", "price", "cover",
	"subscription", "membership", "deal", "praesentation", "testversion", "vertrag", "rabatt", "preis", "abo", "mitgliedschaft", "broschuere",
	"unterlagen", "infos", "informationen", "information", "info", "details", "invitation", "invite", "einladung")

// remedies reports whether a sentence answering a complaint commits the
// speaker to put it right (remedyDoers with a remedyVerbs in one clause),
// with nothing of a sale in it (an own offerNouns, remedyNot, a price).
func remedies(toks []token, ctx *Context) bool {
	if ctx.Prospect == "" || !ctx.complaint() || namesPrice(toks) {
		return false
	}
	for i, t := range toks {
		// An offering of the own side ("our plan"), not their service
		// that went wrong ("to do the service").
		own := offerNouns[t.s] && i > 0 && hasWord(toks[max(0, i-3):i], "our", "my", "this", "unser", "unsere", "unseren", "unserem", "mein", "meine", "meinen", "dieses", "diesen")
		if own || remedyNot[stem(t.s)] {
			return false
		}
	}
	if phraseOf(toks).any(defencePhrases) {
		return false // "I can see the engineer did try to call": a defence
	}
	for i := range toks {
		if !remedyVerb(toks, i) {
			continue
		}
		// The doer right before the verb, or in German right after it
		// ("Morgen schicke ich Ihnen jemanden").
		from, to := clauseOf(toks, i)
		if hasWord(toks[from:to], callReasons...) {
			continue // "ich rufe deshalb zurück": why the call is made, no promise
		}
		if phraseOf(toks[max(from, i-maxRemedyGap):i]).any(remedyDoers) || hasWord(toks[i+1:min(to, i+3)], "ich") {
			return true
		}
	}
	return false
}

// callReasons give the reason of the call being made: a clause with one
// says why the speaker calls, it promises nothing.
var callReasons = []string{"deshalb", "deswegen", "darum", "weil", "wegen", "because"}

// maxRemedyGap is how many words may stand between the doer and the verb
// of a remedy ("What I can do is book you …", "I'll get our claims team
// to ring you").
const maxRemedyGap = 5

// remedyVerb reports whether toks[i] begins a remedy verb (remedyVerbs;
// "make sure", "look into" as two words).
func remedyVerb(toks []token, i int) bool {
	w := toks[i].s
	if i > 0 && hasWord(toks[i-1:i], "the", "a", "your", "our", "this", "die", "der", "den", "ihre", "ihren", "unsere") {
		return false // "pull up the booking", "der Ruf": a noun
	}
	for _, v := range remedyVerbs {
		if a, b, two := strings.Cut(v, " "); two {
			if w == a && i+1 < len(toks) && toks[i+1].s == b {
				return true
			}
			continue
		}
		if strings.HasPrefix(w, v) {
			return true
		}
	}
	return false
}
