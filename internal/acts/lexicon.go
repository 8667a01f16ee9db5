package acts

import (
	"fmt"
	"strings"
)

// cue is a kind of evidence a phrase gives; the tagger combines cues with
// the sentence's shape into acts.
type cue uint8

const (
	cueGreeting       cue = iota
	cueIntro              // own name or company
	cuePermission         // asks whether it is a good moment
	cueInvite             // invitation to tell: an open question without a question mark
	cueInviteQ            // invitation to tell inside a question ("Können Sie mir mehr erzählen?"): open
	cueElaborate          // yes/no-shaped question that invites elaboration: open
	cueClosedShape        // wh-shaped suggestion that is answered yes or no ("how about ...")
	cueQuantity           // wh-question that is closed: a number, a point on a scale, or only whether one knows
	cueAskLead            // indirect question ("ich wollte fragen", "I was wondering")
	cueAnaphora           // picks up what was just said ("what do you mean by that?")
	cueAck                // acknowledgement anywhere in a sentence
	cueAckOnly            // acknowledgement only when it is the whole sentence ("Okay.")
	cueReflect            // reflection lead ("Sie meinen also", "it sounds like")
	cueReflectWeak        // reflection only when it picks up the prospect's words ("So you ...")
	cueAccept             // accepts a no ("aber das respektiere ich"): a "but" before it is no argument
	cueThanksFeedback     // thanks for feedback given: no request
	cueFeedback           // asks why it is a no, asks for honest feedback
	cuePersonal           // interest in the person or their business
	cuePersonalTopic      // their business or day, personal interest inside an open question
	cuePitch              // own product or offer
	cuePressure           // urgency, insistence, guilt
	cueArgue              // arguing: pressure only after a rejection
	cueOfferHelp          // referral, contact, invitation, help beyond the product
	cueProposal           // a concrete next step
	cueFarewell
	cueRejection
	cueObjection
	cueReveal
	cueInterest
	cueHangup
	cueDirective    // advice to the listener ("Sie sollten", "you should"): pressure in a statement
	cueHaveFor      // "we have ... for you": a pitch unless it is a question for them
	cueRevealMarker // a candour marker ("ehrlich gesagt", "honestly"): a reveal unless the sentence declines
	cueNoAck        // "ich verstehe nicht", "I don't understand": no acknowledgement
	cueReported     // reported speech ("they told you that you have to"): a directive in it is not the speaker's
	cueMisfit       // what did not fit, bothered or put off ("nicht passt", "gestört", "concern"): feedback in a question after a no
	cueTrial        // "just try it" ("es mal zu testen", "give it a try"): after a no, a re-pitch even inside a question
	cueTherefore    // an acknowledgement made the reason for one's own case ("genau deshalb", "that's exactly why"): argues, also after an objection
	cueWhyNot       // a word of the reason for a no ("warum", "Grund", "ehrlich", "reason"): with cueFeedback and cueMisfit, a question about the no (aboutNo)
	numCues
)

// cueSet is a set of cues.
type cueSet uint64

func (s cueSet) has(c cue) bool { return s&(1<<c) != 0 }

func (s *cueSet) add(c cue) { *s |= 1 << c }

// aboutNo reports whether the cues ask about a no: why it is one, what did
// not fit or put them off, for honest feedback. It is the one decision
// behind AsksWhyNot and what Earns counts as a feedback request about the
// no: the tagger reads most open questions after a no as feedback
// requests, and this tells those about the no from a question about
// something else ("Was kostet die Mitgliedschaft?").
func (s cueSet) aboutNo() bool { return s.has(cueFeedback) || s.has(cueMisfit) || s.has(cueWhyNot) }

// ptok is one token of a pattern.
type ptok struct {
	s      string
	prefix bool // "foo*": any word starting with foo
	any    bool // "_": any one word; "@": any one capitalised word (a name)
	upper  bool // with any: the word must be capitalised
	gap    bool // "~": zero to maxGap words
	// inClause keeps a gap inside its clause (patterns of the cues in
	// clauseBound).
	inClause bool
}

