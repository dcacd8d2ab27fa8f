package storetest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/appointment"
	"rathaus/internal/fault"
	"rathaus/internal/org"
	"rathaus/internal/processlog"
)

func testWaitEntries(t *testing.T, s Stores) {
	a, b := apptOffice(t, s, "Mitte"), apptOffice(t, s, "Lobeda")
	entry := func(email string, office *int64, before time.Time, token byte) *appointment.WaitEntry {
		w := &appointment.WaitEntry{Email: email, Lang: "en", ServiceIDs: []int64{7, 8}, Persons: 2, OfficeID: office,
			Before: before, TokenHash: []byte{token, 0xab}, CreatedAt: t0}
		must(t, s.CreateWaitEntry(ctx, w))
		return w
	}
	here := entry("here@example.org", &a, day1.Add(48*time.Hour), 1)
	anywhere := entry("any@example.org", nil, day1.Add(24*time.Hour), 2)
	entry("there@example.org", &b, day1.Add(48*time.Hour), 3)
	entry("soon@example.org", &a, day1, 4) // wants slots before day 1 only

	// A slot freed at office a on day 1 at 09:00 serves entries of office
	// a or any office whose Before lies after it.
	slot := day1.Add(time.Hour)
	got, err := s.FindWaitEntries(ctx, a, slot)
	must(t, err)
	want := *here
	want.CreatedAt = t0us
	if len(got) != 2 || got[1].ID != anywhere.ID {
		t.Fatalf("FindWaitEntries = %+v, want HERE and ANYWHERE", got)
	}
	if d := cmp.Diff(&want, got[0]); d != "" {
		t.Errorf("wait entry (-want +got):\n%s", d)
	}
	// A slot at the entry's Before is too late for it.
	if got, _ := s.FindWaitEntries(ctx, a, anywhere.Before); len(got) != 1 || got[0].ID != here.ID {
		t.Errorf("FindWaitEntries at ANYWHERE's Before = %+v, want HERE only", got)
	}

	fx := appointment.Effects{Events: []processlog.Event{{Process: appointment.Process, CaseID: "wait", Activity: "waitlist notified", At: t0}}}
	must(t, s.MarkWaitNotified(ctx, here.ID, t0, fx))
	if got, _ := s.FindWaitEntries(ctx, a, slot); len(got) != 1 || got[0].ID != anywhere.ID {
		t.Errorf("after notifying HERE = %+v, want ANYWHERE only", got)
	}
	if err := s.MarkWaitNotified(ctx, here.ID, t0, fx); !fault.Is(err, fault.Conflict) {
		t.Errorf("notifying twice = %v, want Conflict", err)
	}
	if evs, _ := s.FindEvents(ctx, processlog.Filter{CaseID: "wait"}); len(evs) != 1 {
		t.Errorf("%d events after notifying once and refusing once, want 1", len(evs))
	}
	if err := s.MarkWaitNotified(ctx, here.ID+100, t0, appointment.Effects{}); !fault.Is(err, fault.NotFound) {
		t.Errorf("notifying a missing entry = %v, want NotFound", err)
	}

	must(t, s.DeleteWaitEntry(ctx, []byte{2, 0xab}))
	if err := s.DeleteWaitEntry(ctx, []byte{2, 0xab}); !fault.Is(err, fault.NotFound) {
		t.Errorf("deleting twice = %v, want NotFound", err)
	}
	if err := s.DeleteWaitEntry(ctx, nil); !fault.Is(err, fault.NotFound) {
		t.Errorf("deleting without token = %v, want NotFound", err)
	}
	// Entries whose Before passed lapse: SOON's (day 1) did, the others not.
	n, err := s.DeleteWaitEntriesBefore(ctx, day1.Add(time.Hour))
	if err != nil || n != 1 {
		t.Errorf("DeleteWaitEntriesBefore = %d, %v; want 1", n, err)
	}
	if got, _ := s.FindWaitEntries(ctx, b, t0); len(got) != 1 || got[0].Email != "there@example.org" {
		t.Errorf("entries left at office b = %+v", got)
	}
}

func testProcessEvents(t *testing.T, s Stores) {
	a := apptOffice(t, s, "Mitte")
	unit := &org.Org{Kind: org.KindGroup, Slug: "buergerservice", Name: "Bürgerservice", CreatedAt: t0}
	must(t, s.CreateOrg(ctx, unit))
	o := unit.ID
	// Written out of time order: the log reads in time order all the same.
	evs := []processlog.Event{
		{Process: appointment.Process, CaseID: "C1", Activity: "booked", At: t0.Add(2 * time.Minute), Resource: "citizen",
			OrgID: &o, Attrs: map[string]string{"office": "1", "services": "7,8"}},
		{Process: appointment.Process, CaseID: "C2", Activity: "booked", At: t0, Resource: "citizen"},
		{Process: appointment.Process, CaseID: "C1", Activity: "confirmed", At: t0.Add(time.Minute), Resource: "citizen"},
		{Process: "other", CaseID: "C1", Activity: "x", At: t0},
		{Process: appointment.Process, CaseID: "C3", Activity: "booked", At: t0.Add(time.Minute), Resource: "system"},
	}
	for i, ev := range evs {
		b := newBooking(a, "EV"+string(rune('A'+i)), day1.Add(time.Duration(i)*time.Hour), appointment.Held)
		fx := appointment.Effects{Events: []processlog.Event{ev}}
		must(t, s.CreateBooking(ctx, b, t0, allow, fx))
		evs[i].ID = fx.Events[0].ID
	}
	ids := func(f processlog.Filter) []int64 {
		t.Helper()
		got, err := s.FindEvents(ctx, f)
		must(t, err)
		var out []int64
		for _, e := range got {
			out = append(out, e.ID)
		}
		return out
	}
	id := func(i int) int64 { return evs[i].ID }
	p := appointment.Process
	for name, tc := range map[string]struct {
		f    processlog.Filter
		want []int64
	}{
		"process in time order": {processlog.Filter{Process: p}, []int64{id(1), id(2), id(4), id(0)}},
		"case":                  {processlog.Filter{Process: p, CaseID: "C1"}, []int64{id(2), id(0)}},
		"from inclusive":        {processlog.Filter{Process: p, From: t0.Add(time.Minute)}, []int64{id(2), id(4), id(0)}},
		"to exclusive":          {processlog.Filter{Process: p, To: t0.Add(time.Minute)}, []int64{id(1)}},
		"page 1":                {processlog.Filter{Process: p, Limit: 2}, []int64{id(1), id(2)}},
		"page 2":                {processlog.Filter{Process: p, Limit: 2, AfterID: id(2)}, []int64{id(4), id(0)}},
		"page 3":                {processlog.Filter{Process: p, Limit: 2, AfterID: id(0)}, nil},
		"every process":         {processlog.Filter{}, []int64{id(1), id(3), id(2), id(4), id(0)}},
	} {
		if d := cmp.Diff(tc.want, ids(tc.f)); d != "" {
			t.Errorf("%s (-want +got):\n%s", name, d)
		}
	}
	got, err := s.FindEvents(ctx, processlog.Filter{CaseID: "C1", Process: p, Limit: 1, AfterID: id(2)})
	must(t, err)
	want := evs[0]
	want.At = want.At.Truncate(time.Microsecond)
	if len(got) != 1 || !cmp.Equal(&want, got[0]) {
		t.Errorf("event round trip: got %+v, want %+v", got, want)
	}
}
