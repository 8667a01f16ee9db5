package acts

import (
	"regexp"
	"strings"

	"github.com/openline/openline/internal/openline"
)

// Filler words by language, whole words, case ignored; drawn-out
// spellings count ("ähmm", "uhh"). "like" counts only set off by commas
// ("it was, like, fine"), "you know" only before a comma or a sentence's
// end, so "I'd like to" and "you know him" do not.
var (
	fillerWord = map[openline.Language]*regexp.Regexp{
		openline.German:  regexp.MustCompile(`^(?:ä+h+m*|ö+h+m*|halt|sozusagen|quasi)$`),
		openline.English: regexp.MustCompile(`^(?:u+m+|u+h+|e+r+m+)$`),
	}
	wordRE = regexp.MustCompile(`\pL+`)
)

// Fillers returns the filler words of text, said in a call in lang, as
// they stand in it (each a cue: a substring of text). The voice figures
// count them; no score moves with them.
func Fillers(lang openline.Language, text string) []string {
	re := fillerWord[lang]
	if re == nil {
		return nil
	}
	words := wordRE.FindAllStringIndex(text, -1)
	// between is the text between word k-1 and word k (k = len: after the last).
	between := func(k int) string {
		from, to := 0, len(text)
		if k > 0 {
			from = words[k-1][1]
		}
		if k < len(words) {
			to = words[k][0]
		}
		return text[from:to]
	}
	var out []string
	for k, w := range words {
		word := strings.ToLower(text[w[0]:w[1]])
		switch {
		case re.MatchString(word):
			out = append(out, text[w[0]:w[1]])
		case lang != openline.English:
		case word == "like" && k > 0 && strings.Contains(between(k), ",") && strings.Contains(between(k+1), ","):
			out = append(out, text[w[0]:w[1]])
		case word == "you" && k+1 < len(words) && strings.ToLower(text[words[k+1][0]:words[k+1][1]]) == "know" && strings.TrimSpace(between(k+1)) == "":
			after := strings.TrimSpace(between(k + 2))
			if k+2 == len(words) || strings.ContainsAny(after, ",.?!") {
				out = append(out, text[w[0]:words[k+1][1]])
			}
		}
	}
	return out
}
