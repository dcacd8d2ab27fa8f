package appointment_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/fault"
	"rathaus/internal/hours"
	"rathaus/internal/jobs"
	"rathaus/internal/sqlstore"
)

// TestBookConfirmCancel: a held booking takes its place, is confirmed by
// the mailed link, can be cancelled by the management link, and every
// step is in the process log.
func TestBookConfirmCancel(t *testing.T) {
	engines(t, func(t *testing.T, db *sqlstore.DB) {
		w := newWorld(t, db, 2)
		if got := w.free(t, 10, 0); got != 2 {
			t.Fatalf("free places at 10:00 before booking: %d, want 2", got)
		}
		res, err := w.svc.Book(ctx, w.request("erika@example.org", 10, 0))
		must(t, err)
		b := res.Booking
		if b.Status != appointment.Held || b.Code == "" || res.Manage != "" {
			t.Fatalf("booked %+v, want held with a code and no management link yet", b)
		}
		if got := w.free(t, 10, 0); got != 1 {
			t.Errorf("free places at 10:00 while held: %d, want 1", got)
		}
		ms := w.mails(t, "erika@example.org")
		if len(ms) != 1 || !strings.Contains(ms[0].Text, "/termine/bestaetigen?t=") || !strings.Contains(ms[0].Subject, b.Code) {
			t.Fatalf("want one confirmation mail naming %s, got %d: %+v", b.Code, len(ms), ms)
		}
		if !strings.Contains(ms[0].Text, "Dienstag, 1. Dezember 2026, 10:00 Uhr") {
			t.Errorf("the confirmation mail does not say when, in local time:\n%s", ms[0].Text)
		}
		if !strings.Contains(ms[0].Text, "Was: Personalausweis beantragen") {
			t.Errorf("the confirmation mail does not say what was booked:\n%s", ms[0].Text)
		}

		conf, err := w.svc.Confirm(ctx, link(t, ms[0], "/termine/bestaetigen?t="))
		must(t, err)
		if conf.Booking.Status != appointment.Confirmed || conf.Manage == "" {
			t.Fatalf("confirm gave %+v", conf)
		}
		again, err := w.svc.Confirm(ctx, link(t, ms[0], "/termine/bestaetigen?t="))
		if err != nil || again.Booking.Status != appointment.Confirmed {
			t.Errorf("a second click on the confirmation link: %v, %+v", err, again)
		}
		ms = w.mails(t, "erika@example.org")
		if len(ms) != 2 || !strings.Contains(ms[1].Text, "/termine/verwalten?t="+conf.Manage) || !strings.Contains(ms[1].Text, "/termine/kalender.ics?t=") {
			t.Fatalf("want a confirmation with the management and calendar links, got %d mails", len(ms))
		}
		reminders, err := db.FindJobs(ctx, jobs.Filter{Kind: appointment.JobRemind})
		must(t, err)
		if len(reminders) != 1 || !reminders[0].RunAt.Equal(local(2026, 11, 30, 10, 0).UTC()) {
			t.Errorf("want one reminder a day before (30 Nov 10:00), got %+v", reminders)
		}

		if _, err := w.svc.Cancel(ctx, "not-a-secret"); !fault.Is(err, fault.NotFound) {
			t.Errorf("cancel with a wrong link: %v, want NotFound", err)
		}
		if _, err := w.svc.Cancel(ctx, conf.Manage); err != nil {
			t.Fatal(err)
		}
		if got := w.free(t, 10, 0); got != 2 {
			t.Errorf("free places at 10:00 after cancelling: %d, want 2", got)
		}
		want := "booked confirmed cancelled"
		if got := strings.Join(w.activities(t, b.Code), " "); got != want {
			t.Errorf("process events %q, want %q", got, want)
		}
	})
}

