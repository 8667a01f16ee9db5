package scenarios_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
	"unicode"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
	"github.com/openline/openline/internal/persona/scripted"
	"github.com/openline/openline/internal/scenario"
	"github.com/openline/openline/internal/scenariotest"
	"github.com/openline/openline/scenarios"
)

// seeds are the random seeds every behaviour check runs with: the scripted
// engine picks its reply variants with them, so each seed is another call.
var seeds = []int64{1, 2, 3, 7, 42, 1234}

// loadShipped loads every shipped scenario and fails the test on any error.
func loadShipped(t *testing.T) []*openline.Scenario {
	t.Helper()
	scs, err := scenario.LoadFS(scenarios.FS)
	if err != nil {
		t.Fatalf("shipped scenarios do not load:\n%v", err)
	}
	return scs
}

// TestShippedSet checks what the set of shipped scenarios promises
// trainers: enough of them in both languages and directions, every
// difficulty, a file per scenario named after its id that points editors at
// the schema, and a handful of its own test conversations.
func TestShippedSet(t *testing.T) {
	scs := loadShipped(t)
	files, err := fs.Glob(scenarios.FS, "*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(scs), len(files); got != want {
		t.Errorf("loaded %d scenarios from %d files", got, want)
	}

	byLang := map[openline.Language]int{}
	byDifficulty := map[openline.Difficulty]int{}
	byDirection := map[openline.Direction]int{}
	for _, sc := range scs {
		byLang[sc.Language]++
		byDifficulty[sc.Difficulty]++
		byDirection[sc.Direction]++

		t.Run(sc.ID, func(t *testing.T) {
			if got, want := path.Base(sc.Source), sc.ID+".yaml"; got != want {
				t.Errorf("file %s holds scenario %s; want it in %s", got, sc.ID, want)
			}
			data, err := fs.ReadFile(scenarios.FS, sc.ID+".yaml")
			if err != nil {
				t.Fatal(err)
			}
			const schemaLine = "# yaml-language-server: $schema=./schema.json\n"
			if !strings.HasPrefix(string(data), schemaLine) {
				t.Errorf("first line is not %q", strings.TrimSpace(schemaLine))
			}
			if n := len(sc.Tests); n < 20 {
				t.Errorf("%d test conversations; want at least 20", n)
			}
			if sc.Realism == nil || len(sc.Realism.Lines) < 15 {
				t.Error("fewer than 15 realism lines; want at least 15 unforeseen but sensible trainee lines")
			}
			if sc.Realism == nil || len(sc.Realism.HeldOut) < 5 {
				t.Error("fewer than 5 held-out realism lines; want at least 5 written before the engine was tuned on them")
			}
			if len(sc.Persona.Facts) < 3 {
				t.Errorf("%d persona facts; want at least 3 (who they are, the company, figures)", len(sc.Persona.Facts))
			}
			if n := len(sc.Needs); n < 1 || n > 3 {
				t.Errorf("%d hidden needs; want 1 to 3", n)
			}
			if len(sc.Persona.Opening) < 2 {
				t.Errorf("%d opening lines; want at least 2 so that calls differ", len(sc.Persona.Opening))
			}
			if strings.TrimSpace(sc.LLMNotes) == "" {
				t.Error("no llm_notes")
			}
		})
	}
	for _, want := range []struct {
		what  string
		got   int
		least int
	}{
		{"German scenarios", byLang[openline.German], 7},
		{"English scenarios", byLang[openline.English], 7},
		{"easy scenarios", byDifficulty[openline.Easy], 1},
		{"medium scenarios", byDifficulty[openline.Medium], 1},
		{"hard scenarios", byDifficulty[openline.Hard], 1},
		{"inbound scenarios", byDirection[openline.Inbound], 2},
		{"outbound scenarios", byDirection[openline.Outbound], 2},
	} {
		if want.got < want.least {
			t.Errorf("%d %s; want at least %d", want.got, want.what, want.least)
		}
	}
}

