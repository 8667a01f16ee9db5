package acts

import (
	"slices"
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
//     "come on" ("Just put me through.");
//   - a judgement of the listener (judges): blame laid on them ("that's
//     on you", "Sie lassen Ihre Leute im Stich"), their failure stated as
//     plain ("you clearly can't", "ohne Agentur kriegen Sie das nie
//     hin") or their standing belittled ("Sie sind doch nur die
//     Sekretärin", "you're just the receptionist").

// Words of the accusation, folded as tokenize folds them.
var (
	listenerSubjects = set([]string{"sie", "you", "you're", "youre", "you've", "you'd", "you'll", "youll"})
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

// Words of the judgement (judges), folded as tokenize folds them.
var (
	// blame lays the fault or what follows on the listener.
	blame = phrases("that's on you", "thats on you", "it's on you", "that is on you", "it is on you", "this is on you", "be on you", "on your head", "your fault", "your own fault", "yourself to blame", "you'll regret", "you will regret",
		"you'd regret", "ihre schuld", "ihre eigene schuld", "selbst schuld", "auf ihre kappe", "auf ihr konto", "sich selbst zuzuschreiben",
		"werden es bereuen", "werden das bereuen", "wuerden es bereuen")
	// blameSaid lay it on the listener when said, not asked ("Das ist
	// doch Ihr Problem", "You'll be sorry"; "What's your problem with
	// it?" asks), and standing denied ("Sie haben hier doch nichts zu
	// sagen").
	blameSaid = phrases("ihr problem", "ihr eigenes problem", "your problem", "your own problem", "wird ihnen leidtun", "wird ihnen noch leidtun",
		"werden sie bereuen", "you'll be sorry", "you will be sorry", "nichts zu sagen", "nichts zu melden", "nichts zu entscheiden",
		"have no say", "got no say", "not your call", "not your decision", "nicht ihre entscheidung", "not up to you", "nicht ihre sache",
		"entscheiden doch nicht sie", "entscheiden nicht sie", "mit ihnen rede ich nicht", "rede ich nicht mit ihnen", "not talking to you",
		"won't talk to you", "don't want to talk to you", "you're breaking the law", "you are breaking the law", "sie verstoßen gegen",
		"machen sich strafbar")
	// brushOffs wave a complaint away: "It's hardly our fault", "Das ist
	// nicht unser Problem".
	brushOffs = phrases("hardly our fault", "not our fault", "isn't our fault", "not our problem", "isn't our problem", "nicht unsere schuld",
		"nicht unser problem", "kaum unsere schuld")
	// putDownLeads open a put-down by excusing it in advance ("No offence,
	// but …", "Bei allem Respekt, aber …"): in a statement they weigh
	// like an insult, whatever follows.
	putDownLeads = phrases("no offence but", "no offense but", "with all due respect", "don't take this the wrong way", "dont take this the wrong way",
		"nichts für ungut aber", "bei allem respekt aber", "mit verlaub", "nehmen sie es mir nicht übel aber", "nehmen sie mir das nicht übel aber")
	// verdicts judge the listener's own doing: "Your recruiting is a mess",
	// "Ihre Buchhaltung ist ein Chaos".
	verdicts = set([]string{"mess", "shambles", "disaster", "joke", "farce", "chaos", "katastrophe", "desaster", "saustall", "witz",
		"amateurhaft", "unprofessionell", "unprofessional", "peinlich"})
	// plainly are the words that state a judgement as obvious.
	plainly = set([]string{"clearly", "obviously", "evidently", "plainly", "offensichtlich", "offenbar", "eindeutig", "eh", "sowieso"})
	// never are the negations that state a failure for good.
	never = set([]string{"nie", "niemals", "never", "can't", "cant", "cannot", "won't", "wont"})
	// only belittle what the listener is: "Sie sind doch nur die …".
	only     = set([]string{"nur", "bloss", "just", "only", "merely"})
	articles = set([]string{"die", "der", "das", "eine", "ein", "a", "an", "the"})
	amounts  = set([]string{"paar", "bisschen", "wenig", "few", "couple", "bit", "little", "minute", "moment", "second", "quick", "short"})
	// without are the words of a dependency claim, helpers what it
	// claims the listener cannot do without: "ohne uns", "without an
	// agency", "ohne professionelle Hilfe".
	without = set([]string{"ohne", "without"})
	helpers = stems("uns", "us", "mich", "me", "unsere", "our", "agentur", "agency", "berater", "adviser", "advisor", "consultant", "partner",
		"hilfe", "help", "unterstuetzung", "support", "profi", "profis", "professional", "experten", "expert", "experts")
)

// judges reports whether a sentence (toks, its phrase p; asked says
// whether it ends with a question mark) passes a negative judgement on
// the listener (see above): blame, a failure stated as plain or for good
// without the caller, or their standing belittled. excused says whether
// the sentence is a condition or an apology, which only blame survives
// ("if you don't sort it, that's on you").
func judges(toks []token, p phrased, asked, excused bool) bool {
	if p.any(blame) && !deniesBlame(toks) || lettingDown(toks) {
		return true
	}
	for i, t := range toks {
		if listenerSubjects[t.s] && belittles(toks, i, asked) {
			return true // also with a tag: "you're just a middle manager, aren't you?"
		}
	}
	if !asked && (p.any(blameSaid) && !deniesBlame(toks) || judgesTheirs(toks)) {
		return true // also in a condition: "Das ist Ihr Problem, wenn …"
	}
	if asked || excused {
		return false // "Can't you do it without an agency?" asks
	}
	dep, lacks := dependsOnCaller(toks), hasWithout(toks)
	for i, t := range toks {
		if !listenerSubjects[t.s] || i > 0 && without[toks[i-1].s] {
			continue // "ohne Sie" is no subject
		}
		plain, neg, fails, forGood := false, false, false, false
		for j := max(0, i-3); j < len(toks) && j <= i+6; j++ {
			w := toks[j].s
			plain = plain || plainly[w]
			if j > i {
				neg = neg || negations[w] || never[w] || w == "no"
				fails = fails || never[w]
				forGood = forGood || w == "never" || w == "nie" || w == "niemals"
			}
		}
		// "Without a proper CRM you'll never grow": a failure for good
		// without anything; "you can't always …" is no verdict.
		if plain && neg || dep && fails || lacks && forGood {
			return true
		}
	}
	return false
}

// deniesBlame reports a negation in the few words before the blame's
// head word: "And it isn't even your fault" takes the blame away.
func deniesBlame(toks []token) bool {
	for i, t := range toks {
		switch t.s {
		case "fault", "schuld", "on", "kappe", "konto", "regret", "bereuen", "blame", "zuzuschreiben":
			for j := max(0, i-4); j < i; j++ {
				if negations[toks[j].s] || toks[j].s == "no" || toks[j].s == "wasn't" || toks[j].s == "wasnt" || toks[j].s == "keine" {
					return true
				}
			}
		}
	}
	return false
}

// judgesTheirs reports the listener's own doing judged: "your" or "Ihr…",
// a noun, "is"/"ist" and a verdict ("Your recruiting is a mess, mate").
func judgesTheirs(toks []token) bool {
	for i, t := range toks {
		if !listenerOwn[t.s] {
			continue
		}
		for j := i + 2; j < len(toks) && j <= i+4; j++ {
			if toks[j].s != "is" && toks[j].s != "ist" && toks[j].s != "are" && toks[j].s != "sind" {
				continue
			}
			for k := j + 1; k < len(toks) && k <= j+4; k++ {
				if verdicts[toks[k].s] {
					return true
				}
			}
		}
	}
	return false
}

// hasWithout reports "ohne"/"without" in toks, not before the listener.
func hasWithout(toks []token) bool {
	for i, t := range toks {
		if without[t.s] && (i+1 >= len(toks) || !listenerSubjects[toks[i+1].s]) {
			return true
		}
	}
	return false
}

// dependsOnCaller reports a dependency claim: "ohne"/"without" before
// the caller or a helper ("without us", "ohne eine Agentur", "without
// professional help"), within three words; "ohne Sie" thanks, "without a
// system" claims nothing of the caller.
func dependsOnCaller(toks []token) bool {
	for i, t := range toks {
		if !without[t.s] {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+3; j++ {
			if helpers[stem(toks[j].s)] || helpers[toks[j].s] {
				return true
			}
		}
	}
	return false
}

// belittles reports "Sie sind doch nur die Sekretärin", "you're just the
// receptionist", "Sie sind doch nur fürs Telefon zuständig" (not asked) at
// the listener toks[i]: their standing made small.
func belittles(toks []token, i int, asked bool) bool {
	switch {
	case toks[i].s == "you're" || toks[i].s == "youre":
	case i+1 < len(toks) && (toks[i].s == "sie" && toks[i+1].s == "sind" || toks[i].s == "you" && toks[i+1].s == "are"):
	default:
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+4; j++ {
		if only[toks[j].s] {
			// The article and a noun of up to three words end the clause:
			// "Sie sind doch nur die Sekretärin.", "you're just a middle
			// manager, aren't you?", not "you're just the person I wanted".
			if j+1 < len(toks) && (toks[j+1].s == "fuer" || toks[j+1].s == "fuers" || toks[j+1].s == "for") {
				// "Sie sind doch nur fürs Telefon zuständig": a few words
				// to the end of the clause.
				end := j + 2
				for end < len(toks) && !toks[end].clause && end <= j+5 {
					end++
				}
				return !asked && end <= j+5 // "Sie sind nur für die Buchhaltung zuständig, oder …?" asks
			}
			if j+1 >= len(toks) || !articles[toks[j+1].s] {
				return false
			}
			if amounts[toks[j+2].s] {
				return false // "Sie sind ja nur ein paar Minuten entfernt", "just a few minutes away"
			}
			for end := j + 3; end <= j+5 && end <= len(toks); end++ {
				if end == len(toks) || toks[end].clause {
					// A German noun is capitalised: the role, not "entfernt".
					return toks[i].s != "sie" || toks[end-1].upper
				}
			}
			return false
		}
	}
	return false
}

// lettingDown reports "letting your members down", "lassen Ihre Leute im
// Stich": the listener's people failed by the listener.
func lettingDown(toks []token) bool {
	for i, t := range toks {
		switch t.s {
		case "let", "lets", "letting":
			for j := i + 1; j < len(toks) && j <= i+5; j++ {
				if toks[j].s == "down" {
					return i+1 < len(toks) && (toks[i+1].s == "your" || toks[i+1].s == "them" || toks[i+1].s == "everyone")
				}
			}
		case "stich":
			if i > 0 && toks[i-1].s == "im" {
				for _, u := range toks {
					if u.s == "lassen" || u.s == "laesst" || u.s == "liessen" {
						return true
					}
				}
			}
		}
	}
	return false
}

// accusation: the listener as subject, then a negation and a verb of
// perceiving after it, within a few words.
func accusation(toks []token) bool {
	for i, t := range toks {
		if !listenerSubjects[t.s] {
			continue
		}
		if t.s == "sie" && i > 0 && !t.clause && !toks[i-1].clause && !subordinators[toks[i-1].s] && !verbBeforeSie(toks, i) {
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

// bluntNegation reports the listener as subject, then "just", "simply"
// or "einfach" and a negation: "You're just not seeing it yet", "Sie
// sehen es einfach nicht": a "yet" or "noch" excuses nothing said so.
func bluntNegation(toks []token) bool {
	for i, t := range toks {
		if !listenerSubjects[t.s] {
			continue
		}
		for j := i + 1; j+1 < len(toks) && j <= i+3; j++ {
			switch toks[j].s {
			case "just", "simply", "einfach", "halt", "eben":
				if negations[toks[j+1].s] {
					return true
				}
			}
		}
	}
	return false
}

// subordinators open a clause whose subject may follow: "weil Sie …",
// "dass Sie …".
var subordinators = set([]string{"weil", "dass", "da", "ob", "obwohl", "wenn", "als", "nachdem", "seit", "seitdem"})

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
	case "sagen":
		// "Sagen Sie mal" opens talk; "Sagen Sie einfach Ja" demands the yes.
		if !slices.ContainsFunc(toks[2:], func(t token) bool { return t.s == "ja" || t.s == "zu" }) {
			return false
		}
	case "wie", "was", "wo", "wann", "warum", "wer", "koennten", "wuerden", "duerfen", "darf", "moechten", "entschuldigen", "bitte":
		return false // a question word, a polite request
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
// question after a claim of what the listener should do, or in a tag
// that makes a claim the listener's own knowledge (knowsTag).
func pushyTag(lang openline.Language, p phrased) bool {
	for _, tag := range tagQuestions[lang] {
		if strings.HasSuffix(string(p), tag) && p.any(shoulds[lang]) {
			return true
		}
	}
	return knowsTag(lang, p)
}

// knowingTags end a claim by telling the listener they know it already
// ("…, you know that?", "Das wissen Sie doch selbst."): a leading push,
// whatever the claim. hedged are the words before such a tag that ask
// or soften it instead ("Did you know that?", "I'm sure you know that").
var (
	knowingTags = map[openline.Language][]string{
		openline.German: {" wissen sie doch ", " wissen sie doch selbst ", " wissen sie selbst ", " wissen sie doch genau ", " wissen sie ganz genau ",
			" wissen sie genauso gut wie ich ", " sie wissen das doch ", " sie wissen das doch selbst ", " sie wissen es doch "},
		openline.English: {" you know that ", " you know it ", " you know that yourself ", " you know it yourself ", " you know that as well as i do ",
			" you know it as well as i do ", " and you know it "},
	}
	hedged = set([]string{"do", "did", "don't", "dont", "didn't", "didnt", "sure", "probably", "maybe", "perhaps", "if", "whether", "how",
		"sicher", "sicherlich", "bestimmt", "wahrscheinlich", "vielleicht", "ob", "wie", "wenn", "falls", "ja", "woher"})
)

// knowsTag reports whether p ends in one of knowingTags, not hedged by
// the word before it.
func knowsTag(lang openline.Language, p phrased) bool {
	s := string(p)
	for _, tag := range knowingTags[lang] {
		if !strings.HasSuffix(s, tag) {
			continue
		}
		before := strings.Fields(s[:len(s)-len(tag)])
		if len(before) == 0 || !hedged[before[len(before)-1]] {
			return true
		}
	}
	return false
}
