package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/openline/openline/internal/auth"
	"github.com/openline/openline/internal/call"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
	"github.com/openline/openline/internal/persona/scripted"
)

// The four kinds of client every route is asked by.
const (
	asAnonymous = iota
	asOwner     // the trainee whose call the route's {id} names
	asOther     // another trainee
	asTrainer
	asDeactivated        // a trainee deactivated after logging in, with her old session
	asGroupmate          // a trainee in the owner's group
	asDeactivatedTrainer // a trainer deactivated after logging in: a trainer's old session opens nothing either
	askers
)

// Groups do not limit what a trainer sees, nor let trainees see each
// other's calls (docs/api.md, "Groups"): the owner is in group A with the
// groupmate, the other trainee in group B (so "other trainee" is also
// "another group's trainee"), and the trainer in no group sees all.
var askerNames = [askers]string{"anonymous", "trainee", "other trainee (another group)", "trainer", "deactivated trainee", "trainee of the owner's group", "deactivated trainer"}

// routeCheck is what one registered route answers each kind of client.
type routeCheck struct {
	method, path string             // the request; path with {id} and {scenario} filled in
	body         string             // JSON body, for POST
	want         [asDeactivated]int // a deactivated account always gets what anonymous gets, a groupmate what another trainee gets
	// fresh logs the client in anew for this request (logout ends the
	// session it is sent with).
	fresh bool
}

