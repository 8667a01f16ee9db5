package acts

import (
	"slices"
	"strings"
)

// This file reads a pitch by its shape rather than by its nouns: the
// caller's own side stated as what it does or gives ("Wir beraten
// Handwerksbetriebe bei der Nachfolge", "We do eco-friendly cleaning",
// "Yes, we have a Saturday slot", "Dann haben Sie bei uns eine kostenlose
// Nachbesetzung", "Unser Seminar im April hat noch Plätze frei"). A
// question is no pitch this way, and neither is the shared past ("Wir
// hatten letzte Woche telefoniert"), a step offered ("Wir könnten …",
// "we'll send you …") or talk about the call itself.

// ownSideStarts open a clause about the caller's own company (folded).
var ownSideStarts = map[string]bool{"wir": true, "we": true, "we've": true, "weve": true}

// copulas after "wir"/"we" describe the caller rather than claim
// something for the product.
var copulas = map[string]bool{"sind": true, "waren": true, "are": true, "were": true}

// ownPossessives open a clause about the caller's own product (folded).
var ownPossessives = map[string]bool{"unser": true, "unsere": true, "unseren": true, "unserem": true, "unserer": true, "unseres": true}

// notClaims are words that make a clause about one's own side something
// other than a claim about the product: a step offered, the shared past,
// the call, a reflexive ("wir uns"), a wish, what the own side will
// become or learn ("Damit wir besser werden", the reason given for a
// feedback request) (folded prefixes).
var notClaims = []string{"koenn", "could", "can", "sollt", "should", "wuerd", "would", "might", "muess", "need", "moecht", "want", "wollt",
	"schick", "send", "ruf", "call", "meld", "seh", "see", "spoke", "sprach", "gesproch", "telefon", "talk", "met", "getroff", "hatten", "had",
	"emailed", "mailed", "geschrieb", "wrote", "uns", "us", "gespraech", "anruf", "telefonat", "conversation", "chat", "email", "mail",
	"freu", "glad", "happy", "hoff", "hope", "wuensch", "wish", "dank", "thank", "verstehe", "understand", "weiss", "know", "sorry", "leid",
	"let", "lass", "will", "wird", "werd", "'ll", "ll", "lern", "learn"}

// offering are the verbs of a third party's offer, said for the one the
// caller calls for ("Herr Brandt bietet …", "Alex offers …"): a pitch in
// someone else's name. Said of the listener ("Was Ihr Verbund bietet,
// ist schon viel") they describe them (listenerBefore).
var offering = map[string]bool{"bietet": true, "anbietet": true, "offers": true, "provides": true}

// listenerBefore reports whether a word for the listener (listener)
// stands in the clause of toks[i] before it.
func listenerBefore(toks []token, i int) bool {
	from, _ := clauseOf(toks, i)
	return hasWord(toks[from:i], listener...)
}

// claimsOwnSide reports whether a statement toks (not a question) makes a
// claim about the caller's own side: a clause opening (after at most one
// marker such as "ja", "yes", "und", "übrigens") with "wir"/"we" or a
// possessive "unser", or naming "bei uns"/"with us" beside the listener
// ("Sie haben bei uns …"), with none of notClaims in it.
func claimsOwnSide(toks []token, q qkind) bool {
	if q != noQ || len(toks) < 2 {
		return false
	}
	for i, t := range toks {
		// A clause after "that"/"dass" ("I just wanted to mention that
		// we've added …") states the own side as much as one of its own.
		start := t.clause || (i > 0 && (toks[i-1].clause && markerWord(toks[i-1].s) || toks[i-1].s == "that" || toks[i-1].s == "dass"))
		own := start && (ownPossessives[t.s] || t.s == "ours") && i+1 < len(toks)
		// "Wir sind ein kleines Team aus Köln" describes who calls; it
		// claims nothing for the product, unless it compares.
		if start && ownSideStarts[t.s] && t.s != "we're" && !(i+1 < len(toks) && copulas[toks[i+1].s] && !comparesOwn(toks, i)) {
			own = true
		}
		if comparesOwn(toks, i) {
			own = true // "Wir sind in fast allen Punkten günstiger", "der ist sicher teurer als wir"
		}
		if i+1 < len(toks) && ((t.s == "bei" && toks[i+1].s == "uns") || (t.s == "with" && toks[i+1].s == "us")) && hasWord(toks, "sie", "you", "ihnen") {
			own = true
		}
		if offering[t.s] && !listenerBefore(toks, i) {
			own = true // "Herr Brandt bietet eine Altersvorsorge für Handwerksbetriebe an", "Our partner offers …"
		}
		if !own {
			continue
		}
		// The claim is the clause it opens (from its clause start, so a
		// word before it counts: "Ich wollte, dass wir …" is the speaker's
		// wish only when the want is in the clause).
		from, to := clauseOf(toks, i)
		if toks[i].clause || i > 0 && (toks[i-1].s == "that" || toks[i-1].s == "dass") {
			from = i
		}
		if !claimBreaker(toks[from:to]) {
			return true
		}
	}
	return false
}

