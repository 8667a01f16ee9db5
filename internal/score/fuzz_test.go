package score

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// FuzzDecodeTranscript: the decoder never panics, and a transcript it
// accepts is scored without error, within bounds, and survives a round trip
// through JSON.
func FuzzDecodeTranscript(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.json")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil && !strings.Contains(p, "golden") {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"language":"de","turns":[{"speaker":"trainee","text":"Hallo?","start_ms":0,"end_ms":5}]}`))
	f.Add([]byte(`{"language":"en","turns":[{"speaker":"bot","text":"x"}]}`))
	f.Add([]byte(`{"language":"en","turns":[{"speaker":"trainee","text":"x"}]} x`))
	f.Add([]byte("{\n\"language\": \"en\",\n\"turns\": [}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tr, err := DecodeTranscript(bytes.NewReader(data))
		if err != nil {
			return
		}
		card, err := Score(tr, nil)
		if err != nil {
			t.Fatalf("accepted transcript fails to score: %v", err)
		}
		checkCard(t, tr, card)
		again, err := json.Marshal(tr)
		if err != nil {
			t.Fatal(err)
		}
		tr2, err := DecodeTranscript(bytes.NewReader(again))
		if err != nil {
			t.Fatalf("re-encoded transcript is refused: %v", err)
		}
		if !reflect.DeepEqual(tr, tr2) {
			t.Fatalf("round trip changed the transcript")
		}
	})
}

// FuzzScore scores arbitrary turns: lines of text alternate between the
// prospect and the trainee; every scorecard keeps its invariants.
func FuzzScore(f *testing.F) {
	f.Add(false, "B., guten Tag?\nGuten Tag, hier ist Lena. Passt es gerade?\nNein, das ist nichts für uns.\nDarf ich fragen, woran es liegt?", true)
	f.Add(true, "Hello?\nHi! How are you doing? What else do you do?\nI'm calling because I need help.\nYou must buy it now!!!", false)
	f.Add(true, "\n\n?\n...\n¿¡\n\xff\xfe?", true)
	f.Add(false, "Ich rufe an wegen Ihres Seminars.\nJa.\nUnd?\nTschüss.", false)
	f.Fuzz(func(t *testing.T, english bool, text string, scenario bool) {
		tr := openline.Transcript{Language: openline.German}
		if english {
			tr.Language = openline.English
		}
		for i, line := range strings.Split(text, "\n") {
			if strings.TrimSpace(line) == "" || len(tr.Turns) == MaxTurns {
				continue
			}
			sp := openline.Prospect
			if i%2 == 1 {
				sp = openline.Trainee
			}
			tr.Turns = append(tr.Turns, openline.Turn{Speaker: sp, Text: line})
		}
		var sc *openline.Scenario
		if scenario {
			sc = &openline.Scenario{ID: "fuzz", Language: tr.Language, Needs: []openline.Need{{ID: "n", Reveal: []string{"nichts"}, Detect: []string{"help", ""}}}}
		}
		card, err := Score(tr, sc)
		if err != nil {
			if validate(tr, false) == nil {
				t.Fatalf("valid transcript fails to score: %v", err)
			}
			return
		}
		checkCard(t, tr, card)
	})
}
