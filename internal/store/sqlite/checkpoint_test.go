package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/store/storetest"
)

// TestCheckpointsBesideTheWriter: the writer connection never checkpoints
// (a commit would wait for it); the checkpointer copies the WAL into the
// database file while the store is open, and Close leaves no WAL behind.
func TestCheckpointsBesideTheWriter(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	var auto int
	if err := s.w.QueryRowContext(ctx, "PRAGMA wal_autocheckpoint").Scan(&auto); err != nil || auto != 0 {
		t.Errorf("the writer's wal_autocheckpoint = %d, %v; want 0", auto, err)
	}
	db := filepath.Join(dir, FileName)
	before := fileSize(t, db)
	anna := MustUser(t, s, "anna")
	storetest.MustCall(t, s, "c1", anna, "herr-b", time.Unix(0, 0))
	for i := range 200 {
		if err := s.AppendTurn(ctx, openline.StoredTurn{CallID: "c1", Index: i, At: time.Unix(1, 0),
			Turn: openline.Turn{Speaker: openline.Trainee, Text: "Guten Tag, wie geht es Ihnen heute?"}}); err != nil {
			t.Fatal(err)
		}
	}
	// The turns reach the database file only by a checkpoint.
	deadline := time.Now().Add(30 * time.Second)
	for fileSize(t, db) == before {
		if time.Now().After(deadline) {
			t.Fatal("no checkpoint copied the WAL into the database file")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(db + "-wal"); err == nil && fi.Size() != 0 {
		t.Errorf("WAL after Close = %d bytes, want none", fi.Size())
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}
