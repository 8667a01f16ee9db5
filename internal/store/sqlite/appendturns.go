package sqlite

import (
	"context"
	"fmt"

	"github.com/openline/openline/internal/openline"
)

// AppendTurns stores the next turns of an open call in one transaction,
// all or none, durably before it returns: a trainee's turn and the
// prospect's answer to it as one commit, shared with the turns of other
// calls that arrive meanwhile (turns.go). Each turn is checked as
// AppendTurn checks it; the first index must be the number of turns
// stored so far and the others follow it.
func (s *Store) AppendTurns(ctx context.Context, ts ...openline.StoredTurn) error {
	if len(ts) == 0 {
		return nil
	}
	if err := openline.ConsecutiveTurns(ts); err != nil {
		return err
	}
	r := &turnReq{turns: make([]encodedTurn, 0, len(ts))}
	for _, t := range ts {
		e, err := encodeTurn(t)
		if err != nil {
			return err
		}
		r.turns = append(r.turns, e)
	}
	r.what = fmt.Sprintf("append turns %d–%d of call %s", ts[0].Index, ts[len(ts)-1].Index, ts[0].CallID)
	return s.appendTurn(ctx, r)
}
