package acts_test

import (
	"bytes"
	"testing"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/scenario"
	"github.com/openline/openline/scenarios"
)

func shipped() (map[string]*openline.Scenario, error) { return scenario.ByID(scenarios.FS) }

// TestLearnedModelReproduces retrains the learned layer on the corpus as
// cmd/train-reading does: the embedded file must be exactly what comes
// out, so nobody edits weights by hand and a change of the rules or the
// corpus is followed by retraining (go run ./cmd/train-reading).
func TestLearnedModelReproduces(t *testing.T) {
	exs, err := acts.CorpusExamples("testdata/reading", shipped)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := acts.Train(exs, acts.LayerOff)
	want, err := acts.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Marshal(); !bytes.Equal(got, want.Marshal()) {
		t.Errorf("retrained model (%d bytes) differs from internal/acts/reading.model (%d bytes): run go run ./cmd/train-reading", len(got), len(want.Marshal()))
	}
}
