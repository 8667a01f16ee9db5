package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/openline/openline/internal/catalog"
	"github.com/openline/openline/internal/openline"
)

// Limits of a trainer's review.
const (
	reviewPerPageDefault = 25
	reviewPerPageMax     = 100
	maxCommentChars      = 2000
	maxCommentsPerCall   = 200
	maxReasonChars       = 500
)

var (
	errNoSuchTurn      = openline.Error{Kind: openline.KindInvalid, Code: "no_such_turn", Message: "the call has no such turn"}
	errTooManyComments = openline.Error{Kind: openline.KindConflict, Code: "too_many_comments", Message: fmt.Sprintf("a call takes at most %d comments", maxCommentsPerCall)}
	errInvalidComment  = openline.Error{Kind: openline.KindInvalid, Code: "invalid_comment", Message: fmt.Sprintf("a comment has 1 to %d characters", maxCommentChars)}
	errInvalidReason   = openline.Error{Kind: openline.KindInvalid, Code: "invalid_reason", Message: fmt.Sprintf("an adjustment needs a reason of 1 to %d characters", maxReasonChars)}
	errInvalidScore    = openline.Error{Kind: openline.KindInvalid, Code: "invalid_score", Message: "a score is a whole number from 0 to 100, or null to take the adjustment back"}
)

// reviewQuery reads a review listing's filters, order and page from the
// query string (docs/api.md, "GET /api/review/calls"); a malformed one is
// a bad request that names the parameter.
func reviewQuery(q url.Values) (openline.ReviewQuery, int, int, error) {
	bad := func(name, want string) error {
		return errBadRequest.WithMessage(fmt.Sprintf("%s: %s", name, want))
	}
	rq := openline.ReviewQuery{UserName: q.Get("trainee"), ScenarioID: q.Get("scenario"), Desc: true}
	for _, v := range []string{rq.UserName, rq.ScenarioID} {
		if len(v) > 256 {
			return rq, 0, 0, bad("trainee/scenario", "too long")
		}
	}
	if g := q.Get("group"); g != "" {
		id, err := strconv.ParseInt(g, 10, 64)
		if err != nil || id <= 0 {
			return rq, 0, 0, bad("group", "a group's id")
		}
		rq.GroupID = id
	}
	if e := openline.EngineName(q.Get("engine")); e != "" {
		if e != openline.EngineScripted && e != openline.EngineLLM {
			return rq, 0, 0, bad("engine", "scripted or llm")
		}
		rq.Engine = e
	}
	if o := openline.Outcome(q.Get("outcome")); o != "" {
		if !slices.Contains([]openline.Outcome{openline.OutcomeHungUp, openline.OutcomeNextStep, openline.OutcomePoliteEnd, openline.OutcomeInterrupted}, o) {
			return rq, 0, 0, bad("outcome", "hung_up, next_step, polite_end or interrupted")
		}
		rq.Outcome = o
	}
	// Dates are days in UTC; to includes its whole day.
	for _, p := range []struct {
		name string
		to   *time.Time
		add  int
	}{{"from", &rq.From, 0}, {"to", &rq.To, 1}} {
		v := q.Get(p.name)
		if v == "" {
			continue
		}
		d, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return rq, 0, 0, bad(p.name, "a date, YYYY-MM-DD")
		}
		*p.to = d.AddDate(0, 0, p.add)
	}
	if s := openline.ReviewSort(q.Get("sort")); s != "" {
		if !slices.Contains(openline.ReviewSorts, s) {
			return rq, 0, 0, bad("sort", "started, duration, openness, curiosity, trainee or scenario")
		}
		rq.Sort = s
	}
	switch q.Get("order") {
	case "", "desc":
	case "asc":
		rq.Desc = false
	default:
		return rq, 0, 0, bad("order", "asc or desc")
	}
	page, perPage := 1, reviewPerPageDefault
	for _, p := range []struct {
		name string
		v    *int
		max  int
	}{{"page", &page, 1 << 20}, {"per_page", &perPage, reviewPerPageMax}} {
		s := q.Get(p.name)
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > p.max {
			return rq, 0, 0, bad(p.name, fmt.Sprintf("a whole number from 1 to %d", p.max))
		}
		*p.v = n
	}
	rq.Limit, rq.Offset = perPage, (page-1)*perPage
	return rq, page, perPage, nil
}

