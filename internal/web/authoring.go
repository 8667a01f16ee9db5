package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"sync"
	"time"

	"github.com/openline/openline/internal/call"
	"github.com/openline/openline/internal/catalog"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/scenario"
	"github.com/openline/openline/internal/scenariotest"
	"github.com/openline/openline/internal/ui"
)

// authoring.go serves the trainers' scenario authoring (docs/api.md,
// "Authoring"): the list of templates, published scenarios and drafts,
// checking a text as it is typed, drafts saved, tested, called and
// published, and files imported and exported. Scenario texts travel as
// the raw YAML body (Content-Type text/yaml), never inside JSON, so that
// a file of the largest size a scenario may have fits.

// Limits of authoring.
const (
	// maxScenarioBody is the largest body an authoring request may send:
	// one scenario file, and some more, so that a file a little too large
	// gets the parser's message with its size; a larger body is refused
	// as too large.
	maxScenarioBody = scenario.MaxFileSize + 64<<10
	// checksPerMinute and checkBurst bound the checks (validate, save,
	// import, test run) one account may ask for: each parses up to 1 MiB.
	checksPerMinute = 120
	checkBurst      = 30
	// maxTestOutput bounds the report of a test run sent back.
	maxTestOutput = 256 << 10
	// testRunTimeout bounds one test run.
	testRunTimeout = 20 * time.Second
)

// errTooManyChecks answers an account over its checks per minute.
var errTooManyChecks = openline.Error{Kind: openline.KindTooMany, Code: "too_many_checks", Message: "too many checks at once; wait a moment"}

// checkLimiter is a token bucket per account for the checks it asks for.
// It lives in memory: a restart refills every bucket.
type checkLimiter struct {
	now func() time.Time
	mu  sync.Mutex
	// buckets by user id: tokens left at the time of the last take.
	buckets map[int64]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newCheckLimiter(now func() time.Time) *checkLimiter {
	return &checkLimiter{now: now, buckets: map[int64]*bucket{}}
}

// take spends one check of userID, or answers errTooManyChecks with the
// wait until the next one.
func (l *checkLimiter) take(userID int64) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	const perSecond = float64(checksPerMinute) / 60
	b := l.buckets[userID]
	if b == nil {
		if len(l.buckets) > 10_000 {
			l.prune(now)
		}
		b = &bucket{tokens: checkBurst, at: now}
		l.buckets[userID] = b
	}
	b.tokens = min(checkBurst, b.tokens+now.Sub(b.at).Seconds()*perSecond)
	b.at = now
	if b.tokens < 1 {
		wait := time.Duration((1 - b.tokens) / perSecond * float64(time.Second))
		return retryAfter(errTooManyChecks, wait)
	}
	b.tokens--
	return nil
}

// prune forgets the buckets that are full again.
func (l *checkLimiter) prune(now time.Time) {
	for id, b := range l.buckets {
		if now.Sub(b.at) > time.Minute*checkBurst/checksPerMinute+time.Second {
			delete(l.buckets, id)
		}
	}
}

// authoringDeps are what the authoring handlers use.
type authoringDeps struct {
	cat    *catalog.Catalog
	checks *checkLimiter
	slots  checkSlots
	now    func() time.Time
}

// problemJSON is one problem of a scenario text: line and col are
// 1-based, both 0 for a problem of the whole text.
type problemJSON struct {
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
}

// toProblems writes the problems of list in the language of the request
// (ui.RequestLanguage: the page's, which the editor sends as
// Accept-Language).
func toProblems(r *http.Request, list scenario.ErrorList) []problemJSON {
	lang := ui.RequestLanguage(r)
	out := make([]problemJSON, 0, len(list))
	for _, e := range list {
		out = append(out, problemJSON{Line: e.Line, Col: e.Col, Message: e.In(lang)})
	}
	return out
}

// problemsOf returns the problems an error carries (catalog.Problems),
// for the error body.
func problemsOf(r *http.Request, err error) []problemJSON {
	var ps *catalog.Problems
	if errors.As(err, &ps) {
		return toProblems(r, ps.List)
	}
	return nil
}

// checkedText spends one of the asker's checks and reads the raw YAML of
// the request.
func checkedText(d authoringDeps, r *http.Request) ([]byte, error) {
	if err := d.checks.take(userFrom(r.Context()).ID); err != nil {
		return nil, err
	}
	return readScenarioBody(r)
}

