package scripted

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
)

// benchCall is a whole call of a curious trainee, with a long pitch and a
// silence in it; the benchmarks cycle through it, starting a new call when
// the prospect ends one.
var benchCall = []string{
	"Guten Tag, hier ist Anna Berg von Netzwerk Nord. Ich möchte gern Herrn Krause sprechen.",
	"Guten Tag Herr Krause, Anna Berg hier. Passt es Ihnen gerade kurz?",
	"Wie läuft es denn bei Ihnen in der Werkstatt zurzeit?",
	"Das klingt nach viel Arbeit. Was beschäftigt Sie da am meisten?",
	"",
	"Wir bieten eine Versicherung für Handwerksbetriebe an, die besonders günstig ist, flexibel, mit vielen Bausteinen, die man je nach Größe des Betriebs kombinieren kann, und mit einem Service, der rund um die Uhr erreichbar ist, damit Sie sich um nichts kümmern müssen und wir alles für Sie regeln, von der Schadensmeldung bis zur Auszahlung.",
	"Verstehe. Darf ich fragen, was genau für Sie nicht passt?",
	"Was heißt das denn für die Azubis bei Ihnen?",
	"Darf ich Sie zu unserem Unternehmertreffen nächste Woche einladen?",
	"Vielen Dank für das Gespräch, auf Wiederhören!",
}

type benchRun struct {
	b    *testing.B
	sc   *openline.Scenario
	p    persona.Prospect
	i    int
	seed int64
	over bool // the last reply ended the call
}

func newBenchRun(b *testing.B) *benchRun {
	r := &benchRun{b: b, sc: mustLoad(b, "werkstatt.yaml")}
	r.restart()
	return r
}

func (r *benchRun) restart() {
	r.seed++
	p, err := New().Start(r.sc, r.seed)
	if err != nil {
		r.b.Fatal(err)
	}
	if _, err := p.Open(context.Background(), nil); err != nil {
		r.b.Fatal(err)
	}
	r.p, r.i = p, 0
}

// turn answers the next trainee turn; it restarts the call between turns
// when needed, outside the timed part when the caller stops the timer.
func (r *benchRun) turn() {
	rep, err := r.p.Respond(context.Background(), benchCall[r.i], nil)
	if err != nil {
		r.b.Fatal(err)
	}
	r.over = rep.Hangup
	r.i++
}

func (r *benchRun) needsRestart() bool {
	return r.i == len(benchCall) || r.over
}

// BenchmarkRespond measures one trainee turn answered: tagging, state
// machine, reply and acts.
func BenchmarkRespond(b *testing.B) {
	r := newBenchRun(b)
	b.ReportAllocs()
	for b.Loop() {
		if r.needsRestart() {
			b.StopTimer()
			r.restart()
			b.StartTimer()
		}
		r.turn()
	}
}

// BenchmarkRespondP99 records every turn's duration and reports the 50th
// and 99th percentiles (p50-ns/turn, p99-ns/turn) besides the mean.
func BenchmarkRespondP99(b *testing.B) {
	r := newBenchRun(b)
	durations := make([]time.Duration, 0, 1<<16)
	for b.Loop() {
		if r.needsRestart() {
			r.restart()
		}
		start := time.Now()
		r.turn()
		durations = append(durations, time.Since(start))
	}
	slices.Sort(durations)
	pct := func(q float64) float64 {
		return float64(durations[min(len(durations)-1, int(q*float64(len(durations))))].Nanoseconds())
	}
	b.ReportMetric(pct(0.50), "p50-ns/turn")
	b.ReportMetric(pct(0.99), "p99-ns/turn")
}

// BenchmarkRespondShippedP99 is BenchmarkRespondP99 over every shipped
// scenario: a curious caller's turns, then a pusher's, in each scenario's
// language, starting the next scenario's call when one ends. Their facts,
// rules and realism make for more work per turn than the test fixture.
func BenchmarkRespondShippedP99(b *testing.B) {
	scs := loadAllShipped(b)
	ctx := context.Background()
	var p persona.Prospect
	var lines []string
	k, i, seed := 0, 0, int64(0)
	next := func() {
		sc := scs[k%len(scs)]
		k++
		seed++
		var err error
		if p, err = New().Start(sc, seed); err != nil {
			b.Fatal(err)
		}
		if sc.Direction != openline.Inbound {
			if _, err := p.Open(ctx, nil); err != nil {
				b.Fatal(err)
			}
		}
		lines = append(append(append([]string(nil), warmUp[sc.Language]...), proposals[sc.Language][0].say), pushScripts[sc.Language]["questions"]...)
		i = 0
	}
	next()
	durations := make([]time.Duration, 0, 1<<16)
	for b.Loop() {
		start := time.Now()
		r, err := p.Respond(ctx, lines[i], nil)
		durations = append(durations, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
		if i++; r.Hangup || i == len(lines) {
			next()
		}
	}
	slices.Sort(durations)
	pct := func(q float64) float64 {
		return float64(durations[min(len(durations)-1, int(q*float64(len(durations))))].Nanoseconds())
	}
	b.ReportMetric(pct(0.50), "p50-ns/turn")
	b.ReportMetric(pct(0.99), "p99-ns/turn")
}
