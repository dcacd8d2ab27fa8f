package eventlog

import (
	"testing"
	"time"
)

func TestParseDateTime(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2010-12-30T14:32:00.000+01:00", "2010-12-30T14:32:00+01:00"},
		{"2010-12-30T14:32:00Z", "2010-12-30T14:32:00Z"},
		{"2010-12-30T14:32:00", "2010-12-30T14:32:00Z"},
		{"2024-05-01T10:00:00.5", "2024-05-01T10:00:00.5Z"},
		{"2024-05-01T10:00:00.123456789123-05:30", "2024-05-01T10:00:00.123456789-05:30"},
		{"2024-02-29T23:59:59.1234+14:00", "2024-02-29T23:59:59.1234+14:00"},
		{"1970-01-01T00:00:00.000+01:00", "1970-01-01T00:00:00+01:00"},
		{"2023-12-31T24:00:00", "2024-01-01T00:00:00Z"},
	} {
		want, err := time.Parse(time.RFC3339Nano, c.want)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := parseDateTime([]byte(c.in))
		if !ok || got != want.UnixNano() {
			t.Errorf("%s: %v %v, want %v", c.in, time.Unix(0, got).UTC(), ok, want.UTC())
		}
	}
	for _, in := range []string{
		"", "2010-12-30", "2010-12-30 14:32:00", "2010-13-01T00:00:00", "2023-02-29T00:00:00",
		"2010-12-30T14:32", "2010-12-30T14:32:00.", "2010-12-30T14:32:00+1:00", "2010-12-30T14:32:00+15:00",
		"2010-12-30T24:00:01", "2010-12-30T14:60:00", "yesterday", "10-12-30T14:32:00", "3000-01-01T00:00:00",
	} {
		if ns, ok := parseDateTime([]byte(in)); ok {
			t.Errorf("%q was read as %v", in, time.Unix(0, ns).UTC())
		}
	}
}

func TestAppendDateTime(t *testing.T) {
	for _, c := range []struct {
		t    time.Time
		want string
	}{
		{time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), "2024-01-02T03:04:05.000Z"},
		{time.Date(2024, 1, 2, 3, 4, 5, 120e6, time.FixedZone("", 3600)), "2024-01-02T02:04:05.120Z"},
		{time.Date(2024, 1, 2, 3, 4, 5, 1000, time.UTC), "2024-01-02T03:04:05.000001Z"},
		{time.Date(2024, 1, 2, 3, 4, 5, 7, time.UTC), "2024-01-02T03:04:05.000000007Z"},
	} {
		got := string(appendDateTime(nil, c.t.UnixNano()))
		if got != c.want {
			t.Errorf("%v: %s, want %s", c.t, got, c.want)
		}
		if back, ok := parseDateTime([]byte(got)); !ok || back != c.t.UnixNano() {
			t.Errorf("%s does not read back", got)
		}
	}
}

func TestLexicalValues(t *testing.T) {
	for _, c := range []struct {
		typ   AttrType
		value string
		ok    bool
	}{
		{TypeInt, "-9223372036854775808", true}, {TypeInt, "9223372036854775807", true},
		{TypeInt, "9223372036854775808", false}, {TypeInt, "1.0", false}, {TypeInt, "", false},
		{TypeFloat, "1.5E-3", true}, {TypeFloat, ".5", true}, {TypeFloat, "-INF", true}, {TypeFloat, "NaN", true},
		{TypeFloat, "1e", false}, {TypeFloat, "1,5", false}, {TypeFloat, "Infinity", false},
		{TypeBool, "true", true}, {TypeBool, "0", true}, {TypeBool, "yes", false}, {TypeBool, "True", false},
		{TypeDate, "2024-01-01T00:00:00Z", true}, {TypeDate, "2024-01-01", false},
		{TypeString, "anything", true}, {TypeID, "", true},
	} {
		if got := validLexical(c.typ, []byte(c.value)); got != c.ok {
			t.Errorf("%s %q: valid %v, want %v", c.typ.XESTag(), c.value, got, c.ok)
		}
	}
}
