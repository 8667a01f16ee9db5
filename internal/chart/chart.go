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
	// TimeLabel labels a time of day, on the axis of calls made within
	// a few days; nil: 15:04.
	TimeLabel func(time.Time) string
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
	for i, t := range ticks(from, to) {
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%d" y2="%d"/><text x="%.1f" y="%d" text-anchor="middle">%s</text>`,
			x(t), x(t), height-padBottom, height-padBottom+4, x(t), height-8, esc(c.tickLabel(t, i == 0, to.Sub(from))))
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

// span is the time axis: the first point to the last, padded by a
// twentieth on each side and at least minSpan long, so that calls made
// minutes apart do not fall on one spot and a single call sits inside.
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
	from, to = from.UTC(), to.UTC()
	pad := max(to.Sub(from)/20, (minSpan-to.Sub(from))/2)
	return from.Add(-pad), to.Add(pad)
}

// minSpan is the shortest time axis.
const minSpan = 10 * time.Minute

// tickSteps are the spacings the time axis may have, shortest first.
var tickSteps = []time.Duration{
	time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute,
	time.Hour / 4, time.Hour / 2, time.Hour, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour,
	day, 2 * day, 7 * day, 14 * day, 28 * day, 56 * day, 91 * day, 182 * day, 364 * day,
}

// ticks are the times between from and to at the shortest step that
// gives at most maxXTicks of them, each a whole multiple of the step from
// midnight UTC (whole days from the Unix epoch's midnight for day steps).
func ticks(from, to time.Time) []time.Time {
	step := tickSteps[len(tickSteps)-1]
	for _, s := range tickSteps {
		if to.Sub(from)/s < maxXTicks {
			step = s
			break
		}
	}
	first := from.Truncate(step)
	if first.Before(from) {
		first = first.Add(step)
	}
	var out []time.Time
	for t := first; !t.After(to); t = t.Add(step) {
		out = append(out, t)
	}
	return out
}

// tickLabel labels tick t of an axis span long: its day on an axis of
// days, else the time of day, with the day at the first tick and at
// midnight.
func (c Line) tickLabel(t time.Time, first bool, span time.Duration) string {
	if span >= 3*day {
		return c.DayLabel(t)
	}
	clock := t.Format("15:04")
	if c.TimeLabel != nil {
		clock = c.TimeLabel(t)
	}
	if first || t.Equal(t.Truncate(day)) {
		return c.DayLabel(t) + " " + clock
	}
	return clock
}

// trim formats a tick value without trailing zeros.
func trim(v float64) string { return fmt.Sprintf("%g", v) }
