package acts

// realWords are words a trainee writes that are one letter away from a
// word of the lexicon, so that the typo correction would read them as
// that word: "betreuen" (to look after) is not a misspelt "bereuen" (to
// regret, a pressure cue in "Sie werden es bereuen"), nor "berufen". They join the
// vocabulary, which typo never corrects.
var realWords = map[string][]string{
	"de": {"betreuen", "betreue", "betreut", "betreuer", "betreuten", "berufen", "beruf",
		// "bedacht" (considered) is not a misspelt "gedacht".
		"bedacht", "bedenken", "bedenke"},
}
