package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/scenario"
)

// doText sends a raw scenario text, as the editor does.
func (a *app) doText(method, path, cookie, text string) (int, []byte) {
	a.t.Helper()
	status, b, err := a.sendText(method, path, cookie, text)
	if err != nil {
		a.t.Fatal(err)
	}
	return status, b
}

// sendText is doText for any goroutine: it returns what went wrong.
func (a *app) sendText(method, path, cookie, text string) (int, []byte, error) {
	req, err := http.NewRequest(method, a.http.URL+path, strings.NewReader(text))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Origin", a.http.URL)
	req.Header.Set("Content-Type", "text/yaml")
	req.Header.Set("Cookie", cookie)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

func mustJSON[T any](t *testing.T, b []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return v
}

// TestAuthoringAScenario walks a trainer's authoring through the API: copy
// the shipped template, break it with a tab (flagged at its line, never
// published), fix it, run its tests, make a test call on the draft over
// the socket, publish it as a new version; a call made before keeps its
// version and title, and the new one is what a trainee now calls.
func TestAuthoringAScenario(t *testing.T) {
	a := mustApp(t)
	a.mustUser("tina", openline.RoleTrainer)
	a.mustUser("anna", openline.RoleTrainee)
	tina, anna := a.login("tina"), a.login("anna")
	shipped := a.srv.cat.Template("web-test")
	oldCall := a.placeCall(anna, "web-test")

	status, b, _ := a.do("POST", "/api/authoring/drafts", tina, map[string]any{"from": "web-test", "template": true})
	if status != http.StatusCreated {
		t.Fatalf("copy the template: %d %s", status, b)
	}
	created := mustJSON[draftBody](t, b)
	id := created.Draft.ID
	path := "/api/authoring/drafts/" + itoa(id)

	// Line 12 ("  name: Frau T.") indented by a tab.
	lines := strings.Split(string(shipped.Text), "\n")
	if lines[11] != "  name: Frau T." {
		t.Fatalf("line 12 is %q; the test needs the persona's name there", lines[11])
	}
	lines[11] = "\tname: Frau T."
	broken := strings.Join(lines, "\n")
	status, b = a.doText("POST", "/api/authoring/validate", tina, broken)
	check := mustJSON[checkBody](t, b)
	if status != http.StatusOK || len(check.Problems) == 0 || check.Problems[0].Line != 12 || check.Problems[0].Col != 1 ||
		!strings.Contains(check.Problems[0].Message, "tab") {
		t.Fatalf("validate a tab on line 12: %d %s, want the tab flagged at 12:1", status, b)
	}
	status, b = a.doText("PUT", path+"?revision="+created.Revision, tina, broken)
	saved := mustJSON[draftBody](t, b)
	if status != http.StatusOK || saved.Draft.Problems == 0 {
		t.Fatalf("save the broken draft: %d %s, want it kept and flagged", status, b)
	}
	status, b, _ = a.do("POST", path+"/publish", tina, map[string]string{"revision": saved.Revision})
	refused := mustJSON[errorBody](t, b)
	if status != http.StatusConflict || refused.Error.Code != "draft_invalid" || len(refused.Error.Problems) == 0 || refused.Error.Problems[0].Line != 12 {
		t.Fatalf("publish the broken draft: %d %s, want 409 draft_invalid with the problem at line 12", status, b)
	}
	if c, _, err := a.dial(tina, "draft="+itoa(id)); err == nil {
		f := c.next()
		c.ws.Close()
		if f.Type != "error" || f.Code != "draft_invalid" {
			t.Errorf("a test call on the broken draft: %+v, want error draft_invalid", f)
		}
	}

	fixed := strings.Replace(string(shipped.Text), `title: "Testanruf"`, `title: "Testanruf, zweite Fassung"`, 1)
	status, b = a.doText("PUT", path+"?revision="+saved.Revision, tina, fixed)
	if saved = mustJSON[draftBody](t, b); status != http.StatusOK || saved.Draft.Problems != 0 {
		t.Fatalf("save the fixed draft: %d %s", status, b)
	}
	status, b, _ = a.do("POST", path+"/tests", tina, nil)
	run := mustJSON[testRunBody](t, b)
	if status != http.StatusOK || run.Passed != 1 || run.Failed != 0 || !strings.Contains(run.Output, "legt auf, wenn man sie darum bittet") {
		t.Fatalf("run the draft's tests: %d %s", status, b)
	}

	// A trainee may not call a draft; the trainer may.
	if c, _, err := a.dial(anna, "draft="+itoa(id)); err == nil {
		f := c.next()
		c.ws.Close()
		if f.Type != "error" || f.Code != "forbidden" {
			t.Errorf("a trainee's call on a draft: %+v, want error forbidden", f)
		}
	}
	c := a.mustDial(tina, "draft="+itoa(id))
	started := c.next()
	testCall := started.CallID
	if started.Scenario["title"] != "Testanruf, zweite Fassung" {
		t.Errorf("the test call's scenario is %v, want the draft's", started.Scenario["title"])
	}
	c.until("reply")
	c.say("Bitte jetzt auflegen.")
	c.until("scorecard")
	c.ws.Close()

	status, b, _ = a.do("POST", path+"/publish", tina, map[string]string{"revision": saved.Revision})
	pub := mustJSON[publishedBody](t, b)
	if status != http.StatusOK || pub.Scenario != "web-test" || pub.Version == shipped.Version {
		t.Fatalf("publish: %d %s, want a new version of web-test", status, b)
	}
	if got := a.srv.cat.Current("web-test"); got.Version != pub.Version {
		t.Errorf("current version %s, want the published %s", got.Version, pub.Version)
	}
	status, b, _ = a.do("GET", "/api/calls/"+oldCall, tina, nil)
	old := mustJSON[callBody](t, b)
	if status != http.StatusOK || old.Call.Version != shipped.Version || old.Call.ScenarioTitle != "Testanruf" || old.Scorecard == nil {
		t.Errorf("the call made before: %d %+v, want version %s titled Testanruf, scored", status, old.Call, shipped.Version)
	}
	status, b, _ = a.do("GET", "/api/calls/"+testCall, tina, nil)
	if tc := mustJSON[callBody](t, b); status != http.StatusOK || tc.Call.Version != pub.Version || tc.Scorecard == nil {
		t.Errorf("the test call: %d %+v, want the draft's version %s, scored", status, tc.Call, pub.Version)
	}
	newCall := a.placeCall(anna, "web-test")
	status, b, _ = a.do("GET", "/api/calls/"+newCall, anna, nil)
	if nc := mustJSON[callBody](t, b); status != http.StatusOK || nc.Call.Version != pub.Version || nc.Call.ScenarioTitle != "Testanruf, zweite Fassung" {
		t.Errorf("a call after publishing: %d %+v, want the new version", status, nc.Call)
	}
	status, b, _ = a.do("GET", "/api/authoring/scenarios", tina, nil)
	list := mustJSON[authoringListBody](t, b)
	if status != http.StatusOK {
		t.Fatalf("the list after publishing: %d %s", status, b)
	}
	if p := list.Published[0]; p.ID != "web-test" || p.Shipped || p.Publisher != "tina" || p.Version != pub.Version || p.Versions != 1 ||
		list.Templates[0].ID != "web-test" || list.Templates[0].Version != shipped.Version || len(list.Drafts) != 0 {
		t.Errorf("the list after publishing: %.600s", b)
	}
	for _, p := range list.Published[1:] {
		if !p.Shipped {
			t.Errorf("%s is listed as published by a trainer, want as shipped", p.ID)
		}
	}
	status, b, resp := a.do("GET", "/api/authoring/scenarios/web-test/export?version="+shipped.Version, tina, nil)
	if status != http.StatusOK || !bytes.Equal(b, shipped.Text) || !strings.Contains(resp.Header.Get("Content-Disposition"), `filename="web-test.yaml"`) {
		t.Errorf("export the shipped version: %d %q", status, resp.Header.Get("Content-Disposition"))
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestAuthoringRefusesBadInput checks the limits and refusals of the
// authoring API: a hostile import keeps nothing, a file over the size
// limit gets the parser's message, scenario text comes back as JSON
// data (never markup), and an account's checks are limited.
func TestAuthoringRefusesBadInput(t *testing.T) {
	a := mustApp(t)
	a.mustUser("tina", openline.RoleTrainer)
	tina := a.login("tina")

	bomb := "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	for name, text := range map[string]string{
		"alias bomb":  bomb,
		"deep":        "id: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n",
		"syntax":      "id: x\npersona:\n  name: a\n\trole: b\n",
		"not UTF-8":   "id: \xff\n",
		"huge":        "brief: " + strings.Repeat("x", scenario.MaxFileSize) + "\n",
		"far too big": strings.Repeat("x", 3*scenario.MaxFileSize),
	} {
		status, b := a.doText("POST", "/api/authoring/import", tina, text)
		if name == "far too big" {
			if status != http.StatusRequestEntityTooLarge {
				t.Errorf("%s: %d %.200s, want 413", name, status, b)
			}
			continue
		}
		e := mustJSON[errorBody](t, b)
		if status != http.StatusBadRequest || e.Error.Code != "unreadable_scenario" || len(e.Error.Problems) == 0 || e.Error.Problems[0].Message == "" {
			t.Errorf("%s: %d %.300s, want 400 unreadable_scenario with problems", name, status, b)
		}
	}
	if drafts, _ := a.store.ListDrafts(t.Context()); len(drafts) != 0 {
		t.Errorf("%d drafts kept from refused imports", len(drafts))
	}

	// Scenario text is data: the JSON answer escapes markup.
	status, b := a.doText("POST", "/api/authoring/import", tina, "id: x\ntitle: \"<script>alert(1)</script>\"\n")
	if status != http.StatusCreated || bytes.Contains(b, []byte("<script>")) || !bytes.Contains(b, []byte(`\u003cscript\u003e`)) {
		t.Errorf("an import titled with markup: %d %s, want it kept and escaped", status, b)
	}

	// An account's checks are limited; time refills them.
	var limited int
	for range checkBurst + 5 {
		if status, _ := a.doText("POST", "/api/authoring/validate", tina, "id: x\n"); status == http.StatusTooManyRequests {
			limited++
		}
	}
	if limited == 0 {
		t.Errorf("%d checks at once all answered, want the burst of %d limited", checkBurst+5, checkBurst)
	}
	a.clock.Advance(time.Minute)
	if status, b := a.doText("POST", "/api/authoring/validate", tina, "id: x\n"); status != http.StatusOK {
		t.Errorf("a check a minute later: %d %s", status, b)
	}
}

// TestPublishedTextIsEscapedOnThePages publishes a scenario whose title
// and persona carry markup: the server-rendered picker and call screen
// show it as text.
func TestPublishedTextIsEscapedOnThePages(t *testing.T) {
	a := mustApp(t)
	a.mustUser("tina", openline.RoleTrainer)
	tina := a.login("tina")
	text := strings.NewReplacer(
		"id: web-test", "id: markup",
		`title: "Testanruf"`, `title: "<script>alert(1)</script>"`,
		"name: Frau T.", `name: "<img src=x onerror=alert(2)>"`,
	).Replace(string(a.srv.cat.Template("web-test").Text))
	status, b := a.doText("POST", "/api/authoring/import", tina, text)
	if status != http.StatusCreated {
		t.Fatalf("import: %d %s", status, b)
	}
	imported := mustJSON[draftBody](t, b)
	if status, b, _ := a.do("POST", "/api/authoring/drafts/"+itoa(imported.Draft.ID)+"/publish", tina, map[string]string{"revision": imported.Revision}); status != http.StatusOK {
		t.Fatalf("publish: %d %s", status, b)
	}
	for _, path := range []string{"/", "/call/markup"} {
		status, b, _ := a.do("GET", path, tina, nil)
		if status != http.StatusOK {
			t.Fatalf("GET %s: %d", path, status)
		}
		if bytes.Contains(b, []byte("<script>alert(1)")) || bytes.Contains(b, []byte("<img src=x")) {
			t.Errorf("GET %s shows the scenario's markup unescaped", path)
		}
		if !bytes.Contains(b, []byte("&lt;script&gt;alert(1)&lt;/script&gt;")) {
			t.Errorf("GET %s does not show the title as text", path)
		}
	}
}

// TestCheckSlotsBoundTheChecksAtOnce fills the server's check slots: a
// further check waits and gives up with its request; once a slot is free
// it runs.
func TestCheckSlotsBoundTheChecksAtOnce(t *testing.T) {
	slots := newCheckSlots()
	release := make(chan struct{})
	started := make(chan struct{}, maxChecksAtOnce)
	for range maxChecksAtOnce {
		go slots.do(t.Context(), func() error { started <- struct{}{}; <-release; return nil })
	}
	for range maxChecksAtOnce {
		<-started
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	ran := false
	if err := slots.do(ctx, func() error { ran = true; return nil }); err == nil || ran {
		t.Errorf("a check with every slot taken: ran %v, error %v; want it to wait and give up", ran, err)
	}
	close(release)
	if err := slots.do(t.Context(), func() error { ran = true; return nil }); err != nil || !ran {
		t.Errorf("a check with a slot free: ran %v, error %v", ran, err)
	}
}

// TestAuthoringForm: a form edit is written into the draft's YAML on the
// server and saved, its comments kept; the answer carries the new text,
// revision, problems and form, a problem placed at its field; an edit
// made on an older revision, or one that fits no field, is refused and
// nothing changes.
func TestAuthoringForm(t *testing.T) {
	a := mustApp(t)
	a.mustUser("tina", openline.RoleTrainer)
	tina := a.login("tina")
	status, b, _ := a.do("POST", "/api/authoring/drafts", tina, map[string]any{"from": "web-test", "template": true})
	if status != http.StatusCreated {
		t.Fatalf("copy the template: %d %s", status, b)
	}
	created := mustJSON[draftBody](t, b)
	path := "/api/authoring/drafts/" + itoa(created.Draft.ID)
	text := "# kept\n" + string(a.srv.cat.Template("web-test").Text)
	status, b = a.doText("PUT", path+"?revision="+created.Revision, tina, text)
	saved := mustJSON[draftBody](t, b)
	if status != http.StatusOK || saved.Revision == "" || saved.Form == nil {
		t.Fatalf("save: %d %s", status, b)
	}

	edit := func(rev string, edits ...map[string]any) (int, draftBody, []byte) {
		status, b, _ := a.do("POST", path+"/form", tina, map[string]any{"revision": rev, "edits": edits})
		var body draftBody
		if status == http.StatusOK {
			body = mustJSON[draftBody](t, b)
		}
		return status, body, b
	}
	status, got, b := edit(saved.Revision, map[string]any{"section": "persona", "field": "name", "value": ""})
	if status != http.StatusOK {
		t.Fatalf("form edit: %d %s", status, b)
	}
	if !strings.HasPrefix(got.Text, "# kept\n") || !strings.Contains(got.Text, "\n  name: \"\"\n") || got.Revision == saved.Revision {
		t.Fatalf("the edit is not in the text, or the comment went:\n%s", got.Text)
	}
	persona := got.Form.Sections[1]
	if persona.Name != "persona" || persona.Rows[0].Fields[0].Name != "name" {
		t.Fatalf("form: %+v", persona)
	}
	placed := persona.Rows[0].Fields[0].Problems
	if len(placed) != 1 || got.Problems[placed[0]].Message != "name must not be empty" || got.Problems[placed[0]].Line != 13 {
		t.Fatalf("the empty name should be flagged at its field, line 13 (12 and the comment): %v of %+v", placed, got.Problems)
	}
	status, b = a.doText("GET", path, tina, "")
	if d := mustJSON[draftBody](t, b); status != http.StatusOK || d.Text != got.Text || d.Draft.Problems == 0 {
		t.Fatalf("the edit was not saved: %d %s", status, b)
	}

	// Refused: an older revision, a value that fits no field.
	if status, _, b := edit(saved.Revision, map[string]any{"section": "persona", "field": "name", "value": "X"}); status != http.StatusConflict || !strings.Contains(string(b), "draft_changed") {
		t.Errorf("an edit of an older revision: %d %s, want 409 draft_changed", status, b)
	}
	if status, _, b := edit(got.Revision, map[string]any{"section": "persona", "field": "patience", "value": "five"}); status != http.StatusBadRequest || !strings.Contains(string(b), "bad_edit") {
		t.Errorf("a text as a number: %d %s, want 400 bad_edit", status, b)
	}
	status, _, b = edit(got.Revision, map[string]any{"section": "persona", "field": "name", "value": "Frau T."})
	if status != http.StatusOK {
		t.Fatalf("fix: %d %s", status, b)
	}
}

// TestProblemsInTheAskersLanguage: a German trainer's editor reads the
// problems in German (Accept-Language, as the page sends it), at the same
// place; an English one, and the command line, in English.
func TestProblemsInTheAskersLanguage(t *testing.T) {
	a := mustApp(t)
	a.mustUser("tina", openline.RoleTrainer)
	tina := a.login("tina")
	text := regexp.MustCompile(`(?m)^  patience: \d+$`).ReplaceAllString(string(a.srv.cat.Template("web-test").Text), "  patience: 15")
	check := func(lang string) problemJSON {
		req, err := http.NewRequest("POST", a.http.URL+"/api/authoring/validate", strings.NewReader(text))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Origin", a.http.URL)
		req.Header.Set("Content-Type", "text/yaml")
		req.Header.Set("Cookie", tina)
		req.Header.Set("Accept-Language", lang)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		body := mustJSON[checkBody](t, b)
		if resp.StatusCode != http.StatusOK || len(body.Problems) != 1 {
			t.Fatalf("validate (%s): %d %s", lang, resp.StatusCode, b)
		}
		return body.Problems[0]
	}
	de, en := check("de"), check("en-GB")
	if de.Message != "patience muss zwischen 1 und 10 liegen, nicht 15" || de.Line != 17 || de.Col != 13 {
		t.Errorf("German: %+v", de)
	}
	if en.Message != "patience must be between 1 and 10, got 15" || en.Line != de.Line || en.Col != de.Col {
		t.Errorf("English: %+v", en)
	}
}
