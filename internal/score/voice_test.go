package score

import (
	"reflect"
	"slices"
	"testing"

	"github.com/openline/openline/internal/openline"
)

func TestVoiceFiguresOfASpokenCall(t *testing.T) {
	rej := openline.ActRejection
	card := scoreTagged(t, openline.German, nil,
		timed(pr(sen("B., hallo?")), 0, 1000),
		// 1.2 s pause; 10 words in 5 s: 120 wpm; two fillers.
		timed(tr(sen("Ähm, guten Tag Herr B., hier ist halt Anna Müller.")), 2200, 7200),
		timed(pr(sen("Das ist nichts für uns.", rej)), 7500, 9500),
		// An answer to the no that starts before the prospect has finished:
		// an interruption; 12 words in 4 s: 180 wpm, faster than the rest.
		timed(tr(sen("Verstehe, aber darf ich kurz fragen, was genau für Sie nicht passt?")), 9000, 13000),
		timed(pr(sen("Na gut, es ist zu teuer.")), 13500, 15000),
		// A pause of 4 s before this answer.
		timed(tr(sen("Danke für die Offenheit.")), 19000, 21000),
		timed(tr(sen("Und wie machen Sie das heute?")), 21000, 25000),
	)
	v := card.Voice
	if v == nil {
		t.Fatal("no voice figures for a spoken call")
	}
	if v.Fillers != 2 || v.FillersPer100Words != round2(200.0/float64(10+12+4+6)) {
		t.Errorf("fillers %d (%v per 100 words)", v.Fillers, v.FillersPer100Words)
	}
	if v.Interruptions != 1 {
		t.Errorf("interruptions %d, want 1", v.Interruptions)
	}
	if v.MeanPauseMS != (1200+4000)/2 || v.LongestPauseMS != 4000 {
		t.Errorf("pauses mean %d longest %d", v.MeanPauseMS, v.LongestPauseMS)
	}
	if v.AfterObjectionWPM != 180 || v.OtherWPM != perMinute(10+4+6, 5000+2000+4000) || !v.SpeedsUp {
		t.Errorf("pace after the no %d, else %d, speeds up %v", v.AfterObjectionWPM, v.OtherWPM, v.SpeedsUp)
	}
	if v.WordsPerMinute != perMinute(32, 15000) {
		t.Errorf("pace %d", v.WordsPerMinute)
	}
	if v.LongestMonologueSeconds != 6 {
		t.Errorf("longest monologue %v s, want the two turns in a row (6 s)", v.LongestMonologueSeconds)
	}
	var got []string
	for _, e := range v.Evidence {
		got = append(got, e.Metric+":"+e.Quote)
	}
	want := []string{"filler_words:Ähm", "filler_words:halt", "interruptions:Verstehe, aber darf ich kurz fragen, was genau für Sie nicht passt?",
		"longest_pause_ms:Danke für die Offenheit.", "speeds_up_under_objection:Verstehe, aber darf ich kurz fragen, was genau für Sie nicht passt?"}
	if !reflect.DeepEqual(sorted(got), sorted(want)) {
		t.Errorf("evidence %q, want %q", got, want)
	}
	if card.Metrics.TalkShareBy != "time" {
		t.Errorf("talk share by %s, want time", card.Metrics.TalkShareBy)
	}
}

func TestATypedCallHasNoVoiceFigures(t *testing.T) {
	card := scoreTagged(t, openline.English, nil,
		timed(pr(sen("Hello?")), 0, 0),
		timed(tr(sen("Um, hi, this is Anna.")), 4000, 4000),
	)
	if card.Voice != nil {
		t.Errorf("voice figures %+v for a typed call (turns at one moment)", card.Voice)
	}
	if card := scoreTagged(t, openline.English, nil, pr(sen("Hello?")), tr(sen("Hi."))); card.Voice != nil {
		t.Error("voice figures for a call without times")
	}
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}
