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
}
