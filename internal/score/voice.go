package score

import (
	"fmt"
	"math"

	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

// This file measures what only a spoken call shows (docs/scoring.md,
// "Voice"): the trainee's pace and whether it quickens under a no, filler
// words, the pause before answering, interrupting the prospect and the
// longest monologue. It reads the measured call and the turns' times; it
// is no part of either score (the parts were set on typed calls), so no
// score moves with it.

// Thresholds of the voice figures.
const (
	minTimedMS      = 500  // a trainee turn shorter than this does not count for the pace
	speedUpRatio    = 1.15 // the answers to a no are this much faster than the rest: speeding up
	longPauseMS     = 3000 // a pause before answering at least this long is named
	longMonologueMS = 60_000
)

// spoken reports whether the call carries speaking times: every turn has
// its times and some trainee turn took time (a typed call stores each
// turn at one moment).
func (c *call) spoken() bool {
	some := false
	for _, t := range c.tr.Turns {
		if t.StartMS == nil || t.EndMS == nil {
			return false
		}
		if t.Speaker == openline.Trainee && *t.EndMS > *t.StartMS {
			some = true
		}
	}
	return some
}

// answersNo reports whether trainee turn i answers a prospect turn read as
// a no or an objection.
func (c *call) answersNo(i int) bool {
	return i > 0 && c.tr.Turns[i-1].Speaker == openline.Prospect &&
		(c.res[i-1].Has(openline.ActRejection) || c.res[i-1].Has(openline.ActObjection))
}

// voice measures the voice figures of a spoken call; nil for another.
func (c *call) voice() *openline.VoiceMetrics {
	if !c.spoken() {
		return nil
	}
	v := &openline.VoiceMetrics{Evidence: []openline.VoiceEvidence{}}
	lang := c.lang
	turns := c.tr.Turns
	var words, ms, objWords, objMS, restWords, restMS int64
	var pauses, pauseSum int64
	longestPause, longestPauseTurn := int64(-1), -1
	runStart, runEnd, runFrom := int64(-1), int64(0), -1
	var longestRun int64
	longestRunTurn := -1
	for _, i := range c.trainee {
		t := turns[i]
		start, end := *t.StartMS, *t.EndMS
		if d := end - start; d >= minTimedMS {
			w := int64(c.words[i])
			words, ms = words+w, ms+d
			if c.answersNo(i) {
				objWords, objMS = objWords+w, objMS+d
			} else {
				restWords, restMS = restWords+w, restMS+d
			}
		}
		for _, f := range acts.Fillers(lang, t.Text) {
			v.Fillers++
			v.Evidence = append(v.Evidence, openline.VoiceEvidence{Turn: i, Metric: "filler_words", Quote: f, Why: whyFiller.in(lang)})
		}
		if i > 0 && turns[i-1].Speaker == openline.Prospect {
			gap := start - *turns[i-1].EndMS
			if gap < 0 {
				v.Interruptions++
				v.Evidence = append(v.Evidence, openline.VoiceEvidence{Turn: i, Metric: "interruptions", Quote: whole(t.Text), Why: whyInterrupted.in(lang)})
			} else {
				pauses++
				pauseSum += gap
				if gap > longestPause {
					longestPause, longestPauseTurn = gap, i
				}
			}
		}
		// A monologue: trainee turns in a row, from the first's start to
		// the last's end.
		if runFrom >= 0 && i > 0 && turns[i-1].Speaker == openline.Trainee {
			runEnd = max(runEnd, end)
		} else {
			runStart, runEnd, runFrom = start, end, i
		}
		if d := runEnd - runStart; d > longestRun {
			longestRun, longestRunTurn = d, runFrom
		}
	}
	v.WordsPerMinute = perMinute(words, ms)
	v.AfterObjectionWPM = perMinute(objWords, objMS)
	v.OtherWPM = perMinute(restWords, restMS)
	if v.AfterObjectionWPM > 0 && v.OtherWPM > 0 && float64(v.AfterObjectionWPM) >= speedUpRatio*float64(v.OtherWPM) {
		v.SpeedsUp = true
		for _, i := range c.trainee {
			if c.answersNo(i) {
				v.Evidence = append(v.Evidence, openline.VoiceEvidence{Turn: i, Metric: "speeds_up_under_objection", Quote: whole(turns[i].Text),
					Why: fmt.Sprintf(whySpeedsUp.in(lang), v.AfterObjectionWPM, v.OtherWPM)})
				break
			}
		}
	}
	if total := sum(c.words, c.trainee); total > 0 {
		v.FillersPer100Words = round2(100 * float64(v.Fillers) / float64(total))
	}
	if pauses > 0 {
		v.MeanPauseMS = pauseSum / pauses
		v.LongestPauseMS = longestPause
		if longestPause >= longPauseMS {
			v.Evidence = append(v.Evidence, openline.VoiceEvidence{Turn: longestPauseTurn, Metric: "longest_pause_ms", Quote: whole(turns[longestPauseTurn].Text),
				Why: fmt.Sprintf(whyLongPause.in(lang), float64(longestPause)/1000)})
		}
	}
	v.LongestMonologueSeconds = math.Round(float64(longestRun)/100) / 10
	if longestRun >= longMonologueMS {
		v.Evidence = append(v.Evidence, openline.VoiceEvidence{Turn: longestRunTurn, Metric: "longest_monologue_seconds", Quote: whole(turns[longestRunTurn].Text),
			Why: fmt.Sprintf(whyLongMonologue.in(lang), v.LongestMonologueSeconds)})
	}
	return v
}

// Why-texts of the voice evidence.
var (
	whyFiller        = msg{"Füllwort", "filler word"}
	whyInterrupted   = msg{"ins Wort gefallen: Sie sprachen, bevor die andere Person ausgeredet hatte", "interrupted: you spoke before the other person had finished"}
	whySpeedsUp      = msg{"nach dem Einwand schneller gesprochen: %d statt %d Wörter pro Minute", "spoke faster after the objection: %d instead of %d words a minute"}
	whyLongPause     = msg{"lange Pause vor der Antwort: %.1f s", "long pause before answering: %.1f s"}
	whyLongMonologue = msg{"langer Monolog: %.1f s am Stück", "long monologue: %.1f s without a break"}
)

func perMinute(words, ms int64) int {
	if ms <= 0 {
		return 0
	}
	return int(math.Round(float64(words) * 60_000 / float64(ms)))
}

func sum(words []int, idx []int) int {
	n := 0
	for _, i := range idx {
		n += words[i]
	}
	return n
}

// whole quotes a whole turn (clipped as every quote).
func whole(text string) string { return quote(text, 0, len(text)) }

// voiceText writes the voice figures of the text scorecard (Text).
func voiceText(p func(string, ...any), v *openline.VoiceMetrics, l openline.Language) {
	p("\n%s\n", lblVoice.in(l))
	p("  "+lblPace.in(l)+"\n", v.WordsPerMinute)
	if v.AfterObjectionWPM > 0 && v.OtherWPM > 0 {
		p("  "+lblPaceNo.in(l)+"\n", v.AfterObjectionWPM, v.OtherWPM)
	}
	p("  "+lblFillers.in(l)+"\n", v.Fillers, v.FillersPer100Words)
	p("  "+lblPauses.in(l)+"\n", float64(v.MeanPauseMS)/1000, float64(v.LongestPauseMS)/1000)
	p("  "+lblInterruptions.in(l)+"\n", v.Interruptions)
	p("  "+lblLongest.in(l)+"\n", v.LongestMonologueSeconds)
	for _, e := range v.Evidence {
		p("  %s %d: „%s“ – %s\n", lblTurn.in(l), e.Turn, oneLine(e.Quote), e.Why)
	}
}

// Labels of the text scorecard's voice figures.
var (
	lblVoice         = msg{"Stimme (beeinflusst die Werte nicht)", "Voice (does not change the scores)"}
	lblPace          = msg{"Tempo: %d Wörter pro Minute", "Pace: %d words a minute"}
	lblPaceNo        = msg{"Nach einem Nein: %d, sonst %d Wörter pro Minute", "After a no: %d, else %d words a minute"}
	lblFillers       = msg{"Füllwörter: %d (%.2f je 100 Wörter)", "Filler words: %d (%.2f per 100 words)"}
	lblPauses        = msg{"Pause vor der Antwort: im Schnitt %.1f s, längste %.1f s", "Pause before answering: %.1f s on average, longest %.1f s"}
	lblInterruptions = msg{"Ins Wort gefallen: %d", "Interruptions: %d"}
	lblLongest       = msg{"Längster Monolog: %.1f s", "Longest monologue: %.1f s"}
)
