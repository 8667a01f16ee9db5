// Package ui serves openline's browser UI: the server-rendered pages (scenario
// picker, login, first-run setup, call screen, call history, scorecard,
// trainee accounts) and the static assets, all embedded in package web. The
// pages are shells: the ES modules they load talk to the JSON API and the
// websocket that package internal/web serves. Package ui knows nothing of the
// store; it is told who is logged in and which scenarios exist.
package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"github.com/openline/openline/internal/auth"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/web"
)

// Config is what the UI needs from the server.
type Config struct {
	Log *slog.Logger
	// User returns the logged-in user of a request; nil when anonymous.
	User func(*http.Request) *openline.User
	// Trainer tells whether a user sees the trainer's pages and wording
	// (the server's access policy decides; the UI only shows it).
	Trainer func(*openline.User) bool
	// Scenarios is the server's scenario catalogue (package catalog).
	Scenarios Scenarios
	// SetUp tells whether the first account exists (then set-up links are
	// used up); nil: always.
	SetUp func(*http.Request) bool
	// SetupWorks tells whether a set-up link's token would create the
	// first account now; nil: every token is taken to work (the API
	// checks again).
	SetupWorks func(r *http.Request, token string) bool
	// ResetUser returns the account whose password a reset link's token
	// sets, nil when the link is unknown, used or expired; nil: no link
	// works.
	ResetUser func(r *http.Request, token string) *openline.User
	// Draft returns draft id as a scenario to call, nil when there is no
	// such draft or it has problems; nil: no test calls on drafts.
	Draft func(ctx context.Context, id int64) *openline.Scenario
	// MaxScenarioBytes is the largest scenario file the server takes.
	MaxScenarioBytes int
}

// Scenarios is what the pages ask of the scenario catalogue.
type Scenarios interface {
	List() []*openline.Scenario           // the current versions, in display order
	Current(id string) *openline.Scenario // nil: no such scenario
}

// UI renders the pages. It is safe for concurrent use.
type UI struct {
	log        *slog.Logger
	user       func(*http.Request) *openline.User
	trainer    func(*openline.User) bool
	setUp      func(*http.Request) bool
	setupWorks func(*http.Request, string) bool
	resetUser  func(*http.Request, string) *openline.User
	scenarios  Scenarios
	draft      func(ctx context.Context, id int64) *openline.Scenario
	// maxScenarioBytes is the largest scenario file, for the editor.
	maxScenarioBytes int
	pages            map[string]*template.Template // by page name
	catalogs         map[openline.Language]catalog
	assets           *assets
}

// pageNames are the templates in web/templates that are pages; each is
// parsed together with layout.html.
var pageNames = []string{"login", "setup", "picker", "call", "calls", "scorecard", "trainees", "error", "groups", "reset", "authoring", "editor", "review"}

