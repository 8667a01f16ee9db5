package web

import (
	"log/slog"
	"net/http"
	"net/url"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/ui"
)

// policy.go decides who may see and do what: one function per decision.
// routes.go applies them to the API and the pages (allow, allowPage);
// handlers that act on one thing (a call, an account) ask the function of
// that thing. Nothing else in the server looks at a role.

// rule is one access decision about the logged-in user (never nil when a
// rule is asked).
type rule func(u *openline.User) bool

// canLogIn: an account logs in while it is active; a deactivated one
// never does (its sessions are deleted when it is deactivated).
func canLogIn(u *openline.User) bool { return u != nil && u.Active() }

// canManage: who may change the account target (deactivate it): a
// trainer, any account but their own, so that the last trainer cannot
// lock everyone out by mistake.
func canManage(u, target *openline.User) bool {
	return canManageAccounts(u) && target != nil && target.ID != u.ID
}

// signedIn: anyone logged in.
func signedIn(*openline.User) bool { return true }

// isTrainer: trainers run the course; they see every call and manage
// accounts.
func isTrainer(u *openline.User) bool { return u != nil && u.Role == openline.RoleTrainer }

// canSeeAllCalls: who may list and open the calls of others.
func canSeeAllCalls(u *openline.User) bool { return isTrainer(u) }

// canManageAccounts: who may list and create accounts.
func canManageAccounts(u *openline.User) bool { return isTrainer(u) }

// canAssign: who may give trainees assignments and withdraw them.
func canAssign(u *openline.User) bool { return isTrainer(u) }

// canSeeProgressOf: a trainee sees their own progress, a trainer
// everyone's and the course's as a whole (canSeeAllCalls).
func canSeeProgressOf(u, target *openline.User) bool {
	return u != nil && target != nil && (u.ID == target.ID || canSeeAllCalls(u))
}

// canCalibrate: who scores calls beside the scorer, asks colleagues for
// blind scores and sees how trainers agree.
func canCalibrate(u *openline.User) bool { return isTrainer(u) }

// canAuthor: who may write, test, publish, import and export scenarios,
// and make test calls on drafts.
func canAuthor(u *openline.User) bool { return isTrainer(u) }

// canReview: who may list and export calls for review, comment on a
// turn and adjust a score: trainers. Groups do not narrow it (see
// docs/api.md, "Groups").
func canReview(u *openline.User) bool { return isTrainer(u) }

// canSeeCall: a trainee sees their own calls, a trainer every call.
func canSeeCall(u *openline.User, c *openline.Call) bool {
	return u != nil && (c.UserID == u.ID || canSeeAllCalls(u))
}

// callScope narrows a listing's filter to the calls u may see.
func callScope(u *openline.User, f openline.CallFilter) openline.CallFilter {
	if !canSeeAllCalls(u) {
		f.UserID = u.ID
	}
	return f
}

// allow answers 401 to an anonymous request and 403 to a user whom ok
// refuses; else it serves h.
func allow(log *slog.Logger, ok rule, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u := userFrom(r.Context())
		switch {
		case u == nil:
			writeError(log, w, r, errUnauthorized)
		case !ok(u):
			writeError(log, w, r, errForbidden)
		default:
			h.ServeHTTP(w, r)
		}
	})
}

// allowPage sends an anonymous browser to the login page (coming back
// here afterwards) and shows a user whom ok refuses the "not allowed"
// page; else it serves the page h.
func allowPage(pages *ui.UI, ok rule, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u := userFrom(r.Context())
		switch {
		case u == nil:
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		case !ok(u):
			pages.Forbidden(w, r)
		default:
			h.ServeHTTP(w, r)
		}
	})
}
