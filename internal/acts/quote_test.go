package acts

import (
	"slices"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestQuotedWordsAreTheProspects pins that the prospect's words quoted
// inside a trainee's turn are not the trainee's act, and that giving them
// back reflects.
func TestQuotedWordsAreTheProspects(t *testing.T) {
	tests := []struct {
		name     string
		lang     openline.Language
		prospect string
		text     string
		want     []openline.Act // must be there
		not      []openline.Act // must not
	}{
		{"their no, then a feedback request", openline.German, "Ich hab gesagt: kein Interesse!",
			"Sie sagten „kein Interesse“ – darf ich fragen, warum?", []openline.Act{openline.ActReflection, openline.ActOpenQuestion}, []openline.Act{openline.ActRejection}},
		{"their no inside an acceptance", openline.English, "Not interested, thanks.",
			"Fair – \"not interested\" is a clear answer and I'll leave it there. Have a good day.", []openline.Act{openline.ActReflection, openline.ActFarewell}, []openline.Act{openline.ActRejection, openline.ActPressure}},
		{"their time signal", openline.German, "Ich hab echt keine Zeit für so was.",
			"„Keine Zeit für so was“ – das nehm ich ernst.", []openline.Act{openline.ActReflection, openline.ActAcknowledgement}, nil},
		{"a quote that is not theirs reflects nothing", openline.English, "What's it about?",
			"Our customers call it \"the best tool on the market\".", nil, []openline.Act{openline.ActReflection}},
		{"an open quote mark quotes nothing", openline.German, "Kein Interesse.",
			"Ich verstehe „kein Interesse und respektiere das.", nil, []openline.Act{openline.ActReflection}},
		// Someone else's words told to make one's own case are the
		// trainee's own push; a mood or thought voiced for the listener is
		// not.
		{"another client's regret", openline.English, "We've got a scheme already.",
			"As one client said to me, \"you'd be mad not to at least look before the end of the quarter.\"", []openline.Act{openline.ActPressure}, nil},
		{"their thought voiced", openline.English, "I don't know if I can stop.",
			"You're thinking, \"you'd be mad to stop now, when it finally works.\"", nil, []openline.Act{openline.ActPressure}},
		{"a mood voiced", openline.English, "I didn't want to come.",
			"Just feeling like, \"you'd be mad to waste a morning on this.\"", nil, []openline.Act{openline.ActPressure}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Trainee(tt.lang, tt.text, Context{Prospect: tt.prospect, Rejected: true})
			for _, a := range tt.want {
				if !r.Has(a) {
					t.Errorf("%q: acts %v, want %s among them", tt.text, r.Acts, a)
				}
			}
			for _, a := range tt.not {
				if r.Has(a) {
					t.Errorf("%q: acts %v, want no %s", tt.text, r.Acts, a)
				}
			}
		})
	}
}

func TestMaskQuotes(t *testing.T) {
	for _, tt := range []struct{ in, masked, quoted string }{
		{"Sie sagten „kein Interesse“ – warum?", "Sie sagten „" + strings.Repeat(" ", len("kein Interesse")) + "“ – warum?", "kein Interesse"},
		{`He said "no" and "never".`, `He said "  " and "     ".`, "no never"},
		{"Ohne Anführungszeichen.", "Ohne Anführungszeichen.", ""},
		{"Nur „ein Zeichen.", "Nur „ein Zeichen.", ""},
	} {
		masked, quoted := maskQuotes(tt.in)
		if masked != tt.masked || quoted != tt.quoted || len(masked) != len(tt.in) {
			t.Errorf("maskQuotes(%q) = %q, %q; want %q, %q", tt.in, masked, quoted, tt.masked, tt.quoted)
		}
	}
}

// TestReflectionInOtherWords pins reflections without a lead phrase:
// empathy, "it sounds …", the listener as subject after they told
// something; and what stays none.
func TestReflectionInOtherWords(t *testing.T) {
	long := "Die letzte Kraft von der Agentur war nach acht Wochen weg, ich hatte keine Zeit, sie einzuarbeiten."
	longEN := "I just feel like nobody listens to small businesses, and I've been at this for thirty years."
	tests := []struct {
		lang     openline.Language
		prospect string
		text     string
		reflects bool
	}{
		{openline.German, long, "Da wäre ich auch sauer.", true},
		{openline.English, longEN, "I'd be fed up too.", true},
		{openline.English, longEN, "It sounds quite lonely, holding that on your own.", true},
		{openline.German, long, "Das klingt anstrengend.", true},
		{openline.English, longEN, "Sounds good.", false},
		{openline.German, long, "Sie machen eigentlich zwei Jobs auf einmal.", true},
		{openline.English, longEN, "You should talk to your council about it.", false},
		{openline.English, longEN, "You can reach me on this number.", false},
		{openline.English, "Yes?", "You run the workshop, right.", false},
	}
	for _, tt := range tests {
		r := Trainee(tt.lang, tt.text, Context{Prospect: tt.prospect})
		if got := r.Has(openline.ActReflection); got != tt.reflects {
			t.Errorf("%q after %q: reflection %v, want %v (acts %v)", tt.text, tt.prospect, got, tt.reflects, r.Acts)
		}
		if tt.reflects && !slices.Contains(r.Acts, openline.ActAcknowledgement) {
			t.Errorf("%q: a reflection without acknowledgement: %v", tt.text, r.Acts)
		}
	}
}
