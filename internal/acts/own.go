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
				w := strings.ToLower(strings.Trim(prev, ",.;:!?–—\"„“'"))
				switch {
				case intro && (companyLinks[w] || w == "calling"):
					add(next)
				case ownPossessives[w] || w == "our":
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
