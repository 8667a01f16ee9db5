package score

import (
	"slices"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

const (
	aGreet    = openline.ActGreeting
	aIntro    = openline.ActIntroduction
	aPerm     = openline.ActPermission
	aOpen     = openline.ActOpenQuestion
	aClosed   = openline.ActClosedQuestion
	aFollow   = openline.ActFollowUp
	aAck      = openline.ActAcknowledgement
	aRefl     = openline.ActReflection
	aFeedback = openline.ActFeedbackRequest
	aPersonal = openline.ActPersonalInterest
	aPitch    = openline.ActPitch
	aPressure = openline.ActPressure
	aOffer    = openline.ActOfferHelp
	aBye      = openline.ActFarewell
	aReject   = openline.ActRejection
	aReveal   = openline.ActReveal
)

func TestQuestionMetrics(t *testing.T) {
	card := scoreTagged(t, openline.English, nil,
		pr(sen("Hello?")),
		tr(sen("Hi, this is Tom.", aGreet, aIntro), sen("Have you got a minute?", aPerm, aClosed)),
		pr(sen("Yes, a short one.")),
		tr(sen("How do you find customers?", aOpen), sen("Do you advertise?", aClosed)),
		pr(sen("Mostly by word of mouth, it is slow.")),
		tr(sen("Slow in what way?", aOpen, aFollow), sen("What else do you do?", aOpen, aPersonal)),
	)
	m := card.Metrics
	if m.TraineeQuestions != 4 || m.OpenQuestions != 3 || m.ClosedQuestions != 1 || m.FollowUpQuestions != 1 || m.PersonalInterest != 1 {
		t.Errorf("got questions %d open %d closed %d follow-ups %d personal %d, want 4 3 1 1 1 (permission is not counted)",
			m.TraineeQuestions, m.OpenQuestions, m.ClosedQuestions, m.FollowUpQuestions, m.PersonalInterest)
	}
	if !hasEvidence(card, 5, openline.DimensionCuriosity, "+", "Slow in what way?") {
		t.Errorf("no + evidence for the follow-up: %+v", card.Evidence)
	}
}

func TestOpenSharePart(t *testing.T) {
	tests := []struct {
		name         string
		open, closed int
		want         int
	}{
		{"no question", 0, 0, 0},
		{"all closed", 0, 4, 0},
		{"MITI beginning proficiency 50%", 2, 2, 60},
		{"MITI competency 70%", 7, 3, 100},
		{"all open", 3, 0, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			turns := []tturn{pr(sen("Hello?"))}
			for i := 0; i < tt.open; i++ {
				turns = append(turns, tr(sen("How is it going?", aOpen)), pr(sen("Fine.")))
			}
			for i := 0; i < tt.closed; i++ {
				turns = append(turns, tr(sen("Is it going well?", aClosed)), pr(sen("Yes.")))
			}
			turns = append(turns, tr(sen("Bye.", aBye)))
			card := scoreTagged(t, openline.English, nil, turns...)
			if got, _ := partScore(t, card, openline.WeightOpenShare); got != tt.want {
				t.Errorf("open share part: got %d, want %d", got, tt.want)
			}
			closedMinus := false
			for _, e := range card.Evidence {
				closedMinus = closedMinus || e.Effect == "-" && e.Quote == "Is it going well?"
			}
			if wantMinus := tt.closed > 0 && tt.want < 100; closedMinus != wantMinus {
				t.Errorf("closed question - evidence: got %v, want %v", closedMinus, wantMinus)
			}
		})
	}
}

func TestQuestionsAndFollowUpParts(t *testing.T) {
	tests := []struct {
		name                  string
		questions, follows    int
		wantQuestions, wantFU int
	}{
		{"none", 0, 0, 0, 0},
		{"one question", 1, 0, 33, 0},
		{"three questions, one follow-up", 3, 1, 100, 50},
		{"four questions, two follow-ups", 4, 2, 100, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			turns := []tturn{pr(sen("Hello?")), tr(sen("Hello.", aGreet))}
			for i := 0; i < tt.questions; i++ {
				q := sen("What matters to you?", aOpen)
				if i < tt.follows {
					q = sen("What do you mean by that?", aOpen, aFollow)
				}
				turns = append(turns, pr(sen("Something.")), tr(q))
			}
			card := scoreTagged(t, openline.English, nil, turns...)
			if got, _ := partScore(t, card, openline.WeightQuestions); got != tt.wantQuestions {
				t.Errorf("questions part: got %d, want %d", got, tt.wantQuestions)
			}
			if got, _ := partScore(t, card, openline.WeightFollowUps); got != tt.wantFU {
				t.Errorf("follow-ups part: got %d, want %d", got, tt.wantFU)
			}
		})
	}
}

