package scripted

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

// This file is how the prospect goes on about a need it has revealed, when
// the trainee follows up on it (step 7e of the package documentation).

// minDetailWords is the fewest words a sentence needs to be told as a
// further detail of a need; shorter ones ("Nachwuchs.") say too little on
// their own.
const minDetailWords = 5

// maxReflections is how many reflective lines the prospect adds to a need
// once its details are used up; after that the need is talked out and a
// follow-up on it gets the engine's ordinary replies.
const maxReflections = 2

// followedUp returns the revealed need turn t follows up on, or nil: in a
// persona-voice state, a turn without pitch, pressure, offer of help or
// proposal that either
//   - picks up the reply just before, which was about a need (revealed or
//     continued): with a question naming that need's topics or detect
//     words or pointing back (acts.PointsBack), or with a follow_up,
//     acknowledgement or reflection that does not change the subject
//     (acts.ChangesSubject: "sonst", "what else", ...); or
//   - asks a question (open, closed or follow-up) naming one of the detect
//     words of any revealed need, the latest first.
func (p *prospect) followedUp(t turn) *openline.Need {
	has := t.tags.Has
	if p.voice() != voicePersona || has(openline.ActPitch) || has(openline.ActPressure) || has(openline.ActOfferHelp) || has(openline.ActProposal) {
		return nil
	}
	question := t.asksQuestion() || has(openline.ActFollowUp)
	if n := p.sc.Need(p.topicNeed); n != nil && p.reflected[n.ID] < maxReflections {
		if question && (acts.NamesTopic(t.text, n) || acts.MentionsAny(t.text, n.Detect) || pointsBack(t.text) || asksOnAbout(p.sc.Language, t.text)) {
			return n
		}
		if (has(openline.ActFollowUp) || has(openline.ActAcknowledgement) || has(openline.ActReflection)) && !changesSubject(t.text) {
			return n
		}
	}
	if !question {
		return nil
	}
	for i := len(p.revealed) - 1; i >= 0; i-- {
		if n := p.sc.Need(p.revealed[i]); p.reflected[n.ID] < maxReflections && acts.MentionsAny(t.text, n.Detect) {
			return n
		}
	}
	return nil
}

// asksOnAbout reports whether text asks how they handle a matter or what
// would help (acts.AsksFollowUp) without changing the subject: said right
// after a need, it asks about that need.
func asksOnAbout(lang openline.Language, text string) bool {
	return acts.AsksFollowUp(lang, text) != acts.AsksMore && !changesSubject(text)
}

func pointsBack(text string) bool {
	_, ok := acts.PointsBack(text)
	return ok
}

func changesSubject(text string) bool {
	_, ok := acts.ChangesSubject(text)
	return ok
}

// continuation is what the prospect says to follow-up t on revealed need
// n, never the reveal retold:
//   - a question how they handle it or what they tried gets one of the
//     need's tried lines, one for what would help one of its would_help
//     lines (acts.AsksFollowUp); with none written, the engine's own
//     short answer of that kind, once per need;
//   - anything else gets the need's next details line, then its tried and
//     would_help lines not said yet. A need written without any of them
//     tells the next detail of its other reveal variants instead (a
//     sentence that is not mostly words already said, after a short
//     lead-in, see nextDetail);
//   - once all is said, one of the engine's reflective lines
//     (lineElaborate), at most maxReflections times per need.
//
// The reply stays about n, so a further follow-up continues it.
func (p *prospect) continuation(n *openline.Need, t turn) string {
	p.nextTopic = n.ID
	v := p.voice()
	ask := acts.AsksFollowUp(p.sc.Language, t.text)
	switch {
	case ask == acts.AsksTried && p.unsaid(n, n.Tried):
		return p.tell(n, "tried/", n.Tried)
	case ask == acts.AsksWouldHelp && p.unsaid(n, n.WouldHelp):
		return p.tell(n, "would-help/", n.WouldHelp)
	case ask == acts.AsksTried && len(n.Tried) == 0 && !p.toldOwn(n, lineTried):
		return p.own(lineTried, v)
	case ask == acts.AsksWouldHelp && len(n.WouldHelp) == 0 && !p.toldOwn(n, lineWouldHelp):
		return p.own(lineWouldHelp, v)
	}
	for _, more := range [...]struct {
		key   string
		lines []string
	}{{"details/", n.Details}, {"tried/", n.Tried}, {"would-help/", n.WouldHelp}} {
		if p.unsaid(n, more.lines) {
			return p.tell(n, more.key, more.lines)
		}
	}
	if len(n.Details)+len(n.Tried)+len(n.WouldHelp) == 0 {
		if d := p.nextDetail(n); d != "" {
			p.spoken[n.ID] = append(p.spoken[n.ID], d)
			if opensItself(d) {
				return d
			}
			return p.own(lineGoOn, v) + " " + d
		}
	}
	p.reflected[n.ID]++
	return p.own(lineElaborate, v)
}

