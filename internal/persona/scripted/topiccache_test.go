package scripted

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestFactTopicsAreSharedOnlyByTheSameFacts: calls of one scenario share
// its prepared facts, and a persona with other facts (an edited draft)
// never gets another's.
func TestFactTopicsAreSharedOnlyByTheSameFacts(t *testing.T) {
	price := &openline.Persona{Facts: []openline.Fact{{Key: "price", About: []string{"how much does it cost"}}}}
	staff := &openline.Persona{Facts: []openline.Fact{{Key: "staff", About: []string{"how many people work"}}}}
	q := "So how much does it cost?"
	for i := 0; i < 2; i++ {
		if got := factTopics(openline.English, price).topics.About(q); got != 0 {
			t.Fatalf("round %d: price persona: About(%q) = %d, want 0", i, q, got)
		}
		if got := factTopics(openline.English, staff).topics.About(q); got == 0 {
			t.Fatalf("round %d: staff persona answered %q from the price persona's fact", i, q)
		}
	}
	if got := factTopics(openline.English, staff).topics.About("How many people work there?"); got != 0 {
		t.Fatalf("staff persona: About = %d, want 0", got)
	}
}
