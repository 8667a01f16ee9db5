package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/gorilla/websocket"

	"github.com/openline/openline/internal/call"
	"github.com/openline/openline/internal/catalog"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
	"github.com/openline/openline/internal/voice"
)

// Websocket limits and timing (docs/protocol.md).
const (
	maxFrameBytes = 64 << 10         // a bigger frame closes the socket with 1009
	writeWait     = 10 * time.Second // deadline of every write
	pongWait      = 30 * time.Second // a peer silent this long (no pong, no frame) is gone
	pingPeriod    = pongWait * 2 / 3 // must be shorter than pongWait
	sendQueue     = 256              // frames queued for one client; a client that lets it fill is dropped
	turnTimeout   = 2 * time.Minute  // longest a persona engine may take for one turn
	// ShutdownTurnWait is how long a shutdown lets a turn in progress
	// finish before the socket is closed and the turn cancelled.
	ShutdownTurnWait = 5 * time.Second
	shutdownReason   = "server shutting down" // the close reason of 1001
	restartReason    = "server restarting"    // the close reason of 1012: resume
	// closeGrace is how long the server waits, after its close frame, for
	// the client's (the closing handshake) before it closes the
	// connection anyway.
	closeGrace = 2 * time.Second
)

// Close codes the server uses.
const (
	closeNormal     = websocket.CloseNormalClosure     // 1000
	closeGoingAway  = websocket.CloseGoingAway         // 1001: the server shuts down
	closeRestart    = websocket.CloseServiceRestart    // 1012: the server restarts; the client resumes (Config.HandOff)
	closePolicy     = websocket.ClosePolicyViolation   // 1008: the call could not be placed or resumed; do not retry
	closeTryLater   = websocket.CloseTryAgainLater     // 1013: too slow, or the call is in use; the client may resume later
	closeInternal   = websocket.CloseInternalServerErr // 1011: the server failed (a bug); the call goes on, the client may resume
	closeReadFailed = -1                               // the peer is gone: no close frame
)

// Errors only the websocket gives.
var (
	errWSInvalidJSON   = openline.Error{Kind: openline.KindInvalid, Code: "invalid_json", Message: "a frame must be a JSON object with a type"}
	errWSBinary        = openline.Error{Kind: openline.KindInvalid, Code: "invalid_frame", Message: "only text frames of UTF-8 are understood"}
	errWSUnknownType   = openline.Error{Kind: openline.KindInvalid, Code: "unknown_type", Message: "unknown frame type; the client sends say or hangup"}
	errWSMissingText   = openline.Error{Kind: openline.KindInvalid, Code: "missing_text", Message: "a say frame needs a text"}
	errWSEngineUnavail = openline.Error{Kind: openline.KindUnavailable, Code: "engine_unavailable", Message: "this persona engine is not available on this server"}
	errWSShutdown      = openline.Error{Kind: openline.KindUnavailable, Code: "unavailable", Message: "the server is shutting down"}
	errWSSpeaking      = openline.Error{Kind: openline.KindConflict, Code: "prospect_speaking", Message: "the prospect is still speaking; send the next say after their reply"}
	errWSFallback      = openline.Error{Kind: openline.KindUnavailable, Code: "llm_unavailable", Message: "the language model failed; the same prospect goes on, played by the scripted engine"}
)

