package appointment

import (
	"strings"
	"testing"
	"time"

	"rathaus/internal/catalog"
	"rathaus/internal/hours"
)

var berlin, _ = time.LoadLocation("Europe/Berlin")

func local(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, berlin)
}

// office hours: Monday to Friday 08:00-12:00, Thursday also 14:00-18:00,
// Thuringian holidays closed.
func testHours() hours.Hours {
	var h hours.Hours
	for d := time.Monday; d <= time.Friday; d++ {
		h.Weekly[d] = []hours.Interval{{From: 8 * 60, To: 12 * 60}}
	}
	h.Weekly[time.Thursday] = append(h.Weekly[time.Thursday], hours.Interval{From: 14 * 60, To: 18 * 60})
	h.Holidays = "TH"
	return h
}

func testSetup() *Setup {
	return &Setup{OfficeID: 1, Enabled: true, Counters: 2, SlotMinutes: 10, MinDays: 1, MaxDays: 56,
		Services: []ServiceSetup{{ServiceID: 10, Minutes: 15}, {ServiceID: 11, Minutes: 20, ExtraMinutes: 10}}}
}

func TestDurationRoundsToGridAndAddsPersons(t *testing.T) {
	st := testSetup()
	cases := []struct {
		ids     []int64
		persons int
		want    time.Duration
		ok      bool
	}{
		{[]int64{10}, 1, 20 * time.Minute, true},     // 15 -> 20 on the 10-minute grid
		{[]int64{10}, 2, 30 * time.Minute, true},     // 15+15
		{[]int64{11}, 3, 40 * time.Minute, true},     // 20+10+10
		{[]int64{10, 11}, 1, 40 * time.Minute, true}, // ID card and passport together: 35 -> 40
		{[]int64{12}, 1, 0, false},                   // not offered here
		{nil, 1, 0, false},
	}
	for _, c := range cases {
		got, ok := st.Duration(c.ids, c.persons)
		if got != c.want || ok != c.ok {
			t.Errorf("Duration(%v, %d) = %v, %v; want %v, %v", c.ids, c.persons, got, ok, c.want, c.ok)
		}
	}
}

func TestFreeSlotsFollowOpeningHoursAndCapacity(t *testing.T) {
	st := testSetup()
	day := hours.Date{Year: 2026, Month: time.December, Day: 3} // a Thursday
	busy := []Busy{
		// both counters busy 08:00-08:20, one busy 09:00-09:40
		{OfficeID: 1, Start: local(2026, 12, 3, 8, 0), End: local(2026, 12, 3, 8, 20)},
		{OfficeID: 1, Start: local(2026, 12, 3, 8, 0), End: local(2026, 12, 3, 8, 20)},
		{OfficeID: 1, Start: local(2026, 12, 3, 9, 0), End: local(2026, 12, 3, 9, 40)},
		{OfficeID: 2, Start: local(2026, 12, 3, 10, 0), End: local(2026, 12, 3, 11, 0)}, // another office
	}
	slots := st.FreeSlots(testHours(), berlin, day, day, 20*time.Minute, busy, time.Time{})
	byTime := map[string]int{}
	for _, s := range slots {
		byTime[s.Start.In(berlin).Format("15:04")] = s.Free
	}
	want := map[string]int{"08:00": 0, "08:10": 0, "08:20": 2, "08:50": 1, "09:00": 1, "09:40": 2, "11:40": 2, "11:50": 0, "14:00": 2, "17:40": 2, "12:00": 0, "13:50": 0}
	for at, free := range want {
		if byTime[at] != free {
			t.Errorf("slot %s: free %d, want %d", at, byTime[at], free)
		}
	}
	// 4 h morning: 08:00..11:40 = 23 starts, minus 08:00 and 08:10;
	// afternoon 14:00..17:40 = 23 starts.
	if len(slots) != 21+23 {
		t.Errorf("%d slots, want %d", len(slots), 21+23)
	}
}

func TestFreeSlotsWindowsWalkInsAndHolidays(t *testing.T) {
	st := testSetup()
	st.WalkInCounters = 1
	var thu [7]bool
	thu[time.Thursday] = true
	st.Windows = []Window{{Weekdays: thu, From: 14 * 60, To: 18 * 60, Counters: 4}}
	day := hours.Date{Year: 2026, Month: time.December, Day: 3}
	slots := st.FreeSlots(testHours(), berlin, day, day, 20*time.Minute, nil, time.Time{})
	for _, s := range slots {
		want := 1 // 2 counters, 1 kept for walk-ins
		if s.Start.In(berlin).Hour() >= 14 {
			want = 3 // the Thursday afternoon window has 4
		}
		if s.Free != want {
			t.Fatalf("slot %s: free %d, want %d", s.Start.In(berlin).Format("15:04"), s.Free, want)
		}
	}
	christmas := hours.Date{Year: 2026, Month: time.December, Day: 25} // a Friday, public holiday
	if got := st.FreeSlots(testHours(), berlin, christmas, christmas, 20*time.Minute, nil, time.Time{}); len(got) != 0 {
		t.Errorf("%d slots on Christmas Day, want none", len(got))
	}
}

