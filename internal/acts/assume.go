package acts

import (
	"slices"
	"strings"
)

// This file reads what a trainee sentence does for the trainee's own
// agenda whatever its form (docs/scoring.md, "Pushing in other forms"):
//
//   - an assumptive close: a statement that books, sends or schedules a
//     step the prospect has not agreed to ("Great, I'll send the contract
//     over today then", "Gut, dann trag ich Sie mal für Donnerstag ein",
//     "I've pencilled you in for a demo");
//   - a question about the caller's own offering ("Have you considered
//     our premium cover?", "Wäre unser Wartungsvertrag nicht was für
//     Sie?"): a pitch, whatever its form, never a feedback request;
//   - a transition word ("Great", "Fine", "Gut") that leads into one's own
//     move: no acknowledgement.

// The steps a caller may take on the listener's behalf, from the least
// to the most committing (assumedStep).
const (
	stepNone   = iota
	stepSend   // sends them something to read: "I'll send you the details"
	stepCall   // calls them again: "I'll call you back this afternoon"
	stepBook   // books them in: "I've pencilled you in", "trag ich Sie ein"
	stepCommit // commits them to buy: "I'll send the contract over"
)

// assumedStep returns the most committing step a statement has the
// speaker take on the listener's behalf: "I'll send the contract over",
// "I've pencilled you in", "dann trag ich Sie ein", "ich schick Ihnen den
// Vertrag". A step offered ("I could send you …", "gern", "if you
// like"), denied ("I won't …"), long done ("we've been doing your books
// since spring") or put as a question is none.
func assumedStep(toks []token) int {
	step := stepNone
	for c := 0; c < len(toks); c++ {
		if c > 0 && !toks[c].clause {
			continue
		}
		end := c + 1
		for end < len(toks) && !toks[end].clause {
			end++
		}
		step = max(step, assumedIn(toks[c:end]))
	}
	if step != stepNone && hasWord(toks, "if", "wenn", "falls", "gern", "gerne", "happy", "could", "koennte", "koennten", "might", "maybe", "vielleicht") {
		return stepNone
	}
	return step
}

// assumedIn is assumedStep of one clause.
func assumedIn(cl []token) int {
	first := false
	for k, t := range cl {
		switch t.s {
		case "i'll", "we'll", "i've", "we've", "ich", "wir", "i'm", "we're":
			first = true
		case "i", "we":
			if k+1 < len(cl) && (cl[k+1].s == "will" || cl[k+1].s == "have" || cl[k+1].s == "am" || cl[k+1].s == "just" || cl[k+1].s == "shall") {
				first = true
			}
		case "won't", "not", "nicht", "never", "nie", "kein", "keine", "don't", "didn't",
			// What the caller's side has done all along: "we've been doing
			// your books since last spring".
			"been", "since", "seit", "bisher":
			return stepNone
		}
	}
	if !first {
		return stepNone
	}
	// The listener as the one booked or sent to ("you", "Sie"), not
	// only something of theirs ("I'll put your new address in").
	listener := hasWord(cl, "you", "sie", "ihnen", "dich", "dir", "euch")
	doc := false
	for _, t := range cl {
		for _, n := range commitNouns {
			if strings.HasPrefix(t.s, n) {
				doc = true
			}
		}
	}
	step := stepNone
	for k, t := range cl {
		if bookWords[t.s] && (listener || doc) {
			step = max(step, stepBook)
		}
		for _, v := range bookVerbs {
			if strings.HasPrefix(t.s, v) && (listener || doc) {
				step = max(step, stepBook)
			}
		}
		// "trag ich Sie ein", "put you down", "sign you up": a verb and
		// its particle book them too.
		for _, v := range particleVerbs {
			if strings.HasPrefix(t.s, v[0]) && hasWordAfter(cl, k, v[1]) && listener {
				step = max(step, stepBook)
			}
		}
		// "I'll call back this afternoon", "dass ich heute noch
		// zurückrufe", "ruf ich Sie morgen wieder an": the listener need
		// not be named (the boss through the gatekeeper).
		for _, v := range callVerbs {
			if strings.HasPrefix(t.s, v[0]) && (v[1] == "" || hasWordAfter(cl, k, v[1])) {
				step = max(step, stepCall)
			}
		}
		for _, v := range sendVerbs {
			if strings.HasPrefix(t.s, v) && (listener || doc) {
				step = max(step, stepSend)
			}
		}
	}
	if (step == stepSend || step == stepBook) && doc {
		return stepCommit
	}
	return step
}

// hasWordAfter reports whether w is one of toks after index k.
func hasWordAfter(toks []token, k int, w string) bool {
	for _, t := range toks[k+1:] {
		if t.s == w {
			return true
		}
	}
	return false
}

