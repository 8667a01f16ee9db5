package acts

import (
	"strings"
	"unicode"

	"github.com/openline/openline/internal/openline"
)

// Topics are the things a turn may ask about, each named by words or
// phrases (a persona's facts: "wie viele mitarbeiter", "what do you
// make"). Build them once with NewTopics; About is then cheap per turn.
type Topics struct {
	list  [][]phrased
	loose [][]phrased  // list without fillers ("denn", "eigentlich", "guys")
	class [][]byte     // the question class of each name (0: none, "umsatz")
	words []topicWords // the content words of each topic's names (topicwords.go)
	// fallback is the topic that loses to any other that matches (the
	// speaker's built-in identity), -1 for none.
	fallback int
}

// NewTopics prepares topics: topic i is named by any of topics[i].
func NewTopics(topics [][]string) Topics {
	ts := Topics{list: make([][]phrased, len(topics)), loose: make([][]phrased, len(topics)), class: make([][]byte, len(topics)),
		words: newTopicWords(topics), fallback: -1}
	for i, names := range topics {
		ts.list[i] = phrases(names...)
		ts.loose[i] = loosePhrases(names...)
		ts.class[i] = make([]byte, len(names))
		for j, n := range names {
			ts.class[i][j] = readClass(tokenize(n)).class
		}
	}
	return ts
}

// WithFallback returns ts in which topic i loses to any other topic that
// a text names too: "Wie heißen Sie mit Vornamen?" asks the first-name
// fact, not who the speaker is.
func (ts Topics) WithFallback(i int) Topics {
	ts.fallback = i
	return ts
}

// classFit ranks a name of question class name for a question of class
// asked: 2 when both ask the same way ("in welcher stadt" for "In welcher
// Stadt ist Ihre Geschäftsstelle?"), 1 when either asks no way ("ihre
// geschäftsstelle"), 0 when they ask differently ("wie viele mitarbeiter"
// for a where-question).
func classFit(name, asked byte) int {
	switch {
	case name == 0 || asked == 0:
		return 1
	case name == asked || classKin(asked)&(1<<name) != 0:
		return 2
	case name == clThing || name == clHow || asked == clThing || asked == clHow:
		return 1 // "was"/"wie" ask for most things
	}
	return 0
}

// About returns the index of the topic text names, or -1. A name matches
// as whole words, case and umlaut spelling ignored ("Mitarbeiter" and
// "mitarbeiter", "für" and "fuer"); the topic with the longest matching
// name wins, the earlier one on a tie, so "wie viele filialen" beats
// "wie viele". Whether text is a question at all is the tagger's
// (Trainee) to say.
//
// What is asked ranks before length: a name that asks the way the
// question does beats one that asks no way, which beats one that asks
// another way ("in welcher stadt" beats "ihre geschäftsstelle" of the
// staff count for "In welcher Stadt ist Ihre Geschäftsstelle?"), and the
// fallback topic (WithFallback) loses to every other.
func (ts Topics) About(text string) int {
	if len(ts.list) == 0 {
		return -1
	}
	text = dropPossessives(text)
	asked := readClass(tokenize(text)).class
	p := phrase(text)
	if p.any(opinions) {
		return -1 // "What do you think of the new funding rules?" asks an opinion, not the budget
	}
	best, bestRank := -1, 0
	for _, loose := range [...]bool{false, true} {
		list := ts.list
		if loose {
			// Fillers do not change what is asked: "Was stellen Sie denn
			// eigentlich her?" is "was stellen sie her", "What do you
			// guys sell?" is "what do you sell".
			p, list = p.loose(), ts.loose
		}
		for i, names := range list {
			for j, n := range names {
				if ts.class[i][j] == 0 && !ts.asksLike(i, asked) {
					continue // "Wo ist Ihre Geschäftsstelle?" is not the staff count named "ihre geschäftsstelle"
				}
				rank := (boolInt(i != ts.fallback)*4+classFit(ts.class[i][j], asked))<<16 | min(len(n), 1<<16-1)
				if rank > bestRank && p.has(n) {
					best, bestRank = i, rank
				}
			}
		}
		if best >= 0 {
			return best
		}
	}
	return ts.aboutApart(p.loose())
}

