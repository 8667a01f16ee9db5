package acts

import (
	"slices"
	"strings"

	"github.com/openline/openline/internal/openline"
)

// This file reads a trainee turn beneath its form, in its place in the
// conversation (Read applies it to every trainee turn): what a sentence
// does that its acts alone do not show (Disguised), and an echo of the
// prospect's words that leads into a question of one's own. It used to be
// the scorer's own pass over the reading; now the reading says it, once.

// pickUpAnswerWords is the longest first trainee turn, in words, that
// only picks up the phone ("Ja, Schulte?", "Yeah, Collins?"): a question
// in it asks about nothing.
const pickUpAnswerWords = 6

// unmask reads trainee turn rt (said as text after the prospect's turn
// said, prepared; nil when the turn before was not the prospect's)
// beneath its form:
//
//   - a sentence that wraps the call up ("Sonst noch was?"), arranges a
//     step ("Wann passt es Ihnen besser?") or, in the call's first turn,
//     picks up the phone asks about nothing (Sentence.AsksNothing);
//   - a sentence that tells the other person there is no time is NoTime
//     (NoTimeAt);
//   - guilt ("Es wäre fahrlässig, …") is pressure, and so is asking to book
//     the step right after a prospect turn that showed no interest
//     (interested false);
//   - an echo of the prospect's words (Said.Echo) that leads into a
//     question on a subject of one's own (Said.NewTopic) is a parrot:
//     the turn moves on, and its reflection, acknowledgement, follow-up
//     and feedback request do not count;
//   - a reflection or feedback request in a turn that then pitches or
//     pushes takes nothing in, and asks for nothing but a yes: dropped;
//   - a turn of statements only that takes up the prospect's words
//     (Said.Restates), with no pitch, push or step of its own, reflects,
//     as MITI counts it beside questions.
//
// first is true for the first turn of the call. The turn's acts keep their
// order; acts added here come last.
func unmask(rt *Turn, text string, said *Said, interested, first bool) {
	heard := func() *Said { return said }
	has := func(s Sentence, a openline.Act) bool { return slices.Contains(s.Acts, a) }
	sens := rt.Sentences // traineeTurn cloned them
	firstWords := WordCount(text)
	echo, asked, pushes, busy := false, false, false, false
	var rest strings.Builder // the turn without its echoes
	for k := range sens {
		sen := &sens[k]
		q := quoteOf(text, *sen)
		d := sen.disguise
		if !sen.disguised {
			d = Disguised(q)
		}
		if d.WrapUp || d.Scheduling || d.Curt || (first && firstWords <= pickUpAnswerWords && !has(*sen, openline.ActOpenQuestion)) {
			sen.AsksNothing = true
		}
		if d.Busy && !busy {
			busy, rt.NoTime, rt.NoTimeAt = true, true, k
		}
		// The tagger reads the other disguised pushes itself
		// (pressesBeneath asks Disguised too, with its exceptions: "Sie
		// müssen heute nichts entscheiden" relieves); guilt, and booking
		// the step before any interest (unless it puts their complaint
		// right: Sentence.remedy), need the turn's place.
		// Asked what the call is about, going past the one who asked to
		// the person behind her ("Sie können mich bestimmt kurz
		// durchstellen", "Wie ist denn seine Durchwahl?") treats her as an
		// obstacle: pressure, unless the turn says what it is about.
		words := sentenceWords(text, *sen)
		passes := said != nil && passesBy(words) && asksPurpose(said.text) && !givesPurpose(text)
		// Put off, insisting it matters or takes a moment without saying
		// what it is about presses past them (urges.go); asking for a
		// short step ("Fancy a quick demo, just twenty minutes?") asks.
		passes = passes || said != nil && !sen.Asks && !has(*sen, openline.ActProposal) && putsOff(said.text) && urges(words) && !givesPurpose(text)
		if (d.Guilt || (d.Booking && !interested && !sen.remedy) || passes) && !has(*sen, openline.ActPressure) {
			sen.Acts = append(slices.Clone(sen.Acts), openline.ActPressure)
		}
		if has(*sen, openline.ActPressure) || has(*sen, openline.ActPitch) {
			pushes = true
		}
		if said == nil {
			continue
		}
		if (has(*sen, openline.ActReflection) || has(*sen, openline.ActAcknowledgement)) && heard().echo(sentenceWords(text, *sen)) {
			echo = true
			continue
		}
		rest.WriteString(q + " ")
		if has(*sen, openline.ActOfferHelp) || has(*sen, openline.ActProposal) || has(*sen, openline.ActPersonalInterest) {
			continue // offering help answers what was said; asking about the person is no checklist
		}
		asked = asked || has(*sen, openline.ActOpenQuestion) || has(*sen, openline.ActClosedQuestion)
	}
	rt.Parrot = echo && asked && heard().NewTopic(rest.String())
	if said != nil && !pushes && WordCount(said.text) >= substantialWords && !slices.ContainsFunc(sens, func(sen Sentence) bool {
		return has(sen, openline.ActOpenQuestion) || has(sen, openline.ActClosedQuestion) || has(sen, openline.ActPermission) || has(sen, openline.ActProposal) ||
			has(sen, openline.ActOfferHelp) || has(sen, openline.ActFarewell) || has(sen, openline.ActReflection)
	}) {
		for k := range sens {
			if heard().restates(sentenceWords(text, sens[k])) {
				sens[k].Acts = append(slices.Clone(sens[k].Acts), openline.ActReflection)
				if rt.Uptake == UptakeMovesOn {
					rt.Uptake = UptakeTakesUp
				}
				break
			}
		}
	}
	if pushes && !rt.Parrot && !rt.YesBut {
		// A reflection before the pitch or the push of the same turn is a
		// "yes, but" too ("I totally hear you, that sounds so frustrating.
		// Have you considered upgrading?"): it is dropped below, and it
		// moves on like any.
		heardAt := slices.IndexFunc(sens, func(sen Sentence) bool { return has(sen, openline.ActReflection) })
		if heardAt >= 0 {
			for _, sen := range sens[heardAt+1:] {
				if has(sen, openline.ActPressure) || has(sen, openline.ActPitch) {
					rt.YesBut, rt.YesButArgues = true, has(sen, openline.ActPressure)
					break
				}
			}
		}
	}
	if rt.Parrot || pushes {
		drop := []openline.Act{openline.ActFeedbackRequest}
		if rt.Parrot || slices.ContainsFunc(sens, func(sen Sentence) bool { return has(sen, openline.ActReflection) }) {
			drop = append(drop, openline.ActReflection, openline.ActAcknowledgement)
		}
		if rt.Parrot {
			drop = append(drop, openline.ActFollowUp)
			if rt.Uptake == UptakeTakesUp {
				rt.Uptake = UptakeMovesOn
			}
		}
		for k := range sens {
			sens[k].Acts = slices.DeleteFunc(slices.Clone(sens[k].Acts), func(a openline.Act) bool { return slices.Contains(drop, a) })
		}
	}
	in := func(a openline.Act) bool {
		return slices.ContainsFunc(sens, func(sen Sentence) bool { return has(sen, a) })
	}
	all := slices.DeleteFunc(slices.Clone(rt.Acts), func(a openline.Act) bool { return !in(a) })
	for _, sen := range sens {
		for _, a := range sen.Acts {
			if !slices.Contains(all, a) {
				all = append(all, a)
			}
		}
	}
	rt.Sentences, rt.Acts = sens, all
	rt.Questions = questions(rt.Result)
}

