package acts

import (
	"strings"

	"github.com/openline/openline/internal/openline"
)

// This file is the third way a question names a fact: by what it means
// rather than by the words of the fact's names ("Wie viel Personal haben
// Sie?" asks the fact named "wie viele mitarbeiter"; "Who's in charge at
// the school?" the one named "who's the head"). Added by the scripted
// prospect's work on issue 9; About and AboutWords are tried first.
//
// A question is read as its class (how many, how much, where, when, who,
// what, how long, how, why), its head (the noun right after the question
// word: "welche Software", "how many developers"), and the senses of its
// words (a small bilingual lexicon of what business calls ask about:
// staff, customers, money, wages, place, premises, founding, the boss,
// products, …). A fact is read the same way from its about names, and
// knows the content words of its answers too ("Treppen" for a fact that
// says "Treppen, Geländer, Vordächer"). A fact is named when
//   - its names cover the head, if there is one (a question about software
//     is about no fact that never names software or tools);
//   - a count question meets a count fact, and a count fact a count or
//     yes/no question ("How big is St Aidan's?", not "When was he meant to
//     come?" for "how many staff");
//   - the question does not invite the person to tell what moves them
//     ("Was beschäftigt Ihre Betriebe?": that earns a need, not a fact),
//     unless the fact's names ask so themselves;
//   - and it scores best, alone, with at least minSense and strong
//     evidence (two words of the fact's answers are evidence: "eher
//     Hochzeiten oder Sträuße?" for a fact that says "Sträuße,
//     Hochzeiten, Trauerfloristik"): a word covered by
//     the fact's own stems counts 3 (1 inside a prepositional phrase, 1
//     for a name after a title), a shared sense 2 or 1, an answer word 1,
//     a matching class 1; a strong word the fact misses but another
//     possible fact covers costs 2 ("Do your members take on many
//     apprentices?" is neither about members nor about staff).
// The fallback topic (the speaker's built-in identity) loses every tie
// and costs no other fact anything.

// Senses are facts prepared for reading questions by meaning (NewSenses).
type Senses struct {
	facts    []factSense
	fallback int
	// own are the stems of the listener's own names (their company,
	// their name): "Seit welchem Jahr ist Metallbau Wegener am Markt?"
	// names the firm asked about, no noun a fact misses.
	own map[string]bool
	// firm are the stems of the name proper of the first of those names
	// (their company, without what follows a comma or a bracket:
	// "Bildungswerk Nordstadt e. V.", not "18 reps").
	firm map[string]bool
}

// WithOwnNames returns s knowing the listener's own names (their company,
// their name): a question naming them is not asking about something else.
func (s Senses) WithOwnNames(names ...string) Senses {
	s.own, s.firm = map[string]bool{}, map[string]bool{}
	if len(names) > 0 {
		name, _, _ := strings.Cut(names[0], "(")
		name, _, _ = strings.Cut(name, ",")
		for _, t := range tokenize(name) {
			if len(t.s) >= 3 {
				s.firm[senseStem(t.s)] = true
			}
		}
	}
	for _, n := range names {
		for _, t := range tokenize(n) {
			if len(t.s) >= 3 {
				s.own[senseStem(t.s)] = true
			}
		}
	}
	return s
}

type factSense struct {
	stems    *stemSet        // content stems of the names
	weak     map[string]bool // stems of the names next to a subject pronoun (verbs)
	says     *stemSet        // content stems of the answers
	senses   senseSet        // senses the names' words and phrases name outright
	hints    senseSet        // senses they only hint at ("wo fahren sie")
	classes  uint16          // question classes of the names
	bare     bool            // a name without a question word ("umsatz")
	concerns map[string]bool // what moves the person that a name asks ("wie läuft es")
	fallback bool            // the built-in identity: matched only by its own words
}

