package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestRealTyping pins turns typed as people type: all lower case, without
// punctuation, "its" without its apostrophe; and what stays unread.
func TestRealTyping(t *testing.T) {
	tests := []struct {
		lang  openline.Language
		text  string
		intro bool
	}{
		{openline.German, "hallo herr wegener hier ist lukas passts grad", true},
		{openline.German, "hier ist lukas", true},
		{openline.German, "hallo herr wegener, hier ist lukas. passts grad?", true},
		{openline.English, "hi its hannah clarke from brightside", true},
		{openline.English, "its hannah from brightside", true},
		{openline.English, "its price is fine i think", false},
		{openline.German, "hier ist das problem dass keiner zeit hat", false},
	}
	for _, tt := range tests {
		r := Trainee(tt.lang, tt.text, Context{Prospect: "Ja?"})
		if got := r.Has(openline.ActIntroduction); got != tt.intro {
			t.Errorf("%q: introduction %v, want %v (acts %v)", tt.text, got, tt.intro, r.Acts)
		}
	}
}

// TestProposalInNaturalForms pins that the tagger hears a next step put in
// natural words as the scripted engine does (Proposal), and not in an
// introduction or an offer of a contact.
func TestProposalInNaturalForms(t *testing.T) {
	tests := []struct {
		lang     openline.Language
		text     string
		proposal bool
	}{
		{openline.English, "Would it help if I came by one afternoon and had a look with your office manager?", true},
		{openline.German, "Hätten Sie Lust, dass ich Ihnen einen Platz in der Gruppe im April freihalte?", true},
		{openline.German, "Kein Problem, dann ruf ich Sie Donnerstag gegen zehn noch mal an.", true},
		{openline.English, "That's fine. Shall I give you a ring in the first week of September?", true},
		{openline.German, "Guten Abend, Kerstin Wolf am Telefon, ich melde mich von der Stadtsparkasse.", false},
		{openline.English, "Shall I put you in touch?", false},
		{openline.English, "Do you know anyone who does run vans?", false},
		{openline.English, "What would be a good time for you, usually?", false},
	}
	for _, tt := range tests {
		r := Trainee(tt.lang, tt.text, Context{Prospect: "Ja?"})
		if got := r.Has(openline.ActProposal); got != tt.proposal {
			t.Errorf("%q: proposal %v, want %v (acts %v)", tt.text, got, tt.proposal, r.Acts)
		}
	}
}

// TestInflectionIsNoTypo checks that a real inflection of a lexicon word
// is read as itself, not corrected to another word one letter away
// ("booking" is not "looking"), while a misspelt cue word still is.
func TestInflectionIsNoTypo(t *testing.T) {
	for _, tc := range []struct {
		lx     *lexicon
		word   string
		readAs string
	}{
		{enLex, "booking", "booking"},
		{deLex, "anrufen", "anrufen"},
		{enLex, "intrested", "interested"},
		{deLex, "intressiert", "interessiert"},
	} {
		got := tc.lx.normalize([]token{{s: tc.word}})
		if len(got) != 1 || got[0].s != tc.readAs {
			t.Errorf("%s: %q read as %v, want %q", tc.lx.lang, tc.word, got, tc.readAs)
		}
	}
	r := Trainee(openline.English, "So what's stopping you from booking a twenty-minute call this week?", Context{Prospect: "We're fine as we are."})
	if !r.Has(openline.ActPressure) {
		t.Errorf("an obstacle question on booking the step is no pressure: %v", r.Acts)
	}
}

// TestPermissionAsTyped pins asking for the moment as people say and type
// it: a clipped "es" ("passt's"), informal short forms ("stör", "hoff",
// "grade", "mins"), hoping not to disturb; it is permission, and no closed
// question beside it. Asking about their moment in their work is not.
func TestPermissionAsTyped(t *testing.T) {
	tests := []struct {
		lang       openline.Language
		text       string
		permission bool
	}{
		{openline.German, "passt's Ihnen grade?", true},
		{openline.German, "Moin, stör ich grad?", true},
		{openline.German, "ich hoff ich stör nicht", true},
		{openline.German, "Ich hab Sie hoffentlich nicht gerade beim Mittagessen erwischt?", true},
		{openline.German, "Ist jetzt gut oder eher schlecht?", true},
		{openline.English, "got two mins?", true},
		{openline.English, "hope i'm not catching you in the middle of lunch", true},
		{openline.German, "Wie geht's mit dem neuen Lager voran?", false},
		{openline.English, "How's the new van going?", false},
	}
	for _, tt := range tests {
		r := Trainee(tt.lang, tt.text, Context{Prospect: "Ja?"})
		if got := r.Has(openline.ActPermission); got != tt.permission {
			t.Errorf("%q: permission %v, want %v (acts %v)", tt.text, got, tt.permission, r.Acts)
		}
		if tt.permission && r.Has(openline.ActClosedQuestion) {
			t.Errorf("%q: acts %v, want no closed question beside the permission", tt.text, r.Acts)
		}
	}
}

// TestPersonalInterestIsAsked pins that interest in the person is asked
// about them, also as an indirect question, and is not read from a
// goodbye, a pitch, a reflection or a callback that names their life.
func TestPersonalInterestIsAsked(t *testing.T) {
	tests := []struct {
		lang     openline.Language
		text     string
		personal bool
	}{
		{openline.German, "Ich wollte einfach mal hören, wie es Ihnen nach dem Umzug geht.", true},
		{openline.German, "Und wie kriegen Sie das alles neben der Werkstatt unter einen Hut?", true},
		{openline.English, "How do you juggle the school run and the shop on a Monday?", true},
		{openline.German, "Schönen Feierabend und ein erholsames Wochenende!", false},
		{openline.German, "Dann rufe ich nach Ihrem Urlaub noch mal an, passt Ihnen das?", false},
		{openline.English, "Enjoy your holiday, and speak soon!", false},
	}
	for _, tt := range tests {
		r := Trainee(tt.lang, tt.text, Context{Prospect: "Ja, hier ist viel los gerade."})
		if got := r.Has(openline.ActPersonalInterest); got != tt.personal {
			t.Errorf("%q: personal interest %v, want %v (acts %v)", tt.text, got, tt.personal, r.Acts)
		}
	}
}
