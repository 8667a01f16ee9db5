package scenario

import (
	"bytes"
	"errors"
	"io"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The YAML library names the line of the construct it was reading when it
// failed (the mapping a bad line belongs to), not the line of the fault,
// and never a column: a tab in the indentation of line 4 comes out as
// "line 3", and a fault on the first line has no line at all. locate finds
// the fault's own place in the source.

// syntaxMessage decodes data as the parser does (one document, then a
// check for a second) and returns the YAML library's message without its
// "yaml: line N: " prefix, or "" when data reads.
func syntaxMessage(data []byte) (msg string) {
	defer func() {
		if recover() != nil {
			msg = "" // decode guards against the same panic and reports it
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	err := dec.Decode(&doc)
	if err == nil {
		var extra yaml.Node
		err = dec.Decode(&extra)
	}
	if err == nil || errors.Is(err, io.EOF) {
		return ""
	}
	msg = err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		return m[2]
	}
	return trimYAMLPrefix(msg)
}

// locate returns the line and column (1-based, in characters) of the fault
// the YAML library reported as msg at line reported (0: no line). The
// fault is on the first line k (not before the reported one, which the
// library reached first) such that the lines up to k fail with the same
// message: YAML is read from the top, so a prefix that holds the fault
// fails as the whole file does, and one that stops before it does not.
// It costs one decode per halving of the lines after the reported one.
func locate(data []byte, reported int, msg string) (line, col int) {
	starts := lineStarts(data)
	// The library may name the line after the last one, at the end of the
	// stream.
	hi := len(starts)
	lo := min(max(reported, 1), hi)
	for lo < hi {
		mid := lo + (hi-lo)/2
		if syntaxMessage(data[:lineEnd(data, starts, mid)]) == msg {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo, faultColumn(lineText(data, starts, lo))
}

// lineStarts returns the byte offset of the start of each line.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' && i+1 < len(data) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineEnd returns the offset just past line n (1-based), its newline
// included.
func lineEnd(data []byte, starts []int, n int) int {
	if n < len(starts) {
		return starts[n]
	}
	return len(data)
}

// lineText returns line n (1-based) without its line break.
func lineText(data []byte, starts []int, n int) []byte {
	return bytes.TrimRight(data[starts[n-1]:lineEnd(data, starts, n)], "\r\n")
}

// faultColumn returns the column a fault on line is shown at: a tab in its
// indentation, else its first character that is not a space.
func faultColumn(line []byte) int {
	col := 1
	for len(line) > 0 {
		r, size := utf8.DecodeRune(line)
		if r != ' ' {
			return col
		}
		line = line[size:]
		col++
	}
	return 1
}

// indentedByTab reports whether line's indentation holds a tab.
func indentedByTab(line []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(line, " "), []byte("\t"))
}
