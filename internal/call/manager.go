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
	"github.com/openline/openline/internal/score"
)

// IdleTimeout is how long a live call may go without a socket before it
// ends as interrupted.
const IdleTimeout = 2 * time.Minute

// MaxLivePerUser is how many live calls (placed and not ended, with or
// without a socket) one user may have at once by default: enough for a
// few tabs and a call left to its idle timeout, few enough that one
// account cannot fill the server.
const MaxLivePerUser = 5

// Errors of starting a call.
var (
	ErrUnknownScenario = openline.Error{Code: "unknown_scenario", Message: "no such scenario"}
	ErrUnknownEngine   = openline.Error{Code: "unknown_engine", Message: "no such persona engine"}
	ErrTooManyCalls    = openline.Error{Code: "too_many_calls", Message: "you have too many calls going on; hang up one, or wait until one left alone ends"}
)

// ManagerConfig is what a Manager needs.
type ManagerConfig struct {
	Log   *slog.Logger
	Store openline.CallStore
	// Scenario returns the scenario with the given id, or nil.
	Scenario func(id string) *openline.Scenario
	// StoredScenario returns the scenario id as it was at version (the
	// text the store keeps of every version a call ran on); nil: only
	// the loaded scenarios are known.
	StoredScenario func(ctx context.Context, id, version string) (*openline.Scenario, error)
	Engines        []persona.Engine
	Now            func() time.Time // the clock
	// Seed returns the seed of a new call; nil: random.
	Seed func() int64
	// Idle overrides IdleTimeout when positive.
	Idle time.Duration
	// MaxLivePerUser overrides MaxLivePerUser when positive.
	MaxLivePerUser int
}

// Manager is the registry of live calls, by id. A live call is attached to
// at most one socket at a time; a call without a socket for the idle
// timeout ends as interrupted (Reap). Calls are never resumed across a
// restart: RecoverOpen ends what a previous process left open.
type Manager struct {
	log      *slog.Logger
	store    openline.CallStore
	scenario func(string) *openline.Scenario
	stored   func(context.Context, string, string) (*openline.Scenario, error)
	engines  map[openline.EngineName]persona.Engine
	now      func() time.Time
	seed     func() int64
	idle     time.Duration
	maxLive  int

	mu       sync.Mutex
	calls    map[string]*Call
	starting map[int64]int // calls being created, by user id
}

