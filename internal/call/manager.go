package call

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
)

// IdleTimeout is how long a live call may go without a socket before it
// ends as interrupted.
const IdleTimeout = 2 * time.Minute

// LeaseTTL is how long a server's claim on a live call (openline.Lease)
// holds without renewal. Reap renews every lease of the server; Run reaps
// every few seconds, well within it. When a server dies, its calls can be
// taken over by another server this long after its last renewal.
const LeaseTTL = 15 * time.Second

// MaxLivePerUser is how many live calls (placed and not ended, with or
// without a socket) one user may have at once by default: enough for a
// few tabs and a call left to its idle timeout, few enough that one
// account cannot fill the server.
const MaxLivePerUser = 5

// MaxLive is how many live calls one server holds by default: what two
// cores and well under a GiB of memory carry (docs/performance.md). A
// call over it is refused at once (ErrServerFull) rather than slowing
// every call down.
const MaxLive = 10000

// Errors of starting a call.
var (
	ErrUnknownScenario = openline.Error{Kind: openline.KindNotFound, Code: "unknown_scenario", Message: "no such scenario"}
	ErrUnknownEngine   = openline.Error{Kind: openline.KindInvalid, Code: "unknown_engine", Message: "no such persona engine"}
	ErrTooManyCalls    = openline.Error{Kind: openline.KindTooMany, Code: "too_many_calls", Message: "you have too many calls going on; hang up one, or wait until one left alone ends"}
	ErrServerFull      = openline.Error{Kind: openline.KindUnavailable, Code: "server_full", Message: "the server holds as many calls as it can; try again in a minute"}
)

// ManagerConfig is what a Manager needs.
type ManagerConfig struct {
	Log   *slog.Logger
	Store openline.CallStore
	// Scenarios is the server's scenario catalogue (package catalog).
	Scenarios Scenarios
	Engines   []persona.Engine
	Now       func() time.Time // the clock
	// Seed returns the seed of a new call; nil: random.
	Seed func() int64
	// Idle overrides IdleTimeout when positive.
	Idle time.Duration
	// MaxLivePerUser overrides MaxLivePerUser when positive.
	MaxLivePerUser int
	// Owner is this server's id in the store's leases: unique among the
	// servers sharing a store, and the same across a server's restarts;
	// empty: "local" (one server).
	Owner string
	// LeaseTTL overrides LeaseTTL when positive.
	LeaseTTL time.Duration
	// Coach writes a coaching paragraph on each scorecard; nil: none.
	Coach Coach
	// MaxLive overrides MaxLive when positive.
	MaxLive int
}

// Scenarios is what the manager asks of the scenario catalogue: the
// current version of a scenario for a new call, and any version a stored
// call ran on, for scoring and replaying it on its own version.
type Scenarios interface {
	Current(id string) *openline.Scenario // nil: no such scenario
	Version(ctx context.Context, id, version string) (*openline.Scenario, error)
}

// Manager is the registry of live calls, by id. A live call is attached to
// at most one socket at a time; a call without a socket for the idle
// timeout ends as interrupted (Reap).
//
// Several servers may share one store. Each live call is leased to the
// server it runs on (openline.Lease), which renews its leases while it
// runs; another server refuses to resume it (ErrInUse) until the lease
// lapses, and then takes it over: it rebuilds the prospect from the stored
// turns (persona.Replay) and the call goes on there. The limit of live
// calls per user is counted in the store, across servers. A call that no
// server holds for the idle timeout (its server died and nobody resumed
// it) is ended as interrupted by whichever server reaps first; at start,
// a server ends the calls it held itself before it restarted
// (RecoverOpen).
type Manager struct {
	log       *slog.Logger
	store     openline.CallStore
	scenarios Scenarios
	engines   map[openline.EngineName]persona.Engine
	now       func() time.Time
	seed      func() int64
	idle      time.Duration
	maxLive   int // per user
	maxAll    int // live calls on this server
	owner     string
	leaseTTL  time.Duration
	coach     Coach

	mu       sync.Mutex
	calls    map[string]*Call
	starting map[int64]int   // calls being created, by user id
	resuming map[string]bool // calls being taken over from the store, by id
}

