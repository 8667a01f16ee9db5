package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/scenario"
	"github.com/openline/openline/internal/score"
	"github.com/openline/openline/internal/stats"
	"github.com/openline/openline/scenarios"
)

// readingItem is one line of the reading corpus
// (internal/acts/testdata/reading/*.jsonl; its README gives the format).
type readingItem = acts.LabelledTurn

// readingTally counts the reading's agreement with the labels.
type readingTally struct {
	acts                                   map[openline.Act]*confusion
	items, exact                           int
	uptakeN, uptakeOK                      int
	questionsN, questionsOK                int
	ackN, ackOK                            int
	revealsN, revealsOK, annoyN, annoyedOK int
}

func newTally() *readingTally {
	t := &readingTally{acts: map[openline.Act]*confusion{}}
	for _, a := range slices.Concat(openline.TraineeActs, openline.ProspectActs) {
		t.acts[a] = &confusion{}
	}
	return t
}

// add reads one item in its context and counts it.
func (t *readingTally) add(it readingItem, scs map[string]*openline.Scenario) {
	t.addWith(it, scs, acts.Read)
}

// addWith is add with the item read by read.
func (t *readingTally) addWith(it readingItem, scs map[string]*openline.Scenario, read func(openline.Transcript, *openline.Scenario) acts.Reading) {
	rd := read(it.Transcript(), scs[it.Scenario])
	got := rd.Turns[len(rd.Turns)-1]
	t.items++
	if sameSet(got.Acts, it.Acts) {
		t.exact++
	}
	for a, c := range t.acts {
		c.add(slices.Contains(it.Acts, a), got.Has(a))
	}
	if it.Speaker == string(openline.Prospect) {
		t.revealsN++
		if sameSet(got.Needs, it.Reveals) {
			t.revealsOK++
		}
		t.annoyN++
		if got.Annoyed == it.Annoyed {
			t.annoyedOK++
		}
		return
	}
	t.uptakeN++
	want := it.Uptake
	if want == "n/a" {
		want = ""
	}
	if string(got.Uptake) == want {
		t.uptakeOK++
	}
	t.questionsN++
	var purposes []string
	for _, q := range got.Questions {
		if !slices.Contains(got.Sentences[q.Sentence].Acts, openline.ActPermission) {
			purposes = append(purposes, string(q.Purpose))
		}
	}
	if slices.Equal(purposes, it.Questions) || (len(purposes) == 0 && len(it.Questions) == 0) {
		t.questionsOK++
	}
	t.ackN++
	ack := "none"
	switch {
	case got.YesBut:
		ack = "yes_but"
	case got.Has(openline.ActAcknowledgement):
		ack = "genuine"
	}
	if ack == it.Acknowledgement {
		t.ackOK++
	}
}

func (t *readingTally) print(w io.Writer) {
	fmt.Fprintf(w, "  %d turns: exact act set %s\n", t.items, pct(t.exact, t.items))
	fmt.Fprintf(w, "  trainee: uptake %s, question purposes %s, acknowledgement (genuine/yes_but/none) %s\n",
		pct(t.uptakeOK, t.uptakeN), pct(t.questionsOK, t.questionsN), pct(t.ackOK, t.ackN))
	fmt.Fprintf(w, "  prospect: revealed needs %s, annoyance %s\n", pct(t.revealsOK, t.revealsN), pct(t.annoyedOK, t.annoyN))
	for _, a := range slices.Concat(openline.TraineeActs, openline.ProspectActs) {
		c := t.acts[a]
		if c.tp+c.fn+c.fp == 0 {
			continue
		}
		p, r, f := prf(c.tp, c.fp, c.fn)
		fmt.Fprintf(w, "    %-18s precision %.2f recall %.2f F1 %.2f (tp %d fp %d fn %d)\n", a, p, r, f, c.tp, c.fp, c.fn)
	}
}

func pct(a, b int) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%d/%d (%.0f %%)", a, b, 100*float64(a)/float64(b))
}

// sameSet reports whether a and b hold the same elements.
func sameSet[T comparable](a, b []T) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			return false
		}
	}
	return true
}

// readingFigures prints the reading's precision and recall on one half of
// the reading corpus.
func readingFigures(path string, w io.Writer) error {
	items, err := acts.ReadCorpusFile(path)
	if err != nil {
		return err
	}
	scs, err := shippedScenarios()
	if err != nil {
		return err
	}
	t := newTally()
	for _, it := range items {
		t.add(it, scs)
	}
	t.print(w)
	return nil
}

// shippedScenarios returns the scenarios of scenarios/, by id.
func shippedScenarios() (map[string]*openline.Scenario, error) {
	m, err := scenario.ByID(scenarios.FS)
	if err != nil {
		return nil, fmt.Errorf("shipped scenarios: %w", err)
	}
	return m, nil
}

// trainerCall is a call of the trainer corpus: a transcript plus the
// trainer's scores (and, for a gaming call, the attempt).
type trainerCall struct {
	Scenario string `json:"scenario"`
	Trainer  struct {
		Openness  int    `json:"openness"`
		Curiosity int    `json:"curiosity"`
		Reason    string `json:"reason"`
	} `json:"trainer"`
	Attempt string `json:"attempt"`
}

