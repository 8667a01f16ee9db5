package openline

import (
	"context"
	"time"
)

// PasswordReset is a one-time link a trainer hands to the owner of an
// account to set a new password. Only the hash of its token is stored.
type PasswordReset struct {
	TokenHash string
	UserID    int64 // whose password the link sets
	CreatedBy int64 // the trainer who made it
	CreatedAt time.Time
	ExpiresAt time.Time
}

// AccountStore changes accounts: their names and passwords.
type AccountStore interface {
	// RenameUser gives an account a new name: ErrNotFound for an unknown
	// id, ErrConflict for a taken name. Calls show the new name.
	RenameUser(ctx context.Context, id int64, name string) error
	// CreatePasswordReset stores a reset link in place of every earlier
	// link of the same account, so one link works at a time; expired
	// links of every account are deleted on the way. ErrNotFound for an
	// unknown or deactivated account.
	CreatePasswordReset(ctx context.Context, r PasswordReset) error
	// PasswordResetUser returns the account of an unused link that
	// expires after now, while the account is active; ErrNotFound
	// otherwise.
	PasswordResetUser(ctx context.Context, tokenHash string, now time.Time) (*User, error)
	// UsePasswordReset sets the account's password hash and deletes the
	// link and every session of the account, in one transaction, and
	// returns the account; ErrNotFound when PasswordResetUser would
	// be. A link works once.
	UsePasswordReset(ctx context.Context, tokenHash string, now time.Time, passwordHash string) (*User, error)
}
