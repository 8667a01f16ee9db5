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
	return insertAssignment(ctx, s.pool, a)
}

// AssignGroup gives a to every active trainee of group a.GroupID.
func (s *Store) AssignGroup(ctx context.Context, a *openline.Assignment) ([]openline.Assignment, error) {
	what := fmt.Sprintf("assign %s to group %d", a.ScenarioID, a.GroupID)
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback(ctx)
	var group string
	// FOR SHARE: the group keeps its name and members until the commit.
	if err := tx.QueryRow(ctx, `SELECT name FROM groups WHERE id = $1 FOR SHARE`, a.GroupID).Scan(&group); err != nil {
		return nil, translate(err, what)
	}
	type member struct {
		id   int64
		name string
	}
	members, err := queryAll(ctx, tx, what, func(row pgx.Row) (*member, error) {
		var m member
		return &m, row.Scan(&m.id, &m.name)
	}, `SELECT u.id, u.name FROM group_members m JOIN users u ON u.id = m.user_id
	    WHERE m.group_id = $1 AND u.role = 'trainee' AND u.deactivated_at IS NULL ORDER BY u.name, u.id`, a.GroupID)
	if err != nil {
		return nil, err
	}
	out := make([]openline.Assignment, 0, len(members))
	for _, m := range members {
		x := *a
		x.UserID, x.UserName, x.GroupName = m.id, m.name, group
		if err := insertAssignment(ctx, tx, &x); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// insertAssignment inserts a and sets a.ID and its times as kept; the
// users are checked in the statement: a missing one inserts no row, which
// is ErrNotFound.
func insertAssignment(ctx context.Context, q querier, a *openline.Assignment) error {
	what := fmt.Sprintf("create assignment of %s", a.ScenarioID)
	if a.ScenarioID == "" || a.CreatedAt.IsZero() {
		return fmt.Errorf("%s: no scenario or no time (%w)", what, errNoTime)
	}
	var due *time.Time
	if a.DueAt != nil {
		t := ts(*a.DueAt)
		due = &t
	}
	var group *int64
	if a.GroupID != 0 {
		group = &a.GroupID
	}
	created := ts(a.CreatedAt)
	err := q.QueryRow(ctx,
		`INSERT INTO assignments (scenario_id, user_id, group_id, due_at, pass_mark, attempts, created_by, created_at)
		 SELECT $1, $2, $3, $4, $5, $6, $7, $8
		 WHERE EXISTS (SELECT 1 FROM users WHERE id = $2) AND EXISTS (SELECT 1 FROM users WHERE id = $7)
		 RETURNING id`,
		a.ScenarioID, a.UserID, group, due, a.PassMark, a.Attempts, a.CreatedBy, created).Scan(&a.ID)
	if err != nil {
		return translate(err, what+": trainee or trainer")
	}
	a.CreatedAt = created
	a.DueAt = due
	return nil
}

const assignmentColumns = `a.id, a.scenario_id, a.user_id, u.name, COALESCE(a.group_id, 0), COALESCE(g.name, ''), a.due_at, a.pass_mark, a.attempts, a.created_by, a.created_at`

func scanAssignment(row pgx.Row) (*openline.Assignment, error) {
	var (
		a       openline.Assignment
		due     *time.Time
		created time.Time
	)
	if err := row.Scan(&a.ID, &a.ScenarioID, &a.UserID, &a.UserName, &a.GroupID, &a.GroupName, &due, &a.PassMark, &a.Attempts, &a.CreatedBy, &created); err != nil {
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
		`SELECT `+assignmentColumns+` FROM assignments a JOIN users u ON u.id = a.user_id LEFT JOIN groups g ON g.id = a.group_id WHERE a.id = $1`, id))
	if err != nil {
		return nil, translate(err, fmt.Sprintf("assignment %d", id))
	}
	return a, nil
}

// ListAssignments lists assignments, newest first.
func (s *Store) ListAssignments(ctx context.Context, f openline.AssignmentFilter) ([]openline.Assignment, error) {
	return queryAll(ctx, s.pool, "list assignments", scanAssignment,
		`SELECT `+assignmentColumns+` FROM assignments a JOIN users u ON u.id = a.user_id LEFT JOIN groups g ON g.id = a.group_id
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
