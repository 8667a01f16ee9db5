package openline

import (
	"context"
	"time"
)

// Effective returns the score of dimension d that counts for the call: a
// trainer's latest adjustment where there is one, else the computed score;
// nil while the call is not scored. Progress, listings and exports use it,
// so an adjusted call counts as adjusted everywhere.
func (c *Call) Effective(d Dimension) *int {
	switch d {
	case DimensionOpenness:
		if c.OpennessAdjusted != nil {
			return c.OpennessAdjusted
		}
		return c.Openness
	case DimensionCuriosity:
		if c.CuriosityAdjusted != nil {
			return c.CuriosityAdjusted
		}
		return c.Curiosity
	}
	return nil
}

// Comment is a trainer's note pinned to one turn of a call; the trainee
// sees it on their call.
type Comment struct {
	ID        int64
	CallID    string
	Turn      int // index into the call's turns
	AuthorID  int64
	Author    string // the author's name, filled by reads
	Text      string
	CreatedAt time.Time
}

// ScoreAdjustment is a trainer's change of one score of a call, with the
// reason. The computed score stays; the latest adjustment of a dimension
// is the call's effective score (Call.Effective). Score nil takes the
// adjustment back: the computed score counts again.
type ScoreAdjustment struct {
	ID        int64
	CallID    string
	Dimension Dimension
	Score     *int
	Reason    string
	AuthorID  int64
	Author    string // filled by reads
	At        time.Time
}

// ReviewSort is what a review listing is ordered by.
type ReviewSort string

// The orders of a review listing; each ties by start, newest first.
const (
	SortStarted   ReviewSort = "started"
	SortDuration  ReviewSort = "duration"
	SortOpenness  ReviewSort = "openness"  // the effective score
	SortCuriosity ReviewSort = "curiosity" // the effective score
	SortTrainee   ReviewSort = "trainee"
	SortScenario  ReviewSort = "scenario"
)

// ReviewSorts lists the orders.
var ReviewSorts = []ReviewSort{SortStarted, SortDuration, SortOpenness, SortCuriosity, SortTrainee, SortScenario}

// ReviewQuery selects, orders and pages calls for a trainer's review;
// zero fields select all.
type ReviewQuery struct {
	UserID     int64
	UserName   string
	GroupID    int64
	ScenarioID string
	Engine     EngineName
	Outcome    Outcome    // OutcomeNone: any, ended or not
	From, To   time.Time  // started at or after From and before To; zero: open
	Sort       ReviewSort // "": SortStarted
	Desc       bool       // descending (newest, longest, highest first)
	Offset     int
	Limit      int // 0: ReviewPageDefault; at most ReviewListMax
}

// Bounds of ReviewStore.ReviewCalls.
const (
	ReviewPageDefault = 50
	ReviewListMax     = 1000
)

// ReviewStore keeps what trainers add to calls, comments and score
// adjustments, and lists calls for review.
type ReviewStore interface {
	// AddComment stores a comment and sets its ID; ErrNotFound for an
	// unknown call or author, ErrConflict for a turn the call does not
	// have, ErrLimit when the call has maxPerCall comments already.
	AddComment(ctx context.Context, c *Comment, maxPerCall int) error
	// Comments lists a call's comments, oldest first (an empty slice for
	// none); ErrNotFound for an unknown call.
	Comments(ctx context.Context, callID string) ([]Comment, error)
	// AdjustScore records an adjustment and makes it the call's effective
	// score of its dimension, in one transaction, and sets a.ID;
	// ErrNotFound for an unknown call or author, ErrConflict for a call
	// that has no computed score.
	AdjustScore(ctx context.Context, a *ScoreAdjustment) error
	// ScoreAdjustments lists a call's adjustments, oldest first.
	ScoreAdjustments(ctx context.Context, callID string) ([]ScoreAdjustment, error)
	// ReviewCalls returns one page of the calls q selects, in q's order,
	// and how many it selects in all.
	ReviewCalls(ctx context.Context, q ReviewQuery) ([]Call, int, error)
}

// ReviewLimit is the page size ReviewCalls uses for a requested n.
func ReviewLimit(n int) int {
	switch {
	case n <= 0:
		return ReviewPageDefault
	case n > ReviewListMax:
		return ReviewListMax
	}
	return n
}
