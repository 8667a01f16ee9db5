package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/scenario"
)

// authoring_form.go serves the authoring form (docs/api.md, "The form"):
// a draft's persona, facts, hidden needs and objections as fields, read
// from its YAML, and form edits written back into the YAML on the server
// (scenario.EditForm), which keeps comments and everything the form does
// not show.

// errUnreadableDraft refuses a form edit of a text that is no readable
// YAML.
var errUnreadableDraft = openline.Error{Kind: openline.KindConflict, Code: "draft_unreadable", Message: "the YAML cannot be read; fix it in the YAML first"}

// errNoRevision refuses a save, form edit or publication that does not
// say which revision of the draft it was made on.
var errNoRevision = openline.Error{Kind: openline.KindInvalid, Code: "bad_revision", Message: "say which revision of the draft this was made on (revision, as the draft's answers give it)"}

// revision names a draft's saved text for the browser: its store
// revision, which every save, form edit and publication sends back
// (openline.Draft.Revision).
func revision(d *openline.Draft) string { return strconv.FormatInt(d.Revision, 10) }

// parseRevision reads a revision the browser sent back.
func parseRevision(s string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, errNoRevision
	}
	return n, nil
}

type formRequest struct {
	// Revision is the draft's revision the edits were made on.
	Revision string              `json:"revision"`
	Edits    []scenario.FormEdit `json:"edits"`
}

// handleDraftForm applies form edits to a draft's text and saves it; the
// answer is the draft with its new text, problems and form.
func handleDraftForm(d authoringDeps) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := draftID(r)
		if err != nil {
			return err
		}
		var req formRequest
		if err := decodeJSON(r, &req); err != nil {
			return err
		}
		if len(req.Edits) == 0 {
			return errBadRequest
		}
		if err := d.checks.take(userFrom(r.Context()).ID); err != nil {
			return err
		}
		rev, err := parseRevision(req.Revision)
		if err != nil {
			return err
		}
		var body draftBody
		err = d.slots.do(r.Context(), func() error {
			dr, _, _, err := d.cat.Draft(r.Context(), id)
			if err != nil {
				return err
			}
			text, err := scenario.EditForm(dr.Text, req.Edits)
			var ee *scenario.EditError
			switch {
			case errors.As(err, &ee):
				return openline.Error{Kind: openline.KindInvalid, Code: "bad_edit", Message: ee.Msg}
			case errors.Is(err, scenario.ErrUnreadable):
				return errUnreadableDraft
			case err != nil:
				return err
			}
			// The save lands only while the draft is still at rev: an edit
			// saved meanwhile, on any server, refuses this one.
			dr, problems, err := d.cat.SaveDraft(r.Context(), id, rev, text, d.now())
			if err != nil {
				return err
			}
			body = newDraftBody(r, dr, problems)
			return nil
		})
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, body)
		return nil
	}
}

// newDraftBody is the answer about draft dr: with its text, revision and
// form, and its problems in the asker's language.
func newDraftBody(r *http.Request, dr *openline.Draft, problems scenario.ErrorList) draftBody {
	return draftBody{Draft: toDraftJSON(dr), Text: string(dr.Text), Revision: revision(dr),
		Problems: toProblems(r, problems), Form: scenario.ReadForm(dr.Text, problems)}
}
