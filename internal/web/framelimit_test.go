package web

import (
	"context"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/openline/openline/internal/openline"
)

// TestFrameLimit: the token bucket, on a clock moved by hand.
func TestFrameLimit(t *testing.T) {
	t0 := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	l := newFrameLimit(t0)
	for i := range frameBurst {
		if ok, _, _ := l.take(t0); !ok {
			t.Fatalf("frame %d of the burst refused", i+1)
		}
	}
	if ok, tell, flood := l.take(t0); ok || !tell || flood {
		t.Errorf("first frame over the burst: ok %v tell %v flood %v, want refused and told", ok, tell, flood)
	}
	if ok, tell, _ := l.take(t0); ok || tell {
		t.Errorf("second frame over the burst: ok %v tell %v, want refused, not told again", ok, tell)
	}
	// A second later, framesPerSecond frames may come again.
	at := t0.Add(time.Second)
	for i := range framesPerSecond {
		if ok, _, _ := l.take(at); !ok {
			t.Fatalf("frame %d a second later refused", i+1)
		}
	}
	if ok, tell, _ := l.take(at); ok || !tell {
		t.Errorf("after a frame taken, the next refusal is told again: ok %v tell %v", ok, tell)
	}
	// A client that goes on regardless is a flood.
	flooded := false
	for range frameFlood + 1 {
		if _, _, flood := l.take(at); flood {
			flooded = true
		}
	}
	if !flooded {
		t.Errorf("%d frames over the limit at once: no flood", frameFlood+1)
	}
}

// TestTooManyFramesAreRefused: over the limit, a frame is answered with
// too_many_frames and not taken; the call goes on, and a second later the
// client may speak again. (That a run of refused frames is told once is
// TestFrameLimit's: a frame that gets no answer cannot be waited for.)
func TestTooManyFramesAreRefused(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	c := a.mustDial(a.login("anna"), "scenario=web-test")
	id := c.next().CallID
	c.until("reply")
	// The test clock stands still: the socket has frameBurst frames.
	for i := range frameBurst {
		c.send(map[string]string{"type": "dance"})
		if f := c.next(); f.Code != "unknown_type" {
			t.Fatalf("frame %d of the burst: %+v, want it taken (unknown_type)", i+1, f)
		}
	}
	c.send(map[string]string{"type": "say", "text": "Guten Tag, hier ist Anna Berg."})
	if f := c.next(); f.Type != "error" || f.Code != "too_many_frames" || f.Message == "" {
		t.Fatalf("frame over the limit: %+v, want error too_many_frames", f)
	}
	// The error frame says the server has read the say: it was not taken.
	if n := len(a.storedTurns(id)); n != 1 {
		t.Errorf("stored turns = %d, want 1 (the opening): a refused say was taken", n)
	}
	a.clock.Advance(time.Second)
	c.send(map[string]string{"type": "say", "text": "Guten Tag, hier ist Anna Berg."})
	if f, _ := c.until("reply"); f.Turn != 2 {
		t.Errorf("reply a second later = %+v, want turn 2", f)
	}
}

// TestFrameFloodCloses: a client that goes on sending over the limit is
// closed with 1008 "too many frames"; the call is not ended and can be
// resumed.
func TestFrameFloodCloses(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	cookie := a.login("anna")
	c := a.mustDial(cookie, "scenario=web-test")
	id := c.next().CallID
	c.until("reply")
	var err error
	for range frameBurst + frameFlood + 1 {
		if err = c.ws.WriteMessage(websocket.TextMessage, []byte(`{"type":"dance"}`)); err != nil {
			break // closed already
		}
	}
	c.ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		if _, _, err = c.ws.ReadMessage(); err != nil {
			break
		}
	}
	ce, ok := err.(*websocket.CloseError)
	if !ok || ce.Code != websocket.ClosePolicyViolation || ce.Text != floodReason {
		t.Fatalf("after a flood: %v, want close 1008 %q", err, floodReason)
	}
	rec, err := a.store.Call(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if rec.EndedAt != nil {
		t.Errorf("the call ended with the flood (%s)", rec.Outcome)
	}
	waitFor(t, "the flooded socket to go", func() bool { return a.srv.sockets.count() == 0 })
	r := a.mustDial(cookie, "resume="+id)
	if f := r.next(); f.Type != "call" || f.CallID != id {
		t.Fatalf("resume after the flood: %+v", f)
	}
	if f := r.say("Guten Tag, hier ist Anna Berg."); f.Turn != 2 {
		t.Errorf("reply after resuming = %+v, want turn 2", f)
	}
}
