package acts

import (
	"reflect"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

// call builds a transcript from alternating lines, the prospect first when
// prospectFirst.
func call(lang openline.Language, prospectFirst bool, lines ...string) openline.Transcript {
	tr := openline.Transcript{Language: lang}
	sp := openline.Trainee
	if prospectFirst {
		sp = openline.Prospect
	}
	for _, l := range lines {
		tr.Turns = append(tr.Turns, openline.Turn{Speaker: sp, Text: l})
		if sp == openline.Trainee {
			sp = openline.Prospect
		} else {
			sp = openline.Trainee
		}
	}
	return tr
}

func TestReadUptake(t *testing.T) {
	tests := []struct {
		name     string
		lang     openline.Language
		prospect string
		trainee  string
		want     Uptake
	}{
		{"follow-up", openline.German, "Uns fehlen seit Monaten die Fachkräfte.", "Wie wirkt sich das auf Ihr Team aus?", UptakeTakesUp},
		{"reflection", openline.English, "Honestly we just can't find staff at the moment.", "So finding people is the hard part right now.", UptakeTakesUp},
		{"checklist question", openline.English, "Honestly we just can't find staff at the moment.", "How many locations do you have?", UptakeMovesOn},
		{"yes, but argues against the objection: taken up, not well", openline.German, "Wir haben schon einen Anbieter, danke.", "Verstehe, aber unser Angebot ist deutlich günstiger.", UptakeTakesUp},
		{"a bare marker, then the checklist", openline.German, "Zwei meiner besten Schweißer sind zu einem Großbetrieb gegangen, das hat richtig wehgetan.", "Okay. Wie viele Mitarbeiter haben Sie insgesamt?", UptakeMovesOn},
		{"answering the prospect's question", openline.English, "Who is this?", "It's Sam from Northwind.", UptakeTakesUp},
		{"a pitch answering the question", openline.English, "What's it about?", "Our software cuts your admin time in half and we have a special deal.", UptakeTakesUp},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd := Read(call(tt.lang, true, "Hallo?", "Guten Tag.", tt.prospect, tt.trainee), nil)
			if got := rd.Turns[3].Uptake; got != tt.want {
				t.Errorf("uptake of %q after %q = %q, want %q", tt.trainee, tt.prospect, got, tt.want)
			}
		})
	}
}

func TestReadPurpose(t *testing.T) {
	tests := []struct {
		lang openline.Language
		text string
		want Purpose
	}{
		{openline.English, "What would it take for you to sign today?", PurposePressure},
		{openline.English, "How much money are you losing every day you wait?", PurposePressure},
		{openline.German, "Was müsste passieren, damit Sie heute unterschreiben?", PurposePressure},
		{openline.German, "Wie viel Geld verlieren Sie jeden Tag, den Sie warten?", PurposePressure},
		{openline.German, "Was beschäftigt Sie im Moment am meisten?", PurposeDiscovery},
		{openline.English, "How many people work there?", PurposeFactual},
	}
	for _, tt := range tests {
		rd := Read(call(tt.lang, false, tt.text), nil)
		q := rd.Turns[0].Questions
		if len(q) != 1 || q[0].Purpose != tt.want {
			t.Errorf("%q: questions %+v, want one for %q", tt.text, q, tt.want)
		}
	}
	// Asking for the moment belongs to the opening and asks nothing about
	// the person: no question, but it hands the word over.
	for _, tt := range []struct {
		lang openline.Language
		text string
	}{{openline.English, "Is now a good time?"}, {openline.German, "passts grad?"}, {openline.German, "hätten sie kurz zeit"}} {
		rd := Read(call(tt.lang, false, tt.text), nil)
		if q := rd.Turns[0].Questions; len(q) != 0 || !rd.Turns[0].Has(openline.ActPermission) || !rd.Turns[0].AsksBack {
			t.Errorf("%q: acts %v, questions %+v, asks back %v: want permission, no question, asking back", tt.text, rd.Turns[0].Acts, q, rd.Turns[0].AsksBack)
		}
	}
	// Booking the step closes once the prospect showed interest; before
	// that it pushes (unmask).
	text := "Sollen wir einen Termin ausmachen?"
	for prospect, want := range map[string]Purpose{"Das klingt interessant, erzählen Sie mehr.": PurposeClosing, "Hm. Und weiter?": PurposePressure} {
		rd := Read(call(openline.German, true, prospect, text), nil)
		if q := rd.Turns[1].Questions; len(q) != 1 || q[0].Purpose != want {
			t.Errorf("%q after %q: questions %+v, want one for %q (prospect acts %v)", text, prospect, q, want, rd.Turns[0].Acts)
		}
	}
}

