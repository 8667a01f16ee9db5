package acts

import (
	"slices"
	"strings"
)

// This file reads words that only look like pressure: a word of advice,
// urgency or a last chance whose force is turned away from the listener.
// What pressure is lies in where the words point (the caller's goal
// pursued against the listener's will), not in the words: "Sie müssen
// gar nichts", "this isn't your last chance at anything", "if it's a bad
// time you should just say so and I'll go" take pressure off, and a
// trainer counts them as room given (docs/scoring.md, "What only looks
// like pressure").

// negators are the words that turn a clause's pressure word around.
var negators = map[string]bool{
	"nicht": true, "kein": true, "keine": true, "keinen": true, "keinem": true, "keiner": true, "nie": true, "niemals": true, "nichts": true,
	"not": true, "no": true, "never": true, "nothing": true, "isn't": true, "aren't": true, "wasn't": true, "won't": true, "don't": true,
	"doesn't": true, "shouldn't": true, "mustn't": true, "needn't": true, "wouldn't": true, "hasn't": true, "haven't": true, "ain't": true,
	"isnt": true, "dont": true, "wont": true, "shouldnt": true,
}

// negatedWithin is the furthest a negation may stand before the word it
// turns around, in words of the same clause ("this isn't your last
// chance": two).
const negatedWithin = 4

// negatedAt reports whether toks[i] is turned around by a negation before
// it in its clause, at most negatedWithin words away. A negation in a
// condition or a relative clause threatens rather than relieves ("if you
// don't act now", "Anyone who doesn't jump on this now will be sorry").
func negatedAt(toks []token, i int) bool {
	from, _ := clauseOf(toks, i)
	for k := i - 1; k >= from && k >= i-negatedWithin; k-- {
		if negators[toks[k].s] {
			return !slices.ContainsFunc(toks[from:k], func(t token) bool { return conditionWords[t.s] || threatOpeners[t.s] })
		}
	}
	return false
}

// threatOpeners open a clause whose negation sets a condition: "anyone
// who doesn't …", "wer jetzt nicht …", "unless", "sonst".
var threatOpeners = map[string]bool{"who": true, "whoever": true, "anyone": true, "unless": true, "otherwise": true, "wer": true, "sonst": true, "ansonsten": true}

// allNegated reports whether every place in toks where one of list (words
// as phrases gives them) starts is negated (negatedAt), and there is such a
// place: "Das ist nicht Ihre letzte Chance", not "Das ist Ihre letzte
// Chance, nicht meine".
func allNegated(toks []token, list []phrased) bool {
	p := phraseOf(toks)
	at, found := 1, false
	for i, t := range toks {
		for _, ph := range list {
			if p.hasAt(at-1, ph) {
				if !negatedAt(toks, i) {
					return false
				}
				found = true
				break
			}
		}
		at += len(t.s) + 1
	}
	return found
}

// modalAdvice are the modal verbs that make a sentence advice to the
// listener ("Sie sollten", "you should").
var modalAdvice = map[string]bool{
	"sollten": true, "sollte": true, "solltest": true, "muessen": true, "muesst": true, "musst": true, "muessten": true,
	"should": true, "must": true, "ought": true, "need": true, "have": true, "shouldn't": true, "mustn't": true, "needn't": true,
}

// sayVerbs are verbs of speaking up: advice to say so hands the word to
// the listener ("you should just say so", "sagen Sie es ruhig").
var sayVerbs = map[string]bool{
	"say": true, "tell": true, "let": true, "shout": true, "sagen": true, "sag": true, "bescheid": true, "melden": true, "auflegen": true,
	"hang": true, "stop": true, "abbrechen": true,
}

// conditionWords open a condition.
var conditionWords = map[string]bool{"if": true, "wenn": true, "falls": true, "sobald": true, "whenever": true}

// burdens are what a negated piece of advice takes off the listener:
// being alone with it, having to, worrying, apologising ("Sie sollten
// damit nicht allein dastehen", "you shouldn't have to carry that",
// "you mustn't worry about it").
var burdens = map[string]bool{
	"allein": true, "alleine": true, "alone": true, "muessen": true, "sorgen": true, "worry": true, "entschuldigen": true,
	"apologise": true, "apologize": true, "sorry": true, "vorwuerfe": true, "blame": true, "schaemen": true, "ashamed": true, "bad": true,
	"schlecht": true, "druck": true, "pressure": true, "rush": true, "hurry": true, "eilig": true,
}

