package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpen(t *testing.T) {
	tests := []struct {
		name    string
		url     string
		wantErr error  // nil: success unless errText is set
		errText string // a part of the error message
	}{
		{name: "sqlite by default"},
		{name: "postgres", url: "postgres://u:secret@db/openline", wantErr: ErrPostgresNotBuilt},
		{name: "postgresql", url: "postgresql://db/openline", wantErr: ErrPostgresNotBuilt},
		{name: "unknown scheme", url: "mysql://db/openline", errText: "unsupported database URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			s, err := Open(context.Background(), dir, tt.url)
			if tt.wantErr == nil && tt.errText == "" {
				if err != nil {
					t.Fatalf("Open: %v", err)
				}
				defer s.Close()
				if _, err := os.Stat(filepath.Join(dir, "openline.db")); err != nil {
					t.Errorf("database file: %v", err)
				}
				return
			}
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q): no error", tt.url)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("Open(%q) = %v, want %v", tt.url, err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.errText) {
				t.Errorf("Open(%q) = %v, want it to say %q", tt.url, err, tt.errText)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("the error %q shows the URL's password", err)
			}
			if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("Open(%q) created the data directory", tt.url)
			}
		})
	}
}
