package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/openline/openline/internal/openline"
)

// CreateGroup stores a new group and sets g.ID; a taken name is
// ErrConflict.
func (s *Store) CreateGroup(ctx context.Context, g *openline.Group) error {
	switch {
	case g.Name == "":
		return errors.New("create group: empty name")
	case g.CreatedAt.IsZero():
		return fmt.Errorf("create group %q: %w", g.Name, errNoTime)
	}
	created := ts(g.CreatedAt)
	if err := s.pool.QueryRow(ctx, `INSERT INTO groups (name, created_at) VALUES ($1, $2) RETURNING id`,
		g.Name, created).Scan(&g.ID); err != nil {
		return translate(err, fmt.Sprintf("create group %q", g.Name))
	}
	g.CreatedAt = created
	g.Members = []int64{}
	return nil
}

// RenameGroup renames a group.
func (s *Store) RenameGroup(ctx context.Context, id int64, name string) error {
	what := fmt.Sprintf("rename group %d", id)
	if name == "" {
		return errors.New(what + ": empty name")
	}
	tag, err := s.pool.Exec(ctx, `UPDATE groups SET name = $1 WHERE id = $2`, name, id)
	if err != nil {
		return translate(err, what)
	}
	if tag.RowsAffected() != 1 {
		return fmt.Errorf("%s: %w", what, openline.ErrNotFound)
	}
	return nil
}

// Groups returns every group by name, with its members.
func (s *Store) Groups(ctx context.Context) ([]openline.Group, error) {
	return s.groups(ctx, "groups", groupQuery+` ORDER BY g.name, g.id`)
}

// Group returns one group with its members.
func (s *Store) Group(ctx context.Context, id int64) (*openline.Group, error) {
	what := fmt.Sprintf("group %d", id)
	gs, err := s.groups(ctx, what, groupQuery+` WHERE g.id = $1`, id)
	if err != nil {
		return nil, err
	}
	if len(gs) == 0 {
		return nil, fmt.Errorf("%s: %w", what, openline.ErrNotFound)
	}
	return &gs[0], nil
}

// groupQuery selects groups with their members' ids, ascending, in one
// statement (so one snapshot).
const groupQuery = `SELECT g.id, g.name, g.created_at,
	COALESCE((SELECT array_agg(m.user_id ORDER BY m.user_id) FROM group_members m WHERE m.group_id = g.id), '{}')
	FROM groups g`

func (s *Store) groups(ctx context.Context, what, q string, args ...any) ([]openline.Group, error) {
	return queryAll(ctx, s.pool, what, func(row pgx.Row) (*openline.Group, error) {
		var (
			g       openline.Group
			created time.Time
		)
		if err := row.Scan(&g.ID, &g.Name, &created, &g.Members); err != nil {
			return nil, err
		}
		g.CreatedAt = fromTS(created)
		if g.Members == nil {
			g.Members = []int64{}
		}
		return &g, nil
	}, q, args...)
}

// SetMember puts a user into a group or takes them out.
func (s *Store) SetMember(ctx context.Context, groupID, userID int64, member bool) error {
	what := fmt.Sprintf("group %d member %d", groupID, userID)
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback(ctx)
	var one int
	if err := tx.QueryRow(ctx, `SELECT 1 FROM groups WHERE id = $1`, groupID).Scan(&one); err != nil {
		return translate(err, what)
	}
	if err := tx.QueryRow(ctx, `SELECT 1 FROM users WHERE id = $1`, userID).Scan(&one); err != nil {
		return translate(err, what)
	}
	q := `DELETE FROM group_members WHERE group_id = $1 AND user_id = $2`
	if member {
		q = `INSERT INTO group_members (group_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`
	}
	if _, err := tx.Exec(ctx, q, groupID, userID); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}