// NewManager returns an empty registry.
func NewManager(cfg ManagerConfig) *Manager {
	m := &Manager{
		log:       cfg.Log,
		store:     cfg.Store,
		scenarios: cfg.Scenarios,
		engines:   make(map[openline.EngineName]persona.Engine),
		now:       cfg.Now,
		seed:      cfg.Seed,
		idle:      cfg.Idle,
		maxLive:   cfg.MaxLivePerUser,
		maxAll:    cfg.MaxLive,
		owner:     cfg.Owner,
		leaseTTL:  cfg.LeaseTTL,
		coach:     cfg.Coach,
		calls:     make(map[string]*Call),
		starting:  make(map[int64]int),
		resuming:  make(map[string]bool),
	}
	if m.owner == "" {
		m.owner = "local"
	}
	if m.leaseTTL <= 0 {
		m.leaseTTL = LeaseTTL
	}
	if m.log == nil {
		m.log = slog.New(slog.DiscardHandler)
	}
	if m.now == nil {
		m.now = time.Now
	}
	if m.seed == nil {
		m.seed = func() int64 { return rand.Int64() }
	}
	if m.idle <= 0 {
		m.idle = IdleTimeout
	}
	if m.maxLive <= 0 {
		m.maxLive = MaxLivePerUser
	}
	if m.maxAll <= 0 {
		m.maxAll = MaxLive
	}
	for _, e := range cfg.Engines {
		m.engines[e.Name()] = e
	}
	return m
}

// Engines lists the names of the engines calls can run on.
func (m *Manager) Engines() []openline.EngineName {
	var names []openline.EngineName
	for _, n := range []openline.EngineName{openline.EngineScripted, openline.EngineLLM} {
		if _, ok := m.engines[n]; ok {
			names = append(names, n)
		}
	}
	return names
}

// Active is the number of live calls: those that have not ended.
func (m *Manager) Active() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, c := range m.calls {
		if !c.isOver() {
			n++
		}
	}
	return n
}

// Start creates a call of user u on a scenario with an engine, stores it
// and attaches it to the caller's socket: call Release when the socket
// goes. The prospect has not spoken yet. A user with MaxLivePerUser live
// calls gets ErrTooManyCalls, anyone on a server with MaxLive live calls
// ErrServerFull.
func (m *Manager) Start(ctx context.Context, u *openline.User, scenarioID string, engine openline.EngineName) (*Call, error) {
	sc := m.scenarios.Current(scenarioID)
	if sc == nil {
		return nil, ErrUnknownScenario
	}
	return m.StartOn(ctx, u, sc, engine)
}

// StartOn is Start on the scenario sc rather than a current one: a
// trainer's test call on a draft. The store must keep sc's version
// already (catalog.DraftScenario does), so that the call is read back,
// scored and recovered on it.
func (m *Manager) StartOn(ctx context.Context, u *openline.User, sc *openline.Scenario, engine openline.EngineName) (*Call, error) {
	eng, ok := m.engines[engine]
	if !ok {
		return nil, ErrUnknownEngine
	}
	if err := m.reserve(u.ID); err != nil {
		return nil, err
	}
	c, err := m.start(ctx, u, sc, eng)
	m.mu.Lock()
	m.starting[u.ID]--
	if m.starting[u.ID] == 0 {
		delete(m.starting, u.ID)
	}
	if c != nil {
		m.calls[c.ID()] = c
	}
	m.mu.Unlock()
	return c, err
}

// reserve counts a call of user userID as being created, unless the user
// has maxLive live calls (or calls being created) already
// (ErrTooManyCalls), or the server maxAll (ErrServerFull).
func (m *Manager) reserve(userID int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	mine, all := m.starting[userID], 0
	for _, n := range m.starting {
		all += n
	}
	for _, c := range m.calls {
		if !c.isOver() {
			all++
			if c.UserID() == userID {
				mine++
			}
		}
	}
	if mine >= m.maxLive {
		return ErrTooManyCalls
	}
	if all >= m.maxAll {
		return ErrServerFull
	}
	m.starting[userID]++
	return nil
}

// start creates the prospect and the call, attached.
func (m *Manager) start(ctx context.Context, u *openline.User, sc *openline.Scenario, eng persona.Engine) (*Call, error) {
	seed := m.seed()
	p, err := eng.Start(sc, seed)
	if err != nil {
		return nil, fmt.Errorf("start prospect of %s: %w", sc.ID, err)
	}
	l := m.lease(m.now())
	c, err := New(ctx, Config{Store: m.store, Scenario: sc, Engine: eng.Name(), Prospect: p, User: u, Now: m.now, Seed: seed,
		Lease: &l, MaxLive: m.maxLive, Coach: m.coach})
	if err != nil {
		return nil, err
	}
	c.attached = true
	return c, nil
}

// lease is this server's lease of a call from now.
func (m *Manager) lease(now time.Time) openline.Lease {
	return openline.Lease{Owner: m.owner, At: now, Until: now.Add(m.leaseTTL)}
}

