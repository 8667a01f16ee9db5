// Package storetest is the conformance suite of openline.Store: every store
// (SQLite and PostgreSQL) runs Run in its tests and must pass it. It
// specifies what the interface comments say, including the errors
// (openline.ErrNotFound, openline.ErrConflict, tested with errors.Is).
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

// t0 is the suite's clock: every time it passes is t0 plus an offset, in
// whole milliseconds, the resolution every store must keep.
var t0 = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// namedTest is one test of the suite (an alias, so that the lists of
// tests in the other files of the suite may spell it out).
type namedTest = struct {
	name string
	fn   func(t *testing.T, s openline.Store)
}

// Run runs the suite. newStore must return a new, empty, migrated store for
// each subtest; Run closes it when the subtest ends.
func Run(t *testing.T, newStore func(t *testing.T) openline.Store) {
	tests := []namedTest{
		{"Users", testUsers},
		{"UserNameTaken", testUserNameTaken},
		{"UserInvalid", testUserInvalid},
		{"Sessions", testSessions},
		{"SessionExpiry", testSessionExpiry},
		{"SessionExpires", testSessionExpires},
		{"DeactivateUser", testDeactivateUser},
		{"SetupToken", testSetupToken},
		{"SetupTokenExpired", testSetupTokenExpired},
		{"SetupTokenReplaced", testSetupTokenReplaced},
		{"SetupTokenOnlyWithoutAccount", testSetupTokenOnlyWithoutAccount},
		{"SetupTokenWorks", testSetupTokenWorks},
		{"Calls", testCalls},
		{"CallConflicts", testCallConflicts},
		{"Turns", testTurns},
		{"TurnOrdering", testTurnOrdering},
		{"EndCall", testEndCall},
		{"EndCallWithoutScorecard", testEndCallWithoutScorecard},
		{"ListCalls", testListCalls},
		{"ListCallsLimit", testListCallsLimit},
		{"OpenCalls", testOpenCalls},
		{"ScenarioVersions", testScenarioVersions},
		{"Drafts", testDrafts},
		{"DraftLimit", testDraftLimit},
		{"PublishDraft", testPublishDraft},
		{"ConcurrentWrites", testConcurrentWrites},
		{"TimesFromTheCaller", testTimesFromTheCaller},
		{"StartCall", testStartCall},
		{"StartCallLimit", testStartCallLimit},
		{"StartCallLimitAmongHistory", testStartCallLimitAmongHistory},
		{"Leases", testLeases},
		{"OrphanCalls", testOrphanCalls},
	}
	tests = append(tests, turnsTests...)
	tests = append(tests, accountTests...)
	tests = append(tests, assignmentTests...)
	tests = append(tests, ratingTests...)
	tests = append(tests, reviewTests...)
	tests = append(tests, draftRevisionTests...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tt.fn(t, s)
		})
	}
}

// at is t0 plus d.
func at(d time.Duration) time.Time { return t0.Add(d) }

// MustUser creates an account with a fake password hash.
func MustUser(t testing.TB, s openline.Store, name string, role openline.Role) *openline.User {
	t.Helper()
	u := &openline.User{Name: name, Role: role, PasswordHash: "hash-of-" + name, CreatedAt: t0}
	if err := s.CreateUser(context.Background(), u); err != nil {
		t.Fatalf("CreateUser(%q): %v", name, err)
	}
	return u
}

// MustCall creates a call of user u on a scenario, started at started.
func MustCall(t testing.TB, s openline.Store, id string, u *openline.User, scenario string, started time.Time) *openline.Call {
	t.Helper()
	c := &openline.Call{
		ID: id, UserID: u.ID, ScenarioID: scenario, ScenarioVersion: "v-" + scenario,
		Engine: openline.EngineScripted, Language: openline.German, Seed: 42, StartedAt: started,
	}
	if err := s.CreateCall(context.Background(), c); err != nil {
		t.Fatalf("CreateCall(%s): %v", id, err)
	}
	c.UserName = u.Name
	return c
}

// wantErr fails unless errors.Is(err, want); want nil means no error.
func wantErr(t *testing.T, what string, err, want error) {
	t.Helper()
	switch {
	case want == nil && err != nil:
		t.Errorf("%s: %v, want no error", what, err)
	case want != nil && !errors.Is(err, want):
		t.Errorf("%s: error %v, want %v", what, err, want)
	}
}