func TestReadYesBut(t *testing.T) {
	tests := []struct {
		lang openline.Language
		text string
		want bool
	}{
		{openline.German, "Verstehe, aber unser Angebot ist deutlich günstiger.", true},
		{openline.English, "I understand. But our solution is much better than theirs.", true},
		{openline.English, "I understand, but that's not true, we're cheaper.", true},
		{openline.English, "I understand. What made you choose them?", false},
		{openline.German, "Verstehe. Was ist Ihnen dabei wichtig?", false},
		{openline.German, "Schade, aber das respektiere ich.", false},
		// An acknowledgement made the reason for one's own case.
		{openline.German, "Das verstehe ich total. Genau deshalb ist unsere App die einfachste am Markt.", true},
		{openline.German, "Da haben Sie völlig recht, darum kostet unsere nur vier Euro pro Mitarbeiter.", true},
		{openline.English, "I totally get that. That's exactly why our app is the simplest on the market.", true},
		// One sentence of what the caller does before a question about
		// them is no "but"; before a step of one's own it is.
		{openline.English, "Thank you. We run a breakfast for local business owners once a month. Before I say more, what does your business do?", false},
		{openline.English, "I understand. Our solution is much better. Shall we book a demo?", true},
		// Agreeing that it does not fit.
		{openline.German, "Ach so. Dann passt das für Sie wirklich nicht, danke, dass Sie's gleich sagen.", false},
		// An intensified acknowledgement, and a reflection, before the pitch.
		{openline.English, "I totally hear you. Our premium plan does include guaranteed slots.", true},
		{openline.English, "I totally hear you, that sounds so frustrating. Have you considered upgrading to our premium plan?", true},
		{openline.English, "I totally hear you. When did it first happen?", false},
	}
	for _, tt := range tests {
		rd := Read(call(tt.lang, true, "We already have a provider, thanks.", tt.text), nil)
		got := rd.Turns[1]
		if got.YesBut != tt.want {
			t.Errorf("%q: yes-but %v, want %v (acts %v)", tt.text, got.YesBut, tt.want, got.Acts)
		}
		if tt.want && got.Has(openline.ActAcknowledgement) {
			t.Errorf("%q: a yes-but keeps its acknowledgement", tt.text)
		}
	}
}

// TestReadGoAhead: a go-ahead hands the word over and gives nothing to
// take up; a short answer with more in it does.
func TestReadGoAhead(t *testing.T) {
	for prospect, want := range map[string]Uptake{
		"Yes, go ahead.":         UptakeNone,
		"Ja, gerne.":             UptakeNone,
		"No, not interested.":    UptakeTakesUp,
		"Okay, what's it about?": UptakeTakesUp,
	} {
		rd := Read(call(openline.English, true, "Patel.", "Hello Mr Patel, Sarah Jones here. Have you got a moment?", prospect, "Thank you. We run a breakfast for local business owners. What does your business do?"), nil)
		if got := rd.Turns[3].Uptake; got != want {
			t.Errorf("after %q: uptake %q, want %q", prospect, got, want)
		}
	}
}

