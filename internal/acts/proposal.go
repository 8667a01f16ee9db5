package acts

import (
	"strings"

	"github.com/openline/openline/internal/openline"
)

// The kinds of next step a proposal can name, as scenarios write them.
const (
	StepMeeting    = "meeting"
	StepSendInfo   = "send_info"
	StepInvitation = "invitation"
	StepReferral   = "referral"
	StepCallback   = "callback"
)

// proposalFrames are the ways people put a concrete next step to someone,
// by language; stepWords name its kind, tried in stepOrder. A proposal
// needs a frame and a kind ("Hätten Sie Lust, dass ich vorbeikomme?"), or
// a kind said as the caller's plan ("Ich rufe Sie Montag zurück").
var (
	proposalFrames = map[openline.Language][]phrased{
		openline.German: phrases("hätten sie lust", "haetten sie lust", "hätten sie zeit", "wie wäre es", "wie wärs", "wie waere es", "wie wär es", "wie wär's",
			"was halten sie davon", "darf ich ihnen", "darf ich sie", "soll ich ihnen", "soll ich sie", "soll ich", "sollen wir",
			"wollen wir", "ich könnte", "könnte ich", "kann ich ihnen", "ich würde gern", "ich würde ihnen", "würde es helfen",
			"wäre es ok", "wäre es in ordnung", "wäre das was", "lassen sie uns", "passt es ihnen", "passt ihnen", "treffen wir uns",
			"ich lade sie", "ich möchte sie", "dürfte ich", "hätten sie interesse", "kennen sie jemanden", "kennen sie jemand",
			"fällt ihnen jemand ein", "kennen sie vielleicht", "wen könnten sie", "wer könnte", "haben sie lust", "würden sie mir", "könnten sie mir", "können sie mir",
			"wenn sie mögen", "wenn sie möchten", "wenn sie wollen", "wenn ich ihnen", "ist es einfacher wenn",
			// asking leave for the caller's own step: "Darf ich mich im Herbst noch mal melden?"
			"darf ich mich", "kann ich mich", "könnte ich mich", "dürfte ich mich",
			// consent asked for a plan: "Ich rufe Sie morgen an – ist Ihnen das recht?"
			"ist ihnen das recht", "wäre ihnen das recht", "ist das in ordnung", "wäre das in ordnung", "ist das okay", "wäre das okay",
			// asking whether they could see a step: "Könnten Sie sich vorstellen, uns weiterzuempfehlen?"
			"könnten sie sich vorstellen", "können sie sich vorstellen", "wäre es denkbar", "wären sie bereit", "wären sie offen",
			"wäre es ihnen lieber", "ist es ihnen lieber", "wäre es einfacher", "wäre es besser"),
		openline.English: phrases("would it help if", "would it help", "how about", "what if i", "what if we", "shall i", "shall we",
			"should i", "can i send", "could i send", "i could", "let me send", "let's", "let us", "would you like me to",
			"would you like to", "would you be open to", "would you be up for", "do you fancy", "are you free", "would you have time",
			"why don't we", "why don't i", "i'd love to invite", "i'd like to invite", "may i invite", "can i invite", "can we set up",
			"could we", "can we", "can i", "could i", "may i", "would you mind if i", "do you know anyone", "do you know someone",
			"is there anyone", "who else might", "could you recommend", "could you put", "can you put", "would you put", "could you introduce", "can you recommend", "would it be ok if", "would it be okay if",
			"fancy", "if you like", "if you'd like", "would it be easier if",
			"would it be useful if", "would it be helpful if", "would it suit you if", "would it be all right if", "would it be alright if",
			"how would it be if", "would it be worth", "would you prefer it if", "would you prefer if", "would you rather i", "would it be better if", "would you consider", "would you be willing", "could you see yourself", "maybe i could", "perhaps i could",
			// consent asked for a plan: "I'll ring you tomorrow – is that alright?"
			"is that alright", "is that all right", "is that ok", "is that okay", "would that be ok", "would that be okay", "does that work for you"),
	}
	// plans are a caller's own next step said as a plan: a callback or
	// sending something, which needs no question to be a proposal.
	plans = map[openline.Language][]phrased{
		openline.German: phrases("ich rufe sie", "ich ruf sie", "ich melde mich", "ich schicke ihnen", "ich schick ihnen", "ich sende ihnen",
			"ich maile ihnen", "ich komme gern vorbei", "ich komme vorbei",
			"ruf ich sie", "rufe ich sie", "melde ich mich", "schick ich ihnen", "schicke ich ihnen", "ich ruf ihn", "ich rufe ihn",
			"und rufe sie", "und ruf sie", "und melde mich"),
		openline.English: phrases("i'll call you", "i will call you", "i'll ring you", "i'll get back to you", "i'll send you",
			"i will send you", "i'll email you", "i'll drop by", "i'll come by", "i'll follow up", "i'll give you a ring", "i'll give you a call"),
	}
	stepOrder = []string{StepReferral, StepInvitation, StepCallback, StepSendInfo, StepMeeting}
	stepWords = map[openline.Language]map[string][]string{
		openline.German: {
			StepReferral:   {"kontakt herstellen", "kontakt vermitteln", "den kontakt zu", "kontakt zu", "ihnen vorstellen", "bekannt machen", "empfehlen", "jemanden", "jemand", "weiterempfehlen", "weiterzuempfehl", "zu empfehlen", "vermitteln", "nennen", "ein paar namen", "namen geben"},
			StepInvitation: {"einlad", "einzulad", "veranstaltung", "event", "stammtisch", "frühstück", "unternehmertreffen", "abend", "netzwerktreffen", "runde", "platz in der gruppe", "einen platz", "dabei zu sein", "dabei sein", "mitzumachen", "mitmachen", "teilzunehmen", "teilnehmen"},
			StepCallback: {"zurückruf", "rufe sie", "ruf sie", "ruf ich sie", "rufe ich sie", "anrufen", "melde mich", "nochmal anrufen", "noch einmal anrufen", "rückruf", "wieder anrufen", "mal melden", "wieder melden", "bei ihnen melden",
				// any form of ringing again: "wenn ich morgen noch mal anrufe", "es noch mal versuche"
				"anruf", "anzuruf", "zurückzuruf", "durchklingel", "noch mal versuch", "nochmal versuch", "noch mal probier"},
			StepSendInfo: {"schick", "zuschick", "zuzuschick", "per post", "rüberschick", "zukommen lassen", "mail", "unterlagen", "infos", "informationen", "material", "broschüre", "sende", "zusenden", "angebot zu", "schreib", "newsletter", "bestätig"},
			StepMeeting: {"vorbei", "treffen", "termin", "kaffee", "besuch", "kennenlernen", "kennenzuler", "persönlich", "videocall", "video", "teams", "zoom", "vorführ", "demo", "zusammensetzen", "gespräch", "setzt sich", "hinsetzen", "erklär", "zeigen",
				// Something the caller comes to do for them.
				"workshop", "schulung", "vortrag", "seminar", "training",
				// Coming along to see their work: "einen Tag mitfahren".
				"mitfahren", "mitkommen", "begleiten", "über die schulter", "hospitieren"},
		},
		openline.English: {
			StepReferral:   {"introduce", "put you in touch", "put me in touch", "in touch with", "connect you", "recommend", "referral", "anyone", "someone", "who else", "a few names", "some names", "give you names", "names of"},
			StepInvitation: {"invite", "event", "get-together", "breakfast", "dinner", "evening", "meetup", "round table", "roundtable", "as my guest", "come along", "join us", "take part", "sit in on"},
			StepCallback: {"rang", "rung", "ring her", "ring him", "call her", "call him", "call you back", "call you again", "ring you", "call back", "get back to you", "follow up", "call you on", "call you next", "call you", "a ring", "give you a call",
				"give you a", "drop you a line", "touch base"},
			StepSendInfo: {"send", "sent you", "sent over", "email", "e-mail", "brochure", "details", "info", "information", "material", "write up", "one-pager", "confirm in writing", "in writing", "in the post", "by post", "post it", "post you"},
			StepMeeting: {"come by", "came by", "come over", "came over", "met", "meet up", "come out", "came out", "stop by", "pop by", "popped by", "pop in", "popped in", "pop round", "popped round", "come round", "came round", "drop by", "dropped by", "out to you", "meet", "visit", "coffee", "appointment", "sit down", "demo", "video call", "zoom", "teams", "call next week", "chat", "walk you through",
				"came and", "come and", "came in", "come in", "explain", "show you", "show your",
				"workshop", "training session", "a session", "a talk",
				// Coming over or along to see their work: "Could I tag along with one of the reps?"
				"pop over", "popped over", "nip over", "nip round", "tag along", "ride along", "shadow", "a brew", "a cuppa"},
		},
	}
	// stepIndex holds stepWords prepared for StepKind: each word (folded,
	// as phrase folds it, with its leading space and no trailing one, so
	// its last word matches as the start of a word) by the first letter
	// of the word, with the rank of its kind in stepOrder. Built once.
	stepIndex = func() map[openline.Language]*stepWordIndex {
		out := map[openline.Language]*stepWordIndex{}
		for lang, kinds := range stepWords {
			ix := &stepWordIndex{}
			for rank, k := range stepOrder {
				for _, w := range phrases(kinds[k]...) {
					if w := strings.TrimSuffix(string(w), " "); len(w) > 1 {
						ix.byFirst[w[1]] = append(ix.byFirst[w[1]], stepWord{w: w, rank: rank})
					}
				}
			}
			out[lang] = ix
		}
		return out
	}()
)

