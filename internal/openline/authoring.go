package openline

import (
	"context"
	"time"
)

// Draft is a scenario a trainer is writing in the browser: its YAML text
// as last saved, and what the last check of that text found. A draft with
// problems is kept (work is never lost) but can never be published.
type Draft struct {
	ID int64
	// ScenarioID and Title are those the text names ("" when it names
	// none yet); publishing makes the text a new version of ScenarioID.
	ScenarioID string
	Title      string
	Text       []byte // nil in a listing
	// Problems is how many problems the check of Text found; 0: the
	// draft may be published.
	Problems  int
	CreatedBy int64
	Author    string // the creator's name, filled by reads
	CreatedAt time.Time
	UpdatedAt time.Time
	// Revision names the saved text: 1 when created, one more with each
	// save. A save or a publication names the revision it was made on
	// and is refused with ErrDraftChanged when the draft has another.
	Revision int64
}

// Publication is one version of a scenario made current by a trainer.
// The last publication of a scenario names its current version; one never
// published by a trainer is current as shipped.
type Publication struct {
	ScenarioID  string
	Version     string
	PublishedBy int64
	Publisher   string // the trainer's name, filled by reads
	PublishedAt time.Time
}

// ErrTooManyDrafts is CreateDraft's answer when the account has as many
// drafts as it may.
var ErrTooManyDrafts = Error{Kind: KindTooMany, Code: "too_many_drafts", Message: "too many drafts; publish or delete one first"}

// ErrDraftChanged refuses a save or publication of a draft made on a
// revision the draft no longer has: it was saved elsewhere (another
// window, another trainer, on any server) since.
var ErrDraftChanged = Error{Kind: KindConflict, Code: "draft_changed", Message: "the draft was changed elsewhere; reload it"}

// AuthoringStore keeps the trainers' drafts and publications.
type AuthoringStore interface {
	// CreateDraft stores d (ID set, Revision 1), unless its creator has
	// maxPerUser drafts already: then ErrTooManyDrafts. Check and
	// creation are one transaction.
	CreateDraft(ctx context.Context, d *Draft, maxPerUser int) error
	// UpdateDraft replaces the text, scenario id, title and problems of
	// draft d.ID and sets its UpdatedAt, when the draft is still at
	// d.Revision (a compare-and-swap), and sets d.Revision to the new
	// revision. ErrDraftChanged when the draft has another revision,
	// ErrNotFound for an unknown id.
	UpdateDraft(ctx context.Context, d *Draft) error
	Draft(ctx context.Context, id int64) (*Draft, error)
	ListDrafts(ctx context.Context) ([]Draft, error) // last updated first, without their text
	DeleteDraft(ctx context.Context, id int64) error // ErrNotFound for an unknown id
	// PublishDraft keeps text, the draft's text at revision, as version
	// p.Version of scenario p.ScenarioID (as SaveScenarioVersion),
	// records p and deletes the draft, in one transaction.
	// ErrDraftChanged when the draft is no longer at revision with text
	// (it was saved again since), ErrConflict when that version is kept
	// with another text, ErrNotFound when the draft is gone.
	PublishDraft(ctx context.Context, draftID, revision int64, text []byte, p Publication) error
	// Publications lists every publication, oldest first.
	Publications(ctx context.Context) ([]Publication, error)
}
