package ui

import (
	"cmp"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// testScenarios are one German and one English scenario.
func testScenarios() []*openline.Scenario {
	return []*openline.Scenario{
		{
			ID: "herr-b", Language: openline.German, Title: "Herr B. – Handwerkernetzwerk", Difficulty: openline.Medium,
			Direction: openline.Outbound, Brief: "Herr B. hat Ihr Angebot per E-Mail bekommen.",
			Persona: openline.Persona{Name: "Herr B.", Role: "Geschäftsführer", Company: "Handwerkernetzwerk"},
		},
		{
			ID: "dana-inbound", Language: openline.English, Title: "Dana calls about an invoice", Difficulty: openline.Easy,
			Direction: openline.Inbound, Brief: "Dana calls <you> & wants a correction.",
			Persona: openline.Persona{Name: "Dana Whitfield", Role: "Office manager", Company: "Whitfield & Sons"},
		},
	}
}

var (
	trainee = &openline.User{ID: 1, Name: "anna", Role: openline.RoleTrainee}
	trainer = &openline.User{ID: 2, Name: "tom", Role: openline.RoleTrainer}
)

// newTestServer serves the UI; the header X-Test-User ("anna" or "tom")
// logs a request in.
func newTestServer(t *testing.T) (*UI, *httptest.Server) {
	t.Helper()
	u, err := New(Config{
		User: func(r *http.Request) *openline.User {
			switch r.Header.Get("X-Test-User") {
			case "anna":
				return trainee
			case "tom":
				return trainer
			}
			return nil
		},
		Trainer:   func(u *openline.User) bool { return u.Role == openline.RoleTrainer },
		Scenarios: listed(testScenarios()),
		// A fresh install, except where a set-up link is marked used.
		SetUp: func(r *http.Request) bool { return r.URL.Query().Get("token") == "used" },
		// Every set-up link works but one printed by an earlier start.
		SetupWorks: func(r *http.Request, token string) bool { return token != "stale" },
		// One working password reset link, for anna <x>.
		ResetUser: func(r *http.Request, token string) *openline.User {
			if token == "works" {
				return &openline.User{ID: 7, Name: "anna <x>", Role: openline.RoleTrainee}
			}
			return nil
		},
	})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	mux := http.NewServeMux()
	mountPages(mux, u)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return u, srv
}

// listed is a catalogue of fixed scenarios.
type listed []*openline.Scenario

func (l listed) List() []*openline.Scenario { return l }

func (l listed) Current(id string) *openline.Scenario {
	for _, s := range l {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// mountPages registers the pages as internal/web's routes.go does, behind
// a stand-in for the server's access policy (which is tested there): an
// anonymous visitor goes to the login page, /trainees is for trainers.
func mountPages(mux *http.ServeMux, u *UI) {
	gate := func(trainerOnly bool, h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			usr := u.user(r)
			switch {
			case usr == nil:
				http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			case trainerOnly && !u.trainer(usr):
				u.Forbidden(w, r)
			default:
				h.ServeHTTP(w, r)
			}
		})
	}
	mux.Handle("GET /{$}", gate(false, u.Picker()))
	mux.Handle("GET /login", u.Login())
	mux.Handle("GET /setup", u.Setup())
	mux.Handle("GET /call/{scenario}", gate(false, u.Call()))
	mux.Handle("GET /calls", gate(false, u.Calls()))
	mux.Handle("GET /calls/{id}", gate(false, u.Scorecard()))
	mux.Handle("GET /trainees", gate(true, u.Trainees()))
	mux.Handle("GET /groups", gate(true, u.Groups()))
	mux.Handle("GET /review", gate(true, u.Review()))
	mux.Handle("GET /reset", u.Reset())
	mux.Handle("GET /static/", u.Static())
}

type response struct {
	status int
	header http.Header
	body   string
}

func get(t *testing.T, srv *httptest.Server, path, user, acceptLang string, cookies ...*http.Cookie) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if user != "" {
		req.Header.Set("X-Test-User", user)
	}
	if acceptLang != "" {
		req.Header.Set("Accept-Language", acceptLang)
	}
	for _, c := range cookies {
		req.AddCookie(c)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: res.StatusCode, header: res.Header, body: string(b)}
}

