package scenario

import (
	"fmt"

	"github.com/openline/openline/internal/openline"
)

// messages.go renders a problem's message in a language. A message is
// written once, in English, as the format of its errorf call; that format
// is its key. The German texts are keyed by the same formats
// (messages_de.go), so one table holds every translation, and a test
// (messages_test.go) finds every format of the package in it with the
// same verbs. Parts of a message that are words themselves (what a value
// is, "did you mean", the name of a kind of id) are a phrase or a term,
// rendered in the same language; names from the file (keys, ids, values)
// are never translated. The command line prints English (Error.Msg).

// phrase is a part of a message with its own format and arguments.
type phrase struct {
	format string
	args   []any
}

func phr(format string, args ...any) phrase { return phrase{format, args} }

// String is the phrase in English.
func (p phrase) String() string {
	if p.format == "" {
		return ""
	}
	return fmt.Sprintf(p.format, p.args...)
}

// term is a word or two of a message (a kind of id, a kind of name),
// rendered in the message's language.
type term string

// catalogs are the translations by language; English is the formats
// themselves.
var catalogs = map[openline.Language]map[string]string{
	openline.German: joined(german, germanYAML),
}

func joined(ms ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// render writes format with args in the language whose translations are
// tr (nil: English).
func render(tr map[string]string, format string, args []any) string {
	if tr == nil {
		return fmt.Sprintf(format, args...)
	}
	if t, ok := tr[format]; ok {
		format = t
	}
	out := make([]any, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case phrase:
			if a.format == "" {
				out[i] = ""
			} else {
				out[i] = render(tr, a.format, a.args)
			}
		case term:
			if t, ok := tr[string(a)]; ok {
				out[i] = t
			} else {
				out[i] = string(a)
			}
		default:
			out[i] = a
		}
	}
	return fmt.Sprintf(format, out...)
}

// In returns the problem's message in lang, without its place; English
// for a language without translations, and for a problem made outside
// the parser.
func (e Error) In(lang openline.Language) string {
	tr := catalogs[lang]
	if tr == nil || e.format == "" {
		return e.Msg
	}
	return render(tr, e.format, e.args)
}
