// Package scenariotest runs the test conversations that scenario files carry
// (openline.ScenarioTest) against a scripted prospect, and reports like
// `go test`.
//
// A test starts a fresh prospect with the test's seed (1 when the test sets
// none), opens the call, and says each turn in order. After each turn its
// expect is checked, and after the last turn the test's own expect. A
// test stops at the first turn whose expectation fails, and fails when the
// call is over before all its turns are said. An expectation checks only
// the fields it sets:
//
//	state           the dialogue state after the reply
//	reveals         these need ids have been revealed so far (others may be too);
//	                an empty list, reveals: [], means none has been
//	hangup          true: the call ended with this reply (any outcome);
//	                false: it goes on. In the test's final expect: whether
//	                the call has ended.
//	reply_contains  the last reply contains this text, ignoring case
//	outcome         the call's outcome so far (hung_up, next_step, polite_end)
//	next_step       the kind of next step agreed
//	openness        the scorer's openness of the transcript so far, [min, max]
//	curiosity       the scorer's curiosity of the transcript so far, [min, max]
//
// The output, with Verbose, gives every test as
//
//	=== RUN   herr-b-handwerker/pushy caller is hung up on
//	--- PASS: herr-b-handwerker/pushy caller is hung up on (0.00s)
//
// and without it only the failures. Every test also fails when the
// prospect says a reply it said before in the call, word for word; a failure lists each unmet expectation
// as `file:line: turn N: expected ..., got ...` followed by the transcript
// so far. Each file ends with a line `ok  \tFILE\t0.012s` or
// `FAIL\tFILE\t0.012s` (`?   \tFILE\t[no tests]` when it has none,
// `ok  \tFILE\t0.000s [no tests to run]` when -run selects none of them),
// and the whole run with one line `N passed, N failed`.
//
// A scenario's realism corpus (openline.Realism) is run too, unless Run
// selects tests: each line is said in a fresh call after the corpus's
// setup turns, and the kind of the reply (the engine must implement
// Kinded) is compared with the kinds the line allows. Each miss is
// printed, and the run ends with the line
// `realism: R/N replies of the kind a person gives (P%)`, and then
// `realism (held out): R/N ...` over the corpora's held-out lines. Misses
// do not fail the run: the share is a measurement, not a test. A reply
// said twice in one realism call does fail it, as in a test.
package scenariotest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
	"github.com/openline/openline/internal/persona/scripted"
	"github.com/openline/openline/internal/score"
)

// Options steer a run; the zero value runs every test with the scripted
// engine and the scorer.
type Options struct {
	// Run, when set, selects the tests whose full name
	// ("scenario-id/test name") it matches.
	Run *regexp.Regexp
	// Verbose prints every test, not only the failures.
	Verbose bool
	// Engine plays the prospect; nil: the scripted engine.
	Engine persona.Engine
	// Score scores a transcript for openness and curiosity expectations;
	// nil: score.Score.
	Score func(openline.Transcript, *openline.Scenario) (*openline.Scorecard, error)
}

// Result counts the tests run and the realism corpus lines answered right:
// Realism over the corpora's lines, HeldOut over their held_out lines.
// Failed also counts realism calls in which the prospect repeated a reply.
type Result struct {
	Passed, Failed   int
	Realism, HeldOut Realism
}

