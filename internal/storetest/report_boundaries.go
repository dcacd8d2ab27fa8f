package storetest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/fault"
	"rathaus/internal/report"
)

// testReportBoundaries: nothing imported is version 0 and NotFound; a save
// round-trips and is found; a second save replaces the first with a
// higher version; the importer's account may go, the name stays.
func testReportBoundaries(t *testing.T, s Stores) {
	bs, ok := s.(report.BoundaryStore)
	if !ok {
		t.Fatalf("%T is no report.BoundaryStore", s)
	}
	if v, err := bs.ReportBoundariesVersion(ctx); err != nil || v != 0 {
		t.Fatalf("empty version: %d, %v", v, err)
	}
	if _, err := bs.FindReportBoundaries(ctx); !fault.Is(err, fault.NotFound) {
		t.Fatalf("empty find: %v", err)
	}
	admin := newUser(t, s, "admin-gebiete@example.org")
	first := &report.Boundaries{Outline: `{"type":"Feature"}`, Districts: `{"type":"FeatureCollection","features":[]}`,
		KeyProperty: "key", NameProperty: "name", DistrictCount: 10, ImportedBy: &admin.ID,
		ImportedByName: "Anna Admin", ImportedAt: t0}
	must(t, bs.SaveReportBoundaries(ctx, first))
	got, err := bs.FindReportBoundaries(ctx)
	must(t, err)
	want := *first
	want.ImportedAt = t0.Truncate(time.Microsecond)
	if d := cmp.Diff(&want, got); d != "" || first.Version == 0 {
		t.Errorf("FindReportBoundaries (-want +got):\n%s", d)
	}
	second := &report.Boundaries{Outline: "o2", Districts: "d2", KeyProperty: "SCHLUESSEL", NameProperty: "NAME",
		DistrictCount: 3, ImportedByName: "Ben", ImportedAt: t0.Add(time.Hour)}
	must(t, bs.SaveReportBoundaries(ctx, second))
	if second.Version <= first.Version {
		t.Fatalf("versions %d then %d", first.Version, second.Version)
	}
	v, err := bs.ReportBoundariesVersion(ctx)
	must(t, err)
	got, err = bs.FindReportBoundaries(ctx)
	must(t, err)
	if v != second.Version || got.Version != v || got.Districts != "d2" || got.KeyProperty != "SCHLUESSEL" ||
		got.ImportedBy != nil || got.DistrictCount != 3 {
		t.Errorf("after the second import: version %d, %+v", v, got)
	}

	// Checked files wait for their admin to take them over; someone
	// else's token or a second take finds nothing; a day later they are
	// gone with the next check.
	other := newUser(t, s, "zweite-admin@example.org")
	checked := &report.Boundaries{Outline: "o3", Districts: "d3", KeyProperty: "k", NameProperty: "n", DistrictCount: 7,
		ImportedBy: &admin.ID, ImportedByName: "Anna Admin", ImportedAt: t0.Add(2 * time.Hour)}
	must(t, bs.SaveCheckedReportBoundaries(ctx, "tok-1", checked))
	if v2, _ := bs.ReportBoundariesVersion(ctx); v2 != v {
		t.Errorf("a check changed the version to %d", v2)
	}
	if err := bs.TakeCheckedReportBoundaries(ctx, "tok-1", &report.Boundaries{ImportedBy: &other.ID,
		ImportedByName: "Ben", ImportedAt: t0.Add(3 * time.Hour)}); !fault.Is(err, fault.NotFound) {
		t.Errorf("another admin took the checked files: %v", err)
	}
	took := &report.Boundaries{ImportedBy: &admin.ID, ImportedByName: "Anna Admin", ImportedAt: t0.Add(3 * time.Hour)}
	must(t, bs.TakeCheckedReportBoundaries(ctx, "tok-1", took))
	got, err = bs.FindReportBoundaries(ctx)
	must(t, err)
	if took.Version <= v || got.Version != took.Version || got.Districts != "d3" || got.DistrictCount != 7 || got.KeyProperty != "k" {
		t.Errorf("after taking the checked files: %+v", got)
	}
	if err := bs.TakeCheckedReportBoundaries(ctx, "tok-1", took); !fault.Is(err, fault.NotFound) {
		t.Errorf("second take: %v", err)
	}
	must(t, bs.SaveCheckedReportBoundaries(ctx, "tok-old", &report.Boundaries{Outline: "o", Districts: "d",
		ImportedBy: &admin.ID, ImportedAt: t0}))
	must(t, bs.SaveCheckedReportBoundaries(ctx, "tok-new", &report.Boundaries{Outline: "o", Districts: "d",
		ImportedBy: &admin.ID, ImportedAt: t0.Add(25 * time.Hour)}))
	if err := bs.TakeCheckedReportBoundaries(ctx, "tok-old", took); !fault.Is(err, fault.NotFound) {
		t.Errorf("files checked a day before the last check: %v", err)
	}
	must(t, bs.TakeCheckedReportBoundaries(ctx, "tok-new", took))
}
