package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

// testSetupTokenWorks: the check says yes exactly when UseSetupToken
// would take the token, and leaves it unused.
func testSetupTokenWorks(t *testing.T, s openline.Store) {
	ctx := context.Background()
	works := func(what, hash string, now time.Time, want bool) {
		t.Helper()
		got, err := s.SetupTokenWorks(ctx, hash, now)
		if err != nil || got != want {
			t.Errorf("SetupTokenWorks(%s) = %v, %v; want %v", what, got, err, want)
		}
	}
	works("no token stored", "old", at(0), false)
	if err := s.CreateSetupToken(ctx, "old", at(time.Hour)); err != nil {
		t.Fatal(err)
	}
	works("the token", "old", at(time.Minute), true)
	works("the token again: checking does not use it", "old", at(time.Minute), true)
	works("another token", "other", at(time.Minute), false)
	works("the token once expired", "old", at(time.Hour), false)
	if err := s.CreateSetupToken(ctx, "new", at(time.Hour)); err != nil {
		t.Fatal(err)
	}
	works("a token replaced by a newer one", "old", at(time.Minute), false)
	works("the newer one", "new", at(time.Minute), true)
	if err := s.UseSetupToken(ctx, "new", at(2*time.Minute), &openline.User{Name: "anna", Role: openline.RoleTrainer, PasswordHash: "x"}); err != nil {
		t.Fatal(err)
	}
	works("a used token", "new", at(3*time.Minute), false)
	if err := s.CreateSetupToken(ctx, "late", at(time.Hour)); err != nil {
		t.Fatal(err)
	}
	works("a token once an account exists", "late", at(3*time.Minute), false)
}