// claimBreaker reports whether a clause about one's own side holds one of
// notClaims: a step offered, the shared past, the call, a wish.
func claimBreaker(toks []token) bool {
	for i, t := range toks {
		if (t.s == "uns" || t.s == "us") && i > 0 && (toks[i-1].s == "bei" || toks[i-1].s == "with" || toks[i-1].s == "than" || toks[i-1].s == "als") {
			continue // "bei uns", "with us", "than us": the own side, not a reflexive
		}
		for _, p := range notClaims {
			if strings.HasPrefix(t.s, p) && !(p == "uns" && len(t.s) > 3) && !(p == "us" && len(t.s) > 2) && !(p == "see" && len(t.s) > 3) &&
				!(p == "can" && len(t.s) > 3) && !(p == "met" && len(t.s) > 3) && !(p == "had" && len(t.s) > 3) && !(p == "let" && len(t.s) > 3) &&
				!(p == "will" && len(t.s) > 4) && !(p == "ll" && len(t.s) > 2) && !(p == "call" && len(t.s) > 4) && !(p == "lass" && len(t.s) > 4) {
				return true
			}
		}
	}
	return false
}

// markerWord reports a word that may stand before the subject of a clause
// without changing it ("Ja, wir …", "Yes, we …", "Und wir …").
func markerWord(s string) bool {
	switch s {
	case "ja", "yes", "yeah", "und", "and", "also", "so", "uebrigens", "dann", "then", "oh", "klar", "sure", "genau", "da", "hier", "here":
		return true
	}
	return false
}

// modals make a statement to the listener advice, a possibility or a
// plan rather than giving their words back (folded).
var modals = map[string]bool{"can": true, "could": true, "should": true, "must": true, "need": true, "will": true, "would": true, "might": true,
	"koennen": true, "koennten": true, "sollten": true, "sollen": true, "muessen": true, "werden": true, "wuerden": true, "duerfen": true,
	"kannst": true, "solltest": true, "musst": true, "wirst": true}

func modal(toks []token) bool {
	for _, t := range toks {
		if modals[t.s] {
			return true
		}
	}
	return false
}

// empathises reports a statement that takes the other person's side by
// putting oneself in it: "Da wäre ich auch sauer", "I'd be fed up too".
func empathises(toks []token) bool {
	for i := 0; i+2 < len(toks); i++ {
		a, b := toks[i].s, toks[i+1].s
		if (a == "waere" || a == "wär" || a == "waer") && b == "ich" && hasWord(toks[i:], "auch") {
			return true
		}
		if (a == "i'd" || (a == "i" && b == "would")) && hasWord(toks[i:], "be") && hasWord(toks[i:], "too", "as", "also") {
			return true
		}
	}
	return false
}

// plainAdjectives after "sounds"/"klingt" only acknowledge ("Sounds
// good"); any other word reflects what it sounds like for them ("Das
// klingt anstrengend", "It sounds quite lonely") (folded).
var plainAdjectives = map[string]bool{"good": true, "great": true, "fine": true, "ok": true, "okay": true, "interesting": true, "nice": true, "lovely": true,
	"perfect": true, "fair": true, "right": true, "gut": true, "super": true, "prima": true, "interessant": true, "toll": true, "spannend": true, "perfekt": true,
	"fair enough": true, "plausibel": true, "vernuenftig": true, "reasonable": true, "like": true, "as": true}

// soundsLike reports a clause opening with "sounds", "it/that sounds",
// "klingt" or "das klingt" and going on with how it must be for them.
func soundsLike(toks []token) bool {
	for i, t := range toks {
		if t.s != "sounds" && t.s != "klingt" {
			continue
		}
		lead := i == 0 || toks[i].clause || (i == 1 && (toks[0].s == "it" || toks[0].s == "that" || toks[0].s == "das" || toks[0].s == "this")) ||
			(toks[i-1].clause && (toks[i-1].s == "it" || toks[i-1].s == "that" || toks[i-1].s == "das"))
		if !lead || i+1 >= len(toks) {
			return false
		}
		next := toks[i+1].s
		if next == "quite" || next == "really" || next == "ziemlich" || next == "echt" || next == "wirklich" || next == "so" || next == "sehr" {
			if i+2 >= len(toks) {
				return false
			}
			next = toks[i+2].s
		}
		return !plainAdjectives[next]
	}
	return false
}

