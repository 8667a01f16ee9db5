package scenario

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// FuzzParse checks that Parse never panics, that a rejected file gets a
// sorted, bounded list of placed errors, and that an accepted scenario
// keeps the invariants the engines rely on.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.yaml")
	shipped, _ := filepath.Glob("../../scenarios/*.yaml")
	for _, file := range slices.Concat(seeds, shipped) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := Parse("f.yaml", data)
		if err == nil {
			checkInvariants(t, sc, "f.yaml")
			return
		}
		if sc != nil {
			t.Fatal("a scenario along with errors")
		}
		var list ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error %v (%T) is not a non-empty ErrorList", err, err)
		}
		if len(list) > maxErrors+1 {
			t.Errorf("%d errors, more than %d", len(list), maxErrors+1)
		}
		for i, e := range list {
			if e.File != "f.yaml" || e.Msg == "" {
				t.Errorf("error %q lacks file or message", e.Error())
			}
			if (e.Line == 0) != (e.Col == 0) || e.Line < 0 || e.Col < 0 {
				t.Errorf("error %q: line %d, column %d", e.Error(), e.Line, e.Col)
			}
			if lines := len(lineStarts(data)); e.Line > lines {
				t.Errorf("error %q: line %d of a file of %d lines", e.Error(), e.Line, lines)
			}
			if i > 0 && (list[i-1].Line > e.Line || list[i-1].Line == e.Line && list[i-1].Col > e.Col) {
				t.Errorf("errors not sorted: %q before %q", list[i-1].Error(), e.Error())
			}
		}
		if _, again := Parse("f.yaml", data); again.Error() != err.Error() {
			t.Errorf("two parses of the same bytes differ:\n%v\n---\n%v", err, again)
		}
	})
}

// checkInvariants asserts what a valid scenario guarantees: required
// fields set, values in range, ids unique, every reference resolving.
func checkInvariants(t *testing.T, sc *openline.Scenario, source string) {
	t.Helper()
	if sc.ID == "" || !sc.Language.Valid() || sc.Title == "" || sc.Brief == "" ||
		!slices.Contains(difficulties, sc.Difficulty) || !slices.Contains(directions, sc.Direction) {
		t.Errorf("required field missing or invalid: %q %q %q %q %q", sc.ID, sc.Language, sc.Title, sc.Difficulty, sc.Direction)
	}
	if len(sc.Version) != 16 || sc.Source != source {
		t.Errorf("Version %q, Source %q", sc.Version, sc.Source)
	}
	personas := []*openline.Persona{&sc.Persona}
	if sc.Gatekeeper != nil {
		personas = append(personas, sc.Gatekeeper)
	}
	for _, p := range personas {
		if p.Name == "" || len(p.Opening) == 0 || p.Patience < 0 || p.Patience > maxPatience || p.Interest < 0 || p.Interest > maxInterest {
			t.Errorf("persona %+v", p)
		}
	}
	unique := func(kind string, ids []string) {
		for i, id := range ids {
			if slices.Contains(ids[:i], id) {
				t.Errorf("duplicate %s %q", kind, id)
			}
		}
	}
	var needs, objections, states []string
	for _, n := range sc.Needs {
		needs = append(needs, n.ID)
		if len(n.Reveal) == 0 || len(n.EarnedBy) == 0 {
			t.Errorf("need %q without reveal or earned_by", n.ID)
		}
	}
	for _, o := range sc.Objections {
		objections = append(objections, o.ID)
		if len(o.Say) == 0 {
			t.Errorf("objection %q without say", o.ID)
		}
	}
	for _, s := range sc.Dialogue.States {
		states = append(states, s.Name)
		if s.Voice != "" && (s.Voice != voiceGatekeeper || sc.Gatekeeper == nil) {
			t.Errorf("state %q voice %q", s.Name, s.Voice)
		}
	}
	unique("need", needs)
	unique("objection", objections)
	unique("state", states)
	if !slices.Contains(states, sc.Dialogue.Start) {
		t.Errorf("start %q is not a state", sc.Dialogue.Start)
	}
	for _, s := range sc.Dialogue.States {
		for _, r := range s.Rules {
			for _, a := range slices.Concat(r.When.Acts, r.When.Unless) {
				if !a.Valid() {
					t.Errorf("invalid act %q", a)
				}
			}
			if r.Goto != "" && !slices.Contains(states, r.Goto) ||
				r.Reveal != "" && !slices.Contains(needs, r.Reveal) ||
				r.Raise != "" && !slices.Contains(objections, r.Raise) ||
				r.NextStep != "" && !slices.Contains(NextStepKinds, r.NextStep) {
				t.Errorf("rule in %q does not resolve: %+v", s.Name, r)
			}
		}
	}
	var names []string
	for _, tc := range sc.Tests {
		names = append(names, tc.Name)
		if tc.Line < 1 || len(tc.Turns) == 0 {
			t.Errorf("test %q: line %d, %d turns", tc.Name, tc.Line, len(tc.Turns))
		}
		exps := []openline.Expectation{tc.Expect}
		for _, turn := range tc.Turns {
			if turn.Line < 1 {
				t.Errorf("turn of test %q has line %d", tc.Name, turn.Line)
			}
			exps = append(exps, turn.Expect)
		}
		for _, e := range exps {
			if e.State != "" && !slices.Contains(states, e.State) {
				t.Errorf("test %q expects unknown state %q", tc.Name, e.State)
			}
			for _, id := range e.Reveals {
				if !slices.Contains(needs, id) {
					t.Errorf("test %q expects unknown need %q", tc.Name, id)
				}
			}
			for _, r := range []*openline.Range{e.Openness, e.Curiosity} {
				if r != nil && (r.Min < 0 || r.Min > r.Max || r.Max > maxScore) {
					t.Errorf("test %q range %+v", tc.Name, *r)
				}
			}
		}
	}
	unique("test name", names)
}

