package score

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/openline/openline/internal/openline"
)

// Bounds on a transcript. A real call of an hour has a few hundred turns and
// a few hundred kilobytes of text; anything bigger is refused before it is
// scored, so a hostile file cannot make the scorer slow.
const (
	MaxTranscriptBytes = 1 << 20 // the whole JSON file: 1 MiB
	MaxTurns           = 2000    // turns in one transcript
	MaxTurnChars       = 10000   // characters (Unicode code points) in one turn's text
	maxScenarioIDLen   = 200     // bytes of the scenario id
)

// wireTurn is a turn as it appears in the file; pointers tell a missing
// field from an empty one.
type wireTurn struct {
	Speaker *string `json:"speaker"`
	Text    *string `json:"text"`
	StartMS *int64  `json:"start_ms"`
	EndMS   *int64  `json:"end_ms"`
}

type wireTranscript struct {
	Language *string    `json:"language"`
	Scenario string     `json:"scenario"`
	Turns    []wireTurn `json:"turns"`
}

// DecodeTranscript reads one transcript in the file format of docs/formats.md and
// validates it. It is strict: unknown fields (keys are matched exactly, case
// included), a key given twice, trailing data, a missing or
// unsupported language, an unknown speaker, a missing or blank text,
// negative or reversed times, and a transcript without a trainee turn are
// errors. Syntax and type errors carry the position as "line:col" (1-based,
// the column counted in characters); errors about a turn name it as
// "turn N" with N counted from 0, like the scorecard's turn index. Input
// beyond the bounds above is refused. A leading UTF-8 byte-order mark is
// skipped.
func DecodeTranscript(r io.Reader) (openline.Transcript, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxTranscriptBytes+1))
	if err != nil {
		return openline.Transcript{}, fmt.Errorf("read transcript: %w", err)
	}
	if len(data) > MaxTranscriptBytes {
		return openline.Transcript{}, fmt.Errorf("transcript is larger than %d bytes (1 MiB)", MaxTranscriptBytes)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a byte-order mark some editors write
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var w wireTranscript
	if err := dec.Decode(&w); err != nil {
		return openline.Transcript{}, jsonError(data, dec, err)
	}
	end := dec.InputOffset()
	if _, err := dec.Token(); err != io.EOF {
		rest := data[end:]
		line, col := position(data, end+int64(len(rest)-len(bytes.TrimLeft(rest, " \t\r\n"))))
		return openline.Transcript{}, fmt.Errorf("%d:%d: unexpected data after the transcript", line, col)
	}
	if err := checkKeys(data); err != nil {
		return openline.Transcript{}, err
	}
	tr, err := fromWire(w)
	if err != nil {
		return openline.Transcript{}, err
	}
	if err := validate(tr, true); err != nil {
		return openline.Transcript{}, err
	}
	return tr, nil
}

func fromWire(w wireTranscript) (openline.Transcript, error) {
	if w.Language == nil {
		return openline.Transcript{}, errors.New("language is missing (want de or en)")
	}
	if len(w.Turns) > MaxTurns {
		return openline.Transcript{}, fmt.Errorf("transcript has %d turns, more than the limit of %d", len(w.Turns), MaxTurns)
	}
	tr := openline.Transcript{
		Language: openline.Language(*w.Language),
		Scenario: w.Scenario,
		Turns:    make([]openline.Turn, len(w.Turns)),
	}
	for i, t := range w.Turns {
		if t.Speaker == nil {
			return openline.Transcript{}, fmt.Errorf("turn %d: speaker is missing (want trainee or prospect)", i)
		}
		if t.Text == nil {
			return openline.Transcript{}, fmt.Errorf("turn %d: text is missing", i)
		}
		tr.Turns[i] = openline.Turn{Speaker: openline.Speaker(*t.Speaker), Text: *t.Text, StartMS: t.StartMS, EndMS: t.EndMS}
	}
	return tr, nil
}

