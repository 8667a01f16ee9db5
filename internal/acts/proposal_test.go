package acts

import (
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

func TestProposal(t *testing.T) {
	de, en := openline.German, openline.English
	for _, tc := range []struct {
		lang openline.Language
		text string
		kind string // "" for no proposal
	}{
		{en, "Would it help if I came by on Tuesday and we looked at it together?", StepMeeting},
		{en, "Would it help if we met for half an hour next week?", StepMeeting},
		{en, "How about a coffee next week?", StepMeeting},
		{en, "Shall I send you a short summary by email?", StepSendInfo},
		{en, "I'll call you back on Monday, then.", StepCallback},
		{en, "I'd love to invite you to our breakfast for owners next month.", StepInvitation},
		{en, "Do you know anyone who might find this useful?", StepReferral},
		{en, "Could I put you in touch with a colleague who places apprentices?", StepReferral},
		{en, "Would it be useful if I popped round on Friday?", StepMeeting},
		{en, "Would it be all right if I sent you the figures tonight?", StepSendInfo},
		{en, "Could I get a technician out to you on Monday?", StepMeeting},
		// Coming along to see their work, at a time not yet set.
		{en, "Could I shadow your front desk one morning, just to watch?", StepMeeting},
		{en, "Would it be alright if I nipped over one afternoon?", StepMeeting},
		{de, "Könnte ich mal einen Tag bei einem Ihrer Monteure mitfahren?", StepMeeting},
		{de, "Darf ich mich nach den Ferien noch einmal bei Ihnen melden?", StepCallback},
		{de, "Soll ich Ihnen ein paar Betriebe nennen, die Azubis suchen?", StepReferral},
		{en, "Shall I give you a few names of firms that take trainees?", StepReferral},
		{de, "Kennen Sie noch andere Betriebe, die das brauchen könnten?", StepReferral},
		{en, "Do you know any other schools in the trust with old boilers?", StepReferral},
		// Others known are a referral only when they are people or firms.
		{en, "Do you know other ways to cut the costs?", ""},
		{en, "Do you know any other tricks for the winter?", ""},
		{de, "Kennen Sie andere Möglichkeiten, die Kosten zu senken?", ""},
		{de, "Kennen Sie noch andere Wege?", ""},
		{en, "Do you know other owners who struggle with this?", StepReferral},
		{en, "Do you know of any others who might want a look?", StepReferral},
		{de, "Kennen Sie vielleicht andere Inhaber, denen es ähnlich geht?", StepReferral},
		{de, "Kennen Sie noch andere, die das brauchen könnten?", StepReferral},
		{en, "What do you make at your plant?", ""},
		{en, "We send our clients a newsletter every month.", ""}, // a plan of nobody's
		{en, "How are you today?", ""},
		{de, "Hätten Sie Lust, dass ich mal bei Ihnen vorbeikomme?", StepMeeting},
		{de, "Ich rufe Sie Montag zurück.", StepCallback},
		{de, "Soll ich Ihnen die Unterlagen per Mail schicken?", StepSendInfo},
		{de, "Darf ich Sie zu unserem Unternehmerfrühstück einladen?", StepInvitation},
		{de, "Kennen Sie jemanden, für den das passen könnte?", StepReferral},
		{de, "Würden Sie mir den Kontakt zu Herrn Kaya herstellen?", StepReferral},
		{en, "Could you put me in touch with Arun?", StepReferral},
		{de, "Wie wäre es mit einem kurzen Termin nächste Woche?", StepMeeting},
		{de, "Ich könnte mir vorstellen, dass das schwierig ist.", ""},
		{de, "Wie viele Mitarbeiter haben Sie?", ""},
		{de, "Wir schicken unseren Kunden jeden Monat Infos.", ""},
		// a plan put up for consent, a callback as "melden"
		{de, "Ich trage Sie aus und rufe Sie morgen kurz an – ist Ihnen das recht?", StepCallback},
		{de, "Soll ich mich nächste Woche noch mal melden?", StepCallback},
		{en, "I'll ring you on Friday to check it worked – is that alright?", StepCallback},
		{de, "Ist das okay, wenn ich Ihnen ein paar Fragen stelle?", ""},
		{de, "", ""},
	} {
		kind, ok := Proposal(tc.lang, tc.text)
		if ok != (tc.kind != "") || kind != tc.kind {
			t.Errorf("Proposal(%s, %q) = %q, %t; want %q", tc.lang, tc.text, kind, ok, tc.kind)
		}
	}
	if _, ok := Proposal("fr", "Shall I send you a summary?"); ok {
		t.Error("an unknown language proposes nothing")
	}
}

func TestConfirms(t *testing.T) {
	de, en := openline.German, openline.English
	for _, tc := range []struct {
		lang openline.Language
		text string
		want bool
	}{
		{de, "Prima, dann Dienstag um zehn bei Ihnen.", true},
		{de, "Abgemacht!", true},
		{de, "Und wie viele Leute arbeiten bei Ihnen?", false},
		{en, "Perfect, see you on Tuesday.", true},
		{en, "Great, I'll send it tonight.", true},
		{en, "What about your competitors?", false},
		{en, "Great " + longWords(30), false},
	} {
		if got := Confirms(tc.lang, tc.text); got != tc.want {
			t.Errorf("Confirms(%s, %q) = %t, want %t", tc.lang, tc.text, got, tc.want)
		}
	}
}

func longWords(n int) string {
	s := ""
	for range n {
		s += "word "
	}
	return s
}

func TestPushes(t *testing.T) {
	de, en := openline.German, openline.English
	for _, tc := range []struct {
		lang openline.Language
		text string
		want Push
	}{
		{de, "Sie haben doch keine Ahnung von Ihrem eigenen Betrieb.", Push{Insult: true}},
		{de, "Das ist Ihre letzte Chance, das Angebot gilt nur heute.", Push{Ultimatum: true}},
		{de, "Warum sagen Sie nicht einfach Ja?", Push{Question: true}},
		{de, "Passt Ihnen Dienstag oder Mittwoch besser?", Push{Question: true}},
		{de, "Ja, aber das stimmt so nicht.", Push{YesBut: true}},
		{de, "Darf ich fragen, was genau nicht passt?", Push{}},
		{de, "Wie geht es Ihrem Team damit?", Push{}},
		{en, "You're clueless about your own numbers.", Push{Insult: true}},
		{en, "Take it or leave it.", Push{Ultimatum: true}},
		{en, "Can you afford to wait another year?", Push{Question: true}},
		{en, "Yeah, but you haven't seen our prices.", Push{YesBut: true}},
		{en, "What would help you most right now?", Push{}},
		// A phrase list is matched without fillers: a push that lives in
		// its filler ("Sie wollen doch …", a leading question, read by
		// disguise.go) must not be in one, or "Wenn Sie möchten" pushes.
		{de, "Wenn Sie möchten, rufe ich Sie nächste Woche an.", Push{}},
		{en, "If you want, I can call you next week.", Push{}},
		{en, "", Push{}},
	} {
		r := Trainee(tc.lang, tc.text, Context{})
		if got := r.Push; got != tc.want {
			t.Errorf("Trainee(%s, %q).Push = %+v, want %+v", tc.lang, tc.text, got, tc.want)
		}
		if got := r.Has(openline.ActPressure); got != tc.want.Presses() && !got {
			t.Errorf("Trainee(%s, %q) pressure %t, its push %+v presses", tc.lang, tc.text, got, tc.want)
		}
	}
}

func FuzzProposalPushes(f *testing.F) {
	for _, s := range []string{"Ich rufe Sie Montag zurück.", "", "\xff", "Ja, aber"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range []openline.Language{openline.German, openline.English} {
			if kind, ok := Proposal(lang, s); ok == (kind == "") {
				t.Fatalf("Proposal(%q) = %q, %t", s, kind, ok)
			}
			Trainee(lang, s, Context{})
			Confirms(lang, s)
		}
	})
}