// TestReadInsistingAfterNo: after a no, closing on a day for the step just
// declined insists; after interest it proposes; a trainee's promise to act
// now for them, or telling them they need not apologise, is no pressure.
func TestReadInsistingAfterNo(t *testing.T) {
	tests := []struct {
		prospect, trainee string
		pressure          bool
	}{
		{"Kein Interesse, wirklich nicht.", "Kann ich gut nachvollziehen. Am besten zeige ich Ihnen das einfach, passt Ihnen Dienstag?", true},
		{"Das klingt interessant, erzählen Sie mehr.", "Gern. Passt Ihnen Dienstag für einen Termin?", false},
		{"Ihre Leute haben mich dreimal angerufen!", "Das tut mir leid. Ich nehme Ihre Nummer jetzt sofort aus allen Listen.", false},
		{"Entschuldigung, dass ich so laut war.", "Das müssen Sie nicht entschuldigen.", false},
		{"Ich weiß nicht.", "Sie müssen jetzt sofort unterschreiben.", true},
	}
	for _, tt := range tests {
		rd := Read(call(openline.German, true, tt.prospect, tt.trainee), nil)
		if got := rd.Turns[1].Has(openline.ActPressure); got != tt.pressure {
			t.Errorf("%q after %q: pressure %v, want %v (acts %v)", tt.trainee, tt.prospect, got, tt.pressure, rd.Turns[1].Acts)
		}
	}
}

// TestReadPlainRefusal: a plain "No." declines the step, offer or pitch
// just put to the prospect; to a factual question it only answers, and a
// content "no" declines nothing. A no made firmer or shouted, a demand to
// be taken off the list and hanging up on a push are refusals too.
func TestReadPlainRefusal(t *testing.T) {
	tests := []struct {
		lang              openline.Language
		trainee, prospect string
		rejection         bool
	}{
		{openline.English, "Could we set up a quick demo?", "No. Goodbye.", true},
		{openline.German, "Hätten Sie Interesse an einem kurzen Termin?", "Gar nichts. Danke.", true},
		{openline.German, "Darf ich Ihnen unsere Unterlagen schicken?", "Nein. Wiederhören.", true},
		{openline.English, "Would you be open to a thirty-minute demo next week?", "Not really, no. Send me an email if you must.", true},
		{openline.English, "Do you have any apprentices at the moment?", "No, not at the moment.", false},
		{openline.German, "Gibt es sonst noch etwas, womit ich Ihnen helfen kann?", "Nein, das war schon sehr hilfreich. Danke!", false},
		// A no made firmer is a no, whatever it is firmer with.
		{openline.German, "Soll ich Ihnen die Unterlagen einfach mal schicken?", "Nee, echt nicht.", true},
		{openline.English, "Our plan covers all your sites for one monthly fee.", "Absolutely not, thanks.", true},
		{openline.English, "Our plan covers all your sites for one monthly fee.", "No, honestly not.", true},
		{openline.English, "Do you have any apprentices at the moment?", "No, really not.", false},
		// Shouted, it refuses whatever came before.
		{openline.German, "Darf ich Ihnen kurz unser Angebot vorstellen?", "Nein! Sind Sie taub?", true},
		// Off the list, in any words.
		{openline.German, "Darf ich Ihnen kurz unser Angebot vorstellen?", "Nehmen Sie mich bitte aus Ihrer Liste.", true},
		{openline.English, "Can I tell you about our bundle?", "Please take my number off your list.", true},
		{openline.English, "Can I tell you about our bundle?", "Look, that's a no from me.", true},
		{openline.English, "Can I tell you about our bundle?", "Honestly, it's a clear no from us.", true},
		{openline.English, "Can I tell you about our bundle?", "Sorry, we don't take sales calls.", true},
		{openline.German, "Darf ich Ihnen kurz unser Angebot vorstellen?", "Wir arbeiten nicht mehr mit solchen Agenturen.", true},
		{openline.German, "Darf ich Ihnen kurz unser Angebot vorstellen?", "Wir nehmen grundsätzlich keine solchen Anrufe an.", true},
		// Ending the call in reply to a push says no to it; after an
		// apology it only ends the call.
		{openline.German, "Sie sollten sich das wirklich noch mal überlegen.", "Das entscheide ich schon selbst. Wiederhören.", true},
		{openline.German, "Tja, da kann ich leider nichts machen.", "Na toll. Wiederhören.", false},
	}
	for _, tt := range tests {
		rd := Read(call(tt.lang, false, tt.trainee, tt.prospect), nil)
		if rd.Turns[1].Has(openline.ActRejection) && rd.Turns[1].Has(openline.ActReveal) {
			t.Errorf("%q after %q: a no read as a reveal too (acts %v)", tt.prospect, tt.trainee, rd.Turns[1].Acts)
		}
		if got := rd.Turns[1].Has(openline.ActRejection); got != tt.rejection {
			t.Errorf("%q after %q: rejection %v, want %v (acts %v, trainee %v)", tt.prospect, tt.trainee, got, tt.rejection, rd.Turns[1].Acts, rd.Turns[0].Acts)
		}
	}
}

