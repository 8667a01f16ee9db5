package acts

import "strings"

// substrings is a list of phrases prepared once for finding any of them
// inside a text (as strings.Contains finds one, not as whole words): the
// phrases by their first byte, with the second bytes that follow each
// first byte as a bit mask, so a text is scanned once and most of its
// bytes are passed over with two table lookups, however many phrases
// there are. docs/performance.md says why.
type substrings struct {
	byFirst [256][]string
	// second[c] has bit b set when a phrase starts with the bytes c, b;
	// single[c] when the one-byte phrase c is in the list.
	second [256][4]uint64
	single [256]bool
	// empty is true when the list holds "", which every text contains.
	empty bool
}

// substringsOf prepares the phrases of lists, each phrase as written.
func substringsOf(lists ...[]string) *substrings {
	s := &substrings{}
	for _, list := range lists {
		for _, p := range list {
			switch len(p) {
			case 0:
				s.empty = true
			case 1:
				s.single[p[0]] = true
			default:
				s.byFirst[p[0]] = append(s.byFirst[p[0]], p)
				s.second[p[0]][p[1]>>6] |= 1 << (p[1] & 63)
			}
		}
	}
	return s
}

// substringsOfLanguages prepares the phrase lists of every language.
func substringsOfLanguages[L comparable](byLang map[L][]string) *substrings {
	lists := make([][]string, 0, len(byLang))
	for _, list := range byLang {
		lists = append(lists, list)
	}
	return substringsOf(lists...)
}

// in reports whether text contains one of the phrases.
func (s *substrings) in(text string) bool {
	if s.empty {
		return true
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if s.single[c] {
			return true
		}
		if i+1 >= len(text) {
			break
		}
		b := text[i+1]
		if s.second[c][b>>6]&(1<<(b&63)) == 0 {
			continue
		}
		for _, p := range s.byFirst[c] {
			if strings.HasPrefix(text[i:], p) {
				return true
			}
		}
	}
	return false
}
