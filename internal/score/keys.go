package score

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// wireKeys are the keys of the transcript file, exactly as written: the
// json tags of wireTranscript and wireTurn.
var wireKeys = func() map[string]bool {
	keys := map[string]bool{}
	for _, t := range []reflect.Type{reflect.TypeFor[wireTranscript](), reflect.TypeFor[wireTurn]()} {
		for i := range t.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			keys[name] = true
		}
	}
	return keys
}()

// checkKeys refuses what encoding/json lets through in a transcript it has
// decoded: a key given twice in one object (the last would silently win, so
// a second "turns" would replace the call) and a key that names a field
// only when case is ignored ("Speaker"). data holds one valid JSON value.
func checkKeys(data []byte) error {
	type frame struct {
		object, wantKey bool
		seen            map[string]bool
	}
	var stack []*frame
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil // decoded before: cannot happen short of the end
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.wantKey && tok != json.Delim('}') {
			key, _ := tok.(string)
			rest := data[off:]
			line, col := position(data, off+int64(len(rest)-len(bytes.TrimLeft(rest, " \t\r\n,"))))
			if !wireKeys[key] {
				return fmt.Errorf("%d:%d: unknown field %q", line, col, key)
			}
			if top.seen[key] {
				return fmt.Errorf("%d:%d: duplicate key %q", line, col, key)
			}
			top.seen[key], top.wantKey = true, false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{object: true, wantKey: true, seen: map[string]bool{}})
			continue
		case json.Delim('['):
			stack = append(stack, &frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		// A whole value has been read.
		if len(stack) == 0 {
			return nil
		}
		if top := stack[len(stack)-1]; top.object {
			top.wantKey = true
		}
	}
}
