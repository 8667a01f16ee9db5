package acts

import "slices"

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
		neg := negators[t.s] || i > 0 && negators[toks[i-1].s] || slices.ContainsFunc(rest[:min(len(rest), 3)], func(t token) bool { return negators[t.s] })
		burden := slices.ContainsFunc(rest, func(t token) bool { return burdens[t.s] }) || hasPair(rest, "have", "to")
		if neg && burden && !slices.ContainsFunc(rest, func(t token) bool { return holdingBack[t.s] }) {
			return true
		}
	}
	return false
}

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
