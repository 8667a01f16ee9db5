package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestPitchByItsShape pins the pitch read from a claim about the caller's
// own side (ownside.go), and what is not one.
func TestPitchByItsShape(t *testing.T) {
	tests := []struct {
		lang  openline.Language
		text  string
		pitch bool
	}{
		{openline.German, "Wir beraten Handwerksbetriebe bei der Nachfolge.", true},
		{openline.English, "We do eco-friendly cleaning for offices in Leeds, fully insured.", true},
		{openline.English, "Yes, we have a Saturday slot between eight and twelve.", true},
		{openline.German, "Dann haben Sie bei uns eine kostenlose Nachbesetzung, das ist im Vertrag drin.", true},
		{openline.German, "Nice, sounds good. Wir haben übrigens ein Paket speziell für kleine Teams.", true},
		{openline.German, "Wir hatten letzte Woche kurz telefoniert.", false},
		{openline.English, "We spoke briefly last week.", false},
		{openline.German, "Wir sind ein kleines Team aus Köln.", false},
		{openline.English, "We could meet on Thursday, if that suits you.", false},
		{openline.English, "We'll send you the dates tomorrow.", false},
		{openline.German, "Was schätzen Sie bei uns am meisten?", false},
		{openline.English, "Do we have your current address?", false},
		// The claim is its own clause: a want or a step elsewhere in the
		// sentence does not take it back, one in the clause does.
		{openline.English, "I just wanted to let you know that we've added a lighter plan for sole traders.", true},
		{openline.German, "Ich wollte nur sagen, dass wir jetzt auch Wochenendtermine anbieten.", true},
		{openline.English, "Ours is different, the reps set it up in ten minutes.", true},
		{openline.English, "I wanted to say that we could talk again in spring.", false},
		// Comparing the own side with theirs is a claim, copula or not.
		{openline.German, "Wir sind bei den Gebühren deutlich günstiger.", true},
		{openline.English, "Your current one is probably dearer than us.", true},
		{openline.German, "Wir sind drei Leute im Büro.", false},
		// What the own side will become or learn is the reason for a
		// feedback request, not a claim ("Damit wir besser werden").
		{openline.German, "Damit wir besser werden.", false},
		{openline.English, "That's how we learn.", false},
		// An offer in the name of the one the caller calls for (hand-played
		// call, stop 23); what the listener's side offers describes them.
		{openline.German, "Herr Brandt bietet eine betriebliche Altersvorsorge für Handwerksbetriebe an.", true},
		{openline.English, "Alex offers a workplace pension made for small firms.", true},
		{openline.German, "Was Ihr Verbund den Betrieben bietet, ist ja schon eine Menge.", false},
		{openline.English, "So your network already provides training for its members.", false},
	}
	for _, tt := range tests {
		r := Trainee(tt.lang, tt.text, Context{Prospect: "Ja?"})
		if got := r.Has(openline.ActPitch); got != tt.pitch {
			t.Errorf("%q: pitch %v, want %v (acts %v)", tt.text, got, tt.pitch, r.Acts)
		}
	}
}