// groupNames maps each trainee's id to the names of their groups, by name.
func groupNames(r *http.Request, st openline.GroupStore) (map[int64][]string, error) {
	gs, err := st.Groups(r.Context())
	if err != nil {
		return nil, err
	}
	out := map[int64][]string{}
	for _, g := range gs {
		for _, id := range g.Members {
			out[id] = append(out[id], g.Name)
		}
	}
	return out, nil
}

// reviewCallJSON is a call in a trainer's review listing.
type reviewCallJSON struct {
	callJSON
	Groups []string `json:"groups"` // the trainee's groups now, by name
}

type reviewBody struct {
	Calls   []reviewCallJSON `json:"calls"`
	Total   int              `json:"total"`
	Page    int              `json:"page"`
	PerPage int              `json:"per_page"`
}

// handleReviewCalls is a trainer's table of calls: filtered, sorted and
// paged on the server.
func handleReviewCalls(st openline.Store, cat *catalog.Catalog) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		q, page, perPage, err := reviewQuery(r.URL.Query())
		if err != nil {
			return err
		}
		calls, total, err := st.ReviewCalls(r.Context(), q)
		if err != nil {
			return err
		}
		if err := hideBlind(r.Context(), st, userFrom(r.Context()), calls); err != nil {
			return err
		}
		groups, err := groupNames(r, st)
		if err != nil {
			return err
		}
		out := reviewBody{Calls: make([]reviewCallJSON, 0, len(calls)), Total: total, Page: page, PerPage: perPage}
		for i := range calls {
			out.Calls = append(out.Calls, reviewCallJSON{toCallJSON(r.Context(), &calls[i], cat), nonNil(groups[calls[i].UserID])})
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// commentJSON is a comment as the API shows it.
type commentJSON struct {
	ID        int64     `json:"id"`
	Turn      int       `json:"turn"`
	Author    string    `json:"author"`
	Text      string    `json:"text"`
	CreatedAt time.Time `json:"created_at"`
}

func toCommentJSON(c openline.Comment) commentJSON {
	return commentJSON{ID: c.ID, Turn: c.Turn, Author: c.Author, Text: c.Text, CreatedAt: c.CreatedAt.UTC()}
}

// adjustmentJSON is a score adjustment as the API shows it.
type adjustmentJSON struct {
	ID        int64              `json:"id"`
	Dimension openline.Dimension `json:"dimension"`
	Score     *int               `json:"score"` // null: taken back
	Reason    string             `json:"reason"`
	Author    string             `json:"author"`
	At        time.Time          `json:"at"`
}

func toAdjustmentJSON(a openline.ScoreAdjustment) adjustmentJSON {
	return adjustmentJSON{ID: a.ID, Dimension: a.Dimension, Score: a.Score, Reason: a.Reason, Author: a.Author, At: a.At.UTC()}
}

// reviewOf loads what trainers added to a call, for its page.
func reviewOf(r *http.Request, st openline.ReviewStore, id string) ([]commentJSON, []adjustmentJSON, error) {
	cs, err := st.Comments(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	as, err := st.ScoreAdjustments(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	comments := make([]commentJSON, 0, len(cs))
	for _, c := range cs {
		comments = append(comments, toCommentJSON(c))
	}
	adjustments := make([]adjustmentJSON, 0, len(as))
	for _, a := range as {
		adjustments = append(adjustments, toAdjustmentJSON(a))
	}
	return comments, adjustments, nil
}

// reviewedCall loads the call of the path's {id} for a trainer's review
// (canReview is checked by the route; canSeeCall here, as for the call).
func reviewedCall(r *http.Request, st openline.CallStore) (*openline.Call, error) {
	c, err := st.Call(r.Context(), r.PathValue("id"))
	if err != nil {
		if errors.Is(err, openline.ErrNotFound) {
			return nil, errNotFound
		}
		return nil, err
	}
	if !canSeeCall(userFrom(r.Context()), c) {
		return nil, errNotFound
	}
	return c, nil
}

// cleanText checks a trainer's free text (a comment, a reason): trimmed,
// 1 to max characters of valid UTF-8, no control characters but line
// breaks and tabs. It is stored as written and escaped wherever shown.
func cleanText(s string, limit int, bad openline.Error) (string, error) {
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) || s == "" || utf8.RuneCountInString(s) > limit {
		return "", bad
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return "", bad
		}
	}
	return s, nil
}

type commentRequest struct {
	Turn *int   `json:"turn"`
	Text string `json:"text"`
}

type commentBody struct {
	Comment commentJSON `json:"comment"`
}

// handleCommentAdd pins a trainer's comment to a turn of the call; the
// trainee sees it on their call.
func handleCommentAdd(st openline.Store, now func() time.Time) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		c, err := reviewedCall(r, st)
		if err != nil {
			return err
		}
		var req commentRequest
		if err := decodeJSON(r, &req); err != nil {
			return err
		}
		if req.Turn == nil {
			return errNoSuchTurn
		}
		text, err := cleanText(req.Text, maxCommentChars, errInvalidComment)
		if err != nil {
			return err
		}
		cm := &openline.Comment{CallID: c.ID, Turn: *req.Turn, AuthorID: userFrom(r.Context()).ID, Text: text, CreatedAt: now()}
		switch err := st.AddComment(r.Context(), cm, maxCommentsPerCall); {
		case errors.Is(err, openline.ErrConflict):
			return errNoSuchTurn
		case errors.Is(err, openline.ErrLimit):
			return errTooManyComments
		case err != nil:
			return err
		}
		writeJSON(w, http.StatusCreated, commentBody{toCommentJSON(*cm)})
		return nil
	}
}