// NewSenses prepares topics[i] (names) with says[i] (the fact's answers,
// nil for none); fallback is the index of the topic that loses ties (-1:
// none).
func NewSenses(topics [][]string, says [][]string, fallback int) Senses {
	s := Senses{facts: make([]factSense, len(topics)), fallback: fallback}
	for i, names := range topics {
		f := &s.facts[i]
		f.fallback = i == fallback
		f.stems, f.says, f.weak, f.concerns = newStemSet(), newStemSet(), map[string]bool{}, map[string]bool{}
		for _, n := range names {
			toks := tokenize(n)
			q := readClass(toks)
			if q.class == 0 {
				f.bare = true
			} else {
				f.classes |= 1 << q.class
			}
			for _, c := range concernStems(toks) {
				f.concerns[c] = true
			}
			personal := false
			for j, t := range toks {
				if t.s == "you" || t.s == "sie" || possessives[t.s] {
					personal = true // asks where the listener is, not where "we met"
				}
				if !contentWord(toks, j) && !titledName(toks, j) {
					continue
				}
				st := senseStem(t.s)
				if titledName(toks, j) {
					st = namePrefix + t.s
				}
				f.stems.add(st)
				if nextToSubject(toks, j) {
					f.weak[st] = true
				}
			}
			for _, w := range senseWords(toks) {
				if w.weight < 2 {
					f.hints |= w.senses
					continue
				}
				f.senses |= w.senses
				if w.senses&(senseOf(sPremises)|senseOf(sOrg)|senseOf(sLocation)) != 0 {
					personal = true
				}
			}
			if q.class == clPlace && personal {
				f.senses |= senseOf(sLocation)
			}
		}
		if i < len(says) {
			for _, line := range says[i] {
				for _, w := range saidNouns(line) {
					f.says.add(w)
				}
			}
		}
	}
	return s
}

// namesMoney reports whether toks name money outright ("Umsatz",
// "finanziell", "turning over").
func namesMoney(toks []token) bool {
	for _, w := range senseWords(toks) {
		if w.weight == 2 && w.senses&senseOf(sMoney) != 0 {
			return true
		}
	}
	return false
}

// saidNouns returns the stems of the nouns and names of one of a fact's
// answers ("Treppen", "Carports", "Derby"): "spelt wrong" names nothing
// asked. An English noun has no capital; its plural names it ("legal and
// medical documents").
func saidNouns(line string) []string {
	toks := tokenize(line)
	english := inEnglish(toks)
	var out []string
	for j, t := range toks {
		if (t.upper || english && pluralNoun(toks, j)) && contentWord(toks, j) && len(t.s) >= 5 {
			out = append(out, senseStem(t.s))
		}
	}
	return out
}

// inEnglish reports whether toks have more of English's frequent words
// than of German's: a German noun has its capital, and a lower-case
// German word in -s is an adverb ("abends", "jeweils", "bereits").
func inEnglish(toks []token) bool {
	en, de := 0, 0
	for _, t := range toks {
		if languageWords[openline.English][t.s] {
			en++
		}
		if languageWords[openline.German][t.s] {
			de++
		}
	}
	return en > de
}

// pluralNoun reports whether the lower-case English word toks[j] looks
// like a plural noun ("documents", "radiators"): six letters or more
// ending in one s, not in an adjective's "-ous" or the "-ss" of
// "business"; not an adverb in -s ("always", "sometimes", "towards") or
// a reflexive ("ourselves"); and not a verb, which is what an -s word is
// after a subject or an adverb ("it happens", "she usually handles")
// or before an object's determiner ("supplies the schools").
func pluralNoun(toks []token, j int) bool {
	w := toks[j].s
	if len(w) < 6 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "ous") || strings.HasSuffix(w, "is") ||
		sAdverbs[w] || strings.HasSuffix(w, "selves") || strings.HasSuffix(w, "wards") || strings.HasSuffix(w, "ways") {
		return false
	}
	if j > 0 {
		if b := toks[j-1].s; verbSubjects[b] || sAdverbs[b] || strings.HasSuffix(b, "ly") && len(b) > 4 {
			return false
		}
	}
	return j+1 >= len(toks) || !objectLeads[toks[j+1].s]
}

var (
	// sAdverbs are English adverbs and conjunctions ending in -s, and
	// adverbs that stand before a verb.
	sAdverbs = set([]string{"always", "perhaps", "sometimes", "besides", "nowadays", "upstairs", "downstairs", "indoors", "outdoors", "overseas",
		"whereas", "regardless", "nevertheless", "nonetheless", "thanks", "unless", "anyways", "never", "often", "also", "still", "just", "only",
		"even", "rarely", "seldom", "mostly", "usually", "normally", "really"})
	// verbSubjects are the subjects a third-person verb follows: "it
	// happens", "who handles".
	verbSubjects = set([]string{"he", "she", "it", "that", "this", "who", "which", "one", "everyone", "everybody", "someone", "somebody",
		"nobody", "noone", "nothing", "something", "everything", "anyone", "anybody"})
	// objectLeads begin the object a verb takes: "supplies the schools".
	objectLeads = set([]string{"the", "a", "an", "our", "my", "your", "his", "her", "their", "its", "us", "them", "him", "me", "all", "most", "some"})
)

// minSense is the least score with which a question names a fact.
const minSense = 2

