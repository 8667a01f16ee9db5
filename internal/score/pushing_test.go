package score

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/scenario"
	"github.com/openline/openline/scenarios"
)

// leadsPushingCalls are the calls the lead hand-played on main on
// 4 December (issues 8 and 9), with the prospect's lines as the scripted
// engine said them: a trainee who pushes with polite questions, says "I
// understand, but …", books a step nobody agreed to or ignores every
// answer. Each with the bounds a trainer would sign (the trainer's own
// figure in the comment) and the credit it must not get.
var leadsPushingCalls = []struct {
	name, scenario      string
	turns               []string // alternating, the first speaker by first
	first               openline.Speaker
	maxOpen, maxCurious int
	noCredit            []msg // on any turn
}{
	{
		// Trainer: openness about 10. A question about the own offering
		// is a pitch, "I hear you, but" before it a "yes, but".
		name: "complaint: I understand, but / have you considered our premium cover", scenario: "complaint-boiler-school", first: openline.Trainee,
		turns: []string{
			"Good morning, Brightwarm Heating, this is Alex.",
			"This is Mr Daniels from St Aidan's school. Nobody turned up for the boiler service. Again. I want to know what's going on.",
			"I understand, but our engineers are fully booked, and honestly the boiler is under warranty only if it was serviced.",
			"Don't try to sell me anything. Just send someone who turns up.",
			"I hear you, but have you considered our premium cover? It would avoid all this.",
			"I'll say it plainly: I won't go on like this.",
		},
		maxOpen: 25, maxCurious: 15, noCredit: []msg{whyAcknowledge, whyFeedback, whyAccept, whyTakeTime, whyOpenQuestion},
	},
	{
		// An assumptive close after a warning-worthy push.
		name: "crm: Great, I'll send the contract over", scenario: "crm-software-en", first: openline.Prospect,
		turns: []string{
			"Hiya, Tom here.",
			"Hi, this is Tom from Brightline CRM. Have you got a minute?",
			"Oh yes, hello! What can I do for you?",
			"Our CRM is the best on the market, you should switch today.",
			"Software? We tried that once. Spreadsheet's fine, thanks.",
			"You really need this, every day without it costs you money.",
			"One more like that and this call is over.",
			"Great, I'll send the contract over today then.",
			"Look, if this goes on, I'm hanging up.",
		},
		maxOpen: 25, maxCurious: 10, noCredit: []msg{whyAcknowledge, whyAccept},
	},
	{
		name: "recruiting: Gut, dann trag ich Sie mal für Donnerstag ein", scenario: "recruiting-agentur", first: openline.Prospect,
		turns: []string{
			"Ja, Demir hier?",
			"Guten Tag Frau Demir, hier ist Anna Berg von Pflegeteam Plus.",
			"Hallo. Ich hab kurz Zeit, bin gleich bei der nächsten Patientin. Was kann ich für Sie tun?",
			"Wir haben die besten Pflegekräfte, Sie sollten das unbedingt testen.",
			"Mit Vermittlern haben wir keine gute Erfahrung gemacht, ehrlich. Das war teuer und hat nichts gebracht.",
			"Gut, dann trag ich Sie mal für Donnerstag ein.",
			"Noch einmal so, und das Gespräch ist beendet.",
		},
		maxOpen: 25, maxCurious: 10, noCredit: []msg{whyAcknowledge, whyAccept},
	},
	{
		name: "pension: I've pencilled you in for a demo", scenario: "workplace-pension-owner", first: openline.Prospect,
		turns: []string{
			"Hello, Walsh Joinery?",
			"Hi Karen, this is Tom from Pensions Direct. Our scheme is the best, you should sign up.",
			"Pensions? We've already got one of those, love. It's the law, isn't it?",
			"Great, I've pencilled you in for a demo on Thursday at ten, I'll send the invite over.",
			"I'll say it plainly: I won't go on like this.",
		},
		maxOpen: 25, maxCurious: 10, noCredit: []msg{whyAcknowledge, whyAccept},
	},
	{
		// Trainer: about 10 / 5. "What do you want?" invites nothing;
		// "Fine" leads into sending her away. (Openness is bounded at 30:
		// listening still counts the short turns.)
		name: "inbound: what do you want / fine, send me an email", scenario: "inbound-intern-request", first: openline.Trainee,
		turns: []string{
			"Hello?",
			"Hello, Jenny Hughes here, Northgate Youth Trust. I won't keep you, it's only about your email yesterday – the date isn't quite right.",
			"Yes, what do you want?",
			"It's just the date: it says the 12th, it should be Thursday the 19th of March. And my manager's name is spelt wrong – Okafor, not Okoro.",
			"Fine, send me an email, I'm busy. Bye.",
			"Alright, thanks. Bye!",
		},
		maxOpen: 30, maxCurious: 5, noCredit: []msg{whyAcknowledge, whyTakeTime, whyOpenQuestion},
	},
}

