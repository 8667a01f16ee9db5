package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/store/schema"
)

// intOf is a nullable column as *int.
func intOf(v sql.NullInt64) *int {
	if !v.Valid {
		return nil
	}
	i := int(v.Int64)
	return &i
}

// AddComment stores a comment pinned to a turn of a call.
func (s *Store) AddComment(ctx context.Context, c *openline.Comment, maxPerCall int) error {
	what := "comment on call " + c.CallID
	switch {
	case c.Text == "":
		return errors.New(what + ": empty text")
	case c.CreatedAt.IsZero():
		return fmt.Errorf("%s: %w", what, errNoTime)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	var turns, comments int
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM turns WHERE call_id = c.id), (SELECT COUNT(*) FROM call_comments WHERE call_id = c.id)
		FROM calls c WHERE c.id = ?`, c.CallID).Scan(&turns, &comments); err != nil {
		return translate(err, what)
	}
	if c.Turn < 0 || c.Turn >= turns {
		return fmt.Errorf("%s: the call has no turn %d: %w", what, c.Turn, openline.ErrConflict)
	}
	if comments >= maxPerCall {
		return fmt.Errorf("%s: %d comments already: %w", what, comments, openline.ErrLimit)
	}
	if err := tx.QueryRowContext(ctx, `SELECT name FROM users WHERE id = ?`, c.AuthorID).Scan(&c.Author); err != nil {
		return translate(err, what+": author")
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO call_comments (call_id, turn, author_id, text, created_at) VALUES (?, ?, ?, ?, ?)`,
		c.CallID, c.Turn, c.AuthorID, c.Text, millis(c.CreatedAt))
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	c.CreatedAt = fromMillis(millis(c.CreatedAt))
	return nil
}

// Comments lists a call's comments, oldest first.
func (s *Store) Comments(ctx context.Context, callID string) ([]openline.Comment, error) {
	what := "comments of call " + callID
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	if err := callExists(ctx, tx, callID); err != nil {
		return nil, translate(err, what)
	}
	return queryAll(ctx, tx, what, func(row scanner) (*openline.Comment, error) {
		var (
			c       openline.Comment
			created int64
		)
		if err := row.Scan(&c.ID, &c.CallID, &c.Turn, &c.AuthorID, &c.Author, &c.Text, &created); err != nil {
			return nil, err
		}
		c.CreatedAt = fromMillis(created)
		return &c, nil
	}, `SELECT k.id, k.call_id, k.turn, k.author_id, u.name, k.text, k.created_at
		FROM call_comments k JOIN users u ON u.id = k.author_id WHERE k.call_id = ? ORDER BY k.id`, callID)
}

func callExists(ctx context.Context, q querier, id string) error {
	var one int
	return q.QueryRowContext(ctx, `SELECT 1 FROM calls WHERE id = ?`, id).Scan(&one)
}

// AdjustScore records an adjustment and copies it onto the call.
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
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	var scored sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT openness FROM calls WHERE id = ?`, a.CallID).Scan(&scored); err != nil {
		return translate(err, what)
	}
	if !scored.Valid {
		return fmt.Errorf("%s: the call has no score yet: %w", what, openline.ErrConflict)
	}
	if err := tx.QueryRowContext(ctx, `SELECT name FROM users WHERE id = ?`, a.AuthorID).Scan(&a.Author); err != nil {
		return translate(err, what+": author")
	}
	var score any
	if a.Score != nil {
		score = *a.Score
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO score_adjustments (call_id, dimension, score, reason, author_id, at) VALUES (?, ?, ?, ?, ?, ?)`,
		a.CallID, string(a.Dimension), score, a.Reason, a.AuthorID, millis(a.At))
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if a.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE calls SET `+col+` = ? WHERE id = ?`, score, a.CallID); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	a.At = fromMillis(millis(a.At))
	return nil
}

// ScoreAdjustments lists a call's adjustments, oldest first.
func (s *Store) ScoreAdjustments(ctx context.Context, callID string) ([]openline.ScoreAdjustment, error) {
	what := "score adjustments of call " + callID
	return queryAll(ctx, s.r, what, func(row scanner) (*openline.ScoreAdjustment, error) {
		var (
			a     openline.ScoreAdjustment
			dim   string
			score sql.NullInt64
			at    int64
		)
		if err := row.Scan(&a.ID, &a.CallID, &dim, &score, &a.Reason, &a.AuthorID, &a.Author, &at); err != nil {
			return nil, err
		}
		a.Dimension = openline.Dimension(dim)
		a.Score = intOf(score)
		a.At = fromMillis(at)
		return &a, nil
	}, `SELECT a.id, a.call_id, a.dimension, a.score, a.reason, a.author_id, u.name, a.at
		FROM score_adjustments a JOIN users u ON u.id = a.author_id WHERE a.call_id = ? ORDER BY a.id`, callID)
}

// ReviewCalls returns one page of the calls q selects and their number,
// from one read snapshot. Calls without a value to sort by (open ones,
// unscored ones) come last either way.
func (s *Store) ReviewCalls(ctx context.Context, q openline.ReviewQuery) ([]openline.Call, int, error) {
	const what = "review calls"
	order, err := schema.ReviewOrderBy(q)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", what, err)
	}
	var args []any
	where := schema.ReviewWhere(q, func(v any) string { args = append(args, v); return "?" }, millis)
	from := ` FROM calls c JOIN users u ON u.id = c.user_id`
	if len(where) > 0 {
		from += " WHERE " + strings.Join(where, " AND ")
	}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*)`+from, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("%s: %w", what, err)
	}
	list := `SELECT ` + callColumns + from +
		` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	calls, err := queryAll(ctx, tx, what, scanCall, list, append(args, openline.ReviewLimit(q.Limit), max(q.Offset, 0))...)
	if err != nil {
		return nil, 0, err
	}
	return calls, total, nil
}
