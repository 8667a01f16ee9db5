package acts

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// The prepared matchers stand in for plainer code; each must give what
// that code gives, on any text.

func TestSubstringsFindWhatContainsFinds(t *testing.T) {
	lists := [][]string{
		hurriedPhrases[openline.German], hurriedPhrases[openline.English], listenerTime, smallTalkTopics,
		{"a", "zz", "ä", "über"}, {""}, nil,
	}
	texts := []string{"", "a", "keine zeit heute", "ich hab keine", "no time for this", "sie haben keine zeit", " you're", "ü", "über", "z", "zz", "xzz", "wetter?", "\xff\xfe"}
	texts = append(texts, randomTexts(1, "a", "z", " ", "ä", "ü", "ber", "keine", " zeit", "no", " time", "\xff", "sie", " haben", "y", "ou're")...)
	for _, list := range lists {
		set := substringsOf(list)
		for _, text := range texts {
			want := false
			for _, p := range list {
				want = want || strings.Contains(text, p)
			}
			if got := set.in(text); got != want {
				t.Fatalf("substringsOf(%q).in(%q) = %v, strings.Contains says %v", list, text, got, want)
			}
		}
	}
}

func TestFoldSpaceIsLowerFieldsJoined(t *testing.T) {
	texts := []string{"", " ", "  Keine   Zeit  ", "\tÄrger\n\nÜBER\r\nalles", "İstanbul ẞ", "a\u00a0b\u2003c\u0085d", "\xffX\xfe y", "\uFFFD", "ok"}
	texts = append(texts, randomTexts(3, "A", "z", " ", "\t", "Ä", "ü", "\u00a0", "\u2028", "\xff", "İ", "Ω", "\n", "x")...)
	for _, s := range texts {
		want := strings.Join(strings.Fields(strings.ToLower(s)), " ")
		if got := foldSpace(s); got != want {
			t.Fatalf("foldSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

// randomTexts returns 3,000 texts of up to 11 pieces of alphabet each,
// the same for the same seed.
func randomTexts(seed uint64, alphabet ...string) []string {
	r := rand.New(rand.NewPCG(seed, seed+1))
	out := make([]string, 3000)
	for i := range out {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		out[i] = b.String()
	}
	return out
}
