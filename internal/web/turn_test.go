package web

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
	"github.com/openline/openline/internal/persona/scripted"
)

// slowEngine plays the scripted prospect, except that while held is set a
// reply streams its first piece ("Moment, ") and then waits until it is
// released or its context is cancelled: a prospect caught mid-sentence,
// as with a slow upstream model. It records the cancellations it saw.
type slowEngine struct {
	inner persona.Engine

	mu        sync.Mutex
	held      bool
	quiet     bool // a held reply streams nothing before it waits
	release   chan struct{}
	speaking  chan struct{} // gets a value when a held reply has begun
	cancelled int
}

func newSlowEngine() *slowEngine {
	return &slowEngine{inner: scripted.New(), release: make(chan struct{}), speaking: make(chan struct{}, 8)}
}

func (e *slowEngine) Name() openline.EngineName { return openline.EngineScripted }

func (e *slowEngine) Start(sc *openline.Scenario, seed int64) (persona.Prospect, error) {
	p, err := e.inner.Start(sc, seed)
	if err != nil {
		return nil, err
	}
	return &slowProspect{Prospect: p, e: e}, nil
}

func (e *slowEngine) hold(on bool) {
	e.mu.Lock()
	e.held = on
	e.mu.Unlock()
}

func (e *slowEngine) cancels() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.cancelled
}

type slowProspect struct {
	persona.Prospect
	e *slowEngine
}

func (p *slowProspect) Respond(ctx context.Context, said string, stream persona.Stream) (persona.Reply, error) {
	p.e.mu.Lock()
	held, quiet := p.e.held, p.e.quiet
	p.e.mu.Unlock()
	if !held {
		return p.Prospect.Respond(ctx, said, stream)
	}
	first := "Moment, "
	if quiet {
		first = ""
	}
	stream(first)
	p.e.speaking <- struct{}{}
	select {
	case <-p.e.release:
	case <-ctx.Done():
		p.e.mu.Lock()
		p.e.cancelled++
		p.e.mu.Unlock()
		return persona.Reply{Text: first}, ctx.Err()
	}
	r, err := p.Prospect.Respond(ctx, said, nil)
	r.Text = first + r.Text
	stream(r.Text[len(first):])
	return r, err
}

// heldCall places a call on a slow engine (quiet: held replies stream
// nothing), waits for the opening, says a line and returns once the held
// reply has begun: the prospect is mid-sentence.
func heldCall(t *testing.T, quiet bool) (a *app, eng *slowEngine, c *client, id, cookie string) {
	t.Helper()
	eng = newSlowEngine()
	eng.quiet = quiet
	a = mustAppEngines(t, nil, eng)
	a.mustUser("anna", openline.RoleTrainee)
	cookie = a.login("anna")
	c = a.mustDial(cookie, "scenario=web-test")
	id = c.next().CallID
	c.until("reply")
	eng.hold(true)
	c.send(map[string]string{"type": "say", "text": "Guten Tag, hier ist Anna Berg."})
	<-eng.speaking
	return a, eng, c, id, cookie
}

func TestASecondSayWhileTheProspectSpeaksIsAnErrorAndTheCallGoesOn(t *testing.T) {
	a, eng, c, id, _ := heldCall(t, false)
	if f := c.next(); f.Type != "reply.delta" || f.Text != "Moment, " {
		t.Fatalf("first frame of the held reply = %+v, want its first delta", f)
	}
	c.send(map[string]string{"type": "say", "text": "Hallo? Sind Sie noch da?"})
	if f := c.next(); f.Type != "error" || f.Code != "prospect_speaking" || f.Message == "" {
		t.Fatalf("say while the prospect speaks: %+v, want error prospect_speaking", f)
	}
	eng.hold(false)
	eng.release <- struct{}{}
	r, deltas := c.until("reply")
	if r.Turn != 2 || !strings.HasPrefix(r.Text, "Moment, ") || "Moment, "+deltas != r.Text {
		t.Errorf("reply = %+v after deltas %q, want turn 2 whose text the deltas spell", r, deltas)
	}
	if next := c.say("Was machen Sie am Wochenende?"); next.Turn != 4 {
		t.Errorf("reply after the refused say = %+v, want turn 4", next)
	}
	turns := a.storedTurns(id)
	if len(turns) != 5 {
		t.Fatalf("stored %d turns, want 5 (the refused say is not stored)", len(turns))
	}
	for _, st := range turns {
		if strings.Contains(st.Turn.Text, "Sind Sie noch da") {
			t.Errorf("the refused say was stored: %+v", st.Turn)
		}
	}
}

