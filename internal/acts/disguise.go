package acts

import (
	"slices"
	"strings"
)

// This file reads what a trainee's sentence does when its form hides it:
// pressure or a close put as a friendly question, and an echo of the
// prospect's words that leads into a question of one's own. The scorer
// asks it sentence by sentence; the forms are shared by both languages,
// since English slips into German calls.

// Disguise is what one trainee sentence does beneath its form.
type Disguise struct {
	// Leading is a question that asks for a yes it has already put in the
	// other person's mouth: "Sie wollen doch auch, dass …, oder?",
	// "Wouldn't you agree that …?", a rung of a yes-ladder.
	Leading bool
	// AlternativeClose offers two dates for a step not yet agreed:
	// "Dienstag oder Donnerstag?", "Would Tuesday or Wednesday suit you?".
	AlternativeClose bool
	// Loss frames what the prospect will lose by waiting: "Was würde es
	// Sie kosten, wenn …?", "How much revenue are you willing to lose
	// before you act?", "Wie würden Sie sich fühlen, wenn … gezögert haben?".
	Loss bool
	// Urgency asks for the decision now: "today" or "heute" beside a verb
	// of signing, starting or deciding, and "what would it take".
	Urgency bool
	// Guilt makes not buying a failing: "Es wäre fahrlässig, …", "It
	// would be irresponsible not to".
	Guilt bool
	// Booking asks to book the step: "Shall I book you in?", "Soll ich
	// Sie eintragen?".
	Booking bool
	// WrapUp asks whether there is anything else, to end the call: "Sonst
	// noch was?", "Anything else?". It asks about nothing.
	WrapUp bool
	// Scheduling asks when or how a step suits them, or proposes it: "Wann
	// passt es Ihnen besser?", "Was halten Sie davon, wenn ich …",
	// "Would mornings work?". It arranges, it asks nothing about them.
	Scheduling bool
	// Curt demands what the other person wants ("What do you want?",
	// "Was wollen Sie?"): impatience put as a question, no invitation to
	// tell. It asks about nothing.
	Curt bool
	// Busy tells the other person there is no time for them: "Ich bin
	// gerade mitten in einer Aktion", "I'm in the middle of something".
	Busy bool
}

// Pushes reports whether the sentence pushes: any of the forms but
// Booking, which pushes only when nothing earned it (the scorer's call).
func (d Disguise) Pushes() bool {
	return d.Leading || d.AlternativeClose || d.Loss || d.Urgency || d.Guilt
}

