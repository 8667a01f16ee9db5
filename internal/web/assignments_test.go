package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/progress"
)

// TestAssignments gives a trainee three assignments, lets her call, and
// checks how each stands for her and for the trainer.
func TestAssignments(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	a.mustUser("ben", openline.RoleTrainee)
	a.mustUser("tina", openline.RoleTrainer)
	anna, ben, tina := a.login("anna"), a.login("ben"), a.login("tina")
	due := a.clock.Now().Add(48 * time.Hour)
	assign := func(cookie string, body map[string]any, want int) assignmentJSON {
		t.Helper()
		status, b, _ := a.do("POST", "/api/assignments", cookie, body)
		if status != want {
			t.Fatalf("POST /api/assignments %v: %d %s, want %d", body, status, b, want)
		}
		var got assignmentsBody
		_ = json.Unmarshal(b, &got)
		if len(got.Assignments) == 0 {
			return assignmentJSON{}
		}
		return got.Assignments[0]
	}
	easy := assign(tina, map[string]any{"scenario": "web-test", "trainee": "anna", "pass_mark": 0, "attempts": 3, "due_at": due}, http.StatusCreated)
	if easy.Status.State != progress.StateOpen || easy.Status.Left != 3 || easy.DueAt == nil || !easy.DueAt.Equal(due) {
		t.Errorf("a new assignment = %+v, want open with 3 attempts left, due %v", easy, due)
	}
	hard := assign(tina, map[string]any{"scenario": "web-test", "trainee": "anna", "pass_mark": 100, "attempts": 1}, http.StatusCreated)
	late := assign(tina, map[string]any{"scenario": "herr-b-handwerker", "trainee": "anna", "pass_mark": 50, "due_at": a.clock.Now().Add(time.Hour)}, http.StatusCreated)
	assign(tina, map[string]any{"scenario": "web-test", "trainee": "ben", "pass_mark": 50}, http.StatusCreated)

	for _, tt := range []struct {
		name   string
		cookie string
		body   map[string]any
		want   int
	}{
		{"a trainee may not assign", anna, map[string]any{"scenario": "web-test", "trainee": "ben", "pass_mark": 50}, http.StatusForbidden},
		{"an unknown scenario", tina, map[string]any{"scenario": "nope", "trainee": "anna", "pass_mark": 50}, http.StatusBadRequest},
		{"a trainer is not a trainee", tina, map[string]any{"scenario": "web-test", "trainee": "tina", "pass_mark": 50}, http.StatusBadRequest},
		{"an unknown trainee", tina, map[string]any{"scenario": "web-test", "trainee": "nobody", "pass_mark": 50}, http.StatusBadRequest},
		{"a pass mark above 100", tina, map[string]any{"scenario": "web-test", "trainee": "anna", "pass_mark": 101}, http.StatusBadRequest},
		{"negative attempts", tina, map[string]any{"scenario": "web-test", "trainee": "anna", "pass_mark": 50, "attempts": -1}, http.StatusBadRequest},
		{"too many attempts", tina, map[string]any{"scenario": "web-test", "trainee": "anna", "pass_mark": 50, "attempts": 101}, http.StatusBadRequest},
		{"a due date in the past", tina, map[string]any{"scenario": "web-test", "trainee": "anna", "pass_mark": 50, "due_at": a.clock.Now().Add(-time.Minute)}, http.StatusBadRequest},
		{"a due date years ahead", tina, map[string]any{"scenario": "web-test", "trainee": "anna", "pass_mark": 50, "due_at": a.clock.Now().Add(3 * 366 * 24 * time.Hour)}, http.StatusBadRequest},
		{"an unknown field", tina, map[string]any{"scenario": "web-test", "trainee": "anna", "pass_mark": 50, "team": 1}, http.StatusBadRequest},
		{"a trainee and a group", tina, map[string]any{"scenario": "web-test", "trainee": "anna", "group": 1, "pass_mark": 50}, http.StatusBadRequest},
		{"neither a trainee nor a group", tina, map[string]any{"scenario": "web-test", "pass_mark": 50}, http.StatusBadRequest},
		{"an unknown group", tina, map[string]any{"scenario": "web-test", "group": 999, "pass_mark": 50}, http.StatusBadRequest},
	} {
		t.Run(tt.name, func(t *testing.T) { assign(tt.cookie, tt.body, tt.want) })
	}

	list := func(cookie string) map[int64]assignmentJSON {
		t.Helper()
		status, b, _ := a.do("GET", "/api/assignments", cookie, nil)
		if status != http.StatusOK {
			t.Fatalf("GET /api/assignments: %d %s", status, b)
		}
		var got assignmentsBody
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		out := map[int64]assignmentJSON{}
		for _, x := range got.Assignments {
			out[x.ID] = x
		}
		return out
	}
	if got := list(anna); len(got) != 3 {
		t.Errorf("anna sees %d assignments, want her 3", len(got))
	}
	if got := list(ben); len(got) != 1 {
		t.Errorf("ben sees %d assignments, want his 1", len(got))
	}

	call := a.placeCall(anna, "web-test")
	a.clock.Advance(2 * time.Hour) // past late's due date
	got := list(tina)
	if len(got) != 4 {
		t.Fatalf("the trainer sees %d assignments, want all 4", len(got))
	}
	want := map[int64]struct {
		state progress.State
		used  int
	}{easy.ID: {progress.StatePassed, 1}, hard.ID: {progress.StateFailed, 1}, late.ID: {progress.StateOverdue, 0}}
	for id, w := range want {
		if s := got[id].Status; s.State != w.state || s.Used != w.used {
			t.Errorf("assignment %d stands %+v, want %s with %d used", id, s, w.state, w.used)
		}
	}
	if got[easy.ID].Status.PassedBy != call || got[easy.ID].Status.Best == nil {
		t.Errorf("the easy assignment was passed by %q (best %v), want call %s", got[easy.ID].Status.PassedBy, got[easy.ID].Status.Best, call)
	}

	// The page shows the same, in both languages.
	for _, lang := range []string{"en", "de"} {
		status, b, _ := a.do("GET", "/assignments?lang="+lang, anna, nil)
		page := string(b)
		if status != http.StatusOK || strings.Count(page, "data-assignment=") != 3 {
			t.Fatalf("GET /assignments (%s): %d, %d rows, want 3", lang, status, strings.Count(page, "data-assignment="))
		}
		for _, s := range []string{`data-state="passed"`, `data-state="failed"`, `data-state="overdue"`, `href="/call/herr-b-handwerker"`} {
			if !strings.Contains(page, s) {
				t.Errorf("anna's page (%s) lacks %s", lang, s)
			}
		}
		if strings.Contains(page, "assign-form") {
			t.Errorf("a trainee's page (%s) has the trainer's form", lang)
		}
	}
	status, b, _ := a.do("GET", "/assignments", tina, nil)
	if status != http.StatusOK || !strings.Contains(string(b), `id="assign-form"`) || !strings.Contains(string(b), `<option>ben</option>`) {
		t.Errorf("the trainer's page: %d, want the form with the trainees", status)
	}

	if status, b, _ := a.do("DELETE", fmt.Sprintf("/api/assignments/%d", hard.ID), tina, nil); status != http.StatusNoContent {
		t.Fatalf("DELETE: %d %s", status, b)
	}
	if got := list(anna); len(got) != 2 {
		t.Errorf("after withdrawing one, anna sees %d, want 2", len(got))
	}
	if status, _, _ := a.do("DELETE", fmt.Sprintf("/api/assignments/%d", hard.ID), tina, nil); status != http.StatusNotFound {
		t.Errorf("DELETE twice: %d, want 404", status)
	}
}

