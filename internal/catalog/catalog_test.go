package catalog

import (
	"bytes"
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/scenario"
	"github.com/openline/openline/internal/store/sqlite"
)

// mustScenario parses the web test scenario with its title replaced.
func mustScenario(t *testing.T, title string) *openline.Scenario {
	t.Helper()
	src, err := os.ReadFile("../web/testdata/scenarios/web-test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src = bytes.Replace(src, []byte(`title: "Testanruf"`), []byte(`title: "`+title+`"`), 1)
	sc, err := scenario.Parse("web-test.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestVersionsAreKeptAndReadBack starts a catalogue on version 1 of a
// scenario, then (as after an edit and a restart) one on version 2 over the
// same store: the current version is 2, and version 1 is still read back,
// whole, from the store.
func TestVersionsAreKeptAndReadBack(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	v1, v2 := mustScenario(t, "Erste Fassung"), mustScenario(t, "Zweite Fassung")
	if v1.Version == v2.Version {
		t.Fatal("both texts have one version")
	}
	if _, err := New(ctx, st, []*openline.Scenario{v1}, now); err != nil {
		t.Fatal(err)
	}
	cat, err := New(ctx, st, []*openline.Scenario{v2}, now.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if got := cat.Current(v1.ID); got != v2 {
		t.Errorf("Current = %v, want version 2", got)
	}
	if got := cat.List(); len(got) != 1 || got[0] != v2 {
		t.Errorf("List = %v, want version 2 alone", got)
	}
	old, err := cat.Version(ctx, v1.ID, v1.Version)
	if err != nil {
		t.Fatalf("Version(v1): %v", err)
	}
	if old.Version != v1.Version || old.Title != "Erste Fassung" || !bytes.Equal(old.Text, v1.Text) {
		t.Errorf("Version(v1) = %s %q, want version %s titled Erste Fassung", old.Version, old.Title, v1.Version)
	}
	if got := cat.Title(ctx, v1.ID, v1.Version); got != "Erste Fassung" {
		t.Errorf("Title(v1) = %q, want the title of version 1", got)
	}
	if got, err := cat.Version(ctx, v1.ID, v2.Version); err != nil || got != v2 {
		t.Errorf("Version(v2) = %v, %v; want the current scenario", got, err)
	}
	if _, err := cat.Version(ctx, v1.ID, "0000000000000000"); !errors.Is(err, openline.ErrNotFound) {
		t.Errorf("Version(unknown) error = %v, want ErrNotFound", err)
	}
	if got := cat.Title(ctx, "nope", "x"); got != "nope" {
		t.Errorf("Title(unknown scenario) = %q, want its id", got)
	}
}
