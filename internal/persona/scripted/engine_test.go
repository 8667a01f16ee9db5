package scripted

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
	"github.com/openline/openline/internal/scenario"
)

// markerTagger tags a trainee turn with the acts written into it as #act
// markers ("#open_question Wie läuft der Betrieb?"), so these tests pin the
// engine's semantics independently of the real tagger's judgement. Prospect
// turns carry no acts beyond what the engine adds.
var markerTagger = tagger{
	trainee: func(_ openline.Language, text string, _ acts.Context) acts.Result {
		var r acts.Result
		for _, a := range openline.TraineeActs {
			if strings.Contains(text, "#"+string(a)+" ") || strings.HasSuffix(text, "#"+string(a)) {
				r.Acts = append(r.Acts, a)
			}
		}
		// One sentence carrying them all, as the reading's questions
		// are sentences.
		r.Sentences = []acts.Sentence{{Start: 0, End: len(text), Acts: r.Acts}}
		return r
	},
	prospect: func(openline.Language, string) acts.Result { return acts.Result{} },
}

// mustLoad parses a scenario file of testdata.
func mustLoad(t testing.TB, file string) *openline.Scenario {
	t.Helper()
	return mustLoadFrom(t, "testdata", file)
}

// mustLoadFrom parses the scenario file dir/file.
func mustLoadFrom(t testing.TB, dir, file string) *openline.Scenario {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := scenario.Parse(file, data)
	if err != nil {
		t.Fatalf("parse %s: %v", file, err)
	}
	return sc
}

// mustStart starts a prospect with the marker tagger; start, when not
// empty, replaces the scenario's start state.
func mustStart(t testing.TB, file, start string, seed int64) (*openline.Scenario, *prospect) {
	t.Helper()
	sc := mustLoad(t, file)
	if start != "" {
		sc.Dialogue.Start = start
	}
	p, err := engine{markerTagger}.Start(sc, seed)
	if err != nil {
		t.Fatal(err)
	}
	return sc, p.(*prospect)
}

