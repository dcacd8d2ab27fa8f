package storetest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/hours"
)

func newOffice(t *testing.T, s Stores, name, source, externalID string) *catalog.Office {
	t.Helper()
	o := &catalog.Office{Name: name, Source: source, ExternalID: externalID, CreatedAt: t0}
	if err := s.CreateOffice(ctx, o); err != nil {
		t.Fatalf("CreateOffice %q: %v", name, err)
	}
	return o
}

func ptr[T any](v T) *T { return &v }

// fullOffice sets every field, with opening hours that use each part of
// their JSON form.
func fullOffice() *catalog.Office {
	morning, afternoon := hours.Interval{From: 8 * 60, To: 12 * 60}, hours.Interval{From: 13*60 + 30, To: 18 * 60}
	var h hours.Hours
	h.Weekly[time.Monday] = []hours.Interval{morning}
	h.Weekly[time.Tuesday] = []hours.Interval{morning, afternoon}
	h.Weekly[time.Saturday] = []hours.Interval{{From: 9 * 60, To: 12 * 60}}
	h.Exceptions = []hours.Exception{
		{Date: hours.Date{Year: 2026, Month: time.December, Day: 24}, Closed: true, Note: "Heiligabend"},
		{Date: hours.Date{Year: 2026, Month: time.December, Day: 31}, Intervals: []hours.Interval{{From: 9 * 60, To: 11 * 60}}, Note: "Silvester"},
	}
	h.Holidays, h.Note = "TH", "Termine auch außerhalb der Öffnungszeiten"
	return &catalog.Office{
		Source: "dldb:jena", ExternalID: "L-7", Name: "Bürgeramt Jena-Mitte", Authority: "Stadtverwaltung Jena",
		Address: catalog.Address{Street: "Löbdergraben", HouseNo: "12a", PostalCode: "07743", City: "Jena", Hint: "Eingang Löbdergraben, 2. Etage"},
		Lat:     ptr(50.927054), Lon: ptr(11.589237),
		Phone: "+49 3641 49-0", Email: "buergeramt@example.org", Website: "https://example.org/buergeramt",
		Hours:         h,
		Accessibility: catalog.Accessibility{StepFree: true, Lift: true, AccessibleWC: true, HearingLoop: true, DisabledParking: true, Note: "Rampe am Seiteneingang"},
		CreatedAt:     t0, UpdatedAt: t0,
	}
}

func testCatalogOffices(t *testing.T, s Stores) {
	o := fullOffice()
	must(t, s.CreateOffice(ctx, o))
	want := *o
	want.CreatedAt, want.UpdatedAt = t0us, t0us
	got, err := s.FindOfficeByID(ctx, o.ID)
	must(t, err)
	if d := cmp.Diff(&want, got); d != "" {
		t.Errorf("office (-want +got):\n%s", d)
	}
	if got, err := s.FindOfficeByExternalID(ctx, "dldb:jena", "L-7"); err != nil || got.ID != o.ID {
		t.Errorf("by external id = %v, %v", got, err)
	}

	// Without coordinates or hours.
	bare := newOffice(t, s, "Außenstelle", "", "")
	got, err = s.FindOfficeByID(ctx, bare.ID)
	must(t, err)
	if got.Lat != nil || got.Lon != nil || !cmp.Equal(got.Hours, hours.Hours{}) {
		t.Errorf("bare office = %+v", got)
	}

	o.Name, o.Lat, o.Hours.Exceptions, o.UpdatedAt = "Bürgeramt Mitte", nil, nil, t0.Add(time.Hour)
	must(t, s.UpdateOffice(ctx, o))
	got, err = s.FindOfficeByID(ctx, o.ID)
	must(t, err)
	if got.Name != "Bürgeramt Mitte" || got.Lat != nil || len(got.Hours.Exceptions) != 0 || !got.CreatedAt.Equal(t0us) || !got.UpdatedAt.Equal(t0us.Add(time.Hour)) {
		t.Errorf("after update = %+v", got)
	}

	if err := s.CreateOffice(ctx, fullOffice()); !fault.Is(err, fault.Conflict) {
		t.Errorf("duplicate external id = %v, want Conflict", err)
	}
	for name, err := range map[string]error{
		"missing id":          second(s.FindOfficeByID(ctx, o.ID+100)),
		"missing external id": second(s.FindOfficeByExternalID(ctx, "dldb:jena", "L-8")),
		"empty external id":   second(s.FindOfficeByExternalID(ctx, "", "")),
		"update missing":      s.UpdateOffice(ctx, &catalog.Office{ID: o.ID + 100, Name: "x", UpdatedAt: t0}),
	} {
		if !fault.Is(err, fault.NotFound) {
			t.Errorf("%s: err = %v, want NotFound", name, err)
		}
	}
	all, err := s.FindOffices(ctx, catalog.OfficeFilter{})
	must(t, err)
	if len(all) != 2 || all[0].Name != "Außenstelle" {
		t.Errorf("FindOffices = %v, want 2 by name", all)
	}
	if imported, _ := s.FindOffices(ctx, catalog.OfficeFilter{Source: "dldb:jena"}); len(imported) != 1 || imported[0].ID != o.ID {
		t.Errorf("offices of source = %v", imported)
	}
}

