package digitalcheck

import (
	"slices"

	"rathaus/internal/eventlog"
)

// secondsPerYear is the mean Gregorian year.
const secondsPerYear = 365.2425 * 24 * 3600

// Measure takes each activity's figures from a log: in how many cases it
// occurs, how many that makes per year of the log's time span (first to
// last timestamp), and the median and mean wait before it (the time since
// the previous event of the case, over every occurrence with both
// timestamps). ServiceMedianS stays 0: a log with one timestamp per event
// does not separate waiting from working.
func Measure(l *eventlog.Log) map[string]Measured {
	nAct := len(l.Activities)
	cases := make([]int, nAct)
	lastCase := make([]int, nAct)
	for i := range lastCase {
		lastCase[i] = -1
	}
	offsets := make([]int, nAct+1)
	eachGap(l, func(a int, _ int64) { offsets[a+1]++ })
	for a := range nAct {
		offsets[a+1] += offsets[a]
	}
	gaps := make([]float64, offsets[nAct])
	next := slices.Clone(offsets[:nAct])
	eachGap(l, func(a int, gap int64) {
		gaps[next[a]] = float64(gap) / 1e9
		next[a]++
	})
	for ci, c := range l.Cases {
		for _, a := range l.Act[c.Start:c.End] {
			if lastCase[a] != ci {
				lastCase[a] = ci
				cases[a]++
			}
		}
	}
	span := logSpan(l)
	out := make(map[string]Measured, nAct)
	for a, name := range l.Activities {
		m := Measured{Cases: cases[a]}
		if span > 0 {
			m.CasesPerYear = float64(cases[a]) * secondsPerYear / span
		}
		m.WaitMedianS, m.WaitMeanS = medianMean(gaps[offsets[a]:offsets[a+1]])
		out[name] = m
	}
	return out
}

// Volume is the number of cases in l and how many that makes per year of
// its time span, for Options.Cases and Options.CasesPerYear.
func Volume(l *eventlog.Log) (cases int, perYear float64) {
	cases = len(l.Cases)
	if span := logSpan(l); span > 0 {
		perYear = float64(cases) * secondsPerYear / span
	}
	return cases, perYear
}

// eachGap calls f for every event after the first of its case whose time
// and its predecessor's are known, with the gap in nanoseconds.
func eachGap(l *eventlog.Log, f func(act int, gap int64)) {
	for _, c := range l.Cases {
		for j := c.Start + 1; j < c.End; j++ {
			t, prev := l.Time[j], l.Time[j-1]
			if t != eventlog.NoTime && prev != eventlog.NoTime {
				f(int(l.Act[j]), t-prev)
			}
		}
	}
}

// logSpan is the seconds from the first to the last timestamp.
func logSpan(l *eventlog.Log) float64 {
	first, last, ok := int64(0), int64(0), false
	for _, t := range l.Time {
		if t == eventlog.NoTime {
			continue
		}
		if !ok {
			first, last, ok = t, t, true
		}
		first, last = min(first, t), max(last, t)
	}
	return float64(last-first) / 1e9
}

// medianMean sorts v and returns its median and mean, 0 and 0 when empty.
func medianMean(v []float64) (median, mean float64) {
	n := len(v)
	if n == 0 {
		return 0, 0
	}
	slices.Sort(v)
	var sum float64
	for _, x := range v {
		sum += x
	}
	median = v[n/2]
	if n%2 == 0 {
		median = (v[n/2-1] + v[n/2]) / 2
	}
	return median, sum / float64(n)
}
