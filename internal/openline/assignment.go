package openline

import (
	"context"
	"time"
)

// Assignment is a scenario a trainer gave a trainee to practise, with an
// optional due date, the mark that passes it and how many calls count.
// How an assignment stands (open, passed, failed, overdue) is worked out
// from the trainee's calls by package progress (docs/progress.md).
type Assignment struct {
	ID         int64
	ScenarioID string
	UserID     int64  // the trainee
	UserName   string // filled by reads
	// GroupID is the group the assignment was given to (0: the trainee
	// alone); GroupName is filled by reads.
	GroupID   int64
	GroupName string
	DueAt     *time.Time
	// PassMark is the score, 0–100, that both openness and curiosity
	// must reach in one call.
	PassMark int
	// Attempts is how many calls count towards the assignment; 0: no
	// limit.
	Attempts  int
	CreatedBy int64 // the trainer
	CreatedAt time.Time
}

// Bounds of an assignment, the same for every store and the API.
const (
	MaxAttempts = 100 // the most calls an assignment may count
)

// AssignmentFilter selects assignments; zero fields select all.
type AssignmentFilter struct {
	UserID int64
}

// AssignmentStore keeps assignments.
type AssignmentStore interface {
	// CreateAssignment stores a and sets a.ID; ErrNotFound when the
	// trainee or the trainer does not exist.
	CreateAssignment(ctx context.Context, a *Assignment) error
	// AssignGroup gives a (its UserID ignored) to every active trainee of
	// group a.GroupID, one assignment each, in one transaction, and
	// returns them; trainees who join the group later do not get it.
	// ErrNotFound for an unknown group or trainer.
	AssignGroup(ctx context.Context, a *Assignment) ([]Assignment, error)
	Assignment(ctx context.Context, id int64) (*Assignment, error)
	// ListAssignments lists assignments, newest first; an empty slice,
	// not nil, when there is none.
	ListAssignments(ctx context.Context, f AssignmentFilter) ([]Assignment, error)
	// DeleteAssignment removes an assignment (the calls made for it
	// stay); ErrNotFound for an unknown id.
	DeleteAssignment(ctx context.Context, id int64) error
}
