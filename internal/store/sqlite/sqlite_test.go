package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/store/schema"
	"github.com/openline/openline/internal/store/storetest"
)

// MustOpen opens a store in dir, or in a new temporary directory when dir
// is empty, and closes it when the test ends.
func MustOpen(t testing.TB, dir string) *Store {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) openline.Store {
		s, err := Open(context.Background(), t.TempDir())
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
	dir := t.TempDir()
	s := MustOpen(t, dir)
	v, err := s.SchemaVersion(ctx)
	if err != nil || v != len(ms) {
		t.Fatalf("a fresh database has schema %d, %v; want %d", v, err, len(ms))
	}
	for _, table := range []string{"users", "sessions", "setup_tokens", "calls", "turns", "scorecards", "scenario_versions"} {
		var n int
		if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`, table).Scan(&n); err != nil || n != 1 {
			t.Errorf("table %s: %d, %v", table, n, err)
		}
	}
	var mode string
	if err := s.w.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	for pragma, want := range map[string]int{"synchronous": 1, "busy_timeout": int(busyTimeout.Milliseconds()), "foreign_keys": 1} {
		var got int
		if err := s.w.QueryRowContext(ctx, `PRAGMA `+pragma).Scan(&got); err != nil || got != want {
			t.Errorf("writer PRAGMA %s = %d, %v; want %d", pragma, got, err, want)
		}
	}
	var fk int
	if err := s.r.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys on the read pool = %d, %v; want 1", fk, err)
	}
	if _, err := s.r.ExecContext(ctx, `DELETE FROM users`); err == nil {
		t.Errorf("the read pool accepted a write")
	}

	// Reopening applies nothing twice.
	MustUser(t, s, "anna")
	s.Close()
	s = MustOpen(t, dir)
	var rows int
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_version`).Scan(&rows); err != nil || rows != len(ms) {
		t.Errorf("schema_version has %d rows, %v; want %d", rows, err, len(ms))
	}
	if n, err := s.CountUsers(ctx); err != nil || n != 1 {
		t.Errorf("after reopening CountUsers = %d, %v; want 1", n, err)
	}
}

// TestMigrationsInOrder applies further migrations to a database: each
// runs in its own transaction, so a failing one leaves the schema at the
// one before it, with nothing of the failed one applied.
func TestMigrationsInOrder(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t, "")
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
	fsys[name(n+1, "notes")] = &fstest.MapFile{Data: []byte(`CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
		INSERT INTO notes (text) SELECT name FROM users;`)}
	fsys[name(n+2, "broken")] = &fstest.MapFile{Data: []byte(`CREATE TABLE half (id INTEGER);
		INSERT INTO no_such_table VALUES (1);`)}
	ms, err := schema.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	MustUser(t, s, "anna")
	if err := s.migrateTo(ctx, ms); err == nil || !strings.Contains(err.Error(), name(n+2, "broken")) {
		t.Fatalf("migrateTo = %v, want the broken migration named", err)
	}
	if v, err := s.SchemaVersion(ctx); err != nil || v != n+1 {
		t.Errorf("schema %d, %v; want %d", v, err, n+1)
	}
	var notes, half int
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM notes`).Scan(&notes); err != nil || notes != 1 {
		t.Errorf("notes: %d rows, %v; want 1 (migration %d applied)", notes, err, n+1)
	}
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_schema WHERE name = 'half'`).Scan(&half); err != nil || half != 0 {
		t.Errorf("table half exists (%d, %v): the failed migration was not rolled back", half, err)
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := MustOpen(t, dir)
	newer := LatestSchema() + 1
	if _, err := s.w.ExecContext(ctx, `INSERT INTO schema_version (version, applied_at) VALUES (?, 0)`, newer); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(ctx, dir)
	if err == nil {
		s2.Close()
		t.Fatal("Open of a database with a newer schema: no error")
	}
	if !errors.Is(err, ErrSchemaTooNew) {
		t.Errorf("Open = %v, want ErrSchemaTooNew", err)
	}
	if want := fmt.Sprintf("schema %d", newer); !strings.Contains(err.Error(), want) {
		t.Errorf("Open = %q, want it to name %q", err, want)
	}
}

