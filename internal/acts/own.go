package acts

import (
	"slices"
	"strings"

	"github.com/openline/openline/internal/openline"
)

// This file reads the trainee's own company by its name. The call's
// introduction names it ("Adam from SalesPilot", "Anja Scholz von
// CuraTeam"); after that, a sentence that names it again talks about the
// caller's own side: "SalesPilot puts every contact in the cloud", "With
// SalesPilot they will" pitch as "our product" does, whatever the
// sentence's form. Read learns the name from the turns and reads every
// later trainee turn with it.

// minCompanyWord is the shortest word, in bytes, that can stand for the
// company ("AB" or "IT" stand for too much).
const minCompanyWord = 4

// ownNames returns the names of the trainee's own side that turn r (said
// as text; first is true for the call's first turn, answering the phone)
// names: the first capitalised word after von, vom, bei, from, at or
// calling in an introduction ("Adam from SalesPilot", "thank you for
// calling Brightwater Heating"), the firm a phone answer opens with
// ("Telefonservice Rhein-Main, Sie sprechen mit Lara Beck"), and a
// capitalised name after "our"/"unser" ("our Priority Care plan"); each
// as tokenize folds it, and none that is a pronoun ("bei Ihnen") or a
// greeting.
func ownNames(r Result, text string, first bool) []string {
	var out []string
	add := func(w string) {
		bare := strings.Trim(w, ",.;:!?–—\"„“'()")
		if !startsUpper(bare) || answerGreetings[strings.ToLower(bare)] {
			return
		}
		toks := tokenize(bare)
		if len(toks) == 0 || len(toks[0].s) < minCompanyWord || slices.Contains(listener, toks[0].s) || slices.Contains(out, toks[0].s) {
			return
		}
		out = append(out, toks[0].s)
	}
	for _, s := range r.Sentences {
		if s.Start < 0 || s.End > len(text) || s.Start > s.End {
			continue
		}
		intro := slices.Contains(s.Acts, openline.ActIntroduction)
		prev := "" // the word before next, "" before the first (Fields yields none empty)
		for next := range strings.FieldsSeq(text[s.Start:s.End]) {
			if prev != "" {
				switch link, own := linkWord(prev); {
				case intro && link:
					add(next)
				case own:
					add(next)
				}
			}
			prev = next
		}
	}
	if first && len(r.Sentences) > 0 {
		// The firm a phone answer opens with: its first clause, when the
		// answer names a firm and that clause is not the speaker's name.
		if ans := answerPhone(r, text); ans.Company {
			clause, _, _ := strings.Cut(text, ",")
			if !NamesSelf(clause, false) {
				for _, w := range strings.Fields(clause) {
					if !answerGreetings[strings.ToLower(strings.Trim(w, ",.;:!?"))] {
						add(w)
						break
					}
				}
			}
		}
	}
	return out
}

// linkWord reports whether w, trimmed of punctuation and lower-cased,
// links an introduction to a company name ("von", "from", "calling") or
// is a possessive of the own side ("unser", "our"). A word of plain
// ASCII is lowered in a buffer, without allocating.
func linkWord(w string) (link, own bool) {
	var buf [16]byte
	if b, ok := asciiLowerTrimmed(w, buf[:0]); ok {
		return companyLinks[string(b)] || string(b) == "calling", ownPossessives[string(b)] || string(b) == "our"
	}
	lw := strings.ToLower(strings.Trim(w, ",.;:!?–—\"„“'"))
	return companyLinks[lw] || lw == "calling", ownPossessives[lw] || lw == "our"
}

// asciiLowerTrimmed appends to buf strings.ToLower(strings.Trim(w,
// ",.;:!?–—\"„“'")) when w is plain ASCII (the cut set's other members
// are never an ASCII byte) and the result fits buf's capacity; ok is
// false otherwise.
func asciiLowerTrimmed(w string, buf []byte) ([]byte, bool) {
	if !plainASCII(w) {
		return nil, false
	}
	cut := func(c byte) bool { return strings.IndexByte(",.;:!?\"'", c) >= 0 }
	for w != "" && cut(w[0]) {
		w = w[1:]
	}
	for w != "" && cut(w[len(w)-1]) {
		w = w[:len(w)-1]
	}
	if len(w) > cap(buf) {
		return nil, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf, true
}

// namesOwn marks as a pitch every sentence of trainee turn r (said as
// text) that names
// a name of the own side (own, as ownNames gives them) and does not introduce, greet,
// ask permission or say goodbye: "Thanks for calling SalesPilot" is
// courtesy, "SalesPilot has voice notes" a claim.
func namesOwn(r *Result, text string, own []string) {
	if len(own) == 0 {
		return
	}
	changed := false
	for k := range r.Sentences {
		s := &r.Sentences[k]
		if slices.Contains(s.Acts, openline.ActPitch) || slices.ContainsFunc(s.Acts, func(a openline.Act) bool {
			return a == openline.ActIntroduction || a == openline.ActGreeting || a == openline.ActPermission || a == openline.ActFarewell
		}) {
			continue
		}
		if slices.ContainsFunc(sentenceWords(text, *s), func(t token) bool { return slices.Contains(own, t.s) }) {
			s.Acts = append(slices.Clone(s.Acts), openline.ActPitch)
			changed = true
		}
	}
	if changed {
		r.unite()
	}
}
