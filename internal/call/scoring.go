package call

import (
	"runtime"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/score"
)

// scoring bounds the calls scored at once, on every core but one (at
// least one): scoring a call costs far more CPU than a turn, and a burst
// of calls that end together would otherwise take every core from the
// turns of the calls still talking. Scores wait for a slot instead; the
// scorecard is still computed, stored and sent, later
// (docs/performance.md).
var scoring = make(chan struct{}, max(1, runtime.GOMAXPROCS(0)-1))

// scoreCall is score.Score in a scoring slot.
func scoreCall(tr openline.Transcript, sc *openline.Scenario) (*openline.Scorecard, error) {
	scoring <- struct{}{}
	defer func() { <-scoring }()
	return score.Score(tr, sc)
}