func TestHangingUpWhileTheProspectSpeaksCancelsTheTurn(t *testing.T) {
	a, eng, c, id, _ := heldCall(t, false)
	c.send(map[string]string{"type": "hangup"})
	// What the prospect had said is their turn; no error, then the end.
	r, deltas := c.until("reply")
	if r.Text != "Moment, " || deltas != r.Text || r.Turn != 2 {
		t.Errorf("reply cut by the hang-up = %+v after deltas %q, want turn 2 %q", r, deltas, "Moment, ")
	}
	if h := c.next(); h.Type != "hangup" || h.By != "trainee" {
		t.Errorf("after the cut reply: %+v, want the trainee's hangup", h)
	}
	if f := c.next(); f.Type != "scorecard" {
		t.Errorf("after the hangup: %+v, want the scorecard", f)
	}
	if n := eng.cancels(); n != 1 {
		t.Errorf("the prospect saw %d cancellations, want 1", n)
	}
	turns := a.storedTurns(id)
	if len(turns) != 3 || turns[2].Turn.Text != "Moment, " {
		t.Errorf("stored turns = %d (last %+v), want 3 ending with the words spoken", len(turns), turns[len(turns)-1].Turn)
	}
}

func TestAClosedSocketCancelsTheTurnAndAResumeAnswersIt(t *testing.T) {
	a, eng, c, id, anna := heldCall(t, false)
	c.ws.Close() // the tab is closed mid-sentence
	waitFor(t, "the socket handler to return", func() bool { return a.srv.sockets.count() == 0 })
	if n := eng.cancels(); n != 1 {
		t.Fatalf("the prospect saw %d cancellations, want 1", n)
	}
	// The words reached the server's queue; they are the prospect's turn.
	if turns := a.storedTurns(id); len(turns) != 3 || turns[2].Turn.Text != "Moment, " {
		t.Fatalf("stored turns after the close = %d, want 3 ending with the words spoken", len(turns))
	}

	eng.hold(false)
	r := a.mustDial(anna, "resume="+id)
	if cf := r.next(); len(cf.Turns) != 3 || cf.Turns[2].Text != "Moment, " {
		t.Errorf("resumed call frame = %+v, want the 3 turns", cf)
	}
	if next := r.say("Was machen Sie am Wochenende?"); next.Turn != 4 {
		t.Errorf("reply after resume = %+v, want turn 4", next)
	}
}

func TestAResumeAnswersATurnCancelledBeforeAWord(t *testing.T) {
	a, eng, c, id, anna := heldCall(t, true)
	c.ws.Close()
	waitFor(t, "the socket handler to return", func() bool { return a.srv.sockets.count() == 0 })
	if turns := a.storedTurns(id); len(turns) != 2 {
		t.Fatalf("stored turns after the close = %d, want 2 (the trainee's turn waits)", len(turns))
	}

	eng.hold(false)
	r := a.mustDial(anna, "resume="+id)
	if cf := r.next(); len(cf.Turns) != 2 {
		t.Errorf("resumed call frame has %d turns, want 2", len(cf.Turns))
	}
	// Without a new say the prospect answers the waiting turn.
	if reply, _ := r.until("reply"); reply.Turn != 2 || reply.Text == "" {
		t.Errorf("answer after resume = %+v, want turn 2", reply)
	}
	if next := r.say("Was machen Sie am Wochenende?"); next.Turn != 4 {
		t.Errorf("next reply = %+v, want turn 4", next)
	}
}
