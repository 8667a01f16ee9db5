package scenario

import (
	"errors"
	"runtime"
	"strings"
	"testing"
)

// TestSyntaxErrorsPointAtTheFault checks that a YAML syntax error is
// reported at the line and column of the fault in the source, not where
// the YAML library places it (the line of the construct it was reading,
// with no column, and no line at all on the first line).
func TestSyntaxErrorsPointAtTheFault(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string // the first error
	}{
		{"a tab indents line 4", "id: x\npersona:\n  name: a\n\trole: b\n",
			"t.yaml:4:1: YAML syntax error: found a tab character that violates indentation (a tab indents this line; YAML indents with spaces)"},
		{"a tab after spaces in line 4", "id: x\npersona:\n  name: a\n  \trole: b\n",
			"t.yaml:4:3: YAML syntax error: found a tab character that violates indentation (a tab indents this line; YAML indents with spaces)"},
		{"a tab after a blank line", "id: x\npersona:\n  name: a\n\n\trole: b\n",
			"t.yaml:5:1: YAML syntax error: found a tab character that violates indentation (a tab indents this line; YAML indents with spaces)"},
		{"a tab before a list item", "id: x\nlist:\n  - a\n\t- b\n",
			"t.yaml:4:1: YAML syntax error: found a tab character that violates indentation (a tab indents this line; YAML indents with spaces)"},
		{"a tab indents the first key of a mapping", "id: x\npersona:\n\tname: a\n",
			"t.yaml:3:1: YAML syntax error: found character that cannot start any token (a tab indents this line; YAML indents with spaces)"},
		{"a key indented less than its mapping", "id: x\npersona:\n  name: a\n  role: b\n role: c\n",
			"t.yaml:5:2: YAML syntax error: did not find expected key"},
		{"a fault on the first line", "a: b: c\n",
			"t.yaml:1:1: YAML syntax error: mapping values are not allowed in this context"},
		{"an indented key under a scalar", "id: x\n  persona: y\n",
			"t.yaml:2:3: YAML syntax error: mapping values are not allowed in this context"},
		{"an unclosed quote is shown where it opens", "id: x\npersona:\n  name: \"a\n  role: b\n",
			"t.yaml:3:3: YAML syntax error: found unexpected end of stream"},
		{"an unclosed quote over many lines too", "id: x\nbrief: \"a\n" + strings.Repeat("  more\n", 50),
			"t.yaml:2:1: YAML syntax error: found unexpected end of stream"},
		{"a list item indented too little, far from its list", "persona:\n  opening:\n" + strings.Repeat("    - v\n", 200) + "   - bad\n",
			"t.yaml:203:4: YAML syntax error: did not find expected key"},
		{"CRLF line ends", "id: x\r\npersona:\r\n  name: a\r\n\trole: b\r\n",
			"t.yaml:4:1: YAML syntax error: found a tab character that violates indentation (a tab indents this line; YAML indents with spaces)"},
		{"columns count characters", "id: x\npersona:\n  name: Ä\n   ö: b\n",
			"t.yaml:4:4: YAML syntax error: mapping values are not allowed in this context"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("t.yaml", []byte(tt.data))
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %v, want an ErrorList", err)
			}
			if got := list[0].Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// hostile are inputs meant to cost a reader more than their size: each
// must be refused with a message that says why.
var hostile = []struct {
	name string
	data func() []byte
	want string // in the first error's message
}{
	{"huge", func() []byte { return []byte("brief: \"" + strings.Repeat("x", 2*MaxFileSize) + "\"\n") },
		"may be at most 1048576 bytes (1 MiB)"},
	{"deep flow nesting", func() []byte {
		return []byte("id: " + strings.Repeat("[", 200_000) + strings.Repeat("]", 200_000) + "\n")
	},
		"nested too deeply"},
	{"deep block nesting", func() []byte {
		var b strings.Builder
		for i := range 1000 {
			b.WriteString(strings.Repeat(" ", i) + "k:\n")
		}
		return []byte(b.String())
	}, "nested more than 32 levels deep"},
	{"nesting within the library's limit", func() []byte { return []byte("id: " + strings.Repeat("[", 9000) + strings.Repeat("]", 9000) + "\n") },
		"nested more than 32 levels deep"},
	{"alias bomb", func() []byte {
		var b strings.Builder
		b.WriteString("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n")
		for i := 1; i < 10; i++ {
			b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
			for j := range 9 {
				if j > 0 {
					b.WriteString(", ")
				}
				b.WriteString("*a" + string(rune('0'+i-1)))
			}
			b.WriteString("]\n")
		}
		return []byte(b.String())
	}, "YAML aliases (*a0) are not supported"},
	{"many small documents", func() []byte { return []byte(strings.Repeat("---\na: 1\n", 100_000)) },
		"a second YAML document"},
}

// TestHostileYAMLIsRefused parses each hostile input, as Parse and as
// Syntax (what an import checks), and checks the refusal and that reading
// it allocated at most a bounded multiple of its size. How fast each is
// refused is measured by BenchmarkHostile.
func TestHostileYAMLIsRefused(t *testing.T) {
	const maxAllocPerByte, minBudget = 200, 64 << 20
	for _, tt := range hostile {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.data()
			for _, check := range []struct {
				name string
				fn   func(string, []byte) error
			}{
				{"Parse", func(n string, d []byte) error { _, err := Parse(n, d); return err }},
				{"Syntax", Syntax},
			} {
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				err := check.fn("h.yaml", data)
				runtime.ReadMemStats(&after)
				var list ErrorList
				if !errors.As(err, &list) {
					t.Fatalf("%s: error %v, want an ErrorList", check.name, err)
				}
				if !strings.Contains(list[0].Msg, tt.want) {
					t.Errorf("%s: first error %q, want it to say %q", check.name, list[0].Error(), tt.want)
				}
				budget := max(uint64(len(data))*maxAllocPerByte, minBudget)
				if got := after.TotalAlloc - before.TotalAlloc; got > budget {
					t.Errorf("%s: allocated %d bytes for %d bytes of input, more than %d", check.name, got, len(data), budget)
				}
			}
		})
	}
}