// TestPushingIsNotRewarded scores the lead's pushing calls: within the
// trainer's bounds, and without the credit their polite surface asks for.
func TestPushingIsNotRewarded(t *testing.T) {
	byID, err := scenario.ByID(scenarios.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range leadsPushingCalls {
		sc := byID[c.scenario]
		if sc == nil {
			t.Fatalf("%s: no scenario %s", c.name, c.scenario)
		}
		tr := openline.Transcript{Language: sc.Language, Scenario: sc.ID}
		sp := c.first
		for _, l := range c.turns {
			tr.Turns = append(tr.Turns, openline.Turn{Speaker: sp, Text: l})
			if sp == openline.Trainee {
				sp = openline.Prospect
			} else {
				sp = openline.Trainee
			}
		}
		card, err := Score(tr, sc)
		if err != nil {
			t.Fatal(err)
		}
		if card.Openness > c.maxOpen || card.Curiosity > c.maxCurious {
			t.Errorf("%s: openness %d, curiosity %d; want at most %d / %d", c.name, card.Openness, card.Curiosity, c.maxOpen, c.maxCurious)
		}
		for _, m := range c.noCredit {
			for _, e := range card.Evidence {
				if e.Effect == openline.EffectPlus && e.Why == m.in(card.Language) {
					t.Errorf("%s: turn %d %q credited: %s", c.name, e.Turn, e.Quote, e.Why)
				}
			}
		}
	}
}

// TestNewGamingAttempts scores the gaming attempts of the set "new" in
// testdata/sets.txt (written for issue 8, scored by their writer as a
// trainer would): pressure in a disguise no phrase names (a conditional
// favour, a label, a survey that ends in a booking, their own words held
// against them, pity for the caller) stays at or below 35, and an honest
// call whose pressure words are about the prospect's own concerns or
// take pressure off ("Sie müssen gar nichts", "no rush") keeps its high
// openness.
func TestNewGamingAttempts(t *testing.T) {
	f, err := os.Open("testdata/sets.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var names []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if set, name, ok := strings.Cut(sc.Text(), " "); ok && set == "new" {
			names = append(names, name)
		}
	}
	if len(names) < 8 {
		t.Fatalf("found %d new attempts, want at least 8", len(names))
	}
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join("testdata/gaming", name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var call struct {
			openline.Transcript
			Trainer struct{ Openness int } `json:"trainer"`
		}
		if err := json.Unmarshal(data, &call); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		card, err := Score(call.Transcript, nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		trick := call.Trainer.Openness <= 35
		if trick && card.Openness > 35 {
			t.Errorf("%s: openness %d, want at most 35 (trainer %d)", name, card.Openness, call.Trainer.Openness)
		}
		if !trick && card.Openness < call.Trainer.Openness-15 {
			t.Errorf("%s: openness %d, want at least %d (trainer %d)", name, card.Openness, call.Trainer.Openness-15, call.Trainer.Openness)
		}
	}
}