func TestSpreadPart(t *testing.T) {
	q := func() tturn { return tr(sen("How so?", aOpen)) }
	s := func() tturn { return tr(sen("I see.", aAck)) }
	p := func() tturn { return pr(sen("Well.")) }
	tests := []struct {
		name  string
		turns []tturn
		want  int
	}{
		{"spread over all thirds", []tturn{q(), p(), s(), p(), q(), p(), s(), p(), q(), p(), s()}, 100},
		{"bunched at the start", []tturn{q(), p(), q(), p(), s(), p(), s(), p(), s(), p(), s()}, 33},
		{"no question", []tturn{s(), p(), s()}, 0},
		{"short call, one question", []tturn{q()}, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := scoreTagged(t, openline.English, nil, tt.turns...)
			if got, _ := partScore(t, card, openline.WeightSpread); got != tt.want {
				t.Errorf("spread: got %d, want %d", got, tt.want)
			}
		})
	}
}

func TestPersonalInterestPart(t *testing.T) {
	for _, tt := range []struct {
		n, want int
	}{{0, 0}, {1, 70}, {2, 100}, {3, 100}} {
		turns := []tturn{pr(sen("Hello?"))}
		for i := 0; i < tt.n; i++ {
			turns = append(turns, tr(sen("What else do you do?", aOpen, aPersonal)), pr(sen("Sailing.")))
		}
		turns = append(turns, tr(sen("Bye.", aBye)))
		card := scoreTagged(t, openline.English, nil, turns...)
		if got, _ := partScore(t, card, openline.WeightPersonalInterest); got != tt.want {
			t.Errorf("%d personal questions: got %d, want %d", tt.n, got, tt.want)
		}
	}
}

func TestNeedsDiscovered(t *testing.T) {
	sc := &openline.Scenario{ID: "test", Language: openline.German, Needs: []openline.Need{
		{ID: "nachwuchs", Reveal: []string{"Ich finde keine Auszubildenden."}, Detect: []string{"Praktikant"}},
		{ID: "nachfolge", Reveal: []string{"Meine Tochter will den Betrieb nicht."}},
		{ID: "umzug", Reveal: []string{"Wir ziehen um."}},
	}}
	card := scoreTagged(t, openline.German, sc,
		pr(sen("Bauer?")),
		tr(sen("Was beschäftigt Sie gerade?", aOpen)),
		pr(sen("ICH FINDE   KEINE Auszubildenden."), sen("Schlimm.")),
		tr(sen("Und sonst?", aOpen)),
		pr(sen("Nichts.")),
		pr(sen("Ach ja: meine Tochter will den Betrieb nicht.")), // not in answer to the trainee
		tr(sen("Verstehe.", aAck)),
		pr(sen("Wir suchen auch einen Praktikanten.")), // nachwuchs again: counted once
	)
	m := card.Metrics
	if m.NeedsTotal != 3 || strings.Join(m.NeedsDiscovered, ",") != "nachwuchs" {
		t.Errorf("got needs %v of %d, want [nachwuchs] of 3", m.NeedsDiscovered, m.NeedsTotal)
	}
	if got, applies := partScore(t, card, openline.WeightNeeds); got != 33 || !applies {
		t.Errorf("needs part: got %d (applies %v), want 33", got, applies)
	}
	if !hasEvidence(card, 1, openline.DimensionCuriosity, "+", "Was beschäftigt Sie gerade?") {
		t.Errorf("no evidence on the question that brought out the need: %+v", card.Evidence)
	}

	noScenario := scoreTagged(t, openline.German, nil, pr(sen("Bauer?")), tr(sen("Was beschäftigt Sie?", aOpen)), pr(sen("Ich finde keine Auszubildenden.")))
	if _, applies := partScore(t, noScenario, openline.WeightNeeds); applies || noScenario.Metrics.NeedsTotal != 0 {
		t.Errorf("without a scenario needs must not apply")
	}
}