var (
	leadingPhrases = phrases("sie wollen doch", "sie möchten doch", "sie wollen auch dass", "sie wollen sicher", "sie geben mir recht",
		"stimmen sie mir zu", "würden sie mir zustimmen", "wäre es doch logisch", "ist doch logisch", "das ist doch klar", "da sind wir uns einig",
		"fair to say", "safe to say", "kann man sagen dass", "kann man also sagen",
		"wouldn't you agree", "would you agree", "you'd agree", "don't you agree", "surely you", "it makes sense then", "so it makes sense",
		// A yes put in their mouth as a negative question.
		"meinen sie nicht dass", "finden sie nicht dass", "glauben sie nicht dass", "wäre es nicht", "wäre es dann nicht", "wäre es da nicht",
		"don't you think that", "don't you think you", "don't you think you're", "don't you think your", "don't you think it", "don't you think it's", "don't you think that's", "don't you think this", "don't you think they",
		"do you not think", "wouldn't you say", "don't you feel that", "don't you find that", "meinen sie nicht auch", "finden sie nicht auch", "glauben sie nicht auch",
		"denken sie nicht dass", "wouldn't it be sensible", "wouldn't it make sense", "isn't it time",
		"wäre das nicht", "wäre das dann nicht", "wouldn't that be", "isn't that exactly", "isn't that just",
		// "nicht doch" in a yes/no question asks them to give in after all:
		// "Wäre ein Webinar nicht doch eine Chance?", "Wollen Sie es nicht
		// doch versuchen?".
		"nicht doch",
		"isn't it worth", "isn't that worth", "isn't their", "aren't they worth", "ist es das nicht wert", "ist das nicht ~ wert", "sind sie es nicht wert",
		"spricht doch nichts dagegen", "dann spricht doch nichts", "spricht ja nichts dagegen", "there's nothing against it", "what's not to like")
	goAhead     = phrase("go ahead")
	wantWords   = phrases("wollen", "möchten", "want", "need", "brauchen", "sollten", "should", "deserve", "deserves", "verdienen", "verdient")
	leadingTags = phrases("oder", "richtig", "nicht wahr", "stimmt's", "stimmts", "gell", "ne", "right", "don't you", "wouldn't you", "isn't it", "agreed",
		"don't they", "doesn't it", "oder nicht", "wouldn't they", "won't they", "aren't they", "wouldn't it")
	// reversedTags are the tags of a negative statement, leading after
	// one only: "You wouldn't want to let your lads down, would you?"
	// ("What would you need, do you think?" asks).
	reversedTags = phrases("would you", "do you", "will you", "would they", "do they", "would it", "is it", "are you")
	tagNegations = set([]string{"wouldn't", "don't", "won't", "isn't", "aren't", "can't", "doesn't", "shouldn't", "not", "never"})
	// goodFor are claims of what is good for them: "…, wären auch super
	// für dich, richtig?" puts the yes in their mouth as a want does.
	goodFor = phrases("wäre super", "wären super", "wäre auch super", "wären auch super", "wäre toll", "wären toll", "wäre gut für", "wäre prima", "wäre klasse",
		"gut für", "besser für", "wichtig für", "sinnvoll", "lohnt sich",
		"would be great", "would be good", "good for", "better for", "important for")
	weekdays = map[string]bool{"montag": true, "dienstag": true, "mittwoch": true, "donnerstag": true, "freitag": true, "samstag": true, "sonntag": true, "sunday": true,
		"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
		"morgen": true, "uebermorgen": true, "tomorrow": true, "vormittag": true, "nachmittag": true, "morning": true, "afternoon": true}
	lossPhrases = loosePhrases("was würde es sie kosten", "was kostet es sie", "was kostet sie das", "was verlieren sie", "wie viel verlieren sie",
		"wie viel wollen sie", "wie würden sie sich fühlen wenn", "wie fühlen sie sich wenn", "gezögert haben", "zu lange warten", "weiter verlieren",
		"what would it cost you", "what is it costing you", "what's it costing you", "how much are you losing", "how much revenue", "willing to lose",
		"how would you feel if", "keep losing", "noch verlieren", "bevor sie handeln", "bevor sie etwas tun", "bevor sie was tun", "jeder monat ohne",
		// A chance one must not let pass.
		"nicht verpassen sollte", "nicht verpassen sollten", "sollte man nicht verpassen", "sollten sie nicht verpassen", "shouldn't miss", "should not miss",
		"can't afford to miss", "cannot afford to miss", "too good to miss",
		"jeder tag ohne", "jede woche ohne", "every month without", "every day without", "every day you wait", "every month you wait", "lost out", "because you waited", "because you hesitated", "weil sie gewartet haben", "weil sie gezögert haben", "leer ausgehen", "before you act", "can you afford not", "können sie es sich leisten nicht",
		// Fear put to the listener: what their family loses, what if
		// something happened to them.
		"by not having", "loses each year", "lose each year", "if something happened to you", "if anything happened to you", "if something happens to you",
		// Money they are said to be throwing away.
		"money on the table", "leaving money", "throwing money away", "throwing away money", "geld auf der straße", "geld liegen lassen", "geld verschenken", "verschenken sie geld",
		"wenn ihnen etwas passiert", "wenn ihnen was passiert", "falls ihnen etwas zustößt", "verliert jedes jahr", "verlieren jedes jahr")
	// considerFrames ask whether they have weighed something; with a
	// word of depriving or losing after them ("Haben Sie bedacht, was Sie
	// Ihren Betrieben damit vorenthalten?", "Have you considered what
	// you're denying your staff?") they frame the no as a loss they cause.
	considerFrames = loosePhrases("haben sie bedacht", "haben sie schon bedacht", "haben sie mal bedacht", "haben sie auch bedacht", "bedenken sie",
		"haben sie daran gedacht", "haben sie schon daran gedacht", "haben sie sich überlegt", "ist ihnen klar", "ist ihnen bewusst", "sind sie sich bewusst",
		"hast du bedacht", "ist dir klar", "ist dir bewusst",
		"have you considered", "have you thought about", "have you ever considered", "did you consider", "do you realise", "do you realize",
		"are you aware", "have you thought about what")
	urgencyPhrases = loosePhrases("was müsste ich ihnen bieten", "was muss ich tun damit", "what do i need to do", "what would i have to do",
		// Trying again until they give in: "Dann rufe ich eben an, bis er
		// Zeit hat", "I'll keep calling until you have time".
		"bis er zeit hat", "bis sie zeit hat", "bis sie zeit haben", "bis du zeit hast", "bis ich ihn erreiche", "bis ich sie erreiche",
		"until you have time", "until he has time", "until she has time", "until they have time", "until i reach", "until i get through", "keep calling", "keep trying")
	nowWords  = map[string]bool{"heute": true, "jetzt": true, "sofort": true, "gleich": true, "today": true, "now": true, "tonight": true, "immediately": true}
	stepVerbs = []string{"unterschreib", "start", "entscheid", "versuch", "abschliess", "bestell", "kauf", "zusag", "sign", "decid", "commit", "buy", "switch", "wechsel", "umsteig", "beginn",
		"anfang", "anfaeng", "losleg", "einfuehr"}
	guilt = loosePhrases("fahrlässig", "unverantwortlich", "verantwortungslos", "das sind sie ihren leuten schuldig", "das schulden sie",
		"irresponsible", "negligent", "you owe it to", "reckless not to", "crazy not to", "verrückt wäre es nicht",
		"etwas besseres verdient", "was besseres verdient", "besseres verdient", "deserve better", "deserves better",
		// Doing their people harm by saying no, and their people not worth
		// it to them: "Wollen Sie Ihrer Schwester das wirklich antun?",
		// "Ist Ihnen Ihre Familie das nicht wert?".
		"das antun", "das wirklich antun", "das ernsthaft antun", "do that to your", "do this to your", "do that to them", "do this to them",
		// A favour done for them called in: reciprocity as a lever ("I'm
		// sure you'll want to return the favour", "Im Gegenzug …").
		"return the favour", "return the favor", "returning the favour", "in return", "you owe me", "one good turn", "im gegenzug", "revanchieren",
		"eine hand wäscht", "sie schulden mir", "du schuldest mir",
		"das nicht wert", "nicht wert ist", "not worth it to you", "isn't your family worth", "aren't they worth", "isn't she worth", "isn't he worth")
	wrapUps = phrases("sonst noch was", "sonst noch etwas", "noch was", "war's das", "wars das", "war das alles", "ist das alles", "das wär's",
		"anything else", "is that all", "is that everything", "that it", "something else")
	scheduling = phrases("wann passt es ihnen", "wann passt es", "wann passt ihnen", "wann würde es ihnen passen", "wann hätten sie zeit", "was halten sie davon wenn ich",
		"vormittags oder nachmittags", "vormittags oder nach", "morgens oder nachmittags", "when suits you", "when would suit you", "what time works", "when works for you",
		"when would be good", "how about i", "what if i came", "mornings or afternoons", "morning or afternoon", "would mornings", "would afternoons")
	busy = loosePhrases("mitten in einer aktion", "mitten in was", "mitten in etwas", "bin mitten drin", "bin mittendrin", "hab zu tun", "habe zu tun", "viel zu tun",
		"in the middle of something", "in the middle of a", "tied up", "snowed under", "up to my eyes", "swamped", "slammed", "got a lot on",
		// Called away by the next thing: another call, the other line.
		"onto another call", "on another call", "to another call", "another call waiting", "another call coming", "the other line", "my next call",
		"have to run", "got to run", "gotta run", "need to run", "must dash", "have to dash", "got to dash",
		"einen anderen anruf", "ein anderer anruf", "anderes gespräch", "anderen leitung", "andere leitung", "zweiten leitung", "nächsten anruf", "nächste anruf",
		"muss ich los", "muss gleich los", "muss jetzt los")
	curtDemands = phrases("what do you want", "what d'you want", "what is it you want", "what is it now", "what now", "what do you want now",
		"was wollen sie", "was willst du", "was gibt's denn jetzt", "was denn jetzt", "was wollen sie denn", "was willst du denn")
	booking = loosePhrases("shall i book", "can i book", "should i book", "let me book", "book you in", "put you down", "pencil you in", "lock in",
		"can i set that up", "shall i set that up", "should i set that up", "ich trage einfach", "ich trag einfach", "ich trage sie einfach",
		"i'll just put you down", "i'll just book", "i'll just pop you in",
		"soll ich das einrichten", "richte ich ihnen das ein", "soll ich ihnen das einrichten", "melde ich sie an", "soll ich sie anmelden",
		"soll ich sie eintragen", "soll ich ihnen einen termin", "trage ich sie ein", "wann darf ich vorbeikommen", "termin machen", "termin ausmachen", "einen termin vereinbaren",
		"termin auszumachen", "termin zu vereinbaren", "termin zu machen")
)

