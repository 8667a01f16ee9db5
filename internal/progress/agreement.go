package progress

import (
	"cmp"
	"math"
	"slices"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/stats"
)

// Agreement is how well trainers agree with each other and with the
// scorer over the calls of a group (docs/progress.md "Calibration").
type Agreement struct {
	Calls    int     `json:"calls"`    // calls with at least two trainers' ratings
	Trainers Measure `json:"trainers"` // every pair of ratings of one call, earlier against later
	Scorer   Measure `json:"scorer"`   // every rating against the call's computed score
}

// Measure is the agreement of N pairs of scores, per dimension.
type Measure struct {
	N         int       `json:"n"`
	Openness  Statistic `json:"openness"`
	Curiosity Statistic `json:"curiosity"`
}

// Statistic is the agreement of pairs of scores on one dimension: the
// mean absolute difference in points, and Spearman's rank correlation
// (nil below MinPairsForRank pairs or when one side does not vary).
type Statistic struct {
	MeanAbsDiff *float64 `json:"mean_abs_diff"` // nil without pairs
	Spearman    *float64 `json:"spearman"`
}

// MinPairsForRank is the fewest pairs a rank correlation is given for.
const MinPairsForRank = 3

// Agree works out the agreement of the given ratings (pending ones are
// ignored); score returns a call's computed score, false when it has
// none (then its ratings count only among trainers).
func Agree(ratings []openline.Rating, score func(callID string) (Score, bool)) Agreement {
	byCall := map[string][]openline.Rating{}
	var ids []string
	for _, r := range ratings {
		if r.Pending() {
			continue
		}
		if byCall[r.CallID] == nil {
			ids = append(ids, r.CallID)
		}
		byCall[r.CallID] = append(byCall[r.CallID], r)
	}
	slices.Sort(ids)
	var a Agreement
	var tx, ty, sx, sy []Score
	for _, id := range ids {
		rs := byCall[id]
		slices.SortFunc(rs, func(x, y openline.Rating) int {
			return cmp.Or(x.SubmittedAt.Compare(*y.SubmittedAt), cmp.Compare(x.RaterID, y.RaterID))
		})
		if len(rs) >= 2 {
			a.Calls++
		}
		for i := range rs {
			for j := i + 1; j < len(rs); j++ {
				tx, ty = append(tx, ratingScore(&rs[i])), append(ty, ratingScore(&rs[j]))
			}
		}
		if s, ok := score(id); ok {
			for i := range rs {
				sx, sy = append(sx, s), append(sy, ratingScore(&rs[i]))
			}
		}
	}
	a.Trainers, a.Scorer = measure(tx, ty), measure(sx, sy)
	return a
}

func ratingScore(r *openline.Rating) Score {
	return Score{Openness: *r.Openness, Curiosity: *r.Curiosity}
}

func measure(x, y []Score) Measure {
	pick := func(ss []Score, open bool) []float64 {
		out := make([]float64, len(ss))
		for i, s := range ss {
			if open {
				out[i] = float64(s.Openness)
			} else {
				out[i] = float64(s.Curiosity)
			}
		}
		return out
	}
	return Measure{
		N:         len(x),
		Openness:  statistic(pick(x, true), pick(y, true)),
		Curiosity: statistic(pick(x, false), pick(y, false)),
	}
}

func statistic(x, y []float64) Statistic {
	var st Statistic
	if len(x) == 0 {
		return st
	}
	mad := stats.MAE(x, y)
	st.MeanAbsDiff = &mad
	if len(x) >= MinPairsForRank {
		if r := stats.Spearman(x, y); !math.IsNaN(r) {
			st.Spearman = &r
		}
	}
	return st
}
