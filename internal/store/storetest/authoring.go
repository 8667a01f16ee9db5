package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

// mustDraft creates a draft of u with text, at created.
func mustDraft(t *testing.T, s openline.Store, u *openline.User, text string, created time.Time) *openline.Draft {
	t.Helper()
	d := &openline.Draft{ScenarioID: "herr-b", Title: "Herr B.", Text: []byte(text), CreatedBy: u.ID, CreatedAt: created, UpdatedAt: created}
	if err := s.CreateDraft(context.Background(), d, 10); err != nil {
		t.Fatalf("CreateDraft: %v", err)
	}
	return d
}

// testDrafts creates, reads, lists, updates and deletes drafts.
func testDrafts(t *testing.T, s openline.Store) {
	ctx := context.Background()
	tina := MustUser(t, s, "tina", openline.RoleTrainer)
	d1 := mustDraft(t, s, tina, "id: herr-b\n", at(time.Minute))
	d2 := mustDraft(t, s, tina, "id: frau-k\n", at(2*time.Minute))
	if d1.ID == 0 || d1.ID == d2.ID {
		t.Fatalf("draft ids %d and %d, want two distinct ones", d1.ID, d2.ID)
	}
	got, err := s.Draft(ctx, d1.ID)
	if err != nil {
		t.Fatalf("Draft: %v", err)
	}
	if string(got.Text) != "id: herr-b\n" || got.ScenarioID != "herr-b" || got.Title != "Herr B." || got.Author != "tina" ||
		got.CreatedBy != tina.ID || !got.CreatedAt.Equal(at(time.Minute)) || !got.UpdatedAt.Equal(at(time.Minute)) || got.Revision != 1 || d1.Revision != 1 {
		t.Errorf("Draft = %+v, want the draft as created, by tina", got)
	}
	got.Text, got.ScenarioID, got.Title, got.Problems, got.UpdatedAt = []byte("id: herr-c\n\tbad"), "", "", 2, at(3*time.Minute)
	if err := s.UpdateDraft(ctx, got); err != nil {
		t.Fatalf("UpdateDraft: %v", err)
	}
	again, err := s.Draft(ctx, d1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if string(again.Text) != "id: herr-c\n\tbad" || again.Problems != 2 || again.ScenarioID != "" || !again.UpdatedAt.Equal(at(3*time.Minute)) || !again.CreatedAt.Equal(at(time.Minute)) ||
		again.Revision != 2 || got.Revision != 2 {
		t.Errorf("after UpdateDraft: %+v", again)
	}
	list, err := s.ListDrafts(ctx)
	if err != nil {
		t.Fatalf("ListDrafts: %v", err)
	}
	if len(list) != 2 || list[0].ID != d1.ID || list[1].ID != d2.ID || list[0].Text != nil || list[0].Author != "tina" {
		t.Errorf("ListDrafts = %+v, want the updated draft first, both without text", list)
	}
	if err := s.DeleteDraft(ctx, d2.ID); err != nil {
		t.Fatalf("DeleteDraft: %v", err)
	}
	_, err = s.Draft(ctx, d2.ID)
	wantErr(t, "Draft(deleted)", err, openline.ErrNotFound)
	wantErr(t, "DeleteDraft(deleted)", s.DeleteDraft(ctx, d2.ID), openline.ErrNotFound)
	wantErr(t, "UpdateDraft(deleted)", s.UpdateDraft(ctx, &openline.Draft{ID: d2.ID, UpdatedAt: at(time.Hour)}), openline.ErrNotFound)
	err = s.CreateDraft(ctx, &openline.Draft{CreatedBy: tina.ID + 100, CreatedAt: t0, UpdatedAt: t0}, 10)
	wantErr(t, "CreateDraft(unknown user)", err, openline.ErrNotFound)
	if err := s.CreateDraft(ctx, &openline.Draft{CreatedBy: tina.ID}, 10); err == nil {
		t.Error("CreateDraft without its times: no error")
	}
}

// testDraftLimit checks the per-account limit, also when drafts are
// created at once.
func testDraftLimit(t *testing.T, s openline.Store) {
	ctx := context.Background()
	tina := MustUser(t, s, "tina", openline.RoleTrainer)
	tom := MustUser(t, s, "tom", openline.RoleTrainer)
	const limit = 3
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Go(func() {
			errs[i] = s.CreateDraft(ctx, &openline.Draft{Text: []byte(fmt.Sprint(i)), CreatedBy: tina.ID, CreatedAt: t0, UpdatedAt: t0}, limit)
		})
	}
	wg.Wait()
	created := 0
	for _, err := range errs {
		switch {
		case err == nil:
			created++
		default:
			wantErr(t, "CreateDraft over the limit", err, openline.ErrTooManyDrafts)
		}
	}
	if created != limit {
		t.Errorf("%d drafts created at once, want the limit %d", created, limit)
	}
	if err := s.CreateDraft(ctx, &openline.Draft{CreatedBy: tom.ID, CreatedAt: t0, UpdatedAt: t0}, limit); err != nil {
		t.Errorf("another account's draft: %v, want it created", err)
	}
}