// TestReadYesWithConditions: a yes to the step just proposed that says
// how to arrange it ("Email me a time") agrees; a yes that argues, or
// the same words without a proposal before them, does not.
func TestReadYesWithConditions(t *testing.T) {
	tests := []struct {
		lang              openline.Language
		trainee, prospect string
		interest, objects bool
	}{
		{openline.English, "Would it help if I came by for half an hour next week?", "Alright, a demo. But on a phone, not a laptop, and twenty minutes max. Email me a time.", true, false},
		{openline.German, "Soll ich Ihnen die Einladung zum Unternehmerfrühstück schicken?", "Ja, gern. Schicken Sie mir das per Mail.", true, false},
		{openline.English, "Would it help if I came by for half an hour next week?", "Okay. But honestly, we already have a provider we're happy with.", false, true},
		{openline.English, "How do you plan your reps' week?", "Fine. Just email me something.", false, true},
		// Asked to send something, asking for it is the yes, with its
		// conditions; unasked it puts the caller off, and a no stays one.
		{openline.German, "Darf ich Ihnen eine kurze Übersicht schicken, wie andere Betriebe das lösen, ganz unverbindlich?", "Schicken Sie mir was, zwei Seiten, nicht mehr.", true, false},
		{openline.German, "Soll ich Ihnen etwas zuschicken?", "Schicken Sie mir die Unterlagen, aber bitte kurz.", true, false},
		{openline.English, "Would it be useful if I sent you a one-page note?", "Send me something, one page, no more.", true, false},
		{openline.English, "Hi, I'm calling about our pension scheme for small firms.", "Just send me something, I'm busy.", false, true},
		{openline.German, "Wir haben ein neues Vorsorgemodell für Handwerksbetriebe.", "Schicken Sie mir was.", false, true},
	}
	for _, tt := range tests {
		rd := Read(call(tt.lang, false, tt.trainee, tt.prospect), nil)
		p := rd.Turns[1]
		if p.Has(openline.ActInterest) != tt.interest || p.Has(openline.ActObjection) != tt.objects {
			t.Errorf("%q after %q: acts %v, want interest %v objection %v", tt.prospect, tt.trainee, p.Acts, tt.interest, tt.objects)
		}
	}
}

func TestReadNeeds(t *testing.T) {
	sc := &openline.Scenario{Needs: []openline.Need{{
		ID: "staff", Fact: "The firm cannot find apprentices and skilled staff.",
		Reveal: []string{"Honestly, we can't find apprentices anymore, nobody wants to learn the trade."},
	}}}
	tests := []struct {
		name     string
		question string
		answer   string
		next     string
		earned   bool
		takenUp  bool
	}{
		{"earned by a relevant question and taken up", "How is it going with staff and apprentices?",
			"Honestly, we can't find apprentices anymore, nobody wants to learn the trade.", "So nobody wants to learn the trade anymore, that must hurt.", true, true},
		{"earned by a broad question, then ignored", "What's on your mind at the moment?",
			"Honestly, we can't find apprentices anymore, nobody wants to learn the trade.", "How many vans do you run?", true, false},
		{"volunteered after an unrelated question", "How many vans do you run?",
			"Four. Honestly, we can't find apprentices anymore, nobody wants to learn the trade.", "And who does your invoicing?", false, false},
		{"after pressure", "What would it take for you to sign today?",
			"Honestly, we can't find apprentices anymore, nobody wants to learn the trade.", "Tell me more.", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd := Read(call(openline.English, true, "Hello?", tt.question, tt.answer, tt.next), sc)
			if !slices.Equal(rd.Turns[2].Needs, []string{"staff"}) {
				t.Fatalf("needs revealed %v, want [staff]", rd.Turns[2].Needs)
			}
			if got := slices.Contains(rd.Turns[1].Earns, "staff"); got != tt.earned {
				t.Errorf("earned %v, want %v", got, tt.earned)
			}
			if got := rd.Turns[2].NeedTakenUp; got != tt.takenUp {
				t.Errorf("taken up %v, want %v", got, tt.takenUp)
			}
		})
	}
}