// Resume attaches the live call id of user u to a new socket. It returns
// ErrNotFound for a call that is not u's or does not exist, ErrEnded for a
// call that has ended, ErrInUse while another socket holds it, here or on
// another server. A call the store keeps open that no server holds (its
// server died) is taken over: leased to this server and rebuilt from its
// stored turns. One that cannot be rebuilt (its scenario version or engine
// is not here) is ended as interrupted and ErrEnded returned.
func (m *Manager) Resume(ctx context.Context, u *openline.User, id string) (*Call, error) {
	if _, err := uuid.Parse(id); err != nil || len(id) != 36 {
		return nil, ErrNotFound // not a call id: the store is not asked
	}
	m.mu.Lock()
	c := m.calls[id]
	m.mu.Unlock()
	if c == nil {
		return m.takeOver(ctx, u, id)
	}
	if c.UserID() != u.ID {
		return nil, ErrNotFound
	}
	if !c.isOver() && m.lostLease(ctx, c) {
		return nil, ErrInUse
	}
	c.smu.Lock()
	defer c.smu.Unlock()
	if c.over {
		return nil, ErrEnded
	}
	if c.attached {
		return nil, ErrInUse
	}
	c.attached = true
	return c, nil
}

// lostLease renews this server's lease of a live call and reports whether
// another server has taken the call over meanwhile (this one could not
// renew in time): then the call is dropped here, without ending it, since
// it goes on there. A store error is logged and keeps the call. No lock
// is held.
func (m *Manager) lostLease(ctx context.Context, c *Call) bool {
	err := m.store.LeaseCall(ctx, c.ID(), m.lease(m.now()))
	if errors.Is(err, openline.ErrLeased) {
		m.log.Warn("another server took the call over", "call", c.ID())
		m.forget(c)
		return true
	}
	if err != nil && !errors.Is(err, openline.ErrConflict) {
		m.log.Error("renew call lease", "call", c.ID(), "err", err)
	}
	return false
}

// takeOver resumes a call that is not live here: see Resume.
func (m *Manager) takeOver(ctx context.Context, u *openline.User, id string) (*Call, error) {
	rec, err := m.store.Call(ctx, id)
	if errors.Is(err, openline.ErrNotFound) || (err == nil && rec.UserID != u.ID) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("resume call %s: %w", id, err)
	}
	if rec.EndedAt != nil {
		return nil, ErrEnded
	}
	m.mu.Lock()
	if m.resuming[id] || m.calls[id] != nil {
		m.mu.Unlock()
		return nil, ErrInUse
	}
	m.resuming[id] = true
	m.mu.Unlock()
	defer func() {
		m.mu.Lock()
		delete(m.resuming, id)
		m.mu.Unlock()
	}()
	switch err := m.store.LeaseCall(ctx, id, m.lease(m.now())); {
	case errors.Is(err, openline.ErrLeased):
		return nil, ErrInUse
	case errors.Is(err, openline.ErrConflict):
		return nil, ErrEnded
	case err != nil:
		return nil, fmt.Errorf("resume call %s: %w", id, err)
	}
	c, err := m.rebuild(ctx, u, *rec)
	if errors.Is(err, errCannotRebuild) {
		m.log.Info("ending a call taken over that cannot go on here", "call", id, "err", err)
		if err := m.endStored(ctx, *rec); err != nil {
			return nil, err
		}
		return nil, ErrEnded
	}
	if err != nil {
		if rerr := m.store.ReleaseLease(ctx, id, m.owner); rerr != nil {
			m.log.Error("release lease", "call", id, "err", rerr)
		}
		return nil, err
	}
	c.attached = true
	m.mu.Lock()
	m.calls[id] = c
	m.mu.Unlock()
	m.log.Info("took over a call from another server", "call", id)
	return c, nil
}

// errCannotRebuild is why a call taken over cannot go on here.
var errCannotRebuild = errors.New("cannot rebuild the call here")

// rebuild makes a live call of a stored one: a prospect of its engine,
// scenario version (loaded, or kept by the store) and seed, brought to the
// point of its stored turns.
func (m *Manager) rebuild(ctx context.Context, u *openline.User, rec openline.Call) (*Call, error) {
	sc := m.ownScenario(ctx, rec)
	if sc == nil || sc.Version != rec.ScenarioVersion {
		return nil, fmt.Errorf("%w: scenario %s version %s is neither loaded nor stored", errCannotRebuild, rec.ScenarioID, rec.ScenarioVersion)
	}
	eng, ok := m.engines[rec.Engine]
	if !ok {
		return nil, fmt.Errorf("%w: no engine %s", errCannotRebuild, rec.Engine)
	}
	stored, err := m.store.Turns(ctx, rec.ID)
	if err != nil {
		return nil, fmt.Errorf("turns of call %s: %w", rec.ID, err)
	}
	p, err := eng.Start(sc, rec.Seed)
	if err != nil {
		return nil, fmt.Errorf("start prospect of %s: %w", sc.ID, err)
	}
	if turns := ReplayTurns(stored); len(turns) > 0 {
		if err := persona.Replay(ctx, p, turns); err != nil {
			return nil, fmt.Errorf("replay call %s: %w", rec.ID, err)
		}
	}
	rec.UserName = u.Name
	return Restore(Config{Store: m.store, Scenario: sc, Engine: rec.Engine, Prospect: p, User: u, Now: m.now, Seed: rec.Seed, Coach: m.coach}, rec, stored)
}