// maxCurtWords is the longest question, in words, that only demands what
// they want ("Yes, what do you want?"); "What do you want to achieve this
// year?" asks about them.
const maxCurtWords = 6

// insistsOn reports whether the words of toks before byte k (the
// sentence before its tag) claim something of the listener with the
// particle that presumes their yes: "Ihre Leute würden sich doch sicher
// freuen, oder nicht?", "Your lads would surely love that, wouldn't
// they?". A "doch" that opens the sentence answers ("Doch, …"), and a
// claim about the weather names no listener: "Das ist doch herrlich
// heute, oder?" chats.
func insistsOn(toks []token, k int) bool {
	head := toks[:0]
	for i, t := range toks {
		if t.end > k {
			break
		}
		head = toks[:i+1]
	}
	return hasWord(head, listener...) && slices.ContainsFunc(head[min(1, len(head)):], func(t token) bool { return t.s == "doch" || t.s == "surely" })
}

// negatedBefore reports whether the words of toks that lie in head (the
// sentence before its tag) hold a negation.
func negatedBefore(toks []token, head string) bool {
	for _, t := range toks {
		if t.end <= len(head) && tagNegations[t.s] {
			return true
		}
	}
	return false
}

// maxWrapUpWords is the longest question, in words, that only wraps the
// call up ("Gibt es sonst noch was, das ich tun kann?" is an offer).
const maxWrapUpWords = 5