// socialProof reports whether a statement argues from what the others do
// (toks, a sentence without a question): the majority of a group of the
// caller's ("most of my clients", "alle unsere Kunden", "the networks I
// work with", "Betriebe Ihrer Größe") or a count out of ten ("nine out of
// ten", "neun von zehn") — "everyone is doing it", a pitch for the
// product in other people's name, and pressure after a no like any
// pitch. Fear of being the last one ("the last one in the Midlands", "der
// Letzte, der …") is the same argument from its other end. Both that fear
// and the others all having come over to the caller ("pretty much
// every start-up here has moved to us") are a bandwagon: pressure, in
// any context (bandwagon).
func socialProof(toks []token, q qkind) (proof, bandwagon bool) {
	if len(toks) < 3 {
		return false, false
	}
	majority, group, last := false, false, false
	for i, t := range toks {
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].s
		}
		switch t.s {
		case "most", "meisten", "every", "all", "alle", "allen", "jeder", "jede", "jedem", "everyone", "everybody", "nearly", "fast", "both", "beide":
			majority = true
		case "out", "von":
			if i > 0 && numberWords[toks[i-1].s] && (next == "of" || numberWords[next]) {
				majority = true
			}
		case "last", "letzte", "letzter", "letzten", "einzige", "einzigen", "only":
			if i > 0 && (toks[i-1].s == "the" || toks[i-1].s == "der" || toks[i-1].s == "die") && (next == "one" || next == "der" || next == "die" || next == "in" || next == "im") {
				last = true
			}
		}
		if proofGroups[t.s] && (i > 0 && proofOwners[toks[i-1].s] || followedBy(toks, i, "i", "ich", "your", "ihrer", "ihrem")) {
			group = true
		}
		if proofGroups[t.s] && i > 0 && (toks[i-1].s == "other" || toks[i-1].s == "andere" || toks[i-1].s == "anderen") {
			group = true
		}
	}
	// The fear is the listener's own: they are the one who would be last
	// ("I'd hate for you to be the last one", "Sie wollen ja nicht der
	// Letzte sein"); "What happened with the last one?" asks about the
	// last hire.
	last = last && hasWord(toks, "you", "you're", "you'll", "you'd", "sie", "du", "ihr") &&
		hasWord(toks, "be", "being", "are", "you're", "sein", "sind", "bist", "waeren", "wären", "werden", "bleiben", "stay", "remain")
	if q != noQ {
		// "You don't want to be the last one, do you?" asks the fear;
		// "Do most of your clients …?" asks about them.
		return last, last
	}
	bandwagon = last || majority && adoptsOurs(toks)
	return bandwagon || majority && group, bandwagon
}

// adoptsOurs reports a clause in which others took up the caller's side:
// a verb of using, moving or switching with "us" or something of ours as
// its object ("now they both use us", "has moved to us", "have moved their
// staff to our scheme", "sind alle zu uns gewechselt", "arbeiten
// inzwischen mit unserem System").
func adoptsOurs(toks []token) bool {
	for i, t := range toks {
		if t.s != "us" && t.s != "uns" && !oursWords[t.s] {
			continue
		}
		from, _ := clauseOf(toks, i)
		for _, w := range toks[from:i] {
			if adoptVerb(w.s) {
				return true
			}
		}
	}
	return false
}

// oursWords name something of the caller's side.
var oursWords = map[string]bool{"our": true, "ours": true, "unser": true, "unsere": true, "unseren": true, "unserem": true, "unserer": true, "unseres": true}

// adoptVerbs are the stems of taking up a supplier: using, moving,
// switching, joining, working with.
var adoptVerbs = []string{"use", "using", "moved", "move", "switch", "join", "signed", "went", "came", "work", "chose",
	"nutz", "gewechsel", "wechsel", "umgestieg", "arbeit", "gekommen", "kommen", "entschied"}

// verbEndings are the endings a verb of adoptVerbs may take ("switched",
// "works", "nutzen", "arbeitet"): a stem with any other ending is another
// word ("useful", "workshop", "Nutzer").
var verbEndings = []string{"", "s", "d", "ed", "es", "ing", "e", "en", "n", "t", "et", "te", "ten", "st"}

// adoptVerb reports whether w is a form of one of adoptVerbs.
func adoptVerb(w string) bool {
	for _, st := range adoptVerbs {
		if rest, ok := strings.CutPrefix(w, st); ok && slices.Contains(verbEndings, rest) {
			return true
		}
	}
	return false
}

