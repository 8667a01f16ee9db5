package progress

import "github.com/openline/openline/internal/openline"

// Score is a call's two scores, 0–100.
type Score struct {
	Openness  int `json:"openness"`
	Curiosity int `json:"curiosity"`
}

// Effective is the score of a call that everything in this package uses
// (assignments, charts, calibration's "scorer"): the one place that
// decides which score counts. It is the computed score; false for a call
// without one (still going on, or ended unscored).
func Effective(c *openline.Call) (Score, bool) {
	if c.Openness == nil || c.Curiosity == nil {
		return Score{}, false
	}
	return Score{Openness: *c.Openness, Curiosity: *c.Curiosity}, true
}
