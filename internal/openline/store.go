package openline

import (
	"context"
	"fmt"
	"time"
)

// Role is what an account may do.
type Role string

const (
	RoleTrainee Role = "trainee" // places calls, sees only their own
	RoleTrainer Role = "trainer" // authors scenarios, sees every call, manages trainees
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r == RoleTrainee || r == RoleTrainer }

// User is an account.
type User struct {
	ID           int64
	Name         string
	Role         Role
	PasswordHash string // argon2id/bcrypt encoded; never logged, never sent
	CreatedAt    time.Time
	// DeactivatedAt is when a trainer deactivated the account (nil while
	// active). A deactivated account cannot log in; its calls stay.
	DeactivatedAt *time.Time
}

// Active reports whether the account may log in.
func (u *User) Active() bool { return u.DeactivatedAt == nil }

// Session is a logged-in browser. Only a hash of the token is stored.
type Session struct {
	TokenHash string
	UserID    int64
	CreatedAt time.Time
	ExpiresAt time.Time
}

// Call is one practice call as stored.
type Call struct {
	ID              string // UUID
	UserID          int64
	UserName        string // filled by reads
	ScenarioID      string
	ScenarioVersion string
	Engine          EngineName
	Language        Language
	Seed            int64
	StartedAt       time.Time
	EndedAt         *time.Time // nil while the call goes on
	Outcome         Outcome
	NextStep        string
	Openness        *int // set once scored
	Curiosity       *int
	// OpennessAdjusted and CuriosityAdjusted are a trainer's latest
	// adjustments (nil: none); Effective says which score counts.
	OpennessAdjusted  *int
	CuriosityAdjusted *int
	EndedBy           Speaker // who ended the call; "" while open, interrupted, or not recorded
}

// StoredTurn is one persisted turn with the prospect's state after it.
type StoredTurn struct {
	CallID string
	Index  int
	Turn
	State *ProspectState // after a prospect turn
	LLM   *LLMTurn       // a prospect turn of the LLM engine: cost and latency
	At    time.Time
}

// ConsecutiveTurns checks the turns of one AppendTurns: turns of one call
// whose indexes follow each other. Whether the first is the call's next
// turn is the store's to check.
func ConsecutiveTurns(ts []StoredTurn) error {
	for i := 1; i < len(ts); i++ {
		if ts[i].CallID != ts[0].CallID || ts[i].Index != ts[i-1].Index+1 {
			return fmt.Errorf("turn %d of call %s after turn %d of call %s: not consecutive turns of one call",
				ts[i].Index, ts[i].CallID, ts[i-1].Index, ts[i-1].CallID)
		}
	}
	return nil
}

// CallFilter selects calls for a listing; zero fields select all.
type CallFilter struct {
	UserID     int64
	UserName   string
	ScenarioID string
	GroupID    int64 // calls of the group's members
	Limit      int   // 0: the store's default
}

// Errors the stores return, wrapped; test with errors.Is.
var (
	ErrNotFound = Error{Kind: KindNotFound, Code: "not_found", Message: "not found"}
	ErrConflict = Error{Kind: KindConflict, Code: "conflict", Message: "already exists"}
	// ErrLeased is LeaseCall's answer while another server holds the call.
	ErrLeased = Error{Kind: KindConflict, Code: "leased", Message: "the call is live on another server"}
	// ErrLimit is StartCall's answer when the user has too many live calls.
	ErrLimit = Error{Kind: KindTooMany, Code: "limit", Message: "too many live calls"}
)

// Lease is one server's claim on a live call: while it holds (Until is
// after now), the call is live on that server only, and other servers
// refuse to resume it. The server renews its leases while it runs; when
// it dies they lapse, and another server may take the call over. Times
// are the servers' clocks, which must agree to well within a lease's
// length (NTP does).
type Lease struct {
	Owner string    // the server's id
	At    time.Time // now, when the lease is taken
	Until time.Time // when it lapses unless renewed
}

// Kind is what sort of failure an Error is: what the asker can do about
// it. The web maps kinds, never codes, to HTTP statuses, so a new code
// needs no change there.
type Kind string

// The kinds of error. The zero Kind is internal: an error whose kind was
// forgotten is logged and shown as "something went wrong", never leaked.
const (
	KindInternal     Kind = ""
	KindInvalid      Kind = "invalid"      // the request is wrong; fix it
	KindUnauthorized Kind = "unauthorized" // nobody is logged in, or the login failed
	KindForbidden    Kind = "forbidden"    // the asker may not do this
	KindNotFound     Kind = "not_found"    // no such thing (or not the asker's to see)
	KindConflict     Kind = "conflict"     // the thing's state does not allow it now
	KindTooLarge     Kind = "too_large"    // the request is too big
	KindTooMany      Kind = "too_many"     // too much at once; try again later
	KindUnavailable  Kind = "unavailable"  // the server cannot do it now
	KindMisdirected  Kind = "misdirected"  // the request was meant for another server (host name)
)

// Error is an error a user may see: its kind, a stable code and a plain
// message. Everything else is internal and is logged, not shown.
type Error struct {
	Kind    Kind
	Code    string
	Message string
}

// WithMessage returns e with another message, its kind and code kept.
func (e Error) WithMessage(msg string) Error { e.Message = msg; return e }

func (e Error) Error() string { return e.Message }

// Is matches errors by code, so a store can wrap ErrNotFound with detail.
func (e Error) Is(target error) bool {
	t, ok := target.(Error)
	return ok && t.Code == e.Code
}

