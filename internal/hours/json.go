package hours

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// dayKeys name the weekdays in JSON, indexed by time.Weekday.
var dayKeys = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// jsonHours is the exchange form of Hours, written by people:
//
//	{"weekly": {"mon": ["08:00-12:00", "13:00-18:00"], "tue": [...]},
//	 "exceptions": [{"date": "2026-12-24", "closed": true, "note": "Heiligabend"},
//	                {"date": "2026-12-31", "open": ["09:00-12:00"]}],
//	 "holidays": "TH", "note": "..."}
type jsonHours struct {
	Weekly     map[string][]string `json:"weekly,omitempty"`
	Exceptions []jsonException     `json:"exceptions,omitempty"`
	Holidays   string              `json:"holidays,omitempty"`
	Note       string              `json:"note,omitempty"`
}

type jsonException struct {
	Date   string   `json:"date"`
	Closed bool     `json:"closed,omitempty"`
	Open   []string `json:"open,omitempty"`
	Note   string   `json:"note,omitempty"`
}

// MarshalJSON writes the exchange form.
func (h Hours) MarshalJSON() ([]byte, error) {
	j := jsonHours{Holidays: h.Holidays, Note: h.Note}
	for d, ivs := range h.Weekly {
		if len(ivs) == 0 {
			continue
		}
		if j.Weekly == nil {
			j.Weekly = map[string][]string{}
		}
		j.Weekly[dayKeys[d]] = formatIntervals(ivs)
	}
	for _, e := range h.Exceptions {
		j.Exceptions = append(j.Exceptions, jsonException{Date: e.Date.String(), Closed: e.Closed, Open: formatIntervals(e.Intervals), Note: e.Note})
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads the exchange form and validates it.
func (h *Hours) UnmarshalJSON(b []byte) error {
	var j jsonHours
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	var out Hours
	for key, spans := range j.Weekly {
		d := dayIndex(key)
		if d < 0 {
			return fmt.Errorf("hours: unknown weekday %q (want mon..sun)", key)
		}
		ivs, err := ParseIntervals(spans)
		if err != nil {
			return err
		}
		out.Weekly[d] = ivs
	}
	for _, je := range j.Exceptions {
		d, err := ParseDate(je.Date)
		if err != nil {
			return err
		}
		ivs, err := ParseIntervals(je.Open)
		if err != nil {
			return err
		}
		if je.Closed && len(ivs) > 0 {
			return fmt.Errorf("hours: %s is both closed and open", je.Date)
		}
		out.Exceptions = append(out.Exceptions, Exception{Date: d, Closed: je.Closed || len(ivs) == 0, Intervals: ivs, Note: je.Note})
	}
	if !KnownRegion(j.Holidays) {
		return fmt.Errorf("hours: unknown holiday region %q (known: TH)", j.Holidays)
	}
	out.Holidays = j.Holidays
	out.Note = j.Note
	*h = out
	return nil
}

func dayIndex(key string) int {
	for i, k := range dayKeys {
		if k == strings.ToLower(key) {
			return i
		}
	}
	return -1
}

// ParseIntervals reads spans like "08:00-12:00"; they must be ordered and
// must not overlap.
func ParseIntervals(spans []string) ([]Interval, error) {
	var out []Interval
	for _, s := range spans {
		from, to, ok := strings.Cut(strings.TrimSpace(s), "-")
		if !ok {
			return nil, fmt.Errorf("hours: %q is not a span like 08:00-12:00", s)
		}
		f, err1 := parseClock(from)
		t, err2 := parseClock(to)
		if err1 != nil || err2 != nil || f >= t {
			return nil, fmt.Errorf("hours: %q is not a span like 08:00-12:00", s)
		}
		if len(out) > 0 && f < out[len(out)-1].To {
			return nil, fmt.Errorf("hours: %q overlaps or is out of order", s)
		}
		out = append(out, Interval{f, t})
	}
	return out, nil
}

func parseClock(s string) (int, error) {
	var h, m int
	if _, err := fmt.Sscanf(strings.TrimSpace(s), "%d:%d", &h, &m); err != nil {
		return 0, err
	}
	if h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0) {
		return 0, fmt.Errorf("hours: bad time %q", s)
	}
	return h*60 + m, nil
}

func formatIntervals(ivs []Interval) []string {
	var out []string
	for _, iv := range ivs {
		out = append(out, iv.String())
	}
	return out
}

// String formats the interval as "08:00-12:00".
func (iv Interval) String() string {
	return fmt.Sprintf("%02d:%02d-%02d:%02d", iv.From/60, iv.From%60, iv.To/60, iv.To%60)
}

// ParseDate reads "2006-01-02".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("hours: bad date %q (want YYYY-MM-DD)", s)
	}
	return DateOf(t), nil
}

// DateOf is the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// String formats the date as "2006-01-02".
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }
