package web

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/openline/openline/internal/catalog"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/progress"
)

// Progress: per trainee, and for the course as a whole, openness and
// curiosity over time by difficulty, per scenario, and the parts of the
// score that hold them back (package progress, docs/progress.md). The
// page /progress is rendered on the server with its charts as inline SVG;
// GET /api/progress answers the same numbers as JSON (docs/api.md).

// progressView is one report: of a trainee (Trainee set) or of every
// trainee taken together, with a row per trainee.
type progressView struct {
	Trainee  string
	GroupID  int64  // the course view of one group's members
	Group    string // its name
	Report   progress.Report
	Trainees []traineeProgress // the course view only, by name
}

// traineeProgress is one trainee's line in the course view: the means
// by difficulty, kept apart as on the charts.
type traineeProgress struct {
	Name   string
	Calls  int
	Lanes  [3]*laneMean // easy, medium, hard; nil: no call of that difficulty
	LastAt time.Time
}

// laneMean is a trainee's mean over the calls of one difficulty.
type laneMean struct {
	Difficulty openline.Difficulty `json:"difficulty"`
	Calls      int                 `json:"calls"`
	Mean       progress.Score      `json:"mean"`
}

// lanesOf returns a report's lanes' means in the order easy, medium,
// hard.
func lanesOf(rep progress.Report) [3]*laneMean {
	var out [3]*laneMean
	for _, l := range rep.Lanes {
		i := slices.Index([]openline.Difficulty{openline.Easy, openline.Medium, openline.Hard}, l.Difficulty)
		if i >= 0 {
			out[i] = &laneMean{Difficulty: l.Difficulty, Calls: l.Calls, Mean: l.Mean}
		}
	}
	return out
}

// scenarioInfo returns the scenario of a call at its own version, cached
// for one report.
func scenarioInfo(ctx context.Context, cat *catalog.Catalog) func(c *openline.Call) progress.Scenario {
	type key struct{ id, version string }
	seen := map[key]progress.Scenario{}
	return func(c *openline.Call) progress.Scenario {
		k := key{c.ScenarioID, c.ScenarioVersion}
		if s, ok := seen[k]; ok {
			return s
		}
		s := progress.Scenario{Title: c.ScenarioID}
		if sc, err := cat.Version(ctx, c.ScenarioID, c.ScenarioVersion); err == nil {
			s = progress.Scenario{Title: sc.Title, Difficulty: sc.Difficulty}
		} else if sc := cat.Current(c.ScenarioID); sc != nil {
			s = progress.Scenario{Title: sc.Title, Difficulty: sc.Difficulty}
		}
		seen[k] = s
		return s
	}
}

// progressOf builds the report the request asks for: ?trainee=NAME (a
// trainee may ask only for themself, and gets themself without asking),
// or for a trainer without it every trainee together, or the members of
// ?group=ID.
func progressOf(r *http.Request, st openline.Store, cat *catalog.Catalog) (*progressView, error) {
	ctx := r.Context()
	u := userFrom(ctx)
	q := r.URL.Query()
	name := q.Get("trainee")
	if name == "" && !canSeeAllCalls(u) {
		name = u.Name
	}
	f := openline.CallFilter{Limit: openline.CallListMax}
	v := &progressView{Trainee: name}
	switch {
	case name != "":
		target, err := st.UserByName(ctx, name)
		if errors.Is(err, openline.ErrNotFound) || err == nil && !canSeeProgressOf(u, target) {
			return nil, errNotFound
		} else if err != nil {
			return nil, err
		}
		f.UserID = target.ID
	case q.Get("group") != "":
		id, err := strconv.ParseInt(q.Get("group"), 10, 64)
		if err != nil {
			return nil, errNotFound
		}
		g, err := st.Group(ctx, id)
		if err != nil {
			return nil, err
		}
		f.GroupID, v.GroupID, v.Group = g.ID, g.ID, g.Name
	}
	calls, err := st.ListCalls(ctx, f)
	if err != nil {
		return nil, err
	}
	if name == "" {
		if calls, err = traineesCalls(ctx, st, calls); err != nil {
			return nil, err
		}
	}
	if err := hideBlind(ctx, st, u, calls); err != nil {
		return nil, err
	}
	cards := make(map[string]*openline.Scorecard, len(calls))
	for _, c := range calls {
		if c.EndedAt == nil || c.Openness == nil {
			continue
		}
		card, err := st.Scorecard(ctx, c.ID)
		if errors.Is(err, openline.ErrNotFound) {
			continue
		} else if err != nil {
			return nil, err
		}
		cards[c.ID] = card
	}
	info := scenarioInfo(ctx, cat)
	v.Report = progress.Build(calls, cards, info, name == "")
	if name == "" {
		byUser := map[string][]openline.Call{}
		for _, c := range calls {
			byUser[c.UserName] = append(byUser[c.UserName], c)
		}
		for n, cs := range byUser {
			rep := progress.Build(cs, nil, info, false)
			if rep.Calls == 0 {
				continue
			}
			row := traineeProgress{Name: n, Calls: rep.Calls, Lanes: lanesOf(rep), LastAt: rep.LastAt}
			v.Trainees = append(v.Trainees, row)
		}
		slices.SortFunc(v.Trainees, func(a, b traineeProgress) int { return strings.Compare(a.Name, b.Name) })
	}
	return v, nil
}

