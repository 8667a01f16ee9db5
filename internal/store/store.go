// Package store opens the store the command line asks for: SQLite in the
// data directory by default, PostgreSQL when OPENLINE_DATABASE_URL names
// one. The stores themselves live in the sub-packages (sqlite, postgres)
// and both pass the conformance suite in storetest.
package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/store/postgres"
	"github.com/openline/openline/internal/store/sqlite"
)

// EnvDatabaseURL is the environment variable that selects an external
// database instead of SQLite in the data directory.
const EnvDatabaseURL = "OPENLINE_DATABASE_URL"

// Open opens the store: when databaseURL (the value of
// OPENLINE_DATABASE_URL) is empty, the SQLite database in dataDir, created
// when missing; for a postgres:// or postgresql:// URL, that PostgreSQL
// database (dataDir is then not used); any other URL is an error. Either
// store is migrated to the binary's schema and refused when newer.
func Open(ctx context.Context, dataDir, databaseURL string) (openline.Store, error) {
	switch scheme, _, _ := strings.Cut(databaseURL, "://"); {
	case databaseURL == "":
		s, err := sqlite.Open(ctx, dataDir)
		if err != nil {
			return nil, err
		}
		return s, nil
	case scheme == "postgres" || scheme == "postgresql":
		s, err := postgres.Open(ctx, databaseURL)
		if err != nil {
			return nil, err
		}
		return s, nil
	default:
		return nil, fmt.Errorf("open store: %s: unsupported database URL (want postgres://…, or unset for SQLite)", EnvDatabaseURL)
	}
}