func testUsers(t *testing.T, s openline.Store) {
	ctx := context.Background()
	if n, err := s.CountUsers(ctx); err != nil || n != 0 {
		t.Fatalf("CountUsers on an empty store = %d, %v; want 0", n, err)
	}
	if list, err := s.ListUsers(ctx); err != nil || list == nil || len(list) != 0 {
		t.Errorf("ListUsers on an empty store = %#v, %v; want an empty slice", list, err)
	}
	anna := MustUser(t, s, "anna", openline.RoleTrainer)
	bernd := MustUser(t, s, "Bernd Müller", openline.RoleTrainee)
	if anna.ID == 0 || bernd.ID == 0 || anna.ID == bernd.ID {
		t.Fatalf("ids %d and %d: want distinct and non-zero", anna.ID, bernd.ID)
	}
	for _, want := range []*openline.User{anna, bernd} {
		got, err := s.UserByName(ctx, want.Name)
		if err != nil {
			t.Fatalf("UserByName(%q): %v", want.Name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("UserByName(%q) = %+v, want %+v", want.Name, got, want)
		}
		got, err = s.UserByID(ctx, want.ID)
		if err != nil {
			t.Fatalf("UserByID(%d): %v", want.ID, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("UserByID(%d) = %+v, want %+v", want.ID, got, want)
		}
	}
	_, err := s.UserByName(ctx, "nobody")
	wantErr(t, "UserByName(nobody)", err, openline.ErrNotFound)
	_, err = s.UserByName(ctx, "ANNA")
	wantErr(t, "UserByName(ANNA): names are exact", err, openline.ErrNotFound)
	_, err = s.UserByID(ctx, anna.ID+bernd.ID+100)
	wantErr(t, "UserByID(unknown)", err, openline.ErrNotFound)

	n, err := s.CountUsers(ctx)
	if err != nil || n != 2 {
		t.Errorf("CountUsers = %d, %v; want 2", n, err)
	}
	list, err := s.ListUsers(ctx)
	if err != nil {
		t.Fatalf("ListUsers: %v", err)
	}
	names := make([]string, len(list))
	for i, u := range list {
		names[i] = u.Name
	}
	if want := []string{"Bernd Müller", "anna"}; !slices.Equal(names, want) {
		t.Errorf("ListUsers names = %q, want %q (ordered by name)", names, want)
	}
}

func testUserNameTaken(t *testing.T, s openline.Store) {
	ctx := context.Background()
	first := MustUser(t, s, "anna", openline.RoleTrainee)
	err := s.CreateUser(ctx, &openline.User{Name: "anna", Role: openline.RoleTrainer, PasswordHash: "x", CreatedAt: t0})
	wantErr(t, "CreateUser(taken name)", err, openline.ErrConflict)
	got, err := s.UserByName(ctx, "anna")
	if err != nil || got.ID != first.ID || got.Role != openline.RoleTrainee {
		t.Errorf("after the conflict UserByName = %+v, %v; want the first account", got, err)
	}
	if n, _ := s.CountUsers(ctx); n != 1 {
		t.Errorf("CountUsers = %d, want 1", n)
	}
}

func testUserInvalid(t *testing.T, s openline.Store) {
	ctx := context.Background()
	tests := []struct {
		name string
		u    openline.User
	}{
		{"empty name", openline.User{Role: openline.RoleTrainee, PasswordHash: "x"}},
		{"unknown role", openline.User{Name: "anna", Role: "admin", PasswordHash: "x"}},
		{"no password hash", openline.User{Name: "anna", Role: openline.RoleTrainee}},
	}
	for _, tt := range tests {
		u := tt.u
		if err := s.CreateUser(ctx, &u); err == nil {
			t.Errorf("CreateUser with %s: no error", tt.name)
		}
	}
	if n, _ := s.CountUsers(ctx); n != 0 {
		t.Errorf("CountUsers = %d after invalid users, want 0", n)
	}
}

func testSessions(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainer)
	sess := openline.Session{TokenHash: "h1", UserID: anna.ID, CreatedAt: t0, ExpiresAt: at(time.Hour)}
	if err := s.CreateSession(ctx, sess); err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	got, err := s.SessionUser(ctx, "h1", at(time.Minute))
	if err != nil {
		t.Fatalf("SessionUser: %v", err)
	}
	if !reflect.DeepEqual(got, anna) {
		t.Errorf("SessionUser = %+v, want %+v", got, anna)
	}
	wantErr(t, "CreateSession(same hash)", s.CreateSession(ctx, sess), openline.ErrConflict)
	err = s.CreateSession(ctx, openline.Session{TokenHash: "h2", UserID: anna.ID + 100, CreatedAt: t0, ExpiresAt: at(time.Hour)})
	wantErr(t, "CreateSession(unknown user)", err, openline.ErrNotFound)

	_, err = s.SessionUser(ctx, "unknown", t0)
	wantErr(t, "SessionUser(unknown)", err, openline.ErrNotFound)
	if err := s.DeleteSession(ctx, "h1"); err != nil {
		t.Fatalf("DeleteSession: %v", err)
	}
	_, err = s.SessionUser(ctx, "h1", at(time.Minute))
	wantErr(t, "SessionUser after DeleteSession", err, openline.ErrNotFound)
	wantErr(t, "DeleteSession twice", s.DeleteSession(ctx, "h1"), nil)
}

func testSessionExpires(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	expires := at(time.Hour + 1234*time.Millisecond)
	if err := s.CreateSession(ctx, openline.Session{TokenHash: "h", UserID: anna.ID, CreatedAt: t0, ExpiresAt: expires}); err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	got, err := s.SessionExpires(ctx, "h")
	if err != nil {
		t.Fatalf("SessionExpires: %v", err)
	}
	if !got.Equal(expires) {
		t.Errorf("SessionExpires = %v, want %v", got, expires)
	}
	_, err = s.SessionExpires(ctx, "unknown")
	wantErr(t, "SessionExpires(unknown)", err, openline.ErrNotFound)
	if err := s.DeleteSession(ctx, "h"); err != nil {
		t.Fatalf("DeleteSession: %v", err)
	}
	_, err = s.SessionExpires(ctx, "h")
	wantErr(t, "SessionExpires after DeleteSession", err, openline.ErrNotFound)
}

func testSessionExpiry(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	if err := s.CreateSession(ctx, openline.Session{TokenHash: "h", UserID: anna.ID, CreatedAt: t0, ExpiresAt: at(time.Hour)}); err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	tests := []struct {
		name string
		now  time.Time
		want error
	}{
		{"just created", t0, nil},
		{"a millisecond before expiry", at(time.Hour - time.Millisecond), nil},
		{"at expiry", at(time.Hour), openline.ErrNotFound},
		{"after expiry", at(2 * time.Hour), openline.ErrNotFound},
	}
	for _, tt := range tests {
		_, err := s.SessionUser(ctx, "h", tt.now)
		wantErr(t, "SessionUser "+tt.name, err, tt.want)
	}
	// An expired session stays expired when other sessions come and go.
	if err := s.CreateSession(ctx, openline.Session{TokenHash: "h2", UserID: anna.ID, CreatedAt: at(3 * time.Hour), ExpiresAt: at(4 * time.Hour)}); err != nil {
		t.Fatalf("CreateSession(h2): %v", err)
	}
	_, err := s.SessionUser(ctx, "h", at(90*time.Minute))
	wantErr(t, "SessionUser(expired h) later", err, openline.ErrNotFound)
	_, err = s.SessionUser(ctx, "h2", at(3*time.Hour))
	wantErr(t, "SessionUser(h2)", err, nil)
}

func testSetupToken(t *testing.T, s openline.Store) {
	ctx := context.Background()
	if err := s.CreateSetupToken(ctx, "tok", at(time.Hour)); err != nil {
		t.Fatalf("CreateSetupToken: %v", err)
	}
	err := s.UseSetupToken(ctx, "wrong", at(time.Minute), &openline.User{Name: "anna", Role: openline.RoleTrainer, PasswordHash: "x"})
	wantErr(t, "UseSetupToken(unknown token)", err, openline.ErrNotFound)

	u := &openline.User{Name: "anna", Role: openline.RoleTrainer, PasswordHash: "x"}
	if err := s.UseSetupToken(ctx, "tok", at(time.Minute), u); err != nil {
		t.Fatalf("UseSetupToken: %v", err)
	}
	if u.ID == 0 {
		t.Errorf("UseSetupToken did not set the user's id")
	}
	got, err := s.UserByName(ctx, "anna")
	if err != nil {
		t.Fatalf("UserByName after setup: %v", err)
	}
	if got.ID != u.ID || got.Role != openline.RoleTrainer {
		t.Errorf("UserByName after setup = %+v, want trainer %d", got, u.ID)
	}
	if !got.CreatedAt.Equal(at(time.Minute)) {
		t.Errorf("CreatedAt = %v, want the time the token was used, %v", got.CreatedAt, at(time.Minute))
	}
	// Single use.
	err = s.UseSetupToken(ctx, "tok", at(2*time.Minute), &openline.User{Name: "bert", Role: openline.RoleTrainer, PasswordHash: "x"})
	wantErr(t, "UseSetupToken a second time", err, openline.ErrNotFound)
	if n, _ := s.CountUsers(ctx); n != 1 {
		t.Errorf("CountUsers = %d, want 1", n)
	}
}

// testSetupTokenReplaced: a new token replaces the earlier one, as each
// start of the server makes one.
func testSetupTokenReplaced(t *testing.T, s openline.Store) {
	ctx := context.Background()
	for _, tok := range []string{"first", "second"} {
		if err := s.CreateSetupToken(ctx, tok, at(time.Hour)); err != nil {
			t.Fatalf("CreateSetupToken(%s): %v", tok, err)
		}
	}
	err := s.UseSetupToken(ctx, "first", at(time.Minute), &openline.User{Name: "anna", Role: openline.RoleTrainer, PasswordHash: "x"})
	wantErr(t, "UseSetupToken(the replaced token)", err, openline.ErrNotFound)
	if err := s.UseSetupToken(ctx, "second", at(time.Minute), &openline.User{Name: "anna", Role: openline.RoleTrainer, PasswordHash: "x"}); err != nil {
		t.Errorf("UseSetupToken(the newest token): %v", err)
	}
}

func testSetupTokenExpired(t *testing.T, s openline.Store) {
	ctx := context.Background()
	if err := s.CreateSetupToken(ctx, "tok", at(time.Hour)); err != nil {
		t.Fatalf("CreateSetupToken: %v", err)
	}
	for _, now := range []time.Time{at(time.Hour), at(2 * time.Hour)} {
		err := s.UseSetupToken(ctx, "tok", now, &openline.User{Name: "anna", Role: openline.RoleTrainer, PasswordHash: "x"})
		wantErr(t, fmt.Sprintf("UseSetupToken %v after creation", now.Sub(t0)), err, openline.ErrNotFound)
	}
	if n, _ := s.CountUsers(ctx); n != 0 {
		t.Errorf("CountUsers = %d after an expired token, want 0", n)
	}
}

func testSetupTokenOnlyWithoutAccount(t *testing.T, s openline.Store) {
	ctx := context.Background()
	if err := s.CreateSetupToken(ctx, "tok", at(time.Hour)); err != nil {
		t.Fatalf("CreateSetupToken: %v", err)
	}
	MustUser(t, s, "existing", openline.RoleTrainee)
	err := s.UseSetupToken(ctx, "tok", at(time.Minute), &openline.User{Name: "anna", Role: openline.RoleTrainer, PasswordHash: "x"})
	wantErr(t, "UseSetupToken with an account", err, openline.ErrConflict)
	if _, err := s.UserByName(ctx, "anna"); !errors.Is(err, openline.ErrNotFound) {
		t.Errorf("UserByName(anna) after a refused setup: %v, want ErrNotFound", err)
	}

}

// testSetupTokenRace uses the one valid token several times at once:
// exactly one account results; the other setups find the token used
// (ErrNotFound) or an account there (ErrConflict).
func testSetupTokenRace(t *testing.T, s openline.Store) {
	ctx := context.Background()
	if err := s.CreateSetupToken(ctx, "tok", at(time.Hour)); err != nil {
		t.Fatalf("CreateSetupToken: %v", err)
	}
	names := []string{"a", "b", "c", "d"}
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() {
			errs[i] = s.UseSetupToken(ctx, "tok", at(time.Minute), &openline.User{Name: "trainer-" + name, Role: openline.RoleTrainer, PasswordHash: "x"})
		})
	}
	wg.Wait()
	ok := 0
	for i, err := range errs {
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, openline.ErrNotFound) && !errors.Is(err, openline.ErrConflict):
			t.Errorf("UseSetupToken for %s: %v, want nil, ErrNotFound or ErrConflict", names[i], err)
		}
	}
	if n, _ := s.CountUsers(ctx); ok != 1 || n != 1 {
		t.Errorf("%d setups succeeded and %d accounts exist, want 1 and 1", ok, n)
	}
}

