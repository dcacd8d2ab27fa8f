package storetest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/appointment"
	"rathaus/internal/fault"
)

func testBookingMove(t *testing.T, s Stores) {
	a := apptOffice(t, s, "Mitte")
	neighbour := book(t, s, newBooking(a, "NEXT", day1.Add(time.Hour), appointment.Confirmed))
	b := book(t, s, newBooking(a, "MOVE", day1, appointment.Confirmed))

	moved := *b
	moved.Start, moved.End, moved.ServiceIDs, moved.Persons = day1.Add(30*time.Minute), day1.Add(70*time.Minute), []int64{7, 8}, 2
	var gotBusy []appointment.Busy
	refuse := fault.New(fault.Conflict, "error.appointment.slot_gone")
	err := s.MoveBooking(ctx, &moved, t0, func(busy []appointment.Busy, _ map[int64]int) error {
		gotBusy = busy
		return refuse
	}, effects("MOVE", "erika@example.org", t0))
	if err != refuse {
		t.Fatalf("MoveBooking = %v, want the check's error unchanged", err)
	}
	want := []appointment.Busy{{OfficeID: a, Start: neighbour.Start, End: neighbour.End, BookingID: neighbour.ID}}
	if d := cmp.Diff(want, gotBusy); d != "" {
		t.Errorf("busy given to the move's check, without the booking itself (-want +got):\n%s", d)
	}
	got, err := s.FindBooking(ctx, b.ID)
	must(t, err)
	if !got.Start.Equal(day1) || got.Persons != 1 {
		t.Errorf("refused move changed the booking: %+v", got)
	}
	if m, j, e := written(t, s, "erika@example.org", "MOVE"); m+j+e != 0 {
		t.Errorf("refused move wrote %d mails, %d jobs, %d events", m, j, e)
	}

	must(t, s.MoveBooking(ctx, &moved, t0, allow, effects("MOVE", "erika@example.org", t0)))
	got, err = s.FindBooking(ctx, b.ID)
	must(t, err)
	if d := cmp.Diff(us(moved), got); d != "" {
		t.Errorf("moved booking (-want +got):\n%s", d)
	}
	if m, j, e := written(t, s, "erika@example.org", "MOVE"); m != 1 || j != 1 || e != 1 {
		t.Errorf("move wrote %d mails, %d jobs, %d events; want 1 each", m, j, e)
	}

	// Cancelled meanwhile: the move must not revive it.
	cancelled := *got
	cancelled.Status = appointment.Cancelled
	must(t, s.UpdateBooking(ctx, &cancelled, []string{appointment.Confirmed}, appointment.Effects{}))
	moved.Start = day1.Add(3 * time.Hour)
	if err := s.MoveBooking(ctx, &moved, t0, allow, appointment.Effects{}); !fault.Is(err, fault.Conflict) {
		t.Errorf("moving a booking cancelled meanwhile = %v, want Conflict", err)
	}
	moved.ID = b.ID + 100
	if err := s.MoveBooking(ctx, &moved, t0, allow, appointment.Effects{}); !fault.Is(err, fault.NotFound) {
		t.Errorf("moving a missing booking = %v, want NotFound", err)
	}
}

func testBookingUpdate(t *testing.T, s Stores) {
	a := apptOffice(t, s, "Mitte")
	b := book(t, s, newBooking(a, "UPD", day1, appointment.Held))
	confirmed := t0.Add(5 * time.Minute)
	b.Status, b.ManageHash, b.ConfirmedAt, b.HoldUntil = appointment.Confirmed, []byte{9, 9, 9}, &confirmed, confirmed
	must(t, s.UpdateBooking(ctx, b, []string{appointment.Held}, effects("UPD", "erika@example.org", t0)))
	got, err := s.FindBookingByManageHash(ctx, []byte{9, 9, 9})
	must(t, err)
	if d := cmp.Diff(us(*b), got); d != "" {
		t.Errorf("updated booking (-want +got):\n%s", d)
	}
	if m, j, e := written(t, s, "erika@example.org", "UPD"); m != 1 || j != 1 || e != 1 {
		t.Errorf("update wrote %d mails, %d jobs, %d events; want 1 each", m, j, e)
	}

	// Its status is no longer held: a second confirmation changes nothing.
	b.Status = appointment.Cancelled
	if err := s.UpdateBooking(ctx, b, []string{appointment.Held, appointment.Expired}, effects("UPD2", "erika@example.org", t0)); !fault.Is(err, fault.Conflict) {
		t.Errorf("UpdateBooking from the wrong state = %v, want Conflict", err)
	}
	if got, _ := s.FindBooking(ctx, b.ID); got.Status != appointment.Confirmed {
		t.Errorf("status after refused update = %s", got.Status)
	}
	if m, j, e := written(t, s, "nobody@example.org", "UPD2"); m+j+e != 0 {
		t.Errorf("refused update wrote %d mails, %d jobs, %d events", m, j, e)
	}
	b.ID += 100
	if err := s.UpdateBooking(ctx, b, []string{appointment.Confirmed}, appointment.Effects{}); !fault.Is(err, fault.NotFound) {
		t.Errorf("UpdateBooking of a missing booking = %v, want NotFound", err)
	}
}

