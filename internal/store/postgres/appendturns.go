package postgres

import (
	"context"
	"fmt"

	"github.com/openline/openline/internal/openline"
)

// AppendTurns stores the next turns of an open call in one transaction,
// all or none, committed before it returns: a trainee's turn and the
// prospect's answer to it as one commit. Each turn is checked as
// AppendTurn checks it; the first index must be the number of turns
// stored so far and the others follow it.
func (s *Store) AppendTurns(ctx context.Context, ts ...openline.StoredTurn) error {
	if len(ts) == 0 {
		return nil
	}
	if err := openline.ConsecutiveTurns(ts); err != nil {
		return err
	}
	es := make([]encodedTurn, 0, len(ts))
	for _, t := range ts {
		e, err := encodeTurn(t)
		if err != nil {
			return err
		}
		es = append(es, e)
	}
	what := fmt.Sprintf("append turns %d–%d of call %s", ts[0].Index, ts[len(ts)-1].Index, ts[0].CallID)
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback(ctx)
	for _, e := range es {
		if err := insertTurn(ctx, tx, e); err != nil {
			return err
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}
