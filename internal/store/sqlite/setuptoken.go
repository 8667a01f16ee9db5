package sqlite

import (
	"context"
	"fmt"
	"time"
)

// SetupTokenWorks reports whether UseSetupToken would take the token at
// now: it is the stored one, expires after now, and no account exists.
func (s *Store) SetupTokenWorks(ctx context.Context, tokenHash string, now time.Time) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM setup_tokens
		WHERE token_hash = ? AND expires_at > ? AND NOT EXISTS (SELECT 1 FROM users)`,
		tokenHash, millis(now)).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("check setup token: %w", err)
	}
	return n > 0, nil
}
