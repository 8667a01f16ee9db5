package sqlite

import (
	"context"
	"time"
)

// SessionExpires returns when the session whose token hashes to tokenHash
// expires; ErrNotFound when there is none.
func (s *Store) SessionExpires(ctx context.Context, tokenHash string) (time.Time, error) {
	var ms int64
	err := s.r.QueryRowContext(ctx, `SELECT expires_at FROM sessions WHERE token_hash = ?`, tokenHash).Scan(&ms)
	if err != nil {
		return time.Time{}, translate(err, "session")
	}
	return fromMillis(ms), nil
}
