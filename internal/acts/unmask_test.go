package acts

import (
	"slices"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestUnmask: Read reads a trainee turn beneath its form, in its place in
// the call (unmask.go).
func TestUnmask(t *testing.T) {
	tests := []struct {
		name     string
		lang     openline.Language
		prospect string // the prospect's turn before, "" for a turn that opens the call
		trainee  string
		check    func(t *testing.T, rt Turn, text string)
	}{
		{"guilt is pressure", openline.German, "Wir haben das bisher nicht gebraucht.", "Es wäre fahrlässig, Ihre Leute ohne Vorsorge zu lassen.",
			func(t *testing.T, rt Turn, _ string) { wantAct(t, rt, openline.ActPressure, true) }},
		{"booking before interest pushes", openline.English, "We use a spreadsheet for that.", "Shall I book you in for Tuesday?",
			func(t *testing.T, rt Turn, _ string) { wantAct(t, rt, openline.ActPressure, true) }},
		{"booking after interest does not", openline.English, "That sounds interesting, tell me more.", "Shall I book you in for Tuesday?",
			func(t *testing.T, rt Turn, _ string) { wantAct(t, rt, openline.ActPressure, false) }},
		{"an echo, then one's own question, is a parrot", openline.German, "Wir wollen die Leute halten.", "Leute halten, verstehe. Und welches Budget haben Sie eingeplant?",
			func(t *testing.T, rt Turn, _ string) {
				if !rt.Parrot || rt.Uptake != UptakeMovesOn {
					t.Errorf("Parrot %v, Uptake %q; want a parrot that moves on", rt.Parrot, rt.Uptake)
				}
				wantAct(t, rt, openline.ActAcknowledgement, false)
				wantAct(t, rt, openline.ActReflection, false)
			}},
		{"an echo, then a question on their words, is none", openline.German, "Wir wollen die Leute halten.", "Leute halten, verstehe. Was tun Sie heute, um die Leute zu halten?",
			func(t *testing.T, rt Turn, _ string) {
				if rt.Parrot {
					t.Error("read as a parrot")
				}
			}},
		{"statements restating their words reflect", openline.German, "Die Neuen bleiben nicht, weil ich keine Zeit hab, sie einzuarbeiten.", "Ein Kreislauf: zu wenig Leute, keine Zeit zum Einarbeiten.",
			func(t *testing.T, rt Turn, _ string) {
				wantAct(t, rt, openline.ActReflection, true)
				if rt.Uptake != UptakeTakesUp {
					t.Errorf("Uptake %q, want takes_up", rt.Uptake)
				}
			}},
		{"a reflection before a pitch takes nothing in", openline.English, "We lost two joiners last year and it hurt.", "So losing people hurts. Our pension plan keeps staff loyal.",
			func(t *testing.T, rt Turn, _ string) { wantAct(t, rt, openline.ActReflection, false) }},
		{"wrapping up asks nothing", openline.German, "Gut, dann schicken Sie mir das.", "Mach ich. Sonst noch was?",
			func(t *testing.T, rt Turn, text string) { wantAsksNothing(t, rt, text, "Sonst noch was?") }},
		{"arranging a step asks nothing", openline.German, "Ja, das können wir machen.", "Schön. Wann passt es Ihnen besser?",
			func(t *testing.T, rt Turn, text string) { wantAsksNothing(t, rt, text, "Wann passt es Ihnen besser?") }},
		{"picking up the phone asks nothing", openline.German, "", "Ja, Schulte?",
			func(t *testing.T, rt Turn, text string) { wantAsksNothing(t, rt, text, "Ja, Schulte?") }},
		{"no time, in a sentence", openline.German, "Ich rufe wegen meiner Rechnung an.", "Guten Tag. Ich bin gerade mitten in einer Aktion. Worum geht es?",
			func(t *testing.T, rt Turn, text string) {
				if !rt.NoTime || quoteOf(text, rt.Sentences[rt.NoTimeAt]) != "Ich bin gerade mitten in einer Aktion." {
					t.Errorf("NoTime %v at %d, want the second sentence", rt.NoTime, rt.NoTimeAt)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := 0
			tr := call(tt.lang, false, tt.trainee)
			if tt.prospect != "" {
				tr, i = call(tt.lang, true, tt.prospect, tt.trainee), 1
			}
			rd := Read(tr, nil)
			tt.check(t, rd.Turns[i], tt.trainee)
		})
	}
}

func wantAct(t *testing.T, rt Turn, a openline.Act, want bool) {
	t.Helper()
	in := slices.ContainsFunc(rt.Sentences, func(s Sentence) bool { return slices.Contains(s.Acts, a) })
	if rt.Has(a) != want || in != want {
		t.Errorf("%s: turn has it %v, a sentence %v; want %v (acts %v)", a, rt.Has(a), in, want, rt.Acts)
	}
}

func wantAsksNothing(t *testing.T, rt Turn, text, sentence string) {
	t.Helper()
	for _, s := range rt.Sentences {
		if quoteOf(text, s) == sentence {
			if !s.AsksNothing {
				t.Errorf("%q asks something (acts %v)", sentence, s.Acts)
			}
			return
		}
	}
	t.Errorf("no sentence %q in %q", sentence, text)
}
