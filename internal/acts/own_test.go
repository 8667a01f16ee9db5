package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestOwnCompanyNamedIsAPitch pins that once the introduction, the phone
// answer or an "our …" named the trainee's company or product, a later
// sentence naming it talks about the caller's own side (a pitch), while
// courtesy around the name, a call whose introduction names no company,
// and the introduction itself do not.
func TestOwnCompanyNamedIsAPitch(t *testing.T) {
	p := func(text string) openline.Turn { return openline.Turn{Speaker: openline.Prospect, Text: text} }
	tr := func(text string) openline.Turn { return openline.Turn{Speaker: openline.Trainee, Text: text} }
	for _, tc := range []struct {
		name  string
		lang  openline.Language
		turns []openline.Turn
		turn  int  // the trainee turn to check
		pitch bool // whether it carries a pitch
	}{
		{"a claim with the name as subject", openline.English, []openline.Turn{p("Fletcher and Reid, Tom speaking."), tr("Hi Tom, Adam from SalesPilot. What's the biggest headache with your reps?"),
			p("When a rep's off, nobody can see his customers."), tr("All on his phone. SalesPilot puts every contact in the cloud.")}, 3, true},
		{"the name after a preposition", openline.German, []openline.Turn{p("Pflegedienst Lebenswert, Demir?"), tr("Hallo Frau Demir, Anja Scholz von CuraTeam. Wie geht es Ihnen?"),
			p("Der Dienstplan macht mich fertig."), tr("Der Dienstplan, verstehe. Mit CuraTeam wäre der Wochenenddienst kein Thema mehr.")}, 3, true},
		{"the introduction itself", openline.English, []openline.Turn{p("Fletcher and Reid, Tom speaking."), tr("Hi Tom, Adam from SalesPilot. What's the biggest headache with your reps?")}, 1, false},
		{"thanks and goodbye with the name", openline.English, []openline.Turn{p("Fletcher and Reid, Tom speaking."), tr("Hi Tom, Adam from SalesPilot. Is now a good moment?"),
			p("Not really, sorry."), tr("No problem at all. Thanks, and goodbye from everyone at SalesPilot!")}, 3, false},
		{"the firm a phone answer opens with", openline.German, []openline.Turn{tr("Telefonservice Rhein-Main, Sie sprechen mit Lara Beck, guten Tag!"),
			p("Ihre Leute rufen mich dauernd an! Ich will, dass das aufhört."), tr("Verstehe. Genau da setzt der Telefonservice an: Wir nehmen Anrufe für Sie an.")}, 2, true},
		{"a product named after 'our'", openline.English, []openline.Turn{tr("Brightwater Heating, Dean speaking."), p("Nobody came for the boiler service."),
			tr("I'd recommend our Priority Care plan."), p("Are you even listening?"), tr("I'm listening. So, Priority Care starting Monday?")}, 4, true},
		{"a pronoun after 'bei' is no company", openline.German, []openline.Turn{p("Wegener?"), tr("Guten Tag, hier ist Katrin Ohlsen, ich rufe bei Ihnen wegen der Ausbildung an."),
			p("Ja, was gibt's?"), tr("Wie läuft es bei Ihnen gerade mit den Azubis?")}, 3, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rd := Read(openline.Transcript{Language: tc.lang, Turns: tc.turns}, nil)
			if got := rd.Turns[tc.turn].Has(openline.ActPitch); got != tc.pitch {
				t.Errorf("turn %d %q: pitch %t, want %t (acts %v)", tc.turn, tc.turns[tc.turn].Text, got, tc.pitch, rd.Turns[tc.turn].Acts)
			}
		})
	}
}
