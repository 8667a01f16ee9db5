package score

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

// These tests pin down what a telephone trainer reading the scorecard
// expects: which sentences count as questions, which moments a tip names,
// and how the text reads in a terminal.

func TestIsQuestion(t *testing.T) {
	tests := []struct {
		name string
		acts []openline.Act
		want bool
	}{
		{"open question", []openline.Act{aOpen}, true},
		{"closed question", []openline.Act{aClosed}, true},
		{"asking for permission is the opening", []openline.Act{aClosed, openline.ActPermission}, false},
		{"a question carrying the pitch sells", []openline.Act{aClosed, aPitch}, false},
		{"a pressing question pushes", []openline.Act{aClosed, aPressure}, false},
		{"a yes/no offer asks for agreement", []openline.Act{aClosed, aOffer}, false},
		{"a yes/no proposal asks for agreement", []openline.Act{aClosed, openline.ActProposal}, false},
		{"an open offer still invites", []openline.Act{aOpen, aOffer}, true},
		{"a greeting with a rising voice picks up", []openline.Act{aClosed, aGreet}, false},
		{"a statement", []openline.Act{aAck}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isQuestion(acts.Sentence{Acts: tt.acts}); got != tt.want {
				t.Errorf("isQuestion(%v) = %v, want %v", tt.acts, got, tt.want)
			}
		})
	}
}

func TestSpreadLeavesOutOpeningAndClosing(t *testing.T) {
	tests := []struct {
		name  string
		turns []tturn
		want  int
	}{
		{"greeting, two questions, an offer", []tturn{pr(sen("Ja?")),
			tr(sen("Guten Tag, hier ist Anna.", aGreet, aIntro)), pr(sen("Ja, bitte?")),
			tr(sen("Was beschäftigt Sie?", aOpen)), pr(sen("Nachwuchs.")),
			tr(sen("Seit wann?", aOpen)), pr(sen("Seit Jahren.")),
			tr(sen("Ich kenne jemanden.", aOffer))}, 100},
		{"questions only at the start of a long talk", []tturn{pr(sen("Ja?")),
			tr(sen("Was beschäftigt Sie?", aOpen)), pr(sen("Nachwuchs.")),
			tr(sen("Seit wann?", aOpen)), pr(sen("Seit Jahren.")),
			tr(sen("Wir haben ein Angebot.", aPitch)), pr(sen("Aha.")),
			tr(sen("Das kostet wenig.", aPitch)), pr(sen("Hm.")),
			tr(sen("Es ist sehr gut.", aPitch)), pr(sen("Hm.")),
			tr(sen("Auf Wiederhören.", aBye))}, 33},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := scoreTagged(t, openline.German, nil, tt.turns...)
			if got, _ := partScore(t, card, openline.WeightSpread); got != tt.want {
				t.Errorf("spread: got %d, want %d", got, tt.want)
			}
		})
	}
}

func TestClosedFollowUpsCountHalf(t *testing.T) {
	ask := func(q tsen) []tturn {
		return []tturn{pr(sen("Hello?")), tr(sen("Hi, Tom here.", aGreet, aIntro)),
			pr(sen("We lost two reps this year.")), tr(q), pr(sen("Yes, to a competitor.")), tr(q)}
	}
	open := scoreTagged(t, openline.English, nil, ask(sen("How did that happen?", aOpen, aFollow))...)
	closed := scoreTagged(t, openline.English, nil, ask(sen("Did they take customers?", aClosed, aFollow))...)
	if got, _ := partScore(t, open, openline.WeightFollowUps); got != 100 {
		t.Errorf("two open follow-ups: got %d, want 100", got)
	}
	if got, _ := partScore(t, closed, openline.WeightFollowUps); got != 50 {
		t.Errorf("two closed follow-ups: got %d, want 50", got)
	}
}

func TestRejectionTipNamesWhatIsMissing(t *testing.T) {
	no := pr(sen("Das ist nichts für uns.", aReject))
	tests := []struct {
		name     string
		turns    []tturn
		wantTip  msg
		wantTurn int
	}{
		{"argues", []tturn{no, tr(sen("Das sehen Sie falsch.", aPressure)), pr(sen("Nein."))}, tipRejection, 1},
		{"accepts, asks nothing", []tturn{no, tr(sen("Alles klar.", aAck)), pr(sen("Gut.")), tr(sen("Tschüss.", aBye))}, tipRejectionFeedback, 1},
		{"asks without accepting", []tturn{no, tr(sen("Ich hatte Ihnen die Unterlagen geschickt.")), pr(sen("Ja.")),
			tr(sen("Woran liegt es?", aFeedback, aOpen)), pr(sen("Zu klein.")), tr(sen("Ich kenne jemanden.", aOffer))}, tipRejectionAccept, 1},
		{"accepts and asks, offers nothing", []tturn{no, tr(sen("Verstehe.", aAck), sen("Woran liegt es?", aFeedback, aOpen)),
			pr(sen("Zu klein.")), tr(sen("Danke, tschüss.", aBye))}, tipRejectionOffer, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := scoredTagged(t, openline.German, nil, tt.turns...)
			tip := s.tip(openline.WeightAfterRejection, map[int]bool{})
			if tip.Text != tt.wantTip.de || tip.Turn != tt.wantTurn {
				t.Errorf("tip %q at turn %d, want %q at turn %d", tip.Text, tip.Turn, tt.wantTip.de, tt.wantTurn)
			}
		})
	}
}