// Server → client frames.
type (
	callFrame struct {
		Type     string              `json:"type"` // "call"
		CallID   string              `json:"call_id"`
		Engine   openline.EngineName `json:"engine"`
		Scenario scenarioJSON        `json:"scenario"`
		Turns    []turnJSON          `json:"turns,omitzero"` // on resume (non-nil, so [] before any turn): the transcript so far
		// Fallback: the LLM failed earlier in this call and the scripted
		// engine plays the prospect on (on resume).
		Fallback bool `json:"fallback,omitempty"`
		// First is who speaks first: "prospect" (they pick up, or call
		// and open) or "trainee" (an inbound call rings at the trainee,
		// whose first say is how they answer). A v1 addition.
		First string `json:"first"`
		// Voice says how the call may be spoken (ws_voice.go); absent on
		// a server without speech. A v1 addition.
		Voice *voiceInfo `json:"voice,omitempty"`
	}
	turnJSON struct {
		Speaker     openline.Speaker `json:"speaker"`
		Text        string           `json:"text"`
		SpeakerName string           `json:"speaker_name,omitempty"` // v1 addition: who spoke a prospect turn
	}
	deltaFrame struct {
		Type        string `json:"type"` // "reply.delta"
		Text        string `json:"text"`
		SpeakerName string `json:"speaker_name,omitempty"` // v1 addition: who is speaking
	}
	replyFrame struct {
		Type        string `json:"type"` // "reply"
		Turn        int    `json:"turn"` // index of the prospect's turn in the transcript, from 0
		Text        string `json:"text"`
		SpeakerName string `json:"speaker_name,omitempty"` // v1 addition: who spoke
		TransferTo  string `json:"transfer_to,omitempty"`  // v1 addition: put through to whom, within this turn
	}
	hangupFrame struct {
		Type     string           `json:"type"` // "hangup"
		By       openline.Speaker `json:"by"`
		Reason   string           `json:"reason"` // the outcome: hung_up, next_step, polite_end
		Outcome  openline.Outcome `json:"outcome"`
		NextStep string           `json:"next_step,omitempty"`
	}
	scorecardFrame struct {
		Type      string              `json:"type"` // "scorecard"
		Scorecard *openline.Scorecard `json:"scorecard"`
	}
	errorFrame struct {
		Type    string `json:"type"` // "error"
		Code    string `json:"code"`
		Message string `json:"message"`
	}
)

// clientFrame is any client → server frame.
type clientFrame struct {
	Type string  `json:"type"`
	Text *string `json:"text"`
}

// sockets tracks the live websocket connections, so that shutdown can
// close them cleanly and wait for their handlers (http.Server.Shutdown
// does not wait for hijacked connections).
type sockets struct {
	mu      sync.Mutex
	closing bool
	live    map[*socket]struct{}
	wg      sync.WaitGroup
}

// add registers s; false when the server is shutting down.
func (ss *sockets) add(s *socket) bool {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.closing {
		return false
	}
	if ss.live == nil {
		ss.live = make(map[*socket]struct{})
	}
	ss.live[s] = struct{}{}
	ss.wg.Add(1)
	return true
}

// count is the number of live sockets.
func (ss *sockets) count() int {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return len(ss.live)
}

func (ss *sockets) remove(s *socket) {
	ss.mu.Lock()
	delete(ss.live, s)
	ss.mu.Unlock()
	ss.wg.Done()
}

