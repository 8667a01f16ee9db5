package catalog

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/store/sqlite"
	"github.com/openline/openline/internal/store/storetest"
)

// TestPublishedVersionsAreCurrent copies a shipped template into a draft,
// breaks it (it cannot be published), fixes it and publishes it: the
// published version is current, on this server at once, on another
// sharing the store after its refresh, and after a restart; the shipped
// version is still read back for the calls made on it, and the template
// stays as shipped.
func TestPublishedVersionsAreCurrent(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	tina := storetest.MustUser(t, st, "tina", openline.RoleTrainer)
	shipped := mustScenario(t, "Testanruf")
	cat, err := New(ctx, st, []*openline.Scenario{shipped}, now)
	if err != nil {
		t.Fatal(err)
	}
	other, err := New(ctx, st, []*openline.Scenario{shipped}, now)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok := cat.Published(shipped.ID); ok {
		t.Error("a shipped scenario is published before any trainer did")
	}

	d, err := cat.CopyScenario(ctx, tina, shipped.ID, true, now)
	if err != nil {
		t.Fatalf("CopyScenario: %v", err)
	}
	if d.ScenarioID != shipped.ID || d.Problems != 0 {
		t.Errorf("copy = %+v, want a clean draft of %s", d, shipped.ID)
	}
	broken := bytes.Replace(shipped.Text, []byte(`title: "Testanruf"`), []byte("title: \"Zweite Fassung\"\n\tbroken: yes"), 1)
	d, problems, err := cat.SaveDraft(ctx, d.ID, d.Revision, broken, now.Add(time.Minute))
	if err != nil {
		t.Fatalf("SaveDraft: %v", err)
	}
	if d.Problems == 0 || len(problems) == 0 || !strings.Contains(problems[0].Msg, "tab") {
		t.Fatalf("a broken draft: problems %v (%d), want the tab flagged", problems, d.Problems)
	}
	if d.ScenarioID != shipped.ID || d.Title != "Testanruf" {
		t.Errorf("an unreadable draft names %q %q, want the id and title it had", d.ScenarioID, d.Title)
	}
	_, err = cat.Publish(ctx, tina, d.ID, d.Revision, now.Add(2*time.Minute))
	var ps *Problems
	if !errors.Is(err, ErrDraftInvalid) || !errors.As(err, &ps) || len(ps.List) == 0 {
		t.Fatalf("Publish(broken) = %v, want ErrDraftInvalid with the problems", err)
	}
	if _, err := cat.DraftScenario(ctx, d.ID, now); !errors.Is(err, ErrDraftInvalid) {
		t.Errorf("DraftScenario(broken) = %v, want ErrDraftInvalid", err)
	}

	fixed := bytes.Replace(shipped.Text, []byte(`title: "Testanruf"`), []byte(`title: "Zweite Fassung"`), 1)
	if d, _, err = cat.SaveDraft(ctx, d.ID, d.Revision, fixed, now.Add(3*time.Minute)); err != nil || d.Problems != 0 || d.Title != "Zweite Fassung" {
		t.Fatalf("SaveDraft(fixed) = %+v, %v", d, err)
	}
	draftSc, err := cat.DraftScenario(ctx, d.ID, now.Add(3*time.Minute))
	if err != nil {
		t.Fatalf("DraftScenario: %v", err)
	}
	if src, err := st.ScenarioVersion(ctx, draftSc.ID, draftSc.Version); err != nil || !bytes.Equal(src, fixed) {
		t.Errorf("the draft's version is not kept for its test call: %v", err)
	}
	if cat.Current(shipped.ID) != shipped {
		t.Error("a draft changed the current version")
	}
	v2, err := cat.Publish(ctx, tina, d.ID, d.Revision, now.Add(4*time.Minute))
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if got := cat.Current(shipped.ID); got == nil || got.Version != v2.Version || got.Title != "Zweite Fassung" {
		t.Errorf("Current after publishing = %v, want version 2", got)
	}
	if p, n, ok := cat.Published(shipped.ID); !ok || n != 1 || p.Publisher != "tina" || p.Version != v2.Version {
		t.Errorf("Published = %+v, %d, %v; want tina's version 2", p, n, ok)
	}
	if got := cat.Template(shipped.ID); got != shipped {
		t.Error("the template changed with the publication")
	}
	if old, err := cat.Version(ctx, shipped.ID, shipped.Version); err != nil || old.Title != "Testanruf" {
		t.Errorf("the shipped version = %v, %v; want it read back", old, err)
	}
	if _, _, _, err := cat.Draft(ctx, d.ID); !errors.Is(err, openline.ErrNotFound) {
		t.Errorf("the published draft: %v, want it gone", err)
	}

	if other.Current(shipped.ID) != shipped {
		t.Error("another server saw the publication before refreshing")
	}
	if err := other.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if got := other.Current(shipped.ID); got == nil || got.Version != v2.Version {
		t.Errorf("another server after Refresh: %v, want version 2", got)
	}
	restarted, err := New(ctx, st, []*openline.Scenario{shipped}, now.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if got := restarted.Current(shipped.ID); got == nil || got.Version != v2.Version {
		t.Errorf("after a restart Current = %v, want the published version 2, not the shipped file", got)
	}
}

// TestANewScenarioIsListedAfterTheShipped publishes a draft with an id of
// its own: it joins the list after the shipped scenarios.
func TestANewScenarioIsListedAfterTheShipped(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	tina := storetest.MustUser(t, st, "tina", openline.RoleTrainer)
	shipped := mustScenario(t, "Testanruf")
	cat, err := New(ctx, st, []*openline.Scenario{shipped}, now)
	if err != nil {
		t.Fatal(err)
	}
	text := bytes.Replace(shipped.Text, []byte("id: web-test"), []byte("id: mein-anruf"), 1)
	if bytes.Equal(text, shipped.Text) {
		t.Fatal("the test scenario's id line moved")
	}
	d, problems, err := cat.Import(ctx, tina, text, now)
	if err != nil || len(problems) != 0 {
		t.Fatalf("Import = %v, %v", problems, err)
	}
	if _, err := cat.Publish(ctx, tina, d.ID, d.Revision, now); err != nil {
		t.Fatal(err)
	}
	list := cat.List()
	if len(list) != 2 || list[0] != shipped || list[1].ID != "mein-anruf" {
		t.Errorf("List = %v, want the shipped scenario, then mein-anruf", list)
	}
	if _, err := cat.CopyScenario(ctx, tina, "mein-anruf", true, now); !errors.Is(err, ErrUnknownTemplate) {
		t.Errorf("copying a trainer's scenario as a template: %v, want ErrUnknownTemplate", err)
	}
	if _, err := cat.CopyScenario(ctx, tina, "mein-anruf", false, now); err != nil {
		t.Errorf("copying a trainer's scenario to edit: %v", err)
	}
}

// TestImportRefusesUnreadableFiles checks that an import that is no
// readable YAML keeps nothing, and that a readable but invalid one is
// kept with its problems.
func TestImportRefusesUnreadableFiles(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	tina := storetest.MustUser(t, st, "tina", openline.RoleTrainer)
	cat, err := New(ctx, st, nil, now)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"a: [\n", "a: &x 1\nb: *x\n", strings.Repeat("[", 100) + strings.Repeat("]", 100), "\xff"} {
		_, _, err := cat.Import(ctx, tina, []byte(bad), now)
		var ps *Problems
		if !errors.Is(err, ErrUnreadable) || !errors.As(err, &ps) || len(ps.List) == 0 {
			t.Errorf("Import(%.20q) = %v, want ErrUnreadable with problems", bad, err)
		}
	}
	d, problems, err := cat.Import(ctx, tina, []byte("id: halb-fertig\ntitle: Halb fertig\n"), now)
	if err != nil || len(problems) == 0 || d.Problems != len(problems) || d.ScenarioID != "halb-fertig" || d.Title != "Halb fertig" {
		t.Errorf("Import(readable, invalid) = %+v, %v, %v; want it kept, flagged, named", d, problems, err)
	}
	drafts, _ := st.ListDrafts(ctx)
	if len(drafts) != 1 {
		t.Errorf("%d drafts kept, want only the readable one", len(drafts))
	}
}