// relievesAdvice reports advice to the listener that takes pressure off
// rather than putting it on: the advice is to say no or stop, under a
// condition of their own ("if it's a bad time you should just say so and
// I'll go", "Wenn es nicht passt, sollten Sie einfach Bescheid sagen"), or
// it is negated and what it negates is a burden on them ("Sie sollten
// damit nicht allein dastehen", "you shouldn't have to carry that alone").
// Advice not to wait or hesitate is no relief ("Sie sollten nicht zu
// lange warten"): what it negates is their holding back.
func relievesAdvice(toks []token) bool {
	cond := slices.ContainsFunc(toks, func(t token) bool { return conditionWords[t.s] })
	for i, t := range toks {
		if !modalAdvice[t.s] {
			continue
		}
		_, to := clauseOf(toks, i)
		rest := toks[i+1 : to]
		if cond && slices.ContainsFunc(rest[:min(len(rest), 3)], func(t token) bool { return sayVerbs[t.s] }) {
			return true
		}
		if obligation[t.s] && (i > 0 && negators[toks[i-1].s] || slices.ContainsFunc(rest, func(t token) bool { return negators[t.s] })) {
			return true // "Sie müssen mit mir gar nichts entscheiden", "you don't have to decide anything"
		}
		neg := negators[t.s] || i > 0 && negators[toks[i-1].s] || slices.ContainsFunc(rest[:min(len(rest), 3)], func(t token) bool { return negators[t.s] })
		burden := slices.ContainsFunc(rest, func(t token) bool { return burdens[t.s] }) || hasPair(rest, "have", "to")
		if neg && burden && !slices.ContainsFunc(rest, func(t token) bool { return holdingBack[t.s] }) {
			return true
		}
	}
	return false
}

// obligation are the modals of having to: negated, they free the
// listener of it whatever it is ("Sie müssen gar nichts", "you don't have
// to", "you needn't"), unlike "should not", which can still advise.
var obligation = map[string]bool{"muessen": true, "musst": true, "muesst": true, "have": true, "need": true, "needn't": true}

// hasPair reports whether a then b stand next to each other in toks.
func hasPair(toks []token, a, b string) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].s == a && toks[i+1].s == b {
			return true
		}
	}
	return false
}

// holdingBack are the words of waiting, hesitating and missing out: advice
// not to do them pushes ("Sie sollten nicht zu lange warten", "you
// shouldn't miss this").
var holdingBack = map[string]bool{
	"warten": true, "zoegern": true, "verpassen": true, "ueberlegen": true, "aufschieben": true, "lange": true,
	"wait": true, "hesitate": true, "miss": true, "delay": true, "long": true, "think": true, "pass": true,
}

// negatedCue reports whether the cue matched at byte offset at of the
// sentence (the first word of its words) is turned around by a negation
// before it (negatedAt): "this isn't your last chance", "kein Zeitdruck".
func negatedCue(toks []token, at int) bool {
	i := slices.IndexFunc(toks, func(t token) bool { return t.at == at })
	return i >= 0 && negatedAt(toks, i)
}

// putsInMouth reports a statement that puts the listener's agreement in
// their mouth, or their people's: a word of certainty before what they
// will want, see, agree to or understand ("I'm sure you'll want to return
// the favour", "I'm sure she'll see it's only fair", "Sie werden sicher
// verstehen, dass …", "Ich bin sicher, Sie wollen das auch"). Their
// position is decided for them.
func putsInMouth(toks []token) bool {
	sure := -1
	for i, t := range toks {
		switch t.s {
		case "sure", "certain", "surely", "sicher", "bestimmt", "sicherlich", "zweifellos", "gewiss":
			if sure < 0 {
				sure = i
			}
		}
	}
	if sure < 0 {
		return false
	}
	listener := false
	for _, t := range toks {
		switch t.s {
		case "you'll", "you", "she'll", "he'll", "they'll", "sie", "er", "ihr", "du":
			listener = true
		}
	}
	if !listener {
		return false
	}
	for _, t := range toks {
		for _, v := range presumedVerbs {
			if strings.HasPrefix(t.s, v) {
				return true
			}
		}
	}
	return false
}