// Release detaches c from its socket. A call that has ended leaves the
// registry; one that goes on starts its idle time.
func (m *Manager) Release(c *Call) {
	c.smu.Lock()
	c.attached = false
	c.detachedAt = m.now()
	ended := c.over
	c.smu.Unlock()
	if ended {
		m.forget(c)
	}
}

// forget removes an ended call from the registry.
func (m *Manager) forget(c *Call) {
	m.mu.Lock()
	if m.calls[c.ID()] == c {
		delete(m.calls, c.ID())
	}
	m.mu.Unlock()
}

// Reap renews this server's leases, ends, as interrupted, every live call
// that has been without a socket for the idle timeout, and every call no
// server has held for as long (see Manager), and scores them. It returns
// how many it ended. Run it periodically (Run does).
func (m *Manager) Reap(ctx context.Context) int {
	now := m.now()
	if err := m.store.RenewLeases(ctx, m.owner, now.Add(m.leaseTTL)); err != nil {
		m.log.Error("renew call leases", "err", err)
	}
	n := m.reapIdle(ctx, now)
	orphans, err := m.endOrphans(ctx, "", now.Add(-m.idle))
	if err != nil {
		m.log.Error("end calls no server holds", "err", err)
	}
	return n + orphans
}

// reapIdle ends the live calls of this server alone for the idle timeout.
func (m *Manager) reapIdle(ctx context.Context, now time.Time) int {
	var idle, ended []*Call
	m.mu.Lock()
	for _, c := range m.calls {
		c.smu.Lock()
		switch {
		case c.over && !c.attached:
			ended = append(ended, c)
		case !c.over && !c.attached && now.Sub(c.detachedAt) >= m.idle:
			idle = append(idle, c)
		}
		c.smu.Unlock()
	}
	m.mu.Unlock()
	for _, c := range ended {
		m.forget(c)
	}
	n := 0
	for _, c := range idle {
		// Claim the call, so that a resume racing the reaper gets
		// call_in_use rather than a call about to end.
		c.smu.Lock()
		stillIdle := !c.attached && !c.over
		c.attached = c.attached || stillIdle
		c.smu.Unlock()
		if !stillIdle {
			continue
		}
		if m.lostLease(ctx, c) {
			continue
		}
		if _, err := c.Interrupt(ctx); err != nil && !errors.Is(err, ErrEnded) {
			m.log.Error("interrupt idle call", "call", c.ID(), "err", err)
		} else if err == nil {
			n++
		}
		m.forget(c)
	}
	return n
}

// Run reaps idle calls every period until ctx is done.
func (m *Manager) Run(ctx context.Context, period time.Duration) {
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			m.Reap(ctx)
		}
	}
}

// Shutdown ends every live call as interrupted and scores it. Sockets
// should be closed first (their handlers release the calls).
func (m *Manager) Shutdown(ctx context.Context) {
	m.mu.Lock()
	calls := make([]*Call, 0, len(m.calls))
	for _, c := range m.calls {
		calls = append(calls, c)
	}
	m.calls = make(map[string]*Call)
	m.mu.Unlock()
	for _, c := range calls {
		if !c.isOver() && m.lostLease(ctx, c) {
			continue // it goes on on the server that took it over
		}
		if _, err := c.Interrupt(ctx); err != nil && !errors.Is(err, ErrEnded) {
			m.log.Error("interrupt call at shutdown", "call", c.ID(), "err", err)
		}
	}
}

// handedOff is the owner of the lease of a call a server handed off at
// shutdown (HandOff): no server's, lapsed, so any server takes it over at
// a resume, and none ends it before the idle timeout, not even the one
// that handed it off once it is back (RecoverOpen ends only its own).
const handedOff = "handed-off"

