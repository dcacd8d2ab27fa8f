package storetest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/appointment"
	"rathaus/internal/fault"
	"rathaus/internal/jobs"
	"rathaus/internal/mail"
	"rathaus/internal/processlog"
)

// day1 is a Tuesday morning after t0; bookings start on its grid.
var day1 = time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)

// apptOffice creates a catalogue office with a one-counter setup.
func apptOffice(t *testing.T, s Stores, name string) int64 {
	t.Helper()
	o := newOffice(t, s, name, "", "")
	must(t, s.SaveSetup(ctx, &appointment.Setup{OfficeID: o.ID, Enabled: true, Counters: 1, SlotMinutes: 10,
		MaxDays: 28, MaxPersons: 4, UpdatedAt: t0}))
	return o.ID
}

// newBooking is a 20-minute booking of service 7 by erika@example.org,
// held for an hour after t0.
func newBooking(office int64, code string, start time.Time, status string) *appointment.Booking {
	return &appointment.Booking{Code: code, OfficeID: office, ServiceIDs: []int64{7}, Persons: 1,
		Start: start, End: start.Add(20 * time.Minute), Name: "Erika Mustermann", Email: "erika@example.org",
		Lang: "de", Status: status, HoldUntil: t0.Add(time.Hour), CreatedAt: t0}
}

func allow([]appointment.Busy, map[int64]int) error { return nil }

func book(t *testing.T, s Stores, b *appointment.Booking) *appointment.Booking {
	t.Helper()
	if err := s.CreateBooking(ctx, b, t0, allow, appointment.Effects{}); err != nil {
		t.Fatalf("CreateBooking %s: %v", b.Code, err)
	}
	return b
}

func testAppointmentSetups(t *testing.T, s Stores) {
	office := newOffice(t, s, "Bürgeramt", "", "")
	var thuFri [7]bool
	thuFri[time.Thursday], thuFri[time.Friday] = true, true
	var sun [7]bool
	sun[time.Sunday] = true
	st := &appointment.Setup{OfficeID: office.ID, Enabled: true, Counters: 3, WalkInCounters: 1, SlotMinutes: 15,
		MinDays: 1, MaxDays: 42, ReleaseMinute: 7 * 60, MaxPersons: 5, MaxActivePerEmail: 2,
		Windows:   []appointment.Window{{Weekdays: thuFri, From: 14 * 60, To: 18 * 60, Counters: 5}, {Weekdays: sun, From: 0, To: 60}},
		Services:  []appointment.ServiceSetup{{ServiceID: 11, Minutes: 20, ExtraMinutes: 10}, {ServiceID: 12, Minutes: 45}},
		UpdatedAt: t0}
	must(t, s.SaveSetup(ctx, st))
	want := *st
	want.UpdatedAt = t0us
	got, err := s.FindSetup(ctx, office.ID)
	must(t, err)
	if d := cmp.Diff(&want, got); d != "" {
		t.Errorf("setup (-want +got):\n%s", d)
	}

	// Saving again replaces it.
	st.Enabled, st.Windows, st.Services, st.Counters, st.UpdatedAt = false, nil, st.Services[1:], 2, t0.Add(time.Hour)
	must(t, s.SaveSetup(ctx, st))
	got, err = s.FindSetup(ctx, office.ID)
	must(t, err)
	if got.Enabled || got.Windows != nil || len(got.Services) != 1 || got.Services[0].ServiceID != 12 || got.Counters != 2 ||
		!got.UpdatedAt.Equal(t0us.Add(time.Hour)) {
		t.Errorf("after second save = %+v", got)
	}

	other := apptOffice(t, s, "Standesamt")
	all, err := s.FindSetups(ctx)
	must(t, err)
	if len(all) != 2 || all[0].OfficeID != office.ID || all[1].OfficeID != other {
		t.Errorf("FindSetups = %+v", all)
	}
	if _, err := s.FindSetup(ctx, office.ID+other); !fault.Is(err, fault.NotFound) {
		t.Errorf("FindSetup of an office without setup = %v, want NotFound", err)
	}
	if err := s.SaveSetup(ctx, &appointment.Setup{OfficeID: office.ID + other, SlotMinutes: 10, UpdatedAt: t0}); !fault.Is(err, fault.NotFound) {
		t.Errorf("SaveSetup for a missing office = %v, want NotFound", err)
	}
}

