package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/scenario"
)

// authoring_form.go serves the authoring form (docs/api.md, "The form"):
// a draft's persona, facts, hidden needs and objections as fields, read
// from its YAML, and form edits written back into the YAML on the server
// (scenario.EditForm), which keeps comments and everything the form does
// not show.

// errDraftChanged refuses a form edit of a text the draft no longer has
// (changed in another window since the form was read).
var errDraftChanged = openline.Error{Kind: openline.KindConflict, Code: "draft_changed", Message: "the draft was changed elsewhere; reload it"}

// errUnreadableDraft refuses a form edit of a text that is no readable
// YAML.
var errUnreadableDraft = openline.Error{Kind: openline.KindConflict, Code: "draft_unreadable", Message: "the YAML cannot be read; fix it in the YAML first"}

// revision names a draft's text, for a form edit to say which text it
// was made on.
func revision(text []byte) string {
	sum := sha256.Sum256(text)
	return hex.EncodeToString(sum[:8])
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
		var body draftBody
		err = d.slots.do(r.Context(), func() error {
			// One edit of a draft at a time, so that two edits never
			// both read the same text.
			unlock := d.drafts.lock(id)
			defer unlock()
			dr, _, _, err := d.cat.Draft(r.Context(), id)
			if err != nil {
				return err
			}
			if req.Revision != revision(dr.Text) {
				return errDraftChanged
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
			dr, problems, err := d.cat.SaveDraft(r.Context(), id, text, d.now())
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
	return draftBody{Draft: toDraftJSON(dr), Text: string(dr.Text), Revision: revision(dr.Text),
		Problems: toProblems(r, problems), Form: scenario.ReadForm(dr.Text, problems)}
}
