package acts

import (
	"bytes"
	"encoding/base64"
	"slices"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestDefaultModelLoads checks the embedded layer parses and writes back
// to the same bytes.
func TestDefaultModelLoads(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatalf("DefaultModel: %v", err)
	}
	if got := m.Marshal(); !bytes.Equal(got, modelFile) {
		t.Errorf("Marshal of the embedded model differs from the file (%d bytes, want %d)", len(got), len(modelFile))
	}
	for _, h := range m.heads {
		if slices.Contains(LayerOff, h.name) {
			t.Errorf("head %s is in LayerOff but in the embedded model: retrain (go run ./cmd/train-reading)", h.name)
		}
	}
}

// TestParseModelErrors feeds malformed model files; each must give an
// error naming what is wrong, never a panic.
func TestParseModelErrors(t *testing.T) {
	weights := base64.StdEncoding.EncodeToString(make([]byte, 2*4))
	good := modelHeader + "\nbuckets 4\nhead pressure 0.5 -1 0.25\n" + weights + "\n"
	if _, err := ParseModel([]byte(good)); err != nil {
		t.Fatalf("ParseModel(good) = %v", err)
	}
	tests := []struct {
		name, file, want string
	}{
		{"empty", "", "want \"openline reading model 1\""},
		{"other version", "openline reading model 2\nbuckets 4\n", "line 1"},
		{"no buckets", modelHeader + "\n", "buckets"},
		{"zero buckets", modelHeader + "\nbuckets 0\n", "buckets \"0\""},
		{"huge buckets", modelHeader + "\nbuckets 99999999999\n", "buckets"},
		{"unknown head", modelHeader + "\nbuckets 4\nhead rejection 0.5 -1 0\n" + weights + "\n", "unknown head \"rejection\""},
		{"head twice", strings.TrimSuffix(good, "\n") + "\nhead pressure 0.5 -1 0\n" + weights + "\n", "twice"},
		{"short head line", modelHeader + "\nbuckets 4\nhead pressure 0.5\n", "line 3"},
		{"threshold not a number", modelHeader + "\nbuckets 4\nhead pressure x -1 0\n" + weights + "\n", "not a number"},
		{"NaN bias", modelHeader + "\nbuckets 4\nhead pressure 0.5 -1 NaN\n" + weights + "\n", "not a number"},
		{"no weights", modelHeader + "\nbuckets 4\nhead pressure 0.5 -1 0\n", "no weights"},
		{"weights not base64", modelHeader + "\nbuckets 4\nhead pressure 0.5 -1 0\n!!!\n", "weights"},
		{"too few weights", modelHeader + "\nbuckets 8\nhead pressure 0.5 -1 0\n" + weights + "\n", "want 8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseModel([]byte(tt.file))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseModel = %v, %v; want an error containing %q", m, err, tt.want)
			}
		})
	}
}

// FuzzParseModel: any bytes give a model or an error, never a panic; a
// model read writes back to what parses to the same model.
func FuzzParseModel(f *testing.F) {
	f.Add([]byte(modelHeader + "\nbuckets 4\nhead pressure 0.5 -1 0.25\n" + base64.StdEncoding.EncodeToString([]byte{1, 0, 255, 255, 0, 0, 7, 0}) + "\n"))
	f.Add([]byte(modelHeader + "\nbuckets 1\n"))
	f.Add(modelFile[:min(len(modelFile), 200)])
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseModel(data)
		if err != nil {
			return
		}
		again, err := ParseModel(m.Marshal())
		if err != nil {
			t.Fatalf("ParseModel(Marshal) = %v", err)
		}
		if !bytes.Equal(again.Marshal(), m.Marshal()) {
			t.Errorf("Marshal is not stable")
		}
	})
}

// TestLayerOnlyStricter reads turns with a layer whose every head says
// yes, or no, with certainty: it may add only what debits the trainee
// (pressure, a pitch) and take away only what credits them; an added
// act carries a cue inside the turn.
func TestLayerOnlyStricter(t *testing.T) {
	certain := func(name string, p float64) head {
		kind, act, _ := headFor(name)
		h := head{name: name, kind: kind, act: act, add: 0.5, remove: 0.5, w: make([]float32, 8)}
		h.bias = 20
		if p < 0.5 {
			h.bias = -20
		}
		return h
	}
	yes := &Model{buckets: 8, heads: []head{certain("pressure", 1)}}
	no := &Model{buckets: 8, heads: []head{certain("follow_up", 0)}}
	tr := openline.Transcript{Language: openline.English, Turns: []openline.Turn{
		{Speaker: openline.Prospect, Text: "We had a flood in the basement last week."},
		{Speaker: openline.Trainee, Text: "Oh no. How bad was the flood in the basement?"},
	}}
	rules := ReadWith(tr, nil, nil).Turns[1]
	if !rules.Has(openline.ActFollowUp) || rules.Has(openline.ActPressure) {
		t.Fatalf("rules read %v; the test wants a follow-up without pressure", rules.Acts)
	}
	got := ReadWith(tr, nil, yes).Turns[1]
	if !got.Has(openline.ActPressure) {
		t.Fatalf("with a certain pressure head: %v, want pressure added", got.Acts)
	}
	text := tr.Turns[1].Text
	for _, s := range got.Sentences {
		if start, end, ok := s.Cue(openline.ActPressure); ok && (start < s.Start || end > s.End || start >= end || end > len(text)) {
			t.Errorf("cue %d:%d outside its sentence %d:%d", start, end, s.Start, s.End)
		}
	}
	if !slices.ContainsFunc(got.Questions, func(q Question) bool { return q.Purpose == PurposePressure }) &&
		!slices.ContainsFunc(got.Sentences, func(s Sentence) bool { return slices.Contains(s.Acts, openline.ActPressure) && !s.Asks }) {
		t.Errorf("pressure added to a question but no question is pressure: %+v", got.Questions)
	}
	if got := ReadWith(tr, nil, no).Turns[1]; got.Has(openline.ActFollowUp) {
		t.Errorf("with a certain no follow-up head: %v, want the follow-up taken away", got.Acts)
	}
	if got := TraineeTurn(Trainee(openline.English, text, Context{Prospect: tr.Turns[0].Text}), text, Context{Prospect: tr.Turns[0].Text}); got.Has(openline.ActFollowUp) != Read(tr, nil).Turns[1].Has(openline.ActFollowUp) {
		t.Errorf("TraineeTurn and Read disagree on the follow-up: the engines must hear what the scorer reads")
	}
}

// TestTrainStricterGrid checks training never lets a head grant what
// credits or clear what debits.
func TestTrainStricterGrid(t *testing.T) {
	m, _ := Train(corpusExamplesForTest(t), nil)
	for _, h := range m.heads {
		switch stricter(h.name) {
		case credits:
			if h.add <= 1 {
				t.Errorf("head %s credits but adds above %.2f", h.name, h.add)
			}
		case debits:
			if h.remove >= 0 {
				t.Errorf("head %s debits but removes below %.2f", h.name, h.remove)
			}
		}
	}
}

// corpusExamplesForTest reads the reading corpus without scenarios (the
// needs do not matter to the grid).
func corpusExamplesForTest(t *testing.T) []Example {
	t.Helper()
	exs, err := CorpusExamples("testdata/reading", func() (map[string]*openline.Scenario, error) { return nil, nil })
	if err != nil {
		t.Fatal(err)
	}
	return exs
}
