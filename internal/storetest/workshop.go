package storetest

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/processlog"
	"rathaus/internal/workshop"
)

// workshopStore is the process workshop's part of a store.
func workshopStore(t *testing.T, s Stores) workshop.Store {
	t.Helper()
	ws, ok := s.(workshop.Store)
	if !ok {
		t.Fatalf("%T is no workshop.Store", s)
	}
	return ws
}

func testWorkshop(t *testing.T, s Stores) {
	t.Run("Logs", func(t *testing.T) { testWorkshopLogs(t, s) })
	t.Run("Models", func(t *testing.T) { testWorkshopModels(t, s) })
	t.Run("PlatformEvents", func(t *testing.T) { testWorkshopEvents(t, s) })
}

func testWorkshopLogs(t *testing.T, s Stores) {
	ws := workshopStore(t, s)
	a, b := newOrg(t, s, "ws-a"), newOrg(t, s, "ws-b")
	l := &workshop.StoredLog{Name: "Eingang Bauanträge", Format: workshop.FormatCSV, FileKey: "workshop/logs/1", Size: 1234,
		Settings: workshop.Settings{CaseColumn: "Fall", ActivityColumn: "Schritt", TimestampColumn: "Zeit"},
		Cases:    3, Events: 9, Activities: 4, Warnings: []string{"row 7: no case"}, OrgID: &a, CreatedAt: t0}
	must(t, ws.CreateStoredLog(ctx, l))
	other := &workshop.StoredLog{Name: "Fremd", Format: workshop.FormatXES, FileKey: "workshop/logs/2", OrgID: &b, CreatedAt: t0}
	must(t, ws.CreateStoredLog(ctx, other))
	got, err := ws.FindStoredLog(ctx, l.ID)
	must(t, err)
	if got.Name != l.Name || got.Settings != l.Settings || got.Events != 9 || len(got.Warnings) != 1 || *got.OrgID != a || !got.CreatedAt.Equal(t0.Truncate(time.Microsecond)) {
		t.Errorf("FindStoredLog = %+v, want %+v", got, l)
	}
	mine, err := ws.FindStoredLogs(ctx, []int64{a})
	must(t, err)
	if len(mine) != 1 || mine[0].ID != l.ID {
		t.Errorf("FindStoredLogs(unit a) = %d logs, want only %q", len(mine), l.Name)
	}
	all, err := ws.FindStoredLogs(ctx, nil)
	must(t, err)
	if len(all) != 2 || all[0].ID != other.ID {
		t.Errorf("FindStoredLogs(all) = %d logs, want 2, newest first", len(all))
	}
	must(t, ws.DeleteStoredLog(ctx, l.ID))
	if _, err := ws.FindStoredLog(ctx, l.ID); !fault.Is(err, fault.NotFound) {
		t.Errorf("FindStoredLog after delete: %v, want NotFound", err)
	}
}

func testWorkshopModels(t *testing.T, s Stores) {
	ws := workshopStore(t, s)
	m := &workshop.Model{Name: "Hundesteuer", Source: "case:7", Origin: workshop.OriginImported,
		BPMN: []byte(`<definitions/>`), CreatedAt: t0, UpdatedAt: t0}
	must(t, ws.CreateModel(ctx, m))
	if m.Version != 1 {
		t.Fatalf("new model version %d, want 1", m.Version)
	}
	stale := *m
	m.BPMN, m.UpdatedAt = []byte(`<definitions id="x"/>`), t0.Add(time.Hour)
	must(t, ws.UpdateModel(ctx, m))
	if m.Version != 2 {
		t.Errorf("version after update %d, want 2", m.Version)
	}
	stale.Name = "überschrieben"
	if err := ws.UpdateModel(ctx, &stale); !fault.Is(err, fault.Conflict) {
		t.Errorf("update of a stale version: %v, want Conflict", err)
	}
	got, err := ws.FindModel(ctx, m.ID)
	must(t, err)
	if got.Name != "Hundesteuer" || string(got.BPMN) != `<definitions id="x"/>` || got.Version != 2 {
		t.Errorf("FindModel = %q %s v%d, want the first update only", got.Name, got.BPMN, got.Version)
	}
	gone := &workshop.Model{ID: m.ID + 100, Version: 1}
	if err := ws.UpdateModel(ctx, gone); !fault.Is(err, fault.NotFound) {
		t.Errorf("update of a missing model: %v, want NotFound", err)
	}
	must(t, ws.DeleteModel(ctx, m.ID))
	if list, _ := ws.FindModels(ctx, nil); len(list) != 0 {
		t.Errorf("FindModels after delete: %d, want 0", len(list))
	}
}

