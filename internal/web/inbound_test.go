package web

import (
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
