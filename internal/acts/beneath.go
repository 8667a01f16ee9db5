package acts

import (
	"slices"
	"strings"
)

// This file reads pressure that a trainee sentence puts in another form:
// a friendly question, a statement of fact, a "but" after agreeing. A
// question's form never launders its content. The rules are about the
// shape of what is said (who loses what, by when, against whom), not
// about particular sentences; both languages are read in every call,
// since English slips into German calls.

// pressesBeneath reports whether sentence (its tokens toks, question kind
// q, said after the prospect turn ctx.Prospect) presses beneath its form:
//
//   - a push Disguised finds (a leading question, an alternative close,
//     loss framing, "today" beside signing);
//   - a loss put to the listener: "Jeder Monat ohne Lösung kostet Sie
//     Geld", "you'll keep losing joiners", "What would it cost you if …?";
//   - a deadline on the offer: "Die Konditionen gelten nur bis Freitag",
//     "I can only hold this price until tonight";
//   - insisting: "just put me through", "stellen Sie mich einfach durch",
//     "I'll pencil you in anyway", "Ich schick Ihnen trotzdem …";
//   - blame for what they did not do: "Sie hätten schon längst wechseln
//     sollen", "you should've switched years ago";
//   - a duty to someone of theirs asked as a negative question: "Wouldn't
//     your uncle want you to fix this?", "Wäre es nicht fair Ihrem Team
//     gegenüber, …?";
//   - a deadline put on their step, not asked about: "… before the tax
//     year ends?", "bevor das Quartal vorbei ist";
//   - after a no or an objection: a "but" that argues ("Happy is great,
//     but …", "Gut, aber der ist sicher teurer"), a question that doubts
//     or compares the other side with one's own ("Was ist bei denen so viel
//     besser als bei uns?", "When will you be ready, if not now?"), a
//     presumption with "doch" ("Sie sind doch der Chef"), and dismissing
//     the no as what everyone says.
func pressesBeneath(d Disguise, toks []token, q qkind, ctx *Context, shared int) bool {
	if len(toks) == 0 {
		return false
	}
	if d.Leading || d.AlternativeClose || d.Loss || d.Guilt || (d.Urgency && !relieves(toks) && !asksFit(toks)) {
		return true
	}
	if lossToListener(toks, q, shared) || deadline(toks) || insists(toks, q, ctx.Rejected) || blamesPast(toks) || owesOthers(toks, q) ||
		q != noQ && q != openQ && deadlineOnThem(toks) {
		return true
	}
	if !ctx.Rejected && !ctx.Objected {
		return false
	}
	return argues(toks, q) || challenges(toks, q) || presumes(toks, q) || dismisses(toks)
}

// namesDay reports whether a sentence names a day or a time of day for a
// step ("Dienstag", "morgen", "tomorrow", "next week").
func namesDay(toks []token) bool {
	for i, t := range toks {
		if weekdays[t.s] || (i+1 < len(toks) && (t.s == "naechste" || t.s == "next") && (toks[i+1].s == "woche" || toks[i+1].s == "week")) {
			return true
		}
	}
	return false
}

// relieves reports a negation that takes the pressure off: "You don't
// have to decide anything today", "Sie müssen heute nichts entscheiden",
// "ohne dass Sie gleich irgendwas unterschreiben", "without you having to
// sign anything".
func relieves(toks []token) bool {
	if hasWord(toks, "grund", "reason") {
		return false // "Gibt es einen Grund, warum Sie es nicht …": the no is what must justify itself
	}
	return hasWord(toks, "don't", "dont", "not", "no", "never", "without", "nicht", "nichts", "kein", "keine", "nie", "ohne")
}

// asksFit reports a "what would need to happen" that asks what would make
// the matter fit the other person ("damit das Thema für Sie wieder
// interessant wird"), not what would make them give in.
func asksFit(toks []token) bool {
	return hasPrefix(toks, "interessant", "interesting", "useful", "sinnvoll", "passen", "passt", "fit", "helpful", "hilfreich", "spannend")
}

// hasWord reports whether toks contain one of ws.
func hasWord(toks []token, ws ...string) bool {
	for _, t := range toks {
		for _, w := range ws {
			if t.s == w {
				return true
			}
		}
	}
	return false
}

// hasPrefix reports whether a word of toks starts with one of prefixes.
func hasPrefix(toks []token, prefixes ...string) bool {
	for _, t := range toks {
		for _, p := range prefixes {
			if strings.HasPrefix(t.s, p) {
				return true
			}
		}
	}
	return false
}

