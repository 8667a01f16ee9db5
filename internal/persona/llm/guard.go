package llm

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/openline/openline/internal/openline"
)

// Guardrails: every piece of a reply is checked here before it reaches the
// trainee (docs/llm.md "Guardrails"). The kinds name the rule broken.
const (
	guardHiddenNeed = "hidden_need" // words of a need code has not unlocked
	guardPrompt     = "prompt"      // words of the instructions
	guardStage      = "stage"       // stage directions, markup, lists
	guardSpeaker    = "speaker"     // a line for the trainee (or any speaker label)
	guardCharacter  = "character"   // the persona steps out of the call
)

// guard checks replies of one prospect. It is rebuilt for every turn, since
// what is locked changes as needs are revealed.
type guard struct {
	locked  []lockedNeed
	grams   map[string]bool // promptGram-word runs of the instructions
	labels  *regexp.Regexp  // speaker labels: the names in the call, roles
	maxRune int
}

// lockedNeed is a hidden need not yet unlocked, as words that would give it
// away.
type lockedNeed struct {
	id      string
	stems   []string // distinctive words of its fact (stemmed), not public
	phrases []string // its detect phrases, folded
	need    int      // how many stems in one reply give it away
}

// promptGram is how many words in a row taken from the instructions count
// as quoting them.
const promptGram = 6

var (
	// stageRe: *actions*, [notes], (sighs), <tags>, {json}, # headings,
	// list items; none of which a person says on the phone.
	stageRe = regexp.MustCompile(`[*\[\]{}<>#_` + "`" + `]|\([^)]*\)|(?m)^\s*(?:[-•]|\d+[.)])\s`)
	// characterRe: words with which a persona would step out of the call.
	characterRe = regexp.MustCompile(`(?i)\b(?:k\.?i\.?|a\.?i\.?|künstliche[nr]? intelligenz|artificial intelligence|language model|sprachmodell\w*|llm|chat ?bot|chatgpt|openai|gpt-?\d\w*|simulation\w*|simuliert\w*|simulated|role[- ]?play\w*|rollenspiel\w*|scorecard|punktzahl|score[ds]?|coach\w*|prompts?|system ?prompt|systemnachricht|my instructions|meine anweisungen|meinen anweisungen|anweisungen ignorier\w*|ignore (?:all |my |your )?(?:previous )?instructions)\b`)
)

// newGuard builds the guard of a prospect on sc for a turn: revealed are
// the needs code has unlocked so far, instructions the fixed part of the
// prompt, public what the trainee may know (the brief, the persona) and
// names the names of the people in the call.
func newGuard(sc *openline.Scenario, revealed []string, instructions, public string, names []string, maxRunes int) *guard {
	g := &guard{grams: map[string]bool{}, maxRune: maxRunes}
	pub := map[string]bool{}
	for _, w := range words(public) {
		pub[stem(w)] = true
	}
	for _, n := range sc.Needs {
		if contains(revealed, n.ID) {
			continue
		}
		ln := lockedNeed{id: n.ID}
		seen := map[string]bool{}
		for _, w := range words(n.Fact) {
			s := stem(w)
			if utf8.RuneCountInString(w) < 5 || stopword(w) || pub[s] || seen[s] {
				continue
			}
			seen[s] = true
			ln.stems = append(ln.stems, s)
		}
		for _, p := range n.Detect {
			if f := fold(p); f != "" {
				ln.phrases = append(ln.phrases, f)
			}
		}
		ln.need = min(3, len(ln.stems))
		g.locked = append(g.locked, ln)
	}
	iw := words(instructions)
	for i := 0; i+promptGram <= len(iw); i++ {
		g.grams[strings.Join(iw[i:i+promptGram], " ")] = true
	}
	labels := []string{"trainee", "caller", "anrufer", "anruferin", "verkäufer", "verkäuferin", "sales", "user", "assistant", "prospect", "kunde", "kundin", "system", "ich", "sie", "you", "me"}
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			labels = append(labels, regexp.QuoteMeta(strings.ToLower(n)))
			for _, part := range strings.Fields(n) {
				if utf8.RuneCountInString(part) > 2 {
					labels = append(labels, regexp.QuoteMeta(strings.ToLower(strings.Trim(part, "."))))
				}
			}
		}
	}
	// A known label, or any capitalised name (with Herr, Frau, Mr, Ms…)
	// at the start of a line or sentence, then a colon: "Anna: …".
	g.labels = regexp.MustCompile(`(?:^|[\n.!?…]\s*)(?:(?i:` + strings.Join(labels, "|") + `)|(?:(?:Herr|Frau|Mr|Mrs|Ms|Dr)\.?\s+)?\p{Lu}[\p{L}.-]*)\s*:`)
	return g
}

