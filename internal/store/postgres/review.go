package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/store/schema"
)

// intOf is a nullable column as *int.
func intOf(v *int32) *int {
	if v == nil {
		return nil
	}
	i := int(*v)
	return &i
}

// AddComment stores a comment pinned to a turn of a call. The call's row
// is locked, so comments added at once keep the limit.
func (s *Store) AddComment(ctx context.Context, c *openline.Comment, maxPerCall int) error {
	what := "comment on call " + c.CallID
	switch {
	case c.Text == "":
		return errors.New(what + ": empty text")
	case c.CreatedAt.IsZero():
		return fmt.Errorf("%s: %w", what, errNoTime)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback(ctx)
	var one int
	if err := tx.QueryRow(ctx, `SELECT 1 FROM calls WHERE id = $1 FOR UPDATE`, c.CallID).Scan(&one); err != nil {
		return translate(err, what)
	}
	var turns, comments int
	if err := tx.QueryRow(ctx, `SELECT (SELECT COUNT(*) FROM turns WHERE call_id = $1), (SELECT COUNT(*) FROM call_comments WHERE call_id = $1)`,
		c.CallID).Scan(&turns, &comments); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if c.Turn < 0 || c.Turn >= turns {
		return fmt.Errorf("%s: the call has no turn %d: %w", what, c.Turn, openline.ErrConflict)
	}
	if comments >= maxPerCall {
		return fmt.Errorf("%s: %d comments already: %w", what, comments, openline.ErrLimit)
	}
	if err := tx.QueryRow(ctx, `SELECT name FROM users WHERE id = $1`, c.AuthorID).Scan(&c.Author); err != nil {
		return translate(err, what+": author")
	}
	created := ts(c.CreatedAt)
	if err := tx.QueryRow(ctx, `INSERT INTO call_comments (call_id, turn, author_id, text, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		c.CallID, c.Turn, c.AuthorID, c.Text, created).Scan(&c.ID); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	c.CreatedAt = created
	return nil
}

// Comments lists a call's comments, oldest first.
func (s *Store) Comments(ctx context.Context, callID string) ([]openline.Comment, error) {
	what := "comments of call " + callID
	// One statement: the call's existence and its comments are one
	// snapshot; a call without comments answers one row of NULLs.
	rows, err := s.pool.Query(ctx, `SELECT k.id, k.turn, k.author_id, u.name, k.text, k.created_at
		FROM calls c LEFT JOIN call_comments k ON k.call_id = c.id LEFT JOIN users u ON u.id = k.author_id
		WHERE c.id = $1 ORDER BY k.id`, callID)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	out, found := []openline.Comment{}, false
	for rows.Next() {
		found = true
		var (
			id, author *int64
			turn       *int32
			name, text *string
			created    *time.Time
		)
		if err := rows.Scan(&id, &turn, &author, &name, &text, &created); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		if id == nil {
			continue
		}
		out = append(out, openline.Comment{ID: *id, CallID: callID, Turn: int(*turn), AuthorID: *author, Author: *name, Text: *text, CreatedAt: fromTS(*created)})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	if !found {
		return nil, fmt.Errorf("%s: %w", what, openline.ErrNotFound)
	}
	return out, nil
}

// AdjustScore records an adjustment and copies it onto the call; the
// call's row is locked, so the copy is the latest adjustment.
func (s *Store) AdjustScore(ctx context.Context, a *openline.ScoreAdjustment) error {
	what := "adjust a score of call " + a.CallID
	col, err := schema.AdjustedColumn(a.Dimension)
	switch {
	case err != nil:
		return fmt.Errorf("%s: %w", what, err)
	case a.Score != nil && (*a.Score < 0 || *a.Score > 100):
		return fmt.Errorf("%s: score %d is not 0–100", what, *a.Score)
	case a.Reason == "":
		return errors.New(what + ": no reason")
	case a.At.IsZero():
		return fmt.Errorf("%s: %w", what, errNoTime)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback(ctx)
	var scored *int32
	if err := tx.QueryRow(ctx, `SELECT openness FROM calls WHERE id = $1 FOR UPDATE`, a.CallID).Scan(&scored); err != nil {
		return translate(err, what)
	}
	if scored == nil {
		return fmt.Errorf("%s: the call has no score yet: %w", what, openline.ErrConflict)
	}
	if err := tx.QueryRow(ctx, `SELECT name FROM users WHERE id = $1`, a.AuthorID).Scan(&a.Author); err != nil {
		return translate(err, what+": author")
	}
	at := ts(a.At)
	if err := tx.QueryRow(ctx, `INSERT INTO score_adjustments (call_id, dimension, score, reason, author_id, at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		a.CallID, string(a.Dimension), a.Score, a.Reason, a.AuthorID, at).Scan(&a.ID); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if _, err := tx.Exec(ctx, `UPDATE calls SET `+col+` = $1 WHERE id = $2`, a.Score, a.CallID); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	a.At = at
	return nil
}

// ScoreAdjustments lists a call's adjustments, oldest first.
func (s *Store) ScoreAdjustments(ctx context.Context, callID string) ([]openline.ScoreAdjustment, error) {
	what := "score adjustments of call " + callID
	return queryAll(ctx, s.pool, what, func(row pgx.Row) (*openline.ScoreAdjustment, error) {
		var (
			a     openline.ScoreAdjustment
			dim   string
			score *int32
			at    time.Time
		)
		if err := row.Scan(&a.ID, &a.CallID, &dim, &score, &a.Reason, &a.AuthorID, &a.Author, &at); err != nil {
			return nil, err
		}
		a.Dimension = openline.Dimension(dim)
		a.Score = intOf(score)
		a.At = fromTS(at)
		return &a, nil
	}, `SELECT a.id, a.call_id, a.dimension, a.score, a.reason, a.author_id, u.name, a.at
		FROM score_adjustments a JOIN users u ON u.id = a.author_id WHERE a.call_id = $1 ORDER BY a.id`, callID)
}

// ReviewCalls returns one page of the calls q selects and their number,
// from one snapshot (a repeatable-read transaction). Calls without a value
// to sort by (open ones, unscored ones) come last either way.
func (s *Store) ReviewCalls(ctx context.Context, q openline.ReviewQuery) ([]openline.Call, int, error) {
	const what = "review calls"
	order, err := schema.ReviewOrderBy(q)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", what, err)
	}
	var args []any
	where := schema.ReviewWhere(q, func(v any) string { args = append(args, v); return fmt.Sprintf("$%d", len(args)) }, ts)
	from := ` FROM calls c JOIN users u ON u.id = c.user_id`
	if len(where) > 0 {
		from += " WHERE " + strings.Join(where, " AND ")
	}
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback(ctx)
	var total int
	if err := tx.QueryRow(ctx, `SELECT COUNT(*)`+from, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("%s: %w", what, err)
	}
	n := len(args)
	list := `SELECT ` + callColumns + from +
		` ORDER BY ` + order +
		fmt.Sprintf(` LIMIT $%d OFFSET $%d`, n+1, n+2)
	calls, err := queryAll(ctx, tx, what, scanCall, list, append(args, openline.ReviewLimit(q.Limit), max(q.Offset, 0))...)
	if err != nil {
		return nil, 0, err
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, 0, fmt.Errorf("%s: %w", what, err)
	}
	return calls, total, nil
}
