package scenario

import (
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/openline/openline/internal/openline"
)

// form.go reads a scenario file as the authoring form shows it: the
// scenario's heading fields, the persona, the persona's facts, the hidden
// needs and the objections, each field with its place in the file and the
// problems found there. The YAML stays the source: the form is read from
// it, and formedit.go writes a form edit back into it, keeping everything
// else (comments, the dialogue, keys the form does not know).

// The kinds of form field.
const (
	FieldText   = "text"   // one line of text
	FieldPara   = "para"   // a text of several lines
	FieldLines  = "lines"  // a list of texts, one a line
	FieldActs   = "acts"   // a list of trainee acts
	FieldInt    = "int"    // a whole number in Min..Max, or none
	FieldBool   = "bool"   // true or false (false: the key is left out)
	FieldChoice = "choice" // one of Options
)

// fieldSpec is one field of a form section: the key path under the row's
// mapping ("when.acts" is when: {acts: …}).
type fieldSpec struct {
	path     []string
	typ      string
	required bool
	options  []string
	min, max int
}

// sectionSpec is one part of the form: the mapping (list false) or the
// list of mappings (list true) at path from the file's root, and its
// fields. keys orders a row's keys (a new key goes after those before it);
// parentKeys orders the keys of the mapping holding the section.
type sectionSpec struct {
	name       string
	path       []string
	list       bool
	keys       []string
	parentKeys []string
	fields     []fieldSpec
	// newID names the id field a new row is given a fresh value for
	// ("" for none), with the value's stem.
	newID, newStem string
}

func actOptions() []string {
	out := make([]string, len(openline.TraineeActs))
	for i, a := range openline.TraineeActs {
		out[i] = string(a)
	}
	return out
}

func strOptions[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// formSections is the form, in the order it shows.
var formSections = []sectionSpec{
	{name: "scenario", keys: scenarioKeys, fields: []fieldSpec{
		{path: []string{"id"}, typ: FieldText, required: true},
		{path: []string{"title"}, typ: FieldText, required: true},
		{path: []string{"language"}, typ: FieldChoice, required: true, options: strOptions(openline.Languages)},
		{path: []string{"difficulty"}, typ: FieldChoice, required: true, options: strOptions(difficulties)},
		{path: []string{"direction"}, typ: FieldChoice, required: true, options: strOptions(directions)},
		{path: []string{"brief"}, typ: FieldPara, required: true},
	}},
	{name: "persona", path: []string{"persona"}, keys: personaKeys, parentKeys: scenarioKeys, fields: []fieldSpec{
		{path: []string{"name"}, typ: FieldText, required: true},
		{path: []string{"role"}, typ: FieldText},
		{path: []string{"company"}, typ: FieldText},
		{path: []string{"traits"}, typ: FieldLines},
		{path: []string{"opening"}, typ: FieldLines, required: true},
		{path: []string{"patience"}, typ: FieldInt, min: minPatience, max: maxPatience},
		{path: []string{"interest"}, typ: FieldInt, min: minInterest, max: maxInterest},
		{path: []string{"tts_voice"}, typ: FieldText},
	}},
	{name: "facts", path: []string{"persona", "facts"}, list: true, keys: factKeys, parentKeys: personaKeys, newID: "key", newStem: "new-fact", fields: []fieldSpec{
		{path: []string{"key"}, typ: FieldText, required: true},
		{path: []string{"about"}, typ: FieldLines, required: true},
		{path: []string{"say"}, typ: FieldLines, required: true},
		{path: []string{"private"}, typ: FieldBool},
		{path: []string{"deflect"}, typ: FieldLines},
	}},
	{name: "needs", path: []string{"needs"}, list: true, keys: needKeys, parentKeys: scenarioKeys, newID: "id", newStem: "new-need", fields: []fieldSpec{
		{path: []string{"id"}, typ: FieldText, required: true},
		{path: []string{"fact"}, typ: FieldPara, required: true},
		{path: []string{"earned_by"}, typ: FieldActs, required: true},
		{path: []string{"topics"}, typ: FieldLines},
		{path: []string{"min_interest"}, typ: FieldInt, min: minInterest, max: maxInterest},
		{path: []string{"reveal"}, typ: FieldLines, required: true},
		{path: []string{"detect"}, typ: FieldLines},
	}},
	{name: "objections", path: []string{"objections"}, list: true, keys: objectionKeys, parentKeys: scenarioKeys, newID: "id", newStem: "new-objection", fields: []fieldSpec{
		{path: []string{"id"}, typ: FieldText, required: true},
		{path: []string{"when", "acts"}, typ: FieldActs},
		{path: []string{"when", "unless"}, typ: FieldActs},
		{path: []string{"when", "keywords"}, typ: FieldLines},
		{path: []string{"when", "asks"}, typ: FieldLines},
		{path: []string{"say"}, typ: FieldLines, required: true},
		{path: []string{"answered_by"}, typ: FieldActs},
		{path: []string{"answered"}, typ: FieldLines},
	}},
}

func (f fieldSpec) name() string {
	n := f.path[0]
	for _, p := range f.path[1:] {
		n += "." + p
	}
	return n
}

// Form is a scenario file as the authoring form shows it.
type Form struct {
	Sections []FormSection `json:"sections"`
}

// FormSection is one part of the form. For a list (facts, needs,
// objections) Rows holds one row per item; else exactly one row. A
// section that is not Editable has YAML of another shape at its place
// (persona: a list, say) and is edited in the YAML.
type FormSection struct {
	Name     string    `json:"name"`
	List     bool      `json:"list"`
	Editable bool      `json:"editable"`
	Line     int       `json:"line"`
	Col      int       `json:"col"`
	Problems []int     `json:"problems"`
	Rows     []FormRow `json:"rows"`
}

// FormRow is one mapping of a section: a fact, a need, an objection, or
// the persona. Problems are those about the row as a whole (a missing
// key, a key the form does not show), as indexes into the problem list
// the form was read with.
type FormRow struct {
	Line     int         `json:"line"`
	Col      int         `json:"col"`
	Editable bool        `json:"editable"`
	Problems []int       `json:"problems"`
	Fields   []FormField `json:"fields"`
}

// FormField is one field of a row. Value is a string (text, para,
// choice), a list of strings (lines, acts), the number as written (int)
// or a bool, and null when the key is absent. A field whose YAML has
// another shape (a list where a text goes) is not Editable. Line and Col
// are those of the value, or of the row when the key is absent.
type FormField struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Required bool     `json:"required"`
	Options  []string `json:"options,omitempty"`
	Min      *int     `json:"min,omitempty"`
	Max      *int     `json:"max,omitempty"`
	Value    any      `json:"value"`
	Editable bool     `json:"editable"`
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	Problems []int    `json:"problems"`
}