func testCalls(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	want := MustCall(t, s, "c1", anna, "herr-b", at(time.Minute))
	got, err := s.Call(ctx, "c1")
	if err != nil {
		t.Fatalf("Call: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Call = %+v\nwant %+v", got, want)
	}
	if got.EndedAt != nil || got.Outcome != openline.OutcomeNone || got.Openness != nil || got.Curiosity != nil {
		t.Errorf("a new call is not open and unscored: %+v", got)
	}
	// Times come back as the same instant, in UTC.
	cet := at(2 * time.Minute).In(time.FixedZone("CET", 3600))
	MustCall(t, s, "c2", anna, "herr-b", cet)
	c2, err := s.Call(ctx, "c2")
	if err != nil {
		t.Fatalf("Call(c2): %v", err)
	}
	if !c2.StartedAt.Equal(cet) || c2.StartedAt.Location() != time.UTC {
		t.Errorf("StartedAt of a call started at %v = %v, want the same instant in UTC", cet, c2.StartedAt)
	}
	_, err = s.Call(ctx, "nope")
	wantErr(t, "Call(unknown)", err, openline.ErrNotFound)
	_, err = s.Turns(ctx, "nope")
	wantErr(t, "Turns(unknown)", err, openline.ErrNotFound)
	turns, err := s.Turns(ctx, "c1")
	if err != nil || len(turns) != 0 {
		t.Errorf("Turns of a new call = %v, %v; want none", turns, err)
	}
	_, err = s.Scorecard(ctx, "c1")
	wantErr(t, "Scorecard before the end", err, openline.ErrNotFound)
}

func testCallConflicts(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	MustCall(t, s, "c1", anna, "herr-b", t0)
	err := s.CreateCall(ctx, &openline.Call{ID: "c1", UserID: anna.ID, ScenarioID: "x", StartedAt: t0})
	wantErr(t, "CreateCall(same id)", err, openline.ErrConflict)
	err = s.CreateCall(ctx, &openline.Call{ID: "c2", UserID: anna.ID + 100, ScenarioID: "x", StartedAt: t0})
	wantErr(t, "CreateCall(unknown user)", err, openline.ErrNotFound)
	if err := s.CreateCall(ctx, &openline.Call{UserID: anna.ID, ScenarioID: "x", StartedAt: t0}); err == nil {
		t.Errorf("CreateCall without an id: no error")
	}
}

