package catalog_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/catalog"
	"rathaus/internal/catalog/dldb"
	"rathaus/internal/fault"
	"rathaus/internal/hours"
	"rathaus/internal/org"
	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
)

func newCatalog(db *sqlstore.DB) *catalog.Catalog {
	now := func() time.Time { return time.Date(2026, 6, 8, 10, 0, 0, 0, time.UTC) }
	return &catalog.Catalog{Store: db, Orgs: &org.Service{Store: db, Audit: db, Now: now}, Audit: db, Now: now}
}

// munich parses the real Munich export, skipping when it is absent.
func munich(t *testing.T) *catalog.Bundle {
	t.Helper()
	dir := "../../../shared/data/services"
	s, err := os.Open(filepath.Join(dir, "muenchen_dldb_services_de_2026-06.json"))
	if os.IsNotExist(err) {
		t.Skipf("real DLDB data not found at %s (../shared/data/services next to the repository)", dir)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	l, err := os.Open(filepath.Join(dir, "muenchen_dldb_locations_de_2026-06.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	b, err := dldb.Parse(dldb.Input{Source: "dldb:muenchen", Services: s, Locations: l})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// rows counts what an import writes.
type rows struct{ Services, Offices, Revisions, LifeSituations int }

func count(t *testing.T, db *sqlstore.DB) (rows, int64) {
	t.Helper()
	ctx := context.Background()
	s, err1 := db.FindServices(ctx, catalog.ServiceFilter{})
	o, err2 := db.FindOffices(ctx, catalog.OfficeFilter{})
	r, err3 := db.FindRevisions(ctx, catalog.RevisionFilter{})
	l, err4 := db.FindLifeSituations(ctx)
	v, err5 := db.CatalogVersion(ctx)
	for _, err := range []error{err1, err2, err3, err4, err5} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return rows{len(s), len(o), len(r), len(l)}, v
}

func TestImportMunichTwice(t *testing.T) {
	b := munich(t)
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := open(t)
			c := newCatalog(db)
			rep, err := c.Import(ctx, b)
			if err != nil {
				t.Fatal(err)
			}
			want := catalog.ImportReport{ServicesCreated: 287, OfficesCreated: 109}
			if diff := cmp.Diff(want, rep); diff != "" {
				t.Errorf("first import (-want +got):\n%s", diff)
			}
			first, v1 := count(t, db)
			if diff := cmp.Diff(rows{287, 109, 287, 0}, first); diff != "" {
				t.Errorf("rows after first import (-want +got):\n%s", diff)
			}
			rep, err = c.Import(ctx, b)
			if err != nil {
				t.Fatal(err)
			}
			want = catalog.ImportReport{ServicesUnchanged: 287, OfficesUnchanged: 109}
			if diff := cmp.Diff(want, rep); diff != "" {
				t.Errorf("second import (-want +got):\n%s", diff)
			}
			second, v2 := count(t, db)
			if first != second || v1 != v2 {
				t.Errorf("second import changed rows %+v -> %+v, catalogue version %d -> %d", first, second, v1, v2)
			}
			s, err := db.FindServiceByExternalID(ctx, "dldb:muenchen", "1063423")
			if err != nil {
				t.Fatal(err)
			}
			office, err := db.FindOfficeByExternalID(ctx, "dldb:muenchen", "10546")
			if err != nil {
				t.Fatal(err)
			}
			if s.Name != "Gewerbe-Anmeldung" || s.Status != catalog.StatusPublished || s.Version != 1 ||
				len(s.OfficeIDs) != 1 || s.OfficeIDs[0] != office.ID {
				t.Errorf("Gewerbe-Anmeldung: %q %s v%d offices %v, want published v1 at office %d", s.Name, s.Status, s.Version, s.OfficeIDs, office.ID)
			}
		})
	}
}

// small is a bundle with one of everything, for an organisation "jena".
func small() *catalog.Bundle {
	lat, lon := 50.9279, 11.5892
	var h hours.Hours
	h.Weekly[time.Monday] = []hours.Interval{{From: 8 * 60, To: 12 * 60}}
	h.Holidays = "TH"
	return &catalog.Bundle{Format: catalog.BundleFormat, Source: "jena",
		LifeSituations: []catalog.BundleLifeSituation{{Slug: "umzug", Name: "Umzug", Position: 1}},
		Offices: []catalog.BundleOffice{{Key: "bb", Name: "Bürgerbüro", Org: "jena", Lat: &lat, Lon: &lon, Hours: h,
			Address: catalog.Address{Street: "Markt", HouseNo: "1", PostalCode: "07743", City: "Jena"}}},
		Services: []catalog.BundleService{{Key: "ummelden", Org: "jena", Offices: []string{"bb"}, Content: catalog.Content{
			Name: "Wohnsitz ummelden", LeiKa: []string{"99115005001000"}, Keywords: []string{"Umzug", "umgezogen"},
			LifeSituations: []string{"umzug"}, Fees: []catalog.Fee{{Note: "gebührenfrei"}}}}},
	}
}

func withOrg(t *testing.T, c *catalog.Catalog) {
	t.Helper()
	if err := c.Orgs.Create(context.Background(), &org.Org{Slug: "jena", Name: "Stadt Jena", Kind: org.KindGroup}); err != nil {
		t.Fatal(err)
	}
}

func TestImportUpdates(t *testing.T) {
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := open(t)
			c := newCatalog(db)
			withOrg(t, c)
			b := small()
			if _, err := c.Import(ctx, b); err != nil {
				t.Fatal(err)
			}
			s, _ := db.FindServiceByExternalID(ctx, "jena", "ummelden")

			// An editor improves the text here; importing the same source
			// again keeps the editor's text.
			edited := s.Content
			edited.Summary = "Nach dem Umzug melden Sie sich innerhalb von zwei Wochen um."
			if err := db.CreateRevision(ctx, &catalog.Revision{ServiceID: s.ID, Content: edited, Origin: "editor", State: catalog.RevisionPublished}); err != nil {
				t.Fatal(err)
			}
			rep, err := c.Import(ctx, b)
			if err != nil || rep != (catalog.ImportReport{ServicesUnchanged: 1, OfficesUnchanged: 1}) {
				t.Fatalf("re-import after an edit: %+v, %v", rep, err)
			}
			if s, _ = db.FindServiceByID(ctx, s.ID); s.Summary != edited.Summary {
				t.Errorf("re-import undid the editor's text: summary %q", s.Summary)
			}

			// The source changes: a new published revision from the import.
			b.Services[0].Keywords = append(b.Services[0].Keywords, "Adresse ändern")
			b.Offices[0].Phone = "03641 49-0"
			b.LifeSituations[0].Name = "Umzug innerhalb Jenas"
			rep, err = c.Import(ctx, b)
			if err != nil {
				t.Fatal(err)
			}
			want := catalog.ImportReport{ServicesUpdated: 1, OfficesUpdated: 1, LifeSituations: 1}
			if diff := cmp.Diff(want, rep); diff != "" {
				t.Errorf("import of a changed bundle (-want +got):\n%s", diff)
			}
			s, _ = db.FindServiceByID(ctx, s.ID)
			revs, _ := db.FindRevisions(ctx, catalog.RevisionFilter{ServiceID: &s.ID})
			if len(revs) != 3 || revs[0].Origin != catalog.OriginImport || revs[0].State != catalog.RevisionPublished || s.Version != revs[0].Number {
				t.Errorf("got %d revisions, newest %s/%s, service at v%d; want 3, newest a published import", len(revs), revs[0].Origin, revs[0].State, s.Version)
			}
			if !strings.Contains(strings.Join(s.Keywords, ","), "Adresse ändern") || s.OrgID == nil {
				t.Errorf("service after update: keywords %q org %v", s.Keywords, s.OrgID)
			}
			o, _ := db.FindOfficeByExternalID(ctx, "jena", "bb")
			if o.Phone != "03641 49-0" || len(o.Hours.Weekly[time.Monday]) != 1 {
				t.Errorf("office after update: phone %q hours %+v", o.Phone, o.Hours)
			}
		})
	}
}