func TestPages(t *testing.T) {
	_, srv := newTestServer(t)
	type want struct {
		status   int
		location string   // for redirects
		contains []string // in the body, per language below
	}
	tests := []struct {
		name string
		path string
		user string
		de   want
		en   want
	}{
		{"picker anonymous redirects to login", "/", "", want{status: 303, location: "/login?next=%2F"}, want{status: 303, location: "/login?next=%2F"}},
		{"picker trainee", "/", "anna", want{200, "", []string{"Wen rufen Sie heute an?", "Herr B. – Handwerkernetzwerk", "Dana calls about an invoice", "Auf Deutsch", "Meine Anrufe", `href="/call/herr-b"`}},
			want{200, "", []string{"Who are you calling today?", "In English", "My calls", `href="/call/dana-inbound"`}}},
		{"picker trainer sees trainees nav", "/", "tom", want{200, "", []string{`href="/trainees"`, "Anrufe"}}, want{200, "", []string{`href="/trainees"`, "Calls"}}},
		{"login anonymous", "/login?next=/calls", "", want{200, "", []string{"Anmelden", `autocomplete="current-password"`, `"next":"/calls"`}}, want{200, "", []string{"Log in", `"next":"/calls"`}}},
		{"login keeps next on this site only", "/login?next=https://evil.example/", "", want{200, "", []string{`"next":"/"`}}, want{200, "", []string{`"next":"/"`}}},
		{"login logged in goes to next", "/login?next=/calls", "anna", want{status: 303, location: "/calls"}, want{status: 303, location: "/calls"}},
		{"setup with token", "/setup?token=abc123", "", want{200, "", []string{"Ersten Trainer anlegen", `value="abc123"`}}, want{200, "", []string{"Create the first trainer", `value="abc123"`}}},
		{"setup without token explains", "/setup", "", want{200, "", []string{"Einrichtungslink", `id="setup-notoken"`}}, want{200, "", []string{"set-up link", `id="setup-notoken"`}}},
		{"setup with a used link says so, without a form", "/setup?token=used", "", want{200, "", []string{"schon benutzt", `id="setup-used"`}}, want{200, "", []string{"used already", `id="setup-used"`}}},
		{"setup with a stale link says only the newest works, without a form", "/setup?token=stale", "", want{200, "", []string{`id="setup-dead"`, "nur der neueste gilt"}}, want{200, "", []string{`id="setup-dead"`, "only the newest works"}}},
		{"login of a fresh install says how to set up", "/login", "", want{200, "", []string{`id="login-fresh"`, "Einrichtungslink"}}, want{200, "", []string{`id="login-fresh"`, "set-up link"}}},
		{"setup logged in", "/setup?token=x", "tom", want{status: 303, location: "/"}, want{status: 303, location: "/"}},
		{"call anonymous", "/call/herr-b", "", want{status: 303, location: "/login?next=%2Fcall%2Fherr-b"}, want{status: 303, location: "/login?next=%2Fcall%2Fherr-b"}},
		{"call outbound", "/call/herr-b", "anna", want{200, "", []string{"Herr B.", "Geschäftsführer", "Anrufen", "Auflegen", `id="say"`, `"scenario":"herr-b"`, `"engine":"scripted"`}},
			want{200, "", []string{"Herr B.", "Call", "Hang up", `"direction":"outbound"`}}},
		{"call inbound escapes the brief", "/call/dana-inbound?engine=llm&resume=c-1", "anna", want{200, "", []string{"Annehmen", "Dana calls &lt;you&gt; &amp; wants", `"engine":"llm"`, `"resume":"c-1"`}},
			want{200, "", []string{"Answer", "Dana Whitfield is about to call you"}}},
		{"call unknown scenario", "/call/nope", "anna", want{404, "", []string{"Ein Szenario mit diesem Namen gibt es nicht."}}, want{404, "", []string{"There is no scenario with this name."}}},
		{"calls trainee", "/calls", "anna", want{200, "", []string{"Meine Anrufe", `"trainer":false`}}, want{200, "", []string{"My calls", `"trainer":false`}}},
		{"calls trainer with filters", "/calls?trainee=anna&scenario=herr-b", "tom", want{200, "", []string{"Alle Anrufe", `id="filter-trainee"`, `"trainee":"anna"`, `"scenario":"herr-b"`}},
			want{200, "", []string{"All calls", `id="filter-scenario"`}}},
		{"calls trainee cannot filter by trainee", "/calls?trainee=tom", "anna", want{200, "", []string{`"trainer":false`}}, want{200, "", []string{`"trainer":false`}}},
		{"calls anonymous", "/calls", "", want{status: 303, location: "/login?next=%2Fcalls"}, want{status: 303, location: "/login?next=%2Fcalls"}},
		{"scorecard", "/calls/0b9e-42", "anna", want{200, "", []string{"Auswertung", `"id":"0b9e-42"`, `"herr-b":"Herr B."`}}, want{200, "", []string{"Scorecard", `"id":"0b9e-42"`}}},
		{"scorecard anonymous", "/calls/x", "", want{status: 303, location: "/login?next=%2Fcalls%2Fx"}, want{status: 303, location: "/login?next=%2Fcalls%2Fx"}},
		{"trainees trainer", "/trainees", "tom", want{200, "", []string{"Neues Konto", `id="user-form"`}}, want{200, "", []string{"New account", `id="user-form"`}}},
		{"trainees forbidden for trainee", "/trainees", "anna", want{403, "", []string{"Nur für Trainer"}}, want{403, "", []string{"For trainers only"}}},
		{"trainees anonymous", "/trainees", "", want{status: 303, location: "/login?next=%2Ftrainees"}, want{status: 303, location: "/login?next=%2Ftrainees"}},
		{"groups trainer", "/groups", "tom", want{200, "", []string{"Neue Gruppe", `id="group-form"`, `href="/groups" aria-current="page"`}}, want{200, "", []string{"New group", `id="group-form"`}}},
		{"review trainer", "/review", "tom", want{200, "", []string{"Anrufe auswerten", `id="review-table"`, `value="herr-b"`, `value="hung_up"`, `href="/review" aria-current="page"`}}, want{200, "", []string{"Calls to review", "Export:"}}},
		{"trainee's nav links her own calls", "/", "anna", want{200, "", []string{`href="/calls"`}}, want{200, "", []string{`href="/calls"`}}},
		{"groups forbidden for trainee", "/groups", "anna", want{403, "", []string{"Nur für Trainer"}}, want{403, "", []string{"For trainers only"}}},
		{"reset with a working link shows the form, the name escaped", "/reset?token=works", "", want{200, "", []string{`id="reset-form"`, "anna &lt;x&gt;", `value="works"`}}, want{200, "", []string{"Choose your password", "anna &lt;x&gt;"}}},
		{"reset with a dead link says so, without a form", "/reset?token=dead", "", want{200, "", []string{`id="reset-bad"`, "Trainer um einen neuen Link"}}, want{200, "", []string{`id="reset-bad"`, "Ask your trainer for a new link"}}},
		{"reset without a link explains", "/reset", "", want{200, "", []string{`id="reset-missing"`}}, want{200, "", []string{`id="reset-missing"`, "reset link your trainer gave you"}}},
	}
	for _, tt := range tests {
		for _, lang := range []string{"de", "en"} {
			t.Run(tt.name+"/"+lang, func(t *testing.T) {
				if (strings.Contains(tt.path, "token=used") || strings.Contains(tt.path, "token=stale")) && strings.Contains(get(t, srv, tt.path, tt.user, lang).body, `id="setup-form"`) {
					t.Error("a used or stale set-up link shows the form")
				}
				if strings.Contains(tt.path, "token=dead") && strings.Contains(get(t, srv, tt.path, tt.user, lang).body, `id="reset-form"`) {
					t.Error("a dead reset link shows the form")
				}
				w := tt.de
				if lang == "en" {
					w = tt.en
				}
				res := get(t, srv, tt.path, tt.user, lang)
				if res.status != w.status {
					t.Fatalf("status = %d, want %d", res.status, w.status)
				}
				if w.location != "" {
					if got := res.header.Get("Location"); got != w.location {
						t.Errorf("Location = %q, want %q", got, w.location)
					}
					return
				}
				if got := res.header.Get("Content-Type"); got != "text/html; charset=utf-8" {
					t.Errorf("Content-Type = %q", got)
				}
				if got := res.header.Get("Content-Language"); got != lang {
					t.Errorf("Content-Language = %q, want %q", got, lang)
				}
				if !strings.Contains(res.body, `<html lang="`+lang+`">`) {
					t.Errorf("page is not marked lang=%s", lang)
				}
				for _, s := range w.contains {
					if !strings.Contains(res.body, s) {
						t.Errorf("page does not contain %q", s)
					}
				}
				checkPage(t, res.body)
			})
		}
	}
}