// Proposal reports whether text proposes a concrete next step, and its
// kind (StepMeeting, StepSendInfo, StepInvitation, StepReferral,
// StepCallback). It hears natural forms the tagger's proposal act may
// miss: "Would it help if I came by on Tuesday?", "Hätten Sie Lust, dass
// wir uns mal treffen?", "Ich rufe Sie Montag zurück". A kind word matches
// as the start of a word ("schick" in "schicke"), a frame as whole words.
// A question about a proposal ("Was spricht gegen einen Termin?") is the
// tagger's business: the engine asks both.
func Proposal(lang openline.Language, text string) (kind string, ok bool) {
	frames, known := proposalFrames[lang]
	if !known {
		return "", false
	}
	toks := tokenize(text)
	if asksForOthers(toks) {
		return StepReferral, true
	}
	spans := splitSentences(text)
	var p phrased
	if len(spans) == 1 && spans[0].start == 0 && spans[0].end == len(text) {
		p = phraseOf(toks) // one sentence (the tagger's): phrase(text), its words read once
	} else {
		p = phraseIn(text, spans)
	}
	if !p.any(frames) && !p.any(plans[lang]) {
		return "", false
	}
	// parts are the sentences prepared, each once for both loops below.
	parts := make([]phrased, len(spans))
	// The kind is named in the sentences that propose: "So it's more
	// about someone taking them seriously. Shall I send you the email?"
	// offers the email, not an introduction to "someone".
	for i, s := range spans {
		part := text[s.start:s.end]
		sp := p
		if part != text {
			sp = phrase(part)
		}
		parts[i] = sp
		if !sp.any(frames) && !sp.any(plans[lang]) {
			continue
		}
		if k := stepKindIn(lang, sp); k != "" {
			return k, true
		}
	}
	if k := stepKindIn(lang, p); k != "" {
		return k, true
	}
	// A step the caller offers for a time to come needs no word of its
	// kind: "Would you mind if I dropped you a line in a couple of
	// months?", "Shall I come out on Thursday morning?". Contact by
	// phone or letter is a call-back, anything else a meeting.
	for i, s := range spans {
		sp := parts[i]
		if !sp.any(frames) || sp.any(askFrames) || !setInTime(sp, text[s.start:s.end]) {
			continue
		}
		if sp.any(contactWords) {
			return StepCallback, true
		}
		return StepMeeting, true
	}
	return "", false
}

