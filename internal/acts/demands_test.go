package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

func TestInvitesTo(t *testing.T) {
	for _, tt := range []struct {
		lang openline.Language
		text string
		want bool
	}{
		{openline.German, "Wir haben ein Unternehmerfrühstück im März, hätten Sie Lust zu kommen?", true},
		{openline.German, "Wir haben ein Unternehmerfrühstück im März.", false},         // no proposal in it
		{openline.English, "Would you like to come to our founders' breakfast?", false}, // Proposal's own words hear it
		{openline.German, "Wie wäre es mit unserem Netzwerkabend am Donnerstag?", true},
	} {
		if got := InvitesTo(tt.lang, tt.text); got != tt.want {
			t.Errorf("InvitesTo(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestDemandsOffersPitchAndCallback(t *testing.T) {
	de, en := openline.German, openline.English
	tests := []struct {
		lang                    openline.Language
		text                    string
		demand, pitch, callback bool
	}{
		{de, "Stellen Sie mich jetzt bitte sofort durch.", true, false, false},
		{de, "Sie müssen das jetzt machen, wirklich.", true, false, false},
		{de, "Sie müssen sich nicht jetzt entscheiden, nehmen Sie sich Zeit.", false, false, false},
		{de, "Jetzt übertreiben Sie aber.", true, false, false},
		{de, "Das korrigiere ich sofort, danke!", false, false, false},
		{en, "Look, these things happen, you need to get over it.", true, false, false},
		{en, "There's no need to decide now.", false, false, false},
		// Taken back after the word for now, and the speaker's own promise.
		{de, "Sie müssen sich jetzt nicht festlegen.", false, false, false},
		{en, "You don't need to decide right now.", false, false, false},
		{de, "Ich nehme Ihre Nummer jetzt sofort aus der Liste.", false, false, false},
		{en, "I'll put you through right now.", false, false, false},
		{en, "Just put me through right now.", true, false, false},
		{en, "Every firm your size is switching, you don't want to be left behind, do you?", true, false, false},
		{de, "Soll ich Ihnen kurz unser neues Paket vorstellen?", false, true, false},
		{en, "Would you like to hear about our maintenance plan?", false, true, false},
		{en, "Would you like to hear about the careers fair?", false, false, false},
		// Words between the offer and the own offering.
		{de, "Darf ich Ihnen bei der Gelegenheit kurz unsere neue Buchungs-App vorstellen?", false, true, false},
		{en, "Can I quickly show you what our new app does?", false, true, false},
		{en, "Could I tell our engineer you'd rather have mornings?", false, false, false},
		{de, "Soll ich unserem Techniker erzählen, dass es eilt?", false, false, false},
		{de, "Wäre es okay, wenn ich Sie im Herbst noch mal anrufe?", false, false, true},
		{en, "Is it alright if I give you a call next week?", false, false, true},
		{de, "Wenn ich Sie richtig verstehe, passt es nicht.", false, false, false},
		{de, "Ich rufe dann einfach morgen früh noch mal an.", false, false, true},
		{de, "Ich versuche es zu verstehen.", false, false, false},
		{en, "I'll try again tomorrow, thanks.", false, false, true},
	}
	for _, tt := range tests {
		r := Trainee(tt.lang, tt.text, Context{})
		if got := r.Push.Demand; got != tt.demand {
			t.Errorf("Trainee(%q).Push.Demand = %v, want %v", tt.text, got, tt.demand)
		}
		if tt.demand && !r.Has(openline.ActPressure) {
			t.Errorf("Trainee(%q): a demand is no pressure act", tt.text)
		}
		if got := OffersPitch(tt.lang, tt.text); got != tt.pitch {
			t.Errorf("OffersPitch(%q) = %v, want %v", tt.text, got, tt.pitch)
		}
		if got := OffersCallback(tt.lang, tt.text); got != tt.callback {
			t.Errorf("OffersCallback(%q) = %v, want %v", tt.text, got, tt.callback)
		}
		if got, want := ReadAsides(tt.lang, tt.text), (Asides{tt.pitch, tt.callback, InvitesTo(tt.lang, tt.text)}); got != want {
			t.Errorf("ReadAsides(%q) = %+v, want %+v", tt.text, got, want)
		}
	}
}