// listener are the words that address the other person (folded).
var listener = []string{"sie", "ihnen", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres", "du", "dir", "dich", "dein", "deine", "deinen",
	"you", "your", "you're", "you'll", "you've", "you'd", "yours"}

// lossStems are the beginnings of words of losing, costing and missing
// out (folded).
var lossStems = []string{"verlier", "verlor", "verschenk", "verpass", "entgeh", "entgang", "draufzahl", "zuviel", "zu viel",
	"lose", "losing", "lost", "overpay", "miss out", "missing out", "throw", "wast"}

// lossPersist are the words that put a loss into the listener's future
// rather than ask about one that happened ("Haben Sie Leute verloren?").
var lossPersist = []string{"weiter", "jeden", "jede", "jedes", "jeder", "ohne", "bevor", "wenn", "noch", "taeglich", "wuerde", "wuerden",
	"keep", "every", "each", "without", "before", "if", "will", "you'll", "would", "probably", "wahrscheinlich", "daily", "still", "while"}

// lossToListener reports a loss put to the listener: a word of losing or
// costing (or "durch die Lappen", "bares Geld") in a sentence that
// addresses them and puts the loss into their future, or costs them
// ("kostet Sie", "cost you"). A statement that sums up what they told
// ("So the careful way costs you the roadmap", shared of their words)
// gives their own account back: no loss of the speaker's framing, unless
// it carries the loss on into their future ("So every week costs you …").
func lossToListener(toks []token, q qkind, shared int) bool {
	if !hasWord(toks, listener...) && !hasWord(toks, "they", "their", "team") {
		return false
	}
	costs := false
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i].s, toks[i+1].s
		if (strings.HasPrefix(a, "kost") || a == "cost" || a == "costing" || a == "costs") && (b == "sie" || b == "ihnen" || b == "dich" || b == "dir" || b == "you" || b == "your") {
			costs = true
		}
		if a == "durch" && b == "die" && i+2 < len(toks) && toks[i+2].s == "lappen" {
			costs = true
		}
		if a == "bares" && b == "geld" {
			costs = true
		}
	}
	if costs {
		if q == noQ && shared >= 1 && sumsUp(toks) && !hasWord(toks, lossPersist...) {
			return false
		}
		return q == noQ || hasWord(toks, "wenn", "if", "bevor", "before", "would", "wuerde", "wuerden")
	}
	loss := false
	for _, t := range toks {
		for _, p := range lossStems {
			if strings.HasPrefix(t.s, p) && !strings.HasPrefix(t.s, "lose-") {
				loss = true
			}
		}
	}
	return loss && hasWord(toks, lossPersist...)
}

// offerWords name what an offer's deadline is on (folded).
var offerWords = []string{"angebot", "preis", "rabatt", "aktion", "konditionen", "kontingent", "foerderung", "plaetze", "platz", "frist",
	"offer", "price", "discount", "deal", "rate", "early-bird", "early", "spots", "places", "spot", "promotion"}

// limitWords put a limit on it in time (folded); untilWords do with a
// verb of holding good (holdWords): "gilt bis", "valid until".
var (
	limitWords = []string{"nur", "vorbei", "weg", "endet", "ablaeuft", "verfaellt", "schliesst", "only", "ends", "expires", "closes", "gone", "over", "hold", "early-bird"}
	untilWords = []string{"bis", "until", "till", "by"}
	holdWords  = []string{"gilt", "gelt", "gueltig", "laeuft", "valid", "good", "stands", "runs", "lasts"}
)

// conditionSteps are the steps an offer may be made conditional on
// (folded prefixes).
var conditionSteps = []string{"book", "sign", "order", "buch", "unterschreib", "bestell", "zusag", "commit", "decid", "entscheid"}

// timeWords are points in time a deadline names (folded).
var timeWords = []string{"heute", "morgen", "abend", "freitag", "montag", "dienstag", "mittwoch", "donnerstag", "samstag", "sommer", "winter",
	"monatsende", "ende", "jahresende", "jahr", "woche", "monats",
	"today", "tomorrow", "tonight", "friday", "monday", "tuesday", "wednesday", "thursday", "summer", "end", "month", "week", "year"}

// deadline reports a time limit put on the offer: a word of the offer, a
// limit and a point in time in one sentence ("Die Konditionen gelten nur
// noch bis Freitag", "Im Sommer ist das Kontingent weg", "an early-bird
// price until the end of the month"), or "wenn, dann jetzt".
func deadline(toks []token) bool {
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].s == "wenn" && toks[i+1].s == "dann" && toks[i+2].s == "jetzt" {
			return true
		}
	}
	// An offer on condition of a step by a day: "a little discount if she
	// books by Friday", "Rabatt, wenn Sie bis Freitag buchen".
	limit := hasWord(toks, limitWords...) || (hasWord(toks, untilWords...) && (hasPrefix(toks, holdWords...) || hasWord(toks, "if", "wenn", "falls") && hasPrefix(toks, conditionSteps...)))
	return limit && hasPrefix(toks, offerWords...) && hasWord(toks, timeWords...)
}

