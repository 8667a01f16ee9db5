package scenariotest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
)

// Kinded is a prospect that says what kind of reply it gave last, and
// which fact it answered or deflected ("" for none). The scripted
// prospect is one; the realism corpus needs it.
type Kinded interface {
	ReplyKind() (openline.ReplyKind, string)
}

// Realism counts the realism corpus lines answered with a right kind of
// reply.
type Realism struct {
	Right, Total int
}

func (r *Realism) add(o Realism) {
	r.Right += o.Right
	r.Total += o.Total
}

// Share is the right share in percent (0 without lines).
func (r Realism) Share() float64 {
	if r.Total == 0 {
		return 0
	}
	return 100 * float64(r.Right) / float64(r.Total)
}

// realism says each line of sc's realism corpus in a fresh call (seed:
// the line's number, from 1, counted over lines and then held_out), after
// the corpus's setup turns, and checks the kind of the prospect's reply; it
// reports every miss as
// `file:line: realism: said "...": got KIND ("reply"), want KIND[, KIND]`
// ("realism (held out)" for a held-out line). A reply said twice in one
// of these calls is no measurement but a failure, counted in failed.
func realism(w io.Writer, sc *openline.Scenario, opt Options) (tuned, heldOut Realism, failed int, err error) {
	if sc.Realism == nil {
		return tuned, heldOut, 0, nil
	}
	ctx := context.Background()
	seed := int64(0)
	for _, block := range []struct {
		label string
		lines []openline.RealismLine
		res   *Realism
	}{{"realism", sc.Realism.Lines, &tuned}, {"realism (held out)", sc.Realism.HeldOut, &heldOut}} {
		for _, l := range block.lines {
			seed++
			block.res.Total++
			got, fact, text, err := realismReply(ctx, sc, l, seed, opt.Engine)
			var repeat *repeatError
			switch {
			case errors.As(err, &repeat):
				fmt.Fprintf(w, "--- FAIL: %s/%s line %d\n    %s:%d: %v\n", sc.ID, block.label, l.Line, source(sc), l.Line, err)
				failed++
				continue
			case err != nil:
				fmt.Fprintf(w, "    %s:%d: %s: %v\n", source(sc), l.Line, block.label, err)
				continue
			}
			if slices.Contains(l.Reply, got) && (l.Fact == "" || l.Fact == fact || (got != openline.ReplyAnswer && got != openline.ReplyDeflect)) {
				block.res.Right++
				continue
			}
			want := make([]string, len(l.Reply))
			for j, k := range l.Reply {
				want[j] = string(k)
			}
			gotName := string(got)
			if fact != "" {
				gotName += " " + fact
			}
			wantName := strings.Join(want, ", ")
			if l.Fact != "" {
				wantName += " (fact " + l.Fact + ")"
			}
			fmt.Fprintf(w, "    %s:%d: %s: said %q: got %s (%q), want %s\n", source(sc), l.Line, block.label, oneLine(l.Say), gotName, oneLine(text), wantName)
		}
	}
	return tuned, heldOut, failed, nil
}

// repeatError is a reply said before in the same call, word for word.
type repeatError struct {
	text string
	turn int // the trainee turn it answered first, 0 for the opening
}

func (e *repeatError) Error() string {
	return fmt.Sprintf("the prospect repeats its reply to turn %d word for word: %q", e.turn, e.text)
}

// realismReply plays one realism line and returns the kind of the reply.
func realismReply(ctx context.Context, sc *openline.Scenario, l openline.RealismLine, seed int64, eng persona.Engine) (openline.ReplyKind, string, string, error) {
	p, err := eng.Start(sc, seed)
	if err != nil {
		return "", "", "", fmt.Errorf("start the prospect: %w", err)
	}
	k, ok := p.(Kinded)
	if !ok {
		return "", "", "", fmt.Errorf("engine %s does not say what kind of reply it gave", eng.Name())
	}
	r, err := p.Open(ctx, nil)
	if err != nil {
		return "", "", "", fmt.Errorf("open the call: %w", err)
	}
	said := map[string]int{normalReply(r.Text): 0}
	heard := func(r persona.Reply, turn int) error {
		if prev, ok := said[normalReply(r.Text)]; ok {
			return &repeatError{r.Text, prev}
		}
		said[normalReply(r.Text)] = turn
		return nil
	}
	for i, s := range sc.Realism.Setup {
		r, err := p.Respond(ctx, s, nil)
		if err != nil {
			return "", "", "", fmt.Errorf("setup %q: %w", s, err)
		}
		if r.Hangup {
			return "", "", "", fmt.Errorf("setup %q ended the call", s)
		}
		if err := heard(r, i+1); err != nil {
			return "", "", "", err
		}
	}
	r, err = p.Respond(ctx, l.Say, nil)
	if err != nil {
		return "", "", "", err
	}
	if err := heard(r, len(sc.Realism.Setup)+1); err != nil {
		return "", "", "", err
	}
	kind, fact := k.ReplyKind()
	return kind, fact, r.Text, nil
}