func TestTalkShare(t *testing.T) {
	tests := []struct {
		name   string
		turns  []tturn
		want   float64
		wantBy string
	}{
		{"by words", []tturn{pr(sen("one two three")), tr(sen("one"))}, 0.25, "words"},
		{"by time", []tturn{timed(pr(sen("one two three")), 0, 1000), timed(tr(sen("one")), 1000, 4000)}, 0.75, "time"},
		{"a turn without time: by words", []tturn{timed(pr(sen("one two three")), 0, 1000), tr(sen("one"))}, 0.25, "words"},
		{"zero time: by words", []tturn{timed(pr(sen("one two three")), 0, 0), timed(tr(sen("one")), 0, 0)}, 0.25, "words"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := scoreTagged(t, openline.English, nil, tt.turns...).Metrics
			if m.TalkShare != tt.want || m.TalkShareBy != tt.wantBy {
				t.Errorf("got %v by %s, want %v by %s", m.TalkShare, m.TalkShareBy, tt.want, tt.wantBy)
			}
		})
	}
}

func TestListeningPart(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("word ", n)) }
	tests := []struct {
		name          string
		turns         []tturn
		wantMonologue int
		want          int
		wantEvidence  bool
	}{
		{"short turns, balanced", []tturn{pr(sen(words(20))), tr(sen(words(10))), pr(sen(words(20)))}, 10, 100, false},
		{"consecutive trainee turns form one monologue", []tturn{pr(sen(words(200))), tr(sen(words(50))), tr(sen(words(30))), pr(sen(words(200)))}, 80, 61, true},
		{"talks all the time", []tturn{pr(sen("Yes?")), tr(sen(words(130)))}, 130, 0, true},
		{"short turns that push are no listening", []tturn{pr(sen(words(20))), tr(sen(words(10), aPressure)), pr(sen(words(20))), tr(sen(words(10), aPressure))}, 10, 0, false},
		{"one push in two short turns halves it", []tturn{pr(sen(words(20))), tr(sen(words(10), aPressure)), pr(sen(words(20))), tr(sen(words(10)))}, 10, 50, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := scoreTagged(t, openline.English, nil, tt.turns...)
			if card.Metrics.LongestMonologueWords != tt.wantMonologue {
				t.Errorf("longest monologue: got %d, want %d", card.Metrics.LongestMonologueWords, tt.wantMonologue)
			}
			if got, _ := partScore(t, card, openline.WeightListening); got != tt.want {
				t.Errorf("listening: got %d, want %d", got, tt.want)
			}
			minus := hasWhy(card, whyMonologue) || hasWhy(card, whyTalkShare)
			if minus != tt.wantEvidence {
				t.Errorf("- evidence: got %v, want %v", minus, tt.wantEvidence)
			}
		})
	}
}

func TestFriendlyOpeningPart(t *testing.T) {
	tests := []struct {
		name  string
		turns []tturn
		sc    *openline.Scenario
		want  int
	}{
		{"greeting, name, permission", []tturn{pr(sen("Bauer?")), tr(sen("Guten Tag, hier ist Lena Vogt.", aGreet, aIntro), sen("Passt es gerade?", aPerm))}, nil, 100},
		{"permission in the second turn", []tturn{pr(sen("Bauer?")), tr(sen("Guten Tag, hier ist Lena Vogt.", aGreet, aIntro)), pr(sen("Ja?")), tr(sen("Passt es gerade?", aPerm))}, nil, 100},
		{"greeting only", []tturn{pr(sen("Bauer?")), tr(sen("Hallo.", aGreet), sen("Wir verkaufen Kredite.", aPitch))}, nil, 33},
		{"straight into the pitch", []tturn{pr(sen("Bauer?")), tr(sen("Wir verkaufen Kredite.", aPitch))}, nil, 0},
		{"inbound: greeting and name suffice", []tturn{pr(sen("Ich rufe an wegen des Seminars.")), tr(sen("Guten Tag, hier ist Anna Roth.", aGreet, aIntro))}, &openline.Scenario{Direction: openline.Inbound}, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := scoreTagged(t, openline.German, tt.sc, tt.turns...)
			if got, _ := partScore(t, card, openline.WeightFriendlyOpening); got != tt.want {
				t.Errorf("friendly opening: got %d, want %d", got, tt.want)
			}
		})
	}
}

