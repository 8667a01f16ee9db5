package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/openline/openline/internal/openline"
)

// setupLock is the key of the advisory lock UseSetupToken holds, so that
// two first-run setups at once create one account, not two.
const setupLock = 0x6f6c2d7365747570 // "ol-setup"

// CreateUser stores a new account and sets u.ID; u.CreatedAt must be set.
// A taken name is ErrConflict. Names are compared exactly (bytes).
func (s *Store) CreateUser(ctx context.Context, u *openline.User) error {
	return createUser(ctx, s.pool, u)
}

// createUser inserts u and sets u.ID and u.CreatedAt.
func createUser(ctx context.Context, q querier, u *openline.User) error {
	switch {
	case u.Name == "":
		return errors.New("create user: empty name")
	case !u.Role.Valid():
		return fmt.Errorf("create user %q: unknown role %q", u.Name, u.Role)
	case u.PasswordHash == "":
		return fmt.Errorf("create user %q: no password hash", u.Name)
	case u.CreatedAt.IsZero():
		return fmt.Errorf("create user %q: %w", u.Name, errNoTime)
	}
	created := ts(u.CreatedAt)
	err := q.QueryRow(ctx,
		`INSERT INTO users (name, role, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
		u.Name, string(u.Role), u.PasswordHash, created).Scan(&u.ID)
	if err != nil {
		return translate(err, fmt.Sprintf("create user %q", u.Name))
	}
	u.CreatedAt = created
	return nil
}

const userColumns = `id, name, role, password_hash, created_at, deactivated_at`

func scanUser(row pgx.Row) (*openline.User, error) {
	var (
		u           openline.User
		role        string
		created     time.Time
		deactivated *time.Time
	)
	if err := row.Scan(&u.ID, &u.Name, &role, &u.PasswordHash, &created, &deactivated); err != nil {
		return nil, err
	}
	u.Role = openline.Role(role)
	u.CreatedAt = fromTS(created)
	if deactivated != nil {
		t := fromTS(*deactivated)
		u.DeactivatedAt = &t
	}
	return &u, nil
}

// UserByName returns the account with exactly this name, or ErrNotFound.
func (s *Store) UserByName(ctx context.Context, name string) (*openline.User, error) {
	u, err := scanUser(s.pool.QueryRow(ctx, `SELECT `+userColumns+` FROM users WHERE name = $1`, name))
	if err != nil {
		return nil, translate(err, fmt.Sprintf("user %q", name))
	}
	return u, nil
}

// UserByID returns the account with this id, or ErrNotFound.
func (s *Store) UserByID(ctx context.Context, id int64) (*openline.User, error) {
	u, err := scanUser(s.pool.QueryRow(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id))
	if err != nil {
		return nil, translate(err, fmt.Sprintf("user %d", id))
	}
	return u, nil
}

// ListUsers returns every account, ordered by name (bytewise); an empty
// slice, not nil, when there is none.
func (s *Store) ListUsers(ctx context.Context) ([]openline.User, error) {
	return queryAll(ctx, s.pool, "list users", scanUser, `SELECT `+userColumns+` FROM users ORDER BY name, id`)
}

// DeactivateUser marks the account deactivated and deletes its sessions.
func (s *Store) DeactivateUser(ctx context.Context, id int64, at time.Time) error {
	what := fmt.Sprintf("deactivate user %d", id)
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback(ctx)
	tag, err := tx.Exec(ctx, `UPDATE users SET deactivated_at = COALESCE(deactivated_at, $1) WHERE id = $2`, ts(at), id)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("%s: %w", what, openline.ErrNotFound)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM sessions WHERE user_id = $1`, id); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// CountUsers returns the number of accounts.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	n, err := countUsers(ctx, s.pool)
	if err != nil {
		return 0, fmt.Errorf("count users: %w", err)
	}
	return n, nil
}

