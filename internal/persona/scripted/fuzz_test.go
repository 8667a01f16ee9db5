package scripted

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
)

// FuzzRespond plays any sequence of trainee turns (separated by newlines)
// against the testdata scenarios with the real tagger and checks the
// invariants of the prospect's state after every turn.
func FuzzRespond(f *testing.F) {
	f.Add(int64(1), false, "Guten Tag, hier ist Anna Berg.\nWas beschäftigt Sie in der Werkstatt?\nDarf ich Sie zu unserem Treffen einladen?")
	f.Add(int64(2), false, "Sie müssen jetzt kaufen!\nNur heute!\nSie müssen!\nJetzt!")
	f.Add(int64(3), true, "Hello!\nWhat else keeps you busy?\nGoodbye!")
	f.Add(int64(4), false, "\n \n\t\n😀\n<script>alert(1)</script>\n```go\nfmt.Println()\n```")
	f.Add(int64(5), true, "Guten Tag\nこんにちは\n"+strings.Repeat("blah ", 3000))
	f.Add(int64(-6), false, "\xff\xfe\x00 invalid utf-8 \xc3\n?!?!\n<<<>>>")
	scenarios := []*openline.Scenario{mustLoad(f, "werkstatt.yaml"), mustLoad(f, "inbound.yaml")}
	f.Fuzz(func(t *testing.T, seed int64, inbound bool, script string) {
		sc := scenarios[0]
		if inbound {
			sc = scenarios[1]
		}
		p, err := New().Start(sc, seed)
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		r, err := p.Open(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, sc, p, r)
		over := false
		for said := range strings.SplitSeq(script, "\n") {
			var chunks strings.Builder
			r, err := p.Respond(ctx, said, func(d string) { chunks.WriteString(d) })
			if over {
				if !errors.Is(err, persona.ErrCallOver) {
					t.Fatalf("turn %q after the end: err %v, want ErrCallOver", said, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("turn %q: %v", said, err)
			}
			if chunks.String() != r.Text {
				t.Fatalf("streamed %q, reply %q", chunks.String(), r.Text)
			}
			checkInvariants(t, sc, p, r)
			over = r.Hangup
		}
	})
}

func checkInvariants(t *testing.T, sc *openline.Scenario, p persona.Prospect, r persona.Reply) {
	t.Helper()
	st := p.State()
	if st.Patience < 0 || st.Patience > MaxPatience || st.Interest < 0 || st.Interest > MaxInterest {
		t.Fatalf("state out of bounds: %+v", st)
	}
	if strings.TrimSpace(r.Text) == "" {
		t.Fatalf("empty reply %+v in state %+v", r, st)
	}
	if sc.State(st.Node) == nil {
		t.Fatalf("unknown node %q", st.Node)
	}
	// The outcome is set when the call ends, and once a next step is
	// agreed (the call goes on for the confirmation and goodbyes).
	if r.Hangup && st.Outcome == openline.OutcomeNone || !r.Hangup && st.Outcome != openline.OutcomeNone && st.Outcome != openline.OutcomeNextStep {
		t.Fatalf("reply hangup %v but outcome %q", r.Hangup, st.Outcome)
	}
	if (st.Outcome == openline.OutcomeNextStep) != (st.NextStep != "") {
		t.Fatalf("outcome %q with next step %q", st.Outcome, st.NextStep)
	}
	if (st.Outcome == openline.OutcomeHungUp) != slices.Contains(r.Acts, openline.ActHangup) {
		t.Fatalf("hung up without the hangup act: %+v", r)
	}
	for i, id := range st.Revealed {
		if sc.Need(id) == nil || slices.Index(st.Revealed, id) != i {
			t.Fatalf("revealed %q: unknown or repeated need", st.Revealed)
		}
	}
	for _, id := range r.Reveals {
		if !slices.Contains(st.Revealed, id) {
			t.Fatalf("reply reveals %q, state has %q", id, st.Revealed)
		}
	}
	for i, id := range st.Objections {
		if objectionIndex(sc, id) < 0 || slices.Index(st.Objections, id) != i {
			t.Fatalf("objections %q: unknown or repeated", st.Objections)
		}
	}
	for _, a := range r.Acts {
		if !slices.Contains(openline.ProspectActs, a) {
			t.Fatalf("reply act %q is not a prospect act", a)
		}
	}
}

// FuzzSentences checks that splitting a scenario line into sentences
// loses and adds nothing but the spaces between them.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{"Staff. Always staff. The big firms pay more.", "Herr B. sagt, am 12. März. Gut!", "Ach, wissen Sie … meine Filialleiterin.", "Er sagte: „Nie wieder.“ Dann ging er.", "...  ?! A", "\xffA. B"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		got := sentences(line)
		squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if squeeze(strings.Join(got, "")) != squeeze(line) {
			t.Errorf("sentences(%q) = %q: text lost or added", line, got)
		}
		for _, s := range got {
			if s == "" || s != strings.TrimSpace(s) {
				t.Errorf("sentences(%q) has the untrimmed or empty sentence %q", line, s)
			}
		}
	})
}
