package scripted

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
)

// These tests play the heart of the method on the shipped scenarios with
// the real tagger: after the prospect's no, a kind request for a few
// sentences of honest feedback, in whatever words, gets the honest reason
// and warms the prospect up; arguing does not; and a question about the
// proposal never agrees a next step.

// loadShipped parses a scenario file of the scenarios folder.
func loadShipped(t *testing.T, file string) *openline.Scenario {
	t.Helper()
	return mustLoadFrom(t, filepath.Join("..", "..", "..", "scenarios"), file)
}

// afterTheNo is a shipped scenario whose prospect says no to the caller's
// introduction, with the need its honest feedback reveals.
type afterTheNo struct {
	file, need, objection string
	intro, ack            string // the introduction that draws the no; an acknowledgement of it
}

var feedbackScenarios = map[openline.Language]afterTheNo{
	openline.German: {
		file: "herr-b-handwerker.yaml", need: "ehrliches-feedback", objection: "kein-bedarf",
		intro: "Guten Tag Herr B., hier ist Anna Müller, ich hatte Ihnen die Unterlagen geschickt.",
		ack:   "Verstehe, danke für die klare Antwort.",
	},
	openline.English: {
		file: "craft-network-feedback.yaml", need: "honest-feedback", objection: "not-for-us",
		intro: "Hello Mr Brooks, this is Sam Taylor, I sent you the documents last week.",
		ack:   "I see, thanks for the clear answer.",
	},
}

// feedbackRequests are ways of asking for feedback after a no, kind,
// clumsy and indirect; some name the offer or the proposal.
var feedbackRequests = map[openline.Language][]string{
	openline.German: {
		"Darf ich trotzdem fragen, was an unserem Angebot genau nicht passt?",
		"Und darf ich fragen, was an meinem Vorschlag genau nicht passt?",
		"Woran hat es gelegen, wenn ich fragen darf?",
		"Was hätte es gebraucht, damit es für Sie passt?",
		"Mich würde ehrlich interessieren, warum das nichts für Sie ist.",
		"Das respektiere ich. Darf ich Sie um ein paar ehrliche Sätze Feedback bitten?",
		"Was hat Sie an meinem Angebot gestört?",
		"Okay, aber warum denn nicht?",
	},
	openline.English: {
		"Can I still ask what exactly doesn't fit about our offer?",
		"And may I ask what exactly doesn't work for you about my proposal?",
		"What would have made it a fit?",
		"If you don't mind me asking, what put you off?",
		"I'd genuinely like to understand why it's not for you.",
		"Fair enough. Could you give me a few sentences of honest feedback?",
		"What was the sticking point for you?",
		"Okay, but why not?",
	},
}

// startShipped starts a shipped scenario with the real tagger and plays
// the turns before the one under test.
func startShipped(t *testing.T, sc *openline.Scenario, before ...string) persona.Prospect {
	t.Helper()
	p, err := New().Start(sc, 7)
	if err != nil {
		t.Fatal(err)
	}
	mustOpen(t, p)
	for _, s := range before {
		if r := mustRespond(t, p, s); r.Hangup {
			t.Fatalf("call ended at %q: %q", s, r.Text)
		}
	}
	return p
}

func TestFeedbackRequestAfterNoGetsHonestFeedback(t *testing.T) {
	for lang, s := range feedbackScenarios {
		sc := loadShipped(t, s.file)
		need := sc.Need(s.need)
		answered := sc.Objections[objectionIndex(sc, s.objection)].Answered
		for _, ask := range feedbackRequests[lang] {
			// Right after the no, and after the no was acknowledged and
			// the talk moved on.
			for _, before := range [][]string{{s.intro}, {s.intro, s.ack}} {
				name := string(lang) + "/" + ask
				if len(before) > 1 {
					name += "/after acknowledging"
				}
				t.Run(name, func(t *testing.T) {
					p := startShipped(t, sc, before...)
					was := p.State()
					if !slices.Contains(was.Objections, s.objection) {
						t.Fatalf("the introduction raised %v, want the no %q", was.Objections, s.objection)
					}
					r := mustRespond(t, p, ask)
					st := p.State()
					if !slices.Contains(st.Revealed, s.need) {
						t.Errorf("revealed %v, want the honest feedback %q; reply %q", st.Revealed, s.need, r.Text)
					}
					if !slices.Contains(need.Reveal, r.Text) && !slices.Contains(answered, r.Text) {
						t.Errorf("reply %q is neither the honest feedback nor the no's answer", r.Text)
					}
					if st.Interest <= was.Interest {
						t.Errorf("interest %d → %d, want it raised", was.Interest, st.Interest)
					}
					if st.Patience < was.Patience || (len(before) == 1 && st.Patience <= was.Patience) {
						t.Errorf("patience %d → %d, want it raised (or kept, once the no was acknowledged)", was.Patience, st.Patience)
					}
					if r.Hangup || st.Outcome != openline.OutcomeNone || st.NextStep != "" {
						t.Errorf("hangup %v, outcome %q, next step %q: a feedback request agrees nothing and ends nothing", r.Hangup, st.Outcome, st.NextStep)
					}
				})
			}
		}
	}
}