// FuzzSyntax checks that Syntax and Peek never panic, that Syntax
// refuses nothing Parse accepts, that what it refuses Parse refuses with
// the same first problem, and that Peek reads what Syntax lets pass.
func FuzzSyntax(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.yaml")
	for _, file := range seeds {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		serr := Syntax("f.yaml", data)
		_, perr := Parse("f.yaml", data)
		if _, _, ok := Peek(data); ok != (serr == nil) {
			t.Errorf("Peek reads the text: %v; Syntax: %v", ok, serr)
		}
		switch {
		case serr != nil && perr == nil:
			t.Fatalf("Syntax refuses what Parse accepts: %v", serr)
		case serr != nil:
			var s, p ErrorList
			if !errors.As(serr, &s) || !errors.As(perr, &p) || s[0].Error() != p[0].Error() {
				t.Errorf("first problems differ: Syntax %v, Parse %v", serr, perr)
			}
		}
	})
}

// FuzzLocate checks that locate, which gallops from the reported line,
// finds the line a plain binary search over the prefixes finds.
func FuzzLocate(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/bad/*.yaml")
	for _, file := range seeds {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("id: x\npersona:\n  name: a\n\trole: b\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4096 {
			return
		}
		msg, reported := syntaxErrorOf(data)
		if msg == "" {
			return
		}
		starts := lineStarts(data)
		n := len(starts)
		lo := min(max(reported, 1), n)
		if strings.HasSuffix(msg, "end of stream") {
			lo = 1
		}
		want := firstFailingPlain(lo, n, func(k int) bool {
			return syntaxMessage(data[:lineEnd(data, starts, k)]) == msg
		})
		if got, _ := locate(data, reported, msg); got != want {
			t.Errorf("locate = line %d, the plain search line %d (message %q, reported %d)", got, want, msg, reported)
		}
	})
}

// firstFailingPlain is the binary search locate was first written with.
func firstFailingPlain(lo, hi int, fails func(int) bool) int {
	for lo < hi {
		mid := lo + (hi-lo)/2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
