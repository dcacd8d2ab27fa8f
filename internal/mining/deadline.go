package mining

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/eventlog"
)

// DeadlineOptions say when a case is due.
type DeadlineOptions struct {
	// Target is the time a case may take from its first event; 0 for none.
	Target time.Duration
	// CaseAttr is a case attribute holding either a due date (xs:dateTime)
	// or a target in days from the first event; cases without a usable
	// value fall back to Target. Empty: Target only.
	CaseAttr string
	// EndActivities mark a case as closed when its last event is one of
	// them; empty: every case counts as closed.
	EndActivities []string
	// Now is the moment open cases are judged at; zero: the latest
	// timestamp of the log.
	Now time.Time
}

// DeadlineReport tells how many cases met their deadline and how late the
// others were.
type DeadlineReport struct {
	Cases       int      `json:"cases"`       // cases with a deadline and a timestamp
	NoDeadline  int      `json:"no_deadline"` // cases without
	Closed      int      `json:"closed"`
	OnTime      int      `json:"on_time"`       // closed by their deadline
	Late        int      `json:"late"`          // closed after it
	OnTimeShare float64  `json:"on_time_share"` // OnTime over Closed
	Lateness    Dist     `json:"lateness_s"`    // how late the late closed cases were
	Histogram   []Bucket `json:"lateness_histogram"`
	Open        int      `json:"open"`
	OpenOverdue int      `json:"open_overdue"` // open cases past their deadline at Now
	// LateCases are the latest cases, closed or open, at most maxLateCases.
	LateCases []LateCase `json:"late_cases"`
}

// LateCase is a case that missed its deadline.
type LateCase struct {
	Case     string    `json:"case"`
	Index    int       `json:"index"` // into Log.Cases
	Deadline time.Time `json:"deadline"`
	LateS    float64   `json:"late_s"` // past the deadline at its end (or at Now when open)
	Open     bool      `json:"open"`
}

const maxLateCases = 100

// Deadlines checks every case of l against its deadline.
func Deadlines(l *eventlog.Log, opt DeadlineOptions) DeadlineReport {
	var r DeadlineReport
	due := dueDates(l, opt)
	closed := closedCases(l, opt.EndActivities)
	now := opt.Now.UnixNano()
	if opt.Now.IsZero() {
		_, now, _ = logSpan(l)
	}
	var lateness []float64
	var late []lateCase
	for i := range l.Cases {
		_, last, ok := caseSpan(l, i)
		if !ok || due[i] == eventlog.NoTime {
			r.NoDeadline++
			continue
		}
		r.Cases++
		if closed == nil || closed[i] {
			r.Closed++
			if last <= due[i] {
				r.OnTime++
				continue
			}
			r.Late++
			lateness = append(lateness, seconds(last-due[i]))
			late = append(late, lateCase{int32(i), last - due[i], false})
			continue
		}
		r.Open++
		if now > due[i] {
			r.OpenOverdue++
			late = append(late, lateCase{int32(i), now - due[i], true})
		}
	}
	r.OnTimeShare = share(r.OnTime, r.Closed)
	r.Lateness = DistOf(lateness)
	r.Histogram = Histogram(lateness)
	r.LateCases = worstLate(l, late, due)
	return r
}

// lateCase is a late case while counting.
type lateCase struct {
	index int32
	late  int64 // nanoseconds
	open  bool
}

// worstLate lists the latest cases, at most maxLateCases.
func worstLate(l *eventlog.Log, late []lateCase, due []int64) []LateCase {
	slices.SortFunc(late, func(a, b lateCase) int {
		return cmp.Or(cmp.Compare(b.late, a.late), cmp.Compare(a.index, b.index))
	})
	out := make([]LateCase, 0, min(len(late), maxLateCases))
	for _, c := range late[:min(len(late), maxLateCases)] {
		out = append(out, LateCase{Case: l.Cases[c.index].ID, Index: int(c.index),
			Deadline: time.Unix(0, due[c.index]).UTC(), LateS: seconds(c.late), Open: c.open})
	}
	return out
}

// dueDates is the deadline of each case in Unix nanoseconds, NoTime when
// it has none.
func dueDates(l *eventlog.Log, opt DeadlineOptions) []int64 {
	due := make([]int64, len(l.Cases))
	var col *eventlog.Column
	if opt.CaseAttr != "" {
		col = l.CaseAttr(opt.CaseAttr)
	}
	for i := range l.Cases {
		due[i] = eventlog.NoTime
		first, _, ok := caseSpan(l, i)
		if !ok {
			continue
		}
		if col != nil {
			if d, ok := parseDue(l.Value(col.Val[i]), first); ok {
				due[i] = d
				continue
			}
		}
		if opt.Target > 0 {
			due[i] = first + int64(opt.Target)
		}
	}
	return due
}

// dateLayouts are the forms of a due date understood: xs:dateTime with or
// without a zone (UTC then), the CSV export form, and a bare date.
var dateLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999", "2006-01-02"}

// parseDue reads a due date or a number of days after start.
func parseDue(s string, start int64) (int64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	if days, err := strconv.ParseFloat(s, 64); err == nil {
		return start + int64(days*float64(nsPerDay)), true
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UnixNano(), true
		}
	}
	return 0, false
}

// closedCases tells which cases end with one of the end activities; nil
// when none are given (every case is closed).
func closedCases(l *eventlog.Log, ends []string) []bool {
	if len(ends) == 0 {
		return nil
	}
	isEnd := make([]bool, len(l.Activities))
	for a, name := range l.Activities {
		isEnd[a] = slices.Contains(ends, name)
	}
	closed := make([]bool, len(l.Cases))
	for i, c := range l.Cases {
		closed[i] = c.End > c.Start && isEnd[l.Act[c.End-1]]
	}
	return closed
}
