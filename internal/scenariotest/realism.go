package scenariotest

import (
	"context"
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

// Share is the right share in percent (0 without lines).
func (r Realism) Share() float64 {
	if r.Total == 0 {
		return 0
	}
	return 100 * float64(r.Right) / float64(r.Total)
}

// realism says each line of sc's realism corpus in a fresh call (seed:
// the line's number, from 1), after the corpus's setup turns, and checks
// the kind of the prospect's reply; it reports every miss as
// `file:line: realism: said "...": got KIND ("reply"), want KIND[, KIND]`.
func realism(w io.Writer, sc *openline.Scenario, opt Options) (Realism, error) {
	var res Realism
	if sc.Realism == nil {
		return res, nil
	}
	ctx := context.Background()
	for i, l := range sc.Realism.Lines {
		res.Total++
		got, fact, text, err := realismReply(ctx, sc, l, int64(i+1), opt.Engine)
		if err != nil {
			fmt.Fprintf(w, "    %s:%d: realism: %v\n", source(sc), l.Line, err)
			continue
		}
		if slices.Contains(l.Reply, got) && (l.Fact == "" || l.Fact == fact || (got != openline.ReplyAnswer && got != openline.ReplyDeflect)) {
			res.Right++
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
		fmt.Fprintf(w, "    %s:%d: realism: said %q: got %s (%q), want %s\n", source(sc), l.Line, oneLine(l.Say), gotName, oneLine(text), wantName)
	}
	return res, nil
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
	if _, err := p.Open(ctx, nil); err != nil {
		return "", "", "", fmt.Errorf("open the call: %w", err)
	}
	for _, s := range sc.Realism.Setup {
		r, err := p.Respond(ctx, s, nil)
		if err != nil {
			return "", "", "", fmt.Errorf("setup %q: %w", s, err)
		}
		if r.Hangup {
			return "", "", "", fmt.Errorf("setup %q ended the call", s)
		}
	}
	r, err := p.Respond(ctx, l.Say, nil)
	if err != nil {
		return "", "", "", err
	}
	kind, fact := k.ReplyKind()
	return kind, fact, r.Text, nil
}
