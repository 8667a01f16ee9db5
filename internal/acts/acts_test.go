package acts

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/openline/openline/internal/openline"
)

// labelled is one hand-labelled utterance of testdata/*.tsv.
type labelled struct {
	line     int
	kind     string // T trainee, R trainee after a rejection, P prospect
	text     string
	prospect string
	want     []openline.Act
}

func (c labelled) name(file string) string { return fmt.Sprintf("%s:%d", file, c.line) }

// knownMisses are labelled cases the tagger gets wrong today, by file and
// text. Keep this list short and honest: TestLabelled fails when one of
// them starts passing, so it must then be removed here.
var knownMisses = map[string]bool{}

func loadLabelled(t *testing.T, file string) []labelled {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			t.Fatalf("%s:%d: %d columns, want 4 (kind, text, prospect, acts)", file, n, len(cols))
		}
		c := labelled{line: n, kind: cols[0], text: cols[1], prospect: cols[2]}
		if c.prospect == "-" {
			c.prospect = ""
		}
		switch c.kind {
		case "T", "R", "P":
		default:
			t.Fatalf("%s:%d: kind %q, want T, R or P", file, n, c.kind)
		}
		if cols[3] != "-" {
			for _, a := range strings.Split(cols[3], ",") {
				act := openline.Act(strings.TrimSpace(a))
				if !act.Valid() {
					t.Fatalf("%s:%d: unknown act %q", file, n, act)
				}
				c.want = append(c.want, act)
			}
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func (c labelled) tag(lang openline.Language) Result {
	if c.kind == "P" {
		return Prospect(lang, c.text)
	}
	return Trainee(lang, c.text, Context{Prospect: c.prospect, Rejected: c.kind == "R"})
}

// sameActs compares act lists as sets.
func sameActs(got, want []openline.Act) bool {
	g := slices.Clone(got)
	w := slices.Clone(want)
	slices.Sort(g)
	slices.Sort(w)
	return slices.Equal(slices.Compact(g), slices.Compact(w))
}

// minLabelled is how many labelled utterances each language must have.
const minLabelled = 150

// TestLabelled checks the exact act set of every hand-labelled utterance
// and logs accuracy and per-act precision and recall (go test -v).
func TestLabelled(t *testing.T) {
	for _, lang := range openline.Languages {
		file := string(lang) + ".tsv"
		t.Run(string(lang), func(t *testing.T) {
			cases := loadLabelled(t, file)
			if len(cases) < minLabelled {
				t.Errorf("%s has %d labelled utterances, want at least %d", file, len(cases), minLabelled)
			}
			type counts struct{ tp, fp, fn int }
			per := map[openline.Act]*counts{}
			for _, a := range canonical {
				per[a] = &counts{}
			}
			exact := 0
			for _, c := range cases {
				got := c.tag(lang).Acts
				ok := sameActs(got, c.want)
				key := file + ":" + c.text
				switch {
				case ok && knownMisses[key]:
					t.Errorf("%s: %q now passes; remove it from knownMisses", c.name(file), c.text)
				case !ok && !knownMisses[key]:
					t.Errorf("%s: %q\n got  %v\n want %v", c.name(file), c.text, got, c.want)
				}
				if ok {
					exact++
				}
				for _, a := range canonical {
					g, w := slices.Contains(got, a), slices.Contains(c.want, a)
					switch {
					case g && w:
						per[a].tp++
					case g:
						per[a].fp++
					case w:
						per[a].fn++
					}
				}
			}
			t.Logf("%s: %d/%d exact act sets (%.1f%%)", file, exact, len(cases), 100*float64(exact)/float64(len(cases)))
			for _, a := range canonical {
				c := per[a]
				if c.tp+c.fp+c.fn == 0 {
					continue
				}
				t.Logf("  %-18s P %.2f R %.2f (tp %d fp %d fn %d)", a, ratio(c.tp, c.tp+c.fp), ratio(c.tp, c.tp+c.fn), c.tp, c.fp, c.fn)
			}
		})
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// checkResult checks the invariants every Result holds for text: spans in
// range, on rune boundaries, ordered, trimmed and non-empty; valid acts in
// canonical order; Acts the union of the sentences' acts; follow_up only
// with a question act; reflection only with acknowledgement.
func checkResult(t *testing.T, text string, r Result) {
	t.Helper()
	boundary := runeBoundaries(text)
	prev := 0
	var union []openline.Act
	for i, s := range r.Sentences {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("sentence %d: span [%d,%d) out of order or range (previous end %d, len %d)", i, s.Start, s.End, prev, len(text))
		}
		if !boundary[s.Start] || !boundary[s.End] {
			t.Fatalf("sentence %d: span [%d,%d) not on rune boundaries of %q", i, s.Start, s.End, text)
		}
		quote := text[s.Start:s.End]
		if strings.TrimSpace(quote) != quote {
			t.Errorf("sentence %d: %q has surrounding space", i, quote)
		}
		checkActs(t, s.Acts)
		for _, a := range s.Acts {
			cs, ce, ok := s.Cue(a)
			if !ok || cs < s.Start || ce > s.End || ce <= cs || !boundary[cs] || !boundary[ce] {
				t.Fatalf("sentence %d: cue of %s [%d,%d) outside the sentence [%d,%d) or off rune boundaries", i, a, cs, ce, s.Start, s.End)
			}
		}
		union = append(union, s.Acts...)
		prev = s.End
	}
	checkActs(t, r.Acts)
	if !sameActs(union, r.Acts) {
		t.Errorf("Acts %v is not the union of the sentences' acts %v", r.Acts, union)
	}
	for _, s := range append(r.Sentences, Sentence{Acts: r.Acts}) {
		if slices.Contains(s.Acts, openline.ActFollowUp) && !slices.Contains(s.Acts, openline.ActOpenQuestion) && !slices.Contains(s.Acts, openline.ActClosedQuestion) {
			t.Errorf("follow_up without a question act: %v", s.Acts)
		}
		if slices.Contains(s.Acts, openline.ActReflection) && !slices.Contains(s.Acts, openline.ActAcknowledgement) {
			t.Errorf("reflection without acknowledgement: %v", s.Acts)
		}
	}
}

// checkActs checks that acts are valid, distinct and in canonical order.
func checkActs(t *testing.T, acts []openline.Act) {
	t.Helper()
	last := -1
	for _, a := range acts {
		i := slices.Index(canonical, a)
		if i < 0 {
			t.Fatalf("invalid act %q", a)
		}
		if i <= last {
			t.Fatalf("acts %v not distinct and in canonical order", acts)
		}
		last = i
	}
}

// runeBoundaries marks the offsets where utf8.DecodeRuneInString's walk
// over text stops, including len(text); an invalid byte counts as a rune.
func runeBoundaries(text string) map[int]bool {
	m := map[int]bool{len(text): true}
	for i := 0; i < len(text); {
		m[i] = true
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return m
}

// TestSpansOfLabelled checks the Result invariants on every labelled
// utterance, and that every sentence is an exact quote of its turn.
func TestSpansOfLabelled(t *testing.T) {
	for _, lang := range openline.Languages {
		for _, c := range loadLabelled(t, string(lang)+".tsv") {
			r := c.tag(lang)
			checkResult(t, c.text, r)
			for _, s := range r.Sentences {
				if !strings.Contains(c.text, c.text[s.Start:s.End]) {
					t.Errorf("%q is not a substring of %q", c.text[s.Start:s.End], c.text)
				}
			}
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"only space", " \t\n ", nil},
		{"two sentences", "Guten Tag. Haben Sie einen Moment?", []string{"Guten Tag.", "Haben Sie einen Moment?"}},
		{"surrounding space trimmed", "  Hallo!   Wie geht's?  ", []string{"Hallo!", "Wie geht's?"}},
		{"german abbreviation", "Wir bieten z.B. Beratung an. Passt das?", []string{"Wir bieten z.B. Beratung an.", "Passt das?"}},
		{"titles", "Hr. Dr. Maier hat angerufen. Ja.", []string{"Hr. Dr. Maier hat angerufen.", "Ja."}},
		{"english abbreviations", "Mr. Smith, e.g. you could call. Sure?", []string{"Mr. Smith, e.g. you could call.", "Sure?"}},
		{"interrobang run", "Wirklich?! Wie kam es dazu?", []string{"Wirklich?!", "Wie kam es dazu?"}},
		{"ellipsis inside a sentence", "Ich dachte... vielleicht später.", []string{"Ich dachte... vielleicht später."}},
		{"ellipsis before a new sentence", "Ich weiß nicht… Was meinen Sie?", []string{"Ich weiß nicht…", "Was meinen Sie?"}},
		{"no punctuation", "hallo hier ist anna", []string{"hallo hier ist anna"}},
		{"newline separates", "Hallo\nwie geht es", []string{"Hallo", "wie geht es"}},
		{"initial after a title", "Herr B. hat mir geschrieben.", []string{"Herr B. hat mir geschrieben."}},
		{"initial after a title, then a name", "Herr B. Meier ist da.", []string{"Herr B. Meier ist da."}},
		{"initial after a title ends a sentence", "Danke, Herr B. Wie geht es Ihnen?", []string{"Danke, Herr B.", "Wie geht es Ihnen?"}},
		{"german date", "Am 29. Januar rief er an.", []string{"Am 29. Januar rief er an."}},
		{"decimal", "Das sind 0.3 Prozent. Wenig.", []string{"Das sind 0.3 Prozent.", "Wenig."}},
		{"closing quote kept", `Er sagte: "Nein." Dann legte er auf.`, []string{`Er sagte: "Nein."`, "Dann legte er auf."}},
		{"emoji", "Danke 😊 Bis bald!", []string{"Danke 😊 Bis bald!"}},
		{"only punctuation", "?!", []string{"?!"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Trainee(openline.German, tt.text, Context{})
			checkResult(t, tt.text, r)
			var got []string
			for _, s := range r.Sentences {
				got = append(got, tt.text[s.Start:s.End])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("sentences of %q\n got  %q\n want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestContext checks what the context changes: the same words are a
// follow-up only after the prospect said them, and pressure only after a no.
func TestContext(t *testing.T) {
	tests := []struct {
		name string
		lang openline.Language
		text string
		ctx  Context
		act  openline.Act
		want bool
	}{
		{"pickup is a follow-up", openline.German, "Seit wann suchen Sie Praktikanten?", Context{Prospect: "Wir suchen Praktikanten."}, openline.ActFollowUp, true},
		{"same question cold is none", openline.German, "Seit wann suchen Sie Praktikanten?", Context{}, openline.ActFollowUp, false},
		{"unrelated words are none", openline.German, "Seit wann suchen Sie Praktikanten?", Context{Prospect: "Das Wetter ist schlecht."}, openline.ActFollowUp, false},
		{"english pickup, other inflection", openline.English, "How long have you been struggling with hiring?", Context{Prospect: "We struggle to hire."}, openline.ActFollowUp, true},
		{"re-pitch after a no is pressure", openline.English, "Our product saves you money.", Context{Rejected: true}, openline.ActPressure, true},
		{"pitch before a no is not", openline.English, "Our product saves you money.", Context{}, openline.ActPressure, false},
		{"but after a no is pressure", openline.German, "Aber das lohnt sich doch für Sie.", Context{Rejected: true}, openline.ActPressure, true},
		{"feedback after a no is not pressure", openline.German, "Aber darf ich fragen, woran es liegt?", Context{Rejected: true}, openline.ActPressure, false},
		{"restating is a reflection", openline.English, "You can't find apprentices anymore.", Context{Prospect: "We just can't find apprentices anymore."}, openline.ActReflection, true},
		{"restating nothing is none", openline.English, "You can't find apprentices anymore.", Context{Prospect: "Hello?"}, openline.ActReflection, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Trainee(tt.lang, tt.text, tt.ctx)
			checkResult(t, tt.text, r)
			if got := r.Has(tt.act); got != tt.want {
				t.Errorf("Trainee(%q, %+v).Has(%s) = %v, want %v (acts %v)", tt.text, tt.ctx, tt.act, got, tt.want, r.Acts)
			}
		})
	}
}

// TestHostileInput feeds input no user should be able to break the tagger
// with; checkResult fails on any broken invariant, and a panic fails too.
func TestHostileInput(t *testing.T) {
	long := strings.Repeat("Was machen Sie sonst so? Wir bieten z.B. Beratung… ", 200)
	inputs := map[string]string{
		"empty":               "",
		"10000 chars":         long[:10000],
		"10000 no spaces":     strings.Repeat("a", 10000),
		"10000 dots":          strings.Repeat(".", 10000),
		"10000 question":      strings.Repeat("?", 10000),
		"invalid utf-8":       "Hallo \xff\xfe Welt?\xc3",
		"lone continuation":   "\x80\x80?",
		"emoji only":          "😊🙏👍",
		"markup":              "<script>alert('x')</script><p>Haben Sie <b>einen Moment</b>?</p>",
		"other script":        "您好，我是安娜。您现在有时间吗？",
		"arabic":              "مرحبا، هل لديك لحظة؟",
		"nul bytes":           "Hallo\x00Welt\x00?",
		"combining marks":     "Gru\u0308ß Gott? e\u0301",
		"apostrophes only":    "'''’’’",
		"abbreviation at end": "Wir treffen uns um 3 p.m.",
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			for _, lang := range []openline.Language{openline.German, openline.English, "", "fr"} {
				checkResult(t, in, Trainee(lang, in, Context{Prospect: in, Rejected: true}))
				checkResult(t, in, Prospect(lang, in))
			}
		})
	}
}

// TestOtherLanguage checks that a turn in the other language is still
// tagged, and that an unknown language is guessed.
func TestOtherLanguage(t *testing.T) {
	tests := []struct {
		lang openline.Language
		text string
		want openline.Act
	}{
		{openline.German, "Tell me more about your business.", openline.ActOpenQuestion},
		{openline.English, "Erzählen Sie mal von Ihrem Betrieb.", openline.ActOpenQuestion},
		{openline.English, "Vielen Dank für Ihre Offenheit.", openline.ActAcknowledgement},
		{"", "Was machen Sie sonst so?", openline.ActPersonalInterest},
		{"xx", "What else are you working on?", openline.ActPersonalInterest},
	}
	for _, tt := range tests {
		if r := Trainee(tt.lang, tt.text, Context{}); !r.Has(tt.want) {
			t.Errorf("Trainee(%q, %q) = %v, want %s among them", tt.lang, tt.text, r.Acts, tt.want)
		}
	}
}

func FuzzTrainee(f *testing.F) {
	for _, s := range []string{
		"", "Guten Tag, hier ist Anna Berg. Haben Sie einen Moment?", "Darf ich fragen, was genau nicht passt?",
		"z.B. Hr. Dr. Maier?! ...", "Tell me more. Walk me through it…", "\xff\xfe?", "😊?!", "<b>Hi</b>",
	} {
		f.Add(s, "Das ist nichts für uns.", true, "de")
		f.Add(s, "", false, "en")
	}
	f.Fuzz(func(t *testing.T, text, prospect string, rejected bool, lang string) {
		checkResult(t, text, Trainee(openline.Language(lang), text, Context{Prospect: prospect, Rejected: rejected}))
	})
}

func FuzzProspect(f *testing.F) {
	for _, s := range []string{"", "Das ist in der Tat nichts für uns.", "Not interested. Goodbye!", "…\x80?"} {
		f.Add(s, "de")
		f.Add(s, "en")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		checkResult(t, text, Prospect(openline.Language(lang), text))
	})
}

// benchTurn is a thirty-word trainee turn.
const benchTurn = "Verstehe, das kann ich gut nachvollziehen. Darf ich fragen, was genau bei Ihnen im Moment nicht passt, und wie Sie das Thema Nachwuchs in Ihren Betrieben heute lösen?"

func BenchmarkTrainee(b *testing.B) {
	ctx := Context{Prospect: "Ehrlich gesagt ist das nichts für uns, wir haben ganz andere Sorgen mit dem Nachwuchs.", Rejected: true}
	b.SetBytes(int64(len(benchTurn)))
	for b.Loop() {
		Trainee(openline.German, benchTurn, ctx)
	}
}

func BenchmarkProspect(b *testing.B) {
	const turn = "Ehrlich gesagt ist das nichts für uns, wir haben ganz andere Sorgen: Wir finden keine Auszubildenden mehr."
	for b.Loop() {
		Prospect(openline.German, turn)
	}
}

// BenchmarkTraineeHuge tags a 10,000-character turn after a 10,000-character
// prospect turn, the worst case a caller can send.
func BenchmarkTraineeHuge(b *testing.B) {
	text := strings.Repeat("Wir suchen dringend Auszubildende für unsere Handwerksbetriebe und Praktikanten ", 130)[:10000]
	ctx := Context{Prospect: strings.Repeat("Unsere Betriebe finden keine Lehrlinge, Gesellen oder Meister mehr, ehrlich gesagt ", 125)[:10000], Rejected: true}
	for b.Loop() {
		Trainee(openline.German, text, ctx)
	}
}

// TestPatternsCanMatch checks that every literal word of every lexicon
// pattern is a single word as tokenize produces it; a pattern word with a
// hyphen or a trailing apostrophe could never match.
func TestPatternsCanMatch(t *testing.T) {
	for _, lx := range []*lexicon{deLex, enLex} {
		for _, p := range lx.pats {
			for _, w := range p.toks {
				if w.any || w.gap || w.s == "" {
					continue
				}
				toks := tokenize(w.s)
				if len(toks) != 1 || toks[0].s != w.s {
					t.Errorf("%s: pattern word %q tokenizes to %v", lx.lang, w.s, toks)
				}
			}
		}
	}
}

// TestPermissionInOtherWords checks that asking whether the moment suits
// them is permission whatever the word for suiting ("okay", "convenient",
// "passend"), and that the same words in a statement are not.
func TestPermissionInOtherWords(t *testing.T) {
	de, en := openline.German, openline.English
	for _, tc := range []struct {
		lang openline.Language
		text string
		want bool
	}{
		{en, "Is now an okay moment?", true},
		{en, "Is this a convenient time to talk?", true},
		{en, "is now ok", true},
		{de, "Ist jetzt ein okayer Moment?", true},
		{de, "Ist es gerade ok für dich?", true},
		{de, "Ist gerade ein passender Zeitpunkt?", true},
		{en, "That was a special moment for the team.", false},
		{de, "Das war ein schwieriger Moment für Sie.", false},
	} {
		if got := Trainee(tc.lang, tc.text, Context{}).Has(openline.ActPermission); got != tc.want {
			t.Errorf("Trainee(%s, %q) permission %t, want %t", tc.lang, tc.text, got, tc.want)
		}
	}
}

// What occupies the person, asked in a clause with the verb last ("Gibt
// es sonst etwas, was Sie im Betrieb gerade beschäftigt?"), is interest
// in them, also after a no, where it is no feedback request; a count of
// the people a firm employs is not.
func TestWhatOccupiesThemInAClause(t *testing.T) {
	for _, tt := range []struct {
		text     string
		personal bool
	}{
		{"Gibt es sonst etwas, was Sie im Betrieb gerade beschäftigt?", true},
		{"Und was Sie persönlich gerade umtreibt, würde mich interessieren.", true},
		{"Wie viele Leute beschäftigt Ihr Betrieb?", false},
	} {
		r := Trainee(openline.German, tt.text, Context{Rejected: true})
		if r.Has(openline.ActPersonalInterest) != tt.personal || tt.personal && r.Has(openline.ActFeedbackRequest) {
			t.Errorf("%q after a no: acts %v, want personal interest %v and no feedback request", tt.text, r.Acts, tt.personal)
		}
	}
}

// TestProposalAsksYesOrNo: a question word in a later clause of a
// proposal tells what is offered; the proposal is a closed question. Asking
// leave to ask, or asking them to tell, stays open.
func TestProposalAsksYesOrNo(t *testing.T) {
	de, en := openline.German, openline.English
	for _, tc := range []struct {
		lang openline.Language
		text string
		want openline.Act
	}{
		{de, "Darf ich Ihnen eine kurze Übersicht schicken, wie andere Betriebe das lösen, ganz unverbindlich?", openline.ActClosedQuestion},
		{de, "Soll ich Ihnen zeigen, wie das geht?", openline.ActClosedQuestion},
		{en, "Would it be useful if I sent you a one-page note, so you can see how other firms handle it?", openline.ActClosedQuestion},
		{en, "Shall I send you a short summary of what it would cost?", openline.ActClosedQuestion},
		{de, "Darf ich fragen, wie Sie das heute lösen?", openline.ActOpenQuestion},
		{en, "Can I ask how you handle it today?", openline.ActOpenQuestion},
		{en, "Could you tell me how you handle it today?", openline.ActOpenQuestion},
	} {
		r := Trainee(tc.lang, tc.text, Context{Prospect: "Klingt interessant, aber ich habe wenig Zeit."})
		other := openline.ActOpenQuestion
		if tc.want == openline.ActOpenQuestion {
			other = openline.ActClosedQuestion
		}
		if !r.Has(tc.want) || r.Has(other) {
			t.Errorf("%q: acts %v, want %s", tc.text, r.Acts, tc.want)
		}
	}
}
