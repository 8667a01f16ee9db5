// Package catalog is the one set of scenarios of a server: the web API, the
// pages and the call manager all ask it. The store is its source of truth:
// the shipped scenario files are read-only templates, kept in the store as
// versions; trainers write drafts and publish them as new versions; the
// current version of a scenario is its last publication, or the shipped
// file for one never published. Every scenario it hands out has its
// version kept in the store first, so a call made on it can always be read
// back, scored and replayed on its own version, whatever is current later
// (after a publication, a new release, or a restart).
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

// Store is what the catalogue keeps in the store: versions, drafts and
// publications.
type Store interface {
	openline.ScenarioStore
	openline.AuthoringStore
}

// Catalog holds the current version of every scenario, in display order,
// and reads any other version back from the store. It is safe for
// concurrent use.
type Catalog struct {
	store     Store
	templates []*openline.Scenario // the shipped files, in display order

	mu      sync.RWMutex
	list    []*openline.Scenario            // current versions, in display order
	byID    map[string]*openline.Scenario   // current version by id
	pub     map[string]openline.Publication // last publication by id (none: as shipped)
	count   map[string]int                  // publications by id
	old     map[key]*openline.Scenario      // other versions read back, parsed
	options []Option                        // id and title of each, in display order
	seen    int                             // publications read by the last refresh
}

type key struct{ id, version string }

// Option is a scenario as a filter lists it.
type Option struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// New returns the catalogue over st with the shipped scenarios templates
// (in display order, as loaded from the shipped files or a folder). It
// keeps each template's version in st (saved at now) and reads the
// publications, so what trainers published is current again after a
// restart.
func New(ctx context.Context, st Store, templates []*openline.Scenario, now time.Time) (*Catalog, error) {
	for _, sc := range templates {
		if err := st.SaveScenarioVersion(ctx, sc.ID, sc.Version, sc.Text, now); err != nil {
			return nil, fmt.Errorf("keep scenario %s version %s: %w", sc.ID, sc.Version, err)
		}
	}
	c := &Catalog{store: st, templates: templates, old: make(map[key]*openline.Scenario), seen: -1}
	if err := c.Refresh(ctx); err != nil {
		return nil, err
	}
	return c, nil
}

// Refresh reads the publications again (those of other servers sharing
// the store, too) and makes the last of each scenario current. It does
// nothing when there is no new one.
func (c *Catalog) Refresh(ctx context.Context) error {
	pubs, err := c.store.Publications(ctx)
	if err != nil {
		return fmt.Errorf("read scenario publications: %w", err)
	}
	c.mu.RLock()
	same := len(pubs) == c.seen
	c.mu.RUnlock()
	if same {
		return nil // publications are only ever added
	}
	last := make(map[string]openline.Publication, len(pubs))
	count := make(map[string]int, len(pubs))
	var order []string // ids first published by a trainer, in order
	for _, p := range pubs {
		if _, ok := last[p.ScenarioID]; !ok {
			order = append(order, p.ScenarioID)
		}
		last[p.ScenarioID] = p
		count[p.ScenarioID]++
	}
	current := func(id string, shipped *openline.Scenario) (*openline.Scenario, error) {
		p, ok := last[id]
		if !ok {
			return shipped, nil
		}
		return c.Version(ctx, id, p.Version)
	}
	var list []*openline.Scenario
	listed := map[string]bool{}
	for _, t := range c.templates {
		sc, err := current(t.ID, t)
		if err != nil {
			return err
		}
		list = append(list, sc)
		listed[t.ID] = true
	}
	for _, id := range order {
		if listed[id] {
			continue
		}
		sc, err := current(id, nil)
		if err != nil {
			return err
		}
		list = append(list, sc)
		listed[id] = true
	}
	byID := make(map[string]*openline.Scenario, len(list))
	options := make([]Option, 0, len(list))
	for _, sc := range list {
		byID[sc.ID] = sc
		options = append(options, Option{ID: sc.ID, Title: sc.Title})
	}
	c.mu.Lock()
	c.list, c.byID, c.pub, c.count, c.options, c.seen = list, byID, last, count, options, len(pubs)
	c.mu.Unlock()
	return nil
}

// List returns the current scenarios in display order: the shipped ones,
// then those trainers wrote, in the order they were first published. The
// slice must not be changed.
func (c *Catalog) List() []*openline.Scenario {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.list
}

// Templates returns the shipped scenarios, read-only, in display order.
// The slice must not be changed.
func (c *Catalog) Templates() []*openline.Scenario { return c.templates }

// Template returns the shipped scenario id, or nil.
func (c *Catalog) Template(id string) *openline.Scenario {
	for _, t := range c.templates {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// Published returns the last publication of scenario id and how many it
// has had; ok is false for a scenario current as shipped.
func (c *Catalog) Published(id string) (p openline.Publication, n int, ok bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	p, ok = c.pub[id]
	return p, c.count[id], ok
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
	if t := c.Template(id); t != nil && t.Version == version {
		return t, nil
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