// ReadForm reads data as the form shows it and places each of problems
// (those Parse found in data) at the field, row or section it is about;
// a problem about none of them (the dialogue, say) is placed nowhere. It
// returns nil when data is not readable YAML (Syntax says why).
func ReadForm(data []byte, problems ErrorList) *Form {
	p := &parser{}
	root := p.read(data)
	if root == nil {
		return nil
	}
	at := placer{}
	form := &Form{Sections: make([]FormSection, 0, len(formSections))}
	for i, spec := range formSections {
		form.Sections = append(form.Sections, readSection(root, spec, at, i))
	}
	for i, e := range problems {
		o, ok := at[pos{e.Line, e.Col}]
		if e.Line == 0 || !ok {
			continue
		}
		s := &form.Sections[o.section]
		switch {
		case o.row < 0:
			s.Problems = append(s.Problems, i)
		case o.field < 0:
			s.Rows[o.row].Problems = append(s.Rows[o.row].Problems, i)
		default:
			f := &s.Rows[o.row].Fields[o.field]
			f.Problems = append(f.Problems, i)
		}
	}
	return form
}

// pos is a place in a file.
type pos struct{ line, col int }

// owner is the part of a form a place belongs to: a section, one of its
// rows (row >= 0) or one of the row's fields (field >= 0).
type owner struct{ section, row, field int }

// placer maps the places of a form's nodes to their owners. Later
// entries override earlier ones, so the most precise owner of a place is
// entered last.
type placer map[pos]owner

func (pl placer) node(n *yaml.Node, dst owner) {
	if n != nil {
		pl[pos{n.Line, n.Column}] = dst
	}
}

// tree enters n and every node under it.
func (pl placer) tree(n *yaml.Node, dst owner) {
	if n == nil {
		return
	}
	pl.node(n, dst)
	for _, c := range n.Content {
		pl.tree(c, dst)
	}
}

