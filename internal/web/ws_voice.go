package web

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/gorilla/websocket"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/openline/openline/internal/call"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
	"github.com/openline/openline/internal/voice"
)

// Limits of the trainee's audio (docs/protocol.md, "Voice").
const (
	// maxSpeechBytes is the most audio of one spoken turn: 60 s.
	maxSpeechBytes = 60 * voice.BytesPerSecond
	// audioRate and audioBurst bound how fast audio may come: twice real
	// time on average, with 2 s of audio at once (after a stall).
	audioRate  = 2 * voice.BytesPerSecond
	audioBurst = 2 * voice.BytesPerSecond
	// maxSilenceMS bounds the silence a speech.stop says it waited for.
	maxSilenceMS = 10_000
	// browserCharsPerSecond estimates how fast a browser's own speech
	// speaks, for the times of a prospect turn it speaks: 14 characters
	// a second is about 150 words a minute.
	browserCharsPerSecond = 14
	// spanWait bounds how long the times of a spoken prospect turn wait
	// for its last sentence's audio.
	spanWait = 3 * time.Second
)

// Errors of the voice frames (docs/protocol.md, "Voice"); the call goes on
// after each.
var (
	errVoiceOff      = openline.Error{Kind: openline.KindUnavailable, Code: "voice_unavailable", Message: "this server has no speech recognition configured; type the turn"}
	errAudioOutside  = openline.Error{Kind: openline.KindInvalid, Code: "invalid_frame", Message: "audio frames only between speech.start and speech.stop"}
	errAudioTooLong  = openline.Error{Kind: openline.KindInvalid, Code: "audio_too_long", Message: "a spoken turn may have at most 60 s of audio; this one is dropped"}
	errAudioTooFast  = openline.Error{Kind: openline.KindInvalid, Code: "audio_too_fast", Message: "audio came faster than twice real time; this turn is dropped"}
	errSTTFailed     = openline.Error{Kind: openline.KindUnavailable, Code: "stt_unavailable", Message: "the speech recognition failed; the turn is not taken, say it again or type it"}
	errTTSFailed     = openline.Error{Kind: openline.KindUnavailable, Code: "tts_unavailable", Message: "the speech server failed; the reply's text comes as usual"}
	errNotUnderstood = openline.Error{Kind: openline.KindInvalid, Code: "not_understood", Message: "no words were recognised; nothing is stored"}
)

// Voice frames, server → client.
type (
	voiceInfo struct {
		In       bool   `json:"in"`                 // the server transcribes speech
		Partials bool   `json:"partials,omitempty"` // transcript.partial frames come while the trainee speaks
		Out      string `json:"out"`                // "server": audio frames come; "browser": the client speaks
		Voice    string `json:"voice,omitempty"`    // the persona's TTS voice (scenario tts_voice)
	}
	partialFrame struct {
		Type string `json:"type"` // "transcript.partial"
		Text string `json:"text"` // what the trainee said so far
	}
	transcriptFrame struct {
		Type    string `json:"type"` // "transcript.final"
		Text    string `json:"text"`
		StartMS int64  `json:"start_ms"`
		EndMS   int64  `json:"end_ms"`
		Review  bool   `json:"review,omitempty"` // nothing is stored until the client's say
	}
	audioFrame struct {
		Type       string `json:"type"` // "audio"
		Seq        int    `json:"seq"`  // the sentence's place in the prospect's turn, from 0
		Text       string `json:"text"` // the sentence spoken
		Format     string `json:"format"`
		DurationMS int64  `json:"duration_ms,omitempty"`
		Data       []byte `json:"data"` // base64 in JSON
	}
	bargeInFrame struct {
		Type string `json:"type"` // "barge_in"
		Turn int    `json:"turn"` // the prospect's turn spoken over, -1 when they had said nothing yet
	}
)

// spoken is a trainee's spoken turn: when, and its audio.
type spoken struct {
	span call.Span
	pcm  []byte
}

