package mining

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"rathaus/internal/eventlog"
)

// logStart is the time the events of the hand-built logs count from.
var logStart = time.Date(2024, 3, 4, 8, 0, 0, 0, time.UTC) // a Monday

// buildLog makes a log from lines "case activity minutes [resource]", the
// minutes after logStart; "-" for minutes means no timestamp.
func buildLog(t testing.TB, lines ...string) *eventlog.Log {
	t.Helper()
	b := eventlog.NewBuilder("test", len(lines))
	for _, line := range lines {
		f := strings.Fields(line)
		if len(f) < 3 {
			t.Fatalf("bad line %q", line)
		}
		ts := eventlog.NoTime
		if f[2] != "-" {
			m, err := strconv.ParseFloat(f[2], 64)
			if err != nil {
				t.Fatalf("bad minutes in %q", line)
			}
			ts = logStart.Add(time.Duration(m * float64(time.Minute))).UnixNano()
		}
		res := ""
		if len(f) > 3 {
			res = f[3]
		}
		b.Event(b.Case(f[0]), f[1], ts, res)
	}
	return b.Log()
}

func approx(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-6 {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

// fourCases: durations 2 h, 30 min, 10 h and 3 h (the last a day later).
var fourCases = []string{
	"c1 A 0 ann", "c1 B 60 bob", "c1 C 120 ann",
	"c2 A 0 ann", "c2 C 30 cid",
	"c3 A 0 ann", "c3 B 10 bob", "c3 B 20 bob", "c3 C 600 ann",
	"c4 A 1440 bob", "c4 B 1530 bob", "c4 C 1620 cid",
}

func TestStats(t *testing.T) {
	o := Stats(buildLog(t, fourCases...))
	if o.Cases != 4 || o.Events != 12 || o.Activities != 3 || o.Variants != 3 {
		t.Errorf("cases, events, activities, variants = %d %d %d %d, want 4 12 3 3",
			o.Cases, o.Events, o.Activities, o.Variants)
	}
	if len(o.StartActivities) != 1 || o.StartActivities[0] != (ActivityCount{"A", 4}) {
		t.Errorf("start activities = %v, want A 4", o.StartActivities)
	}
	if len(o.EndActivities) != 1 || o.EndActivities[0] != (ActivityCount{"C", 4}) {
		t.Errorf("end activities = %v, want C 4", o.EndActivities)
	}
	// Sorted durations: 1800, 7200, 10800, 36000 s.
	d := o.Duration
	approx(t, "min", d.Min, 1800)
	approx(t, "p25", d.P25, 1800+0.75*5400)
	approx(t, "median", d.Median, 9000) // mean of the two middle values
	approx(t, "mean", d.Mean, 13950)
	approx(t, "p75", d.P75, 10800+0.25*25200)
	approx(t, "max", d.Max, 36000)
	approx(t, "span", o.SpanS, 1620*60)
	if !o.First.Equal(logStart) || !o.Last.Equal(logStart.Add(27*time.Hour)) {
		t.Errorf("first, last = %v, %v", o.First, o.Last)
	}
	tp := o.Throughput
	if tp.Period != PeriodDay || len(tp.Points) != 2 {
		t.Fatalf("throughput = %+v, want two days", tp)
	}
	if p := tp.Points[0]; !p.Start.Equal(logStart.Truncate(24*time.Hour)) || p.Started != 3 || p.Completed != 3 {
		t.Errorf("first day = %+v, want 3 started and completed", p)
	}
	if p := tp.Points[1]; p.Started != 1 || p.Completed != 1 {
		t.Errorf("second day = %+v, want 1 started and completed", p)
	}
}

func TestHistogram(t *testing.T) {
	// 30 min and 2 h and 3 h and 10 h: buckets 15 min-1 h, 1-4 h, 4 h-1 d.
	h := Histogram([]float64{1800, 7200, 10800, 36000})
	want := []Bucket{{900, 3600, 1}, {3600, 4 * 3600, 2}, {4 * 3600, 86400, 1}}
	if len(h) != len(want) {
		t.Fatalf("histogram = %v, want %v", h, want)
	}
	for i := range want {
		if h[i] != want[i] {
			t.Errorf("bucket %d = %v, want %v", i, h[i], want[i])
		}
	}
	// Beyond a year the last bucket ends at the longest duration.
	h = Histogram([]float64{400 * 86400})
	if len(h) != 1 || h[0].FromS != 365*86400 || h[0].ToS != 400*86400 || h[0].Count != 1 {
		t.Errorf("histogram of a 400-day case = %v", h)
	}
	if Histogram(nil) != nil {
		t.Error("histogram of nothing is not empty")
	}
}

func TestQuantile(t *testing.T) {
	s := []float64{1, 2, 3, 4}
	for _, c := range []struct{ q, want float64 }{{0, 1}, {0.25, 1.75}, {0.5, 2.5}, {0.9, 3.7}, {1, 4}} {
		approx(t, "quantile "+strconv.FormatFloat(c.q, 'g', -1, 64), Quantile(s, c.q), c.want)
	}
	if Quantile(nil, 0.5) != 0 {
		t.Error("quantile of nothing is not 0")
	}
	if d := DistOf([]float64{5}); d.N != 1 || d.Min != 5 || d.Median != 5 || d.Max != 5 {
		t.Errorf("dist of one value = %+v", d)
	}
}

func TestPeriodsChosenBySpan(t *testing.T) {
	day := int64(24 * time.Hour)
	start := logStart.UnixNano()
	for _, c := range []struct {
		days int64
		kind string
		n    int
	}{{10, PeriodDay, 11}, {200, PeriodWeek, 29}, {1000, PeriodMonth, 33}} {
		p := newPeriods("", start, start+c.days*day)
		if p.kind != c.kind || p.n != c.n {
			t.Errorf("%d days: %s × %d, want %s × %d", c.days, p.kind, p.n, c.kind, c.n)
		}
	}
	p := newPeriods(PeriodWeek, logStart.Add(-9*time.Hour).UnixNano(), logStart.UnixNano()) // Sunday 23:00 to Monday
	if p.n != 2 || !p.start(1).Equal(logStart.Truncate(24*time.Hour)) || p.start(1).Weekday() != time.Monday {
		t.Errorf("weeks from Sunday night to Monday: n=%d, second starts %v", p.n, p.start(1))
	}
	m := newPeriods(PeriodMonth, logStart.UnixNano(), logStart.AddDate(0, 11, 0).UnixNano())
	if m.n != 12 || !m.start(10).Equal(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("months: n=%d, 11th starts %v", m.n, m.start(10))
	}
}