// TestAssignToAGroup gives a scenario to a group: each of its active
// trainees gets it, shown with the group's name.
func TestAssignToAGroup(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	a.mustUser("ben", openline.RoleTrainee)
	a.mustUser("cleo", openline.RoleTrainee)
	a.mustUser("tina", openline.RoleTrainer)
	tina, ben := a.login("tina"), a.login("ben")
	ctx := context.Background()
	g := &openline.Group{Name: "Nord", CreatedAt: a.clock.Now()}
	if err := a.store.CreateGroup(ctx, g); err != nil {
		t.Fatal(err)
	}
	empty := &openline.Group{Name: "Leer", CreatedAt: a.clock.Now()}
	if err := a.store.CreateGroup(ctx, empty); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"anna", "ben"} {
		u, _ := a.store.UserByName(ctx, name)
		if err := a.store.SetMember(ctx, g.ID, u.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	status, b, _ := a.do("POST", "/api/assignments", tina, map[string]any{"scenario": "web-test", "group": g.ID, "pass_mark": 50})
	var made assignmentsBody
	if err := json.Unmarshal(b, &made); status != http.StatusCreated || err != nil || len(made.Assignments) != 2 {
		t.Fatalf("POST a group assignment: %d %s; want one each for anna and ben", status, b)
	}
	for _, x := range made.Assignments {
		if x.Group != "Nord" {
			t.Errorf("assignment %+v does not name its group", x)
		}
	}
	if status, b, _ := a.do("POST", "/api/assignments", tina, map[string]any{"scenario": "web-test", "group": empty.ID, "pass_mark": 50}); status != http.StatusBadRequest || !strings.Contains(string(b), "empty_group") {
		t.Errorf("assigning to an empty group: %d %s, want 400 empty_group", status, b)
	}
	_, b, _ = a.do("GET", "/api/assignments", ben, nil)
	var bens assignmentsBody
	if err := json.Unmarshal(b, &bens); err != nil || len(bens.Assignments) != 1 || bens.Assignments[0].Trainee != "ben" {
		t.Errorf("ben's assignments: %s; want his one from the group", b)
	}
	status, b, _ = a.do("GET", "/assignments", tina, nil)
	if status != http.StatusOK || !strings.Contains(string(b), `<option value="`+fmt.Sprint(g.ID)+`">Nord</option>`) || strings.Count(string(b), "via Nord") != 2 {
		t.Errorf("the trainer's page: %d; want the group in the form and on both rows", status)
	}
}