// quoteOf is the words of sentence s of text, "" for a span outside it.
func quoteOf(text string, s Sentence) string {
	if s.Start < 0 || s.Start > s.End || s.End > len(text) {
		return ""
	}
	return text[s.Start:s.End]
}

// passesBy reports a sentence that asks to be put through to someone else
// ("durchstellen", "verbinden", "put me through", "connect me"), or
// demands their direct line ("Wie ist denn seine Durchwahl?", "Geben Sie
// mir wenigstens seine Durchwahl"). Asking for the line as a request she
// may refuse ("Könnten Sie mir seine Durchwahl geben?", "Could you give me
// her extension?") asks a fact.
func passesBy(toks []token) bool {
	line := false
	for i, t := range toks {
		switch {
		case strings.HasPrefix(t.s, "durchstell") || strings.HasPrefix(t.s, "durchzustell") || t.s == "verbinden":
			return true
		case t.s == "put" && i+2 < len(toks) && toks[i+1].s == "me" && toks[i+2].s == "through", t.s == "connect" && i+1 < len(toks) && toks[i+1].s == "me":
			return true
		case strings.HasPrefix(t.s, "durchwahl"), t.s == "extension", t.s == "line" && i > 0 && toks[i-1].s == "direct":
			line = true
		}
	}
	return line && !requests(toks)
}

// requests reports a sentence put as a request the listener may refuse:
// a modal with the listener or the speaker ("Könnten Sie …", "Dürfte
// ich …", "Could you …", "May I …"), not softened by "wenigstens" or "at
// least" into insisting.
func requests(toks []token) bool {
	if hasWord(toks, "wenigstens", "zumindest") || phraseOf(toks).has(" at least ") {
		return false
	}
	for i := 0; i+1 < len(toks); i++ {
		if requestModals[toks[i].s] && (toks[i+1].s == "sie" || toks[i+1].s == "du" || toks[i+1].s == "ich" || toks[i+1].s == "you" || toks[i+1].s == "i") {
			return true
		}
	}
	return false
}

// requestModals ask rather than tell.
var requestModals = map[string]bool{"koennten": true, "koennen": true, "koenntest": true, "kannst": true, "wuerden": true, "wuerdest": true, "duerfte": true,
	"darf": true, "koennte": true, "kann": true, "could": true, "can": true, "would": true, "may": true, "might": true}

// purposeQuestions ask the caller what the call is about.
var purposeQuestions = substringsOf([]string{"worum geht", "um was geht", "worum es geht", "in welcher angelegenheit", "was ist der grund", "was ist ihr anliegen",
	"what's it about", "what is it about", "what's this about", "what is this about", "what it's about", "what it is about", "regarding what",
	"what's it regarding", "what is it regarding", "what's this regarding", "what is this regarding", "what's it concerning", "what is it concerning"})

// asksPurpose reports whether the prospect's turn asks what the call is
// about.
func asksPurpose(prospect string) bool { return purposeQuestions.in(foldSpace(prospect)) }

// purposeAnswers say what a call is about.
var purposeAnswers = substringsOf([]string{"es geht um", "geht es um", "es geht darum", "geht um ", "ich rufe wegen", "ich rufe an wegen", "ich rufe an, weil", "wegen der", "wegen des", "wegen ihrer",
	"it's about", "it is about", "it's regarding", "it's concerning", "i'm calling about", "i'm calling because", "i am calling about", "the reason i'm calling"})

// givesPurpose reports whether a trainee turn says what the call is about.
func givesPurpose(text string) bool { return purposeAnswers.in(foldSpace(text)) }
