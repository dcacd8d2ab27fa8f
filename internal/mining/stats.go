package mining

import (
	"cmp"
	"slices"
	"time"

	"rathaus/internal/eventlog"
)

// Overview is the first page of an analysis: the size of the log, how
// cases start and end, how long they take and how many come and go.
type Overview struct {
	Cases           int             `json:"cases"`
	Events          int             `json:"events"`
	Activities      int             `json:"activities"`
	Variants        int             `json:"variants"`
	StartActivities []ActivityCount `json:"start_activities"` // most frequent first
	EndActivities   []ActivityCount `json:"end_activities"`
	// Duration is the calendar time from a case's first to its last event,
	// over the cases with timestamps.
	Duration   Dist       `json:"case_duration_s"`
	Histogram  []Bucket   `json:"duration_histogram"`
	Throughput Throughput `json:"throughput"`
	First      time.Time  `json:"first,omitzero"` // earliest timestamp (UTC)
	Last       time.Time  `json:"last,omitzero"`
	SpanS      float64    `json:"span_s"`
}

// ActivityCount is an activity with a number of cases or events.
type ActivityCount struct {
	Activity string `json:"activity"`
	Count    int    `json:"count"`
}

// Bucket is one bar of a histogram of durations: FromS <= d < ToS, except
// that a bucket beyond a year ends at (and includes) the longest duration.
type Bucket struct {
	FromS float64 `json:"from_s"`
	ToS   float64 `json:"to_s"`
	Count int     `json:"count"`
}

// Throughput is how many cases started and completed per period.
type Throughput struct {
	Period string        `json:"period"` // day, week or month
	Points []PeriodCount `json:"points"`
}

// PeriodCount is one period of a throughput series.
type PeriodCount struct {
	Start     time.Time `json:"start"`
	Started   int       `json:"started"`
	Completed int       `json:"completed"`
}

// Stats computes the overview of l.
func Stats(l *eventlog.Log) Overview {
	nodes := activityNodes(l)
	o := Overview{Cases: len(l.Cases), Events: l.NumEvents(), Activities: len(nodes),
		Variants: len(groupVariants(l).first)}
	for _, n := range nodes {
		if n.Start > 0 {
			o.StartActivities = append(o.StartActivities, ActivityCount{n.Activity, n.Start})
		}
		if n.End > 0 {
			o.EndActivities = append(o.EndActivities, ActivityCount{n.Activity, n.End})
		}
	}
	byCount := func(a, b ActivityCount) int { return cmp.Compare(b.Count, a.Count) }
	slices.SortStableFunc(o.StartActivities, byCount)
	slices.SortStableFunc(o.EndActivities, byCount)
	d := timedOnly(caseDurations(l))
	o.Duration = DistOf(d)
	o.Histogram = Histogram(d)
	first, last, ok := logSpan(l)
	if ok {
		o.First, o.Last = time.Unix(0, first).UTC(), time.Unix(0, last).UTC()
		o.SpanS = seconds(last - first)
		o.Throughput = throughput(l, newPeriods("", first, last))
	}
	return o
}

// logSpan is the earliest and latest timestamp of l.
func logSpan(l *eventlog.Log) (first, last int64, ok bool) { return timeSpan(l.Time) }

// throughput counts the cases starting and completing in each period.
func throughput(l *eventlog.Log, p periods) Throughput {
	tp := Throughput{Period: p.kind, Points: make([]PeriodCount, p.n)}
	for i, s := range p.starts() {
		tp.Points[i].Start = s
	}
	for i := range l.Cases {
		first, last, ok := caseSpan(l, i)
		if !ok {
			continue
		}
		tp.Points[p.index(first)].Started++
		tp.Points[p.index(last)].Completed++
	}
	return tp
}

// histogramBounds are the bucket limits in seconds: one minute, five
// minutes, a quarter hour, an hour, four hours, a day, two days, a week, two
// weeks, a month, a quarter, half a year, a year — roughly logarithmic and
// easy to read.
var histogramBounds = []float64{0, 60, 300, 900, 3600, 4 * 3600, 86400, 2 * 86400, 7 * 86400,
	14 * 86400, 30 * 86400, 91 * 86400, 182 * 86400, 365 * 86400}

// Histogram sorts durations (seconds) into roughly logarithmic buckets,
// leaving out the empty ones before the first and after the last
// duration.
func Histogram(durations []float64) []Bucket {
	if len(durations) == 0 {
		return nil
	}
	b := make([]Bucket, len(histogramBounds))
	longest := 0.0
	for i, from := range histogramBounds {
		b[i].FromS = from
		if i+1 < len(histogramBounds) {
			b[i].ToS = histogramBounds[i+1]
		}
	}
	for _, d := range durations {
		longest = max(longest, d)
		i, found := slices.BinarySearch(histogramBounds, d)
		if !found {
			i--
		}
		b[max(i, 0)].Count++
	}
	lo, hi := 0, len(b)
	for lo < hi && b[lo].Count == 0 {
		lo++
	}
	for hi > lo && b[hi-1].Count == 0 {
		hi--
	}
	b = b[lo:hi]
	if last := &b[len(b)-1]; last.ToS == 0 {
		last.ToS = longest // the open-ended bucket
	}
	return b
}
