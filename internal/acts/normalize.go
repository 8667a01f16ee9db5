package acts

import (
	"strings"
	"sync"
)

// This file reads real typing: informal spellings and forms of address
// become the forms the patterns are written in, and a cue word with one
// typo (one letter missing, extra, wrong or two swapped) is read as the
// word, so "passts grad?", "hast du kurz zeit" and "intrested" meet the
// lexicon's "passt es gerade", "haben sie kurz zeit" and "interested".

// minTypoBytes is the shortest word, in bytes, read as a typo of a
// lexicon word; shorter words differ by one letter too often ("hat",
// "has").
const minTypoBytes = 7

// normalize returns toks with lx's aliases expanded and typos of its
// vocabulary corrected. It returns toks itself when nothing changes.
func (lx *lexicon) normalize(toks []token) []token {
	var out []token
	for i, tk := range toks {
		repl, ok := lx.aliases[tk.s]
		if !ok && lx.enclitic && len(tk.s) > 3 && strings.HasSuffix(tk.s, "'s") {
			// "passt's", "worum's": a verb or question word and a clipped
			// "es", which the patterns spell out.
			if base := tk.s[:len(tk.s)-2]; lx.aux[base] || lx.wh[base] {
				repl, ok = []string{base, "es"}, true
			}
		}
		if !ok && len(tk.s) >= minTypoBytes && !lx.vocab[tk.s] && !lx.vocab[stem(tk.s)] {
			// An inflection of a word the lexicon knows ("booking" of
			// "book") is that word said otherwise, not a typo of
			// another one ("looking").
			var w string
			if w, ok = lx.typo(tk.s); ok {
				repl = []string{w}
			}
		}
		if !ok {
			if out != nil {
				out = append(out, tk)
			}
			continue
		}
		if out == nil {
			out = append(make([]token, 0, len(toks)+2), toks[:i]...)
		}
		for k, w := range repl {
			nt := tk
			nt.s = w
			if k > 0 {
				nt.clause, nt.upper = false, false
			}
			out = append(out, nt)
		}
	}
	if out == nil {
		return toks
	}
	return out
}

// typoMemo keeps typo's answers for the words it was asked about, so a
// word said again (most are) costs one lookup instead of one per letter.
// The vocabulary never changes after compile, so an answer kept is the
// answer typoOf gives; at most maxTypoMemo words are kept per lexicon.
type typoMemo struct {
	mu sync.RWMutex
	m  map[string]typoAnswer
}

type typoAnswer struct {
	w  string
	ok bool
}

const maxTypoMemo = 1 << 14

// typo returns the vocabulary word w is one edit away from, when exactly
// one word is (typoOf, kept in lx.typos).
func (lx *lexicon) typo(w string) (string, bool) {
	lx.typos.mu.RLock()
	a, seen := lx.typos.m[w]
	lx.typos.mu.RUnlock()
	if seen {
		return a.w, a.ok
	}
	a.w, a.ok = lx.typoOf(w)
	lx.typos.mu.Lock()
	if lx.typos.m == nil {
		lx.typos.m = map[string]typoAnswer{}
	}
	if len(lx.typos.m) < maxTypoMemo {
		lx.typos.m[strings.Clone(w)] = a // w may be a slice of a long turn
	}
	lx.typos.mu.Unlock()
	return a.w, a.ok
}

// typoOf is typo, worked out.
func (lx *lexicon) typoOf(w string) (string, bool) {
	if v, ok := lx.deletes[w]; ok && v != "" { // a letter missing in w
		return v, true
	}
	found := ""
	try := func(v string) bool {
		if v == "" || (found != "" && found != v) {
			found = "-"
			return false
		}
		found = v
		return true
	}
	// Each deletion is built in buf and looked up without becoming a
	// string (the compiler does not allocate for m[string(bytes)]); only
	// a deletion that is a word is made one.
	var buf [64]byte
	for d := 0; d < len(w); d++ {
		cut := append(append(buf[:0], w[:d]...), w[d+1:]...)
		if lx.vocab[string(cut)] { // a letter too many in w
			if !try(string(cut)) {
				return "", false
			}
		}
		if v, ok := lx.deletes[string(cut)]; ok { // a letter wrong, or two swapped
			if !try(v) {
				return "", false
			}
		}
	}
	if found == "" || found == "-" {
		return "", false
	}
	return found, true
}

// buildTypos indexes the vocabulary for typo: every word of at least
// minTypoBytes-1 bytes by each of its one-letter deletions (a deletion
// shared by two words maps to "", which typo ignores).
func (lx *lexicon) buildTypos() {
	lx.deletes = map[string]string{}
	for w := range lx.vocab {
		if len(w) < minTypoBytes-1 || !plainASCII(w) {
			continue
		}
		for d := 0; d < len(w); d++ {
			cut := w[:d] + w[d+1:]
			if lx.vocab[cut] {
				continue
			}
			if v, ok := lx.deletes[cut]; ok && v != w {
				lx.deletes[cut] = ""
				continue
			}
			lx.deletes[cut] = w
		}
	}
}

func plainASCII(w string) bool {
	for k := 0; k < len(w); k++ {
		if w[k] >= 0x80 {
			return false
		}
	}
	return true
}

// addVocab adds the words of a pattern or a word list to lx's vocabulary.
func (lx *lexicon) addVocab(words ...string) {
	for _, w := range words {
		for _, f := range strings.Fields(w) {
			f = strings.TrimLeft(f, "^-!")
			if f == "_" || f == "@" || f == "~" || strings.HasSuffix(f, "*") || f == "" {
				continue
			}
			lx.vocab[fold(f)] = true
		}
	}
}
