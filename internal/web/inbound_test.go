package web

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestInboundRingsAtTheTrainee: on an inbound call the call frame says
// first "trainee", nothing is said until the trainee answers, and the
// trainee's first say is answered with the caller's opening; an outbound
// call still starts with the prospect (first "prospect").
func TestInboundRingsAtTheTrainee(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	cookie := a.login("anna")

	c := a.mustDial(cookie, "scenario=frau-h-praktikum")
	cf, _ := c.until("call")
	if cf.First != "trainee" {
		t.Fatalf("inbound call frame first = %q, want trainee", cf.First)
	}
	answer := "Netzwerk Nord, Anna Keller, guten Tag – was kann ich für Sie tun?"
	r := c.say(answer)
	if r.Turn != 1 || !strings.Contains(r.Text, "H.") || r.Speaker != "Frau H." {
		t.Errorf("reply to the pick-up: %+v, want the caller's opening as turn 1, spoken by Frau H.", r)
	}
	turns := a.storedTurns(cf.CallID)
	if len(turns) != 2 || turns[0].Speaker != openline.Trainee || turns[0].Text != answer {
		t.Errorf("stored turns %+v, want the trainee's answer first", turns)
	}

	out := a.mustDial(cookie, "scenario=web-test")
	of, _ := out.until("call")
	if of.First != "prospect" {
		t.Errorf("outbound call frame first = %q, want prospect", of.First)
	}
	if f, _ := out.until("reply"); f.Turn != 0 || f.Speaker != "Frau T." {
		t.Errorf("outbound opening %+v, want turn 0 by Frau T.", f)
	}
}

// TestGatekeeperSpeaksUnderHerName: the gatekeeper's replies and their
// deltas carry her name, not the boss's.
func TestGatekeeperSpeaksUnderHerName(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	c := a.mustDial(a.login("anna"), "scenario=bav-assistenz")
	c.until("call")
	f := c.next()
	if f.Type != "reply.delta" || f.Speaker != "Frau Krüger" {
		t.Errorf("first delta %+v, want speaker_name Frau Krüger", f)
	}
	if r, _ := c.until("reply"); r.Speaker != "Frau Krüger" || r.Transfer != "" {
		t.Errorf("gatekeeper's opening %+v, want speaker_name Frau Krüger and no transfer", r)
	}
}

// TestPutThroughIsShown: the reply that puts the trainee through carries
// the gatekeeper's name and transfer_to; the replies after it are the
// boss's. (When she puts through depends on the call's seed.)
func TestPutThroughIsShown(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	c := a.mustDial(a.login("anna"), "scenario=bav-assistenz")
	c.until("call")
	c.until("reply")
	var through frame
	for _, line := range []string{
		"Guten Tag Frau Krüger, hier ist Anna Berger. Wie ist Ihr Tag bisher?",
		"Das klingt nach viel. Wer kümmert sich bei Ihnen eigentlich um die Fragen der Mitarbeiter, wenn es ums Personal geht?",
		"Danke, dass Sie mir das erzählen. Könnten Sie mich kurz zu Herrn Hartmann durchstellen?",
	} {
		r := c.say(line)
		if r.Transfer != "" {
			through = r
			break
		}
		if r.Speaker != "Frau Krüger" {
			t.Fatalf("before the put-through %+v, want Frau Krüger speaking", r)
		}
	}
	if through.Speaker != "Frau Krüger" || through.Transfer != "Herr Hartmann" || !strings.Contains(through.Text, " … ") {
		t.Fatalf("put-through %+v, want Frau Krüger putting through to Herr Hartmann", through)
	}
	if next := c.say("Guten Tag Herr Hartmann, danke, dass Sie drangehen."); next.Speaker != "Herr Hartmann" || next.Transfer != "" {
		t.Errorf("after the put-through %+v, want Herr Hartmann speaking", next)
	}
}

// TestResumeBeforeAnyTurnCarriesTurns: the call frame of a resume carries
// turns even when nothing has been said yet (an inbound call that rang out
// while the socket dropped), as "turns":[], so a client can tell a resumed
// call from a new one; a new call's frame has no turns.
func TestResumeBeforeAnyTurnCarriesTurns(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	cookie := a.login("anna")
	first := func(c *client) (id, raw string) {
		t.Helper()
		_, b, err := c.ws.ReadMessage()
		if err != nil {
			t.Fatal(err)
		}
		var f frame
		if err := json.Unmarshal(b, &f); err != nil || f.Type != "call" || f.First != "trainee" {
			t.Fatalf("first frame %s, want the call frame of an inbound call", b)
		}
		return f.CallID, string(b)
	}
	c := a.mustDial(cookie, "scenario=frau-h-praktikum")
	id, raw := first(c)
	if strings.Contains(raw, `"turns"`) {
		t.Errorf("new call frame %s has turns", raw)
	}
	c.ws.Close()
	waitFor(t, "the socket handler to return", func() bool { return a.srv.sockets.count() == 0 })
	r := a.mustDial(cookie, "resume="+id)
	if _, raw := first(r); !strings.Contains(raw, `"turns":[]`) {
		t.Errorf("resumed call frame %s, want \"turns\":[]", raw)
	}
	if reply := r.say("Netzwerk Nord, Anna Keller, guten Tag!"); reply.Turn != 1 {
		t.Errorf("reply to the pick-up after the resume: %+v, want turn 1", reply)
	}
}
