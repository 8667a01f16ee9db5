package acts

import (
	"slices"
	"strings"

	"github.com/openline/openline/internal/openline"
)

// This file holds three things a caller says that the tagger's cues and
// Proposal do not take in:
//   - a demand put as talk (read with the other pushes by pushIn, push.go,
//     so the tagger hears it as pressure): "Stellen Sie mich jetzt sofort durch", "Sie
//     müssen uns jetzt wirklich weiterempfehlen", "entscheiden Sie sich
//     jetzt", "You need to hire now or your competitors will eat you
//     alive", and brushing off what the other person feels ("Jetzt
//     übertreiben Sie aber", "these things happen, get over it");
//   - an offer to present the product, put as a question: "Soll ich Ihnen
//     unser neues Servicepaket vorstellen?", "Would you like to hear about
//     our premium plan?" — a pitch, not a question;
//   - a callback offered as a condition: "Wäre es okay, wenn ich Sie in
//     einem halben Jahr noch mal anrufe?", "Is it alright if I call you
//     back next week?".
// The last two are read for the scripted prospect (ReadAsides).

var (
	demands = map[openline.Language][]phrased{
		openline.German: loosePhrases("stellen sie mich sofort", "stellen sie mich jetzt", "sofort durch", "jetzt sofort", "nicht ewig zeit",
			"entscheiden sie sich jetzt", "entscheiden sie sich endlich", "entscheiden sie sich sofort", "jetzt müssen sie", "sie müssen jetzt",
			"sie müssen uns jetzt", "sie müssen das jetzt", "sie müssen sich jetzt", "sind sie uns schuldig", "sind sie mir schuldig",
			"übertreiben sie", "so schlimm war das nicht", "so schlimm ist das nicht", "stellen sie sich mal nicht", "ohne uns finden sie",
			"ohne uns schaffen sie", "unterschreiben sie einfach", "machen sie einfach", "buchen sie jetzt", "sie kommen nicht drumherum",
			"abgehängt", "den anschluss verpassen", "wollen doch nicht zurückbleiben",
			// Brushing off their wish to think it over.
			"nicht überlegen", "nicht lange überlegen", "nicht lange nachdenken", "nicht nachdenken", "hör auf zu überlegen"),
		openline.English: loosePhrases("put me through now", "just put me through", "put me through right now", "get over it", "these things happen",
			"you owe us", "you owe me", "make up your mind", "you need to decide", "decide now", "sign up now", "sign up today", "you'd be mad not to",
			"you'd be crazy not to", "you'd be a fool not to", "left behind", "miss the boat", "don't want to miss out", "eat you alive", "need to hire now", "need to act now", "need to book now", "just sign", "stop wasting",
			"don't think about it", "don't overthink", "stop thinking", "no need to think"),
	}
	// notDemands take a demand back: "Sie müssen sich nicht jetzt
	// entscheiden", "there's no need to decide now".
	notDemands = map[openline.Language][]phrased{
		openline.German:  phrases("nicht jetzt", "jetzt nicht", "müssen nicht", "nicht sofort", "keine eile", "in ruhe", "ohne druck"),
		openline.English: phrases("no need", "don't have to", "do not have to", "don't need to", "no rush", "no pressure", "in your own time", "not now", "not right now"),
	}
	pitchOffers = map[openline.Language][]phrased{
		openline.German: loosePhrases("soll ich ihnen unser", "soll ich ihnen kurz unser", "darf ich ihnen unser", "darf ich ihnen kurz unser",
			"kann ich ihnen unser", "soll ich ihnen mal unser", "möchten sie mehr über unser", "wollen sie mehr über unser",
			"darf ich ihnen kurz erzählen was wir", "darf ich ihnen kurz erklären was wir"),
		openline.English: loosePhrases("would you like to hear about our", "can i tell you about our", "let me tell you about our", "may i tell you about our",
			"shall i tell you about our", "can i walk you through our"),
	}
	conditionalCallbacks = map[openline.Language][]phrased{
		openline.German: loosePhrases("wenn ich sie", "wenn ich mich", "falls ich sie", "falls ich mich"),
		openline.English: loosePhrases("if i call you", "if i rang you", "if i ring you", "if i gave you a call", "if i give you a call",
			"if i called you", "if i got back to you", "if i get back to you", "if i follow up"),
	}
	callbackVerbs = map[openline.Language][]phrased{
		openline.German:  phrases("anrufe", "anrufen", "zurückrufe", "zurückrufen", "melde", "melden", "durchklingle"),
		openline.English: phrases("call", "ring", "call you", "get back", "follow up", "a call"),
	}
)

// Asides are the readings of this file for one turn, read in one pass
// (ReadAsides): each of OffersPitch, OffersCallback and InvitesTo alone.
// A demand is a push: the turn's reading holds it (Result.Push).
type Asides struct {
	PitchOffer, Callback, Invitation bool
}

// ReadAsides reads text once for everything this file reads.
func ReadAsides(lang openline.Language, text string) Asides {
	p := phrase(text)
	loose := p.loose()
	return Asides{
		PitchOffer: loose.any(pitchOffers[lang]) || presentsOwn(lang, loose),
		Callback:   callbackIn(lang, p, loose),
		Invitation: invitationIn(lang, p, text),
	}
}

// OffersPitch reports whether text offers to present the product ("Soll
// ich Ihnen unser neues Paket vorstellen?"): a pitch put as a question.
func OffersPitch(lang openline.Language, text string) bool {
	loose := phrase(text).loose()
	return loose.any(pitchOffers[lang]) || presentsOwn(lang, loose)
}

