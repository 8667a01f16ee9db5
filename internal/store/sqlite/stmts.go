package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// The writes a live call makes (CreateCall, two AppendTurns per trainee
// turn, EndCall) are prepared once on the writer connection: parsing the
// SQL was most of what a turn cost the store. Each statement folds its
// checks into itself, so that a write in the common case is BEGIN, one
// statement, COMMIT; only when it changes no row does the method look up
// why (see the methods in calls.go).
const (
	// createCallSQL inserts a call of an existing user: no row for an
	// unknown user. ?1 id, ?2 user_id, ?3 scenario_id, ?4
	// scenario_version, ?5 engine, ?6 language, ?7 seed, ?8 started_at.
	createCallSQL = `INSERT INTO calls (id, user_id, scenario_id, scenario_version, engine, language, seed, started_at)
		SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 FROM users WHERE id = ?2`

	// appendTurnSQL inserts the next turn of an open call: no row for an
	// unknown or ended call or an index other than the number of turns
	// stored. ?1 call_id, ?2 idx, ?3 speaker, ?4 text, ?5 start_ms, ?6
	// end_ms, ?7 state, ?8 at, ?9 llm. MAX(idx) is one seek in the primary
	// key.
	appendTurnSQL = `INSERT INTO turns (call_id, idx, speaker, text, start_ms, end_ms, state, at, llm)
		SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 FROM calls
		WHERE id = ?1 AND ended_at IS NULL
		  AND ?2 = (SELECT COALESCE(MAX(idx) + 1, 0) FROM turns WHERE call_id = ?1)`

	// endCallSQL ends an open call: no row for an unknown or ended one.
	endCallSQL = `UPDATE calls SET ended_at = ?, outcome = ?, next_step = ?, openness = ?, curiosity = ?, ended_by = ?
		WHERE id = ? AND ended_at IS NULL`

	insertScorecardSQL = `INSERT INTO scorecards (call_id, card) VALUES (?, ?)`

	releaseLeaseSQL = `DELETE FROM call_leases WHERE call_id = ?`

	// The savepoint around a request of several turns (turns.go).
	savepointSQL        = `SAVEPOINT turns`
	rollbackToSQL       = `ROLLBACK TO turns`
	releaseSavepointSQL = `RELEASE turns`
)

// writeStmts are the prepared hot writes. database/sql keeps each prepared
// on the one writer connection, and Tx.StmtContext reuses it there (it
// prepares again only when that connection was replaced).
type writeStmts struct {
	createCall, appendTurn, endCall, insertScorecard, releaseLease *sql.Stmt
	savepoint, rollbackTo, releaseSavepoint                        *sql.Stmt
}

// prepare prepares the statements on w.
func (ws *writeStmts) prepare(ctx context.Context, w *sql.DB) error {
	for _, p := range []struct {
		st  **sql.Stmt
		sql string
	}{
		{&ws.createCall, createCallSQL},
		{&ws.appendTurn, appendTurnSQL},
		{&ws.endCall, endCallSQL},
		{&ws.insertScorecard, insertScorecardSQL},
		{&ws.releaseLease, releaseLeaseSQL},
		{&ws.savepoint, savepointSQL},
		{&ws.rollbackTo, rollbackToSQL},
		{&ws.releaseSavepoint, releaseSavepointSQL},
	} {
		st, err := w.PrepareContext(ctx, p.sql)
		if err != nil {
			ws.close()
			return fmt.Errorf("prepare: %w", err)
		}
		*p.st = st
	}
	return nil
}

// close closes the statements prepared; it may be called more than once
// (sql.Stmt.Close is idempotent). The fields stay set, so a method called
// after Close fails with an error rather than a nil statement.
func (ws *writeStmts) close() error {
	var errs []error
	for _, st := range []*sql.Stmt{ws.createCall, ws.appendTurn, ws.endCall, ws.insertScorecard, ws.releaseLease, ws.savepoint, ws.rollbackTo, ws.releaseSavepoint} {
		if st != nil {
			errs = append(errs, st.Close())
		}
	}
	return errors.Join(errs...)
}
