package acts

import "testing"

// A reproach laid on the listener is read by its form (counterfactual,
// verdict, impatience), not by a list of sentences; praise, a plan of the
// caller's and a question are none.
func TestReproaches(t *testing.T) {
	for _, tt := range []struct {
		say  string
		want bool
	}{
		{"Sie hätten mir das auch früher sagen können.", true},
		{"Wenn Sie mehr ausbilden würden, hätten Sie heute keine Lücken.", true},
		{"If you'd listened to your reps, you wouldn't have this problem.", true},
		{"You could have just rung us back.", true},
		{"Ehrlich gesagt ist Ihre Website ziemlich veraltet.", true},
		{"Your booking form looks like nobody's touched it in years.", true},
		{"Anyone still doing payroll by hand is asking for trouble.", true},
		{"Ich finde, das sehen Sie zu einfach.", true},
		{"Ehrlich gesagt ist das bei Ihnen ziemlich altmodisch gelöst.", true},
		{"Machen Sie schnell, ich habe nicht ewig Zeit.", true},
		{"Sie haben da wirklich einen schönen Betrieb aufgebaut.", false},
		{"Without any scheme these days, that's a bit reckless.", true},
		{"Our own old system was outdated too.", false},
		{"Wenn Sie möchten, schicke ich Ihnen die Unterlagen.", false},
		{"Wenn Sie Zeit hätten, würde ich gern vorbeikommen.", false},
		{"You should have received my email yesterday.", false},
		{"Is your system a bit outdated?", false},
		{"That sounds like a lot of work for you.", false},
		// A verdict on a thing, or a deadline's "too late", judges nobody.
		{"The old boiler was outdated.", false},
		{"Der alte Kessel war einfach veraltet.", false},
		{"The deadline is Friday, after that it's too late.", false},
		{"Die Förderung läuft bald aus, dann ist es zu spät.", false},
		{"Sonst ist es für Sie zu spät.", false},
		{"The internet out here is too slow.", false},
		{"Ehrlich gesagt sind Sie damit viel zu spät dran.", true},
		{"You've left it too late, to be honest.", true},
		{"Your system is a bit behind the times.", true},
		{"Wer heute noch alles auf Papier macht, ist von gestern.", true},
		// Neglect and conduct in other words.
		{"Your website looks like no one has updated it in years.", true},
		{"Da hat sich seit Jahren niemand drum gekümmert, oder?", false},
		{"Da hat sich seit Jahren niemand drum gekümmert.", true},
		{"Honestly, running without any backup is asking for problems.", true},
		{"Das ist ehrlich gesagt ziemlich verantwortungslos.", true},
		{"Nobody here has updated our brochure in years.", false},
		// Put-downs: a trait judged, blame, a moral jab, sarcasm,
		// condescension, a sneer (written for issue 9, 7 Dec 2026).
		{"Mit so einer Einstellung wundert es mich nicht, dass Ihnen die Leute weglaufen.", true},
		{"Na, Sie sind ja ein ganz Schlauer.", true},
		{"Also ehrlich, als Chef sollte man sich um so was schon kümmern.", true},
		{"Typisch Handwerker, immer erst, wenn es brennt.", true},
		{"Regen Sie sich doch nicht so auf, das war doch nur ein Anruf.", true},
		{"So kommt man im Leben aber nicht weit, Herr Öztürk.", true},
		{"Ich hätte gedacht, eine Geschäftsfrau wie Sie denkt etwas weiter.", true},
		{"Das ist aber eine ziemlich kleinkarierte Sicht, finden Sie nicht?", true},
		{"Herr B., Sie machen es sich da ein bisschen einfach, oder?", true},
		{"Das ist jetzt schon ziemlich arrogant von Ihnen.", true},
		{"With that attitude it's no wonder your reps are losing customers.", true},
		{"Oh, brilliant, a spreadsheet. Very cutting edge.", true},
		{"Mate, nobody serious runs a sales team like that any more.", true},
		{"That's a bit selfish, isn't it?", true},
		{"Sure, because that's worked out so well for you so far.", true},
		{"That's a rather small-minded view for someone who represents fifteen hundred firms.", true},
		{"Calm down, Mr Daniels, it's only a boiler.", true},
		{"Well, if you want to stay small forever, that's your loss.", true},
		{"I'd have thought someone in your position would care a bit more about their staff.", true},
		{"Na ja, ein günstigerer Stromvertrag würde Ihnen als Bäckerei ja auch nicht schaden, oder?", true},
		{"Herr B., ich muss ehrlich sagen, dass Sie da eine Chance für Ihre Mitglieder verschenken.", true},
		{"Honestly, you're leaving money on the table there.", true},
		// ... and what only sounds like one.
		{"Das würde uns auch nicht schaden.", false},
		{"Das ist natürlich ganz Ihre Entscheidung.", false},
		{"It's entirely your choice, of course.", false},
		{"Oh great, thanks for that!", false},
		{"Ja klar, gerne.", false},
		{"Das ist mir wirklich peinlich, entschuldigen Sie.", false},
		{"That's embarrassing for us, I'm sorry.", false},
		{"Das ist wirklich dumm gelaufen für Sie.", false},
		{"It's just a quick question about your team.", false},
		{"Thanks for your call, Mr Daniels.", false},
		{"Is that a bit selfish?", false},
	} {
		if got := Reproaches(tt.say); got != tt.want {
			t.Errorf("Reproaches(%q) = %v, want %v", tt.say, got, tt.want)
		}
	}
	for _, say := range []string{"Machen Sie schnell, ich habe nicht ewig Zeit.", "Come on, I haven't got all day."} {
		if !Impatient(say) {
			t.Errorf("Impatient(%q) = false", say)
		}
	}
	if Impatient("Ich habe den ganzen Tag Termine, aber jetzt passt es.") {
		t.Error("a busy day of the speaker's own is no impatience")
	}
}
