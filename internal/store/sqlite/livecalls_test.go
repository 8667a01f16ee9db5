package sqlite

import (
	"context"
	"strings"
	"testing"
)

// TestLiveCallsUseTheirIndex: StartCall's count of a user's live calls
// reads the partial index of open calls (migration 0007), not the user's
// whole history. It asks SQLite's planner, which is what decides.
func TestLiveCallsUseTheirIndex(t *testing.T) {
	s, err := Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.r.QueryContext(context.Background(), `EXPLAIN QUERY PLAN `+liveCallsSQL, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(plan, "; "); !strings.Contains(got, "calls_live_user") {
		t.Errorf("plan of the live-call count: %s; want it to use calls_live_user", got)
	}
}