func TestAcknowledgementPart(t *testing.T) {
	pickup, hello := pr(sen("Hello?")), tr(sen("Hi, Tom here.", aGreet, aIntro))
	tests := []struct {
		name  string
		turns []tturn
		want  int
	}{
		{"reflections as many as questions", []tturn{pickup, hello,
			pr(sen("We are very busy these days.")), tr(sen("You're busy.", aAck, aRefl), sen("With what?", aOpen)),
			pr(sen("Orders, mostly new ones, from abroad.")), tr(sen("So orders keep you busy.", aAck, aRefl))}, 100},
		{"acknowledges, never reflects", []tturn{pickup, hello,
			// The questions pick up what was said, so "Thanks." and
			// "Okay." acknowledge it (the reading drops a bare marker
			// only before one's own agenda).
			pr(sen("We are very busy these days.")), tr(sen("Thanks.", aAck), sen("With what?", aOpen, aFollow)),
			pr(sen("Orders, mostly new ones, from abroad.")), tr(sen("Okay.", aAck), sen("Why?", aOpen, aFollow))}, 50},
		{"ignores everything", []tturn{pickup, hello,
			pr(sen("We are really busy these days.")), tr(sen("Do you need loans?", aClosed))}, 0},
		{"acknowledging, then pitching takes nothing in", []tturn{pickup, hello,
			pr(sen("We already have a pension scheme.", openline.ActObjection)), tr(sen("I understand.", aAck), sen("Ours is cheaper.", aPitch))}, 0},
		{"the pickup and a go-ahead give nothing to take in", []tturn{
			pr(sen("Walsh Joinery, Karen speaking.")), tr(sen("Hi Karen, Dan here.", aGreet, aIntro)),
			pr(sen("Right."), sen("What's up?")), tr(sen("We do pensions.", aPitch))}, 0},
		{"the thanks of a goodbye is courtesy", []tturn{pickup, hello,
			pr(sen("We are really busy these days.")), tr(sen("Thanks and have a good day!", aAck, aBye))}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := scoreTagged(t, openline.English, nil, tt.turns...)
			if got, _ := partScore(t, card, openline.WeightAcknowledgement); got != tt.want {
				t.Errorf("acknowledgement: got %d, want %d", got, tt.want)
			}
		})
	}
}

func TestAfterRejectionPart(t *testing.T) {
	no := pr(sen("Das ist nichts für uns.", aReject))
	tests := []struct {
		name      string
		turns     []tturn
		want      int
		applies   bool
		wantMinus bool
	}{
		{"accepts, asks for feedback, offers help", []tturn{no,
			tr(sen("Verstehe, danke.", aAck), sen("Darf ich fragen, woran es liegt?", aFeedback, aOpen)),
			pr(sen("Zu teuer.")), tr(sen("Ich kenne jemanden, der Ihnen helfen könnte.", aOffer))}, 100, true, false},
		{"accepts politely and says goodbye", []tturn{no, tr(sen("Alles klar, schönen Tag noch!", aBye))}, 40, true, false},
		{"argues and re-pitches", []tturn{no,
			tr(sen("Aber Sie müssen das jetzt nehmen!", aPressure)), pr(sen("Nein.", aReject)),
			tr(sen("Unser Kredit ist der günstigste.", aPitch))}, 0, true, true},
		{"feedback request after a push", []tturn{no,
			// "Hm." and not "Nein.": a plain no to the push would be a
			// second rejection (acts reads it so), answered well.
			tr(sen("Das sollten Sie sich aber überlegen.", aPressure)), pr(sen("Hm.")),
			tr(sen("Woran liegt es denn?", aFeedback, aOpen))}, 10, true, true},
		{"an offer later in the call still counts", []tturn{no,
			tr(sen("Verstehe, danke.", aAck), sen("Darf ich fragen, woran es liegt?", aFeedback, aOpen)),
			pr(sen("Zu teuer.")), tr(sen("Was beschäftigt Sie denn sonst?", aOpen)), pr(sen("Nachwuchs.")),
			tr(sen("Wie lange schon?", aOpen)), pr(sen("Seit Jahren.")),
			tr(sen("Ich kenne jemanden, der Ihnen helfen könnte.", aOffer))}, 100, true, false},
		{"a feedback request only counts while it answers the no", []tturn{no,
			tr(sen("Verstehe.", aAck)), pr(sen("Ja.")), tr(sen("Schönes Wetter heute.")), pr(sen("Hm.")),
			tr(sen("Woran lag es eigentlich?", aFeedback, aOpen))}, 40, true, false},
		{"no rejection", []tturn{pr(sen("Ja?")), tr(sen("Guten Tag.", aGreet))}, 0, false, false},
		{"rejection at the very end", []tturn{pr(sen("Ja?")), tr(sen("Guten Tag.", aGreet)), no}, 0, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := scoreTagged(t, openline.German, nil, tt.turns...)
			got, applies := partScore(t, card, openline.WeightAfterRejection)
			if got != tt.want || applies != tt.applies {
				t.Errorf("after rejection: got %d (applies %v), want %d (applies %v)", got, applies, tt.want, tt.applies)
			}
			minus := hasWhy(card, whyPressureAfter) || hasWhy(card, whyRepitch)
			if minus != tt.wantMinus {
				t.Errorf("- evidence: got %v, want %v: %+v", minus, tt.wantMinus, card.Evidence)
			}
		})
	}
}

