package scenario

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// formedit.go writes form edits into a scenario file. The file is read as
// a YAML tree, the edit changes only the nodes of its field (a list item
// or a value kept keeps its style and comments), and the tree is written
// out again. The YAML library writes some things its own way (a folded
// text in one line, a blank line dropped), so the new text is the old one
// with only the lines of the edited part replaced (mergeLines); the rest
// of the file stays as it was, byte for byte.

// FormEdit is one change the form makes. Op is "set" (the default: the
// field Field of row Row of section Section takes Value), "add" (a new
// row at the end of the section) or "remove" (row Row).
type FormEdit struct {
	Op      string          `json:"op,omitempty"`
	Section string          `json:"section"`
	Row     int             `json:"row"`
	Field   string          `json:"field,omitempty"`
	Value   json.RawMessage `json:"value,omitempty"`
}

// EditError is an edit that cannot be made: it names no field of the
// form, its value does not fit the field, or the YAML at its place has
// another shape than the form's (to be edited in the YAML).
type EditError struct{ Msg string }

func (e *EditError) Error() string { return e.Msg }

func editErrorf(format string, args ...any) error {
	return &EditError{Msg: fmt.Sprintf(format, args...)}
}

// ErrUnreadable refuses a form edit of a text that is no readable YAML.
var ErrUnreadable = errors.New("the text is not readable YAML; fix it in the YAML first")

// maxEdits bounds the edits of one request.
const maxEdits = 64

// MaxFormText is the largest file the form edits: writing YAML costs the
// library about 500 times the file's size in allocations (bench_test.go),
// and a scenario is some 30 KiB; a larger file is edited as YAML.
const MaxFormText = 256 << 10

// EditForm applies edits, in order, to the scenario file data and returns
// the new file. Comments, keys the form does not show and every part of
// the file the edits do not touch are kept. An EditError says why an edit
// cannot be made; ErrUnreadable that data is no readable YAML.
func EditForm(data []byte, edits []FormEdit) ([]byte, error) {
	if len(edits) > maxEdits {
		return nil, editErrorf("at most %d edits at once", maxEdits)
	}
	if len(data) > MaxFormText {
		return nil, editErrorf("the file is larger than %d KiB, the most the form edits; edit it in the YAML", MaxFormText>>10)
	}
	if (&parser{}).read(data) == nil {
		return nil, ErrUnreadable
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) != 1 {
		return nil, ErrUnreadable
	}
	before, err := encodeYAML(&doc)
	if err != nil {
		return nil, ErrUnreadable
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, editErrorf("the file is no mapping of keys; edit it in the YAML")
	}
	for _, e := range edits {
		if err := apply(root, e); err != nil {
			return nil, err
		}
	}
	after, err := encodeYAML(&doc)
	if err != nil {
		return nil, fmt.Errorf("write the edited scenario: %w", err)
	}
	if bytes.Equal(before, after) {
		return data, nil
	}
	return mergeLines(data, before, after), nil
}

