package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/scenario"
	"github.com/openline/openline/internal/score"
	"github.com/openline/openline/scenarios"
)

const scoreUsage = `usage: openline score [--scenarios DIR] [--format json|text] TRANSCRIPT.json

Scores a transcript file ("-" reads standard input) on openness and
curiosity and prints the scorecard: JSON (the default) or readable text.
When the transcript names a scenario, its hidden needs and scoring weights
are used; the scenario is looked up in DIR, or among the shipped scenarios
without --scenarios. Exits 1 when the transcript or scenario is invalid.
`

// runScore scores one transcript file.
func runScore(_ context.Context, e env, args []string) error {
	fs := newFlags(e, "score", scoreUsage, false)
	dir := fs.String("scenarios", "", "folder of scenario files (default: the shipped scenarios)")
	format := fs.String("format", "json", "output format: json or text")
	files, done, err := parseArgs(fs, args)
	if done {
		return err
	}
	var bad string
	switch {
	case len(files) > 1:
		bad = fmt.Sprintf("give one transcript file, not %d", len(files))
	case *format != "json" && *format != "text":
		bad = fmt.Sprintf("--format must be json or text, not %q", *format)
	}
	if bad != "" {
		fmt.Fprintln(e.stderr, "openline score:", bad)
	}
	if bad != "" || len(files) == 0 {
		fs.Usage()
		return exitCode(2)
	}
	fail := func(err error) error {
		fmt.Fprintln(e.stderr, "openline score:", err)
		return exitCode(1)
	}

	name := files[0]
	in := e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fail(err)
		}
		defer f.Close()
		in = f
	} else {
		name = "stdin"
	}
	tr, err := score.DecodeTranscript(in)
	if err != nil {
		return fail(fmt.Errorf("%s: %w", name, err))
	}
	sc, err := findScenario(tr.Scenario, *dir)
	if err != nil {
		return fail(err)
	}
	card, err := score.Score(tr, sc)
	if err != nil {
		return fail(fmt.Errorf("%s: %w", name, err))
	}
	if *format == "text" {
		return score.Text(e.stdout, card, tr)
	}
	return writeScorecardJSON(e.stdout, card)
}

// findScenario loads the scenario named id from dir, or from the shipped
// scenarios when dir is empty; nil when id is empty.
func findScenario(id, dir string) (*openline.Scenario, error) {
	if id == "" {
		return nil, nil
	}
	var scs []*openline.Scenario
	var err error
	where := "the shipped scenarios"
	if dir != "" {
		scs, err = scenario.LoadPaths(dir)
		where = dir
	} else {
		scs, err = scenario.LoadFS(scenarios.FS)
	}
	if err != nil {
		return nil, fmt.Errorf("load scenarios from %s: %w", where, err)
	}
	for _, sc := range scs {
		if sc.ID == id {
			return sc, nil
		}
	}
	return nil, fmt.Errorf("transcript names scenario %q, which is not among %s", id, where)
}

func writeScorecardJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
