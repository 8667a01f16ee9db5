package sqlite

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/store/storetest"
)

// batchReq is a request as the turn writer gets it.
func batchReq(ctx context.Context, call string, index int, sp openline.Speaker) *turnReq {
	what := fmt.Sprintf("append turn %d of call %s", index, call)
	return &turnReq{
		ctx:   ctx,
		what:  what,
		turns: []encodedTurn{batchTurn(call, index, sp)},
		done:  make(chan error, 1),
	}
}

// batchTurn is one turn of a request.
func batchTurn(call string, index int, sp openline.Speaker) encodedTurn {
	return encodedTurn{what: fmt.Sprintf("append turn %d of call %s", index, call),
		t: openline.StoredTurn{At: time.Unix(1, 0), CallID: call, Index: index,
			Turn: openline.Turn{Speaker: sp, Text: fmt.Sprintf("%s %d", call, index)}}}
}

// pairReq is a request of a trainee turn at index and the prospect's
// answer, as AppendTurns makes it.
func pairReq(ctx context.Context, call string, index int) *turnReq {
	r := batchReq(ctx, call, index, openline.Trainee)
	r.what = fmt.Sprintf("append turns %d–%d of call %s", index, index+1, call)
	r.turns = append(r.turns, batchTurn(call, index+1, openline.Prospect))
	return r
}

// mustTurnCount fails unless call has n stored turns.
func mustTurnCount(t *testing.T, s *Store, call string, n int) {
	t.Helper()
	turns, err := s.Turns(context.Background(), call)
	if err != nil || len(turns) != n {
		t.Errorf("Turns(%s) = %d turns, %v; want %d", call, len(turns), err, n)
	}
}

// TestTurnBatch stores one batch in which some turns fail their checks:
// each gets the error it would have had alone, and the others are stored.
func TestTurnBatch(t *testing.T) {
	s := MustOpen(t, "")
	ctx := context.Background()
	anna := MustUser(t, s, "anna")
	storetest.MustCall(t, s, "open", anna, "herr-b", time.Unix(0, 0))
	storetest.MustCall(t, s, "ended", anna, "herr-b", time.Unix(0, 0))
	if err := s.EndCall(ctx, "ended", openline.CallEnd{At: time.Unix(60, 0), Outcome: openline.OutcomeHungUp}); err != nil {
		t.Fatal(err)
	}
	gone, cancel := context.WithCancel(ctx)
	cancel()
	batch := []*turnReq{
		batchReq(ctx, "open", 0, openline.Trainee),
		batchReq(ctx, "open", 0, openline.Prospect), // 0 is taken by now
		batchReq(ctx, "nope", 0, openline.Trainee),
		batchReq(ctx, "ended", 0, openline.Trainee),
		batchReq(gone, "open", 1, openline.Prospect), // its caller gave up
		batchReq(ctx, "open", 1, openline.Prospect),
		batchReq(ctx, "open", 3, openline.Trainee), // 2 is next
		pairReq(ctx, "open", 1),                    // 1 is taken: neither is stored
		pairReq(ctx, "open", 2),
		pairReq(ctx, "open", 3), // 4 is next
	}
	want := []error{nil, openline.ErrConflict, openline.ErrNotFound, openline.ErrConflict, context.Canceled, nil, openline.ErrConflict,
		openline.ErrConflict, nil, openline.ErrConflict}
	s.storeTurns(batch)
	for i, r := range batch {
		err := <-r.done
		if (want[i] == nil) != (err == nil) || (want[i] != nil && !errors.Is(err, want[i])) {
			t.Errorf("turn %d (%s): err = %v, want %v", i, r.what, err, want[i])
		}
	}
	mustTurnCount(t, s, "open", 4)
	mustTurnCount(t, s, "ended", 0)
}

// endReqOf is the request EndCall makes for call, by the prospect.
func endReqOf(ctx context.Context, call string) *turnReq {
	return &turnReq{ctx: ctx, what: "end call " + call, done: make(chan error, 1),
		end: &endReq{id: call, e: openline.CallEnd{At: time.Unix(90, 0), By: openline.Prospect, Outcome: openline.OutcomeHungUp}}}
}

// TestEndsInTheTurnBatch stores the ends of calls in one batch with turns,
// in the order they came: a turn after its call's end is refused as it
// would be alone, a second end and the end of an unknown call get their
// errors, and the rest is stored.
func TestEndsInTheTurnBatch(t *testing.T) {
	s := MustOpen(t, "")
	ctx := context.Background()
	anna := MustUser(t, s, "anna")
	storetest.MustCall(t, s, "a", anna, "herr-b", time.Unix(0, 0))
	storetest.MustCall(t, s, "b", anna, "herr-b", time.Unix(0, 0))
	batch := []*turnReq{
		pairReq(ctx, "a", 0),
		endReqOf(ctx, "a"),
		batchReq(ctx, "a", 2, openline.Trainee), // after the end
		endReqOf(ctx, "a"),                      // twice
		endReqOf(ctx, "nope"),
		pairReq(ctx, "b", 0),
		endReqOf(ctx, "b"),
	}
	want := []error{nil, nil, openline.ErrConflict, openline.ErrConflict, openline.ErrNotFound, nil, nil}
	s.storeTurns(batch)
	for i, r := range batch {
		err := <-r.done
		if (want[i] == nil) != (err == nil) || (want[i] != nil && !errors.Is(err, want[i])) {
			t.Errorf("request %d (%s): err = %v, want %v", i, r.what, err, want[i])
		}
	}
	mustTurnCount(t, s, "a", 2)
	mustTurnCount(t, s, "b", 2)
	for _, id := range []string{"a", "b"} {
		c, err := s.Call(ctx, id)
		if err != nil || c.EndedAt == nil || c.EndedBy != openline.Prospect || c.Outcome != openline.OutcomeHungUp {
			t.Errorf("Call(%s) = %+v, %v; want ended by the prospect", id, c, err)
		}
	}
}

