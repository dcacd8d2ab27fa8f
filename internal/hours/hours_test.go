package hours

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var berlin, _ = time.LoadLocation("Europe/Berlin")

func TestHolidaysThuringia(t *testing.T) {
	got := map[string]string{}
	for _, h := range Holidays(2026, "TH") {
		got[h.Date.String()] = h.Name
	}
	want := map[string]string{
		"2026-01-01": "Neujahr", "2026-04-03": "Karfreitag", "2026-04-06": "Ostermontag",
		"2026-05-01": "Tag der Arbeit", "2026-05-14": "Christi Himmelfahrt", "2026-05-25": "Pfingstmontag",
		"2026-09-20": "Weltkindertag", "2026-10-03": "Tag der Deutschen Einheit", "2026-10-31": "Reformationstag",
		"2026-12-25": "1. Weihnachtsfeiertag", "2026-12-26": "2. Weihnachtsfeiertag",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Thuringian holidays 2026 (-want +got):\n%s", diff)
	}
	if n := len(Holidays(2018, "TH")); n != 10 {
		t.Errorf("2018 has %d holidays, want 10 (no Weltkindertag before 2019)", n)
	}
}

func TestEaster(t *testing.T) {
	for year, want := range map[int]string{2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28", 2038: "2038-04-25"} {
		if got := DateOf(Easter(year)).String(); got != want {
			t.Errorf("Easter(%d) = %s, want %s", year, got, want)
		}
	}
}

func office(t *testing.T) Hours {
	t.Helper()
	var h Hours
	err := json.Unmarshal([]byte(`{
		"weekly": {"mon": ["08:00-12:00"], "tue": ["08:00-12:00", "13:00-18:00"], "wed": ["08:00-12:00"],
		           "thu": ["08:00-12:00", "13:00-18:00"], "fri": ["08:00-12:00"]},
		"exceptions": [{"date": "2026-12-24", "closed": true, "note": "Heiligabend"},
		               {"date": "2026-12-30", "open": ["09:00-11:00"], "note": "Jahresende"}],
		"holidays": "TH"}`), &h)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestAt(t *testing.T) {
	h := office(t)
	when := func(s string) time.Time {
		tt, err := time.ParseInLocation("2006-01-02 15:04", s, berlin)
		if err != nil {
			t.Fatal(err)
		}
		return tt
	}
	tests := []struct {
		at       string
		open     bool
		boundary string // Until when open, NextOpen when closed
		reason   string
	}{
		{"2026-12-03 10:00", true, "2026-12-03 12:00", ""},             // Thursday morning
		{"2026-12-03 12:30", false, "2026-12-03 13:00", ""},            // lunch break
		{"2026-12-03 17:59", true, "2026-12-03 18:00", ""},             // just before closing
		{"2026-12-03 18:00", false, "2026-12-04 08:00", ""},            // closed at 18:00 sharp
		{"2026-12-05 10:00", false, "2026-12-07 08:00", ""},            // Saturday → Monday
		{"2026-12-24 10:00", false, "2026-12-28 08:00", "Heiligabend"}, // 25, 26 holidays, 27 Sunday
		{"2026-12-30 10:00", true, "2026-12-30 11:00", "Jahresende"},
		{"2026-10-30 09:00", true, "2026-10-30 12:00", ""},
		{"2027-10-29 13:00", false, "2027-11-01 08:00", ""}, // Friday afternoon; Sat 30, Sun 31 (Reformationstag)
		{"2026-03-27 09:00", true, "2026-03-27 12:00", ""},  // before the DST change
	}
	for _, tc := range tests {
		st := h.At(when(tc.at))
		got := st.NextOpen
		if st.Open {
			got = st.Until
		}
		if st.Open != tc.open || !got.Equal(when(tc.boundary)) || st.Reason != tc.reason {
			t.Errorf("At(%s) = open %v, boundary %s, reason %q; want %v, %s, %q",
				tc.at, st.Open, got.Format("2006-01-02 15:04"), st.Reason, tc.open, tc.boundary, tc.reason)
		}
	}
}

func TestWeekNamesHolidays(t *testing.T) {
	days := office(t).Week(Date{2026, time.December, 23}, 5)
	var reasons []string
	for _, d := range days {
		reasons = append(reasons, d.Reason)
	}
	want := []string{"", "Heiligabend", "1. Weihnachtsfeiertag", "2. Weihnachtsfeiertag", ""}
	if diff := cmp.Diff(want, reasons); diff != "" {
		t.Errorf("week reasons (-want +got):\n%s", diff)
	}
	if len(days[0].Intervals) != 1 || days[0].Intervals[0].String() != "08:00-12:00" {
		t.Errorf("Wednesday 23 Dec = %v, want [08:00-12:00]", days[0].Intervals)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	h := office(t)
	b, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	var back Hours
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(h, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestJSONRejectsBadInput(t *testing.T) {
	for _, in := range []string{
		`{"weekly": {"monday": ["08:00-12:00"]}}`,
		`{"weekly": {"mon": ["12:00-08:00"]}}`,
		`{"weekly": {"mon": ["08:00-12:00", "11:00-13:00"]}}`,
		`{"weekly": {"mon": ["8 bis 12"]}}`,
		`{"weekly": {"mon": ["08:00-25:00"]}}`,
		`{"exceptions": [{"date": "24.12.2026", "closed": true}]}`,
		`{"holidays": "XX"}`,
		`{"exceptions": [{"date": "2026-12-24", "closed": true, "open": ["08:00-10:00"]}]}`,
	} {
		var h Hours
		if err := json.Unmarshal([]byte(in), &h); err == nil {
			t.Errorf("Unmarshal(%s) accepted, want an error", in)
		}
	}
}
