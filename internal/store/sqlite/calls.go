package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/openline/openline/internal/openline"
)

// CreateCall stores a new call. c.ID (a UUID chosen by the caller) must be
// new (ErrConflict otherwise) and c.UserID must exist (ErrNotFound
// otherwise); c.StartedAt must be set. A call is created open: its
// EndedAt, Outcome, NextStep and scores are set by EndCall only.
func (s *Store) CreateCall(ctx context.Context, c *openline.Call) error {
	if c.ID == "" {
		return errors.New("create call: empty id")
	}
	if c.StartedAt.IsZero() {
		return fmt.Errorf("create call %s: %w", c.ID, errNoTime)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("create call %s: %w", c.ID, err)
	}
	defer tx.Rollback()
	started := fromMillis(millis(c.StartedAt))
	res, err := tx.StmtContext(ctx, s.ws.createCall).ExecContext(ctx,
		c.ID, c.UserID, c.ScenarioID, c.ScenarioVersion, string(c.Engine), string(c.Language), c.Seed, millis(started))
	if err != nil {
		return translate(err, "create call "+c.ID)
	}
	if err := changedOne(res); err != nil {
		// The statement inserts nothing for an unknown user.
		if uerr := userExists(ctx, tx, c.UserID); uerr != nil {
			err = uerr
		}
		return fmt.Errorf("create call %s: %w", c.ID, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("create call %s: %w", c.ID, err)
	}
	c.StartedAt = started
	return nil
}

// AppendTurn stores the next turn of an open call, durably (see the package
// comment) before it returns; turns appended at the same time may share a
// transaction (see turns.go). t.Index must be the number of turns stored so
// far: another index is ErrConflict, as is a turn of an ended call; an
// unknown call is ErrNotFound. t.At must be set.
func (s *Store) AppendTurn(ctx context.Context, t openline.StoredTurn) error {
	e, err := encodeTurn(t)
	if err != nil {
		return err
	}
	return s.appendTurn(ctx, &turnReq{what: e.what, turns: []encodedTurn{e}})
}

// encodeTurn checks t and encodes its JSON columns.
func encodeTurn(t openline.StoredTurn) (encodedTurn, error) {
	e := encodedTurn{what: fmt.Sprintf("append turn %d of call %s", t.Index, t.CallID), t: t}
	if !t.Speaker.Valid() {
		return e, fmt.Errorf("%s: unknown speaker %q", e.what, t.Speaker)
	}
	if t.At.IsZero() {
		return e, fmt.Errorf("%s: %w", e.what, errNoTime)
	}
	var err error
	if t.State != nil {
		if e.state, err = json.Marshal(t.State); err != nil {
			return e, fmt.Errorf("%s: %w", e.what, err)
		}
	}
	if t.LLM != nil {
		if e.llm, err = json.Marshal(t.LLM); err != nil {
			return e, fmt.Errorf("%s: %w", e.what, err)
		}
	}
	return e, nil
}

// whyNoTurn says why appendTurnSQL stored no turn of call id at index: the
// call is unknown (ErrNotFound) or has ended (ErrConflict), or index is
// not the next one (ErrConflict). Otherwise it returns err.
func whyNoTurn(ctx context.Context, q querier, id string, index int, err error) error {
	if err := callOpen(ctx, q, id); err != nil {
		return err
	}
	var next int
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(idx) + 1, 0) FROM turns WHERE call_id = ?`, id).Scan(&next); err != nil {
		return err
	}
	if index != next {
		return fmt.Errorf("the next turn is %d: %w", next, openline.ErrConflict)
	}
	return err
}

// changedOne is nil when res changed exactly one row.
func changedOne(res sql.Result) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n != 1 {
		return fmt.Errorf("%d rows changed, want 1", n)
	}
	return nil
}

// callOpen is nil when the call exists and has not ended; ErrNotFound or
// ErrConflict otherwise.
func callOpen(ctx context.Context, q querier, id string) error {
	var ended sql.NullInt64
	if err := q.QueryRowContext(ctx, `SELECT ended_at FROM calls WHERE id = ?`, id).Scan(&ended); err != nil {
		return translate(err, "call "+id)
	}
	if ended.Valid {
		return fmt.Errorf("call %s has ended: %w", id, openline.ErrConflict)
	}
	return nil
}

// nullBytes is b, or SQL NULL when b is nil.
func nullBytes(b []byte) any {
	if b == nil {
		return nil
	}
	return string(b)
}

// EndCall ends an open call at e.At with its outcome (which must not be
// OutcomeNone), who ended it and, when e.Card is not nil, its scorecard,
// whose scores are copied onto the call; the call's lease is released.
// All of it is one transaction, which the turn writer commits together
// with the turns and ends of other calls that arrive meanwhile (group
// commit, turns.go): EndCall returns once it has committed. An unknown
// call is ErrNotFound, an ended one ErrConflict.
func (s *Store) EndCall(ctx context.Context, id string, e openline.CallEnd) error {
	r := &turnReq{what: "end call " + id, end: &endReq{id: id, e: e}}
	if err := e.Check(); err != nil {
		return fmt.Errorf("%s: %w", r.what, err)
	}
	if e.Card != nil {
		card, err := json.Marshal(e.Card)
		if err != nil {
			return fmt.Errorf("%s: %w", r.what, err)
		}
		r.end.card = string(card)
	}
	return s.appendTurn(ctx, r)
}

// endReq is the end of a call, for the turn writer.
type endReq struct {
	id   string
	e    openline.CallEnd
	card string // e.Card as JSON
}

// storeEnd stores the end of r's call within tx: a call unknown or
// ended already leaves it out with its error in r.err; any other error
// is returned.
func (s *Store) storeEnd(ctx context.Context, tx *sql.Tx, r *turnReq) error {
	e := r.end.e
	var openness, curiosity any
	if e.Card != nil {
		openness, curiosity = e.Card.Openness, e.Card.Curiosity
	}
	res, err := tx.StmtContext(ctx, s.ws.endCall).ExecContext(ctx,
		millis(e.At), string(e.Outcome), e.NextStep, openness, curiosity, string(e.By), r.end.id)
	if err != nil {
		return translate(err, r.what)
	}
	if err := changedOne(res); err != nil {
		// The statement changes nothing for an unknown or ended call.
		if cerr := callOpen(ctx, tx, r.end.id); cerr != nil {
			err = cerr
		}
		r.err = fmt.Errorf("%s: %w", r.what, err)
		return nil
	}
	if e.Card != nil {
		if _, err := tx.StmtContext(ctx, s.ws.insertScorecard).ExecContext(ctx, r.end.id, r.end.card); err != nil {
			return translate(err, r.what)
		}
	}
	if _, err := tx.StmtContext(ctx, s.ws.releaseLease).ExecContext(ctx, r.end.id); err != nil {
		return translate(err, r.what)
	}
	return nil
}

const callColumns = `c.id, c.user_id, u.name, c.scenario_id, c.scenario_version, c.engine, c.language, c.seed,
	c.started_at, c.ended_at, c.outcome, c.next_step, c.openness, c.curiosity,
	c.openness_adjusted, c.curiosity_adjusted, c.ended_by`

func scanCall(row scanner) (*openline.Call, error) {
	var (
		c                   openline.Call
		engine, lang, out   string
		started             int64
		ended               sql.NullInt64
		openness, curiosity sql.NullInt64
		adjO, adjC          sql.NullInt64
		endedBy             string
	)
	if err := row.Scan(&c.ID, &c.UserID, &c.UserName, &c.ScenarioID, &c.ScenarioVersion, &engine, &lang, &c.Seed,
		&started, &ended, &out, &c.NextStep, &openness, &curiosity, &adjO, &adjC, &endedBy); err != nil {
		return nil, err
	}
	c.OpennessAdjusted, c.CuriosityAdjusted = intOf(adjO), intOf(adjC)
	c.EndedBy = openline.Speaker(endedBy)
	c.Engine = openline.EngineName(engine)
	c.Language = openline.Language(lang)
	c.Outcome = openline.Outcome(out)
	c.StartedAt = fromMillis(started)
	if ended.Valid {
		t := fromMillis(ended.Int64)
		c.EndedAt = &t
	}
	if openness.Valid {
		v := int(openness.Int64)
		c.Openness = &v
	}
	if curiosity.Valid {
		v := int(curiosity.Int64)
		c.Curiosity = &v
	}
	return &c, nil
}

// Call returns a call with UserName filled, or ErrNotFound.
func (s *Store) Call(ctx context.Context, id string) (*openline.Call, error) {
	c, err := scanCall(s.r.QueryRowContext(ctx,
		`SELECT `+callColumns+` FROM calls c JOIN users u ON u.id = c.user_id WHERE c.id = ?`, id))
	if err != nil {
		return nil, translate(err, "call "+id)
	}
	return c, nil
}

// Turns returns the turns of a call in order; ErrNotFound for an unknown
// call, an empty slice for a call without turns.
func (s *Store) Turns(ctx context.Context, callID string) ([]openline.StoredTurn, error) {
	what := "turns of call " + callID
	// One read transaction, so the call and its turns are one snapshot.
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	var one int
	if err := tx.QueryRowContext(ctx, `SELECT 1 FROM calls WHERE id = ?`, callID).Scan(&one); err != nil {
		return nil, translate(err, what)
	}
	rows, err := tx.QueryContext(ctx,
		`SELECT idx, speaker, text, start_ms, end_ms, state, at, llm FROM turns WHERE call_id = ? ORDER BY idx`, callID)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	turns := []openline.StoredTurn{}
	for rows.Next() {
		var (
			t          openline.StoredTurn
			speaker    string
			start, end sql.NullInt64
			state, llm sql.NullString
			at         int64
		)
		if err := rows.Scan(&t.Index, &speaker, &t.Text, &start, &end, &state, &at, &llm); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		t.CallID = callID
		t.Speaker = openline.Speaker(speaker)
		if start.Valid {
			t.StartMS = &start.Int64
		}
		if end.Valid {
			t.EndMS = &end.Int64
		}
		if state.Valid {
			t.State = new(openline.ProspectState)
			if err := json.Unmarshal([]byte(state.String), t.State); err != nil {
				return nil, fmt.Errorf("%s: turn %d: state: %w", what, t.Index, err)
			}
		}
		if llm.Valid {
			t.LLM = new(openline.LLMTurn)
			if err := json.Unmarshal([]byte(llm.String), t.LLM); err != nil {
				return nil, fmt.Errorf("%s: turn %d: llm: %w", what, t.Index, err)
			}
		}
		t.At = fromMillis(at)
		turns = append(turns, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return turns, nil
}

// Scorecard returns the scorecard of an ended call; ErrNotFound for an
// unknown call or one without a scorecard.
func (s *Store) Scorecard(ctx context.Context, callID string) (*openline.Scorecard, error) {
	var card string
	if err := s.r.QueryRowContext(ctx, `SELECT card FROM scorecards WHERE call_id = ?`, callID).Scan(&card); err != nil {
		return nil, translate(err, "scorecard of call "+callID)
	}
	var sc openline.Scorecard
	if err := json.Unmarshal([]byte(card), &sc); err != nil {
		return nil, fmt.Errorf("scorecard of call %s: %w", callID, err)
	}
	return &sc, nil
}

// ListCalls returns the calls selected by f, newest first (by StartedAt,
// then by id descending), with UserName filled: at most f.Limit of them,
// openline.CallListDefault when f.Limit is not positive, never more than
// openline.CallListMax.
func (s *Store) ListCalls(ctx context.Context, f openline.CallFilter) ([]openline.Call, error) {
	var (
		where []string
		args  []any
	)
	if f.UserID != 0 {
		where = append(where, "c.user_id = ?")
		args = append(args, f.UserID)
	}
	if f.UserName != "" {
		where = append(where, "u.name = ?")
		args = append(args, f.UserName)
	}
	if f.ScenarioID != "" {
		where = append(where, "c.scenario_id = ?")
		args = append(args, f.ScenarioID)
	}
	if f.GroupID != 0 {
		where = append(where, "c.user_id IN (SELECT user_id FROM group_members WHERE group_id = ?)")
		args = append(args, f.GroupID)
	}
	q := `SELECT ` + callColumns + ` FROM calls c JOIN users u ON u.id = c.user_id`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY c.started_at DESC, c.id DESC LIMIT ?"
	args = append(args, openline.ListLimit(f.Limit))
	return s.queryCalls(ctx, "list calls", q, args...)
}

// OpenCalls returns every call that has not ended, oldest first.
func (s *Store) OpenCalls(ctx context.Context) ([]openline.Call, error) {
	return s.queryCalls(ctx, "open calls",
		`SELECT `+callColumns+` FROM calls c JOIN users u ON u.id = c.user_id
		 WHERE c.ended_at IS NULL ORDER BY c.started_at, c.id`)
}

func (s *Store) queryCalls(ctx context.Context, what, q string, args ...any) ([]openline.Call, error) {
	return queryAll(ctx, s.r, what, scanCall, q, args...)
}