// TestTurnPairAllOrNone stores a pair whose second turn fails its check
// after the first passed: the savepoint takes the first out again, and
// the turns of the same transaction around it are stored.
func TestTurnPairAllOrNone(t *testing.T) {
	s := MustOpen(t, "")
	ctx := context.Background()
	anna := MustUser(t, s, "anna")
	storetest.MustCall(t, s, "a", anna, "herr-b", time.Unix(0, 0))
	storetest.MustCall(t, s, "b", anna, "herr-b", time.Unix(0, 0))
	bad := pairReq(ctx, "a", 0)
	bad.turns[1].t.Index = 0 // passes AppendTurns' own check only by being built here
	batch := []*turnReq{batchReq(ctx, "b", 0, openline.Trainee), bad, pairReq(ctx, "b", 1)}
	s.storeTurns(batch)
	for i, want := range []error{nil, openline.ErrConflict, nil} {
		if err := <-batch[i].done; (want == nil) != (err == nil) || (want != nil && !errors.Is(err, want)) {
			t.Errorf("request %d (%s): err = %v, want %v", i, batch[i].what, err, want)
		}
	}
	mustTurnCount(t, s, "a", 0)
	mustTurnCount(t, s, "b", 3)
}

// TestTurnBatchFallsBack stores a batch in which statements fail (a
// speaker the schema refuses, which AppendTurn itself never lets through):
// the transaction is rolled back and the others stored again without the
// bad turn, so only the bad turns fail.
func TestTurnBatchFallsBack(t *testing.T) {
	s := MustOpen(t, "")
	ctx := context.Background()
	anna := MustUser(t, s, "anna")
	storetest.MustCall(t, s, "c1", anna, "herr-b", time.Unix(0, 0))
	storetest.MustCall(t, s, "c2", anna, "herr-b", time.Unix(0, 0))
	batch := []*turnReq{
		batchReq(ctx, "c1", 0, openline.Trainee),
		batchReq(ctx, "c2", 0, "narrator"),
		batchReq(ctx, "c2", 0, openline.Trainee),
		batchReq(ctx, "c1", 5, openline.Trainee),
		batchReq(ctx, "c1", 1, "narrator"),
		batchReq(ctx, "c1", 1, openline.Prospect),
	}
	s.storeTurns(batch)
	for i, wantOK := range []bool{true, false, true, false, false, true} {
		if err := <-batch[i].done; (err == nil) != wantOK {
			t.Errorf("turn %d (%s): err = %v, want success %v", i, batch[i].what, err, wantOK)
		}
	}
	mustTurnCount(t, s, "c1", 2)
	mustTurnCount(t, s, "c2", 1)
}

// TestAppendTurnsAtOnce has many calls append at once, as a busy server
// does, so that turns share transactions; every turn is stored once and
// in order.
func TestAppendTurnsAtOnce(t *testing.T) {
	s := MustOpen(t, "")
	ctx := context.Background()
	anna := MustUser(t, s, "anna")
	const calls, turns = 40, 10
	var wg sync.WaitGroup
	errs := make(chan error, calls)
	for c := range calls {
		id := fmt.Sprintf("c%d", c)
		storetest.MustCall(t, s, id, anna, "herr-b", time.Unix(int64(c), 0))
		wg.Go(func() {
			for i := range turns {
				sp := openline.Trainee
				if i%2 == 1 {
					sp = openline.Prospect
				}
				if err := s.AppendTurn(ctx, openline.StoredTurn{At: time.Unix(1, 0), CallID: id, Index: i, Turn: openline.Turn{Speaker: sp, Text: "x"}}); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for c := range calls {
		id := fmt.Sprintf("c%d", c)
		got, err := s.Turns(ctx, id)
		if err != nil || len(got) != turns {
			t.Fatalf("Turns(%s) = %d, %v; want %d", id, len(got), err, turns)
		}
		for i, tr := range got {
			if tr.Index != i {
				t.Errorf("%s: turn %d has index %d", id, i, tr.Index)
			}
		}
	}
}

func TestAppendTurnAfterClose(t *testing.T) {
	s := MustOpen(t, "")
	anna := MustUser(t, s, "anna")
	storetest.MustCall(t, s, "c1", anna, "herr-b", time.Unix(0, 0))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	err := s.AppendTurn(context.Background(), openline.StoredTurn{At: time.Unix(1, 0), CallID: "c1", Turn: openline.Turn{Speaker: openline.Trainee, Text: "x"}})
	if !errors.Is(err, errClosed) {
		t.Errorf("AppendTurn after Close = %v, want %v", err, errClosed)
	}
}

func TestAppendTurnCancelled(t *testing.T) {
	s := MustOpen(t, "")
	anna := MustUser(t, s, "anna")
	storetest.MustCall(t, s, "c1", anna, "herr-b", time.Unix(0, 0))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := s.AppendTurn(ctx, openline.StoredTurn{At: time.Unix(1, 0), CallID: "c1", Turn: openline.Turn{Speaker: openline.Trainee, Text: "x"}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("AppendTurn with a cancelled context = %v, want context.Canceled", err)
	}
	mustTurnCount(t, s, "c1", 0)
}

// BenchmarkAppendTurn200 appends turns from 200 goroutines at once, one
// call each, as a server with 200 live calls does; turns share
// transactions.
func BenchmarkAppendTurn200(b *testing.B) {
	benchAppendTurnParallel(b, max(1, 200/runtime.GOMAXPROCS(0)))
}