func TestFileModes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	MustOpen(t, dir)
	for path, want := range map[string]os.FileMode{dir: 0o700 | os.ModeDir, filepath.Join(dir, FileName): 0o600} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode() & (os.ModeDir | os.ModePerm); got != want {
			t.Errorf("%s mode %v, want %v", path, got, want)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	if _, err := Open(ctx, ""); err == nil {
		t.Error("Open(\"\"): no error")
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, file); err == nil {
		t.Error("Open of a plain file as the directory: no error")
	}
	notDB := t.TempDir()
	if err := os.WriteFile(filepath.Join(notDB, FileName), []byte(strings.Repeat("not a database ", 100)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, notDB); err == nil {
		t.Error("Open of a file that is not a database: no error")
	}
}

// MustUser creates a trainee with a fake password hash.
func MustUser(t testing.TB, s *Store, name string) *openline.User {
	t.Helper()
	return storetest.MustUser(t, s, name, openline.RoleTrainee)
}

// TestTwoStoresOneFile is the server and `openline user add` on the same
// database: two Store instances write at once, and each sees the other's
// writes.
func TestTwoStoresOneFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a, b := MustOpen(t, dir), MustOpen(t, dir)
	anna := MustUser(t, a, "anna")
	const calls, turns, users = 4, 30, 20
	for i := range calls {
		storetest.MustCall(t, a, fmt.Sprintf("c%d", i), anna, "herr-b", time.Unix(int64(i), 0))
	}
	var wg sync.WaitGroup
	errs := make(chan error, calls+1)
	for i := range calls {
		wg.Go(func() { // the server appends turns through a
			for j := range turns {
				err := a.AppendTurn(ctx, openline.StoredTurn{At: time.Unix(1, 0), CallID: fmt.Sprintf("c%d", i), Index: j,
					Turn: openline.Turn{Speaker: openline.Trainee, Text: "hallo"}})
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Go(func() { // user add creates accounts through b
		for j := range users {
			u := &openline.User{Name: fmt.Sprintf("trainee%d", j), Role: openline.RoleTrainee, PasswordHash: "x", CreatedAt: time.Unix(1, 0)}
			if err := b.CreateUser(ctx, u); err != nil {
				errs <- err
				return
			}
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent write: %v", err)
	}
	if n, err := a.CountUsers(ctx); err != nil || n != users+1 {
		t.Errorf("store a counts %d users, %v; want %d", n, err, users+1)
	}
	for i := range calls {
		got, err := b.Turns(ctx, fmt.Sprintf("c%d", i))
		if err != nil || len(got) != turns {
			t.Errorf("store b sees %d turns of c%d, %v; want %d", len(got), i, err, turns)
		}
	}
	// The same name through both stores: one wins, the other conflicts.
	err1 := a.CreateUser(ctx, &openline.User{Name: "same", Role: openline.RoleTrainee, PasswordHash: "x", CreatedAt: time.Unix(1, 0)})
	err2 := b.CreateUser(ctx, &openline.User{Name: "same", Role: openline.RoleTrainer, PasswordHash: "x", CreatedAt: time.Unix(1, 0)})
	if err1 != nil || !errors.Is(err2, openline.ErrConflict) {
		t.Errorf("CreateUser(same) through a: %v, through b: %v; want nil and ErrConflict", err1, err2)
	}
}

// TestTwoProcessesOneFile is TestTwoStoresOneFile across processes, where
// SQLite's file locks (not its in-process lock sharing) serialise the
// writes: a child process creates accounts while this one appends turns.
func TestTwoProcessesOneFile(t *testing.T) {
	const users, turns = 200, 60 // turns: at least
	if dir := os.Getenv("OPENLINE_TEST_CHILD_DIR"); dir != "" {
		s, err := Open(context.Background(), dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		for j := range users {
			u := &openline.User{Name: fmt.Sprintf("child%d", j), Role: openline.RoleTrainee, PasswordHash: "x", CreatedAt: time.Unix(1, 0)}
			if err := s.CreateUser(context.Background(), u); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(3)
			}
		}
		s.Close()
		os.Exit(0)
	}
	ctx := context.Background()
	dir := t.TempDir()
	s := MustOpen(t, dir)
	anna := MustUser(t, s, "anna")
	storetest.MustCall(t, s, "c1", anna, "herr-b", time.Unix(0, 0))
	cmd := exec.Command(os.Args[0], "-test.run=^TestTwoProcessesOneFile$")
	cmd.Env = append(os.Environ(), "OPENLINE_TEST_CHILD_DIR="+dir)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	// Append until the child has exited, so the writes overlap.
	var childErr error
	appended := 0
	for running := true; running || appended < turns; appended++ {
		select {
		case childErr = <-done:
			running = false
		default:
		}
		if err := s.AppendTurn(ctx, openline.StoredTurn{At: time.Unix(1, 0), CallID: "c1", Index: appended,
			Turn: openline.Turn{Speaker: openline.Trainee, Text: "hallo"}}); err != nil {
			t.Fatalf("AppendTurn(%d) while the child writes: %v", appended, err)
		}
	}
	if childErr != nil {
		t.Fatalf("child: %v\n%s", childErr, out.String())
	}
	t.Logf("appended %d turns while the child created %d accounts", appended, users)
	if n, err := s.CountUsers(ctx); err != nil || n != users+1 {
		t.Errorf("CountUsers = %d, %v; want %d", n, err, users+1)
	}
	if got, err := s.Turns(ctx, "c1"); err != nil || len(got) != appended {
		t.Errorf("Turns: %d, %v; want %d", len(got), err, appended)
	}
}

// TestAppendTurnSurvivesCrash appends a turn in a child process that then
// exits without closing the store; the turn is there afterwards.
func TestAppendTurnSurvivesCrash(t *testing.T) {
	if dir := os.Getenv("OPENLINE_TEST_CRASH_DIR"); dir != "" {
		s, err := Open(context.Background(), dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		err = s.AppendTurn(context.Background(), openline.StoredTurn{At: time.Unix(1, 0), CallID: "c1", Index: 1,
			Turn: openline.Turn{Speaker: openline.Prospect, Text: "Bin gleich weg."}})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		os.Exit(0) // no Close: the process dies with the store open
	}
	ctx := context.Background()
	dir := t.TempDir()
	s := MustOpen(t, dir)
	anna := MustUser(t, s, "anna")
	storetest.MustCall(t, s, "c1", anna, "herr-b", time.Unix(0, 0))
	if err := s.AppendTurn(ctx, openline.StoredTurn{At: time.Unix(1, 0), CallID: "c1", Index: 0, Turn: openline.Turn{Speaker: openline.Trainee, Text: "Hallo"}}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestAppendTurnSurvivesCrash$")
	cmd.Env = append(os.Environ(), "OPENLINE_TEST_CRASH_DIR="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	turns, err := s.Turns(ctx, "c1")
	if err != nil || len(turns) != 2 || turns[1].Text != "Bin gleich weg." {
		t.Fatalf("after the child's crash Turns = %+v, %v; want its turn", turns, err)
	}
	s.Close()
	s = MustOpen(t, dir)
	if turns, err := s.Turns(ctx, "c1"); err != nil || len(turns) != 2 {
		t.Errorf("after reopening Turns = %+v, %v; want 2 turns", turns, err)
	}
}

func TestContextCancelled(t *testing.T) {
	s := MustOpen(t, "")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.CreateUser(ctx, &openline.User{Name: "anna", Role: openline.RoleTrainee, PasswordHash: "x", CreatedAt: time.Unix(1, 0)}); !errors.Is(err, context.Canceled) {
		t.Errorf("CreateUser with a cancelled context = %v, want context.Canceled", err)
	}
	if _, err := s.ListCalls(ctx, openline.CallFilter{}); !errors.Is(err, context.Canceled) {
		t.Errorf("ListCalls with a cancelled context = %v, want context.Canceled", err)
	}
}

// BenchmarkAppendTurn measures persisted turns per second: each
// AppendTurn is one write transaction with its checks.
func BenchmarkAppendTurn(b *testing.B) { storetest.BenchAppendTurn(b, MustOpen(b, "")) }

// BenchmarkAppendTurnParallel appends turns of many calls at once, as a
// busy server does; the writes share one connection.
func BenchmarkAppendTurnParallel(b *testing.B) { benchAppendTurnParallel(b, 1) }

// benchAppendTurnParallel appends turns from p×GOMAXPROCS goroutines at
// once (storetest.BenchAppendTurnParallel).
func benchAppendTurnParallel(b *testing.B, p int) {
	storetest.BenchAppendTurnParallel(b, MustOpen(b, ""), p)
}
