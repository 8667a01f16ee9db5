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
