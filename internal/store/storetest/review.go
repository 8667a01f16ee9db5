package storetest

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

// reviewTests are the suite's tests of openline.ReviewStore and of who
// ended a call, which the review shows.
var reviewTests = []struct {
	name string
	fn   func(t *testing.T, s openline.Store)
}{
	{"Comments", testComments},
	{"ScoreAdjustments", testScoreAdjustments},
	{"EndedBy", testEndedBy},
	{"ReviewCalls", testReviewCalls},
}

// endScored ends a call with the sample scorecard, its scores set.
func endScored(t *testing.T, s openline.Store, id string, d time.Duration, openness, curiosity int) {
	t.Helper()
	card := sampleCard()
	card.Openness, card.Curiosity = openness, curiosity
	if err := s.EndCall(context.Background(), id, openline.CallEnd{At: at(d), Outcome: openline.OutcomePoliteEnd, Card: card}); err != nil {
		t.Fatalf("EndCall(%s): %v", id, err)
	}
}

func testComments(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	tina := MustUser(t, s, "tina", openline.RoleTrainer)
	MustCall(t, s, "c1", anna, "herr-b", at(0))
	MustCall(t, s, "c2", anna, "herr-b", at(time.Minute))
	for i, sp := range []openline.Speaker{openline.Prospect, openline.Trainee, openline.Prospect} {
		if err := s.AppendTurn(ctx, turn("c1", i, sp, "text")); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := s.Comments(ctx, "c1"); err != nil || got == nil || len(got) != 0 {
		t.Fatalf("Comments of a call without any = %#v, %v; want an empty slice", got, err)
	}
	_, err := s.Comments(ctx, "nope")
	wantErr(t, "Comments(unknown call)", err, openline.ErrNotFound)

	add := func(turn int, text string) (*openline.Comment, error) {
		c := &openline.Comment{CallID: "c1", Turn: turn, AuthorID: tina.ID, Text: text, CreatedAt: at(time.Hour)}
		return c, s.AddComment(ctx, c, 3)
	}
	first, err := add(1, "Gute offene Frage <b>hier</b>")
	if err != nil || first.ID == 0 || first.Author != "tina" {
		t.Fatalf("AddComment = %+v, %v", first, err)
	}
	if _, err := add(2, "Hier nachfragen"); err != nil {
		t.Fatal(err)
	}
	_, err = add(3, "no such turn")
	wantErr(t, "AddComment(turn past the end)", err, openline.ErrConflict)
	_, err = add(-1, "negative")
	wantErr(t, "AddComment(negative turn)", err, openline.ErrConflict)
	wantErr(t, "AddComment(call without turns)", s.AddComment(ctx, &openline.Comment{CallID: "c2", Turn: 0, AuthorID: tina.ID, Text: "x", CreatedAt: at(0)}, 3), openline.ErrConflict)
	wantErr(t, "AddComment(unknown call)", s.AddComment(ctx, &openline.Comment{CallID: "nope", Turn: 0, AuthorID: tina.ID, Text: "x", CreatedAt: at(0)}, 3), openline.ErrNotFound)
	wantErr(t, "AddComment(unknown author)", s.AddComment(ctx, &openline.Comment{CallID: "c1", Turn: 0, AuthorID: 9999, Text: "x", CreatedAt: at(0)}, 3), openline.ErrNotFound)
	if _, err := add(0, "third"); err != nil {
		t.Fatal(err)
	}
	_, err = add(0, "fourth")
	wantErr(t, "AddComment over the limit", err, openline.ErrLimit)
	if err := s.AddComment(ctx, &openline.Comment{CallID: "c1", Turn: 0, AuthorID: tina.ID, CreatedAt: at(0)}, 3); err == nil {
		t.Error("AddComment without text succeeded")
	}

	got, err := s.Comments(ctx, "c1")
	if err != nil {
		t.Fatal(err)
	}
	var turns []int
	for _, c := range got {
		turns = append(turns, c.Turn)
		if c.CallID != "c1" || c.Author != "tina" || c.AuthorID != tina.ID || !c.CreatedAt.Equal(at(time.Hour)) {
			t.Errorf("comment %+v", c)
		}
	}
	if !slices.Equal(turns, []int{1, 2, 0}) || got[0].Text != "Gute offene Frage <b>hier</b>" {
		t.Errorf("Comments = %+v, want turns 1, 2, 0 in the order written, text as written", got)
	}
}

func ptr(v int) *int { return &v }

func testScoreAdjustments(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	tina := MustUser(t, s, "tina", openline.RoleTrainer)
	MustCall(t, s, "c1", anna, "herr-b", at(0))
	adj := func(d openline.Dimension, score *int, reason string, when time.Duration) *openline.ScoreAdjustment {
		return &openline.ScoreAdjustment{CallID: "c1", Dimension: d, Score: score, Reason: reason, AuthorID: tina.ID, At: at(when)}
	}
	wantErr(t, "AdjustScore(unscored call)", s.AdjustScore(ctx, adj(openline.DimensionOpenness, ptr(50), "r", 0)), openline.ErrConflict)
	endScored(t, s, "c1", time.Minute, 72, 55)

	call := func() *openline.Call {
		t.Helper()
		c, err := s.Call(ctx, "c1")
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if c := call(); c.OpennessAdjusted != nil || *c.Effective(openline.DimensionOpenness) != 72 || *c.Effective(openline.DimensionCuriosity) != 55 {
		t.Fatalf("before any adjustment: %+v", c)
	}
	a := adj(openline.DimensionOpenness, ptr(40), "pressed after the no", 2*time.Minute)
	if err := s.AdjustScore(ctx, a); err != nil || a.ID == 0 || a.Author != "tina" {
		t.Fatalf("AdjustScore = %+v, %v", a, err)
	}
	if err := s.AdjustScore(ctx, adj(openline.DimensionOpenness, ptr(45), "on second thought", 3*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := s.AdjustScore(ctx, adj(openline.DimensionCuriosity, ptr(0), "no questions", 4*time.Minute)); err != nil {
		t.Fatal(err)
	}
	c := call()
	if *c.Openness != 72 || *c.Curiosity != 55 {
		t.Errorf("the computed scores changed: %d, %d", *c.Openness, *c.Curiosity)
	}
	if got := c.Effective(openline.DimensionOpenness); got == nil || *got != 45 {
		t.Errorf("effective openness %v, want the latest adjustment 45", got)
	}
	if got := c.Effective(openline.DimensionCuriosity); got == nil || *got != 0 {
		t.Errorf("effective curiosity %v, want 0 (an adjustment to 0 counts)", got)
	}
	listed, err := s.ListCalls(ctx, openline.CallFilter{})
	if err != nil || len(listed) != 1 || *listed[0].Effective(openline.DimensionOpenness) != 45 {
		t.Errorf("ListCalls does not carry the adjustment: %+v, %v", listed, err)
	}
	// Taken back: the computed score counts again.
	if err := s.AdjustScore(ctx, adj(openline.DimensionOpenness, nil, "the computed score is fair", 5*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if c := call(); c.OpennessAdjusted != nil || *c.Effective(openline.DimensionOpenness) != 72 {
		t.Errorf("after taking the adjustment back: %+v", c)
	}
	hist, err := s.ScoreAdjustments(ctx, "c1")
	if err != nil || len(hist) != 4 {
		t.Fatalf("ScoreAdjustments = %+v, %v; want 4", hist, err)
	}
	if h := hist[0]; h.Dimension != openline.DimensionOpenness || *h.Score != 40 || h.Reason != "pressed after the no" || h.Author != "tina" || !h.At.Equal(at(2*time.Minute)) {
		t.Errorf("first adjustment %+v", h)
	}
	if hist[3].Score != nil {
		t.Errorf("the taking back is recorded as %+v, want no score", hist[3])
	}
	for _, bad := range []*openline.ScoreAdjustment{
		adj("empathy", ptr(1), "r", 0), adj(openline.DimensionOpenness, ptr(101), "r", 0),
		adj(openline.DimensionOpenness, ptr(-1), "r", 0), adj(openline.DimensionOpenness, ptr(1), "", 0),
		{CallID: "c1", Dimension: openline.DimensionOpenness, Score: ptr(1), Reason: "r", AuthorID: tina.ID},
	} {
		if err := s.AdjustScore(ctx, bad); err == nil {
			t.Errorf("AdjustScore(%+v) succeeded", bad)
		}
	}
	wantErr(t, "AdjustScore(unknown call)", s.AdjustScore(ctx, &openline.ScoreAdjustment{CallID: "nope", Dimension: openline.DimensionOpenness, Score: ptr(1), Reason: "r", AuthorID: tina.ID, At: at(0)}), openline.ErrNotFound)
	wantErr(t, "AdjustScore(unknown author)", s.AdjustScore(ctx, &openline.ScoreAdjustment{CallID: "c1", Dimension: openline.DimensionOpenness, Score: ptr(1), Reason: "r", AuthorID: 9999, At: at(0)}), openline.ErrNotFound)
	if h, _ := s.ScoreAdjustments(ctx, "c1"); len(h) != 4 {
		t.Errorf("refused adjustments were recorded: %d", len(h))
	}
}

func testEndedBy(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	MustCall(t, s, "c1", anna, "herr-b", at(0))
	MustCall(t, s, "c2", anna, "herr-b", at(0))
	if c, _ := s.Call(ctx, "c1"); c.EndedBy != "" {
		t.Errorf("an open call was ended by %q", c.EndedBy)
	}
	if err := s.EndCall(ctx, "c1", openline.CallEnd{At: at(time.Minute), By: "robot", Outcome: openline.OutcomePoliteEnd}); err == nil {
		t.Error("EndCall by robot succeeded")
	}
	if c, _ := s.Call(ctx, "c1"); c.EndedAt != nil || c.EndedBy != "" {
		t.Errorf("a refused end was stored: ended %v by %q", c.EndedAt, c.EndedBy)
	}
	if err := s.EndCall(ctx, "c1", openline.CallEnd{At: at(time.Minute), By: openline.Trainee, Outcome: openline.OutcomePoliteEnd}); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Call(ctx, "c1"); c.EndedBy != openline.Trainee {
		t.Errorf("EndedBy = %q, want trainee", c.EndedBy)
	}
	// An interrupted call was ended by neither side.
	if err := s.EndCall(ctx, "c2", openline.CallEnd{At: at(time.Minute), Outcome: openline.OutcomeInterrupted}); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Call(ctx, "c2"); c.EndedAt == nil || c.EndedBy != "" {
		t.Errorf("interrupted call: ended %v by %q, want ended by nobody", c.EndedAt, c.EndedBy)
	}
}

func testReviewCalls(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	bert := MustUser(t, s, "bert", openline.RoleTrainee)
	tina := MustUser(t, s, "tina", openline.RoleTrainer)
	team := MustGroup(t, s, "team")
	if err := s.SetMember(ctx, team.ID, bert.ID, true); err != nil {
		t.Fatal(err)
	}
	MustCall(t, s, "a1", anna, "herr-b", at(1*time.Minute)) // ends after 10 min, 72/55
	MustCall(t, s, "a2", anna, "frau-k", at(2*time.Minute)) // ends after 1 min, 30/90, openness adjusted to 80
	MustCall(t, s, "b1", bert, "herr-b", at(3*time.Minute)) // ends after 5 min, 50/20
	MustCall(t, s, "b2", bert, "frau-k", at(4*time.Minute)) // open
	endScored(t, s, "a1", 11*time.Minute, 72, 55)
	endScored(t, s, "a2", 3*time.Minute, 30, 90)
	endScored(t, s, "b1", 8*time.Minute, 50, 20)
	if err := s.AdjustScore(ctx, &openline.ScoreAdjustment{CallID: "a2", Dimension: openline.DimensionOpenness, Score: ptr(80), Reason: "r", AuthorID: tina.ID, At: at(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		q     openline.ReviewQuery
		want  []string
		total int
	}{
		{"newest first", openline.ReviewQuery{Desc: true}, []string{"b2", "b1", "a2", "a1"}, 4},
		{"the zero sort is by start, ascending", openline.ReviewQuery{}, []string{"a1", "a2", "b1", "b2"}, 4},
		{"effective openness, highest first, open call last", openline.ReviewQuery{Sort: openline.SortOpenness, Desc: true}, []string{"a2", "a1", "b1", "b2"}, 4},
		{"effective openness, lowest first, open call still last", openline.ReviewQuery{Sort: openline.SortOpenness}, []string{"b1", "a1", "a2", "b2"}, 4},
		{"curiosity", openline.ReviewQuery{Sort: openline.SortCuriosity, Desc: true}, []string{"a2", "a1", "b1", "b2"}, 4},
		{"duration", openline.ReviewQuery{Sort: openline.SortDuration}, []string{"a2", "b1", "a1", "b2"}, 4},
		{"trainee, ties newest first", openline.ReviewQuery{Sort: openline.SortTrainee}, []string{"a2", "a1", "b2", "b1"}, 4},
		{"scenario descending", openline.ReviewQuery{Sort: openline.SortScenario, Desc: true}, []string{"b1", "a1", "b2", "a2"}, 4},
		{"by trainee name", openline.ReviewQuery{UserName: "anna", Desc: true}, []string{"a2", "a1"}, 2},
		{"by user id", openline.ReviewQuery{UserID: bert.ID, Desc: true}, []string{"b2", "b1"}, 2},
		{"by group", openline.ReviewQuery{GroupID: team.ID, Desc: true}, []string{"b2", "b1"}, 2},
		{"by scenario", openline.ReviewQuery{ScenarioID: "frau-k", Desc: true}, []string{"b2", "a2"}, 2},
		{"by engine", openline.ReviewQuery{Engine: openline.EngineScripted, Desc: true}, []string{"b2", "b1", "a2", "a1"}, 4},
		{"by another engine", openline.ReviewQuery{Engine: openline.EngineLLM}, []string{}, 0},
		{"by outcome", openline.ReviewQuery{Outcome: openline.OutcomePoliteEnd, Desc: true}, []string{"b1", "a2", "a1"}, 3},
		{"from (inclusive) to (exclusive)", openline.ReviewQuery{From: at(2 * time.Minute), To: at(4 * time.Minute), Desc: true}, []string{"b1", "a2"}, 2},
		{"a page", openline.ReviewQuery{Limit: 2, Offset: 1, Desc: true}, []string{"b1", "a2"}, 4},
		{"past the end", openline.ReviewQuery{Limit: 2, Offset: 10, Desc: true}, []string{}, 4},
		{"negative offset is 0", openline.ReviewQuery{Limit: 1, Offset: -3, Desc: true}, []string{"b2"}, 4},
	} {
		got, total, err := s.ReviewCalls(ctx, tt.q)
		if err != nil {
			t.Errorf("ReviewCalls %s: %v", tt.name, err)
			continue
		}
		if ids := callIDs(got); !slices.Equal(ids, tt.want) || total != tt.total {
			t.Errorf("ReviewCalls %s = %q of %d, want %q of %d", tt.name, ids, total, tt.want, tt.total)
		}
	}
	got, _, err := s.ReviewCalls(ctx, openline.ReviewQuery{UserName: "anna", Sort: openline.SortStarted})
	if err != nil || len(got) != 2 || got[1].UserName != "anna" || *got[1].Effective(openline.DimensionOpenness) != 80 || *got[1].Openness != 30 {
		t.Errorf("review rows carry the name and both scores: %+v, %v", got, err)
	}
	if _, _, err := s.ReviewCalls(ctx, openline.ReviewQuery{Sort: "bogus"}); err == nil {
		t.Error("ReviewCalls with an unknown sort succeeded")
	}
}