// scoredCall is one call scored by the scorer beside the trainer.
type scoredCall struct {
	name                 string
	card                 *openline.Scorecard
	trainerO, trainerC   int
	attempt, trainerNote string
}

// scoreCalls scores every *.json file of dir against its scenario; an
// error names the file.
func scoreCalls(dir string) ([]scoredCall, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no *.json in %s: %w", dir, os.ErrNotExist)
	}
	sort.Strings(files)
	scs, err := shippedScenarios()
	if err != nil {
		return nil, err
	}
	var out []scoredCall
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		var tc trainerCall
		if err := json.Unmarshal(data, &tc); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		var tr openline.Transcript
		if err := json.Unmarshal(data, &tr); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		sc := scs[tc.Scenario]
		if sc != nil && tr.Language == "" {
			tr.Language = sc.Language
		}
		card, err := score.Score(tr, sc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, scoredCall{name: strings.TrimSuffix(filepath.Base(path), ".json"), card: card,
			trainerO: tc.Trainer.Openness, trainerC: tc.Trainer.Curiosity, attempt: tc.Attempt, trainerNote: tc.Trainer.Reason})
	}
	return out, nil
}

// trainerFigures prints Spearman and mean absolute error per dimension on
// the calls of dir; perCall lists every call (for the tuning half only).
func trainerFigures(dir string, perCall bool, w io.Writer) error {
	calls, err := scoreCalls(dir)
	if err != nil {
		return err
	}
	var so, to, sc, tc []float64
	for _, c := range calls {
		so, to = append(so, float64(c.card.Openness)), append(to, float64(c.trainerO))
		sc, tc = append(sc, float64(c.card.Curiosity)), append(tc, float64(c.trainerC))
		if perCall {
			fmt.Fprintf(w, "    %-36s openness %3d (trainer %3d)  curiosity %3d (trainer %3d)\n", c.name, c.card.Openness, c.trainerO, c.card.Curiosity, c.trainerC)
		}
	}
	fmt.Fprintf(w, "  %d calls\n", len(calls))
	fmt.Fprintf(w, "  openness:  Spearman %.2f, mean absolute error %.1f (targets ≥ 0.85, ≤ 12)\n", spearman(so, to), mae(so, to))
	fmt.Fprintf(w, "  curiosity: Spearman %.2f, mean absolute error %.1f (targets ≥ 0.85, ≤ 12)\n", spearman(sc, tc), mae(sc, tc))
	return nil
}

// gamingFigures prints every gaming call's scores.
func gamingFigures(dir string, w io.Writer) error {
	calls, err := scoreCalls(dir)
	if err != nil {
		return err
	}
	worst := 0
	for _, c := range calls {
		worst = max(worst, c.card.Openness)
		fmt.Fprintf(w, "  %-36s openness %3d (trainer %3d)  curiosity %3d (trainer %3d)  %s\n", c.name, c.card.Openness, c.trainerO, c.card.Curiosity, c.trainerC, c.attempt)
	}
	fmt.Fprintf(w, "  %d attempts; highest openness %d (target: none above 35)\n", len(calls), worst)
	return nil
}

// spearman and mae are the figures of every table here: Spearman's rank
// correlation (ties get their mean rank) and the mean absolute error, the
// same the calibration's fit is chosen by.
var spearman, mae = stats.Spearman, stats.MAE

// corpusFigures prints the figures on one half of the labelled corpus:
// (d) the reading of turns in context, (e) whole calls against the
// trainer, and (f) every gaming attempt. A missing part is reported and
// skipped.
func corpusFigures(root, half string, w io.Writer) error {
	reading := filepath.Join(root, "internal/acts/testdata/reading", half+".jsonl")
	fmt.Fprintf(w, "(d) the reading of turns in context, %s half (%s)\n", half, reading)
	if err := readingFigures(reading, w); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		fmt.Fprintln(w, "  not found: skipped")
	}
	fmt.Fprintln(w)
	calls := filepath.Join(root, "internal/score/testdata/trainer", half)
	fmt.Fprintf(w, "(e) whole calls against the trainer, %s half (%s)\n", half, calls)
	if err := trainerFigures(calls, half == "tune", w); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		fmt.Fprintln(w, "  not found: skipped")
	}
	fmt.Fprintln(w)
	if err := gamingSection(w, "(f) gaming attempts", filepath.Join(root, "internal/score/testdata/gaming")); err != nil {
		return err
	}
	if half != "heldout" {
		return nil // the held-out gaming attempts are for the report only
	}
	return gamingSection(w, "(g) gaming attempts, held out", filepath.Join(root, "internal/score/testdata/gaming-heldout"))
}

// gamingSection prints one folder of gaming attempts under title, or says
// that the folder is not there.
func gamingSection(w io.Writer, title, dir string) error {
	fmt.Fprintf(w, "%s (%s)\n", title, dir)
	if err := gamingFigures(dir, w); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		fmt.Fprintln(w, "  not found: skipped")
	}
	fmt.Fprintln(w)
	return nil
}