// closeAll shuts the sockets down: no socket opens any more, no new turn
// starts (a say gets the error unavailable), the turns in progress may
// finish for up to turnWait, then before runs (nil: nothing), then every
// socket gets a close frame with code and reason (1001 "server shutting
// down", or 1012 "server restarting") after what is queued. before comes
// between so that what it does (handing the calls over) is done before a
// client that is told to resume can. It waits until the sockets' handlers
// have returned or ctx is done.
func (ss *sockets) closeAll(ctx context.Context, turnWait time.Duration, code int, reason string, before func()) error {
	ss.mu.Lock()
	ss.closing = true
	live := make([]*socket, 0, len(ss.live))
	for s := range ss.live {
		live = append(live, s)
	}
	ss.mu.Unlock()
	var drained sync.WaitGroup
	for _, s := range live {
		if sp := s.sp.Load(); sp != nil {
			drained.Go(func() { sp.drain(turnWait) })
		}
	}
	drained.Wait()
	if before != nil {
		before()
	}
	for _, s := range live {
		s.stop(code, reason, true)
	}
	done := make(chan struct{})
	go func() { ss.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// socket is one websocket connection: the handler goroutine reads and
// runs the call; one writer goroutine writes. Frames go to the writer
// through a bounded queue; a client that lets it fill is dropped, never
// waited on.
type socket struct {
	ws    *websocket.Conn
	log   *slog.Logger
	send  chan []byte
	owner owner                   // who opened it, with which session (sockets.go)
	sp    atomic.Pointer[speaker] // the call's turns, once the call is open
	voice *voiceConn              // the call's speech; nil without (ws_voice.go)

	stopOnce  sync.Once
	quit      chan struct{} // closed by stop
	quitCode  int
	quitText  string
	quitFlush bool
	done      chan struct{} // closed when the writer has returned
	readOnce  sync.Once
	readDone  chan struct{} // closed when the handler reads no more (endRead)

	// The prospect's words not yet sent, and a wake-up for the writer.
	// Words that arrive while the writer is busy leave together as one
	// reply.delta frame (an engine that has a whole reply at once sends
	// one delta, not one per piece). Invariant: every frame in send was
	// queued before the words in delta (enqueue moves them into send
	// first), so the writer writes send before delta.
	dmu          sync.Mutex
	delta        strings.Builder
	deltaSpeaker string        // who speaks the words in delta
	wake         chan struct{} // capacity 1
}

func newSocket(ws *websocket.Conn, log *slog.Logger) *socket {
	return &socket{ws: ws, log: log, send: make(chan []byte, sendQueue), quit: make(chan struct{}), done: make(chan struct{}), readDone: make(chan struct{}), wake: make(chan struct{}, 1)}
}

// endRead tells the writer that the handler reads no more: after a close
// frame it may close the connection now.
func (s *socket) endRead() { s.readOnce.Do(func() { close(s.readDone) }) }

// drain reads, and drops, what the client still sends after the socket
// was stopped, until the client's close frame answers the server's (or
// closeGrace has passed). Closing a connection with frames unread resets
// it, and the client could then lose the frames and close frame the
// server had sent before.
func (s *socket) drain() {
	s.ws.SetPongHandler(nil)
	if err := s.ws.SetReadDeadline(time.Now().Add(closeGrace)); err != nil {
		return
	}
	for {
		if _, _, err := s.ws.NextReader(); err != nil {
			return
		}
	}
}

// stop asks the writer to write what is queued (flush) and a close frame
// with code (none for closeReadFailed), then to close the connection. Only
// the first call counts; it never blocks.
func (s *socket) stop(code int, text string, flush bool) {
	s.stopOnce.Do(func() {
		s.quitCode, s.quitText, s.quitFlush = code, text, flush
		close(s.quit)
	})
}

// enqueue queues one frame, after the prospect's words not yet sent; a
// full queue drops the client.
func (s *socket) enqueue(v any) {
	b, err := json.Marshal(v)
	if err != nil {
		s.log.Error("marshal frame", "err", err)
		return
	}
	s.dmu.Lock()
	defer s.dmu.Unlock()
	if d := s.takeDelta(); d != nil {
		s.queue(d)
	}
	s.queue(b)
}

// queue puts b on the send queue without waiting; a full queue drops the
// client.
func (s *socket) queue(b []byte) {
	select {
	case <-s.quit:
	case s.send <- b:
	default:
		s.log.Warn("websocket client too slow; dropped")
		s.stop(closeTryLater, "too slow", false)
	}
}

// addDelta adds a piece of the words of speaker (the name the call
// expects, "" when it knows none) and wakes the writer.
func (s *socket) addDelta(text, speaker string) {
	if text == "" {
		return
	}
	s.dmu.Lock()
	s.delta.WriteString(text)
	s.deltaSpeaker = speaker
	s.dmu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default: // the writer is awake already
	}
}

// takeDelta returns the words not yet sent as one reply.delta frame and
// forgets them; nil when there are none. s.dmu is held.
func (s *socket) takeDelta() []byte {
	if s.delta.Len() == 0 {
		return nil
	}
	b, err := json.Marshal(deltaFrame{Type: "reply.delta", Text: s.delta.String(), SpeakerName: s.deltaSpeaker})
	s.delta.Reset()
	if err != nil {
		s.log.Error("marshal frame", "err", err)
		return nil
	}
	return b
}

func (s *socket) sendError(e openline.Error) {
	s.enqueue(errorFrame{Type: "error", Code: e.Code, Message: e.Message})
}

// write writes one message with a deadline.
func (s *socket) write(typ int, b []byte) error {
	if err := s.ws.SetWriteDeadline(time.Now().Add(writeWait)); err != nil {
		return err
	}
	return s.ws.WriteMessage(typ, b)
}

// writeLoop is the one writer: queued frames, the prospect's words,
// pings, and at stop the close frame. It closes the connection when it
// returns, which ends the reader: after a close frame once the handler
// reads no more (the client's close frame has come, or closeGrace has
// passed), at once after a failed write.
func (s *socket) writeLoop() {
	ticker := time.NewTicker(pingPeriod)
	defer func() {
		ticker.Stop()
		s.ws.Close()
		close(s.done)
	}()
	for {
		select {
		case b := <-s.send:
			if err := s.write(websocket.TextMessage, b); err != nil {
				return
			}
		case <-s.wake:
			if err := s.writeDelta(); err != nil {
				return
			}
		case <-ticker.C:
			if err := s.write(websocket.PingMessage, nil); err != nil {
				return
			}
		case <-s.quit:
			if s.quitFlush {
				if err := s.writeDelta(); err != nil {
					return
				}
			}
			if s.quitCode != closeReadFailed {
				_ = s.write(websocket.CloseMessage, websocket.FormatCloseMessage(s.quitCode, s.quitText))
				// The closing handshake: the client answers with its
				// close frame, which ends the reader.
				t := time.NewTimer(closeGrace)
				select {
				case <-s.readDone:
				case <-t.C:
				}
				t.Stop()
			}
			return
		}
	}
}

// writeDelta writes the queued frames, then the prospect's words gathered
// meanwhile as one reply.delta frame.
func (s *socket) writeDelta() error {
	for {
		select {
		case b := <-s.send:
			if err := s.write(websocket.TextMessage, b); err != nil {
				return err
			}
			continue
		default:
		}
		s.dmu.Lock()
		if len(s.send) > 0 {
			s.dmu.Unlock()
			continue
		}
		d := s.takeDelta()
		s.dmu.Unlock()
		if d == nil {
			return nil
		}
		return s.write(websocket.TextMessage, d)
	}
}

// deltas streams the words of one prospect turn as reply.delta frames,
// with the name of who speaks them (see socket.delta for how they are
// joined).
type deltas struct {
	s       *socket
	speaker string // who speaks, as far as the call knows
}

func (d deltas) add(text string) { d.s.addDelta(text, d.speaker) }

// wsDeps is what the call socket needs.
type wsDeps struct {
	log     *slog.Logger
	calls   *call.Manager
	metrics *metrics
	sockets *sockets
	users   openline.UserStore // to learn when the socket's session expires
	now     func() time.Time
	cat     *catalog.Catalog // the drafts of test calls (?draft=ID)
	voice   *voice.Service   // speech in and out; nil: text only
	// recordings keeps the spoken turns; nil: no audio is kept.
	recordings *voice.Recordings
}

// handleCallSocket serves websocket call protocol v1 (docs/protocol.md):
// ?scenario=ID&engine=scripted places a call, ?resume=CALL_ID resumes one.
func handleCallSocket(d wsDeps) http.Handler {
	up := websocket.Upgrader{
		HandshakeTimeout: 10 * time.Second,
		ReadBufferSize:   4096,
		WriteBufferSize:  4096,
		CheckOrigin:      sameOrigin,
		Error: func(w http.ResponseWriter, r *http.Request, status int, reason error) {
			e := errBadRequest.WithMessage("this is a websocket endpoint: " + reason.Error())
			if status == http.StatusForbidden {
				e = errBadOrigin
			}
			writeErrorJSON(w, status, e)
		},
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u := userFrom(r.Context()) // routes.go lets only a logged-in user in
		o := owner{userID: u.ID, sessionHash: sessionFrom(r.Context())}
		expires, err := d.users.SessionExpires(r.Context(), o.sessionHash)
		if errors.Is(err, openline.ErrNotFound) {
			err = errUnauthorized // logged out since the request was authenticated
		}
		if err != nil {
			writeError(d.log, w, r, err)
			return
		}
		o.expires = expires
		ws, err := up.Upgrade(w, r, nil)
		if err != nil {
			return // the upgrader has answered
		}
		s := newSocket(ws, d.log)
		s.owner = o
		ws.SetReadLimit(maxFrameBytes)
		go s.writeLoop()
		if !d.sockets.add(s) {
			s.sendError(errWSShutdown)
			s.stop(closeGoingAway, shutdownReason, true)
			s.drain()
			s.endRead()
			<-s.done
			return
		}
		defer d.sockets.remove(s)
		defer func() {
			if v := recover(); v != nil {
				d.panicked(s, v)
				s.endRead()
				<-s.done
			}
		}()
		// The socket's context: the turn running beside the reader is
		// cancelled with it when the socket goes.
		ctx, cancel := context.WithCancel(context.WithoutCancel(r.Context()))
		defer cancel()
		runSocket(ctx, d, s, u, r)
		s.endRead()
		<-s.done
	})
}

