package openline

import (
	"context"
	"time"
)

// Group is a set of trainees: a team, a course, a client. A trainee may
// belong to several groups (a team and a course); a trainer belongs to
// none. Groups sort the course; they do not limit what a trainer sees
// (docs/accounts.md, "Groups").
type Group struct {
	ID        int64
	Name      string
	CreatedAt time.Time
	Members   []int64 // user ids, ascending; filled by reads
}

// GroupStore keeps groups and who belongs to them.
type GroupStore interface {
	// CreateGroup stores a new group and sets g.ID; ErrConflict on a
	// taken name. g.CreatedAt must be set; g.Members is ignored.
	CreateGroup(ctx context.Context, g *Group) error
	// RenameGroup renames a group: ErrNotFound for an unknown id,
	// ErrConflict for a taken name.
	RenameGroup(ctx context.Context, id int64, name string) error
	// Groups returns every group, by name (bytewise), with its members;
	// an empty slice, not nil, when there is none.
	Groups(ctx context.Context) ([]Group, error)
	// Group returns one group with its members, or ErrNotFound.
	Group(ctx context.Context, id int64) (*Group, error)
	// SetMember puts the user into the group (member true) or takes them
	// out (false); doing either twice is harmless. ErrNotFound for an
	// unknown group or user.
	SetMember(ctx context.Context, groupID, userID int64, member bool) error
}
