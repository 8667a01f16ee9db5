package acts

import (
	"slices"

	"github.com/openline/openline/internal/openline"
)

// Goodbye reports whether the turn takes leave: it carries farewell, and
// neither the last sentence with farewell nor any sentence after it
// carries a question act ("Passt es noch? Sonst: auf Wiederhören!" is a
// goodbye, "Tschüss – oder haben Sie noch eine Frage?" is not). Without
// sentences, the whole turn must carry no question act.
func (r Result) Goodbye() bool {
	if !r.Has(openline.ActFarewell) {
		return false
	}
	question := func(acts []openline.Act) bool {
		return slices.Contains(acts, openline.ActOpenQuestion) || slices.Contains(acts, openline.ActClosedQuestion)
	}
	ss := r.Sentences
	last := len(ss) - 1
	for last >= 0 && !slices.Contains(ss[last].Acts, openline.ActFarewell) {
		last--
	}
	if last < 0 {
		return !question(r.Acts)
	}
	for _, s := range ss[last:] {
		if question(s.Acts) {
			return false
		}
	}
	return true
}
