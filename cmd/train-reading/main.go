// Command train-reading trains the learned layer of the reading of turns
// (internal/acts/learned.go) on the whole labelled reading corpus and
// writes it where the acts package embeds it:
//
//	go run ./cmd/train-reading [-root .] [-out internal/acts/reading.model]
//
// Training is deterministic; TestLearnedModelReproduces fails when the
// embedded file is not what this command writes, so retrain after any
// change of the rules (they are the layer's features) or of the corpus.
// The honest measure of the layer is `go run ./cmd/eval -loso`.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/scenario"
	"github.com/openline/openline/scenarios"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "train-reading:", err)
		os.Exit(1)
	}
}

func run(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("train-reading", flag.ContinueOnError)
	fl.SetOutput(stderr)
	root := fl.String("root", ".", "the repository root holding the labelled corpus")
	out := fl.String("out", "internal/acts/reading.model", "the model file to write")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fl.Args())
	}
	exs, err := acts.CorpusExamples(filepath.Join(*root, "internal/acts/testdata/reading"), shipped)
	if err != nil {
		return err
	}
	m, reports := acts.Train(exs, acts.LayerOff)
	fmt.Fprintf(stdout, "trained on %d turns; per head, out of fold on the sets:\n", len(exs))
	for _, r := range reports {
		fmt.Fprintf(stdout, "  %s\n", r)
	}
	if err := os.WriteFile(*out, m.Marshal(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return nil
}

// shipped returns the shipped scenarios by id.
func shipped() (map[string]*openline.Scenario, error) { return scenario.ByID(scenarios.FS) }
