package sqlite

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/openline/openline/internal/openline"
)

// SaveScenarioVersion keeps the source of a scenario version. Saving the
// same id, version and source again does nothing; the same id and version
// with another source is ErrConflict, since a version names one content.
// saved is when it was first saved.
func (s *Store) SaveScenarioVersion(ctx context.Context, id, version string, source []byte, saved time.Time) error {
	what := fmt.Sprintf("save scenario %s version %s", id, version)
	if id == "" || version == "" {
		return fmt.Errorf("%s: empty id or version", what)
	}
	if saved.IsZero() {
		return fmt.Errorf("%s: %w", what, errNoTime)
	}
	if source == nil {
		source = []byte{}
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	if err := saveVersion(ctx, tx, id, version, source, saved); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// saveVersion inserts a scenario version unless the same one is kept;
// ErrConflict when the version is kept with another source.
func saveVersion(ctx context.Context, tx querier, id, version string, source []byte, saved time.Time) error {
	res, err := tx.ExecContext(ctx,
		`INSERT INTO scenario_versions (id, version, source, saved_at) VALUES (?, ?, ?, ?)
		 ON CONFLICT (id, version) DO NOTHING`,
		id, version, source, millis(saved))
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		old, err := scenarioVersion(ctx, tx, id, version)
		if err != nil {
			return err
		}
		if !bytes.Equal(old, source) {
			return fmt.Errorf("stored with another source: %w", openline.ErrConflict)
		}
	}
	return nil
}

// ScenarioVersion returns the source of a scenario version, or ErrNotFound.
func (s *Store) ScenarioVersion(ctx context.Context, id, version string) ([]byte, error) {
	return scenarioVersion(ctx, s.r, id, version)
}

func scenarioVersion(ctx context.Context, q querier, id, version string) ([]byte, error) {
	var src []byte
	err := q.QueryRowContext(ctx, `SELECT source FROM scenario_versions WHERE id = ? AND version = ?`, id, version).Scan(&src)
	if err != nil {
		return nil, translate(err, fmt.Sprintf("scenario %s version %s", id, version))
	}
	if src == nil {
		src = []byte{}
	}
	return src, nil
}
