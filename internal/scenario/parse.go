package scenario

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/openline/openline/internal/openline"
)

// Parse decodes and validates one scenario file. name is the file name used
// in errors and stored as Scenario.Source, data is kept as Scenario.Text;
// Scenario.Version is the first 16 hex digits of the SHA-256 of data. On failure the error is an ErrorList
// holding every problem of the file, sorted by position, and the scenario is
// nil.
//
// YAML aliases (*name) are rejected, so no input can expand beyond its own
// size; anchors alone are harmless and ignored.
func Parse(name string, data []byte) (*openline.Scenario, error) {
	sc, _, err := parseFile(name, data)
	return sc, err
}

// parseFile is Parse that also returns the node of the scenario's id value
// (nil on failure), for messages about duplicates across files.
func parseFile(name string, data []byte) (*openline.Scenario, *yaml.Node, error) {
	p := &parser{file: name}
	sc := p.parse(data)
	if err := p.errs.err(); err != nil {
		return nil, nil, err
	}
	sum := sha256.Sum256(data)
	sc.Source = name
	sc.Text = data
	sc.Version = hex.EncodeToString(sum[:])[:16]
	return sc, p.idNode, nil
}

// parser collects the problems of one file.
type parser struct {
	file string
	data []byte // the file's content
	errs ErrorList
	refs []ref

	stateNodes    map[string]*yaml.Node // state name → its key in dialogue.states
	gatekeeperKey *yaml.Node            // the "gatekeeper" key, when present
	idNode        *yaml.Node            // the scenario's id value
}

// ref is a name that must resolve once the whole file is read.
type ref struct {
	kind term // "state", "need", "objection" or "fact"
	name string
	at   *yaml.Node
}

// maxErrors is how many problems of one file are reported; a file with more
// is likely not a scenario file at all.
const maxErrors = 100

// stopped reports whether errorf records nothing more.
func (p *parser) stopped() bool { return len(p.errs) > maxErrors }

// errorf records a problem at node n (nil: the whole file). After
// maxErrors problems it records one last that says so, and then nothing.
func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	if p.stopped() {
		return
	}
	if len(p.errs) == maxErrors {
		format, args = "too many errors; stopped after %d", []any{maxErrors}
		n = nil
	}
	e := Error{File: p.file, Msg: fmt.Sprintf(format, args...), format: format, args: args}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	p.errs = append(p.errs, e)
}

// yamlLine matches the position prefix of the YAML parser's errors.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError records an error of the YAML parser at the place of the
// fault in the source (see locate).
func (p *parser) syntaxError(err error) {
	msg, reported := err.Error(), 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		if n, convErr := strconv.Atoi(m[1]); convErr == nil && n > 0 {
			msg, reported = m[2], n
		}
	} else {
		msg = trimYAMLPrefix(msg)
	}
	if len(p.data) == 0 {
		p.errorf(nil, "YAML syntax error: %s", msg)
		return
	}
	line, col := locate(p.data, reported, msg)
	var tab phrase
	if starts := lineStarts(p.data); line <= len(starts) && indentedByTab(lineText(p.data, starts, line)) {
		tab = phr(" (a tab indents this line; YAML indents with spaces)")
	}
	const format = "YAML syntax error: %s%s"
	args := []any{plainSyntax(msg), tab}
	p.errs = append(p.errs, Error{File: p.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...), format: format, args: args})
}

// trimYAMLPrefix drops the "yaml: " the library puts before its messages.
func trimYAMLPrefix(msg string) string { return strings.TrimPrefix(msg, "yaml: ") }

// plainSyntax words the library's message on nesting for a trainer; its
// other messages are terms, translated where germanYAML knows them.
func plainSyntax(msg string) phrase {
	if strings.HasPrefix(msg, "exceeded max depth") {
		return phr("nested too deeply (%s); a scenario needs only a few levels", msg)
	}
	return phr("%s", term(msg))
}

// decode parses data as exactly one YAML document and returns its root
// node, or nil after recording why not.
func (p *parser) decode(data []byte) (root *yaml.Node) {
	defer func() {
		// The YAML parser reports errors by panicking internally and
		// recovers them itself; this guards against any it misses, so that
		// no panic reaches a user.
		if r := recover(); r != nil {
			p.errorf(nil, "YAML parser failed: %v", r)
			root = nil
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			p.errorf(nil, "file is empty; a scenario file is a YAML mapping with the keys %s", strings.Join(scenarioKeys, ", "))
		} else {
			p.syntaxError(err)
		}
		return nil
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case errors.Is(err, io.EOF):
	case err != nil:
		p.syntaxError(err)
		return nil
	default:
		at := &extra
		if len(extra.Content) > 0 {
			at = extra.Content[0]
		}
		p.errorf(at, "a second YAML document: a file holds exactly one scenario (remove the \"---\" separator or split the file)")
		return nil
	}
	if len(doc.Content) != 1 {
		p.errorf(nil, "file is empty; a scenario file is a YAML mapping with the keys %s", strings.Join(scenarioKeys, ", "))
		return nil
	}
	return doc.Content[0]
}

