package acts

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unsafe"
)

// TestIndexedListsMatchAsSearched holds any's indexed reading of the
// package's phrase lists to a search of the text per phrase, on every
// sentence of the reading corpus and of its context.
func TestIndexedListsMatchAsSearched(t *testing.T) {
	if len(listIndexes) == 0 {
		t.Fatal("no phrase list is indexed")
	}
	var texts []string
	for _, f := range []string{"testdata/reading/tune.jsonl", "testdata/reading/heldout.jsonl"} {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
		for sc.Scan() {
			var it struct {
				Text    string `json:"text"`
				Context []struct {
					Text string `json:"text"`
				} `json:"context"`
			}
			if json.Unmarshal(sc.Bytes(), &it) != nil {
				continue
			}
			texts = append(texts, it.Text)
			for _, c := range it.Context {
				texts = append(texts, c.Text)
			}
		}
		fh.Close()
	}
	searched := func(p phrased, list []phrased) bool {
		for _, ph := range list {
			if p.has(ph) {
				return true
			}
		}
		return false
	}
	hits := 0
	for _, text := range texts {
		ps := []phrased{phrase(text), phrase(strings.ToUpper(text))}
		for _, sp := range splitSentences(text) {
			toks := tokenize(text[sp.start:sp.end])
			ps = append(ps, phraseOf(toks), looseOf(toks, phraseOf(toks)))
		}
		for first, li := range listIndexes {
			list := unsafe.Slice(first, li.n)
			for _, p := range ps {
				got, want := p.any(list), searched(p, list)
				if got != want {
					t.Fatalf("%q against %v: any %t, searched %t", p, list[:3], got, want)
				}
				if got {
					hits++
				}
			}
		}
	}
	if hits == 0 {
		t.Error("no text matched any indexed list")
	}
	t.Logf("%d lists, %d texts, %d matches", len(listIndexes), len(texts), hits)
}
