// Package acts is the one reading of a conversation's turns, in German and
// English: the scorer, the scripted prospect and the LLM engine all hear
// the trainee through it, so a misreading is fixed, and tested, here only.
//
// # Entry points
//
//   - Read(transcript, scenario) reads a whole conversation: for every turn
//     its sentences and dialogue acts (openline.Act) and its relations to
//     the conversation: Uptake (takes up what the prospect just said, or
//     moves on to the trainee's own agenda), each question's Purpose
//     (discovery, factual, closing, pressure: a question's form never
//     launders pressure), YesBut (an acknowledgement withdrawn by a
//     counter, defence or pitch in the same turn), the needs a prospect turn
//     reveals (Needs, judged against the scenario's description of each),
//     whether the trainee turn before earned them (Earns) and whether the
//     one after took them up (NeedTakenUp), and the turn-level signals
//     Hurried, Annoyed, Request and NoTime. The LLM engine and the scorer
//     call this.
//   - Trainee and Prospect tag one turn given its Context, for an engine
//     that hears one turn at a time; TraineeTurn completes a trainee
//     tagging into the turn's reading as Read gives it. Read uses them.
//   - Earns is the one decision whether a trainee turn earned a hidden
//     need: Read asks it for Turn.Earns, the scripted engine before it
//     tells a need (earn.go).
//   - Sentence.Cue gives, for each act of a sentence, the words of the turn
//     it came from (the matched phrase; the sentence for an act read from
//     its shape), so a scorecard can quote the point.
//
// Beyond the phrase lists, some acts are read from a sentence's shape, each
// rule with its own table test: pressure beneath its form (beneath.go: a
// loss put to the listener, a deadline on the offer, insisting, and after a
// no or an objection arguing, doubting, presuming, dismissing), a pitch as a
// claim about the caller's own side (ownside.go), reflections in other
// words (empathy, "it sounds …", the listener as subject), the prospect's
// words quoted inside a trainee's turn (quote.go: masked, and a reflection
// when they are theirs), turns typed without capitals or punctuation, and a
// next step in natural words (Proposal, shared with the scripted engine).
//   - NamesSelf/AskedWho, Foreign, AsksHowAreYou, MentionsSmallTalk,
//     Result.Goodbye, Turn.Asks, Turn.SmallTalk, Mentions/NamesTopic,
//     PointsBack, ChangesSubject, IdentityPhrases and QuestionKey are the
//     scripted engine's questions about a turn (mentions.go), with Probes
//     (senses.go), Reproaches and Impatient (reproach.go), OffersToLeave and
//     AsksToPassOn (leave.go); the engine has no detector of its own.
//   - ReadTagged is Read with the turns' taggings given (a test's own
//     tags), read in context as Read reads the tagger's. Context.Heard
//     follows a call's context from one prospect turn to the next, as
//     Read does.
//   - Read reads every trainee turn beneath its form in its place in the
//     call (unmask.go: guilt and booking before interest as pressure, the
//     parrot, restatements, questions that ask nothing, no time for the
//     other person), the phone answer of a call's first turn
//     (Turn.Answer, answer.go), a prospect's question back (AsksBack) and
//     a plain "No." to a step as a rejection; Fillers reads a spoken
//     turn's filler words. The scorer reads only this.
//
// Real typing is read as meant: informal German ("du", "hast", "würd",
// "passts", "hab") and English ("u", "dont", "wanna") become the forms the
// patterns are written in (the lexicons' aliases), and a word of at least
// seven letters one edit away from exactly one lexicon word is read as that
// word ("Intresse", "intrested").
//
// # How it works
//
// A turn is split into sentences (byte spans into the turn, so a sentence is
// an exact quote; abbreviations such as "z.B.", "Dr." and "e.g." and
// ellipses inside a sentence do not split it, "?!" does, a line break does).
// Each sentence is tokenised (lower-cased, umlauts folded so "für" and
// "fuer" meet) and matched against the phrase lexicon of the turn's
// language, giving cues such as "invitation to tell", "own product" or
// "urgency"; the cues and the sentence's shape (question mark, question word
// at a clause start, fronted verb) combine into acts. A sentence that is
// clearly in the other language (more of its stop words), or that gets no
// act at all, is tagged with the other lexicon. The tagger is deterministic,
// never panics on any input and takes microseconds per turn.
//
// # Conventions
//
// The labels in testdata/*.tsv follow these rules; the scorer and the
// scripted engine may rely on them.
//
//   - Open: W-Fragen and wh-questions ("Was ...?", "How did ...?"),
//     invitations without a question mark ("Erzählen Sie mal ...", "Tell me
//     more", "Walk me through ..."), yes/no frames around a verb of telling
//     ("Können Sie mir mehr erzählen?", "Could you tell me what ...?"), and
//     embedded wh-clauses ("Darf ich fragen, was genau nicht passt?").
//     English yes/no questions that ask for an opinion or invite a list
//     ("Do you think ...?", "Any thoughts ...?", "What else ...?") are open,
//     as MI coders code them.
//   - Closed: Entscheidungsfragen and yes/no questions, declarative questions
//     ("Sie sind also der Geschäftsführer?"), tag questions, "ob"/"whether"
//     clauses, and, following MITI, wh-questions that ask for a number, a
//     point on a scale or only whether one knows ("Wie viele ...?", "Wie
//     viel ...?", "How many ...?", "How much ...?", "Wissen Sie, wer ...?", "Do you know who ...?", "Do you think
//     you can ...?"). English "when" questions ask for a point in time and are
//     closed; German "wann" stays open, as the W-Frage convention has it.
//     A bare "Okay?" or "Right?" is no question.
//   - permission ("Haben Sie einen Moment?") is no closed_question: it
//     opens the call and asks nothing about the person (no Question
//     either), though the sentence still asks (Sentence.Asks).
//   - follow_up needs the prospect's previous turn: a question that shares a
//     content word with it (after stop-word removal, light stemming, compound
//     heads and derivations: "Betriebe"/"Handwerksbetriebe",
//     "Interesse"/"interessant") or picks it up by reference ("Was meinen Sie
//     damit?", "Why is that?", "Wie gehen Sie damit um?", "Is it
//     reliable?"), or comes right after a sentence of the same turn that
//     repeated their words. It always comes with a question act.
//   - reflection always comes with acknowledgement: an explicit lead ("Sie
//     meinen also", "It sounds like"), a weak lead ("So you ...") that picks
//     up the prospect's words, a statement to the listener that repeats
//     two of their content words, or a statement with the listener as its
//     subject that repeats one ("You've taken time off, it's costing you
//     time"). A reflection said with a rising voice is no closed question.
//   - An acknowledging opener set off by a comma ("Okay, ...", "Alles klar,
//     ...") is an acknowledgement.
//   - After a no (Context.Rejected), arguing ("Aber ...", "Are you sure?")
//     and re-pitching are pressure, unless the sentence asks for feedback,
//     shows interest in the person, offers help or accepts the no ("..., aber
//     das respektiere ich", "Schade, aber danke ..."). An open question
//     after a no that is not about the person, an offer or a next step is a
//     feedback_request ("Could I ask what exactly didn't fit?", "Darf ich
//     fragen, was Ihnen wichtig ist?"). "I hear that a lot" is an
//     acknowledgement, not arguing.
//   - Unsolicited advice in a statement is pressure, as MI counts the
//     righting reflex: "Sie sollten ...", "Da sollten Sie ...", "Sie
//     müssen ...", "You should ...", "You need to ...", "I'd strongly
//     recommend you ...", "If I were you ...", also an inclusive "we need
//     to". Not in a question ("Do you need to check with your partner?"),
//     not as a condition ("Sollten Sie Fragen haben, ..."), not in reported
//     speech ("she told you that you have to ..."). So are guilt and
//     rhetorical questions ("Ich verstehe nicht, warum Sie zögern", "Doesn't
//     that worry you?", "Sie können es sich nicht leisten, ...").
//   - pitch: the caller's own product or company ("Unser Tarif ...", "Our
//     scheme ..." at a clause start, "Wir vermitteln ...", "We've built
//     ...") and "we have ... for you" ("Wir haben sehr gute Pflegekräfte
//     für Sie"; not "I have a question for you"). A deadline on "the offer"
//     ("Das Angebot gilt nur heute") is pressure, not by itself a pitch.
//   - A candour marker ("ehrlich gesagt", "honestly") makes a prospect's
//     sentence a reveal only when it does not decline ("Honestly, I'm not
//     interested" is a rejection only).
//   - In a call (Read), a prospect turn that tells a hidden need is a
//     reveal, and so is a story told in answer to a question about the
//     person or to a reflection, whatever its words (disclose.go); neither
//     forgets a no that stands.
//   - An invitation ("Darf ich Sie zu unserem Unternehmertreffen einladen?")
//     is offer_help and proposal; a referral or contact ("Soll ich den Kontakt
//     herstellen?") is offer_help only.
//   - personal_interest: questions about the person or their business beyond
//     the product ("Was machen Sie sonst so?"), and open questions about
//     their business, team, day or challenges.
//   - A pitch inside a feedback request ("Was hat Sie an dem Angebot nicht
//     überzeugt?") is no pitch, and a proposal named in an open one ("Darf
//     ich fragen, was an meinem Vorschlag nicht passt?") is no proposal.
//     After a no, a question about what did not fit, bothered or put them
//     off ("Gab es etwas, das Sie gestört hat?", "What's your main concern
//     with our offer?") is a feedback request, whatever it names; one that
//     suggests just trying the product ("Was spricht dagegen, es einfach mal
//     zu testen?", "What's stopping you from giving it a try?") is a
//     re-pitch: pressure, no feedback request.
//   - introduction: also a full name followed by a role at a company ("Luke
//     Brandt, sales at Medisoft.", "Mara Vogt, Vertrieb bei der Lindner
//     GmbH.").
//   - A German "das" standing alone (not before a noun: "Wie wirkt sich das
//     auf Ihr Team aus?") points back at what was said, as "that" does in
//     English, in a question of up to eight words after discourse markers.
//
// # Measured
//
// testdata/de.tsv and testdata/en.tsv hold the hand-labelled utterances (go
// test -v -run TestLabelled prints exact-set accuracy and per-act precision
// and recall; every case must pass). The rules were developed on them, so
// those figures say little about unseen text. Held-out blocks written
// afterwards and tagged once before the next fix give the honest figure:
// batch 1, German 16/38 and English 23/36; batch 2, German 14/20 and
// English 10/20; batch 3, German 10/17 and English 9/17; batch 4, German
// 7/16 and English 9/16 (all in the main tables now). A second author's
// batch 5 (testdata/heldout_*.tsv, cold calls, feedback after a no,
// gatekeepers, inbound callers) got 30/61 German and 30/62 English exact
// before the rules were revised in general (directives, "we have ... for
// you", feedback after a no, candour markers, titled names as follow-up
// material, lexicon gaps); the fresh batch 6, tagged once after that
// revision, got 19/27 in each language. Batch 7, a third author's 45
// turns per language around the moment after a no (feedback requests in
// many phrasings, arguing, re-pitches disguised as questions, offers,
// invitations, the prospect's answers), got 32/45 German and 37/45 English
// before the next general revision (feedback naming the offer or the
// proposal, "just try it", name-and-role introductions, a standing-alone
// "das"). So expect 70 to 80 % of unseen turns to get exactly the right
// set, and most acts of the others. The held-out files stay out of the
// main tables: TestHeldout asserts their exact-set rate (now 97 % in each
// language) at a floor of 90 % and logs
// every miss, so a change that loses generality fails even when the main
// tables pass. On the AnnoMI therapist questions (go run ./cmd/eval) the
// open/closed decision reaches macro-F1 0.80, against 0.70 for the plain
// wh-word rule as cmd/eval implements it.
package acts
