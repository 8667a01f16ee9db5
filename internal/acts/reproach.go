package acts

import "strings"

// This file reads, for the scripted prospect, a reproach said to the
// listener: no insult and no push for a yes, but an opinion of what they
// do or did wrong, which a person answers by disagreeing, not with "what
// do you mean?". Added by the scripted prospect's work on issue 9. A
// sentence reproaches
//   - as a counterfactual laid on the listener: what they should or could
//     have done ("Sie hätten das ja gleich richtig angeben können", "you
//     could have just told us"), or what they would not suffer if they did
//     otherwise ("Wenn Sie besser zahlen würden, hätten Sie das Problem
//     nicht", "If you paid more, you wouldn't have this problem");
//   - as a verdict on them, their doing or anyone doing as they do
//     (verdict): a word of conduct ("careless", "asking for trouble",
//     "nobody's touched it") said of anyone but the speaker ("Not having
//     a pension scheme these days is careless", not "Our old system was
//     neglected"), a word of state ("zu einfach", "veraltet", "behind the
//     times") said of the listener, their own or "anyone still" (not
//     "The old boiler was outdated"), being too late said of the listener
//     (not "after Friday it's too late");
//   - as a dismissal of what they did, can do or complain of ("I don't
//     think you read it properly", "You'll never manage it on your own",
//     "a wrong date isn't the end of the world");
//   - or as impatience with them ("ich hab nicht den ganzen Tag Zeit").
// A question reproaches nothing here: its reading is the question's.

// Reproaches reports whether a sentence of text that asks nothing lays a
// reproach on the listener (see above).
func Reproaches(text string) bool {
	for _, sp := range splitSentences(text) {
		if sp.question {
			continue
		}
		p := phrase(text[sp.start:sp.end]).loose()
		if p.any(impatience) || counterfactual(p) || verdict(p) || p.any(dismissals) {
			return true
		}
	}
	return false
}

// Impatient reports whether text shows impatience with the listener ("ich
// hab nicht den ganzen Tag Zeit", "I haven't got all day"): the reproach
// a prospect meets as being pushed.
func Impatient(text string) bool { return phrase(text).loose().any(impatience) }

// counterfactual reports whether p lays what should or could have been
// on the listener, or what they would not suffer if they did otherwise.
func counterfactual(p phrased) bool {
	if p.any(shouldHave) {
		return true
	}
	s := string(p)
	if i := strings.Index(s, " sie haetten "); i >= 0 && containsAny(s[i:], []string{" koennen ", " sollen ", " muessen "}) {
		return true // "Sie hätten das gleich richtig angeben können"
	}
	if i := strings.Index(s, " wenn sie "); i >= 0 {
		rest := s[i+len(" wenn sie "):]
		return containsAny(rest, []string{" wuerden ", " haetten ", " waeren "}) && containsAny(rest, []string{" haetten sie ", " waeren sie ", " muessten sie "})
	}
	return false
}

// verdict reports whether p judges the listener, their own or their
// conduct: a word of conduct ("careless", "fahrlässig", "asking for
// trouble", "nobody's touched it") unless it is the speaker's own; a word
// of state ("outdated", "zu einfach", "behind the times") only of the
// listener's or "anyone still"'s ("The old boiler was outdated" tells how
// a thing was); being late only of the listener ("you've left it too
// late", not the deadline's "after that it's too late").
func verdict(p phrased) bool {
	switch {
	case p.any(conductJudgements) || neglected(p):
		return !p.any(speakerWords)
	case p.any(stateJudgements):
		return p.any(listenerWords) || p.any(anyoneStill)
	case p.any(lateJudgements):
		return p.any(lateSubjects) && !p.any(forListener)
	}
	return false
}

// neglected reports a judgement that nobody has looked after something:
// nobody (or "hasn't been", "seit Jahren nicht") with a verb of upkeep
// ("Your careers page looks like nobody's touched it since launch",
// "Da hat sich seit Jahren keiner drum gekümmert").
func neglected(p phrased) bool {
	if !p.any(neglectAgents) {
		return false
	}
	for _, w := range p.words() {
		for _, v := range upkeepVerbs {
			if strings.HasPrefix(w, v) {
				return true
			}
		}
	}
	return false
}

