package openline

import (
	"context"
	"time"
)

// Rating is a trainer's own score of a call, for calibration: one trainer
// asks another to score a call blind, and the call then shows both
// trainers' scores beside the computed one (docs/progress.md
// "Calibration"). A trainer may also score a call unasked (RequestedBy is
// then the rater). A rating is final once submitted.
type Rating struct {
	CallID      string
	RaterID     int64
	RaterName   string // filled by reads
	RequestedBy int64
	RequestedAt time.Time
	// Openness, Curiosity and SubmittedAt are nil while the rating is
	// asked for and not given yet: then the rater scores blind.
	Openness    *int
	Curiosity   *int
	Note        string
	SubmittedAt *time.Time
}

// Pending reports whether the rating is asked for and not given yet.
func (r *Rating) Pending() bool { return r.SubmittedAt == nil }

// MaxRatingNote is the longest note of a rating, in bytes.
const MaxRatingNote = 2000

// RatingFilter selects ratings; zero fields select all.
type RatingFilter struct {
	RaterID   int64
	Pending   bool // only ratings asked for and not given
	Submitted bool // only given ratings
}

// RatingStore keeps the trainers' ratings of calls.
type RatingStore interface {
	// RequestRating asks r.RaterID for a blind rating of r.CallID (by
	// r.RequestedBy at r.RequestedAt): ErrConflict when that trainer has
	// a rating of the call already (asked or given), ErrNotFound for an
	// unknown call or user.
	RequestRating(ctx context.Context, r *Rating) error
	// SubmitRating gives r.RaterID's rating of r.CallID (Openness,
	// Curiosity, Note, SubmittedAt): it fills the rating asked for, or
	// adds one unasked. ErrConflict when it was given already,
	// ErrNotFound for an unknown call or user.
	SubmitRating(ctx context.Context, r *Rating) error
	// CallRatings lists a call's ratings in the order they were asked for.
	CallRatings(ctx context.Context, callID string) ([]Rating, error)
	// ListRatings lists ratings, newest asked first.
	ListRatings(ctx context.Context, f RatingFilter) ([]Rating, error)
}