// traineesCalls keeps the calls of trainees: the course's progress is
// theirs, not the trainers' test calls on drafts or their own practice.
func traineesCalls(ctx context.Context, st openline.UserStore, calls []openline.Call) ([]openline.Call, error) {
	us, err := st.ListUsers(ctx)
	if err != nil {
		return nil, err
	}
	trainee := map[int64]bool{}
	for _, x := range us {
		trainee[x.ID] = x.Role == openline.RoleTrainee
	}
	return slices.DeleteFunc(calls, func(c openline.Call) bool { return !trainee[c.UserID] }), nil
}

type progressJSON struct {
	Trainee  string                `json:"trainee,omitempty"` // absent: every trainee together
	Group    string                `json:"group,omitempty"`   // the group of the course view
	Report   progress.Report       `json:"report"`
	Trainees []traineeProgressJSON `json:"trainees,omitempty"`
}

type traineeProgressJSON struct {
	Name   string     `json:"name"`
	Calls  int        `json:"calls"`
	Lanes  []laneMean `json:"lanes"` // a mean per difficulty with calls, easy first
	LastAt time.Time  `json:"last_at"`
}

// handleProgress answers a trainee's progress (?trainee=NAME; a trainee
// gets their own), or for a trainer without a name every trainee's
// together.
func handleProgress(st openline.Store, cat *catalog.Catalog) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		v, err := progressOf(r, st, cat)
		if err != nil {
			return err
		}
		out := progressJSON{Trainee: v.Trainee, Group: v.Group, Report: v.Report}
		for _, t := range v.Trainees {
			row := traineeProgressJSON{Name: t.Name, Calls: t.Calls, Lanes: []laneMean{}, LastAt: t.LastAt}
			for _, l := range t.Lanes {
				if l != nil {
					row.Lanes = append(row.Lanes, *l)
				}
			}
			out.Trainees = append(out.Trainees, row)
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

// progressPage is what the progress page shows.
type progressPage struct {
	Trainer bool
	*progressView
	Names  []string // every trainee, for the trainer's choice
	Groups []openline.Group
}

// loadProgressPage loads the progress page.
func loadProgressPage(st openline.Store, cat *catalog.Catalog) func(r *http.Request) (any, error) {
	return func(r *http.Request) (any, error) {
		v, err := progressOf(r, st, cat)
		if err != nil {
			return nil, err
		}
		u := userFrom(r.Context())
		p := &progressPage{Trainer: canSeeAllCalls(u), progressView: v}
		if p.Trainer {
			us, err := st.ListUsers(r.Context())
			if err != nil {
				return nil, err
			}
			for _, x := range us {
				if x.Role == openline.RoleTrainee {
					p.Names = append(p.Names, x.Name)
				}
			}
			if p.Groups, err = st.Groups(r.Context()); err != nil {
				return nil, err
			}
		}
		return p, nil
	}
}
