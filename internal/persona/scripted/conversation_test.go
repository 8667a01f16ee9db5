package scripted

import (
	"slices"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// These tests pin how the prospect keeps a conversation together: a
// goodbye for every farewell, objections settled by what answers them,
// follow-ups on a need that go on about it, and a name heard even when the
// tagger misses it. Each started as a defect seen in a hand-played call.

const introEN = "#greeting #introduction Hello, this is Sam Taylor from Northwind."

func TestFarewellGetsAGoodbye(t *testing.T) {
	de := ownLines[openline.German][voicePersona][lineFarewell]
	en := ownLines[openline.English][voicePersona][lineFarewell]
	tests := []struct {
		name        string
		file, start string
		before      []string
		said        string
		want        []string
	}{
		{"before any introduction", "werkstatt.yaml", "chef", nil, "#farewell Auf Wiederhören!", de},
		{"before any introduction, English", "firm.yaml", "", nil, "#farewell Goodbye!", en},
		{"with thanks, before any introduction", "firm.yaml", "", []string{"#greeting Hello!"}, "#acknowledgement #farewell Thanks, I won't keep you. Goodbye!", en},
		{"while an objection is open", "werkstatt.yaml", "chef", []string{intro, "#pitch Unser Angebot."}, "#acknowledgement #farewell Verstehe, danke. Auf Wiederhören!", de},
		{"while an objection is open, English", "firm.yaml", "", []string{introEN, "#pitch Our offer."}, "#acknowledgement #farewell I see, thanks. Goodbye!", en},
		{"when a rule without farewell would match", "firm.yaml", "", []string{introEN}, "#acknowledgement #farewell Your secret is safe with me. Bye!", en},
		{"to the gatekeeper, who would put a caller through", "werkstatt.yaml", "", nil, "#introduction #farewell Anna Berg hier, dann eben später. Tschüss!", de},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, p := mustStart(t, tt.file, tt.start, 1)
			mustOpen(t, p)
			for _, s := range tt.before {
				mustRespond(t, p, s)
			}
			r := mustRespond(t, p, tt.said)
			if !slices.Contains(tt.want, r.Text) {
				t.Errorf("farewell answered %q, want a goodbye, one of %q", r.Text, tt.want)
			}
			if st := p.State(); !r.Hangup || st.Outcome != openline.OutcomePoliteEnd {
				t.Errorf("hangup %v, outcome %q; want the call ended politely", r.Hangup, st.Outcome)
			}
		})
	}
	// A farewell rule that only moves the numbers leaves the words to the
	// engine: still a goodbye, not the open objection's answered line.
	for _, tt := range []struct {
		file, start string
		before      []string
		said        string
		want        []string
	}{
		{"werkstatt.yaml", "chef", []string{intro, "#pitch Unser Angebot."}, "#acknowledgement #farewell Das verstehe ich, danke. Auf Wiederhören!", de},
		{"firm.yaml", "", []string{introEN, "#pitch Our offer."}, "#acknowledgement #farewell I understand, thanks. Goodbye!", en},
	} {
		t.Run("through a farewell rule without say, "+tt.file, func(t *testing.T) {
			sc, p := mustStart(t, tt.file, tt.start, 1)
			for i := range sc.Dialogue.States {
				st := &sc.Dialogue.States[i]
				st.Rules = append([]openline.Rule{{When: openline.Trigger{Acts: []openline.Act{openline.ActFarewell}}, Interest: 1}}, st.Rules...)
			}
			mustOpen(t, p)
			for _, s := range tt.before {
				mustRespond(t, p, s)
			}
			if len(p.State().Objections) == 0 {
				t.Fatal("no objection open before the farewell")
			}
			r := mustRespond(t, p, tt.said)
			if !slices.Contains(tt.want, r.Text) {
				t.Errorf("farewell answered %q, want a goodbye, one of %q", r.Text, tt.want)
			}
			if st := p.State(); !r.Hangup || st.Outcome != openline.OutcomePoliteEnd {
				t.Errorf("hangup %v, outcome %q; want the call ended politely", r.Hangup, st.Outcome)
			}
		})
	}
	// A rule that names farewell still has the last word.
	_, p := mustStart(t, "werkstatt.yaml", "plausch", 1)
	mustOpen(t, p)
	if r := mustRespond(t, p, "#farewell Tschüss!"); r.Text != "Tschüss dann!" {
		t.Errorf("farewell rule: %q, want %q", r.Text, "Tschüss dann!")
	}
}