// Disguised reads one sentence of a trainee's turn (see Disguise).
func Disguised(sentence string) Disguise {
	return disguised(sentence, tokenize(sentence))
}

// disguised is Disguised of a sentence already tokenised (toks): the
// tagger reads every sentence through it and has the tokens at hand.
func disguised(sentence string, toks []token) Disguise {
	plain := phraseOf(toks)
	p := looseOf(toks, plain)
	q := strings.HasSuffix(strings.TrimSpace(sentence), "?")
	var d Disguise
	d.Leading = plain.any(leadingPhrases) && (q || strings.Contains(sentence, "!"))
	if q && !d.Leading {
		// "…, oder?", "…, right?": a tag after a statement of what they
		// want. The statement is asked first: most questions state no
		// want, and their tag need not be tokenised.
		if k := strings.LastIndexAny(sentence, ",–-"); k > 0 && (plain.any(wantWords) || plain.any(goodFor) || insistsOn(toks, k)) {
			tag := phrase(sentence[k:])
			if strings.Count(string(tag), " ") <= 4 && (tag.any(leadingTags) || tag.any(reversedTags) && negatedBefore(toks, sentence[:k])) {
				d.Leading = true
			}
		}
	}
	days := 0
	or := false
	for _, t := range toks {
		if weekdays[t.s] {
			days++
		}
		if t.s == "oder" || t.s == "or" {
			or = true
		}
	}
	d.AlternativeClose = q && or && (days >= 2 || opensWithStep(toks) || wouldStep(toks))
	d.Loss = p.any(lossPhrases) || p.any(considerFrames) && deprives(toks) || p.any(feelFrames) && regrets(toks) || hypotheticalLoss(toks)
	d.Leading = d.Leading || q && negativeStepQuestion(toks)
	// "Was würde es für Sie bedeuten, wenn das ab nächstem Monat läuft?",
	// "What would it mean for you if it was running from next month?":
	// the product already started, a future paced for them.
	d.Urgency = q && futurePaced(toks)
	d.Urgency = d.Urgency || p.any(urgencyPhrases) || (q && obstacle(toks) && towardCaller(toks))
	if !d.Urgency {
		// A word for now beside a step in its clause, or in an infinitive
		// after it: "Können Sie heute noch unterschreiben?", "wäre doch
		// jetzt der richtige Moment, es mit uns zu versuchen". A now that
		// dates a span ("Jetzt ist es ein Jahr, dass …") or brings news
		// ("dass wir jetzt auch Bestellungen per Chat annehmen") asks for
		// no step now, nor one in another clause ("holding the fort today –
		// how do you decide …?").
		now, step := false, false
		for i, t := range toks {
			if !nowWords[t.s] || datesSpan(toks, i) || i+1 < len(toks) && (toks[i+1].s == "auch" || toks[i+1].s == "also") {
				continue
			}
			now = true
			from, to := clauseOf(toks, i)
			if to-from <= 2 {
				from, to = 0, len(toks) // "…, today?": an afterthought to the sentence
			}
			for k := from; k < len(toks) && !step; k++ {
				if k >= to && (k == 0 || toks[k-1].s != "zu" && toks[k-1].s != "to") {
					continue
				}
				for _, v := range stepVerbs {
					if !step {
						step = strings.HasPrefix(toks[k].s, v) && !strings.HasPrefix(toks[k].s, "signif")
					}
				}
			}
		}
		step = step || (now && p.has(goAhead))
		d.Urgency = now && step
	}
	d.Guilt = p.any(guilt)
	d.Booking = p.any(booking)
	d.WrapUp = q && len(toks) <= maxWrapUpWords && plain.any(wrapUps)
	d.Busy = p.any(busy)
	d.Curt = q && len(toks) <= maxCurtWords && plain.any(curtDemands) && !hasWord(toks, "to", "zu")
	d.Scheduling = q && plain.any(scheduling)
	return d
}

