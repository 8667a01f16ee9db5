package acts

import (
	"slices"
	"strings"

	"github.com/openline/openline/internal/openline"
)

// Push is what in a trainee turn pushes the other person rather than talks
// with them, read from the push lists of this file, pressing.go and
// demands.go (pushIn). It is part of the turn's reading (Result.Push): every
// push but a "yes, but" makes its sentence a pressure act too, so the
// scorer and the scripted prospect hear the same push, and the prospect
// knows which kind it was (an insult weighs double).
type Push struct {
	Insult    bool // "Sie haben doch keine Ahnung", "you idiot"
	Ultimatum bool // "letzte Chance", "now or never"
	// Question is pressure put as a question: "Warum sagen Sie nicht
	// einfach Ja?", "Tuesday or Wednesday?", "Can you afford not to?"
	Question bool
	// YesBut is agreement that only leads into arguing: "Ja, aber ...".
	YesBut bool
	// Loss tells the prospect what waiting costs them: "How much more
	// money are you willing to lose?" (pressing.go).
	Loss bool
	// Demand demands or brushes off, put as talk: "Stellen Sie mich
	// jetzt sofort durch", "Jetzt übertreiben Sie aber", "these things
	// happen, get over it" (demands.go), not taken back in the same
	// breath ("Sie müssen sich nicht jetzt entscheiden").
	Demand bool
}

// Any reports whether p holds anything.
func (p Push) Any() bool {
	return p.Insult || p.Ultimatum || p.Question || p.YesBut || p.Loss || p.Demand
}

// Presses reports whether p pushes whatever else the sentence does:
// anything but a "yes, but", which pushes only when nothing in the turn
// listens (the engine's call). The tagger reads such a sentence as
// pressure, so the scorer and the engine hear the same push.
func (p Push) Presses() bool { return p.Insult || p.Ultimatum || p.Question || p.Loss || p.Demand }

var (
	insults = map[openline.Language][]phrased{
		openline.German: phrases("idiot", "idioten", "vollidiot", "trottel", "depp", "blöd", "blöde", "blöder", "dumm", "dumme", "dummer",
			"unfähig", "inkompetent", "keine ahnung", "lächerlich", "unsinn", "blödsinn", "stuss", "halt die klappe", "halten sie die klappe", "schwachsinn", "quatsch",
			"verarschen", "peinlich", "armselig", "nervensäge", "sturkopf", "choleriker", "witzfigur", "dummkopf", "ignorant", "kapieren sie", "kapiert", "begriffsstutzig", "hirn", "arsch", "scheiß", "scheiss"),
		openline.English: phrases("idiot", "stupid", "moron", "dumb", "incompetent", "clueless", "pathetic", "ridiculous", "shut up",
			"no idea what you're", "useless", "a joke", "rubbish", "nonsense", "get it through", "dense", "fool", "a pain", "arrogant", "pig-headed", "stubborn", "damn", "crap", "bloody"),
	}
	ultimatums = map[openline.Language][]phrased{
		openline.German: phrases("letzte chance", "letzten chance", "jetzt oder nie", "nur noch heute", "nur heute", "heute noch entscheiden",
			"bis morgen entscheiden", "sofort entscheiden", "jetzt entscheiden", "heute unterschreiben", "jetzt unterschreiben", "wenn sie jetzt nicht",
			"dann ist es weg", "ich brauche jetzt eine antwort", "ich brauche heute eine antwort", "ja oder nein"),
		openline.English: phrases("last chance", "now or never", "today only", "only today", "decide now", "decide today", "sign today",
			"sign now", "take it or leave it", "or else", "if you don't act now", "i need an answer now", "i need an answer today", "yes or no", "gone tomorrow"),
	}
	pushQuestions = map[openline.Language][]phrased{
		openline.German: loosePhrases("warum nicht einfach", "wieso nicht einfach", "warum sagen sie nicht", "oder etwa nicht", "wollen sie etwa",
			"wollen sie denn nicht", "können sie sich das leisten", "können sie es sich leisten",
			"dienstag oder mittwoch", "montag oder dienstag", "mittwoch oder donnerstag", "donnerstag oder freitag", "ist das ein ja",
			"warum zögern sie", "was haben sie zu verlieren", "wer will das nicht", "sind sie sicher", "wann unterschreiben",
			"wann darf ich vorbeikommen", "sehen sie das nicht", "verstehen sie das nicht", "wollen sie weiter", "ist ihnen das egal"),
		openline.English: loosePhrases("why not just", "why don't you just", "don't you want", "wouldn't you agree", "can you afford",
			"tuesday or wednesday", "monday or tuesday", "wednesday or thursday", "thursday or friday", "so is that a yes", "is that a yes",
			"why wouldn't you", "what have you got to lose", "what do you have to lose", "surely you", "are you sure",
			"who wouldn't want", "don't you see", "don't you care", "do you want to keep losing", "when can i come", "when do we sign"),
	}
	yesButs = map[openline.Language][]phrased{
		openline.German:  phrases("ja aber", "schon aber", "verstehe aber", "stimmt aber", "klar aber", "sicher aber", "natürlich aber", "okay aber"),
		openline.English: phrases("yes but", "yeah but", "sure but", "i understand but", "i hear you but", "right but", "ok but", "okay but", "i know but"),
	}
)