// UserStore keeps accounts, sessions and the first-run setup token.
type UserStore interface {
	CreateUser(ctx context.Context, u *User) error // sets u.ID; ErrConflict on a taken name
	UserByName(ctx context.Context, name string) (*User, error)
	UserByID(ctx context.Context, id int64) (*User, error)
	ListUsers(ctx context.Context) ([]User, error)
	// DeactivateUser marks the account deactivated at and deletes its
	// sessions, in one transaction; ErrNotFound for an unknown id.
	// Deactivating twice keeps the first time. SessionUser never returns
	// a deactivated account.
	DeactivateUser(ctx context.Context, id int64, at time.Time) error
	CountUsers(ctx context.Context) (int, error)

	CreateSession(ctx context.Context, s Session) error
	// SessionUser returns the user of an unexpired session.
	SessionUser(ctx context.Context, tokenHash string, now time.Time) (*User, error)
	DeleteSession(ctx context.Context, tokenHash string) error
	SessionExpiries

	// CreateSetupToken stores a one-time token for creating the first
	// trainer, in place of every earlier one (one token is valid at a
	// time, so a link printed by an earlier start dies with the next);
	// UseSetupToken consumes it (ErrNotFound when unknown, used or
	// expired) and creates the user in the same transaction, only while no
	// account exists.
	CreateSetupToken(ctx context.Context, tokenHash string, expires time.Time) error
	UseSetupToken(ctx context.Context, tokenHash string, now time.Time, u *User) error
	// SetupTokenWorks reports whether UseSetupToken would take the token
	// at now (the newest, unused, unexpired, and no account yet), without
	// using it: the set-up page shows its form only then.
	SetupTokenWorks(ctx context.Context, tokenHash string, now time.Time) (bool, error)
}

// CallStore keeps calls and their turns. Turns are appended one by one as
// they are spoken, so nothing said is lost when a server or a connection
// dies.
// CallEnd is the end of a call as CallStore.EndCall stores it.
type CallEnd struct {
	At       time.Time  // when it ended
	By       Speaker    // who hung up; "" when neither did (interrupted)
	Outcome  Outcome    // never OutcomeNone
	NextStep string     // with OutcomeNextStep: its kind
	Card     *Scorecard // nil: not scored (scoring failed)
}

// Check reports what makes e unfit to store: no outcome, no time (the
// caller's clock sets every stored time), or an unknown speaker.
func (e CallEnd) Check() error {
	switch {
	case e.Outcome == OutcomeNone:
		return fmt.Errorf("no outcome")
	case e.At.IsZero():
		return fmt.Errorf("no time given (the caller's clock sets every stored time)")
	case e.By != "" && !e.By.Valid():
		return fmt.Errorf("unknown speaker %q", e.By)
	}
	return nil
}

type CallStore interface {
	CreateCall(ctx context.Context, c *Call) error
	AppendTurn(ctx context.Context, t StoredTurn) error // Index must be the next index
	// AppendTurns stores consecutive turns of one call, the first at the
	// next index, in one transaction: all of them or none.
	AppendTurns(ctx context.Context, ts ...StoredTurn) error
	// EndCall records the end of a call, who ended it and its scorecard,
	// in one transaction.
	EndCall(ctx context.Context, id string, e CallEnd) error
	Call(ctx context.Context, id string) (*Call, error)
	Turns(ctx context.Context, callID string) ([]StoredTurn, error)
	Scorecard(ctx context.Context, callID string) (*Scorecard, error) // ErrNotFound before the end
	ListCalls(ctx context.Context, f CallFilter) ([]Call, error)      // newest first
	// OpenCalls lists calls that have not ended, for ending them as
	// interrupted after a restart.
	OpenCalls(ctx context.Context) ([]Call, error)

	// StartCall creates a call (as CreateCall) leased to l.Owner, unless
	// its user has maxLive live calls already (open, with a lease that
	// holds at l.At, on any server): then ErrLimit. Check and creation are
	// one transaction, so servers starting calls at once keep the limit.
	StartCall(ctx context.Context, c *Call, l Lease, maxLive int) error
	// LeaseCall takes or renews the lease of an open call for l.Owner:
	// ErrLeased while another owner's lease holds at l.At, ErrNotFound for
	// an unknown call, ErrConflict for an ended one.
	LeaseCall(ctx context.Context, callID string, l Lease) error
	// RenewLeases extends every lease owner holds to until.
	RenewLeases(ctx context.Context, owner string, until time.Time) error
	// ReleaseLease gives up owner's lease of a call (nothing when it holds
	// none). EndCall releases the lease of the call it ends.
	ReleaseLease(ctx context.Context, callID, owner string) error
	// OrphanCalls lists, oldest first, the open calls no server holds: no
	// lease, or one that lapsed at or before lapsed, or one of owner (a
	// server's own leases from before it restarted; "" for none).
	OrphanCalls(ctx context.Context, owner string, lapsed time.Time) ([]Call, error)
}

// ScenarioStore keeps every version of a scenario that a call ran on.
type ScenarioStore interface {
	SaveScenarioVersion(ctx context.Context, id, version string, source []byte, saved time.Time) error // idempotent
	ScenarioVersion(ctx context.Context, id, version string) ([]byte, error)
}

// Store is everything the server keeps.
type Store interface {
	UserStore
	AccountStore
	GroupStore
	ReviewStore
	CallStore
	ScenarioStore
	AuthoringStore
	AssignmentStore
	RatingStore
	Close() error
}
