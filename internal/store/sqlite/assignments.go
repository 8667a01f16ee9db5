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
	if err := insertAssignment(ctx, tx, a); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return translate(tx.Commit(), what)
}

// AssignGroup gives a to every active trainee of group a.GroupID.
func (s *Store) AssignGroup(ctx context.Context, a *openline.Assignment) ([]openline.Assignment, error) {
	what := fmt.Sprintf("assign %s to group %d", a.ScenarioID, a.GroupID)
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	var group string
	if err := tx.QueryRowContext(ctx, `SELECT name FROM groups WHERE id = ?`, a.GroupID).Scan(&group); err != nil {
		return nil, translate(err, what)
	}
	if err := userExists(ctx, tx, a.CreatedBy); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	type member struct {
		id   int64
		name string
	}
	members, err := queryAll(ctx, tx, what, func(row scanner) (*member, error) {
		var m member
		return &m, row.Scan(&m.id, &m.name)
	}, `SELECT u.id, u.name FROM group_members m JOIN users u ON u.id = m.user_id
	    WHERE m.group_id = ? AND u.role = 'trainee' AND u.deactivated_at IS NULL ORDER BY u.name, u.id`, a.GroupID)
	if err != nil {
		return nil, err
	}
	out := make([]openline.Assignment, 0, len(members))
	for _, m := range members {
		x := *a
		x.UserID, x.UserName, x.GroupName = m.id, m.name, group
		if err := insertAssignment(ctx, tx, &x); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, x)
	}
	return out, translate(tx.Commit(), what)
}

// insertAssignment inserts a and sets a.ID and its times as kept.
func insertAssignment(ctx context.Context, tx querier, a *openline.Assignment) error {
	if a.ScenarioID == "" || a.CreatedAt.IsZero() {
		return fmt.Errorf("no scenario or no time (%w)", errNoTime)
	}
	var due, group sql.NullInt64
	if a.DueAt != nil {
		due = sql.NullInt64{Int64: millis(*a.DueAt), Valid: true}
	}
	if a.GroupID != 0 {
		group = sql.NullInt64{Int64: a.GroupID, Valid: true}
	}
	res, err := tx.ExecContext(ctx,
		`INSERT INTO assignments (scenario_id, user_id, group_id, due_at, pass_mark, attempts, created_by, created_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ScenarioID, a.UserID, group, due, a.PassMark, a.Attempts, a.CreatedBy, millis(a.CreatedAt))
	if err != nil {
		return err
	}
	if a.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	a.CreatedAt = fromMillis(millis(a.CreatedAt))
	if a.DueAt != nil {
		t := fromMillis(due.Int64)
		a.DueAt = &t
	}
	return nil
}

const assignmentColumns = `a.id, a.scenario_id, a.user_id, u.name, COALESCE(a.group_id, 0), COALESCE(g.name, ''), a.due_at, a.pass_mark, a.attempts, a.created_by, a.created_at`

func scanAssignment(row scanner) (*openline.Assignment, error) {
	var (
		a       openline.Assignment
		due     sql.NullInt64
		created int64
	)
	if err := row.Scan(&a.ID, &a.ScenarioID, &a.UserID, &a.UserName, &a.GroupID, &a.GroupName, &due, &a.PassMark, &a.Attempts, &a.CreatedBy, &created); err != nil {
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
		`SELECT `+assignmentColumns+` FROM assignments a JOIN users u ON u.id = a.user_id LEFT JOIN groups g ON g.id = a.group_id WHERE a.id = ?`, id))
	if err != nil {
		return nil, translate(err, fmt.Sprintf("assignment %d", id))
	}
	return a, nil
}

// ListAssignments lists assignments, newest first.
func (s *Store) ListAssignments(ctx context.Context, f openline.AssignmentFilter) ([]openline.Assignment, error) {
	return queryAll(ctx, s.r, "list assignments", scanAssignment,
		`SELECT `+assignmentColumns+` FROM assignments a JOIN users u ON u.id = a.user_id LEFT JOIN groups g ON g.id = a.group_id
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
