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

// tillTheDay reports a sentence that only names the day of seeing each
// other again, a goodbye: "Bis zum Neunzehnten!", "Bis Donnerstag dann,
// Frau H.", "Bis Dienstag um zehn". Anything else after the day, a verb
// above all, makes the day a deadline ("Bis Freitag brauche ich Ihre
// Antwort", "Bis Freitag, dann ist der Deal weg").
func tillTheDay(toks []token) bool {
	for i := len(toks) - 2; i > 0; i-- {
		if toks[i].s == "bis" && (toks[i].clause || toks[i].upper) {
			toks = toks[i:] // "Danke Ihnen, Frau H. Bis Donnerstag dann!"
			break
		}
	}
	if len(toks) < 2 || toks[0].s != "bis" || len(toks) > 7 {
		return false
	}
	rest := toks[1:]
	if rest[0].s == "zum" && len(rest) > 1 {
		rest = rest[2:] // "zum Neunzehnten", "zum Termin"
	} else if weekdays[rest[0].s] || rest[0].s == "dann" || rest[0].s == "morgen" || rest[0].s == "bald" {
		rest = rest[1:]
	} else {
		return false
	}
	for _, t := range rest {
		switch {
		case t.s == "dann" || t.s == "um" || t.s == "uhr" || t.s == "also" || t.s == "frau" || t.s == "herr" || isDigits(t.s):
		case t.upper && !t.clause || t.upper && len(t.s) <= 3:
			// a name: "Frau H.", "Herr B."
		default:
			return false
		}
	}
	return true
}
