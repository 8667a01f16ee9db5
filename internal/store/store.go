// Package store opens the store the command line asks for: SQLite in the
// data directory by default, PostgreSQL when OPENLINE_DATABASE_URL names
// one. The stores themselves live in the sub-packages (sqlite; postgres
// later) and all pass the conformance suite in storetest.
package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/store/sqlite"
)

// EnvDatabaseURL is the environment variable that selects an external
// database instead of SQLite in the data directory.
const EnvDatabaseURL = "OPENLINE_DATABASE_URL"

// ErrPostgresNotBuilt is returned for a postgres:// database URL: the
// PostgreSQL store does not exist yet.
var ErrPostgresNotBuilt = errors.New("PostgreSQL is not supported yet (the PostgreSQL store is not built); unset " + EnvDatabaseURL + " to use SQLite in the data directory")

// Open opens the store: when databaseURL (the value of
// OPENLINE_DATABASE_URL) is empty, the SQLite database in dataDir, created
// when missing; a postgres:// or postgresql:// URL is ErrPostgresNotBuilt;
// any other URL is an error.
func Open(ctx context.Context, dataDir, databaseURL string) (openline.Store, error) {
	switch scheme, _, _ := strings.Cut(databaseURL, "://"); {
	case databaseURL == "":
		s, err := sqlite.Open(ctx, dataDir)
		if err != nil {
			return nil, err
		}
		return s, nil
	case scheme == "postgres" || scheme == "postgresql":
		return nil, fmt.Errorf("open store: %w", ErrPostgresNotBuilt)
	default:
		return nil, fmt.Errorf("open store: %s: unsupported database URL (want postgres://…, or unset for SQLite)", EnvDatabaseURL)
	}
}
