package storetest

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

// turnsTests are the tests of AppendTurns.
var turnsTests = []namedTest{
	{"AppendTurns", testAppendTurns},
	{"AppendTurnsAllOrNone", testAppendTurnsAllOrNone},
}

// texts is the texts of call's stored turns.
func texts(t *testing.T, s openline.Store, call string) []string {
	t.Helper()
	got, err := s.Turns(context.Background(), call)
	if err != nil {
		t.Fatalf("Turns(%s): %v", call, err)
	}
	var out []string
	for _, tr := range got {
		out = append(out, tr.Text)
	}
	return out
}

func testAppendTurns(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	MustCall(t, s, "c1", anna, "herr-b", t0)
	if err := s.AppendTurn(ctx, turn("c1", 0, openline.Prospect, "B.?")); err != nil {
		t.Fatal(err)
	}
	pair := []openline.StoredTurn{turn("c1", 1, openline.Trainee, "Guten Tag!"), llmTurn(turn("c1", 2, openline.Prospect, "Ja?"))}
	if err := s.AppendTurns(ctx, pair...); err != nil {
		t.Fatalf("AppendTurns: %v", err)
	}
	got, err := s.Turns(ctx, "c1")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[1].Text != "Guten Tag!" || got[2].Text != "Ja?" || got[2].LLM == nil || got[2].LLM.TokensOut != 23 {
		t.Errorf("Turns = %+v, want the opening and the pair, with the LLM cost", got)
	}
	if err := s.AppendTurns(ctx); err != nil {
		t.Errorf("AppendTurns of nothing: %v", err)
	}
	// AppendTurn goes on after the pair.
	if err := s.AppendTurn(ctx, turn("c1", 3, openline.Trainee, "Wie geht's?")); err != nil {
		t.Errorf("AppendTurn after AppendTurns: %v", err)
	}
}

func testAppendTurnsAllOrNone(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	MustCall(t, s, "c1", anna, "herr-b", t0)
	MustCall(t, s, "c2", anna, "herr-b", t0)
	if err := s.AppendTurn(ctx, turn("c1", 0, openline.Prospect, "a")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		turns []openline.StoredTurn
		want  error // nil: some error, not a sentinel
	}{
		{"first index taken", []openline.StoredTurn{turn("c1", 0, openline.Trainee, "x"), turn("c1", 1, openline.Prospect, "y")}, openline.ErrConflict},
		{"first index skipped", []openline.StoredTurn{turn("c1", 2, openline.Trainee, "x"), turn("c1", 3, openline.Prospect, "y")}, openline.ErrConflict},
		{"unknown call", []openline.StoredTurn{turn("nope", 0, openline.Trainee, "x"), turn("nope", 1, openline.Prospect, "y")}, openline.ErrNotFound},
		{"a gap", []openline.StoredTurn{turn("c1", 1, openline.Trainee, "x"), turn("c1", 3, openline.Prospect, "y")}, nil},
		{"two calls", []openline.StoredTurn{turn("c1", 1, openline.Trainee, "x"), turn("c2", 2, openline.Prospect, "y")}, nil},
		{"second speaker unknown", []openline.StoredTurn{turn("c1", 1, openline.Trainee, "x"), turn("c1", 2, "narrator", "y")}, nil},
	}
	for _, tt := range tests {
		err := s.AppendTurns(ctx, tt.turns...)
		if tt.want != nil {
			wantErr(t, "AppendTurns "+tt.name, err, tt.want)
		} else if err == nil {
			t.Errorf("AppendTurns %s: no error", tt.name)
		}
	}
	if err := s.EndCall(ctx, "c2", openline.CallEnd{At: at(time.Minute), Outcome: openline.OutcomeHungUp}); err != nil {
		t.Fatal(err)
	}
	wantErr(t, "AppendTurns of an ended call", s.AppendTurns(ctx, turn("c2", 0, openline.Trainee, "x"), turn("c2", 1, openline.Prospect, "y")), openline.ErrConflict)
	if got := texts(t, s, "c1"); !slices.Equal(got, []string{"a"}) {
		t.Errorf("c1 turns = %q after the failed pairs, want only the first", got)
	}
	if got := texts(t, s, "c2"); len(got) != 0 {
		t.Errorf("c2 turns = %q, want none", got)
	}
}