// fullBooking sets every field of a booking.
func fullBooking(t *testing.T, s Stores, office int64) *appointment.Booking {
	u := newUser(t, s, "erika@example.org")
	confirmed, checkedIn, finished, cancelled := t0.Add(time.Minute), t0.Add(2*time.Hour), t0.Add(3*time.Hour), t0.Add(4*time.Hour)
	b := newBooking(office, "K7M-4QX", day1, appointment.Served)
	b.ServiceIDs, b.Persons, b.Phone, b.UserID, b.Lang = []int64{3, 9}, 2, "+49 3641 123", &u.ID, "en"
	b.Email = "Erika@Example.org"
	b.ConfirmHash, b.ManageHash, b.ClientHash = []byte{0, 1, 2, 0xfe}, []byte{0xff, 0x10}, "c1ient"
	b.ConfirmedAt, b.CheckedInAt, b.FinishedAt, b.CancelledAt = &confirmed, &checkedIn, &finished, &cancelled
	return b
}

// us returns b as the store keeps it: times to the microsecond in UTC.
func us(b appointment.Booking) *appointment.Booking {
	r := func(p *time.Time) *time.Time {
		if p == nil {
			return nil
		}
		v := p.UTC().Truncate(time.Microsecond)
		return &v
	}
	b.HoldUntil, b.CreatedAt = b.HoldUntil.UTC().Truncate(time.Microsecond), b.CreatedAt.UTC().Truncate(time.Microsecond)
	b.ConfirmedAt, b.CancelledAt, b.CheckedInAt, b.FinishedAt = r(b.ConfirmedAt), r(b.CancelledAt), r(b.CheckedInAt), r(b.FinishedAt)
	return &b
}

func testBookingRoundTrip(t *testing.T, s Stores) {
	office := apptOffice(t, s, "Bürgeramt")
	b := book(t, s, fullBooking(t, s, office))
	if b.ID == 0 {
		t.Fatal("CreateBooking set no ID")
	}
	want := us(*b)
	for name, find := range map[string]func() (*appointment.Booking, error){
		"by id":           func() (*appointment.Booking, error) { return s.FindBooking(ctx, b.ID) },
		"by confirm hash": func() (*appointment.Booking, error) { return s.FindBookingByConfirmHash(ctx, []byte{0, 1, 2, 0xfe}) },
		"by manage hash":  func() (*appointment.Booking, error) { return s.FindBookingByManageHash(ctx, []byte{0xff, 0x10}) },
	} {
		got, err := find()
		must(t, err)
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("booking %s (-want +got):\n%s", name, d)
		}
	}
	if _, err := s.FindBooking(ctx, b.ID+1); !fault.Is(err, fault.NotFound) {
		t.Errorf("FindBooking of a missing id = %v, want NotFound", err)
	}
	for _, h := range [][]byte{nil, {1}} {
		if _, err := s.FindBookingByManageHash(ctx, h); !fault.Is(err, fault.NotFound) {
			t.Errorf("FindBookingByManageHash(%x) = %v, want NotFound", h, err)
		}
		if _, err := s.FindBookingByConfirmHash(ctx, h); !fault.Is(err, fault.NotFound) {
			t.Errorf("FindBookingByConfirmHash(%x) = %v, want NotFound", h, err)
		}
	}

	// A held booking: no hashes, no user, no times but the hold.
	h := book(t, s, newBooking(office, "HLD-001", day1.Add(time.Hour), appointment.Held))
	got, err := s.FindBooking(ctx, h.ID)
	must(t, err)
	if d := cmp.Diff(us(*h), got); d != "" {
		t.Errorf("held booking (-want +got):\n%s", d)
	}

	dup := newBooking(office, "K7M-4QX", day1.Add(2*time.Hour), appointment.Held)
	if err := s.CreateBooking(ctx, dup, t0, allow, appointment.Effects{}); !fault.Is(err, fault.Conflict) {
		t.Errorf("CreateBooking with a taken code = %v, want Conflict", err)
	}
}

