package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/openline/openline/internal/openline"
)

// CreateAssignment stores a and sets a.ID; ErrNotFound when the trainee or
// the trainer does not exist.
func (s *Store) CreateAssignment(ctx context.Context, a *openline.Assignment) error {
	what := fmt.Sprintf("create assignment of %s", a.ScenarioID)
	if a.ScenarioID == "" || a.CreatedAt.IsZero() {
		return fmt.Errorf("%s: no scenario or no time (%w)", what, errNoTime)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	for _, id := range []int64{a.UserID, a.CreatedBy} {
		if err := userExists(ctx, tx, id); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	}
	var due sql.NullInt64
	if a.DueAt != nil {
		due = sql.NullInt64{Int64: millis(*a.DueAt), Valid: true}
	}
	res, err := tx.ExecContext(ctx,
		`INSERT INTO assignments (scenario_id, user_id, due_at, pass_mark, attempts, created_by, created_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?)`,
		a.ScenarioID, a.UserID, due, a.PassMark, a.Attempts, a.CreatedBy, millis(a.CreatedAt))
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	a.ID = id
	a.CreatedAt = fromMillis(millis(a.CreatedAt))
	if a.DueAt != nil {
		t := fromMillis(due.Int64)
		a.DueAt = &t
	}
	return nil
}

const assignmentColumns = `a.id, a.scenario_id, a.user_id, u.name, a.due_at, a.pass_mark, a.attempts, a.created_by, a.created_at`

func scanAssignment(row scanner) (*openline.Assignment, error) {
	var (
		a       openline.Assignment
		due     sql.NullInt64
		created int64
	)
	if err := row.Scan(&a.ID, &a.ScenarioID, &a.UserID, &a.UserName, &due, &a.PassMark, &a.Attempts, &a.CreatedBy, &created); err != nil {
		return nil, err
	}
	a.CreatedAt = fromMillis(created)
	if due.Valid {
		t := fromMillis(due.Int64)
		a.DueAt = &t
	}
	return &a, nil
}

// Assignment returns one assignment, or ErrNotFound.
func (s *Store) Assignment(ctx context.Context, id int64) (*openline.Assignment, error) {
	a, err := scanAssignment(s.r.QueryRowContext(ctx,
		`SELECT `+assignmentColumns+` FROM assignments a JOIN users u ON u.id = a.user_id WHERE a.id = ?`, id))
	if err != nil {
		return nil, translate(err, fmt.Sprintf("assignment %d", id))
	}
	return a, nil
}

// ListAssignments lists assignments, newest first.
func (s *Store) ListAssignments(ctx context.Context, f openline.AssignmentFilter) ([]openline.Assignment, error) {
	return queryAll(ctx, s.r, "list assignments", scanAssignment,
		`SELECT `+assignmentColumns+` FROM assignments a JOIN users u ON u.id = a.user_id
		 WHERE (? = 0 OR a.user_id = ?) ORDER BY a.created_at DESC, a.id DESC`, f.UserID, f.UserID)
}

// DeleteAssignment removes an assignment; ErrNotFound for an unknown id.
func (s *Store) DeleteAssignment(ctx context.Context, id int64) error {
	res, err := s.w.ExecContext(ctx, `DELETE FROM assignments WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete assignment %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("delete assignment %d: %w", id, err)
	} else if n == 0 {
		return fmt.Errorf("delete assignment %d: %w", id, openline.ErrNotFound)
	}
	return nil
}
