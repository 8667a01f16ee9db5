package progress

import (
	"math"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

func rating(call string, rater int64, o, c int, minute int) openline.Rating {
	at := day0.Add(time.Duration(minute) * time.Minute)
	return openline.Rating{CallID: call, RaterID: rater, Openness: &o, Curiosity: &c, SubmittedAt: &at}
}

func near(p *float64, want float64) bool { return p != nil && math.Abs(*p-want) < 1e-9 }

func TestAgree(t *testing.T) {
	computed := map[string]Score{"a": {50, 50}, "b": {70, 20}, "c": {30, 80}}
	score := func(id string) (Score, bool) { s, ok := computed[id]; return s, ok }
	ratings := []openline.Rating{
		// Trainer 2 scores first on a and c, trainer 1 on b: pairs go
		// earlier against later.
		rating("a", 1, 60, 40, 2), rating("a", 2, 50, 50, 1),
		rating("b", 1, 80, 30, 1), rating("b", 2, 70, 30, 2),
		rating("c", 1, 20, 90, 2), rating("c", 2, 40, 70, 1),
		rating("d", 1, 10, 10, 1), // one rating, no computed score: no pair at all
		{CallID: "a", RaterID: 3}, // asked, not given: ignored
	}
	a := Agree(ratings, score)
	if a.Calls != 3 || a.Trainers.N != 3 || a.Scorer.N != 6 {
		t.Fatalf("Agree: %d calls, %d trainer pairs, %d scorer pairs; want 3, 3, 6", a.Calls, a.Trainers.N, a.Scorer.N)
	}
	// Trainer pairs (earlier, later): a (50,50)-(60,40), b (80,30)-(70,30),
	// c (40,70)-(20,90). Openness |10|,|10|,|20| → 13.33; curiosity
	// 10, 0, 20 → 10.
	if !near(a.Trainers.Openness.MeanAbsDiff, 40.0/3) || !near(a.Trainers.Curiosity.MeanAbsDiff, 10) {
		t.Errorf("trainers' mean absolute differences %v, %v; want 13.33, 10", *a.Trainers.Openness.MeanAbsDiff, *a.Trainers.Curiosity.MeanAbsDiff)
	}
	// Openness ranks: earlier 50,80,40 → 2,3,1; later 60,70,20 → 2,3,1: ρ = 1.
	if !near(a.Trainers.Openness.Spearman, 1) {
		t.Errorf("trainers' openness Spearman %v, want 1", a.Trainers.Openness.Spearman)
	}
	// Curiosity: earlier 50,30,70 → 2,1,3; later 40,30,90 → 2,1,3: ρ = 1.
	if !near(a.Trainers.Curiosity.Spearman, 1) {
		t.Errorf("trainers' curiosity Spearman %v, want 1", a.Trainers.Curiosity.Spearman)
	}
	// Scorer against each rating: openness |50-60| |50-50| |70-80| |70-70| |30-20| |30-40| → 40/6.
	if !near(a.Scorer.Openness.MeanAbsDiff, 40.0/6) {
		t.Errorf("scorer openness mean absolute difference %v, want 6.67", *a.Scorer.Openness.MeanAbsDiff)
	}
}

func TestAgreeTooFew(t *testing.T) {
	a := Agree([]openline.Rating{rating("a", 1, 60, 40, 1), rating("a", 2, 50, 40, 2)}, func(string) (Score, bool) { return Score{}, false })
	if a.Trainers.N != 1 || a.Trainers.Openness.Spearman != nil || !near(a.Trainers.Openness.MeanAbsDiff, 10) {
		t.Errorf("one pair: %+v; want its difference and no rank correlation", a.Trainers)
	}
	if a.Scorer.N != 0 || a.Scorer.Openness.MeanAbsDiff != nil {
		t.Errorf("without computed scores the scorer has pairs: %+v", a.Scorer)
	}
}