// maxDepth is how deeply a scenario file may nest collections. The
// format's deepest value (a test turn's expectation's range) is seven
// levels down; the YAML library's own limit is ten thousand.
const maxDepth = 32

// rejectAliases reports every alias in the tree under n, and a tree nested
// deeper than maxDepth (once, at its first node that deep). The loader
// never follows an alias, so the walk is bounded by the size of the file.
func (p *parser) rejectAliases(n *yaml.Node, depth int) {
	if n.Kind == yaml.AliasNode {
		p.errorf(n, "YAML aliases (*%s) are not supported in scenario files; write the value out", n.Value)
		return
	}
	if depth > maxDepth {
		p.errorf(n, "nested more than %d levels deep; a scenario file needs only a few levels", maxDepth)
		return
	}
	for _, c := range n.Content {
		if p.stopped() {
			return
		}
		p.rejectAliases(c, depth+1)
	}
}

// Syntax reports the problems that keep data from being read as a
// scenario file at all: its size, its encoding, YAML syntax, a second
// document, aliases and nesting, as an ErrorList like Parse's. It returns
// nil for a file that reads, which may still be an invalid scenario
// (Parse says).
func Syntax(name string, data []byte) error {
	p := &parser{file: name}
	p.read(data)
	return p.errs.err()
}

// read checks data up to its YAML tree and returns the root node, or nil
// after recording why it is unreadable.
func (p *parser) read(data []byte) *yaml.Node {
	p.data = data
	if len(data) > MaxFileSize {
		p.errorf(nil, "file is %d bytes; a scenario file may be at most %d bytes (1 MiB)", len(data), MaxFileSize)
		return nil
	}
	if !utf8.Valid(data) {
		p.errorf(nil, "file is not valid UTF-8 text")
		return nil
	}
	root := p.decode(data)
	if root == nil {
		return nil
	}
	p.rejectAliases(root, 1)
	if len(p.errs) > 0 {
		return nil
	}
	return root
}

func (p *parser) parse(data []byte) *openline.Scenario {
	root := p.read(data)
	if root == nil {
		return nil
	}
	sc := p.scenario(root)
	if sc != nil {
		p.resolve(sc)
	}
	return sc
}

// fields is a checked YAML mapping: its key and value nodes by key.
type fields struct {
	node *yaml.Node
	what any // the object's name in messages: a string, or a phrase
	key  map[string]*yaml.Node
	val  map[string]*yaml.Node
}

func (f *fields) has(key string) bool { return f.val[key] != nil }

// mapping checks that n is a mapping with no key outside allowed and no key
// twice. It returns nil, after recording the problem, when n is not a
// mapping; unknown and repeated keys are recorded and left out.
func (p *parser) mapping(n *yaml.Node, what any, allowed []string) *fields {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s must be a mapping (key: value lines), got %s", what, describe(n))
		return nil
	}
	f := &fields{node: n, what: what, key: map[string]*yaml.Node{}, val: map[string]*yaml.Node{}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.errorf(k, "keys in %s must be plain names, got %s", what, describe(k))
			continue
		}
		if first := f.key[k.Value]; first != nil {
			p.errorf(k, "duplicate key %q in %s (first at line %d)", k.Value, what, first.Line)
			continue
		}
		if !slices.Contains(allowed, k.Value) {
			if p.stopped() {
				continue // spare the suggestion's cost
			}
			p.errorf(k, "unknown key %q in %s%s; allowed: %s", k.Value, what, suggest(k.Value, allowed), strings.Join(allowed, ", "))
			continue
		}
		f.key[k.Value], f.val[k.Value] = k, v
	}
	return f
}

// require records every key of keys that f lacks.
func (p *parser) require(f *fields, keys ...string) {
	for _, k := range keys {
		if _, ok := f.key[k]; !ok {
			p.errorf(f.node, "%s: missing required key %q", f.what, k)
		}
	}
}

// describe names the kind of a node for messages.
func describe(n *yaml.Node) phrase {
	switch n.Kind {
	case yaml.MappingNode:
		return phr("a mapping")
	case yaml.SequenceNode:
		return phr("a list")
	case yaml.AliasNode:
		return phr("an alias")
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return phr("nothing")
		}
		return phr("%q", clip(n.Value))
	}
	return phr("nothing")
}