// encodeYAML writes a document as the shipped files are written: two
// spaces a level.
func encodeYAML(doc *yaml.Node) (out []byte, err error) {
	defer func() {
		// The encoder panics on trees it cannot write; none reaches a user.
		if r := recover(); r != nil {
			err = fmt.Errorf("encode YAML: %v", r)
		}
	}()
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func specOf(name string) (sectionSpec, bool) {
	i := slices.IndexFunc(formSections, func(s sectionSpec) bool { return s.name == name })
	if i < 0 {
		return sectionSpec{}, false
	}
	return formSections[i], true
}

func apply(root *yaml.Node, e FormEdit) error {
	spec, ok := specOf(e.Section)
	if !ok {
		return editErrorf("no form section %q", clip(e.Section))
	}
	switch e.Op {
	case "", "set":
		i := slices.IndexFunc(spec.fields, func(f fieldSpec) bool { return f.name() == e.Field })
		if i < 0 {
			return editErrorf("no field %q in %s", clip(e.Field), spec.name)
		}
		m, err := rowNode(root, spec, e.Row)
		if err != nil {
			return err
		}
		return setField(m, spec, spec.fields[i], e.Value)
	case "add":
		if !spec.list {
			return editErrorf("%s has no rows to add", spec.name)
		}
		seq, err := sectionNode(root, spec, true)
		if err != nil {
			return err
		}
		seq.Content = append(seq.Content, newRow(seq, spec))
		seq.Style = 0 // a flow list ([]) becomes a block list
		return nil
	case "remove":
		if !spec.list {
			return editErrorf("%s has no rows to remove", spec.name)
		}
		seq, err := sectionNode(root, spec, false)
		if err != nil {
			return err
		}
		if seq == nil || e.Row < 0 || e.Row >= len(seq.Content) {
			return editErrorf("%s has no row %d", spec.name, e.Row)
		}
		seq.Content = slices.Delete(seq.Content, e.Row, e.Row+1)
		return nil
	}
	return editErrorf("unknown edit %q: set, add or remove", clip(e.Op))
}

// mappingAt returns the mapping under key of m, made (in the order of
// keys) when absent and create is set; nil when absent and not create.
func mappingAt(m *yaml.Node, key string, keys []string, create bool) (*yaml.Node, error) {
	_, v := lookup(m, key)
	if v != nil && v.Kind == yaml.MappingNode {
		return v, nil
	}
	if !absent(v) {
		return nil, editErrorf("%s is not a mapping of keys; edit it in the YAML", key)
	}
	if !create {
		return nil, nil
	}
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	put(m, key, n, keys)
	return n, nil
}

// sectionNode returns the list of a list section (made when absent and
// create is set).
func sectionNode(root *yaml.Node, spec sectionSpec, create bool) (*yaml.Node, error) {
	m := root
	for _, key := range spec.path[:len(spec.path)-1] {
		var err error
		if m, err = mappingAt(m, key, scenarioKeys, create); m == nil || err != nil {
			return nil, err
		}
	}
	key := spec.path[len(spec.path)-1]
	_, v := lookup(m, key)
	if v != nil && v.Kind == yaml.SequenceNode {
		return v, nil
	}
	if !absent(v) {
		return nil, editErrorf("%s is not a list; edit it in the YAML", key)
	}
	if !create {
		return nil, nil
	}
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	put(m, key, n, spec.parentKeys)
	return n, nil
}

// rowNode returns the mapping of row i of spec, made when the section is
// no list and absent.
func rowNode(root *yaml.Node, spec sectionSpec, i int) (*yaml.Node, error) {
	if !spec.list {
		if i != 0 {
			return nil, editErrorf("%s has one row", spec.name)
		}
		if len(spec.path) == 0 {
			return root, nil
		}
		return mappingAt(root, spec.path[0], spec.parentKeys, true)
	}
	seq, err := sectionNode(root, spec, false)
	if err != nil {
		return nil, err
	}
	if seq == nil || i < 0 || i >= len(seq.Content) {
		return nil, editErrorf("%s has no row %d", spec.name, i)
	}
	m := seq.Content[i]
	if m.Kind != yaml.MappingNode {
		return nil, editErrorf("%s row %d is not a mapping of keys; edit it in the YAML", spec.name, i)
	}
	return m, nil
}

// newRow is a new item of a list section: its id (when it has one) a
// fresh name, its other required fields empty, for the form to flag
// until they are filled in.
func newRow(seq *yaml.Node, spec sectionSpec) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, f := range spec.fields {
		if !f.required {
			continue
		}
		key := f.path[0]
		var v *yaml.Node
		switch {
		case key == spec.newID:
			v = str(freshID(seq, spec.newID, spec.newStem))
		case f.typ == FieldLines || f.typ == FieldActs:
			v = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		default:
			v = str("")
		}
		m.Content = append(m.Content, str(key), v)
	}
	return m
}

// freshID returns stem, or stem-2, stem-3 …, whichever no item of seq has
// as its key.
func freshID(seq *yaml.Node, key, stem string) string {
	taken := map[string]bool{}
	for _, it := range seq.Content {
		if _, v := lookup(it, key); v != nil && v.Kind == yaml.ScalarNode {
			taken[v.Value] = true
		}
	}
	id := stem
	for i := 2; taken[id]; i++ {
		id = stem + "-" + strconv.Itoa(i)
	}
	return id
}

// str is a new string scalar; an empty one is written "".
func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if s == "" {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// put sets key of mapping m to v: in place when m has key, else as a new
// key after the last key of m that comes before it in order (first when
// none does).
func put(m *yaml.Node, key string, v *yaml.Node, order []string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
			m.Content[i+1] = v
			return
		}
	}
	rank := slices.Index(order, key)
	at := 0
	for i := 0; i+1 < len(m.Content); i += 2 {
		if r := slices.Index(order, m.Content[i].Value); r >= 0 && r < rank {
			at = i + 2
		}
	}
	if rank < 0 {
		at = len(m.Content)
	}
	m.Content = slices.Insert(m.Content, at, str(key), v)
}

// remove deletes key from mapping m.
func remove(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
			m.Content = slices.Delete(m.Content, i, i+2)
			return
		}
	}
}

// maxFieldValue bounds one field's value, in bytes.
const maxFieldValue = 64 << 10

// setField writes value into field f of row m.
func setField(m *yaml.Node, spec sectionSpec, f fieldSpec, raw json.RawMessage) error {
	if len(raw) > maxFieldValue {
		return editErrorf("%s: the value is longer than %d bytes", f.name(), maxFieldValue)
	}
	// Walk to the mapping that holds the field's key (when: for
	// when.acts), made when absent; an absent one is made only for a
	// value to write.
	holder, keys := m, spec.keys
	v, err := decodeValue(f, raw)
	if err != nil {
		return err
	}
	for _, key := range f.path[:len(f.path)-1] {
		next, err := mappingAt(holder, key, keys, v != nil)
		if err != nil {
			return err
		}
		if next == nil {
			return nil // nothing to clear
		}
		holder, keys = next, triggerKeys
		if len(next.Content) == 0 {
			next.Style = yaml.FlowStyle // when: {acts: [pitch]}, as the shipped files write it
		}
	}
	key := f.path[len(f.path)-1]
	if v == nil {
		remove(holder, key)
		// A mapping on the way left empty goes too.
		if len(f.path) > 1 && len(holder.Content) == 0 {
			remove(m, f.path[0])
		}
		return nil
	}
	_, old := lookup(holder, key)
	put(holder, key, merge(old, v), keys)
	return nil
}

