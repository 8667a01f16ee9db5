package progress

import "github.com/openline/openline/internal/openline"

// Score is a call's two scores, 0–100.
type Score struct {
	Openness  int `json:"openness"`
	Curiosity int `json:"curiosity"`
}

// Effective is the score of a call that assignments and progress count:
// the one place that decides which score counts. It is the computed score
// until trainers' adjustments exist; false for a call without one (still
// going on, or ended unscored).
func Effective(c *openline.Call) (Score, bool) { return Computed(c) }

// Computed is the scorer's own score of a call, which calibration
// compares trainers with (an adjustment is a trainer's judgement, not the
// scorer's); false for a call without one.
func Computed(c *openline.Call) (Score, bool) {
	if c.Openness == nil || c.Curiosity == nil {
		return Score{}, false
	}
	return Score{Openness: *c.Openness, Curiosity: *c.Curiosity}, true
}
