package ui

import (
	"net/http"
	"strconv"

	"github.com/openline/openline/internal/openline"
)

// Authoring is the trainers' scenario list (/authoring): drafts,
// published scenarios and the shipped templates.
func (u *UI) Authoring() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u.render(w, r, &page{Name: "authoring", Title: "authoring.title"})
	})
}

// editorConfig is the editor's module configuration.
type editorConfig struct {
	Draft int64 `json:"draft"`
	// MaxBytes is the largest scenario file, for the editor to warn
	// before the server refuses.
	MaxBytes int `json:"max_bytes"`
}

// Editor is a draft's YAML editor (/authoring/drafts/{id}); its data comes
// from the API.
func (u *UI) Editor() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil || id <= 0 {
			u.notFound(w, r, "notfound.draft")
			return
		}
		u.render(w, r, &page{Name: "editor", Title: "editor.title", Config: editorConfig{Draft: id, MaxBytes: u.maxScenarioBytes}})
	})
}

// DraftCall is the call screen on a draft (/authoring/drafts/{id}/call):
// a trainer's test call, made and scored like any other on the draft's
// version.
func (u *UI) DraftCall() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		var sc *openline.Scenario
		if err == nil && id > 0 && u.draft != nil {
			sc = u.draft(r.Context(), id)
		}
		if sc == nil {
			u.notFound(w, r, "notfound.draft")
			return
		}
		u.renderCall(w, r, sc, id)
	})
}

// notFound answers 404 with the "not found" page saying text.
func (u *UI) notFound(w http.ResponseWriter, r *http.Request, text string) {
	u.render(w, r, &page{Name: "error", Title: "notfound.title", Status: http.StatusNotFound, Data: text})
}
