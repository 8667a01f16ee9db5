package web

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/openline/openline/internal/openline"
)

// openCall places a call on a real websocket and reads up to the
// prospect's opening; it returns the client and the call id.
func (a *app) openCall(cookie string) (*client, string) {
	a.t.Helper()
	c := a.mustDial(cookie, "scenario=web-test")
	id := c.next().CallID
	c.until("reply")
	return c, id
}

// sessionEnded reads what the server sends after a session ended, up to
// the close: the unauthorized error frame (frames of a turn in flight may
// come before it) and close 1008 "session ended".
func (c *client) sessionEnded() {
	c.t.Helper()
	told := false
	c.ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		_, b, err := c.ws.ReadMessage()
		if err != nil {
			ce, ok := err.(*websocket.CloseError)
			if !ok || ce.Code != websocket.ClosePolicyViolation || ce.Text != sessionEndedReason {
				c.t.Fatalf("after the session ended: %v, want close 1008 %q", err, sessionEndedReason)
			}
			break
		}
		var f frame
		if json.Unmarshal(b, &f) == nil && f.Type == "error" {
			if f.Code != "unauthorized" {
				c.t.Fatalf("error frame %+v, want unauthorized", f)
			}
			told = true
		}
	}
	if !told {
		c.t.Error("no unauthorized error frame before the close")
	}
}

// TestLogoutClosesItsSockets: logging out closes the call sockets opened
// with that session, with a clear close frame, and a say sent after the
// logout is not taken; the user's other sessions keep their sockets.
func TestLogoutClosesItsSockets(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	first, second := a.login("anna"), a.login("anna")
	c1, id1 := a.openCall(first)
	c2, _ := a.openCall(second)
	before := len(a.storedTurns(id1))

	if status, _, _ := a.do("POST", "/api/logout", first, nil); status != http.StatusNoContent {
		t.Fatalf("logout: %d", status)
	}
	// Sent right after the logout: whether it reaches the server before
	// the close or not, it must not be taken.
	_ = c1.ws.WriteJSON(map[string]string{"type": "say", "text": "Guten Tag, ich rufe wegen Ihrer Flotte an."})
	c1.sessionEnded()
	if got := len(a.storedTurns(id1)); got != before {
		t.Errorf("turns after logout = %d, want %d: a say after logout was taken", got, before)
	}
	if f := c2.say("Guten Tag, wie geht es Ihnen?"); f.Text == "" {
		t.Errorf("the other session's socket: reply %+v, want one", f)
	}
	waitFor(t, "the closed socket to go", func() bool { return a.srv.sockets.count() == 1 })
}

// TestExpiredSessionClosesItsSocket: a socket whose session expired takes
// no more frames, and the periodic check closes an idle one.
func TestExpiredSessionClosesItsSocket(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	a.mustUser("ben", openline.RoleTrainee)
	busy, id := a.openCall(a.login("anna"))
	idle, _ := a.openCall(a.login("anna"))
	a.clock.Advance(sessionLifetime / 2)
	fresh, _ := a.openCall(a.login("ben"))
	before := len(a.storedTurns(id))
	a.clock.Advance(sessionLifetime / 2)

	busy.send(map[string]string{"type": "say", "text": "Guten Tag, ich rufe wegen Ihrer Flotte an."})
	busy.sessionEnded()
	if got := len(a.storedTurns(id)); got != before {
		t.Errorf("turns = %d, want %d: a say on an expired session was taken", got, before)
	}
	a.srv.sockets.endStale(context.Background(), a.store, a.clock.Now())
	idle.sessionEnded()
	if f := fresh.say("Guten Tag, wie geht es Ihnen?"); f.Text == "" {
		t.Errorf("the unexpired session's socket: reply %+v, want one", f)
	}
}

// TestEndUserSockets: the user-level entry point (for deactivating an
// account) closes every socket of the user, of every session, and no one
// else's.
func TestEndUserSockets(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	a.mustUser("ben", openline.RoleTrainee)
	c1, _ := a.openCall(a.login("anna"))
	c2, _ := a.openCall(a.login("anna"))
	b, _ := a.openCall(a.login("ben"))
	anna, err := a.store.UserByName(context.Background(), "anna")
	if err != nil {
		t.Fatal(err)
	}
	if n := a.srv.EndUserSockets(anna.ID); n != 2 {
		t.Errorf("EndUserSockets(anna) = %d, want 2", n)
	}
	c1.sessionEnded()
	c2.sessionEnded()
	if f := b.say("Guten Tag, wie geht es Ihnen?"); f.Text == "" {
		t.Errorf("ben's socket: reply %+v, want one", f)
	}
}