// HandOff gives up every live call without ending it, for a restart:
// each call's lease lapses at once and passes to no server (handedOff),
// so that a client resuming on any server, this one after its restart
// included, takes the call over and the prospect is rebuilt from the
// stored turns. A call nobody resumes is ended as interrupted after the
// idle timeout by whichever server reaps first. Sockets should be closed
// first (their handlers release the calls, and a turn in progress has
// been stored).
func (m *Manager) HandOff(ctx context.Context) {
	m.mu.Lock()
	calls := make([]*Call, 0, len(m.calls))
	for _, c := range m.calls {
		calls = append(calls, c)
	}
	m.calls = make(map[string]*Call)
	m.mu.Unlock()
	now := m.now()
	for _, c := range calls {
		if c.isOver() {
			continue
		}
		// First this server's own lease lapses now (it may shorten its
		// own), then it passes to no one (a lapsed lease may be taken);
		// a server that took the call over in between keeps it.
		err := m.store.LeaseCall(ctx, c.ID(), openline.Lease{Owner: m.owner, At: now, Until: now})
		if err == nil {
			err = m.store.LeaseCall(ctx, c.ID(), openline.Lease{Owner: handedOff, At: now, Until: now})
		}
		if err != nil && !errors.Is(err, openline.ErrLeased) && !errors.Is(err, openline.ErrConflict) {
			m.log.Error("hand off call at shutdown", "call", c.ID(), "err", err)
		}
	}
}

// RecoverOpen ends, as interrupted, the calls this server held before it
// restarted (by its Owner id) and those no server has held for the idle
// timeout; the calls other servers hold go on. Each is scored on the
// scenario version it ran on (see ownScenario). Call it at start, before
// serving.
func (m *Manager) RecoverOpen(ctx context.Context) (int, error) {
	return m.endOrphans(ctx, m.owner, m.now().Add(-m.idle))
}

// endOrphans ends the calls OrphanCalls(owner, lapsed) lists that are not
// live here, each after taking its lease, so that two servers never end
// one call, nor one that another server has just taken over.
func (m *Manager) endOrphans(ctx context.Context, owner string, lapsed time.Time) (int, error) {
	open, err := m.store.OrphanCalls(ctx, owner, lapsed)
	if err != nil {
		return 0, fmt.Errorf("list open calls: %w", err)
	}
	n := 0
	for _, rec := range open {
		m.mu.Lock()
		live := m.calls[rec.ID] != nil || m.resuming[rec.ID]
		m.mu.Unlock()
		if live {
			continue
		}
		switch err := m.store.LeaseCall(ctx, rec.ID, m.lease(m.now())); {
		case errors.Is(err, openline.ErrLeased), errors.Is(err, openline.ErrConflict), errors.Is(err, openline.ErrNotFound):
			continue // taken over, or ended, meanwhile
		case err != nil:
			return n, err
		}
		if err := m.endStored(ctx, rec); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// ownScenario is the scenario a stored call ran on, at its own version
// (the catalogue reads it back from the store); the current version, with
// a warning, only when the store has lost it; nil when neither exists.
func (m *Manager) ownScenario(ctx context.Context, rec openline.Call) *openline.Scenario {
	sc, err := m.scenarios.Version(ctx, rec.ScenarioID, rec.ScenarioVersion)
	if err == nil {
		return sc
	}
	m.log.Warn("scenario version of a stored call", "call", rec.ID, "scenario", rec.ScenarioID, "version", rec.ScenarioVersion, "err", err)
	return m.scenarios.Current(rec.ScenarioID)
}

// endStored ends a stored call that is not live as interrupted, scoring
// the turns the store kept.
func (m *Manager) endStored(ctx context.Context, rec openline.Call) error {
	turns, err := m.store.Turns(ctx, rec.ID)
	if err != nil {
		return fmt.Errorf("turns of call %s: %w", rec.ID, err)
	}
	tr := openline.Transcript{Language: rec.Language, Scenario: rec.ScenarioID}
	for _, t := range turns {
		tr.Turns = append(tr.Turns, t.Turn)
	}
	sc := m.ownScenario(ctx, rec)
	card, err := scoreCall(tr, sc)
	if err != nil {
		m.log.Error("score interrupted call", "call", rec.ID, "err", err)
		card = nil
	}
	// The call ended when its last word was said, not when this process
	// noticed: a call of yesterday does not last until today.
	ended := rec.StartedAt
	if len(turns) > 0 {
		ended = turns[len(turns)-1].At
	}
	if err := m.store.EndCall(ctx, rec.ID, openline.CallEnd{At: ended, Outcome: openline.OutcomeInterrupted, Card: card}); err != nil {
		return fmt.Errorf("end call %s: %w", rec.ID, err)
	}
	return nil
}
