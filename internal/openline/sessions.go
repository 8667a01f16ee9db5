package openline

import (
	"context"
	"time"
)

// SessionExpiries tells when a session ends by itself, so that a server
// can check a live websocket's session in memory on every frame and ask
// the store only now and then (logouts on other servers).
type SessionExpiries interface {
	// SessionExpires returns when the session whose token hashes to
	// tokenHash expires; ErrNotFound when there is no such session.
	SessionExpires(ctx context.Context, tokenHash string) (time.Time, error)
}
