package storetest

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

// accountTests are the suite's tests of groups, renaming and reset links
// (openline.GroupStore, openline.AccountStore).
var accountTests = []struct {
	name string
	fn   func(t *testing.T, s openline.Store)
}{
	{"Groups", testGroups},
	{"GroupMembers", testGroupMembers},
	{"ListCallsByGroup", testListCallsByGroup},
	{"RenameUser", testRenameUser},
	{"PasswordReset", testPasswordReset},
	{"PasswordResetExpiresAndReplaces", testPasswordResetExpiresAndReplaces},
	{"PasswordResetDeactivated", testPasswordResetDeactivated},
}

// MustGroup creates a group.
func MustGroup(t testing.TB, s openline.Store, name string) *openline.Group {
	t.Helper()
	g := &openline.Group{Name: name, CreatedAt: t0}
	if err := s.CreateGroup(context.Background(), g); err != nil {
		t.Fatalf("CreateGroup(%q): %v", name, err)
	}
	return g
}

func testGroups(t *testing.T, s openline.Store) {
	ctx := context.Background()
	if gs, err := s.Groups(ctx); err != nil || gs == nil || len(gs) != 0 {
		t.Fatalf("Groups on an empty store = %#v, %v; want an empty slice", gs, err)
	}
	kurs := MustGroup(t, s, "Kurs Herbst")
	acme := MustGroup(t, s, "ACME GmbH")
	if kurs.ID == 0 || acme.ID == 0 || kurs.ID == acme.ID {
		t.Fatalf("ids %d and %d: want distinct and non-zero", kurs.ID, acme.ID)
	}
	wantErr(t, "CreateGroup(taken name)", s.CreateGroup(ctx, &openline.Group{Name: "ACME GmbH", CreatedAt: t0}), openline.ErrConflict)
	if err := s.CreateGroup(ctx, &openline.Group{Name: "", CreatedAt: t0}); err == nil {
		t.Error("CreateGroup with an empty name succeeded")
	}
	if err := s.CreateGroup(ctx, &openline.Group{Name: "no time"}); err == nil {
		t.Error("CreateGroup without a time succeeded")
	}
	got, err := s.Group(ctx, kurs.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, kurs) {
		t.Errorf("Group(%d) = %+v, want %+v", kurs.ID, got, kurs)
	}
	_, err = s.Group(ctx, 9999)
	wantErr(t, "Group(unknown)", err, openline.ErrNotFound)

	if err := s.RenameGroup(ctx, kurs.ID, "Kurs Winter"); err != nil {
		t.Fatalf("RenameGroup: %v", err)
	}
	wantErr(t, "RenameGroup(taken name)", s.RenameGroup(ctx, kurs.ID, "ACME GmbH"), openline.ErrConflict)
	wantErr(t, "RenameGroup(unknown)", s.RenameGroup(ctx, 9999, "x"), openline.ErrNotFound)
	if err := s.RenameGroup(ctx, kurs.ID, ""); err == nil {
		t.Error("RenameGroup to an empty name succeeded")
	}
	gs, err := s.Groups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, g := range gs {
		names = append(names, g.Name)
	}
	if want := []string{"ACME GmbH", "Kurs Winter"}; !slices.Equal(names, want) {
		t.Errorf("Groups = %q, want %q (by name)", names, want)
	}
}

