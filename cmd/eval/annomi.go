package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/score"
)

const transcriptsFile = "annomi_transcripts_dev.jsonl"

// labelled is one line of annomi_transcripts_dev.jsonl: a transcript in
// openline's format with the expert label of its counselling quality.
type labelled struct {
	ID        string `json:"id"`
	MIQuality string `json:"mi_quality"` // high | low
	openline.Transcript
}

// transcriptFigures scores every labelled transcript without a scenario and
// prints how well the scores rank high- above low-quality counselling.
func transcriptFigures(ctx context.Context, dataDir string, w io.Writer) error {
	path := filepath.Join(dataDir, transcriptsFile)
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("transcript figures: %w", err)
	}
	defer f.Close()
	var high []bool
	var cards []*openline.Scorecard
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 8<<20)
	for line := 1; sc.Scan(); line++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var l labelled
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if l.MIQuality != "high" && l.MIQuality != "low" {
			return fmt.Errorf("%s:%d: mi_quality %q (want high or low)", path, line, l.MIQuality)
		}
		card, err := score.Score(l.Transcript, nil)
		if err != nil {
			return fmt.Errorf("%s:%d (%s): %w", path, line, l.ID, err)
		}
		high = append(high, l.MIQuality == "high")
		cards = append(cards, card)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	nHigh := 0
	for _, h := range high {
		if h {
			nHigh++
		}
	}
	fmt.Fprintf(w, "  %d transcripts: %d high, %d low quality; therapist = trainee, no scenario\n", len(cards), nHigh, len(cards)-nHigh)
	sum := func(get func(*openline.Scorecard) float64) []float64 {
		out := make([]float64, len(cards))
		for i, c := range cards {
			out[i] = get(c)
		}
		return out
	}
	both := sum(func(c *openline.Scorecard) float64 { return float64(c.Openness + c.Curiosity) })
	op := sum(func(c *openline.Scorecard) float64 { return float64(c.Openness) })
	cu := sum(func(c *openline.Scorecard) float64 { return float64(c.Curiosity) })
	fmt.Fprintf(w, "  ROC AUC openness + curiosity: %.3f (aim ≥ 0.85)\n", auc(both, high))
	fmt.Fprintf(w, "  ROC AUC openness alone:       %.3f\n", auc(op, high))
	fmt.Fprintf(w, "  ROC AUC curiosity alone:      %.3f\n", auc(cu, high))
	fmt.Fprintf(w, "  mean openness  high %.1f, low %.1f\n", mean(op, high, true), mean(op, high, false))
	fmt.Fprintf(w, "  mean curiosity high %.1f, low %.1f\n", mean(cu, high, true), mean(cu, high, false))
	fmt.Fprintln(w, "  each part alone (ROC AUC over the transcripts it applies to):")
	var names []string
	for _, p := range cards[0].Parts {
		names = append(names, string(p.Dimension)+"/"+p.Name)
	}
	for k, name := range names {
		var x []float64
		var h []bool
		for i, c := range cards {
			if c.Parts[k].Applies {
				x = append(x, float64(c.Parts[k].Score))
				h = append(h, high[i])
			}
		}
		if len(x) == 0 {
			continue
		}
		fmt.Fprintf(w, "    %-32s %.3f (%d transcripts)\n", name, auc(x, h), len(x))
	}
	fmt.Fprintln(w, "  metrics alone (ROC AUC):")
	metrics := []struct {
		name string
		get  func(*openline.Scorecard) float64
	}{
		{"open share", func(c *openline.Scorecard) float64 { return ratio(c.Metrics.OpenQuestions, c.Metrics.TraineeQuestions) }},
		{"reflections per question", func(c *openline.Scorecard) float64 { return ratio(c.Metrics.Reflections, c.Metrics.TraineeQuestions) }},
		{"talk share (lower is better)", func(c *openline.Scorecard) float64 { return -c.Metrics.TalkShare }},
		{"longest monologue (shorter)", func(c *openline.Scorecard) float64 { return -float64(c.Metrics.LongestMonologueWords) }},
		{"pressure moves (fewer)", func(c *openline.Scorecard) float64 { return -float64(c.Metrics.PressureMoves) }},
		{"mean words per trainee turn (fewer)", func(c *openline.Scorecard) float64 { return -c.Metrics.MeanTurnWords }},
		{"pressure per trainee turn (fewer)", func(c *openline.Scorecard) float64 { return -ratio(c.Metrics.PressureMoves, traineeTurns(c)) }},
		{"acknowledging turns per turn", func(c *openline.Scorecard) float64 { return ratio(c.Metrics.Acknowledgements, traineeTurns(c)) }},
		{"reflecting turns per turn", func(c *openline.Scorecard) float64 { return ratio(c.Metrics.Reflections, traineeTurns(c)) }},
		{"questions per turn", func(c *openline.Scorecard) float64 { return ratio(c.Metrics.TraineeQuestions, traineeTurns(c)) }},
		{"follow-ups per question", func(c *openline.Scorecard) float64 {
			return ratio(c.Metrics.FollowUpQuestions, c.Metrics.TraineeQuestions)
		}},
	}
	for _, m := range metrics {
		fmt.Fprintf(w, "    %-32s %.3f\n", m.name, auc(sum(m.get), high))
	}
	return nil
}