// TestEveryRouteChecksWhoIsAsking walks every route the server registers
// (Server.patterns, recorded by routes.go's routeMux, so a new route is
// included by itself) as an anonymous client, as the trainee who owns the
// call, as another trainee and as a trainer, and checks the status. A
// route without an entry here fails the test: whoever adds a route decides
// who may use it. It also checks the security headers of every answer and
// that no API answer may be cached.
func TestEveryRouteChecksWhoIsAsking(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	a.mustUser("ben", openline.RoleTrainee)
	a.mustUser("tina", openline.RoleTrainer)
	a.mustUser("dora", openline.RoleTrainee)
	a.mustUser("carl", openline.RoleTrainee) // deactivated by the route test
	a.mustUser("emil", openline.RoleTrainee)
	a.mustUser("theo", openline.RoleTrainer)
	names := [askers]string{"", "anna", "ben", "tina", "dora", "emil", "theo"}
	var cookies [askers]string
	for who := asOwner; who < askers; who++ {
		cookies[who] = a.login(names[who])
	}
	annas := a.placeCall(cookies[asOwner], "web-test")
	dora, _ := a.store.UserByName(context.Background(), "dora")
	carl, _ := a.store.UserByName(context.Background(), "carl")
	theo, _ := a.store.UserByName(context.Background(), "theo")
	for _, u := range []*openline.User{dora, theo} {
		if err := a.store.DeactivateUser(context.Background(), u.ID, a.clock.Now()); err != nil {
			t.Fatal(err)
		}
	}
	groupA := a.mustGroup("A", "anna", "emil")
	a.mustGroup("B", "ben")
	ben, _ := a.store.UserByName(context.Background(), "ben")
	// Drafts of tina's: one clean (copied from a template), one with
	// problems, one to delete.
	tina, _ := a.store.UserByName(context.Background(), "tina")
	mustDraft := func(text []byte) string {
		d, _, err := a.srv.cat.CreateDraft(context.Background(), tina, text, a.clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(d.ID)
	}
	cleanDraft := mustDraft(a.srv.cat.Template("web-test").Text)
	brokenDraft := mustDraft([]byte("id: broken\n"))
	doomedDraft := mustDraft([]byte("id: doomed\n"))

	const (
		ok, created, noContent = http.StatusOK, http.StatusCreated, http.StatusNoContent
		see, switching         = http.StatusSeeOther, http.StatusSwitchingProtocols
		bad, unauth, forbidden = http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden
		notFound, conflict     = http.StatusNotFound, http.StatusConflict
	)
	checks := map[string]routeCheck{
		// Public: logging in and setting up need no session.
		"POST /api/login":  {method: "POST", path: "/api/login", want: [asDeactivated]int{unauth, unauth, unauth, unauth}},
		"POST /api/logout": {method: "POST", path: "/api/logout", want: [asDeactivated]int{noContent, noContent, noContent, noContent}, fresh: true},
		"POST /api/setup":  {method: "POST", path: "/api/setup", body: `{}`, want: [asDeactivated]int{forbidden, forbidden, forbidden, forbidden}},
		"GET /api/me":      {method: "GET", path: "/api/me", want: [asDeactivated]int{unauth, ok, ok, ok}},
		// Accounts: trainers only.
		"GET /api/users":                  {method: "GET", path: "/api/users", want: [asDeactivated]int{unauth, forbidden, forbidden, ok}},
		"POST /api/users":                 {method: "POST", path: "/api/users", body: `{}`, want: [asDeactivated]int{unauth, forbidden, forbidden, bad}},
		"POST /api/users/{id}/deactivate": {method: "POST", path: fmt.Sprintf("/api/users/%d/deactivate", carl.ID), want: [asDeactivated]int{unauth, forbidden, forbidden, ok}},
		"POST /api/users/{id}/rename":     {method: "POST", path: fmt.Sprintf("/api/users/%d/rename", carl.ID), body: `{"name":"carl"}`, want: [asDeactivated]int{unauth, forbidden, forbidden, ok}},
		"POST /api/users/{id}/reset":      {method: "POST", path: fmt.Sprintf("/api/users/%d/reset", ben.ID), want: [asDeactivated]int{unauth, forbidden, forbidden, created}},
		"POST /api/reset":                 {method: "POST", path: "/api/reset", body: `{"token":"unknown","password":"long enough"}`, want: [asDeactivated]int{forbidden, forbidden, forbidden, forbidden}},
		// Groups: trainers only.
		"GET /api/groups":                        {method: "GET", path: "/api/groups", want: [asDeactivated]int{unauth, forbidden, forbidden, ok}},
		"POST /api/groups":                       {method: "POST", path: "/api/groups", body: `{}`, want: [asDeactivated]int{unauth, forbidden, forbidden, bad}},
		"POST /api/groups/{id}/rename":           {method: "POST", path: fmt.Sprintf("/api/groups/%d/rename", groupA), body: `{"name":"A"}`, want: [asDeactivated]int{unauth, forbidden, forbidden, ok}},
		"PUT /api/groups/{id}/members/{user}":    {method: "PUT", path: fmt.Sprintf("/api/groups/%d/members/%d", groupA, carl.ID), want: [asDeactivated]int{unauth, forbidden, forbidden, ok}},
		"DELETE /api/groups/{id}/members/{user}": {method: "DELETE", path: fmt.Sprintf("/api/groups/%d/members/%d", groupA, carl.ID), want: [asDeactivated]int{unauth, forbidden, forbidden, ok}},
		// Authoring: trainers only. A draft with problems is never
		// published (409), nor are its tests run.
		"GET /api/authoring/scenarios":             {method: "GET", path: "/api/authoring/scenarios", want: [asDeactivated]int{unauth, forbidden, forbidden, ok}},
		"GET /api/authoring/scenarios/{id}/export": {method: "GET", path: "/api/authoring/scenarios/web-test/export", want: [asDeactivated]int{unauth, forbidden, forbidden, ok}},
		"POST /api/authoring/validate":             {method: "POST", path: "/api/authoring/validate", body: "id: x\n", want: [asDeactivated]int{unauth, forbidden, forbidden, ok}},
		"POST /api/authoring/import":               {method: "POST", path: "/api/authoring/import", body: "a: [\n", want: [asDeactivated]int{unauth, forbidden, forbidden, bad}},
		"POST /api/authoring/drafts":               {method: "POST", path: "/api/authoring/drafts", body: `{}`, want: [asDeactivated]int{unauth, forbidden, forbidden, bad}},
		"GET /api/authoring/drafts/{id}":           {method: "GET", path: "/api/authoring/drafts/" + cleanDraft, want: [asDeactivated]int{unauth, forbidden, forbidden, ok}},
		"PUT /api/authoring/drafts/{id}":           {method: "PUT", path: "/api/authoring/drafts/" + brokenDraft + "?revision=1", body: "id: still-broken\n", want: [asDeactivated]int{unauth, forbidden, forbidden, ok}},
		"DELETE /api/authoring/drafts/{id}":        {method: "DELETE", path: "/api/authoring/drafts/" + doomedDraft, want: [asDeactivated]int{unauth, forbidden, forbidden, noContent}},
		"GET /api/authoring/drafts/{id}/export":    {method: "GET", path: "/api/authoring/drafts/" + cleanDraft + "/export", want: [asDeactivated]int{unauth, forbidden, forbidden, ok}},
		"POST /api/authoring/drafts/{id}/publish":  {method: "POST", path: "/api/authoring/drafts/" + brokenDraft + "/publish", body: `{"revision":"1"}`, want: [asDeactivated]int{unauth, forbidden, forbidden, conflict}},
		"POST /api/authoring/drafts/{id}/tests":    {method: "POST", path: "/api/authoring/drafts/" + brokenDraft + "/tests", want: [asDeactivated]int{unauth, forbidden, forbidden, conflict}},
		// A form edit names the revision it was made on: another is a
		// conflict.
		"POST /api/authoring/drafts/{id}/form": {method: "POST", path: "/api/authoring/drafts/" + brokenDraft + "/form", body: `{"revision":"999","edits":[{"section":"scenario","field":"title","value":"x"}]}`, want: [asDeactivated]int{unauth, forbidden, forbidden, conflict}},
		// Scenarios and calls: anyone logged in; another trainee's call
		// is not found, as if it did not exist.
		"GET /api/scenarios":                  {method: "GET", path: "/api/scenarios", want: [asDeactivated]int{unauth, ok, ok, ok}},
		"GET /api/calls":                      {method: "GET", path: "/api/calls?trainee=anna", want: [asDeactivated]int{unauth, ok, ok, ok}},
		"GET /api/calls/ws":                   {method: "GET", path: "/api/calls/ws?resume=" + annas, want: [asDeactivated]int{unauth, switching, switching, switching}},
		"GET /api/calls/{id}":                 {method: "GET", path: "/api/calls/" + annas, want: [asDeactivated]int{unauth, ok, notFound, ok}},
		"GET /api/calls/{id}/transcript.json": {method: "GET", path: "/api/calls/" + annas + "/transcript.json", want: [asDeactivated]int{unauth, ok, notFound, ok}},
		// Assignments: a trainee sees their own, a trainer gives them.
		"GET /api/assignments":         {method: "GET", path: "/api/assignments", want: [asDeactivated]int{unauth, ok, ok, ok}},
		"POST /api/assignments":        {method: "POST", path: "/api/assignments", body: `{}`, want: [asDeactivated]int{unauth, forbidden, forbidden, bad}},
		"DELETE /api/assignments/{id}": {method: "DELETE", path: "/api/assignments/999999", want: [asDeactivated]int{unauth, forbidden, forbidden, notFound}},
		// Progress: a trainee's own; another trainee's is not found.
		"GET /api/progress": {method: "GET", path: "/api/progress?trainee=anna", want: [asDeactivated]int{unauth, ok, notFound, ok}},
		// Calibration: trainers only; an unknown call is not found.
		"GET /api/calibration":                  {method: "GET", path: "/api/calibration", want: [asDeactivated]int{unauth, forbidden, forbidden, ok}},
		"GET /api/calls/{id}/ratings":           {method: "GET", path: "/api/calls/" + annas + "/ratings", want: [asDeactivated]int{unauth, forbidden, forbidden, ok}},
		"POST /api/calls/{id}/ratings":          {method: "POST", path: "/api/calls/" + annas + "/ratings", body: `{}`, want: [asDeactivated]int{unauth, forbidden, forbidden, bad}},
		"POST /api/calls/{id}/ratings/requests": {method: "POST", path: "/api/calls/no-such-call/ratings/requests", body: `{"trainer":"tina"}`, want: [asDeactivated]int{unauth, forbidden, forbidden, notFound}},
		"GET /api/calls/{id}/recordings":        {method: "GET", path: "/api/calls/" + annas + "/recordings", want: [asDeactivated]int{unauth, ok, notFound, ok}},
		// This server keeps no audio: nobody gets one (who may hear a kept
		// one: TestRecordingsAreKeptOnlyWhenConfiguredAndOnlyForTheirTime).
		"GET /api/calls/{id}/turns/{n}/audio": {method: "GET", path: "/api/calls/" + annas + "/turns/1/audio", want: [asDeactivated]int{unauth, notFound, notFound, notFound}},
		"/api/":                               {method: "DELETE", path: "/api/me", want: [asDeactivated]int{notFound, notFound, notFound, notFound}},
		// Review: trainers only; a trainee may not comment or adjust even
		// on her own call.
		"POST /api/calls/{id}/comments":    {method: "POST", path: "/api/calls/" + annas + "/comments", body: `{"turn":0,"text":"Gut gefragt"}`, want: [asDeactivated]int{unauth, forbidden, forbidden, created}},
		"POST /api/calls/{id}/adjustments": {method: "POST", path: "/api/calls/" + annas + "/adjustments", body: `{"dimension":"openness","score":50,"reason":"r"}`, want: [asDeactivated]int{unauth, forbidden, forbidden, created}},
		"GET /api/review/calls":            {method: "GET", path: "/api/review/calls?sort=openness&group=1", want: [asDeactivated]int{unauth, forbidden, forbidden, ok}},
		"GET /api/review/calls.csv":        {method: "GET", path: "/api/review/calls.csv", want: [asDeactivated]int{unauth, forbidden, forbidden, ok}},
		"GET /api/review/calls.json":       {method: "GET", path: "/api/review/calls.json", want: [asDeactivated]int{unauth, forbidden, forbidden, ok}},
		// Operations: public, as Prometheus and load balancers expect
		// (docs/api.md says to keep /metrics behind the proxy).
		"GET /healthz": {method: "GET", path: "/healthz", want: [asDeactivated]int{ok, ok, ok, ok}},
		"GET /metrics": {method: "GET", path: "/metrics", want: [asDeactivated]int{ok, ok, ok, ok}},
		// Pages: anonymous clients are sent to the login page; the
		// pages of a call are shells whose data comes from the API.
		"GET /{$}":                        {method: "GET", path: "/", want: [asDeactivated]int{see, ok, ok, ok}},
		"GET /login":                      {method: "GET", path: "/login", want: [asDeactivated]int{ok, see, see, see}},
		"GET /setup":                      {method: "GET", path: "/setup", want: [asDeactivated]int{ok, see, see, see}},
		"GET /reset":                      {method: "GET", path: "/reset?token=unknown", want: [asDeactivated]int{ok, ok, ok, ok}},
		"GET /groups":                     {method: "GET", path: "/groups", want: [asDeactivated]int{see, forbidden, forbidden, ok}},
		"GET /call/{scenario}":            {method: "GET", path: "/call/web-test", want: [asDeactivated]int{see, ok, ok, ok}},
		"GET /calls":                      {method: "GET", path: "/calls", want: [asDeactivated]int{see, ok, ok, ok}},
		"GET /calls/{id}":                 {method: "GET", path: "/calls/" + annas, want: [asDeactivated]int{see, ok, ok, ok}},
		"GET /trainees":                   {method: "GET", path: "/trainees", want: [asDeactivated]int{see, forbidden, forbidden, ok}},
		"GET /assignments":                {method: "GET", path: "/assignments", want: [asDeactivated]int{see, ok, ok, ok}},
		"GET /calibration":                {method: "GET", path: "/calibration", want: [asDeactivated]int{see, forbidden, forbidden, ok}},
		"GET /calls/{id}/blind":           {method: "GET", path: "/calls/" + annas + "/blind", want: [asDeactivated]int{see, forbidden, forbidden, ok}},
		"GET /progress":                   {method: "GET", path: "/progress?trainee=anna", want: [asDeactivated]int{see, ok, notFound, ok}},
		"GET /static/":                    {method: "GET", path: "/static/old-version/js/app.js", want: [asDeactivated]int{ok, ok, ok, ok}},
		"GET /authoring":                  {method: "GET", path: "/authoring", want: [asDeactivated]int{see, forbidden, forbidden, ok}},
		"GET /authoring/drafts/{id}":      {method: "GET", path: "/authoring/drafts/" + brokenDraft, want: [asDeactivated]int{see, forbidden, forbidden, ok}},
		"GET /authoring/drafts/{id}/call": {method: "GET", path: "/authoring/drafts/" + cleanDraft + "/call", want: [asDeactivated]int{see, forbidden, forbidden, ok}},
		"GET /review":                     {method: "GET", path: "/review?group=1", want: [asDeactivated]int{see, forbidden, forbidden, ok}},
		"/":                               {method: "GET", path: "/no-such-page", want: [asDeactivated]int{notFound, notFound, notFound, notFound}},
	}

	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	seen := map[string]bool{}
	for _, pattern := range a.srv.patterns {
		seen[pattern] = true
		rc, found := checks[pattern]
		if !found {
			t.Errorf("route %q has no entry in this test: add one saying who may use it", pattern)
			continue
		}
		for who := range askers {
			t.Run(pattern+" as "+askerNames[who], func(t *testing.T) {
				cookie := cookies[who]
				want := rc.want[asAnonymous]
				switch {
				case who < asDeactivated:
					want = rc.want[who]
				case who == asGroupmate:
					want = rc.want[asOther]
				}
				gone := who == asDeactivated || who == asDeactivatedTrainer
				if rc.fresh && who != asAnonymous && !gone {
					cookie = a.login(names[who])
				}
				var body io.Reader
				if rc.body != "" {
					body = strings.NewReader(rc.body)
				}
				if pattern == "POST /api/login" {
					// A failed login per asker, each under its own
					// name: more than loginFailLimit under one name
					// would be refused as too many.
					body = strings.NewReader(fmt.Sprintf(`{"name":"nobody-%d"}`, who))
				}
				req, err := http.NewRequest(rc.method, a.http.URL+rc.path, body)
				if err != nil {
					t.Fatal(err)
				}
				req.Header.Set("Origin", a.http.URL)
				if cookie != "" {
					req.Header.Set("Cookie", cookie)
				}
				if pattern == "GET /api/calls/ws" {
					req.Header.Set("Connection", "Upgrade")
					req.Header.Set("Upgrade", "websocket")
					req.Header.Set("Sec-WebSocket-Version", "13")
					req.Header.Set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
				}
				resp, err := client.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				if resp.StatusCode != want {
					b, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
					t.Fatalf("%s %s: %d %s, want %d", rc.method, rc.path, resp.StatusCode, b, want)
				}
				if resp.StatusCode == see && (who == asAnonymous || gone) && !strings.HasPrefix(resp.Header.Get("Location"), "/login?next=") {
					t.Errorf("redirect to %q, want the login page", resp.Header.Get("Location"))
				}
				if resp.StatusCode == switching {
					return // the websocket's own handshake answer
				}
				checkSecurityHeaders(t, resp)
				if strings.HasPrefix(rc.path, "/api/") && resp.Header.Get("Cache-Control") != "no-store" {
					t.Errorf("Cache-Control = %q, want no-store on an API answer", resp.Header.Get("Cache-Control"))
				}
			})
		}
	}
	for pattern := range checks {
		if !seen[pattern] {
			t.Errorf("this test checks %q, which the server no longer registers", pattern)
		}
	}
}

// checkSecurityHeaders checks the headers every answer carries.
func checkSecurityHeaders(t *testing.T, resp *http.Response) {
	t.Helper()
	for h, want := range map[string]string{
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "same-origin",
		"X-Frame-Options":        "DENY",
	} {
		if got := resp.Header.Get(h); got != want {
			t.Errorf("header %s = %q, want %q", h, got, want)
		}
	}
	csp := resp.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-") {
		t.Errorf("Content-Security-Policy %q allows unsafe sources", csp)
	}
}

