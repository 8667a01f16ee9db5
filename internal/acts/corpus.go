package acts

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/openline/openline/internal/openline"
)

// LabelledTurn is one line of the reading corpus
// (testdata/reading/*.jsonl; its README gives the format): a turn in its
// context with the reading a trainer gives it.
type LabelledTurn struct {
	ID              string          `json:"id"`
	Language        string          `json:"language"`
	Scenario        string          `json:"scenario"`
	Context         []openline.Turn `json:"context"`
	Speaker         string          `json:"speaker"`
	Text            string          `json:"text"`
	Acts            []openline.Act  `json:"acts"`
	Uptake          string          `json:"uptake"`
	Questions       []string        `json:"questions"`
	Acknowledgement string          `json:"acknowledgement"`
	Reveals         []string        `json:"reveals"`
	Annoyed         bool            `json:"annoyed"`
}

// ReadCorpus reads a reading corpus file; an error names the line.
func ReadCorpus(r io.Reader) ([]LabelledTurn, error) {
	var out []LabelledTurn
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var it LabelledTurn
		if err := json.Unmarshal(line, &it); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if it.Speaker != string(openline.Trainee) && it.Speaker != string(openline.Prospect) {
			return nil, fmt.Errorf("line %d: speaker %q is neither trainee nor prospect", n, it.Speaker)
		}
		out = append(out, it)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Transcript is the item's call up to and including its turn.
func (it LabelledTurn) Transcript() openline.Transcript {
	return openline.Transcript{Language: openline.Language(it.Language),
		Turns: append(slices.Clone(it.Context), openline.Turn{Speaker: openline.Speaker(it.Speaker), Text: it.Text})}
}

// Set is the writer's set the item belongs to: the thousands of its id
// number ("de-5012" is set 5), as the corpus README tells the sets apart;
// -1 for an id without a number.
func (it LabelledTurn) Set() int {
	_, num, ok := strings.Cut(it.ID, "-")
	n, err := strconv.Atoi(num)
	if !ok || err != nil || n < 0 {
		return -1
	}
	return n / 1000
}

// Example is the item as a training example of the learned layer, read on
// scenario sc (nil when it has none).
func (it LabelledTurn) Example(sc *openline.Scenario) Example {
	up := Uptake(it.Uptake)
	if up != UptakeTakesUp && up != UptakeMovesOn {
		up = UptakeNone
	}
	return Example{Set: it.Set(), Transcript: it.Transcript(), Scenario: sc, Acts: it.Acts, Uptake: up, YesBut: it.Acknowledgement == "yes_but"}
}

// CorpusFiles are the files of the reading corpus the learned layer is
// trained on, in order: the tuning half only. heldout.jsonl measures the
// reading and is never trained on (testdata/reading/README.md).
var CorpusFiles = []string{"tune.jsonl"}

// ReadCorpusFile reads the reading corpus file at path; an error names
// the file and the line.
func ReadCorpusFile(path string) ([]LabelledTurn, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	items, err := ReadCorpus(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return items, nil
}

// LoadCorpus reads the files of CorpusFiles in dir, in order: the turns
// the learned layer is trained on.
func LoadCorpus(dir string) ([]LabelledTurn, error) {
	var out []LabelledTurn
	for _, name := range CorpusFiles {
		items, err := ReadCorpusFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		out = append(out, items...)
	}
	return out, nil
}

// Examples returns the items' training examples, each on its scenario in
// scs (nil for an item without one).
func Examples(items []LabelledTurn, scs map[string]*openline.Scenario) []Example {
	out := make([]Example, len(items))
	for i, it := range items {
		out[i] = it.Example(scs[it.Scenario])
	}
	return out
}

// CorpusExamples reads the training corpus in dir (LoadCorpus) as
// training examples of the learned layer, each on its scenario
// (scenarios gives the shipped ones by id).
func CorpusExamples(dir string, scenarios func() (map[string]*openline.Scenario, error)) ([]Example, error) {
	scs, err := scenarios()
	if err != nil {
		return nil, err
	}
	items, err := LoadCorpus(dir)
	if err != nil {
		return nil, err
	}
	return Examples(items, scs), nil
}
