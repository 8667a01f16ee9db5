package acts

import "strings"

// AsksHowAreYouOf is AsksHowAreYou with the listener's names taken out
// first: "Wie geht's Ihnen denn heute, Herr B.?" asks how Herr B. is, and
// his name is no word about something else. names are the listener's
// names as the scenario writes them ("Herr B.", "Mr Daniels"); empty ones
// are ignored. Added for the scripted prospect (issue 9); AsksHowAreYou
// is unchanged.
func AsksHowAreYouOf(text string, names ...string) bool {
	lower := strings.ToLower(text)
	for _, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		if n == "" {
			continue
		}
		lower = strings.ReplaceAll(lower, n, " ")
		// The name without its title: "Wie geht's, Daniels?"
		if _, last, ok := strings.Cut(n, " "); ok && len(last) > 2 {
			lower = strings.ReplaceAll(lower, last, " ")
		}
	}
	return AsksHowAreYou(lower)
}
