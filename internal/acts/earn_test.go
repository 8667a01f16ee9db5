package acts

import (
	"slices"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// Needs in the shape of the shipped scenarios: one with topics (the
// scenario says what it is about), one earned by honest feedback alone,
// one about the person, one with neither topics nor earned_by.
var (
	latePayment = openline.Need{
		ID: "late-payment", EarnedBy: []openline.Act{openline.ActOpenQuestion, openline.ActFollowUp, openline.ActPersonalInterest},
		Topics: []string{"member", "business", "worry", "problem", "right now", "paid", "payment"},
		Fact:   "The members' real problem is late payment: main contractors pay them at 90 to 120 days.",
		Reveal: []string{"Getting paid. The big contractors pay at ninety, a hundred and twenty days."},
	}
	honestFeedback = openline.Need{
		ID: "honest-feedback", EarnedBy: []openline.Act{openline.ActFeedbackRequest},
		Fact:   "The network negotiated a group scheme with a mutual insurer last year.",
		Reveal: []string{"We did a group deal with a mutual last year. Any member who wants cover has it."},
	}
	retiring = openline.Need{
		ID: "retiring", EarnedBy: []openline.Act{openline.ActPersonalInterest, openline.ActFollowUp, openline.ActOpenQuestion},
		Topics: []string{"personally", "yourself", "for you", "your own"},
		Fact:   "He retires next spring and has not found a successor.",
	}
	apprentices = openline.Need{
		ID: "staff", Fact: "Der Betrieb findet keine Auszubildenden und keine Fachkräfte.",
	}
	gatekeeper = openline.Need{
		ID: "vorzimmer", EarnedBy: []openline.Act{openline.ActOpenQuestion, openline.ActFollowUp, openline.ActPersonalInterest},
		Topics: []string{"vorzimmer", "sekretariat"},
		Fact:   "Frau Krüger macht nebenbei die Personalsachen.",
	}
)

func TestEarns(t *testing.T) {
	ruleOpen := &openline.Trigger{Acts: []openline.Act{openline.ActOpenQuestion, openline.ActFollowUp}}
	tests := []struct {
		name     string
		lang     openline.Language
		prev     string // the prospect's turn answered
		rejected bool   // the prospect said no earlier
		text     string
		need     openline.Need
		rule     *openline.Trigger
		want     bool
		told     bool // the scorer's question: the prospect told it next
	}{
		// The misreading of craft-network-feedback: a factual question
		// about a detail named a topic ("member") and told the need.
		{"a detail question naming a topic", openline.English, "Like I wrote, it's really not one for us.", true,
			"Which CRM do you use for your members?", latePayment, nil, false, false},
		{"a detail question about a tool", openline.German, "", false,
			"Welche Software nutzen Sie für Ihre Mitglieder?", apprentices, nil, false, false},
		{"how long someone works there", openline.German, "", false, "Wie lange arbeiten Sie schon dort?", apprentices, nil, false, false},
		{"an open question on a topic", openline.English, "Go on.", false,
			"What worries your members most right now?", latePayment, nil, true, false},
		{"a detail start about the person's situation", openline.English, "Go on.", false,
			"What kind of problems keep your members busy?", latePayment, nil, true, false},
		{"a detail start that turns to the person", openline.English, "Go on.", false,
			"And how long have you been in your role – how are you finding it yourself?", retiring, nil, true, false},
		{"a broad question, need with topics it names none of", openline.English, "Go on.", false,
			"What do you mean?", latePayment, nil, false, false},
		{"a broad question, need without topics", openline.German, "Erzählen Sie.", false,
			"Was beschäftigt Sie gerade am meisten?", apprentices, nil, true, false},
		{"description words, need without topics", openline.German, "Ja?", false,
			"Wie läuft es mit den Auszubildenden?", apprentices, nil, true, false},
		{"an unrelated question", openline.German, "Ja?", false, "Wie viele Transporter fahren Sie?", apprentices, nil, false, false},
		{"a follow-up of a hint", openline.English, "Getting paid is the thing, to be honest.", false,
			"Why is that?", latePayment, nil, true, false},
		{"the same question without the hint", openline.English, "Fine, thanks.", false,
			"Why is that?", latePayment, nil, false, false},
		{"pressure as an open question on a topic", openline.English, "Go on.", false,
			"What would it take for your business to sign today?", latePayment, nil, false, false},
		{"a question on a topic, then the pitch", openline.English, "Go on.", false,
			"What worries your members right now? Our scheme is the best on the market.", latePayment, nil, false, false},
		{"what the caller does, then the question that hands over", openline.German, "Worum geht's?", false,
			"Wir bringen Handwerksbetriebe in der Region zusammen. Was beschäftigt Sie im Moment am meisten?", apprentices, nil, true, false},
		{"small talk", openline.German, "Ja?", false, "Wie ist das Wetter bei Ihnen?", apprentices, nil, false, false},
		{"honest feedback after a no", openline.English, "It's really not one for us.", true,
			"Fair enough. Could I ask what exactly didn't fit?", honestFeedback, nil, true, false},
		{"a question after a no that is not about the no", openline.English, "It's really not one for us.", true,
			"What does membership cost a business?", honestFeedback, nil, false, false},
		{"honest feedback in German", openline.German, "Das ist nichts für uns.", true,
			"Verstehe. Darf ich fragen, woran es liegt?", honestFeedback, nil, true, false},
		{"a rule says the question is about the need", openline.German, "Worum geht es denn?", false,
			"Wer kümmert sich bei Ihnen um die Fragen der Fahrer zur Rente?", gatekeeper, ruleOpen, true, false},
		{"without the rule the topics decide", openline.German, "Worum geht es denn?", false,
			"Wer kümmert sich bei Ihnen um die Fragen der Fahrer zur Rente?", gatekeeper, nil, false, false},
		{"a rule does not launder pressure", openline.German, "Worum geht es denn?", false,
			"Was müsste passieren, damit Sie heute noch unterschreiben?", gatekeeper, ruleOpen, false, false},
		{"a rule does not make a detail question earn", openline.German, "Worum geht es denn?", false,
			"Welche Software nutzt das Sekretariat?", gatekeeper, ruleOpen, false, false},
		{"a rule for feedback: a question that is not about the no", openline.English, "It's really not one for us.", true,
			"What does membership cost a business?", honestFeedback, &openline.Trigger{Acts: []openline.Act{openline.ActFeedbackRequest}}, false, false},

		// The scorer's question: the need was told; the scenario's
		// earned_by and topics chose which need to tell, the description
		// says what the need is about.
		{"told: a closed question on the need's subject", openline.German, "Schicken Sie eine Mail.", false,
			"Landen die Fragen der Fahrer zur Personalsachen eigentlich bei Ihnen?", gatekeeper, nil, true, true},
		{"told: still no credit for a detail question", openline.English, "Like I wrote, it's really not one for us.", true,
			"Which CRM do you use for your members?", latePayment, nil, false, true},
		{"told: a broad question, need with topics", openline.English, "Go on.", false,
			"What's on your mind these days?", latePayment, nil, true, true},
		{"told: an unrelated closed question", openline.German, "Ja?", false, "Wie viele Transporter fahren Sie?", apprentices, nil, false, true},
		{"told: pressure", openline.English, "Go on.", false,
			"What would it take for your business to sign today?", latePayment, nil, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := Context{Prospect: tt.prev, Rejected: tt.rejected}
			turn := TraineeTurn(Trainee(tt.lang, tt.text, ctx), tt.text, ctx)
			if got := Earns(tt.lang, &turn, tt.text, &tt.need, Occasion{Prev: tt.prev, Rule: tt.rule, Told: tt.told}); got != tt.want {
				t.Errorf("Earns(%q, %s, told %v) = %v, want %v (acts %v, questions %v)", tt.text, tt.need.ID, tt.told, got, tt.want, turn.Acts, turn.Questions)
			}
		})
	}
}