// Words of the reproach, folded as phrase folds them.
var (
	shouldHave = loosePhrases("you should have just", "you could have just", "you should've just", "you could've just", "you ought to have",
		"you wouldn't have this problem", "you wouldn't have that problem", "you wouldn't have the problem", "you wouldn't be in this",
		"you would not have this problem", "haetten sie das problem nicht", "haetten sie das problem gar nicht", "haetten sie das problem ja nicht")
	// conductJudgements judge a way of acting, whoever it is said of.
	conductJudgements = loosePhrases("verschlafen", "blauaeugig", "kurzsichtig", "fahrlaessig", "leichtsinnig", "naiv", "verantwortungslos",
		"naive", "short-sighted", "shortsighted", "careless", "reckless", "irresponsible", "asking to lose", "asking to fail", "asking for trouble",
		"asking for problems", "asking for it")
	// stateJudgements judge how something is: a reproach only when it is
	// the listener's.
	stateJudgements = loosePhrases("zu einfach", "zu leicht", "zu bequem", "zu langsam", "veraltet", "altmodisch", "von gestern", "steinzeit",
		"too easy", "too lightly", "too slow", "outdated", "out of date", "old-fashioned", "old fashioned", "behind the times", "stone age", "dinosaur")
	lateJudgements = loosePhrases("zu spaet", "too late")
	lateSubjects   = loosePhrases("sie", "you", "you're", "you've", "you'd")
	forListener    = loosePhrases("fuer sie", "for you")
	neglectAgents  = loosePhrases("nobody", "nobody's", "no one", "no one's", "noone", "hasn't been", "haven't been", "has not been", "niemand", "keiner",
		"seit jahren nicht", "seit ewigkeiten nicht", "nie mehr")
	upkeepVerbs = []string{"touch", "updat", "maintain", "look", "chang", "gekuemmert", "kuemmert", "angefasst", "gepflegt",
		"aktualisiert", "geaendert", "angeschaut", "angesehen"}
	listenerWords = loosePhrases("sie", "ihnen", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres", "you", "you're", "your", "yours", "yourself")
	// speakerWords make a judgement the speaker's own ("Our old system
	// was outdated"); a judgement naming nobody is laid on the listener's
	// way ("Not having a pension scheme these days is careless").
	speakerWords = loosePhrases("i", "i'm", "i've", "we", "we're", "our", "my", "ich", "wir", "unser", "unsere", "unseren", "unserem", "unserer", "mein", "meine", "meinen", "meinem")
	anyoneStill  = loosePhrases("anyone still", "anybody still", "whoever still", "wer heute noch", "wer noch immer", "wer immer noch")
	impatience   = loosePhrases("nicht den ganzen tag zeit", "nicht ewig zeit", "haven't got all day", "don't have all day", "have not got all day",
		"i haven't all day", "wichtigeres zu tun", "besseres zu tun", "better things to do", "more important things to do")
	// dismissals wave aside what the listener did, can do or complains
	// of: doubting their doing ("I don't think you read it properly"),
	// their prospects ("You'll never hire six engineers on your own"), or
	// making light of their trouble ("isn't the end of the world").
	dismissals = loosePhrases("i don't think you", "i do not think you", "ich glaube nicht dass sie", "ich glaube kaum dass sie",
		"you'll never", "you will never", "you won't ever", "sie werden nie", "sie werden niemals", "das schaffen sie nie", "schaffen sie nie",
		"be realistic", "get real", "seien sie realistisch", "seien sie mal realistisch",
		"not the end of the world", "isn't the end of the world", "no big deal", "not a big deal", "not such a big deal", "hardly a disaster",
		"kein weltuntergang", "kein beinbruch", "halb so wild", "nicht so schlimm", "nicht so tragisch", "doch nicht so schlimm")
)
