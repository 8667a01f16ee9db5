package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openline/openline/internal/store/postgres"
	"github.com/openline/openline/internal/store/postgres/pgtest"
	"github.com/openline/openline/internal/store/sqlite"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func TestOpen(t *testing.T) {
	tests := []struct {
		name    string
		url     func(t *testing.T) string
		want    string // the store's type: "sqlite" or "postgres"
		errText string // a part of the error message
	}{
		{name: "sqlite by default", url: func(*testing.T) string { return "" }, want: "sqlite"},
		{name: "postgres", url: func(t *testing.T) string { return pgtest.URL(t) }, want: "postgres"},
		{name: "postgresql", url: func(t *testing.T) string {
			return strings.Replace(pgtest.URL(t), "postgres://", "postgresql://", 1)
		}, want: "postgres"},
		{name: "postgres unreachable", url: func(*testing.T) string {
			return "postgres://u:secret@127.0.0.1:1/openline?sslmode=disable&connect_timeout=2"
		}, errText: "connect"},
		{name: "unknown scheme", url: func(*testing.T) string { return "mysql://u:secret@db/openline" }, errText: "unsupported database URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			url := tt.url(t)
			s, err := Open(context.Background(), dir, url)
			if tt.errText == "" {
				if err != nil {
					t.Fatalf("Open: %v", err)
				}
				defer s.Close()
				var got string
				switch s.(type) {
				case *sqlite.Store:
					got = "sqlite"
				case *postgres.Store:
					got = "postgres"
				}
				if got != tt.want {
					t.Errorf("Open(%q) is a %T, want the %s store", url, s, tt.want)
				}
				_, statErr := os.Stat(filepath.Join(dir, "openline.db"))
				if sqliteFile := statErr == nil; sqliteFile != (tt.want == "sqlite") {
					t.Errorf("SQLite file in the data directory: %v, want %v", sqliteFile, tt.want == "sqlite")
				}
				return
			}
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q): no error", url)
			}
			if !strings.Contains(err.Error(), tt.errText) {
				t.Errorf("Open(%q) = %v, want it to say %q", url, err, tt.errText)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("the error %q shows the URL's password", err)
			}
			if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("Open(%q) created the data directory", url)
			}
		})
	}
}
