package progress

import (
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

var day0 = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

// scored is an ended call of user 1 on scenario sc, started h hours after
// day0, scored o and c.
func scored(id, sc string, h int, o, c int) openline.Call {
	start := day0.Add(time.Duration(h) * time.Hour)
	end := start.Add(5 * time.Minute)
	return openline.Call{ID: id, UserID: 1, ScenarioID: sc, StartedAt: start, EndedAt: &end, Outcome: openline.OutcomePoliteEnd, Openness: &o, Curiosity: &c}
}

func TestStand(t *testing.T) {
	due := day0.Add(48 * time.Hour)
	assigned := openline.Assignment{UserID: 1, ScenarioID: "herr-b", PassMark: 60, Attempts: 2, DueAt: &due, CreatedAt: day0}
	noLimit := assigned
	noLimit.Attempts, noLimit.DueAt = 0, nil
	interrupted := scored("cut", "herr-b", 1, 90, 90)
	interrupted.Outcome = openline.OutcomeInterrupted
	open := openline.Call{ID: "live", UserID: 1, ScenarioID: "herr-b", StartedAt: day0.Add(time.Hour)}
	tests := []struct {
		name  string
		a     openline.Assignment
		calls []openline.Call
		now   time.Time
		want  State
		used  int
		left  int
		late  bool
	}{
		{"nothing called yet", assigned, nil, day0.Add(time.Hour), StateOpen, 0, 2, false},
		{"past the due date", assigned, nil, due.Add(time.Second), StateOverdue, 0, 2, false},
		{"one call below the mark", assigned, []openline.Call{scored("a", "herr-b", 1, 70, 59)}, day0.Add(2 * time.Hour), StateOpen, 1, 1, false},
		{"both scores at the mark pass", assigned, []openline.Call{scored("a", "herr-b", 1, 60, 60)}, day0.Add(2 * time.Hour), StatePassed, 1, 1, false},
		{"every attempt used", assigned, []openline.Call{scored("a", "herr-b", 1, 10, 10), scored("b", "herr-b", 2, 50, 80)}, day0.Add(3 * time.Hour), StateFailed, 2, 0, false},
		{"a pass after the last attempt does not count", assigned, []openline.Call{scored("c", "herr-b", 3, 90, 90), scored("a", "herr-b", 1, 10, 10), scored("b", "herr-b", 2, 50, 80)}, day0.Add(4 * time.Hour), StateFailed, 2, 0, false},
		{"a late pass is passed, marked late", assigned, []openline.Call{scored("a", "herr-b", 50, 80, 80)}, day0.Add(51 * time.Hour), StatePassed, 1, 1, true},
		{"failed wins over overdue", assigned, []openline.Call{scored("a", "herr-b", 1, 10, 10), scored("b", "herr-b", 2, 10, 10)}, due.Add(time.Hour), StateFailed, 2, 0, false},
		{"calls before the assignment, on other scenarios, by others, interrupted or live do not count",
			assigned, []openline.Call{scored("early", "herr-b", -1, 90, 90), scored("other", "frau-h", 1, 90, 90), func() openline.Call { c := scored("ben", "herr-b", 1, 90, 90); c.UserID = 2; return c }(), interrupted, open},
			day0.Add(2 * time.Hour), StateOpen, 0, 2, false},
		{"no limit, no due date", noLimit, []openline.Call{scored("a", "herr-b", 1, 10, 10), scored("b", "herr-b", 2, 10, 10), scored("c", "herr-b", 3, 10, 10)}, day0.Add(1000 * time.Hour), StateOpen, 3, -1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Stand(&tt.a, tt.calls, tt.now)
			if got.State != tt.want || got.Used != tt.used || got.Left != tt.left || got.Late != tt.late {
				t.Errorf("Stand = %s, used %d, left %d, late %v; want %s, %d, %d, %v", got.State, got.Used, got.Left, got.Late, tt.want, tt.used, tt.left, tt.late)
			}
			if (got.State == StatePassed) != (got.PassedBy != "" && got.PassedAt != nil) {
				t.Errorf("passed %v but PassedBy %q, PassedAt %v", got.State == StatePassed, got.PassedBy, got.PassedAt)
			}
		})
	}
}

func TestStandBest(t *testing.T) {
	a := openline.Assignment{UserID: 1, ScenarioID: "herr-b", PassMark: 95, CreatedAt: day0}
	got := Stand(&a, []openline.Call{scored("a", "herr-b", 1, 90, 20), scored("b", "herr-b", 2, 50, 55)}, day0.Add(time.Hour))
	if got.Best == nil || *got.Best != (Score{50, 55}) {
		t.Errorf("Best = %+v, want the call whose weaker score is higher ({50 55})", got.Best)
	}
}