// A turn that tells a hidden need is the prospect opening up: the refusal
// words in its story ("forget it", "vergessen Sie's") are no no, and, in
// the answer to a question, no objection either but the reveal it is; the
// proposal after it insists on nothing (hand-played crm-software-en call).
func TestANeedToldIsNoNo(t *testing.T) {
	for _, tt := range []struct {
		lang                           openline.Language
		reveal, question, answer, next string
	}{
		{openline.English, "My lads are in the van all day, they're not going to type up notes at nine at night.",
			"What happened the last time you tried a system?",
			"We tried one in 2019. Nobody used it. My lads are in the van all day, they're not going to type up notes at nine at night. If it doesn't work on the phone in thirty seconds, forget it.",
			"Would it help if I came by on Thursday at ten and showed you a short demo on a phone?"},
		{openline.German, "Meine Leute sind den ganzen Tag im Auto und tippen abends keine Notizen.",
			"Was ist passiert, als Sie zuletzt ein System ausprobiert haben?",
			"Wir hatten 2019 eins. Keiner hat es benutzt. Meine Leute sind den ganzen Tag im Auto und tippen abends keine Notizen. Wenn es nicht in dreißig Sekunden auf dem Handy geht, vergessen Sie's.",
			"Hätten Sie Lust, dass ich Donnerstag um zehn vorbeikomme und es Ihnen kurz auf dem Handy zeige?"},
	} {
		t.Run(string(tt.lang), func(t *testing.T) {
			sc := &openline.Scenario{Language: tt.lang, Needs: []openline.Need{{ID: "admin", Fact: "The reps hate admin.", Reveal: []string{tt.reveal}}}}
			plain := Read(call(tt.lang, true, "Hello?", tt.question, tt.answer, tt.next), nil)
			if !plain.Turns[2].Has(openline.ActRejection) {
				t.Fatalf("without the need the answer reads as %v: the test needs it read as a no", plain.Turns[2].Acts)
			}
			rd := Read(call(tt.lang, true, "Hello?", tt.question, tt.answer, tt.next), sc)
			if !slices.Equal(rd.Turns[2].Needs, []string{"admin"}) {
				t.Fatalf("needs revealed %v, want [admin]", rd.Turns[2].Needs)
			}
			if rd.Turns[2].Has(openline.ActRejection) || rd.Turns[2].Has(openline.ActObjection) || !rd.Turns[2].Has(openline.ActReveal) {
				t.Errorf("the need told reads as %v, want a reveal, no rejection and no objection", rd.Turns[2].Acts)
			}
			if rd.Turns[3].Has(openline.ActPressure) || !rd.Turns[3].Has(openline.ActProposal) {
				t.Errorf("the proposal after it reads as %v, want a proposal and no pressure", rd.Turns[3].Acts)
			}
		})
	}
}

func TestReadSignals(t *testing.T) {
	rd := Read(call(openline.German, true,
		"Guten Tag, ich rufe wegen meiner Rechnung an.", "Ja, ich bin gerade beschäftigt, machen wir's kurz.",
		"Ich hab wenig Zeit, das sagten Sie schon."), nil)
	if !rd.Turns[0].Request {
		t.Error("the caller's request was not heard")
	}
	if !rd.Turns[1].NoTime {
		t.Error("the trainee's 'no time' was not heard")
	}
	if !rd.Turns[2].Hurried || !rd.Turns[2].Annoyed {
		t.Errorf("hurried %v annoyed %v, want both", rd.Turns[2].Hurried, rd.Turns[2].Annoyed)
	}
	rd = Read(call(openline.English, true, "The children are sitting in coats, do you understand that?"), nil)
	if !rd.Turns[0].Annoyed {
		t.Error("a rhetorical 'do you understand that?' was not heard as annoyance")
	}
}

