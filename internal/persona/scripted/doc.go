// Package scripted is the default persona engine: it plays a scenario's
// prospect with a state machine over dialogue acts and keywords, with no
// network and no API key. A call is repeatable: the same scenario, seed and
// trainee turns give exactly the same replies.
//
// This comment is the contract scenario authors write against.
//
// # The prospect's state
//
// Patience and interest are integers in [0, 10] (MaxPatience, MaxInterest).
// Their starting values and how fast they move depend on the scenario's
// difficulty; persona.patience and persona.interest, when not 0, replace the
// starting values:
//
//	                               easy  medium  hard
//	starting patience                 8       6     4
//	starting interest                 3       2     1
//	next step needs interest ≥        4       6     7
//	pressure                         -1      -2    -2  patience
//	monologue > 60 words             -1      -1    -2  patience (another -1 past 200 words)
//	re-pitch after a no              -1      -1    -2  patience
//	ignoring what was said            0      -1    -1  patience
//	acknowledgement / good question  +1      +1    +1  patience, never above the start
//	question touching a need topic   +2      +1    +1  interest
//	personal interest                +1      +1    +1  interest
//	offer of help                    +2      +2    +1  interest
//	need revealed                    +1      +1    +1  interest
//	objection answered               +1      +1    +1  interest, +1 patience
//
// "Re-pitch after a no" is a pitch once the prospect has rejected (see
// Rejected below) in a turn not also tagged pressure. "Ignoring what was
// said" is a turn with pitch or pressure but no acknowledgement, reflection
// or follow_up right after a prospect reply that carried the objection or
// reveal act; it does not add to a re-pitch. A "good question" is an
// open_question or follow_up; "acknowledgement" includes reflection.
// Recovery only happens in a turn that drained nothing. A "question
// touching a need topic" is a turn with open_question, closed_question,
// follow_up or personal_interest that contains a topic of a need not yet
// revealed (counted once per turn). These engine dynamics are applied to every
// turn BEFORE the rules are tried, so a rule's min_interest sees the
// interest the turn itself earned; a matched rule's patience and interest
// are added after.
//
// Rejected: once a prospect reply carries the rejection act (as tagged by
// acts.Prospect, or an objection raised, or the engine declining a
// proposal), every later trainee turn is tagged with acts.Context.Rejected,
// which lets the tagger mark arguing and re-pitching as pressure.
//
// # A trainee turn, step by step
//
// Respond(said) does, in this order:
//
//  1. After the call has ended it returns persona.ErrCallOver and changes
//     nothing.
//  2. Empty or whitespace-only turn: silence. The prospect says "Hallo? Sind
//     Sie noch da?" / "Hello? Are you still there?"; from the second silence
//     in a row each costs 1 patience. No rule is tried.
//  3. Markup (<tags>, ``` fences) is removed before tagging. A turn with no
//     letter left (emoji, punctuation, markup only) gets "Wie bitte?" /
//     "Sorry?" and costs nothing. No rule is tried.
//  4. The turn is tagged: acts.Trainee(language, turn, {Prospect: the
//     prospect's previous reply, Rejected}). Only the first 2,000 bytes are
//     tagged and searched for keywords and topics; the words of the whole
//     turn count for the monologue.
//  5. The engine dynamics above are applied.
//  6. The current state's rules are tried in order; the first that matches
//     answers (see Rules).
//  7. If no rule matched, or the matched rule has no say, reveal or raise,
//     the engine answers itself, first match wins (in the state after the
//     rule's goto):
//     (0) a turn in the other language (German stop words in an English call
//     or the reverse, or mostly non-Latin letters) → "Entschuldigung, ich
//     verstehe nicht ganz ..." / "Sorry, I don't quite follow ...";
//     (a) an open objection answered: the turn carries one of the objection's
//     answered_by acts → its answered line (objection answered);
//     (b) a hidden need earned (persona-voice states only, needs in file
//     order): the turn carries one of need.earned_by, touches one of
//     need.topics (when set; case-insensitive substring), and interest ≥
//     need.min_interest → its reveal line;
//     (c) an objection whose when matches and that was not raised before →
//     its say line (objection raised; the prospect has now rejected);
//     (d) a proposal (act proposal, or offer_help naming a next-step
//     keyword) with interest ≥ the difficulty's next-step threshold → the
//     prospect agrees: outcome next_step, kind from the turn's words
//     (meeting, send_info, invitation, referral, callback; default meeting);
//     below the threshold the prospect declines (a rejection);
//     (e) the engine's own person-like reply: a long monologue ("Moment, das
//     war jetzt sehr viel auf einmal ..."), "Wer ist da?" in an outbound
//     call while the trainee has not introduced themselves (asked at most
//     twice per call), a goodbye to a
//     farewell, an answer to small talk ("wie geht's"), "Entschuldigung,
//     ich verstehe nicht ganz, worum es geht" to a turn with no dialogue
//     act, a few more words on the need just revealed to a question or
//     acknowledgement right after a reveal ("Ja, das beschäftigt mich schon
//     eine ganze Weile."), and otherwise a short neutral reaction to the
//     pressure, pitch, question or acknowledgement it heard.
//  8. Patience at 0 or below ends the call: the prospect hangs up with a
//     line of its own (replacing whatever it would have said), outcome
//     hung_up. This overrides everything, also a rule's next_step.
//  9. A farewell ends the call: when the trainee's turn carries farewell and
//     no question act, and the call did not end otherwise, the prospect says
//     goodbye (the matched rule's line, or the engine's) and the call ends
//     with outcome polite_end.
//
// The engine is not told when the trainee simply hangs up (the websocket's
// hangup message): the call ends then, and the call decides its outcome.
//
// # Rules
//
// A rule matches a turn when its when matches (any of acts, or acts empty;
// none of unless; any of keywords as case-insensitive substrings of the
// turn, or keywords empty), interest ≥ min_interest, it has not fired yet
// if once, its reveal names a need not yet revealed (if set), and its raise
// names an objection not yet raised (if set). A rule with an empty when
// matches every turn that reaches step 6 (never silence or garbage).
//
// A rule with next_step but without min_interest uses the difficulty's
// next-step threshold as its min_interest; a rule that sets min_interest
// itself decides.
//
// When a rule matches, in this order: its patience and interest are added;
// goto moves to that state; reveal marks the need revealed (+1 interest as
// above) and, when say is empty, speaks the need's reveal line; raise marks
// the objection raised and, when say is empty, speaks the objection's say
// line; say is spoken (a variant chosen at random); with say, reveal and
// raise all empty the engine answers as in step 7 (so a rule may only move
// the state or the numbers and leave the words to the engine, including a
// need's reveal). hangup ends the call after the line: outcome hung_up, or
// polite_end when the turn carried farewell. next_step ends the call with
// outcome next_step and that kind.
//
// A goto from a gatekeeper-voice state into a persona-voice state is the
// put-through: the persona's opening line is appended to the reply, after
// " … " (a put-through rule with no say, reveal or raise speaks only the
// persona's opening). Needs are never revealed by the engine in
// gatekeeper-voice states (a rule's explicit reveal still works), and the
// engine's own lines there are the gatekeeper's ("Worum geht es denn?",
// "Wer ist am Apparat?"), with the gatekeeper's name.
//
// # Opening
//
// Open speaks first: the opening of the start state's voice (the
// gatekeeper's when the start state has voice gatekeeper, else the
// persona's). Inbound, the persona's opening is why they call; the engine
// never asks "who is this?" inbound. Open may be called once, before
// Respond.
//
// # Variety
//
// Variants are chosen with a math/rand/v2 PCG source seeded from Start's
// seed. Within one variant list, a line is not used again until every
// other line of that list has been used; and a reply never repeats the
// previous prospect reply word for word when another variant exists.
// Which variant a seed gives depends on every draw before it, so also on
// how the tagger reads earlier turns: a scenario test that expects the
// words of one variant (reply_contains) holds for its seed only; prefer
// words that all variants of the line share.
//
// # Streaming and acts
//
// The reply is given to the Stream in chunks of about three words; the
// chunks concatenated are Reply.Text. Reply.Acts are acts.Prospect of the
// reply corrected by what the engine knows: reveal when a need was
// revealed, objection and rejection when an objection was raised,
// rejection when a proposal was declined, interest when a next step was
// agreed, and hangup exactly when the prospect hangs up (outcome hung_up),
// never from the tagger; the engine's own lines carry no reveal or
// objection. Reply.Hangup is true whenever the call ends with the reply,
// whatever the outcome.
//
// # Scenario tests
//
// Package scenariotest runs a scenario's tests against this engine; its
// documentation says what each expectation checks.
package scripted
