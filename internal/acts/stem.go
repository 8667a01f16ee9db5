package acts

import "strings"

// Why not a Snowball stemmer: github.com/kljensen/snowball (v0.10.0, on
// the Go module proxy) was measured against stem on 1 December 2026. It has
// no German stemmer, so only its English one could be tried, on every word
// (stem does not know a word's language). On the labelled tables both give
// 100 % (de 319, en 305) and the same 97.0 % / 96.3 % on heldout_*.tsv; on
// the tune half of the reading corpus the English Snowball stemmer read 84
// of 298 act sets exactly against 85, uptake 68 % against 67 %, and moved
// the tune calls' Spearman from 0.82 / 0.66 to 0.83 / 0.68 (one or two
// calls). That is within the noise of 28 calls, it would cut German words
// by English rules, and it adds a dependency: stem stays.

// minStem is the shortest stem light stemming leaves, in bytes; shorter
// words are not content words at all.
const minStem = 4

// suffixes are inflections stripped by stem, longest first, at most one:
// "finden", "findet" and "finde" meet, as do "struggle", "struggles" and
// "struggling". Derivations that one cut does not join ("interest",
// "interested") are joined by related.
var suffixes = []string{"ungen", "ing", "ern", "est", "en", "er", "es", "em", "et", "ed", "st", "e", "n", "s", "t"}

// suffixesByLast are suffixes by their last byte, each list in the order
// of suffixes: the only ones a word can end with, tried in the same order.
var suffixesByLast = func() (by [256][]string) {
	for _, suf := range suffixes {
		by[suf[len(suf)-1]] = append(by[suf[len(suf)-1]], suf)
	}
	return by
}()

// stem reduces a folded word to a light stem by cutting one suffix, keeping
// at least minStem bytes; the same word always gives the same stem, in
// either language.
func stem(w string) string {
	if len(w) <= minStem {
		return w // no suffix leaves minStem bytes
	}
	for _, suf := range suffixesByLast[w[len(w)-1]] {
		if len(w)-len(suf) >= minStem && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// contentWord reports whether toks[i] carries content: not a stop word of
// either language, not a number, long enough, and not a name after a title
// ("Herr Berger").
func contentWord(toks []token, i int) bool {
	w := toks[i].s
	if len(w) < minStem || isDigits(w) || deLex.stop[w] || enLex.stop[w] {
		return false
	}
	return i == 0 || !titles[toks[i-1].s]
}

// stemSet is a set of content stems, indexed for related: by their last
// minRelated bytes (compound heads) and their first minRelated+1 bytes
// (derivations), so a lookup costs a few map probes however long the
// prospect's turn was.
type stemSet struct {
	exact    map[string]bool
	bySuffix map[string][]string
	byPrefix map[string][]string
}

func newStemSet() *stemSet {
	return &stemSet{exact: map[string]bool{}, bySuffix: map[string][]string{}, byPrefix: map[string][]string{}}
}

// stemSetFor is newStemSet sized for at most n stems.
func stemSetFor(n int) *stemSet {
	return &stemSet{exact: make(map[string]bool, n), bySuffix: map[string][]string{}, byPrefix: map[string][]string{}}
}

func (ss *stemSet) add(s string) {
	if ss.exact[s] {
		return
	}
	ss.exact[s] = true
	if len(s) >= minRelated {
		k := s[len(s)-minRelated:]
		ss.bySuffix[k] = append(ss.bySuffix[k], s)
	}
	if len(s) >= minRelated+1 {
		k := s[:minRelated+1]
		ss.byPrefix[k] = append(ss.byPrefix[k], s)
	}
}

// addStems adds the stems of the content words of toks to dst, and each
// name after a title ("Herr Krause") as namePrefix+name.
func addStems(toks []token, dst *stemSet) {
	for i := range toks {
		switch {
		case contentWord(toks, i):
			dst.add(stem(toks[i].s))
		case titledName(toks, i):
			dst.add(namePrefix + toks[i].s)
		}
	}
}

// namePrefix marks a titled name in a stemSet; no stem starts with it.
const namePrefix = "@"

// titledName reports whether toks[i] is a capitalised name after a title
// ("Herrn Krause", "Dr. Alt"). A person the prospect named by title is no
// content word for a statement, but a question about the same person picks
// up what they said ("Wann erreiche ich Herrn Krause am besten?").
func titledName(toks []token, i int) bool {
	return i > 0 && toks[i].upper && titles[toks[i-1].s] && !titles[toks[i].s]
}

// related reports whether stem s shares a word family with a stem of ss:
// one is the head of a compound of the other ("betrieb",
// "handwerksbetrieb"), at least minRelated bytes long, or a derivation of
// it ("interess", "interessa"), sharing at least minRelated+1 leading bytes.
func (ss *stemSet) related(s string) bool {
	if len(s) >= minRelated {
		for _, p := range ss.bySuffix[s[len(s)-minRelated:]] {
			if strings.HasSuffix(p, s) || strings.HasSuffix(s, p) {
				return true
			}
		}
	}
	if len(s) >= minRelated+1 {
		for _, p := range ss.byPrefix[s[:minRelated+1]] {
			if strings.HasPrefix(p, s) || strings.HasPrefix(s, p) {
				return true
			}
		}
	}
	return false
}

// minRelated is the shortest stem, in bytes, that related finds inside a
// longer one as its compound head.
const minRelated = 5

// overlap counts the distinct content stems of toks that are in ss or
// related to one of its stems.
func overlap(toks []token, ss *stemSet) int {
	if ss == nil || len(ss.exact) == 0 {
		return 0
	}
	n := 0
	var seen [8]string
	for i := range toks {
		var s string
		switch {
		case contentWord(toks, i):
			s = stem(toks[i].s)
			if !ss.exact[s] && !ss.related(s) {
				continue
			}
		case titledName(toks, i) && ss.exact[namePrefix+toks[i].s]:
			s = namePrefix + toks[i].s
		default:
			continue
		}
		dup := false
		for _, x := range seen[:min(n, len(seen))] {
			if x == s {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		if n < len(seen) {
			seen[n] = s
		}
		n++
	}
	return n
}
