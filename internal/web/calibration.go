package web

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/openline/openline/internal/catalog"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/progress"
)

// Calibration: a trainer asks a colleague to score a call blind; the
// colleague sees neither the computed score nor anyone's rating of that
// call until they have given their own (nowhere: not on the call, in the
// listing, in progress or assignments). The call then shows every
// trainer's score beside the computed one, and /calibration how well
// trainers agree with each other and with the scorer (package progress,
// docs/progress.md "Calibration").

var (
	errBadRating    = openline.Error{Kind: openline.KindInvalid, Code: "invalid_rating", Message: "scores are whole numbers from 0 to 100, the note at most 2000 characters"}
	errBadRater     = openline.Error{Kind: openline.KindInvalid, Code: "invalid_rater", Message: "ask another active trainer"}
	errNotScored    = openline.Error{Kind: openline.KindConflict, Code: "not_scored", Message: "the call has no score yet"}
	errRatedAlready = openline.Error{Kind: openline.KindConflict, Code: "rated_already", Message: "you have scored this call already"}
	errAskedAlready = openline.Error{Kind: openline.KindConflict, Code: "asked_already", Message: "this trainer has been asked for this call or has scored it"}
)

// blindCalls returns the calls u has been asked to score and has not
// scored yet: u must not see their scores.
func blindCalls(ctx context.Context, st openline.RatingStore, u *openline.User) (map[string]bool, error) {
	if !canCalibrate(u) {
		return nil, nil
	}
	rs, err := st.ListRatings(ctx, openline.RatingFilter{RaterID: u.ID, Pending: true})
	if err != nil {
		return nil, err
	}
	blind := make(map[string]bool, len(rs))
	for _, r := range rs {
		blind[r.CallID] = true
	}
	return blind, nil
}

// hideBlind clears the scores of the calls u scores blind, so that
// nothing built from calls shows them.
func hideBlind(ctx context.Context, st openline.RatingStore, u *openline.User, calls []openline.Call) error {
	blind, err := blindCalls(ctx, st, u)
	if err != nil {
		return err
	}
	hideScores(calls, blind)
	return nil
}

// hideScores clears every score, computed and adjusted, of the calls in
// blind.
func hideScores(calls []openline.Call, blind map[string]bool) {
	for i := range calls {
		if blind[calls[i].ID] {
			c := &calls[i]
			c.Openness, c.Curiosity, c.OpennessAdjusted, c.CuriosityAdjusted = nil, nil, nil, nil
		}
	}
}

type ratingJSON struct {
	Trainer     string     `json:"trainer"`
	RequestedBy string     `json:"requested_by"`
	RequestedAt time.Time  `json:"requested_at"`
	Pending     bool       `json:"pending"`   // asked for, not given yet
	Openness    *int       `json:"openness"`  // null while pending
	Curiosity   *int       `json:"curiosity"` // null while pending
	Note        string     `json:"note,omitempty"`
	SubmittedAt *time.Time `json:"submitted_at"`
}

type ratingsBody struct {
	// Blind: the asker is to score this call and has not: everything
	// else is withheld.
	Blind    bool            `json:"blind"`
	Computed *progress.Score `json:"computed"` // the scorer's score; null while blind or unscored
	Ratings  []ratingJSON    `json:"ratings"`
	Rated    bool            `json:"rated"`   // the asker has given a rating
	CanAsk   []string        `json:"can_ask"` // trainers who may still be asked
}

// names returns every account's name by id.
func names(ctx context.Context, st openline.UserStore) (map[int64]string, []openline.User, error) {
	us, err := st.ListUsers(ctx)
	if err != nil {
		return nil, nil, err
	}
	out := make(map[int64]string, len(us))
	for _, u := range us {
		out[u.ID] = u.Name
	}
	return out, us, nil
}