// TestForeignOriginsAreRefused sends state-changing requests and the
// websocket handshake with every kind of Origin (and Referer) an attacker's
// page or a careless client could send.
func TestForeignOriginsAreRefused(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	cookie := a.login("anna")
	host := strings.TrimPrefix(a.http.URL, "http://") // 127.0.0.1:PORT
	hostOnly, _, _ := strings.Cut(host, ":")
	tests := []struct {
		name             string
		origin, referer  string
		forwardedProto   string
		forwardedHost    string
		wantSameOriginOK bool
	}{
		{name: "same host", origin: a.http.URL, wantSameOriginOK: true},
		{name: "same-host referer", referer: a.http.URL + "/calls", wantSameOriginOK: true},
		{name: "https behind a proxy that says so", origin: "https://" + host, forwardedProto: "https", wantSameOriginOK: true},
		{name: "foreign origin", origin: "http://evil.example"},
		{name: "foreign referer", referer: "http://evil.example/" + host},
		{name: "neither origin nor referer"},
		{name: "null origin", origin: "null"},
		{name: "null origin with a same-host referer", origin: "null", referer: a.http.URL + "/"},
		{name: "same host, other port", origin: "http://" + hostOnly + ":1"},
		{name: "same host, default port", origin: "http://" + hostOnly},
		{name: "same host, other scheme", origin: "https://" + host},
		{name: "http page behind a TLS proxy", origin: a.http.URL, forwardedProto: "https"},
		{name: "host suffix", origin: a.http.URL + ".evil.example"},
		{name: "userinfo", origin: "http://" + host + "@evil.example"},
		{name: "X-Forwarded-Host is not trusted", origin: "http://evil.example", forwardedHost: "evil.example"},
		{name: "not a URL", origin: "http://%zz"},
	}
	for _, tt := range tests {
		header := func() http.Header {
			h := http.Header{"Cookie": {cookie}}
			for k, v := range map[string]string{"Origin": tt.origin, "Referer": tt.referer, "X-Forwarded-Proto": tt.forwardedProto, "X-Forwarded-Host": tt.forwardedHost} {
				if v != "" {
					h.Set(k, v)
				}
			}
			return h
		}
		for _, method := range []string{"POST", "PUT", "DELETE", "PATCH"} {
			t.Run(tt.name+" "+method, func(t *testing.T) {
				// /api/users is state-changing for POST and unknown
				// (404) for the others; a trainee is forbidden (403
				// forbidden) once past the Origin check.
				req, _ := http.NewRequest(method, a.http.URL+"/api/users", strings.NewReader(`{}`))
				req.Header = header()
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				refused := resp.StatusCode == http.StatusForbidden && strings.Contains(string(b), `"code":"bad_origin"`)
				if refused == tt.wantSameOriginOK {
					t.Errorf("%s with %s: %d %s; want refused = %v", method, tt.name, resp.StatusCode, b, !tt.wantSameOriginOK)
				}
			})
		}
		t.Run(tt.name+" websocket", func(t *testing.T) {
			u := "ws://" + host + "/api/calls/ws?scenario=web-test"
			ws, resp, err := websocket.DefaultDialer.Dial(u, header())
			if tt.wantSameOriginOK {
				if err != nil {
					t.Fatalf("dial: %v", err)
				}
				ws.Close()
				return
			}
			if err == nil {
				ws.Close()
				t.Fatal("the websocket opened, want 403")
			}
			if resp == nil || resp.StatusCode != http.StatusForbidden {
				t.Errorf("dial: %v, want 403", err)
			}
		})
	}
}