// checkSlots bounds the checks (each a parse of up to 1 MiB, and a test
// run) the server does at once, whoever asks: a check waits up to
// checkSlotWait for a slot, else the answer is busy.
type checkSlots chan struct{}

const (
	maxChecksAtOnce = 2
	checkSlotWait   = 5 * time.Second
)

func newCheckSlots() checkSlots { return make(checkSlots, maxChecksAtOnce) }

// do runs f in a slot.
func (s checkSlots) do(ctx context.Context, f func() error) error {
	t := time.NewTimer(checkSlotWait)
	defer t.Stop()
	select {
	case s <- struct{}{}:
	case <-t.C:
		return retryAfter(errBusy, time.Second)
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-s }()
	return f()
}

// readScenarioBody reads the raw YAML of an authoring request.
func readScenarioBody(r *http.Request) ([]byte, error) {
	data, err := io.ReadAll(r.Body) // limited by limitBody
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, errTooLarge
		}
		return nil, errBadRequest
	}
	return data, nil
}

// draftJSON is a draft as the list and the editor show it.
type draftJSON struct {
	ID         int64     `json:"id"`
	ScenarioID string    `json:"scenario_id"` // "" while the text names none
	Title      string    `json:"title"`
	Problems   int       `json:"problems"` // 0: it may be published
	Author     string    `json:"author"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

func toDraftJSON(d *openline.Draft) draftJSON {
	return draftJSON{ID: d.ID, ScenarioID: d.ScenarioID, Title: d.Title, Problems: d.Problems, Author: d.Author,
		CreatedAt: d.CreatedAt.UTC(), UpdatedAt: d.UpdatedAt.UTC()}
}

// authoredJSON is a current scenario in the list.
type authoredJSON struct {
	ID       string            `json:"id"`
	Title    string            `json:"title"`
	Language openline.Language `json:"language"`
	Version  string            `json:"version"`
	// Shipped: current as shipped (never published by a trainer); else
	// the last publication and how many there were.
	Shipped     bool       `json:"shipped"`
	Publisher   string     `json:"publisher,omitempty"`
	PublishedAt *time.Time `json:"published_at,omitempty"`
	Versions    int        `json:"versions"`
	Template    bool       `json:"template"` // a shipped template of this id exists
}

type templateJSON struct {
	ID       string            `json:"id"`
	Title    string            `json:"title"`
	Language openline.Language `json:"language"`
	Version  string            `json:"version"`
}

type authoringListBody struct {
	Published []authoredJSON `json:"published"`
	Drafts    []draftJSON    `json:"drafts"`
	Templates []templateJSON `json:"templates"`
}

// handleAuthoringList lists the current scenarios, the drafts and the
// shipped templates.
func handleAuthoringList(d authoringDeps) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		drafts, err := d.cat.Drafts(r.Context())
		if err != nil {
			return err
		}
		out := authoringListBody{Published: []authoredJSON{}, Drafts: make([]draftJSON, 0, len(drafts)), Templates: []templateJSON{}}
		for _, sc := range d.cat.List() {
			a := authoredJSON{ID: sc.ID, Title: sc.Title, Language: sc.Language, Version: sc.Version, Template: d.cat.Template(sc.ID) != nil}
			if p, n, ok := d.cat.Published(sc.ID); ok {
				at := p.PublishedAt.UTC()
				a.Publisher, a.PublishedAt, a.Versions = p.Publisher, &at, n
			} else {
				a.Shipped = true
			}
			out.Published = append(out.Published, a)
		}
		for i := range drafts {
			out.Drafts = append(out.Drafts, toDraftJSON(&drafts[i]))
		}
		for _, t := range d.cat.Templates() {
			out.Templates = append(out.Templates, templateJSON{ID: t.ID, Title: t.Title, Language: t.Language, Version: t.Version})
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

type checkBody struct {
	Problems []problemJSON `json:"problems"`
	// Form is the text as the form shows it; absent when the text is
	// no readable YAML.
	Form *scenario.Form `json:"form,omitempty"`
	// ID and Title are those the text names ("" for none).
	ID    string `json:"id"`
	Title string `json:"title"`
}

// handleValidate checks the body's YAML as a scenario file, without
// keeping anything: the editor's validation as the trainer types.
func handleValidate(d authoringDeps) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		text, err := checkedText(d, r)
		if err != nil {
			return err
		}
		var sc *openline.Scenario
		var problems scenario.ErrorList
		if err := d.slots.do(r.Context(), func() error { sc, problems = catalog.Check(text); return nil }); err != nil {
			return err
		}
		out := checkBody{Problems: toProblems(r, problems), Form: scenario.ReadForm(text, problems)}
		if sc != nil {
			out.ID, out.Title = sc.ID, sc.Title
		} else {
			out.ID, out.Title, _ = scenario.Peek(text)
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

type newDraftRequest struct {
	// From is the id of the scenario to copy: its shipped template when
	// Template is set, else its current version.
	From     string `json:"from"`
	Template bool   `json:"template"`
}

type draftBody struct {
	Draft draftJSON `json:"draft"`
	Text  string    `json:"text,omitempty"`
	// Revision names the saved text, for a save, form edit or
	// publication to say which text it was made on (authoring_form.go).
	Revision string         `json:"revision,omitempty"`
	Problems []problemJSON  `json:"problems"`
	Form     *scenario.Form `json:"form,omitempty"`
}

// handleDraftCreate copies a template or a current scenario into a new
// draft of the asker.
func handleDraftCreate(d authoringDeps) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		var req newDraftRequest
		if err := decodeJSON(r, &req); err != nil {
			return err
		}
		if req.From == "" {
			return errBadRequest
		}
		dr, err := d.cat.CopyScenario(r.Context(), userFrom(r.Context()), req.From, req.Template, d.now())
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusCreated, draftBody{Draft: toDraftJSON(dr), Revision: revision(dr), Problems: []problemJSON{}})
		return nil
	}
}

// handleImport keeps the body's YAML file as a new draft of the asker;
// a file that cannot be read at all is refused with its problems.
func handleImport(d authoringDeps) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		text, err := checkedText(d, r)
		if err != nil {
			return err
		}
		var dr *openline.Draft
		var problems scenario.ErrorList
		err = d.slots.do(r.Context(), func() (err error) {
			dr, problems, err = d.cat.Import(r.Context(), userFrom(r.Context()), text, d.now())
			return err
		})
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusCreated, draftBody{Draft: toDraftJSON(dr), Revision: revision(dr), Problems: toProblems(r, problems)})
		return nil
	}
}

// draftID is the path's {id} as a draft id; not found when it is none.
func draftID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, errNotFound
	}
	return id, nil
}

// handleDraftGet returns a draft with its text and problems.
func handleDraftGet(d authoringDeps) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := draftID(r)
		if err != nil {
			return err
		}
		dr, _, problems, err := d.cat.Draft(r.Context(), id)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, newDraftBody(r, dr, problems))
		return nil
	}
}

// handleDraftSave replaces a draft's text with the body's YAML, when the
// draft is still at the ?revision= the text was made on (else
// draft_changed); a text with problems is kept too, flagged.
func handleDraftSave(d authoringDeps) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := draftID(r)
		if err != nil {
			return err
		}
		text, err := checkedText(d, r)
		if err != nil {
			return err
		}
		rev, err := parseRevision(r.URL.Query().Get("revision"))
		if err != nil {
			return err
		}
		var dr *openline.Draft
		var problems scenario.ErrorList
		err = d.slots.do(r.Context(), func() (err error) {
			dr, problems, err = d.cat.SaveDraft(r.Context(), id, rev, text, d.now())
			return err
		})
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, newDraftBody(r, dr, problems))
		return nil
	}
}

// handleDraftDelete deletes a draft.
func handleDraftDelete(d authoringDeps, st openline.AuthoringStore) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := draftID(r)
		if err != nil {
			return err
		}
		if err := st.DeleteDraft(r.Context(), id); err != nil {
			return err
		}
		w.WriteHeader(http.StatusNoContent)
		return nil
	}
}

type publishedBody struct {
	Scenario string `json:"scenario"`
	Version  string `json:"version"`
}

type publishRequest struct {
	// Revision is the draft's revision its publisher last saw.
	Revision string `json:"revision"`
}

// handlePublish makes a draft without problems the current version of
// its scenario, when it is still at the revision its publisher saw (else
// draft_changed: a text they have not seen is never published).
func handlePublish(d authoringDeps) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := draftID(r)
		if err != nil {
			return err
		}
		var req publishRequest
		if err := decodeJSON(r, &req); err != nil {
			return err
		}
		rev, err := parseRevision(req.Revision)
		if err != nil {
			return err
		}
		sc, err := d.cat.Publish(r.Context(), userFrom(r.Context()), id, rev, d.now())
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, publishedBody{Scenario: sc.ID, Version: sc.Version})
		return nil
	}
}

type testRunBody struct {
	Passed int    `json:"passed"`
	Failed int    `json:"failed"`
	Output string `json:"output"` // the report of `openline scenario test -v`
}

// handleDraftTests runs a draft's own tests (those `openline scenario
// test` runs) and returns the counts and the report.
func handleDraftTests(d authoringDeps) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := draftID(r)
		if err != nil {
			return err
		}
		if err := d.checks.take(userFrom(r.Context()).ID); err != nil {
			return err
		}
		_, sc, problems, err := d.cat.Draft(r.Context(), id)
		if err != nil {
			return err
		}
		if sc == nil {
			return &catalog.Problems{Err: catalog.ErrDraftInvalid, List: problems}
		}
		named := *sc
		named.Source = sc.ID + ".yaml"
		ctx, cancel := context.WithTimeout(r.Context(), testRunTimeout)
		defer cancel()
		var out limitedBuffer
		var res scenariotest.Result
		err = d.slots.do(ctx, func() (err error) {
			res, err = scenariotest.Run(ctx, &out, []*openline.Scenario{&named}, scenariotest.Options{Verbose: true})
			return err
		})
		if errors.Is(err, errBusy) {
			return err
		}
		if err != nil {
			return fmt.Errorf("run the tests of draft %d: %w", id, err)
		}
		writeJSON(w, http.StatusOK, testRunBody{Passed: res.Passed, Failed: res.Failed, Output: out.String()})
		return nil
	}
}