func TestPressureTipAvoidsTheRejectionMoment(t *testing.T) {
	s := scoredTagged(t, openline.English, nil,
		pr(sen("Hello?")), tr(sen("Hi, Jake here.", aGreet, aIntro)),
		pr(sen("We don't use agencies.", aReject)), tr(sen("Everyone says that.", aPressure)),
		pr(sen("Look, I'm busy.")), tr(sen("You need to decide now.", aPressure)))
	rejection := s.tip(openline.WeightAfterRejection, map[int]bool{})
	pressure := s.tip(openline.WeightPressure, map[int]bool{rejection.Turn: true})
	if rejection.Turn != 3 || pressure.Turn != 5 {
		t.Errorf("rejection tip at %d, pressure tip at %d; want 3 and 5", rejection.Turn, pressure.Turn)
	}
}

func TestTipsCoverBothDimensions(t *testing.T) {
	// A friendly monologue without a question: the costliest curiosity
	// parts cost more than listening, yet listening must be among the tips.
	long := strings.Repeat("We take care of everything for you and your staff. ", 8)
	card := scoreTagged(t, openline.English, nil,
		pr(sen("Walsh Joinery, Karen speaking.")), tr(sen("Good morning, Dan here.", aGreet, aIntro), sen(long, aPitch)),
		pr(sen("I've got a minute.")), tr(sen(long, aPitch)))
	var texts []string
	for _, tip := range card.Tips {
		texts = append(texts, tip.Text)
	}
	if !slices.Contains(texts, tipListening.en) || !slices.Contains(texts, tipQuestions.en) {
		t.Errorf("tips %q: want both the listening and the questions tip", texts)
	}
	if slices.Contains(texts, tipOpen.en) {
		t.Errorf("tips %q: no question asked, so no tip about open questions", texts)
	}
	if slices.Contains(texts, tipAck.en) || slices.Contains(texts, tipReflect.en) {
		t.Errorf("tips %q: the prospect said nothing to take in", texts)
	}
}

func TestTipsDoNotRepeatARemedy(t *testing.T) {
	sc := &openline.Scenario{Direction: openline.Inbound, Needs: []openline.Need{
		{ID: "placements", EarnedBy: []openline.Act{openline.ActPersonalInterest}, Reveal: []string{"placements"}}}}
	card := scoreTagged(t, openline.German, sc,
		pr(sen("Hallo, ich rufe wegen Ihrer Mail an, da ist ein Fehler.")), tr(sen("Ja, Schmidt.")),
		pr(sen("Der Termin ist falsch, es ist der 19.")), tr(sen("Mach ich.", aAck)),
		pr(sen("Danke, dann lasse ich Sie weiterarbeiten.")), tr(sen("Tschüss!", aBye)))
	seen := map[string]bool{}
	for _, tip := range card.Tips {
		if seen[tip.Better] {
			t.Errorf("better line %q given twice: %+v", tip.Better, card.Tips)
		}
		seen[tip.Better] = true
	}
	if len(card.Tips) == 0 || card.Tips[0].Text != tipCaller.de || card.Tips[0].Turn != 5 {
		t.Errorf("first tip: want the rushed goodbye (turn 5) first, got %+v", card.Tips)
	}
}

func TestNeedsTipAsksWhatEarnsTheMissingNeed(t *testing.T) {
	need := func(a openline.Act) *openline.Scenario {
		return &openline.Scenario{Needs: []openline.Need{{ID: "n", EarnedBy: []openline.Act{a}, Reveal: []string{"geheimnis"}}}}
	}
	tests := []struct {
		name string
		sc   *openline.Scenario
		want msg
	}{
		{"interest in the person", need(openline.ActPersonalInterest), tipPersonalBetter},
		{"feedback after a no", need(openline.ActFeedbackRequest), tipRejectionBetter},
		{"an open question", need(openline.ActOpenQuestion), tipNeedsBetter},
		{"no scenario", nil, tipNeedsBetter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := scoredTagged(t, openline.German, tt.sc, pr(sen("Ja?")), tr(sen("Guten Tag.", aGreet)))
			if got := s.needsBetter(); got != tt.want {
				t.Errorf("needsBetter = %q, want %q", got.de, tt.want.de)
			}
		})
	}
}

