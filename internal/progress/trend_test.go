package progress

import (
	"fmt"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

// card is a scorecard with one openness part "listening" (weight 2) and
// one "pressure" (weight 1), and one curiosity part "follow_ups".
func card(listening, pressure, followUps int) *openline.Scorecard {
	return &openline.Scorecard{Parts: []openline.ScorePart{
		{Dimension: openline.DimensionOpenness, Name: "listening", Weight: 2, Score: listening, Applies: true},
		{Dimension: openline.DimensionOpenness, Name: "pressure", Weight: 1, Score: pressure, Applies: true},
		{Dimension: openline.DimensionOpenness, Name: "after_rejection", Weight: 5, Score: 0, Applies: false},
		{Dimension: openline.DimensionCuriosity, Name: "follow_ups", Weight: 1, Score: followUps, Applies: true},
	}}
}

var scenarios = map[string]Scenario{"easy-1": {"Easy one", openline.Easy}, "hard-1": {"Hard one", openline.Hard}}

func scenarioOf(c *openline.Call) Scenario { return scenarios[c.ScenarioID] }

func TestBuild(t *testing.T) {
	calls := []openline.Call{
		scored("c4", "easy-1", 30, 80, 70),
		scored("c1", "easy-1", 1, 40, 30),
		scored("c2", "hard-1", 2, 20, 10),
		scored("c3", "easy-1", 25, 60, 50),
		{ID: "live", UserID: 1, ScenarioID: "easy-1", StartedAt: day0}, // not scored: left out
	}
	cards := map[string]*openline.Scorecard{
		"c1": card(20, 100, 0), "c2": card(40, 100, 10), "c3": card(80, 100, 40), "c4": card(90, 40, 60),
	}
	r := Build(calls, cards, scenarioOf, false)
	if r.Calls != 4 || r.Trainees != 1 || len(r.Lanes) != 2 || !r.LastAt.Equal(calls[0].StartedAt) {
		t.Fatalf("report: %d calls, %d trainees, %d lanes; want 4, 1, 2", r.Calls, r.Trainees, len(r.Lanes))
	}
	easy := r.Lanes[0]
	if easy.Difficulty != openline.Easy || len(easy.Points) != 3 || easy.Points[0].CallID != "c1" || easy.Points[2].CallID != "c4" {
		t.Errorf("easy lane = %+v, want c1, c3, c4 oldest first", easy.Points)
	}
	if easy.First != (Score{40, 30}) || easy.Last != (Score{70, 60}) || easy.Mean != (Score{60, 50}) {
		t.Errorf("easy lane first %v last %v mean %v; want {40 30}, {70 60}, {60 50}", easy.First, easy.Last, easy.Mean)
	}
	if r.Lanes[1].Difficulty != openline.Hard || r.Lanes[1].Calls != 1 {
		t.Errorf("the hard call is not in a lane of its own: %+v", r.Lanes[1])
	}
	if len(r.Scenarios) != 2 || r.Scenarios[0].ScenarioID != "easy-1" || r.Scenarios[0].Calls != 3 || r.Scenarios[0].Best != (Score{80, 70}) || r.Scenarios[0].Last != (Score{80, 70}) {
		t.Errorf("scenarios = %+v, want easy-1 first (the latest) with 3 calls, best and last {80 70}", r.Scenarios)
	}
	// Costs per call: follow_ups (100−x)/1 → (100+90+60+40)/4 = 72.5;
	// listening 2(100−x)/3 → (80+60+20+10)·2/3/4 = 28.33; pressure
	// (100−x)/3 → 60/3/4 = 5; after_rejection never applies.
	want := []struct {
		name string
		cost float64
	}{{"follow_ups", 72.5}, {"listening", 28.33}, {"pressure", 5}}
	if len(r.HoldingBack) != len(want) {
		t.Fatalf("holding back = %+v, want %d parts", r.HoldingBack, len(want))
	}
	for i, w := range want {
		if b := r.HoldingBack[i]; b.Name != w.name || fmt.Sprintf("%.2f", b.Cost) != fmt.Sprintf("%.2f", w.cost) {
			t.Errorf("holding back %d = %s costing %.2f, want %s costing %.2f", i, b.Name, b.Cost, w.name, w.cost)
		}
	}
	// Halves: c1, c2 before, c3, c4 after. listening 30 → 85, follow_ups
	// 5 → 50, pressure 100 → 70 (worse: not improved).
	if len(r.Improved) != 2 || r.Improved[0].Name != "listening" || r.Improved[0].Change != 55 || r.Improved[1].Name != "follow_ups" || r.Improved[1].Change != 45 {
		t.Errorf("improved = %+v, want listening +55 then follow_ups +45", r.Improved)
	}
}

func TestBuildByDay(t *testing.T) {
	calls := []openline.Call{scored("a", "easy-1", 1, 40, 30), scored("b", "easy-1", 2, 61, 50), scored("c", "easy-1", 2, 60, 51), scored("d", "easy-1", 30, 10, 10)}
	calls[1].UserID = 2
	r := Build(calls, nil, scenarioOf, true)
	pts := r.Lanes[0].Points
	if r.Trainees != 2 || len(pts) != 2 || pts[0].Calls != 3 || pts[0].Score != (Score{54, 44}) || !pts[0].At.Equal(day0.Truncate(24*time.Hour)) {
		t.Errorf("by day: %d trainees, points %+v; want 2 trainees, a day of 3 calls at {54 44}, then one", r.Trainees, pts)
	}
	if len(r.HoldingBack) != 0 || len(r.Improved) != 0 {
		t.Errorf("without scorecards there are no behaviours: %+v %+v", r.HoldingBack, r.Improved)
	}
}

func TestBuildFewCallsNoChange(t *testing.T) {
	calls := []openline.Call{scored("a", "easy-1", 1, 40, 30), scored("b", "easy-1", 2, 60, 50)}
	r := Build(calls, map[string]*openline.Scorecard{"a": card(0, 0, 0), "b": card(100, 100, 100)}, scenarioOf, false)
	if len(r.Improved) != 0 {
		t.Errorf("two calls show improvement %+v; want none below %d calls", r.Improved, MinCallsForChange)
	}
}
