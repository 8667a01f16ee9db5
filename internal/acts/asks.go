package acts

// Topics are the things a turn may ask about, each named by words or
// phrases (a persona's facts: "wie viele mitarbeiter", "what do you
// make"). Build them once with NewTopics; About is then cheap per turn.
type Topics struct{ list [][]phrased }

// NewTopics prepares topics: topic i is named by any of topics[i].
func NewTopics(topics [][]string) Topics {
	ts := Topics{list: make([][]phrased, len(topics))}
	for i, names := range topics {
		ts.list[i] = phrases(names...)
	}
	return ts
}

// About returns the index of the topic text names, or -1. A name matches
// as whole words, case and umlaut spelling ignored ("Mitarbeiter" and
// "mitarbeiter", "für" and "fuer"); the topic with the longest matching
// name wins, the earlier one on a tie, so "wie viele filialen" beats
// "wie viele". Whether text is a question at all is the tagger's
// (Trainee) to say.
func (ts Topics) About(text string) int {
	if len(ts.list) == 0 {
		return -1
	}
	p := phrase(text)
	best, bestLen := -1, 0
	for i, names := range ts.list {
		for _, n := range names {
			if len(n) > bestLen && p.has(n) {
				best, bestLen = i, len(n)
			}
		}
	}
	return best
}