func TestImportRejectsBadBundles(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(b *catalog.Bundle)
		want string
	}{
		{"format", func(b *catalog.Bundle) { b.Format = "dldb" }, `format is "dldb"`},
		{"duplicate service", func(b *catalog.Bundle) { b.Services = append(b.Services, b.Services[0]) }, `service "ummelden": key appears twice`},
		{"service without key", func(b *catalog.Bundle) { b.Services[0].Key = "" }, `service "Wohnsitz ummelden": key missing`},
		{"unknown org", func(b *catalog.Bundle) { b.Services[0].Org = "weimar" }, `service "ummelden": no organisation with slug "weimar"`},
		{"unknown office", func(b *catalog.Bundle) { b.Services[0].Offices = []string{"rathaus"} }, `service "ummelden": office "rathaus" is neither`},
		{"unknown life situation", func(b *catalog.Bundle) { b.Services[0].LifeSituations = []string{"geburt"} }, `life situation "geburt" is neither`},
		{"bad content", func(b *catalog.Bundle) { b.Services[0].LeiKa = []string{"123"}; b.Services[0].OZGLevel = 7 }, `service "ummelden": invalid leika, ozg_level`},
		{"draft", func(b *catalog.Bundle) { b.Services[0].Status = catalog.StatusDraft }, `status "draft"`},
		{"duplicate office", func(b *catalog.Bundle) { b.Offices = append(b.Offices, b.Offices[0]) }, `office "bb": key appears twice`},
		{"office org", func(b *catalog.Bundle) { b.Offices[0].Org = "erfurt" }, `office "bb": no organisation with slug "erfurt"`},
		{"hours", func(b *catalog.Bundle) {
			b.Offices[0].Hours.Weekly[time.Tuesday] = []hours.Interval{{From: 600, To: 540}}
		}, `office "bb": hours: weekday 2`},
		{"life situation slug", func(b *catalog.Bundle) { b.LifeSituations[0].Slug = "Umzug!" }, `life situation "Umzug!": slug`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := storetest.OpenSQLite(t)
			c := newCatalog(db)
			withOrg(t, c)
			b := small()
			tc.edit(b)
			_, err := c.Import(context.Background(), b)
			if !fault.Is(err, fault.Invalid) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an invalid fault containing %q", err, tc.want)
			}
			if got, _ := count(t, db); got != (rows{}) {
				t.Errorf("a rejected import wrote %+v", got)
			}
		})
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	b := munich(t)
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			one, two := newCatalog(open(t)), newCatalog(open(t))
			for _, c := range []*catalog.Catalog{one, two} {
				withOrg(t, c)
			}
			for _, in := range []*catalog.Bundle{b, small()} {
				if _, err := one.Import(ctx, in); err != nil {
					t.Fatal(err)
				}
				out, err := one.Export(ctx, in.Source)
				if err != nil {
					t.Fatal(err)
				}
				if len(out.Services) != len(in.Services) || len(out.Offices) != len(in.Offices) {
					t.Fatalf("export of %s: %d services, %d offices; want %d, %d", in.Source, len(out.Services), len(out.Offices), len(in.Services), len(in.Offices))
				}
				rep, err := two.Import(ctx, out)
				if err != nil {
					t.Fatal(err)
				}
				if rep.ServicesCreated != len(in.Services) {
					t.Errorf("import of the export created %d services, want %d", rep.ServicesCreated, len(in.Services))
				}
				again, err := two.Export(ctx, in.Source)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(out, again); diff != "" {
					t.Errorf("export -> import -> export differs (-first +second):\n%s", diff)
				}
			}
		})
	}
}

