package acts

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/openline/openline/internal/openline"
)

// This file is the learned layer of the reading (docs/scoring.md, "A
// learned layer"): per act, a logistic regression over hashed features of
// a trainee turn (its words, the prospect's words before it, and what the
// rules read in it) that may add the act where the rules missed it or take
// it away where they misread, each only where leave-one-set-out
// cross-validation on the labelled corpus showed a gain. The weights are
// trained by cmd/train-reading (learned_train.go) and embedded; the rules
// stay as they are and are the layer's strongest features.

// modelFile is the trained layer, written by `go run ./cmd/train-reading`;
// never edit it by hand (TestLearnedModelReproduces retrains it).
//
//go:embed reading.model
var modelFile []byte

// modelHeader opens every model file; the number is the format's version.
const modelHeader = "openline reading model 1"

// maxBuckets bounds the hashed feature space a model file may ask for.
const maxBuckets = 1 << 20

// Model is a trained learned layer: one head per act (or relation) it
// decides on. A nil *Model reads with the rules alone.
type Model struct {
	buckets uint32
	heads   []head
}

// headKind is what a head decides.
type headKind int

const (
	headAct    headKind = iota // whether the turn carries an act
	headYesBut                 // whether an acknowledgement is a "yes, but"
	headUptake                 // takes up rather than moves on (Read only)
)

// head is one decision of the layer. With p the head's probability: a
// turn the rules read with the act keeps it unless p < remove; a turn
// without gets it when p > add. add > 1 never adds, remove < 0 never
// removes.
type head struct {
	name        string
	kind        headKind
	act         openline.Act
	add, remove float64
	bias        float64
	w           []float32
}

// uptakeHead and yesButHead name the two heads that are not acts.
const (
	uptakeHead = "uptake"
	yesButHead = "yes_but"
)

// headFor returns the kind and act of a head named name; ok is false for
// an unknown name.
func headFor(name string) (headKind, openline.Act, bool) {
	switch name {
	case uptakeHead:
		return headUptake, "", true
	case yesButHead:
		return headYesBut, "", true
	}
	if a := openline.Act(name); slices.Contains(openline.TraineeActs, a) {
		return headAct, a, true
	}
	return 0, "", false
}

// DefaultModel returns the embedded learned layer, or an error saying
// what is wrong with the file; Read and TraineeTurn then read with the
// rules alone.
func DefaultModel() (*Model, error) { return defaultModel() }

var defaultModel = sync.OnceValues(func() (*Model, error) { return ParseModel(modelFile) })

// model is the embedded layer, nil when it does not load. It never
// fails a read: cmd/openline and cmd/eval refuse to start when
// DefaultModel gives an error, and TestDefaultModelLoads fails, so a
// broken file is never shipped silently.
func model() *Model {
	m, err := defaultModel()
	if err != nil {
		return nil
	}
	return m
}

// ParseModel reads a model file (the format Marshal writes: a header,
// the number of buckets, then per head a line "head NAME ADD REMOVE
// BIAS" and a line of its weights, int16 thousandths little-endian in
// base64). Any input is
// accepted; a malformed one gives an error naming the line.
func ParseModel(data []byte) (*Model, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	line := 0
	next := func() (string, bool) {
		for sc.Scan() {
			line++
			if s := strings.TrimSpace(sc.Text()); s != "" {
				return s, true
			}
		}
		return "", false
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("reading model: line %d: %s", line, fmt.Sprintf(format, args...))
	}
	s, ok := next()
	if !ok || s != modelHeader {
		return nil, bad("want %q", modelHeader)
	}
	s, _ = next()
	f := strings.Fields(s)
	if len(f) != 2 || f[0] != "buckets" {
		return nil, bad("want \"buckets N\"")
	}
	n, err := strconv.ParseUint(f[1], 10, 32)
	if err != nil || n == 0 || n > maxBuckets {
		return nil, bad("buckets %q: want 1 to %d", f[1], maxBuckets)
	}
	m := &Model{buckets: uint32(n)}
	for {
		s, ok := next()
		if !ok {
			break
		}
		f := strings.Fields(s)
		if len(f) != 5 || f[0] != "head" {
			return nil, bad("want \"head NAME ADD REMOVE BIAS\"")
		}
		kind, act, ok := headFor(f[1])
		if !ok {
			return nil, bad("unknown head %q", f[1])
		}
		if slices.ContainsFunc(m.heads, func(h head) bool { return h.name == f[1] }) {
			return nil, bad("head %q twice", f[1])
		}
		h := head{name: f[1], kind: kind, act: act, w: make([]float32, n)}
		for i, p := range []*float64{&h.add, &h.remove, &h.bias} {
			v, err := strconv.ParseFloat(f[2+i], 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, bad("head %s: field %d %q is not a number", f[1], 3+i, f[2+i])
			}
			*p = v
		}
		s, ok = next()
		if !ok {
			return nil, bad("head %s: no weights", f[1])
		}
		raw, err := base64.StdEncoding.DecodeString(s)
		if err != nil || len(raw) != 2*int(n) {
			return nil, bad("head %s: weights: want %d in base64, %d bytes", f[1], n, 2*n)
		}
		for i := range h.w {
			h.w[i] = float32(int16(binary.LittleEndian.Uint16(raw[2*i:]))) / weightScale
		}
		m.heads = append(m.heads, h)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading model: %w", err)
	}
	return m, nil
}