// insists reports insisting on what the trainee wants: "just" or
// "einfach" before putting through ("just put me through", "stellen Sie
// mich einfach durch", "Können Sie ihn nicht kurz rausholen?"), and after
// a no doing it anyway ("I'll pencil you in anyway", "Ich schick Ihnen
// trotzdem …"; thanks or good wishes anyway are no insisting, and "Darf
// ich trotzdem fragen …?" asks).
func insists(toks []token, q qkind, rejected bool) bool {
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i].s, toks[i+1].s
		if (a == "just" || a == "einfach") && (b == "put" || b == "durch" || b == "connect" || b == "durchstellen" || b == "verbinden" || b == "transfer") {
			return true
		}
		if a == "ihn" && (b == "nicht" || b == "kurz") && hasPrefix(toks, "raushol", "holen") {
			return true
		}
	}
	if hasWord(toks, "stellen") && hasWord(toks, "einfach") && hasWord(toks, "durch") {
		return true
	}
	if q == noQ && keepsAtThem(toks) {
		return true
	}
	// Doing it anyway is something the trainee does: "I'll ...", "Ich
	// schick ..."; wishing them well anyway, or thanking, is not.
	if rejected && q == noQ && hasWord(toks, "anyway", "trotzdem", "regardless", "anyhow") && hasWord(toks, "i", "i'll", "ich", "we'll", "wir") &&
		!hasPrefix(toks, "dank", "thank", "wuensch", "wish", "erfolg", "success") {
		return true
	}
	return false
}

// argues reports a "but" that argues after a no or an objection: a
// concession, then "but", "aber" or "nur" and a statement of the
// trainee's own ("Happy is great, but you're probably overpaying", "Gut,
// aber der ist sicher teurer als wir"); a "but" that leads into a
// question for them asks, it does not argue.
func argues(toks []token, q qkind) bool {
	if q != noQ {
		return false
	}
	for i, t := range toks {
		if i == 0 || i+2 >= len(toks) {
			continue
		}
		if t.s == "but" || t.s == "aber" || (t.s == "nur" && t.clause) {
			// A "but" that accepts or thanks does not argue.
			return !hasWord(toks[i+1:], "respect", "respektiere", "understand", "verstehe", "akzeptiere", "accept", "fine", "okay", "danke", "thanks", "thank")
		}
	}
	return false
}

// challenges reports a question that doubts the other side's no or
// compares their choice with one's own: "besser als wir", "than us",
// "more expensive", "wenn nicht jetzt", "if not now", "Haben Sie sich die
// Zahlen wirklich angeschaut?", "Are their accountants really looking
// after them?".
func challenges(toks []token, q qkind) bool {
	if q == noQ {
		return false
	}
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i].s, toks[i+1].s
		if (a == "als" && (b == "wir" || b == "uns")) || (a == "than" && (b == "us" || b == "we" || b == "ours")) {
			return true
		}
		if (a == "wenn" || a == "if") && b == "nicht" || a == "if" && b == "not" {
			return true
		}
		if (a == "more" && b == "expensive") || a == "teurer" {
			return true
		}
		if (a == "wrong" && b == "with") || (a == "so" && b == "viel" && i+2 < len(toks) && toks[i+2].s == "besser") {
			return true
		}
	}
	return hasWord(toks, "wirklich", "really") && hasPrefix(toks, "angeschaut", "angesehen", "gelesen", "looked", "read", "looking", "sicher", "sure", "glauben", "think")
}

// presumes reports a German statement that presumes with "doch": the
// listener as subject and "doch" inside the clause ("Sie sind doch der
// Chef", "Sie sitzen doch direkt am Kalender").
func presumes(toks []token, q qkind) bool {
	if q != noQ || len(toks) < 3 {
		return false
	}
	return (toks[0].s == "sie" || toks[0].s == "du") && toks[2].s == "doch"
}

