package acts

import (
	"slices"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// lastTurn reads a call whose turns alternate, the prospect first, and
// returns the reading of its last turn.
func lastTurn(lang openline.Language, lines ...string) Turn {
	tr := openline.Transcript{Language: lang}
	for i, l := range lines {
		sp := openline.Prospect
		if i%2 == 1 {
			sp = openline.Trainee
		}
		tr.Turns = append(tr.Turns, openline.Turn{Speaker: sp, Text: l})
	}
	rd := Read(tr, nil)
	return rd.Turns[len(rd.Turns)-1]
}

// TestAssumptiveClose: booking, sending or a contract the prospect never
// agreed to is pressure, and a "Great" before it acknowledges nothing; a
// step they agreed to, asked for or are left free in, or one that puts a
// complaint right, is none.
func TestAssumptiveClose(t *testing.T) {
	for _, tt := range []struct {
		lang     openline.Language
		lines    []string
		pressure bool
	}{
		{openline.English, []string{"Software? We tried that once. Spreadsheet's fine, thanks.", "Great, I'll send the contract over today then."}, true},
		{openline.English, []string{"Pensions? We've already got one of those, love.", "Great, I've pencilled you in for a demo on Thursday at ten, I'll send the invite over."}, true},
		{openline.German, []string{"Mit Vermittlern haben wir keine gute Erfahrung gemacht, ehrlich. Das war teuer und hat nichts gebracht.", "Gut, dann trag ich Sie mal für Donnerstag ein."}, true},
		{openline.German, []string{"Nein, das brauchen wir wirklich nicht.", "Alles klar, ich schick Ihnen dann mal den Vertrag zu."}, true},
		{openline.English, []string{"No, thanks, we're really not interested.", "I'll send you our brochure then."}, true},
		{openline.English, []string{"Yes, Thursday at ten works.", "Great, I've booked you in for Thursday at ten."}, false},
		{openline.German, []string{"Ja, Dienstag um zehn geht.", "Prima, dann trag ich Sie für Dienstag um zehn ein."}, false},
		{openline.English, []string{"Could you just email me the details? I'm driving.", "Of course, I'll email them over this afternoon."}, false},
		{openline.English, []string{"No, thanks, not now.", "No problem, I'll send you a short note and you can reply whenever it suits."}, false},
		{openline.German, []string{"Zweimal hab ich mir freigenommen, und keiner kam!", "Das tut mir wirklich leid. Ich buche Ihnen einen festen Termin morgen früh."}, false},
		{openline.English, []string{"Hello?", "Hi Rachel, it's Mike from Ledgerly – we've been doing your bookkeeping since last spring."}, false},
		{openline.English, []string{"Sounds interesting.", "I could send you the details if you like."}, false},
		// Calling again after a no or a rebuff, hand-played in stop 22;
		// a call-back promised on a complaint keeps them informed.
		{openline.German, []string{"Herr Hartmann ist nicht zu sprechen. Und so schon gar nicht.", "Dann sagen Sie ihm, dass ich heute noch zurückrufe."}, true},
		{openline.English, []string{"I don't like where this is going. No, thank you.", "Then I'll just call you back this afternoon."}, true},
		{openline.English, []string{"Nobody turned up for the boiler service. Again.", "I'm so sorry. I'll call you back within the hour with a firm time."}, false},
		{openline.English, []string{"Yes, ring me on Friday, that's better.", "Lovely, I'll call you back on Friday then."}, false},
	} {
		rt := lastTurn(tt.lang, tt.lines...)
		if got := rt.Has(openline.ActPressure); got != tt.pressure {
			t.Errorf("%q after %q: pressure %v, want %v (acts %v)", tt.lines[1], tt.lines[0], got, tt.pressure, rt.Acts)
		}
		if tt.pressure && rt.Has(openline.ActAcknowledgement) {
			t.Errorf("%q: acknowledged (acts %v)", tt.lines[1], rt.Acts)
		}
	}
}

// TestOwnOfferingAskedIsAPitch: a question that puts the caller's own
// offering to them is a pitch, never a feedback request, and "I hear you,
// but" before it is a "yes, but"; asking what about the offer did not fit
// asks for feedback.
func TestOwnOfferingAskedIsAPitch(t *testing.T) {
	for _, tt := range []struct {
		lang     openline.Language
		lines    []string
		pitch    bool
		feedback bool
	}{
		{openline.English, []string{"Don't sell me anything – I'm calling because nobody came.", "I hear you, but have you considered our premium cover? It would avoid all this."}, true, false},
		{openline.English, []string{"Spreadsheet's fine, thanks.", "But wouldn't our CRM save you hours every week?"}, true, false},
		{openline.German, []string{"Nein, danke. Wir haben schon einen Dienstleister.", "Verstehe, aber haben Sie schon mal über unser Premium-Paket nachgedacht?"}, true, false},
		{openline.German, []string{"Ehrlich gesagt weiß ich nicht, ob das zu uns passt.", "Wäre unser Wartungspaket nicht genau das Richtige für Sie?"}, true, false},
		{openline.English, []string{"No, we went with another provider in the end.", "Fair enough, thanks for telling me. Can I ask what about our offer didn't fit for you?"}, false, true},
		{openline.German, []string{"Nein, wir haben uns anders entschieden.", "Schade, aber danke für die offene Antwort. Darf ich fragen, was an unserem Angebot nicht gepasst hat?"}, false, true},
	} {
		rt := lastTurn(tt.lang, tt.lines...)
		if got := rt.Has(openline.ActPitch); got != tt.pitch {
			t.Errorf("%q: pitch %v, want %v (acts %v)", tt.lines[1], got, tt.pitch, rt.Acts)
		}
		if got := rt.Has(openline.ActFeedbackRequest); got != tt.feedback {
			t.Errorf("%q: feedback request %v, want %v (acts %v)", tt.lines[1], got, tt.feedback, rt.Acts)
		}
		if tt.pitch && (rt.Has(openline.ActAcknowledgement) || rt.Has(openline.ActPersonalInterest)) {
			t.Errorf("%q: credited as listening (acts %v)", tt.lines[1], rt.Acts)
		}
	}
}

// TestTransitionIntoOwnMove: "Right", "Fine", "Gut" before one's own step
// or sending the caller away acknowledge nothing; before help for them
// or words of their own they still do.
func TestTransitionIntoOwnMove(t *testing.T) {
	for _, tt := range []struct {
		lang  openline.Language
		lines []string
		ack   bool
	}{
		{openline.English, []string{"It says the 12th, it should be the 19th.", "Fine, send me an email, I'm busy."}, false},
		{openline.English, []string{"The date on the letter is wrong.", "Right, I'll pass that on to scheduling."}, false},
		{openline.German, []string{"Bitte nehmen Sie mich von der Liste.", "Gut, dann notiere ich mal Ihre Nummer."}, false},
		{openline.English, []string{"The invoice has the wrong address.", "Okay, I'll fix that right away."}, true},
		{openline.German, []string{"Nein, danke, wir sind versorgt.", "Gut, dann brauchen Sie uns nicht."}, true},
	} {
		rt := lastTurn(tt.lang, tt.lines...)
		if got := rt.Has(openline.ActAcknowledgement); got != tt.ack {
			t.Errorf("%q: acknowledgement %v, want %v (acts %v)", tt.lines[1], got, tt.ack, rt.Acts)
		}
	}
}

// TestCurtDemandAsksNothing: "What do you want?" demands, it invites
// nothing; "What do you want to achieve?" asks about them.
func TestCurtDemandAsksNothing(t *testing.T) {
	for _, tt := range []struct {
		lang    openline.Language
		said    string
		nothing bool
	}{
		{openline.English, "Yes, what do you want?", true},
		{openline.German, "Ja, was wollen Sie?", true},
		{openline.English, "What do you want to achieve this year?", false},
		{openline.German, "Was wollen Sie in fünf Jahren erreicht haben?", false},
	} {
		rt := lastTurn(tt.lang, "Hello, it's about the date on your email.", tt.said)
		got := slices.ContainsFunc(rt.Sentences, func(s Sentence) bool { return s.AsksNothing })
		if got != tt.nothing {
			t.Errorf("%q: asks nothing %v, want %v", tt.said, got, tt.nothing)
		}
	}
}

// TestWarningIsNoHangup: a threat to end the call on a condition is
// annoyance, not the hang-up itself.
func TestWarningIsNoHangup(t *testing.T) {
	for _, tt := range []struct {
		lang   openline.Language
		said   string
		warns  bool
		hangup bool
	}{
		{openline.English, "One more like that and this call is over.", true, false},
		{openline.English, "If you say that again, I'm hanging up.", true, false},
		{openline.German, "Noch einmal so, und das Gespräch ist beendet.", true, false},
		{openline.German, "Noch einmal so, und ich lege auf.", true, false},
		{openline.English, "This call is over. Goodbye.", false, true},
		{openline.English, "Talk again soon, bye.", false, true},
	} {
		tr := openline.Transcript{Language: tt.lang, Turns: []openline.Turn{
			{Speaker: openline.Trainee, Text: "You really need this, every day without it costs you money."},
			{Speaker: openline.Prospect, Text: tt.said}}}
		rt := Read(tr, nil).Turns[1]
		if rt.Warns != tt.warns || rt.Has(openline.ActHangup) != tt.hangup || tt.warns && !rt.Annoyed {
			t.Errorf("%q: warns %v, hangup %v, annoyed %v; want warns %v, hangup %v", tt.said, rt.Warns, rt.Has(openline.ActHangup), rt.Annoyed, tt.warns, tt.hangup)
		}
	}
}

// TestUpsellInOtherWords: a claim of one's own side before the question
// that puts it to them, a price of the offer and a discount on condition
// of booking by a day pitch and press whatever their form; a question
// about them after a word on one's own side still asks about them.
func TestUpsellInOtherWords(t *testing.T) {
	for _, tt := range []struct {
		lang            openline.Language
		lines           []string
		pitch, pressure bool
		personal        bool
	}{
		{openline.English, []string{"I'm running our careers fair on the 19th.", "Anyway, while I have you – we've just launched an advanced module for team leaders, would Mrs Okafor be interested?"}, true, false, false},
		{openline.English, []string{"I'd have to ask her.", "It's only four hundred pounds extra per day."}, true, false, false},
		{openline.German, []string{"Ist das Seminar was für mich?", "Das Seminar kostet zweihundert Euro, Anmeldung online."}, true, false, false},
		{openline.English, []string{"I'd have to ask her.", "I'll put it in the corrected email with a little discount if she books by Friday."}, true, true, false},
		{openline.German, []string{"Ja, bitte?", "Wir beraten Handwerksbetriebe bei der Nachfolge – aber wie sehen Sie selbst die nächsten Jahre für Ihre Schreinerei?"}, true, false, true},
		{openline.English, []string{"We pay about three hundred pounds a month at the moment.", "So you're paying three hundred pounds a month."}, false, false, false},
	} {
		rt := lastTurn(tt.lang, tt.lines...)
		if rt.Has(openline.ActPitch) != tt.pitch || rt.Has(openline.ActPressure) != tt.pressure || rt.Has(openline.ActPersonalInterest) != tt.personal {
			t.Errorf("%q: acts %v; want pitch %v, pressure %v, personal interest %v", tt.lines[1], rt.Acts, tt.pitch, tt.pressure, tt.personal)
		}
	}
}

// TestGuiltForTheirPeople: what saying no would do to their people, and
// their people not worth it to them, are guilt put as a question.
func TestGuiltForTheirPeople(t *testing.T) {
	for _, tt := range []struct {
		lang  openline.Language
		lines []string
	}{
		{openline.German, []string{"Im Mai heiratet meine Schwester, und ich hab noch keinen Urlaub eingetragen.", "Wollen Sie Ihrer Schwester das wirklich antun?"}},
		{openline.German, []string{"Das ist jetzt aber sehr persönlich.", "Ist Ihnen Ihre Familie das nicht wert?"}},
		{openline.English, []string{"My sister's getting married in May.", "Do you really want to do that to your sister?"}},
	} {
		if rt := lastTurn(tt.lang, tt.lines...); !rt.Has(openline.ActPressure) || rt.Has(openline.ActPersonalInterest) {
			t.Errorf("%q: acts %v; want pressure, no personal interest", tt.lines[1], rt.Acts)
		}
	}
}

// TestTurningTheNo: after a no, a "feedback" question that asks what would
// change their view, and an own offering put as "ours", push.
func TestTurningTheNo(t *testing.T) {
	for _, tt := range []struct {
		lines           []string
		pitch, pressure bool
	}{
		{[]string{"Hello, Dave Brooks?", "Could we put our scheme in your members' newsletter?", "No. It took us eighteen months. We're not swapping it.", "Last question on the feedback: if our numbers were ten percent better than the mutual's, would that change your view?"}, true, true},
		{[]string{"We did a group deal with a mutual last year.", "What if ours replaced the mutual's when it's up for renewal – would that solve it?"}, true, false},
	} {
		rt := lastTurn(openline.English, tt.lines...)
		if rt.Has(openline.ActPitch) != tt.pitch || rt.Has(openline.ActPressure) != tt.pressure || rt.Has(openline.ActFeedbackRequest) {
			t.Errorf("%q: acts %v; want pitch %v, pressure %v, no feedback request", tt.lines[len(tt.lines)-1], rt.Acts, tt.pitch, tt.pressure)
		}
	}
}