// ratingsOf answers the ratings of call c as u may see them.
func ratingsOf(ctx context.Context, st openline.Store, u *openline.User, c *openline.Call) (*ratingsBody, error) {
	rs, err := st.CallRatings(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	byID, users, err := names(ctx, st)
	if err != nil {
		return nil, err
	}
	out := &ratingsBody{Ratings: []ratingJSON{}, CanAsk: []string{}}
	involved := map[int64]bool{u.ID: true}
	for _, r := range rs {
		involved[r.RaterID] = true
		if r.RaterID == u.ID {
			out.Blind, out.Rated = r.Pending(), !r.Pending()
		}
	}
	for _, r := range rs {
		if out.Blind && r.RaterID != u.ID {
			continue
		}
		out.Ratings = append(out.Ratings, ratingJSON{
			Trainer: r.RaterName, RequestedBy: byID[r.RequestedBy], RequestedAt: r.RequestedAt, Pending: r.Pending(),
			Openness: r.Openness, Curiosity: r.Curiosity, Note: r.Note, SubmittedAt: r.SubmittedAt,
		})
	}
	if !out.Blind {
		if s, ok := progress.Computed(c); ok {
			out.Computed = &s
		}
		for _, x := range users {
			if canCalibrate(&x) && x.Active() && !involved[x.ID] {
				out.CanAsk = append(out.CanAsk, x.Name)
			}
		}
	}
	return out, nil
}

// ratedCall loads the call of the path for a trainer.
func ratedCall(r *http.Request, st openline.Store) (*openline.Call, error) {
	c, err := st.Call(r.Context(), r.PathValue("id"))
	if errors.Is(err, openline.ErrNotFound) {
		return nil, errNotFound
	}
	return c, err
}

// handleRatings answers a call's ratings (the asker's own only while
// they score it blind).
func handleRatings(st openline.Store) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		c, err := ratedCall(r, st)
		if err != nil {
			return err
		}
		out, err := ratingsOf(r.Context(), st, userFrom(r.Context()), c)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

type ratingRequest struct {
	Openness  *int   `json:"openness"`
	Curiosity *int   `json:"curiosity"`
	Note      string `json:"note"`
}

// rateCall runs act on the path's call once it has ended scored, with
// the asker, and answers the call's ratings as the asker now sees them
// (201); a conflict in the store is answered as conflict.
func rateCall(w http.ResponseWriter, r *http.Request, st openline.Store, conflict openline.Error, act func(c *openline.Call, u *openline.User) error) error {
	c, err := ratedCall(r, st)
	if err != nil {
		return err
	}
	if c.EndedAt == nil || c.Openness == nil {
		return errNotScored
	}
	u := userFrom(r.Context())
	if err := act(c, u); errors.Is(err, openline.ErrConflict) {
		return conflict
	} else if err != nil {
		return err
	}
	out, err := ratingsOf(r.Context(), st, u, c)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, out)
	return nil
}

// handleRatingSubmit gives the asker's rating of a call: the one asked
// for (which ends their blindness), or one unasked. A rating is final.
func handleRatingSubmit(st openline.Store, now func() time.Time) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		var req ratingRequest
		if err := decodeJSON(r, &req); err != nil {
			return err
		}
		if req.Openness == nil || req.Curiosity == nil || *req.Openness < 0 || *req.Openness > 100 ||
			*req.Curiosity < 0 || *req.Curiosity > 100 || len(req.Note) > openline.MaxRatingNote {
			return errBadRating
		}
		return rateCall(w, r, st, errRatedAlready, func(c *openline.Call, u *openline.User) error {
			t := now()
			return st.SubmitRating(r.Context(), &openline.Rating{
				CallID: c.ID, RaterID: u.ID, Openness: req.Openness, Curiosity: req.Curiosity,
				Note: strings.TrimSpace(req.Note), SubmittedAt: &t,
			})
		})
	}
}

type askRequest struct {
	Trainer string `json:"trainer"`
}

// handleRatingAsk asks another active trainer to score a call blind.
func handleRatingAsk(st openline.Store, now func() time.Time) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		var req askRequest
		if err := decodeJSON(r, &req); err != nil {
			return err
		}
		return rateCall(w, r, st, errAskedAlready, func(c *openline.Call, u *openline.User) error {
			rater, err := st.UserByName(r.Context(), req.Trainer)
			if errors.Is(err, openline.ErrNotFound) || err == nil && (!canCalibrate(rater) || !rater.Active() || rater.ID == u.ID) {
				return errBadRater
			} else if err != nil {
				return err
			}
			return st.RequestRating(r.Context(), &openline.Rating{CallID: c.ID, RaterID: rater.ID, RequestedBy: u.ID, RequestedAt: now()})
		})
	}
}

// askedJSON is a call a trainer has been asked to score.
type askedJSON struct {
	Call          string    `json:"call"`
	Trainee       string    `json:"trainee"`
	Scenario      string    `json:"scenario"`
	ScenarioTitle string    `json:"scenario_title"`
	StartedAt     time.Time `json:"started_at"`
	RequestedBy   string    `json:"requested_by"`
	RequestedAt   time.Time `json:"requested_at"`
}

// groupAgreement is the agreement over one group's calls.
type groupAgreement struct {
	Group     string             `json:"group"` // "" : every trainee
	Agreement progress.Agreement `json:"agreement"`
}

