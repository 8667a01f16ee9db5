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
//  4. The turn is read: acts.Trainee(language, turn, {Prospect: the
//     prospect's previous reply, Rejected}), completed by acts.TraineeTurn
//     (a "yes, but" withdraws its acknowledgement, each question gets its
//     purpose) into the reading the scorer gets from acts.Read. Only the first 2,000 bytes are
//     tagged and searched for keywords and topics; the words of the whole
//     turn count for the monologue.
//     A turn in the other language (German stop words in an English call
//     or the reverse, mostly non-Latin letters, a third language, or asking
//     to speak another one) gets "Entschuldigung, ich verstehe nicht ganz
//     ..." / "Sorry, I don't quite follow ..." here: no rule hears its
//     words, and it moves nothing.
//  5. The engine dynamics above are applied.
//  6. The current state's rules are tried in order; the first that matches
//     answers (see Rules). A goodbye turn (one that ends with a farewell:
//     it carries farewell, and neither its last sentence with farewell nor
//     any later sentence carries a question act; "Passt es noch? Sonst:
//     auf Wiederhören!" is one, "Tschüss – oder haben Sie noch eine
//     Frage?" is not) only tries the rules whose when.acts names farewell; when none
//     matches, or the matching rule has no say, reveal or raise, the
//     prospect says the engine's goodbye ("Auf Wiederhören." / "Goodbye.")
//     and nothing else: a farewell always gets a goodbye (or the farewell
//     rule's own line), also from a prospect who never heard the caller's
//     name or still has an objection open; the engine then answers no
//     objection, reveals no need and agrees no next step.
//  7. A rule that only moves the call (goto and nothing that speaks, ends
//     or agrees) hands the turn to the new state's rules, tried once as in
//  6. If no rule matched, or the matched rule has no say, reveal or raise,
//     the engine answers itself, first match wins (in the state after the
//     rule's goto); a goodbye turn gets the engine's goodbye before
//     anything else:
//     (0) a proposal in natural words (acts.Proposal, below in (d)) other
//     than asking for a referral → (d) at once: it asks for a yes or a
//     no, answers no objection and earns no need ("Darf ich mich im
//     Frühjahr noch mal melden, um zu hören, wie es läuft?"); for the same
//     reason a rule whose acts name none of proposal, offer_help, pitch
//     or pressure does not take it;
//     (a) an open objection answered: the turn carries one of the objection's
//     answered_by acts → its answered line (objection answered). An
//     objection left behind a need (see Objections and reveals) is
//     answered only by its answered_by acts other than acknowledgement and
//     reflection, and not by a turn that follows up on a told need (see
//     Follow-ups on a need). When the answering turn also carries acknowledgement or
//     reflection and earns a need as in (b), the need's reveal line is
//     spoken instead (the objection still counts as answered), so that the
//     question in "Verstehe. Was beschäftigt Sie gerade?" is answered; a
//     question with neither that does not ask about the no (acts.AsksWhyNot)
//     answers the objection too, and gets the reply about what it asks
//     below, not the answered line ("Wer entscheidet bei Ihnen über solche
//     Sachen?" is no "Fragen Sie ruhig");
//     (a') a question about a fact of the current voice (see Facts) → the
//     fact's answer, or its deflection when private;
//     (b) a hidden need earned (persona-voice states only, needs in file
//     order, each once): the reading says the turn earns it
//     (acts.Earns, not yet told: it carries one of need.earned_by, names
//     one of need.topics when set (case-insensitive substring) or else
//     touches the need, and is no pressure, pitch, small talk or question
//     for a detail only, a question for what they went through, "Welche
//     Erfahrungen …?", being none; see docs/method.md), interest ≥
//     need.min_interest and ≥ the difficulty's trust (easy 0, medium 3,
//     hard 4), and the turn does not push (see Pushing) and is no monologue
//     (more than 60 words: no rule's reveal or next step takes it either)
//     → its reveal line.
//     When the turn names some untold needs both by a topic and by a word
//     of their story, only those are asked about: "Wer nimmt bei Ihnen die
//     Bestellungen an?" tells no need that "Ihnen" alone touches;
//     (c) an objection whose when matches and that was not raised before →
//     its say line (objection raised; the prospect has now rejected);
//     (d) a proposal (acts.Proposal hears natural forms: "Would it help
//     if I came by …", "Hätten Sie Lust, dass …", "Ich rufe Sie Montag
//     zurück", and acts.OffersCallback "Wäre es okay, wenn ich Sie im
//     Herbst noch mal anrufe?"; or the act proposal, or offer_help naming
//     a next-step keyword; an offer to present the product, "Soll ich
//     Ihnen unser neues Paket vorstellen?" (acts.OffersPitch), is a
//     pitch, no proposal) in a turn that does not ask for feedback (no
//     feedback_request: "was an meinem Vorschlag nicht passt" asks, it
//     proposes nothing; a proposal in natural words proposes unless it
//     asks why not) with interest ≥ the threshold (the scenario's
//     proposal min_interest, else the difficulty's) → the prospect agrees
//     with a detail (the scenario's proposal accept line, else the
//     engine's: a day, a time, what to send); see Next steps. Below the
//     threshold, or once the caller has pushed them to half their
//     tolerance (two pushes), the prospect declines (a rejection);
//     (e) the engine's own person-like reply, first match wins: a long
//     monologue ("Moment, das war jetzt sehr viel
//     auf einmal ..."); "Wer ist da?" (see Introductions); "Das hatten Sie
//     mich vorhin schon gefragt." / "You asked me that already." to an
//     open or closed question asked word for word before in the call
//     (letters and digits compared, case ignored); a continuation of a
//     revealed need the turn follows up on (see Follow-ups on a need); an
//     answer to small talk ("wie geht's" with at most four more words in
//     its sentence, none of them "persönlich", "damit", "personally",
//     "about it" and the like: "Wie geht es Ihnen heute?", not "How are
//     things going in your business right now?"); a small-talk topic line
//     ("Ach ja, man nimmt's, wie es kommt." / "Oh, it is what it is.") to a
//     turn naming the weather, the weekend or holidays ("wetter",
//     "wochenende", "urlaub", "ferien", "weather", "weekend", "holiday",
//     "vacation") or remarking on the listener's day, as a guess, a wish
//     or a topic ("Vor den Feiertagen ist es bestimmt hektisch, oder?",
//     "Sounds like the saws are going full tilt there!"; acts.MentionsSmallTalk);
//     and otherwise a short neutral reaction to the
//     pressure, pitch, feedback request, permission, personal interest,
//     offer of help, question, acknowledgement or greeting it heard, or
//     "Mag sein. Und weiter?" to a turn with none of them (a readable
//     sentence is understood: only another language, garbage, silence or
//     a monologue get "Wie bitte?"). A statement that reproaches them
//     (acts.Reproaches: "Sie hätten das gleich richtig angeben können",
//     "your careers page looks like nobody's touched it", "I don't think
//     you read it properly"), or puts them down ("With that attitude it's
//     no wonder …", "Das ist ziemlich arrogant von Ihnen", "Sure, because
//     that's worked out so well for you", "Calm down, it's only a
//     boiler"; a put-down closed by a tag, "…, isn't it?", too) gets "Das sehe ich anders." / "I see that differently.",
//     and impatience with them (acts.Impatient: "ich hab nicht den ganzen
//     Tag Zeit") the reaction to pressure, right after (0) and before
//     (a)–(d): a question beside it is rhetorical, it asks for no fact,
//     earns no need, and only rules for pressure or a pitch take it. A question nobody foresaw (no rule, fact, need
//     or other reply took it) gets a reply about that question: "Warum
//     fragen Sie?" / "Why do you ask?" when it probes (acts.Probes: money,
//     pay, what moves them, where, since when or who of them) or offers
//     something, from a prospect whose
//     interest is below the next-step threshold (not twice in a row), else
//     an honest "Keine Ahnung, ehrlich gesagt." / "No idea, honestly."
//     ("Which office chairs have you got?" asks a plain thing). A question
//     about others (acts.AsksAboutOthers: a competitor, the big firms of
//     the trade, the market around them, which of the caller's people it
//     was) asks for no fact, earns no need, is taken by no rule that
//     speaks unless it names the fact in asks, and gets the honest "no idea".
//     A question about the listener themselves (personal_interest, with
//     "you" or the formal "Sie" for its person: "Wie lange arbeiten Sie
//     denn schon für Herrn Hartmann?") is no "no idea" either, since a
//     person knows their own life: it gets "Warum fragen Sie?" / "Why do
//     you ask?" in either voice, and a short personal line when the reply
//     before was already one asking back.
//     For the realism corpus, a dialogue rule's line (kind script) is an
//     objection when the rule's when names only pitch or pressure and the
//     turn carries one: a rule written for a push rebuffs it.
//  8. Pushing (see Pushing) is counted; a push after the warning sets
//     patience to 0; the push that reaches one below the limit, or that
//     leaves no patience before the prospect has warned, gets the warning
//     instead of any other words (and patience at least 1). Patience at 0
//     or below ends the call: the prospect hangs up with a
//     line of its own (replacing whatever it would have said), outcome
//     hung_up. This overrides everything, also a rule's next_step.
//  9. A goodbye turn ends the call: when the trainee's turn is a goodbye
//     turn (step 6) and the call did not end otherwise, the
//     prospect says goodbye (the matched farewell rule's line, or the
//     engine's) and the call ends with outcome polite_end, or next_step
//     when one was agreed.
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
// matches every turn that reaches step 6 (never silence or garbage),
// except goodbye turns, which only rules naming farewell match.
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
// polite_end when the turn carried farewell. next_step agrees a next step
// of that kind (see Next steps): the call goes on. answer speaks a fact of
// the current voice (deflected when private) when say is empty.
//
// A rule that reveals or agrees a next step never matches a pushing turn,
// small talk or a question about a fact; a rule that reveals matches only
// a turn the reading says earns the need with the rule's acts standing in
// for earned_by and its match for the topics (acts.Earns with
// Occasion.Rule: "Which CRM do you use?" earns an answer, not a need); a rule whose when names neither
// keywords nor asks and that would speak a line (say, raise) does not
// match a question about a fact or small talk (a rule naming greeting
// still matches small talk), so such questions get the fact or the small
// talk, never a line kept for other turns. A pushing turn does not follow
// a goto of a rule whose acts name neither pressure nor pitch. when.asks
// matches a turn asking about one of those facts. The keywords of a
// trigger are looked for outside a turn's small-talk sentences, but for
// keywords of small talk themselves: "Is it as grey there as it is here
// today?" names no "today" a rule waits for, only "grey".
//
// A goto from a gatekeeper-voice state into a persona-voice state is the
// put-through: the persona's opening line is appended to the reply, after
// " … " (a put-through rule with no say, reveal or raise speaks only the
// persona's opening). Needs are never revealed by the engine in
// gatekeeper-voice states (a rule's explicit reveal still works), and the
// engine's own lines there are the gatekeeper's ("Worum geht es denn?",
// "Wer ist am Apparat?"), with the gatekeeper's name.
//
// # Introductions
//
// In an outbound call the prospect asks "Wer ist da?" / "Who is this?"
// (the gatekeeper: "Mit wem spreche ich bitte?") only while the call is at
// its beginning: the caller has not introduced themselves, the dialogue is
// still in its start state, no objection has been raised and no need
// revealed, and it has asked fewer than two times. Inbound it never asks.
//
// The caller has introduced themselves once any of their turns carries the
// tagger's introduction act, or, as the engine's own narrow safety net for
// names the tagger misses, once a turn names its speaker:
//   - a capitalised name (one to three words) after "hier ist", "hier
//     spricht", "this is", "mein Name ist", "my name is" or "ich heiße",
//     ending the clause or followed by another name or by von, vom, aus,
//     bei, mit, from, at, with, of, calling, speaking, again ("Guten Tag,
//     hier ist Anna Keller von Netzwerk Nord", "This is Sam calling");
//   - one to three capitalised words opening a clause (greeting words such
//     as "Hallo" or "Hi" may stand before them), then hier, here, speaking
//     or "am Apparat", ending the clause or followed by one of the words
//     above ("Anna Keller hier.", "Hi, Sam Taylor here from Northwind");
//   - right after the prospect asked who is calling (its reply contains
//     "wer ist da", "mit wem spreche", "who's calling", "who am I
//     speaking" and the like): a turn opening with one to three
//     capitalised words that end its first clause ("Anna Keller.",
//     "Keller, von Netzwerk Nord"), or starting with "ich bin", "I'm", "I
//     am", "mein Name", "my name".
//
// Pronouns, articles, possessives, greetings, question words and a few
// words often capitalised at a clause start ("Alles", "Schönes", "Nobody")
// are never names. A turn the engine hears naming its speaker carries the
// introduction act from then on, for the rules too (a rule
// `when: {acts: [greeting, introduction]}` matches "Anna Keller hier."),
// but not in the transcript the scorer reads. A false positive spares the
// caller the question and lets such rules match.
//
// # Facts
//
// persona.facts (gatekeeper.facts in gatekeeper-voice states) are what the
// speaker knows. A turn asks about fact F when it is a question (an open,
// closed or follow-up question, or it ends in "?") and names one of F.about
// as whole words (acts.Topics; the longest name wins), or else asks what F
// is about in other words (acts.Senses: "Wie viel Personal haben Sie?" for
// "wie viele mitarbeiter", "Who's in charge at the school?" for "who's the
// head", "Machen Sie auch Carports?" for a fact whose answer names
// carports), or else names F by the first noun after its question word
// (acts.Topics.AboutWords). Small talk, a question about the no, and a
// follow-up on the need just told ask for no fact in other words. Every speaker also
// knows who they are: "Wie heißen Sie?", "Who am I speaking to?", "Which
// company?" get "{name}, {role} bei {company}." unless a fact of the
// scenario names those words. A private fact is deflected in character
// (its deflect lines, or "Das erzähle ich nicht jedem am Telefon.").
//
// # Pushing
//
// A turn pushes when it carries pressure, an insult (or condescension:
// "Calm down, you're being hysterical"), an ultimatum or loss framing
// ("How much more money are you willing to lose?"),
// pressure put as a question ("Warum sagen Sie nicht einfach Ja?",
// "Tuesday or Wednesday?", "What would it take for you to sign today?",
// "Can you give me a decision by Friday?"), a demand or a brush-off put
// as talk ("Stellen Sie mich jetzt sofort durch", "Sie müssen uns jetzt
// weiterempfehlen", "these things happen, get over it") or in the
// imperative ("Verbinden Sie einfach.", "Just put me through"), an
// accusation ("Sie haben das doch gar nicht richtig gelesen", "you're
// just not seeing it"; an insult), a claim pressed with a tag question
// ("Sie könnten uns ruhig mal weiterempfehlen, finden Sie nicht?"),
// name-calling ("Sie sind ja eine richtige Bürokratin", "you're such a
// jobsworth", an insult) — all read by the turn's reading
// (acts.Result.Push; every one but the "yes, but" is also the pressure
// act the scorer counts) — or a "yes, but" without a
// feedback request, open question, reflection or interest in the person,
// a re-pitch after a no, or a pitch without a question right after another
// such pitch. Pushes add up over the call (an insult counts two); the
// limit is 4 on easy, 3 on medium and hard. Below the limit minus one the
// prospect is annoyed (a matching rule's line, else "Das muss ich mir
// nicht anhören." to an insult, an objection the push triggers, or a
// rebuff; a rule's line for a push counts as a rebuff); at the limit
// minus one, or when a push leaves no patience, it warns once ("Noch
// einmal so, und das Gespräch ist beendet."); the next push hangs up. A
// push never earns a need, a fact or a next step, so a caller who only
// pushes hears no reveal, is warned, and is hung up on within six turns
// in every scenario (TestPushingCallerIsHungUpOnInEveryScenario). After a
// push or a standing warning, a bare "Hallo?" (a greeting and at most a
// question, five words or fewer) gets a cool "Ich höre. Also?", never a
// greeting rule's welcome again.
//
// # Next steps
//
// An agreed next step does not end the call: the outcome is next_step of
// that kind from then on (also when the trainee simply hangs up), and the
// call goes on so that the trainee can confirm it and say goodbye. After
// the agreement a goodbye turn gets a farewell ("Gut, dann bis dahin. Auf
// Wiederhören!") and ends the call; a turn naming another day of the
// week than the agreement did (acts.Weekdays) is corrected ("Moment –
// Dienstag, nicht Donnerstag."; with the farewell after it when the turn
// says goodbye); a confirmation (acts.Confirms: "Prima,
// dann Dienstag um zehn.") is confirmed ("Passt. Ich trag's mir ein.");
// another proposal gets "Das haben wir doch gerade ausgemacht."; the next
// turn after a confirmation, or the third after the agreement, that is no
// goodbye gets the prospect's own leave-taking, which ends the call. A
// pushing turn after the agreement is answered as any push; hanging up
// then cancels the next step.
//
// # Inbound: the trainee picks up
//
// On an inbound call Respond may come before Open: the turn is how the
// trainee answered the phone (the engine notes whether they named
// themselves) and the reply is the caller's opening. Open first still
// works, for clients that let the caller speak first.
//
// # Never the same words twice
//
// No reply repeats an earlier reply of the call word for word: a line
// whose variants are used up comes with a lead-in ("Wie gesagt: ",
// "As I said: ").
//
// # Who speaks, and what kind of reply
//
// Reply.Speaker is the name of who speaks: the gatekeeper in
// gatekeeper-voice states and in the reply that puts the caller through
// (Reply.TransferTo then names the persona, whose opening ends the text
// after the last " … "), else the persona. ReplyKind says what kind of
// reply the last one was (openline.ReplyKind: answer, deflect, dont_know,
// ask_back, reveal, object, agree, …) and which fact it answered, for
// the realism corpus of package scenariotest. The reply that ends the
// call on the trainee's goodbye is a farewell, also when a farewell
// rule's own line says it.
//
// # Objections and reveals
//
// An objection is open from the reply that raises it until it is answered.
// A need revealed while objections are open (by a rule's reveal or the
// engine's (b)) settles them: an open objection whose answered_by the
// revealing turn carries counts as answered (+1 interest, +1 patience; a
// feedback request answered with the honest reason is the typical case),
// and its answered line is never spoken. The other open objections are
// left behind the need: the talk has moved on, so "Verstehe" or "I see"
// now acknowledges the need, and only a turn that returns to the no (one of
// the objection's answered_by acts other than acknowledgement and
// reflection, e.g. a feedback request) gets the objection's answered line;
// a turn that follows up on the need ("Was haben Sie bisher versucht, um
// Azubis zu finden?") returns to none.
//
// # Follow-ups on a need
//
// A turn follows up on a revealed need, in a persona-voice state and
// without pitch, pressure, offer_help or proposal, when
//   - the prospect's previous reply was about the need (revealed it or
//     continued it), and the turn asks a question (open, closed or
//     follow_up) touching the need's topics or detect words or pointing
//     back ("dazu", "damit", "about it", "about that", "back then", ...), or carries
//     follow_up, acknowledgement or reflection without changing the subject
//     ("sonst", "außerdem", "what else", "besides", "apart from", ...); or
//   - it asks a question naming one of the detect words of any revealed
//     need (the latest revealed first).
//
// The prospect then continues the need: with the next detail of it not yet
// said — the longest sentence of its reveal lines that was not spoken, is
// no question, has at least five words and of whose words of five letters
// or more at most half were said already — after a short lead-in ("Tja." /
// "Well.", none when the sentence opens with an interjection of its own);
// once the details are used up, with a reflective line of the engine's own
// ("Ja, das beschäftigt mich schon eine ganze Weile." / "It's not something
// you sort out on the side."), at most two per need. After that the need is
// talked out and the engine's ordinary replies follow. Continuations carry
// no reveal act: they tell nothing that the reveal did not disclose. A need
// with two reveal lines thus gives a follow-up its second line's details;
// scenario authors who want a longer thread write more sentences into the
// reveal lines.
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