// TestEveryPageForEveryone renders every page for an anonymous visitor, a
// trainee and a trainer in both languages: the status each gets, and every
// page it renders passes checkPage.
func TestEveryPageForEveryone(t *testing.T) {
	_, srv := newTestServer(t)
	// want holds the status for anonymous, trainee, trainer.
	pages := []struct {
		path string
		want [3]int
	}{
		{"/", [3]int{303, 200, 200}},
		{"/login", [3]int{200, 303, 303}},
		{"/setup?token=t0k3n", [3]int{200, 303, 303}},
		{"/call/herr-b", [3]int{303, 200, 200}},
		{"/call/dana-inbound", [3]int{303, 200, 200}},
		{"/call/missing", [3]int{303, 404, 404}},
		{"/calls", [3]int{303, 200, 200}},
		{"/calls/some-id", [3]int{303, 200, 200}},
		{"/trainees", [3]int{303, 403, 200}},
		{"/groups", [3]int{303, 403, 200}},
		{"/review", [3]int{303, 403, 200}},
		{"/reset?token=works", [3]int{200, 200, 200}},
		{"/reset?token=dead", [3]int{200, 200, 200}},
	}
	for _, p := range pages {
		for i, user := range []string{"", "anna", "tom"} {
			for _, lang := range []string{"de", "en"} {
				name := fmt.Sprintf("%s/%s/%s", p.path, cmp.Or(user, "anonymous"), lang)
				t.Run(name, func(t *testing.T) {
					res := get(t, srv, p.path, user, lang)
					if res.status != p.want[i] {
						t.Fatalf("status = %d, want %d", res.status, p.want[i])
					}
					if res.status == 303 {
						return
					}
					if got := res.header.Get("Content-Language"); got != lang {
						t.Errorf("Content-Language = %q, want %q", got, lang)
					}
					if got := res.header.Get("Cache-Control"); got != "no-store" {
						t.Errorf("Cache-Control = %q, want no-store", got)
					}
					checkPage(t, res.body)
					if user != "" && !strings.Contains(res.body, `id="logout"`) {
						t.Error("no log-out button for a logged-in user")
					}
				})
			}
		}
	}
}