// voiceFrame is a voice frame from the client.
type voiceFrame struct {
	Type      string  `json:"type"`
	Text      *string `json:"text"`
	Review    bool    `json:"review"`     // speech.stop: send the transcript back to be confirmed
	SilenceMS int     `json:"silence_ms"` // speech.stop: the silence waited for before stopping
}

// voiceConn is the voice side of one call socket: the trainee's speech in
// (reader only: speech.start, audio frames, speech.stop) and the
// prospect's speech out (speech, below).
type voiceConn struct {
	d    wsDeps
	s    *socket
	c    *call.Call
	sp   *speaker
	svc  *voice.Service
	lang string

	// The trainee's speech, touched by the reader only.
	talking  bool
	from     time.Time // speech.start
	pcm      []byte
	dropped  bool // this speech broke a limit: the rest is ignored
	tokens   float64
	refilled time.Time
	partAt   int // the audio's length at the last partial transcript

	// speech counts the speeches (each start and stop moves it): a
	// partial transcript of an earlier one is not sent. partial is set
	// while one is being made (one at a time).
	speech  atomic.Int64
	partial atomic.Bool

	// held is set while the trainee's earlier turn waits for its answer:
	// they went on speaking before the prospect said a word (start), so
	// the prospect waits to hear the rest. Touched by the reader only.
	held bool

	mu      sync.Mutex
	pending *spoken // a transcript sent for review waits for the say
	out     *speech // the prospect's turn being spoken
	lastOut *speech // the last one, while its audio may still play
}

// newVoiceConn returns the voice side of s for c, nil when the server
// speaks no voice (the socket then is text only, as in v1).
func newVoiceConn(d wsDeps, s *socket, c *call.Call, sp *speaker) *voiceConn {
	if d.voice == nil || (d.voice.STT == nil && d.voice.TTS == nil) {
		return nil
	}
	return &voiceConn{d: d, s: s, c: c, sp: sp, svc: d.voice, lang: string(c.Scenario().Language)}
}

// info is the call frame's voice field.
func (v *voiceConn) info() *voiceInfo {
	if v == nil {
		return nil
	}
	in := &voiceInfo{In: v.svc.STT != nil, Partials: v.svc.STT != nil && v.svc.Partials, Out: "browser"}
	if v.svc.TTS != nil {
		in.Out = "server"
		in.Voice = v.c.Scenario().Persona.TTSVoice
	}
	return in
}

// handle takes a voice frame from the read loop: audio, speech.start,
// speech.stop, and a say that confirms a reviewed transcript. It returns
// false for every other frame, which the read loop handles as in v1.
func (v *voiceConn) handle(typ int, data []byte, received time.Time) bool {
	if v == nil {
		return false
	}
	if typ == websocket.BinaryMessage {
		v.audio(data, received)
		return true
	}
	if !utf8.Valid(data) {
		return false
	}
	var f voiceFrame
	if json.Unmarshal(data, &f) != nil {
		return false
	}
	switch f.Type {
	case "speech.start":
		v.start(received)
	case "speech.stop":
		v.stop(f, received)
	case "say":
		return v.confirm(f, received)
	case "hangup":
		v.silence() // the prospect stops speaking; the read loop hangs up
		return false
	default:
		return false
	}
	return true
}

// start is speech.start: the trainee begins to speak, and the prospect
// makes way (floor). at is when the frame came (for the audio rate); turn
// times come from the server's clock.
func (v *voiceConn) start(at time.Time) {
	if v.svc.STT == nil {
		v.s.sendError(errVoiceOff)
		return
	}
	v.mu.Lock()
	v.pending = nil // a transcript under review is dropped: they say it again
	v.mu.Unlock()
	now := v.d.now()
	v.speech.Add(1)
	v.talking, v.from, v.pcm, v.dropped, v.partAt = true, now, v.pcm[:0], false, 0
	v.tokens, v.refilled = audioBurst, at
	v.floor(now)
}

