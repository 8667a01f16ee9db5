package acts

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/openline/openline/internal/openline"
)

// The phrase lists of the turn-level signals Read gives (Turn.Hurried,
// Turn.NoTime, Turn.Request, Turn.Annoyed), matched on the turn lower-cased
// with runs of spaces folded. Both languages are always searched.

// hurriedPhrases are what a prospect says when they are short of time for
// the call or the trainee talks too much at once: said about the call, not
// about their life ("I have no time to exercise" is no signal).
var hurriedPhrases = map[openline.Language][]string{
	openline.German: {"keine zeit", "wenig zeit", "kaum zeit", "nicht viel zeit", "mach's kurz", "machs kurz", "machen sie's kurz", "machen sie es kurz",
		"fassen sie sich kurz", "fass dich kurz", "bitte kurz", "nur kurz zeit", "ich hab's eilig", "ich habe es eilig", "hab's eilig", "habs eilig", "bin in eile", "in eile",
		"jetzt mal langsam", "mal langsam", "nicht so schnell", "zu viel auf einmal", "ganz schön viel auf einmal", "kommen sie zum punkt", "komm zum punkt",
		"auf den punkt", "bin beschäftigt", "bin gerade beschäftigt", "im stress", "muss gleich weiter", "muss gleich los",
		"gleich einen termin", "gleich den nächsten termin", "gleich ein termin", "gleich eine besprechung"},
	openline.English: {"no time right now", "no time for this", "not a good time", "bad time", "busy right now", "a bit busy", "be quick",
		"make it quick", "keep it short", "keep it brief", "short on time", "in a hurry", "only got a minute", "i've got a minute", "only have a minute",
		"haven't got long", "don't have long", "hold on, hold on",
		"got a meeting in", "have a meeting in", "a meeting in ten", "a meeting in five", "into a meeting", "steady on", "slow down", "a lot at once", "too much at once", "get to the point"},
}

// noTimePhrases tell the other person that the trainee has no time for
// them.
var noTimePhrases = map[openline.Language][]string{
	openline.German: {"keine zeit", "wenig zeit", "kaum zeit", "bin gerade beschäftigt", "bin beschäftigt", "bin gerade im stress",
		"im stress", "muss gleich weiter", "muss weiter", "mach's kurz", "machs kurz", "machen sie's kurz", "machen wir's kurz", "machen wirs kurz", "bitte kurz", "bitte ganz kurz", "ganz kurz bitte", "hab gerade viel zu tun", "habe gerade viel zu tun"},
	openline.English: {"no time", "a bit busy", "bit busy", "i'm busy", "i am busy", "quite busy", "really busy", "in a rush", "bit of a rush", "in a hurry",
		"got to go", "gotta go", "have to go", "make it quick", "keep it short", "short on time", "haven't got long", "don't have long"},
}

// noTime reports whether trainee turn r (said as text) tells the other
// person the trainee has no time for them, and in which sentence: a
// noTimePhrase said of oneself. Giving their own words back ("Ständig,
// und Sie haben keine Zeit.": a reflection, or the listener as subject)
// says nothing of the trainee's time. A turn without sentences is read
// as a whole.
func noTime(r Result, text string) (bool, int) {
	if !noTimeSaid.in(foldSpace(text)) {
		return false, 0 // the common case, read once
	}
	if len(r.Sentences) == 0 {
		return true, 0
	}
	for k, s := range r.Sentences {
		if slices.Contains(s.Acts, openline.ActReflection) {
			continue
		}
		q := quoteOf(text, s)
		f := foldSpace(q)
		if noTimeSaid.in(f) && !listenerTimeSaid.in(" "+f) && saidOfSelf(q) {
			return true, k
		}
	}
	return false, 0
}

// breaksOff reports whether a turn breaks off mid-sentence: it ends
// with a dash right after a word ("I also wanted to mention—", "Und der
// Name, Okafor –"), cut off by the other speaker.
func breaksOff(text string) bool {
	t := strings.TrimSpace(text)
	for _, dash := range []string{"—", "–", "-"} {
		if rest, ok := strings.CutSuffix(t, dash); ok {
			rest = strings.TrimRight(rest, " ")
			r, _ := utf8.DecodeLastRuneInString(rest)
			return rest != "" && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == ',')
		}
	}
	return false
}

// saidOfSelf reports whether the no-time phrase of sentence q is said of
// the speaker: its clause has a word of the speaker or of a request to be
// quick ("ich hab grad keine Zeit", "machen wir's kurz", "I've no time"),
// not of the moment ("das ist wirklich keine Zeit für so einen Anruf",
// "no time is a good time for a burst pipe").
func saidOfSelf(q string) bool {
	seen := false
	for clause := range strings.FieldsFuncSeq(q, isClauseMark) {
		if !noTimeSaid.in(foldSpace(clause)) {
			continue
		}
		seen = true
		for _, t := range tokenize(clause) {
			if selfTimeWords[t.s] {
				return true
			}
		}
	}
	return !seen // a phrase across a clause mark: read as before
}

