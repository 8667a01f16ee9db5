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
		checkPressure(t, tc.lang, Context{Prospect: tc.prospect}, tc.text, tc.pressure)
	}
}

// checkPressure checks whether the trainee's text, said in ctx, is read
// as pressure.
func checkPressure(t *testing.T, lang openline.Language, ctx Context, text string, want bool) {
	t.Helper()
	r := Trainee(lang, text, ctx)
	if got := r.Has(openline.ActPressure); got != want {
		t.Errorf("%q after %q: pressure %v, want %v (acts %v)", text, ctx.Prospect, got, want, r.Acts)
	}
}

// TestPursuingAgainstTheirPosition pins what pressure is beneath its words
// (relief.go): right after the prospect pushed back, pursuing the caller's
// own step, putting agreement in their mouth, telling them who they are
// or holding them to their own words presses; the same sentence after a
// turn that did not push back, sending what they asked for and asking
// whether it suits them do not. A negative question for the step, a
// thought experiment of their loss and a favour called in press anywhere.
// Written for issue 8, not taken from a corpus.
func TestPursuingAgainstTheirPosition(t *testing.T) {
	de, en := openline.German, openline.English
	for _, tc := range []struct {
		lang           openline.Language
		prospect, text string
		pressure       bool
	}{
		{en, "That's a bit much, love.", "So let's make sure: I'll put Alex in for Thursday and we'll get the paperwork started, yes?", true},
		{en, "Sounds good, tell me more.", "So I'll put Alex in for Thursday and we'll get the paperwork started, yes?", false},
		{de, "Das sehe ich anders.", "Ein Verkäufer würde Ihnen jetzt einen Termin aufdrängen – ich schlage nur einen vor.", true},
		{de, "Mit einer Tafel und meinem Kopf. Das reicht uns.", "Ich merke schon, Sie sind ein Macher, jemand, der nicht lange zögert.", true},
		{en, "No, thanks. We hire ourselves.", "But you said yourself that quality matters most.", true},
		{en, "Oh. I'd have to ask. That's a bit awkward.", "I'm sure she'll see it's only fair.", true},
		{en, "Send it to me, I'll have a look.", "I'll send you a short note today, no brochure.", false},
		{de, "Ich sitz grad im Auto, aber sagen Sie.", "Passt es grad, oder soll ich später nochmal anrufen?", false},
		{en, "We're not looking to change anything.", "Would it help if I sent you a one-pager, no obligation?", false},
		{de, "Ich denk da nicht in Gedankenspielen.", "Würden Sie dann nicht lieber diese Woche anfangen?", true},
		{en, "Hmm.", "Wouldn't you rather sign now and have it done?", true},
		{en, "Hmm.", "Wouldn't you rather talk to your team first?", false},
		{de, "Die Leute.", "Angenommen, Sie hätten heute die Chance gehabt und sie nicht genutzt – wie würde sich das in einem Jahr anfühlen?", true},
		{de, "Die Leute.", "Stellen Sie sich vor, Sie hätten mehr Zeit – was würden Sie damit machen?", false},
		{en, "Oh, you're a lifesaver.", "I'm sure you'll want to return the favour – could you get her to sign off the premium package?", true},
		{en, "Oh, you're a lifesaver.", "I'll need a yes by Friday to hold those two exhibitors for you.", true},
		{de, "Ich hab nicht gesagt, dass ich irgendwas einführe.", "Wäre der Erste des Monats oder eher das Quartal für Sie der bessere Start?", true},
		{en, "Hmm.", "Would you want to start with the team or the board?", true},
		{en, "We took it over from my dad.", "Did you start the business yourself or take it over?", false},
	} {
		checkPressure(t, tc.lang, Context{}.Heard(Prospect(tc.lang, tc.prospect), tc.prospect, false), tc.text, tc.pressure)
	}
}
