package stats

import (
	"math"
	"testing"
)

func TestRanksPearsonSpearmanMAE(t *testing.T) {
	got := Ranks([]float64{10, 30, 10, 20})
	want := []float64{1.5, 4, 1.5, 3}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Ranks = %v, want %v (ties share their mean rank)", got, want)
		}
	}
	if r := Pearson([]float64{1, 2, 3}, []float64{3, 2, 1}); math.Abs(r+1) > 1e-12 {
		t.Errorf("Pearson of reversed = %v, want -1", r)
	}
	if r := Pearson([]float64{1, 2, 3}, []float64{5, 5, 5}); !math.IsNaN(r) {
		t.Errorf("Pearson against a constant = %v, want NaN", r)
	}
	if r := Pearson([]float64{1}, []float64{2}); !math.IsNaN(r) {
		t.Errorf("Pearson of one pair = %v, want NaN", r)
	}
	// Monotone but not linear: rank correlation 1, Pearson below.
	x, y := []float64{1, 2, 3, 4}, []float64{1, 4, 9, 100}
	if r := Spearman(x, y); math.Abs(r-1) > 1e-12 {
		t.Errorf("Spearman of a monotone pair = %v, want 1", r)
	}
	if r := Pearson(x, y); r >= 0.99 {
		t.Errorf("Pearson of a non-linear pair = %v, want below Spearman", r)
	}
	if m := MAE([]float64{10, 20}, []float64{13, 10}); m != 6.5 {
		t.Errorf("MAE = %v, want 6.5", m)
	}
	if m := MAE(nil, nil); !math.IsNaN(m) {
		t.Errorf("MAE of none = %v, want NaN", m)
	}
}
