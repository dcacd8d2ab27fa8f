package mining

import (
	"math"
	"slices"

	"rathaus/internal/eventlog"
)

// Dist summarises a distribution of durations in seconds. It is all zero
// when N is 0.
type Dist struct {
	N      int     `json:"n"`
	Min    float64 `json:"min"`
	P25    float64 `json:"p25"`
	Median float64 `json:"median"`
	Mean   float64 `json:"mean"`
	P75    float64 `json:"p75"`
	P90    float64 `json:"p90"`
	Max    float64 `json:"max"`
}

// Quantile is the q-quantile (0..1) of the sorted values, interpolating
// linearly between the two nearest ranks like numpy's default method: the
// median of an even count is the mean of the two middle values. It is 0 for
// no values.
func Quantile(sorted []float64, q float64) float64 {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	pos := q * float64(n-1)
	lo := int(math.Floor(pos))
	if lo < 0 {
		return sorted[0]
	}
	if lo >= n-1 {
		return sorted[n-1]
	}
	frac := pos - float64(lo)
	return sorted[lo] + (sorted[lo+1]-sorted[lo])*frac
}

// DistOf summarises values, which it sorts in place.
func DistOf(values []float64) Dist {
	if len(values) == 0 {
		return Dist{}
	}
	slices.Sort(values)
	return distSorted(values)
}

func distSorted(s []float64) Dist {
	if len(s) == 0 {
		return Dist{}
	}
	return Dist{
		N:      len(s),
		Min:    s[0],
		P25:    Quantile(s, 0.25),
		Median: Quantile(s, 0.5),
		Mean:   mean(s),
		P75:    Quantile(s, 0.75),
		P90:    Quantile(s, 0.9),
		Max:    s[len(s)-1],
	}
}

func mean(s []float64) float64 {
	if len(s) == 0 {
		return 0
	}
	var sum float64
	for _, v := range s {
		sum += v
	}
	return sum / float64(len(s))
}

// seconds converts Unix nanoseconds of a duration to seconds.
func seconds(ns int64) float64 { return float64(ns) / 1e9 }

// caseSpan is the first and last timestamp of case i; ok is false when
// none of its events has a time.
func caseSpan(l *eventlog.Log, i int) (first, last int64, ok bool) {
	c := l.Cases[i]
	return timeSpan(l.Time[c.Start:c.End])
}

// timeSpan is the earliest and latest of times, passing over NoTime.
func timeSpan(times []int64) (first, last int64, ok bool) {
	for _, t := range times {
		if t == eventlog.NoTime {
			continue
		}
		if !ok {
			first, last, ok = t, t, true
			continue
		}
		first, last = min(first, t), max(last, t)
	}
	return first, last, ok
}

// noDuration marks a case without timestamps in caseDurations.
const noDuration = -1

// caseDurations is the duration of every case in seconds (calendar time
// from its first to its last event), noDuration for untimed cases.
func caseDurations(l *eventlog.Log) []float64 {
	d := make([]float64, len(l.Cases))
	for i := range l.Cases {
		first, last, ok := caseSpan(l, i)
		if !ok {
			d[i] = noDuration
			continue
		}
		d[i] = seconds(last - first)
	}
	return d
}

// timedOnly returns the durations of timed cases, in a new slice.
func timedOnly(d []float64) []float64 {
	out := make([]float64, 0, len(d))
	for _, v := range d {
		if v != noDuration {
			out = append(out, v)
		}
	}
	return out
}

// median is the exact median of s (the mean of the two middle values for
// an even count) in linear expected time; it reorders s. It is 0 for no
// values.
func median(s []float64) float64 {
	n := len(s)
	if n == 0 {
		return 0
	}
	upper := kthSmallest(s, n/2)
	if n%2 == 1 {
		return upper
	}
	return (slices.Max(s[:n/2]) + upper) / 2 // everything before n/2 is no larger
}

// kthSmallest reorders s so that s[k] holds the value sorting would put
// there and no larger value comes before it; it returns s[k]. A three-way
// partition keeps runs of equal durations (common in logs) fast.
func kthSmallest(s []float64, k int) float64 {
	lo, hi := 0, len(s)-1
	for hi-lo >= 16 {
		p := median3(s[lo], s[lo+(hi-lo)/2], s[hi])
		lt, i, gt := lo, lo, hi
		for i <= gt {
			switch {
			case s[i] < p:
				s[lt], s[i] = s[i], s[lt]
				lt++
				i++
			case s[i] > p:
				s[i], s[gt] = s[gt], s[i]
				gt--
			default:
				i++
			}
		}
		switch {
		case k < lt:
			hi = lt - 1
		case k > gt:
			lo = gt + 1
		default:
			return p
		}
	}
	slices.Sort(s[lo : hi+1])
	return s[k]
}

func median3(a, b, c float64) float64 {
	return max(min(a, b), min(max(a, b), c))
}

// summary is the minimum, maximum, mean and exact median of s, in linear
// time; it reorders s.
func summary(s []float64) (lo, hi, avg, med float64) {
	if len(s) == 0 {
		return 0, 0, 0, 0
	}
	return slices.Min(s), slices.Max(s), mean(s), median(s)
}
