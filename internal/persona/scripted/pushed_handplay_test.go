package scripted

import (
	"slices"
	"testing"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

// TestPushingGetsNoReward plays the calls the lead hand-played on main on
// 4 December (issues 8 and 9) in every seed: a pitch put as a question
// after "I hear you, but", an assumptive close ("I'll send the contract
// over", "trag ich Sie ein", "I've pencilled you in") and brushing an
// inbound caller off. The prospect reads them only through the reading
// (internal/acts): it is annoyed, warns or hangs up, and never answers with
// relief or interest.
func TestPushingGetsNoReward(t *testing.T) {
	for _, tt := range []struct {
		name, file string
		before     []string
		push       string
		pushes     bool // the push counts as one (not only a goodbye)
	}{
		{"premium cover after 'I hear you, but'", "complaint-boiler-school.yaml", []string{
			"Good morning, Brightwarm Heating, this is Alex.",
			"I understand, but our engineers are fully booked, and honestly the boiler is under warranty only if it was serviced."},
			"I hear you, but have you considered our premium cover? It would avoid all this.", true},
		{"the contract after a push", "crm-software-en.yaml", []string{
			"Hi, this is Tom from Brightline CRM. Have you got a minute?",
			"Our CRM is the best on the market, you should switch today."},
			"Great, I'll send the contract over today then.", true},
		{"booked in after an objection", "recruiting-agentur.yaml", []string{
			"Guten Tag Frau Demir, hier ist Anna Berg von Pflegeteam Plus.",
			"Wir haben die besten Pflegekräfte, Sie sollten das unbedingt testen."},
			"Gut, dann trag ich Sie mal für Donnerstag ein.", true},
		{"pencilled in for a demo", "workplace-pension-owner.yaml", []string{
			"Hi Karen, this is Tom from Pensions Direct. Our scheme is the best, you should sign up."},
			"Great, I've pencilled you in for a demo on Thursday at ten, I'll send the invite over.", true},
		{"an inbound caller sent away", "inbound-intern-request.yaml", []string{
			"Hello?",
			"Yes, what do you want?"},
			"Fine, send me an email, I'm busy. Bye.", false},
	} {
		for _, seed := range handSeeds {
			sc := loadShipped(t, tt.file)
			pr, err := New().Start(sc, seed)
			if err != nil {
				t.Fatal(err)
			}
			if sc.Direction != openline.Inbound {
				mustOpen(t, pr)
			}
			for _, s := range tt.before {
				if r := mustRespond(t, pr, s); r.Hangup {
					t.Fatalf("%s, seed %d: call ended at %q: %q", tt.name, seed, s, r.Text)
				}
			}
			p := pr.(*prospect)
			interest, pushes := p.interest, p.pushes
			r := mustRespond(t, pr, tt.push)
			if kind, _ := p.ReplyKind(); slices.Contains(r.Acts, openline.ActInterest) || len(r.Reveals) > 0 || kind == openline.ReplyAgree {
				t.Errorf("%s, seed %d: %q answered with interest: %q (acts %v, reveals %v)", tt.name, seed, tt.push, r.Text, r.Acts, r.Reveals)
			}
			if p.interest > interest {
				t.Errorf("%s, seed %d: %q raised interest %d → %d: %q", tt.name, seed, tt.push, interest, p.interest, r.Text)
			}
			if tt.pushes && (p.pushes <= pushes || !r.Hangup && !slices.Contains([]int{annoyed, warned, done}, p.level)) {
				t.Errorf("%s, seed %d: %q not heard as a push (pushes %d → %d, level %d): %q", tt.name, seed, tt.push, pushes, p.pushes, p.level, r.Text)
			}
		}
	}
}

// TestWarningsReadAsAnnoyance: the engine's own warnings, in both voices
// and languages, are heard by the reading as they are meant: annoyance,
// not a hang-up (the scorer reads the same transcript).
func TestWarningsReadAsAnnoyance(t *testing.T) {
	for lang, voices := range ownLines {
		for _, lines := range voices {
			for _, w := range lines[lineWarning] {
				tr := openline.Transcript{Language: lang, Turns: []openline.Turn{
					{Speaker: openline.Trainee, Text: "You have to sign today."},
					{Speaker: openline.Prospect, Text: w}}}
				rt := acts.Read(tr, nil).Turns[1]
				if !rt.Annoyed || rt.Has(openline.ActHangup) {
					t.Errorf("%s %q: annoyed %v, hangup %v; want annoyance, no hang-up", lang, w, rt.Annoyed, rt.Has(openline.ActHangup))
				}
			}
		}
	}
}
