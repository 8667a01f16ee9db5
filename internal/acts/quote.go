package acts

import (
	"strings"
	"unicode/utf8"
)

// This file keeps the other person's words, quoted inside a trainee's
// turn, from being read as the trainee's own act: in 'Sie sagten „kein
// Interesse“ – darf ich fragen, warum?' the no is the prospect's. The
// quoted words are masked before the sentence is matched; when they are
// the prospect's own words (most of their content words were in the
// prospect's last turn), giving them back is a reflection.

// quotePairs are the opening and closing marks of a quotation.
var quotePairs = map[rune]rune{'„': '“', '“': '”', '"': '"', '»': '«', '«': '»', '‚': '‘', '‹': '›'}

// maskQuotes returns s with the words inside quotation marks blanked out
// (same length, so byte offsets stay), and the quoted words joined by a
// space. A mark without its closing mark quotes nothing.
func maskQuotes(s string) (masked, quoted string) {
	if !strings.ContainsAny(s, "„“\"»«‚‹") {
		return s, ""
	}
	b := []byte(s)
	var q strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		closing, ok := quotePairs[r]
		if !ok {
			i += size
			continue
		}
		j := strings.IndexRune(s[i+size:], closing)
		if j < 0 {
			i += size
			continue
		}
		inner := i + size
		end := inner + j
		q.WriteString(s[inner:end])
		q.WriteByte(' ')
		for k := inner; k < end; k++ {
			b[k] = ' '
		}
		_, csize := utf8.DecodeRuneInString(s[end:])
		i = end + csize
	}
	return string(b), strings.TrimSpace(q.String())
}

// quotesProspect reports whether quoted holds the prospect's words (from
// their turn prospect): at least half of its words were in that turn,
// compared as stems.
func quotesProspect(quoted, prospect string) bool {
	if quoted == "" || prospect == "" {
		return false
	}
	have := map[string]bool{}
	for _, t := range tokenize(prospect) {
		have[stem(t.s)] = true
	}
	toks := tokenize(quoted)
	got := 0
	for _, t := range toks {
		if have[stem(t.s)] {
			got++
		}
	}
	return len(toks) > 0 && 2*got >= len(toks)
}

// maxBorrowedQuoteWords is the longest quote, in words, that is read as
// the other person's phrase wherever it comes from („kein Interesse“,
// 'we've already got one').
const maxBorrowedQuoteWords = 4

// thirdPartyQuote reports whether the quote in a sentence (masked: the
// sentence with the quote blanked; quoted: its words) is a long one that
// neither holds the prospect's words (their last turn, prospect) nor is
// given to the listener at all (no "you" or "Sie" outside it: "you're
// thinking, „…“" voices them) and is said by someone (a verb of saying:
// "feeling like „Ugh …“" voices a mood): a story of what someone else said, told to
// make one's own case ("As one client said to me, „you'd be mad not to
// …“").
func thirdPartyQuote(masked, quoted, prospect string) bool {
	if len(strings.Fields(quoted)) <= maxBorrowedQuoteWords || quotesProspect(quoted, prospect) {
		return false
	}
	toks := tokenize(masked)
	return !hasWord(toks, listener...) && hasPrefix(toks, sayingStems...)
}

// sayingStems are the beginnings of verbs that give a quote to its
// speaker (folded): "said", "told", "put it", "sagte", "meinte".
var sayingStems = []string{"said", "say", "told", "tell", "put", "wrote", "sagt", "meint", "erzaehl", "schrieb"}
