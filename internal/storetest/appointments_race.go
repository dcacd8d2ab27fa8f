package storetest

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/fault"
	"rathaus/internal/mail"
	"rathaus/internal/processlog"
)

// testBookingRace has many clients book the last slot at once.
func testBookingRace(t *testing.T, s Stores) { RaceLastSlot(t, 20, s) }

// RaceLastSlot has n clients book the same last free slot of an office at
// once, spread over stores (several handles on one database stand for
// several instances): exactly one must win, every other one must get the
// check's refusal, and only the winner's booking, mail and event exist.
// The check sleeps a little to widen the window a missing lock would leave.
func RaceLastSlot(t *testing.T, n int, stores ...Stores) {
	t.Helper()
	office := apptOffice(t, stores[0], "Bürgeramt")
	start := day1.Add(2 * time.Hour)
	slotGone := fault.New(fault.Conflict, "error.appointment.slot_gone")
	errs := make([]error, n)
	ready := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code := fmt.Sprintf("RACE-%02d", i)
			b := newBooking(office, code, start, appointment.Held)
			b.Email = fmt.Sprintf("client%02d@example.org", i)
			check := func(busy []appointment.Busy, _ map[int64]int) error {
				time.Sleep(2 * time.Millisecond)
				for _, c := range busy {
					if c.Start.Before(b.End) && c.End.After(b.Start) {
						return slotGone
					}
				}
				return nil
			}
			<-ready
			errs[i] = stores[i%len(stores)].CreateBooking(ctx, b, t0, check, effects(code, "race@example.org", t0))
		}()
	}
	close(ready)
	wg.Wait()

	wins := 0
	for i, err := range errs {
		switch {
		case err == nil:
			wins++
		case err != slotGone:
			t.Errorf("client %d: %v, want the check's refusal", i, err)
		}
	}
	if wins != 1 {
		t.Errorf("%d clients got the last slot, want exactly 1", wins)
	}
	for i, s := range stores {
		busy, err := s.FindBusy(ctx, []int64{office}, day1, day1.Add(24*time.Hour), t0)
		must(t, err)
		if len(busy) != 1 {
			t.Errorf("store %d: %d claims on the slot, want 1: %+v", i, len(busy), busy)
		}
	}
	ms, err := stores[0].FindMessages(ctx, mail.Filter{To: "race@example.org"})
	must(t, err)
	evs, err := stores[0].FindEvents(ctx, processlog.Filter{Process: appointment.Process})
	must(t, err)
	if len(ms) != 1 || len(evs) != 1 {
		t.Errorf("%d mails and %d events written, want only the winner's", len(ms), len(evs))
	}
}