// validate checks a transcript against the rules DecodeTranscript states;
// Score uses it without requiring a trainee turn, because a call the
// trainee hung up without a word is still scored.
func validate(tr openline.Transcript, needTrainee bool) error {
	if !tr.Language.Valid() {
		return fmt.Errorf("unsupported language %q (want de or en)", tr.Language)
	}
	if len(tr.Scenario) > maxScenarioIDLen {
		return fmt.Errorf("scenario id is longer than %d bytes", maxScenarioIDLen)
	}
	if len(tr.Turns) > MaxTurns {
		return fmt.Errorf("transcript has %d turns, more than the limit of %d", len(tr.Turns), MaxTurns)
	}
	trainee := false
	for i, t := range tr.Turns {
		if !t.Speaker.Valid() {
			return fmt.Errorf("turn %d: unknown speaker %q (want trainee or prospect)", i, t.Speaker)
		}
		if strings.TrimSpace(t.Text) == "" {
			return fmt.Errorf("turn %d: text is empty", i)
		}
		if n := utf8.RuneCountInString(t.Text); n > MaxTurnChars {
			return fmt.Errorf("turn %d: text has %d characters, more than the limit of %d", i, n, MaxTurnChars)
		}
		if t.StartMS != nil && *t.StartMS < 0 {
			return fmt.Errorf("turn %d: start_ms is negative", i)
		}
		if t.EndMS != nil && *t.EndMS < 0 {
			return fmt.Errorf("turn %d: end_ms is negative", i)
		}
		if t.StartMS != nil && t.EndMS != nil && *t.EndMS < *t.StartMS {
			return fmt.Errorf("turn %d: end_ms %d is before start_ms %d", i, *t.EndMS, *t.StartMS)
		}
		trainee = trainee || t.Speaker == openline.Trainee
	}
	if needTrainee && !trainee {
		return errors.New("transcript has no trainee turn")
	}
	return nil
}

// jsonError turns a decoding error into one that names the position.
func jsonError(data []byte, dec *json.Decoder, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return errors.New("transcript is empty")
	case errors.Is(err, io.ErrUnexpectedEOF):
		line, col := position(data, int64(len(data)))
		return fmt.Errorf("%d:%d: unexpected end of JSON", line, col)
	case errors.As(err, &syn):
		// Offset counts the offending byte.
		line, col := position(data, syn.Offset-1)
		return fmt.Errorf("%d:%d: %s", line, col, strings.TrimPrefix(syn.Error(), "json: "))
	case errors.As(err, &typ):
		line, col := position(data, typ.Offset)
		field := typ.Field
		if field == "" {
			field = "transcript"
		}
		return fmt.Errorf("%d:%d: %s must be %s, not %s", line, col, field, jsonKind(typ.Type.Kind().String()), typ.Value)
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if name, ok := strings.CutPrefix(msg, "unknown field "); ok {
		if off := keyOffset(data, name); off >= 0 {
			line, col := position(data, off)
			return fmt.Errorf("%d:%d: %s", line, col, msg)
		}
	}
	line, col := position(data, dec.InputOffset())
	return fmt.Errorf("%d:%d: %s", line, col, msg)
}

// keyOffset finds where quoted (a JSON string with its quotes) is used as an
// object key: followed by optional white space and a colon. -1: not found.
func keyOffset(data []byte, quoted string) int64 {
	from := 0
	for {
		i := bytes.Index(data[from:], []byte(quoted))
		if i < 0 {
			return -1
		}
		at := from + i
		rest := bytes.TrimLeft(data[at+len(quoted):], " \t\r\n")
		if len(rest) > 0 && rest[0] == ':' {
			return int64(at)
		}
		from = at + 1
	}
}

func jsonKind(goKind string) string {
	switch goKind {
	case "string":
		return "a string"
	case "int64", "int":
		return "a whole number"
	case "float64":
		return "a number"
	case "slice":
		return "an array"
	case "struct", "ptr":
		return "an object"
	}
	return goKind
}

// position converts a byte offset into a 1-based line and a 1-based column
// counted in characters.
func position(data []byte, off int64) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	lastNL := bytes.LastIndexByte(before, '\n')
	col = 1 + utf8.RuneCount(before[lastNL+1:])
	return line, col
}