func TestHorizonAndRelease(t *testing.T) {
	st := testSetup()
	st.MaxDays = 28
	st.ReleaseMinute = 7 * 60
	first, last := st.Horizon(local(2026, 12, 3, 6, 59), berlin)
	if first.String() != "2026-12-04" || last.String() != "2026-12-30" {
		t.Errorf("before 07:00: horizon %s..%s, want 2026-12-04..2026-12-30", first, last)
	}
	_, last = st.Horizon(local(2026, 12, 3, 7, 0), berlin)
	if last.String() != "2026-12-31" {
		t.Errorf("from 07:00: last day %s, want 2026-12-31 (released)", last)
	}
}

func TestFitsOnlyOnTheGrid(t *testing.T) {
	st := testSetup()
	free, onGrid := st.fits(testHours(), berlin, local(2026, 12, 3, 8, 5), 20*time.Minute, nil)
	if onGrid || free != 0 {
		t.Errorf("08:05 is off the grid, got free %d onGrid %v", free, onGrid)
	}
	_, onGrid = st.fits(testHours(), berlin, local(2026, 12, 3, 11, 50), 20*time.Minute, nil)
	if onGrid {
		t.Error("11:50 for 20 minutes runs past closing time and must not be a slot")
	}
	full := []Busy{{OfficeID: 1, Start: local(2026, 12, 3, 10, 0), End: local(2026, 12, 3, 10, 20)}, {OfficeID: 1, Start: local(2026, 12, 3, 10, 10), End: local(2026, 12, 3, 10, 30)}}
	free, onGrid = st.fits(testHours(), berlin, local(2026, 12, 3, 10, 0), 20*time.Minute, full)
	if !onGrid || free != 0 {
		t.Errorf("10:00 with both counters taken at 10:10: free %d onGrid %v, want 0 true", free, onGrid)
	}
}

func TestPickNextOrder(t *testing.T) {
	now := local(2026, 12, 3, 10, 0)
	at := func(h, m int) *time.Time { t := local(2026, 12, 3, h, m); return &t }
	early := &Ticket{ID: 1, Number: 1, Kind: KindAppointment, Status: Waiting, Start: at(11, 0)}
	walk2 := &Ticket{ID: 2, Number: 2, Kind: KindWalkIn, Status: Waiting}
	walk3 := &Ticket{ID: 3, Number: 3, Kind: KindWalkIn, Status: Waiting}
	due := &Ticket{ID: 4, Number: 4, Kind: KindAppointment, Status: Waiting, Start: at(10, 0)}
	if got := pickNext([]*Ticket{early, walk2, walk3, due}, now); got != due {
		t.Errorf("picked %d, want the appointment that is due (4)", got.ID)
	}
	due.Status = Called
	if got := pickNext([]*Ticket{early, walk3, walk2, due}, now); got != walk2 {
		t.Errorf("picked %d, want the lowest walk-in number (2)", got.ID)
	}
	walk2.Status, walk3.Status = Called, Called
	if got := pickNext([]*Ticket{early, walk2, walk3, due}, now); got != early {
		t.Errorf("picked %d, want the early appointment when nobody else waits", got.ID)
	}
	early.Status = Called
	if got := pickNext([]*Ticket{early, walk2, walk3, due}, now); got != nil {
		t.Errorf("picked %d from nobody waiting", got.ID)
	}
}

func TestCodes(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		c := newCode()
		if len(c) != 7 || c[3] != '-' || NormalizeCode(c) != c {
			t.Fatalf("bad code %q", c)
		}
		seen[c] = true
	}
	if len(seen) < 990 {
		t.Errorf("only %d distinct codes in 1000", len(seen))
	}
	if got := NormalizeCode(" k7m 4qx "); got != "K7M-4QX" {
		t.Errorf("NormalizeCode = %q", got)
	}
	if got := NormalizeCode("K7M-4Q"); got != "" {
		t.Errorf("a short code normalized to %q", got)
	}
}

func TestCalendarFile(t *testing.T) {
	lat, lon := 50.9272, 11.5892
	o := &catalog.Office{Name: "Bürgerservice, Markt; Jena", Lat: &lat, Lon: &lon,
		Address: catalog.Address{Street: "Markt", HouseNo: "1", PostalCode: "07743", City: "Jena"}}
	b := &Booking{Code: "K7M-4QX", Start: local(2026, 12, 3, 10, 20), End: local(2026, 12, 3, 10, 40), Status: Confirmed}
	desc := strings.Repeat("Bitte bringen Sie Ihren Personalausweis und ein biometrisches Passfoto mit. ", 3)
	ics := string(Calendar(b, o, "Termin: Personalausweis beantragen", desc, "rathaus.test", local(2026, 11, 29, 9, 0)))
	for _, want := range []string{
		"BEGIN:VCALENDAR\r\n", "VERSION:2.0\r\n", "DTSTART:20261203T092000Z\r\n", "DTEND:20261203T094000Z\r\n",
		"LOCATION:Bürgerservice\\, Markt\\; Jena\\, Markt 1\\, 07743 Jena\r\n", "GEO:50.927200;11.589200\r\n",
		"UID:K7M-4QX-20261203T092000Z@rathaus.test\r\n", "END:VCALENDAR\r\n",
	} {
		if !strings.Contains(ics, want) {
			t.Errorf("calendar lacks %q:\n%s", want, ics)
		}
	}
	for _, line := range strings.Split(ics, "\r\n") {
		if len(line) > 75 {
			t.Errorf("line longer than 75 octets: %q", line)
		}
	}
	unfolded := strings.ReplaceAll(ics, "\r\n ", "")
	if !strings.Contains(unfolded, "DESCRIPTION:"+icsText(desc)) {
		t.Error("the folded description does not unfold to the original")
	}
}
