package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

func TestMentions(t *testing.T) {
	for _, c := range []struct {
		text  string
		words []string
		want  string // the cue, "" for none
	}{
		{"Wie viele Azubis haben Sie?", []string{"azubi"}, "Azubi"},
		{"How are your members finding it?", []string{"member"}, "member"},
		{"Wie läuft der Betrieb?", []string{"azubi", "nachfolge"}, ""},
		{"Was ist mit der NACHFOLGE?", []string{"", "nachfolge"}, "NACHFOLGE"},
		{"", []string{"x"}, ""},
		{"anything", nil, ""},
	} {
		m, ok := Mentions(c.text, c.words)
		got := ""
		if ok {
			got = c.text[m.Start:m.End]
		}
		if got != c.want || ok != (c.want != "") || MentionsAny(c.text, c.words) != ok {
			t.Errorf("Mentions(%q, %q) = %q, %v; want %q", c.text, c.words, got, ok, c.want)
		}
	}
	// A rune whose lower case has another length: the cue is the turn.
	if m, ok := Mentions("İst das Azubi-Thema?", []string{"azubi"}); !ok || m.Start != 0 || m.End != len("İst das Azubi-Thema?") {
		t.Errorf("Mentions with İ = %+v, %v", m, ok)
	}
}

func TestNamesTopic(t *testing.T) {
	n := &openline.Need{ID: "azubis", Topics: []string{"azubi", "ausbildung"}}
	for text, want := range map[string]bool{
		"Wie läuft es mit der Ausbildung?": true,
		"Haben Sie Azubis?":                true,
		"Wie läuft das Geschäft?":          false,
	} {
		if got := NamesTopic(text, n); got != want {
			t.Errorf("NamesTopic(%q) = %v, want %v", text, got, want)
		}
	}
	if NamesTopic("Azubi", nil) {
		t.Error("NamesTopic of no need is true")
	}
}

func TestPointsBackAndChangesSubject(t *testing.T) {
	for _, c := range []struct {
		text          string
		back, changes string // cues, "" for none
	}{
		{"Wie gehen Sie damit um?", "damit", ""},
		{"What do you think about that?", "about that", ""},
		{"Was machen Sie sonst so?", "", "sonst"},
		{"What else keeps you busy?", "", "else"},
		{"Und außerdem, wie läuft es privat?", "", "außerdem"},
		{"Wie läuft der Betrieb?", "", ""},
		// One decision, in whole words, shared with the fact matching.
		{"Ärgerlich. Was denken Sie darüber?", "darüber", ""},
		{"Verstehe. Was wünschen Sie sich da für die Zukunft?", "", ""}, // a follow-up (daPointsBack), not a pointer
		{"How did you cope with it back then?", "cope with it", ""},
		{"What did you make of that?", "of that", ""},
		{"Was spricht dagegen?", "dagegen", ""},
		{"Ist Herr Hartmann heute da?", "", ""},
		{"Da ich nur kurz Zeit habe: Wie viele Leute sind Sie?", "", ""},
		{"Steht der Lkw da drüben noch?", "", ""},
		{"Is that about its price?", "", ""},
		{"Gehört das dazugehörige Lager auch Ihnen?", "", ""},
	} {
		m, ok := PointsBack(c.text)
		if got := cueOf(c.text, m, ok); got != c.back {
			t.Errorf("PointsBack(%q) = %q, want %q", c.text, got, c.back)
		}
		m, ok = ChangesSubject(c.text)
		if got := cueOf(c.text, m, ok); got != c.changes {
			t.Errorf("ChangesSubject(%q) = %q, want %q", c.text, got, c.changes)
		}
	}
}

func cueOf(text string, m Mention, ok bool) string {
	if !ok {
		return ""
	}
	return text[m.Start:m.End]
}

func TestIdentityPhrasesAndQuestionKey(t *testing.T) {
	for _, lang := range []openline.Language{openline.German, openline.English} {
		if len(IdentityPhrases(lang)) == 0 {
			t.Errorf("no identity phrases for %s", lang)
		}
	}
	if IdentityPhrases("fr") != nil {
		t.Error("identity phrases for an unknown language")
	}
	for a, b := range map[string]string{
		"Wie läuft's?":         "wie läuft s",
		"  WIE   läuft  s ?? ": "wie läuft s",
		"How many people, 12?": "how many people 12",
	} {
		if got := QuestionKey(a); got != b {
			t.Errorf("QuestionKey(%q) = %q, want %q", a, got, b)
		}
	}
}