// BenchmarkHostile measures refusing each hostile input, and locating a
// syntax error at the end of a file of the largest size that the YAML
// library reports at its first line (a list item indented one space too
// little), the worst case of locate.
func BenchmarkHostile(b *testing.B) {
	late := "persona:\n  opening:\n" + strings.Repeat("    - v\n", MaxFileSize/8-10) + "   - bad\n"
	cases := append(hostile[:len(hostile):len(hostile)], struct {
		name string
		data func() []byte
		want string
	}{"syntax error at the end of 1 MiB, reported at its start", func() []byte { return []byte(late) }, ""})
	for _, tt := range cases {
		data := tt.data()
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				_, _ = Parse("h.yaml", data)
			}
		})
	}
}

// TestSyntaxAcceptsAReadableFile checks that Syntax lets a file that reads
// as YAML pass, even when it is no valid scenario.
func TestSyntaxAcceptsAReadableFile(t *testing.T) {
	if err := Syntax("x.yaml", []byte("id: x\ntitle: no other key\n")); err != nil {
		t.Errorf("Syntax = %v, want nil", err)
	}
	if _, err := Parse("x.yaml", []byte("id: x\ntitle: no other key\n")); err == nil {
		t.Error("Parse accepts the file; the test needs an invalid scenario")
	}
	if err := Syntax("x.yaml", []byte("id: x\n\ttitle: y\n")); err == nil {
		t.Error("Syntax accepts a tab-indented line")
	}
}

// TestPeek checks what Peek names of texts that read, that do not, and
// that are no mapping.
func TestPeek(t *testing.T) {
	tests := []struct {
		data      string
		id, title string
		ok        bool
	}{
		{"id: halb\ntitle: Halb fertig\nlanguage: xx\n", "halb", "Halb fertig", true},
		{"id: [not, a, string]\ntitle: T\n", "", "T", true},
		{"- a list\n", "", "", true},
		{"id: x\n\ttitle: tab\n", "", "", false},
	}
	for _, tt := range tests {
		id, title, ok := Peek([]byte(tt.data))
		if id != tt.id || title != tt.title || ok != tt.ok {
			t.Errorf("Peek(%q) = %q, %q, %v; want %q, %q, %v", tt.data, id, title, ok, tt.id, tt.title, tt.ok)
		}
	}
}
