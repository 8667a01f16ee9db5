package scenario

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Error is one problem in a scenario file. Line and Col are 1-based and
// point at the YAML node the problem is about; both are 0 only for a problem
// with the file as a whole (unreadable, empty, too large, a YAML error the
// parser could not place).
type Error struct {
	File string
	Line int
	Col  int
	Msg  string // in English
	// format and args made Msg, for In to render it in another language
	// (messages.go); empty for a problem made outside the parser.
	format string
	args   []any
}

// Error formats the problem as "file:line:col: message", or "file: message"
// for a whole-file problem, the form editors and compilers use.
func (e Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// ErrorList is every problem found, one Error per problem. The loader
// returns it sorted by file, line and column; it is never empty when
// returned as an error.
type ErrorList []Error

// Error prints one problem per line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// sort orders the list by file, line and column, keeping the order in which
// problems at the same place were found.
func (l ErrorList) sort() {
	slices.SortStableFunc(l, func(a, b Error) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
}

// err returns l as an error, or nil when l is empty, so that callers never
// get a non-nil error interface holding an empty list.
func (l ErrorList) err() error {
	if len(l) == 0 {
		return nil
	}
	l.sort()
	return l
}
