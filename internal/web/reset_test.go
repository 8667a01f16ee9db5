package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

func TestPasswordResetLink(t *testing.T) {
	a := mustApp(t)
	a.mustUser("tina", openline.RoleTrainer)
	a.mustUser("anna", openline.RoleTrainee)
	tina, annaOld := a.login("tina"), a.login("anna")
	anna := a.userID("anna")

	var link resetLinkBody
	if err := json.Unmarshal(a.wantStatus(http.StatusCreated, "POST", fmt.Sprintf("/api/users/%d/reset", anna), tina, nil), &link); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(link.Link, a.http.URL+"/reset?token=") || !strings.HasSuffix(link.Link, link.Path) {
		t.Fatalf("link %q, path %q", link.Link, link.Path)
	}
	if want := a.clock.Now().Add(resetLinkLifetime); !link.ExpiresAt.Equal(want) {
		t.Errorf("expires at %v, want %v", link.ExpiresAt, want)
	}
	u, _ := url.Parse(link.Link)
	token := u.Query().Get("token")

	// The page of a working link shows the form for the account.
	status, page, _ := a.do("GET", link.Path+"&lang=en", "", nil)
	if status != http.StatusOK || !strings.Contains(string(page), `id="reset-form"`) || !strings.Contains(string(page), "anna") {
		t.Fatalf("reset page: %d %s", status, page)
	}
	if strings.Contains(string(page), "reset-bad") {
		t.Error("a working link's page says it does not work")
	}
	// Bad input loses nothing: the link still works afterwards.
	status, body, _ := a.do("POST", "/api/reset", "", map[string]string{"token": token, "password": "short"})
	if status != http.StatusBadRequest || !strings.Contains(string(body), "invalid_password") {
		t.Errorf("a short password: %d %s", status, body)
	}
	a.wantStatus(http.StatusForbidden, "POST", "/api/reset", "", map[string]string{"token": token + "x", "password": "a new password"})

	status, body, resp := a.do("POST", "/api/reset", "", map[string]string{"token": token, "password": "a new password"})
	if status != http.StatusOK || !strings.Contains(string(body), `"name":"anna"`) {
		t.Fatalf("reset: %d %s", status, body)
	}
	var cookie string
	for _, c := range resp.Cookies() {
		if c.Name == cookieName {
			cookie = c.Name + "=" + c.Value
		}
	}
	if cookie == "" {
		t.Fatal("the reset logged nobody in")
	}
	a.wantStatus(http.StatusOK, "GET", "/api/me", cookie, nil)
	a.wantStatus(http.StatusUnauthorized, "GET", "/api/me", annaOld, nil)
	if s := a.loginStatus("anna", "anna-password"); s != http.StatusUnauthorized {
		t.Errorf("the old password logs in: %d", s)
	}
	if s := a.loginStatus("anna", "a new password"); s != http.StatusOK {
		t.Errorf("the new password: %d", s)
	}
	// Used: once only, and the page says so without a form.
	status, body, _ = a.do("POST", "/api/reset", "", map[string]string{"token": token, "password": "another password"})
	if status != http.StatusForbidden || !strings.Contains(string(body), "bad_reset_link") {
		t.Errorf("a used link: %d %s", status, body)
	}
	status, page, _ = a.do("GET", link.Path+"&lang=de", "", nil)
	if status != http.StatusOK || strings.Contains(string(page), `id="reset-form"`) || !strings.Contains(string(page), `id="reset-bad"`) {
		t.Errorf("a used link's page: %d %s", status, page)
	}
	if _, page, _ = a.do("GET", "/reset", "", nil); !strings.Contains(string(page), `id="reset-missing"`) {
		t.Errorf("the page without a link: %s", page)
	}
}

func TestPasswordResetLinkExpires(t *testing.T) {
	a := mustApp(t)
	a.mustUser("tina", openline.RoleTrainer)
	a.mustUser("anna", openline.RoleTrainee)
	tina := a.login("tina")
	anna := a.userID("anna")
	var first, second resetLinkBody
	_ = json.Unmarshal(a.wantStatus(http.StatusCreated, "POST", fmt.Sprintf("/api/users/%d/reset", anna), tina, nil), &first)
	_ = json.Unmarshal(a.wantStatus(http.StatusCreated, "POST", fmt.Sprintf("/api/users/%d/reset", anna), tina, nil), &second)
	tokenOf := func(l resetLinkBody) string { u, _ := url.Parse(l.Link); return u.Query().Get("token") }
	a.wantStatus(http.StatusForbidden, "POST", "/api/reset", "", map[string]string{"token": tokenOf(first), "password": "a new password"})
	a.clock.Advance(resetLinkLifetime + time.Second)
	a.wantStatus(http.StatusForbidden, "POST", "/api/reset", "", map[string]string{"token": tokenOf(second), "password": "a new password"})
}

