package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/openline/openline/internal/openline"
)

// Leases of live calls (openline.Lease). With SQLite there is one server,
// but the leases are kept all the same: the call manager is the same on
// both stores, and a restarted server finds its own calls by them.

// liveCallsSQL counts the open calls of user ?1 whose lease holds at ?2.
const liveCallsSQL = `SELECT COUNT(*) FROM calls c JOIN call_leases l ON l.call_id = c.id
	WHERE c.user_id = ?1 AND c.ended_at IS NULL AND l.until > ?2`

// leaseSQL takes the lease of call ?1 for owner ?2 until ?3, or renews
// it, unless another owner's lease holds at ?4: then no row changes.
const leaseSQL = `INSERT INTO call_leases (call_id, owner, until) VALUES (?1, ?2, ?3)
	ON CONFLICT (call_id) DO UPDATE SET owner = excluded.owner, until = excluded.until
	WHERE call_leases.owner = excluded.owner OR call_leases.until <= ?4`

// StartCall creates c leased to l.Owner, unless its user has maxLive live
// calls: ErrLimit. See openline.CallStore.
func (s *Store) StartCall(ctx context.Context, c *openline.Call, l openline.Lease, maxLive int) error {
	if c.ID == "" || c.StartedAt.IsZero() || l.Owner == "" || l.At.IsZero() || l.Until.IsZero() {
		return fmt.Errorf("start call %s: no id, start, lease owner or lease times", c.ID)
	}
	what := "start call " + c.ID
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, liveCallsSQL, c.UserID, millis(l.At)).Scan(&n); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n >= maxLive {
		return fmt.Errorf("%s: user %d has %d live calls: %w", what, c.UserID, n, openline.ErrLimit)
	}
	started := fromMillis(millis(c.StartedAt))
	res, err := tx.StmtContext(ctx, s.ws.createCall).ExecContext(ctx,
		c.ID, c.UserID, c.ScenarioID, c.ScenarioVersion, string(c.Engine), string(c.Language), c.Seed, millis(started))
	if err != nil {
		return translate(err, what)
	}
	if err := changedOne(res); err != nil {
		if uerr := userExists(ctx, tx, c.UserID); uerr != nil {
			err = uerr
		}
		return fmt.Errorf("%s: %w", what, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO call_leases (call_id, owner, until) VALUES (?, ?, ?)`,
		c.ID, l.Owner, millis(l.Until)); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	c.StartedAt = started
	return nil
}

// LeaseCall takes or renews the lease of an open call. See
// openline.CallStore.
func (s *Store) LeaseCall(ctx context.Context, callID string, l openline.Lease) error {
	what := "lease call " + callID
	if l.Owner == "" || l.At.IsZero() || l.Until.IsZero() {
		return fmt.Errorf("%s: no owner or times", what)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	if err := callOpen(ctx, tx, callID); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	res, err := tx.ExecContext(ctx, leaseSQL, callID, l.Owner, millis(l.Until), millis(l.At))
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	} else if n == 0 {
		return fmt.Errorf("%s: %w", what, openline.ErrLeased)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// RenewLeases extends every lease of owner to until.
func (s *Store) RenewLeases(ctx context.Context, owner string, until time.Time) error {
	if _, err := s.w.ExecContext(ctx, `UPDATE call_leases SET until = ? WHERE owner = ?`, millis(until), owner); err != nil {
		return fmt.Errorf("renew leases of %s: %w", owner, err)
	}
	return nil
}

// ReleaseLease deletes owner's lease of a call, if it holds one.
func (s *Store) ReleaseLease(ctx context.Context, callID, owner string) error {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM call_leases WHERE call_id = ? AND owner = ?`, callID, owner); err != nil {
		return fmt.Errorf("release lease of call %s: %w", callID, err)
	}
	return nil
}

// OrphanCalls lists the open calls no server holds. See
// openline.CallStore.
func (s *Store) OrphanCalls(ctx context.Context, owner string, lapsed time.Time) ([]openline.Call, error) {
	return s.queryCalls(ctx, "orphan calls",
		`SELECT `+callColumns+` FROM calls c JOIN users u ON u.id = c.user_id
		 LEFT JOIN call_leases l ON l.call_id = c.id
		 WHERE c.ended_at IS NULL AND (l.call_id IS NULL OR l.until <= ? OR l.owner = ?)
		 ORDER BY c.started_at, c.id`, millis(lapsed), owner)
}
