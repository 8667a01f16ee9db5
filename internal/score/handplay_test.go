package score

import (
	"slices"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// These tests are built from calls the lead hand-played on main (stop 17),
// one German and one English each: the scorecard must not contradict
// itself.

// alternate builds a call whose turns alternate, the prospect first.
func alternate(lang openline.Language, lines ...string) openline.Transcript {
	tr := openline.Transcript{Language: lang}
	for i, l := range lines {
		sp := openline.Prospect
		if i%2 == 1 {
			sp = openline.Trainee
		}
		tr.Turns = append(tr.Turns, openline.Turn{Speaker: sp, Text: l})
	}
	return tr
}

func scoreCall(t *testing.T, tr openline.Transcript) *openline.Scorecard {
	t.Helper()
	card, err := Score(tr, nil)
	if err != nil {
		t.Fatal(err)
	}
	return card
}

func hasTip(card *openline.Scorecard, m msg) bool {
	for _, tip := range card.Tips {
		if strings.HasPrefix(tip.Text, m.in(card.Language)) {
			return true
		}
	}
	return false
}

// TestNoMonologueTipOnShortPushyTurns: a pushy call whose turns are short
// loses listening by its pressure, which the pressure tip names; "stop
// after two or three sentences" beside a 17-word turn contradicts the card.
func TestNoMonologueTipOnShortPushyTurns(t *testing.T) {
	for _, tr := range []openline.Transcript{
		alternate(openline.English, "Hello, Miller speaking.",
			"Hi Mr Miller, this is Tom from Brightline. Our offer ends today, so you should sign up now.",
			"Look, there's a delivery waiting for me.",
			"It only takes a minute and you will regret missing this deal, so let's do it now.",
			"No. I'm not interested.",
			"You really should decide today, the price goes up tomorrow, so sign now.",
			"Goodbye."),
		alternate(openline.German, "Müller?",
			"Guten Tag Herr Müller, hier ist Tom von Brightline. Das Angebot gilt nur heute, Sie sollten jetzt zusagen.",
			"Hören Sie, da wartet eine Lieferung auf mich.",
			"Das dauert nur eine Minute und Sie werden es bereuen, wenn Sie jetzt nicht zusagen.",
			"Nein. Kein Interesse.",
			"Sie sollten sich wirklich heute entscheiden, morgen steigt der Preis, also unterschreiben Sie jetzt.",
			"Auf Wiederhören."),
	} {
		card := scoreCall(t, tr)
		if card.Metrics.LongestMonologueWords > monologueGoodWords {
			t.Fatalf("%s: longest turn %d words, the test wants short turns", tr.Language, card.Metrics.LongestMonologueWords)
		}
		if hasTip(card, tipListening) || hasWhy(card, whyMonologue) || hasWhy(card, whyLongTurns) {
			t.Errorf("%s: a monologue tip or minus on turns of at most %d words: tips %+v", tr.Language, card.Metrics.LongestMonologueWords, card.Tips)
		}
		if !hasTip(card, tipPressure) {
			t.Errorf("%s: pushy call without the pressure tip: %+v", tr.Language, card.Tips)
		}
	}
}

// TestTurnHandingOverIsNoLongTurn: a 24-word turn that ends by handing the
// word over with a question is not a long turn.
func TestTurnHandingOverIsNoLongTurn(t *testing.T) {
	for _, tr := range []openline.Transcript{
		alternate(openline.German, "Huber?",
			"Guten Tag Frau Huber, hier ist Anna Berg von Lernwerk. Passt es gerade kurz?",
			"Ja, kurz.",
			"Danke. Ich rufe an, weil viele Kammern gerade neue Wege in der Ausbildung suchen, und mich interessiert, wie das bei Ihnen im Moment eigentlich läuft?",
			"Schwierig, die Betriebe finden kaum Leute.",
			"Kaum Leute, das klingt mühsam. Was heißt das für Sie?",
			"Viel Vermittlungsarbeit."),
		alternate(openline.English, "Huber?",
			"Hello Ms Huber, this is Anna Berg from Lernwerk. Is now a good moment?",
			"Yes, briefly.",
			"Thanks. I'm calling because a lot of chambers are looking for new ways to train people right now, and I wonder how that is going for you?",
			"Hard, the firms can hardly find anyone.",
			"Hardly anyone, that sounds tough. What does that mean for you?",
			"A lot of matching work."),
	} {
		card := scoreCall(t, tr)
		if hasWhy(card, whyLongTurns) || hasWhy(card, whyMonologue) || hasTip(card, tipListening) {
			t.Errorf("%s: a turn handing over with a question called long (longest %d words): %+v", tr.Language, card.Metrics.LongestMonologueWords, card.Evidence)
		}
	}
}

// TestReflectTipQuotesAPoint: a don't-know, a brush-off or being called
// away is no point to reflect or ask about; a point the next turn
// reflected (credited in the evidence) gets no tip; and a call dominated
// by pressure gets the pressure tip, not one to reflect.
func TestReflectTipQuotesAPoint(t *testing.T) {
	for _, tc := range []struct {
		tr       openline.Transcript
		notQuote string // words no tip may quote
	}{
		{alternate(openline.English, "Hi, I'm calling about my invoice.",
			"Hello, this is Sara from Brightline, thanks for calling. What is your customer number?",
			"I couldn't tell you offhand.",
			"No problem, I can find it by your name. What is your name?",
			"Peter Grant.", "Thanks Mr Grant, I have corrected the invoice. Anything else?", "No, that's all."), "offhand"},
		{alternate(openline.German, "Hallo, ich rufe wegen meiner Rechnung an.",
			"Guten Tag, hier ist Sara von Brightline, danke für Ihren Anruf. Wie ist Ihre Kundennummer?",
			"Das kann ich Ihnen aus dem Kopf nicht sagen.",
			"Kein Problem, ich finde Sie auch über den Namen. Wie ist Ihr Name?",
			"Peter Grant.", "Danke Herr Grant, ich habe die Rechnung korrigiert. Sonst noch was?", "Nein, das war's."), "Kopf"},
		{alternate(openline.English, "Hello, Miller speaking.",
			"Hi Mr Miller, this is Tom from Brightline. Our offer ends today, so you should sign up now.",
			"Look, there's a delivery waiting for me.",
			"It only takes a minute and you will regret missing this deal, so let's do it now.",
			"Hmm.", "You really should decide today, the price goes up tomorrow.", "Goodbye."), "delivery"},
		{alternate(openline.German, "Müller?",
			"Guten Tag Herr Müller, hier ist Tom von Brightline. Das Angebot gilt nur heute, Sie sollten jetzt zusagen.",
			"Hören Sie, da wartet eine Lieferung auf mich.",
			"Das dauert nur eine Minute und Sie werden es bereuen, wenn Sie jetzt nicht zusagen.",
			"Hm.", "Sie sollten sich wirklich heute entscheiden, morgen steigt der Preis.", "Auf Wiederhören."), "Lieferung"},
		{alternate(openline.German, "Kammer, Huber?",
			"Guten Tag Frau Huber, hier ist Anna Berg von Lernwerk. Passt es gerade kurz?",
			"Kurz, ja. Worum geht es?",
			"Wir unterstützen Kammern bei der Ausbildung. Was beschäftigt Ihre Betriebe im Moment am meisten?",
			"Die finden keine Azubis mehr, und ich verbringe meine halbe Woche mit Vermittlung.",
			"Also finden die Betriebe kaum noch Azubis, und das frisst Ihre Zeit.",
			"Genau so ist es.", "Wie viele Betriebe betreuen Sie? Und seit wann?"), "Azubis"},
		{alternate(openline.English, "Chamber, Huber speaking?",
			"Hello Ms Huber, this is Anna Berg from Lernwerk. Is now a good moment?",
			"Briefly, yes. What is it about?",
			"We support chambers with training. What keeps your firms busiest at the moment?",
			"They can't find apprentices any more, and I spend half my week matching people.",
			"So the firms can hardly find apprentices, and that eats up your time.",
			"Exactly.", "How many firms do you look after? And since when?"), "apprentices"},
	} {
		card := scoreCall(t, tc.tr)
		for _, tip := range card.Tips {
			if strings.Contains(tip.Better, tc.notQuote) {
				t.Errorf("%s: tip %q quotes %q, which makes no point or was reflected", tc.tr.Language, tip.Better, tc.notQuote)
			}
			if strings.Contains(tip.Better, "‚‘") || strings.Contains(tip.Better, "''") || strings.Contains(tip.Better, "‚…‘") || strings.Contains(tip.Better, "'…'") {
				t.Errorf("%s: tip %q quotes nothing", tc.tr.Language, tip.Better)
			}
		}
		if strings.Contains(tc.notQuote, "eliver") || tc.notQuote == "Lieferung" {
			if !hasTip(card, tipPressure) || hasTip(card, tipReflect) || hasTip(card, tipFollowUp) {
				t.Errorf("%s: a pushy call wants the pressure tip, not reflect or follow-up: %+v", tc.tr.Language, card.Tips)
			}
		}
	}
}

// TestTextShowsNoNeedIDs: the readable card counts the discovered needs
// and names none by its scenario id, in either language.
func TestTextShowsNoNeedIDs(t *testing.T) {
	for _, lang := range []openline.Language{openline.German, openline.English} {
		card := &openline.Scorecard{Language: lang, Scenario: "s", Tips: []openline.Tip{},
			Metrics: openline.Metrics{NeedsDiscovered: []string{"nachwuchs-intern-id"}, NeedsTotal: 2}}
		var b strings.Builder
		if err := Text(&b, card, openline.Transcript{}); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "nachwuchs-intern-id") || !strings.Contains(b.String(), lblNeeds.in(lang)[:10]) {
			t.Errorf("%s: text card shows a need id or no count:\n%s", lang, b.String())
		}
	}
}

