package web

import (
	"regexp"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestOddTurnsGetAnInCharacterReply is issue 9's bad input over the real
// socket: an empty turn, a very long one (just under the 4,000-character
// limit; longer ones get a turn_too_long error frame, TestBadFramesKeepTheCallGoing),
// one in French or Turkish, and one of emoji only each get a reply from the
// prospect — never an error frame or silence — and the call goes on.
func TestOddTurnsGetAnInCharacterReply(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	cookie := a.login("anna")
	long := strings.Repeat("Wir helfen Betrieben dabei, ihre Leute zu halten. ", 80)[:3990]
	odd := []struct {
		name, text string
		foreign    bool // the reply says the prospect does not understand
	}{
		{"empty", "", false},
		{"very long", long, false},
		{"French", "Bonjour, est-ce que je pourrais parler au responsable, s'il vous plaît ?", true},
		{"Turkish", "Merhaba, nasılsınız? Size bir teklifim var, biraz vaktiniz var mı?", true},
		{"emoji only", "🙂🙂👍", false},
		{"Chinese", "您好，请问您现在方便说话吗？", true},
	}
	for _, sc := range []struct{ id, hello, next string }{
		{"bav-assistenz", "Guten Tag, hier ist Anna Berg von der Vorsorgekasse.", "Mit wem spreche ich denn?"},
		{"herr-b-handwerker", "Guten Tag Herr B., hier ist Anna Berg, ich hatte Ihnen die Unterlagen geschickt.", "Was beschäftigt Ihre Betriebe im Moment?"},
		{"crm-software-en", "Hello Tom, this is Sam Taylor from RouteDesk. Is now a good moment?", "What keeps you busy with the team at the moment?"},
	} {
		for _, o := range odd {
			t.Run(sc.id+"/"+o.name, func(t *testing.T) {
				c := a.mustDial(cookie, "scenario="+sc.id+"&engine=scripted")
				c.next()
				c.until("reply")
				c.say(sc.hello)
				r := c.say(o.text) // an error frame on the way fails the test
				t.Logf("%s → %q", o.name, r.Text)
				if strings.TrimSpace(r.Text) == "" {
					t.Fatalf("%s turn got an empty reply: %+v", o.name, r)
				}
				if o.foreign && !notUnderstood.MatchString(r.Text) {
					t.Errorf("a %s turn got %q; want the prospect not to understand it", o.name, r.Text)
				}
				if o.text != "" && strings.Contains(r.Text, o.text) {
					t.Errorf("the prospect echoes the %s turn: %q", o.name, r.Text)
				}
				c.send(map[string]string{"type": "say", "text": sc.next})
				for {
					f := c.next()
					if f.Type == "reply.delta" {
						continue
					}
					if f.Type == "hangup" && f.By == "prospect" {
						// The prospect hung up on the odd turn (a monologue
						// may drain them): in character, last words first (r).
						c.until("scorecard")
						return
					}
					if f.Type != "reply" || strings.TrimSpace(f.Text) == "" {
						t.Fatalf("after the %s turn: %+v, want the prospect's reply", o.name, f)
					}
					break
				}
				c.send(map[string]string{"type": "hangup"})
				c.until("scorecard")
			})
		}
	}
}

// notUnderstood are the words with which a prospect says they do not
// understand the language.
var notUnderstood = regexp.MustCompile(`(?i)versteh|deutsch|understand|english|follow`)