func TestArguingAfterNoGetsNoFeedback(t *testing.T) {
	arguing := map[openline.Language][]string{
		openline.German: {
			"Aber Sie haben doch gar nicht gefragt, was es kostet!",
			"Sind Sie sicher? Die meisten unserer Kunden waren am Anfang auch skeptisch.",
			"Wäre es nicht trotzdem sinnvoll, unser Angebot einmal in Ruhe anzuschauen?",
			"Was spricht denn dagegen, es einfach mal drei Monate zu testen?",
		},
		openline.English: {
			"But you haven't even seen the numbers yet!",
			"Are you sure? Most of our clients felt the same way before they switched.",
			"Wouldn't it still make sense to take a proper look at our offer?",
			"What's stopping you from just giving it a try for three months?",
		},
	}
	for lang, s := range feedbackScenarios {
		sc := loadShipped(t, s.file)
		for _, said := range arguing[lang] {
			t.Run(string(lang)+"/"+said, func(t *testing.T) {
				p := startShipped(t, sc, s.intro)
				was := p.State()
				r := mustRespond(t, p, said)
				st := p.State()
				if len(st.Revealed) > 0 {
					t.Errorf("arguing revealed %v; reply %q", st.Revealed, r.Text)
				}
				if st.Patience >= was.Patience {
					t.Errorf("patience %d → %d, want arguing to cost patience", was.Patience, st.Patience)
				}
				if st.Outcome == openline.OutcomeNextStep {
					t.Errorf("arguing agreed a next step %q", st.NextStep)
				}
			})
		}
	}
}

// A question about the proposal after the talk has warmed up asks why
// not: it must not be heard as the proposal itself, even with interest
// enough for a next step.
func TestQuestionAboutTheProposalAgreesNothing(t *testing.T) {
	for lang, s := range feedbackScenarios {
		sc := loadShipped(t, s.file)
		sc.Persona.Interest = MaxInterest
		for _, ask := range feedbackRequests[lang][:2] {
			t.Run(string(lang)+"/"+ask, func(t *testing.T) {
				p := startShipped(t, sc, s.intro, s.ack)
				r := mustRespond(t, p, ask)
				if st := p.State(); r.Hangup || st.Outcome != openline.OutcomeNone {
					t.Errorf("reply %q, outcome %q, next step %q; want the call to go on", r.Text, st.Outcome, st.NextStep)
				}
			})
		}
	}
}

// A prospect who has been pressed agrees no next step, however the
// proposal is put: pressure must never be what earns a meeting. Each call
// pushes twice in questions, then proposes in a way that would otherwise be
// agreed.
func TestPressureEarnsNoNextStep(t *testing.T) {
	tests := []struct {
		file  string
		turns []string
	}{
		{"crm-software-en.yaml", []string{
			"Hi, Sam Lee from Brightdesk, got a minute?",
			"What would it take for you to sign up today?",
			"Wouldn't you agree that every day without our CRM costs you money?",
			"So shall we start with the ten-seat or the twenty-seat plan?",
		}},
		{"herr-b-handwerker.yaml", []string{
			"Guten Tag Herr B., hier ist Lena Roth. Haben Sie kurz Zeit?",
			"Was müsste passieren, damit Sie heute noch unterschreiben?",
			"Wäre es nicht fahrlässig, Ihre Mitarbeiter ohne Absicherung zu lassen?",
			"Darf ich Ihnen am Dienstag um zehn kurz vorbeikommen?",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p := startShipped(t, loadShipped(t, tt.file), tt.turns[:len(tt.turns)-1]...)
			r := mustRespond(t, p, tt.turns[len(tt.turns)-1])
			if st := p.State(); st.Outcome == openline.OutcomeNextStep {
				t.Errorf("after two pushes, %q was agreed as %s: %q", tt.turns[len(tt.turns)-1], st.NextStep, r.Text)
			}
		})
	}
}