// Marshal writes m in the format ParseModel reads.
func (m *Model) Marshal() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\nbuckets %d\n", modelHeader, m.buckets)
	for _, h := range m.heads {
		fmt.Fprintf(&b, "head %s %s %s %s\n", h.name, num(h.add), num(h.remove), num(h.bias))
		raw := make([]byte, 2*len(h.w))
		for i, v := range h.w {
			binary.LittleEndian.PutUint16(raw[2*i:], uint16(quantise(float64(v))))
		}
		b.WriteString(base64.StdEncoding.EncodeToString(raw))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// weightScale is how a weight is stored: an int16 of thousandths.
const weightScale = 1000

// quantise returns v as stored: thousandths, within int16.
func quantise(v float64) int16 {
	return int16(max(-math.MaxInt16, min(math.MaxInt16, math.Round(v*weightScale))))
}

func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// Heads lists the decisions m takes, with their thresholds, one line
// each (for cmd/train-reading and cmd/eval).
func (m *Model) Heads() []string {
	if m == nil {
		return nil
	}
	var out []string
	for _, h := range m.heads {
		out = append(out, fmt.Sprintf("%s: add above %.2f, remove below %.2f", h.name, h.add, h.remove))
	}
	return out
}

// features are the hashed features of one trainee turn.
type features struct {
	all []uint32   // the whole turn's
	own [][]uint32 // each sentence's own words, for the cue of an added act
}

// hasher hashes feature names (FNV-1a) into buckets.
type hasher struct {
	buckets uint32
	out     []uint32
}

const fnvOffset, fnvPrime = 2166136261, 16777619

func hashStr(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	return h
}

// prefixed returns the hash state after the feature name's first parts
// and the separator that follows them, for addAfter: every word of a
// turn is hashed under the same few names ("w", "b", "cue" …), so their
// bytes are hashed once per turn instead of once per word.
func prefixed(parts ...string) uint32 {
	h := uint32(fnvOffset)
	for _, p := range parts {
		h = hashStr(h, p)
		h = hashStr(h, "\x00")
	}
	return h
}

// addAfter adds the feature named by the parts that made state
// (prefixed) and then last: the bucket add(parts..., last) gives.
func (hs *hasher) addAfter(state uint32, last string) {
	hs.out = append(hs.out, hashStr(state, last)%hs.buckets)
}

// The states of the names under which every word is hashed.
var (
	stateP, statePB, stateW, stateB, stateQW, stateLW, stateShared = prefixed("p"), prefixed("pb"), prefixed("w"),
		prefixed("b"), prefixed("qw"), prefixed("lw"), prefixed("shared")
)

func (hs *hasher) add(parts ...string) uint32 {
	h := uint32(fnvOffset)
	for i, p := range parts {
		if i > 0 {
			h = hashStr(h, "\x00")
		}
		h = hashStr(h, p)
	}
	b := h % hs.buckets
	hs.out = append(hs.out, b)
	return b
}

// negationWords are the words that turn a sentence round, in either language.
var negationWords = map[string]bool{"not": true, "no": true, "never": true, "don't": true, "dont": true, "won't": true, "can't": true, "isn't": true,
	"nicht": true, "kein": true, "keine": true, "keinen": true, "keiner": true, "nie": true, "niemals": true, "nein": true}

// bucketOf is n capped at top, as a feature value.
func bucketOf(n, top int) string { return strconv.Itoa(min(n, top)) }

// turnFeatures returns the features of trainee turn t (text), read by the
// rules, after prospect (the prospect's turn right before, or "").
func turnFeatures(buckets uint32, t *Turn, text, prospect string) features {
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
			hs.addAfter(stateP, st)
			hs.addAfter(hashStr(hashStr(statePB, prev), "\x00"), st)
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
			hs.addAfter(stateW, st)
			hs.addAfter(hashStr(hashStr(stateB, prev), "\x00"), st)
			if asked {
				hs.addAfter(stateQW, st)
			}
			if last {
				hs.addAfter(stateLW, st)
			}
			if len(st) > 3 && slices.Contains(pstems, st) {
				shared++
				hs.addAfter(stateShared, st)
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
			cue := prefixed("cue", string(c.Act))
			for _, tk := range tokenize(text[c.Start:c.End]) {
				hs.addAfter(cue, stem(tk.s))
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
	var set bucketSet
	all := set.distinct(buckets, hs.out, make([]uint32, 0, len(hs.out)))
	for k := range own {
		own[k] = set.distinct(buckets, own[k], own[k][:0]) // in place: all is a copy
	}
	return features{all: all, own: own}
}

// bucketSet sorts and dedupes features of a model of at most
// bucketSetMax buckets by marking them in a bit set, which costs a
// fraction of sorting the few hundred features of a turn.
type bucketSet [bucketSetMax / 64]uint64

const bucketSetMax = 1 << 13

// distinct appends to out the distinct values of xs (buckets of a model
// of buckets buckets) in increasing order, what slices.Sort and
// slices.Compact give; out may share xs's array from its start. The set
// is empty again when it returns.
func (set *bucketSet) distinct(buckets uint32, xs, out []uint32) []uint32 {
	if buckets > bucketSetMax {
		out = append(out, xs...)
		slices.Sort(out)
		return slices.Compact(out)
	}
	for _, x := range xs {
		set[x/64] |= 1 << (x % 64)
	}
	for i := range (buckets + 63) / 64 {
		w := set[i]
		set[i] = 0
		for w != 0 {
			out = append(out, i*64+uint32(bits.TrailingZeros64(w)))
			w &= w - 1
		}
	}
	return out
}

// uptakeFeatures adds to f what only a reading of the whole call knows:
// the rules' uptake and the turn's position.
func uptakeFeatures(buckets uint32, f []uint32, up Uptake, at int) []uint32 {
	hs := &hasher{buckets: buckets, out: make([]uint32, 0, 2)}
	hs.add("uptake", string(up))
	hs.add("position", bucketOf(at, 6))
	// f is sorted and distinct (turnFeatures): the two go in their place.
	out := make([]uint32, len(f), len(f)+2)
	copy(out, f)
	for _, b := range hs.out {
		if i, found := slices.BinarySearch(out, b); !found {
			out = slices.Insert(out, i, b)
		}
	}
	return out
}

// score is the head's log-odds for features f.
func (h *head) score(f []uint32) float64 {
	s := h.bias
	for _, i := range f {
		s += float64(h.w[i])
	}
	return s
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// decide applies the head's thresholds to probability p given the rules'
// answer.
func (h *head) decide(rule bool, p float64) bool {
	if rule {
		return p >= h.remove
	}
	return p > h.add
}

// standsAlone reports whether act a is all that turn r does but thank:
// the layer never takes such an act away. The head weighs the act
// against what else the turn does ("Cheers! So what's doing your head
// in …?" opens a call, "Ich bräuchte Ihre Zusage bis morgen." sets a
// deadline); a turn that only thanks and takes leave ("I won't keep you
// – thanks for taking my call, and all the best.") is a goodbye in
// whatever words, and words the corpus seldom says goodbye in are no
// sign that it is not one.
func standsAlone(r Result, a openline.Act) bool {
	if !r.Has(a) {
		return false
	}
	for _, x := range r.Acts {
		if x != a && x != openline.ActAcknowledgement {
			return false
		}
	}
	return true
}

// applyTurn lets the act and "yes, but" heads of m decide on trainee turn
// t (text), read by the rules after prospect (the prospect's turn right
// before, or ""). It needs nothing but what TraineeTurn knows, so the
// scripted prospect hears what the scorer reads. An act added goes to the
// sentence whose own words weigh most for it, and is cued by that
// sentence (the scorecard's evidence); an act taken away leaves every
// sentence. Turn fields that follow from the acts are derived again.
func (m *Model) applyTurn(t *Turn, text, prospect string) features {
	if len(m.heads) == 0 {
		return features{}
	}
	f := turnFeatures(m.buckets, t, text, prospect)
	changed := false
	type change struct {
		act openline.Act
		add bool
		at  int
	}
	var changes []change
	yesBut := t.YesBut
	for i := range m.heads {
		h := &m.heads[i]
		switch h.kind {
		case headAct:
			rule := t.Has(h.act)
			got := rule && standsAlone(t.Result, h.act) || h.decide(rule, sigmoid(h.score(f.all)))
			if got == rule {
				continue
			}
			if !got {
				changes = append(changes, change{act: h.act})
				continue
			}
			if at := m.cueSentence(h, t, text, f); at >= 0 {
				changes = append(changes, change{act: h.act, add: true, at: at})
			}
		case headYesBut:
			if !t.Has(openline.ActAcknowledgement) && !t.YesBut {
				continue // nothing acknowledges: no "yes, but" to hear or clear
			}
			yesBut = h.decide(t.YesBut, sigmoid(h.score(f.all)))
		}
	}
	addedAck := false
	for _, c := range changes {
		changed = true
		if c.add {
			s := &t.Sentences[c.at]
			s.Acts = append(slices.Clone(s.Acts), c.act)
			s.Cues = append(slices.Clone(s.Cues), Cue{Act: c.act, Start: s.Start, End: s.End})
			if c.act == openline.ActReflection && !slices.Contains(s.Acts, openline.ActAcknowledgement) {
				s.Acts = append(s.Acts, openline.ActAcknowledgement)
			}
			addedAck = addedAck || c.act == openline.ActAcknowledgement
			continue
		}
		dropAct(&t.Result, c.act)
		if c.act == openline.ActPressure {
			t.Push = Push{YesBut: t.Push.YesBut} // no push is heard where no pressure is
		}
	}
	if addedAck && !t.YesBut {
		// An acknowledgement the layer hears is withdrawn by what follows
		// it, as one the rules hear is: "Das tut mir leid. Sie müssen
		// das heute noch machen." is a "yes, but".
		t.unite()
		if yb, argues := withdrawAcknowledgement(&t.Result); yb {
			t.YesBut, t.YesButArgues, yesBut = true, argues, true
		}
	}
	if yesBut != t.YesBut {
		changed = true
		t.YesBut = yesBut
		t.YesButArgues = t.YesButArgues && yesBut
		if yesBut {
			for k := range t.Sentences {
				s := &t.Sentences[k]
				if !slices.Contains(s.Acts, openline.ActReflection) {
					s.Acts = slices.DeleteFunc(slices.Clone(s.Acts), func(a openline.Act) bool { return a == openline.ActAcknowledgement })
				}
			}
		}
	}
	if changed {
		t.unite()
		for k := range t.Sentences {
			t.Sentences[k].Acts = canonicalOrder(t.Sentences[k].Acts)
		}
		t.deriveAsks()
	}
	return f
}

// applyUptake lets the uptake head of m decide whether trainee turn t,
// the at-th of its call, takes up what the prospect just said; f are the
// turn's features (applyTurn). A turn with nothing to take up stays so.
func (m *Model) applyUptake(t *Turn, f features, at int) {
	if t.Uptake == UptakeNone {
		return
	}
	for i := range m.heads {
		h := &m.heads[i]
		if h.kind != headUptake {
			continue
		}
		rule := t.Uptake == UptakeTakesUp
		if h.decide(rule, sigmoid(h.score(uptakeFeatures(m.buckets, f.all, t.Uptake, at)))) {
			t.Uptake = UptakeTakesUp
		} else {
			t.Uptake = UptakeMovesOn
		}
	}
}

// cueSentence returns the sentence of t that an act added by h belongs
// to: the one whose own words score highest, among the question
// sentences for a follow-up and the others for an acknowledgement (no
// bare marker before moving on); -1 when none fits.
func (m *Model) cueSentence(h *head, t *Turn, text string, f features) int {
	best, at := math.Inf(-1), -1
	for k := range t.Sentences {
		if k >= len(f.own) {
			break
		}
		s := t.Sentences[k]
		asks := slices.Contains(s.Acts, openline.ActOpenQuestion) || slices.Contains(s.Acts, openline.ActClosedQuestion)
		if h.act == openline.ActFollowUp && !asks || h.act == openline.ActAcknowledgement && asks {
			continue // a follow-up is asked; an acknowledgement is said
		}
		if h.act == openline.ActAcknowledgement && !t.sharesPrev && len(t.Sentences) > 1 && wordCount(text, s) <= bareMarkerWords {
			continue // "Danke. Letzte Frage: …" is a marker, as the rules hear it (dropBareMarkers)
		}
		if sc := h.score(f.own[k]) - h.bias; sc > best {
			best, at = sc, k
		}
	}
	return at
}

// dropAct takes act a out of every sentence of r, with its cues.
func dropAct(r *Result, a openline.Act) {
	for k := range r.Sentences {
		s := &r.Sentences[k]
		if !slices.Contains(s.Acts, a) {
			continue
		}
		s.Acts = slices.DeleteFunc(slices.Clone(s.Acts), func(x openline.Act) bool { return x == a })
		s.Cues = slices.DeleteFunc(slices.Clone(s.Cues), func(c Cue) bool { return c.Act == a })
	}
}

// canonicalOrder returns acts in canonical order, once each.
func canonicalOrder(acts []openline.Act) []openline.Act {
	var set actSet
	for _, a := range acts {
		set.add(a)
	}
	return set.list()
}