func TestTimeForCallerPart(t *testing.T) {
	request := pr(sen("Hi, I'm calling about your coaching programme."))
	tests := []struct {
		name        string
		sc          *openline.Scenario
		turns       []tturn
		wantInbound bool
		want        int
	}{
		{"takes time", nil, []tturn{request,
			tr(sen("Hello, this is Mark.", aGreet, aIntro), sen("What made you call?", aOpen)), pr(sen("I struggle with feedback.")),
			tr(sen("What happens then?", aOpen)), pr(sen("They get defensive.")), tr(sen("Thanks for calling, goodbye!", aBye))}, true, 80},
		{"takes time and offers a connection", nil, []tturn{request,
			tr(sen("Hello, this is Mark.", aGreet, aIntro), sen("What made you call?", aOpen)), pr(sen("I struggle with feedback.")),
			tr(sen("What happens then?", aOpen)), pr(sen("They get defensive.")), tr(sen("I know a coach who could help.", aOffer), sen("Goodbye!", aBye))}, true, 100},
		{"rushes the caller off", nil, []tturn{request, tr(sen("It's on the website.")), pr(sen("Oh.")), tr(sen("Bye then.", aBye))}, true, 0},
		{"says goodbye before asking anything", nil, []tturn{request, tr(sen("Hello, Mark here.", aGreet, aIntro)), pr(sen("The date is wrong.")),
			tr(sen("Okay, I'll fix it.", aAck)), pr(sen("Thanks.")), tr(sen("Fine. Bye.", aBye))}, true, 0},
		{"tells the caller there is no time", nil, []tturn{request, tr(sen("Hello, Mark here.", aGreet, aIntro), sen("What is it?", aOpen)), pr(sen("The date is wrong.")),
			tr(sen("Right."), sen("I'm a bit busy.")), pr(sen("Oh, sorry.")), tr(sen("What else?", aOpen))}, true, 40},
		{"cuts in on the caller and moves on", nil, []tturn{request, tr(sen("Hello, Mark here.", aGreet, aIntro), sen("What is it?", aOpen)), pr(sen("The date is wrong, and the name—")),
			tr(sen("Noted, thanks so much!", aAck)), pr(sen("Okay.")), tr(sen("What else?", aOpen))}, true, 40},
		{"a caller who broke off is asked to go on", nil, []tturn{request, tr(sen("Hello, Mark here.", aGreet, aIntro), sen("What is it?", aOpen)), pr(sen("The date is wrong, and the name—")),
			tr(sen("Sorry, the name?", aOpen)), pr(sen("It's Okafor.")), tr(sen("What else?", aOpen))}, true, 80},
		{"goodbye right after the caller opens up", nil, []tturn{request, tr(sen("Hello, Mark here.", aGreet, aIntro), sen("What is it?", aOpen)), pr(sen("The date is wrong.")),
			tr(sen("How did that happen?", aOpen)), pr(sen("I'm swamped, I'm desperate for placements.", aReveal)), tr(sen("Fine, done. Bye.", aBye))}, true, 40},
		{"goodbye after taking in what the caller opened up", nil, []tturn{request, tr(sen("Hello, Mark here.", aGreet, aIntro), sen("What is it?", aOpen)), pr(sen("The date is wrong.")),
			tr(sen("How did that happen?", aOpen)), pr(sen("I'm swamped, I'm desperate for placements.", aReveal)),
			tr(sen("Thank you for telling me.", aAck), sen("I know someone who takes interns.", aOffer), sen("Bye for now!", aBye))}, true, 100},
		{"asking how to help opens the call, it offers nothing yet", nil, []tturn{request, tr(sen("Hello, Mark here.", aGreet, aIntro), sen("How can I help?", aOpen, aOffer)),
			pr(sen("The date is wrong.")), tr(sen("Sorry, which date?", aClosed)), pr(sen("The 12th.")), tr(sen("Fixed. Bye!", aBye))}, true, 80},
		{"outbound scenario", &openline.Scenario{Direction: openline.Outbound}, []tturn{request, tr(sen("Bye.", aBye))}, false, 0},
		{"a short request answered with a pitch: the trainee called", nil, []tturn{pr(sen("Yes? I'm calling back.")), tr(sen("Our programme is the best.", aPitch))}, false, 0},
		{"a clear request stays inbound even if answered with a pitch", nil, []tturn{request, tr(sen("Our programme is the best.", aPitch))}, true, 13},
		{"a pitch later is an answer", nil, []tturn{request, tr(sen("Hello, what can I do?", aGreet, aOpen)), pr(sen("Tell me about it.")),
			tr(sen("Our programme has six evenings.", aPitch), sen("What would you like to learn?", aOpen)), pr(sen("Feedback.")), tr(sen("Goodbye!", aBye))}, true, 80},
		{"picking up is no request", nil, []tturn{pr(sen("Miller speaking.")), tr(sen("Hello.", aGreet))}, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := scoreTagged(t, openline.English, tt.sc, tt.turns...)
			got, applies := partScore(t, card, openline.WeightTimeForCaller)
			if card.Metrics.Inbound != tt.wantInbound || applies != tt.wantInbound || got != tt.want {
				t.Errorf("got inbound %v, part %d (applies %v); want inbound %v, part %d", card.Metrics.Inbound, got, applies, tt.wantInbound, tt.want)
			}
		})
	}
}