// About returns the fact a question (one sentence) asks about by meaning,
// or -1.
func (s Senses) About(lang openline.Language, sentence string) int {
	if len(s.facts) == 0 || len(s.facts) > 64 {
		return -1
	}
	toks := tokenize(dropPossessives(sentence))
	q := readClass(toks)
	if ph := phrase(sentence); q.class == clWhy || ph.any(opinions) || pointsBack(toks) ||
		ph.any(routines) && q.class != clCount && q.class != clAmount {
		return -1 // why, what do you think of, a normal week (not how many run it day to day), and "damit" or "back then" ask about no fact
	}
	// A count or an amount asks a fact even with a personal word ("Wie
	// viele Kollegen haben Sie selbst im Büro?"); a place or a time asks
	// one even with a word of concern.
	measured := q.class == clCount || q.class == clAmount || namesMoney(toks) // "Läuft es finanziell gut?" asks about money
	placed := q.class == clPlace || q.class == clTime || q.class == clSince
	concern := !measured && (personalWords(toks) || !placed && (hasConcern(toks) || (q.class == clThing || q.class == clHow) && hasElse(toks)))
	head := headWord(lang, toks, q)
	words := questionWords(lang, toks, q)
	var headWd *qword
	if head >= 0 {
		for k := range words {
			if words[k].from <= head && head < words[k].to {
				headWd = &words[k]
			}
		}
	}
	viable := make([]bool, len(s.facts))
	for i := range s.facts {
		f := &s.facts[i]
		viable[i] = (!concern || f.asksConcern(toks)) && countFits(q.class, f) && (headWd == nil || f.coversHead(headWd))
	}
	best, bestScore, tie := -1, 0, false
	for i := range s.facts {
		if !viable[i] {
			continue
		}
		f := &s.facts[i]
		score, strong := 0, headWd != nil
		if headWd != nil {
			score++ // it names what is asked
		}
		if q.class != 0 && f.classes&(1<<q.class|classKin(q.class)) != 0 {
			score++
			// A when, where, since-when or who the fact's names ask too
			// is evidence of its own: "When was the engineer meant to
			// come?" for "when was the appointment".
			strong = strong || q.class == clTime || q.class == clPlace || q.class == clSince || q.class == clPerson
		}
		covered, said := false, 0
		for k := range words {
			w := &words[k]
			if s.namesOwnOrg(toks, w) && s.factNamesOrg(f) {
				// "Was genau macht Ihr Verein?", "What does your
				// organisation do?" ask about their own outfit, which
				// the fact names by its name or as an organisation.
				score += 2
				strong = true
				continue
			}
			if c := f.covers(w); c > 0 {
				score += c
				if w.stem != "" && f.says.exact[w.stem] && !f.stems.exact[w.stem] {
					said++ // "eher Hochzeiten oder Sträuße?" names what the answer lists
				}
				covered = covered || w.from >= 0 && f.stems.exact[w.stem] // its own word, not a sense it shares
				strong = strong || c >= 2 || w.from < 0                   // the class's own sense: "Whereabouts are you?"
				continue
			}
			if !w.strong || w.pp || s.own[strings.TrimPrefix(w.stem, namePrefix)] {
				continue
			}
			if w.senses == 0 && w.stem != "" && !strings.HasPrefix(w.stem, namePrefix) {
				score-- // a noun the fact knows nothing of: "Wo kaufen Sie Ihre Vasen ein?"
				continue
			}
			for j := range s.facts {
				if j != i && j != s.fallback && viable[j] && s.facts[j].covers(w) > 0 {
					score -= 2 // the word points at another fact
					break
				}
			}
		}
		strong = strong || said >= 2
		switch {
		case f.fallback && !covered: // a who alone asks the identity nothing: "Wer kümmert sich um …?"
		case score < minSense || !strong: // hints alone ("every business your size") name nothing
		case best < 0 || score > bestScore:
			best, bestScore, tie = i, score, false
		case score == bestScore && best == s.fallback:
			best, tie = i, false
		case score == bestScore && i != s.fallback:
			tie = true
		}
	}
	if tie {
		return -1
	}
	return best
}

// namesOwnOrg reports whether question word w names the listener's own
// organisation: a word of an organisation ("Verein", "organisation",
// "network") or of their company's name after their possessive ("Ihr
// Verein", "your organisation", "a network like yours").
func (s Senses) namesOwnOrg(toks []token, w *qword) bool {
	if w.from < 0 || w.stem == "" || (w.senses&senseOf(sOrg) == 0 && !s.firm[w.stem]) {
		return false
	}
	if k := w.from - 1; k >= 0 && possessives[toks[k].s] && (toks[k].upper || !strings.HasPrefix(toks[k].s, "i")) {
		return true // "Ihr Verein", "your organisation"; a lower-case "ihr" is theirs, not the listener's
	}
	return w.to+1 < len(toks) && toks[w.to].s == "like" && toks[w.to+1].s == "yours" // "a network like yours"
}