// TestGoodbyeAfterALateRevealIsNoRush: an inbound caller given time (two
// open questions about her, a reflection, a workshop offered) who tells a
// need once more just before the goodbye was left standing that once; the
// call did not rush her off, so neither score is capped as a rushed call
// (hand-played on frau-h-praktikum, stop 18: it scored 35 and 20).
func TestGoodbyeAfterALateRevealIsNoRush(t *testing.T) {
	tr := openline.Transcript{Language: openline.German, Scenario: "frau-h-praktikum", Turns: []openline.Turn{
		{Speaker: openline.Trainee, Text: "Guten Morgen, Telefontraining Berger, hier spricht Anna Berger, was kann ich für Sie tun?"},
		{Speaker: openline.Prospect, Text: "Ja, guten Tag, H. hier, Bildungswerk Nordstadt. Ich will Sie gar nicht lange aufhalten, es geht nur um Ihre Mail von gestern – da stimmt der Termin nicht ganz."},
		{Speaker: openline.Trainee, Text: "Oh, danke, dass Sie Bescheid sagen! Das korrigiere ich sofort. Wie läuft es denn sonst bei Ihnen an der Schule?"},
		{Speaker: openline.Prospect, Text: "Danke! Also: In der Mail steht der 12. März, wir hatten aber den 19. besprochen. Und meine Chefin heißt Dr. Albrecht, nicht Albers – die Mail geht nämlich an sie weiter."},
		{Speaker: openline.Trainee, Text: "Das klingt nach viel Verantwortung. Was bewegt die Jugendlichen gerade am meisten, wenn es ums Praktikum geht?"},
		{Speaker: openline.Prospect, Text: "Hauptsächlich suche ich Praktikumsplätze für unsere Jugendlichen. Das ist im Moment wirklich zäh – im Handwerk kriege ich kaum Zusagen, dabei wären einige von denen richtig gut."},
		{Speaker: openline.Trainee, Text: "Das kenne ich gut – gerade das Telefonieren ist für viele eine Hürde. Hätten Sie Lust, dass ich mal in einer Klasse einen kleinen Telefon-Workshop mache?"},
		{Speaker: openline.Prospect, Text: "Ach, was ich mache … ich koordiniere die Berufsorientierung, und ganz ehrlich: Ich suche gerade verzweifelt Praktikumsplätze."},
		{Speaker: openline.Trainee, Text: "Wunderbar, dann schicke ich Ihnen morgen zwei Terminvorschläge. Danke für Ihren Anruf und einen schönen Tag noch!"},
		{Speaker: openline.Prospect, Text: "Danke Ihnen, und nochmal Entschuldigung für die Störung. Tschüss!"},
	}}
	card, err := Score(tr, &openline.Scenario{Direction: openline.Inbound, Language: openline.German})
	if err != nil {
		t.Fatal(err)
	}
	if card.Openness <= int(calibrated.RushedOpenness) || card.Curiosity <= int(calibrated.RushedCuriosity) {
		t.Errorf("openness %d, curiosity %d: capped as a rushed caller", card.Openness, card.Curiosity)
	}
	if !hasEvidence(card, 8, openline.DimensionOpenness, openline.EffectMinus, "Danke für Ihren Anruf und einen schönen Tag noch!") {
		t.Errorf("the goodbye right after she opened up costs nothing: %+v", card.Evidence)
	}
}

