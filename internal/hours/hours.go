// Package hours describes when an office is open: a weekly pattern,
// exceptions for single dates, and the public holidays of a German state,
// all evaluated in the city's time zone. Appointment booking reuses it.
package hours

import (
	"time"
)

// Interval is an opening span on one day, From inclusive, To exclusive,
// in minutes after midnight local time.
type Interval struct {
	From, To int
}

// Exception replaces the weekly pattern on one date: Closed, or open only
// in its Intervals.
type Exception struct {
	Date      Date
	Closed    bool
	Intervals []Interval
	Note      string // e.g. "Heiligabend", shown to citizens
}

// Hours is an office's opening pattern. The zero value is never open.
type Hours struct {
	// Weekly holds the intervals per weekday, indexed by time.Weekday
	// (Sunday = 0).
	Weekly [7][]Interval
	// Exceptions override single dates, holidays included.
	Exceptions []Exception
	// Holidays names the state whose public holidays close the office,
	// e.g. "TH" for Thuringia; "" means holidays do not close it.
	Holidays string
	// Note is free text shown beside the hours, e.g. "Termine nach
	// Vereinbarung auch außerhalb der Öffnungszeiten".
	Note string
}

// Date is a calendar date without time or zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}
