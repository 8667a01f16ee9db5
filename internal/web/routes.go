package web

import (
	"context"
	"net/http"

	"github.com/openline/openline/internal/ui"
)

// routeDeps are the parts that only the routes use.
type routeDeps struct {
	sessions sessions
	limiter  *loginLimiter
	hashes   *hashGate
	ping     func(context.Context) error
	ui       *ui.UI
}

// routeMux is a ServeMux that remembers the patterns registered on it, so
// that a test can walk the whole HTTP surface and a new route without an
// authorisation check fails it.
type routeMux struct {
	*http.ServeMux
	patterns []string
}

// Handle registers h for pattern.
func (m *routeMux) Handle(pattern string, h http.Handler) {
	m.patterns = append(m.patterns, pattern)
	m.ServeMux.Handle(pattern, h)
}

// routes lists every route of the server: the whole HTTP surface, and who
// may use each (the rules of policy.go). The JSON API is in docs/api.md,
// the websocket in docs/protocol.md; the pages are package ui's.
func (s *Server) routes(mux *routeMux, d routeDeps) {
	log, st := s.log, s.store
	api := func(ok rule, h apiHandler) http.Handler { return allow(log, ok, handle(log, h)) }
	page := func(ok rule, h http.Handler) http.Handler { return allowPage(d.ui, ok, h) }

	// Public: logging in and setting up need no session.
	mux.Handle("POST /api/login", handle(log, s.metrics.countRefused(handleLogin(st, d.sessions, d.limiter, d.hashes))))
	mux.Handle("POST /api/logout", handle(log, handleLogout(d.sessions)))
	mux.Handle("POST /api/setup", handle(log, handleSetup(st, d.sessions, d.hashes, s.now)))
	mux.Handle("POST /api/reset", handle(log, handleReset(st, d.sessions, d.hashes, s.now)))
	mux.Handle("GET /api/me", api(signedIn, handleMe()))

	mux.Handle("GET /api/users", api(canManageAccounts, handleUsersList(st)))
	mux.Handle("POST /api/users", api(canManageAccounts, handleUsersCreate(st, d.hashes, s.now)))
	mux.Handle("POST /api/users/{id}/deactivate", api(canManageAccounts, handleUserDeactivate(st, s.sockets, s.now)))
	mux.Handle("POST /api/users/{id}/rename", api(canManageAccounts, handleUserRename(st)))
	mux.Handle("POST /api/users/{id}/reset", api(canManageAccounts, handleUserReset(st, s.now)))

	// Groups: trainers only (groups.go).
	mux.Handle("GET /api/groups", api(canManageAccounts, handleGroupsList(st)))
	mux.Handle("POST /api/groups", api(canManageAccounts, handleGroupCreate(st, s.now)))
	mux.Handle("POST /api/groups/{id}/rename", api(canManageAccounts, handleGroupRename(st)))
	mux.Handle("PUT /api/groups/{id}/members/{user}", api(canManageAccounts, handleGroupMember(st, true)))
	mux.Handle("DELETE /api/groups/{id}/members/{user}", api(canManageAccounts, handleGroupMember(st, false)))

	mux.Handle("GET /api/scenarios", api(signedIn, handleScenarios(s.cat, s.calls.Engines())))

	// Authoring: trainers only (authoring.go); a test call on a draft
	// goes through the socket (?draft=ID), which asks canAuthor.
	ad := authoringDeps{cat: s.cat, checks: newCheckLimiter(s.now), slots: newCheckSlots(), now: s.now}
	mux.Handle("GET /api/authoring/scenarios", api(canAuthor, handleAuthoringList(ad)))
	mux.Handle("GET /api/authoring/scenarios/{id}/export", api(canAuthor, handleScenarioExport(ad)))
	mux.Handle("POST /api/authoring/validate", api(canAuthor, handleValidate(ad)))
	mux.Handle("POST /api/authoring/import", api(canAuthor, handleImport(ad)))
	mux.Handle("POST /api/authoring/drafts", api(canAuthor, handleDraftCreate(ad)))
	mux.Handle("GET /api/authoring/drafts/{id}", api(canAuthor, handleDraftGet(ad)))
	mux.Handle("PUT /api/authoring/drafts/{id}", api(canAuthor, handleDraftSave(ad)))
	mux.Handle("DELETE /api/authoring/drafts/{id}", api(canAuthor, handleDraftDelete(ad, st)))
	mux.Handle("GET /api/authoring/drafts/{id}/export", api(canAuthor, handleDraftExport(ad)))
	mux.Handle("POST /api/authoring/drafts/{id}/publish", api(canAuthor, handlePublish(ad)))
	mux.Handle("POST /api/authoring/drafts/{id}/tests", api(canAuthor, handleDraftTests(ad)))
	mux.Handle("POST /api/authoring/drafts/{id}/form", api(canAuthor, handleDraftForm(ad)))

	// Calls: handlers of one call ask canSeeCall (calls.go); the socket
	// drives only the asker's own calls (call.Manager).
	mux.Handle("GET /api/calls", api(signedIn, handleCallsList(st, s.cat)))
	mux.Handle("GET /api/calls/ws", allow(log, signedIn, handleCallSocket(wsDeps{log: log, calls: s.calls, metrics: s.metrics, sockets: s.sockets, users: st, now: s.now, cat: s.cat, voice: s.voice, recordings: s.recordings})))
	mux.Handle("GET /api/calls/{id}", api(signedIn, handleCallGet(st, s.cat)))
	mux.Handle("GET /api/calls/{id}/transcript.json", api(signedIn, handleTranscript(st)))
	mux.Handle("GET /api/calls/{id}/recordings", api(signedIn, handleRecordings(st, s.recordings)))
	mux.Handle("GET /api/calls/{id}/turns/{n}/audio", api(signedIn, handleRecording(st, s.recordings)))
	mux.Handle("POST /api/calls/{id}/comments", api(canReview, handleCommentAdd(st, s.now)))
	mux.Handle("POST /api/calls/{id}/adjustments", api(canReview, handleScoreAdjust(st, s.cat, s.now)))

	// Review and export: trainers only (review.go, export.go).
	mux.Handle("GET /api/review/calls", api(canReview, handleReviewCalls(st, s.cat)))
	mux.Handle("GET /api/review/calls.csv", api(canReview, handleExportCSV(st, s.cat, s.now)))
	mux.Handle("GET /api/review/calls.json", api(canReview, handleExportJSON(st, s.cat, s.now)))

	// Assignments (assignments.go): a trainee's own, every one for a
	// trainer.
	mux.Handle("GET /api/assignments", api(signedIn, handleAssignmentsList(st, s.cat, s.now)))
	mux.Handle("POST /api/assignments", api(canAssign, handleAssignmentCreate(st, s.cat, s.now)))
	mux.Handle("DELETE /api/assignments/{id}", api(canAssign, handleAssignmentDelete(st)))

	// Progress (progress.go): a trainee's own, any trainee's and the
	// course's for a trainer.
	mux.Handle("GET /api/progress", api(signedIn, handleProgress(st, s.cat)))

	// Calibration (calibration.go): trainers' own scores, blind ones
	// asked of a colleague, and their agreement.
	mux.Handle("GET /api/calibration", api(canCalibrate, handleCalibration(st, s.cat)))
	mux.Handle("GET /api/calls/{id}/ratings", api(canCalibrate, handleRatings(st)))
	mux.Handle("POST /api/calls/{id}/ratings", api(canCalibrate, handleRatingSubmit(st, s.now)))
	mux.Handle("POST /api/calls/{id}/ratings/requests", api(canCalibrate, handleRatingAsk(st, s.now)))

	mux.Handle("/api/", handle(log, handleAPINotFound()))

	// Operations: public, as Prometheus and load balancers expect.
	mux.Handle("GET /healthz", handle(log, handleHealth(d.ping)))
	mux.Handle("GET /metrics", s.metrics.handler())

	// Pages: shells whose data comes from the API above, which checks
	// again.
	mux.Handle("GET /{$}", page(signedIn, d.ui.Picker()))
	mux.Handle("GET /login", d.ui.Login())
	mux.Handle("GET /setup", d.ui.Setup())
	mux.Handle("GET /reset", d.ui.Reset())
	mux.Handle("GET /call/{scenario}", page(signedIn, d.ui.Call()))
	mux.Handle("GET /calls", page(signedIn, d.ui.Calls()))
	mux.Handle("GET /calls/{id}", page(signedIn, blindFirst(st, d.ui.Scorecard())))
	mux.Handle("GET /calls/{id}/blind", page(canCalibrate, d.ui.View("blind", "blind.title", loadBlindPage(st, s.cat))))
	mux.Handle("GET /calibration", page(canCalibrate, d.ui.View("calibration", "calib.title", loadCalibrationPage(st, s.cat))))
	mux.Handle("GET /trainees", page(canManageAccounts, d.ui.Trainees()))
	mux.Handle("GET /groups", page(canManageAccounts, d.ui.Groups()))
	mux.Handle("GET /assignments", page(signedIn, d.ui.View("assignments", "assign.title", loadAssignmentsPage(st, s.cat, s.now))))
	mux.Handle("GET /progress", page(signedIn, d.ui.View("progress", "progress.title", loadProgressPage(st, s.cat))))
	mux.Handle("GET /authoring", page(canAuthor, d.ui.Authoring()))
	mux.Handle("GET /authoring/drafts/{id}", page(canAuthor, d.ui.Editor()))
	mux.Handle("GET /authoring/drafts/{id}/call", page(canAuthor, d.ui.DraftCall()))
	mux.Handle("GET /review", page(canReview, d.ui.Review()))
	mux.Handle("GET /static/", d.ui.Static())
	// Any other address: the plain "not found" page, not Go's text.
	mux.Handle("/", d.ui.NotFound())
}

// handleAPINotFound answers unknown API paths (and known ones with the
// wrong method) with a JSON 404.
func handleAPINotFound() apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error { return errNotFound }
}

type healthBody struct {
	Status string `json:"status"`
}

// handleHealth answers 200 {"status":"ok"} when the store answers, else
// 503.
func handleHealth(ping func(context.Context) error) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		if ping != nil {
			if err := ping(r.Context()); err != nil {
				writeJSON(w, http.StatusServiceUnavailable, healthBody{Status: "store unavailable"})
				return nil
			}
		}
		writeJSON(w, http.StatusOK, healthBody{Status: "ok"})
		return nil
	}
}