// TestExportLocal exports services written here (no source, no external
// id) and imports them back without duplicating.
func TestExportLocal(t *testing.T) {
	ctx := context.Background()
	db := storetest.OpenSQLite(t)
	c := newCatalog(db)
	o := &catalog.Office{Name: "Bürgerservice", CreatedAt: c.Now()}
	if err := db.CreateOffice(ctx, o); err != nil {
		t.Fatal(err)
	}
	s := &catalog.Service{CreatedAt: c.Now()}
	rev := &catalog.Revision{Content: catalog.Content{Name: "Hund anmelden", OfficeIDs: []int64{o.ID}}, Origin: "editor", State: catalog.RevisionPublished}
	if err := db.CreateService(ctx, s, rev); err != nil {
		t.Fatal(err)
	}
	b, err := c.Export(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	wantKey := "rathaus-" + strconv.FormatInt(s.ID, 10)
	if len(b.Services) != 1 || b.Services[0].Key != wantKey || len(b.Offices) != 1 || b.Services[0].Offices[0] != "rathaus-"+strconv.FormatInt(o.ID, 10) {
		t.Fatalf("export: %+v", b)
	}
	before, _ := count(t, db)
	rep, err := c.Import(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := count(t, db); rep.ServicesUnchanged != 1 || rep.OfficesUnchanged != 1 || after != before {
		t.Errorf("re-import of a local export: %+v, rows %+v -> %+v", rep, before, after)
	}
}