// Run runs the tests of the scenarios, in order, writing the report to w,
// and returns the counts. Scenarios of the same file (Scenario.Source) are
// reported together; a failing test fails its file.
func Run(ctx context.Context, w io.Writer, scenarios []*openline.Scenario, opt Options) (Result, error) {
	if opt.Engine == nil {
		opt.Engine = scripted.New()
	}
	if opt.Score == nil {
		opt.Score = score.Score
	}
	var res Result
	for i := 0; i < len(scenarios); {
		file := source(scenarios[i])
		j := i
		for j < len(scenarios) && source(scenarios[j]) == file {
			j++
		}
		start := time.Now()
		ran, failed, repeats, total := 0, 0, 0, 0
		for _, sc := range scenarios[i:j] {
			total += len(sc.Tests)
			for k := range sc.Tests {
				tc := &sc.Tests[k]
				name := sc.ID + "/" + tc.Name
				if opt.Run != nil && !opt.Run.MatchString(name) {
					continue
				}
				if err := ctx.Err(); err != nil {
					return res, err
				}
				ran++
				if !runTest(w, sc, tc, name, opt) {
					failed++
				}
			}
			if opt.Run == nil {
				tuned, held, n, err := realism(w, sc, opt)
				if err != nil {
					return res, err
				}
				res.Realism.add(tuned)
				res.HeldOut.add(held)
				repeats += n
			}
		}
		res.Passed += ran - failed
		res.Failed += failed
		failed += repeats
		res.Failed += repeats
		switch {
		case failed > 0:
			fmt.Fprintf(w, "FAIL\t%s\t%.3fs\n", file, time.Since(start).Seconds())
		case total == 0:
			fmt.Fprintf(w, "?   \t%s\t[no tests]\n", file)
		case ran == 0:
			fmt.Fprintf(w, "ok  \t%s\t%.3fs [no tests to run]\n", file, time.Since(start).Seconds())
		default:
			fmt.Fprintf(w, "ok  \t%s\t%.3fs\n", file, time.Since(start).Seconds())
		}
		i = j
	}
	fmt.Fprintf(w, "%d passed, %d failed\n", res.Passed, res.Failed)
	if res.Realism.Total > 0 {
		fmt.Fprintf(w, "realism: %d/%d replies of the kind a person gives (%.1f%%)\n", res.Realism.Right, res.Realism.Total, res.Realism.Share())
	}
	if res.HeldOut.Total > 0 {
		fmt.Fprintf(w, "realism (held out): %d/%d replies of the kind a person gives (%.1f%%)\n", res.HeldOut.Right, res.HeldOut.Total, res.HeldOut.Share())
	}
	return res, nil
}

func source(sc *openline.Scenario) string {
	if sc.Source != "" {
		return sc.Source
	}
	return sc.ID
}

// runTest runs one test and reports it; it returns whether it passed.
func runTest(w io.Writer, sc *openline.Scenario, tc *openline.ScenarioTest, name string, opt Options) bool {
	if opt.Verbose {
		fmt.Fprintf(w, "=== RUN   %s\n", name)
	}
	start := time.Now()
	failures, tr := play(sc, tc, opt)
	took := time.Since(start).Seconds()
	if len(failures) == 0 {
		if opt.Verbose {
			fmt.Fprintf(w, "--- PASS: %s (%.2fs)\n", name, took)
		}
		return true
	}
	fmt.Fprintf(w, "--- FAIL: %s (%.2fs)\n", name, took)
	for _, f := range failures {
		fmt.Fprintf(w, "    %s\n", f)
	}
	if len(tr.Turns) > 0 {
		fmt.Fprintf(w, "    transcript so far:\n")
		for _, t := range tr.Turns {
			fmt.Fprintf(w, "        %-8s %s\n", t.Speaker+":", oneLine(t.Text))
		}
	}
	return false
}

