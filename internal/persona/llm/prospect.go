package llm

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
)

// prospect is one LLM prospect: the scripted referee decides, the model
// speaks. Not safe for concurrent use (persona.Prospect).
type prospect struct {
	e   *Engine
	sc  *openline.Scenario
	ref persona.Prospect

	history  []message // the conversation: user = trainee, assistant = prospect
	revealed []string  // needs unlocked before the turn being spoken
	voice    *openline.Persona
	// fault is set once the model failed: the rest of the call is
	// scripted, with the referee's own words.
	fault string
	// pending is a decision whose words were cancelled before any was
	// spoken: asked again with the same text, the prospect says it
	// without deciding twice.
	pending *decision
}

// decision is what the referee decided for one turn.
type decision struct {
	said    string // the trainee's turn ("" for the opening)
	opening bool
	reply   persona.Reply // the referee's reply: its words are the gist
	state   openline.ProspectState
	gist    string
	reveals []string
	hangup  bool
}

func (p *prospect) State() openline.ProspectState { return p.ref.State() }

func (p *prospect) Open(ctx context.Context, stream persona.Stream) (persona.Reply, error) {
	if p.pending != nil && p.pending.opening {
		return p.speak(ctx, p.pending, stream)
	}
	p.voice = p.speaker()
	r, err := p.ref.Open(ctx, nil)
	if err != nil {
		return persona.Reply{}, err
	}
	return p.speak(ctx, p.decided(r, "", true), stream)
}

func (p *prospect) Respond(ctx context.Context, said string, stream persona.Stream) (persona.Reply, error) {
	if d := p.pending; d != nil && !d.opening && d.said == said {
		return p.speak(ctx, d, stream)
	}
	if p.pending != nil {
		// The trainee spoke again over an unanswered turn: that turn
		// stays in the history with the referee's words for it.
		p.history = append(p.history, message{"user", p.pending.said}, message{"assistant", p.pending.gist})
		p.pending = nil
	}
	p.voice = p.speaker()
	r, err := p.ref.Respond(ctx, said, nil)
	if err != nil {
		return persona.Reply{}, err
	}
	return p.speak(ctx, p.decided(r, said, false), stream)
}

// Replay brings the prospect to the point of a stored call (a server taking
// it over): the referee replays the trainee's turns, and the conversation
// the model will see is the transcript's own words. No model is asked.
func (p *prospect) Replay(ctx context.Context, turns []openline.Turn) error {
	if err := persona.Replay(ctx, p.ref, turns); err != nil {
		return err
	}
	p.history = p.history[:0]
	for _, t := range turns {
		role := "user"
		if t.Speaker == openline.Prospect {
			role = "assistant"
		}
		p.history = append(p.history, message{role, t.Text})
	}
	p.revealed = append([]string(nil), p.ref.State().Revealed...)
	p.voice = p.speaker()
	return nil
}

// speaker is who speaks in the referee's current state: the gatekeeper in
// their states, else the persona.
func (p *prospect) speaker() *openline.Persona {
	if st := p.sc.State(p.ref.State().Node); st != nil && st.Voice == "gatekeeper" && p.sc.Gatekeeper != nil {
		return p.sc.Gatekeeper
	}
	return &p.sc.Persona
}

func (p *prospect) decided(r persona.Reply, said string, opening bool) *decision {
	return &decision{said: said, opening: opening, reply: r, state: p.ref.State(), gist: r.Text, reveals: r.Reveals, hangup: r.Hangup}
}