// decodeValue reads the form's value for field f as the node to write
// (nil: leave the key out). An empty value of a required field is written
// empty, for the check to flag it there.
func decodeValue(f fieldSpec, raw json.RawMessage) (*yaml.Node, error) {
	if len(bytes.TrimSpace(raw)) == 0 || string(bytes.TrimSpace(raw)) == "null" {
		raw = nil
	}
	bad := func() error { return editErrorf("%s: the value does not fit a %s field", f.name(), f.typ) }
	switch f.typ {
	case FieldText, FieldPara, FieldChoice:
		var s string
		if raw != nil && json.Unmarshal(raw, &s) != nil {
			return nil, bad()
		}
		if f.typ == FieldText {
			s = strings.TrimSpace(strings.ReplaceAll(s, "\n", " "))
		} else {
			s = strings.TrimRight(s, " \t\n")
		}
		if s == "" && !f.required {
			return nil, nil
		}
		n := str(s)
		if strings.Contains(s, "\n") {
			n.Style = yaml.LiteralStyle
		}
		return n, nil
	case FieldLines, FieldActs:
		var xs []string
		if raw != nil && json.Unmarshal(raw, &xs) != nil {
			return nil, bad()
		}
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, x := range xs {
			x = strings.TrimSpace(x)
			if x != "" {
				seq.Content = append(seq.Content, str(x))
			}
		}
		if len(seq.Content) == 0 {
			if !f.required {
				return nil, nil
			}
			seq.Style = yaml.FlowStyle
		}
		return seq, nil
	case FieldInt:
		if raw == nil {
			return nil, nil
		}
		var x json.Number
		if json.Unmarshal(raw, &x) != nil {
			return nil, bad()
		}
		i, err := x.Int64()
		if err != nil {
			return nil, bad()
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(i, 10)}, nil
	case FieldBool:
		var b bool
		if raw != nil && json.Unmarshal(raw, &b) != nil {
			return nil, bad()
		}
		if !b {
			return nil, nil
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"}, nil
	}
	return nil, bad()
}

// merge returns the node to write for v where old was: old itself,
// changed, when it is of v's kind, so that its comments and style stay;
// list items kept are kept as they were.
func merge(old, v *yaml.Node) *yaml.Node {
	if old == nil || old.Kind != v.Kind || old.Kind == yaml.AliasNode {
		if v.Kind == yaml.SequenceNode && len(v.Content) > 0 && short(v) {
			v.Style = yaml.FlowStyle
		}
		return v
	}
	switch v.Kind {
	case yaml.ScalarNode:
		if old.Value == v.Value && old.Tag == v.Tag {
			return old
		}
		wasEmpty := old.Value == ""
		old.Value, old.Tag = v.Value, v.Tag
		switch {
		case v.Style != 0:
			old.Style = v.Style
		case wasEmpty:
			// "" was quoted only to be seen
			old.Style = 0
		case old.Style == yaml.LiteralStyle || old.Style == yaml.FoldedStyle:
			// a block text stays one when it still has text
		case old.Style == yaml.DoubleQuotedStyle || old.Style == yaml.SingleQuotedStyle:
			// quoted stays quoted
		default:
			old.Style = 0
		}
		return old
	case yaml.SequenceNode:
		var items []*yaml.Node
		var style yaml.Style
		if len(old.Content) > 0 {
			style = old.Content[0].Style
		}
		used := make([]bool, len(old.Content))
		for _, it := range v.Content {
			j := slices.IndexFunc(old.Content, func(o *yaml.Node) bool { return o.Kind == yaml.ScalarNode && o.Value == it.Value })
			for j >= 0 && used[j] {
				k := slices.IndexFunc(old.Content[j+1:], func(o *yaml.Node) bool { return o.Kind == yaml.ScalarNode && o.Value == it.Value })
				if k < 0 {
					j = -1
				} else {
					j += 1 + k
				}
			}
			if j >= 0 {
				used[j] = true
				items = append(items, old.Content[j])
				continue
			}
			if style == yaml.DoubleQuotedStyle || style == yaml.SingleQuotedStyle {
				it.Style = style
			}
			items = append(items, it)
		}
		old.Content = items
		if len(items) == 0 {
			old.Style = yaml.FlowStyle
		}
		return old
	}
	return v
}

// short reports whether a new list is short enough to write in one line.
func short(seq *yaml.Node) bool {
	n := 0
	for _, it := range seq.Content {
		n += len(it.Value) + 2
	}
	return n <= 60
}