func mustOpen(t testing.TB, p persona.Prospect) persona.Reply {
	t.Helper()
	r, err := p.Open(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func mustRespond(t testing.TB, p persona.Prospect, said string) persona.Reply {
	t.Helper()
	r, err := p.Respond(context.Background(), said, nil)
	if err != nil {
		t.Fatalf("respond %q: %v", said, err)
	}
	return r
}

// talk opens a call and says every turn, returning the replies' texts.
func talk(t testing.TB, p persona.Prospect, turns ...string) []string {
	t.Helper()
	out := []string{mustOpen(t, p).Text}
	for _, s := range turns {
		out = append(out, mustRespond(t, p, s).Text)
	}
	return out
}

const (
	intro = "#greeting #introduction Guten Tag, hier ist Anna Berg von Netzwerk Nord."
)

func TestSeedDeterminesTheCall(t *testing.T) {
	turns := []string{intro, "#closed_question Haben Sie kurz Zeit?", "#acknowledgement Verstehe.", "#closed_question Und sonst?", "#acknowledgement Gut.", "#closed_question Wirklich?", "#open_question Wie geht es Ihnen heute?"}
	_, a := mustStart(t, "werkstatt.yaml", "", 7)
	_, b := mustStart(t, "werkstatt.yaml", "", 7)
	got, again := talk(t, a, turns...), talk(t, b, turns...)
	if !slices.Equal(got, again) {
		t.Errorf("same seed, different calls:\n%q\n%q", got, again)
	}
	if a.State().Node != b.State().Node || a.State().Patience != b.State().Patience {
		t.Errorf("same seed, different states: %+v, %+v", a.State(), b.State())
	}
	differ := 0
	for seed := int64(1); seed <= 10; seed++ {
		_, c := mustStart(t, "werkstatt.yaml", "", seed)
		if !slices.Equal(talk(t, c, turns...), got) {
			differ++
		}
	}
	if differ < 8 {
		t.Errorf("%d of 10 other seeds gave a different call, want at least 8", differ)
	}
}

func TestNoLineTwiceInARow(t *testing.T) {
	for _, said := range []string{"#closed_question Ist das so?", "", "😀", "#pitch #pressure Sie müssen jetzt kaufen."} {
		for seed := int64(1); seed <= 20; seed++ {
			_, p := mustStart(t, "werkstatt.yaml", "chef", seed)
			p.patience = MaxPatience
			p.startPatience = MaxPatience
			prev := mustOpen(t, p).Text
			seen := map[string]int{}
			for i := 0; i < 6 && p.outcome == openline.OutcomeNone; i++ {
				p.patience = MaxPatience // keep the call going
				r := mustRespond(t, p, said)
				if r.Text == prev {
					t.Fatalf("seed %d, turn %d (%q): %q twice in a row", seed, i, said, r.Text)
				}
				seen[r.Text]++
				prev = r.Text
			}
			// Three variants and six turns: each line at most twice.
			for line, n := range seen {
				if n > 2 {
					t.Errorf("seed %d (%q): %q used %d times in 6 turns over 3 variants", seed, said, line, n)
				}
			}
		}
	}
}

func TestPushingIsHungUpOn(t *testing.T) {
	_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
	mustOpen(t, p)
	var last persona.Reply
	turns := 0
	for p.State().Outcome == openline.OutcomeNone {
		if turns++; turns > 5 {
			t.Fatalf("still on the phone after %d pushing turns: %+v", turns-1, p.State())
		}
		last = mustRespond(t, p, "#pitch #pressure Sie müssen das jetzt unterschreiben, nur heute!")
	}
	// Patience 5, each turn −2 (pressure) −1 (the rule): the second turn
	// would leave none, so it gets the warning; the third hangs up.
	if turns != 3 {
		t.Errorf("hung up after %d turns, want 3", turns)
	}
	st := p.State()
	if !last.Hangup || st.Outcome != openline.OutcomeHungUp || st.Patience != 0 {
		t.Errorf("last reply %+v, state %+v; want a hang-up at patience 0", last, st)
	}
	if !slices.Contains(last.Acts, openline.ActHangup) {
		t.Errorf("acts %v lack hangup", last.Acts)
	}
	if !slices.Contains(ownLines[openline.German][voicePersona][lineHangup], last.Text) {
		t.Errorf("hang-up line %q is not one of the engine's", last.Text)
	}
	if _, err := p.Respond(context.Background(), "Hallo?", nil); !errors.Is(err, persona.ErrCallOver) {
		t.Errorf("respond after the hang-up: err %v, want ErrCallOver", err)
	}
	if _, err := p.Open(context.Background(), nil); !errors.Is(err, persona.ErrCallOver) {
		t.Errorf("open after the hang-up: err %v, want ErrCallOver", err)
	}
}

func TestPatienceMoves(t *testing.T) {
	long := "#pitch " + strings.Repeat("Wir haben ein tolles Angebot für Sie. ", 12) // 73 words
	tests := []struct {
		name  string
		start int
		said  []string
		want  int
	}{
		{"acknowledgement recovers", 3, []string{"#acknowledgement Das verstehe ich gut."}, 4},
		{"recovery is capped at the start", 5, []string{"#acknowledgement Verstehe.", "#open_question Wie meinen Sie das?"}, 5},
		{"pressure drains, and the rule's patience too", 5, []string{"#pressure Jetzt aber."}, 2},
		{"long pitch drains", 5, []string{long}, 4},
		{"re-pitch after a no drains", 5, []string{"#pitch Unser Produkt.", "#pitch Unser Produkt ist wirklich gut."}, 4},
		{"ignoring an objection drains", 5, []string{"#pitch Unser Produkt.", "#pressure Das ist Unsinn."}, 1},
		{"first silence is free, the next costs", 5, []string{"", " ", "\t"}, 3},
		{"garbage is free", 5, []string{"???", "<br/>", "🙂🙂"}, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
			mustOpen(t, p)
			mustRespond(t, p, intro)
			p.patience = tt.start
			for _, s := range tt.said {
				mustRespond(t, p, s)
			}
			if got := p.State().Patience; got != tt.want {
				t.Errorf("patience %d, want %d", got, tt.want)
			}
		})
	}
}

func TestNeedRevealedOnlyWhenEarned(t *testing.T) {
	tests := []struct {
		name     string
		interest int
		said     string
		want     []string
	}{
		{"closed question on the topic", 2, "#closed_question Läuft der Betrieb gut?", nil},
		{"open question off the topic", 2, "#open_question Wie war Ihr Urlaub?", nil},
		{"open question on the topic", 2, "#open_question Was beschäftigt Sie in der Werkstatt?", []string{"azubis"}},
		{"personal interest on the topic", 2, "#personal_interest Was macht Ihr Team sonst so?", []string{"azubis"}},
		{"open question on the topic, interest too low", 0, "#open_question Was beschäftigt Sie in der Werkstatt?", nil},
		{"follow-up needs interest 4", 2, "#follow_up #open_question Was heißt das für die Azubis?", nil},
		{"follow-up at interest 4", 4, "#follow_up #open_question Was heißt das für die Azubis?", []string{"nachfolge"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, p := mustStart(t, "werkstatt.yaml", "chef", 1)
			mustOpen(t, p)
			mustRespond(t, p, intro)
			p.interest = tt.interest
			r := mustRespond(t, p, tt.said)
			if !slices.Equal(r.Reveals, tt.want) {
				t.Fatalf("reveals %q, want %q (reply %q)", r.Reveals, tt.want, r.Text)
			}
			if !slices.Equal(p.State().Revealed, tt.want) {
				t.Errorf("state revealed %q, want %q", p.State().Revealed, tt.want)
			}
			if len(tt.want) == 0 {
				if slices.Contains(r.Acts, openline.ActReveal) {
					t.Errorf("acts %v carry reveal without a reveal", r.Acts)
				}
				return
			}
			if !slices.Contains(sc.Need(tt.want[0]).Reveal, r.Text) {
				t.Errorf("reply %q is not a reveal line of %s", r.Text, tt.want[0])
			}
			if !slices.Contains(r.Acts, openline.ActReveal) {
				t.Errorf("acts %v lack reveal", r.Acts)
			}
			// Each need once: asking again does not reveal it again.
			if again := mustRespond(t, p, tt.said); len(again.Reveals) > 0 && again.Reveals[0] == tt.want[0] {
				t.Errorf("%s revealed twice", tt.want[0])
			}
		})
	}
}

func TestObjectionRaisedAndAnswered(t *testing.T) {
	sc, p := mustStart(t, "werkstatt.yaml", "chef", 3)
	mustOpen(t, p)
	mustRespond(t, p, intro)
	o := sc.Objections[0]

	r := mustRespond(t, p, "#pitch Wir haben eine Versicherung für Handwerker.")
	if !slices.Contains(o.Say, r.Text) || !slices.Contains(r.Acts, openline.ActObjection) || !slices.Contains(r.Acts, openline.ActRejection) {
		t.Fatalf("pitch: reply %q acts %v, want the objection raised", r.Text, r.Acts)
	}
	if got := p.State().Objections; !slices.Equal(got, []string{o.ID}) {
		t.Errorf("objections %q, want [%s]", got, o.ID)
	}
	if !p.rejected {
		t.Error("an objection raised does not count as a no")
	}
	r = mustRespond(t, p, "#pitch Die Versicherung ist wirklich günstig.")
	if slices.Contains(o.Say, r.Text) {
		t.Errorf("objection raised twice: %q", r.Text)
	}
	if !slices.Contains(ownLines[openline.German][voicePersona][lineRepitch], r.Text) {
		t.Errorf("re-pitch answered %q, want a re-pitch line", r.Text)
	}
	interest := p.interest
	r = mustRespond(t, p, "#feedback_request Darf ich fragen, was genau nicht passt?")
	if !slices.Contains(o.Answered, r.Text) {
		t.Errorf("feedback request answered %q, want %q", r.Text, o.Answered)
	}
	if p.interest != interest+1 {
		t.Errorf("interest %d after the answer, want %d", p.interest, interest+1)
	}
	if r = mustRespond(t, p, "#feedback_request Und warum noch?"); slices.Contains(o.Answered, r.Text) {
		t.Errorf("objection answered twice: %q", r.Text)
	}
}

func TestNextStep(t *testing.T) {
	invite := "#offer_help #proposal Darf ich Sie zu unserem Unternehmertreffen einladen?"
	t.Run("too early is declined", func(t *testing.T) {
		_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
		mustOpen(t, p)
		mustRespond(t, p, intro)
		r := mustRespond(t, p, invite) // interest 2+2 = 4 < 6
		if r.Hangup || p.State().Outcome != openline.OutcomeNone {
			t.Fatalf("agreed too early: %+v %+v", r, p.State())
		}
		if !slices.Contains(r.Acts, openline.ActRejection) || !p.rejected {
			t.Errorf("decline %q carries acts %v, want rejection", r.Text, r.Acts)
		}
	})
	t.Run("agreed when interest is high enough", func(t *testing.T) {
		_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
		mustOpen(t, p)
		mustRespond(t, p, intro)
		if r := mustRespond(t, p, "#open_question #personal_interest Was beschäftigt Sie in Ihrem Betrieb?"); len(r.Reveals) != 1 {
			t.Fatalf("no reveal: %q", r.Text)
		}
		r := mustRespond(t, p, invite)
		st := p.State()
		if r.Text != "Ja, da komme ich gern." || r.Hangup || st.Outcome != openline.OutcomeNextStep || st.NextStep != "invitation" {
			t.Errorf("reply %+v state %+v, want the invitation agreed and the call going on", r, st)
		}
		if !slices.Contains(r.Acts, openline.ActInterest) || slices.Contains(r.Acts, openline.ActHangup) {
			t.Errorf("acts %v, want interest and no hangup", r.Acts)
		}
		r = mustRespond(t, p, "#acknowledgement Prima, dann schicke ich Ihnen den Termin.")
		if r.Hangup || p.State().Outcome != openline.OutcomeNextStep {
			t.Errorf("confirmation %q ended the call: %+v", r.Text, p.State())
		}
		r = mustRespond(t, p, "#farewell Danke, auf Wiederhören!")
		if st := p.State(); !r.Hangup || st.Outcome != openline.OutcomeNextStep || st.NextStep != "invitation" {
			t.Errorf("goodbye %q: hangup %t, state %+v; want the call ended with the invitation", r.Text, r.Hangup, st)
		}
	})
	t.Run("engine agrees a proposal without a rule", func(t *testing.T) {
		_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
		mustOpen(t, p)
		mustRespond(t, p, intro)
		p.interest = 6
		mustRespond(t, p, "#proposal Soll ich Ihnen die Unterlagen per Mail schicken?")
		if st := p.State(); st.Outcome != openline.OutcomeNextStep || st.NextStep != "send_info" {
			t.Errorf("state %+v, want next step send_info", st)
		}
	})
	t.Run("a feedback request naming the proposal agrees nothing", func(t *testing.T) {
		_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
		mustOpen(t, p)
		mustRespond(t, p, intro)
		p.interest = MaxInterest
		r := mustRespond(t, p, "#open_question #feedback_request #proposal Was an meinem Vorschlag passt Ihnen nicht?")
		if st := p.State(); r.Hangup || st.Outcome != openline.OutcomeNone || st.NextStep != "" {
			t.Errorf("reply %q state %+v, want no next step on a question why not", r.Text, st)
		}
	})
}

func TestGatekeeperPutsThrough(t *testing.T) {
	sc, p := mustStart(t, "werkstatt.yaml", "", 1)
	if got := mustOpen(t, p).Text; got != sc.Gatekeeper.Opening[0] {
		t.Errorf("opening %q, want the gatekeeper's %q", got, sc.Gatekeeper.Opening[0])
	}
	r := mustRespond(t, p, "#greeting Hallo!")
	whoIs := []string{"Werkstatt Krause, Frau Lind am Apparat. Mit wem spreche ich bitte?", "Darf ich fragen, wer spricht?"}
	if !slices.Contains(whoIs, r.Text) {
		t.Errorf("gatekeeper asked %q, want one of %q", r.Text, whoIs)
	}
	r = mustRespond(t, p, "#open_question Was beschäftigt Sie in der Werkstatt?")
	if len(r.Reveals) > 0 {
		t.Errorf("the gatekeeper revealed %q", r.Reveals)
	}
	r = mustRespond(t, p, intro)
	if !strings.HasPrefix(r.Text, "Einen Moment, ich verbinde."+putThroughGlue) || !slices.ContainsFunc(sc.Persona.Opening, func(o string) bool { return strings.HasSuffix(r.Text, o) }) {
		t.Errorf("put-through %q, want the gatekeeper's line and the persona's opening", r.Text)
	}
	if got := p.State().Node; got != "chef" {
		t.Errorf("node %q, want chef", got)
	}
}

func TestWhoIsThere(t *testing.T) {
	_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
	mustOpen(t, p)
	whoIs := ownLines[openline.German][voicePersona][lineWhoIs]
	for i, said := range []string{"#greeting Hallo!", "#open_question Wie geht's?"} {
		if r := mustRespond(t, p, said); !slices.Contains(whoIs, r.Text) {
			t.Errorf("turn %d %q: %q, want who-is-there", i, said, r.Text)
		}
	}
	// Asked twice; then the prospect gives up asking.
	if r := mustRespond(t, p, "#greeting Hallo!"); slices.Contains(whoIs, r.Text) {
		t.Errorf("asked a third time: %q", r.Text)
	}
	_, p = mustStart(t, "werkstatt.yaml", "chef", 1)
	mustOpen(t, p)
	if r := mustRespond(t, p, intro); slices.Contains(whoIs, r.Text) {
		t.Errorf("asked who is there after an introduction: %q", r.Text)
	}
}

func TestInbound(t *testing.T) {
	sc, p := mustStart(t, "inbound.yaml", "", 1)
	if got := mustOpen(t, p).Text; got != sc.Persona.Opening[0] {
		t.Errorf("opening %q, want %q", got, sc.Persona.Opening[0])
	}
	r := mustRespond(t, p, "#greeting Hello!")
	if slices.Contains(ownLines[openline.English][voicePersona][lineWhoIs], r.Text) {
		t.Errorf("an inbound caller asked who is there: %q", r.Text)
	}
	// Easy: interest 3, the need has no topics and no min_interest.
	if r = mustRespond(t, p, "#personal_interest What else keeps you busy?"); !slices.Equal(r.Reveals, []string{"internships"}) {
		t.Errorf("reveals %q (%q), want internships", r.Reveals, r.Text)
	}
}

func TestPersonLikeReplies(t *testing.T) {
	de := ownLines[openline.German][voicePersona]
	tests := []struct {
		name string
		said string
		want []string
	}{
		{"silence", "   ", de[lineSilence]},
		{"emoji", "🙈🙉🙊", de[lineGarbage]},
		{"markup only", "<div><br/></div>", de[lineGarbage]},
		{"markup around words", "<b>#pitch Unser Angebot</b>", []string{"Das ist in der Tat nichts für uns.", "Nein, das brauchen wir nicht."}},
		{"another language", "#open_question What do you think about this offer, is it not good?", de[lineForeign]},
		{"another script", "これは何ですか？よく分かりません。", de[lineForeign]},
		{"no act at all", "Blau.", de[lineOffTopic]},
		{"small talk", "#closed_question Und, wie geht's Ihnen heute?", de[lineSmallTalk]},
		{"a long monologue", strings.Repeat("Ja und dann ", 3400), de[lineMonologue]},
		{"a farewell", "#farewell Auf Wiederhören!", de[lineFarewell]},
		{"asking for a moment", "#permission #closed_question Passt es gerade?", de[linePermission]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
			mustOpen(t, p)
			mustRespond(t, p, intro)
			r := mustRespond(t, p, tt.said)
			if !slices.Contains(tt.want, r.Text) {
				t.Errorf("reply %q, want one of %q", r.Text, tt.want)
			}
		})
	}
}