// TestBodiesOverTheLimit: every JSON body is capped at 64 KiB; a bigger one
// is answered 413 with a JSON error, and nothing is created.
func TestBodiesOverTheLimit(t *testing.T) {
	a := mustApp(t)
	a.mustUser("tina", openline.RoleTrainer)
	tina := a.login("tina")
	token, hash := auth.NewToken()
	if err := a.store.CreateSetupToken(context.Background(), hash, a.clock.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("x", maxBodyBytes)
	tests := []struct {
		name, path, cookie string
		body               any
	}{
		{"login", "/api/login", "", map[string]string{"name": "tina", "password": big}},
		{"setup", "/api/setup", "", map[string]string{"token": token, "name": "zweite", "password": big}},
		{"new account", "/api/users", tina, map[string]string{"name": "carl", "password": big}},
		{"new account, big name", "/api/users", tina, map[string]string{"name": big, "password": "carl-password"}},
		{"logout", "/api/logout", tina, map[string]string{"x": big}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body, resp := a.do("POST", tt.path, tt.cookie, tt.body)
			if status != http.StatusRequestEntityTooLarge && tt.path != "/api/logout" {
				t.Fatalf("POST %s with %d bytes: %d %s, want 413", tt.path, len(big), status, body)
			}
			if tt.path == "/api/logout" {
				return // logout reads no body: nothing to limit
			}
			var e errorBody
			if err := json.Unmarshal(body, &e); err != nil || e.Error.Code != "too_large" || e.Error.Message == "" {
				t.Errorf("body %s: want a JSON error too_large", body)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type = %q, want JSON", ct)
			}
		})
	}
	users, err := a.store.ListUsers(context.Background())
	if err != nil || len(users) != 1 {
		t.Errorf("accounts after the big bodies: %d (%v), want 1", len(users), err)
	}
}

