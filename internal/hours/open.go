package hours

import (
	_ "time/tzdata" // the city's zone must resolve even on machines without a zone database

	"time"
)

// Before reports whether d is earlier than o.
func (d Date) Before(o Date) bool {
	if d.Year != o.Year {
		return d.Year < o.Year
	}
	if d.Month != o.Month {
		return d.Month < o.Month
	}
	return d.Day < o.Day
}

// Time is midnight of d in loc.
func (d Date) Time(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// Weekday is d's day of the week.
func (d Date) Weekday() time.Weekday { return d.Time(time.UTC).Weekday() }

// AddDays is d moved by n days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time(time.UTC).AddDate(0, 0, n)) }

// Day returns the opening intervals on d and, when they differ from the
// weekly pattern, the reason (the exception's note or the holiday's name).
func (h Hours) Day(d Date) ([]Interval, string) {
	for _, e := range h.Exceptions {
		if e.Date == d {
			reason := e.Note
			if e.Closed {
				return nil, reason
			}
			return e.Intervals, reason
		}
	}
	if name := holidayOn(d, h.Holidays); name != "" {
		return nil, name
	}
	return h.Weekly[d.Weekday()], ""
}

// DayHours is one day of an office's calendar.
type DayHours struct {
	Date      Date
	Intervals []Interval
	Reason    string // holiday or exception note; "" for an ordinary day
}

// Week returns n days from from on.
func (h Hours) Week(from Date, n int) []DayHours {
	out := make([]DayHours, n)
	for i := range out {
		d := from.AddDays(i)
		ivs, reason := h.Day(d)
		out[i] = DayHours{Date: d, Intervals: ivs, Reason: reason}
	}
	return out
}

// Status is whether an office is open at an instant.
type Status struct {
	Open     bool
	Until    time.Time // when open: when this interval ends
	NextOpen time.Time // when closed: the next opening within two weeks; zero if none
	Reason   string    // holiday or exception note of today, if any
}

// IsZero reports whether the hours say nothing (no weekly pattern and no
// exception), so a page can say "no opening hours known" instead of
// "closed".
func (h Hours) IsZero() bool {
	for _, ivs := range h.Weekly {
		if len(ivs) > 0 {
			return false
		}
	}
	return len(h.Exceptions) == 0
}

// At tells whether the office is open at t, evaluated in t's location
// (pass t.In(cityZone)).
func (h Hours) At(t time.Time) Status {
	loc := t.Location()
	today := DateOf(t)
	minute := t.Hour()*60 + t.Minute()
	ivs, reason := h.Day(today)
	st := Status{Reason: reason}
	for _, iv := range ivs {
		if minute >= iv.From && minute < iv.To {
			st.Open = true
			st.Until = at(today, iv.To, loc)
			return st
		}
		if minute < iv.From {
			st.NextOpen = at(today, iv.From, loc)
			return st
		}
	}
	for i := 1; i <= 14; i++ {
		d := today.AddDays(i)
		if ivs, _ := h.Day(d); len(ivs) > 0 {
			st.NextOpen = at(d, ivs[0].From, loc)
			return st
		}
	}
	return st
}

// at is minute m of day d in loc; it follows the wall clock across
// daylight-saving changes.
func at(d Date, m int, loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, m/60, m%60, 0, 0, loc)
}
