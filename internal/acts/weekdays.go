package acts

import "strings"

// Weekdays returns the days of the week text names (0 Monday … 6 Sunday),
// in either language, each once, in order: "Dienstag um zehn",
// "dienstags", "Dienstagmorgen", "Tuesday", "Tues". Added for the scripted
// prospect (issue 9), which holds a caller to the day it agreed.
func Weekdays(text string) []int {
	var out []int
	for _, t := range tokenize(text) {
		for d, names := range weekdayNames {
			for _, n := range names {
				// A short form only as itself: "money" is no Monday.
				if (t.s == n || len(n) > 5 && strings.HasPrefix(t.s, n)) && !containsInt(out, d) {
					out = append(out, d)
				}
			}
		}
	}
	return out
}

// weekdayNames are the folded starts of each day's names.
var weekdayNames = [7][]string{
	{"montag", "monday", "mon"}, {"dienstag", "tuesday", "tues"}, {"mittwoch", "wednesday", "wed"}, {"donnerstag", "thursday", "thurs"},
	{"freitag", "friday", "fri"}, {"samstag", "sonnabend", "saturday", "sat"}, {"sonntag", "sunday", "sun"},
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
