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

// maxCompanyWords is how many capitalised words after "from"/"von" name
// the company.
const maxCompanyWords = 3

// minCompanyWord is the shortest word, in bytes, that can stand for the
// company ("AB" or "IT" stand for too much).
const minCompanyWord = 4

// ownCompany returns the company named in an introduction sentence of r
// (text its turn): the first capitalised word after von, vom, bei, from
// or at, as tokenize folds it, that is no pronoun ("bei Ihnen") and no
// greeting; "" when no introduction names one.
func ownCompany(r Result, text string) string {
	for _, s := range r.Sentences {
		if !slices.Contains(s.Acts, openline.ActIntroduction) || s.Start < 0 || s.End > len(text) || s.Start > s.End {
			continue
		}
		words := strings.Fields(text[s.Start:s.End])
		for k := 0; k+1 < len(words); k++ {
			if !companyLinks[strings.ToLower(strings.Trim(words[k], ",.;:!?–—\"„“'"))] {
				continue
			}
			for _, w := range words[k+1 : min(len(words), k+1+maxCompanyWords)] {
				bare := strings.Trim(w, ",.;:!?–—\"„“'()")
				if !startsUpper(bare) {
					break
				}
				toks := tokenize(bare)
				if len(toks) == 0 || len(toks[0].s) < minCompanyWord || slices.Contains(listener, toks[0].s) || answerGreetings[strings.ToLower(bare)] {
					continue
				}
				return toks[0].s
			}
		}
	}
	return ""
}

// namesOwn marks as a pitch every sentence of trainee turn r (said as
// text) that names
// the company (own, as ownCompany gives it) and does not introduce, greet,
// ask permission or say goodbye: "Thanks for calling SalesPilot" is
// courtesy, "SalesPilot has voice notes" a claim.
func namesOwn(r *Result, text, own string) {
	if own == "" {
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
		if slices.ContainsFunc(sentenceWords(text, *s), func(t token) bool { return t.s == own }) {
			s.Acts = append(slices.Clone(s.Acts), openline.ActPitch)
			changed = true
		}
	}
	if !changed {
		return
	}
	var all actSet
	for _, s := range r.Sentences {
		for _, a := range s.Acts {
			all.add(a)
		}
	}
	r.Acts = all.list()
}