// turn builds a stored turn; the prospect's turns carry a state.
func turn(callID string, i int, sp openline.Speaker, text string) openline.StoredTurn {
	start, end := int64(i*1000), int64(i*1000+800)
	st := openline.StoredTurn{
		CallID: callID, Index: i, At: at(time.Duration(i) * time.Second),
		Turn: openline.Turn{Speaker: sp, Text: text, StartMS: &start, EndMS: &end},
	}
	if sp == openline.Prospect {
		st.State = &openline.ProspectState{Node: "talk", Patience: 4, Interest: i, Revealed: []string{"nachwuchs"}}
	}
	return st
}

// llmTurn gives a prospect turn the cost and latency of an LLM engine's.
func llmTurn(st openline.StoredTurn) openline.StoredTurn {
	st.LLM = &openline.LLMTurn{Model: "gpt-4o-mini", TokensIn: 812, TokensOut: 23, FirstTokenMS: 640, TotalMS: 1210, Requests: 2, Guard: "stage"}
	return st
}

func testTurns(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	MustCall(t, s, "c1", anna, "herr-b", t0)
	MustCall(t, s, "c2", anna, "herr-b", t0)
	want := []openline.StoredTurn{
		turn("c1", 0, openline.Prospect, "B., guten Tag?"),
		turn("c1", 1, openline.Trainee, "Guten Tag, Herr B.! Wie geht es Ihnen – ganz ehrlich?"),
		llmTurn(turn("c1", 2, openline.Prospect, "Hello, who's calling? 👋")),
		{CallID: "c1", Index: 3, At: at(time.Minute), Turn: openline.Turn{Speaker: openline.Trainee, Text: ""}},
	}
	for _, tr := range want {
		if err := s.AppendTurn(ctx, tr); err != nil {
			t.Fatalf("AppendTurn(%d): %v", tr.Index, err)
		}
	}
	// Another call's turns start at 0 and do not mix.
	if err := s.AppendTurn(ctx, turn("c2", 0, openline.Trainee, "Hallo?")); err != nil {
		t.Fatalf("AppendTurn(c2, 0): %v", err)
	}
	got, err := s.Turns(ctx, "c1")
	if err != nil {
		t.Fatalf("Turns: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Turns =\n%+v\nwant\n%+v", got, want)
	}
	if got, _ := s.Turns(ctx, "c2"); len(got) != 1 || got[0].Text != "Hallo?" {
		t.Errorf("Turns(c2) = %+v, want the one turn", got)
	}
}

func testTurnOrdering(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	MustCall(t, s, "c1", anna, "herr-b", t0)
	tests := []struct {
		name string
		t    openline.StoredTurn
		want error
	}{
		{"first turn not 0", turn("c1", 1, openline.Trainee, "a"), openline.ErrConflict},
		{"turn 0", turn("c1", 0, openline.Trainee, "a"), nil},
		{"turn 0 again", turn("c1", 0, openline.Trainee, "b"), openline.ErrConflict},
		{"skipping 1", turn("c1", 2, openline.Prospect, "c"), openline.ErrConflict},
		{"negative", turn("c1", -1, openline.Prospect, "c"), openline.ErrConflict},
		{"turn 1", turn("c1", 1, openline.Prospect, "b"), nil},
		{"unknown call", turn("nope", 0, openline.Trainee, "a"), openline.ErrNotFound},
	}
	for _, tt := range tests {
		wantErr(t, "AppendTurn "+tt.name, s.AppendTurn(ctx, tt.t), tt.want)
	}
	if err := s.AppendTurn(ctx, turn("c1", 2, "narrator", "x")); err == nil {
		t.Errorf("AppendTurn with an unknown speaker: no error")
	}
	got, err := s.Turns(ctx, "c1")
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, tr := range got {
		texts = append(texts, tr.Text)
	}
	if want := []string{"a", "b"}; !slices.Equal(texts, want) {
		t.Errorf("stored texts = %q, want %q", texts, want)
	}
	// No turn after the end.
	if err := s.EndCall(ctx, "c1", openline.CallEnd{At: at(time.Minute), Outcome: openline.OutcomeHungUp}); err != nil {
		t.Fatal(err)
	}
	wantErr(t, "AppendTurn after EndCall", s.AppendTurn(ctx, turn("c1", 2, openline.Trainee, "hallo?")), openline.ErrConflict)
}

func sampleCard() *openline.Scorecard {
	return &openline.Scorecard{
		Language: openline.German, Scenario: "herr-b", Openness: 72, Curiosity: 55,
		Metrics: openline.Metrics{
			TraineeQuestions: 3, OpenQuestions: 2, ClosedQuestions: 1, TalkShare: 0.42,
			NeedsDiscovered: []string{"nachwuchs"}, NeedsTotal: 2, TalkShareBy: "words",
		},
		Turns: []openline.TurnActs{
			{Index: 0, Speaker: openline.Prospect, Acts: []openline.Act{}},
			{Index: 1, Speaker: openline.Trainee, Acts: []openline.Act{openline.ActGreeting, openline.ActOpenQuestion}},
		},
		Evidence: []openline.Evidence{{Turn: 1, Dimension: openline.DimensionCuriosity, Effect: "+", Quote: "Wie geht es Ihnen", Why: "offene Frage"}},
		Tips:     []openline.Tip{{Turn: -1, Text: "Fragen Sie nach.", Better: "Was genau meinen Sie?"}},
	}
}

func testEndCall(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	MustCall(t, s, "c1", anna, "herr-b", t0)
	card := sampleCard()
	ended := at(5*time.Minute + 123*time.Millisecond)
	if err := s.EndCall(ctx, "c1", openline.CallEnd{At: ended, By: openline.Prospect, Outcome: openline.OutcomeNextStep, NextStep: "meeting", Card: card}); err != nil {
		t.Fatalf("EndCall: %v", err)
	}
	c, err := s.Call(ctx, "c1")
	if err != nil {
		t.Fatal(err)
	}
	if c.EndedAt == nil || !c.EndedAt.Equal(ended) || c.EndedAt.Location() != time.UTC {
		t.Errorf("EndedAt = %v, want %v in UTC", c.EndedAt, ended)
	}
	if c.Outcome != openline.OutcomeNextStep || c.NextStep != "meeting" {
		t.Errorf("outcome %q next step %q, want next_step meeting", c.Outcome, c.NextStep)
	}
	if c.EndedBy != openline.Prospect {
		t.Errorf("EndedBy = %q, want prospect (stored with the end)", c.EndedBy)
	}
	if c.Openness == nil || *c.Openness != 72 || c.Curiosity == nil || *c.Curiosity != 55 {
		t.Errorf("scores %v %v, want 72 55", c.Openness, c.Curiosity)
	}
	got, err := s.Scorecard(ctx, "c1")
	if err != nil {
		t.Fatalf("Scorecard: %v", err)
	}
	if !reflect.DeepEqual(got, card) {
		t.Errorf("Scorecard = %+v\nwant %+v", got, card)
	}
	err = s.EndCall(ctx, "c1", openline.CallEnd{At: ended, Outcome: openline.OutcomeHungUp, Card: card})
	wantErr(t, "EndCall twice", err, openline.ErrConflict)
	err = s.EndCall(ctx, "nope", openline.CallEnd{At: ended, Outcome: openline.OutcomeHungUp, Card: card})
	wantErr(t, "EndCall(unknown)", err, openline.ErrNotFound)
	_, err = s.Scorecard(ctx, "nope")
	wantErr(t, "Scorecard(unknown)", err, openline.ErrNotFound)
	MustCall(t, s, "c2", anna, "herr-b", t0)
	if err := s.EndCall(ctx, "c2", openline.CallEnd{At: ended, Outcome: openline.OutcomeNone}); err == nil {
		t.Errorf("EndCall with no outcome: no error")
	}
	if err := s.EndCall(ctx, "c2", openline.CallEnd{At: ended, By: "robot", Outcome: openline.OutcomeHungUp}); err == nil {
		t.Errorf("EndCall by robot: no error")
	}
	if c2, err := s.Call(ctx, "c2"); err != nil || c2.EndedAt != nil {
		t.Errorf("c2 after refused ends: %+v, %v; want open", c2, err)
	}
}

