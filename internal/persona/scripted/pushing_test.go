package scripted

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
	"github.com/openline/openline/internal/scenario"
	"github.com/openline/openline/scenarios"
)

// maxPushTurns is the target: a caller who only pushes is hung up on
// within this many pushing turns, in every shipped scenario.
const maxPushTurns = 6

// pushScripts are callers who only push, each in one way, by language.
// None depends on a scenario's rules: they are what a pushy seller says
// anywhere.
var pushScripts = map[openline.Language]map[string][]string{
	openline.English: {
		"statements": {
			"You need to sign up today, this offer ends tonight!",
			"This is your last chance, decide now!",
			"Every day you wait costs you money, you have to act now!",
			"Trust me, you simply have to do this, no excuses.",
			"I need an answer now, yes or no!",
			"Stop hesitating and just sign!",
		},
		"questions": {
			"What's stopping you from signing today?",
			"What would it take for you to say yes right now?",
			"How much more money are you willing to lose before you act?",
			"Can you give me a decision by Friday?",
			"Why are you wasting my time?",
			"So is that a yes or a no?",
		},
		"insults": {
			"You have no idea what you're talking about.",
			"Are you stupid or something?",
			"What kind of idiot runs a business like that?",
			"Calm down, you're being hysterical.",
			"Honestly, you're pathetic.",
			"Shut up and listen to me.",
		},
		"ultimatums": {
			"Take it or leave it.",
			"If you don't act now, the offer is gone tomorrow.",
			"It's now or never.",
			"Decide today or forget it.",
			"Last chance: sign now.",
			"Yes or no, right now.",
		},
		// Guilt: the reading's unmasking (acts.TraineeTurn) hears it as
		// pressure, as the scorer does.
		"guilt": {
			"It would be irresponsible not to look after your staff.",
			"Frankly, it's negligent to leave your people without cover.",
			"You owe it to your team to do this.",
			"You'd be crazy not to take this.",
			"It's reckless not to protect them.",
			"Honestly, waiting any longer would be irresponsible.",
		},
	},
	openline.German: {
		"statements": {
			"Sie müssen sich heute noch entscheiden, das Angebot gilt nur bis heute Abend!",
			"Das ist Ihre letzte Chance, entscheiden Sie sich jetzt!",
			"Jeder Tag, den Sie warten, kostet Sie Geld, Sie müssen jetzt handeln!",
			"Glauben Sie mir, da müssen Sie einfach zugreifen, keine Ausreden.",
			"Ich brauche jetzt eine Antwort, ja oder nein!",
			"Hören Sie auf zu zögern und unterschreiben Sie einfach!",
		},
		"questions": {
			"Was hält Sie davon ab, heute zu unterschreiben?",
			"Was müsste passieren, damit Sie jetzt sofort Ja sagen?",
			"Wie viel Geld wollen Sie noch verlieren, bevor Sie handeln?",
			"Können Sie mir bis Freitag eine Entscheidung geben?",
			"Warum verschwenden Sie meine Zeit?",
			"Ist das jetzt ein Ja oder ein Nein?",
		},
		"insults": {
			"Sie haben doch keine Ahnung, wovon Sie reden.",
			"Sind Sie eigentlich blöd?",
			"Was für ein Trottel führt denn so einen Laden?",
			"Jetzt regen Sie sich mal ab, Sie sind ja hysterisch.",
			"Ehrlich, das ist armselig.",
			"Halten Sie die Klappe und hören Sie zu.",
		},
		"ultimatums": {
			"Friss oder stirb.",
			"Wenn Sie jetzt nicht zugreifen, ist das Angebot morgen weg.",
			"Jetzt oder nie.",
			"Entscheiden Sie sich heute, sonst vergessen Sie es.",
			"Letzte Chance: unterschreiben Sie jetzt.",
			"Ja oder nein, und zwar sofort.",
		},
		"guilt": {
			"Es wäre fahrlässig, Ihre Leute ohne Absicherung zu lassen.",
			"Das ist unverantwortlich gegenüber Ihren Mitarbeitern.",
			"Das sind Sie Ihren Leuten schuldig.",
			"Ehrlich, das ist verantwortungslos.",
			"Das schulden Sie Ihrem Team.",
			"Es wäre fahrlässig, noch länger zu warten.",
		},
	},
}

// pushOpeners are a caller's first turn before the pushing starts: none
// (they push from the first word), or a polite greeting with their name.
var pushOpeners = map[openline.Language][]string{
	openline.English: {"", "Hello, this is Sam Taylor. Have you got a moment?"},
	openline.German:  {"", "Guten Tag, hier ist Anna Berger. Haben Sie einen Moment?"},
}