// TestNeedStoriesAreNotShared guards issue 9's "each persona distinct": a
// hidden need's detect phrases are the marks of its story, so no phrase may
// mark needs of two scenarios. It catches a story copied between personas
// in the same words; a story retold in other words or the other language is
// for the reviewer to see.
func TestNeedStoriesAreNotShared(t *testing.T) {
	owner := map[string]string{}
	for _, sc := range loadShipped(t) {
		for _, n := range sc.Needs {
			for _, d := range n.Detect {
				key := strings.ToLower(strings.TrimSpace(d))
				where := sc.ID + "/" + n.ID
				if prev, ok := owner[key]; ok && !strings.HasPrefix(prev, sc.ID+"/") {
					t.Errorf("detect phrase %q marks both %s and %s: give each persona its own story", d, prev, where)
				}
				owner[key] = where
			}
		}
	}
}

// TestScenarioOwnTests runs every shipped scenario's own test
// conversations, as `openline scenario test scenarios/` does.
func TestScenarioOwnTests(t *testing.T) {
	for _, sc := range loadShipped(t) {
		t.Run(sc.ID, func(t *testing.T) {
			var out strings.Builder
			res, err := scenariotest.Run(context.Background(), &out, []*openline.Scenario{sc}, scenariotest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Failed > 0 || res.Passed != len(sc.Tests) {
				t.Errorf("%d passed, %d failed of %d tests:\n%s", res.Passed, res.Failed, len(sc.Tests), out.String())
			}
		})
	}
}

// docExample is where docs/scenarios.md keeps its annotated example: the
// first fenced YAML block that starts with the schema line.
const (
	docPath        = "../docs/scenarios.md"
	docExampleOpen = "```yaml\n# yaml-language-server: $schema=./schema.json\n"
)

// TestDocExample checks the fully annotated example of the trainer's guide:
// it loads, it uses every field the guide explains, and its own tests pass.
func TestDocExample(t *testing.T) {
	doc, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), docExampleOpen)
	if !ok {
		t.Fatalf("%s has no block starting with %q", docPath, docExampleOpen)
	}
	body, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatalf("%s: the example block is not closed", docPath)
	}
	sc, err := scenario.Parse("docs/scenarios.md example", []byte(docExampleOpen[len("```yaml\n"):]+body))
	if err != nil {
		t.Fatalf("the example does not load:\n%v", err)
	}

	used := map[string]bool{
		"persona.patience":  sc.Persona.Patience > 0,
		"persona.interest":  sc.Persona.Interest > 0,
		"persona.traits":    len(sc.Persona.Traits) > 0,
		"gatekeeper":        sc.Gatekeeper != nil,
		"llm_notes":         sc.LLMNotes != "",
		"scoring.curiosity": len(sc.Scoring.Curiosity) > 0,
		"scoring.openness":  len(sc.Scoring.Openness) > 0,
	}
	for _, n := range sc.Needs {
		used["needs.topics"] = used["needs.topics"] || len(n.Topics) > 0
		used["needs.min_interest"] = used["needs.min_interest"] || n.MinInterest > 0
		used["needs.detect"] = used["needs.detect"] || len(n.Detect) > 0
	}
	for _, o := range sc.Objections {
		used["objections.answered"] = used["objections.answered"] || len(o.Answered) > 0
	}
	for _, st := range sc.Dialogue.States {
		used["voice"] = used["voice"] || st.Voice != ""
		for _, r := range st.Rules {
			for k, v := range map[string]bool{
				"when.acts": len(r.When.Acts) > 0, "when.unless": len(r.When.Unless) > 0,
				"when.keywords": len(r.When.Keywords) > 0, "say": len(r.Say) > 0, "goto": r.Goto != "",
				"patience": r.Patience != 0, "interest": r.Interest != 0, "min_interest": r.MinInterest > 0,
				"reveal": r.Reveal != "", "raise": r.Raise != "", "hangup": r.Hangup,
				"next_step": r.NextStep != "", "once": r.Once,
			} {
				used["rule."+k] = used["rule."+k] || v
			}
		}
	}
	for _, tc := range sc.Tests {
		used["tests.seed"] = used["tests.seed"] || tc.Seed != 0
		expects := []openline.Expectation{tc.Expect}
		for _, tt := range tc.Turns {
			expects = append(expects, tt.Expect)
		}
		for _, e := range expects {
			for k, v := range map[string]bool{
				"state": e.State != "", "reveals": len(e.Reveals) > 0, "hangup": e.Hangup != nil,
				"reply_contains": e.ReplyContains != "", "outcome": e.Outcome != "", "next_step": e.NextStep != "",
				"openness": e.Openness != nil, "curiosity": e.Curiosity != nil,
			} {
				used["expect."+k] = used["expect."+k] || v
			}
		}
	}
	for field, ok := range used {
		if !ok {
			t.Errorf("the annotated example does not use %s", field)
		}
	}

	var out strings.Builder
	res, err := scenariotest.Run(context.Background(), &out, []*openline.Scenario{sc}, scenariotest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed > 0 || res.Passed == 0 {
		t.Errorf("the example's tests: %d passed, %d failed:\n%s", res.Passed, res.Failed, out.String())
	}
}