func TestPressurePart(t *testing.T) {
	for _, tt := range []struct{ moves, want int }{{0, 100}, {1, 67}, {2, 33}, {3, 0}, {5, 0}} {
		turns := []tturn{pr(sen("Hello?"))}
		for i := 0; i < tt.moves; i++ {
			turns = append(turns, tr(sen("You must decide today!", aPressure)), pr(sen("Hm.")))
		}
		turns = append(turns, tr(sen("Goodbye.", aBye)))
		card := scoreTagged(t, openline.English, nil, turns...)
		if got, _ := partScore(t, card, openline.WeightPressure); got != tt.want || card.Metrics.PressureMoves != tt.moves {
			t.Errorf("%d pressure moves: got part %d (metric %d), want %d", tt.moves, got, card.Metrics.PressureMoves, tt.want)
		}
	}
}

func TestWeights(t *testing.T) {
	turns := []tturn{pr(sen("Hello?")), tr(sen("Hi, this is Tom.", aGreet, aIntro), sen("How are things?", aOpen)), pr(sen("Good."))}
	base := scoreTagged(t, openline.English, nil, turns...)
	onlyOpening := &openline.Scenario{Scoring: openline.Weights{Openness: map[string]float64{
		openline.WeightListening: 0, openline.WeightAcknowledgement: 0, openline.WeightPressure: 0, openline.WeightFriendlyOpening: 99,
	}}}
	card := scoreTagged(t, openline.English, onlyOpening, turns...)
	if want := calibrated.Openness.apply0(100 * 2.0 / 3); card.Openness != want {
		t.Errorf("openness from the opening alone: got %d, want %d (greeting and name, no permission: 67 on the curve)", card.Openness, want)
	}
	for _, p := range card.Parts {
		if p.Name == openline.WeightFriendlyOpening && p.Weight != maxWeight {
			t.Errorf("weight 99 must be clamped to %d, got %v", maxWeight, p.Weight)
		}
	}
	if card.Curiosity != base.Curiosity {
		t.Errorf("openness weights changed curiosity: %d vs %d", card.Curiosity, base.Curiosity)
	}
	allZero := &openline.Scenario{Scoring: openline.Weights{Curiosity: map[string]float64{}}}
	for _, n := range openline.CuriosityWeights {
		allZero.Scoring.Curiosity[n] = 0
	}
	if got := scoreTagged(t, openline.English, allZero, turns...).Curiosity; got != 0 {
		t.Errorf("all curiosity weights 0: got %d, want 0", got)
	}
}