// clauseBound are the cues whose gaps do not cross a clause boundary: "we
// have … for you" is one clause, so "ich habe Ihre Antwort gelesen, dass
// das nichts für Sie ist" is no pitch. Other cues keep crossing commas,
// which spoken transcripts scatter ("It sounds, uh, like ...").
var clauseBound = map[cue]bool{cueHaveFor: true, cuePitch: true}

// maxGap is how many words a "~" in a pattern may skip.
const maxGap = 3

// pattern is a phrase that signals a cue. Syntax, words separated by
// spaces: "foo*" matches words starting with foo, "_" any one word, "@"
// any one capitalised word, "~"
// zero to maxGap words (of the same clause in the patterns of the cues in
// clauseBound). A leading "^" anchors the phrase at the start of a
// clause, a leading "!" forbids that; a leading "-" rejects the match when a negation is near it
// (negBefore words before, negWindow after: "Sie müssen nicht ...", "nicht
// interessant").
type pattern struct {
	toks   []ptok
	c      cue
	anchor bool
	inner  bool // "!": the match must not start its clause ("Da sollten Sie", not "Sollten Sie Fragen haben")
	negate bool
}

// negWindow and negBefore are how many words after and before a "-"
// pattern's match are searched for a negation.
const (
	negWindow = 3
	negBefore = 2
)

// words are the word lists of one language.
type words struct {
	wh          []string // question words that open an open question
	aux         []string // finite verbs that front a yes/no question
	subj        []string // subjects that follow a fronted verb
	lead        []string // discourse markers skipped at the start of a sentence
	embed       []string // verbs of saying and knowing that take an embedded wh-clause
	stop        []string // stop words, not content for follow-ups and reflections
	pronouns    []string // personal pronouns: a question word right before one opens a subordinate clause ("when you ...")
	proForms    []string // words that point back at what was said ("das", "it"), in a short question
	proAdverbs  []string // pro-forms that point back even in a longer question ("damit", "that")
	reflectMark []string // "so", "also": a statement with one marks it as giving words back
	preps       []string // prepositions that may precede a question word ("seit wann", "in what way")
	ackWords    []string // words that may follow an opening acknowledgement marker ("alles klar", "all right")
	relative    []string // question words that, after a comma mid-sentence, start a relative clause
	second      []string // addressing the listener (Sie, Ihnen, you, your)
	possessive  []string // the listener's possessives (Ihr, your): a sentence opening with one has another subject
	negations   []string
	// nounCase is true for a language that capitalises its nouns
	// (German): a pro-form before a lower-case word stands alone ("wie
	// wirkt sich das auf ..."), not as an article ("das Angebot").
	nounCase bool
	cues     map[cue][]string
	// aliases are informal spellings and forms of address read as the
	// words the patterns use ("passts" as "passt es", "du" as "sie"),
	// folded; a value of several words expands into several tokens.
	aliases map[string]string
	// enclitic is true for a language that clips "es" onto the word
	// before it ("passt's", "geht's", "worum's"): after a verb (aux) or a
	// question word (wh) such a word is read as the two ("passt es"), as
	// its patterns are written.
	enclitic bool
}