func testFindBookings(t *testing.T, s Stores) {
	a, b := apptOffice(t, s, "Mitte"), apptOffice(t, s, "Lobeda")
	u := newUser(t, s, "max@example.org")
	book(t, s, newBooking(a, "A-1", day1, appointment.Confirmed))
	b2 := newBooking(a, "A-2", day1.Add(time.Hour), appointment.Held)
	b2.Email, b2.UserID, b2.ClientHash = "MAX@example.org", &u.ID, "client-x"
	book(t, s, b2)
	book(t, s, newBooking(a, "A-3", day1.Add(24*time.Hour), appointment.Cancelled))
	b4 := newBooking(b, "B-1", day1.Add(30*time.Minute), appointment.Confirmed)
	b4.ClientHash, b4.CreatedAt = "client-x", t0.Add(-48*time.Hour)
	book(t, s, b4)

	codes := func(f appointment.BookingFilter) []string {
		t.Helper()
		bs, err := s.FindBookings(ctx, f)
		must(t, err)
		var out []string
		for _, b := range bs {
			out = append(out, b.Code)
		}
		return out
	}
	for name, tc := range map[string]struct {
		f    appointment.BookingFilter
		want []string
	}{
		"all, latest start first": {appointment.BookingFilter{}, []string{"A-3", "A-2", "B-1", "A-1"}},
		"code":                    {appointment.BookingFilter{Code: "A-2"}, []string{"A-2"}},
		"office":                  {appointment.BookingFilter{OfficeID: &b}, []string{"B-1"}},
		"user":                    {appointment.BookingFilter{UserID: &u.ID}, []string{"A-2"}},
		"email in any case":       {appointment.BookingFilter{Email: "max@EXAMPLE.org"}, []string{"A-2"}},
		"statuses":                {appointment.BookingFilter{Statuses: []string{appointment.Confirmed, appointment.Cancelled}}, []string{"A-3", "B-1", "A-1"}},
		"from inclusive":          {appointment.BookingFilter{From: day1.Add(time.Hour)}, []string{"A-3", "A-2"}},
		"to exclusive":            {appointment.BookingFilter{To: day1.Add(time.Hour)}, []string{"B-1", "A-1"}},
		"limit":                   {appointment.BookingFilter{Limit: 1}, []string{"A-3"}},
	} {
		if d := cmp.Diff(tc.want, codes(tc.f)); d != "" {
			t.Errorf("%s (-want +got):\n%s", name, d)
		}
	}

	byEmail, byClient, err := s.CountBookingsSince(ctx, "Erika@example.org", "client-x", t0.Add(-time.Hour))
	must(t, err)
	if byEmail != 2 || byClient != 1 {
		t.Errorf("CountBookingsSince = %d by email, %d by client; want 2, 1", byEmail, byClient)
	}
	if _, byClient, _ := s.CountBookingsSince(ctx, "x@example.org", "", t0.Add(-72*time.Hour)); byClient != 0 {
		t.Errorf("CountBookingsSince without client hash counted %d by client", byClient)
	}
}

