package acts

import (
	"iter"
	"strings"
)

// phrased is a text prepared for matching phrases as whole words: its
// words folded (fold) and joined by single spaces, with a space at each
// end, so " wie viele " matches the words and never part of one.
type phrased string

// phrase prepares text for whole-word matching.
func phrase(text string) phrased { return phraseIn(text, splitSentences(text)) }

// phraseIn is phrase of text split into spans (splitSentences of text).
func phraseIn(text string, spans []span) phrased {
	var b strings.Builder
	b.Grow(len(text) + 2)
	b.WriteByte(' ')
	for _, sp := range spans {
		for _, t := range tokenize(text[sp.start:sp.end]) {
			b.WriteString(t.s)
			b.WriteByte(' ')
		}
	}
	return phrased(b.String())
}

// phraseOf is phrase of one sentence's tokens.
func phraseOf(toks []token) phrased {
	n := 2
	for _, t := range toks {
		n += len(t.s) + 1
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteByte(' ')
	for _, t := range toks {
		b.WriteString(t.s)
		b.WriteByte(' ')
	}
	return phrased(b.String())
}

// has reports whether p contains the words of ph, a phrase prepared by
// phrase; an empty phrase matches nothing.
func (p phrased) has(ph phrased) bool {
	return len(ph) > 2 && strings.Contains(string(p), string(ph))
}

// hasAt reports whether the words of ph occur in p at byte at (the space
// before a word of p).
func (p phrased) hasAt(at int, ph phrased) bool {
	return len(ph) > 2 && at < len(p) && strings.HasPrefix(string(p[at:]), string(ph))
}

// any reports whether p contains one of phrases (each prepared by phrase).
// A list made by phrases while the package initialises is read through
// its index (listIndexes): p word by word, each word's phrases tried
// where it stands, instead of a search of p per phrase.
func (p phrased) any(phrases []phrased) bool {
	if len(phrases) >= minIndexed {
		if li, ok := listIndexes[&phrases[0]]; ok && li.n == len(phrases) {
			return p.anyOf(li.ix)
		}
	}
	for _, ph := range phrases {
		if p.has(ph) {
			return true
		}
	}
	return false
}

// opens reports whether p starts with one of phrases (each prepared by
// phrase): "No." and "Nein, danke" open with a no, "Nothing" does not.
func (p phrased) opens(phrases []phrased) bool {
	for _, ph := range phrases {
		if len(ph) > 2 && strings.HasPrefix(string(p), string(ph)) {
			return true
		}
	}
	return false
}

// fillers are particles that do not change what a push says: "Was haben
// Sie denn zu verlieren?" is "Was haben Sie zu verlieren?".
var fillers = map[string]bool{"denn": true, "eigentlich": true, "wirklich": true, "doch": true, "mal": true, "noch": true, "schon": true,
	"auch": true, "bitte": true, "nun": true, "really": true, "actually": true, "even": true, "honestly": true, "seriously": true,
	"guys": true, "folks": true}

// loose is p without fillers.
func (p phrased) loose() phrased {
	ws := strings.Fields(string(p))
	out := ws[:0:0]
	for _, w := range ws {
		if !fillers[w] {
			out = append(out, w)
		}
	}
	return phrased(" " + strings.Join(out, " ") + " ")
}

// loosePhrases prepares a list of phrases without fillers.
func loosePhrases(list ...string) []phrased {
	out := phrases(list...)
	for i := range out {
		out[i] = out[i].loose()
	}
	return out
}

// phrases prepares a list of phrases. A list made while the package
// initialises (the package's phrase lists) is indexed by its first words
// once initialisation is done (see any).
func phrases(list ...string) []phrased {
	out := make([]phrased, len(list))
	for i, s := range list {
		out[i] = phrase(s)
	}
	if !listsIndexed {
		pendingLists = append(pendingLists, out)
	}
	return out
}

// minIndexed is the shortest list any reads through an index: for fewer
// phrases a search of the text per phrase is as quick.
const minIndexed = 8

// listIndex is a list of phrases by first word (see any); n is the
// list's length, so that a shorter slice of the same array is not read
// through it.
type listIndex struct {
	n  int
	ix *phraseIndex
}

var (
	// pendingLists are the lists phrases made during package
	// initialisation; listsIndexed is set once they are indexed.
	pendingLists [][]phrased
	listsIndexed bool
	// listIndexes indexes the package's phrase lists by their first
	// element; read-only after init.
	listIndexes = map[*phrased]listIndex{}
)

// init indexes the phrase lists made while the package's variables were
// initialised, after all of them (loosePhrases edits its list after
// phrases returns it). A list is indexed only when every phrase is
// regular (a space at each end, single spaces between words), so that
// reading p word by word finds exactly what a search would.
func init() {
	for _, list := range pendingLists {
		if len(list) < minIndexed || !allRegular(list) {
			continue
		}
		listIndexes[&list[0]] = listIndex{n: len(list), ix: indexPhrases(list)}
	}
	pendingLists, listsIndexed = nil, true
}

// allRegular reports whether every phrase of list is empty (it matches
// nothing) or regular: a space at each end and single spaces between its
// words.
func allRegular(list []phrased) bool {
	for _, ph := range list {
		if len(ph) > 2 && (ph[0] != ' ' || ph[len(ph)-1] != ' ' || strings.Contains(string(ph), "  ")) {
			return false
		}
	}
	return true
}

// phraseIndex is a list of phrases by their first word, so that a
// sentence is matched only against the phrases one of its words opens.
type phraseIndex struct {
	byFirst map[string][]phrased
	sig     wordSig
}

// indexPhrases indexes a prepared list.
func indexPhrases(list []phrased) *phraseIndex {
	ix := &phraseIndex{byFirst: map[string][]phrased{}}
	for _, ph := range list {
		if ws := strings.Fields(string(ph)); len(ws) > 0 {
			ix.byFirst[ws[0]] = append(ix.byFirst[ws[0]], ph)
			ix.sig.add(ws[0])
		}
	}
	return ix
}

// opens returns the phrases whose first word is w.
func (ix *phraseIndex) opens(w string) []phrased {
	if ix == nil || !ix.sig.may(w) {
		return nil
	}
	return ix.byFirst[w]
}

// wordSig is a signature of a set of words, by first byte and length and
// by last byte and length: a word it rules out (may false) is not in the
// set, so most words of a sentence are passed over without hashing them
// for a map.
type wordSig struct{ first, last [256]uint64 }

func (g *wordSig) add(w string) {
	if w != "" {
		g.first[w[0]] |= 1 << (len(w) & 63)
		g.last[w[len(w)-1]] |= 1 << (len(w) & 63)
	}
}

// may reports whether w can be in the set.
func (g *wordSig) may(w string) bool {
	return w != "" && g.first[w[0]]&(1<<(len(w)&63)) != 0 && g.last[w[len(w)-1]]&(1<<(len(w)&63)) != 0
}

// words yields each word of p with the byte offset of the space before
// it, where a phrase opened by the word would start.
func (p phrased) words() iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		s := string(p)
		for at := 0; at+1 < len(s); at++ {
			if s[at] != ' ' {
				continue
			}
			n := strings.IndexByte(s[at+1:], ' ')
			if n < 0 || !yield(at, s[at+1:at+1+n]) {
				return
			}
			at += n
		}
	}
}

// anyOf is p.any of the phrases ix indexes: p is read word by word, and
// each word's phrases are tried where it stands.
func (p phrased) anyOf(ix *phraseIndex) bool {
	for at, w := range p.words() {
		for _, ph := range ix.opens(w) {
			if p.hasAt(at, ph) {
				return true
			}
		}
	}
	return false
}