// clip shortens long values quoted in messages.
func clip(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}

// suggest returns ` (did you mean "x"?)` for the allowed word closest to
// got, or "" when none is close.
func suggest(got string, allowed []string) phrase {
	got = strings.ToLower(got)
	best, bestD := "", 0
	for _, a := range allowed {
		// The distance is at least the difference in length, and a
		// suggestion is never more than 3 edits away.
		if abs(len(got)-len(a)) > 3 {
			continue
		}
		d := distance(got, a)
		if best == "" || d < bestD {
			best, bestD = a, d
		}
	}
	if best == "" || bestD > max(1, min(3, len(best)/3)) {
		return phrase{}
	}
	return phr(" (did you mean %q?)", best)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// distance is the edit distance between a and b in bytes, counting an
// insertion, a deletion, a substitution or a swap of two neighbours as one
// edit (optimal string alignment). Long inputs are cut, so its cost stays
// bounded.
func distance(a, b string) int {
	const limit = 64
	a, b = a[:min(len(a), limit)], b[:min(len(b), limit)]
	// Rows i-2, i-1 and i of the table whose cell j is the distance
	// between a[:i] and b[:j].
	var r0, r1, r2 [limit + 1]int
	prev2, prev, cur := r0[:len(b)+1], r1[:len(b)+1], r2[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// isNull reports whether n is an empty value ("key:" or "key: ~").
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// text returns the text of a scalar value. Numbers and booleans are taken
// as written ("007" stays "007"), so a reply may be any plain scalar.
func (p *parser) text(n *yaml.Node, key any) (string, bool) {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		p.errorf(n, "%s must be a string, got %s", key, describe(n))
		return "", false
	}
	switch n.ShortTag() {
	case "!!str", "!!int", "!!float", "!!bool":
		return n.Value, true
	}
	p.errorf(n, "%s must be a string, got a value tagged %s", key, n.Tag)
	return "", false
}

// str decodes the string f[key] into dst; nonEmpty rejects blank text.
func (p *parser) str(f *fields, key string, dst *string, nonEmpty bool) {
	n := f.val[key]
	if n == nil {
		return
	}
	s, ok := p.text(n, key)
	if !ok {
		return
	}
	if nonEmpty && strings.TrimSpace(s) == "" {
		p.errorf(n, "%s must not be empty", key)
		return
	}
	*dst = s
}

// integer decodes the integer f[key] into dst and checks lo <= value <= hi.
func (p *parser) integer(f *fields, key string, dst *int, lo, hi int) {
	n := f.val[key]
	if n == nil {
		return
	}
	v, ok := p.int64(n, key)
	if !ok {
		return
	}
	if v < int64(lo) || v > int64(hi) {
		p.errorf(n, "%s must be between %d and %d, got %d", key, lo, hi, v)
		return
	}
	*dst = int(v)
}

func (p *parser) int64(n *yaml.Node, key string) (int64, bool) {
	var v int64
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || n.Decode(&v) != nil {
		if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!int" {
			p.errorf(n, "%s is out of range: %s", key, clip(n.Value))
			return 0, false
		}
		p.errorf(n, "%s must be an integer, got %s", key, describe(n))
		return 0, false
	}
	return v, true
}

// boolean decodes the boolean f[key] into dst.
func (p *parser) boolean(f *fields, key string, dst *bool) {
	n := f.val[key]
	if n == nil {
		return
	}
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || n.Decode(dst) != nil {
		p.errorf(n, "%s must be true or false, got %s", key, describe(n))
	}
}

// list returns the items of the list f[key], or nil after recording why
// f[key] is not a list. nonEmpty rejects an empty list.
func (p *parser) list(f *fields, key string, nonEmpty bool) []*yaml.Node {
	n := f.val[key]
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s must be a list, got %s", key, describe(n))
		return nil
	}
	if nonEmpty && len(n.Content) == 0 {
		p.errorf(n, "%s must not be an empty list", key)
	}
	return n.Content
}

// strs decodes the list of strings f[key]; every item must be non-blank.
// nonEmpty rejects an empty list. It returns nil when key is absent.
func (p *parser) strs(f *fields, key string, nonEmpty bool) []string {
	items := p.list(f, key, nonEmpty)
	if items == nil {
		return nil
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		s, ok := p.text(it, phr("%s item", key))
		if !ok {
			continue
		}
		if strings.TrimSpace(s) == "" {
			p.errorf(it, "%s: empty item", key)
			continue
		}
		out = append(out, s)
	}
	return out
}

