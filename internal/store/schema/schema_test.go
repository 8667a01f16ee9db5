package schema

import (
	"testing"
	"testing/fstest"
)

func TestMigrationNames(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		ok    bool
	}{
		{"in order", []string{"0001_a.sql", "0002_b.sql", "0003_c.sql"}, true},
		{"sorted by number", []string{"0002_b.sql", "0001_a.sql"}, true},
		{"gap", []string{"0001_a.sql", "0003_c.sql"}, false},
		{"not from 1", []string{"0002_b.sql"}, false},
		{"twice the same number", []string{"0001_a.sql", "0001_b.sql"}, false},
		{"no number", []string{"init.sql"}, false},
		{"zero", []string{"0000_a.sql"}, false},
		{"not .sql", []string{"0001_a.txt"}, false},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{}
		for _, f := range tt.files {
			fsys[f] = &fstest.MapFile{Data: []byte("SELECT 1;")}
		}
		_, err := Load(fsys)
		if (err == nil) != tt.ok {
			t.Errorf("Load(%s) = %v, want ok=%v", tt.name, err, tt.ok)
		}
	}
}