var (
	scriptTag   = regexp.MustCompile(`<script\b[^>]*>`)
	inlineEvent = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)
	styleAttr   = regexp.MustCompile(`(?i)\sstyle\s*=`)
	jsonScript  = regexp.MustCompile(`(?s)<script type="application/json" id="([a-z0-9-]+)">(.*?)</script>`)
	keyLike     = regexp.MustCompile(`>\s*((?:nav|login|setup|picker|call|calls|score|trainees|common|difficulty|direction|lang|role|outcome)\.[a-z0-9_.]+)\s*<`)
)

// checkPage checks what every page must be: CSP-friendly (no inline
// scripts, handlers or styles), its JSON data blocks valid, no untranslated
// message key in the text.
func checkPage(t *testing.T, body string) {
	t.Helper()
	for _, tag := range scriptTag.FindAllString(body, -1) {
		if !strings.Contains(tag, " src=") && !strings.Contains(tag, `type="application/json"`) {
			t.Errorf("inline script %s", tag)
		}
		if strings.Contains(tag, " src=") && !strings.Contains(tag, `src="/static/`) {
			t.Errorf("script from elsewhere: %s", tag)
		}
	}
	if m := inlineEvent.FindString(body); m != "" {
		t.Errorf("inline event handler %q", m)
	}
	if m := styleAttr.FindString(body); m != "" {
		t.Errorf("inline style %q", m)
	}
	blocks := jsonScript.FindAllStringSubmatch(body, -1)
	if len(blocks) != 2 {
		t.Errorf("found %d JSON script blocks, want 2 (i18n, page-data)", len(blocks))
	}
	for _, b := range blocks {
		var v any
		if err := json.Unmarshal([]byte(b[2]), &v); err != nil {
			t.Errorf("script %s holds invalid JSON: %v", b[1], err)
		}
	}
	if m := keyLike.FindStringSubmatch(body); m != nil {
		t.Errorf("untranslated message key %q in the page", m[1])
	}
}