// New parses the templates and catalogs and hashes the static files, once.
func New(cfg Config) (*UI, error) {
	if cfg.User == nil || cfg.Trainer == nil || cfg.Scenarios == nil {
		return nil, errors.New("ui: Config.User, Config.Trainer and Config.Scenarios are required")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.SetUp == nil {
		cfg.SetUp = func(*http.Request) bool { return true }
	}
	if cfg.ResetUser == nil {
		cfg.ResetUser = func(*http.Request, string) *openline.User { return nil }
	}
	cats, err := loadCatalogs(web.Messages)
	if err != nil {
		return nil, fmt.Errorf("ui: %w", err)
	}
	static, err := fs.Sub(web.FS, "static")
	if err != nil {
		return nil, fmt.Errorf("ui: static files: %w", err)
	}
	as, err := loadAssets(static)
	if err != nil {
		return nil, fmt.Errorf("ui: %w", err)
	}
	u := &UI{
		log:              cfg.Log,
		user:             cfg.User,
		trainer:          cfg.Trainer,
		setUp:            cfg.SetUp,
		setupWorks:       cfg.SetupWorks,
		resetUser:        cfg.ResetUser,
		scenarios:        cfg.Scenarios,
		draft:            cfg.Draft,
		maxScenarioBytes: cfg.MaxScenarioBytes,
		pages:            make(map[string]*template.Template, len(pageNames)),
		catalogs:         cats,
		assets:           as,
	}
	for _, name := range append(pageNames[:len(pageNames):len(pageNames)], viewNames...) {
		t, err := template.New("layout.html").ParseFS(web.FS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("ui: parse page %s: %w", name, err)
		}
		u.pages[name] = t
	}
	return u, nil
}

// The pages. Who may see each is decided by the server's access policy,
// which wraps these handlers where it registers them (internal/web's
// routes.go); a page handler is only called with a user it may show
// itself to, except Login and Setup, which are public. Every page is GET
// only; the forms on them post JSON to the API with fetch.

// Picker is the scenario picker (/).
func (u *UI) Picker() http.Handler { return u.handlePicker() }

// Login is the login page (/login), public.
func (u *UI) Login() http.Handler { return u.handleLogin() }

// Setup is the first-run setup page (/setup), public.
func (u *UI) Setup() http.Handler { return u.handleSetup() }

// Call is the call screen (/call/{scenario}).
func (u *UI) Call() http.Handler { return u.handleCall() }

// Calls is the call history (/calls).
func (u *UI) Calls() http.Handler { return u.handleCalls() }

// Scorecard is one call's page (/calls/{id}).
func (u *UI) Scorecard() http.Handler { return u.handleScorecard() }

// Trainees is the accounts page (/trainees).
func (u *UI) Trainees() http.Handler { return u.handleTrainees() }

// Groups is the groups page (/groups).
func (u *UI) Groups() http.Handler { return u.handleGroups() }

// Review is a trainer's table of calls (/review).
func (u *UI) Review() http.Handler { return u.handleReview() }

// Reset is the page of a password reset link (/reset), public.
func (u *UI) Reset() http.Handler { return u.handleReset() }

// Static serves the static files (/static/), public.
func (u *UI) Static() http.Handler { return u.assets.handler() }

// Forbidden answers 403 with the "not allowed" page.
func (u *UI) Forbidden(w http.ResponseWriter, r *http.Request) {
	u.render(w, r, &page{Name: "error", Title: "forbidden.title", Status: http.StatusForbidden, Data: "forbidden.text"})
}

// NotFound is the page of an address that names no page: 404 with the
// plain "nothing here" page, in the reader's language, for anyone.
func (u *UI) NotFound() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u.notFound(w, r, "notfound.page")
	})
}

// page is what every template gets. Page-specific data goes into Data (for
// the template) and Config (serialised as JSON for the page's module).
type page struct {
	Name     string // template name; also selects the nav item and the module
	Lang     openline.Language
	Title    string // catalog key of the page title
	User     *openline.User
	Data     any
	Config   any               // JSON for the module, in <script type="application/json" id="page-data">
	Messages map[string]string // the whole catalog, for the module
	Status   int               // HTTP status; 0 is 200
	path     string            // the request path and query, for the language switch
	cat      catalog
	assets   *assets
	trainer  bool // the user sees the trainer's pages and wording
}

// Section is the item of the main navigation the page belongs to, which
// the navigation marks as the current one: a test call on a draft belongs
// to authoring, a trainer's call pages to the review of every call.
func (p *page) Section() string {
	switch p.Name {
	case "picker":
		return "scenarios"
	case "call":
		if c, ok := p.Data.(scenarioCard); ok && c.Draft != 0 {
			return "authoring"
		}
		return "scenarios"
	case "calls", "scorecard":
		if p.trainer {
			return "review"
		}
		return "calls"
	case "blind":
		return "calibration"
	case "editor":
		return "authoring"
	}
	return p.Name
}

// T returns the message for key in the page's language.
func (p *page) T(key string) string { return p.cat.text(key) }

// Tf returns the message for key with {name} placeholders filled from
// alternating name, value arguments.
func (p *page) Tf(key string, args ...any) string { return p.cat.format(key, args...) }

// Asset returns the versioned URL of a static file, e.g. "css/app.css".
func (p *page) Asset(name string) string { return p.assets.url(name) }

// Languages lists the language switch: each language with the current URL
// rewritten to ask for it.
func (p *page) Languages() []langLink {
	links := make([]langLink, 0, len(openline.Languages))
	for _, l := range openline.Languages {
		links = append(links, langLink{Code: string(l), Name: p.cat.text("lang." + string(l)), Href: withLang(p.path, l), Current: l == p.Lang})
	}
	return links
}

// MinPassword is the shortest password the server takes, in characters.
func (p *page) MinPassword() int { return auth.MinPasswordChars }