// lexicon is a compiled word list of one language.
type lexicon struct {
	lang        string
	wh          map[string]bool
	aux         map[string]bool
	subj        map[string]bool
	lead        map[string]bool
	embed       map[string]bool
	stop        map[string]bool
	relative    map[string]bool
	pronouns    map[string]bool
	preps       map[string]bool
	reflectMark map[string]bool
	proForms    map[string]bool
	proAdverbs  map[string]bool
	ackWords    map[string]bool
	second      map[string]bool
	possessive  map[string]bool
	negations   map[string]bool
	nounCase    bool
	enclitic    bool
	pats        []pattern
	exact       map[string][]int    // first word -> patterns whose second word is not a plain word
	pair        map[[2]string][]int // first two words -> patterns starting with two plain words
	prefix      map[string][]int    // first prefixKey bytes of a prefix first word -> patterns
	aliases     map[string][]string // see words.aliases
	// exactSig, pairSig and prefixSig rule out, without hashing, the
	// words that open no pattern of exact, pair and prefix (match).
	exactSig, pairSig wordSig
	prefixSig         [256]uint64       // by a key's first byte, bit its second byte & 63
	vocab             map[string]bool   // every word of the lists and patterns: never read as a typo
	deletes           map[string]string // one-letter deletions of vocab words -> the word (see typo)
	typos             typoMemo          // typo's answers so far
}

// prefixKey is how many bytes of a prefix pattern's first word index it;
// a prefix first word must be at least this long.
const prefixKey = 3

func set(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, w := range list {
		m[fold(w)] = true
	}
	return m
}

// compile builds a lexicon; it panics on a malformed pattern, which is a
// programming error caught by every test run (the lexicons are package
// variables).
func compile(lang string, w words) *lexicon {
	lx := &lexicon{
		lang: lang, wh: set(w.wh), aux: set(w.aux), subj: set(w.subj), lead: set(w.lead),
		embed: set(w.embed), stop: set(w.stop), second: set(w.second), possessive: set(w.possessive), relative: set(w.relative), preps: set(w.preps), reflectMark: set(w.reflectMark), proForms: set(w.proForms), proAdverbs: set(w.proAdverbs), pronouns: set(w.pronouns), ackWords: set(w.ackWords), negations: set(w.negations), nounCase: w.nounCase, enclitic: w.enclitic,
		exact: map[string][]int{}, pair: map[[2]string][]int{}, prefix: map[string][]int{},
		aliases: map[string][]string{}, vocab: map[string]bool{},
	}
	for from, to := range w.aliases {
		var ws []string
		for _, f := range strings.Fields(to) {
			ws = append(ws, fold(f))
		}
		lx.aliases[fold(from)] = ws
	}
	lx.addVocab(w.wh...)
	lx.addVocab(w.aux...)
	lx.addVocab(w.subj...)
	lx.addVocab(w.lead...)
	lx.addVocab(w.embed...)
	lx.addVocab(w.stop...)
	lx.addVocab(w.second...)
	lx.addVocab(w.negations...)
	for _, list := range w.cues {
		lx.addVocab(list...)
	}
	for c := cue(0); c < numCues; c++ {
		for _, src := range w.cues[c] {
			p := pattern{c: c}
			s := src
			for len(s) > 0 && (s[0] == '^' || s[0] == '-' || s[0] == '!') {
				switch s[0] {
				case '^':
					p.anchor = true
				case '!':
					p.inner = true
				default:
					p.negate = true
				}
				s = s[1:]
			}
			for _, f := range strings.Fields(s) {
				switch {
				case f == "_":
					p.toks = append(p.toks, ptok{any: true})
				case f == "@":
					p.toks = append(p.toks, ptok{any: true, upper: true})
				case f == "~":
					p.toks = append(p.toks, ptok{gap: true, inClause: clauseBound[c]})
				case strings.HasSuffix(f, "*"):
					p.toks = append(p.toks, ptok{s: fold(strings.TrimSuffix(f, "*")), prefix: true})
				default:
					p.toks = append(p.toks, ptok{s: fold(f)})
				}
			}
			if len(p.toks) == 0 {
				panic(fmt.Sprintf("acts: %s: empty pattern %q", lang, src))
			}
			first := p.toks[0]
			id := len(lx.pats)
			switch {
			case first.any || first.gap:
				panic(fmt.Sprintf("acts: %s: pattern %q starts with a wildcard", lang, src))
			case first.prefix:
				if len(first.s) < prefixKey {
					panic(fmt.Sprintf("acts: %s: prefix in %q shorter than %d bytes", lang, src, prefixKey))
				}
				k := first.s[:prefixKey]
				lx.prefix[k] = append(lx.prefix[k], id)
				lx.prefixSig[k[0]] |= 1 << (k[1] & 63)
			case len(p.toks) > 1 && !p.toks[1].any && !p.toks[1].gap && !p.toks[1].prefix:
				k := [2]string{first.s, p.toks[1].s}
				lx.pair[k] = append(lx.pair[k], id)
				lx.pairSig.add(first.s)
			default:
				lx.exact[first.s] = append(lx.exact[first.s], id)
				lx.exactSig.add(first.s)
			}
			lx.pats = append(lx.pats, p)
		}
	}
	lx.addVocab(realWords[lang]...)
	lx.buildTypos()
	return lx
}