// TestHoldExpires: an unconfirmed hold frees its slot when HoldFor ends,
// and its link then says so.
func TestHoldExpires(t *testing.T) {
	engines(t, func(t *testing.T, db *sqlstore.DB) {
		w := newWorld(t, db, 1)
		_, err := w.svc.Book(ctx, w.request("erika@example.org", 10, 0))
		must(t, err)
		if got := w.free(t, 10, 0); got != 0 {
			t.Fatalf("the only place is held, yet %d free", got)
		}
		if _, err := w.svc.Book(ctx, w.request("max@example.org", 10, 0)); !fault.Is(err, fault.Conflict) {
			t.Fatalf("booking a held slot: %v, want Conflict", err)
		}
		w.set(w.clock().Add(appointment.DefaultHoldFor + time.Second))
		if got := w.free(t, 10, 0); got != 1 {
			t.Errorf("after the hold ended: %d free, want 1", got)
		}
		_, err = w.svc.Confirm(ctx, link(t, w.mails(t, "erika@example.org")[0], "/termine/bestaetigen?t="))
		if f := fault.As(err); f == nil || f.Key != "error.appointment.hold_expired" {
			t.Errorf("confirming after the hold: %v, want hold_expired", err)
		}
		n, err := w.svc.ExpireHolds(ctx)
		if err != nil || n != 1 {
			t.Errorf("ExpireHolds = %d, %v; want 1", n, err)
		}
		if _, err := w.svc.Book(ctx, w.request("max@example.org", 10, 0)); err != nil {
			t.Errorf("booking the freed slot: %v", err)
		}
	})
}

// TestLastSlotOneWinner: many citizens book the last place at once;
// exactly one gets it.
func TestLastSlotOneWinner(t *testing.T) {
	engines(t, func(t *testing.T, db *sqlstore.DB) {
		w := newWorld(t, db, 1)
		const n = 16
		var wg sync.WaitGroup
		errs := make([]error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = w.svc.Book(ctx, w.request("buerger"+string(rune('a'+i))+"@example.org", 11, 0))
			}()
		}
		wg.Wait()
		won := 0
		for _, err := range errs {
			switch {
			case err == nil:
				won++
			case fault.As(err) == nil || fault.As(err).Key != "error.appointment.slot_gone":
				t.Errorf("a loser got %v, want slot_gone", err)
			}
		}
		if won != 1 {
			t.Errorf("%d bookings won the last place, want exactly 1", won)
		}
	})
}

// TestBadInputChangesNothing: invalid requests get field errors and leave
// no booking and no mail behind.
func TestBadInputChangesNothing(t *testing.T) {
	engines(t, func(t *testing.T, db *sqlstore.DB) {
		w := newWorld(t, db, 2)
		bad := []struct {
			name  string
			edit  func(*appointment.Request)
			field string
		}{
			{"no name", func(r *appointment.Request) { r.Name = "  " }, "name"},
			{"bad e-mail", func(r *appointment.Request) { r.Email = "erika@" }, "email"},
			{"bad phone", func(r *appointment.Request) { r.Phone = "call me" }, "phone"},
			{"off the grid", func(r *appointment.Request) { r.Start = local(2026, 12, 1, 10, 5) }, "start"},
			{"after closing", func(r *appointment.Request) { r.Start = local(2026, 12, 1, 11, 50) }, "start"},
			{"today", func(r *appointment.Request) { r.Start = local(2026, 11, 30, 11, 0) }, "start"},
			{"beyond the horizon", func(r *appointment.Request) { r.Start = local(2027, 1, 5, 10, 0) }, "start"},
			{"too many persons", func(r *appointment.Request) { r.Persons = 5 }, "persons"},
		}
		for _, c := range bad {
			r := w.request("erika@example.org", 10, 0)
			c.edit(&r)
			_, err := w.svc.Book(ctx, r)
			f := fault.As(err)
			if f == nil || f.Kind != fault.Invalid || len(f.Fields) == 0 || f.Fields[0].Field != c.field {
				t.Errorf("%s: %v, want an Invalid error on %s", c.name, err, c.field)
			}
		}
		if ms := w.mails(t, "erika@example.org"); len(ms) != 0 {
			t.Errorf("%d mails after only bad requests", len(ms))
		}
		if got := w.free(t, 10, 0); got != 2 {
			t.Errorf("%d free places at 10:00 after only bad requests, want 2", got)
		}
	})
}