// check returns the guardrail text breaks, or "". It is run on the whole
// reply so far after every piece, so it must only flag what is wrong in
// any continuation.
func (g *guard) check(text string) string {
	lower := strings.ToLower(text)
	ws := words(text)
	folded := fold(lower)
	stems := map[string]bool{}
	for _, w := range ws {
		stems[stem(w)] = true
	}
	for _, n := range g.locked {
		for _, p := range n.phrases {
			if strings.Contains(folded, p) {
				return guardHiddenNeed
			}
		}
		hits := 0
		for _, s := range n.stems {
			if stems[s] {
				hits++
			}
		}
		if n.need > 0 && hits >= n.need {
			return guardHiddenNeed
		}
	}
	for i := 0; i+promptGram <= len(ws); i++ {
		if g.grams[strings.Join(ws[i:i+promptGram], " ")] {
			return guardPrompt
		}
	}
	if g.labels.MatchString(text) {
		return guardSpeaker
	}
	if characterRe.MatchString(text) {
		return guardCharacter
	}
	if stageRe.MatchString(text) {
		return guardStage
	}
	return ""
}

// words splits s into lower-case words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// stem is a crude stem good enough to match a word and its inflections:
// its first six letters.
func stem(w string) string {
	r := []rune(w)
	if len(r) > 6 {
		r = r[:6]
	}
	return string(r)
}

// fold lower-cases s and folds runs of white space.
func fold(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// stopword reports whether w is a common German or English word that
// says nothing about a need.
func stopword(w string) bool { return stopwords[w] }

var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`aber alle allem allen aller alles also andere anderen auch beim bevor
		bisher damit dann darauf darum dass davon dabei denen denn deren diese dieser dieses doch
		durch eigentlich einem einen einer eines etwas euch gegen gerade haben hatte hätte immer
		jeder jedes jetzt kann keine keinen können machen macht mehr meine meinen meiner mich
		nicht noch nur oder ohne schon sehr seine seinen seiner selbst sich sind soll sollte
		über unter unsere unserer viele vielleicht warum weil wenn werden wieder will wird wollen
		wurde würde zwei drei vier zwischen selber richtig
		about after again against already also always because been before being between could
		does doing during every from have having into just more most much never only other
		over really same should since some still such than that their them then there these
		they this those through under until very were what when where which while with would
		your yours three four`) {
		m[w] = true
	}
	return m
}()

// visible is the part of a model's raw output meant to be said: reasoning
// that some servers put into the content (<think>…</think>, the harmony
// format's analysis channel) is left out, and held back while it is open.
func visible(raw string) string {
	s := strings.TrimLeft(raw, " \n\r\t")
	if strings.HasPrefix(s, "<think>") || strings.HasPrefix("<think>", s) && s != "" {
		i := strings.Index(s, "</think>")
		if i < 0 {
			return ""
		}
		return strings.TrimLeft(s[i+len("</think>"):], " \n\r\t")
	}
	if strings.HasPrefix(s, "<|") || strings.HasPrefix("<|", s) && s != "" {
		const final = "<|channel|>final<|message|>"
		i := strings.LastIndex(s, final)
		if i < 0 {
			return ""
		}
		return strings.TrimLeft(s[i+len(final):], " \n\r\t")
	}
	return s
}

// cutAt returns the longest prefix of text of at most n runes that ends at
// a sentence end, else at a word end; it never returns a cut word.
func cutAt(text string, n int) string {
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	runes := []rune(text)[:n]
	s := string(runes)
	if i := strings.LastIndexAny(s, ".!?…"); i > len(s)/3 {
		return s[:i+1]
	}
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i > 0 {
		return strings.TrimRight(s[:i], " ,;:–-") + " …"
	}
	return s
}
