package score

import (
	"math"

	"github.com/openline/openline/internal/openline"
)

// defaultWeights are the relative weights (0–10) of each part when the
// scenario leaves them out. docs/scoring.md explains each.
var defaultWeights = map[string]float64{
	openline.WeightQuestions:        2,
	openline.WeightOpenShare:        2,
	openline.WeightFollowUps:        2,
	openline.WeightNeeds:            2,
	openline.WeightPersonalInterest: 1,
	openline.WeightSpread:           1,

	openline.WeightFriendlyOpening: 1.5,
	openline.WeightListening:       2,
	openline.WeightAcknowledgement: 2,
	openline.WeightAfterRejection:  2.5,
	openline.WeightTimeForCaller:   3,
	openline.WeightPressure:        3,
	openline.WeightAnswering:       2,
}

// maxWeight bounds a scenario's weight; larger values are clamped.
const maxWeight = 10

// weight returns the weight of part name in dimension dim: the scenario's
// value when it sets one (clamped to 0–10; NaN keeps the default), else the
// default.
func weight(sc *openline.Scenario, dim openline.Dimension, name string) float64 {
	w := defaultWeights[name]
	if sc == nil {
		return w
	}
	m := sc.Scoring.Curiosity
	if dim == openline.DimensionOpenness {
		m = sc.Scoring.Openness
	}
	v, ok := m[name]
	if !ok || math.IsNaN(v) {
		return w
	}
	return math.Max(0, math.Min(maxWeight, v))
}

// combine is the weighted mean of the applicable parts on 0–100, rounded;
// 0 when no part with a positive weight applies.
func combine(parts []openline.ScorePart, raw []float64, dim openline.Dimension) int {
	var sum, total float64
	for i, p := range parts {
		if p.Dimension != dim || !p.Applies || p.Weight <= 0 {
			continue
		}
		sum += p.Weight * raw[i]
		total += p.Weight
	}
	if total == 0 {
		return 0
	}
	return clampInt(int(math.Round(100*sum/total)), 0, 100)
}

func clamp01(x float64) float64 {
	if math.IsNaN(x) || x < 0 {
		return 0
	}
	return math.Min(1, x)
}

func clampInt(x, lo, hi int) int { return max(lo, min(hi, x)) }

// rise is 0 at or below lo, 1 at or above hi, linear between (lo < hi).
func rise(x, lo, hi float64) float64 { return clamp01((x - lo) / (hi - lo)) }

// fall is 1 at or below good, 0 at or above bad, linear between (good < bad).
func fall(x, good, bad float64) float64 { return clamp01((bad - x) / (bad - good)) }
