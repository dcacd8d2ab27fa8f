package web

import (
	"encoding/json"
	"testing"
	"time"

	"rathaus/internal/appointment"
)

// TestSlotsJSONMergesOffices: the hand-written slot list is valid JSON
// with every office's slots merged by start, then office.
func TestSlotsJSONMergesOffices(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 12, 1, h, m, 0, 0, berlin) }
	slot := func(office int64, h, m, free int) appointment.Slot {
		return appointment.Slot{OfficeID: office, Start: at(h, m), End: at(h, m).Add(20 * time.Minute), Free: free}
	}
	offers := []*appointment.Offer{
		{Slots: []appointment.Slot{slot(7, 9, 0, 2), slot(7, 9, 20, 1)}},
		{Slots: nil},
		{Slots: []appointment.Slot{slot(3, 8, 40, 1), slot(3, 9, 0, 4), slot(3, 10, 0, 3)}},
	}
	var got struct {
		Slots []struct {
			OfficeID int64     `json:"office_id"`
			Start    time.Time `json:"start"`
			End      time.Time `json:"end"`
			Free     int       `json:"free"`
		} `json:"slots"`
	}
	if err := json.Unmarshal(appendSlotsJSON(nil, offers), &got); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		office int64
		start  time.Time
		free   int
	}{{3, at(8, 40), 1}, {3, at(9, 0), 4}, {7, at(9, 0), 2}, {7, at(9, 20), 1}, {3, at(10, 0), 3}}
	if len(got.Slots) != len(want) {
		t.Fatalf("%d slots, want %d: %+v", len(got.Slots), len(want), got.Slots)
	}
	for i, w := range want {
		g := got.Slots[i]
		if g.OfficeID != w.office || !g.Start.Equal(w.start) || !g.End.Equal(w.start.Add(20*time.Minute)) || g.Free != w.free {
			t.Errorf("slot %d = %+v, want office %d at %v with %d free", i, g, w.office, w.start, w.free)
		}
	}
	if string(appendSlotsJSON(nil, nil)) != "{\"slots\":[]}\n" {
		t.Errorf("no offers: %q", appendSlotsJSON(nil, nil))
	}
}