var (
	// comingTimes set a step in the time to come.
	comingTimes = phrases("next week", "next month", "in a couple of", "in a few", "in two weeks", "in three weeks", "in a fortnight", "in a month",
		"tomorrow", "later this week", "later this month", "later in the", "after the holidays", "after christmas", "after easter", "in the new year",
		"in spring", "in the spring", "in summer", "in the summer", "in autumn", "in the autumn", "in the new term", "next term",
		"nächste woche", "nächsten woche", "nächsten monat", "nächsten dienstag", "in ein paar", "in zwei wochen", "in drei wochen", "in einem monat",
		"morgen früh", "morgen nachmittag", "morgen vormittag", "morgen mittag", "morgen abend", "heute nachmittag", "heute abend", "später",
		"this afternoon", "this evening", "later today", "later on", "after lunch", "nach der mittagspause", "übermorgen", "im frühjahr", "im frühling", "im sommer", "im herbst", "im winter", "im neuen jahr",
		"nach den ferien", "nach weihnachten", "nach ostern", "anfang nächster", "ende nächster", "ende des monats",
		// a part of a day to come, not yet set: "one afternoon", "an einem Vormittag"
		"one morning", "one afternoon", "one evening", "for a morning", "for an afternoon", "for a day", "for half a day",
		"an einem vormittag", "an einem nachmittag", "einen vormittag", "einen nachmittag", "einen halben tag")
	// pastTimes look back: "Can I ask what happened on Tuesday?"
	pastTimes = phrases("last week", "yesterday", "last month", "ago", "letzte woche", "letzten woche", "gestern", "vorige woche", "vor einer woche", "neulich")
	// askFrames ask leave to ask, not to do: "Darf ich fragen, …?"
	askFrames = phrases("can i ask", "could i ask", "may i ask", "shall i ask", "darf ich fragen", "darf ich sie fragen", "kann ich fragen", "könnte ich fragen", "dürfte ich fragen")
	// contactWords keep in touch from afar.
	contactWords = phrases("ring", "call", "phone", "a line", "in touch", "email", "write", "anrufen", "anrufe", "melden", "melde", "durchklingeln", "schreiben", "mail")
)