func TestLongTurnDrainsPatience(t *testing.T) {
	_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
	mustOpen(t, p)
	mustRespond(t, p, intro)
	before := p.patience
	mustRespond(t, p, strings.Repeat("Wort ", 2000)) // 10,000 characters
	if got, want := p.patience, before-2; got != want {
		t.Errorf("patience %d after 2,000 words, want %d", got, want)
	}
}

func TestCallEnds(t *testing.T) {
	t.Run("farewell ends politely", func(t *testing.T) {
		_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
		mustOpen(t, p)
		mustRespond(t, p, intro)
		r := mustRespond(t, p, "#acknowledgement #farewell Danke Ihnen, auf Wiederhören!")
		if !r.Hangup || p.State().Outcome != openline.OutcomePoliteEnd || slices.Contains(r.Acts, openline.ActHangup) {
			t.Errorf("reply %+v state %+v, want a polite end", r, p.State())
		}
		if _, err := p.Respond(context.Background(), "Noch was!", nil); !errors.Is(err, persona.ErrCallOver) {
			t.Errorf("err %v, want ErrCallOver", err)
		}
	})
	t.Run("farewell with a question goes on", func(t *testing.T) {
		_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
		mustOpen(t, p)
		mustRespond(t, p, intro)
		if r := mustRespond(t, p, "#farewell #closed_question Tschüss – oder haben Sie noch eine Frage?"); r.Hangup {
			t.Errorf("call ended: %+v", r)
		}
	})
	t.Run("a rule's farewell line ends politely", func(t *testing.T) {
		_, p := mustStart(t, "werkstatt.yaml", "plausch", 1)
		mustOpen(t, p)
		mustRespond(t, p, intro)
		r := mustRespond(t, p, "#farewell Tschüss!")
		if r.Text != "Tschüss dann!" || !r.Hangup || p.State().Outcome != openline.OutcomePoliteEnd {
			t.Errorf("reply %+v state %+v", r, p.State())
		}
	})
	t.Run("context cancelled", func(t *testing.T) {
		_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := p.Open(ctx, nil); !errors.Is(err, context.Canceled) {
			t.Errorf("err %v, want context.Canceled", err)
		}
	})
}