func testGroupMembers(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	ben := MustUser(t, s, "ben", openline.RoleTrainee)
	team := MustGroup(t, s, "team")
	kurs := MustGroup(t, s, "kurs")
	for _, m := range []struct {
		g, u int64
	}{{team.ID, ben.ID}, {team.ID, anna.ID}, {team.ID, anna.ID}, {kurs.ID, anna.ID}} {
		if err := s.SetMember(ctx, m.g, m.u, true); err != nil {
			t.Fatalf("SetMember(%d, %d, true): %v", m.g, m.u, err)
		}
	}
	members := func(id int64) []int64 {
		t.Helper()
		g, err := s.Group(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return g.Members
	}
	if got, want := members(team.ID), []int64{min(anna.ID, ben.ID), max(anna.ID, ben.ID)}; !slices.Equal(got, want) {
		t.Errorf("team members = %v, want %v (ascending, once each)", got, want)
	}
	if got := members(kurs.ID); !slices.Equal(got, []int64{anna.ID}) {
		t.Errorf("kurs members = %v, want [%d]: a trainee may be in two groups", got, anna.ID)
	}
	for range 2 {
		if err := s.SetMember(ctx, team.ID, ben.ID, false); err != nil {
			t.Fatalf("SetMember(false): %v", err)
		}
	}
	if got := members(team.ID); !slices.Equal(got, []int64{anna.ID}) {
		t.Errorf("team members after taking ben out = %v, want [%d]", got, anna.ID)
	}
	wantErr(t, "SetMember(unknown group)", s.SetMember(ctx, 9999, anna.ID, true), openline.ErrNotFound)
	wantErr(t, "SetMember(unknown user)", s.SetMember(ctx, team.ID, 9999, true), openline.ErrNotFound)
	gs, err := s.Groups(ctx)
	if err != nil || len(gs) != 2 || !slices.Equal(gs[0].Members, []int64{anna.ID}) || !slices.Equal(gs[1].Members, []int64{anna.ID}) {
		t.Errorf("Groups = %+v, %v; want kurs and team with anna", gs, err)
	}
	empty := MustGroup(t, s, "leer")
	if got := members(empty.ID); got == nil || len(got) != 0 {
		t.Errorf("members of an empty group = %#v, want an empty slice", got)
	}
}

func testListCallsByGroup(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	ben := MustUser(t, s, "ben", openline.RoleTrainee)
	carl := MustUser(t, s, "carl", openline.RoleTrainee)
	team := MustGroup(t, s, "team")
	other := MustGroup(t, s, "other")
	for _, u := range []*openline.User{anna, ben} {
		if err := s.SetMember(ctx, team.ID, u.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetMember(ctx, other.ID, anna.ID, true); err != nil {
		t.Fatal(err)
	}
	MustCall(t, s, "a1", anna, "herr-b", at(1*time.Minute))
	MustCall(t, s, "b1", ben, "herr-b", at(2*time.Minute))
	MustCall(t, s, "c1", carl, "herr-b", at(3*time.Minute))
	for _, tt := range []struct {
		name string
		f    openline.CallFilter
		want []string
	}{
		{"the team's", openline.CallFilter{GroupID: team.ID}, []string{"b1", "a1"}},
		{"the other group's", openline.CallFilter{GroupID: other.ID}, []string{"a1"}},
		{"group and trainee", openline.CallFilter{GroupID: team.ID, UserName: "ben"}, []string{"b1"}},
		{"group and a trainee outside it", openline.CallFilter{GroupID: team.ID, UserID: carl.ID}, []string{}},
		{"unknown group", openline.CallFilter{GroupID: 9999}, []string{}},
	} {
		got, err := s.ListCalls(ctx, tt.f)
		if err != nil {
			t.Errorf("ListCalls %s: %v", tt.name, err)
			continue
		}
		if ids := callIDs(got); !slices.Equal(ids, tt.want) {
			t.Errorf("ListCalls %s = %q, want %q", tt.name, ids, tt.want)
		}
	}
}

func testRenameUser(t *testing.T, s openline.Store) {
	ctx := context.Background()
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	MustUser(t, s, "ben", openline.RoleTrainee)
	MustCall(t, s, "a1", anna, "herr-b", at(time.Minute))
	if err := s.RenameUser(ctx, anna.ID, "Anna Schmidt"); err != nil {
		t.Fatalf("RenameUser: %v", err)
	}
	if u, err := s.UserByName(ctx, "Anna Schmidt"); err != nil || u.ID != anna.ID {
		t.Errorf("UserByName(new name) = %+v, %v", u, err)
	}
	_, err := s.UserByName(ctx, "anna")
	wantErr(t, "UserByName(old name)", err, openline.ErrNotFound)
	if c, err := s.Call(ctx, "a1"); err != nil || c.UserName != "Anna Schmidt" {
		t.Errorf("the call shows %+v, %v; want the new name", c, err)
	}
	wantErr(t, "RenameUser(taken name)", s.RenameUser(ctx, anna.ID, "ben"), openline.ErrConflict)
	wantErr(t, "RenameUser(unknown)", s.RenameUser(ctx, 9999, "x"), openline.ErrNotFound)
	if err := s.RenameUser(ctx, anna.ID, ""); err == nil {
		t.Error("RenameUser to an empty name succeeded")
	}
}

// reset is a reset link of u made by by at d, working for an hour.
func reset(hash string, u, by *openline.User, d time.Duration) openline.PasswordReset {
	return openline.PasswordReset{TokenHash: hash, UserID: u.ID, CreatedBy: by.ID, CreatedAt: at(d), ExpiresAt: at(d + time.Hour)}
}

func testPasswordReset(t *testing.T, s openline.Store) {
	ctx := context.Background()
	tina := MustUser(t, s, "tina", openline.RoleTrainer)
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	for _, h := range []string{"anna-1", "anna-2"} {
		if err := s.CreateSession(ctx, openline.Session{TokenHash: h, UserID: anna.ID, CreatedAt: at(0), ExpiresAt: at(24 * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.CreateSession(ctx, openline.Session{TokenHash: "tina-1", UserID: tina.ID, CreatedAt: at(0), ExpiresAt: at(24 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreatePasswordReset(ctx, reset("link", anna, tina, time.Minute)); err != nil {
		t.Fatalf("CreatePasswordReset: %v", err)
	}
	if u, err := s.PasswordResetUser(ctx, "link", at(2*time.Minute)); err != nil || u.ID != anna.ID {
		t.Fatalf("PasswordResetUser = %+v, %v; want anna", u, err)
	}
	_, err := s.PasswordResetUser(ctx, "unknown", at(2*time.Minute))
	wantErr(t, "PasswordResetUser(unknown)", err, openline.ErrNotFound)
	_, err = s.UsePasswordReset(ctx, "unknown", at(2*time.Minute), "new-hash")
	wantErr(t, "UsePasswordReset(unknown)", err, openline.ErrNotFound)

	u, err := s.UsePasswordReset(ctx, "link", at(3*time.Minute), "new-hash")
	if err != nil || u.ID != anna.ID || u.PasswordHash != "new-hash" {
		t.Fatalf("UsePasswordReset = %+v, %v", u, err)
	}
	if got, err := s.UserByID(ctx, anna.ID); err != nil || got.PasswordHash != "new-hash" {
		t.Errorf("password hash after the reset: %+v, %v", got, err)
	}
	_, err = s.UsePasswordReset(ctx, "link", at(4*time.Minute), "second-hash")
	wantErr(t, "UsePasswordReset a second time", err, openline.ErrNotFound)
	_, err = s.PasswordResetUser(ctx, "link", at(4*time.Minute))
	wantErr(t, "PasswordResetUser of a used link", err, openline.ErrNotFound)
	if got, _ := s.UserByID(ctx, anna.ID); got.PasswordHash != "new-hash" {
		t.Errorf("a used link changed the password again: %q", got.PasswordHash)
	}
	for _, h := range []string{"anna-1", "anna-2"} {
		_, err := s.SessionUser(ctx, h, at(5*time.Minute))
		wantErr(t, "a session from before the reset", err, openline.ErrNotFound)
	}
	if got, err := s.SessionUser(ctx, "tina-1", at(5*time.Minute)); err != nil || got.ID != tina.ID {
		t.Errorf("the trainer's session after the reset: %+v, %v", got, err)
	}
	wantErr(t, "CreatePasswordReset(unknown account)", s.CreatePasswordReset(ctx, openline.PasswordReset{
		TokenHash: "x", UserID: 9999, CreatedBy: tina.ID, CreatedAt: at(0), ExpiresAt: at(time.Hour)}), openline.ErrNotFound)
	wantErr(t, "CreatePasswordReset(unknown creator)", s.CreatePasswordReset(ctx, openline.PasswordReset{
		TokenHash: "y", UserID: anna.ID, CreatedBy: 9999, CreatedAt: at(0), ExpiresAt: at(time.Hour)}), openline.ErrNotFound)
	if err := s.CreatePasswordReset(ctx, openline.PasswordReset{UserID: anna.ID, CreatedBy: tina.ID, CreatedAt: at(0), ExpiresAt: at(time.Hour)}); err == nil {
		t.Error("CreatePasswordReset without a token hash succeeded")
	}
	if _, err := s.UsePasswordReset(ctx, "link", at(0), ""); err == nil {
		t.Error("UsePasswordReset without a password hash succeeded")
	}
}

func testPasswordResetExpiresAndReplaces(t *testing.T, s openline.Store) {
	ctx := context.Background()
	tina := MustUser(t, s, "tina", openline.RoleTrainer)
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	ben := MustUser(t, s, "ben", openline.RoleTrainee)
	for _, r := range []openline.PasswordReset{reset("anna-old", anna, tina, 0), reset("ben", ben, tina, 0), reset("anna-new", anna, tina, time.Minute)} {
		if err := s.CreatePasswordReset(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	_, err := s.PasswordResetUser(ctx, "anna-old", at(2*time.Minute))
	wantErr(t, "an earlier link of the same account", err, openline.ErrNotFound)
	if u, err := s.PasswordResetUser(ctx, "ben", at(2*time.Minute)); err != nil || u.ID != ben.ID {
		t.Errorf("another account's link: %+v, %v; want it kept", u, err)
	}
	// A link works until its expiry, not at it.
	if _, err := s.PasswordResetUser(ctx, "anna-new", at(time.Hour+time.Minute-time.Millisecond)); err != nil {
		t.Errorf("a link just before it expires: %v", err)
	}
	_, err = s.PasswordResetUser(ctx, "anna-new", at(time.Hour+time.Minute))
	wantErr(t, "an expired link", err, openline.ErrNotFound)
	_, err = s.UsePasswordReset(ctx, "anna-new", at(2*time.Hour), "h")
	wantErr(t, "using an expired link", err, openline.ErrNotFound)
	if u, _ := s.UserByID(ctx, anna.ID); u.PasswordHash != "hash-of-anna" {
		t.Errorf("an expired link changed the password to %q", u.PasswordHash)
	}
}

func testPasswordResetDeactivated(t *testing.T, s openline.Store) {
	ctx := context.Background()
	tina := MustUser(t, s, "tina", openline.RoleTrainer)
	anna := MustUser(t, s, "anna", openline.RoleTrainee)
	if err := s.CreatePasswordReset(ctx, reset("link", anna, tina, 0)); err != nil {
		t.Fatal(err)
	}
	if err := s.DeactivateUser(ctx, anna.ID, at(time.Minute)); err != nil {
		t.Fatal(err)
	}
	_, err := s.PasswordResetUser(ctx, "link", at(2*time.Minute))
	wantErr(t, "the link of a deactivated account", err, openline.ErrNotFound)
	_, err = s.UsePasswordReset(ctx, "link", at(2*time.Minute), "h")
	wantErr(t, "using the link of a deactivated account", err, openline.ErrNotFound)
	wantErr(t, "CreatePasswordReset(deactivated)", s.CreatePasswordReset(ctx, reset("again", anna, tina, 2*time.Minute)), openline.ErrNotFound)
}
