package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/openline/openline/internal/openline"
)

// ratingParties is nil when the call of r and the users exist;
// ErrNotFound otherwise.
func ratingParties(ctx context.Context, q querier, r *openline.Rating, users ...int64) error {
	var one int
	if err := q.QueryRow(ctx, `SELECT 1 FROM calls WHERE id = $1`, r.CallID).Scan(&one); err != nil {
		return translate(err, "call "+r.CallID)
	}
	for _, id := range users {
		if err := q.QueryRow(ctx, `SELECT 1 FROM users WHERE id = $1`, id).Scan(&one); err != nil {
			return translate(err, fmt.Sprintf("user %d", id))
		}
	}
	return nil
}

// RequestRating asks a trainer for a blind rating of a call.
func (s *Store) RequestRating(ctx context.Context, r *openline.Rating) error {
	what := fmt.Sprintf("request rating of call %s by %d", r.CallID, r.RaterID)
	if r.RequestedAt.IsZero() {
		return fmt.Errorf("%s: %w", what, errNoTime)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback(ctx)
	if err := ratingParties(ctx, tx, r, r.RaterID, r.RequestedBy); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if _, err := tx.Exec(ctx,
		`INSERT INTO ratings (call_id, rater_id, requested_by, requested_at) VALUES ($1, $2, $3, $4)`,
		r.CallID, r.RaterID, r.RequestedBy, ts(r.RequestedAt)); err != nil {
		return translate(err, what)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// SubmitRating gives a trainer's rating of a call, asked for or not.
func (s *Store) SubmitRating(ctx context.Context, r *openline.Rating) error {
	what := fmt.Sprintf("submit rating of call %s by %d", r.CallID, r.RaterID)
	if r.SubmittedAt == nil || r.Openness == nil || r.Curiosity == nil {
		return fmt.Errorf("%s: no time or no scores (%w)", what, errNoTime)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback(ctx)
	if err := ratingParties(ctx, tx, r, r.RaterID); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	at := ts(*r.SubmittedAt)
	var submitted *time.Time
	err = tx.QueryRow(ctx, `SELECT submitted_at FROM ratings WHERE call_id = $1 AND rater_id = $2 FOR UPDATE`, r.CallID, r.RaterID).Scan(&submitted)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		_, err = tx.Exec(ctx,
			`INSERT INTO ratings (call_id, rater_id, requested_by, requested_at, openness, curiosity, note, submitted_at)
			 VALUES ($1, $2, $2, $3, $4, $5, $6, $3)`,
			r.CallID, r.RaterID, at, *r.Openness, *r.Curiosity, r.Note)
		err = translate(err, what)
	case err != nil:
	case submitted != nil:
		return fmt.Errorf("%s: given already: %w", what, openline.ErrConflict)
	default:
		_, err = tx.Exec(ctx,
			`UPDATE ratings SET openness = $1, curiosity = $2, note = $3, submitted_at = $4 WHERE call_id = $5 AND rater_id = $6`,
			*r.Openness, *r.Curiosity, r.Note, at, r.CallID, r.RaterID)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

const ratingColumns = `r.call_id, r.rater_id, u.name, r.requested_by, r.requested_at, r.openness, r.curiosity, r.note, r.submitted_at`

func scanRating(row pgx.Row) (*openline.Rating, error) {
	var (
		r         openline.Rating
		requested time.Time
		open, cur *int
		subm      *time.Time
	)
	if err := row.Scan(&r.CallID, &r.RaterID, &r.RaterName, &r.RequestedBy, &requested, &open, &cur, &r.Note, &subm); err != nil {
		return nil, err
	}
	r.RequestedAt = fromTS(requested)
	if subm != nil && open != nil && cur != nil {
		t := fromTS(*subm)
		r.Openness, r.Curiosity, r.SubmittedAt = open, cur, &t
	}
	return &r, nil
}

// CallRatings lists a call's ratings in the order they were asked for.
func (s *Store) CallRatings(ctx context.Context, callID string) ([]openline.Rating, error) {
	return queryAll(ctx, s.pool, "ratings of call "+callID, scanRating,
		`SELECT `+ratingColumns+` FROM ratings r JOIN users u ON u.id = r.rater_id
		 WHERE r.call_id = $1 ORDER BY r.requested_at, r.rater_id`, callID)
}

// ListRatings lists ratings, newest asked first.
func (s *Store) ListRatings(ctx context.Context, f openline.RatingFilter) ([]openline.Rating, error) {
	return queryAll(ctx, s.pool, "list ratings", scanRating,
		`SELECT `+ratingColumns+` FROM ratings r JOIN users u ON u.id = r.rater_id
		 WHERE ($1::bigint = 0 OR r.rater_id = $1::bigint) AND (NOT $2::boolean OR r.submitted_at IS NULL) AND (NOT $3::boolean OR r.submitted_at IS NOT NULL)
		 ORDER BY r.requested_at DESC, r.call_id, r.rater_id`,
		f.RaterID, f.Pending, f.Submitted)
}
