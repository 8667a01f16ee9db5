package score

import (
	"bytes"
	"os"
	"testing"

	"github.com/openline/openline/internal/scenario"
	"github.com/openline/openline/scenarios"
)

// TestCalibrationReproduces fits the shipped settings again on the
// trainer corpus of the tuning sets and checks that the result is calibrated.go:
// after a change of the reading, the parts or the corpus, run
// go run ./cmd/fit-weights.
func TestCalibrationReproduces(t *testing.T) {
	if testing.Short() {
		t.Skip("fits the calibration on the trainer corpus")
	}
	scs, err := scenario.ByID(scenarios.FS)
	if err != nil {
		t.Fatal(err)
	}
	calls, err := FitCorpus("../..", scs)
	if err != nil {
		t.Fatal(err)
	}
	src, err := FitSetting(calls, calibrated.Setting[0], calibrated.Setting[1]).GoSource()
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := os.ReadFile("calibrated.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(src, shipped) {
		t.Errorf("calibrated.go is not what the fit of %q gives on the corpus now: run go run ./cmd/fit-weights\n%s", calibrated.Setting, src)
	}
}
