package voice

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences cuts streamed text into sentences as they complete, so that
// the first sentence is spoken while the rest is still being written. A
// sentence ends at . ! ? … (or a run of them, with closing quotes) followed
// by white space; abbreviations of one or two letters ("Dr.", "z.B.") and
// numbers ("3.5") do not end one.
type Sentences struct {
	buf strings.Builder
}

// Add appends a piece of text and returns the sentences it completed.
func (s *Sentences) Add(piece string) []string {
	s.buf.WriteString(piece)
	text := s.buf.String()
	var out []string
	start := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isStop(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if !isStop(r2) && !strings.ContainsRune(`"'»«”“)`, r2) {
				break
			}
			j += n2
		}
		if j >= len(text) {
			break // the end of the text so far: wait for what follows
		}
		next, _ := utf8.DecodeRuneInString(text[j:])
		if unicode.IsSpace(next) && !(r == '.' && abbreviation(text[start:i])) {
			if sent := strings.TrimSpace(text[start:j]); sent != "" {
				out = append(out, sent)
			}
			start = j
		}
		i = j
	}
	rest := text[start:]
	s.buf.Reset()
	s.buf.WriteString(rest)
	return out
}

// Flush returns the text not yet returned (the last sentence), if any.
func (s *Sentences) Flush() string {
	rest := strings.TrimSpace(s.buf.String())
	s.buf.Reset()
	return rest
}

func isStop(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

// abbreviations end with a full stop without ending a sentence (compared
// in lower case, without the stop).
var abbreviations = map[string]bool{
	"dr": true, "hr": true, "fr": true, "nr": true, "st": true, "prof": true, "bzw": true, "ca": true,
	"usw": true, "vgl": true, "ggf": true, "evtl": true, "mr": true, "mrs": true, "ms": true, "etc": true, "vs": true,
}

// abbreviation reports whether the sentence so far ends in an
// abbreviation: a known one ("Dr", "bzw"), one with inner stops ("z.B",
// "d.h") or a single letter, as in a name ("Herr B.").
func abbreviation(before string) bool {
	i := strings.LastIndexFunc(before, unicode.IsSpace)
	w := strings.Trim(before[i+1:], ".")
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") || abbreviations[strings.ToLower(w)] {
		return true
	}
	return utf8.RuneCountInString(w) == 1 && unicode.IsLetter([]rune(w)[0])
}
