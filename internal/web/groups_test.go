package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// mustGroup creates a group with the named trainees in it, directly in
// the store, and returns its id.
func (a *app) mustGroup(name string, members ...string) int64 {
	a.t.Helper()
	ctx := context.Background()
	g := &openline.Group{Name: name, CreatedAt: a.clock.Now()}
	if err := a.store.CreateGroup(ctx, g); err != nil {
		a.t.Fatal(err)
	}
	for _, m := range members {
		u, err := a.store.UserByName(ctx, m)
		if err != nil {
			a.t.Fatal(err)
		}
		if err := a.store.SetMember(ctx, g.ID, u.ID, true); err != nil {
			a.t.Fatal(err)
		}
	}
	return g.ID
}

// userID is the id of the named account.
func (a *app) userID(name string) int64 {
	a.t.Helper()
	u, err := a.store.UserByName(context.Background(), name)
	if err != nil {
		a.t.Fatal(err)
	}
	return u.ID
}

// wantStatus fails unless the request answers want; it returns the body.
func (a *app) wantStatus(want int, method, path, cookie string, body any) []byte {
	a.t.Helper()
	status, b, _ := a.do(method, path, cookie, body)
	if status != want {
		a.t.Fatalf("%s %s: %d %s, want %d", method, path, status, b, want)
	}
	return b
}

func TestGroups(t *testing.T) {
	a := mustApp(t)
	a.mustUser("tina", openline.RoleTrainer)
	a.mustUser("anna", openline.RoleTrainee)
	a.mustUser("ben", openline.RoleTrainee)
	tina := a.login("tina")
	anna, ben := a.userID("anna"), a.userID("ben")

	var g groupBody
	if err := json.Unmarshal(a.wantStatus(http.StatusCreated, "POST", "/api/groups", tina, map[string]string{"name": "ACME GmbH & Co. KG"}), &g); err != nil {
		t.Fatal(err)
	}
	if g.Group.ID == 0 || g.Group.Name != "ACME GmbH & Co. KG" || g.Group.Members == nil {
		t.Fatalf("created %+v", g.Group)
	}
	base := fmt.Sprintf("/api/groups/%d", g.Group.ID)
	a.wantStatus(http.StatusConflict, "POST", "/api/groups", tina, map[string]string{"name": "ACME GmbH & Co. KG"})
	for _, bad := range []string{"", " leading", "trailing ", "line\nbreak", strings.Repeat("x", maxGroupNameChars+1), "tab\tinside"} {
		status, body, _ := a.do("POST", "/api/groups", tina, map[string]string{"name": bad})
		if status != http.StatusBadRequest || !strings.Contains(string(body), "invalid_group_name") {
			t.Errorf("group name %q: %d %s, want 400 invalid_group_name", bad, status, body)
		}
	}
	a.wantStatus(http.StatusOK, "PUT", fmt.Sprintf("%s/members/%d", base, anna), tina, nil)
	a.wantStatus(http.StatusOK, "PUT", fmt.Sprintf("%s/members/%d", base, anna), tina, nil)
	b := a.wantStatus(http.StatusOK, "PUT", fmt.Sprintf("%s/members/%d", base, ben), tina, nil)
	if err := json.Unmarshal(b, &g); err != nil || len(g.Group.Members) != 2 || g.Group.Members[0].Name != "anna" || g.Group.Members[1].Name != "ben" {
		t.Fatalf("members after adding anna twice and ben: %s", b)
	}
	status, body, _ := a.do("PUT", fmt.Sprintf("%s/members/%d", base, a.userID("tina")), tina, nil)
	if status != http.StatusBadRequest || !strings.Contains(string(body), "not_a_trainee") {
		t.Errorf("a trainer put into a group: %d %s", status, body)
	}
	a.wantStatus(http.StatusNotFound, "PUT", base+"/members/9999", tina, nil)
	a.wantStatus(http.StatusNotFound, "PUT", fmt.Sprintf("/api/groups/9999/members/%d", anna), tina, nil)
	a.wantStatus(http.StatusNotFound, "PUT", base+"/members/x", tina, nil)
	a.wantStatus(http.StatusOK, "DELETE", fmt.Sprintf("%s/members/%d", base, ben), tina, nil)

	a.wantStatus(http.StatusOK, "POST", base+"/rename", tina, map[string]string{"name": "Kurs <b>Herbst</b>"})
	a.wantStatus(http.StatusNotFound, "POST", "/api/groups/9999/rename", tina, map[string]string{"name": "x"})
	a.wantStatus(http.StatusCreated, "POST", "/api/groups", tina, map[string]string{"name": "other"})
	a.wantStatus(http.StatusConflict, "POST", base+"/rename", tina, map[string]string{"name": "other"})

	var list groupsBody
	if err := json.Unmarshal(a.wantStatus(http.StatusOK, "GET", "/api/groups", tina, nil), &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Groups) != 2 || list.Groups[0].Name != "Kurs <b>Herbst</b>" || len(list.Groups[0].Members) != 1 || list.Groups[0].Members[0].ID != anna {
		t.Errorf("groups = %+v", list.Groups)
	}
	var users usersBody
	if err := json.Unmarshal(a.wantStatus(http.StatusOK, "GET", "/api/users", tina, nil), &users); err != nil {
		t.Fatal(err)
	}
	for _, u := range users.Users {
		want := 0
		if u.Name == "anna" {
			want = 1
		}
		if len(u.Groups) != want {
			t.Errorf("user %s has groups %+v, want %d", u.Name, u.Groups, want)
		}
	}
	// The group page shows the name escaped: its module builds text nodes,
	// and the API's JSON escapes markup.
	if _, raw, _ := a.do("GET", "/api/groups", tina, nil); strings.Contains(string(raw), "<b>") {
		t.Errorf("the API answers markup unescaped: %s", raw)
	}
}