// TestActiveLimitAndMove: one address holds one active booking per
// service; moving keeps it and frees the old slot.
func TestActiveLimitAndMove(t *testing.T) {
	engines(t, func(t *testing.T, db *sqlstore.DB) {
		w := newWorld(t, db, 1)
		r := w.request("erika@example.org", 9, 0)
		r.UserID, r.VerifiedEmail = nil, false
		first, err := w.svc.Book(ctx, r)
		must(t, err)
		_, err = w.svc.Book(ctx, w.request("Erika@Example.org", 10, 0))
		if f := fault.As(err); f == nil || f.Key != "error.appointment.too_many_active" {
			t.Fatalf("second booking of the same service: %v, want too_many_active", err)
		}
		conf, err := w.svc.Confirm(ctx, link(t, w.mails(t, "erika@example.org")[0], "/termine/bestaetigen?t="))
		must(t, err)
		moved, err := w.svc.Move(ctx, conf.Manage, local(2026, 12, 1, 10, 30))
		must(t, err)
		if !moved.Start.Equal(local(2026, 12, 1, 10, 30)) || moved.Code != first.Booking.Code {
			t.Errorf("moved to %v (%s)", moved.Start, moved.Code)
		}
		if w.free(t, 9, 0) != 1 || w.free(t, 10, 30) != 0 {
			t.Errorf("after moving: 09:00 has %d free (want 1), 10:30 has %d (want 0)", w.free(t, 9, 0), w.free(t, 10, 30))
		}
		other, err := w.svc.Book(ctx, w.request("max@example.org", 11, 0))
		must(t, err)
		_, err = w.svc.Move(ctx, conf.Manage, other.Booking.Start)
		if !fault.Is(err, fault.Conflict) {
			t.Errorf("moving onto a taken slot: %v, want Conflict", err)
		}
		if got := strings.Join(w.activities(t, first.Booking.Code), " "); got != "booked confirmed moved" {
			t.Errorf("events %q", got)
		}
	})
}

// TestWaitingListHearsOfFreedSlot: someone waiting for an earlier slot
// gets one mail when a booking before their date is cancelled.
func TestWaitingListHearsOfFreedSlot(t *testing.T) {
	engines(t, func(t *testing.T, db *sqlstore.DB) {
		w := newWorld(t, db, 1)
		r := w.request("erika@example.org", 9, 0)
		r.UserID = nil
		_, err := w.svc.Book(ctx, r)
		must(t, err)
		conf, err := w.svc.Confirm(ctx, link(t, w.mails(t, "erika@example.org")[0], "/termine/bestaetigen?t="))
		must(t, err)
		_, err = w.svc.WaitFor(ctx, appointment.WaitRequest{Email: "max@example.org", ServiceIDs: []int64{w.perso},
			Before: hours.Date{Year: 2026, Month: time.December, Day: 10}})
		must(t, err)
		_, err = w.svc.Cancel(ctx, conf.Manage)
		must(t, err)
		freed, err := db.FindJobs(ctx, jobs.Filter{Kind: appointment.JobFreed})
		must(t, err)
		if len(freed) != 1 {
			t.Fatalf("%d freed-slot jobs, want 1", len(freed))
		}
		must(t, w.svc.Freed(ctx, freed[0].Payload))
		ms := w.mails(t, "max@example.org")
		if len(ms) != 1 || !strings.Contains(ms[0].Text, "/termine/buchen?") || !strings.Contains(ms[0].Text, "Dienstag, 1. Dezember 2026, 09:00 Uhr") {
			t.Fatalf("want one mail with the freed slot and a booking link, got %+v", ms)
		}
		must(t, w.svc.Freed(ctx, freed[0].Payload))
		if n := len(w.mails(t, "max@example.org")); n != 1 {
			t.Errorf("%d mails after the job ran twice, want 1", n)
		}
	})
}

