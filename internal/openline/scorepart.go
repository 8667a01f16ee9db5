package openline

// ScorePart is one weighted part of a score (the weight names in
// scenario.go), as computed for one call. A dimension's score is the
// weighted mean of its applicable parts: round(100 × Σ weight·score / Σ weight).
type ScorePart struct {
	Dimension Dimension `json:"dimension"` // openness | curiosity
	Name      string    `json:"name"`      // a weight name, e.g. "open_share"
	Weight    float64   `json:"weight"`    // relative weight used, 0–10
	Score     int       `json:"score"`     // 0–100
	// Applies is false when the part does not apply to this call (no
	// rejection, an outbound call, no scenario needs); it then does not count.
	Applies bool `json:"applies"`
}