// TestReadEarnsAsksEarns pins that the scorer's credit (Turn.Earns) is the
// engine's decision: the need volunteered after a detail question is not
// the trainee's discovery.
func TestReadEarnsAsksEarns(t *testing.T) {
	sc := &openline.Scenario{Language: openline.English, Needs: []openline.Need{latePayment}}
	for _, tt := range []struct {
		question string
		earned   bool
	}{
		{"Which CRM do you use for your members?", false},
		{"What worries your members most right now?", true},
	} {
		rd := Read(call(openline.English, true, "Brooks.", tt.question, "Getting paid. The big contractors pay at ninety, a hundred and twenty days.", "Thanks."), sc)
		if !slices.Equal(rd.Turns[2].Needs, []string{"late-payment"}) {
			t.Fatalf("%q: needs revealed %v, want [late-payment]", tt.question, rd.Turns[2].Needs)
		}
		if got := slices.Contains(rd.Turns[1].Earns, "late-payment"); got != tt.earned {
			t.Errorf("%q: earned %v, want %v", tt.question, got, tt.earned)
		}
	}
}

// TestTraineeTurnLeavesTaggingAlone pins that completing a tagging into a
// turn does not change the tagging it was given (the engine keeps it).
func TestTraineeTurnLeavesTaggingAlone(t *testing.T) {
	text := "Verstehe, aber unser Angebot ist deutlich günstiger."
	r := Trainee(openline.German, text, Context{})
	before := slices.Clone(r.Acts)
	turn := TraineeTurn(r, text, Context{})
	if !turn.YesBut || turn.Has(openline.ActAcknowledgement) {
		t.Errorf("turn %v: want a yes-but without acknowledgement", turn.Acts)
	}
	if !slices.Equal(r.Acts, before) || !slices.Equal(r.Sentences[0].Acts, Trainee(openline.German, text, Context{}).Sentences[0].Acts) {
		t.Errorf("TraineeTurn changed the tagging: %v, was %v", r.Acts, before)
	}
}
