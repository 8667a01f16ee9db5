package acts

import "testing"

func TestTrimLeadIn(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ehrlich gesagt finden wir seit Jahren keine Auszubildenden.", "Wir finden seit Jahren keine Auszubildenden."},
		{"Between you and me, the real problem is the drivers.", "The real problem is the drivers."},
		{"Well, honestly – we lost two reps.", "We lost two reps."},
		{"Und unsere Betriebe kennt keiner.", "Unsere Betriebe kennt keiner."},
		{"Also, wissen Sie was: Die Leute halten.", "Die Leute halten."},
		{"Also dann bis Montag.", "Dann bis Montag."},
		{"Ehrlich gesagt: Leute halten.", "Leute halten."},
		{"Alsdorf ist schön.", "Alsdorf ist schön."},
		{"Solar is the thing.", "Solar is the thing."},
		{"Honestly?", "Honestly?"},
		{"Die Leute halten.", "Die Leute halten."},
	}
	for _, tt := range tests {
		if got := TrimLeadIn(tt.in); got != tt.want {
			t.Errorf("TrimLeadIn(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