// TestSessions: a session lives on the server, ends with logout and after
// its lifetime; every login gets a new token and deletes the session the
// browser came with; the cookie cannot be read by scripts or sent
// cross-site.
func TestSessions(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	me := func(cookie string) int {
		status, _, _ := a.do("GET", "/api/me", cookie, nil)
		return status
	}

	status, _, resp := a.do("POST", "/api/login", "", map[string]string{"name": "anna", "password": "anna-password"})
	if status != http.StatusOK || len(resp.Cookies()) != 1 {
		t.Fatalf("login: %d, cookies %v", status, resp.Cookies())
	}
	c := resp.Cookies()[0]
	if c.Name != cookieName || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/" || c.Secure || c.MaxAge != int(sessionLifetime/time.Second) {
		t.Errorf("session cookie = %+v, want HttpOnly, SameSite=Lax, Path=/, not Secure over plain HTTP, Max-Age of the lifetime", c)
	}
	first := c.Name + "=" + c.Value

	// A second login with the first session's cookie: a new token, and
	// the old session is gone on the server (session fixation).
	req, _ := http.NewRequest("POST", a.http.URL+"/api/login", strings.NewReader(`{"name":"anna","password":"anna-password"}`))
	req.Header.Set("Origin", a.http.URL)
	req.Header.Set("Cookie", first)
	resp2, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp2.Body.Close()
	if len(resp2.Cookies()) != 1 || resp2.Cookies()[0].Value == c.Value {
		t.Fatalf("second login cookies = %v, want one with a new token", resp2.Cookies())
	}
	second := cookieName + "=" + resp2.Cookies()[0].Value
	if got := me(first); got != http.StatusUnauthorized {
		t.Errorf("the session the login came with: %d, want 401 (deleted)", got)
	}
	if got := me(second); got != http.StatusOK {
		t.Errorf("the new session: %d, want 200", got)
	}

	// Logout deletes the session on the server: the same cookie sent
	// again (a copy an attacker kept) is refused.
	third := a.login("anna")
	if status, _, resp := a.do("POST", "/api/logout", third, nil); status != http.StatusNoContent || len(resp.Cookies()) != 1 || resp.Cookies()[0].MaxAge >= 0 {
		t.Errorf("logout: %d, cookies %v; want 204 and the cookie cleared", status, resp.Cookies())
	}
	if got := me(third); got != http.StatusUnauthorized {
		t.Errorf("a session after logout: %d, want 401", got)
	}
	if got := me(second); got != http.StatusOK {
		t.Errorf("another session of the same user after logout: %d, want 200", got)
	}

	// A forged or oversized cookie is anonymous, not an error.
	for _, v := range []string{"forged", strings.Repeat("a", 300), ""} {
		if got := me(cookieName + "=" + v); got != http.StatusUnauthorized {
			t.Errorf("cookie %.20q: %d, want 401", v, got)
		}
	}

	// Sessions expire.
	a.clock.Advance(sessionLifetime - time.Second)
	if got := me(second); got != http.StatusOK {
		t.Errorf("a session just before it expires: %d, want 200", got)
	}
	a.clock.Advance(time.Second)
	if got := me(second); got != http.StatusUnauthorized {
		t.Errorf("an expired session: %d, want 401", got)
	}
	if _, _, err := a.dial(second, "scenario=web-test"); err == nil {
		t.Error("an expired session opened the call socket")
	}
}

// TestSetupToken: the setup token creates the first trainer once, not after
// it expired, and no token works once an account exists.
func TestSetupToken(t *testing.T) {
	a := mustApp(t)
	ctx := context.Background()
	mint := func(ttl time.Duration) string {
		token, hash := auth.NewToken()
		if err := a.store.CreateSetupToken(ctx, hash, a.clock.Now().Add(ttl)); err != nil {
			t.Fatal(err)
		}
		return token
	}
	setup := func(token, name string) (int, string) {
		status, body, _ := a.do("POST", "/api/setup", "", map[string]string{"token": token, "name": name, "password": "geheim-geheim"})
		return status, string(body)
	}
	expired := mint(time.Minute)
	a.clock.Advance(time.Minute)
	if status, body := setup(expired, "tina"); status != http.StatusForbidden || !strings.Contains(body, "bad_token") {
		t.Errorf("expired token: %d %s, want 403 bad_token", status, body)
	}
	// One token at a time: each start makes one, and the link an earlier
	// start printed dies with it.
	earlier := mint(time.Hour)
	good := mint(time.Hour)
	if status, body := setup(earlier, "tina"); status != http.StatusForbidden || !strings.Contains(body, "bad_token") {
		t.Errorf("the token of an earlier start: %d %s, want 403 bad_token", status, body)
	}
	if status, body := setup(strings.Repeat("x", 300), "tina"); status != http.StatusForbidden || !strings.Contains(body, "bad_token") {
		t.Errorf("oversized token: %d %s, want 403 bad_token", status, body)
	}
	if status, body := setup(good, "tina"); status != http.StatusCreated {
		t.Fatalf("good token: %d %s, want 201", status, body)
	}
	if status, body := setup(good, "tom"); status != http.StatusForbidden || !strings.Contains(body, "bad_token") {
		t.Errorf("the token again: %d %s, want 403 bad_token", status, body)
	}
	late := mint(time.Hour)
	if status, body := setup(late, "tom"); status != http.StatusForbidden || !strings.Contains(body, "bad_token") {
		t.Errorf("a fresh token once an account exists: %d %s, want 403 bad_token", status, body)
	}
	if users, _ := a.store.ListUsers(ctx); len(users) != 1 || users[0].Role != openline.RoleTrainer {
		t.Errorf("accounts = %+v, want the one trainer", users)
	}
}