// dismisses reports dismissing the no as what everyone says or as a
// matter of will: "Every network director says that at first", "Das
// sagen alle", "Budget findet sich immer, wenn man will".
func dismisses(toks []token) bool {
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i].s, toks[i+1].s
		if a == "says" && b == "that" && i > 0 && hasWord(toks[:i], "every", "everyone", "everybody", "all") {
			return true
		}
		if a == "man" && (b == "will" || b == "nur") && i > 0 && toks[i-1].s == "wenn" {
			return true
		}
		if a == "sagen" && b == "alle" || a == "sagt" && b == "jeder" {
			return true
		}
		if a == "findet" && b == "sich" && hasWord(toks, "immer") {
			return true
		}
	}
	return false
}

// sumsUp reports whether a sentence opens as a summary of what was said
// ("So …", "Also …", "Sprich …", "In other words …").
func sumsUp(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	switch toks[0].s {
	case "so", "also", "sprich":
		return true
	}
	return len(toks) > 2 && (toks[0].s == "in" && toks[1].s == "other" && toks[2].s == "words" || toks[0].s == "das" && toks[1].s == "heisst")
}

// asksForTheirYes reports whether a question asks for the listener's yes
// or for turning their decision: a yes said or given ("Ja sagen",
// "zusagen", "get a yes", "sign"), or a decision reversed ("after all",
// "doch noch", "umstimmen", "change your mind").
func asksForTheirYes(toks []token) bool {
	for i, t := range toks {
		switch t.s {
		case "zusagen", "zusage", "umstimmen", "unterschreiben", "unterschreibt", "sign", "reconsider":
			return true
		case "ja", "yes":
			if i > 0 && hasWord(toks[i-1:i], "a", "ein", "heute", "today", "doch", "noch", "say", "sagen") || i+1 < len(toks) && hasWord(toks[i+1:i+2], "sagen", "sagt", "from") {
				return true
			}
		case "all":
			if i > 0 && toks[i-1].s == "after" {
				return true
			}
		case "noch":
			if i > 0 && toks[i-1].s == "doch" {
				return true
			}
		case "mind", "view", "opinion", "decision", "answer":
			if i > 0 && (toks[i-1].s == "your" && i > 1 && toks[i-2].s == "change") {
				return true
			}
		case "see", "hear", "sehen", "hoeren":
			// "What would you need to see from us to …?", "Was müssten
			// Sie sehen, damit …?": what it would take to turn the no.
			if i > 1 && toks[i-1].s == "to" && toks[i-2].s == "need" || i > 0 && hasWord(toks[:i], "muessten", "muesste", "bräuchten", "braeuchten") {
				return true
			}
		case "umentscheiden", "ueberzeugen":
			return true
		}
	}
	return false
}

// blamesPast reports a counterfactual laid on the listener: what they
// should have done ("Sie hätten schon längst wechseln sollen", "Hättest
// du nicht früher umstellen müssen?", "You should've switched years
// ago", "you ought to have acted"). A modal closes the German clause; an
// English one takes a verb of acting ("You should have received my
// email" blames nobody).
func blamesPast(toks []token) bool {
	for i, t := range toks {
		switch t.s {
		case "haetten", "haettest", "haette":
			if !(i > 0 && (toks[i-1].s == "sie" || toks[i-1].s == "du") || i+1 < len(toks) && (toks[i+1].s == "sie" || toks[i+1].s == "du")) {
				continue
			}
			for k := i + 2; k < len(toks) && !toks[k].clause; k++ {
				if (toks[k].s == "sollen" || toks[k].s == "muessen") && (k+1 == len(toks) || toks[k+1].clause) {
					return true
				}
			}
		case "should", "ought", "should've":
			k := i + 1
			if t.s != "should've" {
				if i == 0 || toks[i-1].s != "you" {
					continue
				}
				if t.s == "ought" && k < len(toks) && toks[k].s == "to" {
					k++
				}
				if k >= len(toks) || toks[k].s != "have" {
					continue
				}
				k++
			} else if i == 0 || toks[i-1].s != "you" {
				continue
			}
			for ; k < len(toks) && k <= i+4; k++ {
				for _, v := range actingVerbs {
					if strings.HasPrefix(toks[k].s, v) {
						return true
					}
				}
			}
		}
	}
	return false
}

// actingVerbs are the stems of doing something about it: switching,
// signing, starting, acting, changing, moving, investing, fixing.
var actingVerbs = []string{"switch", "sign", "start", "act", "chang", "moved", "invest", "fix", "sort", "done", "upgrad", "join", "listen", "book", "call", "rang"}