type adjustRequest struct {
	Dimension openline.Dimension `json:"dimension"`
	Score     *float64           `json:"score"`
	Reason    string             `json:"reason"`
}

type adjustBody struct {
	Adjustment adjustmentJSON `json:"adjustment"`
	Call       callJSON       `json:"call"`
}

// handleScoreAdjust records a trainer's adjustment of one score of the
// call, with the reason; the computed score stays beside it.
func handleScoreAdjust(st openline.Store, cat *catalog.Catalog, now func() time.Time) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		c, err := reviewedCall(r, st)
		if err != nil {
			return err
		}
		var req adjustRequest
		if err := decodeJSON(r, &req); err != nil {
			return err
		}
		if req.Dimension != openline.DimensionOpenness && req.Dimension != openline.DimensionCuriosity {
			return errBadRequest.WithMessage("dimension: openness or curiosity")
		}
		var score *int
		if req.Score != nil {
			v := *req.Score
			if v != float64(int(v)) || v < 0 || v > 100 {
				return errInvalidScore
			}
			n := int(v)
			score = &n
		}
		reason, err := cleanText(req.Reason, maxReasonChars, errInvalidReason)
		if err != nil {
			return err
		}
		a := &openline.ScoreAdjustment{CallID: c.ID, Dimension: req.Dimension, Score: score, Reason: reason, AuthorID: userFrom(r.Context()).ID, At: now()}
		switch err := st.AdjustScore(r.Context(), a); {
		case errors.Is(err, openline.ErrConflict):
			return errNotScored
		case err != nil:
			return err
		}
		if c, err = st.Call(r.Context(), c.ID); err != nil {
			return err
		}
		writeJSON(w, http.StatusCreated, adjustBody{toAdjustmentJSON(*a), toCallJSON(r.Context(), c, cat)})
		return nil
	}
}