// aboutApart returns the topic a question names by a name that opens with
// a question word, with a few words between that word and the rest of the
// name ("What sort of things do you make …?" for "what do you make",
// "Was genau stellen Sie her?" for "was stellen sie her"), or -1: the
// words between say what kind of thing is asked, not another question.
// The longest name wins, the earlier on a tie, the fallback topic last.
func (ts Topics) aboutApart(p phrased) int {
	best, bestRank := -1, 0
	s := string(p)
	for i, names := range ts.loose {
		for j, n := range names {
			if ts.class[i][j] == 0 {
				continue
			}
			first, rest, ok := strings.Cut(strings.TrimPrefix(string(n), " "), " ")
			if !ok || classWords[first] == 0 || strings.Count(rest, " ") < 2 {
				continue // a question word and at least two words more
			}
			rest = " " + rest
			at := strings.Index(s, rest)
			if at < 0 {
				continue
			}
			q := strings.LastIndex(s[:at+1], " "+first+" ")
			if q < 0 {
				continue
			}
			between := strings.Count(s[q+len(first)+1:at+1], " ") - 1
			if between < 1 || between > maxApart {
				continue
			}
			if rank := boolInt(i != ts.fallback)<<16 | min(len(n), 1<<16-1); rank > bestRank {
				best, bestRank = i, rank
			}
		}
	}
	return best
}

// maxApart is the most words between a name's question word and its rest.
const maxApart = 3