// floor makes way for the trainee, who speaks (speech.start) or has just
// spoken (speech.stop, when the prospect started meanwhile). While the
// prospect is heard, that is a barge-in: they stop (generation and speech
// cancelled), and the words they had said are their turn. While the
// trainee's turn is stored and the prospect is still thinking about it
// (no word out), the trainee goes on speaking: the prospect waits to hear
// the rest, as a person would. The answer is cancelled before a word of
// it; the earlier turn stays stored, unanswered, and is answered with the
// next (stop), or alone when that brings no words. Before the opening's
// first word, or while their own turn is still being transcribed,
// nothing is cancelled (docs/protocol.md, "Barge-in").
func (v *voiceConn) floor(now time.Time) {
	switch {
	case v.prospectAudible(now):
		v.sp.stop() // the reply with the words said so far is sent
		v.silence()
		turn := -1
		if ts := v.c.Turns(); len(ts) > 0 && ts[len(ts)-1].Speaker == openline.Prospect {
			turn = len(ts) - 1
		}
		v.s.enqueue(bargeInFrame{Type: "barge_in", Turn: turn})
		v.d.metrics.voice.bargeIns.Inc()
		v.d.log.Info("barge-in", "turn", turn)
	case v.c.AwaitingAnswer():
		v.sp.stop()
		v.silence()
		v.held = v.held || v.c.Unanswered()
		v.d.log.Info("trainee speaks on", "held", v.held)
	}
}

// answerHeld has the prospect answer the trainee's earlier turn, held
// while they went on speaking, when the speech after it brought no turn.
// The reader calls it; inside a turn's work, use answerHeldNow.
func (v *voiceConn) answerHeld(at time.Time) {
	if !v.held {
		return
	}
	v.held = false
	v.refused(v.sp.start(v.d.turn(v.s, v.c, at, v.c.Answer)))
}

// answerHeldNow is answerHeld as the rest of a running turn's work.
func (v *voiceConn) answerHeldNow(held bool, at time.Time, ctx context.Context, done func()) {
	if !held || !v.c.Unanswered() {
		done()
		return
	}
	v.d.turn(v.s, v.c, at, v.c.Answer)(ctx, done)
}

// prospectAudible reports whether the prospect is heard at at: they have
// said words of a turn still being produced, or its audio still plays.
func (v *voiceConn) prospectAudible(at time.Time) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	for _, o := range []*speech{v.out, v.lastOut} {
		if o != nil && o.audibleAt(at) {
			return true
		}
	}
	return false
}

// silence stops the prospect's speech (audio requests cancelled).
func (v *voiceConn) silence() {
	v.mu.Lock()
	out, last := v.out, v.lastOut
	v.lastOut = nil
	v.mu.Unlock()
	for _, o := range []*speech{out, last} {
		if o != nil {
			o.cancel()
		}
	}
}

// audio is one binary frame of the trainee's PCM.
func (v *voiceConn) audio(b []byte, at time.Time) {
	if !v.talking {
		v.s.sendError(errAudioOutside)
		return
	}
	if v.dropped {
		return
	}
	v.tokens += at.Sub(v.refilled).Seconds() * audioRate
	v.refilled = at
	if v.tokens > audioBurst {
		v.tokens = audioBurst
	}
	v.tokens -= float64(len(b))
	switch {
	case v.tokens < 0:
		v.drop(errAudioTooFast)
	case len(v.pcm)+len(b) > maxSpeechBytes:
		v.drop(errAudioTooLong)
	default:
		v.pcm = append(v.pcm, b...)
		v.partialTranscript()
	}
}

// partialTranscript transcribes the speech so far beside the reader, when
// partials are on, enough new audio has come and none is being made; its
// text goes out as transcript.partial unless the speech is over by then.
func (v *voiceConn) partialTranscript() {
	if !v.svc.Partials || len(v.pcm)-v.partAt < int(voice.PartialEvery/time.Millisecond)*voice.BytesPerSecond/1000 || !v.partial.CompareAndSwap(false, true) {
		return
	}
	v.partAt = len(v.pcm)
	pcm, seq := append([]byte(nil), v.pcm...), v.speech.Load()
	go func() {
		defer v.partial.Store(false)
		text, err := v.svc.STT.Transcribe(v.sp.ctx, pcm, v.lang)
		if err != nil || text == "" || v.speech.Load() != seq {
			return // a failed partial is no error: the final one counts
		}
		v.s.enqueue(partialFrame{Type: "transcript.partial", Text: clipRunes(text, call.MaxTurnChars)})
	}()
}