// unsaid reports whether one of lines was not said yet about need n.
func (p *prospect) unsaid(n *openline.Need, lines []string) bool {
	return slices.ContainsFunc(lines, func(l string) bool { return !slices.Contains(p.spoken[n.ID], l) })
}

// tell says one of need n's follow-up lines not said yet (the list's
// variant memory keeps the order fresh) and remembers it.
func (p *prospect) tell(n *openline.Need, key string, lines []string) string {
	var fresh []string
	for _, l := range lines {
		if !slices.Contains(p.spoken[n.ID], l) {
			fresh = append(fresh, l)
		}
	}
	s := p.say("need/"+key+n.ID, fresh)
	p.spoken[n.ID] = append(p.spoken[n.ID], s)
	return s
}

// toldOwn reports whether the engine's own line l was said about need n
// already, and marks it said.
func (p *prospect) toldOwn(n *openline.Need, l line) bool {
	key := fmt.Sprintf("%s/%d", n.ID, l)
	if p.ownTold[key] {
		return true
	}
	p.ownTold[key] = true
	return false
}

// interjections open a sentence the way a lead-in would.
var interjections = set("ach", "ja", "na", "naja", "tja", "hm", "oh", "ehrlich", "also", "well", "honestly", "look", "so", "yes", "yeah", "oh", "mind")

// opensItself reports whether sentence s starts with an interjection or a
// word set off by a comma or an ellipsis ("Ach, …", "Honestly? …"), so
// that a lead-in before it would stutter.
func opensItself(s string) bool {
	first, _, _ := strings.Cut(s, " ")
	if strings.ContainsAny(first, ",…?!:") {
		return true
	}
	return interjections[strings.ToLower(strings.TrimFunc(first, func(r rune) bool { return !unicode.IsLetter(r) }))]
}

// nextDetail returns the longest sentence of n's reveal lines that has not
// been said, is no question, has at least minDetailWords words, and of
// whose content words at most half were said already; "" when none is
// left.
func (p *prospect) nextDetail(n *openline.Need) string {
	said := map[string]bool{}
	for _, s := range p.spoken[n.ID] {
		for _, w := range contentWords(s) {
			said[w] = true
		}
	}
	var best string
	for _, line := range n.Reveal {
		for _, s := range sentences(line) {
			if slices.Contains(p.spoken[n.ID], s) || strings.HasSuffix(s, "?") || len(strings.Fields(s)) < minDetailWords {
				continue
			}
			words := contentWords(s)
			old := 0
			for _, w := range words {
				if said[w] {
					old++
				}
			}
			if len(words) == 0 || 2*old > len(words) {
				continue
			}
			if utf8.RuneCountInString(s) > utf8.RuneCountInString(best) {
				best = s
			}
		}
	}
	return best
}

// contentWords are the lower-case words of s with at least five letters: a
// rough cut that leaves out most function words in both languages.
func contentWords(s string) []string {
	var out []string
	for w := range strings.FieldsFuncSeq(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if utf8.RuneCountInString(w) >= 5 {
			out = append(out, w)
		}
	}
	return out
}

// sentences splits a scenario line into its sentences, each with its end
// punctuation. A sentence ends at . ! ? or … followed by a space and an
// upper-case letter or an opening quote, unless the word before the dot is
// a single letter or a number ("Herr B. sagt", "der 12. März").
func sentences(line string) []string {
	var out []string
	start := 0
	for i, r := range line {
		if !strings.ContainsRune(".!?…", r) {
			continue
		}
		end := i + utf8.RuneLen(r)
		rest := line[end:]
		trimmed := strings.TrimLeft(rest, " ")
		if len(trimmed) == len(rest) || trimmed == "" {
			continue
		}
		next, _ := utf8.DecodeRuneInString(trimmed)
		if !unicode.IsUpper(next) && !strings.ContainsRune("\"„“‚'", next) {
			continue
		}
		if r == '.' {
			word := line[start:i]
			if k := strings.LastIndexFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }); k >= 0 {
				_, size := utf8.DecodeRuneInString(word[k:])
				word = word[k+size:]
			}
			if utf8.RuneCountInString(word) <= 1 || strings.IndexFunc(word, unicode.IsLetter) < 0 {
				continue
			}
		}
		if s := strings.TrimSpace(line[start:end]); s != "" {
			out = append(out, s)
		}
		start = end
	}
	if s := strings.TrimSpace(line[start:]); s != "" {
		out = append(out, s)
	}
	return out
}