// match returns the cues whose patterns occur in toks.
func (lx *lexicon) match(toks []token, spans *cueSpans) cueSet {
	var found cueSet
	for i := range toks {
		w := toks[i].s
		if lx.exactSig.may(w) {
			for _, id := range lx.exact[w] {
				lx.try(toks, i, id, &found, spans)
			}
		}
		if i+1 < len(toks) && lx.pairSig.may(w) {
			for _, id := range lx.pair[[2]string{w, toks[i+1].s}] {
				lx.try(toks, i, id, &found, spans)
			}
		}
		if len(w) >= prefixKey && lx.prefixSig[w[0]]&(1<<(w[1]&63)) != 0 {
			for _, id := range lx.prefix[w[:prefixKey]] {
				lx.try(toks, i, id, &found, spans)
			}
		}
	}
	return found
}

func (lx *lexicon) try(toks []token, i, id int, found *cueSet, spans *cueSpans) {
	p := &lx.pats[id]
	if found.has(p.c) {
		return
	}
	atStart := toks[i].clause || lx.afterLead(toks, i)
	if (p.anchor && !atStart) || (p.inner && atStart) {
		return
	}
	end, ok := matchAt(p.toks, toks, i)
	if !ok {
		return
	}
	if p.negate {
		for k := max(i-negBefore, 0); k < len(toks) && k < end+negWindow; k++ {
			if lx.negations[toks[k].s] {
				return
			}
		}
	}
	found.add(p.c)
	if spans != nil && end > i && end <= len(toks) {
		spans[p.c] = [2]int{toks[i].at, toks[end-1].end}
	}
}

// cueSpans holds, per cue, the byte span of the words that matched it
// first in a sentence.
type cueSpans [numCues][2]int

// afterLead reports whether every word before toks[i] in its clause is a
// discourse marker ("Na, ...", "Und ..."), so i starts the clause proper.
func (lx *lexicon) afterLead(toks []token, i int) bool {
	for k := i - 1; k >= 0; k-- {
		if !lx.lead[toks[k].s] {
			return false
		}
		if toks[k].clause {
			return true
		}
	}
	return true
}

// matchAt matches pattern words pt against toks from position i and
// returns the position after the match.
func matchAt(pt []ptok, toks []token, i int) (int, bool) {
	if len(pt) == 0 {
		return i, true
	}
	p := pt[0]
	if p.gap {
		for k := 0; k <= maxGap && i+k <= len(toks); k++ {
			if p.inClause && k > 0 && i+k < len(toks) && toks[i+k].clause {
				break
			}
			if end, ok := matchAt(pt[1:], toks, i+k); ok {
				return end, true
			}
		}
		return 0, false
	}
	if i >= len(toks) {
		return 0, false
	}
	w := toks[i].s
	switch {
	case p.any:
		if p.upper && !toks[i].upper {
			return 0, false
		}
	case p.prefix:
		if !strings.HasPrefix(w, p.s) {
			return 0, false
		}
	default:
		if w != p.s {
			return 0, false
		}
	}
	return matchAt(pt[1:], toks, i+1)
}
