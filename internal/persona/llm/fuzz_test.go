package llm

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzSpeech feeds a model's stream, cut anywhere, through the guard: it
// never panics, and what reaches the trainee is always a prefix of the
// visible text that passed the guard.
func FuzzSpeech(f *testing.F) {
	for _, s := range []string{
		"Ja, B. hier – hallo?", "<think>hm</think>Ja?", "<|channel|>analysis<|message|>x<|channel|>final<|message|>Ja.",
		"*seufzt* Ja.", "Anna: Hallo", "Steuerberater und Hausbank", strings.Repeat("Wort ", 200), "\xff\xfe", "<thi",
	} {
		f.Add(s, 3)
	}
	sc := herrB(f)
	g := newGuard(sc, nil, rules(sc, &sc.Persona), sc.Brief, []string{sc.Persona.Name}, DefaultMaxReplyRunes)
	f.Fuzz(func(t *testing.T, raw string, step int) {
		if step <= 0 || step > 64 {
			step = 7
		}
		var said strings.Builder
		sp := &speech{g: g, max: DefaultMaxReplyRunes, say: func(s string) { said.WriteString(s) }}
		stopped := false
		for i := 0; i < len(raw) && !stopped; i += step {
			stopped = !sp.add(raw[i:min(i+step, len(raw))])
		}
		if !stopped {
			sp.end()
		}
		out := said.String()
		if sp.broken == "" && !strings.HasPrefix(sayable(raw), strings.TrimSuffix(out, " …")) && !sp.full {
			t.Fatalf("said %q, not a prefix of the visible %q", out, sayable(raw))
		}
		if !utf8.ValidString(out) {
			t.Fatalf("said %q: not UTF-8", out)
		}
		if out != "" && g.check(strings.TrimSuffix(out, " …")) != "" {
			t.Fatalf("said %q, which breaks %q", out, g.check(out))
		}
		if n := utf8.RuneCountInString(out); n > DefaultMaxReplyRunes+2 {
			t.Fatalf("said %d runes, bound %d", n, DefaultMaxReplyRunes)
		}
	})
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"1", "0.5", "Tue, 01 Dec 2026 22:00:05 GMT", "-3", "1e308", "NaN", ""} {
		f.Add(s)
	}
	now := time.Date(2026, 12, 1, 22, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, v string) {
		if d := parseRetryAfter(v, now); d < 0 || d > 24*time.Hour {
			t.Fatalf("parseRetryAfter(%q) = %v, want 0 to 24 h", v, d)
		}
	})
}