var (
	// bookVerbs book the listener in (folded prefixes; English words are
	// whole, so "books" and "bookkeeping" are none).
	bookVerbs = []string{"eintrag", "eingetrag", "gebucht", "buche", "anmeld", "angemeld", "vormerk", "vorgemerkt", "einplan", "eingeplant", "reservier"}
	bookWords = set([]string{"book", "booked", "pencil", "pencilled", "penciled", "schedule", "scheduled", "register", "registered", "enrol", "enroll",
		"enrolled", "reserve", "reserved", "buchen"})
	// particleVerbs book them with a particle: "trag … ein", "put … down".
	particleVerbs = [][2]string{{"trag", "ein"}, {"put", "down"}, {"put", "in"}, {"pop", "in"}, {"sign", "up"}, {"set", "up"}, {"lock", "in"},
		{"leg", "an"}, {"richt", "ein"}, {"plan", "ein"}, {"merk", "vor"}}
	// callVerbs call them again: a verb and the particle that makes it
	// again ("" for none).
	callVerbs = [][2]string{{"zurueckruf", ""}, {"ruf", "zurueck"}, {"ruf", "wieder"}, {"call", "back"}, {"call", "again"}, {"ring", "back"}, {"ring", "again"},
		{"phone", "back"}, {"phone", "again"}, {"try", "again"}, {"versuch", "wieder"}, {"versuch", "nochmal"}}
	// sendVerbs send them something.
	sendVerbs = []string{"send", "sent", "email", "e-mail", "mail", "schick", "geschickt", "zuschick", "rueberschick"}
	// commitNouns are what commits them: a contract, an order, a booking.
	commitNouns = []string{"contract", "agreement", "order", "paperwork", "sign-up", "vertrag", "vertraege", "auftrag", "bestellung"}
)

// ownThingNotOffer are the nouns after "our"/"unser" that are not what
// the caller sells: their people, the call, what passed between them.
var ownThingNotOffer = stems("engineer", "engineers", "technician", "technicians", "team", "staff", "people", "colleague", "colleagues", "rep", "reps",
	"call", "calls", "conversation", "chat", "talk", "meeting", "letter", "email", "emails", "visit", "side", "end", "last", "previous", "records", "mistake", "fault",
	"monteur", "monteure", "techniker", "kollege", "kollegen", "kollegin", "mitarbeiter", "leute", "team", "anruf", "anrufe", "anrufen", "gespraech", "telefonat",
	"termin", "brief", "mail", "besuch", "seite", "letzte", "letzten", "fehler", "schuld", "unterhaltung")

// asksOwnThing reports whether a question puts the caller's own offering
// to them: "our"/"unser" before a word that is not their people or the
// call, in a question that suggests it ("Have you considered our premium
// cover?", "Would our app help?", "Kennen Sie schon unser
// Wartungspaket?", "Wäre unser Paket nicht was für Sie?"). Asking how they
// find it ("How are you finding our service?") asks their view.
func asksOwnThing(toks []token) bool {
	own := false
	for i, t := range toks {
		if t.s == "ours" && i+1 < len(toks) && !ownThingNotOffer[stem(toks[i+1].s)] {
			own = true // "What if ours replaced the mutual's?"
		}
		if t.s != "our" && !ownPossessives[t.s] {
			continue
		}
		if i+1 < len(toks) && !ownThingNotOffer[stem(toks[i+1].s)] && !(i+2 < len(toks) && ownThingNotOffer[stem(toks[i+2].s)]) {
			own = true
		}
	}
	if !own {
		return false
	}
	p := phraseOf(toks)
	if p.any(considerFrames) || p.any(suggestFrames) {
		return true
	}
	// "Would our app help?", "Würde unser Paket Ihnen helfen?": the
	// offering as what would do them good.
	return hasWord(toks, "would", "could", "wouldn't", "würde", "wuerde", "wäre", "waere", "könnte", "koennte") &&
		hasPrefix(toks, "help", "suit", "fit", "work", "solve", "save", "avoid", "right", "ideal", "perfect", "change", "hilf", "helf", "pass", "loes", "spar", "lohn", "richtig", "perfekt", "geeignet")
}

// suggestFrames put something to the listener to take up: have they
// heard of it, looked at it, would they like it.
var suggestFrames = loosePhrases("have you heard of", "have you heard about", "have you looked at", "have you seen", "have you tried", "did you know about",
	"are you interested in", "would you be interested in", "would you like", "do you want", "interested in", "wouldn't that be", "isn't that",
	"kennen sie schon", "kennen sie unser", "kennst du schon", "haben sie schon von", "haben sie sich schon", "haben sie schon mal über", "hätten sie interesse",
	"haetten sie interesse", "interesse an", "wäre das nicht", "waere das nicht", "was für sie", "was fuer sie", "wollen sie", "möchten sie", "moechten sie")

