package storetest

import (
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/appointment"
	"rathaus/internal/fault"
	"rathaus/internal/hours"
	"rathaus/internal/processlog"
)

func dateOf(t time.Time) hours.Date { return hours.DateOf(t.UTC()) }

// ticket issues a waiting ticket ("T" for appointments, "W" for walk-ins).
func ticket(t *testing.T, s Stores, office int64, day hours.Date, kind string, booking *int64) *appointment.Ticket {
	t.Helper()
	tk := &appointment.Ticket{OfficeID: office, Day: day, Kind: kind, BookingID: booking, ServiceIDs: []int64{7},
		Status: appointment.Waiting, IssuedAt: t0}
	prefix := "W"
	if kind == appointment.KindAppointment {
		prefix = "T"
	}
	if err := s.CreateTicket(ctx, tk, prefix, nil); err != nil {
		t.Fatalf("CreateTicket: %v", err)
	}
	return tk
}

func ticketIDs(t *testing.T, s Stores, office int64, day hours.Date) []int64 {
	t.Helper()
	ts, err := s.FindTickets(ctx, office, day)
	must(t, err)
	var ids []int64
	for _, tk := range ts {
		ids = append(ids, tk.ID)
	}
	return ids
}

func testTickets(t *testing.T, s Stores) {
	a, b := apptOffice(t, s, "Mitte"), apptOffice(t, s, "Lobeda")
	d1, d2 := dateOf(day1), dateOf(day1.Add(24*time.Hour))
	booked := book(t, s, newBooking(a, "VISIT", day1.Add(time.Hour), appointment.Confirmed))

	// Numbers count per office and day, across both kinds.
	w1 := ticket(t, s, a, d1, appointment.KindWalkIn, nil)
	tk := &appointment.Ticket{OfficeID: a, Day: d1, Kind: appointment.KindAppointment, BookingID: &booked.ID,
		ServiceIDs: []int64{7, 8}, Status: appointment.Waiting, IssuedAt: t0.Add(time.Minute)}
	fx := appointment.Effects{Events: []processlog.Event{{Process: appointment.Process, CaseID: "VISIT", Activity: "checked in", At: t0}}}
	must(t, s.CreateTicket(ctx, tk, "T", func(*appointment.Ticket) appointment.Effects { return fx }))
	bare := &appointment.Ticket{OfficeID: a, Day: d1, Kind: appointment.KindWalkIn, Status: appointment.Waiting, IssuedAt: t0}
	must(t, s.CreateTicket(ctx, bare, "", nil))
	other := ticket(t, s, b, d1, appointment.KindWalkIn, nil)
	next := ticket(t, s, a, d2, appointment.KindWalkIn, nil)
	for _, c := range []struct {
		tk     *appointment.Ticket
		number int
		label  string
	}{{w1, 1, "W 001"}, {tk, 2, "T 002"}, {bare, 3, ""}, {other, 1, "W 001"}, {next, 1, "W 001"}} {
		if c.tk.ID == 0 || c.tk.Number != c.number || c.tk.Label != c.label {
			t.Errorf("ticket %d = number %d, label %q; want %d, %q", c.tk.ID, c.tk.Number, c.tk.Label, c.number, c.label)
		}
	}

	// The appointment ticket carries its booking's start; the booking is
	// checked in at the ticket's issue.
	want := *tk
	want.IssuedAt, want.Start = t0us.Add(time.Minute), &booked.Start
	got, err := s.FindTicket(ctx, tk.ID)
	must(t, err)
	if d := cmp.Diff(&want, got); d != "" {
		t.Errorf("ticket (-want +got):\n%s", d)
	}
	gb, err := s.FindBooking(ctx, booked.ID)
	must(t, err)
	if gb.Status != appointment.CheckedIn || gb.CheckedInAt == nil || !gb.CheckedInAt.Equal(t0us.Add(time.Minute)) {
		t.Errorf("booking after check-in = %s at %v", gb.Status, gb.CheckedInAt)
	}
	if evs, _ := s.FindEvents(ctx, processlog.Filter{CaseID: "VISIT"}); len(evs) != 1 {
		t.Errorf("check-in wrote %d events, want 1", len(evs))
	}
	if d := cmp.Diff([]int64{w1.ID, tk.ID, bare.ID}, ticketIDs(t, s, a, d1)); d != "" {
		t.Errorf("FindTickets by number (-want +got):\n%s", d)
	}
	if _, err := s.FindTicket(ctx, next.ID+100); !fault.Is(err, fault.NotFound) {
		t.Errorf("FindTicket of a missing id = %v, want NotFound", err)
	}

	// A booking checked in already, or only held, gets no second ticket.
	held := book(t, s, newBooking(a, "HELD", day1.Add(2*time.Hour), appointment.Held))
	for _, id := range []int64{booked.ID, held.ID} {
		again := &appointment.Ticket{OfficeID: a, Day: d1, Kind: appointment.KindAppointment, BookingID: &id, Status: appointment.Waiting, IssuedAt: t0}
		fx := appointment.Effects{Events: []processlog.Event{{Process: appointment.Process, CaseID: "AGAIN", Activity: "checked in", At: t0}}}
		if err := s.CreateTicket(ctx, again, "T", func(*appointment.Ticket) appointment.Effects { return fx }); !fault.Is(err, fault.Conflict) {
			t.Errorf("ticket for booking %d = %v, want Conflict", id, err)
		}
	}
	if evs, _ := s.FindEvents(ctx, processlog.Filter{CaseID: "AGAIN"}); len(ticketIDs(t, s, a, d1)) != 3 || len(evs) != 0 {
		t.Errorf("refused tickets wrote something: %d tickets, %d events", len(ticketIDs(t, s, a, d1)), len(evs))
	}
	noSetup := newOffice(t, s, "Ohne Termine", "", "")
	if err := s.CreateTicket(ctx, &appointment.Ticket{OfficeID: noSetup.ID, Day: d1, Kind: appointment.KindWalkIn, Status: appointment.Waiting, IssuedAt: t0}, "W", nil); !fault.Is(err, fault.NotFound) {
		t.Errorf("ticket at an office without setup = %v, want NotFound", err)
	}
}