func countUsers(ctx context.Context, q querier) (int, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM users`).Scan(&n)
	return n, err
}

// CreateSession stores a session; its user must exist (ErrNotFound
// otherwise) and its token hash must be new (ErrConflict otherwise);
// CreatedAt must be set. Sessions that expired by CreatedAt are deleted on
// the way, so the table does not grow without bound.
func (s *Store) CreateSession(ctx context.Context, sess openline.Session) error {
	if sess.TokenHash == "" {
		return errors.New("create session: empty token hash")
	}
	if sess.CreatedAt.IsZero() {
		return fmt.Errorf("create session: %w", errNoTime)
	}
	created := ts(sess.CreatedAt)
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("create session: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `DELETE FROM sessions WHERE expires_at <= $1`, created); err != nil {
		return fmt.Errorf("create session: %w", err)
	}
	if _, err := tx.Exec(ctx,
		`INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
		sess.TokenHash, sess.UserID, created, ts(sess.ExpiresAt)); err != nil {
		if pgCode(err) == codeForeignKeyViolation {
			return fmt.Errorf("create session: user %d: %w", sess.UserID, openline.ErrNotFound)
		}
		return translate(err, "create session")
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("create session: %w", err)
	}
	return nil
}

// SessionUser returns the user of the session whose token hashes to
// tokenHash, when the session expires after now; ErrNotFound otherwise.
func (s *Store) SessionUser(ctx context.Context, tokenHash string, now time.Time) (*openline.User, error) {
	u, err := scanUser(s.pool.QueryRow(ctx,
		`SELECT u.id, u.name, u.role, u.password_hash, u.created_at, u.deactivated_at
		 FROM sessions s JOIN users u ON u.id = s.user_id
		 WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.deactivated_at IS NULL`,
		tokenHash, ts(now)))
	if err != nil {
		return nil, translate(err, "session")
	}
	return u, nil
}

// DeleteSession deletes a session; deleting an unknown one is not an error,
// so logging out twice is harmless.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	if _, err := s.pool.Exec(ctx, `DELETE FROM sessions WHERE token_hash = $1`, tokenHash); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// CreateSetupToken stores a one-time setup token that expires at expires,
// in place of every earlier one: one token is valid at a time. (One
// statement: the data-modifying WITH runs in the same snapshot.)
func (s *Store) CreateSetupToken(ctx context.Context, tokenHash string, expires time.Time) error {
	if tokenHash == "" {
		return errors.New("create setup token: empty token hash")
	}
	if _, err := s.pool.Exec(ctx, `WITH gone AS (DELETE FROM setup_tokens)
		INSERT INTO setup_tokens (token_hash, expires_at) VALUES ($1, $2)`,
		tokenHash, ts(expires)); err != nil {
		return translate(err, "create setup token")
	}
	return nil
}

// UseSetupToken consumes the setup token and creates u, a trainer (an empty
// u.Role is taken as trainer), in one transaction. An unknown, used or
// expired token is ErrNotFound; when an account exists already the token is
// not consumed and the result is ErrConflict. A zero u.CreatedAt is now.
// Setups at once, on this server or another, are serialised by an
// advisory lock: exactly one creates the first account.
func (s *Store) UseSetupToken(ctx context.Context, tokenHash string, now time.Time, u *openline.User) error {
	if u.Role == "" {
		u.Role = openline.RoleTrainer
	}
	if u.Role != openline.RoleTrainer {
		return fmt.Errorf("setup: the first account must be a trainer, not %q", u.Role)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("setup: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(setupLock)); err != nil {
		return fmt.Errorf("setup: %w", err)
	}
	var expires time.Time
	err = tx.QueryRow(ctx, `SELECT expires_at FROM setup_tokens WHERE token_hash = $1`, tokenHash).Scan(&expires)
	if err != nil {
		return translate(err, "setup token")
	}
	if !expires.After(ts(now)) {
		return fmt.Errorf("setup token expired: %w", openline.ErrNotFound)
	}
	n, err := countUsers(ctx, tx)
	if err != nil {
		return fmt.Errorf("setup: %w", err)
	}
	if n > 0 {
		return fmt.Errorf("setup: an account exists already: %w", openline.ErrConflict)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM setup_tokens WHERE token_hash = $1`, tokenHash); err != nil {
		return fmt.Errorf("setup: %w", err)
	}
	if u.CreatedAt.IsZero() {
		u.CreatedAt = now
	}
	if err := createUser(ctx, tx, u); err != nil {
		return fmt.Errorf("setup: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("setup: %w", err)
	}
	return nil
}