func TestLanguageSwitch(t *testing.T) {
	_, srv := newTestServer(t)
	tests := []struct {
		name       string
		path       string
		acceptLang string
		cookie     string
		want       string
		setsCookie string
	}{
		{"browser German", "/login", "de-DE,de;q=0.9,en;q=0.8", "", "de", ""},
		{"browser English", "/login", "en-US,en;q=0.9", "", "en", ""},
		{"browser prefers English by q", "/login", "fr;q=1, de;q=0.3, en;q=0.7", "", "en", ""},
		{"browser names neither", "/login", "fr-FR,fr", "", "en", ""},
		{"no header", "/login", "", "", "en", ""},
		{"cookie beats browser", "/login", "en", "de", "de", ""},
		{"unknown cookie ignored", "/login", "de", "xx", "de", ""},
		{"switch beats cookie and sets it", "/login?lang=en", "de", "de", "en", "en"},
		{"bad switch ignored", "/login?lang=fr", "de", "", "de", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cookies []*http.Cookie
			if tt.cookie != "" {
				cookies = append(cookies, &http.Cookie{Name: "openline_lang", Value: tt.cookie})
			}
			res := get(t, srv, tt.path, "", tt.acceptLang, cookies...)
			if got := res.header.Get("Content-Language"); got != tt.want {
				t.Errorf("language = %q, want %q", got, tt.want)
			}
			var got string
			for _, c := range (&http.Response{Header: res.header}).Cookies() {
				if c.Name == "openline_lang" {
					got = c.Value
				}
			}
			if got != tt.setsCookie {
				t.Errorf("Set-Cookie openline_lang = %q, want %q", got, tt.setsCookie)
			}
		})
	}
}

func TestLanguageLinksKeepTheQuery(t *testing.T) {
	_, srv := newTestServer(t)
	res := get(t, srv, "/call/herr-b?resume=abc", "anna", "de")
	for _, want := range []string{`href="/call/herr-b?lang=en&amp;resume=abc"`, `href="/call/herr-b?lang=de&amp;resume=abc"`} {
		if !strings.Contains(res.body, want) {
			t.Errorf("language switch link %s missing", want)
		}
	}
}