// TestOfficeDay: check-in, walk-in tickets, calling in order, the
// display without names, no-shows and statistics.
func TestOfficeDay(t *testing.T) {
	engines(t, func(t *testing.T, db *sqlstore.DB) {
		w := newWorld(t, db, 2)
		booked := map[string]*appointment.Booking{}
		for _, p := range []struct {
			email  string
			hh, mm int
		}{{"erika@example.org", 9, 0}, {"max@example.org", 9, 30}} {
			r := w.request(p.email, p.hh, p.mm)
			_, err := w.svc.Book(ctx, r)
			must(t, err)
			conf, err := w.svc.Confirm(ctx, link(t, w.mails(t, p.email)[0], "/termine/bestaetigen?t="))
			must(t, err)
			booked[p.email] = conf.Booking
		}
		w.set(local(2026, 12, 1, 8, 50).UTC()) // the day of the appointments
		if _, err := w.svc.CheckIn(ctx, w.stranger, booked["erika@example.org"].ID); !fault.Is(err, fault.Forbidden) {
			t.Errorf("a stranger checked someone in: %v", err)
		}
		tk, err := w.svc.CheckIn(ctx, w.staff, booked["erika@example.org"].ID)
		must(t, err)
		if tk.Label != "T 001" {
			t.Errorf("first ticket %q, want T 001", tk.Label)
		}
		walk1, err := w.svc.WalkIn(ctx, w.staff, w.office, []int64{w.pass})
		must(t, err)
		walk2, err := w.svc.WalkIn(ctx, w.staff, w.office, []int64{w.perso})
		must(t, err)
		if walk1.Label != "W 002" || walk2.Label != "W 003" {
			t.Errorf("walk-in labels %q %q, want W 002, W 003", walk1.Label, walk2.Label)
		}
		called, err := w.svc.CallNext(ctx, w.staff, w.office, 1)
		must(t, err)
		if called.ID != walk1.ID {
			t.Errorf("at 08:50 called %s, want the first walk-in (the appointment is at 09:00)", called.Label)
		}
		w.set(local(2026, 12, 1, 9, 0).UTC())
		called, err = w.svc.CallNext(ctx, w.staff, w.office, 2)
		must(t, err)
		if called.ID != tk.ID || called.Counter != 2 {
			t.Errorf("at 09:00 called %s at %d, want the appointment T 001 at counter 2", called.Label, called.Counter)
		}
		d, err := w.svc.DisplayFor(ctx, w.office, 5)
		must(t, err)
		if len(d.Called) != 2 || d.Called[0].Label != "T 001" || d.Waiting != 1 {
			t.Errorf("display %+v, want T 001 then W 002 called, 1 waiting", d)
		}
		w.set(local(2026, 12, 1, 9, 20).UTC())
		_, err = w.svc.Finish(ctx, w.staff, tk.ID, true)
		must(t, err)
		if _, err := w.svc.MarkNoShow(ctx, w.staff, booked["max@example.org"].ID); !fault.Is(err, fault.Conflict) {
			t.Errorf("no-show before 09:45: %v, want Conflict", err)
		}
		w.set(local(2026, 12, 1, 9, 46).UTC())
		_, err = w.svc.MarkNoShow(ctx, w.staff, booked["max@example.org"].ID)
		must(t, err)
		day := hours.Date{Year: 2026, Month: time.December, Day: 1}
		st, err := w.svc.StatsFor(ctx, w.staff, w.office, day, day)
		must(t, err)
		if st.Booked != 2 || st.Served != 1 || st.NoShows != 1 || st.NoShowRate != 0.5 || st.WalkIns != 2 {
			t.Errorf("stats %+v, want 2 booked, 1 served, 1 no-show (rate 0.5), 2 walk-ins", st)
		}
		// waits: walk-in 1 issued 08:50 called 08:50 (0); T 001 issued
		// 08:50 for 09:00, called 09:00 (0); service time 20 min.
		if st.ServiceMean != 20*time.Minute {
			t.Errorf("mean service time %v, want 20m", st.ServiceMean)
		}
		// capacity 4 h x 2 counters = 480 min; booked 2 x 20 min.
		if want := 40.0 / 480.0; st.Utilisation < want-1e-9 || st.Utilisation > want+1e-9 {
			t.Errorf("utilisation %.4f, want %.4f", st.Utilisation, want)
		}
		if got := strings.Join(w.activities(t, booked["erika@example.org"].Code), " "); got != "booked confirmed checked in called served" {
			t.Errorf("events %q", got)
		}
	})
}

// TestSlotCacheAcrossInstances: two instances share the database; a
// booking through one is seen by the other's next search, though it
// cached the slots before.
func TestSlotCacheAcrossInstances(t *testing.T) {
	engines(t, func(t *testing.T, db *sqlstore.DB) {
		w := newWorld(t, db, 2)
		other := appointment.Service{Store: db, Catalog: w.cat, T: w.svc.T, Now: w.clock, Location: berlin, BaseURL: w.svc.BaseURL}
		if got := w.free(t, 10, 0); got != 2 {
			t.Fatalf("free at 10:00: %d, want 2", got)
		}
		r := w.request("erika@example.org", 10, 0)
		if _, err := other.Book(ctx, r); err != nil {
			t.Fatal(err)
		}
		if got := w.free(t, 10, 0); got != 1 {
			t.Errorf("after a booking on the other instance: %d free at 10:00, want 1", got)
		}
		w.set(w.clock().Add(appointment.DefaultHoldFor))
		if got := w.free(t, 10, 0); got != 2 {
			t.Errorf("when the hold ended: %d free at 10:00, want 2", got)
		}
	})
}