// TestLoginLimiterForgets: the limiter's memory is pruned of stale
// windows, so failed logins with ever new names and addresses cannot grow
// it for good.
func TestLoginLimiterForgets(t *testing.T) {
	clk := &testClock{t: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
	l := newLoginLimiter(clk.Now)
	for i := range limiterPruneAt + 1 {
		if err := l.attempt(fmt.Sprintf("192.0.%d.%d", i/256, i%256), fmt.Sprintf("name%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	if got := len(l.pairs); got != limiterPruneAt+1 {
		t.Fatalf("entries = %d, want %d", got, limiterPruneAt+1)
	}
	clk.Advance(loginFailWindow)
	if err := l.attempt("192.0.2.9", "new"); err != nil {
		t.Fatal(err)
	}
	if got := len(l.pairs) + len(l.addrs) + len(l.names); got != 3 {
		t.Errorf("entries after the window = %d, want 3: stale ones pruned", got)
	}
}

// TestLoginLimits: the three counts of the login limiter, as a table of
// attempts in order. An attempt is failed unless ok is set (then it
// succeeds once counted).
func TestLoginLimits(t *testing.T) {
	type try struct {
		addr, name string
		times      int  // how often (0: once)
		ok         bool // the password is right
		want       string
	}
	const tooMany, pass = "too_many_attempts", ""
	tests := []struct {
		name  string
		tries []try
	}{
		{"five failures per address and name, any case", []try{
			{addr: "192.0.2.1", name: "anna", times: loginFailLimit, want: pass},
			{addr: "192.0.2.1", name: "ANNA", want: tooMany},
			{addr: "192.0.2.1", name: "anna", ok: true, want: tooMany},
			{addr: "192.0.2.2", name: "anna", ok: true, want: pass},
			{addr: "192.0.2.1", name: "ben", ok: true, want: pass},
		}},
		{"a success takes its attempt back and clears the pair", []try{
			{addr: "192.0.2.1", name: "anna", times: loginFailLimit - 1, want: pass},
			{addr: "192.0.2.1", name: "anna", ok: true, want: pass},
			{addr: "192.0.2.1", name: "anna", times: loginFailLimit, want: pass},
			{addr: "192.0.2.1", name: "anna", want: tooMany},
		}},
		{"spraying names from one address", []try{
			{addr: "192.0.2.1", name: "SPRAY", times: addrFailLimit, want: pass},
			{addr: "192.0.2.1", name: "someone-new", want: tooMany},
			{addr: "192.0.2.1", name: "anna", ok: true, want: tooMany},
			{addr: "192.0.2.2", name: "someone-new", want: pass},
		}},
		{"many addresses on one account: the owner from a new address gets in", []try{
			{addr: "ADDR", name: "anna", times: accountFailLimit, want: pass},
			{addr: "198.51.100.1", name: "anna", want: tooMany},
			{addr: "198.51.100.2", name: "anna", want: tooMany},
			{addr: "203.0.113.7", name: "anna", ok: true, want: pass},
			{addr: "203.0.113.8", name: "anna", want: pass},
			{addr: "203.0.113.8", name: "anna", want: tooMany},
			{addr: "198.51.100.1", name: "ben", want: pass},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := &testClock{t: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
			l := newLoginLimiter(clk.Now)
			n := 0
			for _, tr := range tt.tries {
				for i := range max(tr.times, 1) {
					addr, name := tr.addr, tr.name
					if name == "SPRAY" {
						name = fmt.Sprintf("name%d", i)
					}
					if addr == "ADDR" {
						addr = fmt.Sprintf("198.51.100.%d", i%5+1)
					}
					n++
					err := l.attempt(addr, name)
					got := ""
					var oe openline.Error
					if errors.As(err, &oe) {
						got = oe.Code
					}
					if got != tr.want {
						t.Fatalf("attempt %d (%s, %s): %q, want %q", n, addr, name, got, tr.want)
					}
					if err == nil && tr.ok {
						l.succeed(addr, name)
					}
				}
			}
		})
	}
}

// TestParallelGuessesCountBeforeTheyAreChecked sends many wrong passwords
// for one account at once through the real handler: attempts in flight
// count against the limit, so no more than the limit's worth of passwords
// is ever checked (answered 401), and the rest are refused with 429 before
// any hashing. The right password, sent after them, is refused too: the
// pair is locked out, whatever the password. (It is not sent among them:
// a success forgets the pair's failures, by design, so when it happened to
// be checked early the guesses after it would rightly be checked again;
// the test would then depend on the order the goroutines ran in.)
func TestParallelGuessesCountBeforeTheyAreChecked(t *testing.T) {
	for _, n := range []int{50, 200} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			a := mustApp(t)
			a.mustUser("anna", openline.RoleTrainee)
			start := make(chan struct{})
			statuses := make(chan int, n)
			var wg sync.WaitGroup
			for i := range n {
				pw := fmt.Sprintf("wrong-guess-%d", i)
				wg.Go(func() {
					<-start
					statuses <- a.post("/api/login", map[string]string{"name": "anna", "password": pw})
				})
			}
			close(start)
			wg.Wait()
			close(statuses)
			count := map[int]int{}
			for s := range statuses {
				count[s]++
			}
			checked := count[http.StatusUnauthorized]
			if checked > loginFailLimit || count[http.StatusTooManyRequests] != n-checked {
				t.Errorf("answers %v: %d passwords checked, want at most %d and 429 for the rest", count, checked, loginFailLimit)
			}
			if status := a.post("/api/login", map[string]string{"name": "anna", "password": "anna-password"}); status != http.StatusTooManyRequests {
				t.Errorf("the right password after %d parallel guesses: %d, want 429", n, status)
			}
		})
	}
}

// TestTooManyLiveCalls: one trainee cannot open calls without bound; the
// call over the limit gets too_many_calls and close 1008.
func TestTooManyLiveCalls(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	a.mustUser("ben", openline.RoleTrainee)
	anna := a.login("anna")
	for range call.MaxLivePerUser {
		c := a.mustDial(anna, "scenario=web-test")
		c.next()
		c.until("reply")
	}
	c := a.mustDial(anna, "scenario=web-test")
	if f := c.next(); f.Type != "error" || f.Code != "too_many_calls" || f.Message == "" {
		t.Errorf("call over the limit: %+v, want error too_many_calls", f)
	}
	if code := c.closeCode(); code != websocket.ClosePolicyViolation {
		t.Errorf("close code = %d, want 1008", code)
	}
	b := a.mustDial(a.login("ben"), "scenario=web-test")
	if f := b.next(); f.Type != "call" {
		t.Errorf("another trainee's call: %+v, want the call frame", f)
	}
}

// TestBadInputWhileACallRuns sends everything a broken or hostile client
// could while a call runs, and after it ended: each gets an error frame or
// a documented close code, the stored transcript stays as it was, and no
// goroutine is left behind.
func TestBadInputWhileACallRuns(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	anna := a.login("anna")
	http.DefaultClient.CloseIdleConnections()
	before := runtime.NumGoroutine()

	c := a.mustDial(anna, "scenario=web-test")
	id := c.next().CallID
	c.until("reply")
	c.say("Guten Tag, hier ist Anna Berg.")
	stored := a.storedTurns(id)

	tests := []struct {
		name     string
		typ      int
		data     string
		wantCode string
	}{
		{"NUL byte", websocket.TextMessage, `{"type":"say","text":"Hallo\u0000Welt"}`, "invalid_text"},
		{"escape sequence", websocket.TextMessage, `{"type":"say","text":"\u001b[2J"}`, "invalid_text"},
		{"4,001 characters", websocket.TextMessage, `{"type":"say","text":"` + strings.Repeat("a", call.MaxTurnChars+1) + `"}`, "turn_too_long"},
		{"invalid UTF-8", websocket.TextMessage, "{\"type\":\"say\",\"text\":\"\xc3\x28\"}", "invalid_frame"},
		{"empty frame", websocket.TextMessage, ``, "invalid_json"},
		{"JSON null", websocket.TextMessage, `null`, "invalid_json"},
		{"type not a string", websocket.TextMessage, `{"type":1}`, "invalid_json"},
		{"two objects", websocket.TextMessage, `{"type":"hangup"}{"type":"hangup"}`, "invalid_json"},
		{"empty binary frame", websocket.BinaryMessage, ``, "invalid_frame"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.sendRaw(tt.typ, []byte(tt.data))
			if f := c.next(); f.Type != "error" || f.Code != tt.wantCode || f.Message == "" {
				t.Errorf("got %+v, want error %s with a message", f, tt.wantCode)
			}
		})
	}
	if got := a.storedTurns(id); len(got) != len(stored) {
		t.Fatalf("stored turns after bad frames = %d, want %d", len(got), len(stored))
	}

	// Only white space is silence: a turn, kept as "…".
	if r := c.say(" \t\n "); r.Turn != 4 {
		t.Errorf("reply to white space = %+v, want turn 4", r)
	}
	c.send(map[string]string{"type": "hangup"})
	c.until("hangup")
	c.until("scorecard")
	stored = a.storedTurns(id)
	if stored[3].Text != call.Silence {
		t.Errorf("white-space turn stored as %q, want %q", stored[3].Text, call.Silence)
	}
	for _, f := range []map[string]string{{"type": "say", "text": "Noch etwas?"}, {"type": "hangup"}} {
		c.send(f)
		if got := c.next(); got.Type != "error" || got.Code != "call_ended" {
			t.Errorf("%v after the hang-up: %+v, want error call_ended", f, got)
		}
	}
	if got := a.storedTurns(id); len(got) != len(stored) {
		t.Errorf("stored turns after the hang-up = %d, want %d", len(got), len(stored))
	}
	c.ws.Close()

	for _, tt := range []struct{ name, query, wantCode string }{
		{"resume of the ended call", "resume=" + id, "call_ended"},
		{"resume with a malformed id", "resume=../../etc/passwd", "call_not_found"},
		{"resume with an id in braces", "resume={" + id + "}", "call_not_found"},
		{"resume with a long id", "resume=" + strings.Repeat("9", 4000), "call_not_found"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := a.mustDial(anna, tt.query)
			if f := r.next(); f.Type != "error" || f.Code != tt.wantCode {
				t.Errorf("first frame = %+v, want error %s", f, tt.wantCode)
			}
			if code := r.closeCode(); code != websocket.ClosePolicyViolation {
				t.Errorf("close code = %d, want 1008", code)
			}
			r.ws.Close()
		})
	}

	waitFor(t, "the sockets to close", func() bool { return a.srv.sockets.count() == 0 })
	waitFor(t, "the goroutines to end", func() bool {
		http.DefaultClient.CloseIdleConnections()
		return runtime.NumGoroutine() <= before
	})
}