// testFindBusy checks which bookings claim capacity: confirmed, checked
// in and served ones, and held ones only while the hold lasts.
func testFindBusy(t *testing.T, s Stores) {
	a, other := apptOffice(t, s, "Mitte"), apptOffice(t, s, "Lobeda")
	now := t0
	at := func(i int) time.Time { return day1.Add(time.Duration(i) * time.Hour) }
	claims := map[string]int64{}
	for i, c := range []struct {
		code, status string
		hold         time.Time
		office       int64
	}{
		{"CONF", appointment.Confirmed, time.Time{}, a},
		{"CHKD", appointment.CheckedIn, time.Time{}, a},
		{"SERV", appointment.Served, time.Time{}, a},
		{"HELD", appointment.Held, now.Add(time.Minute), a},
		{"STALE", appointment.Held, now, a}, // the hold ends now: free again
		{"GONE", appointment.Held, now.Add(-time.Minute), a},
		{"CANC", appointment.Cancelled, time.Time{}, a},
		{"EXPD", appointment.Expired, time.Time{}, a},
		{"NOSH", appointment.NoShow, time.Time{}, a},
		{"ELSE", appointment.Confirmed, time.Time{}, other},
	} {
		b := newBooking(c.office, c.code, at(i), c.status)
		b.HoldUntil = c.hold
		claims[c.code] = book(t, s, b).ID
	}
	busy, err := s.FindBusy(ctx, []int64{a}, day1, day1.Add(24*time.Hour), now)
	must(t, err)
	want := []appointment.Busy{
		{OfficeID: a, Start: at(0), End: at(0).Add(20 * time.Minute), BookingID: claims["CONF"]},
		{OfficeID: a, Start: at(1), End: at(1).Add(20 * time.Minute), BookingID: claims["CHKD"]},
		{OfficeID: a, Start: at(2), End: at(2).Add(20 * time.Minute), BookingID: claims["SERV"]},
		{OfficeID: a, Start: at(3), End: at(3).Add(20 * time.Minute), BookingID: claims["HELD"], HoldUntil: now.Add(time.Minute).Truncate(time.Microsecond)},
	}
	if d := cmp.Diff(want, busy); d != "" {
		t.Errorf("FindBusy (-want +got):\n%s", d)
	}
	// A zero now returns every held claim with the end of its hold, for
	// callers that cache the claims and decide on expiry themselves.
	all, err := s.FindBusy(ctx, []int64{a}, day1, day1.Add(24*time.Hour), time.Time{})
	must(t, err)
	var holds []time.Time
	for _, b := range all {
		if !b.HoldUntil.IsZero() {
			holds = append(holds, b.HoldUntil)
		}
	}
	if d := cmp.Diff([]time.Time{now.Add(time.Minute).Truncate(time.Microsecond), now.Truncate(time.Microsecond), now.Add(-time.Minute).Truncate(time.Microsecond)}, holds); d != "" {
		t.Errorf("held claims with a zero now (-want +got):\n%s", d)
	}

	// [from, to) overlaps: a claim ending at from or starting at to is outside.
	busy, err = s.FindBusy(ctx, []int64{a, other}, at(0).Add(20*time.Minute), at(9), now)
	must(t, err)
	if len(busy) != 3 || busy[0].BookingID != claims["CHKD"] || busy[2].BookingID != claims["HELD"] {
		t.Errorf("FindBusy from the first end to the last start = %+v", busy)
	}
	busy, err = s.FindBusy(ctx, []int64{a, other}, at(9).Add(-time.Minute), at(9).Add(time.Minute), now)
	must(t, err)
	if len(busy) != 1 || busy[0].OfficeID != other {
		t.Errorf("FindBusy of both offices = %+v, want the other office's booking", busy)
	}
	busy, err = s.FindBusy(ctx, nil, day1, day1.Add(24*time.Hour), now)
	if err != nil || len(busy) != 0 {
		t.Errorf("FindBusy of no office = %v, %v", busy, err)
	}
}

// effects is one of each effect, for booking code.
func effects(code, to string, at time.Time) appointment.Effects {
	return appointment.Effects{
		Mails:  []mail.Message{{To: to, Subject: "Termin " + code, Text: "Ihr Termin", CreatedAt: at}},
		Jobs:   []jobs.Job{{Kind: "appointment.remind", Payload: []byte(`{"code":"` + code + `"}`), RunAt: at.Add(time.Hour), UniqueKey: "remind:" + code}},
		Events: []processlog.Event{{Process: appointment.Process, CaseID: code, Activity: "booked", At: at, Resource: "citizen", Attrs: map[string]string{"office": "1"}}},
	}
}

// written reports how many mails to the address, reminder jobs and events
// of the case exist.
func written(t *testing.T, s Stores, to, code string) (mails, reminders, events int) {
	t.Helper()
	ms, err := s.FindMessages(ctx, mail.Filter{To: to})
	must(t, err)
	js, err := s.FindJobs(ctx, jobs.Filter{Kind: "appointment.remind"})
	must(t, err)
	for _, j := range js {
		if j.UniqueKey == "remind:"+code {
			reminders++
		}
	}
	evs, err := s.FindEvents(ctx, processlog.Filter{Process: appointment.Process, CaseID: code})
	must(t, err)
	return len(ms), reminders, len(evs)
}