func (v *voiceConn) drop(e openline.Error) {
	v.dropped, v.pcm = true, nil
	v.s.sendError(e)
	v.answerHeld(time.Now())
}

// stop is speech.stop: the trainee's turn is over. The server transcribes
// it beside the reader, then (unless the client reviews it first) it is
// the trainee's turn, stored with when it was spoken.
func (v *voiceConn) stop(f voiceFrame, at time.Time) {
	// at is when the frame came, for the turn latency metric.
	if !v.talking {
		v.s.sendError(errAudioOutside)
		return
	}
	v.talking = false
	v.speech.Add(1) // no partial of this speech goes out after its end
	if v.dropped {
		return
	}
	if v.sp.speaking.Load() {
		v.floor(v.d.now()) // the prospect began while the trainee spoke
	}
	pcm := append([]byte(nil), v.pcm...)
	v.pcm = v.pcm[:0]
	held := v.held
	v.held = false
	// The audio comes in real time from speech.start: its end, less the
	// silence the client waited for, is when the trainee stopped.
	silence := time.Duration(min(max(f.SilenceMS, 0), maxSilenceMS)) * time.Millisecond
	end := v.from.Add(max(voice.PCMDuration(len(pcm))-silence, 0))
	span := call.Span{StartMS: max(v.c.Since(v.from), 0), EndMS: max(v.c.Since(end), 0)}
	err := v.sp.start(func(ctx context.Context, done func()) {
		t0 := time.Now()
		text, err := v.svc.STT.Transcribe(ctx, pcm, v.lang)
		v.d.metrics.voice.stt.Observe(time.Since(t0).Seconds())
		if err != nil {
			if ctx.Err() == nil || !errors.Is(err, context.Canceled) {
				v.d.log.Warn("transcription failed", "err", err) // never the key: voice.Error scrubs it
				v.d.metrics.voice.errors.WithLabelValues("stt").Inc()
				v.s.sendError(errSTTFailed)
				v.answerHeldNow(held, at, ctx, done)
				return
			}
			done()
			return
		}
		text = clipRunes(text, call.MaxTurnChars)
		v.s.enqueue(transcriptFrame{Type: "transcript.final", Text: text, StartMS: span.StartMS, EndMS: span.EndMS, Review: f.Review})
		if text == "" {
			v.s.sendError(errNotUnderstood)
			v.answerHeldNow(held, at, ctx, done)
			return
		}
		if f.Review {
			v.mu.Lock()
			v.pending = &spoken{span, pcm}
			v.mu.Unlock()
			done()
			return
		}
		v.d.turn(v.s, v.c, at, v.say(text, spoken{span, pcm}))(ctx, done)
	})
	v.refused(err)
}

// refused answers a turn the speaker did not start.
func (v *voiceConn) refused(err error) bool {
	switch err {
	case errSpeaking:
		v.s.sendError(errWSSpeaking)
	case errDraining:
		v.s.sendError(errWSShutdown)
	default:
		return false
	}
	return true
}

// confirm takes a say that confirms (or corrects) a transcript sent for
// review: it is stored with the times of the speech. Without one waiting,
// the say is the read loop's, as in v1.
func (v *voiceConn) confirm(f voiceFrame, received time.Time) bool {
	v.mu.Lock()
	p := v.pending
	v.mu.Unlock()
	if p == nil || f.Text == nil {
		return false
	}
	err := v.sp.start(v.d.turn(v.s, v.c, received, v.say(*f.Text, *p)))
	if !v.refused(err) {
		v.mu.Lock()
		v.pending = nil
		v.mu.Unlock()
	}
	return true
}

