// Command fit-weights fits how the parts of both scores are combined (the
// default weights, and what cross-validation lets free of the shortfall
// boost and the caps) to the calls a trainer scored in the tuning sets (trainer/tune and gaming), and
// writes the result where the score package compiles it in:
//
//	go run ./cmd/fit-weights [-root .] [-out internal/score/calibrated.go]
//
// It first chooses, for each score, what to free by leaving one set out
// at a time (fitting on the other four and measuring on the one left out),
// prints that table, then fits the chosen setting on all five sets.
// The fit is deterministic; TestCalibrationReproduces fails when the
// compiled calibration is not what this command writes, so refit after
// any change of the reading, the parts or the corpus. docs/scoring.md,
// "How the default weights are fitted", explains the method.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/openline/openline/internal/scenario"
	"github.com/openline/openline/internal/score"
	"github.com/openline/openline/scenarios"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "fit-weights:", err)
		os.Exit(1)
	}
}

func run(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("fit-weights", flag.ContinueOnError)
	fl.SetOutput(stderr)
	root := fl.String("root", ".", "the repository root holding the trainer corpus")
	out := fl.String("out", "internal/score/calibrated.go", "the Go file to write")
	force := fl.String("setting", "", "fit this setting of the table (its label) for both scores instead of the chosen ones, without the table")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fl.Args())
	}
	scs, err := scenario.ByID(scenarios.FS)
	if err != nil {
		return err
	}
	calls, err := score.FitCorpus(*root, scs)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d calls of sets %v\n", len(calls), score.FitSets(calls))
	var cal score.Calibration
	if *force != "" {
		cal = score.FitSetting(calls, *force, *force)
	} else {
		var report string
		cal, report = score.FitChosen(calls)
		io.WriteString(stdout, report)
	}
	src, err := cal.GoSource()
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return nil
}
