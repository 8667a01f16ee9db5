package sqlite

import (
	"context"
	"errors"
	"fmt"

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
	res, err := s.w.ExecContext(ctx, `INSERT INTO groups (name, created_at) VALUES (?, ?)`, g.Name, millis(g.CreatedAt))
	if err != nil {
		return translate(err, fmt.Sprintf("create group %q", g.Name))
	}
	if g.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("create group %q: %w", g.Name, err)
	}
	g.CreatedAt = fromMillis(millis(g.CreatedAt))
	g.Members = []int64{}
	return nil
}

// RenameGroup renames a group.
func (s *Store) RenameGroup(ctx context.Context, id int64, name string) error {
	what := fmt.Sprintf("rename group %d", id)
	if name == "" {
		return errors.New(what + ": empty name")
	}
	res, err := s.w.ExecContext(ctx, `UPDATE groups SET name = ? WHERE id = ?`, name, id)
	if err != nil {
		return translate(err, what)
	}
	if changedOne(res) != nil {
		return fmt.Errorf("%s: %w", what, openline.ErrNotFound)
	}
	return nil
}

// Groups returns every group by name, with its members.
func (s *Store) Groups(ctx context.Context) ([]openline.Group, error) {
	return s.groups(ctx, "groups", `SELECT id, name, created_at FROM groups ORDER BY name, id`)
}

// Group returns one group with its members.
func (s *Store) Group(ctx context.Context, id int64) (*openline.Group, error) {
	gs, err := s.groups(ctx, fmt.Sprintf("group %d", id), `SELECT id, name, created_at FROM groups WHERE id = ?`, id)
	if err != nil {
		return nil, err
	}
	if len(gs) == 0 {
		return nil, fmt.Errorf("group %d: %w", id, openline.ErrNotFound)
	}
	return &gs[0], nil
}

// groups runs q, which selects id, name and created_at of groups, and
// fills in their members, in one read snapshot.
func (s *Store) groups(ctx context.Context, what, q string, args ...any) ([]openline.Group, error) {
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	gs, err := queryAll(ctx, tx, what, func(row scanner) (*openline.Group, error) {
		var (
			g       openline.Group
			created int64
		)
		if err := row.Scan(&g.ID, &g.Name, &created); err != nil {
			return nil, err
		}
		g.CreatedAt = fromMillis(created)
		g.Members = []int64{}
		return &g, nil
	}, q, args...)
	if err != nil || len(gs) == 0 {
		return gs, err
	}
	byID := make(map[int64]*openline.Group, len(gs))
	for i := range gs {
		byID[gs[i].ID] = &gs[i]
	}
	rows, err := tx.QueryContext(ctx, `SELECT group_id, user_id FROM group_members ORDER BY group_id, user_id`)
	if err != nil {
		return nil, fmt.Errorf("%s: members: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		var gid, uid int64
		if err := rows.Scan(&gid, &uid); err != nil {
			return nil, fmt.Errorf("%s: members: %w", what, err)
		}
		if g := byID[gid]; g != nil {
			g.Members = append(g.Members, uid)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: members: %w", what, err)
	}
	return gs, nil
}

// SetMember puts a user into a group or takes them out.
func (s *Store) SetMember(ctx context.Context, groupID, userID int64, member bool) error {
	what := fmt.Sprintf("group %d member %d", groupID, userID)
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	var one int
	if err := tx.QueryRowContext(ctx, `SELECT 1 FROM groups WHERE id = ?`, groupID).Scan(&one); err != nil {
		return translate(err, what)
	}
	if err := userExists(ctx, tx, userID); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	q := `DELETE FROM group_members WHERE group_id = ? AND user_id = ?`
	if member {
		q = `INSERT INTO group_members (group_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING`
	}
	if _, err := tx.ExecContext(ctx, q, groupID, userID); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return translate(tx.Commit(), what)
}
