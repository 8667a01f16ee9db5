package scenario

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxAlignCells bounds the table mergeLines aligns two texts with (cells
// of 4 bytes); a longer difference is not aligned and the edited file is
// written as the YAML library writes it.
const maxAlignCells = 2_500_000

// mergeLines returns the file orig with the edit made: before and after
// are two writings of the YAML tree of orig by the YAML library, before
// and after the edit. before differs from orig only in how the library
// writes (a folded text in one line, blank lines dropped); the lines
// where before and after differ are found, and replaced in orig by
// after's, so that every other line of orig stays as it was. When a
// change cannot be placed in orig (its lines are written differently
// there), the replaced part grows to lines both agree on; when the result
// would not read as after does, after itself is returned.
func mergeLines(orig, before, after []byte) []byte {
	o, b, a := splitLines(orig), splitLines(before), splitLines(after)
	toA, ok := alignLines(b, a)
	if !ok {
		return after
	}
	toO, ok := alignLines(b, o)
	if !ok {
		return after
	}
	var out bytes.Buffer
	done := 0 // lines of orig written
	for _, h := range placeHunks(changes(b, a, toA), toO, len(b)) {
		from, to := span(h, toO, len(b), len(o))
		if from < done {
			return after // changes that overlap in orig: not placed
		}
		// Blank lines of orig around the part are kept: the library
		// writes none, so they are no part of the change.
		var tail []string
		for to > from && strings.TrimSpace(o[to-1]) == "" {
			tail = append([]string{o[to-1]}, tail...)
			to--
		}
		for from < to && strings.TrimSpace(o[from]) == "" {
			from++
		}
		for _, part := range [][]string{o[done:from], a[h.alo:h.ahi], tail} {
			for _, l := range part {
				out.WriteString(l)
			}
		}
		done = to + len(tail)
	}
	for _, l := range o[done:] {
		out.WriteString(l)
	}
	merged := out.Bytes()
	// Check: the merged file must be the edited tree.
	var doc yaml.Node
	if err := yaml.Unmarshal(merged, &doc); err != nil {
		return after
	}
	if again, err := encodeYAML(&doc); err != nil || !bytes.Equal(again, after) {
		return after
	}
	return merged
}

// hunk is one change: the lines b[blo:bhi] became a[alo:ahi].
type hunk struct{ blo, bhi, alo, ahi int }

// changes lists the changes from b to a, m matching b's lines to a's.
func changes(b, a []string, m []int) []hunk {
	var hs []hunk
	i, j := 0, 0
	for i < len(b) || j < len(a) {
		if i < len(b) && m[i] == j {
			i, j = i+1, j+1
			continue
		}
		h := hunk{blo: i, alo: j}
		for i < len(b) && m[i] < 0 {
			i++
		}
		j = len(a)
		if i < len(b) {
			j = m[i]
		}
		h.bhi, h.ahi = i, j
		hs = append(hs, h)
	}
	return hs
}

// placeHunks grows each change until its place in orig is known: its
// first line or the line before it, and its last line or the line after
// it, are lines of orig (toO >= 0); changes that meet are joined. n is
// the number of lines of before.
func placeHunks(hs []hunk, toO []int, n int) []hunk {
	startKnown := func(h hunk) bool {
		return h.blo == 0 || toO[h.blo-1] >= 0 || (h.blo < h.bhi && toO[h.blo] >= 0)
	}
	endKnown := func(h hunk) bool {
		return h.bhi == n || toO[h.bhi] >= 0 || (h.blo < h.bhi && toO[h.bhi-1] >= 0)
	}
	var out []hunk
	for _, h := range hs {
		for !startKnown(h) {
			if k := len(out) - 1; k >= 0 && out[k].bhi == h.blo {
				h.blo, h.alo = out[k].blo, out[k].alo
				out = out[:k]
				continue
			}
			h.blo, h.alo = h.blo-1, h.alo-1
		}
		if k := len(out) - 1; k >= 0 && out[k].bhi > h.blo {
			h.blo, h.alo = out[k].blo, out[k].alo
			out = out[:k]
		}
		out = append(out, h)
	}
	// Then downwards, joining with the next change met.
	var res []hunk
	for i := 0; i < len(out); i++ {
		h := out[i]
		for !endKnown(h) {
			if i+1 < len(out) && out[i+1].blo == h.bhi {
				h.bhi, h.ahi = out[i+1].bhi, out[i+1].ahi
				i++
				continue
			}
			h.bhi, h.ahi = h.bhi+1, h.ahi+1
		}
		for i+1 < len(out) && out[i+1].blo < h.bhi {
			h.bhi, h.ahi = out[i+1].bhi, out[i+1].ahi
			i++
		}
		res = append(res, h)
	}
	return res
}

// span is the lines of orig that the change h replaces.
func span(h hunk, toO []int, n, lines int) (from, to int) {
	switch {
	case h.blo < h.bhi && toO[h.blo] >= 0:
		from = toO[h.blo]
	case h.blo > 0:
		from = toO[h.blo-1] + 1
	}
	switch {
	case h.blo < h.bhi && toO[h.bhi-1] >= 0:
		to = toO[h.bhi-1] + 1
	case h.bhi < n:
		to = toO[h.bhi]
	default:
		to = lines
	}
	return from, to
}

// splitLines cuts s after each newline; the last line may lack one.
func splitLines(s []byte) []string {
	var out []string
	for len(s) > 0 {
		i := bytes.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, string(s))
			break
		}
		out = append(out, string(s[:i+1]))
		s = s[i+1:]
	}
	return out
}

// alignLines matches the lines of x to equal lines of y in order (a
// longest common subsequence): match[i] is the line of y that x[i] is,
// or -1. ok is false when the texts differ too much to align within
// maxAlignCells.
func alignLines(x, y []string) (match []int, ok bool) {
	match = make([]int, len(x))
	for i := range match {
		match[i] = -1
	}
	// Equal heads and tails match one to one.
	p := 0
	for p < len(x) && p < len(y) && x[p] == y[p] {
		match[p] = p
		p++
	}
	s := 0
	for s < len(x)-p && s < len(y)-p && x[len(x)-1-s] == y[len(y)-1-s] {
		match[len(x)-1-s] = len(y) - 1 - s
		s++
	}
	xm, ym := x[p:len(x)-s], y[p:len(y)-s]
	n, m := len(xm), len(ym)
	if n == 0 || m == 0 {
		return match, true
	}
	if (n+1)*(m+1) > maxAlignCells {
		return nil, false
	}
	// t[i*w+j] is the length of the longest common subsequence of xm[i:]
	// and ym[j:].
	w := m + 1
	t := make([]int32, (n+1)*w)
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case xm[i] == ym[j]:
				t[i*w+j] = t[(i+1)*w+j+1] + 1
			case t[(i+1)*w+j] >= t[i*w+j+1]:
				t[i*w+j] = t[(i+1)*w+j]
			default:
				t[i*w+j] = t[i*w+j+1]
			}
		}
	}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case xm[i] == ym[j]:
			match[p+i] = p + j
			i++
			j++
		case t[(i+1)*w+j] >= t[i*w+j+1]:
			i++
		default:
			j++
		}
	}
	return match, true
}
