package dashboard

import (
	"time"

	"rathaus/internal/fault"
)

const monthLayout = "2006-01"

// MaxMonths is the longest range a dashboard shows (five years).
const MaxMonths = 60

// DefaultRange is the DefaultMonths months up to and including the
// month of now, in Location.
func DefaultRange(now time.Time) Range {
	cur := firstOfMonth(now.In(Location))
	return Range{From: cur.AddDate(0, -(DefaultMonths - 1), 0).Format(monthLayout), To: cur.Format(monthLayout)}
}

func firstOfMonth(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, Location)
}

// ParseRange reads a range from "YYYY-MM" inputs (form fields "from"
// and "to"). An empty end takes the default range's; the range must not
// run backwards, end after the current month or span more than
// MaxMonths. Problems are field errors.
func ParseRange(from, to string, now time.Time) (Range, error) {
	def := DefaultRange(now)
	var v fault.Validator
	f, okF := parseMonth(from, def.From)
	v.Check(okF, "from", "error.dashboard.month")
	t, okT := parseMonth(to, def.To)
	v.Check(okT, "to", "error.dashboard.month")
	if okF && okT {
		cur := firstOfMonth(now.In(Location))
		switch {
		case t.After(cur):
			v.Add("to", "error.dashboard.future", cur.Format(monthLayout))
		case f.After(t):
			v.Add("from", "error.dashboard.order")
		case MonthsBetween(f, t) > MaxMonths:
			v.Add("from", "error.dashboard.too_long", MaxMonths)
		}
	}
	if err := v.Err(); err != nil {
		return Range{}, err
	}
	return Range{From: f.Format(monthLayout), To: t.Format(monthLayout)}, nil
}

// parseMonth reads "YYYY-MM" (years 2000 to 2999); empty takes def.
func parseMonth(s, def string) (time.Time, bool) {
	if s == "" {
		s = def
	}
	t, err := time.ParseInLocation(monthLayout, s, Location)
	if err != nil || t.Year() < 2000 || t.Year() > 2999 {
		return time.Time{}, false
	}
	return t, true
}

// MonthsBetween counts the months from f to t, both included.
func MonthsBetween(f, t time.Time) int {
	return (t.Year()-f.Year())*12 + int(t.Month()) - int(f.Month()) + 1
}

// Months lists the months of r, "2006-01" each, in order.
func (r Range) Months() []string {
	f, err1 := time.ParseInLocation(monthLayout, r.From, Location)
	t, err2 := time.ParseInLocation(monthLayout, r.To, Location)
	if err1 != nil || err2 != nil {
		return nil
	}
	var out []string
	for m := f; !m.After(t); m = m.AddDate(0, 1, 0) {
		out = append(out, m.Format(monthLayout))
	}
	return out
}