// setInTime reports whether sentence (prepared as p) sets something in the
// time to come: a coming time or a weekday, and no look back.
func setInTime(p phrased, sentence string) bool {
	if p.any(pastTimes) {
		return false
	}
	return p.any(comingTimes) || len(Weekdays(sentence)) > 0
}

// offerFrames are the proposal frames with which a caller offers to do
// something ("Would it help if I rang her myself?", "Soll ich Ihnen das
// schriftlich geben?"): an offer, whatever else it names, asks about no
// fact of the listener's.
var offerFrames = map[openline.Language][]phrased{
	openline.German: phrases("würde es helfen", "würde es ihnen helfen", "wäre es hilfreich", "soll ich ihnen", "soll ich sie", "sollen wir",
		"wie wäre es wenn ich", "wie wäre es wenn wir", "ich könnte ihnen", "wenn ich ihnen",
		// Asking whether they want the caller to do it: "Hätten Sie Lust,
		// dass ich mal einen Workshop mache?"
		"lust dass ich", "interesse dass ich", "recht wenn ich", "möchten sie dass ich", "wollen sie dass ich", "wünschen sie sich dass ich",
		// A place or a hand of one's own: "Wir könnten auch selbst einen
		// Ihrer Jugendlichen nehmen."
		"wir könnten ihnen", "wir könnten auch", "wir könnten selbst", "wir würden gern", "wir nehmen gern", "ich nehme gern",
		"wäre es ihnen lieber wenn ich", "ist es einfacher wenn ich", "wäre es einfacher wenn ich"),
	openline.English: phrases("would it help if", "would it help", "would it be helpful if", "shall i", "should i", "would you like me to",
		"what if i", "what if we", "i could", "how about i", "how about we", "let me",
		"do you want me to", "would it be useful if i", "would you be up for me",
		"we could", "we'd be happy to", "i'd be happy to", "we'd happily", "we can take",
		// "Would it be easier if I rang her myself?", "Why don't I put it in the post?"
		"would it be easier if", "would it be better if", "how would it be if", "why don't i", "why don't we", "maybe i could", "perhaps i could"),
}

// Offers reports whether text offers to do something for the listener
// (offerFrames).
func Offers(lang openline.Language, text string) bool { return phrase(text).any(offerFrames[lang]) }

// StepKind names the kind of next step text speaks of, or "" for none;
// kinds are tried from the most specific (a referral) to the most general
// (a meeting), in lang's words first, then in the other language's (an
// English "send you the details" in a German call).
func StepKind(lang openline.Language, text string) string {
	toks := tokenize(text)
	if asksForOthers(toks) {
		return StepReferral
	}
	if sendsSomeone(toks) {
		return StepMeeting
	}
	return stepKindIn(lang, phrase(text))
}

