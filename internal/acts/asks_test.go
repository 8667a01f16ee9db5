package acts

import "testing"

func TestTopicsAbout(t *testing.T) {
	ts := NewTopics([][]string{
		{"wie viele mitarbeiter", "wie viele leute", "how many people", "staff"},
		{"stellen sie", "herstellen", "what do you make", "produce"},
		{"wie viele filialen", "how many branches"},
		{"Frau Lenz", "Lenz"},
		{"wie viele"},
	})
	for _, tc := range []struct {
		text string
		want int
	}{
		{"Wie viele Mitarbeiter haben Sie denn?", 0},
		{"How many people work there?", 0},
		{"Was stellen Sie eigentlich her?", 1}, // German splits the verb: name its first part
		{"What do you make, exactly?", 1},
		{"Und wie viele Filialen sind das?", 2},   // the longer name wins over "wie viele"
		{"Wer ist denn Frau Lenz?", 3},            // a person mentioned
		{"Wie viele sind es?", 4},                 // only the short name
		{"Wer ist Lenzinger?", -1},                // whole words only
		{"Is your staffing agency any good?", -1}, // "staff" is not "staffing"
		{"Wie geht es Ihnen?", -1},
		{"", -1},
		{"Wie vïele Mitarbeiter?", -1}, // a different letter is a different word
		{"WIE VIELE MITARBEITER", 0},
		{"Für wie viele Leute sprechen Sie?", 0},
	} {
		if got := ts.About(tc.text); got != tc.want {
			t.Errorf("About(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
	if got := NewTopics(nil).About("Wie viele Mitarbeiter?"); got != -1 {
		t.Errorf("no topics: About = %d, want -1", got)
	}
	if got := NewTopics([][]string{{""}}).About("anything"); got != -1 {
		t.Errorf("an empty name: About = %d, want -1", got)
	}
}

func FuzzTopicsAbout(f *testing.F) {
	ts := NewTopics([][]string{{"wie viele mitarbeiter"}, {"what do you make"}})
	for _, s := range []string{"Wie viele Mitarbeiter?", "", "ä\xff", "what do you make"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got := ts.About(s); got < -1 || got > 1 {
			t.Fatalf("About(%q) = %d, out of range", s, got)
		}
	})
}
