package progress

import (
	"cmp"
	"slices"
	"time"

	"github.com/openline/openline/internal/openline"
)

// Point is one scored call on a chart; for a group, the mean of a day's
// calls (Calls > 1).
type Point struct {
	At         time.Time `json:"at"`
	Score      Score     `json:"score"`
	Calls      int       `json:"calls"`              // calls behind the point
	CallID     string    `json:"call,omitempty"`     // the call, for one call
	ScenarioID string    `json:"scenario,omitempty"` // the scenario, for one call
	sum        Score     // the sums behind a day's mean
}

// Lane is the chart of one difficulty: difficulties are kept apart, as a
// hard prospect's 50 is not an easy one's.
type Lane struct {
	Difficulty openline.Difficulty `json:"difficulty"`
	Points     []Point             `json:"points"` // oldest first
	Calls      int                 `json:"calls"`
	Mean       Score               `json:"mean"`
	First      Score               `json:"first"` // the mean of the earlier half of the lane's calls
	Last       Score               `json:"last"`  // the mean of the later half (equal to First below 2 calls)
}

// ScenarioRow is how the calls of one scenario went.
type ScenarioRow struct {
	ScenarioID string              `json:"scenario"`
	Title      string              `json:"title"`
	Difficulty openline.Difficulty `json:"difficulty"`
	Calls      int                 `json:"calls"`
	Mean       Score               `json:"mean"`
	Best       Score               `json:"best"` // the call whose weaker score is highest
	Last       Score               `json:"last"`
	LastAt     time.Time           `json:"last_at"`
}

// Behaviour is one part of the score (a weight name of the scorecard's
// parts, docs/scoring.md) over many calls.
type Behaviour struct {
	Dimension openline.Dimension `json:"dimension"`
	Name      string             `json:"name"`
	// Cost is how many points of its dimension the part cost per call on
	// average: weight·(100−score)/Σ weights of the dimension's applicable
	// parts, 0 in calls where it did not apply.
	Cost float64 `json:"cost"`
	// Mean is the part's mean score where it applied; Applied in how
	// many calls.
	Mean    float64 `json:"mean"`
	Applied int     `json:"applied"`
	// Before and After are the part's mean scores in the earlier and the
	// later half of the calls (where it applied in both); Change is
	// After − Before.
	Before float64 `json:"before"`
	After  float64 `json:"after"`
	Change float64 `json:"change"`
}

// Report is the progress of one trainee, or of a group taken together.
type Report struct {
	Calls    int `json:"calls"`    // scored calls
	Trainees int `json:"trainees"` // distinct trainees among them
	// LastAt is when the latest started. There is no mean over every
	// call: a hard prospect's 50 is not an easy one's, so each lane has
	// its own.
	LastAt    time.Time     `json:"last_at"`
	Lanes     []Lane        `json:"lanes"`
	Scenarios []ScenarioRow `json:"scenarios"`
	// HoldingBack are the parts that cost the most points, most first
	// (at most MaxBehaviours, only parts that cost something).
	HoldingBack []Behaviour `json:"holding_back"`
	// Improved are the parts whose score rose the most from the earlier
	// to the later half of the calls, by at least MinChange points (at
	// most MaxBehaviours; none below MinCallsForChange calls).
	Improved []Behaviour `json:"improved"`
}

// Bounds of a report.
const (
	MaxBehaviours     = 3
	MinChange         = 5.0 // points a part must rise by to count as improved
	MinCallsForChange = 4   // calls needed before the halves are compared
)

// Scenario is what a report needs to know of a call's scenario.
type Scenario struct {
	Title      string
	Difficulty openline.Difficulty
}

