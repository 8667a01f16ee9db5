// Package chart writes small line charts as inline SVG on the server: no
// chart framework, no script. A chart is accessible on its own (role img,
// a title and a description); the page puts a table of the same numbers
// beside it. Every text it takes is escaped.
package chart

import (
	"fmt"
	"html/template"
	"math"
	"strings"
	"time"
)

// XY is one point: a time and a value on the chart's scale.
type XY struct {
	X     time.Time
	Y     float64
	Label string // the point's tooltip
}

// Series is one line.
type Series struct {
	Name  string // shown in the tooltip
	Class string // CSS class of the line and its dots (series-openness …)
	Data  []XY   // oldest first
}

// Line is a line chart of values over time.
type Line struct {
	ID          string // unique on the page; prefixes the ids of title and desc
	Title, Desc string
	Series      []Series
	YMin, YMax  float64                // the value scale
	YTicks      []float64              // grid lines with labels
	Mark        *float64               // a dashed reference line (a pass mark), nil for none
	MarkLabel   string                 // its label
	DayLabel    func(time.Time) string // the label of a day on the time axis
}

// Size of the drawing, in SVG user units (the CSS scales it to the width).
const (
	width, height     = 640, 220
	padLeft, padRight = 34, 12
	padTop, padBottom = 10, 26
	maxXTicks         = 6
	day               = 24 * time.Hour
	dotRadius         = 3.5
)

// SVG renders the chart.
func (c Line) SVG() template.HTML {
	var b strings.Builder
	esc := template.HTMLEscapeString
	tid, did := c.ID+"-title", c.ID+"-desc"
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-labelledby="%s %s" id="%s">`,
		width, height, esc(tid), esc(did), esc(c.ID))
	fmt.Fprintf(&b, `<title id="%s">%s</title><desc id="%s">%s</desc>`, esc(tid), esc(c.Title), esc(did), esc(c.Desc))

	from, to := c.span()
	x := func(t time.Time) float64 {
		return padLeft + float64(t.Sub(from))/float64(to.Sub(from))*(width-padLeft-padRight)
	}
	y := func(v float64) float64 {
		v = math.Max(c.YMin, math.Min(c.YMax, v))
		return padTop + (c.YMax-v)/(c.YMax-c.YMin)*(height-padTop-padBottom)
	}

	b.WriteString(`<g class="grid" aria-hidden="true">`)
	for _, v := range c.YTicks {
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f"/><text x="%d" y="%.1f" text-anchor="end" dominant-baseline="middle">%s</text>`,
			padLeft, width-padRight, y(v), y(v), padLeft-6, y(v), esc(trim(v)))
	}
	b.WriteString(`</g><g class="axis" aria-hidden="true">`)
	fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%d" y2="%d"/>`, padLeft, width-padRight, height-padBottom, height-padBottom)
	for _, t := range dayTicks(from, to) {
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%d" y2="%d"/><text x="%.1f" y="%d" text-anchor="middle">%s</text>`,
			x(t), x(t), height-padBottom, height-padBottom+4, x(t), height-8, esc(c.DayLabel(t)))
	}
	b.WriteString(`</g>`)
	if c.Mark != nil {
		fmt.Fprintf(&b, `<g aria-hidden="true"><line class="mark-line" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/><text x="%d" y="%.1f" text-anchor="end">%s</text></g>`,
			padLeft, width-padRight, y(*c.Mark), y(*c.Mark), width-padRight, y(*c.Mark)-4, esc(c.MarkLabel))
	}
	for _, s := range c.Series {
		fmt.Fprintf(&b, `<g class="%s">`, esc(s.Class))
		if len(s.Data) > 1 {
			b.WriteString(`<polyline points="`)
			for i, p := range s.Data {
				if i > 0 {
					b.WriteByte(' ')
				}
				fmt.Fprintf(&b, "%.1f,%.1f", x(p.X), y(p.Y))
			}
			b.WriteString(`"/>`)
		}
		for _, p := range s.Data {
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="%.1f"><title>%s</title></circle>`, x(p.X), y(p.Y), dotRadius, esc(p.Label))
		}
		b.WriteString(`</g>`)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) //nolint:gosec // every text above is escaped
}

// span is the time axis: from the first day to the day after the last, at
// least two days, so a single call sits inside the chart.
func (c Line) span() (from, to time.Time) {
	first := true
	for _, s := range c.Series {
		for _, p := range s.Data {
			if first || p.X.Before(from) {
				from = p.X
			}
			if first || p.X.After(to) {
				to = p.X
			}
			first = false
		}
	}
	from = from.UTC().Truncate(day)
	to = to.UTC().Truncate(day).Add(day)
	if to.Sub(from) < 2*day {
		from = from.Add(-day / 2)
		to = to.Add(day / 2)
	}
	return from, to
}

// dayTicks are midnights between from and to, at most maxXTicks of them,
// evenly a whole number of days apart.
func dayTicks(from, to time.Time) []time.Time {
	days := int(math.Ceil(float64(to.Sub(from)) / float64(day)))
	step := max(1, int(math.Ceil(float64(days)/(maxXTicks-1))))
	first := from.Truncate(day)
	if first.Before(from) {
		first = first.Add(day)
	}
	var out []time.Time
	for t := first; !t.After(to); t = t.Add(time.Duration(step) * day) {
		out = append(out, t)
	}
	return out
}

// trim formats a tick value without trailing zeros.
func trim(v float64) string { return fmt.Sprintf("%g", v) }
