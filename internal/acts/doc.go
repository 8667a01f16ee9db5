// Package acts tags utterances with dialogue acts (openline.Act), in German
// and English. One tagger serves both the scripted persona engine and the
// scorer.
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
//   - permission ("Haben Sie einen Moment?") comes with closed_question.
//   - follow_up needs the prospect's previous turn: a question that shares a
//     content word with it (after stop-word removal, light stemming, compound
//     heads and derivations: "Betriebe"/"Handwerksbetriebe",
//     "Interesse"/"interessant") or picks it up by reference ("Was meinen Sie
//     damit?", "Why is that?", "Wie gehen Sie damit um?", "Is it
//     reliable?"), or comes right after a sentence of the same turn that
//     repeated their words. It always comes with a question act.
//   - reflection always comes with acknowledgement: an explicit lead ("Sie
//     meinen also", "It sounds like"), a weak lead ("So you ...") that picks
//     up the prospect's words, or a statement to the listener that repeats
//     two of their content words. A reflection said with a rising voice is
//     no closed question.
//   - An acknowledging opener set off by a comma ("Okay, ...", "Alles klar,
//     ...") is an acknowledgement.
//   - After a no (Context.Rejected), arguing ("Aber ...", "Are you sure?")
//     and re-pitching are pressure, unless the sentence asks for feedback,
//     shows interest in the person, offers help or accepts the no ("..., aber
//     das respektiere ich").
//   - An invitation ("Darf ich Sie zu unserem Unternehmertreffen einladen?")
//     is offer_help and proposal; a referral or contact ("Soll ich den Kontakt
//     herstellen?") is offer_help only.
//   - personal_interest: questions about the person or their business beyond
//     the product ("Was machen Sie sonst so?"), and open questions about
//     their business, team, day or challenges.
//   - A pitch inside a feedback request ("Was hat Sie an dem Angebot nicht
//     überzeugt?") is no pitch.
//
// # Measured
//
// testdata/de.tsv and testdata/en.tsv hold the hand-labelled utterances (go
// test -v -run TestLabelled prints exact-set accuracy and per-act precision
// and recall; every case passes but the listed known misses). The rules
// were developed on the first blocks, so those figures say little about
// unseen text. The two held-out blocks at the end of each file were written
// afterwards and tagged once before any fix; their first-run exact-set
// accuracy is the honest figure: batch 1, German 16/38 and English 23/36;
// batch 2 (after the fixes batch 1 prompted), German 14/20 and English
// 10/20; batch 3, German 10/17 and English 9/17; batch 4, German 7/16 and
// English 9/16. So expect about half of unseen turns to get exactly the
// right set, and most acts of the others. Most misses were one
// missing act (a phrase the lexicon lacked, a personal question about a
// topic it did not know); a per-act view is much kinder. On the AnnoMI therapist questions (go run
// ./cmd/eval) the open/closed decision reaches macro-F1 0.80, against 0.70
// for the plain wh-word rule as cmd/eval implements it.
package acts