// followedBy reports whether the word after toks[i] (or the one after
// it, for "I work with", "Ihrer Größe") is one of ws.
func followedBy(toks []token, i int, ws ...string) bool {
	for k := i + 1; k <= i+2 && k < len(toks); k++ {
		for _, w := range ws {
			if toks[k].s == w {
				return true
			}
		}
	}
	return false
}

// proofOwners say whose the group is: the caller's.
var proofOwners = map[string]bool{"my": true, "our": true, "meine": true, "meinen": true, "meiner": true, "unsere": true, "unseren": true,
	"unserer": true, "unser": true}

// proofGroups are the people a caller's social proof counts.
var proofGroups = map[string]bool{"clients": true, "customers": true, "kunden": true, "networks": true, "firms": true, "companies": true,
	"businesses": true, "directors": true, "owners": true, "practices": true, "members": true, "partners": true, "people": true,
	"betriebe": true, "betrieben": true, "firmen": true, "unternehmen": true, "praxen": true, "kanzleien": true, "inhaber": true, "chefs": true, "kollegen": true,
	"mandanten": true, "partner": true, "leute": true, "netzwerke": true}

// numberWords are the counts of "nine out of ten", "neun von zehn".
var numberWords = map[string]bool{"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true,
	"zwei": true, "drei": true, "vier": true, "fünf": true, "fuenf": true, "sechs": true, "sieben": true, "acht": true, "neun": true, "zehn": true,
	"2": true, "3": true, "4": true, "5": true, "6": true, "7": true, "8": true, "9": true, "10": true}

// asksOfOwnOffer reports whether a sentence names the caller's own offer
// ("unser Angebot", "our plan", "my proposal"): a closed question about it
// asks them to agree with the pitch.
func asksOfOwnOffer(toks []token) bool {
	for i, t := range toks {
		if !proofOwners[t.s] {
			continue
		}
		for k := i + 1; k <= i+2 && k < len(toks); k++ {
			if offerNouns[toks[k].s] {
				return true
			}
		}
	}
	return false
}

// offerNouns name what a caller sells.
var offerNouns = map[string]bool{"angebot": true, "produkt": true, "loesung": true, "paket": true, "tarif": true, "service": true, "app": true,
	"software": true, "programm": true, "konzept": true, "modell": true, "offer": true, "product": true, "solution": true, "package": true,
	"plan": true, "scheme": true, "platform": true, "plattform": true, "tool": true, "system": true}

// givesFeedback reports whether a statement gives the speaker's own
// feedback rather than asking for theirs: "Mein Feedback an Sie wäre: …",
// "My honest feedback would be …".
func givesFeedback(toks []token, q qkind) bool {
	if q != noQ {
		return false
	}
	for i, t := range toks {
		if t.s != "feedback" && t.s != "rueckmeldung" {
			continue
		}
		for k := max(0, i-2); k < i; k++ {
			if toks[k].s == "mein" || toks[k].s == "meine" || toks[k].s == "my" {
				return true
			}
		}
	}
	return false
}

// ownSubject reports whether a sentence's first words make the speaker's
// side its subject ("Also, wir rufen im Auftrag … an", "So we call on
// behalf of …"): it explains the caller, it gives nothing of the
// listener's back, whatever words it shares with them.
func ownSubject(toks []token) bool {
	for i := 0; i < len(toks) && i < 3; i++ {
		if ownSide[toks[i].s] { // "wir", "we", "our": the company, not the "I" of "I see"
			return true
		}
	}
	return false
}

// comparatives are the words of a claim that the own side is better
// (folded).
var comparatives = map[string]bool{"guenstiger": true, "billiger": true, "besser": true, "schneller": true, "flexibler": true, "teurer": true,
	"cheaper": true, "better": true, "faster": true, "quicker": true, "dearer": true, "pricier": true}

// comparesOwn reports whether toks[i] opens a comparison of the caller's
// own side with another: "wir"/"we" with a comparative in its clause
// ("Wir sind günstiger"), or a comparative against "wir"/"uns"/"us"
// ("teurer als wir", "better than us").
func comparesOwn(toks []token, i int) bool {
	t := toks[i].s
	_, to := clauseOf(toks, i)
	if ownSideStarts[t] || t == "we're" {
		for k := i + 1; k < to; k++ {
			if comparatives[toks[k].s] {
				return true
			}
		}
		return false
	}
	if !comparatives[t] || i+2 >= len(toks) || i+2 >= to {
		return false
	}
	n, o := toks[i+1].s, toks[i+2].s
	return (n == "als" || n == "than") && (o == "wir" || o == "uns" || o == "us" || o == "we" || o == "ours") ||
		n == "als" && o == "bei" && i+3 < len(toks) && toks[i+3].s == "uns"
}
