package score

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/scenario"
	"github.com/openline/openline/scenarios"
)

// A scorecard must never contradict itself: a reader who sees "+ reflects
// what was said" and "− moves on to their own agenda" on the same turn, a
// "long monologue" beside a longest turn within the limit, or a tip to
// reflect at a turn credited for reflecting, stops trusting all of it.
// checkCard (helpers_test.go) runs contradictions on every scorecard the
// tests make: golden, pairs, fuzzing, the hand-tagged calls; and
// TestCorpusDoesNotContradictItself on the trainer corpus's tune half and
// the gaming attempts.

// conflicts are evidence reasons that cannot both hold for one turn.
var conflicts = [][2]msg{
	{whyAccept, whyPressureAfter},
	{whyAccept, whyRepitch},
	{whyAcknowledge, whyIgnoredNeed},
	{whyReflection, whyIgnoredNeed},
	{whyOfferHelp, whyIgnoredNeed},
	{whyTakeTime, whyRush},
	{whyFeedback, whyPressureAfter},
	{whyFeedback, whyInsist},
	{whyAccept, whyInsist},
	{whyIntroduction, whyAnswerNoName},
	{whyNoIntroduction, whyAnswerName},
	{whyGreeting, whyAnswerUnfriendly},
	{whyNoGreeting, whyAnswerFriendly},
	{whyOfferHelp, whyRush},
}

// quoteConflicts are evidence reasons that cannot both hold for one
// sentence (a turn may ask one open and one closed question).
var quoteConflicts = [][2]msg{
	{whyOpenQuestion, whyClosedQuestion},
}

// tipsAgainst are tips that cannot name a turn the evidence credits for
// the very thing they ask for.
var tipsAgainst = map[msg][]msg{
	tipReflect:  {whyReflection},
	tipAck:      {whyAcknowledge, whyReflection},
	tipFollowUp: {whyFollowUp},
}

// tipsNeed are tips that need the named turn to carry one of these
// reasons: a tip to drop the pressure names a turn that pushed.
var tipsNeed = map[msg][]msg{
	tipPressure:  {whyPressure, whyPressureAfter, whyRepitch, whyNoTime, whyRush, whyCutOff, whyInsist},
	tipRejection: {whyPressureAfter, whyRepitch, whyInsist},
}

// contradictions lists what in card contradicts itself.
func contradictions(card *openline.Scorecard) []string {
	l := card.Language
	why := map[int][]string{} // reasons by turn
	for _, e := range card.Evidence {
		why[e.Turn] = append(why[e.Turn], e.Why)
	}
	says := func(turn int, m msg) bool {
		return slices.ContainsFunc(why[turn], func(w string) bool { return w == m.in(l) || strings.HasPrefix(w, m.in(l)) })
	}
	var out []string
	for turn := range why {
		for _, c := range conflicts {
			if says(turn, c[0]) && says(turn, c[1]) {
				out = append(out, fmt.Sprintf("turn %d: %q and %q", turn, c[0].in(l), c[1].in(l)))
			}
		}
	}
	byQuote := map[[2]string][]string{} // reasons by turn and quote
	for _, e := range card.Evidence {
		k := [2]string{fmt.Sprint(e.Turn), e.Quote}
		byQuote[k] = append(byQuote[k], e.Why)
	}
	for k, whys := range byQuote {
		for _, c := range quoteConflicts {
			if slices.Contains(whys, c[0].in(l)) && slices.Contains(whys, c[1].in(l)) {
				out = append(out, fmt.Sprintf("turn %s, %q: %q and %q", k[0], k[1], c[0].in(l), c[1].in(l)))
			}
		}
	}
	for _, e := range card.Evidence {
		if e.Why == whyMonologue.in(l) && card.Metrics.LongestMonologueWords <= monologueGoodWords {
			out = append(out, fmt.Sprintf("turn %d: %q, but the longest monologue is %d words", e.Turn, e.Why, card.Metrics.LongestMonologueWords))
		}
	}
	for _, tip := range card.Tips {
		for t, against := range tipsAgainst {
			if tip.Text != t.in(l) {
				continue
			}
			for _, w := range against {
				if says(tip.Turn, w) {
					out = append(out, fmt.Sprintf("tip at turn %d %q, but the turn %q", tip.Turn, tip.Text, w.in(l)))
				}
			}
		}
		for t, need := range tipsNeed {
			if tip.Text == t.in(l) && !slices.ContainsFunc(need, func(w msg) bool { return says(tip.Turn, w) }) {
				out = append(out, fmt.Sprintf("tip at turn %d %q, but nothing there pushed", tip.Turn, tip.Text))
			}
		}
	}
	slices.Sort(out)
	return out
}

// TestCorpusDoesNotContradictItself scores the trainer corpus's tune half
// and the gaming attempts (the held-out folders are for the report only)
// and checks each scorecard.
func TestCorpusDoesNotContradictItself(t *testing.T) {
	list, err := scenario.LoadFS(scenarios.FS)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*openline.Scenario{}
	for _, sc := range list {
		byID[sc.ID] = sc
	}
	var files []string
	for _, dir := range []string{"testdata/trainer/tune", "testdata/gaming"} {
		f, err := filepath.Glob(filepath.Join(dir, "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f...)
	}
	if len(files) < 40 {
		t.Fatalf("found %d calls, want the tune half and the gaming attempts", len(files))
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var tr openline.Transcript
		if err := json.Unmarshal(data, &tr); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		sc := byID[tr.Scenario]
		if tr.Language == "" && sc != nil {
			tr.Language = sc.Language
		}
		card, err := Score(tr, sc)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, c := range contradictions(card) {
			t.Errorf("%s: %s", filepath.Base(path), c)
		}
	}
}

// TestWebJudgesMetricsAsTheScorerDoes: the web's "what you did" list marks
// the longest turn and the talk share good or bad by the same limits as
// the listening part, or it shows "✓ longest turn 44 words" beside
// "− long monologue".
func TestWebJudgesMetricsAsTheScorerDoes(t *testing.T) {
	js, err := os.ReadFile("../../web/static/js/scorecard.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		fmt.Sprintf("m.longest_monologue_words <= %d", monologueGoodWords),
		fmt.Sprintf("m.talk_share <= %g", talkShareGood),
	} {
		if !strings.Contains(string(js), want) {
			t.Errorf("web/static/js/scorecard.js lacks %q", want)
		}
	}
}