// pushLines are a caller who only pushes: a pitch, then urgency,
// insistence and arguing against the no, over and over. They do not depend
// on any scenario's rules.
var pushLines = map[openline.Language][]string{
	openline.German: {
		"Wir bieten Ihnen die beste Lösung am Markt, Sie müssen jetzt zugreifen!",
		"Sie müssen sich heute noch entscheiden, das Angebot gilt nur bis Freitag!",
		"Da müssen Sie jetzt einfach zugreifen, sonst verlieren Sie bares Geld!",
		"Das ist eine einmalige Chance, die dürfen Sie nicht verpassen!",
	},
	openline.English: {
		"I have a unique offer for you that will save you a lot of money!",
		"You need to decide today, this offer is only valid until Friday!",
		"You have to act right now, otherwise you are losing money!",
		"I don't understand why you're hesitating. Just sign up right now!",
	},
}

// TestGenericCallersAreHeard checks the assumptions the two people-like
// checks below rest on, so that a change in the dialogue-act tagger shows
// up here and not as a puzzling scenario failure: the pusher's lines are
// heard as a pitch and then as pressure, the curious caller's opener as a
// greeting with an introduction, and their questions as open questions.
func TestGenericCallersAreHeard(t *testing.T) {
	for _, lang := range openline.Languages {
		t.Run(string(lang), func(t *testing.T) {
			want := func(text string, ctx acts.Context, wanted ...openline.Act) {
				t.Helper()
				got := acts.Trainee(lang, text, ctx)
				for _, a := range wanted {
					if !got.Has(a) {
						t.Errorf("%q tagged %v; want it to carry %s", text, got.Acts, a)
					}
				}
			}
			lines := pushLines[lang]
			want(lines[0], acts.Context{}, openline.ActPitch)
			for _, l := range lines {
				want(l, acts.Context{Rejected: true}, openline.ActPressure)
			}
			want(openers[openline.Outbound][lang], acts.Context{}, openline.ActGreeting, openline.ActIntroduction, openline.ActPermission)
			want(openers[openline.Inbound][lang], acts.Context{}, openline.ActGreeting)
			for _, q := range curiousQuestions[lang] {
				want(q, acts.Context{}, openline.ActOpenQuestion)
			}
		})
	}
}

