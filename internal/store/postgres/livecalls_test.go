package postgres

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/openline/openline/internal/store/postgres/pgtest"
)

// TestLiveCallsUseTheirIndex: StartCall's count of a user's live calls
// can read the partial index of open calls (migration 0007) rather than
// the user's whole history. On a test database of a few rows the planner
// rightly prefers a scan, so sequential scans are switched off for the
// question: the plan then shows which index fits the query.
func TestLiveCallsUseTheirIndex(t *testing.T) {
	s := MustOpen(t, pgtest.URL(t))
	ctx := context.Background()
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SET LOCAL enable_seqscan = off`); err != nil {
		t.Fatal(err)
	}
	rows, err := tx.Query(ctx, `EXPLAIN `+liveCallsSQL, int64(1), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var plan []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, line)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(plan, "\n"); !strings.Contains(got, "calls_live_user") {
		t.Errorf("plan of the live-call count:\n%s\nwant it to use calls_live_user", got)
	}
}
