package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

// questionsFile is the question-type data set in the data directory:
// columns transcript_id,utterance_id,text,label with label open|closed.
const questionsFile = "annomi_questions_dev.csv"

// maxQuestionRows bounds how many rows questionFigures reads.
const maxQuestionRows = 100000

// questionFigures measures the dialogue-act tagger's open/closed question
// type against expert-coded therapist questions (AnnoMI) and prints
// accuracy, macro-F1 and per-class precision, recall and F1, next to the
// plain wh-word baseline ("open if it has a wh-word or 'tell me'").
func questionFigures(dataDir string, w io.Writer) error {
	path := filepath.Join(dataDir, questionsFile)
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("question figures: %w", err)
	}
	defer f.Close()
	rows, err := readQuestions(f)
	if err != nil {
		return fmt.Errorf("question figures: read %s: %w", path, err)
	}
	if len(rows) == 0 {
		return fmt.Errorf("question figures: %s has no rows", path)
	}
	var tagger, baseline confusion
	for _, r := range rows {
		tagger.add(r.open, taggerSaysOpen(r.text))
		baseline.add(r.open, whWordSaysOpen(r.text))
	}
	fmt.Fprintf(w, "open/closed question type on %s (%d questions: %d open, %d closed)\n",
		questionsFile, len(rows), tagger.tp+tagger.fn, tagger.fp+tagger.tn)
	tagger.print(w, "acts tagger")
	baseline.print(w, "wh-word baseline")
	return nil
}

// questionRow is one labelled question.
type questionRow struct {
	text string
	open bool
}

func readQuestions(r io.Reader) ([]questionRow, error) {
	cr := csv.NewReader(r)
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	textCol, labelCol := -1, -1
	for i, h := range head {
		switch strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")) {
		case "text":
			textCol = i
		case "label":
			labelCol = i
		}
	}
	if textCol < 0 || labelCol < 0 {
		return nil, errors.New("header lacks text or label column")
	}
	var rows []questionRow
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		if len(rows) >= maxQuestionRows {
			return nil, fmt.Errorf("more than %d rows", maxQuestionRows)
		}
		line, _ := cr.FieldPos(labelCol)
		switch rec[labelCol] {
		case "open":
			rows = append(rows, questionRow{text: rec[textCol], open: true})
		case "closed":
			rows = append(rows, questionRow{text: rec[textCol], open: false})
		default:
			return nil, fmt.Errorf("line %d: label %q is neither open nor closed", line, rec[labelCol])
		}
	}
}

// taggerSaysOpen classifies an utterance that holds a question: the last
// sentence the tagger takes for a question decides, as the question a
// speaker ends on is the one the listener answers. When the tagger finds no
// question (a trailing-off fragment, a reflection said with a rising
// voice), the wh-word rule decides.
func taggerSaysOpen(text string) bool {
	res := acts.Trainee(openline.English, text, acts.Context{})
	for i := len(res.Sentences) - 1; i >= 0; i-- {
		s := res.Sentences[i]
		open, closed := false, false
		for _, a := range s.Acts {
			open = open || a == openline.ActOpenQuestion
			closed = closed || a == openline.ActClosedQuestion || a == openline.ActPermission // asking for the moment is a yes/no question
		}
		if open || closed {
			return open
		}
	}
	return whWordSaysOpen(text)
}

// baselineWh are the words of the plain wh-word rule.
var baselineWh = map[string]bool{
	"what": true, "how": true, "why": true, "where": true, "when": true, "who": true, "whom": true,
	"whose": true, "which": true,
}

// whWordSaysOpen is the baseline: open when the text has a wh-word or
// "tell me" anywhere.
func whWordSaysOpen(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	})
	for i, wd := range words {
		wd = strings.TrimSuffix(strings.TrimSuffix(wd, "'s"), "’s")
		if baselineWh[wd] || (wd == "tell" && i+1 < len(words) && words[i+1] == "me") {
			return true
		}
	}
	return false
}

// confusion counts a binary classification with "open" as positive.
type confusion struct{ tp, fp, fn, tn int }

func (c *confusion) add(truth, predicted bool) {
	switch {
	case truth && predicted:
		c.tp++
	case truth:
		c.fn++
	case predicted:
		c.fp++
	default:
		c.tn++
	}
}

// prf returns precision, recall and F1 of a class from its true positives,
// false positives and false negatives; 0 where undefined.
func prf(tp, fp, fn int) (p, r, f1 float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

func (c confusion) print(w io.Writer, name string) {
	op, or, of := prf(c.tp, c.fp, c.fn)
	cp, cr, cf := prf(c.tn, c.fn, c.fp)
	n := c.tp + c.fp + c.fn + c.tn
	fmt.Fprintf(w, "  %-17s accuracy %.3f  macro-F1 %.3f\n", name, float64(c.tp+c.tn)/float64(n), (of+cf)/2)
	fmt.Fprintf(w, "    open    P %.3f  R %.3f  F1 %.3f\n", op, or, of)
	fmt.Fprintf(w, "    closed  P %.3f  R %.3f  F1 %.3f\n", cp, cr, cf)
}
