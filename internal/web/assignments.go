package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/openline/openline/internal/catalog"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/progress"
)

// Assignments: a trainer gives a trainee a scenario to practise; how each
// stands is worked out from the trainee's calls (package progress,
// docs/progress.md). The API is in docs/api.md "Assignments".

var (
	errBadAssignment = openline.Error{Kind: openline.KindInvalid, Code: "invalid_assignment", Message: "the assignment needs a scenario, an active trainee or a group, a pass mark of 0 to 100 and 0 to 100 attempts"}
	errEmptyGroup    = openline.Error{Kind: openline.KindInvalid, Code: "empty_group", Message: "the group has no active trainees"}
	errDueInPast     = openline.Error{Kind: openline.KindInvalid, Code: "due_in_past", Message: "the due date has passed already"}
)

// maxDueAhead is how far ahead a due date may lie.
const maxDueAhead = 2 * 366 * 24 * time.Hour

type assignmentJSON struct {
	ID            int64      `json:"id"`
	Trainee       string     `json:"trainee"`
	Group         string     `json:"group,omitempty"` // the group it was given to
	Scenario      string     `json:"scenario"`
	ScenarioTitle string     `json:"scenario_title"`
	DueAt         *time.Time `json:"due_at"` // null: no due date
	PassMark      int        `json:"pass_mark"`
	Attempts      int        `json:"attempts"` // 0: no limit
	CreatedAt     time.Time  `json:"created_at"`
	Status        statusJSON `json:"status"`
}

type statusJSON struct {
	State    progress.State  `json:"state"`
	Used     int             `json:"used"`
	Left     int             `json:"left"` // -1: no limit
	Best     *progress.Score `json:"best"` // null before the first counted call
	PassedBy string          `json:"passed_by,omitempty"`
	PassedAt *time.Time      `json:"passed_at,omitempty"`
	Late     bool            `json:"late"`
}

// assignmentView is an assignment with how it stands, for the API and the
// page.
type assignmentView struct {
	openline.Assignment
	progress.Standing
	Title      string
	Difficulty openline.Difficulty
}

func (v *assignmentView) json() assignmentJSON {
	return assignmentJSON{
		ID: v.ID, Trainee: v.UserName, Group: v.GroupName, Scenario: v.ScenarioID, ScenarioTitle: v.Title,
		DueAt: v.DueAt, PassMark: v.PassMark, Attempts: v.Attempts, CreatedAt: v.CreatedAt,
		Status: statusJSON{State: v.State, Used: v.Used, Left: v.Left, Best: v.Best, PassedBy: v.PassedBy, PassedAt: v.PassedAt, Late: v.Late},
	}
}

// assignmentsOf loads the assignments u may see (a trainee's own, every
// one for a trainer) with how each stands at now.
func assignmentsOf(ctx context.Context, st openline.Store, cat *catalog.Catalog, u *openline.User, now time.Time) ([]assignmentView, error) {
	var f openline.AssignmentFilter
	if !canSeeAllCalls(u) {
		f.UserID = u.ID
	}
	as, err := st.ListAssignments(ctx, f)
	if err != nil {
		return nil, err
	}
	calls := map[int64][]openline.Call{}
	out := make([]assignmentView, 0, len(as))
	for _, a := range as {
		cs, ok := calls[a.UserID]
		if !ok {
			if cs, err = st.ListCalls(ctx, openline.CallFilter{UserID: a.UserID, Limit: openline.CallListMax}); err != nil {
				return nil, err
			}
			if err := hideBlind(ctx, st, u, cs); err != nil {
				return nil, err
			}
			calls[a.UserID] = cs
		}
		v := assignmentView{Assignment: a, Standing: progress.Stand(&a, cs, now), Title: a.ScenarioID}
		if sc := cat.Current(a.ScenarioID); sc != nil {
			v.Title, v.Difficulty = sc.Title, sc.Difficulty
		}
		out = append(out, v)
	}
	return out, nil
}

type assignmentsBody struct {
	Assignments []assignmentJSON `json:"assignments"`
}

