package acts

import "testing"

func TestNamesSelf(t *testing.T) {
	tests := []struct {
		text     string
		askedWho bool
		want     bool
	}{
		{"Guten Tag, Anna Keller hier.", false, true},
		{"Anna Keller hier, von Netzwerk Nord.", false, true},
		{"Hallo Anna Keller hier", false, true},
		{"Guten Tag, hier ist Anna Keller von Netzwerk Nord.", false, true},
		{"Guten Tag Herr B., hier ist Müller, ich hatte Ihnen geschrieben.", false, true},
		{"Mein Name ist Keller.", false, true},
		{"Keller am Apparat.", false, true},
		{"Hi, Sam Taylor here.", false, true},
		{"Sam here from Northwind, hi!", false, true},
		{"Hello, this is Sam Taylor calling from Northwind.", false, true},
		{"Hi, my name is Sam.", false, true},
		{"Sam Taylor speaking.", false, true},
		{"Anna Keller.", true, true},
		{"Keller, von Netzwerk Nord.", true, true},
		{"Ich bin Beraterin bei Netzwerk Nord.", true, true},
		{"I'm with Northwind.", true, true},

		{"Anna Keller.", false, false},
		{"Hier ist Geduld gefragt.", false, false},
		{"Hier ist Ihr Angebot.", false, false},
		{"Ich bin hier.", false, false},
		{"Schönes Wetter hier!", false, false},
		{"Mein Team hier ist klein.", false, false},
		{"Alles klar hier?", false, false},
		{"This is important.", false, false},
		{"This is I guess the point.", false, false},
		{"My team here is small.", false, false},
		{"Nobody here knows.", false, false},
		{"Wie geht's?", true, false},
		{"Hallo?", true, false},
		{"", true, false},
	}
	for _, tt := range tests {
		if got := NamesSelf(tt.text, tt.askedWho); got != tt.want {
			t.Errorf("NamesSelf(%q, askedWho %v) = %v, want %v", tt.text, tt.askedWho, got, tt.want)
		}
	}
}

func TestAsksHowAreYou(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"wie geht es ihnen heute?", true},
		{"und, wie geht's?", true},
		{"hi tom, how are you doing today?", true},
		{"how are things going in your business right now?", false},
		{"and how are you personally finding all that?", false},
		{"und wie geht es ihnen persönlich damit?", false},
		{"was beschäftigt sie?", false},
		{"Wie geht es dir, passts grad?", true},
		{"Wie ist Ihr Tag bisher?", true},
		{"wie war dein tag so", true},
		{"How's your day been so far?", true},
		{"How has your day been?", true},
		{"Wie ist Ihr Tagesablauf mit den Fahrern organisiert?", false},
		{"Wie ist Ihr Tagesgeschäft?", false},
		{"How is it going with staff and apprentices?", false},
		{"Wie geht es mit den Azubis voran?", false},
		{"How's it going at work?", false},
	}
	for _, tt := range tests {
		if got := AsksHowAreYou(tt.text); got != tt.want {
			t.Errorf("AsksHowAreYou(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// FuzzNamesSelf checks that the name rule takes any text, and
// that what it hears as a name survives a greeting put in front of it.
func FuzzNamesSelf(f *testing.F) {
	for _, s := range []string{"Guten Tag, Anna Keller hier.", "Hi, this is Sam Taylor from Northwind.", "Anna Keller.", "Hier ist Geduld gefragt.", "I'm with Acme", "\xff\xfe Keller hier", "–,–,", "O'Brien-Smith here"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, askedWho bool) {
		got := NamesSelf(text, askedWho)
		if got && !askedWho && !NamesSelf("Hallo. "+text, false) {
			t.Errorf("%q names its speaker, but not after a greeting", text)
		}
	})
}