// TestTurnAsks: a turn asks with a question act or a question mark, and
// its sentences say which of them ask; a stand-in tagging gets the same.
func TestTurnAsks(t *testing.T) {
	for _, c := range []struct {
		text      string
		asks      bool
		smallTalk bool
		sentences []bool
	}{
		{"Wie läuft der Betrieb?", true, false, []bool{true}},
		{"Okay?", true, false, []bool{true}},
		{"Ich rufe an wegen der Altersvorsorge. Haben Sie kurz Zeit?", true, false, []bool{false, true}},
		{"Das verstehe ich.", false, false, []bool{false}},
		{"wie war das wochenende", true, true, nil},
		{"How are you today?", true, true, nil},
		{"Schönes Wetter heute.", false, true, nil},
		// a remark on the listener's day, as a guess, a wish or a topic
		{"Vor den Feiertagen ist es bei Ihnen bestimmt hektisch, oder?", true, true, nil},
		{"Ich hoffe, Sie hatten einen ruhigeren Wochenstart als ich!", false, true, nil},
		{"Ganz schön laut bei Ihnen – wird da gerade gebohrt?", true, true, nil},
		{"Bristol's been soaked all week, hasn't it?", true, true, nil},
		{"Sounds like the saws are going full tilt there!", false, true, nil},
		{"Hope the week's been kind to you so far.", false, true, nil},
		{"Sounds busy at your end!", false, true, nil},
		{"Na, viel zu tun kurz vor Weihnachten?", true, true, nil},
		// the weather, the season, the place treating them, a few words
		// on how busy they are
		{"Is it as wet up in Leeds as it is down here?", true, true, nil},
		{"Schulferien bald bei Ihnen?", true, true, nil},
		{"How's London been treating you?", true, true, nil},
		{"Hectic morning at the depot?", true, true, nil},
		{"Duftet es bei Ihnen schon nach Plätzchen?", true, true, nil},
		{"Ganz schön warm bei Ihnen im Laden, oder?", true, true, nil},
		{"Cold outside up there?", true, true, nil},
		{"Ist viel los bei Ihnen heute?", true, true, nil},
		{"Lovely day for it over your way?", true, true, nil},
		// what their place smells of, their feet after a long day: the
		// family, not one sentence
		{"Riecht es bei Ihnen im Laden gerade schon nach Tannengrün?", true, true, nil},
		{"Bei Ihnen duftet es bestimmt nach frischem Brot.", false, true, nil},
		{"Smells like fresh oak from here – busy day on the saws?", true, true, nil},
		{"Did your feet ever recover from the fair?", true, true, nil},
		{"Tun Ihnen nach der Messe nicht die Füße weh?", true, true, nil},
		{"Haben Sie nach der Messe erst mal die Füße hochgelegt?", true, true, nil},
		{"What does a busy week look like for your reps?", true, false, nil},
		// a reflection or a question about the business in the same words
		{"Das klingt so, als wäre das Thema Azubis bei Ihnen wichtig.", false, false, nil},
		{"Sounds like staff is a real worry for you.", false, false, nil},
		{"How many vans do you have on the road?", true, false, nil},
		{"Sind Sie sicher, dass es nicht passt?", true, false, nil},
	} {
		ctx := Context{}
		tt := TraineeTurn(Trainee(openline.German, c.text, ctx), c.text, ctx)
		if tt.Asks != c.asks || tt.SmallTalk != c.smallTalk {
			t.Errorf("%q: Asks %v SmallTalk %v, want %v %v (acts %v)", c.text, tt.Asks, tt.SmallTalk, c.asks, c.smallTalk, tt.Acts)
		}
		for k, want := range c.sentences {
			if k >= len(tt.Sentences) || tt.Sentences[k].Asks != want {
				t.Errorf("%q: sentence %d Asks, want %v (%+v)", c.text, k, want, tt.Sentences)
			}
		}
	}
	// A stand-in tagging without acts: the question mark still asks.
	text := "Und sonst?"
	stand := Result{Sentences: []Sentence{{Start: 0, End: len(text)}}}
	if tt := TraineeTurn(stand, text, Context{}); !tt.Asks || !tt.Sentences[0].Asks {
		t.Errorf("stand-in %q does not ask", text)
	}
	if tt := TraineeTurn(Result{}, text, Context{}); !tt.Asks {
		t.Errorf("stand-in without sentences %q does not ask", text)
	}
}

// TestTouchesDescriptionChanged: the description's stems are prepared once
// per description, so an edited need is read by its new words.
func TestTouchesDescriptionChanged(t *testing.T) {
	n := &openline.Need{ID: "n", Fact: "Die Nachfolge ist ungeklärt."}
	q := "Wer übernimmt denn später den Betrieb, ist die Nachfolge geregelt?"
	for range 2 {
		if !Touches(q, n) {
			t.Fatalf("Touches(%q) false for %q", q, n.Fact)
		}
	}
	n2 := &openline.Need{ID: "n", Fact: "Die Azubis bleiben nicht."}
	if Touches(q, n2) {
		t.Errorf("Touches(%q) true for the edited need %q", q, n2.Fact)
	}
}

func BenchmarkTouches(b *testing.B) {
	n := &openline.Need{ID: "n", Fact: "Die Nachfolge im Betrieb ist ungeklärt, der Sohn will nicht.",
		Reveal: []string{"Ehrlich gesagt weiß ich nicht, wer den Betrieb mal übernimmt.", "Mein Sohn hat andere Pläne."}}
	for b.Loop() {
		Touches("Wie sieht es bei Ihnen mit den Mitarbeitern aus?", n)
	}
}

// A question that names what marks the need (its detect phrase: "off
// sick") touches it, however short its words: "sick" is shorter than a
// description word must be.
func TestTouchesByDetectPhrase(t *testing.T) {
	n := &openline.Need{ID: "n", Fact: "When a rep is off, nobody can see his customers.", Detect: []string{"off sick", "own phone"}}
	if q := "What happens when one of them is off sick?"; !Touches(q, n) {
		t.Errorf("Touches(%q) false, want true by the detect phrase", q)
	}
	if q := "How was your weekend?"; Touches(q, n) {
		t.Errorf("Touches(%q) true", q)
	}
}
