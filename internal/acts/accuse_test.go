package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// The reading hears an accusation, an urging imperative and a pressed tag
// question by their structure, in words no list names; a condition, an
// apology, a polite request and small talk with a tag push nothing.
func TestPushesByStructure(t *testing.T) {
	for _, tc := range []struct {
		lang openline.Language
		text string
		want bool
	}{
		{openline.German, "Sie haben das doch bestimmt gar nicht richtig gelesen, oder?", true},
		{openline.German, "Das haben Sie sich nie genau angeschaut.", true},
		{openline.English, "Listen, every business needs this, you're just not seeing it.", true},
		{openline.English, "You people never get anything right, do you?", true},
		{openline.English, "You clearly didn't read my email.", true},
		{openline.German, "Sie könnten uns ruhig mal weiterempfehlen, finden Sie nicht?", true},
		{openline.English, "You should really think about it, don't you think?", true},
		{openline.German, "Falls Sie die Mail noch nicht gelesen haben, kein Problem.", false},
		{openline.German, "Entschuldigung, ich habe Sie nicht verstanden.", false},
		{openline.German, "Haben Sie keine richtige Software dafür?", false},
		{openline.English, "Sorry, you didn't get my email, I think?", false},
		{openline.English, "You don't get many calls like this, I bet.", false},
		{openline.German, "Schönes Wetter heute, finden Sie nicht?", false},
		{openline.German, "Was finden Sie nicht gut daran?", false},
		// a judgement of the listener: blame, a failure as plain, their
		// standing made small; praise and help in the same words are none
		{openline.German, "Herr B., ich glaube, Sie haben das Angebot gar nicht richtig gelesen.", true},
		{openline.English, "If you don't sort this today, that's on you.", true},
		{openline.English, "Turning this down is letting your members down.", true},
		{openline.English, "You clearly can't do it without us.", true},
		{openline.German, "Ohne Agentur kriegen Sie Ihre Stellen nie besetzt.", true},
		{openline.German, "Stellen Sie mich durch, Sie sind doch nur die Sekretärin.", true},
		{openline.German, "Ich brauche heute noch drei Namen von Ihnen, sonst verfällt der Rabatt.", true},
		{openline.German, "Wenn Sie heute buchen, gibt es zehn Prozent. Sagen Sie einfach Ja.", true},
		{openline.English, "Without your help we could never have done it.", false},
		{openline.German, "Ohne Sie hätten wir das nie geschafft.", false},
		{openline.English, "You're just the person I wanted to talk to.", false},
		{openline.German, "Sie sind ja nur ein paar Minuten entfernt.", false},
		{openline.English, "Is payroll on you or your accountant?", false},
		{openline.English, "You can't always plan for that without a system, I guess.", false},
		{openline.English, "You clearly know your trade.", false},
		{openline.German, "Ich rufe heute noch an, sonst vergesse ich es.", false},
		{openline.German, "Ich lasse Sie nicht im Stich.", false},
		{openline.English, "And it isn't even your fault.", false},
		{openline.German, "Das ist doch nicht Ihre Schuld.", false},
		{openline.English, "Frankly, you're just a middle manager, aren't you?", true},
		{openline.English, "Without a proper CRM you'll never grow, Tom.", true},
		{openline.German, "Das ist doch Ihr Problem, wenn Ihre Betriebe pleitegehen.", true},
		{openline.German, "Sie haben hier doch gar nichts zu sagen.", true},
		{openline.German, "Das wird Ihnen noch leidtun, Frau Albrecht.", true},
		{openline.English, "What's your problem with the current provider?", false},
		{openline.English, "You're just a few minutes away from us.", false},
		{openline.English, "Without a system you can't always keep track, I guess.", false},
		{openline.German, "Sie sind hier doch nur fürs Telefon zuständig.", true},
		{openline.German, "Mit Ihnen rede ich nicht, geben Sie mir den Chef.", true},
		{openline.German, "Das entscheiden doch nicht Sie, Frau Krüger.", true},
		{openline.English, "You clearly have no idea how hiring works.", true},
		{openline.English, "Your recruiting is a mess, mate.", true},
		{openline.English, "You're being really short-sighted here.", true},
		{openline.English, "It's hardly our fault if your caretaker wasn't there.", true},
		{openline.English, "Your office is in Derby, isn't it?", false},
		{openline.German, "Ihre Tour ist ja ganz schön lang.", false},
		{openline.German, "Sie sind nur für die Buchhaltung zuständig, oder auch für die Löhne?", false},
	} {
		if got := Trainee(tc.lang, tc.text, Context{}).Push.Any(); got != tc.want {
			t.Errorf("Trainee(%q).Push.Any() = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestDemandsInTheImperative(t *testing.T) {
	for _, tc := range []struct {
		lang openline.Language
		text string
		want bool
	}{
		{openline.German, "Jetzt zieren Sie sich nicht so. Verbinden Sie einfach.", true},
		{openline.German, "Geben Sie mir endlich seine Nummer!", true},
		{openline.English, "Just put me through, please.", true},
		{openline.German, "Verbinden Sie mich bitte mit Herrn Hartmann?", false},
		{openline.German, "Sagen Sie mal, wie läuft es denn jetzt bei Ihnen?", false},
		{openline.German, "Haben Sie jetzt einen Moment?", false},
		{openline.English, "Just to check, is Thursday still fine?", false},
	} {
		if got := Trainee(tc.lang, tc.text, Context{}).Push.Demand; got != tc.want {
			t.Errorf("Trainee(%q).Push.Demand = %v, want %v", tc.text, got, tc.want)
		}
	}
}
