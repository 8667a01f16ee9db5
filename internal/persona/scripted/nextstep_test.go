package scripted

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
)

// warmUp is a curious caller's first turns, by language: enough for most
// prospects to be open to a next step.
var warmUp = map[openline.Language][]string{
	openline.English: {
		"Hello, this is Sam Taylor. Have you got a moment?",
		"What's keeping you busy at the moment?",
		"That sounds hard. How are you personally finding all that?",
		"I see. What would help you most with that?",
	},
	openline.German: {
		"Guten Tag, hier ist Anna Berger. Haben Sie einen Moment?",
		"Was beschäftigt Sie im Moment am meisten?",
		"Das klingt anstrengend. Wie geht es Ihnen persönlich damit?",
		"Verstehe. Was würde Ihnen da am meisten helfen?",
	},
}

// proposals are next steps proposed in natural words, by language, with
// their kind.
var proposals = map[openline.Language][]struct{ say, kind string }{
	openline.English: {
		{"Could I send you a short note?", "send_info"},
		{"Shall I email you a one-page summary?", "send_info"},
		{"Could I call you back next week?", "callback"},
		{"Would it help if we met for half an hour next week?", "meeting"},
	},
	openline.German: {
		{"Darf ich Ihnen eine kurze Mail schicken?", "send_info"},
		{"Soll ich Ihnen die Unterlagen zuschicken?", "send_info"},
		{"Ich rufe Sie Montag zurück, passt das?", "callback"},
		{"Wollen wir uns nächste Woche eine halbe Stunde zusammensetzen?", "meeting"},
	},
}

