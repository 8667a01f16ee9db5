package ui

import (
	"fmt"
	"html/template"
	"time"

	"github.com/openline/openline/internal/chart"
	"github.com/openline/openline/internal/progress"
)

// scoreTicks are the grid lines of a score chart.
var scoreTicks = []float64{0, 25, 50, 75, 100}

// Trend is the chart of one difficulty's calls (package progress): one
// line for openness and one for curiosity over real dates, in the page's
// language. Each chart on a page has its own id.
func (p *page) Trend(id string, lane progress.Lane) template.HTML {
	diff := p.T("difficulty." + string(lane.Difficulty))
	open, cur := p.T("score.openness"), p.T("score.curiosity")
	so := chart.Series{Name: open, Class: "series-openness"}
	sc := chart.Series{Name: cur, Class: "series-curiosity"}
	for _, pt := range lane.Points {
		day := p.Date(pt.At)
		of := func(name string, v int) string {
			if pt.Calls > 1 {
				return p.Tf("progress.point.mean", "day", day, "name", name, "score", v, "n", pt.Calls)
			}
			return p.Tf("progress.point", "day", day, "name", name, "score", v)
		}
		so.Data = append(so.Data, chart.XY{X: pt.At, Y: float64(pt.Score.Openness), Label: of(open, pt.Score.Openness)})
		sc.Data = append(sc.Data, chart.XY{X: pt.At, Y: float64(pt.Score.Curiosity), Label: of(cur, pt.Score.Curiosity)})
	}
	var from, to time.Time
	if n := len(lane.Points); n > 0 {
		from, to = lane.Points[0].At, lane.Points[n-1].At
	}
	c := chart.Line{
		ID:    id,
		Title: p.Tf("progress.chart.title", "difficulty", diff),
		Desc: p.Tn("progress.chart.desc", lane.Calls, "from", p.Date(from), "to", p.Date(to),
			"o1", lane.First.Openness, "o2", lane.Last.Openness, "c1", lane.First.Curiosity, "c2", lane.Last.Curiosity),
		Series: []chart.Series{so, sc},
		YMin:   0, YMax: 100, YTicks: scoreTicks,
		DayLabel: func(t time.Time) string { return dayLabel(t, p.Lang, false) },
	}
	return c.SVG()
}

// Points formats a cost or a score of a behaviour: whole points.
func (p *page) Points(v float64) string { return fmt.Sprintf("%.0f", v) }
