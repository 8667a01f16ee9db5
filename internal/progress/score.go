package progress

import "github.com/openline/openline/internal/openline"

// Score is a call's two scores, 0–100.
type Score struct {
	Openness  int `json:"openness"`
	Curiosity int `json:"curiosity"`
}

// Effective is the score of a call that progress counts (assignments,
// charts): the scores openline.Call.Effective says count, a trainer's
// adjustment where there is one, else the computed score; false for a call
// without one (still going on, or ended unscored).
func Effective(c *openline.Call) (Score, bool) {
	o, k := c.Effective(openline.DimensionOpenness), c.Effective(openline.DimensionCuriosity)
	if o == nil || k == nil {
		return Score{}, false
	}
	return Score{Openness: *o, Curiosity: *k}, true
}

// Computed is the scorer's own score of a call, whatever a trainer
// adjusted: calibration compares trainers with the scorer. False for a
// call without one.
func Computed(c *openline.Call) (Score, bool) {
	if c.Openness == nil || c.Curiosity == nil {
		return Score{}, false
	}
	return Score{Openness: *c.Openness, Curiosity: *c.Curiosity}, true
}
