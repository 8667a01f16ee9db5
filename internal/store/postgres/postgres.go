// Package postgres is the store for several servers: openline.Store on a
// PostgreSQL database, through jackc/pgx (pgxpool). It is the only package
// that imports pgx, and it translates pgx's errors at its edge
// (pgx.ErrNoRows becomes openline.ErrNotFound, a unique violation
// openline.ErrConflict), so that the rest of openline sees what it sees
// with SQLite: both stores pass the one conformance suite in storetest.
//
// The transaction shape is SQLite's: Begin, defer Rollback, unexported
// helpers taking (ctx, tx, …), Commit. A write that is one statement runs
// as that statement alone, which PostgreSQL makes its own transaction (one
// round trip instead of three). The store never reads the clock: every
// time it keeps or compares comes from the caller.
//
// Migrations are the numbered files of migrations/, applied in order in
// one transaction each under an advisory lock, so that servers starting
// together migrate once; a database whose schema is newer than the binary
// is refused with schema.ErrTooNew.
//
// Durability: a write has been committed when its method returns; with
// PostgreSQL's default synchronous_commit=on it has reached the server's
// write-ahead log on disk and survives a crash or power loss of the
// database server (and, with synchronous replication, of its machine).
//
// Times are timestamptz, written truncated to the millisecond; what is
// read back is in UTC, as with SQLite.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/store/schema"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// defaultMaxConns is the pool size when the URL does not set
// pool_max_conns: enough for many live calls writing turns at once.
const defaultMaxConns = 16

// migrateLock is the key of the advisory lock migrations hold.
const migrateLock = 0x6f70656e6c696e65 // "openline"

// errNoTime is returned for a write without its time: the store never
// reads the clock, every time it keeps comes from the caller.
var errNoTime = errors.New("no time given (the caller's clock sets every stored time)")

// Store is openline.Store on PostgreSQL. It is safe for concurrent use.
type Store struct {
	pool *pgxpool.Pool
}

var _ openline.Store = (*Store)(nil)

// Open connects to the database at url (postgres://… or a key=value
// connection string; see pgx) and migrates it to the newest schema. It
// refuses, with schema.ErrTooNew, a database whose schema is newer than
// the binary's. Errors never show the URL's password.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// pgx's parse errors name the URL with its password masked.
		return nil, fmt.Errorf("open store: %w", err)
	}
	if !strings.Contains(url, "pool_max_conns") {
		cfg.MaxConns = defaultMaxConns
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	s := &Store{pool: pool}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open store: connect to %s: %w", where(cfg), err)
	}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open store %s: %w", where(cfg), err)
	}
	return s, nil
}

// where names the database of cfg for errors: host and database, never
// the password.
func where(cfg *pgxpool.Config) string {
	return fmt.Sprintf("postgres database %q on %s", cfg.ConnConfig.Database, cfg.ConnConfig.Host)
}

// Close closes the pool. Methods called after Close fail.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
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

// migrateOne applies the next pending migration in its own transaction,
// holding the advisory lock, so that another server migrating at the same
// time waits and then finds the work done; done reports that there was
// none.
func (s *Store) migrateOne(ctx context.Context, ms []schema.Migration) (done bool, err error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrateLock)); err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version    INTEGER     PRIMARY KEY,
		applied_at TIMESTAMPTZ NOT NULL
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
		return true, tx.Commit(ctx)
	}
	m := ms[current]
	if _, err := tx.Exec(ctx, m.SQL); err != nil {
		return false, fmt.Errorf("migrate %s: %w", m.Name, err)
	}
	// applied_at is the database's clock: it only records when.
	if _, err := tx.Exec(ctx, `INSERT INTO schema_version (version, applied_at) VALUES ($1, now())`, m.Version); err != nil {
		return false, fmt.Errorf("migrate %s: %w", m.Name, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return false, fmt.Errorf("migrate %s: %w", m.Name, err)
	}
	return false, nil
}

// schemaVersion is the newest applied migration, 0 for a new database.
func schemaVersion(ctx context.Context, q querier) (int, error) {
	var v int
	err := q.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v)
	return v, err
}

// SchemaVersion is the schema version of the database.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	v, err := schemaVersion(ctx, s.pool)
	if err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	return v, nil
}

// querier is what *pgxpool.Pool and pgx.Tx have in common.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// queryAll runs the query q and returns every row, read by scan; an empty
// slice, not nil, when there is none. Errors are wrapped with what.
func queryAll[T any](ctx context.Context, db querier, what string, scan func(pgx.Row) (*T, error), q string, args ...any) ([]T, error) {
	rows, err := db.Query(ctx, q, args...)
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

// PostgreSQL error codes translated at the edge.
const (
	codeUniqueViolation     = "23505"
	codeForeignKeyViolation = "23503"
)

// translate turns a pgx error into a domain error at the edge:
// pgx.ErrNoRows becomes openline.ErrNotFound and a unique or primary-key
// violation openline.ErrConflict, each wrapped with what, which says what
// was looked for or written. Other errors are wrapped as they are.
func translate(err error, what string) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("%s: %w", what, openline.ErrNotFound)
	}
	if pgCode(err) == codeUniqueViolation {
		return fmt.Errorf("%s: %w", what, openline.ErrConflict)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// pgCode is the SQLSTATE of a PostgreSQL error, "" for another error.
func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// ts is t as stored: truncated to the millisecond, in UTC.
func ts(t time.Time) time.Time { return t.Truncate(time.Millisecond).UTC() }

// fromTS is a stored time, in UTC.
func fromTS(t time.Time) time.Time { return t.UTC() }