// warmedUp starts sc's prospect (seed 1) and says the warm-up turns of
// its language to it.
func warmedUp(t *testing.T, sc *openline.Scenario) persona.Prospect {
	t.Helper()
	p, err := New().Start(sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Direction != openline.Inbound {
		mustOpen(t, p)
	}
	for _, s := range warmUp[sc.Language] {
		if r := mustRespond(t, p, s); r.Hangup {
			t.Fatalf("%s: hung up on the warm-up %q", sc.ID, s)
		}
	}
	return p
}

// TestAgreedNextStepIsTheOneProposed checks, over every shipped scenario,
// that a next step the prospect agrees to is of the kind proposed: "Could
// I send you a short note?" is never answered with a meeting time.
func TestAgreedNextStepIsTheOneProposed(t *testing.T) {
	agreed, proposed := 0, 0
	for _, sc := range loadAllShipped(t) {
		for _, pr := range proposals[sc.Language] {
			proposed++
			proposal, want := pr.say, pr.kind
			t.Run(fmt.Sprintf("%s/%s", sc.ID, proposal), func(t *testing.T) {
				p := warmedUp(t, sc)
				r := mustRespond(t, p, proposal)
				st := p.State()
				if st.NextStep != "" && st.NextStep != want {
					t.Errorf("proposed %s, agreed %s: %q", want, st.NextStep, r.Text)
				}
				if st.NextStep != "" {
					agreed++
				}
			})
		}
	}
	// The check says nothing when nothing is agreed: most warm prospects
	// should agree to something.
	if agreed < proposed/2 {
		t.Errorf("only %d of %d proposals agreed after the warm-up", agreed, proposed)
	}
}

// A caller who tells the gatekeeper they will try again hears when the
// boss is in; that is no next step with the boss.
func TestGatekeeperAnswersACallbackPlan(t *testing.T) {
	for _, sc := range loadAllShipped(t) {
		if sc.Gatekeeper == nil {
			continue
		}
		p, err := New().Start(sc, 1)
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		if _, err := p.Open(ctx, nil); err != nil {
			t.Fatal(err)
		}
		lines := map[openline.Language][]string{
			openline.German:  {"Guten Tag, hier ist Anna Berger.", "Ich rufe dann einfach morgen früh noch mal an."},
			openline.English: {"Good morning, this is Sam Taylor.", "I'll try again tomorrow morning, then."},
		}[sc.Language]
		var r persona.Reply
		for _, l := range lines {
			if r, err = p.Respond(ctx, l, nil); err != nil {
				t.Fatal(err)
			}
		}
		kind, _ := p.(*prospect).ReplyKind()
		if kind != openline.ReplyAgree || r.Hangup || p.State().Outcome == openline.OutcomeNextStep {
			t.Errorf("%s: %q got %s %q (outcome %s), want the gatekeeper's agreement and no next step", sc.ID, lines[1], kind, r.Text, p.State().Outcome)
		}
	}
}

// A caller who confirms another day than the one the prospect offered is
// held to the offered day, and a goodbye with the wrong day still ends
// the call with the correction and a farewell.
func TestConfirmingAnotherDayIsCorrected(t *testing.T) {
	checked := 0
	for _, sc := range loadAllShipped(t) {
		for _, pr := range proposals[sc.Language] {
			p := warmedUp(t, sc)
			r := mustRespond(t, p, pr.say)
			days := acts.Weekdays(r.Text)
			if p.State().NextStep == "" || len(days) == 0 || r.Hangup {
				continue
			}
			other := (days[0] + 2) % 7
			if slices.Contains(days, other) {
				continue
			}
			checked++
			say := map[openline.Language]string{openline.German: "Prima, dann " + weekdayName[openline.German][other] + ", danke!",
				openline.English: "Great, " + weekdayName[openline.English][other] + " then, thanks!"}[sc.Language]
			got := mustRespond(t, p, say)
			if !strings.Contains(got.Text, weekdayName[sc.Language][days[0]]) || got.Hangup {
				t.Errorf("%s: agreed %q, caller said %q, prospect said %q (hang-up %v); want the agreed day held, call going on", sc.ID, r.Text, say, got.Text, got.Hangup)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no agreement named a day: the test checked nothing")
	}
}

// A meeting proposed on a day is agreed on that day, not on one of the
// engine's own (which the prospect would then hold the caller to).
func TestMeetingAgreedOnTheDayProposed(t *testing.T) {
	for _, seed := range handSeeds {
		sc := loadShipped(t, "inbound-intern-request.yaml")
		pr, err := New().Start(sc, seed)
		if err != nil {
			t.Fatal(err)
		}
		p := pr.(*prospect)
		p.interest = MaxInterest
		r := p.proposalReply(turn{text: "Would it help if I came by on Thursday at ten?"}, acts.StepMeeting, &reply{})
		if !strings.Contains(r, "Thursday") || strings.Contains(r, "Tuesday") {
			t.Errorf("seed %d: a meeting on Thursday was agreed as %q", seed, r)
		}
	}
}

// A proposal of two steps ("send a one-pager, and then we speak Thursday")
// is agreed with both: the second on its day.
func TestBothStepsOfAProposalAgreed(t *testing.T) {
	sc := loadShipped(t, "crm-software-en.yaml")
	pr, err := New().Start(sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	p := pr.(*prospect)
	p.interest = MaxInterest
	r := reply{agreed: true}
	p.agreeTo(acts.StepSendInfo)
	r.text = "Yeah, email it over."
	p.alsoThen(turn{text: "Shall I send you a one-pager, and then we speak Thursday?"}, &r)
	if !strings.Contains(r.text, "Thursday") {
		t.Errorf("the second step on Thursday was not agreed: %q", r.text)
	}
	r = reply{agreed: true, text: "Yeah, email it over."}
	p.alsoThen(turn{text: "Shall I send you a one-pager with the prices?"}, &r)
	if r.text != "Yeah, email it over." {
		t.Errorf("a proposal of one step got a second agreement: %q", r.text)
	}
}

// A next step proposed in natural words, right after the realism setup of
// every shipped scenario, gets a yes or a no: not a need told, not the
// line an open objection keeps for being answered, not "why do you ask?".
func TestNaturalProposalGetsYesOrNo(t *testing.T) {
	checkAfterSetup(t, map[openline.Language][]string{
		openline.English: {"Would it be useful if I popped by one morning next week?", "Would it be all right if I sent you a short note tonight?"},
		openline.German:  {"Darf ich mich im Frühjahr noch mal bei Ihnen melden, um zu hören, wie es läuft?", "Wäre es Ihnen recht, wenn ich Ihnen kurz eine Mail schicke?"},
	}, "a yes or a no", func(k openline.ReplyKind) bool {
		return k == openline.ReplyAgree || k == openline.ReplyDecline || k == openline.ReplyObject
	})
}

// checkAfterSetup says each line of said in its language, right after the
// realism setup of every shipped scenario, and checks the reply's kind
// with ok (want says what it should be).
func checkAfterSetup(t *testing.T, said map[openline.Language][]string, want string, ok func(openline.ReplyKind) bool) {
	t.Helper()
	for _, sc := range loadAllShipped(t) {
		if sc.Realism == nil {
			continue
		}
		for _, say := range said[sc.Language] {
			p := afterSetup(t, sc)
			r := mustRespond(t, p, say)
			if kind, _ := p.(*prospect).ReplyKind(); !ok(kind) {
				t.Errorf("%s: %q got %s %q, want %s", sc.ID, say, kind, r.Text, want)
			}
		}
	}
}

// afterSetup starts sc's prospect (seed 1) and plays its realism corpus's
// setup turns, as `openline scenario test` does before each line.
func afterSetup(t *testing.T, sc *openline.Scenario) persona.Prospect {
	t.Helper()
	p, err := New().Start(sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	mustOpen(t, p)
	for _, s := range sc.Realism.Setup {
		mustRespond(t, p, s)
	}
	return p
}
