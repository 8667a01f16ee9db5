// Package catalog is the one set of scenarios of a server: the web API, the
// pages and the call manager all ask it. Every scenario it hands out has its
// version kept in the store first, so a call made on it can always be read
// back, scored and replayed on its own version, whatever is current later
// (after an edit, a new release, or a restart).
package catalog

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/scenario"
)

// maxCachedVersions bounds the parsed old versions kept in memory; past
// it the cache starts afresh (a version is re-read from the store).
const maxCachedVersions = 256

// Catalog holds the current version of every scenario, in display order,
// and reads any other version back from the store. It is safe for
// concurrent use.
type Catalog struct {
	store openline.ScenarioStore

	mu      sync.RWMutex
	list    []*openline.Scenario          // current versions, in display order
	byID    map[string]*openline.Scenario // current version by id
	old     map[key]*openline.Scenario    // other versions read back, parsed
	options []Option                      // id and title of each, in display order
}

type key struct{ id, version string }

// Option is a scenario as a filter lists it.
type Option struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// New returns a catalog of the scenarios scs (in display order, as loaded
// from the shipped files or a folder). It keeps each one's version in st
// before it is offered (saved at now).
func New(ctx context.Context, st openline.ScenarioStore, scs []*openline.Scenario, now time.Time) (*Catalog, error) {
	for _, sc := range scs {
		if err := st.SaveScenarioVersion(ctx, sc.ID, sc.Version, sc.Text, now); err != nil {
			return nil, fmt.Errorf("keep scenario %s version %s: %w", sc.ID, sc.Version, err)
		}
	}
	c := &Catalog{store: st, byID: make(map[string]*openline.Scenario, len(scs)), old: make(map[key]*openline.Scenario)}
	c.list = append(c.list, scs...)
	for _, sc := range scs {
		c.byID[sc.ID] = sc
		c.options = append(c.options, Option{ID: sc.ID, Title: sc.Title})
	}
	return c, nil
}

// List returns the current scenarios in display order. The slice must not
// be changed.
func (c *Catalog) List() []*openline.Scenario {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.list
}

// Options returns the id and title of every current scenario, in display
// order. The slice must not be changed.
func (c *Catalog) Options() []Option {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.options
}

// Current returns the current version of scenario id, or nil.
func (c *Catalog) Current(id string) *openline.Scenario {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.byID[id]
}

// Version returns scenario id at version: the current one when it is that
// version, else the text the store kept, parsed. ErrNotFound when the
// store has not got that version.
func (c *Catalog) Version(ctx context.Context, id, version string) (*openline.Scenario, error) {
	c.mu.RLock()
	sc := c.byID[id]
	old := c.old[key{id, version}]
	c.mu.RUnlock()
	if sc != nil && sc.Version == version {
		return sc, nil
	}
	if old != nil {
		return old, nil
	}
	src, err := c.store.ScenarioVersion(ctx, id, version)
	if err != nil {
		return nil, fmt.Errorf("scenario %s version %s: %w", id, version, err)
	}
	old, err = scenario.Parse(id+".yaml", src)
	if err != nil {
		return nil, fmt.Errorf("parse kept scenario %s version %s: %w", id, version, err)
	}
	c.mu.Lock()
	if len(c.old) >= maxCachedVersions {
		c.old = make(map[key]*openline.Scenario)
	}
	c.old[key{id, version}] = old
	c.mu.Unlock()
	return old, nil
}

// Title returns the title of scenario id at version (its current title
// when that version is no longer at hand), or the id when the scenario is
// unknown.
func (c *Catalog) Title(ctx context.Context, id, version string) string {
	if sc, err := c.Version(ctx, id, version); err == nil {
		return sc.Title
	}
	if sc := c.Current(id); sc != nil {
		return sc.Title
	}
	return id
}
