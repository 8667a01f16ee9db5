package scenariotest

import (
	"context"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
)

// echo is an engine whose prospect answers each line with a reply given
// by the table replies (the line itself when it has none) and the kind
// named in it: "KIND:text".
type echo struct{ replies map[string]string }

func (echo) Name() openline.EngineName { return "echo" }

func (e echo) Start(*openline.Scenario, int64) (persona.Prospect, error) {
	return &echoProspect{replies: e.replies}, nil
}

type echoProspect struct {
	replies map[string]string
	kind    openline.ReplyKind
}

func (p *echoProspect) Open(context.Context, persona.Stream) (persona.Reply, error) {
	return persona.Reply{Text: "Hello?"}, nil
}

func (p *echoProspect) Respond(_ context.Context, said string, _ persona.Stream) (persona.Reply, error) {
	r, ok := p.replies[said]
	if !ok {
		r = "other:" + said
	}
	kind, text, _ := strings.Cut(r, ":")
	p.kind = openline.ReplyKind(kind)
	return persona.Reply{Text: text}, nil
}

func (p *echoProspect) State() openline.ProspectState { return openline.ProspectState{} }

func (p *echoProspect) ReplyKind() (openline.ReplyKind, string) { return p.kind, "" }

// TestRealismBlocks checks that the tuned lines and the held-out lines are
// counted apart, that each figure gets its own line, and that a reply said
// twice in a realism call fails the run rather than counting as a miss.
func TestRealismBlocks(t *testing.T) {
	sc := &openline.Scenario{ID: "x", Source: "x.yaml", Realism: &openline.Realism{
		Setup: []string{"hi"},
		Lines: []openline.RealismLine{
			{Say: "right", Reply: []openline.ReplyKind{openline.ReplyAnswer}, Line: 3},
			{Say: "wrong", Reply: []openline.ReplyKind{openline.ReplyAnswer}, Line: 4},
		},
		HeldOut: []openline.RealismLine{
			{Say: "right too", Reply: []openline.ReplyKind{openline.ReplyDontKnow}, Line: 6},
			{Say: "again", Reply: []openline.ReplyKind{openline.ReplyOther}, Line: 7},
			{Say: "wrong too", Reply: []openline.ReplyKind{openline.ReplyAnswer}, Line: 8},
		},
	}}
	eng := echo{map[string]string{
		"hi":        "other:Yes, hi.",
		"right":     "answer:Eighteen.",
		"wrong":     "dont_know:No idea.",
		"right too": "dont_know:No idea.",
		"again":     "other:Yes, hi.",
		"wrong too": "ask_back:Why?",
	}}
	var out strings.Builder
	res, err := Run(context.Background(), &out, []*openline.Scenario{sc}, Options{Engine: eng})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := res.Realism, (Realism{Right: 1, Total: 2}); got != want {
		t.Errorf("tuned %+v, want %+v", got, want)
	}
	if got, want := res.HeldOut, (Realism{Right: 1, Total: 3}); got != want {
		t.Errorf("held out %+v, want %+v", got, want)
	}
	if res.Failed != 1 {
		t.Errorf("%d failed, want 1 (the repeated reply)", res.Failed)
	}
	for _, want := range []string{
		`x.yaml:4: realism: said "wrong": got dont_know ("No idea."), want answer`,
		`x.yaml:8: realism (held out): said "wrong too": got ask_back ("Why?"), want answer`,
		"--- FAIL: x/realism (held out) line 7",
		`x.yaml:7: the prospect repeats its reply to turn 1 word for word: "Yes, hi."`,
		"FAIL\tx.yaml",
		"realism: 1/2 replies of the kind a person gives (50.0%)\n",
		"realism (held out): 1/3 replies of the kind a person gives (33.3%)\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}