func testWorkshopEvents(t *testing.T, s Stores) {
	ws := workshopStore(t, s)
	w, ok := s.(processlog.Writer)
	if !ok {
		t.Fatalf("%T is no processlog.Writer", s)
	}
	unit := newOrg(t, s, "ws-unit")
	ev := func(process, id, act, service string, at time.Time, org *int64) processlog.Event {
		e := processlog.Event{Process: process, CaseID: id, Activity: act, At: at, OrgID: org, Resource: "system"}
		if service != "" {
			e.Attrs = map[string]string{"service": service}
		}
		return e
	}
	v0, err := ws.EventsVersion(ctx, "case")
	must(t, err)
	must(t, w.AddEvents(ctx, []processlog.Event{
		ev("case", "A-1", "submitted", "12", t0, &unit),
		ev("case", "A-1", "accepted", "12", t0.Add(2*time.Hour), &unit),
		ev("case", "A-2", "submitted", "12", t0.Add(time.Hour), &unit),
		ev("case", "B-1", "submitted", "13", t0.Add(30*time.Minute), nil),
		ev("appointment", "X7", "booked", "", t0.Add(-time.Hour), nil),
	}))
	counts, err := ws.ProcessCounts(ctx)
	must(t, err)
	want := map[string][3]int{"appointment/0": {1, 1}, "case/12": {2, 3}, "case/13": {1, 1}}
	for _, c := range counts {
		key := c.Process + "/" + itoa(c.ServiceID)
		w, ok := want[key]
		if !ok || c.Cases != w[0] || c.Events != w[1] {
			t.Errorf("ProcessCounts %s: %d cases, %d events; want %v", key, c.Cases, c.Events, w)
		}
		if key == "case/12" && (!c.First.Equal(t0.Truncate(time.Microsecond)) || !c.Last.Equal(t0.Add(2*time.Hour).Truncate(time.Microsecond))) {
			t.Errorf("ProcessCounts case/12 spans %v..%v, want %v..%v", c.First, c.Last, t0, t0.Add(2*time.Hour))
		}
		delete(want, key)
	}
	if len(want) != 0 {
		t.Errorf("ProcessCounts misses %v", want)
	}
	if v1, _ := ws.EventsVersion(ctx, "case"); v1 <= v0 {
		t.Errorf("EventsVersion did not move: %d then %d", v0, v1)
	}
	var got []string
	collect := func(e *processlog.Event) error { got = append(got, e.CaseID+":"+e.Activity); return nil }
	must(t, ws.ScanEvents(ctx, workshop.EventFilter{Process: "case", ServiceID: 12}, collect))
	if want := "A-1:submitted A-2:submitted A-1:accepted"; join(got) != want {
		t.Errorf("ScanEvents(service 12) = %q, want %q in time order", join(got), want)
	}
	got = nil
	other := newOrg(t, s, "ws-other")
	must(t, ws.ScanEvents(ctx, workshop.EventFilter{Process: "case", OrgIDs: []int64{other}}, collect))
	if join(got) != "B-1:submitted" {
		t.Errorf("ScanEvents(another unit) = %q, want only the event without a unit", join(got))
	}
	stop := errors.New("stop")
	if err := ws.ScanEvents(ctx, workshop.EventFilter{Process: "case"}, func(*processlog.Event) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("ScanEvents returned %v, want the callback's error", err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func join(s []string) string { return strings.Join(s, " ") }