// speak has the model say d, streaming the words that pass the guard as
// they come. On a fault it falls back to the referee's words for the rest
// of the call; when ctx is cancelled it returns what was said so far.
func (p *prospect) speak(ctx context.Context, d *decision, stream persona.Stream) (persona.Reply, error) {
	start := p.e.now()
	info := &openline.LLMTurn{Model: p.e.cfg.Model}
	out := d.reply
	out.LLM = info
	say := func(s string) {
		if stream != nil && s != "" {
			stream(s)
		}
	}
	finish := func(text string) (persona.Reply, error) {
		info.TotalMS = p.e.now().Sub(start).Milliseconds()
		if text != d.gist {
			out.TransferTo = "" // the model's words do not end with the next person's
		}
		out.Text = text
		p.pending = nil
		if !d.opening {
			p.history = append(p.history, message{"user", d.said})
		}
		p.history = append(p.history, message{"assistant", text})
		p.revealed = append([]string(nil), d.state.Revealed...)
		return out, nil
	}
	if p.fault != "" {
		info.Scripted = true
		say(d.gist)
		return finish(d.gist)
	}
	if !p.e.breaker.allow() {
		p.fellBack(info, faultBreaker, errors.New("the circuit breaker is open after repeated failures"))
		say(d.gist)
		return finish(d.gist)
	}

	who := p.voice
	if who == nil {
		who = &p.sc.Persona
	}
	instr := instructions(p.sc, who, p.revealed)
	names := []string{p.sc.Persona.Name}
	if p.sc.Gatekeeper != nil {
		names = append(names, p.sc.Gatekeeper.Name)
	}
	public := p.sc.Brief + " " + p.sc.Persona.Name + " " + p.sc.Persona.Role + " " + p.sc.Persona.Company + " " + knownFacts(&p.sc.Persona) + " " + knownFacts(p.sc.Gatekeeper) + " " + d.gist
	// The reveal of this very turn is unlocked: the guard lets it pass.
	g := newGuard(p.sc, d.state.Revealed, rules(p.sc, who), public, names, p.e.cfg.MaxReplyRunes)

	msgs := append([]message{{"system", instr}}, p.history...)
	if !d.opening {
		msgs = append(msgs, message{"user", orSilence(d.said, p.sc.Language)})
	}
	msgs = append(msgs, message{"system", turnNote(p.sc, d.state, p.revealed, *d)})

	firstBy := start.Add(p.e.cfg.FirstToken)
	wholeBy := start.Add(p.e.cfg.Whole)
	var released strings.Builder
	regenerated := false
	backoff := firstBackoff
	for {
		info.Requests++
		sp := &speech{g: g, max: p.e.cfg.MaxReplyRunes, say: func(s string) {
			if released.Len() == 0 {
				// Rounded up: a first word within the first millisecond
				// is still a first word (0 means none came).
				info.FirstTokenMS = (p.e.now().Sub(start) + time.Millisecond - 1).Milliseconds()
			}
			released.WriteString(s)
			say(s)
		}}
		firstLeft := firstBy.Sub(p.e.now())
		if released.Len() > 0 {
			firstLeft = wholeBy.Sub(p.e.now())
		}
		c, err := p.e.relay.stream(ctx, request{
			Messages: msgs, MaxTokens: maxTokens, Temperature: 0.8,
			FirstToken: max(firstLeft, time.Millisecond), Whole: max(wholeBy.Sub(p.e.now()), time.Millisecond),
		}, sp.add)
		info.TokensIn += c.In
		info.TokensOut += c.Out
		info.Estimated = info.Estimated || c.Estimated
		if ctx.Err() != nil {
			// Aborted, not failed: the trainee hung up or left.
			if released.Len() == 0 {
				p.pending = d
			} else {
				if !d.opening {
					p.history = append(p.history, message{"user", d.said})
				}
				p.history = append(p.history, message{"assistant", released.String()})
				p.revealed = append([]string(nil), d.state.Revealed...)
				p.pending = nil
			}
			out.Text = released.String()
			out.Hangup = false
			return out, ctx.Err()
		}
		if err == nil && sp.broken == "" {
			sp.end()
		}
		if err == nil && sp.broken == "" && released.Len() == 0 {
			err = &fault{kind: faultEmpty, retry: true, err: errors.New("nothing to say after the reasoning")}
		}
		if err == nil && sp.broken == "" {
			p.e.breaker.record(true)
			return finish(released.String())
		}
		if sp.broken != "" {
			info.Guard = sp.broken
			p.e.log.Warn("llm reply broke a guardrail", "guard", sp.broken, "scenario", p.sc.ID, "spoken", released.Len() > 0)
			if released.Len() == 0 && !regenerated {
				regenerated = true
				msgs = append(msgs, message{"system", regenerateNote(sp.broken)})
				continue
			}
			p.e.breaker.record(true) // the server works; the model misbehaved
			return finish(p.complete(released.String(), d.gist, say))
		}
		var f *fault
		if !errors.As(err, &f) {
			f = &fault{kind: faultUnavailable, err: err}
		}
		if released.Len() == 0 && f.retry && info.Requests < maxAttempts {
			wait := max(backoff, f.retryAfter)
			if p.e.now().Add(wait).Before(firstBy) {
				p.e.log.Info("llm request failed; trying again", "fault", f.kind, "wait", wait, "err", f.Error())
				if sleep(ctx, wait) {
					backoff *= 2
					continue
				}
				continue // ctx is done: the loop returns above
			}
		}
		sp.flush() // the words that came and passed the guard are said
		p.fellBack(info, f.kind, f)
		p.e.breaker.record(false)
		return finish(p.complete(released.String(), d.gist, say))
	}
}