// feelFrames ask how the listener would feel; with a regret in the same
// sentence ("how would you feel, looking him in the eye, knowing you could
// have done more and didn't?", "Wie würden Sie sich fühlen, wenn Sie
// hätten helfen können?") they put guilt to them, as loss framing does.
// "Wouldn't it be awful if …?" is the same as a negative question.
var feelFrames = loosePhrases("how would you feel", "how will you feel", "how do you feel", "wie würden sie sich fühlen", "wie werden sie sich fühlen",
	"wie fühlen sie sich", "wie würdest du dich fühlen", "wouldn't it be awful", "wouldn't it be terrible", "wouldn't it be a shame", "wouldn't it be sad",
	"wäre es nicht schlimm", "wäre es nicht furchtbar", "wäre es nicht schade", "wäre das nicht schlimm", "wäre das nicht schade")

// regrets reports a counterfactual in a sentence: what could or should
// have been done ("could have", "should've", "didn't", "hätten … können",
// "versäumt"), or had been there for them ("you'd had the chance").
func regrets(toks []token) bool {
	for i, t := range toks {
		switch t.s {
		case "didn't", "versaeumt", "verpasst":
			return true
		case "have", "had":
			if i > 0 && (toks[i-1].s == "could" || toks[i-1].s == "should" || toks[i-1].s == "might" || strings.HasSuffix(toks[i-1].s, "'d")) {
				return true
			}
		case "could've", "should've", "haette", "haetten":
			return true
		}
	}
	return false
}

// deprivingStems are the word family of keeping something from someone
// or losing it (folded, as tokens are): vorenthalten, entgehen,
// verpassen, verzichten, verlieren, kosten; deny, deprive, withhold,
// miss, lose, cost.
var deprivingStems = []string{"vorenthalt", "vorenthael", "entgeh", "entgang", "entgeht", "verpass", "verzicht", "verlier", "verlor", "kostet", "kosten",
	"deny", "denie", "depriv", "withh", "miss", "lose", "losi", "lost", "loss", "cost"}

// deprives reports whether a word of the depriving family is in toks.
func deprives(toks []token) bool {
	for _, t := range toks {
		for _, st := range deprivingStems {
			if strings.HasPrefix(t.s, st) {
				return true
			}
		}
	}
	return false
}

// opensWithStep reports whether a sentence opens with a step taken
// together or by them ("Starten wir mit zehn oder mit zwanzig Plätzen?",
// "Nehmen Sie das Paket oder …", "Shall we start with …", "Do you want
// to go with …"): with "oder"/"or" it offers two ways of saying yes.
//
// Any clause may open it: a lead-in before it ("Just out of curiosity,
// would you rather start with …") frames it, it asks nothing else.
func opensWithStep(toks []token) bool {
	for c := range toks {
		if c > 0 && !toks[c].clause {
			continue
		}
		k := c
		for k < len(toks) && stepFrames[toks[k].s] {
			k++
		}
		if k >= len(toks) {
			continue
		}
		if k > c && germanModals[toks[c].s] {
			// "Wollen Sie lieber mit dem kleinen oder dem großen Paket
			// starten?": the German verb comes last.
			for _, t := range toks[k:] {
				if strings.HasPrefix(t.s, "start") || strings.HasPrefix(t.s, "beginn") || strings.HasPrefix(t.s, "nehm") || strings.HasPrefix(t.s, "buch") || strings.HasPrefix(t.s, "bestell") {
					return true
				}
			}
		}
		for _, v := range []string{"start", "beginn", "nehm", "buch", "book", "go", "take", "order", "bestell", "sign", "unterschreib"} {
			// "go" only as itself: "got a sec or …?" asks for time.
			if strings.HasPrefix(toks[k].s, v) && (v != "go" || toks[k].s == v) {
				return true
			}
		}
	}
	return false
}

// germanModals open a German question whose step verb comes last.
var germanModals = map[string]bool{"wollen": true, "moechten": true, "wuerden": true, "sollen": true}

// stepFrames are the words before the verb of a step offered two ways.
var stepFrames = map[string]bool{"also": true, "so": true, "und": true, "and": true, "dann": true, "then": true, "shall": true, "should": true,
	"we": true, "do": true, "you": true, "want": true, "to": true, "would": true, "rather": true, "you'd": true, "prefer": true, "like": true,
	"moechten": true, "wollen": true, "sie": true, "lieber": true, "wuerden": true}