// panicEngine plays the scripted prospects but panics when the trainee
// says "PANIC": a bug in an engine.
type panicEngine struct{ persona.Engine }

func (e panicEngine) Start(sc *openline.Scenario, seed int64) (persona.Prospect, error) {
	p, err := e.Engine.Start(sc, seed)
	return panicProspect{p}, err
}

type panicProspect struct{ persona.Prospect }

func (p panicProspect) Respond(ctx context.Context, said string, stream persona.Stream) (persona.Reply, error) {
	if said == "PANIC" {
		panic("engine bug")
	}
	return p.Prospect.Respond(ctx, said, stream)
}

// TestPanicInACallClosesOnlyItsSocket: a panic while a turn runs reaches
// neither the user (an internal error frame, close 1011, never the panic's
// text) nor the other calls; the call can be resumed.
func TestPanicInACallClosesOnlyItsSocket(t *testing.T) {
	var log syncBuffer
	a := mustAppEngines(t, &log, panicEngine{scripted.New()})
	a.mustUser("anna", openline.RoleTrainee)
	a.mustUser("ben", openline.RoleTrainee)
	anna, ben := a.login("anna"), a.login("ben")
	other := a.mustDial(ben, "scenario=web-test")
	other.next()
	other.until("reply")

	c := a.mustDial(anna, "scenario=web-test")
	id := c.next().CallID
	c.until("reply")
	c.send(map[string]string{"type": "say", "text": "PANIC"})
	f := c.next()
	if f.Type != "error" || f.Code != "internal" || strings.Contains(f.Message, "engine bug") {
		t.Errorf("frame after the panic = %+v, want error internal without the panic's text", f)
	}
	if code := c.closeCode(); code != websocket.CloseInternalServerErr {
		t.Errorf("close code = %d, want 1011", code)
	}
	if !strings.Contains(log.String(), "engine bug") {
		t.Error("the panic was not logged")
	}
	if r := other.say("Guten Tag, hier ist Ben."); r.Turn != 2 {
		t.Errorf("the other call after the panic: %+v, want turn 2", r)
	}
	waitFor(t, "the socket to be released", func() bool { return a.srv.sockets.count() == 1 })
	r := a.mustDial(anna, "resume="+id)
	if f := r.next(); f.Type != "call" || f.CallID != id {
		t.Errorf("resume after the panic: %+v, want the call", f)
	}
}

// FuzzSameOrigin: the Origin check never panics, and it accepts only a
// header that names the request's host.
func FuzzSameOrigin(f *testing.F) {
	for _, seed := range [][3]string{
		{"localhost:8080", "http://localhost:8080", ""},
		{"openline.example", "https://openline.example:443", "https"},
		{"[::1]:8080", "http://[::1]:8080", ""},
		{"localhost:8080", "http://localhost:8080@evil.example", ""},
		{"localhost:8080", "null", ""},
		{"localhost", "http://%zz", "https, http"},
	} {
		f.Add(seed[0], seed[1], seed[2])
	}
	f.Fuzz(func(t *testing.T, host, origin, proto string) {
		r, err := http.NewRequest("POST", "http://localhost/api/logout", nil)
		if err != nil {
			t.Fatal(err)
		}
		r.Host = host
		r.Header["Origin"] = []string{origin}
		r.Header["X-Forwarded-Proto"] = []string{proto}
		if !sameOrigin(r) {
			return
		}
		name, _, _ := strings.Cut(strings.TrimPrefix(host, "["), "]")
		if name, _, _ = strings.Cut(name, ":"); !strings.Contains(strings.ToLower(origin), strings.ToLower(name)) {
			t.Errorf("sameOrigin(host %q, origin %q) = true, but the origin does not name the host", host, origin)
		}
	})
}

