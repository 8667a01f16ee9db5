package chart

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"
)

var d0 = time.Date(2026, 11, 20, 14, 0, 0, 0, time.UTC)

func label(t time.Time) string { return t.Format("Jan 2") }

// elements parses svg as XML and counts its elements by name.
func elements(t *testing.T, svg string) map[string]int {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	n := map[string]int{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return n
		}
		if err != nil {
			t.Fatalf("the chart is not well-formed XML: %v\n%s", err, svg)
		}
		if se, ok := tok.(xml.StartElement); ok {
			n[se.Name.Local]++
		}
	}
}

func TestLine(t *testing.T) {
	mark := 60.0
	c := Line{
		ID: "c1", Title: `Openness & curiosity <script>alert(1)</script>`, Desc: "3 calls",
		YMin: 0, YMax: 100, YTicks: []float64{0, 50, 100}, Mark: &mark, MarkLabel: "pass mark",
		DayLabel: label,
		Series: []Series{
			{Name: "Openness", Class: "series-openness", Data: []XY{{d0, 40, "Nov 20: 40"}, {d0.Add(3 * day), 55, "x"}, {d0.Add(9 * day), 80, `"quoted"`}}},
			{Name: "Curiosity", Class: "series-curiosity", Data: []XY{{d0, 120, "clamped"}}},
		},
	}
	svg := string(c.SVG())
	n := elements(t, svg)
	if n["circle"] != 4 || n["polyline"] != 1 || n["title"] != 5 || n["desc"] != 1 {
		t.Errorf("elements %v: want 4 dots, 1 line (a single point has none), 5 titles, 1 desc", n)
	}
	for _, want := range []string{`role="img"`, `aria-labelledby="c1-title c1-desc"`, "&lt;script&gt;", "&#34;quoted&#34;", ">Nov 2", "pass mark", `class="mark-line"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("the chart lacks %s:\n%s", want, svg)
		}
	}
	if strings.Contains(svg, "<script>") {
		t.Error("a title's markup reached the chart unescaped")
	}
	if strings.Contains(svg, `cy="-`) {
		t.Error("a value above the scale was drawn above the chart")
	}
}

func TestTicks(t *testing.T) {
	tests := []struct {
		name     string
		from, to time.Time // the points' span
		step     time.Duration
	}{
		{"calls minutes apart", d0, d0.Add(10 * time.Minute), 2 * time.Minute},
		{"one call", d0, d0, 2 * time.Minute},
		{"two days", d0, d0.Add(2 * day), 12 * time.Hour},
		{"a week", d0, d0.Add(7 * day), 2 * day},
		{"two months", d0, d0.Add(60 * day), 14 * day},
	}
	for _, tt := range tests {
		c := Line{Series: []Series{{Data: []XY{{X: tt.from}, {X: tt.to}}}}}
		from, to := c.span()
		if from.After(tt.from) || to.Before(tt.to) || to.Sub(from) < minSpan {
			t.Errorf("%s: span %v–%v does not hold the points with room", tt.name, from, to)
		}
		got := ticks(from, to)
		if len(got) < 2 || len(got) > maxXTicks {
			t.Errorf("%s: %d ticks %v, want 2 to %d", tt.name, len(got), got, maxXTicks)
			continue
		}
		for i, tk := range got {
			if !tk.Equal(tk.Truncate(tt.step)) || tk.Before(from) || tk.After(to) || i > 0 && tk.Sub(got[i-1]) != tt.step {
				t.Errorf("%s: tick %v is not a multiple of %v, %v apart inside the span", tt.name, tk, tt.step, tt.step)
			}
		}
	}
}

func TestTickLabels(t *testing.T) {
	c := Line{DayLabel: label}
	noon, midnight := d0.Truncate(day).Add(12*time.Hour), d0.Truncate(day).Add(day)
	for _, tt := range []struct {
		t     time.Time
		first bool
		span  time.Duration
		want  string
	}{
		{noon, false, 10 * day, "Nov 20"},
		{noon, true, time.Hour, "Nov 20 12:00"},
		{noon, false, time.Hour, "12:00"},
		{midnight, false, day, "Nov 21 00:00"},
	} {
		if got := c.tickLabel(tt.t, tt.first, tt.span); got != tt.want {
			t.Errorf("tickLabel(%v, first %v, span %v) = %q, want %q", tt.t, tt.first, tt.span, got, tt.want)
		}
	}
}
