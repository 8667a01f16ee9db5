package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// setsFile lists the set of every labelled call and gaming attempt, by
// when it was written (internal/score/testdata/sets.txt says how).
const setsFile = "internal/score/testdata/sets.txt"

// newSet is the set of a file the list does not name: one written since.
const newSet = "new"

// corpusDirs are the folders of whole calls below internal/score/testdata,
// trainer calls first, then gaming attempts.
var corpusDirs = []struct {
	dir    string
	gaming bool
}{
	{"trainer/tune", false},
	{"trainer/heldout", false},
	{"gaming", true},
	{"gaming-heldout", true},
	{"trainer/dev", false}, // set 7, parked (internal/score/testdata/trainer/README.md)
	{"gaming-dev", true},
}

// readSets reads the set list: the set of each file, by its name without
// ".json".
func readSets(r io.Reader) (map[string]string, error) {
	sets := map[string]string{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		set, name, ok := strings.Cut(line, " ")
		if !ok || strings.TrimSpace(name) == "" {
			return nil, fmt.Errorf("line %d: want \"SET NAME\", got %q", n, line)
		}
		name = strings.TrimSpace(name)
		if _, dup := sets[name]; dup {
			return nil, fmt.Errorf("line %d: %s listed twice", n, name)
		}
		sets[name] = set
	}
	return sets, sc.Err()
}

// setTally gathers one set's calls and gaming attempts.
type setTally struct {
	so, to, sc, tc []float64 // scorer and trainer openness, curiosity
	tricks, above  int       // gaming attempts the trainer scored openness ≤ 35, and those scored above 35
	worst          int       // the highest openness of such an attempt
	worstName      string
}

// setFigures prints the call-level figures set by set: Spearman and mean
// absolute error on the trainer calls of each set, and each set's gaming
// attempts above openness 35 (counting only tricks, attempts the trainer
// also scored 35 or less). Every set but the newest was tuned on; a
// change that helps only the set it was made for is over-fitting.
func setFigures(root string, w io.Writer) error {
	f, err := os.Open(filepath.Join(root, setsFile))
	if err != nil {
		return err
	}
	sets, err := readSets(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", setsFile, err)
	}
	tallies := map[string]*setTally{}
	tally := func(set string) *setTally {
		if tallies[set] == nil {
			tallies[set] = &setTally{}
		}
		return tallies[set]
	}
	all := &setTally{}
	for _, d := range corpusDirs {
		calls, err := scoreCalls(filepath.Join(root, "internal/score/testdata", d.dir))
		if err != nil {
			return err
		}
		for _, c := range calls {
			set, ok := sets[c.name]
			if !ok {
				set = newSet
			}
			for _, t := range []*setTally{tally(set), all} {
				t.add(c, d.gaming)
			}
		}
	}
	names := make([]string, 0, len(tallies))
	for s := range tallies {
		names = append(names, s)
	}
	slices.Sort(names)
	fmt.Fprintln(w, "(s) whole calls and gaming attempts, set by set (targets: Spearman ≥ 0.85, MAE ≤ 12, no trick above 35)")
	fmt.Fprintf(w, "  %-5s %5s %22s %22s %s\n", "set", "calls", "openness ρ / MAE", "curiosity ρ / MAE", "tricks above 35 (highest)")
	for _, s := range names {
		tallies[s].print(w, s)
	}
	all.print(w, "all")
	fmt.Fprintln(w)
	return nil
}

func (t *setTally) add(c scoredCall, gaming bool) {
	if !gaming {
		t.so, t.to = append(t.so, float64(c.card.Openness)), append(t.to, float64(c.trainerO))
		t.sc, t.tc = append(t.sc, float64(c.card.Curiosity)), append(t.tc, float64(c.trainerC))
		return
	}
	if c.trainerO > 35 {
		return // an honest call among the attempts: no trick
	}
	t.tricks++
	if c.card.Openness > 35 {
		t.above++
	}
	if c.card.Openness > t.worst || t.worstName == "" {
		t.worst, t.worstName = c.card.Openness, c.name
	}
}

func (t *setTally) print(w io.Writer, name string) {
	fig := func(s, tr []float64) string {
		if len(s) == 0 {
			return "–"
		}
		return fmt.Sprintf("%.2f / %4.1f", spearman(s, tr), mae(s, tr))
	}
	gaming := "–"
	if t.tricks > 0 {
		gaming = fmt.Sprintf("%d of %d (%d %s)", t.above, t.tricks, t.worst, t.worstName)
	}
	fmt.Fprintf(w, "  %-5s %5d %22s %22s %s\n", name, len(t.so), fig(t.so, t.to), fig(t.sc, t.tc), gaming)
}
