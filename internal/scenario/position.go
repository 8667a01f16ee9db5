package scenario

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
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
func syntaxMessage(data []byte) string {
	msg, _ := syntaxErrorOf(data)
	return msg
}

// syntaxErrorOf is syntaxMessage that also returns the line the library
// named (0: none).
func syntaxErrorOf(data []byte) (msg string, line int) {
	defer func() {
		if recover() != nil {
			msg, line = "", 0 // decode guards against the same panic and reports it
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
		return "", 0
	}
	msg = err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return m[2], n
	}
	return trimYAMLPrefix(msg), 0
}

// locate returns the line and column (1-based, in characters) of the fault
// the YAML library reported as msg at line reported (0: no line). The
// fault is on the first line k (not before the reported one, which the
// library reached first) such that the lines up to k fail with the same
// message: YAML is read from the top, so a prefix that holds the fault
// fails as the whole file does, and one that stops before it does not.
//
// The fault is mostly on the reported line or just after it, so the
// search gallops forward from there before it halves: one or two decodes
// in the common case, about two per halving of the distance at worst
// (BenchmarkHostile measures a fault at the end of a 1 MiB file), and
// never more than maxLocateBytes of decoding.
func locate(data []byte, reported int, msg string) (line, col int) {
	starts := lineStarts(data)
	// The library may name the line after the last one, at the end of the
	// stream.
	n := len(starts)
	reported = min(max(reported, 1), n)
	if strings.HasSuffix(msg, "end of stream") {
		// Something left open (a quote, a bracket) runs to the end: show
		// where it opens, the first line whose prefix ends the same way.
		reported = 1
	}
	decoded, over := 0, false
	line = firstFailing(reported, n, func(k int) bool {
		end := lineEnd(data, starts, k)
		if decoded += end; decoded > maxLocateBytes {
			over = true
			return true // stop: the answer is not used
		}
		return syntaxMessage(data[:end]) == msg
	})
	if over {
		line = reported
	}
	return line, faultColumn(lineText(data, starts, line))
}

// maxLocateBytes bounds the bytes locate decodes for one error: enough to
// search any file of up to 200 KiB (eight times the largest shipped one)
// to the end; past it a file keeps the line the library named.
const maxLocateBytes = 4 << 20

// firstFailing returns the first k in [lo, hi] for which fails holds,
// given that it holds at hi and, once it holds, for every k after: it
// tries lo, lo+1, lo+3, lo+7, … and then halves the last gap.
func firstFailing(lo, hi int, fails func(int) bool) int {
	step := 1
	for lo < hi {
		probe := min(lo+step-1, hi)
		if fails(probe) {
			hi = probe
			break
		}
		lo, step = probe+1, step*2
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
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
