// Package persona defines how the call loop talks to a prospect, whoever
// plays them: the scripted dialogue engine (package scripted) or a large
// language model (package llm). Both engines implement Engine.
package persona

import (
	"context"

	"github.com/openline/openline/internal/openline"
)

// Engine starts prospects for calls.
type Engine interface {
	// Name is the engine's name as the API gives it: "scripted" or "llm".
	Name() openline.EngineName
	// Start returns the prospect of a new call on sc. The seed makes a
	// scripted call repeatable; two calls with different seeds differ.
	Start(sc *openline.Scenario, seed int64) (Prospect, error)
}

// Prospect is one prospect in one call. It is not safe for concurrent use:
// the call loop asks it one turn at a time.
//
// Cancelling ctx stops a turn at once (a hang-up, the socket gone): Open
// and Respond then return ctx's error together with the Reply spoken so
// far (Text is what went to the Stream; it may be empty). A prospect whose
// answer was cancelled before a word was spoken is asked again with the
// same text, and answers that same turn without counting it twice.
type Prospect interface {
	// Open returns the prospect's first words: how they pick up the phone,
	// or, inbound, why they are calling. On an inbound call the trainee
	// may speak first (they pick up the phone): then Respond is called
	// before Open, with how they answered, and returns the caller's
	// opening; Open is not called at all.
	Open(ctx context.Context, stream Stream) (Reply, error)
	// Respond answers one finished trainee turn.
	Respond(ctx context.Context, said string, stream Stream) (Reply, error)
	// State is the prospect's state after the last reply.
	State() openline.ProspectState
}

// Stream receives the reply's text piece by piece while the prospect
// speaks; the pieces concatenated are Reply.Text. It may be nil.
type Stream func(delta string)

// Reply is one prospect turn.
type Reply struct {
	Text string
	// Acts are the prospect-side dialogue acts of the reply.
	Acts []openline.Act
	// Reveals are the ids of hidden needs revealed by this reply.
	Reveals []string
	// Hangup is true when the prospect ends the call with this reply;
	// State().Outcome then says how.
	Hangup bool
	// Speaker is the name of who speaks (the gatekeeper's or the
	// persona's); "" when the engine does not say.
	Speaker string
	// TransferTo, when set, is the name of the person the speaker puts
	// the caller through to within this reply: the text ends with their
	// first words, after the last " … ".
	TransferTo string
	// LLM is what a language model cost and how fast it was, for an LLM
	// engine's turn; nil for the scripted engine.
	LLM *openline.LLMTurn
}

// Replayer is a prospect that brings itself to the point of a transcript
// (see Replay).
type Replayer interface {
	Replay(ctx context.Context, turns []openline.Turn) error
}

// Replay brings a fresh prospect to the point of a call's transcript so far,
// for a call resumed after its server restarted: it opens and answers every
// trainee turn in order, discarding the replies. For a scripted prospect
// with the same seed this reproduces the call exactly.
//
// A prospect that implements Replayer replays itself (the LLM engine
// replays its referee and takes the words from the transcript, asking no
// model).
func Replay(ctx context.Context, p Prospect, turns []openline.Turn) error {
	if r, ok := p.(Replayer); ok {
		return r.Replay(ctx, turns)
	}
	if len(turns) == 0 || turns[0].Speaker != openline.Trainee {
		// The prospect spoke first; an inbound call the trainee picked up
		// starts with the trainee's turn instead.
		if _, err := p.Open(ctx, nil); err != nil {
			return err
		}
	}
	for _, t := range turns {
		if t.Speaker != openline.Trainee {
			continue
		}
		if _, err := p.Respond(ctx, t.Text, nil); err != nil {
			return err
		}
	}
	return nil
}