// asksLike reports whether topic i may answer a question of class asked
// by a name that asks no way: a where, when or since-when question only
// meets a topic none of whose names ask (a bare one) or one of whose names
// asks that way, as the senses' count rule has it.
func (ts Topics) asksLike(i int, asked byte) bool {
	if asked != clPlace && asked != clTime && asked != clSince {
		return true
	}
	classed := false
	for _, c := range ts.class[i] {
		if c != 0 {
			classed = true
			if classFit(c, asked) > 0 {
				return true
			}
		}
	}
	return !classed
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

var (
	languageRequests = map[openline.Language][]phrased{
		// In a German call: asking to speak English, or any other language.
		openline.German:  phrases("speak english", "in english", "auf englisch", "englisch sprechen", "englisch reden", "speak german", "auf türkisch", "en français"),
		openline.English: phrases("deutsch", "sprechen sie deutsch", "auf deutsch", "deutsch reden", "deutsch sprechen", "speak german", "in german", "en français", "parlez vous", "hablas", "habla"),
	}
)

// AsksForLanguage reports whether text asks to speak another language than
// lang ("Sprechen Sie Deutsch?" in an English call).
func AsksForLanguage(lang openline.Language, text string) bool {
	return phrase(text).any(languageRequests[lang])
}

// AsksWhyNot reports whether text asks about a no: what did not fit, why
// not, for honest feedback ("Darf ich fragen, was genau nicht passt?",
// "Could I ask what put you off?"), as the lexicon of lang reads it
// (cueSet.aboutNo, the one decision). After a no the tagger reads most
// open questions as feedback requests; this tells those about the no from
// a question about something else ("Was kostet die Mitgliedschaft?").
func AsksWhyNot(lang openline.Language, text string) bool {
	lx, _ := lexiconsFor(lang, text)
	return asksAboutNo(text, lx)
}

// asksAboutNo reports whether a sentence of text asks about a no, read
// with each of the lexicons given (cueSet.aboutNo).
func asksAboutNo(text string, lexs ...*lexicon) bool {
	for _, sp := range splitSentences(text) {
		toks := tokenize(text[sp.start:sp.end])
		for _, lx := range lexs {
			if lx.match(lx.normalize(toks), nil).aboutNo() {
				return true
			}
		}
	}
	return false
}

// detailStarts open a question that asks for a detail or an opinion (which
// one, when, where, how many, what do you think of ...) rather than
// inviting the other person to tell what moves them.
var detailStarts = map[openline.Language][]phrased{
	openline.German: phrases("welche", "welcher", "welches", "welchen", "welchem", "was für", "seit wann", "wann", "wo", "woher", "wie viele",
		"wie viel", "wie lange", "wie alt", "was halten sie von", "wie finden sie", "was kostet", "was verdient", "haben sie ein", "haben sie einen", "haben sie eine"),
	openline.English: phrases("which", "what kind of", "what sort of", "what type of", "when", "where", "how many", "how much", "how long",
		"how old", "what time", "what do you think of", "what do you think about", "what car", "what van", "do you have a", "do you have any", "do you play", "do you drink"),
}

// AsksForDetail reports whether a sentence of text asks for a detail or
// an opinion ("Welche Software nutzen Sie?", "What car do you drive?",
// "What do you think of the new rules?"): its question opens, after
// discourse markers ("und", "so", "sorry"), with a detailStarts phrase.
// Such a question has a short answer; it does not invite a person to say
// what moves them.
func AsksForDetail(lang openline.Language, text string) bool {
	starts, ok := detailStarts[lang]
	if !ok {
		return false
	}
	for _, sp := range splitSentences(text) {
		p := phrase(text[sp.start:sp.end])
		for _, lead := range []string{" und ", " and ", " so ", " sorry ", " also ", " eigentlich ", " denn ", " tell me ", " sagen sie mal "} {
			for strings.HasPrefix(string(p), lead) {
				p = phrased(" " + strings.TrimPrefix(string(p), lead))
			}
		}
		for _, s := range starts {
			if strings.HasPrefix(string(p), string(s)) {
				return true
			}
		}
		if lang == openline.English && whatNounDoYou(p) {
			return true
		}
		// A preposition may lead the question word: "Auf welchen Tag …?",
		// "On which day …?"
		if w, rest, ok := strings.Cut(strings.TrimPrefix(string(p), " "), " "); ok && prepositions[w] {
			for _, s := range starts {
				if strings.HasPrefix(" "+rest, string(s)) {
					return true
				}
			}
		}
	}
	return false
}

// whatNounDoYou reports an English question that opens with "what" or
// "which", a noun of one or two words and "do": "What football team do
// you support?", "Which paper do you read?", but not "What do you …",
// "What keeps you …" (a verb after "what" invites telling) nor "What
// projects are you working on?" (what they are busy with).
func whatNounDoYou(p phrased) bool {
	ws := strings.Fields(string(p))
	if len(ws) < 4 || ws[0] != "what" && ws[0] != "which" {
		return false
	}
	for n := 1; n <= 2 && n+1 < len(ws); n++ {
		if notNouns[ws[n]] {
			return false
		}
		if auxiliaries[ws[n+1]] {
			return true
		}
	}
	return false
}

// auxiliaries follow the noun a what-question asks for; notNouns are
// the words after "what" that are no such noun.
var (
	auxiliaries = set([]string{"do", "does", "did"})
	notNouns    = set([]string{"do", "does", "did", "is", "are", "was", "were", "would", "could", "can", "will", "should", "about", "else",
		"exactly", "kind", "sort", "type", "you", "your", "i", "we", "they", "it", "that", "this", "the", "a", "an", "has", "have", "if"})
)

// dropPossessives removes the English possessive "'s" of names ("Mrs
// Okafor's name" asks about Mrs Okafor): of a capitalised word that does
// not open its sentence, and of a word right after a determiner ("your
// manager's name" asks about their manager; "your team's busy" still
// names the team). Contractions ("What's", "it's") are lower-case or
// open the sentence, and stay; right after "how" one is "is" ("How
// big's the team?").
func dropPossessives(text string) string {
	if !strings.Contains(text, "'s") && !strings.Contains(text, "’s") {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	opens := true       // the next word opens a sentence
	determined := false // the word before is a determiner
	afterHow := false   // the word before is "how": its "'s" is "is"
	for _, w := range strings.SplitAfter(text, " ") {
		core := strings.TrimRight(w, " ,;:.?!")
		ends := strings.ContainsAny(w[len(core):], ".?!")
		if afterHow && core != "" {
			// "How big's the team?" is "How big is the team?".
			for _, suf := range [...]string{"'s", "’s"} {
				if strings.HasSuffix(core, suf) && len(core) > len(suf) {
					w = core[:len(core)-len(suf)] + " is" + w[len(core):]
					break
				}
			}
		} else if !opens && core != "" && (core[0] >= 'A' && core[0] <= 'Z' || determined) {
			for _, suf := range [...]string{"'s", "’s"} {
				if strings.HasSuffix(core, suf) {
					w = core[:len(core)-len(suf)] + w[len(core):]
					break
				}
			}
		}
		b.WriteString(w)
		if core != "" {
			opens = ends
			determined = !ends && w == core+" " && possessors[strings.ToLower(core)]
			afterHow = !ends && w == core+" " && strings.EqualFold(core, "how")
		}
	}
	return b.String()
}

// possessors stand before a noun whose "'s" is a possessive.
var possessors = set([]string{"your", "my", "our", "his", "her", "their", "the"})

// experienceAsks ask for the listener's own view or experience ("What
// makes a placement go well, in your experience?", "Woran liegt das Ihrer
// Erfahrung nach?"): a question no fact answers, but one that a person
// asked about their own field answers with a view, not "no idea".
var experienceAsks = map[openline.Language][]phrased{
	openline.German: phrases("ihrer erfahrung", "nach ihrer erfahrung", "aus ihrer erfahrung", "was hilft", "woran liegt", "was meinen sie",
		"wie sehen sie", "ihrer meinung nach", "was würden sie sagen", "was braucht es", "worauf kommt es",
		"falsch machen", "falsch gemacht", "schief läuft", "schiefläuft", "größte fehler"),
	openline.English: phrases("in your experience", "from your experience", "what makes", "what helps", "in your view", "your take",
		"what works", "how do you find", "what have you found", "what have you seen", "from what you've seen", "what would you say",
		"what do you reckon", "what's your sense", "what do you think makes",
		// what the trade gets wrong, in their eyes: "What do you think most agencies get wrong?"
		"get wrong", "gets wrong", "go wrong", "goes wrong", "biggest mistake"),
}

// AsksExperience reports whether text asks for the listener's own view or
// experience (experienceAsks) rather than for a fact.
func AsksExperience(lang openline.Language, text string) bool {
	return phrase(text).any(experienceAsks[lang])
}

// Others are who a question may ask about besides the listener and their
// own: a competitor, the big firms of the trade, the market
// around them, or which of the caller's own people it was. A person knows
// little of them ("Do you know which CRM your biggest competitor uses?",
// "Wissen Sie noch, welcher Kollege von uns am Apparat war?"): such a
// question asks for none of their facts and earns none of their needs.
var (
	rivals = stems("competitor", "competitors", "competition", "rival", "rivals", "konkurrenz", "konkurrent", "konkurrenten", "wettbewerber",
		"mitbewerber")
	// othersLeads open a group of others when a firm noun follows ("the
	// big Manchester banks"); "other firms" may be the listener's own
	// network's.
	othersLeads = phrases("the big", "the bigger", "the larger", "the other", "most of the", "die großen", "den großen", "großen", "die anderen")
	firmNouns   = stems("firms", "companies", "businesses", "banks", "players", "chains", "agencies", "employers", "corporates", "installers",
		"builders", "schools", "practices", "firmen", "betriebe", "betrieben", "konzerne", "konzernen", "ketten", "banken", "agenturen",
		"arbeitgeber", "unternehmen", "praxen", "schulen", "kliniken", "networks", "associations", "providers", "suppliers", "merchants",
		"wholesalers", "verbaende", "anbieter", "dienste", "haendler", "grosshaendler", "netzwerke")
	// callerPeople are the caller's own people, asked which one it was:
	// "welcher Kollege", "which colleague".
	callerPeople = stems("kollege", "kollegin", "kollegen", "mitarbeiter", "mitarbeiterin", "techniker", "colleague", "colleagues", "engineer",
		"rep", "adviser", "advisor")
	// market asks how many of a kind there are around them: "how many
	// courier firms there are around Bishopston".
	market = phrases("there are around", "there are in", "are there around", "are there in", "gibt es hier", "gibt es in", "gibt es um")
	// listenerOwn makes a question the listener's own again: "Wie viele
	// Betriebe gibt es in Ihrem Verbund?".
	listenerOwn = set([]string{"your", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres"})
)

// AsksAboutOthers reports whether a question of text asks about others
// (see above) rather than about the listener and their own.
func AsksAboutOthers(text string) bool {
	for _, sp := range splitSentences(text) {
		if !sp.question {
			continue
		}
		if aboutOthers(tokenize(text[sp.start:sp.end])) {
			return true
		}
	}
	return false
}

// aboutOthers is AsksAboutOthers of one question's words.
func aboutOthers(toks []token) bool {
	owned := false
	for i, t := range toks {
		w := stem(t.s)
		switch {
		case rivals[w]:
			return true
		case (firmNouns[w] || firmCompound(t.s)) && i > 0 && ledByOthers(toks[max(0, i-4):i]):
			return true
		case callerPeople[w] && i > 0 && (toks[i-1].s == "welcher" || toks[i-1].s == "welche" || toks[i-1].s == "which"):
			return true
		}
		owned = owned || listenerOwn[t.s] || i > 0 && (t.s == "you" || t.s == "ihnen") && (toks[i-1].s == "of" || toks[i-1].s == "von" || toks[i-1].s == "bei") // "How many of you are there in the office?"
	}
	return !owned && phraseOf(toks).loose().any(market) || knowsOfOthers(toks)
}

// knowsOfOthers reports a question whether the listener knows what others
// do or how others' things stand ("Do you know which insurers the other
// networks go with?", "Wissen Sie, wie die großen Pflegeketten ihre
// Wochenenden besetzen?", "Do you happen to know whether the engineer's
// van got that far?"): a know-frame, then an embedded question that names
// neither the listener, nor their own (a capital "Ihre"; a lower-case
// "ihre" is the others'), nor the caller's side, nor anyone by title
// ("Wissen Sie, wann Herr Hartmann zurück ist?" asks about their boss).
func knowsOfOthers(toks []token) bool {
	p := phraseOf(toks)
	at := -1
	for _, f := range knowFrames {
		if i := strings.Index(string(p), string(f)); i >= 0 {
			at = strings.Count(string(p[:i+len(f)]), " ") - 1 // tokens up to the frame's end
			break
		}
	}
	if at < 0 || at >= len(toks) || !embedLeads[toks[at].s] {
		return false
	}
	for i := at; i < len(toks); i++ {
		t := toks[i]
		switch {
		case bothSides[t.s] || titles[t.s]:
			return false
		case (listenerOwn[t.s] || t.s == "sie" || t.s == "ihnen") && (t.upper || !strings.HasPrefix(t.s, "i") && t.s != "sie"):
			return false // "Ihre", "Sie", "your"; not "ihre", "sie" of the others
		}
	}
	return true
}

var (
	// knowFrames ask whether the listener knows something.
	knowFrames = phrases("do you know", "do you happen to know", "would you know", "would you happen to know", "any idea", "have you any idea",
		"have you got any idea", "do you have any idea", "wissen sie", "wissen sie zufaellig", "wissen sie vielleicht", "ist ihnen bekannt",
		"haben sie eine ahnung", "haben sie ne ahnung", "hast du eine ahnung", "weisst du")
	// embedLeads open the question a know-frame embeds.
	embedLeads = set([]string{"what", "which", "who", "whether", "if", "how", "where", "when", "why", "ob", "was", "welche", "welcher", "welches",
		"welchen", "wer", "wie", "wo", "wann", "warum", "womit", "wohin", "woher"})
	// bothSides are the words of the listener and the caller.
	bothSides = set([]string{"you", "you're", "you've", "yourself", "yours", "we", "we're", "our", "ours", "us", "i", "my", "me", "wir", "uns", "unser",
		"unsere", "unseren", "unserem", "unserer", "ich", "mein", "meine", "meinen", "meinem", "mir", "mich", "du", "dein", "deine", "dir", "dich"})
)

// firmCompound reports a German compound of a firm noun: "Pflegedienste",
// "Baustoffhändler".
func firmCompound(w string) bool {
	for _, head := range []string{"dienste", "betriebe", "firmen", "haendler", "anbieter", "agenturen"} {
		if len(w) > len(head)+3 && strings.HasSuffix(w, head) {
			return true
		}
	}
	return false
}

// ledByOthers reports whether the words before a firm noun open a group
// of others ("the big Manchester banks", "andere Betriebe").
func ledByOthers(before []token) bool {
	p := phraseOf(before)
	if p.any(othersLeads) {
		for _, t := range before {
			if listenerOwn[t.s] {
				return false // "your other shops", "Ihre anderen Betriebe"
			}
		}
		return true
	}
	return false
}

// AsksListener reports whether a question sentence of text has the
// listener for its person: "you" ("What do you like about …?", "Are you
// …?"), or the formal "Sie" inside a sentence ("Wie lange arbeiten Sie
// …?"). "Which team do most of your members support?" asks about their
// members, not them.
func AsksListener(text string) bool {
	for _, q := range strings.SplitAfter(text, "?") {
		if !strings.HasSuffix(q, "?") {
			continue
		}
		words := strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
		for i, w := range words {
			if strings.EqualFold(w, "you") || strings.EqualFold(w, "yourself") || i > 0 && w == "Sie" {
				return true
			}
		}
	}
	return false
}