// TestReadNoTimeOfSelf: the trainee's own lack of time, or a request to
// be quick, brushes the caller off; saying that the moment is no time for
// the trouble they have does not.
func TestReadNoTimeOfSelf(t *testing.T) {
	tests := []struct {
		lang    openline.Language
		trainee string
		noTime  bool
	}{
		{openline.German, "Oh je. Ich hab grad echt wenig Zeit, worum geht's?", true},
		{openline.German, "Verstehe. Bitte ganz kurz, um was geht es?", true},
		{openline.English, "Right, I'm in a bit of a rush, what's it about?", true},
		{openline.German, "Das glaube ich sofort, morgens ist wirklich keine Zeit für so ein Theater. Ich kümmere mich drum.", false},
		{openline.English, "Of course – half six is no time to be dealing with a power cut. Let me sort that now.", false},
	}
	for _, tt := range tests {
		rd := Read(call(tt.lang, true, "Ich rufe wegen meiner Rechnung an, die ist doppelt abgebucht worden.", tt.trainee), nil)
		if rd.Turns[1].NoTime != tt.noTime {
			t.Errorf("%q: NoTime %v, want %v", tt.trainee, rd.Turns[1].NoTime, tt.noTime)
		}
	}
}

func TestReadTyping(t *testing.T) {
	tests := []struct {
		lang openline.Language
		text string
		want []openline.Act
	}{
		{openline.German, "hier ist lukas von der netzwerk gmbh, passts grad?", []openline.Act{openline.ActIntroduction, openline.ActPermission}},
		{openline.German, "hallo, hier ist lukas, hast du kurz zeit?", []openline.Act{openline.ActGreeting, openline.ActIntroduction, openline.ActPermission}},
		{openline.English, "hi it's Hannah Clarke from Medisoft, is now a good time?", []openline.Act{openline.ActGreeting, openline.ActIntroduction, openline.ActPermission}},
		{openline.German, "Hätten Sie Intresse an einer kurzen Vorführung?", []openline.Act{openline.ActProposal}},
	}
	for _, tt := range tests {
		r := Read(call(tt.lang, false, tt.text), nil).Turns[0]
		for _, a := range tt.want {
			if !r.Has(a) {
				t.Errorf("%q: acts %v, want %s among them", tt.text, r.Acts, a)
			}
		}
	}
	if r := Read(call(openline.English, false, "We have a ninety-day replacement guarantee."), nil).Turns[0]; r.Has(openline.ActFarewell) {
		t.Errorf("a guarantee read as a farewell: %v", r.Acts)
	}
}

func FuzzRead(f *testing.F) {
	for _, s := range []string{"Guten Tag, Anna Keller hier.", "What would it take to sign today?", "\xff\xfe", "„kein Interesse“ – echt?", "passts grad"} {
		f.Add(s, s)
	}
	sc := &openline.Scenario{Needs: []openline.Need{{ID: "n", Fact: "Staff is short.", Reveal: []string{"We can't find staff."}, Topics: []string{"staff"}}}}
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, lang := range []openline.Language{openline.German, openline.English, ""} {
			rd := Read(call(lang, true, a, b, a, b), sc)
			if len(rd.Turns) != 4 {
				t.Fatalf("read %d turns of 4", len(rd.Turns))
			}
			for i, rt := range rd.Turns {
				text := []string{a, b}[i%2]
				for _, s := range rt.Sentences {
					if s.Start < 0 || s.End > len(text) || s.Start > s.End {
						t.Fatalf("turn %d: sentence span [%d,%d) outside the text", i, s.Start, s.End)
					}
				}
				for _, q := range rt.Questions {
					if q.Sentence >= len(rt.Sentences) {
						t.Fatalf("turn %d: question of sentence %d of %d", i, q.Sentence, len(rt.Sentences))
					}
				}
			}
		}
	})
}

