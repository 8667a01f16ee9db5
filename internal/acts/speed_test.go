package acts

import (
	"strings"
	"testing"
)

// The tests of this file check the faster forms of docs/performance.md
// ("Reading and scoring") against the plain code they replace.

// speedWords are words of every kind the helpers below meet: plain,
// capitalised, folded, with punctuation and quotes around them, non-ASCII,
// long and empty.
var speedWords = []string{"", "a", "von", "Von", "VON", "from,", "„von", "von“", "(von)", "calling", "Calling:", "our", "Our!", "unseres",
	"Unseres.", "'unser'", "\"our\"", "–von–", "vön", "Kelvin", "\u212Aelvin", "İst", "finden", "findet", "finde", "struggling",
	"struggles", "ungen", "lungen", "ab", "abcd", "abcde", "haben", "testet", "meister", "Auszubildenden", "O'Brien", "müller-lüdenscheid",
	"verylongwordthatisnolink", "unseres!!!!!!!!!!!!!!!!!!", strings.Repeat("x", 40), "\xff\xfe", "ß", "straße"}

func TestLinkWordIsTrimAndLower(t *testing.T) {
	for _, w := range speedWords {
		lw := strings.ToLower(strings.Trim(w, ",.;:!?–—\"„“'"))
		link, own := linkWord(w)
		if wantLink, wantOwn := companyLinks[lw] || lw == "calling", ownPossessives[lw] || lw == "our"; link != wantLink || own != wantOwn {
			t.Errorf("linkWord(%q) = %v, %v, want %v, %v", w, link, own, wantLink, wantOwn)
		}
		if b, ok := asciiLowerTrimmed(w, make([]byte, 0, 64)); ok && string(b) != lw {
			t.Errorf("asciiLowerTrimmed(%q) = %q, want %q", w, b, lw)
		}
	}
}

func TestStemByLastByteIsStem(t *testing.T) {
	plain := func(w string) string {
		for _, suf := range suffixes {
			if len(w)-len(suf) >= minStem && strings.HasSuffix(w, suf) {
				return w[:len(w)-len(suf)]
			}
		}
		return w
	}
	words := append([]string{}, speedWords...)
	for _, lx := range []*lexicon{deLex, enLex} {
		for w := range lx.vocab {
			words = append(words, w)
		}
	}
	for _, w := range words {
		if got, want := stem(w), plain(w); got != want {
			t.Errorf("stem(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestWordSigAdmitsEveryWordOfItsSet(t *testing.T) {
	var g wordSig
	for _, w := range speedWords {
		g.add(w)
	}
	for _, w := range speedWords {
		if w != "" && !g.may(w) {
			t.Errorf("may(%q) = false for a word of the set", w)
		}
	}
	if g.may("") {
		t.Error(`may("") = true`)
	}
}

func TestTypoKeptIsTypo(t *testing.T) {
	for _, lx := range []*lexicon{deLex, enLex} {
		for _, w := range []string{"intrested", "interessiert", "intressiert", "xxxxxxxx", "meetting", "Auszubildenden", "auszubildnden"} {
			want, wantOK := lx.typoOf(w)
			for range 2 { // asked, then kept
				if got, ok := lx.typo(w); got != want || ok != wantOK {
					t.Errorf("%s: typo(%q) = %q, %v, want %q, %v", lx.lang, w, got, ok, want, wantOK)
				}
			}
		}
	}
}

func TestStopOfIsBothStopLists(t *testing.T) {
	words := append([]string{}, speedWords...)
	for _, lx := range []*lexicon{deLex, enLex} {
		for w := range lx.vocab {
			words = append(words, w)
		}
	}
	for _, w := range words {
		for _, lx := range []*lexicon{deLex, enLex} {
			if got, want := stopOf[w]&stopBit(lx) != 0, lx.stop[w]; got != want {
				t.Errorf("%s: stop %q = %v, want %v", lx.lang, w, got, want)
			}
		}
	}
}
