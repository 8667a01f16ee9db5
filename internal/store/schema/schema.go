// Package schema reads the numbered migrations every store embeds: files
// NNNN_name.sql, applied in order, one transaction each, by the store that
// owns them (internal/store/sqlite/migrations, internal/store/postgres/
// migrations). Both stores number their migrations alike: migration N of
// SQLite and migration N of PostgreSQL make the same change, each in its
// own dialect, so that one conformance suite (storetest) holds for both.
package schema

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

// ErrTooNew is returned when a store opens a database written by a newer
// openline, whose schema this binary does not know.
var ErrTooNew = errors.New("database schema is newer than this openline")

// Migration is one numbered file.
type Migration struct {
	Version int
	Name    string // the file name
	SQL     string
}

// Load reads the migrations in fsys (the files *.sql of its root), ordered
// by number; the numbers must run 1, 2, 3, … without gaps.
func Load(fsys fs.FS) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var ms []Migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v < 1 || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("migration %s: name is not NNNN_name.sql", e.Name())
		}
		b, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, Migration{Version: v, Name: e.Name(), SQL: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	for i, m := range ms {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migration %s: want number %d", m.Name, i+1)
		}
	}
	return ms, nil
}

// Embedded reads the migrations under dir of an embedded file system.
func Embedded(fsys fs.FS, dir string) ([]Migration, error) {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil, err
	}
	return Load(sub)
}

// TooNew is the error for a database at schema current when the binary
// knows up to latest.
func TooNew(current, latest int) error {
	return fmt.Errorf("%w: the database has schema %d, this binary knows up to %d; run a newer openline", ErrTooNew, current, latest)
}