// pushIn reads what one sentence of a trainee's turn pushes (see Push),
// in language lang: toks are the sentence's words (the prospect's quoted
// words masked) before the lexicon's normalising. Words match
// as whole words, case and umlaut spelling ignored; "ja, aber" matches
// across its comma. The tagger asks it for every trainee sentence and
// keeps the answer in Result.Push; question says whether the sentence
// ends with a question mark (an imperative asked is a request).
func pushIn(lang openline.Language, toks []token, question bool) Push {
	ix := pushIndex[lang]
	if ix == nil || len(toks) == 0 {
		return Push{}
	}
	p := phraseOf(toks)
	var push Push
	var loose phrased
	// at and looseAt are where toks[i] starts in p and in loose (the
	// space before it): a phrase opened by the word can only be there.
	at, looseAt := 0, 0
	sig := pushSig[lang]
	for _, t := range toks {
		filler := fillers[t.s]
		var opened []pushEntry
		if sig.may(t.s) {
			opened = ix[t.s]
		}
		for _, e := range opened {
			if e.kind.on(push) {
				continue
			}
			q, from := p, at
			if e.loose {
				if filler {
					continue // loose has no fillers
				}
				if loose == "" {
					loose = looseOf(toks, p)
				}
				q, from = loose, looseAt
			}
			if q.hasAt(from, e.ph) {
				push = e.kind.set(push)
			}
		}
		at += len(t.s) + 1
		if !filler {
			looseAt += len(t.s) + 1
		}
	}
	if push.Demand && (p.any(notDemands[lang]) || speakerFirst(toks)) {
		push.Demand = false
	}
	if !push.Question && (p.any(deadlines[lang]) || deadlineDay(toks)) && (p.any(closingWords[lang]) || hasStepVerb(toks) || namesOffer(toks)) &&
		!((speakerFirst(toks) || seeYouOn(toks)) && !p.any(yesWords[lang]) && !hasStepVerb(toks) && !namesOffer(toks)) {
		// A day for what the speaker will do ("I'll ring them today and
		// let you know by Friday") or for seeing each other ("Bis
		// Dienstag um sieben, und viel Erfolg heute") asks no yes of them.
		push.Question = true // "Can you give me a decision by Friday?", "nur wenn du bis Sonntag zusagst"
	}
	if push.Ultimatum && allNegated(toks, ultimatums[lang]) {
		push.Ultimatum = false // "this isn't your last chance at anything" (relief.go)
	}
	if !push.Ultimatum && threatens(toks) {
		push.Ultimatum = true // "ich brauche heute noch drei Namen, sonst …"
	}
	if !push.Question && doubtsTrust(toks) {
		push.Question = true // "Vertraust du mir etwa nicht?", "Don't you trust me?"
	}
	if !push.Demand && justDoIt(toks) {
		push.Demand = true // "Unterschreib einfach", "Just sign up"
	}
	if push.Insult && (verdictOnThing(lang, toks) || selfVerdict(lang, toks)) {
		push.Insult = false // "you tell me if it's rubbish": their verdict on the speaker's own offer
	}
	if !push.Insult && callsNamesIn(lang, p) {
		push.Insult = true // "Sie sind ja eine richtige Bürokratin"
	}
	if !push.Insult && !question && p.any(putDownLeads) {
		push.Insult = true // "No offence, but hiring through your mates is exactly why start-ups fail." (accuse.go)
	}
	if !push.Insult && accusation(toks) && (!p.any(excuses) || bluntNegation(toks)) {
		push.Insult = true // "Sie haben das doch gar nicht richtig gelesen" (accuse.go)
	}
	if !push.Insult && judges(toks, p, question, p.any(excuses)) {
		push.Insult = true // "that's on you", "you clearly can't do it without us" (accuse.go)
	}
	if !push.Demand && !question && p.any(brushOffs) {
		push.Demand = true // "It's hardly our fault if your caretaker wasn't there" (accuse.go)
	}
	if !push.Demand && !question && imperativeDemand(lang, p, toks) {
		push.Demand = true // "Verbinden Sie einfach." (accuse.go)
	}
	if !push.Question && pushyTag(lang, p) {
		push.Question = true // "…, finden Sie nicht?" (accuse.go)
	}
	return push
}