// panicked handles a panic on a socket's goroutine (a bug): no panic
// reaches a user. It closes the socket with 1011; the call is released
// and can be resumed.
func (d wsDeps) panicked(s *socket, v any) {
	d.log.Error("panic in call socket", "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
	s.sendError(errInternal)
	s.stop(closeInternal, "internal error", true)
}

// speaker runs the prospect's turns of one socket beside its reader, one
// at a time, as gorilla's chat example keeps its read pump to reading: the
// reader hands a turn over and goes on reading, so that a hang-up or a
// closed socket is noticed at once and cancels the turn (and with it an
// upstream request nobody would hear).
type speaker struct {
	ctx context.Context // the socket's; cancelled when it goes
	d   wsDeps
	s   *socket

	speaking atomic.Bool // the prospect has not finished speaking
	cancel   context.CancelFunc

	mu       sync.Mutex    // guards done and draining against drain
	done     chan struct{} // closed when the last turn's goroutine has returned
	draining bool          // the server shuts down: no new turn starts
}

// What start answers when it runs nothing.
var (
	errSpeaking = errors.New("the prospect is speaking")
	errDraining = errors.New("the server is shutting down")
)

// start runs turn in its own goroutine with a context that stop or the
// socket's going cancels, and that times out after turnTimeout. It runs
// nothing, and returns errSpeaking, while the prospect is still speaking,
// or errDraining once the server shuts down. A turn whose reply is out
// but whose last frames are being queued is waited for (that takes
// microseconds: queueing never blocks), so frames never interleave. Only
// the reader calls start and stop.
func (sp *speaker) start(turn func(ctx context.Context, spoken func())) error {
	if sp.speaking.Load() {
		return errSpeaking
	}
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if sp.draining {
		return errDraining
	}
	if sp.done != nil {
		<-sp.done
	}
	ctx, cancel := context.WithTimeout(sp.ctx, turnTimeout)
	done := make(chan struct{})
	sp.speaking.Store(true)
	sp.cancel, sp.done = cancel, done
	spoken := func() { sp.speaking.Store(false) }
	go func() {
		defer close(done)
		defer cancel()
		defer spoken()
		defer func() {
			if v := recover(); v != nil {
				sp.d.panicked(sp.s, v)
			}
		}()
		turn(ctx, spoken)
	}()
	return nil
}

// drain lets no new turn start and waits until the running one, if any,
// has finished, or wait has passed. It may run beside the reader.
func (sp *speaker) drain(wait time.Duration) {
	sp.mu.Lock()
	sp.draining = true
	done := sp.done
	sp.mu.Unlock()
	if done == nil {
		return
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
	}
}

// stop cancels the running turn, if any, and waits until its goroutine
// has returned.
func (sp *speaker) stop() {
	sp.mu.Lock()
	done, cancel := sp.done, sp.cancel
	sp.mu.Unlock()
	if done == nil {
		return
	}
	cancel()
	<-done
}

// runSocket places or resumes the call and reads frames until the socket
// goes; it releases the call when it returns.
func runSocket(ctx context.Context, d wsDeps, s *socket, u *openline.User, r *http.Request) {
	q := r.URL.Query()
	var c *call.Call
	var err error
	if q.Has("draft") && q.Get("resume") == "" {
		c, err = startDraftCall(ctx, d, u, q.Get("draft"), q.Get("engine")) // authoring.go
	} else {
		c, err = openCall(ctx, d, u, q.Get("resume"), q.Get("scenario"), q.Get("engine"))
	}
	if err != nil {
		s.sendError(d.public(err))
		if errors.Is(err, call.ErrInUse) {
			// Another socket holds the call; it may be a dead one the
			// server has not noticed yet, so the client may retry.
			s.stop(closeTryLater, "call in use", true)
		} else if errors.Is(err, call.ErrServerFull) {
			// Refused cleanly at the limit: the client may try later.
			s.stop(closeTryLater, "server full", true)
		} else {
			s.stop(closePolicy, "call not available", true)
		}
		s.drain()
		return
	}
	defer d.calls.Release(c)
	// Everything this socket logs names its call.
	d.log = d.log.With("call", c.ID(), "user", u.ID)
	d.log.Info("call socket open", "resumed", q.Get("resume") != "")
	defer d.log.Info("call socket closed")

	cf := callFrame{Type: "call", CallID: c.ID(), Engine: c.Engine(), Scenario: toScenarioJSON(c.Scenario(), nil), First: "prospect", Fallback: c.FellBack()}
	if c.TraineeFirst() {
		cf.First = "trainee"
	}
	if q.Get("resume") != "" {
		cf.Turns = []turnJSON{}
	}
	names := c.SpeakerNames()
	for i, t := range c.Turns() {
		cf.Turns = append(cf.Turns, turnJSON{Speaker: t.Speaker, Text: t.Text, SpeakerName: names[i]})
	}
	sp := &speaker{ctx: ctx, d: d, s: s}
	if s.voice = newVoiceConn(d, s, c, sp); s.voice != nil {
		cf.Voice = s.voice.info()
		c.SetProspectClock(s.voice.span)
		defer c.SetProspectClock(nil)
		defer s.voice.silence()
	}
	s.enqueue(cf)
	s.sp.Store(sp)
	defer sp.stop() // before the call is released
	switch {
	case c.Ended() != nil:
	case !c.Opened() && c.TraineeFirst():
		// The phone rings at the trainee: the caller waits for their
		// first say.
	case !c.Opened():
		sp.start(d.turn(s, c, time.Time{}, c.Open))
	case c.Unanswered():
		// The socket went before the prospect said a word to the last
		// turn: they answer it now.
		sp.start(d.turn(s, c, time.Time{}, c.Answer))
	}

	ws := s.ws
	ws.SetPongHandler(func(string) error { return ws.SetReadDeadline(time.Now().Add(pongWait)) })
	limit := newFrameLimit(d.now())
	for {
		if err := ws.SetReadDeadline(time.Now().Add(pongWait)); err != nil {
			s.stop(closeReadFailed, "", false)
			return
		}
		typ, data, err := ws.ReadMessage()
		if err != nil {
			// The peer closed, vanished, or sent a frame over the read
			// limit (gorilla has then written close 1009).
			s.stop(closeReadFailed, "", false)
			return
		}
		received := time.Now()
		if s.stopped() || !s.owner.holds(d.now()) {
			// Logged out, expired or closed meanwhile: the frame is
			// not taken.
			s.endSession()
			s.drain()
			return
		}
		if !s.admit(limit, d.now()) {
			continue // too many frames (framelimit.go)
		}
		if s.voice.handle(typ, data, received) {
			continue // a voice frame (ws_voice.go)
		}
		f, perr := parseClientFrame(typ == websocket.TextMessage, data)
		if perr != nil {
			s.sendError(*perr)
			continue
		}
		switch f.Type {
		case "say":
			text := *f.Text
			say := func(ctx context.Context, stream persona.Stream) (*call.Reply, error) {
				return c.Say(ctx, text, stream)
			}
			switch sp.start(d.turn(s, c, received, say)) {
			case errSpeaking:
				s.sendError(errWSSpeaking)
			case errDraining:
				s.sendError(errWSShutdown)
			}
		case "hangup":
			sp.stop() // the prospect stops speaking: they are hung up on
			tctx, cancel := context.WithTimeout(ctx, turnTimeout)
			end, err := c.Hangup(tctx)
			cancel()
			if end != nil {
				d.sendEnd(s, end)
			}
			if err != nil {
				s.sendError(d.public(err))
			}
		}
	}
}

// parseClientFrame parses one client frame; text says whether it came as a
// text frame. A frame it returns is a say with a text or a hangup; any
// other frame is the error to send back.
func parseClientFrame(text bool, data []byte) (clientFrame, *openline.Error) {
	var f clientFrame
	if !text || !utf8.Valid(data) {
		return f, &errWSBinary
	}
	if err := json.Unmarshal(data, &f); err != nil || f.Type == "" {
		return f, &errWSInvalidJSON
	}
	switch f.Type {
	case "say":
		if f.Text == nil {
			return f, &errWSMissingText
		}
	case "hangup":
	default:
		return f, &errWSUnknownType
	}
	return f, nil
}

// openCall places a new call or resumes one. The manager checks the
// scenario and the engine; an engine it does not have that exists on other
// servers (llm) is engine_unavailable rather than unknown_engine.
func openCall(ctx context.Context, d wsDeps, u *openline.User, resume, scenarioID, engine string) (*call.Call, error) {
	if resume != "" {
		return d.calls.Resume(ctx, u, resume)
	}
	return startCall(engine, func(e openline.EngineName) (*call.Call, error) { return d.calls.Start(ctx, u, scenarioID, e) })
}

// startCall starts a call with start on the engine asked for (scripted
// when none); an engine this server has not got that exists on others
// (llm) is engine_unavailable rather than unknown_engine.
func startCall(engine string, start func(openline.EngineName) (*call.Call, error)) (*call.Call, error) {
	if engine == "" {
		engine = string(openline.EngineScripted)
	}
	c, err := start(openline.EngineName(engine))
	if errors.Is(err, call.ErrUnknownEngine) && engine == string(openline.EngineLLM) {
		return nil, errWSEngineUnavail
	}
	return c, err
}

// turn makes one prospect turn (the opening, an answer, or the reply to a
// say) into the work a speaker runs: deltas while the prospect speaks,
// then reply once it is stored, then, when the prospect ended the call,
// the hang-up and scorecard once it is scored. A turn cancelled by a hang-up or the socket
// going sends no error: the hang-up answers for itself, and nobody hears
// the rest.
func (d wsDeps) turn(s *socket, c *call.Call, received time.Time, speak func(context.Context, persona.Stream) (*call.Reply, error)) func(context.Context, func()) {
	return func(ctx context.Context, spoken func()) {
		dl := deltas{s: s, speaker: c.NextSpeaker()}
		// The words leave as reply.delta frames (and, in a spoken call,
		// as speech).
		stream := s.voice.speak(dl.add, dl.speaker)
		var reply *call.Reply
		var err error
		if c.Immediate() && s.voice == nil {
			// The whole reply is there at once (the scripted engine):
			// it leaves as one reply.delta, queued with the reply,
			// rather than as the pieces the engine would stream. A
			// spoken call streams on: the speech of the reply is under
			// way before the turn is stored with its times
			// (call.ProspectClock).
			if reply, err = speak(ctx, nil); reply != nil && reply.Text != "" {
				stream(reply.Text)
			}
		} else {
			reply, err = speak(ctx, stream)
		}
		s.voice.spoken()
		spoken()
		cancelled := err != nil && errors.Is(err, context.Canceled) && ctx.Err() != nil
		if reply == nil {
			if !cancelled {
				s.sendError(d.public(err))
			}
			return
		}
		if reply.LLM != nil && reply.LLM.Fault != "" {
			s.sendError(errWSFallback)
		}
		// The reply frame goes after every delta: enqueue sends the words
		// not yet sent first.
		s.enqueue(replyFrame{Type: "reply", Turn: reply.Turn, Text: reply.Text, SpeakerName: reply.SpeakerName, TransferTo: reply.TransferTo})
		d.metrics.observeLLM(reply.LLM)
		engine := string(c.Engine())
		d.metrics.turns.WithLabelValues(engine).Inc()
		if !received.IsZero() {
			d.metrics.turnLatency.WithLabelValues(engine).Observe(time.Since(received).Seconds())
		}
		if reply.End != nil {
			// The prospect hung up: scored after the reply has left.
			end, ferr := c.Finish(ctx)
			if end != nil {
				d.sendEnd(s, end)
			}
			if ferr != nil {
				s.sendError(d.public(ferr))
			}
		}
		if err != nil && !cancelled {
			s.sendError(d.public(err))
		}
	}
}

// sendEnd sends the hang-up and the scorecard of an ended call.
func (d wsDeps) sendEnd(s *socket, e *call.End) {
	s.enqueue(hangupFrame{Type: "hangup", By: e.By, Reason: string(e.Outcome), Outcome: e.Outcome, NextStep: e.NextStep})
	if e.Card != nil {
		s.enqueue(scorecardFrame{Type: "scorecard", Scorecard: e.Card})
	}
}

// public turns err into what the client may see, by the same rule as the
// API's answers (publicError); internal errors are logged here, once.
func (d wsDeps) public(err error) openline.Error {
	pe, internal := publicError(err)
	if internal {
		d.log.Error("call socket", "err", err)
	}
	return pe
}
