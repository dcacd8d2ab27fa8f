package mining

import (
	"slices"
	"time"

	"rathaus/internal/eventlog"
)

// Filter selects cases (and, with ActivityMode "keep-events", events) of a
// log. Every part that is set must hold; the zero Filter keeps everything.
type Filter struct {
	// From and To bound the time (To exclusive; zero: open). TimeMode says
	// how: TimeStarts (default) keeps cases whose first event is in range,
	// TimeIntersects cases with any event in range.
	From, To time.Time
	TimeMode string
	// Attr keeps cases with these attribute values: values of the same key
	// are alternatives, different keys must all match. An event attribute
	// matches when any event of the case has the value; the key "resource"
	// or "org:resource" means the event's resource.
	Attr []AttrFilter
	// Variants keeps only the variants with these ranks (0-based, in the
	// order of Variants on the same log).
	Variants []int
	// Activities with ActivityMode: ModeContains (the default) keeps cases
	// containing any of them, ModeLacks cases containing none, ModeKeepEvents keeps only
	// their events (cases left without events are dropped).
	Activities   []string
	ActivityMode string
	// MinDuration and MaxDuration bound the case duration (0: no bound);
	// with a bound, cases without timestamps are left out.
	MinDuration, MaxDuration time.Duration
}

// AttrFilter is one attribute value to match, of the case (Case) or of
// its events.
type AttrFilter struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	Case  bool   `json:"case"`
}

// Time modes and activity modes of a Filter.
const (
	TimeStarts     = "starts"
	TimeIntersects = "intersects"

	ModeContains   = "contains"
	ModeLacks      = "lacks"
	ModeKeepEvents = "keep-events"
)

// Apply returns a new log with the cases and events f selects. It shares
// l's dictionaries (Activities, Values) and copies only the selected rows;
// l is not changed.
func Apply(l *eventlog.Log, f Filter) *eventlog.Log {
	keep := make([]bool, len(l.Cases))
	for i := range keep {
		keep[i] = true
	}
	f.byTime(l, keep)
	f.byAttrs(l, keep)
	f.byVariants(l, keep)
	f.byDuration(l, keep)
	events := f.byActivities(l, keep)
	return project(l, keep, events)
}

func (f Filter) byTime(l *eventlog.Log, keep []bool) {
	if f.From.IsZero() && f.To.IsZero() {
		return
	}
	from, to := int64(-1<<63+1), int64(1<<63-1)
	if !f.From.IsZero() {
		from = f.From.UnixNano()
	}
	if !f.To.IsZero() {
		to = f.To.UnixNano()
	}
	in := func(t int64) bool { return t != eventlog.NoTime && t >= from && t < to }
	for i, c := range l.Cases {
		if !keep[i] {
			continue
		}
		if f.TimeMode == TimeIntersects {
			keep[i] = slices.ContainsFunc(l.Time[c.Start:c.End], in)
			continue
		}
		first, _, ok := caseSpan(l, i)
		keep[i] = ok && in(first)
	}
}

func (f Filter) byVariants(l *eventlog.Log, keep []bool) {
	if len(f.Variants) == 0 {
		return
	}
	g := groupVariants(l)
	_, rank := g.rank(l)
	for i := range keep {
		keep[i] = keep[i] && slices.Contains(f.Variants, int(rank[g.of[i]]))
	}
}

func (f Filter) byDuration(l *eventlog.Log, keep []bool) {
	if f.MinDuration <= 0 && f.MaxDuration <= 0 {
		return
	}
	for i := range keep {
		if !keep[i] {
			continue
		}
		first, last, ok := caseSpan(l, i)
		d := time.Duration(last - first)
		keep[i] = ok && d >= f.MinDuration && (f.MaxDuration <= 0 || d <= f.MaxDuration)
	}
}

// byActivities applies the activity part; in ModeKeepEvents it returns
// the events to keep (nil: all of the kept cases).
func (f Filter) byActivities(l *eventlog.Log, keep []bool) []bool {
	if len(f.Activities) == 0 {
		return nil
	}
	wanted := make([]bool, len(l.Activities))
	for a, name := range l.Activities {
		wanted[a] = slices.Contains(f.Activities, name)
	}
	has := func(a int32) bool { return wanted[a] }
	switch f.ActivityMode {
	case ModeKeepEvents:
		events := make([]bool, l.NumEvents())
		for i, a := range l.Act {
			events[i] = wanted[a]
		}
		return events
	case ModeLacks:
		for i := range keep {
			keep[i] = keep[i] && !slices.ContainsFunc(l.Trace(i), has)
		}
	default:
		for i := range keep {
			keep[i] = keep[i] && slices.ContainsFunc(l.Trace(i), has)
		}
	}
	return nil
}
