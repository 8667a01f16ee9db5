// Package sqlite is the embedded store: openline.Store on one SQLite file,
// through the pure-Go driver modernc.org/sqlite. It is the only package that
// imports that driver, and it translates the driver's errors at its edge
// (sql.ErrNoRows becomes openline.ErrNotFound, a unique-constraint violation
// openline.ErrConflict).
//
// The database is dir/openline.db in WAL mode with foreign keys on, a busy
// timeout and synchronous=NORMAL. Writes go through one connection, the
// hot ones as statements prepared once (stmts.go), and turns appended and
// calls ended at the same time share a transaction (turns.go); reads go
// through a small
// pool of read-only connections. Several processes may open
// the same directory at once (the server and `openline user add`): SQLite's
// file locks and the busy timeout serialise their writes.
//
// Durability: a write has reached the WAL file when its method returns, so it
// survives a crash of the process. With synchronous=NORMAL the WAL is synced
// only at checkpoints, which run every second (checkpoint.go): the
// transactions of about the last second before a power loss or an
// operating-system crash may be lost; the database stays consistent.
//
// Times are stored as UTC milliseconds since the Unix epoch; what is read
// back is in UTC and truncated to the millisecond.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"time"

	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/store/schema"
)

// FileName is the database file inside the data directory.
const FileName = "openline.db"

const (
	// busyTimeout is how long a connection waits for another connection or
	// process holding the write lock before it fails with SQLITE_BUSY.
	busyTimeout = 10 * time.Second
	// readConns is the size of the read pool.
	readConns = 4
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// ErrSchemaTooNew is returned by Open for a database written by a newer
// openline, whose schema this binary does not know.
var ErrSchemaTooNew = schema.ErrTooNew

// Store is openline.Store on SQLite. It is safe for concurrent use.
type Store struct {
	w  *sql.DB    // the one writer connection; transactions BEGIN IMMEDIATE
	r  *sql.DB    // read-only pool
	ws writeStmts // the hot writes, prepared once on w
	tw turnWriter // stores the turns of AppendTurn in batches
	cp checkpointer
}

var _ openline.Store = (*Store)(nil)

// Open opens (creating when missing) the database in dir, which is created
// with mode 0700 when missing, and migrates it to the newest schema. It
// refuses, with ErrSchemaTooNew, a database whose schema is newer than the
// binary's.
func Open(ctx context.Context, dir string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("open store: no data directory")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	path := filepath.Join(dir, FileName)
	// Create the file ourselves so that it, and the -wal and -shm files
	// SQLite derives their modes from, are private to the user.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	f.Close()

	ms := strconv.FormatInt(busyTimeout.Milliseconds(), 10)
	base := (&url.URL{Scheme: "file", OmitHost: true, Path: path}).String()
	w, err := sql.Open("sqlite", base+"?_txlock=immediate"+
		"&_pragma=busy_timeout("+ms+")"+
		"&_pragma=journal_mode(WAL)"+
		"&_pragma=synchronous(NORMAL)"+
		"&_pragma=wal_autocheckpoint(0)"+ // the checkpointer's (checkpoint.go)
		"&_pragma=foreign_keys(1)")
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	s := &Store{w: w}
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if err := s.migrate(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if err := s.ws.prepare(ctx, w); err != nil {
		w.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", base+"?_pragma=busy_timeout("+ms+")"+
		"&_pragma=foreign_keys(1)"+
		"&_pragma=query_only(1)")
	if err != nil {
		s.ws.close()
		w.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	r.SetMaxOpenConns(readConns)
	r.SetMaxIdleConns(readConns)
	if err := r.PingContext(ctx); err != nil {
		s.ws.close()
		w.Close()
		r.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s.r = r
	cp, err := sql.Open("sqlite", base+"?_pragma=busy_timeout("+ms+")&_pragma=synchronous(NORMAL)")
	if err != nil {
		s.ws.close()
		w.Close()
		r.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	cp.SetMaxOpenConns(1)
	s.cp.start(cp)
	s.tw.start(s)
	return s, nil
}

// Close closes the database, after the turns being stored are stored.
// Methods called after Close fail.
func (s *Store) Close() error {
	s.tw.stop()
	return errors.Join(s.ws.close(), s.cp.stop(), s.r.Close(), s.w.Close())
}

// embedded are the migrations built into the binary.
func embedded() ([]schema.Migration, error) { return schema.Embedded(migrationFS, "migrations") }

// LatestSchema is the schema version this binary migrates to.
func LatestSchema() int {
	ms, err := embedded()
	if err != nil {
		return 0
	}
	return len(ms)
}

// migrate applies the pending migrations in order, each in its own
// transaction together with its schema_version row. Another process
// migrating at the same time waits for the write lock and then finds the
// work done.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := embedded()
	if err != nil {
		return err
	}
	return s.migrateTo(ctx, ms)
}

// migrateTo applies the migrations of ms not applied yet.
func (s *Store) migrateTo(ctx context.Context, ms []schema.Migration) error {
	for {
		done, err := s.migrateOne(ctx, ms)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next pending migration; done reports that there
// was none.
func (s *Store) migrateOne(ctx context.Context, ms []schema.Migration) (done bool, err error) {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version    INTEGER PRIMARY KEY,
		applied_at INTEGER NOT NULL
	)`); err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	current, err := schemaVersion(ctx, tx)
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	if current > len(ms) {
		return false, schema.TooNew(current, len(ms))
	}
	if current == len(ms) {
		return true, tx.Commit()
	}
	m := ms[current]
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return false, fmt.Errorf("migrate %s: %w", m.Name, err)
	}
	// applied_at is the database's clock: it only records when.
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version, applied_at) VALUES (?, CAST(strftime('%s', 'now') AS INTEGER) * 1000)`,
		m.Version); err != nil {
		return false, fmt.Errorf("migrate %s: %w", m.Name, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate %s: %w", m.Name, err)
	}
	return false, nil
}

// schemaVersion is the newest applied migration, 0 for a new database.
func schemaVersion(ctx context.Context, q querier) (int, error) {
	var v int
	err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v)
	return v, err
}

// SchemaVersion is the schema version of the open database.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	v, err := schemaVersion(ctx, s.r)
	if err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	return v, nil
}

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// scanner is what *sql.Row and *sql.Rows have in common.
type scanner interface{ Scan(dest ...any) error }

// queryAll runs the query q and returns every row, read by scan; an empty
// slice, not nil, when there is none. Errors are wrapped with what.
func queryAll[T any](ctx context.Context, db querier, what string, scan func(scanner) (*T, error), q string, args ...any) ([]T, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, *v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// translate turns a driver error into a domain error at the edge:
// sql.ErrNoRows becomes openline.ErrNotFound and a unique or primary-key
// violation openline.ErrConflict, each wrapped with what, which says what
// was looked for or written. Other errors are wrapped as they are.
func translate(err error, what string) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: %w", what, openline.ErrNotFound)
	}
	if isUniqueViolation(err) {
		return fmt.Errorf("%s: %w", what, openline.ErrConflict)
	}
	return fmt.Errorf("%s: %w", what, err)
}

func isUniqueViolation(err error) bool {
	var se *msqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	c := se.Code()
	return c == sqlite3.SQLITE_CONSTRAINT_UNIQUE || c == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}

// millis is t as stored: UTC milliseconds since the Unix epoch.
func millis(t time.Time) int64 { return t.UnixMilli() }

// fromMillis is a stored time, in UTC.
func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// errNoTime is returned for a write without its time: the store never
// reads the clock, every time it keeps comes from the caller.
var errNoTime = errors.New("no time given (the caller's clock sets every stored time)")