// acts decodes the list of dialogue acts f[key].
func (p *parser) acts(f *fields, key string, nonEmpty bool) []openline.Act {
	items := p.list(f, key, nonEmpty)
	if items == nil {
		return nil
	}
	out := make([]openline.Act, 0, len(items))
	for _, it := range items {
		s, ok := p.text(it, phr("%s item", key))
		if !ok {
			continue
		}
		a := openline.Act(s)
		if !a.Valid() {
			p.errorf(it, "unknown dialogue act %q%s; acts: %s", s, suggest(s, actNames()), strings.Join(actNames(), ", "))
			continue
		}
		out = append(out, a)
	}
	return out
}

// actNames lists the act vocabulary, trainee acts first.
func actNames() []string {
	var names []string
	for _, a := range slices.Concat(openline.TraineeActs, openline.ProspectActs) {
		names = append(names, string(a))
	}
	return names
}

// oneOf decodes f[key] into dst when it is one of allowed.
func oneOf[T ~string](p *parser, f *fields, key string, dst *T, allowed []T) {
	n := f.val[key]
	if n == nil {
		return
	}
	s, ok := p.text(n, key)
	if !ok {
		return
	}
	if !slices.Contains(allowed, T(s)) {
		names := make([]string, len(allowed))
		for i, a := range allowed {
			names[i] = string(a)
		}
		p.errorf(n, "%s must be one of %s, got %q%s", key, strings.Join(names, ", "), clip(s), suggest(s, names))
		return
	}
	*dst = T(s)
}

