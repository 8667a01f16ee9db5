package acts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is one sentence of a turn before tagging: [start, end) byte offsets
// into the text, trimmed of surrounding space. question is true when its
// closing punctuation holds a question mark; closed is true when it ends in
// any sentence-final punctuation at all (false for a sentence that simply
// stops, as chat and transcribed speech often do).
type span struct {
	start, end int
	question   bool
	closed     bool
}

// token is one word of a sentence.
type token struct {
	// s is the word lower-cased and folded (ä→ae, ö→oe, ü→ue, ß→ss, ’→').
	s string
	// upper is true when the word starts with an upper-case letter.
	upper bool
	// clause is true for the first word of a sentence or of a clause (after
	// a comma, colon, semicolon, dash or opening bracket).
	clause bool
	// at and end are the word's byte offsets in the tokenised text, for
	// quoting the cue an act came from.
	at, end int
}

// abbreviations never end a sentence when followed by a full stop. Keys are
// folded and lower-case, internal dots kept ("z.b").
var abbreviations = map[string]bool{
	"dr": true, "hr": true, "hrn": true, "fr": true, "mr": true, "mrs": true, "ms": true,
	"prof": true, "dipl": true, "ing": true, "st": true, "nr": true, "no": false,
	"z.b": true, "zb": true, "e.g": true, "i.e": true, "u.a": true, "d.h": true, "z.t": true, "z.z": true,
	"bzw": true, "ca": true, "vgl": true, "ggf": true, "evtl": true, "inkl": true, "bspw": true,
	"sog": true, "tel": true, "str": true, "jr": true, "sr": true, "vs": true, "approx": true,
	"u.s": true, "o.k": true, "a.m": true, "p.m": true, "mio": true, "mrd": true, "abt": true,
	"gmbh": false, "etc": false, "usw": false, "inc": false, "ltd": false, "co": false,
}

// months follow an ordinal full stop in German dates ("am 29. Januar").
var months = map[string]bool{
	"januar": true, "februar": true, "maerz": true, "april": true, "mai": true, "juni": true,
	"juli": true, "august": true, "september": true, "oktober": true, "november": true, "dezember": true,
}

// titles precede a name; a single letter after one is an initial ("Herr B.").
var titles = map[string]bool{
	"herr": true, "herrn": true, "frau": true, "dr": true, "prof": true,
	"mr": true, "mrs": true, "ms": true, "miss": true, "mister": true,
}

// isTerminal reports whether r ends a sentence.
func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '。', '？', '！', '‼', '⁇', '⁈', '⁉':
		return true
	}
	return false
}

// isCloser reports whether r may follow the final punctuation and still
// belong to the sentence (closing quotes and brackets).
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '«', '“', ')', ']', '}', '›', '‹':
		return true
	}
	return false
}

// splitSentences splits text into sentence spans. It never panics, on any
// input: invalid UTF-8 bytes are treated as single non-letter runes, so
// every span boundary falls on a boundary of utf8.DecodeRuneInString's walk.
func splitSentences(text string) []span {
	var out []span
	segStart := 0
	emit := func(a, b int, question, closed bool) {
		a, b = trimSpace(text, a, b)
		if a < b {
			out = append(out, span{start: a, end: b, question: question, closed: closed})
		}
	}
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' {
			emit(segStart, i, false, false)
			i += size
			segStart = i
			continue
		}
		if !isTerminal(r) {
			i += size
			continue
		}
		// A run of final punctuation, then closing quotes or brackets.
		runStart := i
		question, bang, dots := false, false, 0
		j := i
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !isTerminal(r2) {
				break
			}
			switch r2 {
			case '?', '？', '⁇', '⁈', '⁉':
				question = true
			case '!', '！', '‼':
				bang = true
			case '…':
				dots += 3
			default:
				dots++
			}
			j += s2
		}
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !isCloser(r2) {
				break
			}
			j += s2
		}
		if question || bang || endsSentence(text, segStart, runStart, j, dots) {
			emit(segStart, j, question, true)
			segStart = j
		}
		i = j
	}
	emit(segStart, len(text), false, false)
	return out
}