func TestKeyWords(t *testing.T) {
	tests := []struct {
		name   string
		turn   tturn
		wanted string
	}{
		{"a question back is no point", pr(sen("Honestly?", aReveal), sen("What keeps me up is people leaving.", aReveal)), "What keeps me up is people leaving"},
		{"the point after a colon", pr(sen("Wie ich geschrieben hab: Das ist in der Tat nichts für uns.", aReject)), "Das ist in der Tat nichts für uns"},
		{"a long sentence up to its first comma", pr(sen("Try bigger firms, ones with an HR department, that's where it fits.")), "Try bigger firms"},
		{"the last statement without a tagged one", pr(sen("Oh, hello."), sen("We are very busy with orders.")), "We are very busy with orders"},
		{"a long sentence without a comma is cut", pr(sen("We have been looking for new apprentices for more than two years now.", aReveal)), "We have been looking for new apprentices for …"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			transcript, res := build(openline.English, []tturn{tt.turn})
			s := newScorer(transcript, nil)
			s.use(res)
			if got := s.keyWords(0); got != tt.wanted {
				t.Errorf("keyWords = %q, want %q", got, tt.wanted)
			}
		})
	}
}

func TestRejectionEndsWhenTheProspectOpensUp(t *testing.T) {
	tr := openline.Transcript{Language: openline.German, Turns: []openline.Turn{
		{Speaker: openline.Prospect, Text: "B.?"},
		{Speaker: openline.Trainee, Text: "Guten Tag Herr B., hier ist Anna Brandt. Passt es gerade?"},
		{Speaker: openline.Prospect, Text: "Das ist in der Tat nichts für uns."},
		{Speaker: openline.Trainee, Text: "Das ist völlig in Ordnung. Darf ich fragen, woran es liegt?"},
		{Speaker: openline.Prospect, Text: "Wissen Sie, was unsere Betriebe wirklich umtreibt? Nachwuchs. Die finden keine Azubis mehr."},
		{Speaker: openline.Trainee, Text: "Was haben Sie da schon versucht?"},
	}}
	card, err := Score(tr, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(card.Turns[3].Acts, openline.ActFeedbackRequest) {
		t.Errorf("turn 3 answers the no: want feedback_request, got %v", card.Turns[3].Acts)
	}
	if slices.Contains(card.Turns[5].Acts, openline.ActFeedbackRequest) {
		t.Errorf("turn 5 asks about what he opened up about, not about the no: got %v", card.Turns[5].Acts)
	}
	if card.Metrics.FeedbackRequestsAfterRejection != 1 {
		t.Errorf("feedback requests after the no: got %d, want 1", card.Metrics.FeedbackRequestsAfterRejection)
	}
}

func TestWrap(t *testing.T) {
	text := "Fragen Sie nach dem, was den anderen bewegt, auch nach ihm selbst: so kommen verborgene Anliegen ans Licht. Größere Betriebe äußern Übergrößen"
	got := wrap("  1. (ganzes Gespräch) ", "     ", text)
	lines := strings.Split(got, "\n")
	if len(lines) < 2 {
		t.Fatalf("want a wrapped text, got %q", got)
	}
	for _, l := range lines {
		if n := utf8.RuneCountInString(l); n > lineWidth {
			t.Errorf("line of %d characters (max %d): %q", n, lineWidth, l)
		}
	}
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "     ") || strings.HasPrefix(l, "      ") {
			t.Errorf("continuation line not indented by 5: %q", l)
		}
	}
	if strings.Join(strings.Fields(got), " ") != "1. (ganzes Gespräch) "+text {
		t.Errorf("wrap lost or changed words: %q", got)
	}
	long := strings.Repeat("x", 100)
	if got := wrap("", "  ", long); got != long {
		t.Errorf("a word longer than a line stays whole, got %q", got)
	}
}

func TestGroupEvidence(t *testing.T) {
	ev := []openline.Evidence{
		{Turn: 5, Dimension: cur, Effect: "+", Quote: "Was beschäftigt Sie?", Why: "offen"},
		{Turn: 3, Dimension: cur, Effect: "+", Quote: "Woran liegt es?", Why: "offen"},
		{Turn: 5, Dimension: cur, Effect: "+", Quote: "Was beschäftigt Sie?", Why: "Person"},
		{Turn: 5, Dimension: opn, Effect: "+", Quote: "Was beschäftigt Sie?", Why: "nimmt auf"},
		{Turn: 5, Dimension: cur, Effect: "-", Quote: "Was beschäftigt Sie?", Why: "geballt"},
	}
	got := groupEvidence(ev, cur)
	want := []evidenceGroup{
		{turn: 3, effect: "+", quote: "Woran liegt es?", whys: []string{"offen"}},
		{turn: 5, effect: "+", quote: "Was beschäftigt Sie?", whys: []string{"offen", "Person"}},
		{turn: 5, effect: "-", quote: "Was beschäftigt Sie?", whys: []string{"geballt"}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for k := range want {
		if got[k].turn != want[k].turn || got[k].effect != want[k].effect || got[k].quote != want[k].quote || !slices.Equal(got[k].whys, want[k].whys) {
			t.Errorf("group %d: got %+v, want %+v", k, got[k], want[k])
		}
	}
}

// scoredTagged scores turns tagged by the test and returns the scorer, for
// tests of its tips.
func scoredTagged(t *testing.T, lang openline.Language, sc *openline.Scenario, turns ...tturn) *scorer {
	t.Helper()
	transcript, res := build(lang, turns)
	s := newScorer(transcript, sc)
	s.use(res)
	checkCard(t, transcript, s.finish())
	return s
}
