package storetest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/fault"
	"rathaus/internal/helppoint"
	"rathaus/internal/hours"
	"rathaus/internal/org"
)

// helpPointStore is the help-point part of a store.
func helpPointStore(t *testing.T, s Stores) helppoint.Store {
	t.Helper()
	hs, ok := s.(helppoint.Store)
	if !ok {
		t.Fatalf("%T is no helppoint.Store", s)
	}
	return hs
}

// testHelpPoints: points round-trip with hours, languages and stops; an
// update replaces the stops; a deleted point is gone with its stops;
// unknown IDs are NotFound; a deleted unit leaves the point without one.
func testHelpPoints(t *testing.T, s Stores) {
	hs := helpPointStore(t, s)
	unit := &org.Org{Kind: org.KindUnit, Slug: "probierladen", Name: "ProbierLaden", CreatedAt: t0}
	must(t, s.CreateOrg(ctx, unit))
	shop := &helppoint.Point{Name: "ProbierLaden", Kind: helppoint.KindFixed, Street: "Markt 16", Postcode: "07743",
		City: "Jena", Lat: 50.92795, Lon: 11.58923, Phone: "+49 3641 49-0", Email: "probierladen@jena.example",
		Offers: "Hilfe bei Online-Anträgen", Access: "Stufenloser Eingang", Languages: []string{"Deutsch", "English"},
		OrgID: &unit.ID, Demo: true, UpdatedAt: t0,
		Hours: hours.Hours{Holidays: "TH", Weekly: [7][]hours.Interval{time.Tuesday: {{From: 600, To: 1080}}}}}
	must(t, hs.CreateHelpPoint(ctx, shop))
	if shop.ID == 0 {
		t.Fatal("CreateHelpPoint set no ID")
	}
	at := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	bus := &helppoint.Point{Name: "ProbierMobil", Kind: helppoint.KindMobile, Street: "Markt 16", Postcode: "07743",
		City: "Jena", Lat: 50.9, Lon: 11.6, UpdatedAt: t0, Stops: []helppoint.Stop{
			{Place: "Lobeda-West", Address: "Karl-Marx-Allee 28", Start: at, End: at.Add(3 * time.Hour)},
			{Place: "Winzerla", Start: at.Add(48 * time.Hour), End: at.Add(51 * time.Hour)},
		}}
	must(t, hs.CreateHelpPoint(ctx, bus))

	got, err := hs.FindHelpPoint(ctx, shop.ID)
	must(t, err)
	want := *shop
	want.UpdatedAt = t0.Truncate(time.Microsecond)
	if d := cmp.Diff(&want, got); d != "" {
		t.Errorf("FindHelpPoint (-want +got):\n%s", d)
	}
	all, err := hs.FindHelpPoints(ctx)
	must(t, err)
	if len(all) != 2 || all[0].Name != "ProbierLaden" || all[1].Name != "ProbierMobil" || len(all[1].Stops) != 2 ||
		all[1].Stops[1].Place != "Winzerla" || !all[1].Stops[0].End.Equal(at.Add(3*time.Hour)) || all[1].Languages != nil {
		t.Errorf("FindHelpPoints = %+v", all)
	}

	bus.Stops = []helppoint.Stop{{Place: "Jena-Nord", Start: at, End: at.Add(time.Hour)}}
	bus.Name, bus.UpdatedAt = "ProbierMobil (Bus)", t0.Add(time.Hour)
	must(t, hs.UpdateHelpPoint(ctx, bus))
	got, err = hs.FindHelpPoint(ctx, bus.ID)
	must(t, err)
	if got.Name != "ProbierMobil (Bus)" || len(got.Stops) != 1 || got.Stops[0].Place != "Jena-Nord" {
		t.Errorf("after UpdateHelpPoint: %+v", got)
	}

	ghost := *bus
	ghost.ID = bus.ID + 100
	if err := hs.UpdateHelpPoint(ctx, &ghost); !fault.Is(err, fault.NotFound) {
		t.Errorf("UpdateHelpPoint of an unknown point: %v, want NotFound", err)
	}
	if _, err := hs.FindHelpPoint(ctx, ghost.ID); !fault.Is(err, fault.NotFound) {
		t.Errorf("FindHelpPoint of an unknown point: %v, want NotFound", err)
	}
	must(t, hs.DeleteHelpPoint(ctx, bus.ID))
	if err := hs.DeleteHelpPoint(ctx, bus.ID); !fault.Is(err, fault.NotFound) {
		t.Errorf("second DeleteHelpPoint: %v, want NotFound", err)
	}
	all, err = hs.FindHelpPoints(ctx)
	must(t, err)
	if len(all) != 1 || all[0].ID != shop.ID {
		t.Errorf("after delete: %+v", all)
	}

}