func TestRevealSettlesObjection(t *testing.T) {
	t.Run("a rule's reveal answering a feedback request answers the objection", func(t *testing.T) {
		sc, p := mustStart(t, "firm.yaml", "", 1)
		mustOpen(t, p)
		mustRespond(t, p, introEN)
		mustRespond(t, p, "#pitch We have a pension scheme for small firms.")
		interest, patience := p.interest, p.patience
		r := mustRespond(t, p, "#feedback_request May I ask, honestly, what doesn't fit?")
		if !slices.Equal(r.Reveals, []string{"honest"}) {
			t.Fatalf("feedback request: reveals %q (%q), want honest", r.Reveals, r.Text)
		}
		// +1 interest for the reveal; +1 interest, +1 patience for the
		// objection answered.
		if p.interest != interest+2 || p.patience != patience+1 {
			t.Errorf("interest %d, patience %d; want %d, %d", p.interest, p.patience, interest+2, patience+1)
		}
		answered := sc.Objections[0].Answered
		r = mustRespond(t, p, "#acknowledgement #open_question I see. And what keeps you busy in the workshop?")
		if slices.Contains(answered, r.Text) {
			t.Errorf("the objection's answer %q spoken after the reveal settled it", r.Text)
		}
		if !slices.Equal(r.Reveals, []string{"staff"}) {
			t.Errorf("the question in the acknowledgement went unanswered: %q, reveals %q", r.Text, r.Reveals)
		}
	})
	t.Run("an acknowledgement with a question earning a need gets the need", func(t *testing.T) {
		sc, p := mustStart(t, "firm.yaml", "", 1)
		mustOpen(t, p)
		mustRespond(t, p, introEN)
		mustRespond(t, p, "#pitch We have a pension scheme for small firms.")
		r := mustRespond(t, p, "#acknowledgement #open_question Fair enough. What keeps your business busy?")
		if !slices.Equal(r.Reveals, []string{"staff"}) || slices.Contains(sc.Objections[0].Answered, r.Text) {
			t.Errorf("reply %q reveals %q; want the need, not the objection's answer", r.Text, r.Reveals)
		}
		if r = mustRespond(t, p, "#acknowledgement I see."); slices.Contains(sc.Objections[0].Answered, r.Text) {
			t.Errorf("objection answered twice: %q", r.Text)
		}
	})
	t.Run("an objection left behind a need is answered only when the trainee returns to it", func(t *testing.T) {
		sc, p := mustStart(t, "werkstatt.yaml", "chef", 1)
		mustOpen(t, p)
		mustRespond(t, p, intro)
		mustRespond(t, p, "#pitch Unser Angebot.")
		p.interest = 3
		if r := mustRespond(t, p, "#open_question Was beschäftigt Sie in der Werkstatt?"); len(r.Reveals) != 1 {
			t.Fatalf("no reveal: %q", r.Text)
		}
		answered := sc.Objections[0].Answered
		if r := mustRespond(t, p, "#acknowledgement Das klingt schwierig."); slices.Contains(answered, r.Text) {
			t.Errorf("an acknowledgement of the need got the old objection's answer %q", r.Text)
		}
		if r := mustRespond(t, p, "#feedback_request Darf ich noch fragen, was an unserem Angebot nicht passt?"); !slices.Contains(answered, r.Text) {
			t.Errorf("a feedback request returning to the no got %q, want the objection's answer", r.Text)
		}
	})
}