func TestRules(t *testing.T) {
	t.Run("once fires once", func(t *testing.T) {
		_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
		mustOpen(t, p)
		mustRespond(t, p, intro)
		said := "#acknowledgement Ihr Geheimnis ist bei mir sicher."
		if r := mustRespond(t, p, said); r.Text != "Das sage ich nur einmal." {
			t.Errorf("first: %q", r.Text)
		}
		if r := mustRespond(t, p, said); r.Text == "Das sage ich nur einmal." {
			t.Errorf("a once rule fired twice")
		}
	})
	t.Run("a small-talk sentence holds only keywords of small talk", func(t *testing.T) {
		_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
		mustOpen(t, p)
		mustRespond(t, p, intro)
		mustRespond(t, p, "#closed_question Kennen Sie den Wetterbericht?") // goto plausch
		if r := mustRespond(t, p, "Ich hoffe, Sie kommen gut zurück durch den Stau!"); r.Text == "Gut, zurück zum Thema." {
			t.Errorf("a keyword in a remark on the traffic moved the call back: %q", r.Text)
		}
	})
	t.Run("a rule without say moves and lets the engine speak", func(t *testing.T) {
		_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
		mustOpen(t, p)
		mustRespond(t, p, intro)
		r := mustRespond(t, p, "#closed_question Kennen Sie den Wetterbericht?")
		if p.State().Node != "plausch" || !slices.Contains(ownLines[openline.German][voicePersona][lineSmallTalkTopic], r.Text) {
			t.Errorf("node %q reply %q, want plausch and small talk", p.State().Node, r.Text)
		}
		if r = mustRespond(t, p, "Zurück zum Thema."); r.Text != "Gut, zurück zum Thema." || p.State().Node != "chef" {
			t.Errorf("node %q reply %q", p.State().Node, r.Text)
		}
	})
}

