package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/openline/openline/internal/openline"
)

// CreateAssignment stores a and sets a.ID; ErrNotFound when the trainee or
// the trainer does not exist.
func (s *Store) CreateAssignment(ctx context.Context, a *openline.Assignment) error {
	what := fmt.Sprintf("create assignment of %s", a.ScenarioID)
	if a.ScenarioID == "" || a.CreatedAt.IsZero() {
		return fmt.Errorf("%s: no scenario or no time (%w)", what, errNoTime)
	}
	var due *time.Time
	if a.DueAt != nil {
		t := ts(*a.DueAt)
		due = &t
	}
	created := ts(a.CreatedAt)
	// The users are checked in the statement: a missing one inserts no
	// row, which is ErrNotFound.
	err := s.pool.QueryRow(ctx,
		`INSERT INTO assignments (scenario_id, user_id, due_at, pass_mark, attempts, created_by, created_at)
		 SELECT $1, $2, $3, $4, $5, $6, $7
		 WHERE EXISTS (SELECT 1 FROM users WHERE id = $2) AND EXISTS (SELECT 1 FROM users WHERE id = $6)
		 RETURNING id`,
		a.ScenarioID, a.UserID, due, a.PassMark, a.Attempts, a.CreatedBy, created).Scan(&a.ID)
	if err != nil {
		return translate(err, what+": trainee or trainer")
	}
	a.CreatedAt = created
	a.DueAt = due
	return nil
}

const assignmentColumns = `a.id, a.scenario_id, a.user_id, u.name, a.due_at, a.pass_mark, a.attempts, a.created_by, a.created_at`

func scanAssignment(row pgx.Row) (*openline.Assignment, error) {
	var (
		a       openline.Assignment
		due     *time.Time
		created time.Time
	)
	if err := row.Scan(&a.ID, &a.ScenarioID, &a.UserID, &a.UserName, &due, &a.PassMark, &a.Attempts, &a.CreatedBy, &created); err != nil {
		return nil, err
	}
	a.CreatedAt = fromTS(created)
	if due != nil {
		t := fromTS(*due)
		a.DueAt = &t
	}
	return &a, nil
}

// Assignment returns one assignment, or ErrNotFound.
func (s *Store) Assignment(ctx context.Context, id int64) (*openline.Assignment, error) {
	a, err := scanAssignment(s.pool.QueryRow(ctx,
		`SELECT `+assignmentColumns+` FROM assignments a JOIN users u ON u.id = a.user_id WHERE a.id = $1`, id))
	if err != nil {
		return nil, translate(err, fmt.Sprintf("assignment %d", id))
	}
	return a, nil
}

// ListAssignments lists assignments, newest first.
func (s *Store) ListAssignments(ctx context.Context, f openline.AssignmentFilter) ([]openline.Assignment, error) {
	return queryAll(ctx, s.pool, "list assignments", scanAssignment,
		`SELECT `+assignmentColumns+` FROM assignments a JOIN users u ON u.id = a.user_id
		 WHERE ($1::bigint = 0 OR a.user_id = $1::bigint) ORDER BY a.created_at DESC, a.id DESC`, f.UserID)
}

// DeleteAssignment removes an assignment; ErrNotFound for an unknown id.
func (s *Store) DeleteAssignment(ctx context.Context, id int64) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM assignments WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("delete assignment %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("delete assignment %d: %w", id, openline.ErrNotFound)
	}
	return nil
}
