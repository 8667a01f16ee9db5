package main

import (
	"context"
	"os"
	"testing"

	"github.com/openline/openline/internal/auth"
	"github.com/openline/openline/internal/store"
	"github.com/openline/openline/internal/store/postgres"
	"github.com/openline/openline/internal/store/postgres/pgtest"
)

// The commands' tests run on a throwaway PostgreSQL too (pgtest).
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// TestUserAddPostgres creates an account with `openline user add` on
// PostgreSQL, selected by OPENLINE_DATABASE_URL: it lands in that
// database, not in the data folder.
func TestUserAddPostgres(t *testing.T) {
	url := pgtest.URL(t)
	dir := t.TempDir()
	env := map[string]string{store.EnvDatabaseURL: url}
	code, stdout, stderr := runUser(t, "geheimes Passwort\n", env, "anna", "--role", "trainer", "--data", dir)
	if code != 0 || stdout != "created trainer \"anna\"\n" {
		t.Fatalf("user add = %d, %q, %q", code, stdout, stderr)
	}
	if code, _, stderr := runUser(t, "another password\n", env, "anna", "--role", "trainee", "--data", dir); code != 1 {
		t.Errorf("user add of a taken name = %d, %q; want 1", code, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the data folder holds %d files, want none", len(entries))
	}
	ctx := context.Background()
	st, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u, err := st.UserByName(ctx, "anna")
	if err != nil {
		t.Fatalf("UserByName: %v", err)
	}
	if ok, err := auth.CheckPassword(u.PasswordHash, "geheimes Passwort"); err != nil || !ok {
		t.Errorf("the stored hash does not check the password given: %v, %v", ok, err)
	}
}
