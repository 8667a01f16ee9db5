package storetest

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

// The store benchmarks, the same for every store, so that their figures
// compare (make bench).

// BenchAppendTurn measures persisted turns per second: one goroutine
// appends prospect turns with their state, a new call every 200 turns.
func BenchAppendTurn(b *testing.B, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(b, s, "anna", openline.RoleTrainee)
	const perCall = 200
	state := &openline.ProspectState{Node: "talk", Patience: 4, Interest: 3, Revealed: []string{"nachwuchs"}}
	call := -1
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if i%perCall == 0 {
			b.StopTimer()
			call++
			MustCall(b, s, fmt.Sprintf("c%d", call), anna, "herr-b", time.Unix(int64(call), 0))
			b.StartTimer()
		}
		err := s.AppendTurn(ctx, openline.StoredTurn{At: time.Unix(1, 0), CallID: fmt.Sprintf("c%d", call), Index: i % perCall, State: state,
			Turn: openline.Turn{Speaker: openline.Prospect, Text: "Ehrlich gesagt finden wir keine Auszubildenden mehr."}})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "turns/s")
}

// BenchAppendTurnParallel appends turns from p×GOMAXPROCS goroutines at
// once (b.SetParallelism), each to a call of its own, as a server with
// many live calls does, and reports turns/s.
func BenchAppendTurnParallel(b *testing.B, s openline.Store, p int) {
	ctx := context.Background()
	anna := MustUser(b, s, "anna", openline.RoleTrainee)
	var calls atomic.Int64
	b.SetParallelism(p)
	b.RunParallel(func(pb *testing.PB) {
		id := fmt.Sprintf("p%d", calls.Add(1)-1)
		MustCall(b, s, id, anna, "herr-b", time.Unix(0, 0))
		for i := 0; pb.Next(); i++ {
			err := s.AppendTurn(ctx, openline.StoredTurn{At: time.Unix(1, 0), CallID: id, Index: i,
				Turn: openline.Turn{Speaker: openline.Trainee, Text: "Wie läuft es bei Ihnen im Betrieb?"}})
			if err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "turns/s")
}
