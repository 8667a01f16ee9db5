package scenario

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// formText is a scenario with comments, a key the form does not show
// (gatekeeper's) and a dialogue, to see that form edits keep them.
const formText = `# A scenario written by hand. This comment stays.
id: form-test
language: en
title: Form test
difficulty: easy
direction: outbound
brief: |
  Call Ms Brown.
persona:
  name: Ms Brown # her line comment stays
  opening: ["Brown."]
  facts:
    - key: city
      about: [city, where]
      say: ["Leeds."]
needs:
  # The one thing she worries about.
  - id: staff
    fact: >-
      She cannot find staff; this text is folded
      over two lines and stays so.
    earned_by: [open_question]
    reveal: ["We cannot find anyone."]

  - id: time
    fact: No time.
    earned_by: [follow_up]
    reveal: ["I have no time."]
dialogue:
  start: hello
  states:
    hello:
      rules:
        - when: {acts: [open_question]}
          reveal: staff # reveals the first need
`

func edit(t *testing.T, text string, edits ...FormEdit) string {
	t.Helper()
	out, err := EditForm([]byte(text), edits)
	if err != nil {
		t.Fatalf("EditForm: %v", err)
	}
	return string(out)
}

func set(section string, row int, field string, value any) FormEdit {
	raw, _ := json.Marshal(value)
	return FormEdit{Section: section, Row: row, Field: field, Value: raw}
}

// changedLines returns the lines of b that are not lines of a, and the
// number of lines of a gone from b.
func changedLines(a, b string) (added []string, gone int) {
	have := map[string]int{}
	for _, l := range strings.Split(a, "\n") {
		have[l]++
	}
	for _, l := range strings.Split(b, "\n") {
		if have[l] > 0 {
			have[l]--
			continue
		}
		added = append(added, l)
	}
	for _, n := range have {
		gone += n
	}
	return added, gone
}

func TestEditFormKeepsTheRest(t *testing.T) {
	out := edit(t, formText, set("needs", 1, "id", "no-time"))
	added, gone := changedLines(formText, out)
	if len(added) != 1 || added[0] != "  - id: no-time" || gone != 1 {
		t.Fatalf("one line should change, got added %q, %d gone:\n%s", added, gone, out)
	}
	if _, err := Parse("x", []byte(out)); err != nil {
		t.Fatalf("the edited file does not parse: %v", err)
	}
}

// TestEditFormEdits: each kind of field written, and the comments,
// the folded text, the blank line and the key the form does not know kept.
func TestEditFormEdits(t *testing.T) {
	text := strings.Replace(formText, "dialogue:", "colour: blue # not a scenario key\ndialogue:", 1)
	out := edit(t, text,
		set("persona", 0, "name", "Mrs Brown"),
		set("needs", 0, "earned_by", []string{"open_question", "reflection"}),
		FormEdit{Op: "add", Section: "facts"},
		set("facts", 1, "key", "staff-count"),
		set("facts", 1, "about", []string{"how many", " staff ", ""}),
		set("facts", 1, "say", []string{"Twelve of us."}),
		set("facts", 0, "private", true),
		set("persona", 0, "patience", 4),
		FormEdit{Op: "add", Section: "objections"},
		set("objections", 0, "say", []string{"Not now."}),
		set("objections", 0, "when.acts", []string{"pitch"}),
	)
	for _, want := range []string{
		"# A scenario written by hand. This comment stays.\n",
		"  name: Mrs Brown # her line comment stays\n",
		"  # The one thing she worries about.\n",
		"    fact: >-\n      She cannot find staff; this text is folded\n      over two lines and stays so.\n",
		"    earned_by: [open_question, reflection]\n",
		"      private: true\n",
		"    - key: staff-count\n      about: [how many, staff]\n      say: [Twelve of us.]\n",
		"  patience: 4\n",
		"colour: blue # not a scenario key\n",
		"          reveal: staff # reveals the first need\n",
		"objections:\n  - id: new-objection\n    when: {acts: [pitch]}\n    say: [Not now.]\n",
		"    reveal: [\"We cannot find anyone.\"]\n\n  - id: time\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the edited file lacks %q:\n%s", want, out)
		}
	}
	// The unknown key stays, and is still reported.
	_, err := Parse("x", []byte(out))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 || !strings.Contains(list[0].Msg, `unknown key "colour"`) {
		t.Errorf("want only the unknown key reported, got %v", err)
	}
}

func TestEditFormRemovesAndClears(t *testing.T) {
	out := edit(t, formText,
		FormEdit{Op: "remove", Section: "needs", Row: 1},
		set("persona", 0, "opening", []string{}),
		set("facts", 0, "private", false),
		set("persona", 0, "role", ""),
	)
	if strings.Contains(out, "id: time") {
		t.Errorf("the second need is still there:\n%s", out)
	}
	if !strings.Contains(out, "  opening: []\n") {
		t.Errorf("a required list emptied should be written empty, for the check to flag:\n%s", out)
	}
	if strings.Contains(out, "role") {
		t.Errorf("an optional field emptied should go:\n%s", out)
	}
}

