package acts

import (
	"slices"
	"testing"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/scenario"
	"github.com/openline/openline/scenarios"
)

// TestPushingCorpusRead reads the labelled turns of
// testdata/reading/pushing.jsonl (the lead's hand-played pushing calls and
// their contrasts, README.md) and checks the acts they were written for:
// pressure, pitch and feedback request on the trainee's side, a warning
// heard as annoyance and no hang-up on the prospect's.
func TestPushingCorpusRead(t *testing.T) {
	items, err := ReadCorpusFile("testdata/reading/pushing.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	scs, err := scenario.ByID(scenarios.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		rd := Read(it.Transcript(), scs[it.Scenario])
		rt := rd.Turns[len(rd.Turns)-1]
		acts := []openline.Act{openline.ActPressure, openline.ActPitch, openline.ActFeedbackRequest}
		if it.Speaker == string(openline.Prospect) {
			acts = []openline.Act{openline.ActHangup}
			if rt.Annoyed != it.Annoyed {
				t.Errorf("%s %q: annoyed %v, want %v", it.ID, it.Text, rt.Annoyed, it.Annoyed)
			}
		}
		for _, a := range acts {
			if got, want := rt.Has(a), slices.Contains(it.Acts, a); got != want {
				t.Errorf("%s %q: %s %v, want %v (acts %v)", it.ID, it.Text, a, got, want, rt.Acts)
			}
		}
	}
}