func TestFollowUpOnARevealedNeed(t *testing.T) {
	sc, p := mustStart(t, "firm.yaml", "", 2)
	mustOpen(t, p)
	mustRespond(t, p, introEN)
	first := mustRespond(t, p, "#open_question How is the business going?")
	if !slices.Equal(first.Reveals, []string{"staff"}) {
		t.Fatalf("no reveal: %q", first.Text)
	}
	need := sc.Need("staff")
	elaborate := ownLines[openline.English][voicePersona][lineElaborate]
	goOn := ownLines[openline.English][voicePersona][lineGoOn]
	saidBefore := sentences(first.Text)
	var replies []string
	for i, said := range []string{
		"#open_question #follow_up Why do they leave, do you think?",
		"#acknowledgement That sounds hard.",
		"#closed_question #follow_up Has that happened before?",
		"#acknowledgement I see.",
	} {
		r := mustRespond(t, p, said)
		replies = append(replies, r.Text)
		if len(r.Reveals) > 0 || slices.Contains(r.Acts, openline.ActReveal) {
			t.Errorf("turn %d: a continuation carries a reveal: %+v", i+1, r)
		}
		if slices.Contains(elaborate, r.Text) {
			continue
		}
		detail, ok := detailOf(r.Text, need, goOn)
		if !ok {
			t.Fatalf("turn %d %q: reply %q is neither a detail of the need nor a reflective line", i+1, said, r.Text)
		}
		if slices.Contains(saidBefore, detail) {
			t.Errorf("turn %d: detail %q was said already", i+1, detail)
		}
		saidBefore = append(saidBefore, detail)
	}
	// The first follow-up gets a detail; the replies differ from each other.
	if slices.Contains(elaborate, replies[0]) {
		t.Errorf("the first follow-up got the stock line %q, want a detail of the need", replies[0])
	}
	for i := 1; i < len(replies); i++ {
		if replies[i] == replies[i-1] {
			t.Errorf("reply %d repeats %q", i+1, replies[i])
		}
	}

	t.Run("changing the subject is no follow-up", func(t *testing.T) {
		_, p := mustStart(t, "firm.yaml", "", 2)
		mustOpen(t, p)
		mustRespond(t, p, introEN)
		mustRespond(t, p, "#open_question How is the business going?")
		r := mustRespond(t, p, "#acknowledgement #open_question I see. And what else do you do, besides work?")
		if _, ok := detailOf(r.Text, need, goOn); ok || slices.Contains(elaborate, r.Text) {
			t.Errorf("a change of subject got a continuation of the need: %q", r.Text)
		}
	})
	t.Run("a later question naming the need picks it up again", func(t *testing.T) {
		_, p := mustStart(t, "firm.yaml", "", 2)
		mustOpen(t, p)
		mustRespond(t, p, introEN)
		mustRespond(t, p, "#open_question How is the business going?")
		mustRespond(t, p, "#closed_question Nice weather today, isn't it?")
		r := mustRespond(t, p, "#open_question Coming back to your joiners – where do they go?")
		if _, ok := detailOf(r.Text, need, goOn); !ok && !slices.Contains(elaborate, r.Text) {
			t.Errorf("a question naming the need got %q, want a continuation", r.Text)
		}
	})
	t.Run("German", func(t *testing.T) {
		sc, p := mustStart(t, "werkstatt.yaml", "chef", 1)
		mustOpen(t, p)
		mustRespond(t, p, intro)
		mustRespond(t, p, "#open_question Was beschäftigt Sie in der Werkstatt?")
		r := mustRespond(t, p, "#open_question #follow_up Wie kommt das?")
		goOnDE := ownLines[openline.German][voicePersona][lineGoOn]
		if _, ok := detailOf(r.Text, sc.Need("azubis"), goOnDE); !ok {
			t.Errorf("follow-up answered %q, want a continuation", r.Text)
		}
	})
}

