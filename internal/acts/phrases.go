package acts

import "strings"

// phrased is a text prepared for matching phrases as whole words: its
// words folded (fold) and joined by single spaces, with a space at each
// end, so " wie viele " matches the words and never part of one.
type phrased string

// phrase prepares text for whole-word matching.
func phrase(text string) phrased {
	var b strings.Builder
	b.Grow(len(text) + 2)
	b.WriteByte(' ')
	for _, sp := range splitSentences(text) {
		for _, t := range tokenize(text[sp.start:sp.end]) {
			b.WriteString(t.s)
			b.WriteByte(' ')
		}
	}
	return phrased(b.String())
}

// has reports whether p contains the words of ph, a phrase prepared by
// phrase; an empty phrase matches nothing.
func (p phrased) has(ph phrased) bool {
	return len(ph) > 2 && strings.Contains(string(p), string(ph))
}

// any reports whether p contains one of phrases (each prepared by phrase).
func (p phrased) any(phrases []phrased) bool {
	for _, ph := range phrases {
		if p.has(ph) {
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

// phrases prepares a list of phrases.
func phrases(list ...string) []phrased {
	out := make([]phrased, len(list))
	for i, s := range list {
		out[i] = phrase(s)
	}
	return out
}
