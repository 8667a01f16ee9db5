package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/openline/openline/internal/catalog"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/score"
)

// personaJSON is what the trainee may know of a persona before the call.
type personaJSON struct {
	Name    string `json:"name"`
	Role    string `json:"role"`
	Company string `json:"company"`
}

// scenarioJSON is a scenario as the picker and the call frame show it:
// never the hidden needs, the dialogue or the LLM notes.
type scenarioJSON struct {
	ID         string                `json:"id"`
	Language   openline.Language     `json:"language"`
	Title      string                `json:"title"`
	Difficulty openline.Difficulty   `json:"difficulty"`
	Direction  openline.Direction    `json:"direction"`
	Brief      string                `json:"brief"`
	Engines    []openline.EngineName `json:"engines,omitempty"`
	Persona    personaJSON           `json:"persona"`
}

func toScenarioJSON(sc *openline.Scenario, engines []openline.EngineName) scenarioJSON {
	return scenarioJSON{
		ID: sc.ID, Language: sc.Language, Title: sc.Title, Difficulty: sc.Difficulty,
		Direction: sc.Direction, Brief: sc.Brief, Engines: engines,
		Persona: personaJSON{Name: sc.Persona.Name, Role: sc.Persona.Role, Company: sc.Persona.Company},
	}
}

type scenariosBody struct {
	Scenarios []scenarioJSON `json:"scenarios"`
}