// sendsSomeone reports whether toks send or bring a person out to the
// listener ("Just send someone who turns up", "Can I send an engineer
// tomorrow?", "Schicken Sie jemanden vorbei"): a visit, not a name to
// pass on, whatever "someone" says elsewhere ("Do you know someone …?").
func sendsSomeone(toks []token) bool {
	for i := range toks {
		if !hasPrefix(toks[i:i+1], "send", "sent", "schick", "bring", "geschickt") {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+4 && !toks[j].clause; j++ {
			if sentPeople[stem(toks[j].s)] || strings.HasPrefix(toks[j].s, "jemand") {
				return true
			}
		}
	}
	return false
}

// sentPeople are the people one sends out to a listener (stems).
var sentPeople = stems("someone", "somebody", "anyone", "anybody", "engineer", "engineers", "technician", "technicians", "fitter", "plumber",
	"electrician", "driver", "colleague", "techniker", "monteur", "monteurin", "handwerker", "fahrer", "kollegen", "kollegin", "kollege")

// asksForOthers reports whether toks ask whether the listener knows other
// people or firms ("Do you know any other schools with old boilers?",
// "Kennen Sie noch andere Betriebe, die …?", "Do you know others who
// …?"): a referral. Other things known ("Do you know other ways to cut
// the costs?") are none.
func asksForOthers(toks []token) bool {
	for i, t := range toks {
		if !knowVerbs[t.s] {
			continue
		}
		if i+2 < len(toks) && embedLeads[toks[i+1].s] && !otherWords[toks[i+2].s] {
			continue // "Do you know which insurers the other networks use?" asks what they do; "which other firms …" asks for names
		}
		for j := i + 1; j < len(toks) && j <= i+4; j++ {
			if !otherWords[toks[j].s] {
				continue
			}
			if j+1 == len(toks) || toks[j+1].clause || othersWho[toks[j+1].s] {
				return true // "others who …", "andere, die …"
			}
			for k := j + 1; k < len(toks) && k <= j+3; k++ {
				if w := toks[k].s; firmNouns[stem(w)] || firmCompound(w) || groupPeople[stem(w)] {
					return true
				}
			}
		}
	}
	return false
}

var (
	knowVerbs  = set([]string{"know", "kennen", "kennst", "kenne", "kennt"})
	otherWords = set([]string{"other", "others", "andere", "anderen", "anderer", "weitere", "weiteren"})
	// othersWho go on from "others" to who they are: "others who …".
	othersWho = set([]string{"who", "that", "which", "in", "like", "die", "der", "denen", "im", "wie"})
	// groupPeople are the people one may know: "other owners", "andere
	// Inhaber".
	groupPeople = stems("people", "owners", "owner", "folk", "folks", "colleagues", "contacts", "friends", "managers", "directors", "heads",
		"founders", "bosses", "trades", "tradespeople", "leute", "menschen", "inhaber", "inhaberinnen", "unternehmer", "unternehmerinnen",
		"kollegen", "kolleginnen", "chefs", "chefinnen", "geschaeftsfuehrer", "bekannte", "handwerker", "kunden", "clients", "customers")
)

// stepWord is one of stepWords prepared (see stepIndex).
type stepWord struct {
	w    string // " word word" (folded, leading space, last word a prefix)
	rank int    // its kind's index in stepOrder
}

// stepWordIndex is one language's stepWords by the first byte of their
// first word.
type stepWordIndex struct {
	byFirst [256][]stepWord
}

// stepKindIn is StepKind of a text prepared by phrase: the kind of lowest
// rank whose word starts at one of p's words, lang's words first.
func stepKindIn(lang openline.Language, p phrased) string {
	for _, l := range [...]openline.Language{lang, otherLanguage(lang)} {
		ix := stepIndex[l]
		if ix == nil {
			continue
		}
		best := len(stepOrder)
		for at, word := range p.words() {
			if word == "" {
				continue
			}
			for _, w := range ix.byFirst[word[0]] {
				if w.rank < best && strings.HasPrefix(string(p[at:]), w.w) {
					best = w.rank
				}
			}
		}
		if best < len(stepOrder) {
			return stepOrder[best]
		}
	}
	return ""
}

// otherLanguage is the other of the two languages of a call.
func otherLanguage(lang openline.Language) openline.Language {
	if lang == openline.German {
		return openline.English
	}
	return openline.German
}

// confirmations are what a caller says to settle an agreed next step.
var confirmations = map[openline.Language][]phrased{
	openline.German: phrases("prima", "super", "perfekt", "wunderbar", "abgemacht", "schön", "toll", "klasse", "einverstanden",
		"passt", "sehr gut", "alles klar", "gerne", "gern", "mach ich", "machen wir", "ich trage", "ich trag", "notiert", "bis dann",
		"freue mich", "freu mich", "danke", "gut", "okay", "ok", "so machen wir"),
	openline.English: phrases("great", "perfect", "lovely", "excellent", "deal", "brilliant", "sounds good", "wonderful", "fine",
		"ok", "okay", "see you", "works for me", "will do", "i'll put it", "noted", "thanks", "thank you", "good", "cheers", "looking forward"),
}

// Confirms reports whether text settles a next step the prospect just
// agreed ("Prima, dann Dienstag um zehn.", "Perfect, see you Tuesday"):
// a short turn (at most 25 words) with a word of agreement.
func Confirms(lang openline.Language, text string) bool {
	if WordCount(text) > 25 {
		return false
	}
	return phrase(text).any(confirmations[lang])
}