func testBookingCheck(t *testing.T, s Stores) {
	a, other := apptOffice(t, s, "Mitte"), apptOffice(t, s, "Lobeda")
	now := t0
	active := func(code string, office int64, start time.Time, ids []int64, status, email string) *appointment.Booking {
		b := newBooking(office, code, start, status)
		b.ServiceIDs, b.Email = ids, email
		return book(t, s, b)
	}
	active("YDAY", a, day1.Add(-25*time.Hour), []int64{7}, appointment.Confirmed, "x@example.org")
	same := active("SAME", a, day1.Add(time.Hour), []int64{7, 8}, appointment.Confirmed, "erika@example.org")
	held := active("HELD", a, day1.Add(2*time.Hour), []int64{8}, appointment.Held, "ERIKA@example.org")
	active("CANC", a, day1.Add(3*time.Hour), []int64{7}, appointment.Cancelled, "erika@example.org")
	active("PAST", a, now.Add(-time.Hour), []int64{7}, appointment.Confirmed, "erika@example.org")
	active("ELSE", other, day1, []int64{7}, appointment.Confirmed, "erika@example.org")
	gone := newBooking(a, "GONE", day1.Add(4*time.Hour), appointment.Held)
	gone.HoldUntil = now.Add(-time.Second)
	book(t, s, gone)

	b := newBooking(a, "NEW", day1, appointment.Held)
	var gotBusy []appointment.Busy
	var gotActive map[int64]int
	slotGone := fault.New(fault.Conflict, "error.appointment.slot_gone")
	err := s.CreateBooking(ctx, b, now, func(busy []appointment.Busy, active map[int64]int) error {
		gotBusy, gotActive = busy, active
		return slotGone
	}, effects("NEW", "erika@example.org", now))
	if err != slotGone {
		t.Fatalf("CreateBooking = %v, want the check's error unchanged", err)
	}
	// The day before to the day after the booking: yesterday's booking
	// ends more than a day before this one starts.
	wantBusy := []appointment.Busy{
		{OfficeID: a, Start: same.Start, End: same.End, BookingID: same.ID},
		{OfficeID: a, Start: held.Start, End: held.End, BookingID: held.ID, HoldUntil: held.HoldUntil.Truncate(time.Microsecond)},
	}
	if d := cmp.Diff(wantBusy, gotBusy); d != "" {
		t.Errorf("busy given to check (-want +got):\n%s", d)
	}
	if d := cmp.Diff(map[int64]int{7: 1, 8: 2}, gotActive); d != "" {
		t.Errorf("active bookings given to check (-want +got):\n%s", d)
	}
	if b.ID != 0 {
		t.Errorf("refused booking got ID %d", b.ID)
	}
	if bs, _ := s.FindBookings(ctx, appointment.BookingFilter{Code: "NEW"}); len(bs) != 0 {
		t.Errorf("refused booking was stored: %+v", bs[0])
	}
	if m, j, e := written(t, s, "erika@example.org", "NEW"); m+j+e != 0 {
		t.Errorf("refused booking wrote %d mails, %d jobs, %d events", m, j, e)
	}

	// Allowed, it is written with its effects in one go.
	fx := effects("NEW", "erika@example.org", now)
	must(t, s.CreateBooking(ctx, b, now, allow, fx))
	if b.ID == 0 || fx.Mails[0].ID == 0 || fx.Jobs[0].ID == 0 || fx.Events[0].ID == 0 {
		t.Errorf("IDs not set: booking %d, mail %d, job %d, event %d", b.ID, fx.Mails[0].ID, fx.Jobs[0].ID, fx.Events[0].ID)
	}
	if m, j, e := written(t, s, "erika@example.org", "NEW"); m != 1 || j != 1 || e != 1 {
		t.Errorf("booking wrote %d mails, %d reminder jobs, %d events; want 1 each", m, j, e)
	}
	sends, err := s.FindJobs(ctx, jobs.Filter{Kind: mail.JobKind})
	must(t, err)
	if len(sends) != 1 {
		t.Errorf("%d delivery jobs, want 1 for the mail", len(sends))
	}
	evs, err := s.FindEvents(ctx, processlog.Filter{CaseID: "NEW"})
	must(t, err)
	wantEv := &processlog.Event{ID: fx.Events[0].ID, Process: appointment.Process, CaseID: "NEW", Activity: "booked", At: t0us,
		Resource: "citizen", Attrs: map[string]string{"office": "1"}}
	if len(evs) != 1 || !cmp.Equal(wantEv, evs[0]) {
		t.Errorf("events = %+v, want %+v", evs, wantEv)
	}

	// A job whose unique key is taken is skipped; the rest is written.
	again := newBooking(a, "AGAIN", day1.Add(5*time.Hour), appointment.Held)
	fx = effects("NEW", "erika@example.org", now)
	must(t, s.CreateBooking(ctx, again, now, allow, fx))
	if m, j, e := written(t, s, "erika@example.org", "NEW"); m != 2 || j != 1 || e != 2 {
		t.Errorf("after a second booking with the same job key: %d mails, %d jobs, %d events; want 2, 1, 2", m, j, e)
	}

	noSetup := newOffice(t, s, "Ohne Termine", "", "")
	if err := s.CreateBooking(ctx, newBooking(noSetup.ID, "NOPE", day1, appointment.Held), now, allow, appointment.Effects{}); !fault.Is(err, fault.NotFound) {
		t.Errorf("CreateBooking at an office without setup = %v, want NotFound", err)
	}
}