// obstacle reports whether a question asks what stands in the way: "What
// would it take …", "What's stopping you …", "What's holding you back",
// "Was müsste (denn) passieren, damit …", "Was hindert Sie (daran) …",
// "Was hält Sie davon ab". Of a step toward the caller or bare it pushes;
// of the person's own goal ("What would it take to keep your best
// people?", "Was hindert Sie daran, mehr Azubis einzustellen?") it asks
// about them (towardCaller).
func obstacle(toks []token) bool {
	has := func(w string) bool {
		return slices.ContainsFunc(toks, func(t token) bool { return t.s == w })
	}
	for i, t := range toks {
		switch t.s {
		case "hindert", "hindern", "abhaelt", "stopping", "stops":
			return true
		case "holding", "holds":
			if i+1 < len(toks) && (toks[i+1].s == "back" || i+2 < len(toks) && toks[i+2].s == "back") {
				return true
			}
		case "take":
			if i >= 2 && toks[i-1].s == "it" && (toks[i-2].s == "would" || toks[i-2].s == "will" || toks[i-2].s == "does") {
				return true
			}
		}
	}
	// "Was müsste unser Angebot noch haben, damit Sie …": what would have
	// to change for them to give in.
	// "Is there any reason you wouldn't want to try it?", "Gibt es einen
	// Grund, warum Sie es nicht testen wollen?": a no must justify itself.
	if (has("reason") || has("grund")) && (has("wouldn't") || has("not") || has("don't") || has("nicht")) {
		return true
	}
	// "Was fehlt Ihnen noch, damit Sie …": what is missing for them to
	// give in.
	return has("damit") && (has("passieren") || has("braeuchte") || has("braeuchten") || has("muesste") || has("muessten") || has("fehlt") || has("fehlen")) ||
		has("haelt") && has("ab")
}

// maxBareObstacleWords is the longest obstacle question, in words, that
// names no goal of its own ("What's stopping you?", "Was hindert Sie
// denn noch?").
const maxBareObstacleWords = 6

// sellerWords name the caller's side or their offer.
var sellerWords = map[string]bool{"us": true, "our": true, "ours": true, "we": true, "me": true, "uns": true, "unser": true, "unsere": true,
	"unserem": true, "unseren": true, "unserer": true, "unseres": true, "mir": true, "angebot": true, "offer": true, "deal": true, "contract": true, "vertrag": true,
	// The offer's value, which only the caller wants them to see.
	"vorteil": true, "vorteile": true, "benefit": true, "benefits": true, "save": true, "savings": true, "sparen": true,
	// Securing the offer before it lapses.
	"sichern": true, "secure": true, "frist": true, "deadline": true,
	// Seeing it the caller's way, or thinking again after a no.
	"see": true, "seeing": true, "sehen": true, "reconsider": true, "mind": true,
	// The step the caller wants: a call, a meeting, a demo.
	"call": true, "meeting": true, "demo": true, "appointment": true, "termin": true, "gespraech": true, "treffen": true, "vorfuehrung": true}

// moreStepVerbs are steps toward the caller beside stepVerbs: "yes",
// trying, ordering or moving to them, or looking at the offer again
// ("damit Sie es sich noch einmal ansehen").
var moreStepVerbs = []string{"move", "choos", "pick", "try", "test", "order", "agree", "yes", "ja", "probier", "buch", "book", "umzustell", "umstell", "ueberleg",
	// Passing the offer on for the caller: presenting, recommending it.
	"vorstell", "vorzustell", "empfehl", "weiterempfehl", "recommend", "introduc", "present",
	"anseh", "anschau", "angeseh", "angeschaut", "anguck", "durchles", "reinschau"}

// towardCaller reports whether an obstacle question is about a step
// toward the caller: bare, or naming a step verb or noun, a word for now,
// a day or this week (a deadline), or the caller's side.
func towardCaller(toks []token) bool {
	if len(toks) <= maxBareObstacleWords || phraseOf(toks).any(thisWeek) {
		return true
	}
	for _, t := range toks {
		if nowWords[t.s] || sellerWords[t.s] || weekdays[t.s] {
			return true
		}
		for _, v := range stepVerbs {
			if strings.HasPrefix(t.s, v) && !strings.HasPrefix(t.s, "signif") {
				return true
			}
		}
		for _, v := range moreStepVerbs {
			if strings.HasPrefix(t.s, v) {
				return true
			}
		}
	}
	return false
}

// Said is the prospect's turn a trainee's sentences are read against
// (Echo, NewTopic, Restates), prepared once.
type Said struct {
	text  string
	stems *stemSet
	words map[string]bool
}

// Hear prepares the prospect's turn for reading the trainee's answer to it.
func Hear(prospect string) *Said { return hear(Result{}, prospect) }

// hear is Hear of a prospect turn tagged as r (its words taken from r
// when the tagger kept them: turnWords).
func hear(r Result, prospect string) *Said {
	words := turnWords(r, prospect)
	n := 0
	for _, toks := range words {
		n += len(toks)
	}
	// Sized for every word at once, the maps are not grown word by word.
	p := &Said{text: prospect, stems: stemSetFor(n), words: make(map[string]bool, n)}
	for _, toks := range words {
		addStems(toks, p.stems)
		for _, t := range toks {
			p.words[t.s] = true
		}
	}
	return p
}