func testEndCallWithoutScorecard(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	MustCall(t, s, "c1", anna, "herr-b", t0)
	if err := s.EndCall(ctx, "c1", openline.CallEnd{At: at(time.Minute), Outcome: openline.OutcomeInterrupted}); err != nil {
		t.Fatalf("EndCall: %v", err)
	}
	c, err := s.Call(ctx, "c1")
	if err != nil {
		t.Fatal(err)
	}
	if c.EndedAt == nil || c.Outcome != openline.OutcomeInterrupted || c.Openness != nil || c.Curiosity != nil {
		t.Errorf("call = %+v, want ended, interrupted, unscored", c)
	}
	_, err = s.Scorecard(ctx, "c1")
	wantErr(t, "Scorecard of a call ended without one", err, openline.ErrNotFound)
}

func callIDs(cs []openline.Call) []string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	return ids
}

func testListCalls(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	bert := MustUser(t, s, "bert", openline.RoleTrainee)
	MustCall(t, s, "a1", anna, "herr-b", at(1*time.Minute))
	MustCall(t, s, "b1", bert, "herr-b", at(2*time.Minute))
	MustCall(t, s, "a2", anna, "frau-k", at(3*time.Minute))
	MustCall(t, s, "b2", bert, "frau-k", at(4*time.Minute))
	// Same start: the larger id comes first.
	MustCall(t, s, "a3", anna, "herr-b", at(4*time.Minute))
	if err := s.EndCall(ctx, "a1", openline.CallEnd{At: at(10 * time.Minute), Outcome: openline.OutcomePoliteEnd, Card: sampleCard()}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    openline.CallFilter
		want []string
	}{
		{"all", openline.CallFilter{}, []string{"b2", "a3", "a2", "b1", "a1"}},
		{"by user id", openline.CallFilter{UserID: anna.ID}, []string{"a3", "a2", "a1"}},
		{"by user name", openline.CallFilter{UserName: "bert"}, []string{"b2", "b1"}},
		{"by scenario", openline.CallFilter{ScenarioID: "herr-b"}, []string{"a3", "b1", "a1"}},
		{"by user and scenario", openline.CallFilter{UserName: "anna", ScenarioID: "frau-k"}, []string{"a2"}},
		{"user id and name disagree", openline.CallFilter{UserID: anna.ID, UserName: "bert"}, []string{}},
		{"unknown user", openline.CallFilter{UserName: "nobody"}, []string{}},
		{"limit", openline.CallFilter{Limit: 2}, []string{"b2", "a3"}},
		{"negative limit is the default", openline.CallFilter{Limit: -1}, []string{"b2", "a3", "a2", "b1", "a1"}},
	}
	for _, tt := range tests {
		got, err := s.ListCalls(ctx, tt.f)
		if err != nil {
			t.Errorf("ListCalls %s: %v", tt.name, err)
			continue
		}
		if ids := callIDs(got); !slices.Equal(ids, tt.want) {
			t.Errorf("ListCalls %s = %q, want %q", tt.name, ids, tt.want)
		}
	}
	all, err := s.ListCalls(ctx, openline.CallFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range all {
		want := map[string]string{"a": "anna", "b": "bert"}[c.ID[:1]]
		if c.UserName != want {
			t.Errorf("call %s UserName = %q, want %q", c.ID, c.UserName, want)
		}
		if ended := c.ID == "a1"; (c.EndedAt != nil) != ended || (c.Openness != nil) != ended {
			t.Errorf("call %s EndedAt %v Openness %v", c.ID, c.EndedAt, c.Openness)
		}
	}
}

func testListCallsLimit(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	n := openline.CallListDefault + 5
	for i := range n {
		MustCall(t, s, fmt.Sprintf("c%04d", i), anna, "herr-b", at(time.Duration(i)*time.Second))
	}
	got, err := s.ListCalls(ctx, openline.CallFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != openline.CallListDefault {
		t.Fatalf("ListCalls with no limit returned %d calls, want %d", len(got), openline.CallListDefault)
	}
	if first, want := got[0].ID, fmt.Sprintf("c%04d", n-1); first != want {
		t.Errorf("first call %s, want the newest, %s", first, want)
	}
	got, err = s.ListCalls(ctx, openline.CallFilter{Limit: openline.CallListMax + 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Errorf("ListCalls with limit %d returned %d calls, want all %d", openline.CallListMax+1, len(got), n)
	}
}

func testOpenCalls(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	open, err := s.OpenCalls(ctx)
	if err != nil || len(open) != 0 {
		t.Fatalf("OpenCalls on an empty store = %v, %v", open, err)
	}
	MustCall(t, s, "c1", anna, "herr-b", at(1*time.Minute))
	MustCall(t, s, "c2", anna, "herr-b", at(2*time.Minute))
	MustCall(t, s, "c3", anna, "herr-b", at(3*time.Minute))
	if err := s.EndCall(ctx, "c2", openline.CallEnd{At: at(4 * time.Minute), Outcome: openline.OutcomeHungUp}); err != nil {
		t.Fatal(err)
	}
	open, err = s.OpenCalls(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ids, want := callIDs(open), []string{"c1", "c3"}; !slices.Equal(ids, want) {
		t.Errorf("OpenCalls = %q, want %q", ids, want)
	}
	for _, c := range open {
		if c.UserName != "anna" {
			t.Errorf("OpenCalls %s UserName = %q, want anna", c.ID, c.UserName)
		}
	}
}

func testScenarioVersions(t *testing.T, s openline.Store) {
	ctx := context.Background()
	src := []byte("id: herr-b\ntitle: \"Herr B. – Handwerker\"\n")
	for i := range 2 {
		if err := s.SaveScenarioVersion(ctx, "herr-b", "v1", src, at(time.Duration(i)*time.Minute)); err != nil {
			t.Fatalf("SaveScenarioVersion #%d: %v", i+1, err)
		}
	}
	if err := s.SaveScenarioVersion(ctx, "herr-b", "v2", []byte("other"), t0); err != nil {
		t.Fatalf("SaveScenarioVersion(v2): %v", err)
	}
	got, err := s.ScenarioVersion(ctx, "herr-b", "v1")
	if err != nil || string(got) != string(src) {
		t.Errorf("ScenarioVersion(v1) = %q, %v; want %q", got, err, src)
	}
	got, err = s.ScenarioVersion(ctx, "herr-b", "v2")
	if err != nil || string(got) != "other" {
		t.Errorf("ScenarioVersion(v2) = %q, %v; want %q", got, err, "other")
	}
	_, err = s.ScenarioVersion(ctx, "herr-b", "v3")
	wantErr(t, "ScenarioVersion(unknown version)", err, openline.ErrNotFound)
	_, err = s.ScenarioVersion(ctx, "frau-k", "v1")
	wantErr(t, "ScenarioVersion(unknown id)", err, openline.ErrNotFound)
	err = s.SaveScenarioVersion(ctx, "herr-b", "v1", []byte("changed"), t0)
	wantErr(t, "SaveScenarioVersion(same version, other source)", err, openline.ErrConflict)
	if got, _ := s.ScenarioVersion(ctx, "herr-b", "v1"); string(got) != string(src) {
		t.Errorf("after the conflict ScenarioVersion(v1) = %q, want the first source", got)
	}
}

// testConcurrentWrites appends the turns of several calls at once, as a
// server with many live calls does, and creates accounts meanwhile.
func testConcurrentWrites(t *testing.T, s openline.Store) {
	ctx := context.Background()
	testSetupTokenRace(t, s)
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	const calls, turns = 8, 25
	for i := range calls {
		MustCall(t, s, fmt.Sprintf("c%d", i), anna, "herr-b", at(time.Duration(i)*time.Second))
	}
	var wg sync.WaitGroup
	errs := make(chan error, calls+1)
	for i := range calls {
		wg.Go(func() {
			id := fmt.Sprintf("c%d", i)
			for j := range turns {
				sp := []openline.Speaker{openline.Trainee, openline.Prospect}[j%2]
				if err := s.AppendTurn(ctx, turn(id, j, sp, fmt.Sprintf("%s turn %d", id, j))); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Go(func() {
		for j := range 10 {
			u := &openline.User{Name: fmt.Sprintf("user%d", j), Role: openline.RoleTrainee, PasswordHash: "x", CreatedAt: t0}
			if err := s.CreateUser(ctx, u); err != nil {
				errs <- err
				return
			}
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent write: %v", err)
	}
	for i := range calls {
		id := fmt.Sprintf("c%d", i)
		got, err := s.Turns(ctx, id)
		if err != nil || len(got) != turns {
			t.Errorf("Turns(%s): %d turns, %v; want %d", id, len(got), err, turns)
			continue
		}
		for j, tr := range got {
			if want := fmt.Sprintf("%s turn %d", id, j); tr.Index != j || tr.Text != want {
				t.Errorf("Turns(%s)[%d] = %d %q, want %q", id, j, tr.Index, tr.Text, want)
			}
		}
	}
}

// testTimesFromTheCaller checks that the store never reads the clock: a
// write without its time is refused and stores nothing.
func testTimesFromTheCaller(t *testing.T, s openline.Store) {
	ctx := context.Background()
	err := s.CreateUser(ctx, &openline.User{Name: "anna", Role: openline.RoleTrainee, PasswordHash: "x"})
	if err == nil {
		t.Errorf("CreateUser without CreatedAt: no error")
	}
	if n, _ := s.CountUsers(ctx); n != 0 {
		t.Errorf("CountUsers = %d after a refused CreateUser, want 0", n)
	}
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	if err := s.CreateSession(ctx, openline.Session{TokenHash: "h", UserID: anna.ID, ExpiresAt: at(time.Hour)}); err == nil {
		t.Errorf("CreateSession without CreatedAt: no error")
	}
	if err := s.CreateCall(ctx, &openline.Call{ID: "c0", UserID: anna.ID, ScenarioID: "herr-b"}); err == nil {
		t.Errorf("CreateCall without StartedAt: no error")
	}
	if _, err := s.Call(ctx, "c0"); !errors.Is(err, openline.ErrNotFound) {
		t.Errorf("Call after a refused CreateCall: %v, want ErrNotFound", err)
	}
	MustCall(t, s, "c1", anna, "herr-b", t0)
	noAt := turn("c1", 0, openline.Trainee, "Hallo?")
	noAt.At = time.Time{}
	if err := s.AppendTurn(ctx, noAt); err == nil {
		t.Errorf("AppendTurn without At: no error")
	}
	if err := s.EndCall(ctx, "c1", openline.CallEnd{At: time.Time{}, Outcome: openline.OutcomeHungUp}); err == nil {
		t.Errorf("EndCall without its time: no error")
	}
	if err := s.SaveScenarioVersion(ctx, "herr-b", "v1", []byte("x"), time.Time{}); err == nil {
		t.Errorf("SaveScenarioVersion without its time: no error")
	}
	if turns, err := s.Turns(ctx, "c1"); err != nil || len(turns) != 0 {
		t.Errorf("Turns = %v, %v; want none", turns, err)
	}
	if c, err := s.Call(ctx, "c1"); err != nil || c.EndedAt != nil {
		t.Errorf("Call = %+v, %v; want open", c, err)
	}
}

// lease is owner's lease taken at at(d) for a minute.
func lease(owner string, d time.Duration) openline.Lease {
	return openline.Lease{Owner: owner, At: at(d), Until: at(d + time.Minute)}
}

// newCall is a call of u that StartCall may create.
func newCall(id string, u *openline.User, started time.Time) *openline.Call {
	return &openline.Call{ID: id, UserID: u.ID, ScenarioID: "herr-b", ScenarioVersion: "v-herr-b",
		Engine: openline.EngineScripted, Language: openline.German, Seed: 7, StartedAt: started}
}

func testStartCall(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	c := newCall("c1", anna, at(time.Second))
	if err := s.StartCall(ctx, c, lease("a", 0), 5); err != nil {
		t.Fatalf("StartCall: %v", err)
	}
	got, err := s.Call(ctx, "c1")
	if err != nil {
		t.Fatal(err)
	}
	c.UserName = "anna"
	if !reflect.DeepEqual(got, c) {
		t.Errorf("Call = %+v\nwant %+v", got, c)
	}
	// The lease holds: another server cannot take it, the owner renews it.
	wantErr(t, "LeaseCall by another server", s.LeaseCall(ctx, "c1", lease("b", time.Second)), openline.ErrLeased)
	wantErr(t, "LeaseCall by the owner", s.LeaseCall(ctx, "c1", lease("a", time.Second)), nil)
	wantErr(t, "StartCall(same id)", s.StartCall(ctx, newCall("c1", anna, t0), lease("a", 0), 5), openline.ErrConflict)
	wantErr(t, "StartCall(unknown user)", s.StartCall(ctx, &openline.Call{ID: "c2", UserID: anna.ID + 100, ScenarioID: "x", StartedAt: t0}, lease("a", 0), 5), openline.ErrNotFound)
	if err := s.StartCall(ctx, newCall("c3", anna, t0), openline.Lease{At: t0, Until: at(time.Minute)}, 5); err == nil {
		t.Errorf("StartCall without a lease owner: no error")
	}
}

// testStartCallLimit keeps the per-user limit of live calls: calls that
// ended or whose lease lapsed do not count, other users' calls neither,
// and starts at once do not overshoot it.
// testStartCallLimitAmongHistory: a user's ended calls, however many,
// with leases that still hold or not, never count as live; the open ones
// do, and only theirs.
func testStartCallLimitAmongHistory(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	bert := MustUser(t, s, "bert", openline.RoleTrainee)
	const maxLive = 2
	for i := range 30 {
		id := fmt.Sprintf("old%d", i)
		// Their leases hold when the live calls start: only the end
		// makes them not live.
		if err := s.StartCall(ctx, newCall(id, anna, at(time.Duration(i)*time.Second)), lease("a", 10*time.Minute-10*time.Second), 100); err != nil {
			t.Fatalf("StartCall %s: %v", id, err)
		}
		if err := s.EndCall(ctx, id, openline.CallEnd{At: at(time.Duration(i)*time.Second + time.Millisecond), Outcome: openline.OutcomeHungUp}); err != nil {
			t.Fatalf("EndCall %s: %v", id, err)
		}
	}
	for i := range 3 {
		if err := s.StartCall(ctx, newCall(fmt.Sprintf("b%d", i), bert, t0), lease("a", time.Minute), 100); err != nil {
			t.Fatal(err)
		}
	}
	for i := range maxLive {
		if err := s.StartCall(ctx, newCall(fmt.Sprintf("live%d", i), anna, at(time.Minute)), lease("a", time.Minute), maxLive); err != nil {
			t.Fatalf("live call %d after 30 ended ones: %v", i, err)
		}
	}
	wantErr(t, "StartCall over the limit among 30 ended calls", s.StartCall(ctx, newCall("over", anna, at(time.Minute)), lease("a", time.Minute), maxLive), openline.ErrLimit)
}

func testStartCallLimit(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	bert := MustUser(t, s, "bert", openline.RoleTrainee)
	const maxLive = 3
	for i := range maxLive {
		owner := []string{"a", "b"}[i%2]
		if err := s.StartCall(ctx, newCall(fmt.Sprintf("a%d", i), anna, t0), lease(owner, 0), maxLive); err != nil {
			t.Fatalf("StartCall #%d: %v", i, err)
		}
	}
	wantErr(t, "StartCall over the limit", s.StartCall(ctx, newCall("a9", anna, t0), lease("a", time.Second), maxLive), openline.ErrLimit)
	if _, err := s.Call(ctx, "a9"); !errors.Is(err, openline.ErrNotFound) {
		t.Errorf("a call refused by the limit was stored: %v", err)
	}
	wantErr(t, "StartCall of another user", s.StartCall(ctx, newCall("b0", bert, t0), lease("a", time.Second), maxLive), nil)
	// An ended call frees its place.
	if err := s.EndCall(ctx, "a0", openline.CallEnd{At: at(2 * time.Second), Outcome: openline.OutcomeHungUp}); err != nil {
		t.Fatal(err)
	}
	wantErr(t, "StartCall after one ended", s.StartCall(ctx, newCall("a3", anna, t0), lease("a", 3*time.Second), maxLive), nil)
	// Leases that lapsed (their server died) free theirs: a1 and a3 belong
	// to a, which renews nothing; b renews a2 to later.
	if err := s.RenewLeases(ctx, "b", at(10*time.Minute)); err != nil {
		t.Fatal(err)
	}
	wantErr(t, "StartCall while a's leases hold", s.StartCall(ctx, newCall("a4", anna, t0), lease("b", 30*time.Second), maxLive), openline.ErrLimit)
	wantErr(t, "StartCall after a's leases lapsed", s.StartCall(ctx, newCall("a4", anna, t0), lease("b", 2*time.Minute), maxLive), nil)

	// Starts at once, from two servers: exactly the free places are taken.
	carl := MustUser(t, s, "carl", openline.RoleTrainee)
	errs := make([]error, 8)
	var wg sync.WaitGroup
	for i := range errs {
		wg.Go(func() {
			errs[i] = s.StartCall(ctx, newCall(fmt.Sprintf("c%d", i), carl, t0), lease([]string{"a", "b"}[i%2], 0), maxLive)
		})
	}
	wg.Wait()
	ok := 0
	for i, err := range errs {
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, openline.ErrLimit):
			t.Errorf("StartCall c%d at once: %v, want nil or ErrLimit", i, err)
		}
	}
	if ok != maxLive {
		t.Errorf("%d calls started at once, want %d", ok, maxLive)
	}
}

func testLeases(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	MustCall(t, s, "c1", anna, "herr-b", t0)
	wantErr(t, "LeaseCall(unknown call)", s.LeaseCall(ctx, "nope", lease("a", 0)), openline.ErrNotFound)
	wantErr(t, "LeaseCall of a call without a lease", s.LeaseCall(ctx, "c1", lease("a", 0)), nil)
	wantErr(t, "LeaseCall by b while a's holds", s.LeaseCall(ctx, "c1", lease("b", 59*time.Second)), openline.ErrLeased)
	// a renews until 2 minutes; at 90 s b still cannot take it.
	if err := s.RenewLeases(ctx, "a", at(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	wantErr(t, "LeaseCall by b after a renewed", s.LeaseCall(ctx, "c1", lease("b", 90*time.Second)), openline.ErrLeased)
	// At its end the lease has lapsed: b takes the call over, and then a
	// cannot take it back.
	wantErr(t, "LeaseCall by b when a's lapsed", s.LeaseCall(ctx, "c1", lease("b", 2*time.Minute)), nil)
	wantErr(t, "LeaseCall by a after b took over", s.LeaseCall(ctx, "c1", lease("a", 2*time.Minute)), openline.ErrLeased)
	// a's renewals no longer touch it.
	if err := s.RenewLeases(ctx, "a", at(time.Hour)); err != nil {
		t.Fatal(err)
	}
	wantErr(t, "LeaseCall by a after its renewal", s.LeaseCall(ctx, "c1", lease("a", 3*time.Minute+time.Second)), nil)
	// Released, anyone may take it.
	if err := s.ReleaseLease(ctx, "c1", "a"); err != nil {
		t.Fatal(err)
	}
	wantErr(t, "ReleaseLease twice", s.ReleaseLease(ctx, "c1", "a"), nil)
	wantErr(t, "LeaseCall by b after the release", s.LeaseCall(ctx, "c1", lease("b", 3*time.Minute+time.Second)), nil)
	// Another owner's release does nothing.
	if err := s.ReleaseLease(ctx, "c1", "a"); err != nil {
		t.Fatal(err)
	}
	wantErr(t, "LeaseCall by a after a's release of b's lease", s.LeaseCall(ctx, "c1", lease("a", 3*time.Minute+2*time.Second)), openline.ErrLeased)
	// An ended call has no lease and takes none.
	if err := s.EndCall(ctx, "c1", openline.CallEnd{At: at(4 * time.Minute), Outcome: openline.OutcomeHungUp}); err != nil {
		t.Fatal(err)
	}
	wantErr(t, "LeaseCall of an ended call", s.LeaseCall(ctx, "c1", lease("a", 4*time.Minute)), openline.ErrConflict)
}

func testOrphanCalls(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	if got, err := s.OrphanCalls(ctx, "", t0); err != nil || len(got) != 0 {
		t.Fatalf("OrphanCalls on an empty store = %v, %v", got, err)
	}
	MustCall(t, s, "none", anna, "herr-b", at(1*time.Second)) // never leased
	for i, id := range []string{"a", "b", "ended"} {
		if err := s.StartCall(ctx, newCall(id, anna, at(time.Duration(2+i)*time.Second)), lease(id, 0), 10); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RenewLeases(ctx, "b", at(10*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := s.EndCall(ctx, "ended", openline.CallEnd{At: at(time.Second), Outcome: openline.OutcomeHungUp}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		owner  string
		lapsed time.Time
		want   []string
	}{
		{"while every lease holds", "", at(30 * time.Second), []string{"none"}},
		{"a's lease lapsed", "", at(time.Minute), []string{"none", "a"}},
		{"b's own, at its restart", "b", at(30 * time.Second), []string{"none", "b"}},
		{"all lapsed", "", at(time.Hour), []string{"none", "a", "b"}},
	}
	for _, tt := range tests {
		got, err := s.OrphanCalls(ctx, tt.owner, tt.lapsed)
		if err != nil {
			t.Errorf("OrphanCalls %s: %v", tt.name, err)
			continue
		}
		if ids := callIDs(got); !slices.Equal(ids, tt.want) {
			t.Errorf("OrphanCalls %s = %q, want %q", tt.name, ids, tt.want)
		}
	}
}

// testDeactivateUser: a deactivated account keeps its calls, loses its
// sessions, is never a session's user again, and says when it was
// deactivated; deactivating twice keeps the first time.
func testDeactivateUser(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	ben := MustUser(t, s, "ben", openline.RoleTrainee)
	MustCall(t, s, "11111111-1111-4111-8111-111111111111", anna, "herr-b", at(time.Minute))
	for _, sess := range []openline.Session{
		{TokenHash: "anna-1", UserID: anna.ID, CreatedAt: at(0), ExpiresAt: at(time.Hour)},
		{TokenHash: "anna-2", UserID: anna.ID, CreatedAt: at(0), ExpiresAt: at(time.Hour)},
		{TokenHash: "ben-1", UserID: ben.ID, CreatedAt: at(0), ExpiresAt: at(time.Hour)},
	} {
		if err := s.CreateSession(ctx, sess); err != nil {
			t.Fatal(err)
		}
	}
	if u, err := s.UserByID(ctx, anna.ID); err != nil || !u.Active() {
		t.Fatalf("new account: %+v, %v; want active", u, err)
	}
	if err := s.DeactivateUser(ctx, anna.ID, at(2*time.Minute)); err != nil {
		t.Fatalf("DeactivateUser: %v", err)
	}
	if err := s.DeactivateUser(ctx, anna.ID, at(3*time.Minute)); err != nil {
		t.Fatalf("DeactivateUser again: %v", err)
	}
	u, err := s.UserByID(ctx, anna.ID)
	if err != nil {
		t.Fatal(err)
	}
	if u.Active() || !u.DeactivatedAt.Equal(at(2*time.Minute)) {
		t.Errorf("deactivated at %v, want %v", u.DeactivatedAt, at(2*time.Minute))
	}
	for _, h := range []string{"anna-1", "anna-2"} {
		_, err := s.SessionUser(ctx, h, at(time.Minute))
		wantErr(t, "SessionUser of a deactivated account", err, openline.ErrNotFound)
	}
	if got, err := s.SessionUser(ctx, "ben-1", at(time.Minute)); err != nil || got.ID != ben.ID {
		t.Errorf("another account's session: %+v, %v", got, err)
	}
	if err := s.CreateSession(ctx, openline.Session{TokenHash: "anna-3", UserID: anna.ID, CreatedAt: at(4 * time.Minute), ExpiresAt: at(time.Hour)}); err == nil {
		if _, err := s.SessionUser(ctx, "anna-3", at(5*time.Minute)); !errors.Is(err, openline.ErrNotFound) {
			t.Errorf("a session made after deactivation answers %v, want ErrNotFound", err)
		}
	}
	calls, err := s.ListCalls(ctx, openline.CallFilter{UserID: anna.ID})
	if err != nil || len(calls) != 1 {
		t.Errorf("calls of a deactivated account: %d, %v; want 1 kept", len(calls), err)
	}
	wantErr(t, "DeactivateUser(unknown)", s.DeactivateUser(ctx, 9999, at(0)), openline.ErrNotFound)
	list, err := s.ListUsers(ctx)
	if err != nil || len(list) != 2 || list[0].Active() || !list[1].Active() {
		t.Errorf("ListUsers = %+v, %v; want anna deactivated, ben active", list, err)
	}
}