// pushKind is which field of Push a phrase list reads.
type pushKind uint8

const (
	pushInsult pushKind = iota
	pushUltimatum
	pushQuestion
	pushYesBut
	pushLoss
	pushDemand
)

func (k pushKind) on(p Push) bool {
	return [...]bool{p.Insult, p.Ultimatum, p.Question, p.YesBut, p.Loss, p.Demand}[k]
}

func (k pushKind) set(p Push) Push {
	switch k {
	case pushInsult:
		p.Insult = true
	case pushUltimatum:
		p.Ultimatum = true
	case pushQuestion:
		p.Question = true
	case pushYesBut:
		p.YesBut = true
	case pushLoss:
		p.Loss = true
	case pushDemand:
		p.Demand = true
	}
	return p
}

// pushEntry is one phrase of the push lists, indexed by its first word.
type pushEntry struct {
	ph    phrased
	kind  pushKind
	loose bool // matched against the sentence without fillers
}

// pushIndex holds every push list of a language (this file, pressing.go,
// demands.go) by first word: one pass over a sentence's words reads them
// all.
var pushIndex = func() map[openline.Language]map[string][]pushEntry {
	out := map[openline.Language]map[string][]pushEntry{}
	for _, lang := range []openline.Language{openline.German, openline.English} {
		ix := map[string][]pushEntry{}
		add := func(list []phrased, k pushKind, loose bool) {
			for _, ph := range list {
				if ws := strings.Fields(string(ph)); len(ws) > 0 {
					ix[ws[0]] = append(ix[ws[0]], pushEntry{ph, k, loose})
				}
			}
		}
		add(insults[lang], pushInsult, false)
		add(condescension[lang], pushInsult, false)
		add(ultimatums[lang], pushUltimatum, false)
		add(moreUltimatums[lang], pushUltimatum, false)
		add(pushQuestions[lang], pushQuestion, true)
		add(moreUrgency[lang], pushQuestion, true)
		add(yesButs[lang], pushYesBut, false)
		add(moreLoss[lang], pushLoss, true)
		add(demands[lang], pushDemand, true)
		out[lang] = ix
	}
	return out
}()

// pushSig is the signature of each language's pushIndex words, so that
// pushIn hashes only the words that may open a push phrase.
var pushSig = func() map[openline.Language]*wordSig {
	out := map[openline.Language]*wordSig{}
	for lang, ix := range pushIndex {
		g := &wordSig{}
		for w := range ix {
			g.add(w)
		}
		out[lang] = g
	}
	return out
}()

// or is p with every push of q added.
func (p Push) or(q Push) Push {
	return Push{
		Insult:    p.Insult || q.Insult,
		Ultimatum: p.Ultimatum || q.Ultimatum,
		Question:  p.Question || q.Question,
		YesBut:    p.YesBut || q.YesBut,
		Loss:      p.Loss || q.Loss,
		Demand:    p.Demand || q.Demand,
	}
}

