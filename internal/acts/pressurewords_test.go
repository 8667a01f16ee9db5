package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestPressureWordsInTheirSense pins pressure words that press only in one
// sense: "no excuse" aimed at the listener's not acting presses, owning
// one's own fault ("There's no excuse for that") does not; a deadline on
// the offer or the decision presses, the prospect's own deadline asked
// about does not; a pressing word taken back by "without"/"ohne" relieves;
// asking whether they really want to risk a loss is loss framing; a
// negated last chance, advice to say so when it does not suit them and
// advice not to stand alone with it take pressure off.
func TestPressureWordsInTheirSense(t *testing.T) {
	de, en := openline.German, openline.English
	for _, tc := range []struct {
		lang           openline.Language
		prospect, text string
		pressure       bool
	}{
		// Owning one's own fault (f5-daniels-heard).
		{en, "Tuesday the 4th and Friday the 14th, both at eight. I was standing in the boiler room like an idiot.", "Thank you. I can see both bookings, and I can see nobody rang you to cancel. There's no excuse for that.", false},
		{en, "You missed it twice!", "We sent nobody and told you nothing, and there's no excuse for it.", false},
		{de, "Ihr Techniker war zweimal nicht da!", "Es hat Sie niemand angerufen. Dafür gibt es keine Ausrede.", false},
		{en, "I'm not sure.", "Honestly, you have no excuse not to try it.", true},
		{en, "I'm not sure.", "There's no excuse for waiting any longer.", true},
		{de, "Ich weiß nicht.", "Jetzt haben Sie keine Ausrede mehr, es nicht zu probieren.", true},
		// The prospect's own deadline (f5-nair-no-vans).
		{en, "Van tracking? I'm on a deadline, but – we don't have any vans.", "With a deadline on, how's business treating you?", false},
		{en, "Hello, sorry, I'm in the middle of something.", "Sounds like you've got a deadline on – what are you working on today?", false},
		{en, "I have to finish this report.", "Are you on a deadline today?", false},
		{de, "Ich muss das heute noch abgeben.", "Mit der Frist im Nacken, wie läuft das Geschäft gerade?", false},
		{en, "Hmm.", "The offer has a deadline on Friday.", true},
		{en, "Hmm.", "There's a deadline on this offer, so sign today.", true},
		{de, "Hmm.", "Das Angebot hat eine Frist bis Freitag.", true},
		// Signing taken off them (f5-wegener-garage-tochter).
		{de, "Seit Jahren. Aber es fehlt die Zeit, und jemand, dem ich trau.", "Ich frage Herrn Brandt, ob er sich den Vertrag einfach mal mit Frau Sommer zusammen anschaut, ohne dass Sie gleich irgendwas unterschreiben.", false},
		{en, "For years.", "I'll ask Mr Brandt to go through the contract with you, without you having to sign anything today.", false},
		{de, "Hmm.", "Unterschreiben Sie heute noch, dann sichern Sie sich den Rabatt.", true},
		// Loss put as a risk they would choose.
		{de, "Wir haben gute Leute.", "Wollen Sie wirklich riskieren, dass Ihre besten Schweißer zur Konkurrenz gehen?", true},
		{de, "Wir haben gute Leute.", "Wollen Sie das wirklich riskieren?", true},
		{en, "We have good people.", "Do you really want to risk your best welders going to a competitor?", true},
		{en, "We have good people.", "Are you really willing to risk losing them to a competitor?", true},
		{en, "We have good people.", "What risks do you see if one of them leaves?", false},
		{de, "Wir haben gute Leute.", "Welche Risiken sehen Sie, wenn einer geht?", false},
		{de, "Wir haben gute Leute.", "Was wollen Sie in diesem Jahr wirklich erreichen?", false},
		// Pressure words turned away from the listener (relief.go): a last
		// chance negated, advice to say no on their own condition or not to
		// carry a burden, embarrassment about oneself. Written for issue 8.
		{en, "It's a busy week.", "And this isn't your last chance at anything, so no need to decide.", false},
		{en, "It's a busy week.", "This is your last chance, not mine.", true},
		{en, "It's a busy week.", "Act now, it's your last chance.", true},
		{en, "It's a busy week.", "If you don't sign now, this was your last chance.", true},
		{de, "Viel los gerade.", "Kein Zeitdruck, und das ist nicht Ihre letzte Chance.", false},
		{de, "Viel los gerade.", "Das ist Ihre letzte Chance.", true},
		{en, "I've got about a minute.", "A minute is fine – if it's a bad time you should just say so and I'll go.", false},
		{de, "Ich hab kaum Zeit.", "Wenn es gerade nicht passt, sollten Sie einfach Bescheid sagen, dann lege ich auf.", false},
		{en, "I've got about a minute.", "You should just say yes and I'll book it.", true},
		{de, "Zwölf Jugendliche haben noch nichts.", "Sie sollten damit nicht allein dastehen.", false},
		{en, "Twelve of them still have nothing.", "You shouldn't have to carry that alone.", false},
		{de, "Ich überlege noch.", "Sie sollten nicht zu lange warten.", true},
		{de, "Da steht der falsche Termin.", "Oh, das ist mir peinlich, das korrigiere ich sofort.", false},
		{de, "Da steht der falsche Termin.", "Das ist wirklich peinlich von Ihnen.", true},
	} {
		r := Trainee(tc.lang, tc.text, Context{Prospect: tc.prospect})
		if got := r.Has(openline.ActPressure); got != tc.pressure {
			t.Errorf("%q: pressure %v, want %v (acts %v)", tc.text, got, tc.pressure, r.Acts)
		}
	}
}