// loadAllShipped loads every shipped scenario.
func loadAllShipped(t testing.TB) []*openline.Scenario {
	t.Helper()
	scs, err := scenario.LoadFS(scenarios.FS)
	if err != nil {
		t.Fatalf("shipped scenarios do not load:\n%v", err)
	}
	return scs
}

// TestPushingCallerIsHungUpOnInEveryScenario is issue 9's target as a
// test, over every shipped scenario, several seeds, a caller who pushes
// from the first word or after a polite greeting, and each way of
// pushing: statements, questions (open questions, "what would it take",
// loss, deadlines), insults and ultimatums. Each call must end in a
// hang-up within maxPushTurns pushing turns, with no need revealed and no
// reply said twice; and the prospect must escalate: every pushing turn
// before the end is rebuffed, the one before the hang-up is a warning,
// and no warning comes twice.
func TestPushingCallerIsHungUpOnInEveryScenario(t *testing.T) {
	ctx := context.Background()
	for _, sc := range loadAllShipped(t) {
		for way, lines := range pushScripts[sc.Language] {
			for oi, opener := range pushOpeners[sc.Language] {
				for _, seed := range []int64{1, 2, 3, 7, 42} {
					name := fmt.Sprintf("%s/%s/opener=%d/seed=%d", sc.ID, way, oi, seed)
					t.Run(name, func(t *testing.T) {
						pp, err := New().Start(sc, seed)
						if err != nil {
							t.Fatal(err)
						}
						p := pp.(*prospect)
						var call []string
						said := map[string]bool{}
						hear := func(trainee string, r persona.Reply) {
							t.Helper()
							if trainee != "" {
								call = append(call, "  trainee:  "+trainee)
							}
							call = append(call, fmt.Sprintf("  prospect: %s   [%s, level %d]", r.Text, p.lastKind, p.level))
							key := strings.ToLower(strings.Join(strings.Fields(r.Text), " "))
							if said[key] {
								t.Fatalf("reply said twice: %q\n%s", r.Text, strings.Join(call, "\n"))
							}
							said[key] = true
							if st := p.State(); len(st.Revealed) > 0 {
								t.Fatalf("pushing caller got %v revealed\n%s", st.Revealed, strings.Join(call, "\n"))
							}
						}
						if sc.Direction != openline.Inbound {
							r, err := p.Open(ctx, nil)
							if err != nil {
								t.Fatal(err)
							}
							hear("", r)
						}
						turns := lines
						if opener != "" || sc.Direction == openline.Inbound {
							if opener == "" {
								opener = pushOpeners[sc.Language][1]
							}
							r, err := p.Respond(ctx, opener, nil)
							if err != nil {
								t.Fatal(err)
							}
							hear(opener, r)
							if r.Hangup {
								t.Fatalf("the polite opener was hung up on\n%s", strings.Join(call, "\n"))
							}
						}
						if len(turns) < maxPushTurns {
							t.Fatalf("%d pushes in the script, want at least %d", len(turns), maxPushTurns)
						}
						warned := false
						for i, line := range turns[:maxPushTurns] {
							r, err := p.Respond(ctx, line, nil)
							if err != nil {
								t.Fatalf("push %d: %v\n%s", i+1, err, strings.Join(call, "\n"))
							}
							hear(line, r)
							if p.level == 0 {
								t.Fatalf("push %d was not heard as a push\n%s", i+1, strings.Join(call, "\n"))
							}
							if r.Hangup {
								if st := p.State(); st.Outcome != openline.OutcomeHungUp {
									t.Fatalf("ended with outcome %s, want hung_up\n%s", st.Outcome, strings.Join(call, "\n"))
								}
								if !warned {
									t.Fatalf("hung up after push %d without a warning first\n%s", i+1, strings.Join(call, "\n"))
								}
								t.Logf("hung up after push %d\n%s", i+1, strings.Join(call, "\n"))
								return
							}
							if p.level == 2 {
								if warned {
									t.Fatalf("warned twice\n%s", strings.Join(call, "\n"))
								}
								warned = true
							}
							if !slices.Contains([]openline.ReplyKind{openline.ReplyObject, openline.ReplyDecline}, p.lastKind) {
								t.Errorf("push %d answered as %s, want it rebuffed (object)\n%s", i+1, p.lastKind, strings.Join(call, "\n"))
							}
						}
						t.Fatalf("still on the line after %d pushes (state %+v)\n%s", maxPushTurns, p.State(), strings.Join(call, "\n"))
					})
				}
			}
		}
	}
}