// factNamesOrg reports whether f names an organisation: by a word of the
// listener's own company name ("was macht das bildungswerk") or a word
// of an organisation ("what does the network do").
func (s Senses) factNamesOrg(f *factSense) bool {
	for st := range f.stems.exact {
		if s.firm[st] {
			return true
		}
		if sv, _ := senseOfWord(st); sv&senseOf(sOrg) != 0 {
			return true
		}
	}
	return false
}

// covers is what question word w scores for f: 0 when f knows nothing of it.
func (f *factSense) covers(w *qword) int {
	best := 0
	if w.stem != "" {
		switch {
		case f.stems.exact[w.stem] && strings.HasPrefix(w.stem, namePrefix):
			best = 1
		case f.stems.exact[w.stem]:
			best = 3
			if f.weak[w.stem] {
				best = 2
			}
			if _, wt := senseOfWord(w.stem); wt == 1 {
				best = 1 // "arbeiten", "machen": shared by too many questions
			}
		case len(w.stem) >= minRelated && !f.fallback && closeKin(f.stems, w.stem):
			best = 2
			if w.pp {
				best = 1
			}
		case f.says.exact[w.stem]:
			best = 1
		}
	}
	if w.senses&f.senses != 0 {
		c := w.weight
		if w.pp {
			c = 1
		}
		best = max(best, c)
	} else if w.senses&f.hints != 0 {
		best = max(best, 1)
	}
	return best
}

// coversHead reports whether f names the head word w: by its own stems,
// a sense it names outright, or a word of its answers.
func (f *factSense) coversHead(w *qword) bool {
	if w.stem != "" && (f.stems.exact[w.stem] || (len(w.stem) >= minRelated && !f.fallback && closeKin(f.stems, w.stem)) || f.says.exact[w.stem]) {
		return true
	}
	return w.senses&f.senses != 0
}

// closeKin reports whether stem s is kin to a stem of ss: one is the
// head of a compound of the other ("kraft", "pflegefachkraft"), or one
// extends the other by a few letters ("interess", "interessant"). A
// compound's first part ("handwerk" of "handwerkernetz") is no kin.
func closeKin(ss *stemSet, s string) bool {
	for _, p := range ss.bySuffix[s[len(s)-minRelated:]] {
		if strings.HasSuffix(p, s) || strings.HasSuffix(s, p) {
			return true
		}
	}
	if len(s) < minRelated+1 {
		return false
	}
	for _, p := range ss.byPrefix[s[:minRelated+1]] {
		if (strings.HasPrefix(p, s) || strings.HasPrefix(s, p)) && max(len(p), len(s))-min(len(p), len(s)) <= 3 {
			return true
		}
	}
	return false
}

// countFits applies the count rules: a count question needs a fact that
// counts (or a bare one), and a fact that only counts answers only count,
// amount and yes/no questions.
func countFits(class byte, f *factSense) bool {
	counts := f.classes&(1<<clCount) != 0
	amounts := f.classes&(1<<clAmount) != 0                        // "How big was the round?" asks how much was raised
	if class == clCount && !counts && !amounts && f.classes != 0 { // "joinery make" does not make the products a count
		return false
	}
	onlyCounts := f.classes == 1<<clCount && !f.bare
	if onlyCounts && class != clCount && class != clAmount && class != 0 {
		return false
	}
	// A where or a when asks for a place or a time: a fact whose names
	// ask only other ways ("wie viele mitarbeiter", "ihre geschäftsstelle")
	// does not say where the office is. (A who may ask what a fact named
	// otherwise answers: "Who started the business?" for "when did you
	// start".)
	if class == clPlace || class == clTime || class == clSince {
		for c := byte(1); c <= clWhy; c++ {
			if f.classes&(1<<c) != 0 && classFit(c, class) > 0 {
				return true
			}
		}
		return f.classes == 0
	}
	return true
}

// Question classes.
const (
	clCount  byte = iota + 1 // wie viele, how many, wie groß, how big
	clAmount                 // wie viel, how much
	clSince                  // seit wann, wie lange, how long, how old
	clOften                  // wie oft, how often
	clPlace                  // wo, where, in welcher Stadt
	clTime                   // wann, when, what time
	clPerson                 // wer, who
	clThing                  // was, welche, what, which
	clHow                    // wie, how
	clWhy                    // warum, why, woran
)

// classKin are the classes a question of class c also meets: an amount
// question a count fact, a "since when" a "when", and the reverse.
func classKin(c byte) uint16 {
	switch c {
	case clAmount:
		return 1 << clCount
	case clSince:
		return 1 << clTime
	case clTime:
		return 1 << clSince
	}
	return 0
}