// say is the trainee's spoken turn as the work of a turn: it is stored with
// its times, and its audio kept when the server keeps recordings.
func (v *voiceConn) say(text string, sp spoken) func(context.Context, persona.Stream) (*call.Reply, error) {
	return func(ctx context.Context, stream persona.Stream) (*call.Reply, error) {
		idx := len(v.c.Turns()) // the index the turn gets once stored
		r, err := v.c.SayAt(ctx, text, sp.span, stream)
		if rec := v.d.recordings; rec != nil {
			if ts := v.c.Turns(); idx < len(ts) && ts[idx].Speaker == openline.Trainee {
				if serr := rec.Save(v.c.ID(), idx, sp.pcm); serr != nil {
					v.d.log.Error("keep recording", "err", serr)
				}
			}
		}
		return r, err
	}
}

// clipRunes cuts s to at most n runes.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// speak wraps the stream of a prospect turn so that its sentences are
// spoken as they complete (see speech); without voice it is stream.
func (v *voiceConn) speak(stream persona.Stream, speakerName string) persona.Stream {
	if v == nil {
		return stream
	}
	o := v.newSpeech(speakerName)
	v.mu.Lock()
	if v.out != nil {
		if v.lastOut != nil {
			v.lastOut.cancel() // two turns ago: long heard
		}
		v.lastOut = v.out
	}
	v.out = o
	v.mu.Unlock()
	return func(delta string) {
		stream(delta)
		o.add(delta)
	}
}

// spoken ends the prospect turn's text: its last sentence is spoken.
func (v *voiceConn) spoken() {
	if v == nil {
		return
	}
	v.mu.Lock()
	o := v.out
	v.mu.Unlock()
	if o != nil {
		o.finish()
	}
}

// span is the call's ProspectClock: when the prospect's turn just
// complete is heard. With server speech, from the first audio sent to
// the end of its audio (waiting up to spanWait for the last sentence's);
// with the browser's speech, from the first words sent for the time the
// text takes at browserCharsPerSecond.
func (v *voiceConn) span(ctx context.Context, text string) (call.Span, bool) {
	v.mu.Lock()
	o := v.out
	v.mu.Unlock()
	if o == nil {
		return call.Span{}, false
	}
	o.finish()
	first, total, ok := o.wait(ctx, spanWait)
	if !ok {
		return call.Span{}, false
	}
	if v.svc.TTS == nil {
		total = time.Duration(utf8.RuneCountInString(text)) * time.Second / browserCharsPerSecond
	}
	o.setEnd(first.Add(total))
	start := max(v.c.Since(first), 0)
	return call.Span{StartMS: start, EndMS: start + total.Milliseconds()}, true
}

// speech is the spoken side of one prospect turn: its text is cut into
// sentences as it streams; each sentence is sent to the speech server at
// once and its audio goes to the client in order, so the first sentence
// plays while the rest is still being written. Without a speech server it
// only notes when the first words went out (the browser speaks them).
type speech struct {
	now    func() time.Time
	ctx    context.Context
	cancel context.CancelFunc
	tts    *voice.TTS
	voice  string
	s      *socket
	log    *slog.Logger
	m      *voiceMetrics

	mu        sync.Mutex
	sentences voice.Sentences
	seq       int
	prev      chan struct{} // closed when the previous sentence is out
	first     time.Time     // when the first words (or audio) went out
	total     time.Duration // the audio sent so far
	end       time.Time     // when the turn stops being heard, once known
	finished  bool
	failed    bool // one tts_unavailable per turn
	wg        sync.WaitGroup
}

func (v *voiceConn) newSpeech(speakerName string) *speech {
	ctx, cancel := context.WithCancel(v.sp.ctx)
	o := &speech{now: v.d.now, ctx: ctx, cancel: cancel, tts: v.svc.TTS, s: v.s, log: v.d.log, m: v.d.metrics.voice, prev: closedChan()}
	sc := v.c.Scenario()
	o.voice = sc.Persona.TTSVoice
	if g := sc.Gatekeeper; g != nil && speakerName == g.Name && g.TTSVoice != "" {
		o.voice = g.TTSVoice
	}
	return o
}

