package web

import (
	"net/http"
	"testing"
	"time"

	"github.com/openline/openline/internal/auth"
	"github.com/openline/openline/internal/call"
	"github.com/openline/openline/internal/openline"
)

// TestPolicy asks every decision of policy.go about every kind of user.
func TestPolicy(t *testing.T) {
	anna := &openline.User{ID: 1, Name: "anna", Role: openline.RoleTrainee}
	ben := &openline.User{ID: 2, Name: "ben", Role: openline.RoleTrainee}
	tina := &openline.User{ID: 3, Name: "tina", Role: openline.RoleTrainer}
	annasCall := &openline.Call{ID: "c1", UserID: anna.ID}
	gone := &openline.User{ID: 4, Name: "dora", Role: openline.RoleTrainee, DeactivatedAt: &time.Time{}}
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"a trainee sees her own call", canSeeCall(anna, annasCall), true},
		{"a trainee does not see another trainee's call", canSeeCall(ben, annasCall), false},
		{"a trainer sees a trainee's call", canSeeCall(tina, annasCall), true},
		{"nobody is not a trainer", isTrainer(nil), false},
		{"a trainee does not manage accounts", canManageAccounts(anna), false},
		{"a trainer manages accounts", canManageAccounts(tina), true},
		{"a trainee does not author scenarios", canAuthor(anna), false},
		{"a trainer authors scenarios", canAuthor(tina), true},
		{"nobody authors scenarios", canAuthor(nil), false},
		{"a trainee does not see all calls", canSeeAllCalls(anna), false},
		{"a trainer sees all calls", canSeeAllCalls(tina), true},
		{"an active account logs in", canLogIn(anna), true},
		{"a deactivated account does not log in", canLogIn(gone), false},
		{"a trainer manages a trainee", canManage(tina, anna), true},
		{"a trainer does not deactivate herself", canManage(tina, tina), false},
		{"a trainee manages nobody", canManage(anna, ben), false},
		{"a trainee's listing is narrowed to her", callScope(anna, openline.CallFilter{UserName: "tina"}).UserID == anna.ID, true},
		{"a trainer's listing is not narrowed", callScope(tina, openline.CallFilter{}).UserID == 0, true},
		{"a trainee does not assign", canAssign(anna), false},
		{"a trainer assigns", canAssign(tina), true},
		{"a trainee sees her own progress", canSeeProgressOf(anna, anna), true},
		{"a trainee does not see another trainee's progress", canSeeProgressOf(ben, anna), false},
		{"a trainer sees a trainee's progress", canSeeProgressOf(tina, anna), true},
		{"nobody sees progress", canSeeProgressOf(nil, anna), false},
		{"a trainee does not calibrate", canCalibrate(anna), false},
		{"a trainer calibrates", canCalibrate(tina), true},
		{"a trainer reviews calls", canReview(tina), true},
		{"a trainee does not review calls, not even her own", canReview(anna), false},
		{"nobody reviews calls", canReview(nil), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

// TestErrorsMapByKind checks that every error a client may see has a kind
// that maps to the status its meaning calls for, and that an error whose
// kind was forgotten is internal (500, message hidden).
func TestErrorsMapByKind(t *testing.T) {
	tests := []struct {
		err  openline.Error
		want int
	}{
		{errBadRequest, http.StatusBadRequest},
		{errInvalidJSON, http.StatusBadRequest},
		{errInvalidRole, http.StatusBadRequest},
		{auth.ErrInvalidName, http.StatusBadRequest},
		{auth.ErrInvalidPassword, http.StatusBadRequest},
		{call.ErrTurnTooLong, http.StatusBadRequest},
		{call.ErrInvalidText, http.StatusBadRequest},
		{call.ErrUnknownEngine, http.StatusBadRequest},
		{errUnauthorized, http.StatusUnauthorized},
		{errBadLogin, http.StatusUnauthorized},
		{errForbidden, http.StatusForbidden},
		{errBadOrigin, http.StatusForbidden},
		{errBadToken, http.StatusForbidden},
		{errNotFound, http.StatusNotFound},
		{openline.ErrNotFound, http.StatusNotFound},
		{call.ErrNotFound, http.StatusNotFound},
		{call.ErrUnknownScenario, http.StatusNotFound},
		{openline.ErrConflict, http.StatusConflict},
		{errNameTaken, http.StatusConflict},
		{call.ErrEnded, http.StatusConflict},
		{call.ErrInUse, http.StatusConflict},
		{errTooLarge, http.StatusRequestEntityTooLarge},
		{errTooMany, http.StatusTooManyRequests},
		{call.ErrTooManyCalls, http.StatusTooManyRequests},
		{errWSEngineUnavail, http.StatusServiceUnavailable},
		{errWSShutdown, http.StatusServiceUnavailable},
		{errBusy, http.StatusServiceUnavailable},
		{errBadHost, http.StatusMisdirectedRequest},
		{errInternal, http.StatusInternalServerError},
	}
	for _, tt := range tests {
		if got := statusOf(tt.err.Kind); got != tt.want {
			t.Errorf("%s (kind %q): status %d, want %d", tt.err.Code, tt.err.Kind, got, tt.want)
		}
		pe, internal := publicError(tt.err)
		if internal != (tt.want == http.StatusInternalServerError) || (!internal && pe.Code != tt.err.Code && tt.err.Code != openline.ErrNotFound.Code) {
			t.Errorf("publicError(%s) = %v, %v", tt.err.Code, pe, internal)
		}
	}
	forgot := openline.Error{Code: "new_thing", Message: "secret detail"}
	if pe, internal := publicError(forgot); !internal || pe != errInternal {
		t.Errorf("an error without a kind shows as %v (internal %v), want the internal error", pe, internal)
	}
}
