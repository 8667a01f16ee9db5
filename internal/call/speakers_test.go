package call

import (
	"context"
	"slices"
	"testing"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona/scripted"
	"github.com/openline/openline/internal/scenario"
	"github.com/openline/openline/scenarios"
)

// TestSpeakerNamesSurviveARebuild plays a shipped gatekeeper scenario with
// the scripted engine until the trainee is put through, and checks that
// the names SpeakerNames gives are the names the replies carried, in the
// live call and in the call rebuilt from the store (a resume on another
// server), which keeps the states but not the names.
func TestSpeakerNamesSurviveARebuild(t *testing.T) {
	ctx := context.Background()
	scs, err := scenario.LoadFS(scenarios.FS)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(scs, func(sc *openline.Scenario) bool { return sc.ID == "bav-assistenz" })
	if i < 0 {
		t.Fatal("no bav-assistenz scenario")
	}
	sc := scs[i]
	st := mustStore(t)
	clk := newClock()
	u := mustUser(t, st, "anna")
	p, err := scripted.New().Start(sc, 3)
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(ctx, Config{Store: st, Scenario: sc, Engine: openline.EngineScripted, Prospect: p, User: u, Now: clk.Now, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Open(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{r.SpeakerName}
	for _, said := range []string{
		"Guten Tag Frau Krüger, hier ist Anna Keller. Haben Sie einen kurzen Moment?",
		"Es geht um die Betriebsrente. Darf ich Sie was fragen: Wer kümmert sich bei Ihnen denn um die Fragen der Fahrer dazu?",
		"Das klingt nach viel Arbeit neben allem anderen. Danke, dass Sie mir das erzählen.",
		"Guten Tag Herr Hartmann, danke für die zwei Minuten. Was beschäftigt Sie denn im Moment mit Ihren Fahrern am meisten?",
	} {
		r, err := c.Say(ctx, said, nil)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, "", r.SpeakerName)
	}
	if !slices.Contains(want, sc.Gatekeeper.Name) || !slices.Contains(want, sc.Persona.Name) {
		t.Fatalf("replies spoken by %q; want the gatekeeper and the persona", want)
	}
	if got := c.SpeakerNames(); !slices.Equal(got, want) {
		t.Errorf("live call: SpeakerNames() = %q, want %q", got, want)
	}

	stored, err := st.Turns(ctx, c.ID())
	if err != nil {
		t.Fatal(err)
	}
	restored, err := Restore(Config{Store: st, Scenario: sc, Engine: openline.EngineScripted, Prospect: p, User: u, Now: clk.Now, Seed: 3}, c.rec, stored)
	if err != nil {
		t.Fatal(err)
	}
	if got := restored.SpeakerNames(); !slices.Equal(got, want) {
		t.Errorf("rebuilt call: SpeakerNames() = %q, want %q", got, want)
	}
}
