package score

import (
	"strings"
	"unicode"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

// This file is the "answering" part of openness: how the trainee answered
// an inbound call that rang at them (docs/scoring.md). The method starts
// from this habit: be friendly on every call, it may be the one that
// matters. It applies when the call is inbound and the trainee spoke
// first (they picked up); the score is the share of four things their
// first turn does, weighted:
//
//	friendly   a greeting or thanks for the call ("Guten Tag", "thanks for calling")  0.3
//	own name   the introduction act ("Anna Keller", "hier ist Anna"; see answerParts)                  0.3
//	company    the firm named (answerParts: "Netzwerk Nord, Anna Keller",
//	           "Anna Keller von Netzwerk Nord")                                    0.2
//	time       an offer of help or an invitation to tell ("Was kann ich für Sie
//	           tun?", "How can I help?")                                           0.2

const (
	answerFriendly = 0.3
	answerName     = 0.3
	answerCompany  = 0.2
	answerTime     = 0.2
)

// answeredPhone reports whether the trainee picked up the call: inbound,
// and the first turn is theirs.
func (c *call) answeredPhone() bool {
	return c.inbound && len(c.tr.Turns) > 0 && c.tr.Turns[0].Speaker == openline.Trainee
}

// answeringPart scores the trainee's first turn of an inbound call they
// picked up, and marks the evidence.
func answeringPart(c *call, ev *evidence) float64 {
	if !c.answeredPhone() {
		return 0
	}
	const i = 0
	r, text := c.res[i], c.tr.Turns[i].Text
	lower := strings.ToLower(text)
	got := 0.0
	check := func(ok bool, weight float64, good, bad msg) {
		if ok {
			got += weight
			ev.add(i, firstSentence(r), opn, openline.EffectPlus, good)
		} else {
			ev.add(i, firstSentence(r), opn, openline.EffectMinus, bad)
		}
	}
	check(r.Has(openline.ActGreeting) || containsAnyOf(lower, answerThanks), answerFriendly, whyAnswerFriendly, whyAnswerUnfriendly)
	name, company := answerParts(text)
	check(r.Has(openline.ActIntroduction) || name, answerName, whyAnswerName, whyAnswerNoName)
	check(company, answerCompany, whyAnswerCompany, whyAnswerNoCompany)
	check(r.Has(openline.ActOfferHelp) || containsAnyOf(lower, answerOffers), answerTime, whyAnswerTime, whyAnswerNoTime)
	return got
}

func answeringTip(c *call, _ map[int]bool) openline.Tip {
	return c.tipAt(0, tipAnswering, tipAnsweringBetter)
}

var (
	answerThanks = []string{"danke für ihren anruf", "schön, dass sie anrufen", "guten morgen", "guten tag", "hallo", "grüß gott", "moin",
		"thanks for calling", "thank you for calling", "good morning", "good afternoon", "hello", "hi"}
	answerOffers = []string{"was kann ich für sie tun", "wie kann ich ihnen helfen", "wie kann ich helfen", "worum geht es", "was darf ich für sie tun",
		"what can i do for you", "how can i help", "how may i help", "what can i help you with"}
	answerGreetings = []string{"guten", "tag", "morgen", "abend", "hallo", "hi", "hello", "good", "morning", "afternoon", "moin", "grüß", "gott", "servus", "ja", "yes"}
	companyLinks    = []string{"von", "vom", "bei", "from", "at", "with"}
)

// answerParts reads a phone answer clause by clause (split at commas,
// dashes and sentence ends): whether it names the speaker and whether it
// names a firm. A clause names the speaker when acts.NamesSelf hears a
// name in it, or when it is two or three capitalised words, optionally
// followed by "speaking", "here", "hier" or "am Apparat" ("Anna Keller",
// "Sam Taylor speaking"), or when such words stand before von, bei, from or
// at ("Anna Keller von Netzwerk Nord"), which then name the firm. Any other
// clause of capitalised words that are no greeting names the firm
// ("Netzwerk Nord", "Northwind"), and of two name-like clauses one is the
// firm.
func answerParts(text string) (name, company bool) {
	clauses := strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(",;.!?–—", r) })
	for _, c := range clauses {
		words := strings.Fields(strings.Trim(c, " \"„“'"))
		for len(words) > 0 && containsWord(answerGreetings, strings.ToLower(words[0])) {
			words = words[1:]
		}
		if len(words) == 0 {
			continue
		}
		if acts.NamesSelf(c, false) {
			name = true
		}
		caps := 0
		for caps < len(words) && startsUpper(words[caps]) {
			caps++
		}
		rest := words[caps:]
		switch {
		case caps == 0:
		case len(rest) > 0 && containsWord(companyLinks, strings.ToLower(rest[0])) && len(rest) > 1 && startsUpper(rest[1]):
			name, company = name || caps <= 3, true
		case caps >= 2 && caps <= 3 && (len(rest) == 0 || containsWord(speakingWords, strings.ToLower(strings.Join(rest, " ")))):
			// Two such clauses are the firm and the person ("Netzwerk
			// Nord, Anna Keller").
			company = company || name
			name = true
		case len(rest) == 0:
			company = true
		}
		for k := 0; k+1 < len(words); k++ {
			if containsWord(companyLinks, strings.ToLower(words[k])) && startsUpper(words[k+1]) {
				company = true
			}
		}
	}
	return name, company
}

var speakingWords = []string{"speaking", "here", "hier", "am apparat", "am telefon"}

func startsUpper(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

func containsWord(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

func containsAnyOf(lower string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(lower, p) {
			return true
		}
	}
	return false
}
