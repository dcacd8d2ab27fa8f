package mining

import (
	"time"
)

// Period names for time series.
const (
	PeriodDay   = "day"
	PeriodWeek  = "week"
	PeriodMonth = "month"
)

// periodFor picks a period that gives a readable number of points for a
// log spanning span: days up to three months, weeks up to two years,
// months beyond.
func periodFor(span time.Duration) string {
	switch {
	case span <= 92*24*time.Hour:
		return PeriodDay
	case span <= 2*366*24*time.Hour:
		return PeriodWeek
	}
	return PeriodMonth
}

// periods numbers the periods (in UTC; weeks start on Monday) from the one
// holding first to the one holding last.
type periods struct {
	kind  string
	first int64 // number of the first period
	n     int
}

const nsPerDay = int64(24 * time.Hour)

func newPeriods(kind string, first, last int64) periods {
	if kind != PeriodDay && kind != PeriodWeek && kind != PeriodMonth {
		kind = periodFor(time.Duration(last - first))
	}
	p := periods{kind: kind}
	p.first = p.number(first)
	p.n = int(p.number(last)-p.first) + 1
	return p
}

// number is the absolute number of the period holding ns.
func (p periods) number(ns int64) int64 {
	switch p.kind {
	case PeriodDay:
		return floorDiv(ns, nsPerDay)
	case PeriodWeek:
		return floorDiv(floorDiv(ns, nsPerDay)+3, 7) // 1970-01-01 was a Thursday
	}
	t := time.Unix(0, ns).UTC()
	return int64(t.Year())*12 + int64(t.Month()) - 1
}

// index is the position of the period holding ns.
func (p periods) index(ns int64) int { return int(p.number(ns) - p.first) }

// start is the beginning of period i.
func (p periods) start(i int) time.Time {
	k := p.first + int64(i)
	switch p.kind {
	case PeriodDay:
		return time.Unix(0, k*nsPerDay).UTC()
	case PeriodWeek:
		return time.Unix(0, (k*7-3)*nsPerDay).UTC()
	}
	return time.Date(int(k/12), time.Month(k%12+1), 1, 0, 0, 0, 0, time.UTC)
}

// starts lists the beginning of every period.
func (p periods) starts() []time.Time {
	out := make([]time.Time, p.n)
	for i := range out {
		out[i] = p.start(i)
	}
	return out
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
