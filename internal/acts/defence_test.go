package acts

import (
	"slices"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestComplaintAnswers pins how a trainee's answer to a complaint is read
// (defence.go): defending the own side withdraws the acknowledgement
// before it, an apology acknowledges, and a promise to put it right is
// help, neither a pitch nor a push, while the same promise after a sales
// no, with nothing gone wrong, still pushes. The examples were written
// for this test.
func TestComplaintAnswers(t *testing.T) {
	const (
		boiler  = "Your engineer has missed our boiler service twice now. Twice!"
		paket   = "Das Paket ist schon wieder nicht gekommen, und ich hab extra frei genommen!"
		noSale  = "No, we're not interested, thanks."
		keinInt = "Nein danke, kein Interesse."
	)
	for _, tc := range []struct {
		name     string
		lang     openline.Language
		prospect []string // the prospect's turns; the trainee says "Okay." between them
		text     string
		yesBut   bool
		want     []openline.Act // acts the turn must have
		not      []openline.Act // acts it must not have
	}{
		{"en records against the complaint", openline.English, []string{boiler}, "I hear you, but our records show the engineer was there on Monday.",
			true, nil, []openline.Act{openline.ActAcknowledgement}},
		{"en fully booked after understanding", openline.English, []string{boiler}, "I understand, but our engineers are fully booked.",
			true, nil, []openline.Act{openline.ActAcknowledgement}},
		{"en sorry then to be fair", openline.English, []string{"Nobody came. Twice."}, "I'm really sorry about that. To be fair, our engineers have been stretched all winter.",
			true, nil, []openline.Act{openline.ActAcknowledgement}},
		{"en sorry but off sick", openline.English, []string{boiler}, "I'm sorry, but the engineer was off sick, these things happen.",
			true, nil, []openline.Act{openline.ActAcknowledgement}},
		{"de System gegen die Beschwerde", openline.German, []string{paket}, "Das tut mir leid, aber unser System zeigt, dass der Fahrer um acht da war.",
			true, nil, []openline.Act{openline.ActAcknowledgement}},
		{"de fairerweise ausgelastet", openline.German, []string{paket}, "Verstehe. Fairerweise muss ich sagen, unsere Fahrer sind gerade völlig ausgelastet.",
			true, nil, []openline.Act{openline.ActAcknowledgement}},
		{"en apology acknowledges", openline.English, []string{boiler}, "I'm so sorry about that, Mr Daniels.",
			false, []openline.Act{openline.ActAcknowledgement}, nil},
		{"en lead engineer on Thursday", openline.English, []string{boiler}, "I'm so sorry. I'll send our lead engineer on Thursday morning to fix it for good.",
			false, []openline.Act{openline.ActAcknowledgement, openline.ActOfferHelp}, []openline.Act{openline.ActPitch, openline.ActPressure}},
		{"en come back with our engineer", openline.English, []string{boiler}, "Can I come back with our senior engineer on Thursday to do the service?",
			false, []openline.Act{openline.ActOfferHelp}, []openline.Act{openline.ActPitch, openline.ActPressure}},
		{"en book a visit now", openline.English, []string{boiler}, "Let me book a visit now – would tomorrow at eight work?",
			false, []openline.Act{openline.ActOfferHelp}, []openline.Act{openline.ActPitch, openline.ActPressure}},
		{"en promise after don't sell me anything", openline.English, []string{boiler, "Don't try to sell me anything. I just want this fixed."},
			"Understood. I'll confirm it by email today, and I'll ring you Thursday to check it's working.",
			false, []openline.Act{openline.ActOfferHelp}, []openline.Act{openline.ActPressure}},
		{"de Meister morgen früh", openline.German, []string{paket}, "Das tut mir leid. Morgen früh schicke ich Ihnen unseren Fahrer persönlich vorbei, und ich rufe Sie vorher an.",
			false, []openline.Act{openline.ActAcknowledgement, openline.ActOfferHelp}, []openline.Act{openline.ActPitch, openline.ActPressure}},
		{"en premium plan is no help", openline.English, []string{boiler}, "With our premium plan you'd get a guaranteed two-hour slot.",
			false, []openline.Act{openline.ActPitch}, []openline.Act{openline.ActOfferHelp}},
		{"en callback after a sales no pushes", openline.English, []string{noSale}, "I'll ring you Thursday to check you've had a look at it.",
			false, []openline.Act{openline.ActPressure}, []openline.Act{openline.ActOfferHelp}},
		{"de Eintragen nach dem Nein drängt", openline.German, []string{keinInt}, "Dann trage ich Sie für Donnerstag bei unserem Berater ein.",
			false, []openline.Act{openline.ActPressure}, []openline.Act{openline.ActOfferHelp}},
		{"de Rückruf erklärt den Anruf", openline.German, []string{paket}, "Sie hatten sich beschwert, ich rufe deshalb zurück.",
			false, nil, []openline.Act{openline.ActOfferHelp}},
		{"en sorry to bother is no acknowledgement", openline.English, []string{"Hello?"}, "I'm so sorry to bother you this early.",
			false, nil, []openline.Act{openline.ActAcknowledgement}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := openline.Transcript{Language: tc.lang}
			for i, p := range tc.prospect {
				if i > 0 {
					tr.Turns = append(tr.Turns, openline.Turn{Speaker: openline.Trainee, Text: "Okay."})
				}
				tr.Turns = append(tr.Turns, openline.Turn{Speaker: openline.Prospect, Text: p})
			}
			tr.Turns = append(tr.Turns, openline.Turn{Speaker: openline.Trainee, Text: tc.text})
			got := Read(tr, nil).Turns[len(tr.Turns)-1]
			if got.YesBut != tc.yesBut {
				t.Errorf("%q: YesBut %t, want %t (acts %v)", tc.text, got.YesBut, tc.yesBut, got.Acts)
			}
			for _, a := range tc.want {
				if !slices.Contains(got.Acts, a) {
					t.Errorf("%q: acts %v, want %s", tc.text, got.Acts, a)
				}
			}
			for _, a := range tc.not {
				if slices.Contains(got.Acts, a) {
					t.Errorf("%q: acts %v, want no %s", tc.text, got.Acts, a)
				}
			}
		})
	}
}
