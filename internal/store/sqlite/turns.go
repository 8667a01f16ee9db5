package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/openline/openline/internal/openline"
)

// Group commit of turns. Every live call stores two turns per trainee
// line, and all of them go through the one writer connection; what a
// write costs there is mostly the transaction around it (the write lock,
// the WAL frames written at commit), not the insert. So AppendTurn hands
// its turn to one goroutine, the turn writer, which stores the turns that
// have arrived meanwhile in one transaction: under load many turns share
// one commit; alone, a turn is committed at once, as before (the writer
// never waits for more turns to come). EndCall goes the same way: a
// burst of calls ends together, beside the last turns of others.
//
// The contract of AppendTurn and EndCall is unchanged: each returns after
// the transaction holding its write has committed, or with the error that
// write alone would have had: one that fails a check is skipped within
// the transaction, and one whose statement fails is taken out and the
// others are stored again without it (see storeTurns).

// maxTurnBatch is the most turns stored in one transaction.
const maxTurnBatch = 64

// errClosed is returned by writes after Close.
var errClosed = errors.New("the store is closed")

// turnReq is one AppendTurn, AppendTurns or EndCall waiting for the turn
// writer: its turns, or the end of its call, are stored together or not
// at all.
type turnReq struct {
	ctx   context.Context
	what  string // the operation, for errors
	turns []encodedTurn
	end   *endReq // EndCall's; turns is then empty
	done  chan error
	err   error // the result, set by the turn writer
}

// encodedTurn is a turn with its JSON columns encoded.
type encodedTurn struct {
	what  string // the turn, for errors
	t     openline.StoredTurn
	state []byte // t.State as JSON, nil when absent
	llm   []byte // t.LLM as JSON, nil when absent
}

// turnWriter is the goroutine that stores turns; see above.
type turnWriter struct {
	reqs chan *turnReq // unbuffered: a request received is one accepted
	quit chan struct{} // closed by stop
	wg   sync.WaitGroup
	once sync.Once
}

// start runs the turn writer of s until stop.
func (tw *turnWriter) start(s *Store) {
	tw.reqs = make(chan *turnReq)
	tw.quit = make(chan struct{})
	tw.wg.Go(func() { s.writeTurns() })
}

// stop ends the turn writer after the batch it is storing, and waits for
// it. AppendTurns not yet accepted fail with errClosed.
func (tw *turnWriter) stop() {
	tw.once.Do(func() { close(tw.quit) })
	tw.wg.Wait()
}

// appendTurn hands r to the turn writer and waits for its result. Before
// the writer has accepted it, ctx ends the wait; once accepted, the turn
// is stored or fails in the writer, and the result is awaited, so an
// error always means the turn was not stored.
func (s *Store) appendTurn(ctx context.Context, r *turnReq) error {
	r.ctx = ctx
	r.done = make(chan error, 1)
	select {
	case s.tw.reqs <- r:
	case <-s.tw.quit:
		return fmt.Errorf("%s: %w", r.what, errClosed)
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", r.what, ctx.Err())
	}
	return <-r.done
}

// writeTurns is the turn writer: it takes the turns waiting, at most
// maxTurnBatch, stores them, and answers each.
func (s *Store) writeTurns() {
	batch := make([]*turnReq, 0, maxTurnBatch)
	for {
		batch = batch[:0]
		select {
		case r := <-s.tw.reqs:
			batch = append(batch, r)
		case <-s.tw.quit:
			return
		}
	more:
		for len(batch) < maxTurnBatch {
			select {
			case r := <-s.tw.reqs:
				batch = append(batch, r)
			default:
				break more
			}
		}
		s.storeTurns(batch)
	}
}

// storeTurns stores a batch of turns in one transaction and answers each
// request. When a statement fails (not a check: an error of the database),
// the transaction is rolled back, that turn gets the error, and the others
// are stored again without it; when BEGIN or COMMIT fails, every turn of
// the transaction gets the error.
func (s *Store) storeTurns(batch []*turnReq) {
	// The batch runs to its end whatever the callers' contexts say: a
	// caller that gave up still gets the result it waits for.
	ctx := context.Background()
	reqs := batch
	for len(reqs) > 0 {
		bad, err := s.appendTurns(ctx, reqs)
		if err == nil {
			break
		}
		if bad < 0 {
			for _, r := range reqs {
				r.err = err
			}
			break
		}
		reqs[bad].err = err
		reqs = slices.Delete(slices.Clone(reqs), bad, bad+1)
	}
	for _, r := range batch {
		r.done <- r.err
	}
}

// appendTurns stores the turns of reqs in one transaction. A turn that
// fails a check of appendTurnSQL (unknown or ended call, wrong index), or
// whose caller had given up before the transaction began, is left out
// with its error in r.err; the others are stored when appendTurns returns
// nil. Any other error rolls the whole transaction back and is returned,
// with the index in reqs of the turn whose statement failed, or -1 when
// BEGIN or COMMIT failed.
func (s *Store) appendTurns(ctx context.Context, reqs []*turnReq) (bad int, err error) {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return -1, fmt.Errorf("%s: %w", reqs[0].what, err)
	}
	defer tx.Rollback()
	st := tx.StmtContext(ctx, s.ws.appendTurn)
	for i, r := range reqs {
		r.err = nil
		if err := r.ctx.Err(); err != nil {
			r.err = fmt.Errorf("%s: %w", r.what, err)
			continue
		}
		if err := s.appendReq(ctx, tx, st, r); err != nil {
			return i, err
		}
	}
	if err := tx.Commit(); err != nil {
		return -1, fmt.Errorf("%s: %w", reqs[0].what, err)
	}
	return -1, nil
}

// appendReq stores the turns of r within tx, all or none: a turn that
// fails a check leaves r's turns out (a savepoint undoes those before it
// when r has several) with its error in r.err. Any other error is
// returned.
func (s *Store) appendReq(ctx context.Context, tx *sql.Tx, st *sql.Stmt, r *turnReq) error {
	if r.end != nil {
		return s.storeEnd(ctx, tx, r)
	}
	several := len(r.turns) > 1
	if several {
		if _, err := tx.StmtContext(ctx, s.ws.savepoint).ExecContext(ctx); err != nil {
			return translate(err, r.what)
		}
	}
	for _, e := range r.turns {
		t := e.t
		res, err := st.ExecContext(ctx,
			t.CallID, t.Index, string(t.Speaker), t.Text, t.StartMS, t.EndMS, nullBytes(e.state), millis(t.At), nullBytes(e.llm))
		if err != nil {
			return translate(err, e.what)
		}
		if err := changedOne(res); err != nil {
			r.err = fmt.Errorf("%s: %w", e.what, whyNoTurn(ctx, tx, t.CallID, t.Index, err))
			break
		}
	}
	if !several {
		return nil
	}
	if r.err != nil {
		if _, err := tx.StmtContext(ctx, s.ws.rollbackTo).ExecContext(ctx); err != nil {
			return translate(err, r.what)
		}
	}
	if _, err := tx.StmtContext(ctx, s.ws.releaseSavepoint).ExecContext(ctx); err != nil {
		return translate(err, r.what)
	}
	return nil
}