func TestPushQuestionsIgnoreFillers(t *testing.T) {
	for _, s := range []string{"Was haben Sie denn zu verlieren?", "Können Sie es sich wirklich leisten, weiter zu warten?", "Warum sagen Sie denn nicht einfach Ja?"} {
		if !Trainee(openline.German, s, Context{}).Push.Question {
			t.Errorf("Trainee(%q).Push.Question = false, want true", s)
		}
	}
	if Trainee(openline.German, "Was würden Sie denn verlieren, wenn Frau Seidel geht?", Context{}).Push.Question {
		t.Error("a real question is no push")
	}
}

// TestStepKindInTheOtherLanguage: English slipping into a German call
// still names its step, and a call's own words come first.
func TestStepKindInTheOtherLanguage(t *testing.T) {
	for _, c := range []struct {
		lang openline.Language
		text string
		want string
	}{
		{openline.German, "Shall I just send you the details?", StepSendInfo},
		{openline.German, "Could I call you back on Monday?", StepCallback},
		{openline.English, "Kann ich Ihnen die Unterlagen schicken?", StepSendInfo},
		{openline.German, "Darf ich Sie zu unserem Stammtisch einladen?", StepInvitation},
		{openline.English, "How are things going?", ""},
		// Sending a person out is a visit, not a referral (written for
		// this test).
		{openline.English, "Just send someone who turns up.", StepMeeting},
		{openline.English, "Can I send an engineer out to you tomorrow?", StepMeeting},
		{openline.German, "Schicken Sie einfach jemanden, der auch kommt.", StepMeeting},
		{openline.German, "Ich schicke Ihnen morgen unseren Techniker vorbei.", StepMeeting},
		{openline.English, "Do you know someone who might want this?", StepReferral},
		{openline.German, "Kennen Sie jemanden, für den das passt?", StepReferral},
	} {
		if got := StepKind(c.lang, c.text); got != c.want {
			t.Errorf("StepKind(%s, %q) = %q, want %q", c.lang, c.text, got, c.want)
		}
	}
}