// post sends a JSON POST from a page of the site, with the extra headers
// given as name, value pairs, and returns the status (0 when the request
// failed, which is reported). It is safe to call from many goroutines.
func (a *app) post(path string, body any, header ...string) int {
	b, err := json.Marshal(body)
	if err != nil {
		a.t.Error(err)
		return 0
	}
	req, err := http.NewRequest("POST", a.http.URL+path, bytes.NewReader(b))
	if err != nil {
		a.t.Error(err)
		return 0
	}
	req.Header.Set("Origin", a.http.URL)
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Error(err)
		return 0
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// loginStatus logs name in with pw through the real handler, with the
// extra headers given, and returns the status.
func (a *app) loginStatus(name, pw string, header ...string) int {
	return a.post("/api/login", map[string]string{"name": name, "password": pw}, header...)
}

// TestLoginBehindAProxy: behind a proxy every client shares its address.
// With --proxy-header set, an attacker who guesses anna's password through
// the proxy is stopped without locking anna out: she logs in through the
// same proxy from her own address. Without it the header is not trusted:
// a client that sends ever new X-Forwarded-For values still counts as the
// one peer it is.
func TestLoginBehindAProxy(t *testing.T) {
	const xff = "X-Forwarded-For"
	t.Run("proxy header configured", func(t *testing.T) {
		a := mustAppConfigured(t, nil, func(c *Config) { c.ProxyHeader = xff })
		a.mustUser("anna", openline.RoleTrainee)
		// The attacker claims an address in front; the proxy appends the
		// one it saw, which is what counts.
		attacker := "198.51.100.99, 203.0.113.5"
		for i := range loginFailLimit {
			if got := a.loginStatus("anna", fmt.Sprint("guess-", i), xff, attacker); got != http.StatusUnauthorized {
				t.Fatalf("guess %d: %d, want 401", i, got)
			}
		}
		if got := a.loginStatus("anna", "guess-again", xff, attacker); got != http.StatusTooManyRequests {
			t.Errorf("the attacker's guess over the limit: %d, want 429", got)
		}
		if got := a.loginStatus("anna", "anna-password", xff, "192.0.2.44"); got != http.StatusOK {
			t.Errorf("anna through the same proxy from her address: %d, want 200", got)
		}
		if got := a.loginStatus("anna", "anna-password", xff, attacker); got != http.StatusTooManyRequests {
			t.Errorf("the right password from the attacker's address: %d, want 429", got)
		}
	})
	t.Run("proxy header not configured", func(t *testing.T) {
		a := mustApp(t)
		a.mustUser("anna", openline.RoleTrainee)
		for i := range loginFailLimit {
			a.loginStatus("anna", fmt.Sprint("guess-", i), xff, fmt.Sprintf("203.0.113.%d", i))
		}
		if got := a.loginStatus("anna", "guess-again", xff, "203.0.113.200"); got != http.StatusTooManyRequests {
			t.Errorf("a new X-Forwarded-For without --proxy-header: %d, want 429 (the header is not trusted)", got)
		}
	})
}

// TestSprayingNamesFromOneAddress: one address trying ever new names is
// refused with 429 and Retry-After after addrFailLimit failures; another
// address is not.
func TestSprayingNamesFromOneAddress(t *testing.T) {
	const xff = "X-Forwarded-For"
	a := mustAppConfigured(t, nil, func(c *Config) { c.ProxyHeader = xff })
	a.mustUser("anna", openline.RoleTrainee)
	statuses := map[int]int{}
	for i := range addrFailLimit + 20 {
		statuses[a.loginStatus(fmt.Sprint("name-", i), "some-password", xff, "203.0.113.5")]++
	}
	if statuses[http.StatusUnauthorized] != addrFailLimit || statuses[http.StatusTooManyRequests] != 20 {
		t.Errorf("spraying %d names: %v, want %d × 401, then 429", addrFailLimit+20, statuses, addrFailLimit)
	}
	status, _, _ := a.do("POST", "/api/login", "", map[string]string{"name": "x", "password": "y"})
	if status != http.StatusUnauthorized {
		t.Errorf("another address: %d, want 401", status)
	}
	req, _ := http.NewRequest("POST", a.http.URL+"/api/login", strings.NewReader(`{"name":"n","password":"p"}`))
	req.Header.Set("Origin", a.http.URL)
	req.Header.Set(xff, "203.0.113.5")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") != fmt.Sprint(int(loginFailWindow/time.Second)) {
		t.Errorf("refused spray: %d, Retry-After %q; want 429 with the window", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
}

// TestClientAddress: which address the limits count by.
func TestClientAddress(t *testing.T) {
	tests := []struct {
		name, peer, header, value, want string
	}{
		{name: "peer", peer: "192.0.2.1:5000", want: "192.0.2.1"},
		{name: "header ignored without configuration", peer: "192.0.2.1:5000", value: "203.0.113.5", want: "192.0.2.1"},
		{name: "last of X-Forwarded-For", peer: "127.0.0.1:5000", header: "X-Forwarded-For", value: "1.2.3.4, 203.0.113.5", want: "203.0.113.5"},
		{name: "X-Real-IP", peer: "127.0.0.1:5000", header: "X-Real-IP", value: "203.0.113.5", want: "203.0.113.5"},
		{name: "header missing: the peer", peer: "127.0.0.1:5000", header: "X-Real-IP", want: "127.0.0.1"},
		{name: "header not an address: the peer", peer: "127.0.0.1:5000", header: "X-Real-IP", value: "evil", want: "127.0.0.1"},
		{name: "IPv6 by /64", peer: "[2001:db8:1:2:3:4:5:6]:5000", want: "2001:db8:1:2::/64"},
		{name: "IPv4 in IPv6", peer: "[::ffff:192.0.2.1]:5000", want: "192.0.2.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := http.NewRequest("GET", "/", nil)
			r.RemoteAddr = tt.peer
			h := tt.header
			if h == "" {
				h = "X-Forwarded-For"
			}
			if tt.value != "" {
				r.Header.Set(h, tt.value)
			}
			if got := clientAddrOf(r, tt.header); got != tt.want {
				t.Errorf("client address = %q, want %q", got, tt.want)
			}
		})
	}
}
