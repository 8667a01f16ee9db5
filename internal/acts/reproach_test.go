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
