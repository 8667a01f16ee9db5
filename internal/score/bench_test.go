package score

import (
	"syscall"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

// thirtyTurns is a German call of thirty turns, alternating prospect and
// trainee, with questions, follow-ups, a rejection and a feedback request.
func thirtyTurns() openline.Transcript {
	tr := openline.Transcript{Language: openline.German, Scenario: "bench"}
	prospect := []string{
		"Bauer, guten Tag?", "Ja, worum geht es denn?", "Das ist eigentlich nichts für uns, wir haben unsere Hausbank.",
		"Dass die mich kennen. Und ich habe im Moment ganz andere Sorgen.", "Ich finde keine Auszubildenden, seit zwei Jahren.",
		"Zeitung, Arbeitsagentur, das Übliche.", "Das wäre eine Hilfe, ehrlich gesagt.", "Ich bin in der Innung aktiv.",
		"Ja, die suchen auch Leute.", "Nächste Woche passt.", "Gern.", "Vormittags.", "Danke.", "Ja, das mache ich.", "Auf Wiederhören.",
	}
	trainee := []string{
		"Guten Tag Herr Bauer, hier ist Lena Vogt von der Regionalbank. Passt es Ihnen gerade kurz?",
		"Wir finanzieren Maschinen für Handwerksbetriebe. Wie sieht das bei Ihnen gerade aus?",
		"Verstehe, danke für die Offenheit. Darf ich fragen, was Ihnen bei Ihrer Hausbank wichtig ist?",
		"Das klingt nach viel Arbeit. Was beschäftigt Sie im Moment am meisten?",
		"Seit zwei Jahren keinen Azubi, das ist hart. Wie haben Sie bisher gesucht?",
		"Ich kenne die Berufsschule in Lindau, soll ich Ihnen den Kontakt geben?",
		"Gern. Und was machen Sie sonst noch, wenn Sie nicht im Betrieb sind?",
		"Spannend, die Innung. Wie läuft es dort gerade?",
		"Dann stelle ich gern den Kontakt her. Wann passt es Ihnen?",
		"Prima. Eher vormittags oder nachmittags?",
		"Sehr gut, ich schicke Ihnen eine Mail.",
		"Danke Ihnen. Darf ich noch fragen, wie Sie unser Gespräch fanden?",
		"Das freut mich. Melden Sie sich gern, wenn etwas ist.",
		"Schön. Ich wünsche Ihnen viel Erfolg bei der Suche.",
		"Vielen Dank, Herr Bauer, auf Wiederhören!",
	}
	for i := range prospect {
		tr.Turns = append(tr.Turns, openline.Turn{Speaker: openline.Prospect, Text: prospect[i]}, openline.Turn{Speaker: openline.Trainee, Text: trainee[i]})
	}
	return tr
}

// BenchmarkScore scores a thirty-turn transcript; the target is at least
// 1,000 transcripts a second on one core.
func BenchmarkScore(b *testing.B) {
	tr := thirtyTurns()
	if len(tr.Turns) != 30 {
		b.Fatalf("got %d turns, want 30", len(tr.Turns))
	}
	sc := &openline.Scenario{ID: "bench", Language: openline.German, Needs: []openline.Need{
		{ID: "nachwuchs", Reveal: []string{"Ich finde keine Auszubildenden"}, Detect: []string{"Azubi", "Auszubildend"}},
		{ID: "innung", Reveal: []string{"Ich bin in der Innung aktiv."}},
	}}
	b.ReportAllocs()
	cpu0 := cpuTime(b)
	for b.Loop() {
		if _, err := Score(tr, sc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "transcripts/s")
	// On a shared machine the wall clock measures the neighbours: the
	// process's CPU time (all threads, the garbage collector's included)
	// gives the rate per core.
	if cpu := cpuTime(b) - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "transcripts/cpu-s")
	}
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
