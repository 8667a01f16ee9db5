package storetest

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

// ratingTests are the suite's tests of openline.RatingStore.
var ratingTests = []namedTest{
	{"Ratings", testRatings},
	{"RatingUnknownCallOrUser", testRatingUnknown},
}

// given is a rating's scores and time, as SubmitRating takes them.
func given(callID string, rater *openline.User, o, c int, note string, at time.Time) *openline.Rating {
	return &openline.Rating{CallID: callID, RaterID: rater.ID, Openness: &o, Curiosity: &c, Note: note, SubmittedAt: &at}
}

func testRatings(t *testing.T, s openline.Store) {
	ctx := context.Background()
	tina := MustUser(t, s, "tina", openline.RoleTrainer)
	uwe := MustUser(t, s, "uwe", openline.RoleTrainer)
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	c1 := MustCall(t, s, "c1", anna, "herr-b", at(0))
	c2 := MustCall(t, s, "c2", anna, "herr-b", at(time.Hour))

	// tina scores c1 unasked and asks uwe to score it blind.
	if err := s.SubmitRating(ctx, given(c1.ID, tina, 60, 40, "good start", at(2*time.Hour))); err != nil {
		t.Fatalf("SubmitRating unasked: %v", err)
	}
	ask := &openline.Rating{CallID: c1.ID, RaterID: uwe.ID, RequestedBy: tina.ID, RequestedAt: at(2*time.Hour + time.Minute)}
	if err := s.RequestRating(ctx, ask); err != nil {
		t.Fatalf("RequestRating: %v", err)
	}
	wantErr(t, "RequestRating twice", s.RequestRating(ctx, ask), openline.ErrConflict)
	wantErr(t, "RequestRating of one who has rated", s.RequestRating(ctx, &openline.Rating{CallID: c1.ID, RaterID: tina.ID, RequestedBy: uwe.ID, RequestedAt: at(3 * time.Hour)}), openline.ErrConflict)
	if err := s.RequestRating(ctx, &openline.Rating{CallID: c2.ID, RaterID: uwe.ID, RequestedBy: tina.ID, RequestedAt: at(4 * time.Hour)}); err != nil {
		t.Fatal(err)
	}

	pending, err := s.ListRatings(ctx, openline.RatingFilter{RaterID: uwe.ID, Pending: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 2 || pending[0].CallID != c2.ID || pending[1].CallID != c1.ID || !pending[0].Pending() || pending[0].Openness != nil {
		t.Fatalf("uwe's pending ratings = %+v, want c2 then c1, not given", pending)
	}
	if pending[1].RaterName != "uwe" || pending[1].RequestedBy != tina.ID || !pending[1].RequestedAt.Equal(ask.RequestedAt) {
		t.Errorf("a pending rating reads back as %+v", pending[1])
	}

	if err := s.SubmitRating(ctx, given(c1.ID, uwe, 50, 45, "", at(5*time.Hour))); err != nil {
		t.Fatalf("SubmitRating asked: %v", err)
	}
	wantErr(t, "SubmitRating twice", s.SubmitRating(ctx, given(c1.ID, uwe, 10, 10, "", at(6*time.Hour))), openline.ErrConflict)
	wantErr(t, "SubmitRating unasked twice", s.SubmitRating(ctx, given(c1.ID, tina, 10, 10, "", at(6*time.Hour))), openline.ErrConflict)

	got, err := s.CallRatings(ctx, c1.ID)
	if err != nil {
		t.Fatal(err)
	}
	t2, t5 := at(2*time.Hour), at(5*time.Hour)
	o60, c40, o50, c45 := 60, 40, 50, 45
	want := []openline.Rating{
		{CallID: c1.ID, RaterID: tina.ID, RaterName: "tina", RequestedBy: tina.ID, RequestedAt: t2, Openness: &o60, Curiosity: &c40, Note: "good start", SubmittedAt: &t2},
		{CallID: c1.ID, RaterID: uwe.ID, RaterName: "uwe", RequestedBy: tina.ID, RequestedAt: ask.RequestedAt, Openness: &o50, Curiosity: &c45, SubmittedAt: &t5},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CallRatings(c1) = %+v, want %+v", got, want)
	}
	done, err := s.ListRatings(ctx, openline.RatingFilter{Submitted: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(done) != 2 {
		t.Errorf("given ratings: %d, want 2", len(done))
	}
	if all, _ := s.ListRatings(ctx, openline.RatingFilter{}); len(all) != 3 {
		t.Errorf("all ratings: %d, want 3", len(all))
	}
	if none, err := s.CallRatings(ctx, "no-such-call"); err != nil || none == nil || len(none) != 0 {
		t.Errorf("CallRatings of an unknown call = %#v, %v; want an empty slice", none, err)
	}
}

func testRatingUnknown(t *testing.T, s openline.Store) {
	ctx := context.Background()
	tina := MustUser(t, s, "tina", openline.RoleTrainer)
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	c := MustCall(t, s, "c1", anna, "herr-b", at(0))
	nobody := &openline.User{ID: tina.ID + 100}
	wantErr(t, "RequestRating of an unknown call", s.RequestRating(ctx, &openline.Rating{CallID: "nope", RaterID: tina.ID, RequestedBy: tina.ID, RequestedAt: t0}), openline.ErrNotFound)
	wantErr(t, "RequestRating of an unknown rater", s.RequestRating(ctx, &openline.Rating{CallID: c.ID, RaterID: nobody.ID, RequestedBy: tina.ID, RequestedAt: t0}), openline.ErrNotFound)
	wantErr(t, "SubmitRating of an unknown call", s.SubmitRating(ctx, given("nope", tina, 1, 1, "", t0)), openline.ErrNotFound)
	wantErr(t, "SubmitRating by an unknown rater", s.SubmitRating(ctx, given(c.ID, nobody, 1, 1, "", t0)), openline.ErrNotFound)
	if all, _ := s.ListRatings(ctx, openline.RatingFilter{}); len(all) != 0 {
		t.Errorf("refused ratings were kept: %+v", all)
	}
}
