package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestDeactivateATrainee: a trainer deactivates a trainee who is on a
// call. Her open socket closes, her session ends, she cannot log in again,
// and her calls stay for the trainer to see. A trainer cannot deactivate
// their own account.
func TestDeactivateATrainee(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	a.mustUser("tina", openline.RoleTrainer)
	anna, tina := a.login("anna"), a.login("tina")
	done := a.placeCall(anna, "web-test")
	live, _ := a.openCall(anna)
	u, err := a.store.UserByName(t.Context(), "anna")
	if err != nil {
		t.Fatal(err)
	}

	status, body, _ := a.do("POST", fmt.Sprintf("/api/users/%d/deactivate", u.ID), tina, nil)
	if status != http.StatusOK {
		t.Fatalf("deactivate: %d %s", status, body)
	}
	var got userBody
	if err := json.Unmarshal(body, &got); err != nil || got.User.DeactivatedAt == nil {
		t.Errorf("answer %s: want the account with deactivated_at", body)
	}
	live.sessionEnded()
	if status, _, _ := a.do("GET", "/api/me", anna, nil); status != http.StatusUnauthorized {
		t.Errorf("her old session: %d, want 401", status)
	}
	status, body, _ = a.do("POST", "/api/login", "", map[string]string{"name": "anna", "password": "anna-password"})
	if status != http.StatusUnauthorized {
		t.Errorf("login of a deactivated account: %d %s, want 401", status, body)
	}
	if status, _, _ := a.do("GET", "/api/calls/"+done, tina, nil); status != http.StatusOK {
		t.Errorf("her call after deactivation: %d, want it kept", status)
	}

	me, _ := a.store.UserByName(t.Context(), "tina")
	if status, _, _ := a.do("POST", fmt.Sprintf("/api/users/%d/deactivate", me.ID), tina, nil); status != http.StatusForbidden {
		t.Errorf("a trainer deactivating herself: %d, want 403", status)
	}
	if status, _, _ := a.do("POST", "/api/users/999/deactivate", tina, nil); status != http.StatusNotFound {
		t.Errorf("deactivating an unknown account: %d, want 404", status)
	}
	if status, _, _ := a.do("POST", "/api/users/x/deactivate", tina, nil); status != http.StatusNotFound {
		t.Errorf("deactivating a malformed id: %d, want 404", status)
	}
}