// TestArgumentsInOtherPeoplesName pins social proof as a pitch (pressure
// after a no), a yes/no question about the caller's own offer as a pitch
// even when it calls itself feedback, the speaker's own "feedback" as no
// request for theirs, and what would have to change for them to give in as
// pressure; and the talk in the same words that stays talk.
func TestArgumentsInOtherPeoplesName(t *testing.T) {
	de, en := openline.German, openline.English
	type want struct{ pitch, pressure, feedback bool }
	for _, tc := range []struct {
		lang     openline.Language
		text     string
		rejected bool
		want     want
	}{
		{en, "Most of my clients had the same worry, and they're all glad they switched.", false, want{pitch: true}},
		{de, "Die meisten meiner Kunden sagen am Anfang genau das.", false, want{pitch: true}},
		{en, "Nine out of ten networks your size have switched in the last year.", false, want{pitch: true}},
		{de, "Neun von zehn Betrieben Ihrer Größe haben schon umgestellt.", false, want{pitch: true}},
		{en, "Most of the networks I work with said exactly that at first.", true, want{pressure: true}},
		{de, "Das sagen uns alle unsere Kunden.", true, want{pressure: true}},
		// The fear of being the last one pushes before any no (a bandwagon).
		{en, "I'd hate for you to be the last one in the Midlands.", false, want{pressure: true}},
		{de, "Sie wollen ja nicht der Letzte in der Region sein.", false, want{pressure: true}},
		// The last one that is not the listener is no fear (hand-played
		// in stop 22 after "Our last senior hire was a disaster").
		{en, "What happened with the last one?", false, want{}},
		{en, "Most of your staff are over fifty, then.", false, want{}},
		{de, "Die meisten Ihrer Leute sind also über fünfzig.", false, want{}},
		{de, "Darf ich Sie um ein ehrliches Feedback bitten: Haben Sie gesehen, dass unser Angebot auch für kleine Betriebe funktioniert?", true, want{pressure: true}},
		{en, "Can I ask for your honest feedback: did you see that our plan works for small firms too?", true, want{pressure: true}},
		{de, "Was hat Sie an unserem Angebot nicht überzeugt?", true, want{feedback: true}},
		{en, "What didn't work for you about our offer?", true, want{feedback: true}},
		{de, "Mein Feedback an Sie wäre: Ein Steuerberater kann das nicht.", false, want{}},
		{en, "My honest feedback would be that your adviser can't do this.", false, want{}},
		{de, "Was müsste unser Angebot noch haben, damit Sie es empfehlen?", true, want{pressure: true}},
	} {
		r := Trainee(tc.lang, tc.text, Context{Rejected: tc.rejected, Prospect: "Das ist nichts für uns."})
		got := want{r.Has(openline.ActPitch), r.Has(openline.ActPressure), r.Has(openline.ActFeedbackRequest)}
		if tc.rejected {
			got.pitch = false // after a no a re-pitch is pressure, with or without its pitch
		}
		if got != tc.want {
			t.Errorf("%q (after a no: %t): pitch, pressure, feedback = %+v, want %+v (acts %v)", tc.text, tc.rejected, got, tc.want, r.Acts)
		}
	}
}

// TestOwnSideIsNoReflection checks that a statement with the caller's side
// as its subject explains the caller, even when it shares the prospect's
// words after "also"/"so"; the same lead with the listener as subject
// still reflects. And that forbidding the sale is a no.
func TestOwnSideIsNoReflection(t *testing.T) {
	de, en := openline.German, openline.English
	for _, tc := range []struct {
		lang           openline.Language
		prospect, text string
		reflect        bool
	}{
		{de, "Sie rufen mich jeden zweiten Tag an, wegen irgendeinem Stromvertrag.", "Also, wir rufen im Auftrag des Energieversorgers an.", false},
		{en, "You call me every other day about some power contract.", "So we call on behalf of the energy supplier.", false},
		{de, "Sie rufen mich jeden zweiten Tag an, wegen irgendeinem Stromvertrag.", "Also Sie werden jeden zweiten Tag angerufen.", true},
		{en, "You call me every other day about some power contract.", "So you get a call every other day.", true},
	} {
		r := Trainee(tc.lang, tc.text, Context{Prospect: tc.prospect})
		if got := r.Has(openline.ActReflection); got != tc.reflect {
			t.Errorf("%q after %q: reflection %t, want %t (acts %v)", tc.text, tc.prospect, got, tc.reflect, r.Acts)
		}
	}
	for _, tc := range []struct {
		lang openline.Language
		text string
	}{{en, "Don't try to sell me anything. Just send someone."}, {de, "Verkaufen Sie mir nichts, schicken Sie einfach jemanden."}} {
		if !Prospect(tc.lang, tc.text).Has(openline.ActRejection) {
			t.Errorf("%q: forbidding the sale is no rejection", tc.text)
		}
	}
}