func TestAcceptLanguage(t *testing.T) {
	tests := []struct {
		header string
		want   openline.Language
		ok     bool
	}{
		{"de", openline.German, true},
		{"de-AT", openline.German, true},
		{"DE-ch;q=0.5", openline.German, true},
		{"en-GB,de;q=0.9", openline.English, true},
		{"de;q=0.1,en;q=0.2", openline.English, true},
		{"en;q=0.5,de;q=0.5", openline.English, true},
		{"de;q=0,en;q=0.1", openline.English, true},
		{"de;q=0", "", false},
		{"*", "", false},
		{"", "", false},
		{"fr, it", "", false},
		{"de;q=abc", "", false},
		{"de;q=2", "", false},
		{" en ; q = 0.8 ", openline.English, true},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			got, ok := acceptLanguage(tt.header)
			if got != tt.want || ok != tt.ok {
				t.Errorf("acceptLanguage(%q) = %q, %v; want %q, %v", tt.header, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func FuzzAcceptLanguage(f *testing.F) {
	for _, s := range []string{"de-DE,de;q=0.9,en;q=0.8", "en", "*;q=0.1", ";;,,q=", "de;q=NaN", "en;q=1e400"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		l, ok := acceptLanguage(header)
		if ok != l.Valid() {
			t.Fatalf("acceptLanguage(%q) = %q, %v: ok must say whether the language is valid", header, l, ok)
		}
		if ok && !strings.Contains(strings.ToLower(header), string(l)) {
			t.Fatalf("acceptLanguage(%q) = %q, which the header does not name", header, l)
		}
	})
}

func TestSafeNext(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "/"},
		{"/", "/"},
		{"/calls?trainee=anna", "/calls?trainee=anna"},
		{"/call/herr-b?resume=x", "/call/herr-b?resume=x"},
		{"//evil.example/", "/"},
		{"/\\evil.example", "/"},
		{"https://evil.example/", "/"},
		{"javascript:alert(1)", "/"},
		{"calls", "/"},
		{"/ok\r\nSet-Cookie: x", "/"},
	}
	for _, tt := range tests {
		if got := safeNext(tt.in); got != tt.want {
			t.Errorf("safeNext(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestInitials(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Herr B.", "HB"},
		{"Dana Whitfield", "DW"},
		{"Frau Özdemir", "FÖ"},
		{"anna", "A"},
		{"Dr. Jane van Dyke", "DJ"},
		{"", "?"},
		{"  ", "?"},
	}
	for _, tt := range tests {
		if got := initials(tt.in); got != tt.want {
			t.Errorf("initials(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"one line", "Hello.", []string{"Hello."}},
		{"yaml block lines join", "Sie telefonieren für\neinen Spezialisten.\n", []string{"Sie telefonieren für einen Spezialisten."}},
		{"blank lines split", "One\ntwo.\n\n  \nThree.\n", []string{"One two.", "Three."}},
		{"crlf", "a\r\nb\r\n\r\nc", []string{"a b", "c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := paragraphs(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("paragraphs(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPickerGroupsTheUILanguageFirst(t *testing.T) {
	groups := groupScenarios(testScenarios(), openline.English)
	if len(groups) != 2 || groups[0].Language != "en" || groups[1].Language != "de" {
		t.Fatalf("groups = %+v, want en then de", groups)
	}
	if got := groups[0].Scenarios[0].ID; got != "dana-inbound" {
		t.Errorf("first English scenario = %q", got)
	}
}

func TestNewRequiresCallbacks(t *testing.T) {
	if _, err := New(Config{}); err == nil {
		t.Error("New(Config{}) succeeded, want an error")
	}
}

func TestStaticFiles(t *testing.T) {
	u, srv := newTestServer(t)
	tests := []struct {
		name        string
		file        string
		contentType string
	}{
		{"stylesheet", "css/app.css", "text/css; charset=utf-8"},
		{"module", "js/call.js", "text/javascript; charset=utf-8"},
		{"shared module", "js/common.js", "text/javascript; charset=utf-8"},
		{"icon", "img/icon.svg", "image/svg+xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, srv, u.assets.url(tt.file), "", "")
			if res.status != 200 {
				t.Fatalf("status = %d", res.status)
			}
			if got := res.header.Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type = %q, want %q", got, tt.contentType)
			}
			if got := res.header.Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
				t.Errorf("Cache-Control = %q", got)
			}
			if got := res.header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options = %q", got)
			}
			old := get(t, srv, "/static/000000000000/"+tt.file, "", "")
			if old.status != 200 || old.header.Get("Cache-Control") != "no-cache" {
				t.Errorf("old version: status %d, Cache-Control %q; want 200, no-cache", old.status, old.header.Get("Cache-Control"))
			}
			if old.body != res.body {
				t.Error("old version served other content")
			}
		})
	}
	for _, path := range []string{"/static/" + u.assets.version + "/js/nope.js", "/static/app.css", "/static/" + u.assets.version + "/templates/layout.html", "/static/" + u.assets.version} {
		if res := get(t, srv, path, "", ""); res.status != 404 {
			t.Errorf("GET %s: status %d, want 404", path, res.status)
		}
	}
}

func TestStaticRevalidates(t *testing.T) {
	u, srv := newTestServer(t)
	first := get(t, srv, u.assets.url("css/app.css"), "", "")
	etag := first.header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	req, _ := http.NewRequest(http.MethodGet, srv.URL+u.assets.url("css/app.css"), nil)
	req.Header.Set("If-None-Match", etag)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotModified {
		t.Errorf("status = %d, want 304", res.StatusCode)
	}
}

// TestPagesReferenceExistingAssets checks that every /static/ URL in every
// page is served.
func TestPagesReferenceExistingAssets(t *testing.T) {
	_, srv := newTestServer(t)
	ref := regexp.MustCompile(`(?:src|href)="(/static/[^"]+)"`)
	for _, path := range []string{"/login", "/setup?token=x", "/", "/call/herr-b", "/calls", "/calls/x", "/trainees"} {
		user := "tom"
		if path == "/login" || strings.HasPrefix(path, "/setup") {
			user = ""
		}
		res := get(t, srv, path, user, "de")
		refs := ref.FindAllStringSubmatch(res.body, -1)
		if len(refs) < 3 {
			t.Errorf("%s: only %d static references", path, len(refs))
		}
		for _, m := range refs {
			u := html.UnescapeString(m[1])
			if r := get(t, srv, u, "", ""); r.status != 200 {
				t.Errorf("%s references %s: status %d", path, u, r.status)
			}
		}
	}
}

func TestWithLang(t *testing.T) {
	tests := []struct {
		in   string
		lang openline.Language
		want string
	}{
		{"/", openline.German, "/?lang=de"},
		{"/calls?trainee=anna&lang=en", openline.German, "/calls?" + url.Values{"lang": {"de"}, "trainee": {"anna"}}.Encode()},
		{"/%zz", openline.English, "/?lang=en"},
	}
	for _, tt := range tests {
		if got := withLang(tt.in, tt.lang); got != tt.want {
			t.Errorf("withLang(%q, %s) = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
}