// IsTrainer reports whether the logged-in user is a trainer.
func (p *page) IsTrainer() bool { return p.trainer }

type langLink struct {
	Code, Name, Href string
	Current          bool
}

// withLang returns the local URL path?query with lang set to l.
func withLang(pathQuery string, l openline.Language) string {
	u, err := url.Parse(pathQuery)
	if err != nil {
		return "/?lang=" + string(l)
	}
	q := u.Query()
	q.Set("lang", string(l))
	return (&url.URL{Path: u.Path, RawQuery: q.Encode()}).String()
}

// render executes a page into a buffer and writes it, so that a template
// error never sends half a page.
func (u *UI) render(w http.ResponseWriter, r *http.Request, p *page) {
	lang := u.language(r)
	if q := openline.Language(r.URL.Query().Get("lang")); q.Valid() {
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: string(q), Path: "/", MaxAge: langCookieAge, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	}
	p.Lang = lang
	p.cat = u.catalogs[lang]
	p.Messages = p.cat.msgs
	p.assets = u.assets
	p.path = r.URL.RequestURI()
	if p.User == nil {
		p.User = u.user(r)
	}
	p.trainer = p.User != nil && u.trainer(p.User)
	t, ok := u.pages[p.Name]
	if !ok {
		u.log.Error("render: unknown page", "page", p.Name)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, p); err != nil {
		u.log.Error("render page", "page", p.Name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Language", string(lang))
	h.Set("Cache-Control", "no-store")
	h.Add("Vary", "Cookie, Accept-Language")
	status := p.Status
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// safeNext returns next when it is a path on this site, else "/". It keeps
// the login page from redirecting to another host ("//evil", "https://…",
// "/\evil").
func safeNext(next string) string {
	if next == "" || next[0] != '/' || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n\t") {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "/"
	}
	return next
}

func (u *UI) handleLogin() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next := safeNext(r.URL.Query().Get("next"))
		if u.user(r) != nil {
			http.Redirect(w, r, next, http.StatusSeeOther)
			return
		}
		// Data: a fresh install, whose login page says how to finish
		// set-up.
		u.render(w, r, &page{Name: "login", Title: "login.title", Data: !u.setUp(r), Config: map[string]string{"next": next}})
	})
}

func (u *UI) handleSetup() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u.user(r) != nil {
			http.Redirect(w, r, "/", http.StatusSeeOther)
			return
		}
		token := r.URL.Query().Get("token")
		// Once set up, every link is used up, and a link printed by an
		// earlier start is dead: say so rather than show a form that can
		// only fail.
		setUp := u.setUp(r)
		dead := !setUp && token != "" && u.setupWorks != nil && !u.setupWorks(r, token)
		u.render(w, r, &page{Name: "setup", Title: "setup.title", Data: map[string]any{"Token": token, "SetUp": setUp, "Dead": dead}})
	})
}

// scenarioCard is a scenario as the picker and the call screen show it.
type scenarioCard struct {
	ID, Title, Brief                  string
	Language, Difficulty, Direction   string
	PersonaName, PersonaRole, Company string
	Initials                          string
	Paragraphs                        []string // the brief's paragraphs, lines joined
	Draft                             int64    // a test call on this draft; 0: none
}

func cardOf(s *openline.Scenario) scenarioCard {
	return scenarioCard{
		ID: s.ID, Title: s.Title, Brief: strings.TrimSpace(s.Brief),
		Language: string(s.Language), Difficulty: string(s.Difficulty), Direction: string(s.Direction),
		PersonaName: s.Persona.Name, PersonaRole: s.Persona.Role, Company: s.Persona.Company,
		Initials: initials(s.Persona.Name), Paragraphs: paragraphs(s.Brief),
	}
}

// paragraphs splits text at blank lines and joins the lines of each
// paragraph with spaces: a YAML block's hard line breaks are not the
// author's paragraphs.
func paragraphs(text string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

// initials returns up to two letters for an avatar: "Herr B." → "HB",
// "Dana Whitfield" → "DW".
func initials(name string) string {
	var out []rune
	for _, f := range strings.Fields(name) {
		for _, r := range f {
			if r >= 'A' && r <= 'Z' || r > 127 && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r) {
				out = append(out, r)
			} else if len(out) == 0 && r >= 'a' && r <= 'z' {
				out = append(out, r-'a'+'A')
			}
			break
		}
		if len(out) == 2 {
			break
		}
	}
	if len(out) == 0 {
		return "?"
	}
	return string(out)
}

