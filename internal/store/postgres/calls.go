package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/openline/openline/internal/openline"
)

// CreateCall stores a new call. c.ID (a UUID chosen by the caller) must be
// new (ErrConflict otherwise) and c.UserID must exist (ErrNotFound
// otherwise); c.StartedAt must be set. A call is created open: its EndedAt,
// Outcome, NextStep and scores are set by EndCall only.
func (s *Store) CreateCall(ctx context.Context, c *openline.Call) error {
	if c.ID == "" {
		return errors.New("create call: empty id")
	}
	if c.StartedAt.IsZero() {
		return fmt.Errorf("create call %s: %w", c.ID, errNoTime)
	}
	if err := createCall(ctx, s.pool, c); err != nil {
		return err
	}
	c.StartedAt = ts(c.StartedAt)
	return nil
}

// createCall inserts c.
func createCall(ctx context.Context, q querier, c *openline.Call) error {
	_, err := q.Exec(ctx,
		`INSERT INTO calls (id, user_id, scenario_id, scenario_version, engine, language, seed, started_at)
		 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		c.ID, c.UserID, c.ScenarioID, c.ScenarioVersion, string(c.Engine), string(c.Language), c.Seed, ts(c.StartedAt))
	if pgCode(err) == codeForeignKeyViolation {
		return fmt.Errorf("create call %s: user %d: %w", c.ID, c.UserID, openline.ErrNotFound)
	}
	return translate(err, "create call "+c.ID)
}

// appendTurnSQL inserts the next turn of an open call: no row for an
// unknown or ended call or an index other than the number of turns
// stored. Two appends of the same index at once both pass the check; the
// primary key then refuses the second (ErrConflict).
const appendTurnSQL = `INSERT INTO turns (call_id, idx, speaker, text, start_ms, end_ms, state, at, llm)
	SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9 FROM calls
	WHERE id = $1 AND ended_at IS NULL
	  AND $2 = (SELECT COALESCE(MAX(idx) + 1, 0) FROM turns WHERE call_id = $1)`

// AppendTurn stores the next turn of an open call, committed before it
// returns. t.Index must be the number of turns stored so far: another
// index is ErrConflict, as is a turn of an ended call; an unknown call is
// ErrNotFound. t.At must be set.
func (s *Store) AppendTurn(ctx context.Context, t openline.StoredTurn) error {
	e, err := encodeTurn(t)
	if err != nil {
		return err
	}
	return insertTurn(ctx, s.pool, e)
}

// encodedTurn is a turn with its JSON columns encoded.
type encodedTurn struct {
	what       string // the turn, for errors
	t          openline.StoredTurn
	state, llm []byte // nil when absent
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

// insertTurn runs appendTurnSQL for e on q and says why no row was
// inserted when none was.
func insertTurn(ctx context.Context, q querier, e encodedTurn) error {
	t := e.t
	tag, err := q.Exec(ctx, appendTurnSQL,
		t.CallID, t.Index, string(t.Speaker), t.Text, t.StartMS, t.EndMS, jsonArg(e.state), ts(t.At), jsonArg(e.llm))
	if err != nil {
		return translate(err, e.what)
	}
	if err := changedOne(tag); err != nil {
		return fmt.Errorf("%s: %w", e.what, whyNoTurn(ctx, q, t.CallID, t.Index, err))
	}
	return nil
}

// jsonArg is b as a jsonb argument: SQL NULL when b is nil.
func jsonArg(b []byte) any {
	if b == nil {
		return nil
	}
	return string(b)
}

// whyNoTurn says why appendTurnSQL stored no turn of call id at index: the
// call is unknown (ErrNotFound) or has ended (ErrConflict), or index is
// not the next one (ErrConflict). Otherwise it returns err.
func whyNoTurn(ctx context.Context, q querier, id string, index int, err error) error {
	if err := callOpen(ctx, q, id); err != nil {
		return err
	}
	var next int
	if err := q.QueryRow(ctx, `SELECT COALESCE(MAX(idx) + 1, 0) FROM turns WHERE call_id = $1`, id).Scan(&next); err != nil {
		return err
	}
	if index != next {
		return fmt.Errorf("the next turn is %d: %w", next, openline.ErrConflict)
	}
	return err
}

// changedOne is nil when the command changed exactly one row.
func changedOne(tag pgconn.CommandTag) error {
	if n := tag.RowsAffected(); n != 1 {
		return fmt.Errorf("%d rows changed, want 1", n)
	}
	return nil
}

// callOpen is nil when the call exists and has not ended; ErrNotFound or
// ErrConflict otherwise.
func callOpen(ctx context.Context, q querier, id string) error {
	var ended *time.Time
	if err := q.QueryRow(ctx, `SELECT ended_at FROM calls WHERE id = $1`, id).Scan(&ended); err != nil {
		return translate(err, "call "+id)
	}
	if ended != nil {
		return fmt.Errorf("call %s has ended: %w", id, openline.ErrConflict)
	}
	return nil
}

// EndCall ends an open call at e.At with its outcome (which must not be
// OutcomeNone), who ended it and, when e.Card is not nil, its scorecard,
// whose scores are copied onto the call. An unknown call is ErrNotFound,
// an ended one ErrConflict.
func (s *Store) EndCall(ctx context.Context, id string, e openline.CallEnd) error {
	what := "end call " + id
	if err := e.Check(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	card := e.Card
	var (
		cardJSON            []byte
		openness, curiosity *int
	)
	if card != nil {
		var err error
		if cardJSON, err = json.Marshal(card); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		openness, curiosity = &card.Openness, &card.Curiosity
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback(ctx)
	if err := endCall(ctx, tx, id, e, openness, curiosity); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if card != nil {
		if _, err := tx.Exec(ctx, `INSERT INTO scorecards (call_id, card) VALUES ($1, $2)`, id, string(cardJSON)); err != nil {
			return translate(err, what)
		}
	}
	if _, err := tx.Exec(ctx, `DELETE FROM call_leases WHERE call_id = $1`, id); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// endCall sets the end of an open call; ErrNotFound or ErrConflict for an
// unknown or ended one.
func endCall(ctx context.Context, tx pgx.Tx, id string, e openline.CallEnd, openness, curiosity *int) error {
	tag, err := tx.Exec(ctx,
		`UPDATE calls SET ended_at = $1, outcome = $2, next_step = $3, openness = $4, curiosity = $5, ended_by = $6
		 WHERE id = $7 AND ended_at IS NULL`,
		ts(e.At), string(e.Outcome), e.NextStep, openness, curiosity, string(e.By), id)
	if err != nil {
		return err
	}
	if err := changedOne(tag); err != nil {
		// The statement changes nothing for an unknown or ended call.
		if cerr := callOpen(ctx, tx, id); cerr != nil {
			return cerr
		}
		return err
	}
	return nil
}

const callColumns = `c.id, c.user_id, u.name, c.scenario_id, c.scenario_version, c.engine, c.language, c.seed,
	c.started_at, c.ended_at, c.outcome, c.next_step, c.openness, c.curiosity,
	c.openness_adjusted, c.curiosity_adjusted, c.ended_by`

func scanCall(row pgx.Row) (*openline.Call, error) {
	var (
		c                   openline.Call
		engine, lang, out   string
		started             time.Time
		ended               *time.Time
		openness, curiosity *int32
		adjO, adjC          *int32
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
	c.StartedAt = fromTS(started)
	if ended != nil {
		t := fromTS(*ended)
		c.EndedAt = &t
	}
	if openness != nil {
		v := int(*openness)
		c.Openness = &v
	}
	if curiosity != nil {
		v := int(*curiosity)
		c.Curiosity = &v
	}
	return &c, nil
}

// Call returns a call with UserName filled, or ErrNotFound.
func (s *Store) Call(ctx context.Context, id string) (*openline.Call, error) {
	c, err := scanCall(s.pool.QueryRow(ctx,
		`SELECT `+callColumns+` FROM calls c JOIN users u ON u.id = c.user_id WHERE c.id = $1`, id))
	if err != nil {
		return nil, translate(err, "call "+id)
	}
	return c, nil
}

// Turns returns the turns of a call in order; ErrNotFound for an unknown
// call, an empty slice for a call without turns.
func (s *Store) Turns(ctx context.Context, callID string) ([]openline.StoredTurn, error) {
	what := "turns of call " + callID
	// One repeatable-read transaction, so the call and its turns are one
	// snapshot.
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback(ctx)
	var one int
	if err := tx.QueryRow(ctx, `SELECT 1 FROM calls WHERE id = $1`, callID).Scan(&one); err != nil {
		return nil, translate(err, what)
	}
	turns, err := queryAll(ctx, tx, what, func(row pgx.Row) (*openline.StoredTurn, error) {
		var (
			t       openline.StoredTurn
			speaker string
			state   []byte
			llm     []byte
			at      time.Time
		)
		if err := row.Scan(&t.Index, &speaker, &t.Text, &t.StartMS, &t.EndMS, &state, &at, &llm); err != nil {
			return nil, err
		}
		t.CallID = callID
		t.Speaker = openline.Speaker(speaker)
		if state != nil {
			t.State = new(openline.ProspectState)
			if err := json.Unmarshal(state, t.State); err != nil {
				return nil, fmt.Errorf("turn %d: state: %w", t.Index, err)
			}
		}
		if llm != nil {
			t.LLM = new(openline.LLMTurn)
			if err := json.Unmarshal(llm, t.LLM); err != nil {
				return nil, fmt.Errorf("turn %d: llm: %w", t.Index, err)
			}
		}
		t.At = fromTS(at)
		return &t, nil
	}, `SELECT idx, speaker, text, start_ms, end_ms, state, at, llm FROM turns WHERE call_id = $1 ORDER BY idx`, callID)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return turns, nil
}

// Scorecard returns the scorecard of an ended call; ErrNotFound for an
// unknown call or one without a scorecard.
func (s *Store) Scorecard(ctx context.Context, callID string) (*openline.Scorecard, error) {
	var card []byte
	if err := s.pool.QueryRow(ctx, `SELECT card FROM scorecards WHERE call_id = $1`, callID).Scan(&card); err != nil {
		return nil, translate(err, "scorecard of call "+callID)
	}
	var sc openline.Scorecard
	if err := json.Unmarshal(card, &sc); err != nil {
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
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	if f.UserID != 0 {
		where = append(where, "c.user_id = "+arg(f.UserID))
	}
	if f.UserName != "" {
		where = append(where, "u.name = "+arg(f.UserName))
	}
	if f.ScenarioID != "" {
		where = append(where, "c.scenario_id = "+arg(f.ScenarioID))
	}
	if f.GroupID != 0 {
		where = append(where, "c.user_id IN (SELECT user_id FROM group_members WHERE group_id = "+arg(f.GroupID)+")")
	}
	q := `SELECT ` + callColumns + ` FROM calls c JOIN users u ON u.id = c.user_id`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY c.started_at DESC, c.id DESC LIMIT " + arg(openline.ListLimit(f.Limit))
	return queryAll(ctx, s.pool, "list calls", scanCall, q, args...)
}

// OpenCalls returns every call that has not ended, oldest first.
func (s *Store) OpenCalls(ctx context.Context) ([]openline.Call, error) {
	return queryAll(ctx, s.pool, "open calls", scanCall,
		`SELECT `+callColumns+` FROM calls c JOIN users u ON u.id = c.user_id
		 WHERE c.ended_at IS NULL ORDER BY c.started_at, c.id`)
}
