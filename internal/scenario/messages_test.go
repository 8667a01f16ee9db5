package scenario

import (
	"errors"
	"go/ast"
	goparser "go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/openline/openline/internal/openline"
)

// messageKeys finds, in the package's source, every English text a
// message is made of: the formats of errorf and phr, the term
// conversions and constants, and the names given to id, checkID and
// unique (terms).
func messageKeys(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := goparser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	keys := map[string]string{} // text → where
	lit := func(e ast.Expr) (string, bool) {
		b, ok := e.(*ast.BasicLit)
		if !ok || b.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(b.Value)
		return s, err == nil
	}
	add := func(e ast.Expr) {
		if s, ok := lit(e); ok {
			keys[s] = fset.Position(e.Pos()).String()
		}
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				name := ""
				switch fn := n.Fun.(type) {
				case *ast.Ident:
					name = fn.Name
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				}
				switch {
				case name == "errorf" && len(n.Args) > 1:
					add(n.Args[1])
				case (name == "phr" || name == "term") && len(n.Args) > 0:
					add(n.Args[0])
				case name == "id" && len(n.Args) > 1, name == "checkID" && len(n.Args) > 1, name == "unique" && len(n.Args) > 2:
					for _, a := range n.Args {
						add(a)
					}
				}
			case *ast.CompositeLit:
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == "ref" && len(n.Elts) > 0 {
					add(n.Elts[0])
				}
			case *ast.ValueSpec:
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == "term" {
					for _, v := range n.Values {
						add(v)
					}
				}
			case *ast.AssignStmt:
				// const format = "…" before a message made by hand
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Name == "format" && i < len(n.Rhs) {
						add(n.Rhs[i])
					}
				}
			case *ast.GenDecl:
				for _, s := range n.Specs {
					if vs, ok := s.(*ast.ValueSpec); ok && len(vs.Names) == 1 && vs.Names[0].Name == "format" && len(vs.Values) == 1 {
						add(vs.Values[0])
					}
				}
			}
			return true
		})
	}
	return keys
}

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// verbs lists a format's verbs without their argument indexes, sorted.
func verbs(format string) []string {
	var out []string
	for _, v := range verb.FindAllString(format, -1) {
		v = regexp.MustCompile(`\[\d+\]`).ReplaceAllString(v, "")
		if v != "%%" {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out
}

func hasLetter(s string) bool {
	return strings.ContainsFunc(verb.ReplaceAllString(s, ""), unicode.IsLetter)
}

// TestGermanMessagesComplete: every English text of a message has its
// German text, with the same verbs; and no German text is left over.
func TestGermanMessagesComplete(t *testing.T) {
	keys := messageKeys(t)
	if len(keys) < 50 {
		t.Fatalf("found only %d message texts; the scan misses some", len(keys))
	}
	for k, where := range keys {
		if !hasLetter(k) {
			continue // "%q", "%s": nothing to translate
		}
		de, ok := german[k]
		if !ok {
			t.Errorf("%s: no German text for %q", where, k)
			continue
		}
		if !slices.Equal(verbs(k), verbs(de)) {
			t.Errorf("%q: the German text's verbs %v differ from %v", k, verbs(de), verbs(k))
		}
	}
	for k := range german {
		if _, ok := keys[k]; !ok {
			t.Errorf("German text for %q, which no message uses", k)
		}
	}
}

// TestProblemsInGerman: problems read in German, their places and the
// English messages (the command line's) unchanged.
func TestProblemsInGerman(t *testing.T) {
	text := strings.Replace(formText, "  name: Ms Brown", "  name: Ms Brown\n  patience: 15\n  rol: x", 1)
	text = strings.Replace(text, "reveal: staff #", "reveal: staf #", 1)
	_, err := Parse("x.yaml", []byte(text))
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("want problems, got %v", err)
	}
	var en, de []string
	for _, e := range list {
		en = append(en, e.Error())
		de = append(de, strconv.Itoa(e.Line)+":"+strconv.Itoa(e.Col)+": "+e.In(openline.German))
		if e.In(openline.English) != e.Msg {
			t.Errorf("English of %v is %q", e, e.In(openline.English))
		}
	}
	want := []string{
		`11:13: patience muss zwischen 1 und 10 liegen, nicht 15`,
		`12:3: unbekannter Schlüssel "rol" in persona (gemeint: "role"?); erlaubt: name, role, company, traits, opening, patience, interest, facts, tts_voice`,
		`37:19: Bedürfnis "staf" gibt es nicht (gemeint: "staff"?); bekannt: staff, time`,
	}
	if !slices.Equal(de, want) {
		t.Errorf("German:\n%s\nwant:\n%s", strings.Join(de, "\n"), strings.Join(want, "\n"))
	}
	if !strings.HasSuffix(en[0], "x.yaml:11:13: patience must be between 1 and 10, got 15") {
		t.Errorf("English: %q", en[0])
	}
	// The YAML library's commonest messages read in German too; its
	// others stay English.
	for text, want := range map[string]string{
		"id: [a, b\n":     "YAML-Syntaxfehler: „,“ oder „]“ fehlt",
		"id: x\nti tle\n": "YAML-Syntaxfehler: „:“ fehlt",
		"a: b: c\n":       "YAML-Syntaxfehler: ein „schlüssel: wert“ ist hier nicht erlaubt (fehlen Anführungszeichen um einen Text mit „: “?)",
		// Places in the file: a rule of a state, an item of a list.
		strings.Replace(formText, "        - when: {acts: [open_question]}", "        - whn: {acts: [open_question]}", 1): `unbekannter Schlüssel "whn" in Zustand "hello" rules[0] (gemeint: "when"?); erlaubt: when, say, goto, patience, interest, min_interest, reveal, raise, answer, hangup, next_step, once`,
		strings.Replace(formText, "earned_by: [open_question]", "earned_by: [[open_question]]", 1):                        `Eintrag von earned_by muss ein Text sein, nicht eine Liste`,
	} {
		_, err := Parse("x.yaml", []byte(text))
		if !errors.As(err, &list) || list[0].In(openline.German) != want {
			t.Errorf("%q in German: %v, want %q", text, err, want)
		}
	}
	// A syntax error: the place the source has, the tab named.
	_, err = Parse("x.yaml", []byte("id: x\npersona:\n\tname: B\n"))
	if !errors.As(err, &list) || !strings.HasPrefix(list[0].In(openline.German), "YAML-Syntaxfehler: ") ||
		!strings.HasSuffix(list[0].In(openline.German), " (ein Tabulator rückt diese Zeile ein; YAML rückt mit Leerzeichen ein)") || list[0].Line != 3 {
		t.Errorf("a tab in German: %v %q", err, list[0].In(openline.German))
	}
}
