package acts

import (
	"strings"
	"unicode"

	"github.com/openline/openline/internal/openline"
)

// This file reads how a trainee answers the phone: the first turn of a
// call that rang at them. Read gives it for a call's first turn when the
// trainee speaks first (Turn.Answer); whether the call was inbound is the
// scorer's to know.

// PhoneAnswer is what a phone answer does.
type PhoneAnswer struct {
	// Friendly: a greeting or thanks for the call ("Guten Tag", "thanks
	// for calling").
	Friendly bool
	// Name: the speaker names themselves (the introduction act, NamesSelf
	// in a clause, or two or three capitalised words: "Anna Keller", "Sam
	// Taylor speaking", "Anna Keller von Netzwerk Nord").
	Name bool
	// Company: the firm is named ("Netzwerk Nord, Anna Keller", "Anna
	// Keller von Netzwerk Nord", "Northwind").
	Company bool
	// Invites: an offer of help or an invitation to tell ("Was kann ich
	// für Sie tun?", "How can I help?").
	Invites bool
}

// answerPhone reads trainee turn r (said as text) as a phone answer.
func answerPhone(r Result, text string) PhoneAnswer {
	lower := strings.ToLower(text)
	name, company := answerParts(text)
	return PhoneAnswer{
		Friendly: r.Has(openline.ActGreeting) || containsAny(lower, answerThanks),
		Name:     r.Has(openline.ActIntroduction) || name,
		Company:  company,
		Invites:  r.Has(openline.ActOfferHelp) || containsAny(lower, answerOffers),
	}
}

var (
	answerThanks = []string{"danke für ihren anruf", "schön, dass sie anrufen", "guten morgen", "guten tag", "hallo", "grüß gott", "moin",
		"thanks for calling", "thank you for calling", "good morning", "good afternoon", "hello", "hi"}
	answerOffers = []string{"was kann ich für sie tun", "wie kann ich ihnen helfen", "wie kann ich helfen", "worum geht es", "was darf ich für sie tun",
		"what can i do for you", "how can i help", "how may i help", "what can i help you with"}
	answerGreetings = wordSet("guten", "tag", "morgen", "abend", "hallo", "hi", "hello", "good", "morning", "afternoon", "moin", "grüß", "gott", "servus", "ja", "yes")
	companyLinks    = wordSet("von", "vom", "bei", "from", "at", "with")
	speakingWords   = wordSet("speaking", "here", "hier", "am apparat", "am telefon")
)

// answerParts reads a phone answer clause by clause (split at commas,
// dashes and sentence ends): whether it names the speaker and whether it
// names a firm. A clause names the speaker when NamesSelf hears a name in
// it, or when it is two or three capitalised words, optionally followed by
// "speaking", "here", "hier" or "am Apparat" ("Anna Keller", "Sam Taylor
// speaking"), or when such words stand before von, bei, from or at ("Anna
// Keller von Netzwerk Nord"), which then name the firm. Any other clause
// of capitalised words that are no greeting names the firm ("Netzwerk
// Nord", "Northwind"), and of two name-like clauses, or one before a
// clause NamesSelf hears, one is the firm.
func answerParts(text string) (name, company bool) {
	clauses := strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(",;.!?–—", r) })
	nameLike := false // a clause of two or three capitalised words so far
	for _, c := range clauses {
		words := strings.Fields(strings.Trim(c, " \"„“'"))
		for len(words) > 0 && answerGreetings[strings.ToLower(words[0])] {
			words = words[1:]
		}
		if len(words) == 0 {
			continue
		}
		if NamesSelf(c, false) || namesAfterLead(words) {
			// A name-like clause before it was the firm ("Telefonservice
			// Rhein-Main, Sie sprechen mit Jonas Weber").
			company = company || nameLike
			name = true
		}
		caps := 0
		for caps < len(words) && startsUpper(words[caps]) {
			caps++
		}
		rest := words[caps:]
		switch {
		case caps == 0:
		case len(rest) > 0 && companyLinks[strings.ToLower(rest[0])] && len(rest) > 1 && startsUpper(rest[1]):
			name, company = name || caps <= 3, true
		case caps >= 2 && caps <= 3 && (len(rest) == 0 || speakingWords[strings.ToLower(strings.Join(rest, " "))]):
			// Two such clauses are the firm and the person ("Netzwerk
			// Nord, Anna Keller").
			company = company || name
			name, nameLike = true, true
		case len(rest) == 0:
			company = true
		}
		for k := 0; k+1 < len(words); k++ {
			if companyLinks[strings.ToLower(words[k])] && startsUpper(words[k+1]) {
				company = true
			}
		}
	}
	return name, company
}

func startsUpper(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// selfLeads open a clause that names the speaker next ("Sie sprechen mit
// Jonas Weber", "you're speaking with Sam").
var selfLeads = [][]string{{"sie", "sprechen", "mit"}, {"hier", "spricht"}, {"hier", "ist"}, {"mein", "name", "ist"}, {"am", "apparat", "ist"},
	{"you're", "speaking", "with"}, {"you're", "speaking", "to"}, {"you", "are", "speaking", "with"}, {"this", "is"}, {"my", "name", "is"}}

// namesAfterLead reports whether words open with a selfLead followed by a
// capitalised word.
func namesAfterLead(words []string) bool {
	for _, lead := range selfLeads {
		if len(words) <= len(lead) || !startsUpper(words[len(lead)]) {
			continue
		}
		ok := true
		for k, w := range lead {
			ok = ok && strings.ToLower(words[k]) == w
		}
		if ok {
			return true
		}
	}
	return false
}
