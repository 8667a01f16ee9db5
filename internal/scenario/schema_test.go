package scenario

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/openline/openline/internal/openline"
)

const schemaFile = "../../scenarios/schema.json"

// schema is a JSON Schema document as decoded by encoding/json.
type schema = map[string]any

func loadSchema(t *testing.T) schema {
	t.Helper()
	data, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	var s schema
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatalf("%s: %v", schemaFile, err)
	}
	return s
}

// object returns the schema of the mapping kind name: the root for
// "scenario", else $defs/name.
func object(root schema, name string) schema {
	if name == "scenario" {
		return root
	}
	defs, _ := root["$defs"].(schema)
	s, _ := defs[name].(schema)
	return s
}

func keysOf(m schema) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sortedStrings(xs []string) []string {
	out := slices.Clone(xs)
	sort.Strings(out)
	return out
}

func anyStrings(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

// TestSchemaKeys checks that every mapping the loader reads has a schema
// object with exactly the keys the loader accepts and requires, closed by
// additionalProperties: false, and that the schema has no object the loader
// does not know.
func TestSchemaKeys(t *testing.T) {
	root := loadSchema(t)
	for name, keys := range objectKeys {
		s := object(root, name)
		if s == nil {
			t.Errorf("schema has no object %q", name)
			continue
		}
		props, _ := s["properties"].(schema)
		if got, want := keysOf(props), sortedStrings(keys); !slices.Equal(got, want) {
			t.Errorf("schema %s properties = %v, loader accepts %v", name, got, want)
		}
		if s["additionalProperties"] != false {
			t.Errorf("schema %s: additionalProperties = %v, want false", name, s["additionalProperties"])
		}
		if got, want := sortedStrings(anyStrings(s["required"])), sortedStrings(requiredKeys[name]); !slices.Equal(got, want) {
			t.Errorf("schema %s required = %v, loader requires %v", name, got, want)
		}
	}
	for name := range requiredKeys {
		if objectKeys[name] == nil {
			t.Errorf("requiredKeys names %q, which objectKeys lacks", name)
		}
	}
	defs, _ := root["$defs"].(schema)
	for name, d := range defs {
		if d.(schema)["type"] == "object" && objectKeys[name] == nil {
			t.Errorf("schema object $defs/%s is unknown to the loader", name)
		}
	}
}

// TestSchemaEnums checks the schema's enumerations against the domain's
// vocabularies.
func TestSchemaEnums(t *testing.T) {
	root := loadSchema(t)
	props := root["properties"].(schema)
	var acts []string
	for _, a := range slices.Concat(openline.TraineeActs, openline.ProspectActs) {
		acts = append(acts, string(a))
	}
	var outs []string
	for _, o := range outcomes {
		outs = append(outs, string(o))
	}
	tests := []struct {
		name string
		enum any
		want []string
	}{
		{"act", object(root, "act")["enum"], acts},
		{"next_step_kind", object(root, "next_step_kind")["enum"], NextStepKinds},
		{"language", props["language"].(schema)["enum"], []string{string(openline.German), string(openline.English)}},
		{"difficulty", props["difficulty"].(schema)["enum"], []string{"easy", "medium", "hard"}},
		{"direction", props["direction"].(schema)["enum"], []string{"outbound", "inbound"}},
		{"outcome", object(root, "expectation")["properties"].(schema)["outcome"].(schema)["enum"], outs},
		{"voice", []any{object(root, "state")["properties"].(schema)["voice"].(schema)["const"]}, []string{voiceGatekeeper}},
	}
	for _, tt := range tests {
		if got := anyStrings(tt.enum); !slices.Equal(got, tt.want) {
			t.Errorf("schema %s enum = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestSchemaDescriptions requires a description on every property and
// definition: they are the trainer's field reference.
func TestSchemaDescriptions(t *testing.T) {
	root := loadSchema(t)
	var walk func(path string, s schema)
	walk = func(path string, s schema) {
		if props, ok := s["properties"].(schema); ok {
			for k, v := range props {
				p := v.(schema)
				if d, _ := p["description"].(string); strings.TrimSpace(d) == "" {
					t.Errorf("%s.%s has no description", path, k)
				}
				walk(path+"."+k, p)
			}
		}
	}
	walk("scenario", root)
	for name, d := range root["$defs"].(schema) {
		if desc, _ := d.(schema)["description"].(string); strings.TrimSpace(desc) == "" {
			t.Errorf("$defs/%s has no description", name)
		}
		walk("$defs/"+name, d.(schema))
	}
}

// validator checks YAML nodes against the part of JSON Schema that
// schema.json uses, and records which properties it saw.
type validator struct {
	root schema
	seen map[string]bool // "object.key" of every property met
	errs []string
}

func (v *validator) resolve(s schema) (schema, string) {
	name := ""
	for {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s, name
		}
		name = strings.TrimPrefix(ref, "#/$defs/")
		s = object(v.root, name)
	}
}

func (v *validator) errorf(n *yaml.Node, format string, args ...any) {
	v.errs = append(v.errs, fmt.Sprintf("%d:%d: ", n.Line, n.Column)+fmt.Sprintf(format, args...))
}

func (v *validator) validate(n *yaml.Node, s schema, name string) {
	s, ref := v.resolve(s)
	if ref != "" {
		name = ref
	}
	if enum, ok := s["enum"].([]any); ok && !slices.Contains(anyStrings(enum), n.Value) {
		v.errorf(n, "%q not in enum %v", n.Value, enum)
	}
	if c, ok := s["const"].(string); ok && n.Value != c {
		v.errorf(n, "%q is not %q", n.Value, c)
	}
	tag := n.ShortTag()
	switch s["type"] {
	case "object":
		if n.Kind != yaml.MappingNode {
			v.errorf(n, "want an object")
			return
		}
		props, _ := s["properties"].(schema)
		have := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i].Value, n.Content[i+1]
			have[k] = true
			if p, ok := props[k].(schema); ok {
				v.seen[name+"."+k] = true
				v.validate(val, p, name+"."+k)
				continue
			}
			if ap, ok := s["additionalProperties"].(schema); ok {
				if pn, ok := s["propertyNames"].(schema); ok {
					v.pattern(n.Content[i], pn)
				}
				v.validate(val, ap, name+".*")
				continue
			}
			v.errorf(n.Content[i], "key %q not allowed in %s", k, name)
		}
		for _, r := range anyStrings(s["required"]) {
			if !have[r] {
				v.errorf(n, "%s lacks required %q", name, r)
			}
		}
	case "array":
		if n.Kind != yaml.SequenceNode {
			v.errorf(n, "want an array")
			return
		}
		if m, ok := s["minItems"].(float64); ok && len(n.Content) < int(m) {
			v.errorf(n, "fewer than %g items", m)
		}
		if m, ok := s["maxItems"].(float64); ok && len(n.Content) > int(m) {
			v.errorf(n, "more than %g items", m)
		}
		prefix, _ := s["prefixItems"].([]any)
		for i, item := range n.Content {
			if i < len(prefix) {
				v.validate(item, prefix[i].(schema), name)
			} else if it, ok := s["items"].(schema); ok {
				v.validate(item, it, name)
			}
		}
	case "string":
		// An editor's JSON Schema validator sees a plain 2019, true or
		// 1.5 as a number or a boolean, not a string, even though the
		// loader reads any scalar as text: such values must be quoted.
		if n.Kind != yaml.ScalarNode || tag != "!!str" {
			v.errorf(n, "want a string, got %s", tag)
			return
		}
		if m, ok := s["minLength"].(float64); ok && len(n.Value) < int(m) {
			v.errorf(n, "shorter than %g", m)
		}
		v.pattern(n, s)
	case "integer", "number":
		if tag != "!!int" && (s["type"] == "integer" || tag != "!!float") {
			v.errorf(n, "want %s, got %s", s["type"], tag)
			return
		}
		x, err := strconv.ParseFloat(n.Value, 64)
		if err != nil || math.IsNaN(x) {
			v.errorf(n, "cannot read number %q", n.Value)
			return
		}
		if m, ok := s["minimum"].(float64); ok && x < m {
			v.errorf(n, "%g below minimum %g", x, m)
		}
		if m, ok := s["maximum"].(float64); ok && x > m {
			v.errorf(n, "%g above maximum %g", x, m)
		}
	case "boolean":
		if tag != "!!bool" {
			v.errorf(n, "want a boolean")
		}
	}
}

func (v *validator) pattern(n *yaml.Node, s schema) {
	if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(n.Value) {
		v.errorf(n, "%q does not match %s", n.Value, p)
	}
	if m, ok := s["maxLength"].(float64); ok && len([]rune(n.Value)) > int(m) {
		v.errorf(n, "longer than %g", m)
	}
}

// validateFile validates one YAML file against schema.json.
func validateFile(t *testing.T, root schema, file string) *validator {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	v := &validator{root: root, seen: map[string]bool{}}
	v.validate(doc.Content[0], root, "scenario")
	for _, e := range v.errs {
		t.Errorf("%s:%s", file, e)
	}
	return v
}

// TestSchemaAcceptsGoodFiles validates the complete test file and every
// shipped scenario against schema.json, so the schema accepts whatever the
// loader does, and checks that the complete file uses every key of the
// format, so nothing the loader accepts goes untested.
func TestSchemaAcceptsGoodFiles(t *testing.T) {
	root := loadSchema(t)
	v := validateFile(t, root, "testdata/good/complete.yaml")
	for name, keys := range objectKeys {
		for _, k := range keys {
			if !v.seen[name+"."+k] {
				t.Errorf("testdata/good/complete.yaml never uses %s.%s", name, k)
			}
		}
	}
	shipped, _ := filepath.Glob("../../scenarios/*.yaml")
	for _, f := range shipped {
		validateFile(t, root, f)
	}
}