// endsSentence decides whether a run of full stops (dots counts them, an
// ellipsis character counting three) between runStart and after ends the
// sentence that began at segStart.
func endsSentence(text string, segStart, runStart, after, dots int) bool {
	next, nextOK := nextRune(text, after)
	if !nextOK {
		return true // end of text
	}
	if after < len(text) {
		r, _ := utf8.DecodeRuneInString(text[after:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false // "z.B", "3.5", "www.example.com"
		}
	}
	upperNext := unicode.IsUpper(next) || unicode.IsDigit(next)
	if dots > 1 {
		// An ellipsis ends a sentence only when a new one visibly starts.
		return upperNext || !unicode.IsLetter(next)
	}
	word, before := lastWord(text, segStart, runStart)
	lw := fold(word)
	if v, ok := abbreviations[lw]; ok {
		if v {
			return false
		}
		return upperNext
	}
	if utf8.RuneCountInString(word) == 1 && unicode.IsLetter(firstRune(word)) {
		// An initial: "Herr B. hat gesagt" goes on, "Ich bin Anna B. Wie ..."
		// ends, and so does "Danke, Herr B. Wie geht es Ihnen?".
		if titles[fold(before)] {
			return upperNext && startsSentence(fold(wordAt(text, after)))
		}
		return upperNext
	}
	if word != "" && isDigits(word) {
		nw := fold(wordAt(text, after))
		if months[nw] {
			return false
		}
		return upperNext
	}
	return true
}

// startsSentence reports whether w, folded, typically opens a sentence in
// either language: a question word, a fronted verb, a discourse marker or a
// subject pronoun.
func startsSentence(w string) bool {
	for _, lx := range []*lexicon{deLex, enLex} {
		if lx.wh[w] || lx.aux[w] || lx.lead[w] || lx.subj[w] {
			return true
		}
	}
	return false
}

// nextRune returns the first non-space rune at or after i.
func nextRune(text string, i int) (rune, bool) {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			return r, true
		}
		i += size
	}
	return 0, false
}

// lastWord returns the word (letters, digits and inner dots) that ends at
// end, and the word before it, both within [from, end).
func lastWord(text string, from, end int) (word, before string) {
	j := end
	for j > from {
		r, size := utf8.DecodeLastRuneInString(text[from:j])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.') {
			break
		}
		j -= size
	}
	word = strings.Trim(text[j:end], ".")
	k := j
	for k > from {
		r, size := utf8.DecodeLastRuneInString(text[from:k])
		if !unicode.IsSpace(r) {
			break
		}
		k -= size
	}
	m := k
	for m > from {
		r, size := utf8.DecodeLastRuneInString(text[from:m])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			break
		}
		m -= size
	}
	return word, text[m:k]
}

// wordAt returns the word of letters that starts at the first non-space
// rune at or after i.
func wordAt(text string, i int) string {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += size
	}
	return text[i:j]
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// trimSpace narrows [a, b) to exclude surrounding white space.
func trimSpace(text string, a, b int) (int, int) {
	for a < b {
		r, size := utf8.DecodeRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += size
	}
	for b > a {
		r, size := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= size
	}
	return a, b
}

// isWordRune reports whether r belongs to a word.
func isWordRune(r rune) bool {
	if r < firstMark {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// firstMark is the first nonspacing mark (unicode.Mn, U+0300): below it
// a word rune is a letter or a digit, without searching the mark table.
const firstMark = 0x300

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '`' || r == 'ʼ' }

// isClauseMark reports whether r starts a new clause for the next word.
func isClauseMark(r rune) bool {
	switch r {
	case ',', ';', ':', '–', '—', '(', '[', '"', '„', '“', '«', '»', '‚':
		return true
	}
	return false
}

// tokenize splits one sentence into words. A word is a run of letters,
// digits and inner apostrophes ("you're", "geht's"). A word already
// folded is a slice of s; the folded forms of the others share one
// buffer, so a sentence costs two allocations however many of its words
// are capitalised or carry umlauts.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5+1)
	// folded holds the folded forms; a strings.Builder never changes bytes
	// it has written, so slices of its String stay valid as it grows.
	var folded strings.Builder
	clause := true
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			if isClauseMark(r) || (r == '-' && ((i > 0 && s[i-1] == ' ') || (i+1 < len(s) && s[i+1] == ' '))) {
				clause = true
			}
			i += size
			continue
		}
		start := i
		j := i
		for j < len(s) {
			r2, s2 := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r2) {
				j += s2
				continue
			}
			if isApostrophe(r2) && j+s2 < len(s) {
				r3, _ := utf8.DecodeRuneInString(s[j+s2:])
				if unicode.IsLetter(r3) {
					j += s2
					continue
				}
			}
			break
		}
		w := s[start:j]
		if !plainLower(w) {
			if folded.Cap() == 0 {
				folded.Grow(len(s) - start + 8)
			}
			a := folded.Len()
			foldInto(&folded, w)
			w = folded.String()[a:]
		}
		toks = append(toks, token{s: w, upper: unicode.IsUpper(r), clause: clause, at: start, end: j})
		clause = false
		i = j
	}
	return toks
}