// speakerFirst reports whether a sentence opens with the speaker as its
// subject ("Ich nehme Ihre Nummer jetzt sofort aus allen Listen", "We'll
// sort it out right now"): what they will do now is a promise, not a
// demand of the listener.
func speakerFirst(toks []token) bool {
	for _, t := range toks {
		switch t.s {
		case "also", "so", "und", "and", "dann", "then", "gut", "okay", "ok", "klar", "well", "right":
			continue
		case "ich", "wir", "i", "we", "i'll", "we'll", "i'm", "we're", "ill":
			return true
		}
		return false
	}
	return false
}

// looseOf is p, the phrase of toks, without fillers (phrased.loose), made
// from the tokens: p itself when none of them is a filler.
func looseOf(toks []token, p phrased) phrased {
	n := 0
	for _, t := range toks {
		if fillers[t.s] {
			n++
		}
	}
	if n == 0 {
		return p
	}
	var b strings.Builder
	b.Grow(len(p))
	b.WriteByte(' ')
	for _, t := range toks {
		if !fillers[t.s] {
			b.WriteString(t.s)
			b.WriteByte(' ')
		}
	}
	return phrased(b.String())
}

// thisWeek are the words that set a step for the current week.
var thisWeek = phrases("this week", "diese woche", "dieser woche")

// rushesStep reports whether a sentence proposing a step (toks, said as
// sentence) sets it for this week: a deadline on their step, unless it
// asks when in the week suits them ("Wann passt es Ihnen diese Woche"),
// or the step is the caller's own callback ("Darf ich Sie diese Woche noch mal
// anrufen?").
func rushesStep(lang openline.Language, toks []token, sentence string) bool {
	p := phraseOf(toks)
	if !p.any(thisWeek) || p.any(scheduling) {
		return false // asking when in the week suits them lets them choose
	}
	kind, ok := Proposal(lang, sentence)
	return !ok || kind != StepCallback
}

// deadlineDay reports a day set as a limit: "bis"/"by"/"before"/"until"
// right before a day, "morgen", "tomorrow", "tonight" or the end of a
// period ("bis Ende der Woche").
func deadlineDay(toks []token) bool {
	for i := 0; i+1 < len(toks); i++ {
		switch toks[i].s {
		case "bis", "by", "before", "until", "till", "vor":
			n := toks[i+1].s
			if (n == "the" || n == "zum" || n == "zur") && i+2 < len(toks) {
				n = toks[i+2].s // "until the end of the month", "bis zum Monatsende"
			}
			if weekdays[n] || n == "ende" || n == "end" || n == "tonight" || n == "heute" || strings.HasPrefix(n, "monatsende") || strings.HasPrefix(n, "jahresende") {
				return true
			}
		}
	}
	return false
}

// verdictOnThing reports an insult word that only names a verdict the
// listener may give on a thing: "tell me if it's rubbish", "sagen Sie
// mir, ob das Quatsch ist". It calls nobody names.
func verdictOnThing(lang openline.Language, toks []token) bool {
	for i := 0; i+2 < len(toks); i++ {
		switch toks[i].s {
		case "if", "whether", "ob", "falls", "wenn":
		default:
			continue
		}
		switch toks[i+1].s {
		case "it's", "it", "that's", "that", "this", "es", "das":
		default:
			continue
		}
		for _, t := range toks[i+2 : min(len(toks), i+5)] {
			if slices.Contains(insults[lang], phrase(t.s)) {
				return true
			}
		}
	}
	return false
}

// selfVerdict reports that every insult word of a sentence stands in a
// clause about the speaker's own side and not the listener ("da steht in
// meiner Liste offensichtlich Quatsch", "my notes are rubbish, sorry"):
// owning a mistake insults nobody.
func selfVerdict(lang openline.Language, toks []token) bool {
	found := false
	for i, t := range toks {
		if !slices.Contains(insults[lang], phrase(t.s)) {
			continue
		}
		found = true
		from, to := clauseOf(toks, i)
		if !hasWord(toks[from:to], "ich", "mein", "meine", "meiner", "meinem", "meinen", "mir", "mich", "i", "i'm", "my", "mine", "me", "myself") ||
			hasWord(toks[from:to], "sie", "ihr", "ihre", "ihrer", "ihnen", "du", "dein", "deine", "dir", "dich", "you", "your", "you're") {
			return false
		}
	}
	return found
}

