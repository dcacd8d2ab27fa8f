package web

import (
	"fmt"
	"strings"
	"time"

	"rathaus/internal/mining"
)

// Server-rendered charts of the overview: the case-duration histogram as
// bars and the throughput over time as two lines (solid: started, dashed:
// completed), each with a table beside it in the template.

// Chart geometry: the plot area inside a 640×220 view box.
const (
	chartW, chartH       = 640.0, 220.0
	chartLeft, chartBase = 48.0, 180.0
	chartTop             = 12.0
)

// workshopBarChart is a bar chart ready to draw.
type workshopBarChart struct {
	Bars []workshopBar
	Max  int // the value of the top gridline
	W, H float64
}

// workshopBar is one bar with its label and value; ShowLabel says
// whether the axis names it (every bar when there are few).
type workshopBar struct {
	X, Y, Width, Height float64
	LabelX, LabelY      float64
	Label               string
	ShowLabel           bool
	Count               int
}

// maxAxisLabels bounds the labels under the bars, so they do not overlap.
const maxAxisLabels = 8

// barChart draws the histogram's buckets; label names each bucket.
func barChart(buckets []mining.Bucket, label func(mining.Bucket) string) workshopBarChart {
	labels, counts := make([]string, len(buckets)), make([]int, len(buckets))
	for i, b := range buckets {
		labels[i], counts[i] = label(b), b.Count
	}
	return countBars(labels, counts)
}

// countBars draws one bar per count.
func countBars(labels []string, counts []int) workshopBarChart {
	c := workshopBarChart{W: chartW, H: chartH}
	for _, n := range counts {
		c.Max = max(c.Max, n)
	}
	if len(counts) == 0 || c.Max == 0 {
		return c
	}
	slot := (chartW - chartLeft) / float64(len(counts))
	every := (len(counts) + maxAxisLabels - 1) / maxAxisLabels
	for i, n := range counts {
		h := float64(n) / float64(c.Max) * (chartBase - chartTop)
		x := chartLeft + float64(i)*slot
		c.Bars = append(c.Bars, workshopBar{X: x + slot*0.1, Y: chartBase - h, Width: slot * 0.8, Height: h,
			LabelX: x + slot/2, LabelY: chartBase + 16, Label: labels[i], ShowLabel: i%every == 0, Count: n})
	}
	return c
}

// workshopLineChart is the throughput chart.
type workshopLineChart struct {
	Started, Completed string // polyline points
	Max                int
	First, Last        string // the first and last period, for the axis
	W, H               float64
	Rows               []workshopThroughputRow
	More               int // rows left out of the table
}

// workshopThroughputRow is one period of the table.
type workshopThroughputRow struct {
	Period             string
	Started, Completed int
}

// lineChart draws the throughput; periodName writes a period's start.
func lineChart(t mining.Throughput, periodName func(time.Time) string) workshopLineChart {
	c := workshopLineChart{W: chartW, H: chartH}
	pts := t.Points
	for _, p := range pts {
		c.Max = max(c.Max, p.Started, p.Completed)
	}
	if len(pts) == 0 || c.Max == 0 {
		return c
	}
	step := 0.0
	if len(pts) > 1 {
		step = (chartW - chartLeft - 8) / float64(len(pts)-1)
	}
	var s, d strings.Builder
	for i, p := range pts {
		x := chartLeft + float64(i)*step
		fmt.Fprintf(&s, "%.1f,%.1f ", x, chartBase-float64(p.Started)/float64(c.Max)*(chartBase-chartTop))
		fmt.Fprintf(&d, "%.1f,%.1f ", x, chartBase-float64(p.Completed)/float64(c.Max)*(chartBase-chartTop))
	}
	c.Started, c.Completed = strings.TrimSpace(s.String()), strings.TrimSpace(d.String())
	c.First, c.Last = periodName(pts[0].Start), periodName(pts[len(pts)-1].Start)
	// The table shows the latest periods.
	from := max(0, len(pts)-maxRows)
	c.More = from
	for _, p := range pts[from:] {
		c.Rows = append(c.Rows, workshopThroughputRow{periodName(p.Start), p.Started, p.Completed})
	}
	return c
}
