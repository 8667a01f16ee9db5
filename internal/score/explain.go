package score

import (
	"slices"
	"strings"

	"github.com/openline/openline/internal/openline"
)

// Explain returns a copy of card whose explanations are in lang, the
// reader's language: each evidence item's reason and each tip's text. The
// quotes, the better lines and everything else stay in the call's
// language: they are the trainee's and the prospect's words, and a line to
// say in that call. A text the scorer did not write (an older scorecard's)
// is left as it is. lang not valid, or the call's own, returns card.
func Explain(card *openline.Scorecard, lang openline.Language) *openline.Scorecard {
	if card == nil || !lang.Valid() || lang == card.Language {
		return card
	}
	out := *card
	out.Evidence = slices.Clone(card.Evidence)
	for i := range out.Evidence {
		out.Evidence[i].Why = explain(out.Evidence[i].Why, lang)
	}
	out.Tips = slices.Clone(card.Tips)
	for i := range out.Tips {
		out.Tips[i].Text = explain(out.Tips[i].Text, lang)
	}
	return &out
}

// explain gives text, a reason or tip in either language, in lang. A
// discovered need's reason ends with the prospect's words in quotes; they
// are kept, in the marks of lang.
func explain(text string, lang openline.Language) string {
	if m, ok := said[text]; ok {
		return m.in(lang)
	}
	for _, src := range []openline.Language{openline.German, openline.English} {
		prefix := whyNeed.in(src)
		if !strings.HasPrefix(text, prefix) {
			continue
		}
		quoted := strings.TrimPrefix(text, prefix)
		quoted = strings.TrimFunc(quoted, func(r rune) bool { return strings.ContainsRune("„“”\"", r) })
		return needReason(quoted).in(lang)
	}
	return text
}

// needReason is the reason of a discovered need, naming it in the
// prospect's words.
func needReason(words string) msg {
	return msg{whyNeed.de + "„" + words + "“", whyNeed.en + "“" + words + "”"}
}