func testCallTicket(t *testing.T, s Stores) {
	a, b := apptOffice(t, s, "Mitte"), apptOffice(t, s, "Lobeda")
	d1 := dateOf(day1)
	first := ticket(t, s, a, d1, appointment.KindWalkIn, nil)
	second := ticket(t, s, a, d1, appointment.KindWalkIn, nil)
	third := ticket(t, s, a, d1, appointment.KindWalkIn, nil)
	ticket(t, s, b, d1, appointment.KindWalkIn, nil)
	ticket(t, s, a, dateOf(day1.Add(24*time.Hour)), appointment.KindWalkIn, nil)
	now := t0.Add(time.Hour)

	var offered []int64
	pickSecond := func(ts []*appointment.Ticket) *appointment.Ticket {
		offered = nil
		for _, tk := range ts {
			offered = append(offered, tk.ID)
		}
		return ts[1]
	}
	fx := func(tk *appointment.Ticket) appointment.Effects {
		return appointment.Effects{Events: []processlog.Event{{Process: appointment.Process, CaseID: tk.Label, Activity: "called",
			At: now, Attrs: map[string]string{"counter": strconv.Itoa(tk.Counter)}}}}
	}
	called, err := s.CallTicket(ctx, a, d1, pickSecond, 3, now, fx)
	must(t, err)
	if d := cmp.Diff([]int64{first.ID, second.ID, third.ID}, offered); d != "" {
		t.Errorf("tickets offered to pick (-want +got):\n%s", d)
	}
	if called.ID != second.ID || called.Status != appointment.Called || called.Counter != 3 || called.CalledAt == nil || !called.CalledAt.Equal(now.Truncate(time.Microsecond)) {
		t.Errorf("called = %+v", called)
	}
	stored, err := s.FindTicket(ctx, second.ID)
	must(t, err)
	if d := cmp.Diff(called, stored); d != "" {
		t.Errorf("stored called ticket (-want +got):\n%s", d)
	}
	evs, err := s.FindEvents(ctx, processlog.Filter{CaseID: second.Label})
	must(t, err)
	if len(evs) != 1 || evs[0].Attrs["counter"] != "3" {
		t.Errorf("events of the call = %+v, want one at counter 3", evs)
	}

	// Only waiting tickets are offered.
	_, err = s.CallTicket(ctx, a, d1, pickSecond, 1, now, fx)
	must(t, err)
	if d := cmp.Diff([]int64{first.ID, third.ID}, offered); d != "" {
		t.Errorf("tickets offered to the second pick (-want +got):\n%s", d)
	}
	none := func([]*appointment.Ticket) *appointment.Ticket { return nil }
	if _, err := s.CallTicket(ctx, a, d1, none, 1, now, fx); !fault.Is(err, fault.NotFound) {
		t.Errorf("CallTicket when pick chooses none = %v, want NotFound", err)
	}
	if got, _ := s.FindTicket(ctx, first.ID); got.Status != appointment.Waiting {
		t.Errorf("unpicked ticket is %s", got.Status)
	}
}