// NewManager returns an empty registry.
func NewManager(cfg ManagerConfig) *Manager {
	m := &Manager{
		log:      cfg.Log,
		store:    cfg.Store,
		scenario: cfg.Scenario,
		stored:   cfg.StoredScenario,
		engines:  make(map[openline.EngineName]persona.Engine),
		now:      cfg.Now,
		seed:     cfg.Seed,
		idle:     cfg.Idle,
		maxLive:  cfg.MaxLivePerUser,
		calls:    make(map[string]*Call),
		starting: make(map[int64]int),
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
// calls gets ErrTooManyCalls.
func (m *Manager) Start(ctx context.Context, u *openline.User, scenarioID string, engine openline.EngineName) (*Call, error) {
	sc := m.scenario(scenarioID)
	if sc == nil {
		return nil, ErrUnknownScenario
	}
	eng, ok := m.engines[engine]
	if !ok {
		return nil, ErrUnknownEngine
	}
	if !m.reserve(u.ID) {
		return nil, ErrTooManyCalls
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
// has maxLive live calls (or calls being created) already.
func (m *Manager) reserve(userID int64) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := m.starting[userID]
	for _, c := range m.calls {
		if c.UserID() == userID && !c.isOver() {
			n++
		}
	}
	if n >= m.maxLive {
		return false
	}
	m.starting[userID]++
	return true
}

// start creates the prospect and the call, attached.
func (m *Manager) start(ctx context.Context, u *openline.User, sc *openline.Scenario, eng persona.Engine) (*Call, error) {
	seed := m.seed()
	p, err := eng.Start(sc, seed)
	if err != nil {
		return nil, fmt.Errorf("start prospect of %s: %w", sc.ID, err)
	}
	c, err := New(ctx, Config{Store: m.store, Scenario: sc, Engine: eng.Name(), Prospect: p, User: u, Now: m.now, Seed: seed})
	if err != nil {
		return nil, err
	}
	c.attached = true
	return c, nil
}

// Resume attaches the live call id of user u to a new socket. It returns
// ErrNotFound for a call that is not u's or does not exist, ErrEnded for a
// call that has ended, ErrInUse while another socket holds it. A call that
// the store keeps open but that is not live (a previous process died) is
// ended as interrupted and ErrEnded returned.
func (m *Manager) Resume(ctx context.Context, u *openline.User, id string) (*Call, error) {
	if _, err := uuid.Parse(id); err != nil || len(id) != 36 {
		return nil, ErrNotFound // not a call id: the store is not asked
	}
	m.mu.Lock()
	c := m.calls[id]
	m.mu.Unlock()
	if c == nil {
		rec, err := m.store.Call(ctx, id)
		if errors.Is(err, openline.ErrNotFound) || (err == nil && rec.UserID != u.ID) {
			return nil, ErrNotFound
		}
		if err != nil {
			return nil, fmt.Errorf("resume call %s: %w", id, err)
		}
		if rec.EndedAt == nil {
			if err := m.endStored(ctx, *rec); err != nil {
				return nil, err
			}
		}
		return nil, ErrEnded
	}
	if c.UserID() != u.ID {
		return nil, ErrNotFound
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

// Reap ends, as interrupted, every live call that has been without a
// socket for the idle timeout, and scores it. It returns how many it
// ended. Run it periodically (Run does).
func (m *Manager) Reap(ctx context.Context) int {
	now := m.now()
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
		if _, err := c.Interrupt(ctx); err != nil && !errors.Is(err, ErrEnded) {
			m.log.Error("interrupt call at shutdown", "call", c.ID(), "err", err)
		}
	}
}

// RecoverOpen ends, as interrupted, the calls the store keeps open that are
// not live here: those a previous process left when it died. Each is scored
// on the scenario version it ran on (see ownScenario). Call it at start, before serving.
func (m *Manager) RecoverOpen(ctx context.Context) (int, error) {
	open, err := m.store.OpenCalls(ctx)
	if err != nil {
		return 0, fmt.Errorf("list open calls: %w", err)
	}
	n := 0
	for _, rec := range open {
		m.mu.Lock()
		_, live := m.calls[rec.ID]
		m.mu.Unlock()
		if live {
			continue
		}
		if err := m.endStored(ctx, rec); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// ownScenario is the scenario a stored call ran on, at its own version:
// the loaded one when the version matches, else the version the store
// kept; the loaded one (or nil) when the store has not got it.
func (m *Manager) ownScenario(ctx context.Context, rec openline.Call) *openline.Scenario {
	sc := m.scenario(rec.ScenarioID)
	if sc != nil && sc.Version == rec.ScenarioVersion {
		return sc
	}
	if m.stored != nil {
		old, err := m.stored(ctx, rec.ScenarioID, rec.ScenarioVersion)
		if err == nil {
			return old
		}
		m.log.Warn("stored scenario version of interrupted call", "call", rec.ID, "scenario", rec.ScenarioID, "version", rec.ScenarioVersion, "err", err)
	}
	if sc != nil {
		m.log.Info("scoring interrupted call on another scenario version", "call", rec.ID, "scenario", rec.ScenarioID)
	}
	return sc
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
	card, err := score.Score(tr, sc)
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
	if err := m.store.EndCall(ctx, rec.ID, ended, openline.OutcomeInterrupted, "", card); err != nil {
		return fmt.Errorf("end call %s: %w", rec.ID, err)
	}
	return nil
}