// play runs the call of one test and returns its failures, each
// "file:line: ...", and the transcript so far.
func play(sc *openline.Scenario, tc *openline.ScenarioTest, opt Options) ([]string, openline.Transcript) {
	tr := openline.Transcript{Language: sc.Language, Scenario: sc.ID}
	at := func(line int) string { return fmt.Sprintf("%s:%d", source(sc), line) }
	seed := tc.Seed
	if seed == 0 {
		seed = 1
	}
	ctx := context.Background()
	p, err := opt.Engine.Start(sc, seed)
	if err != nil {
		return []string{fmt.Sprintf("%s: start the prospect: %v", at(tc.Line), err)}, tr
	}
	r, err := p.Open(ctx, nil)
	if err != nil {
		return []string{fmt.Sprintf("%s: open the call: %v", at(tc.Line), err)}, tr
	}
	tr.Turns = append(tr.Turns, openline.Turn{Speaker: openline.Prospect, Text: r.Text})
	said := map[string]int{normalReply(r.Text): 0}
	ended := r.Hangup
	for i, turn := range tc.Turns {
		where := fmt.Sprintf("%s: turn %d", at(turn.Line), i+1)
		r, err = p.Respond(ctx, turn.Say, nil)
		if errors.Is(err, persona.ErrCallOver) {
			st := p.State()
			return []string{fmt.Sprintf("%s: expected the call to go on, got it over (outcome %s) before this turn", where, st.Outcome)}, tr
		}
		tr.Turns = append(tr.Turns, openline.Turn{Speaker: openline.Trainee, Text: turn.Say})
		if err != nil {
			return []string{fmt.Sprintf("%s: %v", where, err)}, tr
		}
		tr.Turns = append(tr.Turns, openline.Turn{Speaker: openline.Prospect, Text: r.Text})
		ended = r.Hangup
		if prev, ok := said[normalReply(r.Text)]; ok {
			return []string{fmt.Sprintf("%s: the prospect repeats its reply to turn %d word for word: %q", where, prev, r.Text)}, tr
		}
		said[normalReply(r.Text)] = i + 1
		if f := check(where, turn.Expect, p.State(), r, r.Hangup, tr, sc, opt); len(f) > 0 {
			return f, tr
		}
	}
	st := p.State()
	return check(at(tc.Line)+": at the end", tc.Expect, st, r, ended, tr, sc, opt), tr
}

// check returns the unmet parts of e, each prefixed with where.
func check(where string, e openline.Expectation, st openline.ProspectState, r persona.Reply, ended bool, tr openline.Transcript, sc *openline.Scenario, opt Options) []string {
	var out []string
	fail := func(format string, args ...any) {
		out = append(out, where+": "+fmt.Sprintf(format, args...))
	}
	if e.State != "" && st.Node != e.State {
		fail("expected state %s, got %s", e.State, st.Node)
	}
	var missing []string
	for _, id := range e.Reveals {
		if !slices.Contains(st.Revealed, id) {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		fail("expected reveals %s, got %s (missing %s)", list(e.Reveals), list(st.Revealed), list(missing))
	}
	if e.Reveals != nil && len(e.Reveals) == 0 && len(st.Revealed) > 0 {
		fail("expected no need revealed, got %s", list(st.Revealed))
	}
	if e.Hangup != nil && *e.Hangup != ended {
		fail("expected hangup %t, got %t (outcome %s)", *e.Hangup, ended, orNone(string(st.Outcome)))
	}
	if e.ReplyContains != "" && !strings.Contains(strings.ToLower(r.Text), strings.ToLower(e.ReplyContains)) {
		fail("expected a reply containing %q, got %q", e.ReplyContains, r.Text)
	}
	if e.Outcome != "" && st.Outcome != e.Outcome {
		fail("expected outcome %s, got %s", e.Outcome, orNone(string(st.Outcome)))
	}
	if e.NextStep != "" && st.NextStep != e.NextStep {
		fail("expected next_step %s, got %s", e.NextStep, orNone(st.NextStep))
	}
	if e.Openness != nil || e.Curiosity != nil {
		card, err := opt.Score(tr, sc)
		if err != nil {
			fail("score the transcript: %v", err)
			return out
		}
		if e.Openness != nil && !e.Openness.Contains(card.Openness) {
			fail("expected openness in [%d, %d], got %d", e.Openness.Min, e.Openness.Max, card.Openness)
		}
		if e.Curiosity != nil && !e.Curiosity.Contains(card.Curiosity) {
			fail("expected curiosity in [%d, %d], got %d", e.Curiosity.Min, e.Curiosity.Max, card.Curiosity)
		}
	}
	return out
}

// normalReply is a reply as compared for repeats: its words, case
// ignored.
func normalReply(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func list(ids []string) string { return "[" + strings.Join(ids, ", ") + "]" }

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// oneLine shortens text for the transcript listing.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 200 {
		return string(r[:200]) + "…"
	}
	if s == "" {
		return "(silence)"
	}
	return s
}
