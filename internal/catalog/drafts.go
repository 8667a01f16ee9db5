package catalog

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/scenario"
)

// MaxDraftsPerUser is how many drafts one account may keep at once.
const MaxDraftsPerUser = 50

// Errors of authoring a user may see.
var (
	// ErrDraftInvalid refuses to publish (or call) a draft with problems.
	ErrDraftInvalid = openline.Error{Kind: openline.KindConflict, Code: "draft_invalid", Message: "the draft has problems; fix them first"}
	// ErrUnreadable refuses an import that is no readable YAML at all.
	ErrUnreadable = openline.Error{Kind: openline.KindInvalid, Code: "unreadable_scenario", Message: "the file cannot be read as a scenario"}
	// ErrUnknownTemplate is a copy of a template or scenario that does
	// not exist.
	ErrUnknownTemplate = openline.Error{Kind: openline.KindNotFound, Code: "unknown_scenario", Message: "no such scenario"}
)

// Problems is what a check of a scenario text found, and the error that
// carries it to the asker.
type Problems struct {
	Err  openline.Error
	List scenario.ErrorList
}

func (p *Problems) Error() string { return p.Err.Error() + ":\n" + p.List.Error() }
func (p *Problems) Unwrap() error { return p.Err }

// Check parses text as a draft's file: the scenario when it is valid, else
// every problem. File names in problems are dropped (a draft has none).
func Check(text []byte) (*openline.Scenario, scenario.ErrorList) {
	sc, err := scenario.Parse("", text)
	if err == nil {
		return sc, nil
	}
	var list scenario.ErrorList
	if !errors.As(err, &list) {
		list = scenario.ErrorList{{Msg: err.Error()}}
	}
	return nil, list
}

// describe fills the fields of d that come from its text. A text that
// does not read at all (a syntax error typed a moment ago) keeps the id
// and title d had, so the draft keeps its name in the list.
func describe(d *openline.Draft) scenario.ErrorList {
	sc, problems := Check(d.Text)
	d.Problems = len(problems)
	if sc != nil {
		d.ScenarioID, d.Title = sc.ID, sc.Title
	} else if id, title, ok := scenario.Peek(d.Text); ok {
		d.ScenarioID, d.Title = id, title
	}
	return problems
}

// CreateDraft keeps text as a new draft of u, with what its check found.
func (c *Catalog) CreateDraft(ctx context.Context, u *openline.User, text []byte, now time.Time) (*openline.Draft, scenario.ErrorList, error) {
	d := &openline.Draft{Text: text, CreatedBy: u.ID, Author: u.Name, CreatedAt: now, UpdatedAt: now}
	problems := describe(d)
	if err := c.store.CreateDraft(ctx, d, MaxDraftsPerUser); err != nil {
		return nil, nil, err
	}
	return d, problems, nil
}

// CopyScenario makes a draft of u from the current version of scenario
// id, or from the shipped template when template is set.
func (c *Catalog) CopyScenario(ctx context.Context, u *openline.User, id string, template bool, now time.Time) (*openline.Draft, error) {
	sc := c.Current(id)
	if template {
		sc = c.Template(id)
	}
	if sc == nil {
		return nil, ErrUnknownTemplate
	}
	d, _, err := c.CreateDraft(ctx, u, sc.Text, now)
	return d, err
}

// Import keeps an uploaded file as a new draft of u. A file that is no
// readable YAML (too large, not UTF-8, a syntax error, aliases, nested too
// deeply) is refused with its problems and nothing is kept; a readable one
// that is no valid scenario yet is kept, its problems flagged.
func (c *Catalog) Import(ctx context.Context, u *openline.User, text []byte, now time.Time) (*openline.Draft, scenario.ErrorList, error) {
	if err := scenario.Syntax("", text); err != nil {
		var list scenario.ErrorList
		errors.As(err, &list)
		return nil, nil, &Problems{Err: ErrUnreadable, List: list}
	}
	return c.CreateDraft(ctx, u, text, now)
}

// SaveDraft replaces the text of draft id, when it is still at revision
// (the one the text was made on; openline.ErrDraftChanged when not), and
// returns it with what its check found.
func (c *Catalog) SaveDraft(ctx context.Context, id, revision int64, text []byte, now time.Time) (*openline.Draft, scenario.ErrorList, error) {
	d, err := c.store.Draft(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	// The store decides: it changes the draft only while it is still at
	// revision, whatever saved it meanwhile, on any server.
	d.Text, d.UpdatedAt, d.Revision = text, now, revision
	problems := describe(d)
	if err := c.store.UpdateDraft(ctx, d); err != nil {
		return nil, nil, err
	}
	return d, problems, nil
}

// Drafts lists every draft, last updated first, without their text.
func (c *Catalog) Drafts(ctx context.Context) ([]openline.Draft, error) {
	return c.store.ListDrafts(ctx)
}

// Draft returns draft id, its text checked.
func (c *Catalog) Draft(ctx context.Context, id int64) (*openline.Draft, *openline.Scenario, scenario.ErrorList, error) {
	d, err := c.store.Draft(ctx, id)
	if err != nil {
		return nil, nil, nil, err
	}
	sc, problems := Check(d.Text)
	return d, sc, problems, nil
}

// DraftScenario returns draft id as a scenario to call or test, its
// version kept in the store first, so that a test call on it is read
// back, scored and recovered on that version like any other call.
// ErrDraftInvalid when the draft has problems.
func (c *Catalog) DraftScenario(ctx context.Context, id int64, now time.Time) (*openline.Scenario, error) {
	_, sc, problems, err := c.Draft(ctx, id)
	if err != nil {
		return nil, err
	}
	if sc == nil {
		return nil, &Problems{Err: ErrDraftInvalid, List: problems}
	}
	if err := c.store.SaveScenarioVersion(ctx, sc.ID, sc.Version, sc.Text, now); err != nil {
		return nil, fmt.Errorf("keep draft %d as scenario %s version %s: %w", id, sc.ID, sc.Version, err)
	}
	return sc, nil
}

// Publish makes draft id, when it has no problem and is still at
// revision (the one its publisher last saw; openline.ErrDraftChanged when
// not), the current version of its scenario, published by u; the draft is
// gone afterwards. Calls made on earlier versions keep theirs.
func (c *Catalog) Publish(ctx context.Context, u *openline.User, id, revision int64, now time.Time) (*openline.Scenario, error) {
	d, sc, problems, err := c.Draft(ctx, id)
	if err != nil {
		return nil, err
	}
	if d.Revision != revision { // before its problems: those of a text they never saw
		return nil, fmt.Errorf("publish draft %d seen at revision %d, at %d: %w", id, revision, d.Revision, openline.ErrDraftChanged)
	}
	if sc == nil {
		return nil, &Problems{Err: ErrDraftInvalid, List: problems}
	}
	p := openline.Publication{ScenarioID: sc.ID, Version: sc.Version, PublishedBy: u.ID, PublishedAt: now}
	if err := c.store.PublishDraft(ctx, d.ID, d.Revision, d.Text, p); err != nil {
		return nil, err
	}
	if err := c.Refresh(ctx); err != nil {
		return nil, err
	}
	return sc, nil
}
