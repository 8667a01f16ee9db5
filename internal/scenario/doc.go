// Package scenario loads and validates scenario files: YAML, one scenario per
// file, in the format that scenarios/schema.json describes. Validation is
// strict and complete: every problem of a file is reported at once, each as
// an Error at the line and column of the YAML node it is about.
//
// The rules, beyond the shape the schema gives:
//
//   - A file is at most MaxFileSize (1 MiB) of UTF-8 text holding exactly one
//     YAML document, whose root is a mapping. YAML aliases (*x) are errors and
//     are never expanded, so no file costs more than its size; anchors alone
//     are ignored. Collections nest at most 32 levels deep. A YAML syntax
//     error is reported at the line and column of the fault in the source
//     (the YAML library names the line of the construct around it); finding
//     it decodes at most 4 MiB of prefixes, past which (only in files far
//     larger than a scenario needs) the library's line is kept.
//   - Only the keys of the format are allowed (the message lists them and
//     suggests the closest one); a key may not appear twice in a mapping. A
//     key with no value ("title:") is an error; write [] or {} for empty.
//   - Required: id, language, title, difficulty, direction, brief, persona
//     (name, opening) and dialogue (start, states); in a gatekeeper name and
//     opening; in a need id, fact, earned_by, reveal; in an objection id and
//     say; in a test name and turns; in a test turn say.
//   - Text fields take any scalar as written (a reply "42" is the text "42");
//     names, replies, facts, briefs and list items must not be blank. The
//     say of a test turn may be "" (silence).
//   - Reply lists that must not be empty: persona and gatekeeper opening,
//     need reveal, objection say, and a rule's say when given (leave it out
//     for the engine's own reply). earned_by and a test's turns must not be
//     empty either.
//   - The scenario id matches [a-z0-9][a-z0-9-]* and is unique across all
//     files loaded together (the later file gets the error, naming the
//     earlier place). Need ids, objection ids and state names match
//     [a-z0-9][a-z0-9_-]* and are unique in the file, as are test names. Ids
//     are at most 64 bytes.
//   - language is de or en; difficulty easy, medium or hard; direction
//     outbound or inbound; next_step (in a rule or an expectation) meeting,
//     send_info, invitation, referral or callback; an expected outcome
//     hung_up, next_step, polite_end or interrupted, and not other than
//     next_step when next_step is expected.
//   - Acts (earned_by, answered_by, when.acts, when.unless) are those of
//     openline.Act.Valid; an act may not be in both acts and unless.
//   - Numbers: persona patience 1–10 and interest 0–10 (leave them out for
//     the difficulty's default); min_interest 0–10; a rule's patience and
//     interest changes -10–10; scoring weights are numbers 0–10 named as in
//     openline.CuriosityWeights and OpennessWeights; score ranges are
//     [min, max] of integers with 0 <= min <= max <= 100. seed is any 64-bit
//     integer. hangup and once are true or false.
//   - References resolve: dialogue.start, goto and an expected state name a
//     state; reveal and expected reveals name a need; raise names an
//     objection.
//   - Every state is reachable from the start state through goto (an
//     unreachable state is an error, not a warning).
//   - voice is "gatekeeper" or left out, and needs a gatekeeper; a
//     gatekeeper needs at least one state with that voice.
//   - An objection with answered_by needs answered; a rule may not both hang
//     up and agree a next step.
//   - At most 100 problems are reported per file.
package scenario