// complete ends a reply the model could not finish: with the referee's
// words, after what was already said.
func (p *prospect) complete(spoken, gist string, say func(string)) string {
	if strings.TrimSpace(spoken) == "" {
		say(gist)
		return gist
	}
	tail := " … " + gist
	if strings.HasSuffix(spoken, " ") {
		tail = "… " + gist
	}
	say(tail)
	return spoken + tail
}

// fellBack switches the prospect to the scripted engine for the rest of the
// call and logs why (never the key: the relay scrubbed it).
func (p *prospect) fellBack(info *openline.LLMTurn, kind string, err error) {
	p.fault = kind
	info.Fault = kind
	info.Scripted = true
	p.e.log.Warn("llm failed; the call goes on scripted", "fault", kind, "scenario", p.sc.ID, "err", err.Error())
}

// orSilence is what the model is told of a turn without words.
func orSilence(said string, lang openline.Language) string {
	if strings.TrimSpace(said) != "" {
		return said
	}
	if lang == openline.German {
		return "(schweigt)"
	}
	return "(silence)"
}

// sleep waits d or until ctx is done; it reports whether it waited.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// speech releases a model's words to the trainee as they pass the guard:
// only whole words (a word is checked once it is complete), the reasoning
// some servers mix in left out, cut at the length bound.
type speech struct {
	g      *guard
	max    int
	say    func(string)
	raw    strings.Builder
	sent   int    // bytes of the visible text released
	broken string // the guardrail broken, which stopped the stream
	full   bool   // the length bound was reached
}

// add takes one piece from the stream; false stops the stream.
func (s *speech) add(piece string) bool {
	s.raw.WriteString(piece)
	text := sayable(s.raw.String())
	if k := s.g.check(text); k != "" {
		s.broken = k
		return false
	}
	if r := []rune(text); len(r) > s.max {
		cut := cutAt(text, s.max)
		s.release(cut)
		s.full = true
		return false
	}
	end := strings.LastIndexFunc(text, unicode.IsSpace)
	if end < 0 {
		return true
	}
	s.release(text[:end+1])
	return true
}

// end releases the rest once the stream has finished.
func (s *speech) end() {
	if s.full || s.broken != "" {
		return
	}
	text := strings.TrimRight(sayable(s.raw.String()), " \n\r\t")
	if text == "" && strings.TrimSpace(s.raw.String()) != "" {
		s.broken = guardStage // markup that never closed, and nothing else
		return
	}
	s.release(text)
}

// flush releases the held last word after a fault: it passed the guard.
func (s *speech) flush() {
	if s.broken == "" && !s.full && s.sent > 0 {
		s.release(strings.TrimRight(sayable(s.raw.String()), " \n\r\t"))
	}
}

func (s *speech) release(upto string) {
	if len(upto) > s.sent {
		s.say(upto[s.sent:])
		s.sent = len(upto)
	}
}

// sayable is the visible part of a model's raw output as valid UTF-8: a
// rune cut between two pieces is held back until it is whole, and bytes
// that are no UTF-8 are replaced, so what was said stays a prefix of it.
func sayable(raw string) string {
	t := visible(raw)
	for i := len(t) - 1; i >= 0 && i >= len(t)-utf8.UTFMax; i-- {
		if utf8.RuneStart(t[i]) {
			if !utf8.FullRuneInString(t[i:]) {
				t = t[:i]
			}
			break
		}
	}
	return strings.ToValidUTF8(t, "\uFFFD")
}
