package main

import (
	"context"
	"fmt"
	"regexp"

	"github.com/openline/openline/internal/scenariotest"
)

const scenarioTestUsage = `usage: openline scenario test [-run REGEXP] [-v] PATH...

Runs the test conversations of scenario files, or of the *.yaml and *.yml
files of folders, against the scripted prospect, and reports like go test:
failures as "--- FAIL: scenario-id/test name" with file:line and the
transcript so far, one ok/FAIL line per file, and a last line
"N passed, N failed". Exits 0 when every test passes, 1 when a test fails or
a file does not load (its problems printed as file:line:col: message).

flags:
  -run REGEXP  run only the tests whose "scenario-id/test name" matches
  -v           print every test, not only the failures
`

// runScenarioTest runs the scenario tests of the files at the paths in args.
// Flags may come before, between or after the paths.
func runScenarioTest(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "scenario test", scenarioTestUsage, false)
	runPattern := fs.String("run", "", "")
	verbose := fs.Bool("v", false, "")
	paths, done, err := parsePaths(fs, args)
	if done {
		return err
	}
	opt := scenariotest.Options{Verbose: *verbose}
	if *runPattern != "" {
		re, err := regexp.Compile(*runPattern)
		if err != nil {
			fmt.Fprintf(e.stderr, "openline scenario test: bad -run pattern: %v\n", err)
			return exitCode(2)
		}
		opt.Run = re
	}

	scs, list, err := loadScenarioFiles(ctx, e, paths)
	if err != nil {
		return fmt.Errorf("load scenarios: %w", err)
	}
	res, err := scenariotest.Run(ctx, e.stdout, scs, opt)
	if err != nil {
		return fmt.Errorf("run scenario tests: %w", err)
	}
	if len(list) > 0 || res.Failed > 0 {
		return exitCode(1)
	}
	return nil
}