func TestStream(t *testing.T) {
	_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
	mustOpen(t, p)
	var chunks []string
	r, err := p.Respond(context.Background(), intro, func(d string) { chunks = append(chunks, d) })
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(chunks, "") != r.Text {
		t.Errorf("chunks %q do not make %q", chunks, r.Text)
	}
	for _, c := range chunks {
		if n := len(strings.Fields(c)); n == 0 || n > chunkWords {
			t.Errorf("chunk %q has %d words, want 1–%d", c, n, chunkWords)
		}
	}
	if len(strings.Fields(r.Text)) > chunkWords && len(chunks) < 2 {
		t.Errorf("%q streamed in %d chunk", r.Text, len(chunks))
	}
}

func TestStartRejectsUnplayable(t *testing.T) {
	tests := []struct {
		name   string
		modify func(*openline.Scenario)
	}{
		{"language", func(sc *openline.Scenario) { sc.Language = "fr" }},
		{"start", func(sc *openline.Scenario) { sc.Dialogue.Start = "nirgends" }},
		{"goto", func(sc *openline.Scenario) { sc.Dialogue.States[1].Rules[0].Goto = "nirgends" }},
		{"reveal", func(sc *openline.Scenario) { sc.Dialogue.States[1].Rules[0].Reveal = "nichts" }},
		{"raise", func(sc *openline.Scenario) { sc.Dialogue.States[1].Rules[0].Raise = "nichts" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := mustLoad(t, "werkstatt.yaml")
			tt.modify(sc)
			if _, err := New().Start(sc, 1); err == nil {
				t.Error("started")
			}
		})
	}
	if _, err := New().Start(nil, 1); err == nil {
		t.Error("started without a scenario")
	}
}