// shares reports whether text, tagged as r, repeats a content word of
// the prospect's turn.
func (p *Said) shares(r Result, text string) bool {
	for _, toks := range turnWords(r, text) {
		if overlap(toks, p.stems) > 0 {
			return true
		}
	}
	return false
}

// Echo reports whether sentence only repeats words of the prospect's turn
// p, with at most framing words beside them ("Leute halten,
// verstehe.", "Gar keins, verstehe.", "So what I'm hearing is you lost two
// joiners."): a parrot, which restates without adding the meaning a
// complex reflection adds ("…, das ist bitter" adds it). Every content
// word is the prospect's, and one of them is, or two small words and
// nothing else are ("Das verstehe ich gut." is no echo).
func (p *Said) Echo(sentence string) bool { return p.echo(tokenize(sentence)) }

// echo is Echo of a sentence's words.
func (p *Said) echo(toks []token) bool {
	have, words := p.stems, p.words
	shared, sharedContent, other := 0, 0, 0
	for i := range toks {
		if echoFrames[toks[i].s] {
			continue
		}
		switch {
		case words[toks[i].s] || have.exact[stem(toks[i].s)]:
			shared++
			if contentWord(toks, i) {
				sharedContent++
			}
		case contentWord(toks, i):
			return false
		default:
			other++
		}
	}
	// "Gar keins, verstehe." repeats only small words, but all of them.
	return sharedContent > 0 || (shared >= 2 && other == 0)
}

// echoFrames are the words that frame an echo rather than add to it.
var echoFrames = map[string]bool{"verstehe": true, "okay": true, "hearing": true, "heard": true, "understand": true, "sounds": true, "klingt": true,
	"hoere": true, "understood": true, "noted": true, "see": true, "gotcha": true, "verstanden": true, "notiert": true, "sagen": true, "saying": true, "said": true, "gesagt": true, "right": true, "genau": true, "alles": true, "klar": true}

// NewTopic reports whether question, asked after the prospect's turn p,
// names a subject of its own and none of the prospect's: "Und welches
// Budget haben Sie eingeplant?" after "Leute halten." A question without
// content words of its own ("Wie meinen Sie das?") is no new topic.
func (p *Said) NewTopic(question string) bool {
	have := p.stems
	toks := tokenize(question)
	content := 0
	for i := range toks {
		if !contentWord(toks, i) {
			continue
		}
		content++
		s := stem(toks[i].s)
		if have.exact[s] || have.related(s) {
			return false
		}
	}
	return content > 0
}

// Restates reports whether a statement of the trainee takes up content
// words of the prospect's turn p ("Ein Kreislauf: zu wenig
// Leute, keine Zeit zum Einarbeiten …" after "Die Neuen bleiben nicht,
// weil ich keine Zeit hab, sie einzuarbeiten."): said without a question,
// a pitch or a step of one's own, it reflects. A sentence about the
// trainee's own side ("Everything is on our website") answers rather
// than reflects.
func (p *Said) Restates(sentence string) bool { return p.restates(tokenize(sentence)) }

// restates is Restates of a sentence's words.
func (p *Said) restates(toks []token) bool {
	have := p.stems
	for _, t := range toks {
		if ownSide[t.s] {
			return false
		}
	}
	return overlap(toks, have) > 0
}

// ownSide are the words of a sentence about the trainee's own company.
var ownSide = map[string]bool{"wir": true, "uns": true, "unser": true, "unsere": true, "unseren": true, "unserem": true, "unserer": true, "unseres": true,
	"we": true, "our": true, "ours": true, "us": true, "we're": true, "we've": true, "we'll": true}

// futurePaced reports a question about what it would mean if something
// ran from a date on: "bedeuten"/"mean" with "wenn"/"if" and "ab"/"from"/
// "starting" before a time ("nächstem Monat", "next month", "Montag").
func futurePaced(toks []token) bool {
	mean, cond, start := false, false, false
	for i, t := range toks {
		switch t.s {
		case "bedeuten", "bedeutet", "mean":
			mean = true
		case "wenn", "if":
			cond = true
		case "ab", "from", "starting":
			if i+1 < len(toks) {
				n := toks[i+1].s
				start = start || weekdays[n] || strings.HasPrefix(n, "naechst") || n == "next" || n == "sofort" || n == "jetzt" || n == "now" ||
					n == "heute" || n == "today" || n == "januar" || n == "january"
			}
		}
	}
	return mean && cond && start
}

// clauseOf returns the bounds of the clause of toks holding toks[i].
func clauseOf(toks []token, i int) (from, to int) {
	from, to = i, i+1
	for from > 0 && !toks[from].clause {
		from--
	}
	for to < len(toks) && !toks[to].clause {
		to++
	}
	return from, to
}

