package acts

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestFeaturesAsFirstComputed holds the learned layer's features to the
// computation they were first written as (turnFeaturesAsFirst and
// uptakeFeaturesAsFirst below: every name hashed whole, the features
// sorted and compacted), on every turn of the labelled corpus, for the
// bucket count the model is trained with and for ones that take the
// other paths (a count no power of two, one above the bit set's reach).
// The shortcuts must give the very same buckets in the same order, or
// the trained model and every reading would change.
func TestFeaturesAsFirstComputed(t *testing.T) {
	exs := corpusExamplesForTest(t)
	exs = append(exs, Example{Transcript: openline.Transcript{Language: openline.German, Turns: []openline.Turn{
		{Speaker: openline.Prospect, Text: "Ehrlich gesagt ist das nichts für uns, wir haben ganz andere Sorgen mit dem Nachwuchs."},
		{Speaker: openline.Trainee, Text: benchTurn},
	}}})
	n := 0
	for _, ex := range exs {
		turns := ex.Transcript.Turns
		last := len(turns) - 1
		if last < 0 || turns[last].Speaker != openline.Trainee {
			continue
		}
		rd := readTagged(ex.Transcript, ex.Scenario, nil, nil)
		tn := rd.Turns[last]
		prospect := ""
		if last >= 1 && turns[last-1].Speaker == openline.Prospect {
			prospect = turns[last-1].Text
		}
		for _, buckets := range []uint32{trainBuckets, 1000, bucketSetMax + 1, 1 << 20} {
			got := turnFeatures(buckets, &tn, turns[last].Text, prospect)
			want := turnFeaturesAsFirst(buckets, &tn, turns[last].Text, prospect)
			if !slices.Equal(got.all, want.all) || !slices.EqualFunc(got.own, want.own, slices.Equal) {
				t.Fatalf("%d buckets, %q after %q: features\n%v %v\nwant\n%v %v", buckets, turns[last].Text, prospect, got.all, got.own, want.all, want.own)
			}
			for _, up := range []Uptake{tn.Uptake, UptakeTakesUp, UptakeMovesOn} {
				if g, w := uptakeFeatures(buckets, got.all, up, last), uptakeFeaturesAsFirst(buckets, want.all, up, last); !slices.Equal(g, w) {
					t.Fatalf("%d buckets, %q: uptake features %v, want %v", buckets, turns[last].Text, g, w)
				}
			}
		}
		n++
	}
	if n < 100 {
		t.Fatalf("only %d trainee turns compared; the corpus should give hundreds", n)
	}
}

// TestBucketSetDistinct holds bucketSet.distinct to slices.Sort and
// slices.Compact, on random features, in place and not, and checks the
// set is left empty for the next call.
func TestBucketSetDistinct(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var set bucketSet
	for _, buckets := range []uint32{1, 63, 64, 65, 1000, bucketSetMax, bucketSetMax + 1} {
		for range 200 {
			xs := make([]uint32, rng.IntN(300))
			for i := range xs {
				xs[i] = rng.Uint32N(buckets)
			}
			want := slices.Compact(slices.Sorted(slices.Values(xs)))
			if got := set.distinct(buckets, xs, nil); !slices.Equal(got, want) {
				t.Fatalf("%d buckets: distinct(%v) = %v, want %v", buckets, xs, got, want)
			}
			if got := set.distinct(buckets, xs, xs[:0]); !slices.Equal(got, want) {
				t.Fatalf("%d buckets, in place: %v, want %v", buckets, got, want)
			}
		}
	}
	if set != (bucketSet{}) {
		t.Fatal("distinct left bits set")
	}
}

