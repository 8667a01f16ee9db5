package postgres

import (
	"context"
	"fmt"
	"time"
)

// SetupTokenWorks reports whether UseSetupToken would take the token at
// now: it is the stored one, expires after now, and no account exists.
func (s *Store) SetupTokenWorks(ctx context.Context, tokenHash string, now time.Time) (bool, error) {
	var works bool
	err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM setup_tokens
		WHERE token_hash = $1 AND expires_at > $2 AND NOT EXISTS (SELECT 1 FROM users))`,
		tokenHash, ts(now)).Scan(&works)
	if err != nil {
		return false, fmt.Errorf("check setup token: %w", err)
	}
	return works, nil
}
