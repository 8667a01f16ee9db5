package postgres

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/store/postgres/pgtest"
	"github.com/openline/openline/internal/store/schema"
	"github.com/openline/openline/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// MustOpen opens a store on url, closed when t ends.
func MustOpen(t testing.TB, url string) *Store {
	t.Helper()
	s, err := Open(context.Background(), url)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) openline.Store {
		s, err := Open(context.Background(), pgtest.URL(t))
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		return s
	})
}

func TestMigrations(t *testing.T) {
	ms, err := embedded()
	if err != nil {
		t.Fatalf("migrations: %v", err)
	}
	if len(ms) == 0 || LatestSchema() != len(ms) {
		t.Fatalf("%d migrations, LatestSchema %d", len(ms), LatestSchema())
	}
	ctx := context.Background()
	url := pgtest.URL(t)
	s := MustOpen(t, url)
	if v, err := s.SchemaVersion(ctx); err != nil || v != len(ms) {
		t.Fatalf("a fresh database has schema %d, %v; want %d", v, err, len(ms))
	}
	storetest.MustUser(t, s, "anna", openline.RoleTrainee)
	s.Close()
	// Reopening applies nothing twice.
	s = MustOpen(t, url)
	var rows int
	if err := s.pool.QueryRow(ctx, `SELECT COUNT(*) FROM schema_version`).Scan(&rows); err != nil || rows != len(ms) {
		t.Errorf("schema_version has %d rows, %v; want %d", rows, err, len(ms))
	}
	if n, err := s.CountUsers(ctx); err != nil || n != 1 {
		t.Errorf("after reopening CountUsers = %d, %v; want 1", n, err)
	}
}

// TestMigrationsInOrder applies further migrations: each runs in its own
// transaction, so a failing one leaves the schema at the one before it.
func TestMigrationsInOrder(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t, pgtest.URL(t))
	shipped, err := embedded()
	if err != nil {
		t.Fatal(err)
	}
	n := len(shipped)
	name := func(v int, rest string) string { return fmt.Sprintf("%04d_%s.sql", v, rest) }
	fsys := fstest.MapFS{}
	for _, m := range shipped {
		fsys[m.Name] = &fstest.MapFile{Data: []byte(m.SQL)}
	}
	fsys[name(n+1, "notes")] = &fstest.MapFile{Data: []byte(`CREATE TABLE notes (id BIGINT PRIMARY KEY GENERATED ALWAYS AS IDENTITY, text TEXT NOT NULL);
		INSERT INTO notes (text) SELECT name FROM users;`)}
	fsys[name(n+2, "broken")] = &fstest.MapFile{Data: []byte(`CREATE TABLE half (id INTEGER);
		INSERT INTO no_such_table VALUES (1);`)}
	ms, err := schema.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	storetest.MustUser(t, s, "anna", openline.RoleTrainee)
	if err := s.migrateTo(ctx, ms); err == nil || !strings.Contains(err.Error(), name(n+2, "broken")) {
		t.Fatalf("migrateTo = %v, want the broken migration named", err)
	}
	if v, err := s.SchemaVersion(ctx); err != nil || v != n+1 {
		t.Errorf("schema %d, %v; want %d", v, err, n+1)
	}
	var notes int
	if err := s.pool.QueryRow(ctx, `SELECT COUNT(*) FROM notes`).Scan(&notes); err != nil || notes != 1 {
		t.Errorf("notes: %d rows, %v; want 1 (migration %d applied)", notes, err, n+1)
	}
	var half bool
	if err := s.pool.QueryRow(ctx, `SELECT to_regclass('half') IS NOT NULL`).Scan(&half); err != nil || half {
		t.Errorf("table half exists (%v, %v): the failed migration was not rolled back", half, err)
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	s := MustOpen(t, url)
	newer := LatestSchema() + 1
	if _, err := s.pool.Exec(ctx, `INSERT INTO schema_version (version, applied_at) VALUES ($1, now())`, newer); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(ctx, url)
	if err == nil {
		s2.Close()
		t.Fatal("Open of a database with a newer schema: no error")
	}
	if !errors.Is(err, schema.ErrTooNew) {
		t.Errorf("Open = %v, want schema.ErrTooNew", err)
	}
	if want := fmt.Sprintf("schema %d", newer); !strings.Contains(err.Error(), want) {
		t.Errorf("Open = %q, want it to name %q", err, want)
	}
}

// TestServersMigrateTogether opens the same new database from several
// stores at once, as servers starting together do: each migration is
// applied once and every store opens.
func TestServersMigrateTogether(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	const n = 4
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			s, err := Open(ctx, url)
			if err == nil {
				s.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("Open #%d: %v", i, err)
		}
	}
	s := MustOpen(t, url)
	var rows int
	if err := s.pool.QueryRow(ctx, `SELECT COUNT(*) FROM schema_version`).Scan(&rows); err != nil || rows != LatestSchema() {
		t.Errorf("schema_version has %d rows, %v; want %d", rows, err, LatestSchema())
	}
}

func TestOpenErrors(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, url := range []string{
		"postgres://openline:secret@127.0.0.1:1/openline?sslmode=disable&connect_timeout=2",
		"postgres://openline:secret@[::1/openline",
	} {
		s, err := Open(ctx, url)
		if err == nil {
			s.Close()
			t.Errorf("Open(%q): no error", url)
			continue
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("Open error %q shows the password", err)
		}
	}
}

// The benchmarks run on the test server, which runs with fsync and
// synchronous_commit off: they measure openline's side and the round
// trips, not the disk.

func BenchmarkAppendTurn(b *testing.B) { storetest.BenchAppendTurn(b, MustOpen(b, pgtest.URL(b))) }

// BenchmarkAppendTurnParallel appends turns of many calls at once.
func BenchmarkAppendTurnParallel(b *testing.B) {
	storetest.BenchAppendTurnParallel(b, MustOpen(b, pgtest.URL(b)), 1)
}

// BenchmarkAppendTurn200 appends turns from 200 goroutines at once, one
// call each, as 200 live calls do.
func BenchmarkAppendTurn200(b *testing.B) {
	storetest.BenchAppendTurnParallel(b, MustOpen(b, pgtest.URL(b)), max(1, 200/runtime.GOMAXPROCS(0)))
}
