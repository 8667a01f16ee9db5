package web

import (
	"time"

	"github.com/openline/openline/internal/openline"
)

// The frames a client may send on one socket (docs/protocol.md, "Limits").
// Every data frame counts, text or binary (a spoken call's audio comes at
// about 10 frames a second); pings and pongs do not.
const (
	framesPerSecond = 20 // sustained
	frameBurst      = 40 // at once, after a quiet while
	// frameFlood is how many frames over the limit a client may have sent,
	// less what framesPerSecond forgives as time passes, before the
	// socket is closed: a client that goes on ignoring the error frames.
	frameFlood = 200
	// floodReason is the close reason of 1008 for a flood.
	floodReason = "too many frames"
)

var errWSTooMany = openline.Error{Kind: openline.KindTooMany, Code: "too_many_frames",
	Message: "too many frames: at most 20 a second; the frame was not taken, the call goes on"}

// frameLimit is one socket's budget of frames: a token bucket of
// frameBurst frames refilled at framesPerSecond, and the count of frames
// refused, which drains at the same rate. Only the reader uses it.
type frameLimit struct {
	tokens  float64   // frames that may come now
	refused float64   // frames refused, less what time has forgiven
	last    time.Time // when tokens and refused were brought up to date
	told    bool      // the client has had the error since the last frame taken
}

func newFrameLimit(now time.Time) *frameLimit {
	return &frameLimit{tokens: frameBurst, last: now}
}

// take counts a frame that arrived at now. ok: it may be taken. Otherwise
// tell says whether to send the error frame (once per run of refused
// frames, so that a flood is not answered with a flood), and flood whether
// to close the socket.
func (l *frameLimit) take(now time.Time) (ok, tell, flood bool) {
	if dt := now.Sub(l.last).Seconds(); dt > 0 {
		l.tokens = min(frameBurst, l.tokens+dt*framesPerSecond)
		l.refused = max(0, l.refused-dt*framesPerSecond)
		l.last = now
	}
	if l.tokens >= 1 {
		l.tokens--
		l.told = false
		return true, false, false
	}
	l.refused++
	tell = !l.told
	l.told = true
	return false, tell, l.refused > frameFlood
}

// admit counts a frame that arrived at now against the socket's limit
// and reports whether it is taken. A refused frame is answered with the
// error too_many_frames (once per run of refused frames); a flood closes
// the socket with 1008 "too many frames" (the call is not ended).
func (s *socket) admit(l *frameLimit, now time.Time) bool {
	ok, tell, flood := l.take(now)
	switch {
	case flood:
		s.log.Warn("websocket client floods frames; closed")
		s.sendError(errWSTooMany)
		s.stop(closePolicy, floodReason, true)
	case tell:
		s.sendError(errWSTooMany)
	}
	return ok
}