// handleScenarios lists the scenarios that can be called, at their
// current versions.
func handleScenarios(cat *catalog.Catalog, engines []openline.EngineName) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		list := cat.List()
		out := scenariosBody{Scenarios: make([]scenarioJSON, 0, len(list))}
		for _, sc := range list {
			out.Scenarios = append(out.Scenarios, toScenarioJSON(sc, engines))
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

// callJSON is a call in a listing.
type callJSON struct {
	ID            string              `json:"id"`
	Trainee       string              `json:"trainee"`
	Scenario      string              `json:"scenario"`
	Version       string              `json:"scenario_version"` // the version the call was made and scored on
	ScenarioTitle string              `json:"scenario_title"`
	Engine        openline.EngineName `json:"engine"`
	Language      openline.Language   `json:"language"`
	StartedAt     time.Time           `json:"started_at"`
	EndedAt       *time.Time          `json:"ended_at"`  // null while the call goes on
	Outcome       openline.Outcome    `json:"outcome"`   // "" while the call goes on
	NextStep      string              `json:"next_step"` // kind, with outcome next_step
	// Openness and Curiosity are the scores that count: a trainer's
	// adjustment where there is one (openline.Call.Effective), else the
	// computed score; null until scored. The computed ones stay beside.
	Openness          *int             `json:"openness"`
	Curiosity         *int             `json:"curiosity"`
	OpennessComputed  *int             `json:"openness_computed"`
	CuriosityComputed *int             `json:"curiosity_computed"`
	EndedBy           openline.Speaker `json:"ended_by"`    // trainee | prospect | "" (open, interrupted, or not recorded)
	DurationMS        *int64           `json:"duration_ms"` // null while the call goes on
}

func toCallJSON(ctx context.Context, c *openline.Call, cat *catalog.Catalog) callJSON {
	j := callJSON{
		ID: c.ID, Trainee: c.UserName, Scenario: c.ScenarioID, Version: c.ScenarioVersion,
		Engine: c.Engine, Language: c.Language, StartedAt: c.StartedAt.UTC(),
		Outcome: c.Outcome, NextStep: c.NextStep,
		Openness: c.Effective(openline.DimensionOpenness), Curiosity: c.Effective(openline.DimensionCuriosity),
		OpennessComputed: c.Openness, CuriosityComputed: c.Curiosity, EndedBy: c.EndedBy,
	}
	j.ScenarioTitle = cat.Title(ctx, c.ScenarioID, c.ScenarioVersion)
	if c.EndedAt != nil {
		t := c.EndedAt.UTC()
		j.EndedAt = &t
		d := t.Sub(c.StartedAt).Milliseconds()
		j.DurationMS = &d
	}
	return j
}

type callsBody struct {
	Calls []callJSON `json:"calls"`
}

// maxListedCalls caps a listing.
const maxListedCalls = 500

// handleCallsList lists calls, newest first: a trainee's own, or for a
// trainer everyone's; filters trainee (name), scenario (id) and group
// (id: the calls of its members).
func handleCallsList(st openline.Store, cat *catalog.Catalog) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		u := userFrom(r.Context())
		q := r.URL.Query()
		f := openline.CallFilter{UserName: q.Get("trainee"), ScenarioID: q.Get("scenario"), Limit: maxListedCalls}
		if g := q.Get("group"); g != "" {
			id, err := strconv.ParseInt(g, 10, 64)
			if err != nil || id <= 0 {
				return errBadRequest.WithMessage("group is a group's id")
			}
			f.GroupID = id
		}
		f = callScope(u, f)
		calls, err := st.ListCalls(r.Context(), f)
		if err != nil {
			return err
		}
		if err := hideBlind(r.Context(), st, u, calls); err != nil {
			return err
		}
		out := callsBody{Calls: make([]callJSON, 0, len(calls))}
		for i := range calls {
			out.Calls = append(out.Calls, toCallJSON(r.Context(), &calls[i], cat))
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

// visibleCall loads the call of the request's path ({id}) and its turns
// if the user may see it: their own, or any for a trainer. Another
// trainee's call is "not found", like a missing one, so that its existence
// is not told.
func visibleCall(r *http.Request, st openline.CallStore) (*openline.Call, []openline.StoredTurn, error) {
	u := userFrom(r.Context())
	c, err := st.Call(r.Context(), r.PathValue("id"))
	if err != nil {
		if errors.Is(err, openline.ErrNotFound) {
			return nil, nil, errNotFound
		}
		return nil, nil, err
	}
	if !canSeeCall(u, c) {
		return nil, nil, errNotFound
	}
	turns, err := st.Turns(r.Context(), c.ID)
	if err != nil {
		return nil, nil, err
	}
	return c, turns, nil
}

// transcriptOf builds the transcript file of a stored call, and the
// prospect's state after each turn (nil after trainee turns).
func transcriptOf(c *openline.Call, turns []openline.StoredTurn) (openline.Transcript, []*openline.ProspectState) {
	tr := openline.Transcript{Language: c.Language, Scenario: c.ScenarioID, Turns: make([]openline.Turn, 0, len(turns))}
	states := make([]*openline.ProspectState, 0, len(turns))
	for _, t := range turns {
		tr.Turns = append(tr.Turns, t.Turn)
		states = append(states, t.State)
	}
	return tr, states
}

type callBody struct {
	Call       callJSON                  `json:"call"`
	Transcript openline.Transcript       `json:"transcript"`
	States     []*openline.ProspectState `json:"states"`
	Scorecard  *openline.Scorecard       `json:"scorecard"`
	LLM        *llmJSON                  `json:"llm,omitempty"` // trainers, LLM calls only
	// Comments and Adjustments are what trainers added (review.go); the
	// trainee sees both on their call.
	Comments    []commentJSON    `json:"comments"`
	Adjustments []adjustmentJSON `json:"adjustments"`
}

// llmJSON is what a call's language model cost and how fast it was: the
// sums and the median time to first words, and every prospect turn's
// record (docs/api.md).
type llmJSON struct {
	Model            string        `json:"model"`
	TokensIn         int           `json:"tokens_in"`
	TokensOut        int           `json:"tokens_out"`
	Estimated        bool          `json:"estimated"` // some usage was estimated
	FirstTokenMedian int64         `json:"first_token_ms_median"`
	Requests         int           `json:"requests"`
	Faults           int           `json:"faults"`
	Guarded          int           `json:"guarded"`
	ScriptedFromTurn *int          `json:"scripted_from_turn"` // the turn the call fell back at, or null
	Turns            []llmTurnJSON `json:"turns"`
}

type llmTurnJSON struct {
	Turn int `json:"turn"`
	openline.LLMTurn
}

// llmOf sums the LLM records of a call's turns; nil when it has none.
func llmOf(turns []openline.StoredTurn) *llmJSON {
	var out *llmJSON
	var firsts []int64
	for _, t := range turns {
		if t.LLM == nil {
			continue
		}
		if out == nil {
			out = &llmJSON{Model: t.LLM.Model, Turns: []llmTurnJSON{}}
		}
		l := t.LLM
		out.Turns = append(out.Turns, llmTurnJSON{Turn: t.Index, LLMTurn: *l})
		out.TokensIn += l.TokensIn
		out.TokensOut += l.TokensOut
		out.Estimated = out.Estimated || l.Estimated
		out.Requests += l.Requests
		if l.Fault != "" {
			out.Faults++
		}
		if l.Guard != "" {
			out.Guarded++
		}
		if l.Scripted && out.ScriptedFromTurn == nil {
			i := t.Index
			out.ScriptedFromTurn = &i
		}
		if l.FirstTokenMS > 0 && !l.Scripted {
			firsts = append(firsts, l.FirstTokenMS)
		}
	}
	if out != nil && len(firsts) > 0 {
		slices.Sort(firsts)
		out.FirstTokenMedian = firsts[len(firsts)/2]
	}
	return out
}

// handleCallGet answers one call with its transcript, the prospect's state
// per turn and the scorecard (null while the call goes on).
func handleCallGet(st openline.Store, cat *catalog.Catalog) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		c, turns, err := visibleCall(r, st)
		if err != nil {
			return err
		}
		card, err := st.Scorecard(r.Context(), c.ID)
		if err != nil && !errors.Is(err, openline.ErrNotFound) {
			return err
		}
		// ?explain=de|en gives the reasons and tips in the reader's
		// interface language; quotes and better lines stay the call's.
		if l := openline.Language(r.URL.Query().Get("explain")); l != "" {
			if !l.Valid() {
				return openline.Error{Kind: openline.KindInvalid, Code: "bad_request", Message: "explain is de or en"}
			}
			card = score.Explain(card, l)
		}
		blind, err := blindCalls(r.Context(), st, userFrom(r.Context()))
		if err != nil {
			return err
		}
		if blind[c.ID] { // scored blind: docs/progress.md "Calibration"
			one := []openline.Call{*c}
			hideScores(one, blind)
			c, card = &one[0], nil
		}
		tr, states := transcriptOf(c, turns)
		body := callBody{Call: toCallJSON(r.Context(), c, cat), Transcript: tr, States: states, Scorecard: card}
		if body.Comments, body.Adjustments, err = reviewOf(r, st, c.ID); err != nil {
			return err
		}
		if blind[c.ID] {
			body.Adjustments = body.Adjustments[:0]
		}
		if userFrom(r.Context()).Role == openline.RoleTrainer {
			body.LLM = llmOf(turns)
		}
		writeJSON(w, http.StatusOK, body)
		return nil
	}
}

// handleTranscript answers a call's transcript in the transcript file
// format, as a download.
func handleTranscript(st openline.CallStore) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		c, turns, err := visibleCall(r, st)
		if err != nil {
			return err
		}
		tr, _ := transcriptOf(c, turns)
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="openline-%s.json"`, c.ID))
		writeJSON(w, http.StatusOK, tr)
		return nil
	}
}
