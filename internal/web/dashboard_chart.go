package web

import (
	"fmt"
	"math"
	"strings"
)

// Server-rendered charts of the dashboards: stacked bars (cases by
// channel, the form's funnel) and lines (shares, durations). Every
// chart is an SVG with role="img", a title and a description, and its
// numbers stand in a table beside it. Series differ by pattern, dash
// and marker shape as well as colour, and the legend names them.

// Geometry of the plot inside a 640×250 view box.
const (
	dcW, dcH          = 640.0, 250.0
	dcLeft, dcRight   = 64.0, 16.0
	dcTop, dcBase     = 16.0, 190.0
	dcXLabelY         = 206.0
	dcLegendY         = 236.0
	dcMaxXLabels      = 12
	dcPatternHidden   = 6 // the pattern of cells not shown
	dcMarkerSize      = 3.5
	dcLegendItemWidth = 150.0
)

// dcColours are the series' colours, each at least 3:1 against white.
var dcColours = []string{"#1f4f82", "#b3261e", "#2e6b30", "#6b3fa0", "#8a4b00", "#1a1a1a", "#6b6b6b"}

// dcMarkers are the line series' marker shapes, in order.
var dcMarkers = []string{"circle", "square", "triangle"}

// dcDashes are the line series' dash patterns, in order.
var dcDashes = []string{"", "6 4", "2 3"}

// dashChart is one chart ready to draw, with its table.
type dashChart struct {
	ID         string // unique on the page; prefixes the pattern ids
	Heading    string
	Explain    string // a sentence under the heading
	Desc       string // the SVG's description
	W, H       float64
	Base, Left float64
	Right      float64
	YTicks     []dcTick
	XTicks     []dcTick
	Bars       []dcBar
	Lines      []dcLine
	Legend     []dcLegend
	Notes      []dcTick // text over bars that are not drawn ("< 5")
	Patterns   []dcPattern
	Table      dashTable
}

type dcTick struct {
	X, Y  float64
	Label string
}

// dcBar is one bar segment, filled with pattern Pattern.
type dcBar struct {
	X, Y, W, H float64
	Fill       string // url(#<pattern id>)
	Label      string // the segment's tooltip: name and value
}

// dcLine is one series: polylines (gaps where figures are missing) and
// markers at each point.
type dcLine struct {
	Colour, Dash string
	Segments     []string
	Points       []dcPoint
	Marker       string
}

type dcPoint struct {
	X, Y     float64
	SqX, SqY float64 // the square marker's corner
	Tri      string  // the triangle marker's points
	Label    string
	Colour   string
	Marker   string // circle, square or triangle
}

func (l dcLine) point(x, y float64, label string) dcPoint {
	d := dcMarkerSize
	return dcPoint{X: x, Y: y, SqX: round1(x - d), SqY: round1(y - d), Label: label, Colour: l.Colour, Marker: l.Marker,
		Tri: fmt.Sprintf("%.1f,%.1f %.1f,%.1f %.1f,%.1f", x, y-d-1, x-d-1, y+d, x+d+1, y+d)}
}

// dcLegend is one legend entry: a swatch (pattern or line) and a name.
type dcLegend struct {
	X, Y    float64
	TextX   float64
	TextY   float64
	Name    string
	Fill    string // for bars
	Line    *dcLine
	LineEnd float64
	Marker  dcPoint
}

// dcPattern is a fill: a colour with a hatching, so that neighbours
// differ without colour.
type dcPattern struct {
	ID     string
	Colour string
	Kind   string // solid, diagonal, dots, cross, horizontal, vertical, hidden
}

var dcPatternKinds = []string{"solid", "diagonal", "dots", "cross", "horizontal", "vertical", "hidden"}

func (c *dashChart) patterns() {
	c.Patterns = make([]dcPattern, len(dcPatternKinds))
	for i, k := range dcPatternKinds {
		c.Patterns[i] = dcPattern{ID: c.patternID(i), Colour: dcColours[i], Kind: k}
	}
}

func (c *dashChart) patternID(i int) string { return fmt.Sprintf("%s-p%d", c.ID, i) }

func (c *dashChart) fill(i int) string { return "url(#" + c.patternID(i) + ")" }

// dashTable is the data table beside a chart.
type dashTable struct {
	Caption string
	Head    []string // the first names the row header column
	Rows    []dashRow
	Foot    *dashRow // the whole range
}

type dashRow struct {
	Head  string
	Cells []string
}

