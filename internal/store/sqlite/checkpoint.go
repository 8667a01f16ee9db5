package sqlite

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// Checkpoints. SQLite's own (wal_autocheckpoint) run inside the commit
// that makes the WAL pass 1,000 pages, on the one writer connection: that
// commit copies the WAL into the database file and syncs it, and every
// write waiting behind it (the turns of all calls) waits for that. So the
// writer connection does not checkpoint; the checkpointer does, on a
// connection of its own, every checkpointEvery: a PASSIVE checkpoint runs
// beside the writer (SQLite lets a checkpoint and a write go on at once)
// and syncs the database file, which also bounds what a power cut can
// cost (see the package comment).
const checkpointEvery = time.Second

// checkpointer runs the checkpoints; see above.
type checkpointer struct {
	db   *sql.DB // one connection, not query_only
	quit chan struct{}
	wg   sync.WaitGroup
	once sync.Once
}

// start checkpoints db every checkpointEvery until stop.
func (cp *checkpointer) start(db *sql.DB) {
	cp.db = db
	cp.quit = make(chan struct{})
	cp.wg.Go(func() {
		t := time.NewTicker(checkpointEvery)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				cp.checkpoint("PASSIVE")
			case <-cp.quit:
				return
			}
		}
	})
}

// checkpoint runs one checkpoint of mode. A failed one (the database is
// busy, say) is simply tried again at the next tick.
func (cp *checkpointer) checkpoint(mode string) {
	_, _ = cp.db.ExecContext(context.Background(), "PRAGMA wal_checkpoint("+mode+")")
}

// stop ends the checkpoints and checkpoints once more, all of the WAL
// (TRUNCATE), once the writes have stopped; it closes the connection.
func (cp *checkpointer) stop() error {
	var err error
	cp.once.Do(func() {
		close(cp.quit)
		cp.wg.Wait()
		cp.checkpoint("TRUNCATE")
		err = cp.db.Close()
	})
	return err
}