type qclass struct {
	class byte
	at    int // index of the first token after the question words, -1 without
}

// classPhrases are question words of more than one word, longest first
// within a start word.
var classPhrases = []struct {
	words []string
	class byte
}{
	{[]string{"mit", "wie", "vielen"}, clCount}, {[]string{"wie", "viele"}, clCount}, {[]string{"wie", "vielen"}, clCount},
	{[]string{"wie", "gross"}, clCount}, {[]string{"how", "many"}, clCount}, {[]string{"how", "big"}, clCount}, {[]string{"how", "large"}, clCount},
	{[]string{"wie", "viel"}, clAmount}, {[]string{"how", "much"}, clAmount}, {[]string{"wie", "hoch"}, clAmount},
	{[]string{"seit", "wann"}, clSince}, {[]string{"wie", "lange"}, clSince}, {[]string{"wie", "alt"}, clSince},
	{[]string{"how", "long"}, clSince}, {[]string{"how", "old"}, clSince}, {[]string{"since", "when"}, clSince},
	{[]string{"wie", "oft"}, clOften}, {[]string{"how", "often"}, clOften},
	{[]string{"von", "wo"}, clPlace}, {[]string{"what", "time"}, clTime}, {[]string{"how", "come"}, clWhy},
}

// classWords are one-word question words.
var classWords = map[string]byte{
	"wer": clPerson, "wem": clPerson, "wen": clPerson, "wessen": clPerson, "who": clPerson, "whom": clPerson, "whose": clPerson, "who's": clPerson,
	"was": clThing, "welche": clThing, "welcher": clThing, "welches": clThing, "welchen": clThing, "welchem": clThing, "wofuer": clThing, "womit": clThing, "worueber": clThing,
	"what": clThing, "which": clThing, "what's": clThing, "whats": clThing,
	"wo": clPlace, "woher": clPlace, "wohin": clPlace, "where": clPlace, "where's": clPlace, "whereabouts": clPlace,
	"wann": clTime, "when": clTime, "when's": clTime,
	"wie": clHow, "how": clHow, "how's": clHow,
	"warum": clWhy, "wieso": clWhy, "weshalb": clWhy, "woran": clWhy, "why": clWhy,
}

// readClass finds the first question word of toks and its class; a
// "which"/"welche" before a noun of place or time asks where or when
// ("In welcher Stadt", "Um welche Uhrzeit").
func readClass(toks []token) qclass {
	for i := range toks {
		for _, cp := range classPhrases {
			if i+len(cp.words) > len(toks) {
				continue
			}
			ok := true
			for k, w := range cp.words {
				if toks[i+k].s != w {
					ok = false
					break
				}
			}
			if ok {
				return qclass{cp.class, i + len(cp.words)}
			}
		}
		if c, ok := classWords[toks[i].s]; ok {
			if c == clThing && i+1 < len(toks) {
				switch {
				case placeNouns[senseStem(toks[i+1].s)]:
					return qclass{clPlace, i + 2}
				case timeNouns[senseStem(toks[i+1].s)]:
					return qclass{clTime, i + 2}
				}
			}
			return qclass{c, i + 1}
		}
	}
	return qclass{0, -1}
}

var placeNouns = stems("stadt", "stadtteil", "stadtteilen", "ort", "orten", "ecke", "ecken", "gegend", "viertel", "region", "bezirk",
	"city", "town", "part", "area", "district", "neighbourhood", "region", "county", "side")
var timeNouns = stems("uhrzeit", "zeit", "tag", "tage", "datum", "jahr", "monat", "woche", "time", "day", "date", "year", "month", "week")

// headSkips may stand between a question word and the noun it asks
// about.
var headSkips = set([]string{"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "fuer", "so",
	"the", "a", "an", "of", "your", "ihr", "ihre", "ihren", "ihrem", "ihrer", "very",
	"genau", "genaue", "richtige", "richtigen", "neue", "neuen", "alte", "aktuelle", "uebliche", "andere", "anderen", "eigene", "ganze",
	"correct", "right", "exact", "new", "old", "current", "usual", "main", "other", "own", "whole", "actual", "real", "typical",
	"annual", "yearly", "monthly", "weekly", "total", "rough", "average", "overall", "biggest", "largest", "jaehrliche", "jaehrlichen", "ungefaehre"})

// speakerOwn are the caller's possessives: what follows is theirs, not
// the listener's.
var speakerOwn = set([]string{"our", "my", "unser", "unsere", "unserer", "unseren", "unserem", "unseres", "mein", "meine", "meinen", "meinem",
	"meiner", "meines"})

