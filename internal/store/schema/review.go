package schema

import (
	"cmp"
	"fmt"
	"time"

	"github.com/openline/openline/internal/openline"
)

// The SQL of a review listing that both stores share: the schema of
// migration 0011 is the same in both dialects, and so are these
// expressions. Each store binds the arguments in its own placeholders.

// reviewOrder is the expression a review listing is ordered by, per sort.
var reviewOrder = map[openline.ReviewSort]string{
	openline.SortStarted:   "c.started_at",
	openline.SortDuration:  "(c.ended_at - c.started_at)",
	openline.SortOpenness:  "COALESCE(c.openness_adjusted, c.openness)",
	openline.SortCuriosity: "COALESCE(c.curiosity_adjusted, c.curiosity)",
	openline.SortTrainee:   "u.name",
	openline.SortScenario:  "c.scenario_id",
}

// ReviewOrderBy is the ORDER BY clause (without the keywords) of q: calls
// without the value sorted by (open, unscored) last either way, ties
// newest first.
func ReviewOrderBy(q openline.ReviewQuery) (string, error) {
	order, ok := reviewOrder[cmp.Or(q.Sort, openline.SortStarted)]
	if !ok {
		return "", fmt.Errorf("unknown sort %q", q.Sort)
	}
	dir := "ASC"
	if q.Desc {
		dir = "DESC"
	}
	return "(" + order + " IS NULL), " + order + " " + dir + ", c.started_at DESC, c.id DESC", nil
}

// ReviewWhere returns the conditions of q's filters on calls c joined with
// users u; arg binds a value and returns its placeholder, timeOf turns a
// time into the store's representation of it.
func ReviewWhere[T any](q openline.ReviewQuery, arg func(any) string, timeOf func(t time.Time) T) []string {
	var where []string
	if q.UserID != 0 {
		where = append(where, "c.user_id = "+arg(q.UserID))
	}
	if q.UserName != "" {
		where = append(where, "u.name = "+arg(q.UserName))
	}
	if q.GroupID != 0 {
		where = append(where, "c.user_id IN (SELECT user_id FROM group_members WHERE group_id = "+arg(q.GroupID)+")")
	}
	if q.ScenarioID != "" {
		where = append(where, "c.scenario_id = "+arg(q.ScenarioID))
	}
	if q.Engine != "" {
		where = append(where, "c.engine = "+arg(string(q.Engine)))
	}
	if q.Outcome != "" {
		where = append(where, "c.outcome = "+arg(string(q.Outcome)))
	}
	if !q.From.IsZero() {
		where = append(where, "c.started_at >= "+arg(timeOf(q.From)))
	}
	if !q.To.IsZero() {
		where = append(where, "c.started_at < "+arg(timeOf(q.To)))
	}
	return where
}

// AdjustedColumn is the calls column of a dimension's adjusted score.
func AdjustedColumn(d openline.Dimension) (string, error) {
	switch d {
	case openline.DimensionOpenness:
		return "openness_adjusted", nil
	case openline.DimensionCuriosity:
		return "curiosity_adjusted", nil
	}
	return "", fmt.Errorf("unknown dimension %q", d)
}