// limitedBuffer keeps the first maxTestOutput bytes written to it.
type limitedBuffer struct {
	b   bytes.Buffer
	cut bool
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := maxTestOutput - l.b.Len(); room < len(p) {
		l.b.Write(p[:max(room, 0)])
		l.cut = true
		return len(p), nil
	}
	return l.b.Write(p)
}

func (l *limitedBuffer) String() string {
	if l.cut {
		return l.b.String() + "\n…\n"
	}
	return l.b.String()
}

// fileName is a scenario id safe in a Content-Disposition header.
var fileName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// writeYAML answers with a scenario file to download.
func writeYAML(w http.ResponseWriter, name string, text []byte) {
	if !fileName.MatchString(name) {
		name = "scenario"
	}
	h := w.Header()
	h.Set("Content-Type", "application/yaml; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+name+`.yaml"`)
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(text)
}

// handleDraftExport sends a draft's text as a file.
func handleDraftExport(d authoringDeps) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := draftID(r)
		if err != nil {
			return err
		}
		dr, _, _, err := d.cat.Draft(r.Context(), id)
		if err != nil {
			return err
		}
		writeYAML(w, dr.ScenarioID, dr.Text)
		return nil
	}
}

// handleScenarioExport sends a scenario's file: ?version=V that version
// (one a call was made on, or published), else the current one.
func handleScenarioExport(d authoringDeps) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id := r.PathValue("id")
		sc := d.cat.Current(id)
		if v := r.URL.Query().Get("version"); v != "" {
			var err error
			if sc, err = d.cat.Version(r.Context(), id, v); err != nil {
				return err
			}
		}
		if sc == nil {
			return errNotFound
		}
		writeYAML(w, sc.ID, sc.Text)
		return nil
	}
}

// startDraftCall places a trainer's test call on a draft (the socket's
// ?draft=ID): only those who author may, and only on a draft without
// problems.
func startDraftCall(ctx context.Context, d wsDeps, u *openline.User, draft, engine string) (*call.Call, error) {
	if !canAuthor(u) {
		return nil, errForbidden
	}
	id, err := strconv.ParseInt(draft, 10, 64)
	if err != nil || id <= 0 {
		return nil, errNotFound
	}
	sc, err := d.cat.DraftScenario(ctx, id, d.now())
	if err != nil {
		return nil, err
	}
	return startCall(engine, func(e openline.EngineName) (*call.Call, error) { return d.calls.StartOn(ctx, u, sc, e) })
}