func TestNoTraineeTurn(t *testing.T) {
	card := scoreTagged(t, openline.English, nil, pr(sen("Hello? Hello?")))
	if card.Openness != 0 || card.Curiosity != 0 || len(card.Tips) != 0 {
		t.Errorf("got %d/%d with %d tips, want 0/0 and no tips", card.Openness, card.Curiosity, len(card.Tips))
	}
}

func TestTipsInTheCallsLanguage(t *testing.T) {
	turns := []tturn{pr(sen("Bauer?")), tr(sen("Wir verkaufen Kredite.", aPitch)), pr(sen("Das ist nichts für uns.", aReject)), tr(sen("Sie müssen aber!", aPressure))}
	de := scoreTagged(t, openline.German, nil, turns...)
	if len(de.Tips) != 3 {
		t.Fatalf("got %d tips, want 3", len(de.Tips))
	}
	if de.Tips[0].Turn != 3 || de.Tips[0].Better != tipRejectionBetter.de {
		t.Errorf("first tip: got %+v, want the feedback line at turn 3", de.Tips[0])
	}
	en := scoreTagged(t, openline.English, nil, turns...)
	if en.Tips[0].Better != tipRejectionBetter.en {
		t.Errorf("English tip: got %q", en.Tips[0].Better)
	}
}

func TestQuote(t *testing.T) {
	long := strings.Repeat("Wörter ", 60)
	tests := []struct {
		name, text string
		start, end int
		want       string
	}{
		{"span", "Hallo. Wie geht's?", 7, 18, "Wie geht's?"},
		{"trimmed", "Hallo.  Wie geht's? ", 6, 20, "Wie geht's?"},
		{"invalid span quotes the turn", "Hallo. Wie geht's?", 7, 99, "Hallo. Wie geht's?"},
		{"inside a character quotes the turn", "Grüß Gott", 0, 3, "Grüß Gott"},
		{"long text cut at a space", long, 0, len(long), strings.TrimSpace(longPrefix(long))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quote(tt.text, tt.start, tt.end)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if !strings.Contains(tt.text, got) || len(got) > maxQuoteBytes {
				t.Errorf("%q is not a substring of at most %d bytes", got, maxQuoteBytes)
			}
		})
	}
}

// longPrefix is the expected cut of the repeated "Wörter " text: whole
// words within maxQuoteBytes.
func longPrefix(s string) string {
	const word = "Wörter " // 8 bytes
	n := maxQuoteBytes / len(word)
	return strings.Repeat(word, n)
}

// hasWhy reports whether card has evidence with this why.
func hasWhy(card *openline.Scorecard, why msg) bool {
	for _, e := range card.Evidence {
		if e.Why == why.in(card.Language) {
			return true
		}
	}
	return false
}

// TestPushyCallCalibration scores a caller who only pitches and pushes and
// is hung up on (testdata/transcripts/*-pushy-hangup.json, the same call in
// both languages): a trainer puts openness at 15 or less and curiosity near
// 0, so no part may score well vacuously (short pushing turns are no
// listening).
func TestPushyCallCalibration(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			_, card := scoreFile(t, "testdata/transcripts/"+lang+"-pushy-hangup.json", nil)
			if card.Openness > 15 || card.Curiosity > 10 {
				t.Errorf("openness %d, curiosity %d; want at most 15 and 10", card.Openness, card.Curiosity)
			}
			if card.Metrics.PressureMoves < 3 {
				t.Errorf("pressure moves %d, want every one of the 3 pushing turns", card.Metrics.PressureMoves)
			}
		})
	}
}