// TestPushyCallerIsHungUp is the first people-like check of every shipped
// scenario, seen from outside: a caller who only pushes is hung up on by
// the prospect (or the gatekeeper) within the prospect's patience. The
// bound: the first push may be a plain pitch, which costs nothing before
// the prospect has said no; every later push carries pressure or re-pitches
// after the no, and each of those costs at least 1 patience on every
// difficulty while recovery only happens in turns that cost nothing. So a
// prospect starting with patience P hangs up by push P+1.
func TestPushyCallerIsHungUp(t *testing.T) {
	ctx := context.Background()
	for _, sc := range loadShipped(t) {
		for _, seed := range seeds {
			t.Run(fmt.Sprintf("%s/seed=%d", sc.ID, seed), func(t *testing.T) {
				p, opening := start(t, sc, seed)
				patience := p.State().Patience
				limit := patience + 1
				lines := pushLines[sc.Language]
				var call transcript
				call.add("", opening)
				for i := range limit {
					said := lines[i%len(lines)]
					r, err := p.Respond(ctx, said, nil)
					if err != nil {
						t.Fatalf("push %d: %v\n%s", i+1, err, call)
					}
					call.add(said, r.Text)
					if r.Hangup {
						st := p.State()
						if st.Outcome != openline.OutcomeHungUp {
							t.Fatalf("call ended after push %d with outcome %q, want %q\n%s", i+1, st.Outcome, openline.OutcomeHungUp, call)
						}
						t.Logf("hung up after push %d of at most %d\n%s", i+1, limit, call)
						return
					}
				}
				t.Fatalf("prospect with patience %d still on the line after %d pushes (state %+v)\n%s", patience, limit, p.State(), call)
			})
		}
	}
}

// curiousQuestions are a curious caller's open questions about the
// business and the person, asked in this order between follow-ups.
var curiousQuestions = map[openline.Language][]string{
	openline.German: {
		"Danke, das verstehe ich. Erzählen Sie doch mal: Was beschäftigt Sie im Moment am meisten?",
		"Wie läuft es denn gerade bei Ihnen im Unternehmen?",
		"Und was machen Sie sonst so, wenn ich fragen darf?",
		"Wie geht es Ihnen persönlich damit?",
	},
	openline.English: {
		"Thanks, I understand. Tell me, what's keeping you busy at the moment?",
		"How are things going in your business right now?",
		"And what else do you do, if you don't mind me asking?",
		"How are you personally finding all that?",
	},
}

// followUps are generic follow-up questions; %s is a word from the
// prospect's last reply.
var followUps = map[openline.Language][]string{
	openline.German: {
		"Das verstehe ich. Sie sagten gerade „%s“ – wie meinen Sie das genau?",
		"Interessant, „%s“. Erzählen Sie mir mehr darüber?",
	},
	openline.English: {
		"I see. You just said “%s” – what do you mean by that exactly?",
		"Interesting, “%s”. Could you tell me more about that?",
	},
}

// openers are the curious caller's first turn: a greeting with their own
// name and a question whether it is a good moment; inbound, where the
// prospect calls, the caller takes time for them instead.
var openers = map[openline.Direction]map[openline.Language]string{
	openline.Outbound: {
		openline.German:  "Guten Tag, hier ist Anna Keller. Passt es Ihnen gerade kurz?",
		openline.English: "Hello, this is Anna Keller. Is now a good moment for a quick chat?",
	},
	openline.Inbound: {
		openline.German:  "Guten Tag, hier ist Anna Keller. Schön, dass Sie anrufen, ich nehme mir gern Zeit. Worum geht es?",
		openline.English: "Hello, Anna Keller speaking. Lovely to hear from you, I have time. What can I do for you?",
	},
}

// curiousTurns is how many turns the curious caller gets to uncover a
// need, the opener included.
const curiousTurns = 8