// offerHeads open an offer by the caller ("Soll ich …", "Shall I …"),
// presenting the verbs that show or tell, and ownWords the caller's own
// side: the three in this order in a sentence offer to present the
// product whatever stands between them ("Soll ich Ihnen bei der
// Gelegenheit unser neues Servicepaket vorstellen?", "Can I quickly show
// you what our new app does?").
var (
	offerHeads = map[openline.Language][]phrased{
		openline.German: phrases("soll ich", "darf ich", "kann ich", "könnte ich", "dürfte ich", "möchten sie", "wollen sie", "würden sie gern",
			"hätten sie interesse", "hätten sie lust", "ich würde ihnen gern", "ich würde ihnen gerne", "ich möchte ihnen"),
		openline.English: phrases("shall i", "should i", "can i", "could i", "may i", "let me", "would you like me to", "do you want me to",
			"would you like to", "would it be ok if i", "i'd love to", "i would love to", "i'd like to"),
	}
	presenting = map[openline.Language]map[string]bool{
		openline.German:  set([]string{"vorstellen", "vorzustellen", "praesentieren", "naeherbringen", "vorfuehren", "zeigen", "erklaeren", "erzaehlen"}),
		openline.English: set([]string{"tell", "show", "walk", "run", "take", "present", "introduce", "demo"}),
	}
	// addressed are the verbs that present only to the listener named
	// with them ("Ihnen … erklären", "show you"): "Soll ich unserem Chef
	// erzählen, dass …" tells someone else.
	toListener = set([]string{"zeigen", "erklaeren", "erzaehlen", "tell", "show", "walk", "run", "take"})
	ownWords   = set([]string{"unser", "unsere", "unseren", "unserem", "unserer", "unseres", "our", "ours"})
)

// presentsOwn reports whether p (a loose phrase) holds an offerHeads
// phrase, then within twelve words an own word and a presenting verb
// (see offerHeads); a verb of toListener needs the listener too: "Ihnen"
// anywhere after the head, "you" right after the verb.
func presentsOwn(lang openline.Language, p phrased) bool {
	verbs := presenting[lang]
	if verbs == nil || !p.any(offerHeads[lang]) {
		return false
	}
	ws := strings.Fields(string(p))
	for _, head := range offerHeads[lang] {
		hw := strings.Fields(string(head))
		for i := 0; i+len(hw) <= len(ws); i++ {
			if !slices.Equal(ws[i:i+len(hw)], hw) {
				continue
			}
			from := i + len(hw)
			own, you, verb := false, false, false
			for j := from; j < len(ws) && j < from+12; j++ {
				w := ws[j]
				own = own || ownWords[w]
				you = you || w == "ihnen"
				verb = verb || verbs[w] && (!toListener[w] || you || j+1 < len(ws) && ws[j+1] == "you")
			}
			if own && verb {
				return true
			}
		}
	}
	return false
}

// OffersCallback reports whether text offers a callback as a condition
// ("Wäre es okay, wenn ich Sie nächste Woche noch mal anrufe?") or as the
// caller's plan with the verb split ("Ich rufe dann morgen früh noch mal
// an", "I'll try again tomorrow").
func OffersCallback(lang openline.Language, text string) bool {
	p := phrase(text)
	return callbackIn(lang, p, p.loose())
}

func callbackIn(lang openline.Language, p, loose phrased) bool {
	if loose.any(conditionalCallbacks[lang]) && p.any(callbackVerbs[lang]) {
		return true
	}
	// A plan that comes back: "Ich rufe dann morgen früh noch mal an",
	// "I'll try again tomorrow".
	return loose.any(callbackPlans[lang]) && p.any(again[lang])
}

// again are the words with which a plan says the caller comes back.
var again = map[openline.Language][]phrased{
	openline.German:  phrases("noch mal", "nochmal", "noch einmal", "wieder", "später", "morgen", "zurück"),
	openline.English: phrases("again", "back", "tomorrow", "later", "next week"),
}

// callbackPlans are a caller's callback plans the plans of proposal.go
// do not name; the first German one opens a split "anrufen".
var callbackPlans = map[openline.Language][]phrased{
	openline.German: loosePhrases("ich rufe", "ich ruf", "rufe ich", "ich versuche es", "ich versuch es", "ich probiere es", "probier ich es"),
	openline.English: loosePhrases("i'll try again", "i will try again", "i'll call back", "i'll ring back", "i'll try tomorrow", "i'll try him",
		"i'll call again", "i'll ring again", "i'll phone again", "i'll phone back"),
}

// invitationHeads end the compounds that name a get-together
// ("Unternehmerfrühstück", "Netzwerkabend"), folded.
var invitationHeads = []string{"fruehstueck", "treffen", "abend", "stammtisch", "runde", "veranstaltung", "event", "empfang",
	"breakfast", "evening", "meetup", "dinner", "lunch"}

// InvitesTo reports whether text invites the listener to a get-together
// named by a compound Proposal's kind words do not see ("Wir haben ein
// Unternehmerfrühstück im März, hätten Sie Lust zu kommen?"): a proposal
// frame and a word ending in a get-together.
func InvitesTo(lang openline.Language, text string) bool {
	return invitationIn(lang, phrase(text), text)
}

func invitationIn(lang openline.Language, p phrased, text string) bool {
	frames, ok := proposalFrames[lang]
	if !ok || !p.any(frames) {
		return false
	}
	for _, t := range tokenize(text) {
		for _, h := range invitationHeads {
			if len(t.s) > len(h) && strings.HasSuffix(t.s, h) {
				return true
			}
		}
	}
	return false
}