func TestManageAccounts(t *testing.T) {
	a := mustApp(t)
	a.mustUser("tina", openline.RoleTrainer)
	a.mustUser("anna", openline.RoleTrainee)
	a.mustUser("ben", openline.RoleTrainee)
	tina, annaC := a.login("tina"), a.login("anna")
	anna, ben := a.userID("anna"), a.userID("ben")
	id := a.placeCall(annaC, "web-test")

	b := a.wantStatus(http.StatusOK, "POST", fmt.Sprintf("/api/users/%d/rename", anna), tina, map[string]string{"name": "Anna Schmidt"})
	if !strings.Contains(string(b), `"name":"Anna Schmidt"`) {
		t.Errorf("rename answered %s", b)
	}
	if b := a.wantStatus(http.StatusOK, "GET", "/api/calls/"+id, tina, nil); !strings.Contains(string(b), `"trainee":"Anna Schmidt"`) {
		t.Errorf("the call does not show the new name: %s", b)
	}
	a.wantStatus(http.StatusOK, "GET", "/api/me", annaC, nil) // her session goes on under the new name
	a.wantStatus(http.StatusConflict, "POST", fmt.Sprintf("/api/users/%d/rename", anna), tina, map[string]string{"name": "ben"})
	a.wantStatus(http.StatusBadRequest, "POST", fmt.Sprintf("/api/users/%d/rename", anna), tina, map[string]string{"name": "<script>"})
	a.wantStatus(http.StatusNotFound, "POST", "/api/users/9999/rename", tina, map[string]string{"name": "x"})
	a.wantStatus(http.StatusForbidden, "POST", fmt.Sprintf("/api/users/%d/rename", a.userID("tina")), tina, map[string]string{"name": "x"})
	a.wantStatus(http.StatusForbidden, "POST", fmt.Sprintf("/api/users/%d/reset", a.userID("tina")), tina, nil)
	a.wantStatus(http.StatusForbidden, "POST", fmt.Sprintf("/api/users/%d/reset", ben), annaC, nil)
	a.wantStatus(http.StatusOK, "POST", fmt.Sprintf("/api/users/%d/deactivate", ben), tina, nil)
	status, body, _ := a.do("POST", fmt.Sprintf("/api/users/%d/reset", ben), tina, nil)
	if status != http.StatusConflict || !strings.Contains(string(body), "deactivated") {
		t.Errorf("a reset link for a deactivated account: %d %s", status, body)
	}
}

// A trainer creates an account without typing a password: the answer
// carries a set-up link, nothing logs the account in until its owner has
// chosen a password through it, and the link then works no more.
func TestNewAccountSetupLink(t *testing.T) {
	a := mustApp(t)
	a.mustUser("tina", openline.RoleTrainer)
	tina := a.login("tina")

	var created createdUserBody
	if err := json.Unmarshal(a.wantStatus(http.StatusCreated, "POST", "/api/users", tina, map[string]string{"name": "carla"}), &created); err != nil {
		t.Fatal(err)
	}
	if created.User.Name != "carla" || created.User.Role != openline.RoleTrainee || created.SetupLink == nil {
		t.Fatalf("created %+v", created)
	}
	link := created.SetupLink
	if !strings.HasPrefix(link.Link, a.http.URL+"/reset?token=") {
		t.Errorf("set-up link %q", link.Link)
	}
	if want := a.clock.Now().Add(setupLinkLifetime); !link.ExpiresAt.Equal(want) {
		t.Errorf("expires at %v, want %v", link.ExpiresAt, want)
	}
	// No password logs the new account in, the empty one included.
	for _, pw := range []string{"", "carla-password", link.Link} {
		if s := a.loginStatus("carla", pw); s != http.StatusUnauthorized {
			t.Errorf("login with %q before set-up: %d, want 401", pw, s)
		}
	}
	status, page, _ := a.do("GET", link.Path+"&lang=en", "", nil)
	if status != http.StatusOK || !strings.Contains(string(page), `id="reset-form"`) || !strings.Contains(string(page), "Choose your password") {
		t.Fatalf("set-up page: %d %s", status, page)
	}
	u, _ := url.Parse(link.Link)
	token := u.Query().Get("token")
	a.wantStatus(http.StatusOK, "POST", "/api/reset", "", map[string]string{"token": token, "password": "carla-chose-this"})
	if s := a.loginStatus("carla", "carla-chose-this"); s != http.StatusOK {
		t.Errorf("the chosen password: %d", s)
	}
	a.wantStatus(http.StatusForbidden, "POST", "/api/reset", "", map[string]string{"token": token, "password": "another password"})

	// With a password (scripts such as loadgen) there is no link.
	b := a.wantStatus(http.StatusCreated, "POST", "/api/users", tina, map[string]string{"name": "dora", "password": "dora-password"})
	if strings.Contains(string(b), "setup_link") {
		t.Errorf("an account with a password got a link: %s", b)
	}
	if s := a.loginStatus("dora", "dora-password"); s != http.StatusOK {
		t.Errorf("dora's password: %d", s)
	}
}
