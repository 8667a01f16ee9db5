package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

// corpusSets loads the files of the reading corpus the learned layer is
// trained on (acts.LoadCorpus: the tuning half; the held-out half is
// never trained on, not even in a fold) with the shipped scenarios.
func corpusSets(root string) ([]readingItem, map[string]*openline.Scenario, error) {
	items, err := acts.LoadCorpus(filepath.Join(root, "internal/acts/testdata/reading"))
	if err != nil {
		return nil, nil, err
	}
	scs, err := shippedScenarios()
	return items, scs, err
}

// losoFigures prints the reading's figures by leaving one writer's set
// out at a time: the learned layer is trained (thresholds chosen inside,
// on the other sets only) on four sets and read on the fifth, and the five
// test folds are pooled, beside the rules alone on the same turns. The
// rules were tuned on all five sets, so their figures are optimistic.
func losoFigures(root string, w io.Writer) error {
	items, scs, err := corpusSets(root)
	if err != nil {
		return err
	}
	var sets []int
	for _, it := range items {
		if s := it.Set(); !slices.Contains(sets, s) {
			sets = append(sets, s)
		}
	}
	slices.Sort(sets)
	all := acts.Examples(items, scs)
	rules, hybrid := newTally(), newTally()
	rulesOnly := func(tr openline.Transcript, sc *openline.Scenario) acts.Reading { return acts.ReadWith(tr, sc, nil) }
	fmt.Fprintf(w, "(l) the reading, leaving one writer's set out (sets %v, %d turns)\n", sets, len(items))
	for _, held := range sets {
		var train []acts.Example
		for i, ex := range all {
			if items[i].Set() != held {
				train = append(train, ex)
			}
		}
		m, _ := acts.Train(train, acts.LayerOff)
		n := 0
		for _, it := range items {
			if it.Set() != held {
				continue
			}
			n++
			rules.addWith(it, scs, rulesOnly)
			hybrid.addWith(it, scs, func(tr openline.Transcript, sc *openline.Scenario) acts.Reading { return acts.ReadWith(tr, sc, m) })
		}
		fmt.Fprintf(w, "  set %d: %d turns; heads used: %v\n", held, n, m.Heads())
	}
	fmt.Fprintln(w, "  rules alone (tuned on every set: optimistic):")
	rules.print(w)
	fmt.Fprintln(w, "  rules + learned layer (pooled test folds):")
	hybrid.print(w)
	fmt.Fprintln(w, "  F1 per act, rules → hybrid:")
	for _, a := range openline.TraineeActs {
		r, h := rules.acts[a], hybrid.acts[a]
		_, _, fr := prf(r.tp, r.fp, r.fn)
		_, _, fh := prf(h.tp, h.fp, h.fn)
		fmt.Fprintf(w, "    %-18s %.3f → %.3f  (%+.3f)\n", a, fr, fh, fh-fr)
	}
	fmt.Fprintln(w)
	return nil
}
