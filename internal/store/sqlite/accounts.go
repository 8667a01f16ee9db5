package sqlite

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
	res, err := s.w.ExecContext(ctx, `UPDATE users SET name = ? WHERE id = ?`, name, id)
	if err != nil {
		return translate(err, what)
	}
	if changedOne(res) != nil {
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
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	var one int
	if err := tx.QueryRowContext(ctx, `SELECT 1 FROM users WHERE id = ? AND deactivated_at IS NULL`, r.UserID).Scan(&one); err != nil {
		return translate(err, what)
	}
	if err := userExists(ctx, tx, r.CreatedBy); err != nil {
		return fmt.Errorf("%s: creator: %w", what, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM password_resets WHERE user_id = ? OR expires_at <= ?`, r.UserID, millis(r.CreatedAt)); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO password_resets (token_hash, user_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
		r.TokenHash, r.UserID, r.CreatedBy, millis(r.CreatedAt), millis(r.ExpiresAt)); err != nil {
		return translate(err, what)
	}
	return translate(tx.Commit(), what)
}

const resetUserQuery = `SELECT u.id, u.name, u.role, u.password_hash, u.created_at, u.deactivated_at
	FROM password_resets p JOIN users u ON u.id = p.user_id
	WHERE p.token_hash = ? AND p.expires_at > ? AND u.deactivated_at IS NULL`

// PasswordResetUser returns the account of a usable reset link.
func (s *Store) PasswordResetUser(ctx context.Context, tokenHash string, now time.Time) (*openline.User, error) {
	u, err := scanUser(s.r.QueryRowContext(ctx, resetUserQuery, tokenHash, millis(now)))
	if err != nil {
		return nil, translate(err, "password reset")
	}
	return u, nil
}

// UsePasswordReset sets the password of a usable link's account and ends
// the link and the account's sessions.
func (s *Store) UsePasswordReset(ctx context.Context, tokenHash string, now time.Time, passwordHash string) (*openline.User, error) {
	const what = "use password reset"
	if passwordHash == "" {
		return nil, errors.New(what + ": no password hash")
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	u, err := scanUser(tx.QueryRowContext(ctx, resetUserQuery, tokenHash, millis(now)))
	if err != nil {
		return nil, translate(err, what)
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`UPDATE users SET password_hash = ? WHERE id = ?`, []any{passwordHash, u.ID}},
		{`DELETE FROM password_resets WHERE user_id = ?`, []any{u.ID}},
		{`DELETE FROM sessions WHERE user_id = ?`, []any{u.ID}},
	} {
		if _, err := tx.ExecContext(ctx, q.sql, q.args...); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	u.PasswordHash = passwordHash
	return u, nil
}