// handleAssignmentsList lists the asker's assignments (a trainer's: all),
// newest first, with how each stands.
func handleAssignmentsList(st openline.Store, cat *catalog.Catalog, now func() time.Time) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		vs, err := assignmentsOf(r.Context(), st, cat, userFrom(r.Context()), now())
		if err != nil {
			return err
		}
		out := assignmentsBody{Assignments: make([]assignmentJSON, 0, len(vs))}
		for i := range vs {
			out.Assignments = append(out.Assignments, vs[i].json())
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

type createAssignmentRequest struct {
	Scenario string     `json:"scenario"`
	Trainee  string     `json:"trainee"`
	Group    int64      `json:"group"` // instead of a trainee: each active trainee of the group
	DueAt    *time.Time `json:"due_at"`
	PassMark int        `json:"pass_mark"`
	Attempts int        `json:"attempts"`
}

// handleAssignmentCreate assigns a scenario to an active trainee.
func handleAssignmentCreate(st openline.Store, cat *catalog.Catalog, now func() time.Time) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		var req createAssignmentRequest
		if err := decodeJSON(r, &req); err != nil {
			return err
		}
		if req.PassMark < 0 || req.PassMark > 100 || req.Attempts < 0 || req.Attempts > openline.MaxAttempts ||
			cat.Current(req.Scenario) == nil {
			return errBadAssignment
		}
		t := now()
		if req.DueAt != nil && !req.DueAt.After(t) {
			return errDueInPast
		}
		if req.DueAt != nil && req.DueAt.After(t.Add(maxDueAhead)) {
			return errBadAssignment
		}
		a := &openline.Assignment{
			ScenarioID: req.Scenario, DueAt: req.DueAt, PassMark: req.PassMark,
			Attempts: req.Attempts, CreatedBy: userFrom(r.Context()).ID, CreatedAt: t,
		}
		switch {
		case (req.Trainee == "") == (req.Group == 0):
			return errBadAssignment
		case req.Group != 0:
			a.GroupID = req.Group
			made, err := st.AssignGroup(r.Context(), a)
			if errors.Is(err, openline.ErrNotFound) {
				return errBadAssignment
			} else if err != nil {
				return err
			}
			if len(made) == 0 {
				return errEmptyGroup
			}
			writeAssignments(w, made, cat, t)
			return nil
		}
		trainee, err := st.UserByName(r.Context(), req.Trainee)
		if errors.Is(err, openline.ErrNotFound) || err == nil && (trainee.Role != openline.RoleTrainee || !trainee.Active()) {
			return errBadAssignment
		} else if err != nil {
			return err
		}
		a.UserID = trainee.ID
		if err := st.CreateAssignment(r.Context(), a); err != nil {
			return err
		}
		a.UserName = trainee.Name
		writeAssignments(w, []openline.Assignment{*a}, cat, t)
		return nil
	}
}

// writeAssignments answers new assignments: 201 {"assignments": […]}.
func writeAssignments(w http.ResponseWriter, as []openline.Assignment, cat *catalog.Catalog, now time.Time) {
	out := assignmentsBody{Assignments: make([]assignmentJSON, 0, len(as))}
	for i := range as {
		v := assignmentView{Assignment: as[i], Standing: progress.Stand(&as[i], nil, now), Title: cat.Current(as[i].ScenarioID).Title}
		out.Assignments = append(out.Assignments, v.json())
	}
	writeJSON(w, http.StatusCreated, out)
}

// handleAssignmentDelete withdraws an assignment; the calls stay.
func handleAssignmentDelete(st openline.Store) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil {
			return errNotFound
		}
		if err := st.DeleteAssignment(r.Context(), id); err != nil {
			return err
		}
		w.WriteHeader(http.StatusNoContent)
		return nil
	}
}

// assignmentsPage is what the assignments page shows.
type assignmentsPage struct {
	Trainer   bool
	Rows      []assignmentView
	Scenarios []catalog.Option
	Trainees  []string         // active trainees, for the form
	Groups    []openline.Group // for the form
	States    []progress.State // in the order the counts show
	Count     map[progress.State]int
	MinDue    string // the earliest due date the form takes (YYYY-MM-DD, UTC)
}

// loadAssignmentsPage loads the page: a trainee's assignments, or for a
// trainer every assignment, the form and the counts by state.
func loadAssignmentsPage(st openline.Store, cat *catalog.Catalog, now func() time.Time) func(r *http.Request) (any, error) {
	return func(r *http.Request) (any, error) {
		u := userFrom(r.Context())
		t := now()
		vs, err := assignmentsOf(r.Context(), st, cat, u, t)
		if err != nil {
			return nil, err
		}
		p := &assignmentsPage{Trainer: canSeeAllCalls(u), Rows: vs, States: []progress.State{progress.StateOpen, progress.StateOverdue, progress.StatePassed, progress.StateFailed}, Count: map[progress.State]int{}, MinDue: t.UTC().Format(time.DateOnly)}
		for _, v := range vs {
			p.Count[v.State]++
		}
		if p.Trainer {
			p.Scenarios = cat.Options()
			us, err := st.ListUsers(r.Context())
			if err != nil {
				return nil, err
			}
			for _, x := range us {
				if x.Role == openline.RoleTrainee && x.Active() {
					p.Trainees = append(p.Trainees, x.Name)
				}
			}
			if p.Groups, err = st.Groups(r.Context()); err != nil {
				return nil, err
			}
		}
		return p, nil
	}
}
