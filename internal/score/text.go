package score

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/openline/openline/internal/openline"
)

const (
	barWidth  = 20  // characters of the score bars
	saidBytes = 160 // bytes of a turn shown with a tip
	lineWidth = 78  // characters a wrapped line of the text scorecard fills at most
)

// Text writes a readable scorecard for a terminal, in the call's language:
// both scores, the parts, the metrics in words, the evidence with its quotes
// (grouped by dimension, in call order, one entry per quote with all its
// reasons) and the tips, wrapped to lineWidth characters where words allow. tr is the transcript the card was made from; a tip shows the
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
	for _, dim := range []openline.Dimension{openline.DimensionOpenness, openline.DimensionCuriosity} {
		for _, part := range card.Parts {
			if part.Dimension != dim {
				continue
			}
			name := partLabel(part.Name).in(l)
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
	p("  "+lblTalk.in(l)+"\n", int(math.Round(100*m.TalkShare)), by)
	p("  "+lblMonologue.in(l)+"\n", m.LongestMonologueWords, m.MeanTurnWords)
	p("  "+lblAck.in(l)+"\n", m.Acknowledgements, m.Reflections, m.PersonalInterest)
	p("  "+lblRejection.in(l)+"\n", m.Rejections, m.FeedbackRequestsAfterRejection, m.PressureMoves)
	if m.NeedsTotal > 0 {
		// The count only: the needs' ids are the scenario's internal
		// names; the evidence names each discovered need in the
		// prospect's words.
		p("  "+lblNeeds.in(l)+"\n", len(m.NeedsDiscovered), m.NeedsTotal)
	} else if card.Scenario == "" {
		p("  %s\n", lblNoNeeds.in(l))
	}
	if m.Inbound {
		p("  %s\n", lblInbound.in(l))
	}
	if card.Voice != nil {
		voiceText(p, card.Voice, l)
	}

	for _, dim := range []openline.Dimension{openline.DimensionOpenness, openline.DimensionCuriosity} {
		items := groupEvidence(card.Evidence, dim)
		if len(items) == 0 {
			continue
		}
		p("\n%s: %s\n", lblEvidence.in(l), dimLabel(dim, l))
		for _, e := range items {
			head := fmt.Sprintf("  %s %s %2d  ", e.effect, lblTurn.in(l), e.turn)
			indent := strings.Repeat(" ", utf8.RuneCountInString(head))
			p("%s\n", wrap(head, indent, "„"+oneLine(e.quote)+"“"))
			p("%s\n", wrap(indent, indent, strings.Join(e.whys, "; ")))
		}
	}

	p("\n%s\n", lblTips.in(l))
	for k, t := range card.Tips {
		where := lblWholeCall.in(l)
		if t.Turn >= 0 {
			where = fmt.Sprintf("%s %d", lblTurn.in(l), t.Turn)
		}
		p("%s\n", wrap(fmt.Sprintf("  %d. (%s) ", k+1, where), "     ", t.Text))
		if t.Turn >= 0 && t.Turn < len(tr.Turns) {
			head := "     " + lblSaid.in(l) + ": "
			p("%s\n", wrap(head, strings.Repeat(" ", utf8.RuneCountInString(head)), "„"+oneLine(shorten(tr.Turns[t.Turn].Text, saidBytes))+"“"))
		}
		head := "     " + lblBetter.in(l) + ": "
		p("%s\n", wrap(head, strings.Repeat(" ", utf8.RuneCountInString(head)), "„"+t.Better+"“"))
	}
	return b.Flush()
}

func dimLabel(dim openline.Dimension, l openline.Language) string {
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

// evidenceGroup is the evidence of one quote: every reason it moved one
// dimension in one direction.
type evidenceGroup struct {
	turn   int
	effect openline.Effect
	quote  string
	whys   []string
}

// groupEvidence returns the evidence of dimension dim in call order, one
// group per turn, effect and quote, the reasons in the card's order.
func groupEvidence(ev []openline.Evidence, dim openline.Dimension) []evidenceGroup {
	var out []evidenceGroup
	for _, e := range ev {
		if e.Dimension != dim {
			continue
		}
		k := slices.IndexFunc(out, func(g evidenceGroup) bool { return g.turn == e.Turn && g.effect == e.Effect && g.quote == e.Quote })
		if k < 0 {
			out = append(out, evidenceGroup{turn: e.Turn, effect: e.Effect, quote: e.Quote})
			k = len(out) - 1
		}
		if !slices.Contains(out[k].whys, e.Why) {
			out[k].whys = append(out[k].whys, e.Why)
		}
	}
	slices.SortStableFunc(out, func(a, b evidenceGroup) int { return a.turn - b.turn })
	return out
}

// wrap writes text after first, breaking it at spaces into lines of at
// most lineWidth characters; continuation lines start with indent. A word
// longer than a line stays whole.
func wrap(first, indent, text string) string {
	var b strings.Builder
	b.WriteString(first)
	col := utf8.RuneCountInString(first)
	start := col
	for _, w := range strings.Fields(text) {
		n := utf8.RuneCountInString(w)
		if col > start && col+1+n > lineWidth {
			b.WriteString("\n")
			b.WriteString(indent)
			col = utf8.RuneCountInString(indent)
			start = col
		} else if col > start {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += n
	}
	return b.String()
}
