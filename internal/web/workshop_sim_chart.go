package web

import (
	"math"

	"rathaus/internal/mining"
)

// simChart is the simulation's chart: per row (measured, projected) the
// range of the middle 80 % of cases (10th to 90th percentile) as a line,
// the 95 % interval of the median as a bar, the median as a tick and the
// mean as a ring, on a shared time axis. The table beside it has the
// same figures.
type simChart struct {
	Width, Height int
	Rows          []simChartRow
	Ticks         []simTick
	AxisY, TickY  float64
}

// simChartRow is one row of the chart, in SVG coordinates.
type simChartRow struct {
	Label                  string
	Class                  string
	Y, TextY, BarY         float64
	Top, Bottom            float64
	P10, P90, Median, Mean float64
	CILo, CIWidth          float64
}

// simTick is one labelled mark of the time axis.
type simTick struct {
	X     float64
	Label string
}

// Chart geometry.
const (
	simChartWidth = 640
	simChartLeft  = 130
	simChartRight = 20
	simRowHeight  = 60
)

func newSimChart(p Page, res mining.SimResult) simChart {
	top := max(res.Baseline.P90, res.Projected.P90, res.Baseline.MedianCI.Hi, res.Projected.MedianCI.Hi,
		res.Baseline.Mean, res.Projected.Mean)
	if top <= 0 {
		top = 1
	}
	top *= 1.05
	span := float64(simChartWidth - simChartLeft - simChartRight)
	x := func(v float64) float64 { return math.Round((simChartLeft+span*max(v, 0)/top)*10) / 10 }
	c := simChart{Width: simChartWidth}
	for i, e := range []struct {
		label, class string
		est          mining.Estimate
	}{{p.T("workshop_models.sim.baseline"), "wm-sim-baseline", res.Baseline}, {p.T("workshop_models.sim.projected"), "wm-sim-projected", res.Projected}} {
		y := float64(30 + i*simRowHeight)
		lo, hi := x(e.est.MedianCI.Lo), x(e.est.MedianCI.Hi)
		c.Rows = append(c.Rows, simChartRow{Label: e.label, Class: e.class, Y: y, TextY: y + 5, BarY: y - 8, Top: y - 12, Bottom: y + 12,
			P10: x(e.est.P10), P90: x(e.est.P90), Median: x(e.est.Median), Mean: x(e.est.Mean),
			CILo: lo, CIWidth: max(hi-lo, 2)})
	}
	c.AxisY = float64(30 + 2*simRowHeight - 20)
	c.TickY = c.AxisY + 5
	c.Height = int(c.AxisY) + 40
	for i := 0; i <= 4; i++ {
		v := top * float64(i) / 4
		c.Ticks = append(c.Ticks, simTick{X: x(v), Label: checkDuration(p, v)})
	}
	return c
}