// Build makes the report of calls (any order; unscored calls are left
// out). cards holds the calls' scorecards by call id (a missing one leaves
// the call out of the behaviours); scenario names a call's scenario at its
// version. byDay merges the calls of one day and difficulty into one point
// (a group's chart); otherwise every call is a point.
func Build(calls []openline.Call, cards map[string]*openline.Scorecard, scenario func(c *openline.Call) Scenario, byDay bool) Report {
	type scored struct {
		c  *openline.Call
		s  Score
		sc Scenario
	}
	var all []scored
	users := map[int64]bool{}
	for i := range calls {
		if s, ok := Effective(&calls[i]); ok && calls[i].EndedAt != nil {
			all = append(all, scored{&calls[i], s, scenario(&calls[i])})
			users[calls[i].UserID] = true
		}
	}
	slices.SortStableFunc(all, func(a, b scored) int {
		return cmp.Or(a.c.StartedAt.Compare(b.c.StartedAt), cmp.Compare(a.c.ID, b.c.ID))
	})
	r := Report{Calls: len(all), Trainees: len(users), Lanes: []Lane{}, Scenarios: []ScenarioRow{}}
	if len(all) > 0 {
		r.LastAt = all[len(all)-1].c.StartedAt
	}

	for _, d := range []openline.Difficulty{openline.Easy, openline.Medium, openline.Hard} {
		var in []Score
		lane := Lane{Difficulty: d}
		for _, x := range all {
			if x.sc.Difficulty != d {
				continue
			}
			in = append(in, x.s)
			p := Point{At: x.c.StartedAt, Score: x.s, Calls: 1, CallID: x.c.ID, ScenarioID: x.c.ScenarioID, sum: x.s}
			if n := len(lane.Points); byDay && n > 0 && sameDay(lane.Points[n-1].At, p.At) {
				lane.Points[n-1] = merge(lane.Points[n-1], p)
				continue
			}
			if byDay {
				p.At = day(p.At)
			}
			lane.Points = append(lane.Points, p)
		}
		if len(in) == 0 {
			continue
		}
		lane.Calls, lane.Mean = len(in), mean(in)
		lane.First, lane.Last = mean(in[:max(1, len(in)/2)]), mean(in[len(in)/2:])
		r.Lanes = append(r.Lanes, lane)
	}

	rows := map[string]*ScenarioRow{}
	sums := map[string][]Score{}
	for _, x := range all {
		row := rows[x.c.ScenarioID]
		if row == nil {
			row = &ScenarioRow{ScenarioID: x.c.ScenarioID, Title: x.sc.Title, Difficulty: x.sc.Difficulty, Best: x.s}
			rows[x.c.ScenarioID] = row
		}
		row.Calls++
		sums[x.c.ScenarioID] = append(sums[x.c.ScenarioID], x.s)
		if min(x.s.Openness, x.s.Curiosity) > min(row.Best.Openness, row.Best.Curiosity) {
			row.Best = x.s
		}
		row.Last, row.LastAt, row.Title = x.s, x.c.StartedAt, x.sc.Title
	}
	for id, row := range rows {
		row.Mean = mean(sums[id])
		r.Scenarios = append(r.Scenarios, *row)
	}
	slices.SortFunc(r.Scenarios, func(a, b ScenarioRow) int {
		return cmp.Or(b.LastAt.Compare(a.LastAt), cmp.Compare(a.ScenarioID, b.ScenarioID))
	})

	var withCards []*openline.Scorecard
	for _, x := range all {
		if card := cards[x.c.ID]; card != nil {
			withCards = append(withCards, card)
		}
	}
	r.HoldingBack, r.Improved = behaviours(withCards)
	return r
}

// partKey names a part across calls.
type partKey struct {
	dim  openline.Dimension
	name string
}

// behaviours works out the parts that cost the most and those that
// improved, from scorecards oldest first.
func behaviours(cards []*openline.Scorecard) (holding, improved []Behaviour) {
	holding, improved = []Behaviour{}, []Behaviour{}
	if len(cards) == 0 {
		return holding, improved
	}
	byPart := map[partKey]*Behaviour{}
	var order []partKey
	half := len(cards) / 2
	type sum struct{ n, total float64 }
	before, after := map[partKey]*sum{}, map[partKey]*sum{}
	add := func(m map[partKey]*sum, k partKey, v float64) {
		if m[k] == nil {
			m[k] = &sum{}
		}
		m[k].n++
		m[k].total += v
	}
	for i, card := range cards {
		weights := map[openline.Dimension]float64{}
		for _, p := range card.Parts {
			if p.Applies {
				weights[p.Dimension] += p.Weight
			}
		}
		for _, p := range card.Parts {
			k := partKey{p.Dimension, p.Name}
			b := byPart[k]
			if b == nil {
				b = &Behaviour{Dimension: p.Dimension, Name: p.Name}
				byPart[k] = b
				order = append(order, k)
			}
			if !p.Applies || weights[p.Dimension] == 0 {
				continue
			}
			b.Cost += p.Weight * float64(100-p.Score) / weights[p.Dimension]
			b.Mean += float64(p.Score)
			b.Applied++
			if i < half {
				add(before, k, float64(p.Score))
			} else {
				add(after, k, float64(p.Score))
			}
		}
	}
	for _, k := range order {
		b := byPart[k]
		b.Cost /= float64(len(cards))
		if b.Applied > 0 {
			b.Mean /= float64(b.Applied)
		}
		if x, y := before[k], after[k]; x != nil && y != nil {
			b.Before, b.After = x.total/x.n, y.total/y.n
			b.Change = b.After - b.Before
		}
		if b.Cost > 0 {
			holding = append(holding, *b)
		}
		if len(cards) >= MinCallsForChange && b.Change >= MinChange {
			improved = append(improved, *b)
		}
	}
	slices.SortStableFunc(holding, func(a, b Behaviour) int { return cmp.Compare(b.Cost, a.Cost) })
	slices.SortStableFunc(improved, func(a, b Behaviour) int { return cmp.Compare(b.Change, a.Change) })
	return holding[:min(len(holding), MaxBehaviours)], improved[:min(len(improved), MaxBehaviours)]
}

func mean(ss []Score) Score {
	if len(ss) == 0 {
		return Score{}
	}
	var o, c int
	for _, s := range ss {
		o += s.Openness
		c += s.Curiosity
	}
	n := len(ss)
	return Score{Openness: (o + n/2) / n, Curiosity: (c + n/2) / n}
}

// merge adds the call of q to the day point p: the mean of their calls.
func merge(p, q Point) Point {
	n := p.Calls + q.Calls
	p.sum = Score{Openness: p.sum.Openness + q.sum.Openness, Curiosity: p.sum.Curiosity + q.sum.Curiosity}
	p.Score = Score{Openness: (p.sum.Openness + n/2) / n, Curiosity: (p.sum.Curiosity + n/2) / n}
	p.Calls, p.CallID, p.ScenarioID = n, "", ""
	return p
}

// day is the UTC day of t (charts label days in UTC).
func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func sameDay(a, b time.Time) bool { return day(a).Equal(day(b)) }