// TestCuriousCallerUncoversNeed is the second people-like check of every
// shipped scenario: a curious caller with a generic script (greeting with
// their own name, asking whether it is a good moment, open questions about
// the business and the person, follow-ups that pick up the prospect's own
// words, acknowledgement) is never hung up on and uncovers at least one
// hidden need within curiousTurns turns.
func TestCuriousCallerUncoversNeed(t *testing.T) {
	ctx := context.Background()
	for _, sc := range loadShipped(t) {
		for _, seed := range seeds {
			t.Run(fmt.Sprintf("%s/seed=%d", sc.ID, seed), func(t *testing.T) {
				p, opening := start(t, sc, seed)
				var call transcript
				call.add("", opening)
				last := opening
				used := map[string]bool{}
				q, f := 0, 0
				for i := range curiousTurns {
					var said string
					switch {
					case i == 0:
						said = openers[sc.Direction][sc.Language]
					case i%2 == 0:
						if w := pickWord(last, used); w != "" {
							said = fmt.Sprintf(followUps[sc.Language][f%len(followUps[sc.Language])], w)
							f++
							break
						}
						fallthrough
					default:
						said = curiousQuestions[sc.Language][q%len(curiousQuestions[sc.Language])]
						q++
					}
					r, err := p.Respond(ctx, said, nil)
					if err != nil {
						t.Fatalf("turn %d: %v\n%s", i+1, err, call)
					}
					call.add(said, r.Text)
					last = r.Text
					st := p.State()
					if st.Outcome == openline.OutcomeHungUp {
						t.Fatalf("curious caller hung up on at turn %d (state %+v)\n%s", i+1, st, call)
					}
					if len(st.Revealed) > 0 {
						t.Logf("uncovered %v at turn %d\n%s", st.Revealed, i+1, call)
						return
					}
					if r.Hangup {
						t.Fatalf("call ended (%s) at turn %d before any need was uncovered\n%s", st.Outcome, i+1, call)
					}
				}
				t.Fatalf("no hidden need uncovered in %d turns (state %+v)\n%s", curiousTurns, p.State(), call)
			})
		}
	}
}

// start starts a scripted prospect on sc and lets it open the call; it
// returns the prospect and its opening words.
func start(t *testing.T, sc *openline.Scenario, seed int64) (persona.Prospect, string) {
	t.Helper()
	p, err := scripted.New().Start(sc, seed)
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Open(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(r.Text) == "" || r.Hangup {
		t.Fatalf("opening %q (hang-up %v); want words and a call that goes on", r.Text, r.Hangup)
	}
	return p, r.Text
}

// stopWords are words a follow-up should not pick up: they carry no
// content of the prospect's own.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		aber alles also auch bitte dann dass denn dich diese diesem dieser doch eigentlich einen einem einer
		ehrlich gesagt genau gerade haben habe hatte hätte immer jetzt kann keine können machen mache mehr
		nicht noch nur schon sehr sich sind sonst über unsere unser wenn werden wieder wirklich worum
		about again also because been being could doesn't don't honestly just know like really right should
		something that there these they this those what when where which while would your you're
	`) {
		m[w] = true
	}
	return m
}()

// pickWord picks the word of reply a follow-up picks up: the longest word
// of at least five letters that is no stop word and was not picked before.
func pickWord(reply string, used map[string]bool) string {
	best := ""
	for _, w := range strings.FieldsFunc(reply, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		w = strings.Trim(w, "-")
		lw := strings.ToLower(w)
		if len([]rune(w)) < 5 || stopWords[lw] || used[lw] {
			continue
		}
		if len([]rune(w)) > len([]rune(best)) {
			best = w
		}
	}
	if best != "" {
		used[strings.ToLower(best)] = true
	}
	return best
}

// transcript is a call so far, printed when a check fails.
type transcript struct{ lines []string }

// add appends a trainee turn (none when empty) and the prospect's answer.
func (c *transcript) add(trainee, prospect string) {
	if trainee != "" {
		c.lines = append(c.lines, "  trainee:  "+trainee)
	}
	c.lines = append(c.lines, "  prospect: "+prospect)
}

func (c transcript) String() string { return strings.Join(c.lines, "\n") }