// BenchmarkReadTurn reads one thirty-word trainee turn in its context
// through Read (the target is at most 50 µs a turn).
func BenchmarkReadTurn(b *testing.B) {
	tr := call(openline.German, true, "Ehrlich gesagt ist das nichts für uns, wir haben ganz andere Sorgen mit dem Nachwuchs.", benchTurn)
	b.ReportAllocs()
	cpu0 := cpuTime(b)
	for b.Loop() {
		Read(tr, nil)
	}
	// On a shared machine the wall clock measures the neighbours: the
	// process's CPU time (all threads, the garbage collector's included)
	// per read is the figure to hold to the target.
	if cpu := cpuTime(b) - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/op")
	}
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestEvades reads short prospect turns that make no point of their own
// (a don't-know, being called away), and ones that do.
func TestEvades(t *testing.T) {
	for _, c := range []struct {
		lang openline.Language
		text string
		want bool
	}{
		{openline.English, "I couldn't tell you offhand.", true},
		{openline.English, "Look, there's a delivery waiting for me.", true},
		{openline.German, "Das kann ich Ihnen aus dem Kopf nicht sagen.", true},
		{openline.German, "Hören Sie, da wartet eine Lieferung auf mich.", true},
		{openline.German, "Ich weiß nicht, ob das zu uns passt.", false},
		{openline.English, "I don't know, we lose two fitters every year and nobody can tell me why.", false},
		{openline.German, "Die finden keine Azubis mehr.", false},
	} {
		tr := openline.Transcript{Language: c.lang, Turns: []openline.Turn{
			{Speaker: openline.Trainee, Text: "Hallo, hier ist Anna Berg. Passt es gerade?"},
			{Speaker: openline.Prospect, Text: c.text},
		}}
		if got := Read(tr, nil).Turns[1].Evades; got != c.want {
			t.Errorf("%s %q: Evades %t, want %t", c.lang, c.text, got, c.want)
		}
	}
}

// TestFeelingForTheirTroubleIsNoSmallTalk: the words of the weather in a
// remark that feels for the caller's trouble ("the children must be
// freezing" to a school without heating) are no chat about the day; the
// same word in a remark on the day is.
func TestFeelingForTheirTroubleIsNoSmallTalk(t *testing.T) {
	complaint := "Yes, Daniels, St Aidan's Primary. Your engineer has missed our boiler service twice now. Twice!"
	for _, tt := range []struct {
		text  string
		small bool
	}{
		{"Oh no, I'm really sorry to hear that – the children must be freezing. Can you tell me what happened exactly?", false},
		{"Oh no, I'm really sorry to hear that – the children must be freezing.", false},
		{"Freezing out there today, isn't it?", true},
	} {
		ctx := Context{Prospect: complaint}
		if got := TraineeTurn(Trainee(openline.English, tt.text, ctx), tt.text, ctx).SmallTalk; got != tt.small {
			t.Errorf("%q after a complaint: small talk %v, want %v", tt.text, got, tt.small)
		}
	}
}