var (
	scenarioIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	namePattern       = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	// voicePattern is a TTS voice name: OpenAI's (alloy), Kokoro's
	// (af_bella, mixes af_bella+af_sky), Piper's (de_DE-thorsten-medium).
	voicePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.:+-]{0,63}$`)
)

// checkID records a problem when id does not match re (what says whose id
// it is) or is longer than maxIDLen.
func (p *parser) checkID(n *yaml.Node, what term, id string, re *regexp.Regexp, chars term) bool {
	if !re.MatchString(id) || len(id) > maxIDLen {
		p.errorf(n, "invalid %s %q: use %s, starting with a letter or digit, at most %d characters", what, clip(id), chars, maxIDLen)
		return false
	}
	return true
}

const (
	scenarioIDChars term = "lowercase letters, digits and '-'"
	nameChars       term = "lowercase letters, digits, '-' and '_'"
)

// id decodes and checks the id f["id"].
func (p *parser) id(f *fields, what term, re *regexp.Regexp, chars term) string {
	var id string
	p.str(f, "id", &id, true)
	if id == "" {
		return ""
	}
	if !p.checkID(f.val["id"], what, id, re, chars) {
		return ""
	}
	return id
}

// unique reports whether name, found at n, is new in seen (names of one
// list, each with the node where it was first given) and remembers it;
// a name given before is recorded as a problem at n that says where it
// was first.
func (p *parser) unique(seen map[string]*yaml.Node, n *yaml.Node, what term, name string) bool {
	if prev := seen[name]; prev != nil {
		p.errorf(n, "duplicate %s %q (first at line %d)", what, clip(name), prev.Line)
		return false
	}
	seen[name] = n
	return true
}

func (p *parser) scenario(root *yaml.Node) *openline.Scenario {
	f := p.mapping(root, "scenario", scenarioKeys)
	if f == nil {
		return nil
	}
	p.require(f, requiredKeys["scenario"]...)
	for k, v := range f.val {
		if isNull(v) {
			p.errorf(v, "%s has no value", k)
			delete(f.val, k)
		}
	}
	sc := &openline.Scenario{}
	sc.ID = p.id(f, "scenario id", scenarioIDPattern, scenarioIDChars)
	p.idNode = f.val["id"]
	oneOf(p, f, "language", &sc.Language, openline.Languages)
	p.str(f, "title", &sc.Title, true)
	oneOf(p, f, "difficulty", &sc.Difficulty, difficulties)
	oneOf(p, f, "direction", &sc.Direction, directions)
	p.str(f, "brief", &sc.Brief, true)
	if n := f.val["persona"]; n != nil {
		p.persona(n, "persona", &sc.Persona)
	}
	if n := f.val["gatekeeper"]; n != nil {
		p.gatekeeperKey = f.key["gatekeeper"]
		sc.Gatekeeper = &openline.Persona{}
		p.persona(n, "gatekeeper", sc.Gatekeeper)
	}
	p.needs(f, sc)
	p.objections(f, sc)
	p.proposals(f, sc)
	if n := f.val["dialogue"]; n != nil {
		p.dialogue(n, sc)
	}
	p.str(f, "llm_notes", &sc.LLMNotes, true)
	if n := f.val["scoring"]; n != nil {
		p.scoring(n, &sc.Scoring)
	}
	p.tests(f, sc)
	if n := f.val["realism"]; n != nil {
		sc.Realism = p.realism(n)
	}
	// Lists are never nil, so a scenario encodes the same way however
	// its file spelled an empty list.
	if sc.Needs == nil {
		sc.Needs = []openline.Need{}
	}
	if sc.Objections == nil {
		sc.Objections = []openline.Objection{}
	}
	if sc.Tests == nil {
		sc.Tests = []openline.ScenarioTest{}
	}
	return sc
}

func (p *parser) persona(n *yaml.Node, what string, dst *openline.Persona) {
	f := p.mapping(n, what, personaKeys)
	if f == nil {
		return
	}
	p.require(f, requiredKeys["persona"]...)
	p.str(f, "name", &dst.Name, true)
	p.str(f, "role", &dst.Role, true)
	p.str(f, "company", &dst.Company, true)
	dst.Traits = p.strs(f, "traits", false)
	dst.Opening = p.strs(f, "opening", true)
	p.integer(f, "patience", &dst.Patience, minPatience, maxPatience)
	p.integer(f, "interest", &dst.Interest, minInterest, maxInterest)
	p.str(f, "tts_voice", &dst.TTSVoice, true)
	if dst.TTSVoice != "" && !voicePattern.MatchString(dst.TTSVoice) {
		p.errorf(f.val["tts_voice"], "invalid tts_voice %q: a speech server's voice name, e.g. alloy or af_bella+af_sky: letters, digits and _ . : + -, at most 64 characters", clip(dst.TTSVoice))
		dst.TTSVoice = ""
	}
	first := map[string]*yaml.Node{}
	for i, n := range p.list(f, "facts", false) {
		ff := p.mapping(n, fmt.Sprintf("%s.facts[%d]", what, i), factKeys)
		if ff == nil {
			continue
		}
		p.require(ff, requiredKeys["fact"]...)
		var fact openline.Fact
		p.str(ff, "key", &fact.Key, true)
		if fact.Key != "" && !p.checkID(ff.val["key"], "fact key", fact.Key, namePattern, nameChars) {
			fact.Key = ""
		}
		if fact.Key != "" {
			p.unique(first, ff.val["key"], "fact key", fact.Key)
		}
		fact.About = p.strs(ff, "about", true)
		fact.Say = p.strs(ff, "say", true)
		p.boolean(ff, "private", &fact.Private)
		fact.Deflect = p.strs(ff, "deflect", false)
		if len(fact.Deflect) > 0 && !fact.Private {
			p.errorf(ff.key["deflect"], "%s: deflect needs private: true (a fact that is told is never deflected)", ff.what)
		}
		dst.Facts = append(dst.Facts, fact)
	}
}

func (p *parser) proposals(f *fields, sc *openline.Scenario) {
	first := map[string]*yaml.Node{}
	for i, n := range p.list(f, "proposals", false) {
		pf := p.mapping(n, fmt.Sprintf("proposals[%d]", i), proposalKeys)
		if pf == nil {
			continue
		}
		p.require(pf, requiredKeys["proposal"]...)
		var pr openline.Proposal
		oneOf(p, pf, "kind", &pr.Kind, NextStepKinds)
		if pr.Kind != "" {
			p.unique(first, pf.val["kind"], "proposal kind", pr.Kind)
		}
		pr.Accept = p.strs(pf, "accept", true)
		pr.Decline = p.strs(pf, "decline", false)
		p.integer(pf, "min_interest", &pr.MinInterest, minInterest, maxInterest)
		sc.Proposals = append(sc.Proposals, pr)
	}
}

func (p *parser) realism(n *yaml.Node) *openline.Realism {
	f := p.mapping(n, "realism", realismKeys)
	if f == nil {
		return nil
	}
	p.require(f, requiredKeys["realism"]...)
	r := &openline.Realism{Setup: p.strs(f, "setup", false)}
	r.Lines = p.realismLines(f, "lines", true)
	r.HeldOut = p.realismLines(f, "held_out", false)
	return r
}

// realismLines reads the realism lines under key of f.
func (p *parser) realismLines(f *fields, key string, required bool) []openline.RealismLine {
	var lines []openline.RealismLine
	for i, ln := range p.list(f, key, required) {
		lf := p.mapping(ln, fmt.Sprintf("realism.%s[%d]", key, i), realismLineKeys)
		if lf == nil {
			continue
		}
		p.require(lf, requiredKeys["realism_line"]...)
		l := openline.RealismLine{Line: ln.Line}
		p.str(lf, "say", &l.Say, true)
		for _, s := range p.strs(lf, "reply", true) {
			k := openline.ReplyKind(s)
			if !slices.Contains(openline.ReplyKinds, k) {
				names := make([]string, len(openline.ReplyKinds))
				for j, rk := range openline.ReplyKinds {
					names[j] = string(rk)
				}
				p.errorf(lf.val["reply"], "unknown reply kind %q%s; kinds: %s", clip(s), suggest(s, names), strings.Join(names, ", "))
				continue
			}
			l.Reply = append(l.Reply, k)
		}
		p.str(lf, "fact", &l.Fact, true)
		if l.Fact != "" {
			p.refs = append(p.refs, ref{"fact", l.Fact, lf.val["fact"]})
		}
		lines = append(lines, l)
	}
	return lines
}

func (p *parser) needs(f *fields, sc *openline.Scenario) {
	first := map[string]*yaml.Node{}
	for i, n := range p.list(f, "needs", false) {
		nf := p.mapping(n, fmt.Sprintf("needs[%d]", i), needKeys)
		if nf == nil {
			continue
		}
		p.require(nf, requiredKeys["need"]...)
		var need openline.Need
		need.ID = p.id(nf, "need id", namePattern, nameChars)
		p.str(nf, "fact", &need.Fact, true)
		need.EarnedBy = p.acts(nf, "earned_by", true)
		need.Topics = p.strs(nf, "topics", false)
		p.integer(nf, "min_interest", &need.MinInterest, minInterest, maxInterest)
		need.Reveal = p.strs(nf, "reveal", true)
		need.Detect = p.strs(nf, "detect", false)
		need.Details = p.strs(nf, "details", false)
		need.Tried = p.strs(nf, "tried", false)
		need.WouldHelp = p.strs(nf, "would_help", false)
		p.noRetelling(nf, &need)
		if need.ID != "" {
			p.unique(first, nf.val["id"], "need id", need.ID)
		}
		sc.Needs = append(sc.Needs, need)
	}
}

// noRetelling reports a follow-up line of need (details, tried,
// would_help) that is one of its reveal lines: a follow-up tells
// something new (docs/scenarios.md, "Follow-ups on a revealed need").
func (p *parser) noRetelling(nf *fields, need *openline.Need) {
	for _, key := range [...]string{"details", "tried", "would_help"} {
		list := nf.val[key]
		if list == nil || list.Kind != yaml.SequenceNode {
			continue
		}
		for _, it := range list.Content {
			if slices.Contains(need.Reveal, strings.TrimSpace(it.Value)) {
				p.errorf(it, "%s: repeats a reveal line; a follow-up tells something new", key)
			}
		}
	}
}

func (p *parser) objections(f *fields, sc *openline.Scenario) {
	first := map[string]*yaml.Node{}
	for i, n := range p.list(f, "objections", false) {
		of := p.mapping(n, fmt.Sprintf("objections[%d]", i), objectionKeys)
		if of == nil {
			continue
		}
		p.require(of, requiredKeys["objection"]...)
		var o openline.Objection
		o.ID = p.id(of, "objection id", namePattern, nameChars)
		if w := of.val["when"]; w != nil {
			p.trigger(w, &o.When)
		}
		o.Say = p.strs(of, "say", true)
		o.AnsweredBy = p.acts(of, "answered_by", false)
		o.Answered = p.strs(of, "answered", false)
		if len(o.AnsweredBy) > 0 && of.val["answered"] == nil {
			p.errorf(of.key["answered_by"], "%s: answered_by needs answered, the lines the persona says when the objection is answered well", of.what)
		}
		if o.ID != "" {
			p.unique(first, of.val["id"], "objection id", o.ID)
		}
		sc.Objections = append(sc.Objections, o)
	}
}

func (p *parser) trigger(n *yaml.Node, dst *openline.Trigger) {
	f := p.mapping(n, "when", triggerKeys)
	if f == nil {
		return
	}
	dst.Acts = p.acts(f, "acts", false)
	dst.Unless = p.acts(f, "unless", false)
	dst.Keywords = p.strs(f, "keywords", false)
	dst.Asks = p.strs(f, "asks", false)
	for i, k := range dst.Asks {
		p.refs = append(p.refs, ref{"fact", k, f.val["asks"].Content[i]})
	}
	for _, a := range dst.Acts {
		if slices.Contains(dst.Unless, a) {
			p.errorf(f.val["unless"], "act %q is in both acts and unless, so the rule can never match", a)
		}
	}
}

func (p *parser) dialogue(n *yaml.Node, sc *openline.Scenario) {
	f := p.mapping(n, "dialogue", dialogueKeys)
	if f == nil {
		return
	}
	p.require(f, requiredKeys["dialogue"]...)
	p.str(f, "start", &sc.Dialogue.Start, true)
	if sc.Dialogue.Start != "" {
		p.refs = append(p.refs, ref{"state", sc.Dialogue.Start, f.val["start"]})
	}
	states := f.val["states"]
	if states == nil {
		return
	}
	if states.Kind != yaml.MappingNode {
		p.errorf(states, "states must be a mapping from state name to state, got %s", describe(states))
		return
	}
	if len(states.Content) == 0 {
		p.errorf(states, "states must not be empty")
	}
	seen := map[string]*yaml.Node{}
	p.stateNodes = seen
	for i := 0; i+1 < len(states.Content); i += 2 {
		k, v := states.Content[i], states.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.errorf(k, "state names must be plain names, got %s", describe(k))
			continue
		}
		if !p.unique(seen, k, "state", k.Value) {
			continue
		}
		p.checkID(k, "state name", k.Value, namePattern, nameChars)
		st := openline.State{Name: k.Value}
		p.state(v, k, &st, sc)
		sc.Dialogue.States = append(sc.Dialogue.States, st)
	}
}

func (p *parser) state(n, key *yaml.Node, st *openline.State, sc *openline.Scenario) {
	what := phr("state %q", st.Name)
	if isNull(n) {
		p.errorf(key, "%s has no value; write {} for a state without rules", what)
		return
	}
	f := p.mapping(n, what, stateKeys)
	if f == nil {
		return
	}
	if v := f.val["voice"]; v != nil {
		var voice string
		p.str(f, "voice", &voice, true)
		switch {
		case voice == "":
		case voice != voiceGatekeeper:
			p.errorf(v, "voice must be %q or left out (the persona speaks), got %q", voiceGatekeeper, clip(voice))
		case sc.Gatekeeper == nil:
			p.errorf(v, "voice %q needs a gatekeeper in the scenario", voiceGatekeeper)
		default:
			st.Voice = voice
		}
	}
	for i, rn := range p.list(f, "rules", false) {
		st.Rules = append(st.Rules, p.rule(rn, phr("%s rules[%d]", what, i)))
	}
}

func (p *parser) rule(n *yaml.Node, what phrase) openline.Rule {
	var r openline.Rule
	f := p.mapping(n, what, ruleKeys)
	if f == nil {
		return r
	}
	if w := f.val["when"]; w != nil {
		p.trigger(w, &r.When)
	}
	if n := f.val["say"]; n != nil && n.Kind == yaml.SequenceNode && len(n.Content) == 0 {
		p.errorf(n, "say must not be an empty list; leave it out for the engine's own reply")
	} else {
		r.Say = p.strs(f, "say", true)
	}
	p.str(f, "goto", &r.Goto, true)
	if r.Goto != "" {
		p.refs = append(p.refs, ref{"state", r.Goto, f.val["goto"]})
	}
	p.integer(f, "patience", &r.Patience, -maxDelta, maxDelta)
	p.integer(f, "interest", &r.Interest, -maxDelta, maxDelta)
	p.integer(f, "min_interest", &r.MinInterest, minInterest, maxInterest)
	p.str(f, "reveal", &r.Reveal, true)
	if r.Reveal != "" {
		p.refs = append(p.refs, ref{"need", r.Reveal, f.val["reveal"]})
	}
	p.str(f, "raise", &r.Raise, true)
	if r.Raise != "" {
		p.refs = append(p.refs, ref{"objection", r.Raise, f.val["raise"]})
	}
	p.str(f, "answer", &r.Answer, true)
	if r.Answer != "" {
		p.refs = append(p.refs, ref{"fact", r.Answer, f.val["answer"]})
	}
	p.boolean(f, "hangup", &r.Hangup)
	p.nextStep(f, &r.NextStep)
	p.boolean(f, "once", &r.Once)
	if r.Hangup && r.NextStep != "" {
		p.errorf(f.val["next_step"], "a rule cannot both hang up and agree a next step")
	}
	return r
}

func (p *parser) nextStep(f *fields, dst *string) {
	oneOf(p, f, "next_step", dst, NextStepKinds)
}

func (p *parser) scoring(n *yaml.Node, w *openline.Weights) {
	f := p.mapping(n, "scoring", scoringKeys)
	if f == nil {
		return
	}
	if v := f.val["curiosity"]; v != nil {
		w.Curiosity = p.weights(v, "scoring.curiosity", openline.CuriosityWeights)
	}
	if v := f.val["openness"]; v != nil {
		w.Openness = p.weights(v, "scoring.openness", openline.OpennessWeights)
	}
}

func (p *parser) weights(n *yaml.Node, what string, names []string) map[string]float64 {
	f := p.mapping(n, what, names)
	if f == nil {
		return nil
	}
	out := map[string]float64{}
	for _, name := range names {
		v := f.val[name]
		if v == nil {
			continue
		}
		var x float64
		tag := v.ShortTag()
		if v.Kind != yaml.ScalarNode || (tag != "!!int" && tag != "!!float") || v.Decode(&x) != nil {
			p.errorf(v, "weight %s must be a number, got %s", name, describe(v))
			continue
		}
		if !(x >= 0 && x <= maxWeight) || math.IsNaN(x) {
			p.errorf(v, "weight %s must be between 0 and %g, got %s", name, maxWeight, clip(v.Value))
			continue
		}
		out[name] = x
	}
	return out
}

func (p *parser) tests(f *fields, sc *openline.Scenario) {
	first := map[string]*yaml.Node{}
	for i, n := range p.list(f, "tests", false) {
		tf := p.mapping(n, fmt.Sprintf("tests[%d]", i), testKeys)
		if tf == nil {
			continue
		}
		p.require(tf, requiredKeys["test"]...)
		t := openline.ScenarioTest{Line: n.Line}
		p.str(tf, "name", &t.Name, true)
		if v := tf.val["seed"]; v != nil {
			if seed, ok := p.int64(v, "seed"); ok {
				t.Seed = seed
			}
		}
		for j, tn := range p.list(tf, "turns", true) {
			t.Turns = append(t.Turns, p.turn(tn, fmt.Sprintf("%s turns[%d]", tf.what, j)))
		}
		if v := tf.val["expect"]; v != nil {
			p.expectation(v, "expect", &t.Expect)
		}
		if t.Name != "" {
			p.unique(first, tf.val["name"], "test name", t.Name)
		}
		sc.Tests = append(sc.Tests, t)
	}
}

func (p *parser) turn(n *yaml.Node, what string) openline.TestTurn {
	t := openline.TestTurn{Line: n.Line}
	f := p.mapping(n, what, turnKeys)
	if f == nil {
		return t
	}
	p.require(f, requiredKeys["turn"]...)
	// An empty say ("") is allowed: it tests how the persona meets
	// silence.
	p.str(f, "say", &t.Say, false)
	if v := f.val["expect"]; v != nil {
		p.expectation(v, "expect", &t.Expect)
	}
	return t
}

func (p *parser) expectation(n *yaml.Node, what string, e *openline.Expectation) {
	f := p.mapping(n, what, expectationKeys)
	if f == nil {
		return
	}
	p.str(f, "state", &e.State, true)
	if e.State != "" {
		p.refs = append(p.refs, ref{"state", e.State, f.val["state"]})
	}
	e.Reveals = p.strs(f, "reveals", false)
	if f.has("reveals") && e.Reveals == nil {
		e.Reveals = []string{} // reveals: [] expects none
	}
	for i, id := range e.Reveals {
		p.refs = append(p.refs, ref{"need", id, f.val["reveals"].Content[i]})
	}
	if f.has("hangup") {
		var b bool
		p.boolean(f, "hangup", &b)
		e.Hangup = &b
	}
	p.str(f, "reply_contains", &e.ReplyContains, true)
	oneOf(p, f, "outcome", &e.Outcome, outcomes)
	p.nextStep(f, &e.NextStep)
	if e.NextStep != "" && e.Outcome != "" && e.Outcome != openline.OutcomeNextStep {
		p.errorf(f.val["next_step"], "next_step %q contradicts outcome %q (a next step ends the call as %q)", e.NextStep, e.Outcome, openline.OutcomeNextStep)
	}
	e.Openness = p.scoreRange(f, "openness")
	e.Curiosity = p.scoreRange(f, "curiosity")
}

// scoreRange decodes a [min, max] range of scores.
func (p *parser) scoreRange(f *fields, key string) *openline.Range {
	n := f.val[key]
	if n == nil {
		return nil
	}
	if n.Kind == yaml.SequenceNode && len(n.Content) != 2 {
		p.errorf(n, "%s must be a range [min, max] of two integers, got a list of %d", key, len(n.Content))
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s must be a range [min, max] of two integers, got %s", key, describe(n))
		return nil
	}
	lo, ok1 := p.int64(n.Content[0], key+" min")
	hi, ok2 := p.int64(n.Content[1], key+" max")
	if !ok1 || !ok2 {
		return nil
	}
	if lo < 0 || lo > hi || hi > maxScore {
		p.errorf(n, "%s range [%d, %d] must satisfy 0 <= min <= max <= %d", key, lo, hi, maxScore)
		return nil
	}
	return &openline.Range{Min: int(lo), Max: int(hi)}
}