// owesOthers reports a negative question that puts a duty to someone of
// the listener's on them: "Wouldn't your uncle want you to fix this?",
// "Wouldn't it be fair to your team to see the numbers?", "Don't you owe
// it to your staff …?", "Wäre es nicht fair Ihrem Team gegenüber …?",
// "Würde Ihr Vater nicht wollen, dass Sie …?". Asking what they want
// ("What would your team want?") puts nothing on them.
func owesOthers(toks []token, q qkind) bool {
	if q == noQ || q == openQ || !hasWord(toks, negativeAsks...) {
		return false
	}
	duty := false
	for i, t := range toks {
		switch {
		case t.s == "fair" || t.s == "gerecht" || strings.HasPrefix(t.s, "owe") || strings.HasPrefix(t.s, "schuld") || strings.HasPrefix(t.s, "verdien") || strings.HasPrefix(t.s, "deserv"):
			duty = true
		case (t.s == "want" || t.s == "expect" || t.s == "like") && i+2 < len(toks) && toks[i+1].s == "you" && toks[i+2].s == "to":
			duty = true
		case (t.s == "wollen" || t.s == "erwarten" || t.s == "moechten" || t.s == "wuenschen") && i+2 < len(toks) && toks[i+1].s == "dass" && (toks[i+2].s == "sie" || toks[i+2].s == "du"):
			duty = true
		}
	}
	if !duty {
		return false
	}
	for i := 0; i+1 < len(toks); i++ {
		if listenerOwn[toks[i].s] || toks[i].s == "dein" || toks[i].s == "deine" || toks[i].s == "deinem" || toks[i].s == "deinen" {
			return true // "your uncle", "Ihrem Team"
		}
	}
	return false
}

// negativeAsks open a negative question: "wouldn't", "don't you",
// "wäre es nicht", "würde … nicht".
var negativeAsks = []string{"wouldn't", "won't", "don't", "doesn't", "isn't", "shouldn't", "aren't", "nicht"}

// deadlineOnThem reports a time limit put on the listener's step, in a
// closed question (an open one asks about their deadline): before a
// period ends ("before the tax year ends", "before the end of
// the month", "bevor das Quartal vorbei ist", "vor Ende des Jahres").
func deadlineOnThem(toks []token) bool {
	for i, t := range toks {
		if t.s != "before" && t.s != "bevor" && t.s != "vor" {
			continue
		}
		period, ends := false, false
		for k := i + 1; k < len(toks) && k <= i+5 && !toks[k].clause; k++ {
			w := toks[k].s
			period = period || slices.Contains(timeWords, w) || periodWords[w]
			ends = ends || w == "ends" || w == "end" || w == "ende" || w == "endet" || w == "closes" || w == "over" || w == "vorbei" ||
				w == "ablaeuft" || w == "auslaeuft" || w == "runs"
			if len(w) > 6 && strings.HasSuffix(w, "ende") {
				period, ends = true, true // "vor Jahresende"
			}
		}
		if period && ends {
			return true
		}
	}
	return false
}

// periodWords are the periods a deadline runs out with.
var periodWords = map[string]bool{"quarter": true, "quartal": true, "quartals": true, "jahres": true, "tax": true, "steuerjahr": true,
	"geschaeftsjahr": true, "month's": true, "deadline": true, "frist": true}

// movesThem reports whether a question's purpose clause makes the
// listener the one to take a step: "… for you to switch today?", "…,
// damit Sie sich das anschauen?". Asked with a feedback cue ("what would
// it take", "was müsste passieren") it asks how to move them, not what
// they think; "what would it take for this to be useful to you" names
// no step of theirs.
func movesThem(toks []token) bool {
	for i := 0; i+2 < len(toks); i++ {
		switch {
		case toks[i].s == "for" && toks[i+1].s == "you" && toks[i+2].s == "to":
			return true
		case toks[i].s == "damit" && hasWord(toks[i+1:i+2], "sie", "du", "ihr"):
			return true
		}
	}
	return false
}

// keepsAtThem reports announcing that one will keep at them until one
// gets one's way: "I'll call back until I get him", "I'll keep calling",
// "Ich rufe so lange an, bis ich ihn erreiche".
func keepsAtThem(toks []token) bool {
	if !hasWord(toks, "i", "i'll", "ich", "we'll", "wir") {
		return false
	}
	for i, t := range toks {
		switch t.s {
		case "keep":
			if i+1 < len(toks) && hasWord(toks[i+1:i+2], "calling", "ringing", "trying") {
				return true
			}
		case "until", "till", "bis":
			for k := i + 1; k < len(toks) && k <= i+4; k++ {
				if hasWord(toks[k:k+1], "get", "reach", "catch", "erreiche", "erwische", "dran") && hasWord(toks[i+1:], "him", "her", "you", "them", "ihn", "sie", "ihm") {
					return true
				}
			}
		}
	}
	return false
}
