package main

import (
	"math"
	"strings"
	"testing"

	"github.com/openline/openline/internal/acts"
)

func TestSpearmanAndMAE(t *testing.T) {
	tests := []struct {
		name string
		x, y []float64
		rho  float64
		mae  float64
	}{
		{"same order", []float64{10, 20, 30}, []float64{1, 50, 99}, 1, (9 + 30 + 69) / 3.0},
		{"reversed", []float64{1, 2, 3}, []float64{3, 2, 1}, -1, (2 + 0 + 2) / 3.0},
		{"ties get their mean rank", []float64{1, 1, 2}, []float64{1, 2, 3}, math.Sqrt(3) / 2, (0 + 1 + 1) / 3.0},
	}
	for _, tt := range tests {
		if got := spearman(tt.x, tt.y); math.Abs(got-tt.rho) > 1e-9 {
			t.Errorf("%s: spearman = %v, want %v", tt.name, got, tt.rho)
		}
		if got := mae(tt.x, tt.y); math.Abs(got-tt.mae) > 1e-9 {
			t.Errorf("%s: mae = %v, want %v", tt.name, got, tt.mae)
		}
	}
	if !math.IsNaN(spearman([]float64{1}, []float64{2})) {
		t.Error("spearman of one pair is a number")
	}
}

func TestReadItems(t *testing.T) {
	good := `{"id":"de-1","language":"de","context":[{"speaker":"prospect","text":"Ja?"}],"speaker":"trainee","text":"Hallo!","acts":["greeting"],"uptake":"n/a","questions":[],"acknowledgement":"none"}` + "\n\n"
	items, err := acts.ReadCorpus(strings.NewReader(good))
	if err != nil || len(items) != 1 || items[0].Acts[0] != "greeting" {
		t.Fatalf("ReadCorpus = %+v, %v", items, err)
	}
	tally := newTally()
	tally.add(items[0], nil)
	if tally.exact != 1 || tally.uptakeOK != 1 || tally.ackOK != 1 {
		t.Errorf("tally of a correctly read greeting: %+v", *tally)
	}
	for _, bad := range []string{"{\"speaker\":\"trainee\"}\n{nope", `{"speaker":"robot"}`} {
		_, err := acts.ReadCorpus(strings.NewReader(bad))
		if err == nil || !strings.Contains(err.Error(), "line ") {
			t.Errorf("acts.ReadCorpus(%q) error %v, want one naming the line", bad, err)
		}
	}
}
