package score

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// minPairMargin is how many points the good version of a call must score
// above the bad version, on both dimensions.
const minPairMargin = 25

// TestPairs scores good and bad versions of the same call
// (testdata/pairs/NAME.good.json and NAME.bad.json) and requires the good
// one to score at least minPairMargin points higher on both dimensions.
func TestPairs(t *testing.T) {
	goods, err := filepath.Glob("testdata/pairs/*.good.json")
	if err != nil {
		t.Fatal(err)
	}
	langs := map[openline.Language]int{}
	for _, good := range goods {
		name := strings.TrimSuffix(filepath.Base(good), ".good.json")
		t.Run(name, func(t *testing.T) {
			gt, gc := scoreFile(t, good, nil)
			_, bc := scoreFile(t, strings.TrimSuffix(good, ".good.json")+".bad.json", nil)
			langs[gt.Language]++
			if d := gc.Openness - bc.Openness; d < minPairMargin {
				t.Errorf("openness: good %d, bad %d: margin %d, want at least %d", gc.Openness, bc.Openness, d, minPairMargin)
			}
			if d := gc.Curiosity - bc.Curiosity; d < minPairMargin {
				t.Errorf("curiosity: good %d, bad %d: margin %d, want at least %d", gc.Curiosity, bc.Curiosity, d, minPairMargin)
			}
		})
	}
	if langs[openline.German] < 3 || langs[openline.English] < 3 {
		t.Errorf("want at least 3 German and 3 English pairs, got %v", langs)
	}
}

// scoreFile decodes and scores a transcript file, checking the scorecard's
// invariants.
func scoreFile(t *testing.T, path string, sc *openline.Scenario) (openline.Transcript, *openline.Scorecard) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	transcript, err := DecodeTranscript(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	card, err := Score(transcript, sc)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	checkCard(t, transcript, card)
	return transcript, card
}
