package score

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/openline/openline/internal/openline"
)

const (
	maxTips    = 3
	minTipLoss = 2.0 // points a part must cost before it earns a tip (beyond the first)
	// momentBonus ranks the tips about the moments the method cares most
	// about (the answer to a no, pressure) ahead of others that cost as much.
	momentBonus   = 5.0
	tipQuoteWords = 8 // words of the prospect quoted in a better line
)

// tips returns one to three tips for the parts that cost the most points,
// each naming the moment and a better line in the call's language. A call
// without a trainee turn gets none.
func (s *scorer) tips() []openline.Tip {
	if len(s.trainee) == 0 {
		return []openline.Tip{}
	}
	type cand struct {
		loss float64 // points of the dimension's score lost by this part
		part int
	}
	total := map[string]float64{}
	for _, p := range s.parts {
		if p.Applies && p.Weight > 0 {
			total[p.Dimension] += p.Weight
		}
	}
	var cands []cand
	for i, p := range s.parts {
		if !p.Applies || p.Weight <= 0 {
			continue
		}
		loss := 100 * p.Weight * (1 - s.raw[i]) / total[p.Dimension]
		if loss > 0 && (p.Name == openline.WeightAfterRejection || p.Name == openline.WeightPressure) {
			loss += momentBonus
		}
		cands = append(cands, cand{loss: loss, part: i})
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(b.loss, a.loss) })
	tips := []openline.Tip{}
	for _, c := range cands {
		if len(tips) == maxTips || (len(tips) > 0 && c.loss < minTipLoss) {
			break
		}
		tips = append(tips, s.tip(s.parts[c.part].Name))
	}
	return tips
}

// tip builds the tip for one part.
func (s *scorer) tip(name string) openline.Tip {
	l := s.lang
	t := func(turn int, text, better msg, args ...any) openline.Tip {
		b := better.in(l)
		if len(args) > 0 {
			b = fmt.Sprintf(b, args...)
		}
		return openline.Tip{Turn: turn, Text: text.in(l), Better: b}
	}
	first := s.trainee[0]
	switch name {
	case openline.WeightFriendlyOpening:
		if s.inbound {
			return t(first, tipInboundOpen, tipInboundBetter)
		}
		return t(first, tipOpening, tipOpeningBetter, s.personaAddress())
	case openline.WeightListening:
		return t(max(s.monologueTurn, first), tipListening, tipListeningBetter)
	case openline.WeightAcknowledgement:
		turn, words := s.missedChance(func(i int) bool {
			return s.res[i].Has(openline.ActAcknowledgement) || s.res[i].Has(openline.ActReflection)
		})
		return t(turn, tipAck, tipAckBetter, words)
	case openline.WeightAfterRejection:
		turn := s.nextTrainee(s.rejectAt)
		for _, i := range s.trainee {
			if i > s.rejectAt && (s.res[i].Has(openline.ActPressure) || s.res[i].Has(openline.ActPitch)) {
				turn = i
				break
			}
		}
		return t(turn, tipRejection, tipRejectionBetter)
	case openline.WeightTimeForCaller:
		return t(first, tipCaller, tipCallerBetter)
	case openline.WeightPressure:
		turn := first
		for _, i := range s.trainee {
			if s.res[i].Has(openline.ActPressure) {
				turn = i
				break
			}
		}
		return t(turn, tipPressure, tipPressureBetter)
	case openline.WeightOpenShare:
		turn := -1
		for _, i := range s.trainee {
			for _, sen := range s.res[i].Sentences {
				if isQuestion(sen) && !has(sen, openline.ActOpenQuestion) && turn < 0 {
					turn = i
				}
			}
		}
		return t(turn, tipOpen, tipOpenBetter)
	case openline.WeightFollowUps:
		turn, words := s.missedChance(func(i int) bool { return s.res[i].Has(openline.ActFollowUp) })
		return t(turn, tipFollowUp, tipFollowUpBetter, words)
	case openline.WeightNeeds:
		return t(-1, tipNeeds, tipNeedsBetter)
	case openline.WeightPersonalInterest:
		return t(-1, tipPersonal, tipPersonalBetter)
	case openline.WeightSpread:
		return t(-1, tipSpread, tipSpreadBetter)
	}
	return t(-1, tipQuestions, tipQuestionsBetter)
}

// personaAddress is ", Herr B." (or ", Mr B.") for the better opening line
// when the scenario names the persona, else "".
func (s *scorer) personaAddress() string {
	if s.sc == nil || strings.TrimSpace(s.sc.Persona.Name) == "" {
		return ""
	}
	return " " + strings.TrimSpace(s.sc.Persona.Name)
}

// missedChance finds the first trainee turn that answers a prospect turn
// worth picking up (a reveal, objection or rejection, else any substantial
// turn) without doing what ok checks, and the first words of that prospect
// turn. Without one it falls back to the first trainee turn.
func (s *scorer) missedChance(ok func(trainee int) bool) (int, string) {
	best, bestProspect := -1, -1
	for pass := 0; pass < 2 && best < 0; pass++ {
		for i, t := range s.tr.Turns {
			if t.Speaker != openline.Prospect {
				continue
			}
			strong := s.res[i].Has(openline.ActReveal) || s.res[i].Has(openline.ActObjection) || s.res[i].Has(openline.ActRejection)
			if pass == 0 && !strong || pass == 1 && s.words[i] < substantialWords {
				continue
			}
			if j := s.nextTrainee(i); j == i+1 && !ok(j) {
				best, bestProspect = j, i
				break
			}
		}
	}
	if best < 0 {
		for i := range s.tr.Turns {
			if s.tr.Turns[i].Speaker == openline.Prospect {
				bestProspect = i
			}
		}
		if bestProspect < 0 {
			return s.trainee[0], "…"
		}
		return max(s.nextTrainee(bestProspect), s.trainee[0]), s.keyWords(bestProspect)
	}
	return best, s.keyWords(bestProspect)
}

// keyWords are the first words of the sentence that carries prospect turn
// i: the first one tagged as a reveal, objection or rejection, else its last
// sentence (where the point of a turn usually comes).
func (s *scorer) keyWords(i int) string {
	text := s.tr.Turns[i].Text
	sens := s.res[i].Sentences
	if len(sens) == 0 {
		return firstWords(text)
	}
	pick := sens[len(sens)-1]
	for _, sen := range sens {
		if has(sen, openline.ActReveal) || has(sen, openline.ActObjection) || has(sen, openline.ActRejection) {
			pick = sen
			break
		}
	}
	return firstWords(quote(text, pick.Start, pick.End))
}

// firstWords is the first few words of a prospect's turn, without the
// punctuation that ends them.
func firstWords(text string) string {
	w := strings.Fields(text)
	cut := len(w) > tipQuoteWords
	if cut {
		w = w[:tipQuoteWords]
	}
	out := strings.TrimRight(strings.Join(w, " "), ".,;:!?…")
	if cut {
		out += " …"
	}
	return out
}