type calibrationBody struct {
	Asked  []askedJSON      `json:"asked"` // calls the asker is to score blind, newest asked first
	Groups []groupAgreement `json:"groups"`
}

// calibrationOf loads what the calibration page shows u.
func calibrationOf(ctx context.Context, st openline.Store, cat *catalog.Catalog, u *openline.User) (*calibrationBody, error) {
	byID, _, err := names(ctx, st)
	if err != nil {
		return nil, err
	}
	pending, err := st.ListRatings(ctx, openline.RatingFilter{RaterID: u.ID, Pending: true})
	if err != nil {
		return nil, err
	}
	out := &calibrationBody{Asked: []askedJSON{}}
	blind := map[string]bool{}
	for _, p := range pending {
		blind[p.CallID] = true
		c, err := st.Call(ctx, p.CallID)
		if err != nil {
			return nil, err
		}
		out.Asked = append(out.Asked, askedJSON{
			Call: c.ID, Trainee: c.UserName, Scenario: c.ScenarioID, ScenarioTitle: cat.Title(ctx, c.ScenarioID, c.ScenarioVersion),
			StartedAt: c.StartedAt, RequestedBy: byID[p.RequestedBy], RequestedAt: p.RequestedAt,
		})
	}
	given, err := st.ListRatings(ctx, openline.RatingFilter{Submitted: true})
	if err != nil {
		return nil, err
	}
	// The calls the asker scores blind stay out of the figures too.
	given = slices.DeleteFunc(given, func(r openline.Rating) bool { return blind[r.CallID] })
	calls := map[string]*openline.Call{}
	for _, r := range given {
		if calls[r.CallID] != nil {
			continue
		}
		c, err := st.Call(ctx, r.CallID)
		if err != nil {
			return nil, err
		}
		calls[r.CallID] = c
	}
	score := func(id string) (progress.Score, bool) { return progress.Computed(calls[id]) }
	out.Groups = []groupAgreement{{Agreement: progress.Agree(given, score)}}
	groups, err := st.Groups(ctx)
	if err != nil {
		return nil, err
	}
	for _, g := range groups {
		members := map[int64]bool{}
		for _, id := range g.Members {
			members[id] = true
		}
		var of []openline.Rating
		for _, r := range given {
			if members[calls[r.CallID].UserID] {
				of = append(of, r)
			}
		}
		out.Groups = append(out.Groups, groupAgreement{Group: g.Name, Agreement: progress.Agree(of, score)})
	}
	return out, nil
}

// handleCalibration answers the calls the asker is to score blind and the
// agreement between trainers and with the scorer.
func handleCalibration(st openline.Store, cat *catalog.Catalog) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		out, err := calibrationOf(r.Context(), st, cat, userFrom(r.Context()))
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

// loadCalibrationPage loads the calibration page.
func loadCalibrationPage(st openline.Store, cat *catalog.Catalog) func(r *http.Request) (any, error) {
	return func(r *http.Request) (any, error) {
		return calibrationOf(r.Context(), st, cat, userFrom(r.Context()))
	}
}

// blindPage is the page on which a trainer scores a call blind: the
// transcript, no score.
type blindPage struct {
	Call          *openline.Call
	ScenarioTitle string
	Turns         []openline.StoredTurn
	Pending       bool // false: the asker has scored it (or was never asked)
}

// loadBlindPage loads the blind scoring page of the path's call.
func loadBlindPage(st openline.Store, cat *catalog.Catalog) func(r *http.Request) (any, error) {
	return func(r *http.Request) (any, error) {
		c, err := ratedCall(r, st)
		if err != nil {
			return nil, err
		}
		blind, err := blindCalls(r.Context(), st, userFrom(r.Context()))
		if err != nil {
			return nil, err
		}
		p := &blindPage{Call: c, ScenarioTitle: cat.Title(r.Context(), c.ScenarioID, c.ScenarioVersion), Pending: blind[c.ID]}
		if p.Pending {
			if p.Turns, err = st.Turns(r.Context(), c.ID); err != nil {
				return nil, err
			}
		}
		return p, nil
	}
}

// blindFirst sends a trainer who is to score the path's call blind from
// its scorecard page to the blind scoring page.
func blindFirst(st openline.RatingStore, page http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		blind, err := blindCalls(r.Context(), st, userFrom(r.Context()))
		if err == nil && blind[r.PathValue("id")] {
			http.Redirect(w, r, "/calls/"+r.PathValue("id")+"/blind", http.StatusSeeOther)
			return
		}
		page.ServeHTTP(w, r)
	})
}
