// Package stats holds the statistics openline measures agreement with:
// how well two lists of scores for the same calls agree, by rank
// (Spearman) and in points (mean absolute error). The scorer's
// calibration and cmd/eval measure the scorer against trainers with them
// (docs/scoring.md), and the trainers' calibration view measures
// trainers against each other (docs/progress.md).
package stats

import (
	"cmp"
	"math"
	"slices"
)

// Ranks are the ranks of v, 1-based, ties given their mean rank.
func Ranks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(v[a], v[b]) })
	out := make([]float64, len(v))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && v[idx[j+1]] == v[idx[i]] {
			j++
		}
		r := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			out[idx[k]] = r
		}
		i = j + 1
	}
	return out
}

// Pearson is the correlation of x and y, NaN with fewer than two pairs
// or when either does not vary.
func Pearson(x, y []float64) float64 {
	if len(x) < 2 {
		return math.NaN()
	}
	n := float64(len(x))
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx, my = mx/n, my/n
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}

// Spearman is the rank correlation of x and y (ties get their mean rank),
// NaN where Pearson of the ranks is.
func Spearman(x, y []float64) float64 { return Pearson(Ranks(x), Ranks(y)) }

// MAE is the mean absolute difference of x and y, NaN without pairs.
func MAE(x, y []float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	var s float64
	for i := range x {
		s += math.Abs(x[i] - y[i])
	}
	return s / float64(len(x))
}
