package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

func TestDisguised(t *testing.T) {
	tests := []struct {
		text string
		want Disguise
	}{
		{"Sie wollen doch auch, dass Ihre Patienten gut versorgt sind, oder?", Disguise{Leading: true}},
		{"Und Sie wollen auch, dass Ihr Team entlastet wird, richtig?", Disguise{Leading: true}},
		{"Would you agree that losing accounts is a problem worth solving?", Disguise{Leading: true}},
		{"You want your reps to sell more, right?", Disguise{Leading: true}},
		{"Would Tuesday or Wednesday suit you better for a demo?", Disguise{AlternativeClose: true}},
		{"Und weniger Krankheitstage wären auch super für dich, richtig?", Disguise{Leading: true}},
		{"It's Super Bowl coming up, right?", Disguise{}},
		// The particle that presumes their yes, before a tag (hand-played
		// call, stop 23), leads; a claim about the day chats.
		{"Verstehe, aber Ihre Leute würden sich doch sicher freuen, oder nicht?", Disguise{Leading: true}},
		{"Your lads would surely love that, wouldn't they?", Disguise{Leading: true}},
		{"Das Wetter ist doch herrlich heute, oder?", Disguise{}},
		{"Doch, das ist bei uns auch so, oder?", Disguise{}},
		{"You wouldn't want to be the boss who let his lads down, would you?", Disguise{Leading: true}},
		{"What would you need, do you think?", Disguise{}},
		{"Then I'll keep calling until you have time.", Disguise{Urgency: true}},
		{"Und wenn das sogar steuerlich absetzbar ist, dann spricht doch nichts dagegen, oder?", Disguise{Leading: true}},
		{"Isn't their safety worth ten minutes of your time?", Disguise{Leading: true}},
		{"Also, starten wir mit zehn oder mit zwanzig Plätzen?", Disguise{AlternativeClose: true}},
		{"Shall we start with the basic or the full package?", Disguise{AlternativeClose: true}},
		{"Haben Sie eher Azubis oder Gesellen im Team?", Disguise{}},
		{"How much money do you think your family loses each year by not having proper cover?", Disguise{Loss: true}},
		{"Dann wäre es doch logisch, dass wir gleich einen Termin machen, Dienstag oder Donnerstag?", Disguise{Leading: true, AlternativeClose: true, Booking: true}},
		{"Was würde es Sie kosten, wenn nächstes Wochenende wieder zwei Touren ausfallen?", Disguise{Loss: true}},
		{"How much revenue are you willing to lose before you act?", Disguise{Loss: true}},
		{"Wie würden Sie sich fühlen, wenn Ihnen nächstes Jahr wieder zwei Schweißer weglaufen, nur weil Sie heute gezögert haben?", Disguise{Loss: true}},
		{"Was müsste ich Ihnen bieten, damit Sie es heute noch mal mit uns versuchen?", Disguise{Urgency: true}},
		{"Und was genau hält Sie davon ab, heute den besseren Vertrag zu unterschreiben?", Disguise{Urgency: true}},
		{"What would it take to sign up today?", Disguise{Urgency: true}},
		{"Was wäre für Sie der ideale Zeitpunkt, heute noch unsere Lösung zu starten?", Disguise{Urgency: true}},
		{"Great, so shall I book you in for Tuesday at ten?", Disguise{Booking: true}},
		{"Ich trage einfach Dienstag neun Uhr ein, und Sie müssen sich um nichts kümmern.", Disguise{Booking: true}},
		{"Tell me more – can I set that up for you?", Disguise{Booking: true}},
		{"Wie viel Geld wollen Sie noch verlieren, bevor Sie handeln?", Disguise{Loss: true}},
		{"Jeder Monat ohne unsere Lösung kostet Sie Mitarbeiter.", Disguise{Loss: true}},
		{"Ehrlich gesagt wäre es fahrlässig, das nicht zu machen.", Disguise{Guilt: true}},
		{"Honestly, it would be irresponsible not to look at this.", Disguise{Guilt: true}},
		{"Don't you think it's time for a change?", Disguise{Leading: true}},
		{"Don't you think you're leaving money on the table?", Disguise{Leading: true, Loss: true}},
		{"Finden Sie nicht auch, dass Ihre Leute Besseres verdient haben?", Disguise{Leading: true, Guilt: true}},
		{"Do you think the spreadsheet still works for the team?", Disguise{}},
		{"Haben Sie im letzten Jahr Mitarbeiter verloren?", Disguise{}},
		// Asking whether they weighed what their no keeps from others
		// frames it as a loss they cause (hand-played calls, stop 17).
		{"Ich verstehe Ihre Absage, aber haben Sie bedacht, was Sie Ihren Betrieben damit vorenthalten?", Disguise{Loss: true}},
		{"Ist Ihnen klar, was Ihrem Team dadurch entgeht?", Disguise{Loss: true}},
		{"I understand your decision, but have you considered what you're denying your staff?", Disguise{Loss: true}},
		{"Do you realise what this is costing your people?", Disguise{Loss: true}},
		{"Haben Sie bedacht, wie viele Plätze Sie im Herbst brauchen?", Disguise{}},
		{"Have you considered what would help your team most?", Disguise{}},
		{"Ist Ihnen klar, was da los ist?", Disguise{}},
		{"Did you lose any reps last year?", Disguise{}},
		{"Sonst noch was?", Disguise{WrapUp: true}},
		{"Done. Anything else?", Disguise{WrapUp: true}},
		{"Ich bin gerade mitten in einer Aktion.", Disguise{Busy: true}},
		{"Sorry, I'm just hopping onto another call.", Disguise{Busy: true}},
		{"Oh, da kommt ein anderer Anruf rein, ich muss leider.", Disguise{Busy: true}},
		{"What did you discuss on your last call with them?", Disguise{}},
		{"Wann passt es Ihnen besser, vormittags oder nach der Sprechstunde?", Disguise{Scheduling: true}},
		{"Was halten Sie davon, wenn ich einmal in die Praxis komme?", Disguise{Scheduling: true}},
		{"Prima. Eher vormittags oder nachmittags?", Disguise{Scheduling: true}},
		// Discovery stays discovery.
		{"What else is on your mind?", Disguise{}},
		{"Was beschäftigt Sie?", Disguise{}},
		{"Was wollen Sie in fünf Jahren erreicht haben?", Disguise{}},
		{"What do you want to achieve this year?", Disguise{}},
		{"Was beschäftigt Sie im Betrieb gerade am meisten?", Disguise{}},
		{"Wie geht es Ihnen heute damit?", Disguise{}},
		{"Is that significant for you today?", Disguise{}},
		{"Das war sicher schwer, oder?", Disguise{}},
		{"Hab ne Frage zu Ihrem Team, wie viele sind Sie?", Disguise{}},
		{"Was hat sich seit letztem Dienstag geändert?", Disguise{}},
	}
	for _, tt := range tests {
		if got := Disguised(tt.text); got != tt.want {
			t.Errorf("Disguised(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
}

func TestEchoAndNewTopic(t *testing.T) {
	p := "Leute halten. Zwei Schweißer sind zu einem Großbetrieb gegangen."
	if !Hear(p).Echo("Leute halten, verstehe.") {
		t.Error("a repeat of his words is an echo")
	}
	if Hear(p).Echo("Das klingt, als hätten Sie da richtig Sorge, wer als Nächstes geht.") {
		t.Error("a reflection with meaning of its own is no echo")
	}
	if !Hear("Gar keins.").Echo("Gar keins, verstehe.") {
		t.Error("repeating all of a short answer is an echo")
	}
	if Hear("So funktioniert das bei mir nicht.").Echo("Das verstehe ich gut.") {
		t.Error("an acknowledgement that shares a small word is no echo")
	}
	if Hear(p).Echo("Verstehe.") {
		t.Error("a bare marker has no content: no echo")
	}
	if !Hear("Keeping good people. I lost two joiners to a housebuilder.").Echo("So what I'm hearing is you lost two joiners.") {
		t.Error("a parrot in English is an echo")
	}
	if !Hear(p).NewTopic("Und wie sieht Ihre aktuelle Altersvorsorge aus?") {
		t.Error("a question on a subject of its own is a new topic")
	}
	if Hear(p).NewTopic("Wohin sind die Schweißer gegangen?") {
		t.Error("asking about his words is no new topic")
	}
	if Hear(p).NewTopic("Wie meinen Sie das?") {
		t.Error("a question without content words is no new topic")
	}
}

func TestRestates(t *testing.T) {
	p := "Seit einem Jahr. Seit die zwei Kolleginnen weg sind. Die Neuen bleiben nicht, weil ich keine Zeit hab, sie einzuarbeiten."
	if !Hear(p).Restates("Ein Kreislauf: zu wenig Leute, keine Zeit zum Einarbeiten, und dann gehen die Neuen wieder.") {
		t.Error("taking up her words restates them")
	}
	if Hear("I'd like to know more about your coaching programme.").Restates("Everything is on our website, under programmes.") {
		t.Error("a sentence about one's own side answers, it does not reflect")
	}
	if Hear(p).Restates("Das Wetter ist schön.") {
		t.Error("a sentence on something else restates nothing")
	}
}

func BenchmarkDisguised(b *testing.B) {
	for b.Loop() {
		Disguised("Und was genau hält Sie davon ab, heute den besseren Vertrag zu unterschreiben?")
	}
}

// FuzzDisguised: the forms beneath a trainee's sentence, the echo and
// topic readings and the lead-in trim take any text (invalid UTF-8 too)
// without panicking; a trimmed text is a suffix of the input, or starts
// with its upper-cased first letter.
func FuzzDisguised(f *testing.F) {
	for _, s := range []string{"Was müsste passieren, damit Sie heute noch unterschreiben?", "Leute halten, verstehe.", "Ehrlich gesagt finden wir keine.",
		"Between you and me, the drivers.", "Dienstag oder Donnerstag?", "", "\xff\xfe, oder?", "Und"} {
		f.Add(s, "Leute halten. Zwei Schweißer sind gegangen.")
	}
	f.Fuzz(func(t *testing.T, text, prospect string) {
		Disguised(text)
		p := Hear(prospect)
		p.Echo(text)
		p.NewTopic(text)
		p.Restates(text)
		got := TrimLeadIn(text)
		if len(got) > len(text)+4 {
			t.Fatalf("TrimLeadIn(%q) = %q grew", text, got)
		}
	})
}

// TestObstacleQuestions: asking what stands in the way pushes when the way
// leads to the caller, and asks about the person when it leads to their
// own goal.
func TestObstacleQuestions(t *testing.T) {
	for _, c := range []struct {
		lang   openline.Language
		text   string
		pushes bool
	}{
		{"en", "What would it take for you to switch today?", true},
		{"en", "What's stopping you?", true},
		{"en", "Sure – but what's holding you back from saying yes right now?", true},
		{"en", "Can I ask what's stopping you from seeing how much your members would save?", true},
		{"de", "Was müsste denn passieren, damit Sie es sich doch noch einmal überlegen?", true},
		{"de", "Was müsste denn passieren, damit Sie es sich noch einmal ansehen?", true},
		{"de", "Was bräuchten Sie, damit Sie sich unser Angebot nochmal anschauen?", true},
		{"de", "Was hindert Sie, heute noch zu wechseln?", true},
		{"de", "Und was hält Sie davon ab, sich den Vorteil bis Freitag zu sichern?", true},
		{"en", "What's stopping you from locking in the discount before Friday?", true},
		{"de", "Darf ich fragen, was genau Sie daran hindert, die Vorteile für Ihre Betriebe zu sehen?", true},
		{"en", "What would it take to keep your best people?", false},
		{"en", "What's stopping you from hiring more apprentices?", false},
		{"en", "What would it take for your team to feel less stretched?", false},
		{"de", "Was hindert Sie daran, mehr Azubis einzustellen?", false},
		{"de", "Was müsste passieren, damit Ihre Leute abends pünktlich nach Hause kommen?", false},
	} {
		if got := Trainee(c.lang, c.text, Context{}).Has(openline.ActPressure); got != c.pushes {
			t.Errorf("%q: pressure %v, want %v", c.text, got, c.pushes)
		}
	}
}

// TestConsideredLossAfterNo reads the whole turn after a no: "haben Sie
// bedacht, was Sie … vorenthalten" is pressure, not an open question of
// interest in the person ("bedacht" is no misspelt "gedacht").
func TestConsideredLossAfterNo(t *testing.T) {
	for _, c := range []struct {
		lang      openline.Language
		no, after string
	}{
		{openline.German, "Nein, danke, wir brauchen so etwas nicht.", "Ich verstehe Ihre Absage, aber haben Sie bedacht, was Sie Ihren Betrieben damit vorenthalten?"},
		{openline.English, "No thanks, we don't need anything like that.", "I understand your decision, but have you considered what you're denying your staff?"},
	} {
		tr := openline.Transcript{Language: c.lang, Turns: []openline.Turn{
			{Speaker: openline.Prospect, Text: c.no},
			{Speaker: openline.Trainee, Text: c.after},
		}}
		r := Read(tr, nil).Turns[1].Result
		if !r.Has(openline.ActPressure) || r.Has(openline.ActPersonalInterest) || r.Has(openline.ActFeedbackRequest) {
			t.Errorf("%s: %q read as %v, want pressure without interest or feedback", c.lang, c.after, r.Sentences[0].Acts)
		}
	}
}