// presumedVerbs are the verbs of the position put in their mouth.
var presumedVerbs = []string{"want", "agree", "see", "understand", "appreciat", "wollen", "möchten", "moechten", "zustimm", "stimmen", "stimmst", "einseh", "versteh", "verstanden", "einverstanden", "return"}

// pursues reports a sentence that works toward the caller's own step: it
// proposes a meeting or asks for names (proposal, the tagger's reading, of
// step kind; a step of no named kind counts as the caller's), books it or
// offers two dates for it (d), unless it leaves them free ("no
// obligation", "in your own time") or the prospect chose the step
// themselves (a day, a yes: chose). Sending what they asked for, calling
// back when it suits them and an invitation are theirs to take.
func pursues(proposal bool, d Disguise, toks []token, prospect, kind string) bool {
	caller := kind == "" || kind == StepMeeting || kind == StepReferral
	return (proposal && caller || d.Booking || d.AlternativeClose) && !leavesFree(toks) && !chose(prospect)
}

// tellsWhoTheyAre reports a statement that tells the listener who they are: the
// listener as subject of "to be" with a kind of person after it ("Sie
// sind ein Macher", "you're a decider", "you're someone who …", "Leute
// wie Sie probieren Dinge aus"). After they pushed back, it decides their
// position for them by their identity: pressure (see pursues).
func tellsWhoTheyAre(toks []token) bool {
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i].s, toks[i+1].s
		if (a == "leute" || a == "menschen" || a == "people" || a == "someone" || a == "jemand") && (b == "wie" || b == "like") && i+2 < len(toks) &&
			(toks[i+2].s == "sie" || toks[i+2].s == "du" || toks[i+2].s == "you") {
			return true
		}
		var rest []token
		switch {
		case (a == "sie" || a == "du") && (b == "sind" || b == "bist") && i+2 < len(toks):
			rest = toks[i+2:]
		case a == "you're" || a == "youre":
			rest = toks[i+1:]
		case a == "you" && b == "are" && i+2 < len(toks):
			rest = toks[i+2:]
		default:
			continue
		}
		for len(rest) > 0 && (rest[0].s == "ja" || rest[0].s == "doch" || rest[0].s == "eben" || rest[0].s == "clearly" || rest[0].s == "obviously" || rest[0].s == "just" || rest[0].s == "offensichtlich" || rest[0].s == "wirklich" || rest[0].s == "really") {
			rest = rest[1:]
		}
		if len(rest) >= 2 {
			switch rest[0].s {
			case "ein", "eine", "einer", "a", "an", "the", "someone", "somebody", "jemand", "der", "die", "the kind", "kind":
				return true
			}
		}
		if len(rest) >= 1 && (rest[0].s == "someone" || rest[0].s == "jemand") {
			return true
		}
	}
	return false
}

// heldToOwnWords are the ways of holding the listener to what they said
// themselves: "Sie haben ja selbst gesagt", "you said yourself", "your own
// words".
var heldToOwnWords = loosePhrases("sie haben ja selbst gesagt", "sie haben doch selbst gesagt", "sie haben selbst gesagt", "wie sie selbst sagten", "wie sie selbst gesagt haben",
	"ihre eigenen worte", "du hast ja selbst gesagt", "du hast doch selbst gesagt", "you said yourself", "you said it yourself", "you told me yourself",
	"your own words", "as you said yourself", "by your own admission")

// agreesForThem reports a sentence that says the listener agrees, with a
// word of certainty, before they said so: "dann stimmen Sie mir sicher
// zu, dass sich etwas ändern muss", "I'm sure you'd agree that …". A
// yes put in their mouth, in a statement as in a question.
func agreesForThem(toks []token) bool {
	return putsInMouth(toks) && hasPrefix(toks, "zustimm", "stimmen", "stimmst", "agree")
}
