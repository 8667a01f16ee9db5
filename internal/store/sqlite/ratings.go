package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/openline/openline/internal/openline"
)

// ratingParties is nil when the call and the users of r exist;
// ErrNotFound otherwise.
func ratingParties(ctx context.Context, q querier, r *openline.Rating, users ...int64) error {
	var one int
	if err := q.QueryRowContext(ctx, `SELECT 1 FROM calls WHERE id = ?`, r.CallID).Scan(&one); err != nil {
		return translate(err, "call "+r.CallID)
	}
	for _, id := range users {
		if err := userExists(ctx, q, id); err != nil {
			return err
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
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	if err := ratingParties(ctx, tx, r, r.RaterID, r.RequestedBy); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO ratings (call_id, rater_id, requested_by, requested_at) VALUES (?, ?, ?, ?)`,
		r.CallID, r.RaterID, r.RequestedBy, millis(r.RequestedAt)); err != nil {
		return translate(err, what)
	}
	if err := tx.Commit(); err != nil {
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
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	if err := ratingParties(ctx, tx, r, r.RaterID); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	at := millis(*r.SubmittedAt)
	var submitted sql.NullInt64
	err = tx.QueryRowContext(ctx, `SELECT submitted_at FROM ratings WHERE call_id = ? AND rater_id = ?`, r.CallID, r.RaterID).Scan(&submitted)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = tx.ExecContext(ctx,
			`INSERT INTO ratings (call_id, rater_id, requested_by, requested_at, openness, curiosity, note, submitted_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			r.CallID, r.RaterID, r.RaterID, at, *r.Openness, *r.Curiosity, r.Note, at)
	case err != nil:
	case submitted.Valid:
		return fmt.Errorf("%s: given already: %w", what, openline.ErrConflict)
	default:
		_, err = tx.ExecContext(ctx,
			`UPDATE ratings SET openness = ?, curiosity = ?, note = ?, submitted_at = ? WHERE call_id = ? AND rater_id = ?`,
			*r.Openness, *r.Curiosity, r.Note, at, r.CallID, r.RaterID)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

const ratingColumns = `r.call_id, r.rater_id, u.name, r.requested_by, r.requested_at, r.openness, r.curiosity, r.note, r.submitted_at`

func scanRating(row scanner) (*openline.Rating, error) {
	var (
		r               openline.Rating
		requested       int64
		open, cur, subm sql.NullInt64
	)
	if err := row.Scan(&r.CallID, &r.RaterID, &r.RaterName, &r.RequestedBy, &requested, &open, &cur, &r.Note, &subm); err != nil {
		return nil, err
	}
	r.RequestedAt = fromMillis(requested)
	if subm.Valid && open.Valid && cur.Valid {
		o, c, t := int(open.Int64), int(cur.Int64), fromMillis(subm.Int64)
		r.Openness, r.Curiosity, r.SubmittedAt = &o, &c, &t
	}
	return &r, nil
}

// CallRatings lists a call's ratings in the order they were asked for.
func (s *Store) CallRatings(ctx context.Context, callID string) ([]openline.Rating, error) {
	return queryAll(ctx, s.r, "ratings of call "+callID, scanRating,
		`SELECT `+ratingColumns+` FROM ratings r JOIN users u ON u.id = r.rater_id
		 WHERE r.call_id = ? ORDER BY r.requested_at, r.rater_id`, callID)
}

// ListRatings lists ratings, newest asked first.
func (s *Store) ListRatings(ctx context.Context, f openline.RatingFilter) ([]openline.Rating, error) {
	return queryAll(ctx, s.r, "list ratings", scanRating,
		`SELECT `+ratingColumns+` FROM ratings r JOIN users u ON u.id = r.rater_id
		 WHERE (? = 0 OR r.rater_id = ?) AND (? = 0 OR r.submitted_at IS NULL) AND (? = 0 OR r.submitted_at IS NOT NULL)
		 ORDER BY r.requested_at DESC, r.call_id, r.rater_id`,
		f.RaterID, f.RaterID, flag(f.Pending), flag(f.Submitted))
}

// flag is b as SQLite compares it: 1 or 0.
func flag(b bool) int {
	if b {
		return 1
	}
	return 0
}
