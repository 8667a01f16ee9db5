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
//   - as impatience with them ("ich hab nicht den ganzen Tag Zeit");
//   - or as a put-down (putDown): a trait judged in them ("That's a bit
//     selfish", "Das ist ziemlich arrogant von Ihnen"), their trouble laid
//     at their door ("With that attitude it's no wonder …", "Kein Wunder,
//     dass Ihnen die Leute weglaufen"), a moral jab ("Any decent employer
//     would have …", "Als Chef sollte man …"), sarcasm ("Sure, because
//     that's worked out so well for you"), condescension ("Calm down, it's
//     only a boiler", "Sie sind doch nur die Sekretärin") or a sneer at
//     their choice ("if you want to stay small forever, that's your choice").
// A question reproaches nothing here, its reading is the question's, but
// for a put-down closed by a tag ("That's not very smart, is it?",
// "…, oder?"): the question is rhetorical.

// Reproaches reports whether a sentence of text that asks nothing lays a
// reproach on the listener (see above).
func Reproaches(text string) bool {
	for _, sp := range splitSentences(text) {
		p := phrase(text[sp.start:sp.end]).loose()
		if sp.question {
			if tagged(p) && putDown(p) {
				return true
			}
			continue
		}
		if p.any(impatience) || counterfactual(p) || verdict(p) || p.any(dismissals) || putDown(p) {
			return true
		}
	}
	return false
}

// tagged reports whether a question p is a statement closed by a tag
// ("…, isn't it?", "…, oder?", "…, finden Sie nicht?").
func tagged(p phrased) bool {
	s := string(p)
	for _, tag := range questionTags {
		if strings.HasSuffix(s, string(tag)) {
			return true
		}
	}
	return false
}

// putDown reports whether p puts the listener down (see above): a trait
// word said of them or of what they just said, or a phrase of blame,
// moral jab, sarcasm, condescension or sneer.
func putDown(p phrased) bool {
	if p.any(putDowns) || easyOnThemselves(p) {
		return true
	}
	if !hasTrait(p) {
		return false
	}
	return p.any(listenerWords) || !p.any(speakerWords) && !p.any(speakerObjects)
}

// easyOnThemselves reports "Sie machen es sich (da ein bisschen) einfach":
// taking it too easily, said of the listener.
func easyOnThemselves(p phrased) bool {
	s := string(p)
	i := strings.Index(s, " machen es sich ")
	if i < 0 {
		i = strings.Index(s, " macht es sich ")
	}
	return i >= 0 && containsAny(s[i:], []string{" einfach ", " leicht ", " bequem "})
}

