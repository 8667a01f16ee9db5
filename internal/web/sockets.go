package web

import (
	"context"
	"errors"
	"time"

	"github.com/openline/openline/internal/openline"
)

// A socket is authenticated once, at its upgrade; these end it when the
// session it came with ends (docs/protocol.md, "Close codes"). Ending a
// session on this server (logout, deactivation) closes its sockets at
// once (endSession, endUser); every frame is checked against the
// session's expiry in memory; and Server.Run asks the store every
// sessionCheckPeriod whether the sessions of the live sockets still hold,
// which is how a logout on another server reaches them. No frame asks the
// store: under load that query was an eighth of the server's CPU
// (docs/performance.md).
const (
	closeSessionEnded  = closePolicy     // 1008: do not resume; log in again
	sessionEndedReason = "session ended" // the close reason
	// sessionCheckPeriod is how often Server.Run asks the store whether
	// the sessions of the live sockets still hold (expiry, and logouts on
	// other servers).
	sessionCheckPeriod = 30 * time.Second
)

// owner is who a socket was opened by: the user and the hash of the
// session token of the upgrade request, and when that session expires.
type owner struct {
	userID      int64
	sessionHash string
	expires     time.Time
}

// holds reports whether o's session has not expired at now: the check of
// every frame, made in memory.
func (o owner) holds(now time.Time) bool { return now.Before(o.expires) }

// endSession closes the sockets opened with the session whose token hash
// is sessionHash, with an unauthorized error frame and close 1008
// "session ended". It returns how many it closed.
func (ss *sockets) endSession(sessionHash string) int {
	return ss.end(func(o owner) bool { return o.sessionHash == sessionHash })
}

// endUser closes every socket of the user, of any session, as endSession
// does (for logging out everywhere and deactivating an account).
func (ss *sockets) endUser(userID int64) int {
	return ss.end(func(o owner) bool { return o.userID == userID })
}

func (ss *sockets) end(match func(owner) bool) int {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	n := 0
	for s := range ss.live {
		if match(s.owner) {
			s.endSession()
			n++
		}
	}
	return n
}

// owners returns the owners of the live sockets, each session once.
func (ss *sockets) owners() []owner {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	seen := make(map[string]bool, len(ss.live))
	var out []owner
	for s := range ss.live {
		if !seen[s.owner.sessionHash] {
			seen[s.owner.sessionHash] = true
			out = append(out, s.owner)
		}
	}
	return out
}

// endStale closes the sockets whose session the store no longer knows
// (expired, logged out on another server, or the account is gone). A
// store error leaves the sockets open; the next frame checks again.
func (ss *sockets) endStale(ctx context.Context, st openline.UserStore, now time.Time) {
	for _, o := range ss.owners() {
		if !sessionHolds(ctx, st, o, now) {
			ss.endSession(o.sessionHash)
		}
	}
}

// sessionHolds reports whether o's session is still a session of o's
// user. A store failure counts as holding: it is not the user's fault, and
// the next check asks again.
func sessionHolds(ctx context.Context, st openline.UserStore, o owner, now time.Time) bool {
	u, err := st.SessionUser(ctx, o.sessionHash, now)
	if err != nil {
		return !errors.Is(err, openline.ErrNotFound)
	}
	return u.ID == o.userID
}

// endSession sends the unauthorized error and closes the socket with 1008
// "session ended" after what is queued.
func (s *socket) endSession() {
	if s.stopped() {
		return // closing already (the error frame is sent once)
	}
	s.sendError(errUnauthorized)
	s.stop(closeSessionEnded, sessionEndedReason, true)
}

// stopped reports whether the socket is being closed: a frame read after
// that is not taken.
func (s *socket) stopped() bool {
	select {
	case <-s.quit:
		return true
	default:
		return false
	}
}