// spanUnits are the units of a span of time.
var spanUnits = map[string]bool{"jahr": true, "jahre": true, "jahren": true, "monat": true, "monate": true, "monaten": true, "woche": true, "wochen": true,
	"year": true, "years": true, "month": true, "months": true, "week": true, "weeks": true}

// datesSpan reports whether the word for now at toks[i] dates a span of
// time in its clause ("jetzt ist es ein Jahr", "it's now two years"): a
// count before a unit of time.
func datesSpan(toks []token, i int) bool {
	from, to := clauseOf(toks, i)
	for k := from + 1; k < to; k++ {
		if spanUnits[toks[k].s] {
			c := toks[k-1].s
			if numberWords[c] || c == "ein" || c == "eine" || c == "einem" || c == "a" || c == "one" || c == "halbes" || c == "paar" {
				return true
			}
		}
	}
	return false
}

// hypotheticalFrames open a scene the listener is asked to imagine.
var hypotheticalFrames = loosePhrases("angenommen", "mal angenommen", "stellen sie sich vor", "stell dir vor", "stellen sie sich mal vor", "gedankenspiel",
	"was wäre wenn", "was wäre, wenn", "imagine", "picture", "suppose", "supposing", "what if", "let's say")

// theirPeople are the people a listener answers to.
var theirPeople = []string{"tochter", "sohn", "kinder", "familie", "frau", "mann", "team", "leute", "mitarbeiter", "mitglieder", "partner",
	"daughter", "son", "kids", "children", "family", "wife", "husband", "team", "staff", "people", "members", "partner"}

// hypotheticalLoss reports a scene the listener is asked to imagine in
// which their no has cost them: a chance not taken ("angenommen, Sie
// hätten heute die Chance gehabt und sie nicht genutzt"), something lost
// or kept from them, or having to explain it to their own people ("Nur
// mal angenommen, der Nächste geht – wie würden Sie das Ihrer Tochter
// erklären?"). Loss framing in the form of a thought experiment; a
// hypothetical without a loss ("Stellen Sie sich vor, Sie hätten mehr
// Zeit – was würden Sie damit machen?") asks about them.
func hypotheticalLoss(toks []token) bool {
	if !phraseOf(toks).any(hypotheticalFrames) {
		return false
	}
	negated := slices.ContainsFunc(toks, func(t token) bool { return negators[t.s] })
	if deprives(toks) || negated && regrets(toks) {
		return true
	}
	explains := hasPrefix(toks, "erklaer", "explain", "rechtfertig", "justify")
	return explains && hasPrefix(toks, theirPeople...)
}

// negativeStepQuestion reports a yes/no question in the negative that
// asks for the caller's step: "Würden Sie dann nicht lieber diese Woche
// anfangen?", "Wouldn't you rather sign now?", "Wollen Sie es nicht
// einfach versuchen?". The negative question puts the yes in their mouth
// (as "Wäre es nicht …" does), and what it asks the yes for is the step.
func negativeStepQuestion(toks []token) bool {
	if len(toks) < 3 {
		return false
	}
	switch toks[0].s {
	case "wuerden", "wuerdest", "wollen", "willst", "moechten", "moechtest", "sollten", "solltest", "koennten", "waere", "wollten",
		"wouldn't", "won't", "don't", "shouldn't", "why", "warum", "wieso":
	default:
		return false
	}
	negated := negators[toks[0].s]
	for _, t := range toks[1:min(len(toks), 5)] {
		negated = negated || negators[t.s]
	}
	if !negated {
		return false
	}
	return namesStep(toks)
}

// wouldStep reports a question that asks how they would take the caller's
// step: a modal of wanting or the conditional with a step verb ("Würden
// Sie die Betriebsrente eher gleich für alle einführen oder erst für die
// älteren Fahrer?", "Would you rather start in May or in June?"). With
// "or" it offers two ways of saying yes to a step not yet agreed; "Did
// you start the business yourself or take it over?" asks what was.
func wouldStep(toks []token) bool {
	modal := false
	for _, t := range toks {
		switch t.s {
		case "wuerden", "wuerdest", "wollen", "willst", "moechten", "moechtest", "would", "want", "shall", "sollen", "soll", "waere", "waeren":
			modal = true
		}
	}
	if !modal {
		return false
	}
	return namesStep(toks)
}

// namesStep reports a word of the stepVerbs family in toks (a step of the
// caller's: signing, starting, deciding, buying).
func namesStep(toks []token) bool {
	return slices.ContainsFunc(toks, func(t token) bool {
		return !strings.HasPrefix(t.s, "signif") && slices.ContainsFunc(stepVerbs, func(v string) bool { return strings.HasPrefix(t.s, v) })
	})
}