func TestReplyActs(t *testing.T) {
	// A tagger that hears a reveal and an objection in every prospect line:
	// the engine's own lines still carry neither, scenario lines keep them,
	// and a hang-up is the engine's to say.
	loud := markerTagger
	loud.prospect = func(openline.Language, string) acts.Result {
		return acts.Result{Acts: []openline.Act{openline.ActObjection, openline.ActReveal, openline.ActHangup}}
	}
	sc := mustLoad(t, "werkstatt.yaml")
	sc.Dialogue.Start = "chef"
	p, err := engine{loud}.Start(sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	mustOpen(t, p)
	if r := mustRespond(t, p, intro); len(r.Acts) != 0 {
		t.Errorf("own greeting line %q carries %v", r.Text, r.Acts)
	}
	r := mustRespond(t, p, "#acknowledgement Ihr Geheimnis ist bei mir sicher.")
	if want := []openline.Act{openline.ActObjection, openline.ActReveal}; !slices.Equal(r.Acts, want) {
		t.Errorf("scenario line %q carries %v, want %v", r.Text, r.Acts, want)
	}
}

func TestReplayReproducesTheCall(t *testing.T) {
	turns := []string{intro, "#open_question Was beschäftigt Sie in der Werkstatt?", "#pitch Unser Angebot.", "#feedback_request Warum nicht?", "#closed_question Echt?"}
	_, a := mustStart(t, "werkstatt.yaml", "", 11)
	said := talk(t, a, turns...)
	_, b := mustStart(t, "werkstatt.yaml", "", 11)
	// The transcript of an outbound call starts with the prospect's
	// opening: the replay opens the call as the call did.
	tr := []openline.Turn{{Speaker: openline.Prospect, Text: said[0]}}
	for _, s := range turns {
		tr = append(tr, openline.Turn{Speaker: openline.Trainee, Text: s})
	}
	if err := persona.Replay(context.Background(), b, tr); err != nil {
		t.Fatal(err)
	}
	if got, want := b.State(), a.State(); !slices.Equal(got.Revealed, want.Revealed) || got.Node != want.Node || got.Patience != want.Patience || got.Interest != want.Interest {
		t.Errorf("replayed state %+v, want %+v", got, want)
	}
	next := "#closed_question Und jetzt?"
	if ra, rb := mustRespond(t, a, next), mustRespond(t, b, next); ra.Text != rb.Text {
		t.Errorf("after replay the calls part: %q vs %q", ra.Text, rb.Text)
	}
}

func TestPanicBecomesError(t *testing.T) {
	bad := markerTagger
	bad.trainee = func(_ openline.Language, text string, _ acts.Context) acts.Result {
		if strings.Contains(text, "boom") {
			panic("tagger bug")
		}
		return markerTagger.trainee(openline.German, text, acts.Context{})
	}
	p, err := engine{bad}.Start(mustLoad(t, "werkstatt.yaml"), 1)
	if err != nil {
		t.Fatal(err)
	}
	mustOpen(t, p)
	if _, err := p.Respond(context.Background(), "boom", nil); err == nil || !strings.Contains(err.Error(), "tagger bug") {
		t.Fatalf("err %v, want the panic as an error", err)
	}
	if _, err := p.Respond(context.Background(), "Hallo", nil); err == nil {
		t.Error("a broken prospect answered again")
	}
}

func TestObjectForm(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"Herr Hartmann", "Herrn Hartmann"},
		{"Frau Demir", "Frau Demir"},
		{"Herrn Alt", "Herrn Alt"},
		{"Herr", "Herr"},
		{"Daniel Okafor", "Daniel Okafor"},
	} {
		if got := objectForm(tc.name); got != tc.want {
			t.Errorf("objectForm(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// A goodbye after a plan put straight past an objection gets a goodbye,
// not the sceptical "I've just told you where we stand".
func TestGoodbyeAfterAPlanPastAnObjection(t *testing.T) {
	_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
	mustOpen(t, p)
	mustRespond(t, p, intro)
	if r := mustRespond(t, p, "#pitch Wir haben eine Versicherung für Handwerker."); !slices.Contains(r.Acts, openline.ActObjection) {
		t.Fatalf("pitch: reply %q acts %v, want the objection raised", r.Text, r.Acts)
	}
	r := mustRespond(t, p, "Dann schicke ich Ihnen die Unterlagen per Mail. Tschüss! #farewell")
	if !r.Hangup || p.State().Outcome != openline.OutcomePoliteEnd || slices.Contains(ownLines[openline.German][voicePersona][lineProposalPastObjection], r.Text) {
		t.Errorf("reply %q hangup %v outcome %q, want a goodbye and polite_end", r.Text, r.Hangup, p.State().Outcome)
	}
}

// After a step agreed, a further step of another kind asked for is
// answered as a proposal of its own, not "We've just agreed that".
func TestAFurtherStepOfAnotherKind(t *testing.T) {
	_, p := mustStart(t, "werkstatt.yaml", "chef", 1)
	mustOpen(t, p)
	mustRespond(t, p, intro)
	mustRespond(t, p, "#open_question #personal_interest Was beschäftigt Sie in Ihrem Betrieb?")
	if r := mustRespond(t, p, "#offer_help #proposal Darf ich Sie zu unserem Unternehmertreffen einladen?"); p.State().NextStep != "invitation" {
		t.Fatalf("invitation not agreed: %q", r.Text)
	}
	r := mustRespond(t, p, "#closed_question #proposal Und soll ich Sie am Donnerstag vorher noch mal anrufen?")
	if slices.Contains(ownLines[openline.German][voicePersona][lineAgreedAlready], r.Text) || r.Hangup {
		t.Errorf("a callback after the invitation got %q (hang-up %v), want it answered as a proposal", r.Text, r.Hangup)
	}
}
