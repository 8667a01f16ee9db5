package main

import (
	"bytes"
	"context"
	"math"
	"path/filepath"
	"strings"
	"testing"
)

func TestAUC(t *testing.T) {
	tests := []struct {
		name     string
		score    []float64
		positive []bool
		want     float64
	}{
		{"perfect", []float64{3, 4, 1, 2}, []bool{true, true, false, false}, 1},
		{"reversed", []float64{1, 2, 3, 4}, []bool{true, true, false, false}, 0},
		{"all tied", []float64{5, 5, 5}, []bool{true, false, true}, 0.5},
		{"one of four pairs wrong", []float64{4, 2, 3, 1}, []bool{true, true, false, false}, 0.75},
		{"tie counts half", []float64{2, 1, 1}, []bool{true, true, false}, 0.75},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := auc(tt.score, tt.positive); math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	if got := auc([]float64{1, 2}, []bool{true, true}); !math.IsNaN(got) {
		t.Errorf("one class only: got %v, want NaN", got)
	}
}

// TestRunWithoutData: without the AnnoMI folder the command says so,
// still prints the pair figures from the scorer's own testdata, and succeeds.
func TestRunWithoutData(t *testing.T) {
	var out, errOut bytes.Buffer
	pairs := filepath.Join("..", "..", "internal", "score", "testdata", "pairs")
	err := run(context.Background(), []string{"-data", filepath.Join(t.TempDir(), "missing"), "-pairs", pairs}, &out, &errOut)
	if err != nil {
		t.Fatalf("run: %v (stderr %s)", err, errOut.String())
	}
	for _, want := range []string{"not found: skipped", "(c) good vs bad", "01-de-handwerker", "smallest margin"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
