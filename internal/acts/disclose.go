package acts

import (
	"slices"

	"github.com/openline/openline/internal/openline"
)

// This file reads a prospect's disclosure from its place in the call, where
// the phrase lists see none: a turn that tells a hidden need, and a turn
// that answers the trainee's question with a point of its own ("Ich spiel
// Cello in einem Laienorchester …" to "Was machen Sie, wenn Sie nicht in
// der Praxis sind?"), reveal something whatever words they use.

// minDisclosureWords is the fewest content words (no stop words), in a
// prospect turn's statements, that make an answer to a question a
// disclosure: "Achtunddreißig.", "We use Excel." or "No, that's it for
// now. Thank you, that was really helpful." answer a fact or wrap up, a
// story tells something.
const minDisclosureWords = 5

// discloses reads prospect turn r (said as text) as a reveal when
//
//   - it tells a hidden need (told) and is no yes to a step (interest) or
//     plain no: a need told is the prospect opening up. Its objection
//     words are, after a question of the trainee's, the answer to it ("Aber
//     ich hatte keine Zeit, sie einzuarbeiten" to "Was war das Problem?"),
//     so the reveal stands in for them; after a pitch they object ("We've
//     already got one. Auto-enrolment, all legal."), and no reveal is read.
//   - or it answers trainee turn t's question about them (discovery or a
//     fact, not a step, permission or pressure), or t's reflection, with
//     statements of at least minDisclosureWords content words, and is no
//     no, no objection, no yes to a step and no hang-up (Read does not ask
//     for a hurried, annoyed or evading turn either).
//
// The reveal goes on the turn's statement with the most content words, the
// point a tip quotes. t is nil when no trainee turn came right before.
func discloses(r *Result, t *Turn, text string, told bool) {
	if r.Has(openline.ActReveal) || r.Has(openline.ActRejection) || r.Has(openline.ActHangup) || r.Has(openline.ActInterest) {
		return
	}
	asked := t != nil && asksThem(t)
	if told {
		if r.Has(openline.ActObjection) {
			if !asked {
				return
			}
			r.swap(openline.ActObjection, openline.ActReveal)
			return
		}
	} else if !asked && (t == nil || !t.Has(openline.ActReflection)) || r.Has(openline.ActObjection) {
		return
	}
	point, words := -1, 0
	longest := 0
	for i, s := range r.Sentences {
		if s.Asks || s.End > len(text) || s.Start > s.End {
			continue
		}
		n := 0
		toks := sentenceWords(text, s)
		for k := range toks {
			if contentWord(toks, k) {
				n++
			}
		}
		words += n
		if n > longest {
			point, longest = i, n
		}
	}
	if point < 0 || !told && words < minDisclosureWords {
		return
	}
	r.Sentences[point].Acts = swapAct(r.Sentences[point].Acts, "", openline.ActReveal)
	r.Acts = swapAct(r.Acts, "", openline.ActReveal)
}

// asksThem reports whether trainee turn t asks the prospect about
// themselves: a question for discovery or for a fact, in a turn that
// offers no step, help or product and does not press (the answer to those
// is a yes or a no to it).
func asksThem(t *Turn) bool {
	for _, a := range t.Acts {
		switch a {
		case openline.ActProposal, openline.ActOfferHelp, openline.ActPitch, openline.ActPressure:
			return false
		}
	}
	for _, q := range t.Questions {
		if q.Sentence < len(t.Sentences) && slices.Contains(t.Sentences[q.Sentence].Acts, openline.ActPermission) {
			continue
		}
		if q.Purpose == PurposeDiscovery || q.Purpose == PurposeFactual {
			return true
		}
	}
	return false
}
