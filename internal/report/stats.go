package report

import (
	"math"
	"sort"
	"time"
)

// Stat is the figures of one category in one area ("" for all areas, 0
// for all categories).
type Stat struct {
	CategoryID  int64
	AreaID      string
	Reports     int
	Open        int
	Answered    int           // with a first answer
	FirstAnswer time.Duration // median time to the first answer
	// FirstAnswerP90 is the time nine in ten first answers came within.
	FirstAnswerP90 time.Duration
	Fixed          int           // done
	Fix            time.Duration // median time from request to done
	FixP90         time.Duration // 90th percentile of the time to done
}

// Stats groups the times by category and area, by category alone (AreaID
// ""), and over all (CategoryID 0, AreaID ""), sorted by category and area.
func Stats(times []Times) []Stat {
	type key struct {
		cat  int64
		area string
	}
	type acc struct {
		s            Stat
		answers, fix []time.Duration
	}
	groups := map[key]*acc{}
	add := func(k key, t Times) {
		a := groups[k]
		if a == nil {
			a = &acc{s: Stat{CategoryID: k.cat, AreaID: k.area}}
			groups[k] = a
		}
		a.s.Reports++
		if t.Status.Open() {
			a.s.Open++
		}
		if t.FirstAnswerAt != nil {
			a.answers = append(a.answers, t.FirstAnswerAt.Sub(t.RequestedAt))
		}
		if t.Status == StatusDone && t.ClosedAt != nil {
			a.fix = append(a.fix, t.ClosedAt.Sub(t.RequestedAt))
		}
	}
	for _, t := range times {
		if t.Status == StatusMerged {
			continue
		}
		add(key{t.CategoryID, t.AreaID}, t)
		if t.AreaID != "" {
			add(key{t.CategoryID, ""}, t)
		}
		add(key{0, ""}, t)
	}
	out := make([]Stat, 0, len(groups))
	for _, a := range groups {
		a.s.Answered, a.s.FirstAnswer, a.s.FirstAnswerP90 = len(a.answers), median(a.answers), percentile(a.answers, 0.9)
		a.s.Fixed, a.s.Fix, a.s.FixP90 = len(a.fix), median(a.fix), percentile(a.fix, 0.9)
		out = append(out, a.s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].CategoryID != out[j].CategoryID {
			return out[i].CategoryID < out[j].CategoryID
		}
		return out[i].AreaID < out[j].AreaID
	})
	return out
}

// median of ds (the lower middle of an even count); 0 for none.
func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[(len(ds)-1)/2]
}

// percentile of ds by nearest rank: the smallest value that at least the
// share p of ds do not exceed; 0 for none.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[max(0, int(math.Ceil(p*float64(len(ds))))-1)]
}