func closedChan() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}

// add takes a piece of the turn's text.
func (o *speech) add(delta string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.first.IsZero() && strings.TrimSpace(delta) != "" && o.tts == nil {
		o.first = o.now()
	}
	for _, s := range o.sentences.Add(delta) {
		o.say(s)
	}
}

// finish speaks what is left of the text; later calls do nothing.
func (o *speech) finish() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.finished {
		return
	}
	o.finished = true
	if rest := o.sentences.Flush(); rest != "" {
		o.say(rest)
	}
}

// say asks for one sentence's audio now and sends it after the previous
// sentence's. o.mu is held.
func (o *speech) say(sentence string) {
	if o.tts == nil {
		return
	}
	seq, prev, next := o.seq, o.prev, make(chan struct{})
	o.seq++
	o.prev = next
	o.wg.Add(1)
	go func() {
		defer o.wg.Done()
		defer close(next)
		t0 := time.Now()
		a, err := o.tts.Speak(o.ctx, sentence, o.voice)
		select {
		case <-prev:
		case <-o.ctx.Done():
			return
		}
		if o.ctx.Err() != nil {
			return // barged in on or hung up: nobody hears it
		}
		if err != nil {
			o.mu.Lock()
			report := !o.failed
			o.failed = true
			o.mu.Unlock()
			o.log.Warn("speech failed", "err", err)
			o.m.errors.WithLabelValues("tts").Inc()
			if report {
				o.s.sendError(errTTSFailed)
			}
			return
		}
		o.m.tts.Observe(time.Since(t0).Seconds())
		o.s.enqueue(audioFrame{Type: "audio", Seq: seq, Text: sentence, Format: a.Format, DurationMS: a.Duration.Milliseconds(), Data: a.Data})
		o.mu.Lock()
		if o.first.IsZero() {
			o.first = o.now()
		}
		o.total += a.Duration
		o.mu.Unlock()
	}()
}

// wait waits (up to d, or ctx) until every sentence's audio is out, and
// returns when the first went out and how long they last together.
func (o *speech) wait(ctx context.Context, d time.Duration) (time.Time, time.Duration, bool) {
	done := make(chan struct{})
	go func() { o.wg.Wait(); close(done) }()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-done:
	case <-ctx.Done():
	case <-t.C:
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.first, o.total, !o.first.IsZero()
}

func (o *speech) setEnd(t time.Time) {
	o.mu.Lock()
	o.end = t
	o.mu.Unlock()
}

// audibleAt reports whether the prospect is heard at t: words of this turn
// are out and either it is still being produced or its audio has not
// ended by t.
func (o *speech) audibleAt(t time.Time) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.first.IsZero() || o.ctx.Err() != nil {
		return false
	}
	if o.end.IsZero() {
		return true // still being produced
	}
	return t.Before(o.end)
}

// voiceMetrics are the metrics of spoken calls.
type voiceMetrics struct {
	stt, tts prometheus.Histogram
	errors   *prometheus.CounterVec // upstream failures, by side: stt, tts
	bargeIns prometheus.Counter
}

func newVoiceMetrics(reg *prometheus.Registry) *voiceMetrics {
	buckets := []float64{.05, .1, .25, .5, 1, 2, 3, 5, 10, 15}
	m := &voiceMetrics{
		stt: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "openline_stt_seconds", Help: "Time of one transcription of a spoken trainee turn.", Buckets: buckets,
		}),
		tts: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "openline_tts_seconds", Help: "Time of one sentence's speech from the speech server.", Buckets: buckets,
		}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "openline_voice_errors_total", Help: "Failed speech requests (the call went on), by side: stt, tts.",
		}, []string{"side"}),
		bargeIns: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "openline_barge_ins_total", Help: "Times a trainee spoke while the prospect was speaking, stopping them.",
		}),
	}
	reg.MustRegister(m.stt, m.tts, m.errors, m.bargeIns)
	return m
}
