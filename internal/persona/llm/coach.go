package llm

import (
	"context"
	"fmt"
	"strings"

	"github.com/openline/openline/internal/openline"
)

// maxCoachingRunes bounds the coaching paragraph.
const maxCoachingRunes = 1200

// Coach asks the model for a coaching paragraph on a scored call
// (call.Coach). The scores are given to the model as final; the paragraph
// changes none of them. It returns the fault when the model fails; the
// scorecard then has no coaching.
func (e *Engine) Coach(ctx context.Context, sc *openline.Scenario, tr openline.Transcript, card *openline.Scorecard) (*openline.Coaching, error) {
	if !e.breaker.allow() {
		return nil, &fault{kind: faultBreaker}
	}
	c, err := e.relay.complete(ctx, request{Messages: coachPrompt(sc, tr, card), MaxTokens: 400, Temperature: 0.4, Whole: e.cfg.Whole})
	if err != nil {
		e.log.Warn("llm coaching failed", "err", err.Error())
		return nil, err
	}
	text := strings.Join(strings.Fields(visible(c.Text)), " ")
	if text == "" {
		return nil, &fault{kind: faultEmpty}
	}
	return &openline.Coaching{Text: cutAt(text, maxCoachingRunes), Model: e.cfg.Model, By: "llm"}, nil
}

// coachPrompt is the request for the coaching paragraph: the transcript,
// the scores and the reasons the scorer found. Hidden needs the trainee did
// not discover are not named.
func coachPrompt(sc *openline.Scenario, tr openline.Transcript, card *openline.Scorecard) []message {
	lang := "German, addressing the trainee as Sie"
	if tr.Language == openline.English {
		lang = "English"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "You coach people who practise sales calls on openness (friendliness, listening, acknowledging, how they take a no) and curiosity (questions, open questions, follow-ups, interest in the person). ")
	fmt.Fprintf(&b, "Write one paragraph of three to five sentences in %s to the trainee about this call: what they did well, and one concrete thing to try next time, quoting their words where it helps. ", lang)
	b.WriteString("Plain text: no lists, no headings, no markup. The scores are final: do not give, change or argue with any score.")
	var t strings.Builder
	who := "the prospect"
	if sc != nil {
		who = sc.Persona.Name
	}
	for _, turn := range tr.Turns {
		name := "Trainee"
		if turn.Speaker == openline.Prospect {
			name = who
		}
		fmt.Fprintf(&t, "%s: %s\n", name, turn.Text)
	}
	fmt.Fprintf(&t, "\nScores (final): openness %d of 100, curiosity %d of 100.\n", card.Openness, card.Curiosity)
	for _, ev := range card.Evidence {
		fmt.Fprintf(&t, "%s %s: «%s» – %s\n", ev.Effect, ev.Dimension, ev.Quote, ev.Why)
	}
	for _, tip := range card.Tips {
		fmt.Fprintf(&t, "Tip: %s\n", tip.Text)
	}
	return []message{{"system", b.String()}, {"user", t.String()}}
}