// detailOf returns the detail of need n that reply tells: a sentence of
// one of n's reveal lines, alone or after one of the lead-ins.
func detailOf(reply string, n *openline.Need, leads []string) (string, bool) {
	candidates := []string{reply}
	for _, l := range leads {
		if d, found := strings.CutPrefix(reply, l+" "); found {
			candidates = append(candidates, d)
		}
	}
	for _, d := range candidates {
		if slices.ContainsFunc(n.Reveal, func(l string) bool { return slices.Contains(sentences(l), d) }) {
			return d, true
		}
	}
	return "", false
}

func TestNameHeardWithoutTheTagger(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		said     []string
		wantWhos int // who-is questions in the replies
	}{
		{"German name before hier", "werkstatt.yaml", []string{"#greeting Guten Tag, Anna Keller hier.", "#open_question Wie läuft's?", "#closed_question Alles gut?"}, 0},
		{"German hier ist", "werkstatt.yaml", []string{"#greeting Guten Tag, hier ist Anna Keller von Netzwerk Nord.", "#closed_question Alles gut?"}, 0},
		{"English name before here", "firm.yaml", []string{"#greeting Hi, Sam Taylor here.", "#closed_question All good?", "#closed_question Really?"}, 0},
		{"English this is", "firm.yaml", []string{"#greeting Hello, this is Sam.", "#closed_question All good?"}, 0},
		{"a name given when asked", "firm.yaml", []string{"#greeting Hello!", "Sam Taylor, from Northwind.", "#closed_question All good?"}, 1},
		{"no name at all is asked twice", "firm.yaml", []string{"#greeting Hello!", "#closed_question All good?", "#closed_question Really?"}, 2},
		{"German: no name, asked twice", "werkstatt.yaml", []string{"#greeting Hallo!", "#closed_question Alles gut hier?", "#closed_question Wirklich?"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, p := mustStart(t, tt.file, "", 1)
			if tt.file == "werkstatt.yaml" {
				sc.Dialogue.Start = "chef"
				p.node = stateIndex(sc, "chef")
			}
			mustOpen(t, p)
			whos := 0
			var got []string
			for _, s := range tt.said {
				r := mustRespond(t, p, s)
				got = append(got, r.Text)
				if slices.Contains(ownLines[sc.Language][voicePersona][lineWhoIs], r.Text) {
					whos++
				}
			}
			if whos != tt.wantWhos {
				t.Errorf("asked who is there %d times, want %d: %q", whos, tt.wantWhos, got)
			}
		})
	}
}

func TestWhoIsOnlyAtTheStart(t *testing.T) {
	whoIs := ownLines[openline.German][voicePersona][lineWhoIs]
	t.Run("not after an objection", func(t *testing.T) {
		_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
		mustOpen(t, p)
		mustRespond(t, p, "#pitch Unser Angebot.")
		if r := mustRespond(t, p, "#closed_question Warum denn nicht?"); slices.Contains(whoIs, r.Text) {
			t.Errorf("asked who is there after raising an objection: %q", r.Text)
		}
	})
	t.Run("not after leaving the start state", func(t *testing.T) {
		_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
		mustOpen(t, p)
		mustRespond(t, p, "#closed_question Kennen Sie den Wetterbericht?") // goto plausch
		if r := mustRespond(t, p, "#closed_question Und sonst?"); slices.Contains(whoIs, r.Text) {
			t.Errorf("asked who is there outside the start state: %q", r.Text)
		}
	})
}