func TestOffers(t *testing.T) {
	for _, tc := range []struct {
		lang openline.Language
		text string
		want bool
	}{
		{openline.English, "Would it help if I rang Mrs Okafor myself to apologise?", true},
		{openline.German, "Soll ich Ihnen das schriftlich bestätigen?", true},
		{openline.English, "How do you spell Mrs Okafor's name?", false},
		{openline.German, "Wer ist bei Ihnen für Personal zuständig?", false},
	} {
		if got := Offers(tc.lang, tc.text); got != tc.want {
			t.Errorf("Offers(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// The kind comes from the sentence that proposes, not from a word of the
// sentence before it.
func TestProposalKindOfTheProposingSentence(t *testing.T) {
	for _, c := range []struct {
		lang openline.Language
		text string
		want string
	}{
		{openline.English, "So it's more about someone taking them seriously. Shall I send you the corrected email this afternoon?", StepSendInfo},
		{openline.English, "Do you know anyone who might need this?", StepReferral},
		{openline.German, "Sie brauchen also jemanden, der zuhört. Soll ich Ihnen die Unterlagen schicken?", StepSendInfo},
	} {
		if got, ok := Proposal(c.lang, c.text); !ok || got != c.want {
			t.Errorf("Proposal(%q) = %q, %v; want %q", c.text, got, ok, c.want)
		}
	}
}

// Offering a place or a hand of one's own is an offer; imagining is none.
func TestOffersOwnHelp(t *testing.T) {
	for text, want := range map[string]bool{
		"Wir könnten auch selbst einen Ihrer Jugendlichen als Praktikanten nehmen.": true,
		"Ich könnte Ihnen einen Praktikumsplatz bei uns anbieten.":                  true,
		"We'd be happy to take one of your students for a week.":                    true,
		"Ich könnte mir vorstellen, dass das schwierig ist.":                        false,
	} {
		lang := openline.German
		if strings.HasPrefix(text, "We") {
			lang = openline.English
		}
		if got := Offers(lang, text); got != want {
			t.Errorf("Offers(%q) = %v, want %v", text, got, want)
		}
	}
}