// turnFeaturesAsFirst is turnFeatures as first written (e0a2886,
// acb3444); do not speed it up.
func turnFeaturesAsFirst(buckets uint32, t *Turn, text, prospect string) features {
	hs := &hasher{buckets: buckets, out: make([]uint32, 0, 512)}
	hs.add("bias")
	for _, a := range t.Acts {
		hs.add("rule", string(a))
	}
	if len(t.Acts) == 0 {
		hs.add("rule-none")
	}
	for _, fl := range [...]struct {
		name string
		on   bool
	}{{"yesbut", t.YesBut}, {"argues", t.YesButArgues}, {"rejected", t.Rejected}, {"parrot", t.Parrot},
		{"smalltalk", t.SmallTalk}, {"asks", t.Asks}, {"asksback", t.AsksBack}, {"notime", t.NoTime}, {"shares", t.sharesPrev},
		{"insult", t.Push.Insult}, {"ultimatum", t.Push.Ultimatum}, {"pushq", t.Push.Question}, {"loss", t.Push.Loss}, {"demand", t.Push.Demand}} {
		if fl.on {
			hs.add("flag", fl.name) // a fixed order: the sums, and so training, are the same every time
		}
	}
	for _, q := range t.Questions {
		hs.add("purpose", string(q.Purpose))
	}
	words := turnWords(t.Result, text)
	var pstems []string // few: a slice searched beats a map built
	if strings.TrimSpace(prospect) != "" {
		hs.add("after-prospect")
		prev := "<s>"
		for _, tk := range tokenize(prospect) {
			st := stem(tk.s)
			pstems = append(pstems, st)
			hs.add("p", st)
			hs.add("pb", prev, st)
			prev = st
		}
	}
	own := make([][]uint32, len(words))
	nwords, shared, neg, qmarks := 0, 0, 0, strings.Count(text, "?")
	for k, toks := range words {
		start := len(hs.out)
		prev := "<s>"
		var sentence string
		if k < len(t.Sentences) {
			sentence = quoteOf(text, t.Sentences[k])
		}
		asked := strings.HasSuffix(strings.TrimSpace(sentence), "?")
		last := k == len(words)-1
		for _, tk := range toks {
			st := stem(tk.s)
			hs.add("w", st)
			hs.add("b", prev, st)
			if asked {
				hs.add("qw", st)
			}
			if last {
				hs.add("lw", st)
			}
			if len(st) > 3 && slices.Contains(pstems, st) {
				shared++
				hs.add("shared", st)
			}
			if negationWords[tk.s] {
				neg++
			}
			prev = st
			nwords++
		}
		hs.add("b", prev, "</s>")
		own[k] = hs.out[start:len(hs.out):len(hs.out)]
	}
	for k, s := range t.Sentences {
		for _, c := range s.Cues {
			if c.Start < 0 || c.End > len(text) || c.Start >= c.End {
				continue
			}
			for _, tk := range tokenize(text[c.Start:c.End]) {
				hs.add("cue", string(c.Act), stem(tk.s))
			}
		}
		for _, a := range s.Acts {
			if k == len(t.Sentences)-1 {
				hs.add("last-rule", string(a))
			}
		}
	}
	hs.add("words", bucketOf(nwords/5, 8))
	hs.add("sentences", bucketOf(len(words), 5))
	hs.add("qmarks", bucketOf(qmarks, 3))
	hs.add("shared-n", bucketOf(shared, 4))
	hs.add("neg", bucketOf(neg, 3))
	// Each feature counts once: a word said a thousand times ("Wort Wort
	// …") is one word, not a thousand votes.
	all := slices.Clone(hs.out)
	slices.Sort(all)
	all = slices.Compact(all)
	for k := range own {
		slices.Sort(own[k]) // in place: all is a copy
		own[k] = slices.Compact(own[k])
	}
	return features{all: all, own: own}
}

// uptakeFeaturesAsFirst is uptakeFeatures as first written; do not speed it up.
func uptakeFeaturesAsFirst(buckets uint32, f []uint32, up Uptake, at int) []uint32 {
	hs := &hasher{buckets: buckets, out: slices.Clip(f)}
	hs.add("uptake", string(up))
	hs.add("position", bucketOf(at, 6))
	out := slices.Sorted(slices.Values(hs.out))
	return slices.Compact(out)
}