func TestEditFormRefuses(t *testing.T) {
	for name, tc := range map[string]struct {
		text string
		e    FormEdit
	}{
		"unknown section":   {formText, set("dialogue", 0, "start", "x")},
		"unknown field":     {formText, set("needs", 0, "colour", "x")},
		"no such row":       {formText, set("needs", 5, "id", "x")},
		"wrong value":       {formText, set("needs", 0, "earned_by", "open_question")},
		"int as text":       {formText, set("persona", 0, "patience", "five")},
		"unknown op":        {formText, FormEdit{Op: "rename", Section: "needs"}},
		"persona is a list": {strings.Replace(formText, "persona:\n  name: Ms Brown # her line comment stays\n  opening: [\"Brown.\"]\n", "persona:\n  - x\nignored:\n  opening: []\n", 1), set("persona", 0, "name", "x")},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := EditForm([]byte(tc.text), []FormEdit{tc.e})
			var ee *EditError
			if !errors.As(err, &ee) {
				t.Fatalf("want an EditError, got %v", err)
			}
		})
	}
	big := formText + strings.Repeat("# padding\n", MaxFormText/10)
	if _, err := EditForm([]byte(big), []FormEdit{set("scenario", 0, "id", "x")}); !errors.As(err, new(*EditError)) {
		t.Errorf("a file over MaxFormText: want an EditError, got %v", err)
	}
	if _, err := EditForm([]byte("id: [unclosed\n"), []FormEdit{set("scenario", 0, "id", "x")}); !errors.Is(err, ErrUnreadable) {
		t.Errorf("unreadable YAML: want ErrUnreadable, got %v", err)
	}
}

// TestReadFormPlacesProblems: a problem shows at the field it is about,
// or at its row when it is about the row as a whole.
func TestReadFormPlacesProblems(t *testing.T) {
	text := edit(t, formText, set("needs", 0, "id", ""), set("needs", 1, "reveal", []string{}))
	text = strings.Replace(text, "    fact: No time.\n", "", 1)
	_, err := Parse("x", []byte(text))
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("want problems, got %v", err)
	}
	form := ReadForm([]byte(text), list)
	if form == nil {
		t.Fatal("no form")
	}
	needs := form.Sections[3]
	if needs.Name != "needs" || len(needs.Rows) != 2 {
		t.Fatalf("needs section: %+v", needs)
	}
	at := func(idx []int) []string {
		var out []string
		for _, i := range idx {
			out = append(out, list[i].Msg)
		}
		return out
	}
	if got := at(needs.Rows[0].Fields[0].Problems); len(got) != 1 || got[0] != "id must not be empty" {
		t.Errorf("need 0's id: %q", got)
	}
	if got := at(needs.Rows[1].Fields[5].Problems); len(got) != 1 || !strings.Contains(got[0], "reveal must not be an empty list") {
		t.Errorf("need 1's reveal: %q", got)
	}
	if got := at(needs.Rows[1].Problems); len(got) != 1 || !strings.Contains(got[0], `missing required key "fact"`) {
		t.Errorf("need 1's row: %q", got)
	}
	// The dialogue's reference to the emptied id is about no form field.
	placed := 0
	for _, s := range form.Sections {
		placed += len(s.Problems)
		for _, r := range s.Rows {
			placed += len(r.Problems)
			for _, f := range r.Fields {
				placed += len(f.Problems)
			}
		}
	}
	if placed != len(list)-1 {
		t.Errorf("placed %d of %d problems, want all but the dialogue's: %v", placed, len(list), list)
	}
	if ReadForm([]byte("a: [b\n"), nil) != nil {
		t.Error("unreadable YAML should have no form")
	}
}

// TestEditFormShippedScenarios: an edit of each shipped scenario changes
// only the lines of the field edited.
func TestEditFormShippedScenarios(t *testing.T) {
	files, _ := filepath.Glob("../../scenarios/*.yaml")
	if len(files) == 0 {
		t.Fatal("no shipped scenarios")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out := edit(t, string(data), set("persona", 0, "name", "Someone Else"))
		added, gone := changedLines(string(data), out)
		if len(added) != 1 || !strings.HasPrefix(added[0], "  name: ") || gone != 1 {
			t.Errorf("%s: want only the name line changed, got %q, %d gone", filepath.Base(f), added, gone)
		}
	}
}

// FuzzEditForm: whatever the file, a form edit either is refused or
// gives a readable file whose form shows the value written, and reading
// the form never fails.
func FuzzEditForm(f *testing.F) {
	f.Add([]byte(formText), "Mrs Brown", uint8(0))
	f.Add([]byte("id: x\nneeds: [a, {id: b}]\n"), "", uint8(1))
	f.Add([]byte("persona: [x]\n"), "a\nb", uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, value string, which uint8) {
		if len(data) > 8<<10 {
			return
		}
		ReadForm(data, nil)
		edits := [][]FormEdit{
			{set("persona", 0, "name", value)},
			{{Op: "add", Section: "needs"}, set("needs", 0, "reveal", strings.Split(value, "\n"))},
			{set("needs", 0, "fact", value)},
			{{Op: "remove", Section: "facts", Row: 0}},
		}
		e := edits[int(which)%len(edits)]
		out, err := EditForm(data, e)
		if err != nil {
			return
		}
		form := ReadForm(out, nil)
		if form == nil {
			t.Fatalf("the edited file is unreadable:\n%s", out)
		}
		if e[0].Field == "name" && strings.TrimSpace(strings.ReplaceAll(value, "\n", " ")) != "" {
			got := form.Sections[1].Rows[0].Fields[0].Value
			// The value travels as JSON, which carries text: a byte that is
			// no UTF-8 arrives as U+FFFD.
			want := strings.TrimSpace(strings.ReplaceAll(viaJSON(t, value), "\n", " "))
			if got != want {
				t.Fatalf("name reads back %q, want %q:\n%s", got, want, out)
			}
		}
	})
}

// viaJSON is s as a form edit carries it: through JSON.
func viaJSON(t *testing.T, s string) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var back string
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	return back
}