// TestPartsMatchTheScenarioContract: the parts list has one entry for
// every weight name a scenario may set (internal/openline), in the
// scenario's order, with a label in both languages, a default weight in
// range and its measuring and tip.
func TestPartsMatchTheScenarioContract(t *testing.T) {
	var want []string
	want = append(want, openline.CuriosityWeights...)
	want = append(want, openline.OpennessWeights...)
	var got []string
	for _, p := range parts {
		got = append(got, p.name)
		wantDim := opn
		if slices.Contains(openline.CuriosityWeights, p.name) {
			wantDim = cur
		}
		if p.dim != wantDim {
			t.Errorf("part %s: dimension %s, want %s", p.name, p.dim, wantDim)
		}
		if p.label.de == "" || p.label.en == "" || calibrated.Weights[p.name] <= 0 || calibrated.Weights[p.name] > maxWeight || p.measure == nil || p.tip == nil {
			t.Errorf("part %s is incomplete: %+v", p.name, p)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("parts %v, want the scenario's weight names %v", got, want)
	}
}

// TestRepeatedYesButCapsOpenness pins that "yes, but" again and again is
// the righting reflex: two such turns cap openness as two pushing turns
// do, and each moves on from what was said, while one "yes, but" in a
// call that listens otherwise is a clumsy bridge, not a pushing call.
func TestRepeatedYesButCapsOpenness(t *testing.T) {
	p := func(text string) openline.Turn { return openline.Turn{Speaker: openline.Prospect, Text: text} }
	tr := func(text string) openline.Turn { return openline.Turn{Speaker: openline.Trainee, Text: text} }
	call := func(third, fourth openline.Turn) []openline.Turn {
		return []openline.Turn{
			p("Fletcher and Reid, Tom speaking."),
			tr("Hi Tom, Jake Moss from FieldPoint. Is now a good moment for two minutes?"),
			p("Go on. We keep the customers in a spreadsheet."),
			tr("A spreadsheet – who keeps it up to date?"),
			p("The reps do, in the evenings, when they remember."),
			third,
			p("We tried a CRM in 2019 and nobody used it."),
			tr("Nobody used it – what got in their way back then?"),
			p("Time, mostly. They're on the road all day."),
			fourth,
			p("Maybe. Send me something."),
		}
	}
	butEvenings := tr("I see, but a spreadsheet won't scale with eighteen reps.")
	butRoad := tr("I understand, but the 2019 ones were nothing like ours.")
	evenings := tr("In the evenings – how long does that take them?")
	road := tr("On the road all day – so whatever they use has to work in the van?")
	score := func(turns []openline.Turn) int { return englishOpenness(t, turns) }
	twice, once, never := score(call(butEvenings, butRoad)), score(call(evenings, butRoad)), score(call(evenings, road))
	if twice > int(calibrated.RepeatedPressure) {
		t.Errorf("two 'yes, but' turns: openness %d, want at most %d", twice, int(calibrated.RepeatedPressure))
	}
	if once <= int(calibrated.RepeatedPressure) || once >= never {
		t.Errorf("one 'yes, but': openness %d, want above %d and below the call without it (%d)", once, int(calibrated.RepeatedPressure), never)
	}
}

// TestYesButToAnAnnoyedCallerArgues pins that a "yes, but" that only goes
// on to the pitch argues when the prospect just showed annoyance: two of
// them cap openness as two pushing turns do; the same two to a prospect
// who is not annoyed are not pushes.
func TestYesButToAnAnnoyedCallerArgues(t *testing.T) {
	p := func(text string) openline.Turn { return openline.Turn{Speaker: openline.Prospect, Text: text} }
	tr := func(text string) openline.Turn { return openline.Turn{Speaker: openline.Trainee, Text: text} }
	call := func(second, fourth string) []openline.Turn {
		return []openline.Turn{
			tr("Good morning, Harbour Windows, this is Sam. How can I help?"),
			p("It's Mrs Patel. The fitter left a gap round the new window and it's letting the rain in."),
			tr("I'm so sorry about that. When did you first notice it?"),
			p(second),
			tr("I completely understand. Our premium sealant package is only nine pounds a month."),
			p(fourth),
			tr("I really appreciate that. And the premium package comes with a ten-year guarantee."),
			p("Fine."),
		}
	}
	score := func(turns []openline.Turn) int { return englishOpenness(t, turns) }
	annoyed := score(call("Yesterday. Are you even listening? I want it fixed.", "I already told you, I want the gap fixed."))
	calm := score(call("Yesterday, after the storm came through the whole wall.", "It's the gap round the frame, mostly at the bottom."))
	if annoyed > int(calibrated.RepeatedPressure) {
		t.Errorf("two pitches to an annoyed caller after 'I understand': openness %d, want at most %d", annoyed, int(calibrated.RepeatedPressure))
	}
	if calm <= int(calibrated.RepeatedPressure) {
		t.Errorf("the same to a calm caller: openness %d, want above %d", calm, int(calibrated.RepeatedPressure))
	}
}

// englishOpenness scores an English call without a scenario and returns
// its openness.
func englishOpenness(t *testing.T, turns []openline.Turn) int {
	t.Helper()
	card, err := Score(openline.Transcript{Language: openline.English, Turns: turns}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return card.Openness
}