// TestClosingQuestionIsNoInvitation: a question asking for the next step
// ("Wann hätten Sie nächste Woche Zeit für einen Termin?") is open in
// form but asks for the step, not about them: the card must not credit it
// as inviting them to tell, nor count it as an open question, in any
// language; the open questions before it stay credited.
func TestClosingQuestionIsNoInvitation(t *testing.T) {
	for _, tc := range []struct {
		tr              openline.Transcript
		closing, asking string
	}{
		{alternate(openline.German, "Huber?",
			"Guten Tag Frau Huber, hier ist Anna Berg von Lernwerk. Wie läuft es bei Ihnen gerade mit der Ausbildung?",
			"Schwierig, die Betriebe finden kaum Leute.",
			"Wann hätten Sie nächste Woche Zeit für einen Termin?",
			"Eher nicht."), "Wann hätten Sie nächste Woche Zeit für einen Termin?", "Wie läuft es bei Ihnen gerade mit der Ausbildung?"},
		{alternate(openline.English, "Huber?",
			"Hello Ms Huber, this is Anna Berg from Lernwerk. How is training going for you at the moment?",
			"Hard, the firms can hardly find anyone.",
			"When would you have time for a meeting next week?",
			"Not really."), "When would you have time for a meeting next week?", "How is training going for you at the moment?"},
	} {
		card := scoreCall(t, tc.tr)
		asked := false
		for _, e := range card.Evidence {
			if e.Why != whyOpenQuestion.in(card.Language) {
				continue
			}
			if strings.Contains(tc.closing, e.Quote) || strings.Contains(e.Quote, tc.closing) {
				t.Errorf("%s: the closing question %q is credited as inviting them to tell", tc.tr.Language, e.Quote)
			}
			asked = asked || strings.Contains(e.Quote, tc.asking)
		}
		if !asked {
			t.Errorf("%s: the open question %q lost its credit: %+v", tc.tr.Language, tc.asking, card.Evidence)
		}
		if card.Metrics.OpenQuestions != 1 {
			t.Errorf("%s: %d open questions counted, want 1 (the closing one is no curiosity)", tc.tr.Language, card.Metrics.OpenQuestions)
		}
	}
}