// possessives are the listener's possessives, which in German end the
// search for a head: "Was baut Ihr Betrieb" asks what the firm builds.
var possessives = set([]string{"ihr", "ihre", "ihren", "ihrem", "ihrer", "your", "yours"})

// generic are words that say nothing about what is asked ("Menschen",
// "things").
var generic = stems("menschen", "mensch", "person", "personen", "leuten", "dinge", "sachen", "things", "thing", "folks",
	"jemand", "jemanden", "someone", "somebody", "anyone", "anybody", "stuff", "zeug")

// headWord returns the index of the noun the question asks about, or -1.
// In a yes/no question ("Haben Sie Kühlfahrzeuge?", "Do you have staff?")
// it is the object after "haben Sie" or "do you have".
func headWord(lang openline.Language, toks []token, q qclass) int {
	i := q.at
	if q.class == 0 {
		i = haveObject(toks)
	}
	if i < 0 || q.class == clPerson || q.class == clTime || q.class == clSince || q.class == clHow || q.class == clOften {
		return -1
	}
	for ; i < len(toks); i++ {
		t := toks[i]
		if fillers[t.s] || kinds[t.s] {
			continue
		}
		if lang == openline.German {
			if possessives[t.s] || subjects[t.s] {
				return -1
			}
			if headSkips[t.s] {
				continue
			}
			if !t.upper {
				if strings.HasSuffix(t.s, "e") || strings.HasSuffix(t.s, "en") || strings.HasSuffix(t.s, "er") || strings.HasSuffix(t.s, "es") {
					continue // an adjective ("examinierte Kräfte")
				}
				return -1 // a verb: "Was baut …"
			}
			if generic[senseStem(t.s)] || titles[t.s] || weakWord(t.s) {
				return -1
			}
			return i
		}
		if headSkips[t.s] {
			continue
		}
		if deLex.stop[t.s] || enLex.stop[t.s] || subjects[t.s] || generic[senseStem(t.s)] || titles[t.s] || isDigits(t.s) || weakWord(t.s) {
			return -1
		}
		if t.upper && !t.clause {
			return -1 // a name: "What's Parcelwise building?"
		}
		return i
	}
	return -1
}

// weakWord reports whether w only hints at a sense ("firms", "Betrieb"):
// too general to be what a question asks about.
func weakWord(w string) bool {
	_, weight := senseOfWord(senseStem(w))
	return weight == 1
}

// determiners open a noun phrase after a preposition.
var determiners = set([]string{"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "ihr", "ihre", "ihren", "ihrem", "ihrer",
	"unser", "unsere", "unserem", "unseren", "sein", "seine", "seinen", "seinem", "the", "a", "an", "your", "our", "his", "her", "their", "my", "this", "that",
	"these", "those", "sie", "ihnen", "you", "them", "us", "me", "uns", "mir", "mich"})

// haveObject returns the index after "haben Sie", "have you got", "do you
// have", "gibt es", "is it a", or -1.
func haveObject(toks []token) int {
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i].s, toks[i+1].s
		switch {
		case (a == "haben" || a == "hast") && (b == "sie" || b == "du" || b == "ihr"):
			if i+2 < len(toks) && toks[i+2].s == "auch" {
				return i + 3
			}
			return i + 2
		case a == "gibt" && b == "es", a == "is" && b == "it", a == "ist" && b == "es":
			return pastPlaces(toks, i+2) // "Gibt es bei Ihnen im Haus einen Beamer?"
		case i == 0 && b == "sie":
			if i+2 < len(toks) && toks[i+2].s == "auch" {
				return i + 3 // "Machen Sie auch Carports?"
			}
		case a == "you" && (b == "have" || b == "got"):
			if i+2 < len(toks) && toks[i+2].s == "got" {
				return i + 3
			}
			return i + 2
		}
	}
	return -1
}

// pastPlaces returns the index after the German prepositional phrases
// that open toks[i:] ("bei Ihnen im Haus einen Beamer": "einen"): each a
// preposition and the words up to its capitalised noun or pronoun.
func pastPlaces(toks []token, i int) int {
	for i < len(toks) && prepositions[toks[i].s] && !toks[i].upper {
		j := i + 1
		for j < len(toks) && j <= i+3 && !toks[j].upper {
			j++
		}
		if j >= len(toks) || j > i+3 {
			return i
		}
		i = j + 1
	}
	return i
}

// qword is one word (or lexicon phrase) of a question.
type qword struct {
	stem     string
	senses   senseSet
	weight   int  // of its senses: 2 strong, 1 weak
	strong   bool // points at something: a strong sense, or a German noun
	pp       bool // inside a prepositional phrase: a qualifier
	from, to int  // token span
}

