package open311

import (
	"encoding/json"
	"errors"
	"time"
	_ "time/tzdata" // the city's zone must resolve even without a zone database
)

// Zone is the city's time zone, in which every date-time is written.
var Zone = func() *time.Location {
	if loc, err := time.LoadLocation("Europe/Berlin"); err == nil {
		return loc
	}
	return time.UTC
}()

// TimeLayout is ISO 8601 with the zone's offset, e.g. 2010-04-14T06:37:38-08:00.
const TimeLayout = "2006-01-02T15:04:05-07:00"

// Time is a date-time on the wire: ISO 8601 with offset in the city's zone;
// the zero Time is an empty element in XML and null in JSON.
type Time struct{ time.Time }

// At wraps t (the zero time stays empty).
func At(t time.Time) Time { return Time{t} }

// String is the wire form ("" for the zero time).
func (t Time) String() string {
	if t.IsZero() {
		return ""
	}
	return t.In(Zone).Format(TimeLayout)
}

// MarshalText is used by encoding/xml for the element's text.
func (t Time) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// MarshalJSON writes a string, or null for the zero time.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return jsonString(t.String())
}

// UnmarshalText reads what MarshalText writes (and any form ParseTime takes).
func (t *Time) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		t.Time = time.Time{}
		return nil
	}
	v, err := ParseTime(string(b))
	t.Time = v
	return err
}

// UnmarshalJSON reads a string or null.
func (t *Time) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		t.Time = time.Time{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	return t.UnmarshalText([]byte(s))
}

var errTime = errors.New("not an ISO 8601 date-time")

// ParseTime reads an ISO 8601 date-time as clients send it: with an offset
// or Z (2010-04-14T06:37:38-08:00, 2010-04-14T14:37:38Z, fractions of a
// second, -0800), or without one (then in the city's zone), or a date alone
// (its midnight in the city's zone).
func ParseTime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, Zone); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errTime
}
