package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestOfferInOwnWords: putting right what the prospect complained about,
// by the speaker themself, and finding someone for them are offers of
// help in any words; the company's offer, advice, a plain errand and
// asking them for a contact are not.
func TestOfferInOwnWords(t *testing.T) {
	complaint := Context{Prospect: "Das ist jetzt das dritte Mal, dass die Lieferung fehlt!"}
	complaintEn := Context{Prospect: "You charged us twice this month!"}
	errand := Context{Prospect: "Da steht der falsche Name auf der Rechnung."}
	need := Context{Prospect: "Ich suche seit Wochen einen Steuerberater, der sich mit Vereinen auskennt."}
	needEn := Context{Prospect: "We still haven't found a caterer for the summer party."}
	tests := []struct {
		lang  openline.Language
		ctx   Context
		text  string
		offer bool
	}{
		{openline.German, complaint, "Das tut mir leid. Ich storniere die Rechnung für die fehlende Lieferung sofort.", true},
		{openline.German, complaint, "Verstehe. Ich trage Sie gleich aus dem Sammeltermin aus, dann kommt der Fahrer extra.", true},
		{openline.English, complaintEn, "That's not on. I'll refund the second charge today.", true},
		{openline.English, complaintEn, "Sorry about that – let me put it right before we hang up.", true},
		{openline.German, complaint, "Wir erledigen so etwas normalerweise über unser Kundenportal.", false},
		{openline.German, complaint, "Sie sollten die Rechnung dann einfach stornieren.", false},
		{openline.English, complaintEn, "That sort of thing shouldn't happen, I agree.", false},
		// Saying what one does fixes nothing of theirs, and a greeting
		// with "!" is no complaint.
		{openline.German, Context{Prospect: "Guten Tag!"}, "Ich repariere seit zwanzig Jahren Heizungen.", false},
		{openline.German, Context{Prospect: "Das passt nicht.", Rejected: true}, "Ich repariere seit zwanzig Jahren Heizungen.", false},
		{openline.English, complaintEn, "I fixed boilers for twenty years.", false},
		{openline.English, Context{Prospect: "No, that's not for us.", Rejected: true}, "I fixed the boilers for twenty years.", false},
		// A plain errand put right is no complaint handled.
		{openline.German, errand, "Danke, ich korrigiere das.", false},
		{openline.German, need, "Da kenn ich vielleicht jemanden, soll ich den mal fragen?", true},
		{openline.German, need, "Soll ich mal bei unseren Kunden rumfragen?", true},
		{openline.English, needEn, "My brother-in-law runs a kitchen in town – shall I ask him if he knows anyone?", true},
		{openline.English, needEn, "Do you know anyone who could do it?", false},
		{openline.English, needEn, "I think you know the town better than anyone.", false},
	}
	for _, tt := range tests {
		r := Trainee(tt.lang, tt.text, tt.ctx)
		if got := r.Has(openline.ActOfferHelp); got != tt.offer {
			t.Errorf("%q after %q: offer_help %v, want %v (acts %v)", tt.text, tt.ctx.Prospect, got, tt.offer, r.Acts)
		}
	}
}

// TestFollowUpIsNotAnotherAct: a question that presses or asks about the
// no does that, not follow up, whatever words of theirs it shares; a
// question on their own topic still follows up, also when the topic is
// feedback.
func TestFollowUpIsNotAnotherAct(t *testing.T) {
	tests := []struct {
		lang     openline.Language
		ctx      Context
		text     string
		followUp bool
	}{
		{openline.German, Context{Prospect: "Unsere Fahrer wechseln ständig."}, "Wie viele Fahrer wollen Sie denn noch verlieren, bevor Sie handeln?", false},
		{openline.German, Context{Prospect: "Das Angebot passt für uns nicht.", Rejected: true}, "Darf ich fragen, was genau an dem Angebot nicht passt?", false},
		{openline.English, Context{Prospect: "Giving feedback to my team is the hardest part."}, "What happens when you give your team feedback today?", true},
		{openline.German, Context{Prospect: "Unsere Fahrer wechseln ständig."}, "Woran liegt es, dass die Fahrer wechseln?", true},
	}
	for _, tt := range tests {
		r := Trainee(tt.lang, tt.text, tt.ctx)
		if got := r.Has(openline.ActFollowUp); got != tt.followUp {
			t.Errorf("%q after %q: follow_up %v, want %v (acts %v)", tt.text, tt.ctx.Prospect, got, tt.followUp, r.Acts)
		}
	}
}