// testPublishDraft publishes drafts as versions and reads the
// publications back.
func testPublishDraft(t *testing.T, s openline.Store) {
	ctx := context.Background()
	tina := MustUser(t, s, "tina", openline.RoleTrainer)
	d := mustDraft(t, s, tina, "id: herr-b\ntitle: one\n", at(time.Minute))
	p1 := openline.Publication{ScenarioID: "herr-b", Version: "v1", PublishedBy: tina.ID, PublishedAt: at(2 * time.Minute)}
	err := s.PublishDraft(ctx, d.ID, d.Revision, []byte("id: herr-b\ntitle: an older text\n"), p1)
	wantErr(t, "PublishDraft(another text than the revision's)", err, openline.ErrDraftChanged)
	if _, err := s.Draft(ctx, d.ID); err != nil {
		t.Errorf("after a refused publication the draft is %v, want it kept", err)
	}
	if err := s.PublishDraft(ctx, d.ID, d.Revision, []byte("id: herr-b\ntitle: one\n"), p1); err != nil {
		t.Fatalf("PublishDraft: %v", err)
	}
	_, err = s.Draft(ctx, d.ID)
	wantErr(t, "Draft(published)", err, openline.ErrNotFound)
	if src, err := s.ScenarioVersion(ctx, "herr-b", "v1"); err != nil || string(src) != "id: herr-b\ntitle: one\n" {
		t.Errorf("ScenarioVersion(published) = %q, %v; want the draft's text", src, err)
	}
	err = s.PublishDraft(ctx, d.ID, d.Revision, []byte("id: herr-b\ntitle: one\n"), p1)
	wantErr(t, "PublishDraft(twice)", err, openline.ErrNotFound)

	// A version kept with another text cannot be published over.
	d2 := mustDraft(t, s, tina, "id: herr-b\ntitle: two\n", at(3*time.Minute))
	err = s.PublishDraft(ctx, d2.ID, d2.Revision, []byte("id: herr-b\ntitle: two\n"), openline.Publication{ScenarioID: "herr-b", Version: "v1", PublishedBy: tina.ID, PublishedAt: at(4 * time.Minute)})
	wantErr(t, "PublishDraft(version kept with another text)", err, openline.ErrConflict)
	p2 := openline.Publication{ScenarioID: "herr-b", Version: "v2", PublishedBy: tina.ID, PublishedAt: at(5 * time.Minute)}
	if err := s.PublishDraft(ctx, d2.ID, d2.Revision, []byte("id: herr-b\ntitle: two\n"), p2); err != nil {
		t.Fatalf("PublishDraft(v2): %v", err)
	}
	// Publishing a version kept before (a call's) reuses it.
	if err := s.SaveScenarioVersion(ctx, "frau-k", "k1", []byte("id: frau-k\n"), at(6*time.Minute)); err != nil {
		t.Fatal(err)
	}
	d3 := mustDraft(t, s, tina, "id: frau-k\n", at(6*time.Minute))
	p3 := openline.Publication{ScenarioID: "frau-k", Version: "k1", PublishedBy: tina.ID, PublishedAt: at(7 * time.Minute)}
	if err := s.PublishDraft(ctx, d3.ID, d3.Revision, []byte("id: frau-k\n"), p3); err != nil {
		t.Fatalf("PublishDraft(a version kept before): %v", err)
	}
	pubs, err := s.Publications(ctx)
	if err != nil {
		t.Fatalf("Publications: %v", err)
	}
	p1.Publisher, p2.Publisher, p3.Publisher = "tina", "tina", "tina"
	want := []openline.Publication{p1, p2, p3}
	if len(pubs) != len(want) {
		t.Fatalf("Publications = %+v, want %+v", pubs, want)
	}
	for i := range want {
		if pubs[i].ScenarioID != want[i].ScenarioID || pubs[i].Version != want[i].Version || pubs[i].PublishedBy != want[i].PublishedBy ||
			pubs[i].Publisher != want[i].Publisher || !pubs[i].PublishedAt.Equal(want[i].PublishedAt) {
			t.Errorf("publication %d = %+v, want %+v", i, pubs[i], want[i])
		}
	}
}
