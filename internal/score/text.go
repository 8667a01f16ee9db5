package score

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/openline/openline/internal/openline"
)

const (
	barWidth  = 20  // characters of the score bars
	saidBytes = 120 // bytes of a turn shown with a tip
)

// Text writes a readable scorecard for a terminal, in the call's language:
// both scores, the parts, the metrics in words, the evidence with its quotes
// and the tips. tr is the transcript the card was made from; a tip shows the
// words of the turn it names from it (tr may be empty: then they are left out).
func Text(w io.Writer, card *openline.Scorecard, tr openline.Transcript) error {
	if card == nil {
		return fmt.Errorf("text scorecard: no scorecard")
	}
	l := card.Language
	if !l.Valid() {
		l = openline.English
	}
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	m := card.Metrics

	p("%-10s %3d/100  %s\n", lblOpenness.in(l), card.Openness, bar(card.Openness))
	p("%-10s %3d/100  %s\n", lblCuriosity.in(l), card.Curiosity, bar(card.Curiosity))
	if card.Scenario != "" {
		p("(%s)\n", card.Scenario)
	}

	p("\n%s\n", lblParts.in(l))
	for _, dim := range []string{openline.DimensionOpenness, openline.DimensionCuriosity} {
		for _, part := range card.Parts {
			if part.Dimension != dim {
				continue
			}
			name := lblPartNames[part.Name].in(l)
			if name == "" {
				name = part.Name
			}
			if !part.Applies {
				p("  %-10s %-34s   –  (%s)\n", dimLabel(dim, l), name, lblNotApplied.in(l))
				continue
			}
			p("  %-10s %-34s %3d  (%s)\n", dimLabel(dim, l), name, part.Score, trimFloat(part.Weight))
		}
	}

	p("\n%s\n", lblMetrics.in(l))
	p("  "+lblQuestions.in(l)+"\n", m.TraineeQuestions, m.OpenQuestions, m.ClosedQuestions, m.FollowUpQuestions)
	if m.TraineeQuestions > 0 {
		p("  "+lblOpenShare.in(l)+"\n", int(math.Round(100*float64(m.OpenQuestions)/float64(m.TraineeQuestions))))
	}
	by := lblByWords.in(l)
	if m.TalkShareBy == "time" {
		by = lblByTime.in(l)
	}
	p("  "+lblTalk.in(l)+"\n", int(math.Round(100*m.TalkShare)), by, m.LongestMonologueWords, m.MeanTurnWords)
	p("  "+lblAck.in(l)+"\n", m.Acknowledgements, m.Reflections, m.PersonalInterest)
	p("  "+lblRejection.in(l)+"\n", m.Rejections, m.FeedbackRequestsAfterRejection, m.PressureMoves)
	if m.NeedsTotal > 0 {
		p("  "+lblNeeds.in(l), len(m.NeedsDiscovered), m.NeedsTotal)
		if len(m.NeedsDiscovered) > 0 {
			p(" (%s)", strings.Join(m.NeedsDiscovered, ", "))
		}
		p("\n")
	} else if card.Scenario == "" {
		p("  %s\n", lblNoNeeds.in(l))
	}
	if m.Inbound {
		p("  %s\n", lblInbound.in(l))
	}

	p("\n%s\n", lblEvidence.in(l))
	for _, e := range card.Evidence {
		p("  %s %-10s %s %3d  „%s“\n      %s\n", e.Effect, dimLabel(e.Dimension, l), lblTurn.in(l), e.Turn, oneLine(e.Quote), e.Why)
	}

	p("\n%s\n", lblTips.in(l))
	for k, t := range card.Tips {
		where := lblWholeCall.in(l)
		if t.Turn >= 0 {
			where = fmt.Sprintf("%s %d", lblTurn.in(l), t.Turn)
		}
		p("  %d. (%s) %s\n", k+1, where, t.Text)
		if t.Turn >= 0 && t.Turn < len(tr.Turns) {
			p("     %s: „%s“\n", lblSaid.in(l), oneLine(shorten(tr.Turns[t.Turn].Text, saidBytes)))
		}
		p("     %s: „%s“\n", lblBetter.in(l), t.Better)
	}
	return b.Flush()
}

func dimLabel(dim string, l openline.Language) string {
	if dim == openline.DimensionCuriosity {
		return lblCuriosity.in(l)
	}
	return lblOpenness.in(l)
}

// bar draws score (0–100) as a bar of barWidth characters.
func bar(score int) string {
	n := clampInt(int(math.Round(float64(score)*barWidth/100)), 0, barWidth)
	return strings.Repeat("█", n) + strings.Repeat("░", barWidth-n)
}

func trimFloat(f float64) string { return strings.TrimSuffix(fmt.Sprintf("%.1f", f), ".0") }

// oneLine folds line breaks so a quote stays on its line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// shorten cuts s to at most n bytes at a character boundary, marking the cut.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return quoteCut(s, n) + " …"
}