// hasTrait reports whether a word of p judges a person's character or
// sense (traitWords, or a German one inflected: "arroganter", "sturen").
func hasTrait(p phrased) bool {
	if p.any(traitPhrases) {
		return true
	}
	for _, w := range p.words() {
		if traitWords[w] {
			return true
		}
		for _, suf := range []string{"e", "er", "en", "es", "em"} {
			if base, ok := strings.CutSuffix(w, suf); ok && len(base) >= 4 && traitWords[base] {
				return true
			}
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

// Words of the put-down, folded as phrase folds them.
var (
	questionTags = loosePhrases("isn't it", "is it", "aren't you", "are you", "don't you think", "wouldn't you say", "right", "eh",
		"oder", "oder nicht", "nicht wahr", "finden sie nicht", "meinen sie nicht", "gell", "ne", "nicht")
	// traitWords judge a person's character or sense; German ones are
	// also heard inflected.
	traitWords = set([]string{
		"arrogant", "ueberheblich", "herablassend", "selbstgerecht", "egoistisch", "selbstsuechtig", "geizig", "knauserig", "gierig",
		"stur", "engstirnig", "kleinkariert", "borniert", "rueckstaendig", "ignorant", "unprofessionell", "faul", "traege",
		"feige", "kleinlich", "unverschaemt", "unhoeflich", "uneinsichtig", "beratungsresistent", "weltfremd", "unbelehrbar",
		"armselig", "erbaermlich", "unsozial", "hartherzig", "herzlos",
		"gleichgueltig", "unverantwortlich", "unvernuenftig", "unklug", "undankbar", "hysterisch",
		"arrogance", "selfish", "stingy", "greedy", "stubborn",
		"backward", "ignorant", "clueless", "unprofessional", "lazy", "complacent", "cowardly",
		"petty", "rude", "ungrateful", "heartless", "uncaring", "unreasonable", "unwise", "foolish",
		"embarrassing", "pathetic", "hysterical", "touchy", "oversensitive", "condescending",
		"patronising", "patronizing", "entitled", "hypocritical", "scheinheilig", "stupid", "dumb", "daft", "smug",
		"miserly", "lame", "amateurish", "amateurhaft", "dilettantisch", "sloppy", "schlampig", "snobby", "snobbish"})
	// speakerObjects make a trait the speaker's own too ("That's
	// embarrassing for us", "Das ist mir peinlich").
	speakerObjects = loosePhrases("me", "us", "mir", "mich", "uns")
	// traitPhrases judge a person's sense in more than one word.
	traitPhrases = loosePhrases("not very smart", "not very clever", "not very wise", "not smart", "not clever", "not wise", "not very bright",
		"not the brightest", "tight-fisted", "pig-headed", "narrow-minded", "small-minded", "closed-minded", "short-termist",
		"stuck-up", "not very professional", "not very nice", "nicht sehr klug", "nicht sehr schlau", "nicht besonders klug",
		"nicht besonders schlau", "nicht klug", "nicht schlau", "nicht gerade klug", "nicht gerade schlau", "nicht sehr professionell",
		"nicht gerade professionell", "nicht sehr nett",
		// advice put as what would do them no harm: "… würde Ihnen als
		// Bäckerei ja auch nicht schaden, oder?"
		"nicht schaden", "wouldn't hurt", "would not hurt", "wouldn't do any harm", "couldn't hurt",
		// an opportunity they throw away: "Sie verschenken da eine Chance"
		"verschenken", "verschenkt", "missing a trick", "leaving money on the table", "geld liegen lassen", "lassen geld liegen",
		"throwing away", "throwing it away", "wegwerfen", "nicht die hellste", "nicht der hellste", "ganz schlauer", "ganz schlaue",
		"ganz schlaues")
	// putDowns are the phrases of blame, moral jab, sarcasm,
	// condescension and sneer.
	putDowns = loosePhrases(
		// their trouble laid at their door
		"no wonder", "small wonder", "it's no surprise", "little wonder", "kein wunder", "wundert mich nicht", "wundert es mich nicht",
		"wundert einen nicht", "nicht zu wundern", "nicht wundern", "brauchen sich nicht", "braucht sich nicht", "selbst schuld",
		"your own fault", "only yourself to blame", "you've only got yourself", "no one to blame but", "sind sie selbst schuld",
		"with that attitude", "with an attitude like", "that attitude", "mit so einer einstellung", "mit der einstellung",
		"mit dieser einstellung", "mit so einer haltung", "wer so denkt", "wer so redet", "wer so arbeitet", "wenn sie so denken",
		"if that's your attitude", "if you think like that",
		// a moral jab
		"sollte man meinen", "als chef sollte", "als inhaber sollte", "als arbeitgeber sollte", "als unternehmer sollte", "als unternehmerin sollte", "als chefin sollte", "in ihrer position", "in your position",
		"any decent", "any responsible", "any sensible", "any good employer", "any good boss", "any serious", "no decent", "no responsible",
		"no serious", "nobody serious", "no one serious", "jeder vernuenftige", "jeder anstaendige", "jeder ordentliche", "jede vernuenftige",
		"kein vernuenftiger", "kein anstaendiger", "kein ernsthafter", "responsible employers", "responsible employer", "a good employer",
		"a good boss", "a good manager", "ein guter chef", "eine gute chefin", "ein guter arbeitgeber", "ein verantwortungsvoller",
		"be ashamed", "should be ashamed", "ought to be ashamed", "would be ashamed", "schaemen sie sich", "sollten sich schaemen",
		"muessten sich schaemen", "wuerde mich schaemen", "i'd be ashamed", "i would be ashamed", "shame on you",
		"would do you good", "would do you no harm", "wouldn't hurt you", "wouldn't do you any harm", "würde ihnen gut tun",
		"wuerde ihnen guttun", "wuerde ihnen gut tun", "wuerde ihnen gut stehen", "wuerde ihnen nicht schaden", "wuerde ihnen auch nicht schaden",
		"wuerde ihnen ja nicht schaden", "wuerde ihnen ja auch nicht schaden", "schadet ihnen nicht", "i'd have thought", "i would have thought",
		"i'd have expected", "i would have expected", "ich haette gedacht", "ich haette erwartet", "ich dachte eigentlich", "you'd think",
		"you would think", "man sollte meinen", "das gehoert sich nicht", "that's not how you treat", "so behandelt man",
		// sarcasm
		"worked out so well", "very cutting edge", "how cutting edge", "how typical", "so typical", "typical of you", "worked so well", "so well for you", "how's that working out", "how is that working out",
		"how original", "how very", "good luck with that",
		"best of luck with that", "sure because", "yeah right", "well done you", "na toll", "na super", "na prima",
		"ganz toll", "wie originell", "sehr originell", "viel glueck damit", "viel spass damit", "klar weil", "na klar doch",

		// condescension and making light of their feelings
		"calm down", "settle down", "beruhigen sie sich", "regen sie sich", "reg dich", "nicht so aufregen", "übertreiben sie",
		"uebertreiben sie", "sie uebertreiben", "uebertrieben", "you're overreacting", "overreacting", "overreact", "over-reacting",
		"making a fuss", "make a fuss", "such a fuss", "so ein theater", "so ein drama", "so einen aufstand", "so ein aufstand",
		"mountain out of a molehill", "aus einer muecke", "drama queen",
		"ist doch nur", "war doch nur", "sind doch nur", "nur die sekretaerin", "nur die assistentin", "nur das vorzimmer",
		"just the secretary", "just a secretary", "just the receptionist", "just a receptionist", "only the receptionist",
		"only a receptionist", "let me explain it simply", "let me spell it out", "to put it simply for you",
		"zum mitschreiben", "you clearly don't", "you obviously don't", "you don't understand how", "you don't get it",
		"you just don't get", "sie verstehen das nicht", "sie haben das nicht verstanden", "sie haben offenbar keine",
		"sie haben offensichtlich keine", "offensichtlich nicht verstanden", "haben sie ueberhaupt eine ahnung", "keine ahnung haben",
		"with respect", "with all due respect", "no offence but", "no offense but", "mit verlaub", "bei allem respekt", "nichts fuer ungut aber",
		"don't take this the wrong way", "nehmen sie es mir nicht uebel aber", "sweetheart", "young lady", "junge frau", "schaetzchen",
		"typisch", "people like you", "leute wie sie", "you people", "ihr leute", "ihresgleichen",
		// a sneer at their choice
		"your loss", "your funeral", "ihr pech", "ihr verlust",
		"stay small", "kommt man nicht weit", "nicht weit kommen", "im leben nicht weit", "aber nicht weit", "kommen sie nicht weit", "won't get you far", "won't get far", "machen es sich einfach", "machen es sich leicht", "machen es sich zu einfach", "making it easy for yourself", "easy way out", "klein bleiben", "dinosaurier", "dinosaur", "wachen sie auf", "get with the times",
		"gehen sie mit der zeit", "move with the times", "join the 21st century", "im 21 jahrhundert", "in the 21st century",
		"these days is just", "heutzutage einfach")
)
