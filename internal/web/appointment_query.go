package web

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/hours"
)

// bookingQuery is where a citizen stands in the booking flow, carried in
// the address (and in hidden fields of the forms), never anything
// personal: /termine/buchen?service=1&service=2&persons=1&office=3&start=…
// (the contract of the mailed waiting-list links) and week=YYYY-MM-DD.
type bookingQuery struct {
	ServiceIDs []int64
	Persons    int
	OfficeID   int64     // 0: not chosen yet
	Start      time.Time // zero: not chosen yet
	Week       hours.Date
	HasWeek    bool
}

// parseBookingQuery reads the flow's parameters. Services are required;
// the others are optional but must be well formed.
func parseBookingQuery(v url.Values) (bookingQuery, error) {
	var q bookingQuery
	var fv fault.Validator
	for _, raw := range v["service"] {
		id, err := strconv.ParseInt(strings.TrimSpace(raw), 10, 64)
		if err != nil || id <= 0 {
			fv.Check(false, "service", "error.appointment.services")
			break
		}
		q.ServiceIDs = append(q.ServiceIDs, id)
	}
	slices.Sort(q.ServiceIDs)
	q.ServiceIDs = slices.Compact(q.ServiceIDs)
	fv.Check(len(q.ServiceIDs) > 0 && len(q.ServiceIDs) <= 5, "service", "error.appointment.services")
	q.Persons = 1
	if p := v.Get("persons"); p != "" {
		n, err := strconv.Atoi(p)
		fv.Check(err == nil && n >= 1 && n <= 10, "persons", "error.appointment.persons")
		q.Persons = n
	}
	if o := v.Get("office"); o != "" {
		id, err := strconv.ParseInt(o, 10, 64)
		fv.Check(err == nil && id > 0, "office", "error.appointment.not_bookable")
		q.OfficeID = id
	}
	if st := v.Get("start"); st != "" {
		t, err := time.Parse(time.RFC3339, st)
		fv.Check(err == nil, "start", "error.appointment.slot_required")
		q.Start = t.UTC()
	}
	if wk := v.Get("week"); wk != "" {
		d, err := hours.ParseDate(wk)
		fv.Check(err == nil, "week", "error.appointment.range")
		q.Week, q.HasWeek = monday(d), err == nil
	}
	return q, fv.Err()
}

// values encodes the query; the parts after "until" are left out:
// "office" keeps services and persons, "start" keeps the office too.
func (q bookingQuery) values(until string) url.Values {
	v := url.Values{}
	for _, id := range q.ServiceIDs {
		v.Add("service", strconv.FormatInt(id, 10))
	}
	v.Set("persons", strconv.Itoa(q.Persons))
	if until == "persons" || q.OfficeID == 0 {
		return v
	}
	v.Set("office", strconv.FormatInt(q.OfficeID, 10))
	if until == "office" {
		return v
	}
	if !q.Start.IsZero() {
		v.Set("start", q.Start.UTC().Format(time.RFC3339))
	}
	return v
}

// weekURL is the slot choice of the query's office in the week of d.
func (q bookingQuery) weekURL(d hours.Date) string {
	v := q.values("office")
	v.Set("week", monday(d).String())
	return "/termine/buchen?" + v.Encode()
}

// slotURL is the data form for a slot.
func (q bookingQuery) slotURL(start time.Time) string {
	q.Start = start
	return "/termine/buchen?" + q.values("start").Encode()
}

// officeURL is the slot choice at an office.
func (q bookingQuery) officeURL(officeID int64) string {
	q.OfficeID = officeID
	return "/termine/buchen?" + q.values("office").Encode()
}

// monday is the Monday of d's week.
func monday(d hours.Date) hours.Date {
	back := (int(d.Weekday()) + 6) % 7
	return d.AddDays(-back)
}

// hidden is one hidden form field.
type hidden struct{ Name, Value string }

// hiddenFields turns values into hidden fields, in a stable order.
func hiddenFields(v url.Values) []hidden {
	var out []hidden
	for _, k := range []string{"service", "persons", "office", "start", "t"} {
		for _, x := range v[k] {
			out = append(out, hidden{k, x})
		}
	}
	return out
}
