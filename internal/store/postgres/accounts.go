package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/openline/openline/internal/openline"
)

// RenameUser gives an account a new name.
func (s *Store) RenameUser(ctx context.Context, id int64, name string) error {
	what := fmt.Sprintf("rename user %d", id)
	if name == "" {
		return errors.New(what + ": empty name")
	}
	tag, err := s.pool.Exec(ctx, `UPDATE users SET name = $1 WHERE id = $2`, name, id)
	if err != nil {
		return translate(err, what)
	}
	if tag.RowsAffected() != 1 {
		return fmt.Errorf("%s: %w", what, openline.ErrNotFound)
	}
	return nil
}

// CreatePasswordReset stores a reset link in place of the account's
// earlier ones.
func (s *Store) CreatePasswordReset(ctx context.Context, r openline.PasswordReset) error {
	what := fmt.Sprintf("create password reset for user %d", r.UserID)
	switch {
	case r.TokenHash == "":
		return errors.New(what + ": empty token hash")
	case r.CreatedAt.IsZero() || r.ExpiresAt.IsZero():
		return fmt.Errorf("%s: %w", what, errNoTime)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback(ctx)
	var one int
	// FOR UPDATE: a deactivation at the same time waits, so no link is
	// left for a deactivated account.
	if err := tx.QueryRow(ctx, `SELECT 1 FROM users WHERE id = $1 AND deactivated_at IS NULL FOR UPDATE`, r.UserID).Scan(&one); err != nil {
		return translate(err, what)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM password_resets WHERE user_id = $1 OR expires_at <= $2`, r.UserID, ts(r.CreatedAt)); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if _, err := tx.Exec(ctx,
		`INSERT INTO password_resets (token_hash, user_id, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
		r.TokenHash, r.UserID, r.CreatedBy, ts(r.CreatedAt), ts(r.ExpiresAt)); err != nil {
		if pgCode(err) == codeForeignKeyViolation {
			return fmt.Errorf("%s: creator %d: %w", what, r.CreatedBy, openline.ErrNotFound)
		}
		return translate(err, what)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

const resetUserQuery = `SELECT u.id, u.name, u.role, u.password_hash, u.created_at, u.deactivated_at
	FROM password_resets p JOIN users u ON u.id = p.user_id
	WHERE p.token_hash = $1 AND p.expires_at > $2 AND u.deactivated_at IS NULL`

// PasswordResetUser returns the account of a usable reset link.
func (s *Store) PasswordResetUser(ctx context.Context, tokenHash string, now time.Time) (*openline.User, error) {
	u, err := scanUser(s.pool.QueryRow(ctx, resetUserQuery, tokenHash, ts(now)))
	if err != nil {
		return nil, translate(err, "password reset")
	}
	return u, nil
}

// UsePasswordReset sets the password of a usable link's account and ends
// the link and the account's sessions. The link's row is locked, so two
// uses at once set one password and the other finds the link gone.
func (s *Store) UsePasswordReset(ctx context.Context, tokenHash string, now time.Time, passwordHash string) (*openline.User, error) {
	const what = "use password reset"
	if passwordHash == "" {
		return nil, errors.New(what + ": no password hash")
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback(ctx)
	u, err := scanUser(tx.QueryRow(ctx, resetUserQuery+` FOR UPDATE`, tokenHash, ts(now)))
	if err != nil {
		return nil, translate(err, what)
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`UPDATE users SET password_hash = $1 WHERE id = $2`, []any{passwordHash, u.ID}},
		{`DELETE FROM password_resets WHERE user_id = $1`, []any{u.ID}},
		{`DELETE FROM sessions WHERE user_id = $1`, []any{u.ID}},
	} {
		if _, err := tx.Exec(ctx, q.sql, q.args...); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	u.PasswordHash = passwordHash
	return u, nil
}
