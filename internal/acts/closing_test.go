package acts

import (
	"slices"
	"testing"

	"github.com/openline/openline/internal/openline"
)

func TestGoodbyeIsTheLastWord(t *testing.T) {
	const (
		fw = openline.ActFarewell
		cq = openline.ActClosedQuestion
		oq = openline.ActOpenQuestion
		ak = openline.ActAcknowledgement
	)
	sentence := func(a ...openline.Act) Sentence { return Sentence{Acts: a} }
	tests := []struct {
		name      string
		sentences []Sentence
		whole     []openline.Act // used when sentences is nil
		want      bool
	}{
		{"a farewell alone", []Sentence{sentence(fw)}, nil, true},
		{"a question, then the farewell", []Sentence{sentence(cq, ak), sentence(fw)}, nil, true},
		{"the farewell, then a question", []Sentence{sentence(fw), sentence(oq)}, nil, false},
		{"a question in the farewell sentence", []Sentence{sentence(ak), sentence(fw, cq)}, nil, false},
		{"no farewell", []Sentence{sentence(ak)}, nil, false},
		{"no sentences, no question", nil, []openline.Act{ak, fw}, true},
		{"no sentences, a question", nil, []openline.Act{cq, fw}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Result{Sentences: tt.sentences, Acts: tt.whole}
			if tt.sentences != nil {
				for _, s := range tt.sentences {
					for _, a := range s.Acts {
						if !slices.Contains(r.Acts, a) {
							r.Acts = append(r.Acts, a)
						}
					}
				}
			}
			if got := r.Goodbye(); got != tt.want {
				t.Errorf("goodbye = %v, want %v", got, tt.want)
			}
		})
	}
}

// "… und bis zum Neunzehnten!" takes leave till the day agreed; a
// deadline with "bis zum" does not.
func TestGoodbyeTillTheDay(t *testing.T) {
	for text, want := range map[string]bool{
		"Dann ist alles notiert. Vielen Dank und bis zum Neunzehnten!": true,
		"Prima, dann machen wir das so, und bis dahin alles Gute.":     true,
		"Können Sie mir bis zum Wochenende Bescheid geben?":            false,
	} {
		if got := Trainee(openline.German, text, Context{}).Goodbye(); got != want {
			t.Errorf("Trainee(%q).Goodbye() = %v, want %v", text, got, want)
		}
	}
}

// A sentence of the day alone is a goodbye; a day with a verb is a
// deadline.
func TestGoodbyeTheDayAlone(t *testing.T) {
	for text, want := range map[string]bool{
		"Danke für den Hinweis, wird gemacht. Bis zum Neunzehnten!": true,
		"Danke Ihnen, Frau H. Bis Donnerstag dann!":                 true,
		"Bis Freitag brauche ich Ihre Antwort.":                     false,
		"Bis Freitag, dann ist der Deal weg.":                       false,
		"Bis wann brauchen Sie das?":                                false,
	} {
		if got := Trainee(openline.German, text, Context{}).Goodbye(); got != want {
			t.Errorf("Trainee(%q).Goodbye() = %v, want %v", text, got, want)
		}
	}
}
