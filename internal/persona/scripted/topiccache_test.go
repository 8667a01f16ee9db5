package scripted

import (
	"reflect"
	"testing"

	"github.com/openline/openline/internal/acts"
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

// TestFactTopicsKeyCannotBeSpelled: a draft whose strings hold the
// key's own separators must not get the prepared facts of another list
// (there: one fact with two names, here: a fact whose name spells them;
// a shorter index than the persona's facts would be read past its end).
func TestFactTopicsKeyCannotBeSpelled(t *testing.T) {
	two := &openline.Persona{Facts: []openline.Fact{{Key: "price", About: []string{"how much", "price"}, Say: []string{"Ten."}}}}
	spelled := &openline.Persona{Facts: []openline.Fact{{Key: "price", About: []string{"how much\x00price"}, Say: []string{"Ten."}}}}
	a, b := factTopics(openline.English, two), factTopics(openline.English, spelled)
	if a == b {
		t.Fatal("two fact lists that differ share one prepared index")
	}
	if got := b.topics.About("What's the price?"); got == 0 {
		t.Errorf("the spelled persona answers %q from the other's names", "What's the price?")
	}
}

// TestOwnLinesAreReadAsActsReadsThem: the engine's shared reading of a
// line it says is acts.Prospect's, the second time (from the cache) as the
// first, and apart for each language; the trainee's answer to it reads
// the same with the line's shared preparation (ownHearing).
func TestOwnLinesAreReadAsActsReadsThem(t *testing.T) {
	for _, c := range []struct {
		lang openline.Language
		text string
	}{
		{openline.German, "Nein danke, kein Interesse. Auf Wiederhören."},
		{openline.English, "No thanks, not interested. Goodbye."},
		{openline.German, "No thanks, not interested. Goodbye."},
		{openline.English, "Ehrlich gesagt finde ich keine Azubis mehr."},
	} {
		want := acts.Prospect(c.lang, c.text)
		for i := 0; i < 2; i++ {
			if got := ownReading(c.lang, c.text); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s %q, read %d: %+v, acts.Prospect %+v", c.lang, c.text, i+1, got, want)
			}
		}
		// The trainee's answer reads the same with the line prepared once
		// as with it prepared by the reading itself.
		for _, answer := range []string{"Was genau passt denn nicht?", "Sie sagen kein Interesse, aber wir sind die Besten.", "What is it that does not fit?"} {
			ctx := acts.Context{Prospect: c.text, Rejected: true}
			want := acts.TraineeTurn(acts.Trainee(c.lang, answer, ctx), answer, ctx)
			for i := 0; i < 2; i++ {
				heard := ctx.HeardAs(ownHearing(c.text))
				if got := acts.TraineeTurn(acts.Trainee(c.lang, answer, heard), answer, heard); !reflect.DeepEqual(got, want) {
					t.Fatalf("%q after %q, heard once, read %d: %+v, want %+v", answer, c.text, i+1, got, want)
				}
			}
		}
	}
}