// niceMax rounds v up to 1, 2 or 5 times a power of ten.
func niceMax(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

func newDashChart(id string) dashChart {
	return dashChart{ID: id, W: dcW, H: dcH, Base: dcBase, Left: dcLeft, Right: dcW - dcRight}
}

// xSlots places n categories (months) along the axis: the middle of
// each slot and its width; labels on at most dcMaxXLabels of them.
func (c *dashChart) xSlots(labels []string) (mid []float64, slot float64) {
	n := len(labels)
	slot = (dcW - dcLeft - dcRight) / float64(max(n, 1))
	every := (n + dcMaxXLabels - 1) / dcMaxXLabels
	for i, l := range labels {
		x := dcLeft + slot*(float64(i)+0.5)
		mid = append(mid, x)
		if i%max(every, 1) == 0 {
			c.XTicks = append(c.XTicks, dcTick{X: round1(x), Y: dcXLabelY, Label: l})
		}
	}
	return mid, slot
}

// yAxis sets three gridlines from 0 to top, labelled by format.
func (c *dashChart) yAxis(top float64, format func(float64) string) {
	for i := 0; i <= 2; i++ {
		v := top * float64(i) / 2
		c.YTicks = append(c.YTicks, dcTick{X: dcLeft - 6, Y: round1(c.y(v, top)), Label: format(v)})
	}
}

func (c *dashChart) y(v, top float64) float64 { return dcBase - v/top*(dcBase-dcTop) }

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// dcStack is one stacked bar: its segments' values by pattern, and a
// note when the bar is not drawn.
type dcStack struct {
	Label    string // the category, for the tooltips
	Segments []dcSegment
	Note     string // drawn instead of a bar, e.g. "< 5"
}

type dcSegment struct {
	Name    string
	Value   float64
	Pattern int
	Shown   string // the value as the table shows it
}

// stackedBars draws one stacked bar per category.
func (c *dashChart) stackedBars(labels []string, stacks []dcStack, format func(float64) string) {
	c.patterns()
	top := 0.0
	for _, st := range stacks {
		sum := 0.0
		for _, sg := range st.Segments {
			sum += sg.Value
		}
		top = max(top, sum)
	}
	top = niceMax(top)
	c.yAxis(top, format)
	mid, slot := c.xSlots(labels)
	for i, st := range stacks {
		y := dcBase
		for _, sg := range st.Segments {
			if sg.Value <= 0 {
				continue
			}
			h := sg.Value / top * (dcBase - dcTop)
			y -= h
			c.Bars = append(c.Bars, dcBar{X: round1(mid[i] - slot*0.35), Y: round1(y), W: round1(slot * 0.7), H: round1(h),
				Fill: c.fill(sg.Pattern), Label: st.Label + ", " + sg.Name + ": " + sg.Shown})
		}
		if st.Note != "" {
			c.Notes = append(c.Notes, dcTick{X: round1(mid[i]), Y: dcBase - 4, Label: st.Note})
		}
	}
}

// dcSeries is one line: a name and a value per category (nil: none).
type dcSeries struct {
	Name   string
	Values []*float64
}

// lines draws the series against a shared axis from 0 to top (0: the
// nicest above the largest value).
func (c *dashChart) lines(labels []string, series []dcSeries, top float64, format func(float64) string) {
	if top <= 0 {
		for _, s := range series {
			for _, v := range s.Values {
				if v != nil {
					top = max(top, *v)
				}
			}
		}
		top = niceMax(top)
	}
	c.yAxis(top, format)
	mid, _ := c.xSlots(labels)
	for k, s := range series {
		l := dcLine{Colour: dcColours[k%len(dcColours)], Dash: dcDashes[k%len(dcDashes)], Marker: dcMarkers[k%len(dcMarkers)]}
		var seg strings.Builder
		flush := func() {
			if seg.Len() > 0 {
				l.Segments = append(l.Segments, strings.TrimSpace(seg.String()))
				seg.Reset()
			}
		}
		for i, v := range s.Values {
			if v == nil {
				flush()
				continue
			}
			x, y := round1(mid[i]), round1(c.y(min(*v, top), top))
			fmt.Fprintf(&seg, "%.1f,%.1f ", x, y)
			l.Points = append(l.Points, l.point(x, y, labels[i]+", "+s.Name+": "+format(*v)))
		}
		flush()
		c.Lines = append(c.Lines, l)
	}
	for k, s := range series {
		x := dcLeft + float64(k)*dcLegendItemWidth*1.3
		c.Legend = append(c.Legend, dcLegend{X: x, Y: dcLegendY - 4, LineEnd: x + 28, TextX: x + 34, TextY: dcLegendY, Name: s.Name,
			Line: &c.Lines[k], Marker: c.Lines[k].point(x+14, dcLegendY-4, "")})
	}
}

// barLegend adds a legend entry per pattern used, in rows.
func (c *dashChart) barLegend(names []string, patterns []int) {
	perRow := 4
	for k, n := range names {
		row := k / perRow
		x, y := dcLeft+float64(k%perRow)*dcLegendItemWidth, dcLegendY+float64(row)*16
		c.Legend = append(c.Legend, dcLegend{X: x, Y: y - 10, TextX: x + 18, TextY: y, Name: n, Fill: c.fill(patterns[k])})
	}
	rows := (len(names) + perRow - 1) / perRow
	c.H = dcLegendY + float64(rows-1)*16 + 12
}
