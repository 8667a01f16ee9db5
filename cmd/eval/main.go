// Command eval prints the scorer's validity figures (make eval):
//
//	go run ./cmd/eval -data ../shared/data [-pairs internal/score/testdata/pairs]
//
// (a) open/closed question typing on annomi_questions_dev.csv (macro-F1),
// (b) how well openness and curiosity separate high- from low-quality
// counselling in annomi_transcripts_dev.jsonl (ROC AUC), and (c) the
// margins of the good over the bad version of each call in the scorer's own
// pairs; then, for the half asked for (-half), (d) the reading of turns,
// (e) whole calls against the trainer and (f) the gaming attempts, and
// for the held-out half also (g) the held-out gaming attempts
// (internal/score/testdata/gaming-heldout, when present). With -sets it
// prints only (s), the whole calls and gaming attempts set by set. The AnnoMI
// data is read from the data folder only, never copied;
// without the folder (a) and (b) are skipped and the command still exits 0.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/openline/openline/internal/acts"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("eval", flag.ContinueOnError)
	fl.SetOutput(stderr)
	data := fl.String("data", "../shared/data", "folder with the AnnoMI files")
	pairs := fl.String("pairs", "internal/score/testdata/pairs", "folder with the good/bad transcript pairs")
	half := fl.String("half", "heldout", "half of the labelled corpus to measure on: heldout (the report) or tune (the one to tune on, listed call by call)")
	root := fl.String("root", ".", "the repository root holding the labelled corpus")
	loso := fl.Bool("loso", false, "only measure the reading by leaving one writer's set out at a time, rules alone and with the learned layer")
	sets := fl.Bool("sets", false, "only measure whole calls and gaming attempts set by set, each set being the calls one writer wrote at one time")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fl.Args())
	}
	if _, err := acts.DefaultModel(); err != nil {
		// Figures of the rules alone, printed as the shipped reading's,
		// would mislead.
		return fmt.Errorf("%w (retrain it: go run ./cmd/train-reading)", err)
	}
	if *loso {
		return losoFigures(*root, stdout)
	}
	if *sets {
		return setFigures(*root, stdout)
	}
	fmt.Fprintf(stdout, "openline scorer validity (data: %s)\n\n", *data)
	if st, err := os.Stat(*data); err != nil || !st.IsDir() {
		fmt.Fprintf(stdout, "(a), (b): data folder %s not found: skipped\n\n", *data)
	} else {
		fmt.Fprintln(stdout, "(a) open vs closed questions (annomi_questions_dev.csv)")
		if err := questionFigures(*data, stdout); err != nil {
			return err
		}
		fmt.Fprintln(stdout)
		fmt.Fprintln(stdout, "(b) high- vs low-quality counselling (annomi_transcripts_dev.jsonl)")
		if err := transcriptFigures(ctx, *data, stdout); err != nil {
			return err
		}
		fmt.Fprintln(stdout)
	}
	if *half != "heldout" && *half != "tune" {
		return fmt.Errorf("-half %q: want heldout or tune", *half)
	}
	if err := corpusFigures(*root, *half, stdout); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "(c) good vs bad versions of the same call (%s)\n", *pairs)
	if err := pairFigures(*pairs, stdout); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stdout, "  pairs folder not found: skipped\n")
			return nil
		}
		return err
	}
	return nil
}