var prepositions = set([]string{"in", "im", "bei", "beim", "an", "am", "auf", "fuer", "mit", "von", "vom", "zu", "zum", "zur", "aus", "nach", "ueber", "unter",
	"at", "on", "for", "with", "from", "about", "of", "into", "near", "by"})

// questionWords reads the content words and lexicon phrases of toks, with
// the senses the class itself brings: where asks a place, "how many" with
// nothing after it asks how many people.
func questionWords(lang openline.Language, toks []token, q qclass) []qword {
	var out []qword
	head := headWord(lang, toks, q)
	pp := -10
	mine := -10 // the index of the caller's own possessive ("our engineers")
	for i := max(q.at, 0); i < len(toks); i++ {
		t := toks[i]
		if speakerOwn[t.s] {
			mine = i
			continue
		}
		if i-mine <= 2 && contentWord(toks, i) {
			mine = -10 // "our engineers", "meine Kollegen": the caller's own, no fact of theirs
			continue
		}
		if prepositions[t.s] && !(i > 0 && (classWords[toks[i-1].s] != 0 || kinds[toks[i-1].s] || toks[i-1].s == "many" || toks[i-1].s == "much")) &&
			i+1 < len(toks) && (determiners[toks[i+1].s] || toks[i+1].upper || isDigits(toks[i+1].s)) {
			pp = i // "in der Pflege", "at the school"; not "was für", "how many of", "take on many"
		}
		inPP := i-pp <= 3 && i > pp
		if n, sv, w := phraseAt(toks, i); n > 0 {
			out = append(out, qword{senses: sv, weight: w, strong: w == 2, pp: inPP, from: i, to: i + n})
			i += n - 1
			continue
		}
		name := titledName(toks, i)
		short := i == head || (len(t.s) >= 3 && !deLex.stop[t.s] && !enLex.stop[t.s] && senseByStem[t.s].senses != 0) // "van", "lkw"
		if !name && !short && (!contentWord(toks, i) || fillers[t.s] || kinds[t.s] || headSkips[t.s] || possessives[t.s]) {
			continue
		}
		if _, ok := classWords[t.s]; ok {
			continue
		}
		st := senseStem(t.s)
		if name {
			st = namePrefix + t.s
		}
		sv, w := senseOfWord(st)
		strong := w == 2 || (sv == 0 && lang == openline.German && t.upper && !t.clause && !name && !generic[st] && !subjects[t.s] && !possessives[t.s])
		out = append(out, qword{stem: st, senses: sv, weight: w, strong: strong, pp: inPP, from: i, to: i + 1})
	}
	switch q.class {
	case clPlace:
		out = append(out, qword{senses: senseOf(sLocation), weight: 1, from: -1, to: -1})
	case clAmount:
		out = append(out, qword{senses: senseOf(sMoney), weight: 1, from: -1, to: -1})
	case clCount:
		if head < 0 {
			out = append(out, qword{senses: senseOf(sStaff), weight: 2, from: -1, to: -1})
		}
	}
	return out
}

// senseWords are the lexicon senses of the words and phrases of a fact's
// name.
func senseWords(toks []token) []qword {
	var out []qword
	for i := 0; i < len(toks); i++ {
		if n, sv, w := phraseAt(toks, i); n > 0 {
			out = append(out, qword{senses: sv, weight: w})
			i += n - 1
			continue
		}
		if sv, w := senseOfWord(senseStem(toks[i].s)); sv != 0 {
			out = append(out, qword{senses: sv, weight: w})
		}
	}
	return out
}

// hasConcern reports whether toks invite the person to tell what moves
// them ("Was beschäftigt Sie?", "What keeps you busy?").
func hasConcern(toks []token) bool { return len(concernStems(toks)) > 0 }

// concernStems are the stems of toks' words that invite telling.
func concernStems(toks []token) []string {
	var out []string
	for i := 0; i < len(toks); i++ {
		if n, _, _ := phraseAt(toks, i); n > 0 {
			i += n - 1 // "keep track" is no "keeps you busy"
			continue
		}
		if t := toks[i]; (concerns[senseStem(t.s)] || concerns[t.s]) && (!someone[t.s] || knowsOf(toks)) {
			out = append(out, senseStem(t.s))
		}
	}
	return out
}

// asksConcern reports whether f's names ask what toks ask ("wie läuft es
// mit uns" for "Läuft die Bestellannahme bei uns?"), so that the
// invitation is the fact's own question.
func (f *factSense) asksConcern(toks []token) bool {
	cs := concernStems(toks)
	for _, c := range cs {
		if !f.concerns[c] {
			return false
		}
	}
	return len(cs) > 0
}

