package acts

import (
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestDiscloses reads a prospect's answer from its place in the call: a
// story told in answer to a question about them, or to a reflection, is a
// reveal whatever its words; a fact, a yes or a no to a step, a brush-off
// and an objection to a pitch are not.
func TestDiscloses(t *testing.T) {
	for _, c := range []struct {
		lang             openline.Language
		question, answer string
		want             bool
	}{
		{openline.German, "Was machen Sie eigentlich am Wochenende?", "Ich restauriere mit meinem Schwager alte Traktoren, gerade einen Lanz Bulldog von neunzehnhundertfünfzig.", true},
		{openline.German, "Wie kam es dazu, dass Sie den Hof übernommen haben?", "Mein Onkel wurde krank, und von den Cousins wollte keiner zurück aufs Land ziehen.", true},
		{openline.German, "Die Personalsachen mach ich nebenbei. || Also eine Menge Arbeit, die an Ihnen hängen bleibt, neben den Personalsachen.", "So ist es, die Abrechnung mach ich sonntags am Küchentisch, weil unter der Woche keine Minute bleibt.", true},
		{openline.German, "Wie viele Filialen haben Sie?", "Drei.", false},
		{openline.German, "Soll ich Ihnen nächste Woche ein Angebot schicken?", "Ja, schicken Sie das mal an die Adresse auf der Homepage, dann schau ich rein.", false},
		{openline.German, "Wie läuft es bei Ihnen im Lager?", "Nein, dazu sag ich nichts, und bitte rufen Sie hier nicht mehr an.", false},
		{openline.English, "What do you get up to outside work?", "I sing in a choir in Leeds, and we're off to a competition in Cork next spring, which is terrifying.", true},
		{openline.English, "How did you end up running the shop?", "My mum opened it in the eighties and when her knees went I said I'd cover for a month. That was nine years ago.", true},
		{openline.English, "How many vans do you run?", "Six.", false},
		{openline.English, "Could I pop round on Tuesday and show you?", "Sure, Tuesday works, come after lunch when the rush has died down a bit.", false},
		{openline.English, "How are things in the warehouse?", "Look, I've got a meeting in five minutes, can you just send me something?", false},
	} {
		tr := call(c.lang, false, c.question, c.answer)
		if before, q, ok := strings.Cut(c.question, " || "); ok {
			tr = call(c.lang, true, before, q, c.answer)
		}
		rd := Read(tr, nil)
		if got := rd.Turns[len(rd.Turns)-1].Has(openline.ActReveal); got != c.want {
			t.Errorf("%q after %q reads as %v, want reveal %v", c.answer, c.question, rd.Turns[1].Acts, c.want)
		}
	}
}

// TestDisclosesNeed reads a hidden need told as a reveal: in answer to a
// question its refusal words are the story, no objection; after a pitch
// the same words object, and no reveal is read; a yes to a step that
// names the need stays a yes.
func TestDisclosesNeed(t *testing.T) {
	sc := &openline.Scenario{Language: openline.English, Needs: []openline.Need{{ID: "kit", Fact: "The lifting gear is worn out.",
		Detect: []string{"lifting gear"}}}}
	for _, c := range []struct {
		before, answer string
		want           []openline.Act
	}{
		{"What slows the crew down most?", "The lifting gear, honestly it's older than the apprentices.", []openline.Act{openline.ActReveal}},
		{"What happened with the last supplier?", "We're not interested in another one after that: the lifting gear they sold us broke in a month.", []openline.Act{openline.ActReveal}},
		{"We supply lifting gear to building firms.", "We're not interested, the lifting gear we have is fine.", nil},
		{"Shall I bring the new lifting gear by on Friday?", "Yes please, bring the lifting gear on Friday.", []openline.Act{openline.ActInterest}},
	} {
		rd := Read(call(openline.English, false, c.before, c.answer), sc)
		got := rd.Turns[1]
		for _, a := range []openline.Act{openline.ActReveal, openline.ActInterest} {
			if got.Has(a) != containsAct(c.want, a) {
				t.Errorf("%q after %q reads as %v, want %v among %v", c.answer, c.before, got.Acts, a, c.want)
			}
		}
		if c.want != nil && got.Has(openline.ActObjection) {
			t.Errorf("%q after %q reads as %v, want no objection", c.answer, c.before, got.Acts)
		}
	}
}

// TestDisclosureKeepsTheNo: an answer to a feedback question after a no is
// read as a reveal, but the no still stands, so a re-pitch after it is
// pressure.
func TestDisclosureKeepsTheNo(t *testing.T) {
	tr := call(openline.German, true, "Nein danke, kein Interesse.", "Darf ich fragen, woran es liegt?",
		"Wir sind nur sechs Leute, und bei uns macht der Steuerberater das ganze Thema Personal mit, seit Jahren.",
		"Unser Paket ist gerade für kleine Betriebe wie Ihren gemacht und kostet nur neunzehn Euro.")
	rd := Read(tr, nil)
	if !rd.Turns[2].Has(openline.ActReveal) {
		t.Errorf("the answer reads as %v, want a reveal", rd.Turns[2].Acts)
	}
	if !rd.Turns[3].Has(openline.ActPressure) {
		t.Errorf("the re-pitch after the answer reads as %v, want pressure: the no stands", rd.Turns[3].Acts)
	}
}

func containsAct(list []openline.Act, a openline.Act) bool {
	for _, x := range list {
		if x == a {
			return true
		}
	}
	return false
}
