package progress

import (
	"slices"
	"time"

	"github.com/openline/openline/internal/openline"
)

// State is how an assignment stands.
type State string

// The states of an assignment (docs/progress.md "Assignments").
const (
	StateOpen    State = "open"    // attempts left, not passed, not past due
	StatePassed  State = "passed"  // a counted call reached the pass mark on both scores
	StateFailed  State = "failed"  // every allowed attempt used, none passed
	StateOverdue State = "overdue" // past the due date, not passed, attempts left
)

// Standing is how an assignment stands after the trainee's calls.
type Standing struct {
	State State
	// Used is the number of calls that counted (attempts used); Left how
	// many more may, -1 without a limit.
	Used, Left int
	Best       *Score     // the best counted call (by the lower of its two scores)
	PassedBy   string     // the id of the call that passed
	PassedAt   *time.Time // when that call ended
	Late       bool       // passed after the due date
}

// Counts reports whether call c counts as an attempt at a: the
// assignment's trainee and scenario, started once it was assigned, ended
// and scored. A call cut off by a lost connection (interrupted) is not
// the trainee's doing and uses no attempt.
func Counts(a *openline.Assignment, c *openline.Call) bool {
	if c.UserID != a.UserID || c.ScenarioID != a.ScenarioID || c.StartedAt.Before(a.CreatedAt) {
		return false
	}
	if c.EndedAt == nil || c.Outcome == openline.OutcomeInterrupted {
		return false
	}
	_, scored := Effective(c)
	return scored
}

// Passes reports whether a score passes at mark: both openness and
// curiosity at least mark.
func Passes(s Score, mark int) bool { return s.Openness >= mark && s.Curiosity >= mark }

// Stand works out how a stands at now from calls (any order; calls that
// do not count are ignored). Only the first a.Attempts counted calls
// count, in the order they started.
func Stand(a *openline.Assignment, calls []openline.Call, now time.Time) Standing {
	var counted []*openline.Call
	for i := range calls {
		if Counts(a, &calls[i]) {
			counted = append(counted, &calls[i])
		}
	}
	slices.SortFunc(counted, func(x, y *openline.Call) int { return x.StartedAt.Compare(y.StartedAt) })
	if a.Attempts > 0 && len(counted) > a.Attempts {
		counted = counted[:a.Attempts]
	}
	st := Standing{Used: len(counted), Left: -1}
	if a.Attempts > 0 {
		st.Left = a.Attempts - len(counted)
	}
	for _, c := range counted {
		s, _ := Effective(c)
		if st.Best == nil || min(s.Openness, s.Curiosity) > min(st.Best.Openness, st.Best.Curiosity) {
			st.Best = &s
		}
		if st.PassedBy == "" && Passes(s, a.PassMark) {
			st.PassedBy, st.PassedAt = c.ID, c.EndedAt
			st.Late = a.DueAt != nil && c.EndedAt.After(*a.DueAt)
		}
	}
	switch {
	case st.PassedBy != "":
		st.State = StatePassed
	case st.Left == 0:
		st.State = StateFailed
	case a.DueAt != nil && now.After(*a.DueAt):
		st.State = StateOverdue
	default:
		st.State = StateOpen
	}
	return st
}
