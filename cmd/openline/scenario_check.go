package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/scenario"
)

const scenarioCheckUsage = `usage: openline scenario check PATH...

Validates scenario files, or the *.yaml and *.yml files of folders, and that
no two of them share an id. Prints every problem as file:line:col: message
and one "ok" line per valid file; exits 0 when all are valid, 1 otherwise.
`

// runScenarioCheck validates the scenario files at the paths in args.
func runScenarioCheck(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "scenario check", scenarioCheckUsage, false)
	paths, done, err := parsePaths(fs, args)
	if done {
		return err
	}
	scs, list, err := loadScenarioFiles(ctx, e, paths)
	if err != nil {
		return fmt.Errorf("check scenarios: %w", err)
	}
	for _, sc := range scs {
		fmt.Fprintf(e.stdout, "ok  %s (%s, %s, %s)\n", sc.Source, sc.ID, sc.Language, sc.Difficulty)
	}
	if len(list) > 0 {
		files := map[string]bool{}
		for _, e2 := range list {
			files[e2.File] = true
		}
		fmt.Fprintf(e.stderr, "%d %s in %d %s\n", len(list), plural(len(list), "error", "errors"), len(files), plural(len(files), "file", "files"))
		return exitCode(1)
	}
	return nil
}

// loadScenarioFiles loads the scenario files at paths (files or folders) and
// prints every problem of the files that do not load on e.stdout, as
// file:line:col: message. It returns the scenarios that load and the
// problems printed; err only when loading failed otherwise (then nothing
// is printed).
func loadScenarioFiles(ctx context.Context, e env, paths []string) ([]*openline.Scenario, scenario.ErrorList, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, scenarioReadTimeout, errReadTimeout)
	defer cancel()
	scs, err := scenario.LoadPathsContext(ctx, paths...)
	var list scenario.ErrorList
	if err != nil && !errors.As(err, &list) {
		return nil, nil, err
	}
	for _, le := range list {
		fmt.Fprintln(e.stdout, le.Error())
	}
	return scs, list, nil
}

// scenarioReadTimeout bounds reading scenario files from disk, so that a
// file that never ends stops a command with an error instead of hanging.
const scenarioReadTimeout = 30 * time.Second

var errReadTimeout = fmt.Errorf("reading took longer than %v", scenarioReadTimeout)

// plural picks the singular or plural form for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
