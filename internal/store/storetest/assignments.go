package storetest

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

// assignmentTests are the suite's tests of openline.AssignmentStore.
var assignmentTests = []namedTest{
	{"Assignments", testAssignments},
	{"AssignmentUnknownUser", testAssignmentUnknownUser},
	{"AssignGroup", testAssignGroup},
}

func testAssignments(t *testing.T, s openline.Store) {
	ctx := context.Background()
	tina := MustUser(t, s, "tina", openline.RoleTrainer)
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	ben := MustUser(t, s, "ben", openline.RoleTrainee)
	if list, err := s.ListAssignments(ctx, openline.AssignmentFilter{}); err != nil || list == nil || len(list) != 0 {
		t.Fatalf("ListAssignments on an empty store = %#v, %v; want an empty slice", list, err)
	}
	due := at(72*time.Hour + 1500*time.Microsecond) // kept to the millisecond
	first := &openline.Assignment{ScenarioID: "herr-b", UserID: anna.ID, DueAt: &due, PassMark: 60, Attempts: 3, CreatedBy: tina.ID, CreatedAt: at(time.Minute)}
	second := &openline.Assignment{ScenarioID: "frau-h", UserID: anna.ID, PassMark: 50, CreatedBy: tina.ID, CreatedAt: at(2 * time.Minute)}
	third := &openline.Assignment{ScenarioID: "herr-b", UserID: ben.ID, PassMark: 70, Attempts: 1, CreatedBy: tina.ID, CreatedAt: at(3 * time.Minute)}
	for _, a := range []*openline.Assignment{first, second, third} {
		if err := s.CreateAssignment(ctx, a); err != nil {
			t.Fatalf("CreateAssignment(%s for %d): %v", a.ScenarioID, a.UserID, err)
		}
	}
	if first.ID == 0 || first.ID == second.ID || second.ID == third.ID {
		t.Fatalf("ids %d, %d, %d: want distinct and non-zero", first.ID, second.ID, third.ID)
	}
	if want := at(72*time.Hour + time.Millisecond); !first.DueAt.Equal(want) {
		t.Errorf("due date kept as %v, want %v (milliseconds)", first.DueAt, want)
	}
	first.UserName, second.UserName, third.UserName = "anna", "anna", "ben"
	got, err := s.Assignment(ctx, first.ID)
	if err != nil {
		t.Fatalf("Assignment(%d): %v", first.ID, err)
	}
	if !reflect.DeepEqual(got, first) {
		t.Errorf("Assignment(%d) = %+v, want %+v", first.ID, got, first)
	}
	all, err := s.ListAssignments(ctx, openline.AssignmentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []openline.Assignment{*third, *second, *first}; !reflect.DeepEqual(all, want) {
		t.Errorf("ListAssignments() = %+v, want newest first %+v", all, want)
	}
	annas, err := s.ListAssignments(ctx, openline.AssignmentFilter{UserID: anna.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(annas) != 2 || annas[0].ID != second.ID || annas[1].ID != first.ID {
		t.Errorf("anna's assignments = %+v, want the second and the first", annas)
	}
	if err := s.DeleteAssignment(ctx, second.ID); err != nil {
		t.Fatalf("DeleteAssignment: %v", err)
	}
	wantErr(t, "DeleteAssignment twice", s.DeleteAssignment(ctx, second.ID), openline.ErrNotFound)
	_, err = s.Assignment(ctx, second.ID)
	wantErr(t, "Assignment(deleted)", err, openline.ErrNotFound)
}

func testAssignmentUnknownUser(t *testing.T, s openline.Store) {
	ctx := context.Background()
	tina := MustUser(t, s, "tina", openline.RoleTrainer)
	a := &openline.Assignment{ScenarioID: "herr-b", UserID: tina.ID + 100, PassMark: 60, CreatedBy: tina.ID, CreatedAt: t0}
	wantErr(t, "CreateAssignment for an unknown trainee", s.CreateAssignment(ctx, a), openline.ErrNotFound)
	if list, _ := s.ListAssignments(ctx, openline.AssignmentFilter{}); len(list) != 0 {
		t.Errorf("a refused assignment was kept: %+v", list)
	}
}

func testAssignGroup(t *testing.T, s openline.Store) {
	ctx := context.Background()
	tina := MustUser(t, s, "tina", openline.RoleTrainer)
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	ben := MustUser(t, s, "ben", openline.RoleTrainee)
	cleo := MustUser(t, s, "cleo", openline.RoleTrainee)
	MustUser(t, s, "dirk", openline.RoleTrainee) // not in the group
	g := &openline.Group{Name: "Vertrieb Nord", CreatedAt: t0}
	if err := s.CreateGroup(ctx, g); err != nil {
		t.Fatal(err)
	}
	for _, u := range []*openline.User{anna, ben, cleo, tina} {
		if err := s.SetMember(ctx, g.ID, u.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeactivateUser(ctx, ben.ID, at(time.Minute)); err != nil {
		t.Fatal(err)
	}
	a := &openline.Assignment{ScenarioID: "herr-b", GroupID: g.ID, PassMark: 60, Attempts: 2, CreatedBy: tina.ID, CreatedAt: at(time.Hour)}
	got, err := s.AssignGroup(ctx, a)
	if err != nil {
		t.Fatalf("AssignGroup: %v", err)
	}
	if len(got) != 2 || got[0].UserName != "anna" || got[1].UserName != "cleo" || got[0].ID == 0 || got[0].ID == got[1].ID {
		t.Fatalf("AssignGroup = %+v, want one each for the active trainees anna and cleo", got)
	}
	read, err := s.Assignment(ctx, got[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(read, &got[1]) || read.GroupID != g.ID || read.GroupName != "Vertrieb Nord" || read.UserID != cleo.ID {
		t.Errorf("Assignment(%d) = %+v, want %+v from the group", got[1].ID, read, got[1])
	}
	if list, _ := s.ListAssignments(ctx, openline.AssignmentFilter{UserID: anna.ID}); len(list) != 1 || list[0].GroupName != "Vertrieb Nord" {
		t.Errorf("anna's assignments = %+v, want the group's", list)
	}
	_, err = s.AssignGroup(ctx, &openline.Assignment{ScenarioID: "herr-b", GroupID: g.ID + 100, PassMark: 60, CreatedBy: tina.ID, CreatedAt: t0})
	wantErr(t, "AssignGroup to an unknown group", err, openline.ErrNotFound)
}