// fold lower-cases w and folds German umlauts and ß to their two-letter
// spellings and typographic apostrophes to ', so "für" and "fuer" meet. It
// allocates only when w is not already plain lower-case ASCII.
func fold(w string) string {
	if plainLower(w) {
		return w
	}
	var b strings.Builder
	b.Grow(len(w) + 2)
	foldInto(&b, w)
	return b.String()
}

// plainLower reports whether w is plain lower-case ASCII without a
// backtick: its own folded form.
func plainLower(w string) bool {
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 0x80 || (c >= 'A' && c <= 'Z') || c == '`' {
			return false
		}
	}
	return true
}

// foldInto writes the folded form of w (fold) to b.
func foldInto(b *strings.Builder, w string) {
	for _, r := range w {
		if r < utf8.RuneSelf && r != '`' {
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		r = unicode.ToLower(r)
		switch r {
		case 'ä':
			b.WriteString("ae")
		case 'ö':
			b.WriteString("oe")
		case 'ü':
			b.WriteString("ue")
		case 'ß':
			b.WriteString("ss")
		case '’', '`', 'ʼ':
			b.WriteByte('\'')
		case utf8.RuneError:
			// Invalid bytes vanish from the folded form.
		default:
			b.WriteRune(r)
		}
	}
}

// turnWords returns the words of each sentence of text (the spans of
// splitSentences) as tokenize gives them: from r, text's tagging, when
// the tagger kept the words of every sentence, else tokenised anew.
func turnWords(r Result, text string) [][]token {
	kept := len(r.Sentences) > 0
	for _, s := range r.Sentences {
		kept = kept && s.wordsKept
	}
	if kept {
		out := make([][]token, len(r.Sentences))
		for i, s := range r.Sentences {
			out[i] = s.words
		}
		return out
	}
	spans := splitSentences(text)
	out := make([][]token, len(spans))
	for i, sp := range spans {
		out[i] = tokenize(text[sp.start:sp.end])
	}
	return out
}

// turnPhrase is phrase(text) for text tagged as r: made of the words the
// tagger kept when it kept every sentence's (turnWords), without
// tokenising the text again.
func turnPhrase(r Result, text string) phrased {
	kept := len(r.Sentences) > 0
	n := 2
	for _, s := range r.Sentences {
		kept = kept && s.wordsKept
		for _, t := range s.words {
			n += len(t.s) + 1
		}
	}
	if !kept {
		return phrase(text)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteByte(' ')
	for _, s := range r.Sentences {
		for _, t := range s.words {
			b.WriteString(t.s)
			b.WriteByte(' ')
		}
	}
	return phrased(b.String())
}

// sentenceWords returns the words of sentence s of text as tokenize gives
// them for quoteOf(text, s): those the tagger kept, or tokenised anew.
func sentenceWords(text string, s Sentence) []token {
	if s.wordsKept {
		return s.words
	}
	return tokenize(quoteOf(text, s))
}

// WordCount is len(strings.Fields(s)), the number of runs of non-space
// runes, counted without building the fields: the reading counts words
// of every turn (a short turn, a substantial one), and strings.Fields
// allocates a slice of them, on a slow path for any text with a letter
// beyond ASCII.
func WordCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		space := false
		if c < utf8.RuneSelf {
			space = c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		switch {
		case space:
			in = false
		case !in:
			in = true
			n++
		}
	}
	return n
}