// seeYouOn reports a sentence that opens with the day they will meet, a
// goodbye: "Bis Dienstag um sieben", "See you on Tuesday".
func seeYouOn(toks []token) bool {
	if len(toks) < 2 {
		return false
	}
	a, b := toks[0].s, toks[1].s
	return (a == "bis" && (weekdays[b] || b == "dann" || b == "zum")) || (a == "see" && b == "you")
}

// threatens reports a threat with a deadline: "sonst"/"otherwise"/"or
// else" in a sentence that sets the time as now or today ("Ich brauche
// heute noch drei Namen, sonst kann ich den Rabatt nicht halten", "Sign
// today, otherwise the price goes up").
func threatens(toks []token) bool {
	threat, now, listener := false, false, false
	for i, t := range toks {
		switch t.s {
		case "sonst", "otherwise", "andernfalls", "ansonsten":
			threat = i > 0 // "Sonst noch was?" opens a question
		case "heute", "jetzt", "sofort", "today", "now", "tonight", "immediately":
			now = true
		case "sie", "ihnen", "ihr", "ihre", "you", "your":
			listener = true
		}
	}
	// "Ich rufe heute noch an, sonst vergesse ich es" is the speaker's own
	// reminder.
	return threat && now && (listener || !speakerFirst(toks))
}

// hasStepVerb reports a word of a step toward the caller (stepVerbs, in
// any inflection: "zusagst", "signing").
func hasStepVerb(toks []token) bool {
	for _, t := range toks {
		for _, v := range stepVerbs {
			if strings.HasPrefix(t.s, v) && !strings.HasPrefix(t.s, "signif") && !strings.HasPrefix(t.s, "start") {
				return true
			}
		}
	}
	return false
}

// doubtsTrust reports a question that makes saying no a failure of
// trust: a verb of trusting, "mir"/"me" and a negation ("Vertraust du mir
// etwa nicht?", "Don't you trust me?").
func doubtsTrust(toks []token) bool {
	trust, me, not := false, false, false
	for _, t := range toks {
		switch {
		case strings.HasPrefix(t.s, "vertrau") || strings.HasPrefix(t.s, "trau") || t.s == "trust":
			trust = true
		case t.s == "mir" || t.s == "me" || t.s == "uns" || t.s == "us":
			me = true
		case t.s == "nicht" || t.s == "not" || t.s == "don't" || t.s == "dont":
			not = true
		}
	}
	return trust && me && not
}

// justDoIt reports a step commanded as simple: a verb of signing, buying
// or booking beside "einfach"/"just" ("Unterschreib einfach", "just sign
// up", "Kaufen Sie es einfach").
func justDoIt(toks []token) bool {
	for i, t := range toks {
		if t.s != "einfach" && t.s != "just" {
			continue
		}
		for k := max(0, i-2); k <= i+2 && k < len(toks); k++ {
			for _, v := range justVerbs {
				if k != i && strings.HasPrefix(toks[k].s, v) {
					return true
				}
			}
		}
	}
	return false
}

// justVerbs are the steps "just …" commands.
var justVerbs = []string{"unterschreib", "zusag", "kauf", "bestell", "buch", "sign", "buy", "order", "book", "commit"}

// namesOffer reports a word for what the caller sells ("offer",
// "Angebot"): a deadline on it pushes as one on a step does, unless the
// speaker promises to deliver it by then ("Unser Angebot schicke ich
// Ihnen bis Freitag", "I'll send you the offer by Friday").
func namesOffer(toks []token) bool {
	offer := false
	for _, t := range toks {
		switch t.s {
		case "ich", "i", "i'll", "ill":
			return false
		}
		offer = offer || offerNouns[t.s] || t.s == "deal" || t.s == "aktion" || t.s == "rabatt" || t.s == "discount"
	}
	return offer
}