func TestSentences(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"Staff. Always staff. The big firms pay more.", []string{"Staff.", "Always staff.", "The big firms pay more."}},
		{"Ehrlich? Der Dienstplan. Spätdienste kriege ich kaum besetzt.", []string{"Ehrlich?", "Der Dienstplan.", "Spätdienste kriege ich kaum besetzt."}},
		{"Herr B. sagt, am 12. März. Gut!", []string{"Herr B. sagt, am 12. März.", "Gut!"}},
		{"Ach, wissen Sie … meine Filialleiterin hat gekündigt.", []string{"Ach, wissen Sie … meine Filialleiterin hat gekündigt."}},
		{"Er sagte: „Nie wieder.“ Dann ging er.", []string{"Er sagte: „Nie wieder.“ Dann ging er."}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := sentences(tt.line); !slices.Equal(got, tt.want) {
			t.Errorf("sentences(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestANeedIsTalkedOut(t *testing.T) {
	_, p := mustStart(t, "firm.yaml", "", 3)
	mustOpen(t, p)
	mustRespond(t, p, introEN)
	mustRespond(t, p, "#open_question How is the business going?")
	elaborate := ownLines[openline.English][voicePersona][lineElaborate]
	reflections := 0
	for i := range 10 {
		r := mustRespond(t, p, "#acknowledgement I see.")
		if slices.Contains(elaborate, r.Text) {
			reflections++
		}
		if i == 9 && r.Text != "" && !slices.ContainsFunc(ownLines[openline.English][voicePersona][lineAcknowledgement], func(ack string) bool {
			return strings.HasSuffix(r.Text, lowerFirst(ack)) // said again with a lead-in
		}) {
			t.Errorf("after ten acknowledgements the prospect still goes on: %q", r.Text)
		}
	}
	if reflections != maxReflections {
		t.Errorf("%d reflective lines on one need, want %d", reflections, maxReflections)
	}
}

func TestQuestionAskedAgain(t *testing.T) {
	again := ownLines[openline.English][voicePersona][lineAskedAgain]
	_, p := mustStart(t, "firm.yaml", "", 1)
	mustOpen(t, p)
	mustRespond(t, p, introEN)
	q := "#open_question How is the business going?"
	if r := mustRespond(t, p, q); slices.Contains(again, r.Text) {
		t.Fatalf("the first time already: %q", r.Text)
	}
	mustRespond(t, p, "#closed_question Nice weather, isn't it?")
	if r := mustRespond(t, p, "#open_question How is the business  going ?!"); !slices.Contains(again, r.Text) {
		t.Errorf("the same question again got %q, want one of %q", r.Text, again)
	}
	if r := mustRespond(t, p, "#open_question How is the team doing?"); slices.Contains(again, r.Text) {
		t.Errorf("another question got %q", r.Text)
	}
}

func TestOpensItself(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"Ach, was ich mache … ich koordiniere.", true},
		{"Honestly? It's the drivers.", true},
		{"Tja, so ist das.", true},
		{"Well it depends.", true},
		{"Ein Meister hat mir letzte Woche gesagt: Ich hätte Arbeit.", false},
		{"Two of my reps went to a competitor.", false},
	}
	for _, tt := range tests {
		if got := opensItself(tt.sentence); got != tt.want {
			t.Errorf("opensItself(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
}

func TestNameHeardByTheRules(t *testing.T) {
	// The gatekeeper puts through on introduction; the marker tagger hears
	// none in this turn, the engine hears the name.
	_, p := mustStart(t, "werkstatt.yaml", "", 1)
	mustOpen(t, p)
	r := mustRespond(t, p, "#greeting Guten Tag, Anna Berg hier, von Netzwerk Nord.")
	if got := p.State().Node; got != "chef" || !strings.HasPrefix(r.Text, "Einen Moment, ich verbinde.") {
		t.Errorf("node %q, reply %q; want the gatekeeper to put the named caller through", got, r.Text)
	}
	_, p = mustStart(t, "werkstatt.yaml", "", 1)
	mustOpen(t, p)
	if mustRespond(t, p, "#greeting Guten Tag, ich rufe wegen Ihrer Werkstatt an."); p.State().Node != "zentrale" {
		t.Errorf("a caller without a name was put through")
	}
}