// TestReadCutOff: a prospect turn that breaks off with a dash after a word
// was cut off; a dash inside it or a trailing ellipsis is not.
func TestReadCutOff(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"I also wanted to mention—", true},
		{"Und der Name, Krause –", true},
		{"The date – it says the 12th.", false},
		{"Ich weiß nicht …", false},
		{"—", false},
	} {
		rd := Read(openline.Transcript{Language: openline.English, Turns: []openline.Turn{{Speaker: openline.Prospect, Text: tc.text}}}, nil)
		if got := rd.Turns[0].CutOff; got != tc.want {
			t.Errorf("%q: CutOff %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestReadPassingTheOneWhoAsked: asked what the call is about, asking to
// be put through or for the direct line without saying what it is about
// treats the one who asked as an obstacle (pressure); saying it first, or
// asking to be put through when nobody asked, does not.
func TestReadPassingTheOneWhoAsked(t *testing.T) {
	for _, tc := range []struct {
		lang             openline.Language
		prospect, answer string
		want             bool
	}{
		{openline.German, "Danke. Worum geht es denn?", "Sie sind wirklich ein Schatz. Sie können mich bestimmt kurz zu ihm durchstellen.", true},
		{openline.German, "Und worum geht's?", "Ach, ganz kurz nur. Stellen Sie mich einfach durch.", true},
		{openline.English, "What's this about?", "It's quick, honestly. Just put me through to him.", true},
		{openline.German, "Und worum geht's?", "Ach, ganz kurz nur. Wie ist denn seine Durchwahl?", true},
		{openline.German, "Ich stelle niemanden durch. Worum geht es?", "Geben Sie mir dann wenigstens seine Durchwahl.", true},
		{openline.English, "What's it regarding?", "Could you at least give me her extension?", true},
		// Asking for the direct line as a request she may refuse is one of fact.
		{openline.German, "Worum geht es, bitte?", "Könnten Sie mir seine Durchwahl geben?", false},
		{openline.German, "Worum geht es denn?", "Dürfte ich seine Durchwahl haben?", false},
		{openline.English, "What's it regarding?", "Could you give me her extension?", false},
		{openline.English, "May I ask what it's about?", "Would you mind giving me his direct line?", false},
		{openline.English, "May I ask what it's about?", "You sound lovely. Could you just connect me with her?", true},
		{openline.German, "Worum geht es denn?", "Es geht um die Betriebsrente für Ihre Fahrer. Könnten Sie mich mit Herrn Hartmann verbinden?", false},
		{openline.English, "What's it regarding?", "It's about the apprenticeship fair in May. Could you put me through to her?", false},
		{openline.German, "Spedition Hartmann, Krüger, guten Tag.", "Guten Tag, könnten Sie mich zu Herrn Hartmann durchstellen?", false},
	} {
		rd := Read(call(tc.lang, true, tc.prospect, tc.answer), nil)
		if got := rd.Turns[1].Has(openline.ActPressure); got != tc.want {
			t.Errorf("%q after %q: pressure %v, want %v (acts %v)", tc.answer, tc.prospect, got, tc.want, rd.Turns[1].Acts)
		}
	}
}

// TestPreparedNeedsAreSharedOnlyBySameNeeds: a scenario's needs are
// prepared as prepareNeeds prepares them, the second time (shared) as the
// first, and needs that differ in a reveal line, a detect phrase or an id
// (an edited draft) never get another's.
func TestPreparedNeedsAreSharedOnlyBySameNeeds(t *testing.T) {
	base := openline.Scenario{Needs: []openline.Need{
		{ID: "nachwuchs", Reveal: []string{"Ich finde keine Auszubildenden mehr für die Werkstatt."}, Detect: []string{"Azubi"}},
		{ID: "innung", Reveal: []string{"Ich bin in der Innung aktiv."}},
	}}
	edits := []func(*openline.Scenario){
		func(sc *openline.Scenario) {
			sc.Needs[0].Reveal = []string{"Mir fehlen die Gesellen in der Werkstatt seit dem Sommer."}
		},
		func(sc *openline.Scenario) { sc.Needs[0].Detect = []string{"Lehrling"} },
		func(sc *openline.Scenario) { sc.Needs[1].ID = "verband" },
		func(sc *openline.Scenario) { sc.Needs = sc.Needs[:1] },
		// the same bytes, split otherwise
		func(sc *openline.Scenario) { sc.Needs[0].Detect = []string{"Azu", "bi"} },
		func(sc *openline.Scenario) {
			sc.Needs[0].Detect = []string{"Azubi", "Ich bin in der Innung aktiv."}
			sc.Needs[1].Reveal = nil
		},
	}
	scs := []*openline.Scenario{&base}
	for _, edit := range edits {
		sc := base
		sc.Needs = slices.Clone(base.Needs)
		edit(&sc)
		scs = append(scs, &sc)
	}
	for round := 0; round < 2; round++ {
		for i, sc := range scs {
			if got, want := preparedNeeds(sc), prepareNeeds(sc); !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, scenario %d: shared %+v, prepared %+v", round, i, got, want)
			}
		}
	}
	if preparedNeeds(nil) != nil || preparedNeeds(&openline.Scenario{}) != nil {
		t.Fatal("needs prepared without a scenario or needs")
	}
}