func testFinishTicket(t *testing.T, s Stores) {
	a := apptOffice(t, s, "Mitte")
	d1 := dateOf(day1)
	served := book(t, s, newBooking(a, "SERVED", day1, appointment.Confirmed))
	gone := book(t, s, newBooking(a, "GONE", day1.Add(time.Hour), appointment.Confirmed))
	t1 := ticket(t, s, a, d1, appointment.KindAppointment, &served.ID)
	t2 := ticket(t, s, a, d1, appointment.KindAppointment, &gone.ID)
	walkIn := ticket(t, s, a, d1, appointment.KindWalkIn, nil)
	now := t0.Add(time.Hour)
	fx := func(code string) appointment.Effects {
		return appointment.Effects{Events: []processlog.Event{{Process: appointment.Process, CaseID: code, Activity: "finished", At: now}}}
	}

	if _, err := s.FinishTicket(ctx, t1.ID, appointment.TicketDone, now, fx("EARLY")); !fault.Is(err, fault.Conflict) {
		t.Errorf("finishing a waiting ticket = %v, want Conflict", err)
	}
	call := func(id int64) {
		t.Helper()
		pick := func(ts []*appointment.Ticket) *appointment.Ticket {
			for _, tk := range ts {
				if tk.ID == id {
					return tk
				}
			}
			return nil
		}
		if _, err := s.CallTicket(ctx, a, d1, pick, 1, now, func(*appointment.Ticket) appointment.Effects { return appointment.Effects{} }); err != nil {
			t.Fatalf("CallTicket: %v", err)
		}
	}
	for _, c := range []struct {
		tk            *appointment.Ticket
		status        string
		booking       int64
		bookingStatus string
		code          string
	}{
		{t1, appointment.TicketDone, served.ID, appointment.Served, "SERVED"},
		{t2, appointment.TicketGone, gone.ID, appointment.NoShow, "GONE"},
		{walkIn, appointment.TicketDone, 0, "", "WALKIN"},
	} {
		call(c.tk.ID)
		got, err := s.FinishTicket(ctx, c.tk.ID, c.status, now.Add(time.Minute), fx(c.code))
		must(t, err)
		if got.Status != c.status || got.FinishedAt == nil || !got.FinishedAt.Equal(now.Add(time.Minute).Truncate(time.Microsecond)) {
			t.Errorf("finished ticket = %+v", got)
		}
		if evs, _ := s.FindEvents(ctx, processlog.Filter{CaseID: c.code}); len(evs) != 1 {
			t.Errorf("finishing %s wrote %d events, want 1", c.code, len(evs))
		}
		if c.booking == 0 {
			continue
		}
		b, err := s.FindBooking(ctx, c.booking)
		must(t, err)
		if b.Status != c.bookingStatus || b.FinishedAt == nil || !b.FinishedAt.Equal(*got.FinishedAt) {
			t.Errorf("booking %s = %s finished %v, want %s", c.code, b.Status, b.FinishedAt, c.bookingStatus)
		}
	}
	if _, err := s.FinishTicket(ctx, t1.ID, appointment.TicketGone, now, fx("TWICE")); !fault.Is(err, fault.Conflict) {
		t.Errorf("finishing a ticket twice = %v, want Conflict", err)
	}
	if _, err := s.FinishTicket(ctx, walkIn.ID+100, appointment.TicketDone, now, fx("NONE")); !fault.Is(err, fault.NotFound) {
		t.Errorf("finishing a missing ticket = %v, want NotFound", err)
	}
	if evs, _ := s.FindEvents(ctx, processlog.Filter{Process: appointment.Process}); len(evs) != 3 {
		t.Errorf("%d events after the refused finishes, want 3", len(evs))
	}
}
