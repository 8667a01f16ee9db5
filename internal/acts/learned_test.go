package acts

import (
	"bytes"
	"encoding/base64"
	"math"
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
// credits or clear what debits, but for the acknowledgement, which it
// may only grant.
func TestTrainStricterGrid(t *testing.T) {
	m, _ := Train(corpusExamplesForTest(t), nil)
	for _, h := range m.heads {
		switch stricter(h.name) {
		case credits:
			if h.add <= 1 {
				t.Errorf("head %s credits but adds above %.2f", h.name, h.add)
			}
		case debits, grants:
			if h.remove >= 0 {
				t.Errorf("head %s only adds but removes below %.2f", h.name, h.remove)
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

// Stability of training: a retrain after an unrelated change (a rule
// elsewhere, one more corpus line) must not flip how the layer reads
// turns it had no reason to read otherwise. A turn whose head
// probability sits right at the threshold flips on any such retrain, so
// few may sit there, and training with another visiting order (as good a
// model as the shipped one) must read all but a few turns alike.
const (
	marginBand  = 0.02 // how near the threshold a probability is "at" it
	maxAtMargin = 0.01 // the share of corpus turns allowed at the threshold, per head
	// The share of corpus turns another seed may read otherwise: 0.5 % on
	// the seventh held-out half, 8 of 1,375 turns (0.58 %) once the eighth
	// replaced it on 7 December (informal, lowercase turns whose
	// acknowledgement sits near the threshold); the limit still fails a
	// head that a seed decides, as the unshipped reflection head was.
	maxFlipped = 0.0075
)

// TestLearnedStable trains the layer with two seeds on the tuning half and
// reads both halves of the corpus (the held-out half unseen by training)
// with each.
func TestLearnedStable(t *testing.T) {
	tune := corpusExamplesForTest(t)
	items, err := ReadCorpusFile("testdata/reading/heldout.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	all := append(slices.Clone(tune), Examples(items, nil)...)
	a, _ := train(tune, LayerOff, trainSeed)
	b, _ := train(tune, LayerOff, trainSeed+1)
	if len(a.heads) == 0 {
		t.Fatal("no head in use: nothing to check")
	}
	atMargin := map[string]int{}
	flipped, turns := 0, 0
	for _, ex := range all {
		n := len(ex.Transcript.Turns)
		if ex.Transcript.Turns[n-1].Speaker != openline.Trainee {
			continue
		}
		turns++
		ra, rb := readTagged(ex.Transcript, ex.Scenario, nil, a).Turns[n-1], readTagged(ex.Transcript, ex.Scenario, nil, b).Turns[n-1]
		if !sameActs(ra.Acts, rb.Acts) || ra.YesBut != rb.YesBut || ra.Uptake != rb.Uptake {
			flipped++
			t.Logf("another seed reads %q as %v, not %v", ex.Transcript.Turns[n-1].Text, rb.Acts, ra.Acts)
		}
		rules := readTagged(ex.Transcript, ex.Scenario, nil, nil).Turns[n-1]
		prospect := ""
		if n >= 2 && ex.Transcript.Turns[n-2].Speaker == openline.Prospect {
			prospect = ex.Transcript.Turns[n-2].Text
		}
		f := turnFeatures(a.buckets, &rules, ex.Transcript.Turns[n-1].Text, prospect)
		for i := range a.heads {
			h := &a.heads[i]
			if h.kind != headAct {
				continue
			}
			threshold := h.add
			if rules.Has(h.act) {
				threshold = h.remove
			}
			if math.Abs(sigmoid(h.score(f.all))-threshold) < marginBand {
				atMargin[h.name]++
			}
		}
	}
	for name, n := range atMargin {
		if float64(n) > maxAtMargin*float64(turns) {
			t.Errorf("head %s: %d of %d corpus turns within %.2f of its threshold, want at most %.0f%%", name, n, turns, marginBand, 100*maxAtMargin)
		}
	}
	if float64(flipped) > maxFlipped*float64(turns) {
		t.Errorf("a model trained with another seed reads %d of %d corpus turns otherwise, want at most %.1f%%", flipped, turns, 100*maxFlipped)
	}
	t.Logf("%d trainee turns; at the threshold: %v; read otherwise with another seed: %d", turns, atMargin, flipped)
}

// TestLayerKeepsLoneFarewell checks the layer never takes a farewell from
// a turn that does nothing but thank and take leave, whatever its words
// (standsAlone), and still weighs one in a turn that goes on.
func TestLayerKeepsLoneFarewell(t *testing.T) {
	prospect := "Ah, you're the one with the email. Yes, I read it. Like I wrote, it's really not one for us."
	for _, text := range []string{
		"I won't keep you – thanks for taking my call, and all the best.",
		"I won't keep you – all the best.",
	} {
		ctx := Context{Prospect: prospect}
		if got := TraineeTurn(Trainee(openline.English, text, ctx), text, ctx); !got.Has(openline.ActFarewell) {
			t.Errorf("%q: acts %v, want farewell", text, got.Acts)
		}
	}
	r := Result{Acts: []openline.Act{openline.ActAcknowledgement, openline.ActFarewell}}
	if !standsAlone(r, openline.ActFarewell) {
		t.Error("thanks and goodbye: want the farewell to stand alone")
	}
	r.Acts = append(r.Acts, openline.ActOpenQuestion)
	if standsAlone(r, openline.ActFarewell) {
		t.Error("thanks, goodbye and a question: want the farewell weighed")
	}
}