// testCatalogOfficeServices checks that an office lists only the published
// services that name it, following each publication.
func testCatalogOfficeServices(t *testing.T, s Stores) {
	o1, o2 := newOffice(t, s, "Eins", "", ""), newOffice(t, s, "Zwei", "", "")
	in := func(name string, offices ...int64) catalog.Content {
		return catalog.Content{Name: name, OfficeIDs: offices}
	}
	a := newService(t, s, in("A", o1.ID), "", "", catalog.RevisionPublished)
	b := newService(t, s, in("B", o1.ID, o2.ID), "", "", catalog.RevisionPublished)
	draft := newService(t, s, in("Entwurf", o1.ID), "", "", catalog.RevisionPending)
	checkOfficeServices(t, s, map[int64][]int64{o1.ID: {a.ID, b.ID}, o2.ID: {b.ID}})
	checkServiceOffices(t, s, a.ID, o1.ID)
	checkServiceOffices(t, s, draft.ID)

	// A pending proposal does not move the service; its publication does.
	rev := newRevision(t, s, a.ID, in("A", o2.ID), catalog.RevisionPending)
	checkOfficeServices(t, s, map[int64][]int64{o1.ID: {a.ID, b.ID}, o2.ID: {b.ID}})
	must(t, s.PublishRevision(ctx, rev.ID, nil, "", t0))
	checkOfficeServices(t, s, map[int64][]int64{o1.ID: {b.ID}, o2.ID: {a.ID, b.ID}})
	checkServiceOffices(t, s, a.ID, o2.ID)

	must(t, s.SetServiceStatus(ctx, b.ID, catalog.StatusArchived, t0))
	checkOfficeServices(t, s, map[int64][]int64{o1.ID: nil, o2.ID: {a.ID}})
	checkServiceOffices(t, s, b.ID)
}

func checkOfficeServices(t *testing.T, s Stores, want map[int64][]int64) {
	t.Helper()
	all, err := s.FindOffices(ctx, catalog.OfficeFilter{})
	must(t, err)
	got := map[int64][]int64{}
	for _, o := range all {
		got[o.ID] = o.ServiceIDs
		one, err := s.FindOfficeByID(ctx, o.ID)
		must(t, err)
		if d := cmp.Diff(o.ServiceIDs, one.ServiceIDs); d != "" {
			t.Errorf("office %d: FindOffices and FindOfficeByID differ:\n%s", o.ID, d)
		}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("services per office (-want +got):\n%s", d)
	}
}

func checkServiceOffices(t *testing.T, s Stores, serviceID int64, want ...int64) {
	t.Helper()
	os, err := s.FindOffices(ctx, catalog.OfficeFilter{ServiceID: &serviceID})
	must(t, err)
	var got []int64
	for _, o := range os {
		got = append(got, o.ID)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("offices of service %d (-want +got):\n%s", serviceID, d)
	}
}
