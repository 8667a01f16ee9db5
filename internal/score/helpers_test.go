package score

import (
	"strings"
	"testing"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

// These helpers score transcripts whose acts are given by the test, so the
// scoring rules are tested apart from the tagger's heuristics.

type tsen struct {
	text string
	acts []openline.Act
}

type tturn struct {
	speaker   openline.Speaker
	sentences []tsen
	start     *int64
	end       *int64
}

func sen(text string, a ...openline.Act) tsen { return tsen{text, a} }

func tr(sentences ...tsen) tturn { return tturn{speaker: openline.Trainee, sentences: sentences} }

func pr(sentences ...tsen) tturn { return tturn{speaker: openline.Prospect, sentences: sentences} }

// timed sets a turn's times in milliseconds.
func timed(t tturn, start, end int64) tturn {
	t.start, t.end = &start, &end
	return t
}

// build returns the transcript and the tagging of its turns.
func build(lang openline.Language, turns []tturn) (openline.Transcript, []acts.Result) {
	tr := openline.Transcript{Language: lang}
	res := make([]acts.Result, len(turns))
	for i, t := range turns {
		var b strings.Builder
		for k, s := range t.sentences {
			if k > 0 {
				b.WriteString(" ")
			}
			start := b.Len()
			b.WriteString(s.text)
			res[i].Sentences = append(res[i].Sentences, acts.Sentence{Start: start, End: b.Len(), Acts: s.acts})
			for _, a := range s.acts {
				if !res[i].Has(a) {
					res[i].Acts = append(res[i].Acts, a)
				}
			}
		}
		tr.Turns = append(tr.Turns, openline.Turn{Speaker: t.speaker, Text: b.String(), StartMS: t.start, EndMS: t.end})
	}
	return tr, res
}

// readingOf reads transcript in context, with the acts of every turn as
// the test gave them (res).
func readingOf(transcript openline.Transcript, sc *openline.Scenario, res []acts.Result) acts.Reading {
	return acts.ReadTagged(transcript, sc, res)
}

// scoreTagged scores turns tagged by the test.
func scoreTagged(t *testing.T, lang openline.Language, sc *openline.Scenario, turns ...tturn) *openline.Scorecard {
	t.Helper()
	transcript, res := build(lang, turns)
	if err := validate(transcript, false); err != nil {
		t.Fatal(err)
	}
	s := newScorer(transcript, sc)
	s.use(readingOf(transcript, sc, res))
	card := s.finish()
	checkCard(t, transcript, card)
	return card
}

// checkCard checks the invariants every scorecard keeps.
func checkCard(t *testing.T, transcript openline.Transcript, card *openline.Scorecard) {
	t.Helper()
	if card.Openness < 0 || card.Openness > 100 || card.Curiosity < 0 || card.Curiosity > 100 {
		t.Errorf("scores out of range: openness %d, curiosity %d", card.Openness, card.Curiosity)
	}
	if len(card.Turns) != len(transcript.Turns) {
		t.Errorf("got %d turn entries, want %d", len(card.Turns), len(transcript.Turns))
	}
	for i, ta := range card.Turns {
		if ta.Index != i || ta.Acts == nil || ta.Speaker != transcript.Turns[i].Speaker {
			t.Errorf("turn entry %d: got %+v", i, ta)
		}
	}
	if card.Metrics.NeedsDiscovered == nil || card.Evidence == nil || card.Tips == nil {
		t.Errorf("nil list in scorecard")
	}
	for _, e := range card.Evidence {
		if e.Turn < 0 || e.Turn >= len(transcript.Turns) {
			t.Errorf("evidence %+v: turn out of range", e)
			continue
		}
		if transcript.Turns[e.Turn].Speaker != openline.Trainee {
			t.Errorf("evidence %+v: not a trainee turn", e)
		}
		if e.Quote == "" || !strings.Contains(transcript.Turns[e.Turn].Text, e.Quote) {
			t.Errorf("evidence quote %q is not a substring of turn %d %q", e.Quote, e.Turn, transcript.Turns[e.Turn].Text)
		}
		if e.Effect != "+" && e.Effect != "-" || e.Dimension != openline.DimensionOpenness && e.Dimension != openline.DimensionCuriosity || e.Why == "" {
			t.Errorf("evidence %+v: bad effect, dimension or why", e)
		}
	}
	hasTrainee := false
	for _, turn := range transcript.Turns {
		hasTrainee = hasTrainee || turn.Speaker == openline.Trainee
	}
	if hasTrainee && (len(card.Tips) < 1 || len(card.Tips) > 3) {
		t.Errorf("got %d tips, want 1 to 3", len(card.Tips))
	}
	for _, tip := range card.Tips {
		if tip.Turn < -1 || tip.Turn >= len(transcript.Turns) || tip.Text == "" || tip.Better == "" {
			t.Errorf("bad tip %+v", tip)
		}
	}
	for _, c := range contradictions(card) {
		t.Errorf("the scorecard contradicts itself: %s", c)
	}
}

// partScore returns the score of a part and whether it applies.
func partScore(t *testing.T, card *openline.Scorecard, name string) (int, bool) {
	t.Helper()
	for _, p := range card.Parts {
		if p.Name == name {
			return p.Score, p.Applies
		}
	}
	t.Fatalf("no part %q", name)
	return 0, false
}

// hasEvidence reports whether card has evidence on turn with effect whose
// quote is quote.
func hasEvidence(card *openline.Scorecard, turn int, dim openline.Dimension, effect openline.Effect, quote string) bool {
	for _, e := range card.Evidence {
		if e.Turn == turn && e.Dimension == dim && e.Effect == effect && e.Quote == quote {
			return true
		}
	}
	return false
}