func testExpireHolds(t *testing.T, s Stores) {
	a := apptOffice(t, s, "Mitte")
	hold := func(code string, until time.Time, status string) *appointment.Booking {
		b := newBooking(a, code, day1, status)
		b.HoldUntil = until
		return book(t, s, b)
	}
	late := hold("LATE", t0.Add(-time.Minute), appointment.Held)
	early := hold("EARLY", t0.Add(-time.Hour), appointment.Held)
	hold("LAST", t0.Add(-30*time.Second), appointment.Held)
	hold("NOW", t0, appointment.Held)
	hold("LIVE", t0.Add(time.Minute), appointment.Held)
	hold("DONE", t0.Add(-time.Hour), appointment.Confirmed)

	got, err := s.ExpireHolds(ctx, t0, 2)
	must(t, err)
	if len(got) != 2 || got[0].ID != early.ID || got[1].ID != late.ID || got[0].Status != appointment.Expired {
		t.Fatalf("ExpireHolds(limit 2) = %+v, want EARLY and LATE, expired", got)
	}
	got, err = s.ExpireHolds(ctx, t0, 10)
	must(t, err)
	if len(got) != 1 || got[0].Code != "LAST" {
		t.Errorf("second ExpireHolds = %+v, want LAST only", got)
	}
	if got, _ := s.ExpireHolds(ctx, t0, 10); len(got) != 0 {
		t.Errorf("third ExpireHolds = %+v, want none", got)
	}
	for code, want := range map[string]string{"EARLY": appointment.Expired, "NOW": appointment.Held, "LIVE": appointment.Held, "DONE": appointment.Confirmed} {
		bs, err := s.FindBookings(ctx, appointment.BookingFilter{Code: code})
		must(t, err)
		if bs[0].Status != want {
			t.Errorf("%s is %s, want %s", code, bs[0].Status, want)
		}
	}
}

func testDeleteBookingsBefore(t *testing.T, s Stores) {
	a := apptOffice(t, s, "Mitte")
	old := book(t, s, newBooking(a, "OLD", day1, appointment.Confirmed))
	keep := book(t, s, newBooking(a, "KEEP", day1.Add(time.Hour), appointment.Confirmed))
	d0, d1 := dateOf(day1.Add(-24*time.Hour)), dateOf(day1)
	ticket(t, s, a, d0, appointment.KindWalkIn, nil)
	ticket(t, s, a, d1, appointment.KindAppointment, &old.ID)
	walkIn := ticket(t, s, a, d1, appointment.KindWalkIn, nil)
	kept := ticket(t, s, a, d1, appointment.KindAppointment, &keep.ID)

	// OLD ended before the cut, KEEP not; walk-ins of days before the
	// cut's go, those of its day stay.
	n, err := s.DeleteBookingsBefore(ctx, old.End.Add(time.Minute))
	must(t, err)
	if n != 2 {
		t.Errorf("DeleteBookingsBefore = %d, want 2 (a booking and a walk-in ticket)", n)
	}
	if _, err := s.FindBooking(ctx, old.ID); !fault.Is(err, fault.NotFound) {
		t.Errorf("old booking: %v, want NotFound", err)
	}
	if _, err := s.FindBooking(ctx, keep.ID); err != nil {
		t.Errorf("later booking: %v", err)
	}
	if ts := ticketIDs(t, s, a, d0); len(ts) != 0 {
		t.Errorf("tickets of the day before = %v, want none", ts)
	}
	if d := cmp.Diff([]int64{walkIn.ID, kept.ID}, ticketIDs(t, s, a, d1)); d != "" {
		t.Errorf("tickets of the cut's day (-want +got):\n%s", d)
	}
}