// TestQuestionInPressingTurnIsNoCuriosity: a question in a turn that
// presses serves the push ("Das Angebot gilt nur heute. Wie viele
// Mitarbeiter haben Sie?"): it counts for no curiosity part, and the card
// neither credits it nor advises asking it openly.
func TestQuestionInPressingTurnIsNoCuriosity(t *testing.T) {
	for _, tr := range []openline.Transcript{
		alternate(openline.German, "Huber?",
			"Guten Tag Frau Huber, hier ist Anna Berg von Lernwerk. Das Angebot gilt nur heute. Wie viele Mitarbeiter haben Sie?",
			"Zwölf.",
			"Auf Wiederhören."),
		alternate(openline.English, "Huber?",
			"Hello Ms Huber, this is Anna Berg from Lernwerk. This offer is today only. How many staff do you have?",
			"Twelve.",
			"Goodbye."),
	} {
		card := scoreCall(t, tr)
		if !slices.Contains(card.Turns[1].Acts, openline.ActPressure) {
			t.Fatalf("%s: the test wants a pressing turn: %v", tr.Language, card.Turns[1].Acts)
		}
		if card.Metrics.TraineeQuestions != 0 {
			t.Errorf("%s: %d questions counted in a pressing turn, want 0", tr.Language, card.Metrics.TraineeQuestions)
		}
		for _, e := range card.Evidence {
			if e.Dimension == openline.DimensionCuriosity && e.Turn == 1 {
				t.Errorf("%s: curiosity evidence on the pressing turn: %+v", tr.Language, e)
			}
		}
	}
}

// TestDiaryFeedbackRequestWithItsReason: the method's own move after a
// written no (docs/method.md), hand-played on herr-b-handwerker in stop
// 22: accepting the no and asking what it was, "Damit wir besser werden".
// The reason given for the request once read as a claim of the own side,
// a pitch after a no and so pressure, and the call scored openness 50.
func TestDiaryFeedbackRequestWithItsReason(t *testing.T) {
	tr := alternate(openline.German, "Ja, B. hier – hallo?",
		"Guten Tag Herr B., hier ist Lena Koch von Handwerk Digital. Sie hatten uns ja geschrieben, dass es nichts für Sie ist – danke für die klare Antwort. Haben Sie zwei Minuten?",
		"Ah, die Finanzsache. Nehmen Sie's mir nicht übel, aber das ist in der Tat nichts für uns.",
		"Das respektiere ich völlig. Darf ich Sie trotzdem ehrlich fragen, woran es lag? Damit wir besser werden.",
		"Gut, dass Sie nicht gleich nachbohren. Ehrlich gesagt: Das Geld ist nicht das Thema.")
	card := scoreCall(t, tr)
	acts := card.Turns[3].Acts
	if !slices.Contains(acts, openline.ActFeedbackRequest) || slices.Contains(acts, openline.ActPressure) || slices.Contains(acts, openline.ActPitch) {
		t.Errorf("turn 3 acts %v, want a feedback request and neither pitch nor pressure", acts)
	}
	if card.Metrics.PressureMoves != 0 || card.Openness < 80 {
		t.Errorf("openness %d with %d pressure moves, want 80 or more and none", card.Openness, card.Metrics.PressureMoves)
	}
}