// scenarioGroup is the picker's scenarios of one language.
type scenarioGroup struct {
	Language  string
	Scenarios []scenarioCard
}

// groupScenarios returns the scenarios grouped by language, the UI's
// language first, each group in the order given.
func groupScenarios(all []*openline.Scenario, first openline.Language) []scenarioGroup {
	order := []openline.Language{first}
	for _, l := range openline.Languages {
		if l != first {
			order = append(order, l)
		}
	}
	var groups []scenarioGroup
	for _, l := range order {
		g := scenarioGroup{Language: string(l)}
		for _, s := range all {
			if s.Language == l {
				g.Scenarios = append(g.Scenarios, cardOf(s))
			}
		}
		if len(g.Scenarios) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

func (u *UI) handlePicker() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		usr := u.user(r)
		lang := u.language(r)
		u.render(w, r, &page{Name: "picker", Title: "picker.title", User: usr, Data: groupScenarios(u.scenarios.List(), lang)})
	})
}

// callConfig is the call screen's module configuration.
type callConfig struct {
	Scenario  string `json:"scenario"`
	Engine    string `json:"engine"`
	Resume    string `json:"resume,omitempty"`
	Persona   string `json:"persona"`
	Direction string `json:"direction"`
	Language  string `json:"language"`
	Draft     int64  `json:"draft,omitempty"` // a test call on this draft
}

func (u *UI) handleCall() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sc := u.scenarios.Current(r.PathValue("scenario"))
		if sc == nil {
			u.notFound(w, r, "notfound.scenario")
			return
		}
		u.renderCall(w, r, sc, 0)
	})
}

// renderCall renders the call screen on sc; draft is the draft's id for
// a test call on one, else 0.
func (u *UI) renderCall(w http.ResponseWriter, r *http.Request, sc *openline.Scenario, draft int64) {
	engine := r.URL.Query().Get("engine")
	if engine != string(openline.EngineLLM) {
		engine = string(openline.EngineScripted)
	}
	card := cardOf(sc)
	card.Draft = draft
	u.render(w, r, &page{Name: "call", Title: "call.title", Data: card, Config: callConfig{
		Scenario: sc.ID, Engine: engine, Resume: r.URL.Query().Get("resume"),
		Persona: sc.Persona.Name, Direction: card.Direction, Language: card.Language, Draft: draft,
	}})
}

// callsConfig is the history page's module configuration.
type callsConfig struct {
	Trainer   bool             `json:"trainer"`
	Trainee   string           `json:"trainee,omitempty"`
	Scenario  string           `json:"scenario,omitempty"`
	Scenarios []scenarioOption `json:"scenarios"`
}

// options is the history page's scenario filter.
func (u *UI) options() []scenarioOption {
	list := u.scenarios.List()
	out := make([]scenarioOption, 0, len(list))
	for _, s := range list {
		out = append(out, scenarioOption{ID: s.ID, Title: s.Title})
	}
	return out
}

// personas is the persona name by scenario id, for the scorecard.
func (u *UI) personas() map[string]string {
	list := u.scenarios.List()
	out := make(map[string]string, len(list))
	for _, s := range list {
		out[s.ID] = s.Persona.Name
	}
	return out
}

type scenarioOption struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

func (u *UI) handleCalls() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		usr := u.user(r)
		trainer := u.trainer(usr)
		cfg := callsConfig{Trainer: trainer, Scenario: r.URL.Query().Get("scenario"), Scenarios: u.options()}
		if trainer {
			cfg.Trainee = r.URL.Query().Get("trainee")
		}
		title := "calls.title.mine"
		if trainer {
			title = "calls.title.all"
		}
		u.render(w, r, &page{Name: "calls", Title: title, User: usr, Config: cfg})
	})
}

func (u *UI) handleScorecard() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		usr := u.user(r)
		u.render(w, r, &page{Name: "scorecard", Title: "score.title", User: usr, Config: map[string]any{
			"id": r.PathValue("id"), "trainer": u.trainer(usr), "personas": u.personas(),
		}})
	})
}

func (u *UI) handleTrainees() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		usr := u.user(r)
		u.render(w, r, &page{Name: "trainees", Title: "trainees.title", User: usr})
	})
}