func traineeTurns(c *openline.Scorecard) int {
	n := 0
	for _, t := range c.Turns {
		if t.Speaker == openline.Trainee {
			n++
		}
	}
	return n
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// auc is the ROC AUC of score for the positive class: the probability that
// a random positive scores above a random negative, ties counting half
// (the Mann–Whitney U statistic over the product of the class sizes). NaN
// when a class is empty.
func auc(score []float64, positive []bool) float64 {
	var pos, neg []float64
	for i, s := range score {
		if positive[i] {
			pos = append(pos, s)
		} else {
			neg = append(neg, s)
		}
	}
	if len(pos) == 0 || len(neg) == 0 {
		return math.NaN()
	}
	var u float64
	for _, p := range pos {
		for _, n := range neg {
			switch {
			case p > n:
				u++
			case p == n:
				u += 0.5
			}
		}
	}
	return u / float64(len(pos)*len(neg))
}

func mean(x []float64, class []bool, want bool) float64 {
	var s float64
	n := 0
	for i, v := range x {
		if class[i] == want {
			s += v
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return s / float64(n)
}

// pairFigures scores each NAME.good.json / NAME.bad.json pair in dir and
// prints the margins of the good version.
func pairFigures(dir string, w io.Writer) error {
	goods, err := filepath.Glob(filepath.Join(dir, "*.good.json"))
	if err != nil {
		return err
	}
	if len(goods) == 0 {
		return fmt.Errorf("pair figures: no *.good.json in %s: %w", dir, os.ErrNotExist)
	}
	slices.Sort(goods)
	minO, minC := math.MaxInt, math.MaxInt
	for _, good := range goods {
		bad := strings.TrimSuffix(good, ".good.json") + ".bad.json"
		g, err := scoreFile(good)
		if err != nil {
			return err
		}
		b, err := scoreFile(bad)
		if err != nil {
			return err
		}
		dO, dC := g.Openness-b.Openness, g.Curiosity-b.Curiosity
		minO, minC = min(minO, dO), min(minC, dC)
		fmt.Fprintf(w, "  %-22s openness %3d vs %3d (%+4d)   curiosity %3d vs %3d (%+4d)\n",
			strings.TrimSuffix(filepath.Base(good), ".good.json"), g.Openness, b.Openness, dO, g.Curiosity, b.Curiosity, dC)
	}
	fmt.Fprintf(w, "  %d pairs; smallest margin: openness %+d, curiosity %+d (required ≥ +25 on both)\n", len(goods), minO, minC)
	return nil
}

func scoreFile(path string) (*openline.Scorecard, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tr, err := score.DecodeTranscript(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	card, err := score.Score(tr, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return card, nil
}
