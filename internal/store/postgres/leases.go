package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/openline/openline/internal/openline"
)

// Leases of live calls (openline.Lease): with several servers on one
// database, the lease says which one a call is live on.

// leaseSQL takes the lease of call $1 for owner $2 until $3, or renews
// it, unless another owner's lease holds at $4: then no row changes. The
// upsert locks the lease row, so two servers taking over one lapsed lease
// at once cannot both win.
const leaseSQL = `INSERT INTO call_leases (call_id, owner, until) VALUES ($1, $2, $3)
	ON CONFLICT (call_id) DO UPDATE SET owner = EXCLUDED.owner, until = EXCLUDED.until
	WHERE call_leases.owner = EXCLUDED.owner OR call_leases.until <= $4`

// liveCallsSQL counts the open calls of user $1 whose lease holds at $2
// (the partial index calls_live_user finds them).
const liveCallsSQL = `SELECT COUNT(*) FROM calls c JOIN call_leases l ON l.call_id = c.id
	WHERE c.user_id = $1 AND c.ended_at IS NULL AND l.until > $2`

// StartCall creates c leased to l.Owner, unless its user has maxLive live
// calls: ErrLimit. The user's row is locked for the transaction, so that
// servers starting calls of one user at once count one after the other.
func (s *Store) StartCall(ctx context.Context, c *openline.Call, l openline.Lease, maxLive int) error {
	if c.ID == "" || c.StartedAt.IsZero() || l.Owner == "" || l.At.IsZero() || l.Until.IsZero() {
		return fmt.Errorf("start call %s: no id, start, lease owner or lease times", c.ID)
	}
	what := "start call " + c.ID
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback(ctx)
	var one int
	if err := tx.QueryRow(ctx, `SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, c.UserID).Scan(&one); err != nil {
		return translate(err, fmt.Sprintf("%s: user %d", what, c.UserID))
	}
	var n int
	if err := tx.QueryRow(ctx, liveCallsSQL, c.UserID, ts(l.At)).Scan(&n); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n >= maxLive {
		return fmt.Errorf("%s: user %d has %d live calls: %w", what, c.UserID, n, openline.ErrLimit)
	}
	if err := createCall(ctx, tx, c); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO call_leases (call_id, owner, until) VALUES ($1, $2, $3)`,
		c.ID, l.Owner, ts(l.Until)); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	c.StartedAt = ts(c.StartedAt)
	return nil
}

// LeaseCall takes or renews the lease of an open call. See
// openline.CallStore.
func (s *Store) LeaseCall(ctx context.Context, callID string, l openline.Lease) error {
	what := "lease call " + callID
	if l.Owner == "" || l.At.IsZero() || l.Until.IsZero() {
		return fmt.Errorf("%s: no owner or times", what)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback(ctx)
	// Lock the call, so that it cannot end between the check and the
	// lease.
	var ended *time.Time
	if err := tx.QueryRow(ctx, `SELECT ended_at FROM calls WHERE id = $1 FOR UPDATE`, callID).Scan(&ended); err != nil {
		return translate(err, what)
	}
	if ended != nil {
		return fmt.Errorf("%s: the call has ended: %w", what, openline.ErrConflict)
	}
	tag, err := tx.Exec(ctx, leaseSQL, callID, l.Owner, ts(l.Until), ts(l.At))
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("%s: %w", what, openline.ErrLeased)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// RenewLeases extends every lease of owner to until.
func (s *Store) RenewLeases(ctx context.Context, owner string, until time.Time) error {
	if owner == "" {
		return errors.New("renew leases: no owner")
	}
	if _, err := s.pool.Exec(ctx, `UPDATE call_leases SET until = $1 WHERE owner = $2`, ts(until), owner); err != nil {
		return fmt.Errorf("renew leases of %s: %w", owner, err)
	}
	return nil
}

// ReleaseLease deletes owner's lease of a call, if it holds one.
func (s *Store) ReleaseLease(ctx context.Context, callID, owner string) error {
	if _, err := s.pool.Exec(ctx, `DELETE FROM call_leases WHERE call_id = $1 AND owner = $2`, callID, owner); err != nil {
		return fmt.Errorf("release lease of call %s: %w", callID, err)
	}
	return nil
}

// OrphanCalls lists the open calls no server holds. See
// openline.CallStore.
func (s *Store) OrphanCalls(ctx context.Context, owner string, lapsed time.Time) ([]openline.Call, error) {
	return queryAll(ctx, s.pool, "orphan calls", scanCall,
		`SELECT `+callColumns+` FROM calls c JOIN users u ON u.id = c.user_id
		 LEFT JOIN call_leases l ON l.call_id = c.id
		 WHERE c.ended_at IS NULL AND (l.call_id IS NULL OR l.until <= $1 OR l.owner = $2)
		 ORDER BY c.started_at, c.id`, ts(lapsed), owner)
}
