package acts

import (
	"reflect"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestKeptWordsAreTheTokens checks that the words the tagger keeps for a
// sentence are what tokenising the sentence again gives (and the turn's
// phrase made of them is phrase of its text), on the labelled
// turns and on turns quoting the prospect, so the reading may use them in
// its place.
func TestKeptWordsAreTheTokens(t *testing.T) {
	var turns []labelled
	for _, file := range []string{"de.tsv", "en.tsv"} {
		turns = append(turns, loadLabelled(t, file)...)
	}
	turns = append(turns,
		labelled{text: `Sie sagen "kein Interesse" – was genau passt nicht?`, prospect: "Kein Interesse."},
		labelled{text: "Ein \"offenes Ende. Und ÜBER Köln?", prospect: "Köln"},
		labelled{text: "Das ist \xff kaputt\u2028und weiter"})
	kept := 0
	for _, c := range turns {
		for _, lang := range []openline.Language{openline.German, openline.English} {
			results := []Result{Prospect(lang, c.text)}
			if c.prospect != "" {
				results = append(results, Trainee(lang, c.text, Context{Prospect: c.prospect}))
			}
			for _, r := range results {
				want := turnWords(Result{}, c.text)
				if got := turnWords(r, c.text); !reflect.DeepEqual(got, want) {
					t.Fatalf("turnWords of %q: kept %v, tokenised %v", c.text, got, want)
				}
				if got, want := turnPhrase(r, c.text), phrase(c.text); got != want {
					t.Fatalf("turnPhrase of %q: %q, phrase %q", c.text, got, want)
				}
				for _, s := range r.Sentences {
					if s.wordsKept {
						kept++
					}
					if got, want := sentenceWords(c.text, s), tokenize(quoteOf(c.text, s)); !reflect.DeepEqual(got, want) {
						t.Fatalf("sentenceWords of %q in %q: %v, tokenised %v", quoteOf(c.text, s), c.text, got, want)
					}
				}
			}
		}
	}
	if kept == 0 {
		t.Fatal("the tagger kept no sentence's words")
	}
}

// TestNameWordsLowerAsToLower checks the name reading's lower-case words
// against strings.ToLower.
func TestNameWordsLowerAsToLower(t *testing.T) {
	texts := []string{"Hier ist ÄNNE Müller-Lüdenscheid, İstanbul ẞ O'Brien.", "ΑΘΗΝΑ und Ǆemal, ǅemal", "lukas hier"}
	for _, file := range []string{"de.tsv", "en.tsv"} {
		for _, c := range loadLabelled(t, file) {
			texts = append(texts, c.text)
		}
	}
	for _, text := range texts {
		for _, w := range nameWords(text) {
			if w.lower != strings.ToLower(w.s) {
				t.Fatalf("nameWords(%q): %q lowered to %q, strings.ToLower gives %q", text, w.s, w.lower, strings.ToLower(w.s))
			}
		}
	}
}
