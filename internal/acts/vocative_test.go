package acts

import "testing"

func TestAsksHowAreYouOfIgnoresTheListenersName(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Wie geht's Ihnen denn heute, Herr B.?", true},
		{"How are you doing today, Mr Daniels?", true},
		{"How are you doing today, Daniels?", true},
		{"How are things going in your business right now, Mr Daniels?", false},
		{"Wie geht es Ihnen persönlich damit, Herr B.?", false},
	} {
		if got := AsksHowAreYouOf(tt.text, "Herr B.", "Mr Daniels"); got != tt.want {
			t.Errorf("AsksHowAreYouOf(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