// lookup returns the key and value nodes of key in mapping m (nil, nil
// when m is no mapping or lacks key). The first of a repeated key wins,
// as in the parser.
func lookup(m *yaml.Node, key string) (k, v *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

// walk follows path from n through mappings and returns the last key and
// value nodes, and the mappings passed on the way (with their keys).
func walk(n *yaml.Node, path []string) (k, v *yaml.Node, via []*yaml.Node) {
	v = n
	for _, key := range path {
		if v == nil || v.Kind != yaml.MappingNode {
			return nil, nil, via
		}
		via = append(via, v)
		k, v = lookup(v, key)
		if k != nil {
			via = append(via, k)
		}
	}
	return k, v, via
}

// absent reports whether v stands for no value: no key, or "key:" alone.
func absent(v *yaml.Node) bool { return v == nil || isNull(v) }

func readSection(root *yaml.Node, spec sectionSpec, at placer, si int) FormSection {
	self := owner{si, -1, -1}
	s := FormSection{Name: spec.name, Problems: []int{}, Rows: []FormRow{}, List: spec.list}
	k, v, _ := walk(root, spec.path)
	if len(spec.path) == 0 {
		v = root
	}
	if k != nil {
		s.Line, s.Col = k.Line, k.Column
	}
	at.node(k, self)
	switch {
	case !spec.list && (absent(v) || v.Kind == yaml.MappingNode):
		s.Editable = true
		s.Rows = append(s.Rows, readRow(v, spec, at, owner{si, 0, -1}, s.Line, s.Col))
	case spec.list && absent(v):
		s.Editable = true
	case spec.list && v.Kind == yaml.SequenceNode:
		s.Editable = true
		at.node(v, self)
		for i, item := range v.Content {
			s.Rows = append(s.Rows, readRow(item, spec, at, owner{si, i, -1}, item.Line, item.Column))
		}
	default:
		at.tree(v, self)
	}
	// A section under another (facts under persona) is editable only when
	// its parent can hold it.
	if len(spec.path) > 1 {
		if _, pv, _ := walk(root, spec.path[:len(spec.path)-1]); !absent(pv) && pv.Kind != yaml.MappingNode {
			s.Editable = false
		}
	}
	return s
}

// readRow reads one mapping m (nil for none yet) of a section; line and
// col place it when m is nil.
func readRow(m *yaml.Node, spec sectionSpec, at placer, self owner, line, col int) FormRow {
	row := FormRow{Line: line, Col: col, Problems: []int{}, Fields: make([]FormField, 0, len(spec.fields))}
	if !absent(m) {
		row.Line, row.Col = m.Line, m.Column
	}
	row.Editable = absent(m) || m.Kind == yaml.MappingNode
	if !row.Editable {
		at.tree(m, self)
	}
	mapped := row.Editable && !absent(m)
	keys := make([]*yaml.Node, len(spec.fields))
	values := make([]*yaml.Node, len(spec.fields))
	for i, fs := range spec.fields {
		f := FormField{Name: fs.name(), Type: fs.typ, Required: fs.required, Options: fs.options, Problems: []int{}, Line: row.Line, Col: row.Col}
		if fs.typ == FieldActs {
			f.Options = actOptions()
		}
		if fs.typ == FieldInt {
			lo, hi := fs.min, fs.max
			f.Min, f.Max = &lo, &hi
		}
		if mapped {
			keys[i], values[i], _ = walk(m, fs.path)
		}
		if values[i] != nil {
			f.Line, f.Col = values[i].Line, values[i].Column
		}
		f.Value, f.Editable = fieldValue(values[i], fs.typ, row.Editable && fieldEditable(m, fs.path))
		row.Fields = append(row.Fields, f)
	}
	if !mapped {
		return row
	}
	// Places are entered from the broadest owner to the most precise:
	// the row owns its mapping (whose place is that of its first key too:
	// a missing key is reported there), its keys and the mappings on the
	// way to a field (when:); a field owns its key, unless that is the
	// row's place, and its value.
	at.node(m, self)
	for i := 0; i+1 < len(m.Content); i += 2 {
		at.node(m.Content[i], self)
	}
	for _, fs := range spec.fields {
		v := m
		for _, key := range fs.path[:len(fs.path)-1] {
			var k *yaml.Node
			k, v = lookup(v, key)
			at.node(k, self)
			at.node(v, self)
		}
	}
	for i := range spec.fields {
		if k := keys[i]; k != nil && (k.Line != m.Line || k.Column != m.Column) {
			at.node(k, owner{self.section, self.row, i})
		}
	}
	for i := range spec.fields {
		at.tree(values[i], owner{self.section, self.row, i})
	}
	return row
}

// fieldEditable reports whether the mappings on the way to a field's
// key are mappings or absent, so that the field can be written.
func fieldEditable(m *yaml.Node, path []string) bool {
	v := m
	for _, key := range path[:len(path)-1] {
		if absent(v) {
			return true
		}
		if v.Kind != yaml.MappingNode {
			return false
		}
		_, v = lookup(v, key)
	}
	return absent(v) || v.Kind == yaml.MappingNode
}

// fieldValue returns the form's value of node v (nil: absent) for a field
// of type typ, and whether the field can be edited in the form.
func fieldValue(v *yaml.Node, typ string, editable bool) (any, bool) {
	if absent(v) {
		if typ == FieldBool {
			return false, editable
		}
		return nil, editable
	}
	switch typ {
	case FieldText, FieldPara, FieldChoice, FieldInt:
		if v.Kind == yaml.ScalarNode {
			return v.Value, editable
		}
	case FieldBool:
		if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!bool" {
			b, err := strconv.ParseBool(v.Value)
			if err == nil {
				return b, editable
			}
			var x bool
			if v.Decode(&x) == nil {
				return x, editable
			}
		}
	case FieldLines, FieldActs:
		if v.Kind == yaml.SequenceNode {
			out := make([]string, 0, len(v.Content))
			for _, it := range v.Content {
				if it.Kind != yaml.ScalarNode {
					return nil, false
				}
				out = append(out, it.Value)
			}
			return out, editable
		}
	}
	return nil, false
}
