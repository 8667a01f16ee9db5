package postgres

import (
	"context"
	"time"
)

// SessionExpires returns when the session whose token hashes to tokenHash
// expires; ErrNotFound when there is none.
func (s *Store) SessionExpires(ctx context.Context, tokenHash string) (time.Time, error) {
	var t time.Time
	err := s.pool.QueryRow(ctx, `SELECT expires_at FROM sessions WHERE token_hash = $1`, tokenHash).Scan(&t)
	if err != nil {
		return time.Time{}, translate(err, "session")
	}
	return fromTS(t), nil
}