// ownMove reports whether the words after a transition word's clause
// ("Great, …", "Gut, dann …") are the speaker's own move: a plan of
// theirs ("I'll send …", "trag ich Sie ein", "let's …") or telling the
// listener what to do ("send me an email", "schicken Sie mir …").
func (lx *lexicon) ownMove(toks []token) bool {
	c := 1
	for c < len(toks) && !toks[c].clause {
		c++
	}
	for c < len(toks) && lx.lead[toks[c].s] {
		c++
	}
	if c >= len(toks) {
		return false
	}
	w := toks[c].s
	next := ""
	if c+1 < len(toks) {
		next = toks[c+1].s
	}
	switch w {
	case "i'll", "we'll", "i've", "we've", "let's":
		return stepVerb(next) || next == "just" && c+2 < len(toks) && stepVerb(toks[c+2].s)
	case "i", "we":
		return (next == "will" || next == "have" || next == "just" || next == "am") && c+2 < len(toks) && stepVerb(toks[c+2].s)
	case "ich", "wir":
		return stepVerb(next)
	}
	// Verb first: "trag ich Sie ein", "notiere ich mal Ihre Nummer"; or
	// the imperative with "me": "send me an email", "schicken Sie mir".
	if (next == "ich" || next == "wir") && stepVerb(w) {
		return true
	}
	if (next == "me" || next == "us") && stepVerb(w) {
		return true
	}
	return next == "sie" && c+2 < len(toks) && toks[c+2].s == "mir" && stepVerb(w)
}

// moveVerbs are what a speaker does to move a call on: send, note, book,
// call (folded prefixes).
var moveVerbs = []string{"send", "email", "mail", "call", "ring", "text", "book", "pencil", "put", "pass", "note", "schick", "send", "ruf", "meld",
	"notier", "trag", "buch", "schreib", "leit", "geb", "gib", "plan", "leg", "richt"}

// stepVerb reports whether w is one of moveVerbs.
func stepVerb(w string) bool {
	for _, v := range moveVerbs {
		if strings.HasPrefix(w, v) {
			return true
		}
	}
	return false
}

// leavesFree reports whether a sentence leaves the step's timing to the
// listener ("you can reply whenever it suits", "ganz in Ruhe"): offered,
// not assumed.
func leavesFree(toks []token) bool {
	p := phraseOf(toks)
	return hasWord(toks, "whenever", "unverbindlich", "freibleibend") || p.has(" in your own time ") || p.has(" no rush ") || p.has(" in ruhe ") ||
		p.has(" wann immer ") || p.has(" no obligation ") || p.has(" ohne verpflichtung ")
}

// apologises reports whether a turn apologises ("sorry", "entschuldigen
// Sie", "tut mir leid"): a step it takes puts right what went wrong for
// them (fixes.go), it closes no sale.
func apologises(text string) bool {
	for _, t := range tokenize(text) {
		if strings.HasPrefix(t.s, "sorry") || strings.HasPrefix(t.s, "entschuldig") || strings.HasPrefix(t.s, "apolog") || t.s == "leid" {
			return true
		}
	}
	return false
}

// chose reports whether the prospect's turn chose or agreed to a step:
// it names a day or a time ("Thursday's fine", "Um zehn"), or opens with
// a yes ("Yes, go on then", "Ja, gerne"). Booking it then confirms it.
func chose(prospect string) bool {
	toks := tokenize(prospect)
	if len(toks) == 0 {
		return false
	}
	if agreeWords[toks[0].s] || namesDay(toks) {
		return true
	}
	return hasWord(toks, "o'clock", "uhr", "morning", "afternoon", "vormittag", "vormittags", "nachmittag", "nachmittags", "morgen", "tomorrow", "am", "pm")
}

// agreeWords open an agreement.
var agreeWords = set([]string{"yes", "yeah", "yep", "sure", "ok", "okay", "fine", "alright", "lovely", "great", "perfect", "ja", "gerne", "gern", "klar",
	"einverstanden", "passt", "okay", "gut", "prima", "super"})

// claimsBeforeAsking reports whether a question opens with a claim about
// the caller's own side in a clause of its own before the asking one:
// "while I have you – we've just launched an advanced module for team
// leaders, would Mrs Okafor be interested?" puts the product to them.
func claimsBeforeAsking(toks []token) bool {
	last := 0
	for k, t := range toks {
		if k > 0 && t.clause {
			last = k
		}
	}
	return last > 1 && claimsOwnSide(toks[:last], noQ)
}

// priceWords are the currencies a price is named in (folded).
var priceWords = set([]string{"pounds", "pound", "euro", "euros", "dollars", "dollar", "quid", "£", "€", "$", "eur", "gbp"})

// namesPrice reports whether a statement names a price of the offer: a
// currency with "only", "just", "extra", "per", "a month" and the like
// ("It's only four hundred pounds extra per day", "Das sind nur 49 Euro
// im Monat"), not the listener's own figures ("you're paying 300 euros").
func namesPrice(toks []token) bool {
	if !slices.ContainsFunc(toks, func(t token) bool { return priceWords[t.s] }) || hasWord(toks, "you", "you're", "your", "sie", "ihr", "ihre", "du", "dein") {
		return false
	}
	return hasWord(toks, "only", "just", "extra", "per", "a", "nur", "pro", "im", "monatlich", "jährlich", "jaehrlich", "costs", "kostet", "kosten")
}
