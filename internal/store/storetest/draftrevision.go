package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

// draftRevisionTests check that a draft's save and publication are a
// compare-and-swap on its revision, also for saves at once on several
// connections (as from several servers).
var draftRevisionTests = []struct {
	name string
	fn   func(t *testing.T, s openline.Store)
}{
	{"DraftRevision", testDraftRevision},
}

// testDraftRevision: of saves made on one revision only one lands, at
// once too; the others and a publication of an old revision are refused
// with ErrDraftChanged and change nothing.
func testDraftRevision(t *testing.T, s openline.Store) {
	ctx := context.Background()
	tina := MustUser(t, s, "tina", openline.RoleTrainer)
	d := mustDraft(t, s, tina, "id: herr-b\ntitle: one\n", at(time.Minute))

	// Eight saves, all made on revision 1, at once.
	const n = 8
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range errs {
		wg.Go(func() {
			e := &openline.Draft{ID: d.ID, Title: "Herr B.", ScenarioID: "herr-b", Text: []byte(fmt.Sprintf("id: herr-b\ntitle: save %d\n", i)),
				UpdatedAt: at(2 * time.Minute), Revision: d.Revision}
			errs[i] = s.UpdateDraft(ctx, e)
			if errs[i] == nil && e.Revision != d.Revision+1 {
				t.Errorf("save %d: Revision %d after the save, want %d", i, e.Revision, d.Revision+1)
			}
		})
	}
	wg.Wait()
	won := -1
	for i, err := range errs {
		switch {
		case err == nil && won >= 0:
			t.Errorf("saves %d and %d both landed on revision %d", won, i, d.Revision)
		case err == nil:
			won = i
		default:
			wantErr(t, fmt.Sprintf("save %d on a revision another save moved on", i), err, openline.ErrDraftChanged)
		}
	}
	if won < 0 {
		t.Fatalf("no save landed: %v", errs)
	}
	got, err := s.Draft(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("id: herr-b\ntitle: save %d\n", won); string(got.Text) != want || got.Revision != 2 {
		t.Errorf("draft after the saves: revision %d, %q; want revision 2 with the text of the save that landed, %q", got.Revision, got.Text, want)
	}

	// A save on the revision before is refused, later as at once.
	old := &openline.Draft{ID: d.ID, Text: []byte("id: herr-b\ntitle: unseen\n"), UpdatedAt: at(3 * time.Minute), Revision: 1}
	err = s.UpdateDraft(ctx, old)
	wantErr(t, "UpdateDraft(an old revision)", err, openline.ErrDraftChanged)
	if errors.Is(err, openline.ErrNotFound) || old.Revision != 1 {
		t.Errorf("refused save: %v, Revision %d; want draft_changed only, Revision kept", err, old.Revision)
	}

	// A publication of the text of an old revision is refused; the draft
	// stays as it is.
	p := openline.Publication{ScenarioID: "herr-b", Version: "v1", PublishedBy: tina.ID, PublishedAt: at(4 * time.Minute)}
	err = s.PublishDraft(ctx, d.ID, 1, []byte("id: herr-b\ntitle: one\n"), p)
	wantErr(t, "PublishDraft(an old revision)", err, openline.ErrDraftChanged)
	if again, err := s.Draft(ctx, d.ID); err != nil || again.Revision != 2 || string(again.Text) != string(got.Text) {
		t.Errorf("after a refused publication: %+v, %v; want the draft unchanged at revision 2", again, err)
	}
	if _, err := s.ScenarioVersion(ctx, "herr-b", "v1"); !errors.Is(err, openline.ErrNotFound) {
		t.Errorf("ScenarioVersion after a refused publication: %v, want none kept", err)
	}
	if pubs, err := s.Publications(ctx); err != nil || len(pubs) != 0 {
		t.Errorf("Publications after a refused publication = %+v, %v; want none", pubs, err)
	}

	// A save on the revision it has lands, and so does a publication of
	// the latest revision.
	got.Text, got.UpdatedAt = []byte("id: herr-b\ntitle: three\n"), at(5*time.Minute)
	if err := s.UpdateDraft(ctx, got); err != nil || got.Revision != 3 {
		t.Fatalf("UpdateDraft(current revision): %v, revision %d; want revision 3", err, got.Revision)
	}
	if err := s.PublishDraft(ctx, d.ID, 3, got.Text, p); err != nil {
		t.Fatalf("PublishDraft(current revision): %v", err)
	}
	err = s.UpdateDraft(ctx, got)
	wantErr(t, "UpdateDraft(published)", err, openline.ErrNotFound)
}