var concerns = stems("beschaeftigt", "umtreibt", "bewegt", "sorgen", "sorge", "problem", "probleme", "herausforderung", "schwierig", "laeuft", "los",
	"thema", "themen", "wichtig", "plaene", "zukunft", "aerger", "stoert", "frustriert", "fehlt", "brauchen", "wuenschen", "erleben",
	"keeps", "keeping", "busy", "worry", "worries", "worried", "challenge", "challenges", "problems", "issue", "issues", "hardest", "difficult",
	"going", "matters", "important", "plans", "future", "needs", "frustrating", "bother", "bothers", "eating", "experience", "nervt", "headache", "headaches", "kopfzerbrechen", "bauchschmerzen",
	"jemand", "jemanden", "anyone", "someone", "somebody", "anybody", "kennen")

// someone are the concern words that only invite telling when asked
// whom the listener knows ("Kennen Sie jemanden, …?"): "Have you got
// someone in the office doing the payroll?" asks who does it.
var someone = set([]string{"jemand", "jemanden", "anyone", "someone", "somebody", "anybody"})

// knowsOf reports a verb of knowing or recommending someone in toks.
func knowsOf(toks []token) bool {
	for _, t := range toks {
		switch t.s {
		case "kennen", "kennt", "know", "knows", "recommend", "empfehlen", "einfallen", "einfaellt", "think":
			return true
		}
	}
	return false
}

// personal are words that ask about the person themselves, whatever the
// question word: "How long have you been in your role – how are you
// finding it yourself?" asks no fact.
var personal = stems("persoenlich", "selbst", "personally", "yourself", "feel", "feeling", "finding")

func personalWords(toks []token) bool {
	for _, t := range toks {
		if personal[senseStem(t.s)] || personal[t.s] {
			return true
		}
	}
	return false
}

// hasElse reports whether toks ask for something else ("Was machen Sie
// sonst so?", "What else do you do?"): an invitation, not a fact.
func hasElse(toks []token) bool {
	for _, t := range toks {
		switch t.s {
		case "sonst", "ausserdem", "else":
			return true
		}
	}
	return false
}

// routines ask the person to tell how their days go ("What does a normal
// week look like for you and the reps?"): a story, no fact, whatever
// the words it shares with one.
var routines = phrases("normal day", "normal week", "typical day", "typical week", "average day", "average week", "day to day", "day-to-day",
	"normaler tag", "normale woche", "normalen tag", "normalen woche", "typischer tag", "typische woche", "typischen tag", "typischen woche",
	"alltag", "arbeitsalltag")

func stems(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[stem(fold(w))] = true
	}
	return m
}

// Probes reports whether a question is one a person answers a stranger
// with "why do you ask?" rather than "no idea": it names money or pay
// outright ("Roughly what does the agency turn over?", "Was bekommt bei
// Ihnen eine Fachkraft so im Monat?"), invites them to tell what moves
// them ("What's eating most of your week?"), or asks where, since when
// or who of them ("Where are you based?", "Wer entscheidet bei Ihnen?"):
// they know, and ask why a stranger wants to. A question about a plain
// thing they happen not to know ("Which office chairs have you got?")
// probes nothing. Used by the scripted prospect for questions no fact
// answers.
func Probes(sentence string) bool {
	toks := tokenize(dropPossessives(sentence))
	if hasConcern(toks) {
		return true
	}
	q := readClass(toks)
	if q.class == clAmount {
		return true // "how much …?"
	}
	if q.class == clSince || q.class == clPlace || q.class == clPerson {
		for _, t := range toks {
			if t.s == "you" || t.s == "sie" || t.s == "ihnen" {
				return true // where they are, since when, who decides: about them
			}
		}
	}
	weight := 0 // "bekommt … im Monat": two hints name pay as one word does
	for _, w := range senseWords(toks) {
		if w.senses&(senseOf(sMoney)|senseOf(sPay)) != 0 {
			weight += w.weight
		}
	}
	return weight >= 2
}

// QuestionHead returns the thing a question asks about, the noun right
// after its question word ("van" in "Which van models do your reps
// drive?", "autos" in "Mit welchen Autos fahren Ihre Pflegekräfte?"),
// folded, or "" when it names none ("What keeps your reps busy?"). The
// scripted prospect asks it so that a rule waiting for "reps" does not
// take a question about their vans.
func QuestionHead(lang openline.Language, sentence string) string {
	toks := tokenize(dropPossessives(sentence))
	if h := headWord(lang, toks, readClass(toks)); h >= 0 {
		return toks[h].s
	}
	return ""
}