// selfTimeWords are the words that make a no-time phrase the speaker's
// own, or a request to be quick (folded).
var selfTimeWords = map[string]bool{"ich": true, "hab": true, "habe": true, "bin": true, "wir": true, "mir": true, "mein": true, "meine": true,
	"muss": true, "mach's": true, "machs": true, "machen": true, "bitte": true,
	"i": true, "i'm": true, "i've": true, "im": true, "ive": true, "we": true, "we're": true, "we've": true, "me": true, "my": true,
	"got": true, "gotta": true, "have": true, "haven't": true, "don't": true, "make": true, "keep": true}

// listenerTime are the words that make a no-time phrase the listener's:
// "Sie haben keine Zeit", "you're busy".
var listenerTime = []string{" sie haben", " sie hätten", " haben sie", " sind sie", " sie sind", " ihnen", " du hast", " hast du", " dir ",
	" you have", " you've", " you're", " you are", " you don't", " you do", " your "}

var listenerTimeSaid = substringsOf(listenerTime)

// requestPhrases show that a caller brings a request of their own.
var requestPhrases = map[openline.Language][]string{
	openline.German: {"ich rufe an", "ich rufe wegen", "ich rufe bei ihnen an", "ich ruf wegen", "ich wollte fragen", "ich wollte mich", "ich möchte", "ich hätte gern",
		"ich hätte eine frage", "ich habe eine frage", "ich hab eine frage", "ich hab ne frage", "können sie mir", "könnten sie mir", "ich brauche", "ich suche", "ich interessiere mich", "ich melde mich wegen"},
	openline.English: {"i'm calling", "i am calling", "calling about", "calling because", "i wanted to ask", "i'd like", "i would like", "could you help",
		"can you help", "i need", "i'm looking for", "i am looking for", "i have a question", "i'm interested in", "i am interested in"},
}

// evadingPhrases give no point of the prospect's own: not knowing
// (unless the turn objects; "Ich weiß nicht, ob das zu uns passt" is a
// doubt, not a don't-know, and is not listed), and
// awayPhrases being called away or brushing off, which make no point even
// when the reading hears a no in them. They count only in a short turn
// (maxEvadingWords): "I don't know, we lose two fitters a year" has a point.
var evadingPhrases = map[openline.Language][]string{
	openline.German: {"weiß ich nicht", "weiss ich nicht", "ich weiß es nicht", "keine ahnung", "kann ich nicht sagen", "kann ich ihnen nicht sagen", "aus dem kopf nicht",
		"aus dem stegreif", "müsste ich nachschauen", "müsste ich nachsehen"},
	openline.English: {"i don't know that", "i don't know offhand", "no idea", "couldn't tell you", "can't tell you", "couldn't say", "can't say", "offhand", "off the top of my head",
		"i'd have to check", "i would have to check"},
}

var awayPhrases = map[openline.Language][]string{
	openline.German: {"wartet auf mich", "warten auf mich", "auf mich wartet", "wartet ein", "wartet eine", "wartet jemand", "klingelt", "steht vor der tür", "bin unterwegs", "muss los", "ich muss jetzt", "ich muss weg",
		"schicken sie mir was", "schicken sie was", "schicken sie mir eine mail", "schicken sie mir unterlagen"},
	openline.English: {"waiting for me", "at the door", "someone's here", "i have to go", "i've got to go", "i need to go", "gotta go",
		"just send me", "send me an email", "send me something"},
}

// maxEvadingWords is the longest prospect turn, in words, that an
// evading phrase makes a turn without a point.
const maxEvadingWords = 12

// annoyedPhrases show a prospect's annoyance with the trainee.
var annoyedPhrases = map[openline.Language][]string{
	openline.German: {"das sagten sie schon", "das haben sie schon gesagt", "hab ich doch gesagt", "habe ich doch gesagt", "hab ich schon gesagt", "habe ich schon gesagt",
		"hören sie mir überhaupt zu", "hören sie zu", "jetzt reicht", "es reicht", "nerven sie", "sie nerven", "wie oft noch", "lassen sie mich ausreden", "unverschämt", "aufdringlich",
		// Refusing to go on in this manner, or asking for civility: a warning.
		"so rede ich nicht weiter", "wenn sie so weitermachen", "aber sehr persönlich", "zu persönlich", "in dem ton nicht", "in diesem ton", "mäßigen sie sich", "so lasse ich nicht mit mir reden", "muss ich mir nicht anhören"},
	openline.English: {"i already said", "i already told you", "i told you", "you already said", "are you even listening", "are you listening", "that's enough",
		"you're not listening", "not listening to a word", "do you understand that", "how many times", "let me finish", "stop pushing", "pushy", "this is ridiculous", "don't push",
		"won't go on like this", "not going on like this", "too personal", "bit personal", "if you carry on like this", "if you keep this up", "can't go on like this", "not in that tone", "in that tone", "keep it civil", "spoken to like that", "don't have to listen to this"},
}
