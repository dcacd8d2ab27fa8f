package demo_test

import (
	"context"
	"image/jpeg"
	"strconv"
	"strings"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/demo"
	"rathaus/internal/fault"
	"rathaus/internal/filestore"
	"rathaus/internal/geo"
	"rathaus/internal/georeport"
	"rathaus/internal/i18n"
	"rathaus/internal/org"
	"rathaus/internal/processlog"
	"rathaus/internal/report"
	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
)

// seedReportsDB seeds the demo city and its reports on a fresh database.
func seedReportsDB(t *testing.T, db *sqlstore.DB, at time.Time, files filestore.Store) (demo.ReportSeedResult, *org.Service, time.Duration) {
	t.Helper()
	ctx := context.Background()
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return at }
	orgs := &org.Service{Store: db, Audit: db, Now: now}
	if _, err := demo.Seed(ctx, &account.Service{Store: db, Audit: db, Outbox: db, T: tr, Now: now}, orgs); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res, err := demo.SeedReports(ctx, demo.ReportSeed{Store: db, Orgs: orgs, Accounts: db, Open311: db, Files: files, Now: at})
	if err != nil {
		t.Fatal(err)
	}
	return res, orgs, time.Since(start)
}

// TestSeedReports: the demo city has a few hundred reports over eight
// months in every category and district, each inside its district and
// routed to the right unit, with histories that make sense (done after
// in progress, merged into an earlier report, forwarded with a name);
// a second start adds nothing.
func TestSeedReports(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			db := open(t)
			res, orgs, took := seedReportsDB(t, db, at, nil)
			t.Logf("%s: seeded %+v in %v", name, res, took)
			if res.Reports < 300 || res.Reports > 450 || res.Merged < 5 || res.Forwarded < 3 || res.Corrected < 3 || res.Supports < 20 {
				t.Errorf("seeded %+v", res)
			}
			root, err := db.FindOrgBySlug(ctx, demo.ReportOrg)
			if err != nil {
				t.Fatal(err)
			}
			cats, err := db.FindDefectCategories(ctx, root.ID)
			if err != nil || len(cats) < 8 {
				t.Fatalf("categories: %d, %v", len(cats), err)
			}
			tree := report.NewTree(cats)
			staff := reportStaff(t, db)
			all, total, err := db.FindDefectReports(ctx, report.Filter{OrgID: root.ID, Limit: 1000, Order: report.OrderOldest})
			if err != nil || total != res.Reports || len(all) != total {
				t.Fatalf("reports: %d of %d, %v", len(all), total, err)
			}
			_, districts := geo.JenaSchematic()
			lobedaCrew, _ := db.FindOrgBySlug(ctx, "ksj-revier-lobeda")
			perCat, perArea, statuses := map[string]int{}, map[string]int{}, map[report.Status]int{}
			for _, r := range all {
				c := tree.ByID(r.CategoryID)
				perCat[c.Code]++
				perArea[r.Location.AreaID]++
				statuses[r.Status]++
				if a, ok := districts.AreaOf(*r.Location.Lat, *r.Location.Long); !ok || a.Key != r.Location.AreaID {
					t.Errorf("%s lies in %q, stored as %q", r.Reference, a.Key, r.Location.AreaID)
				}
				if r.RequestedAt.Before(at.AddDate(0, 0, -241)) || r.RequestedAt.After(at) {
					t.Errorf("%s requested %v", r.Reference, r.RequestedAt)
				}
				if c.Code == "spielplatz" && r.Location.AreaID == "lobeda" && *r.UnitID != lobedaCrew.ID {
					t.Errorf("%s: a playground in Lobeda went to unit %d, not the district crew", r.Reference, *r.UnitID)
				}
				checkHistory(t, db, r)
				checkStaff(t, db, r, staff)
			}
			for _, c := range cats {
				if perCat[c.Code] < 10 {
					t.Errorf("category %s has %d reports", c.Code, perCat[c.Code])
				}
			}
			for _, d := range districts {
				if perArea[d.Key] < 10 {
					t.Errorf("district %s has %d reports", d.Key, perArea[d.Key])
				}
			}
			if statuses[report.StatusReceived] == 0 || statuses[report.StatusInProgress] == 0 || statuses[report.StatusDone] < res.Reports/2 {
				t.Errorf("statuses %v", statuses)
			}
			checkReportEvents(t, db, staff)
			again, err := demo.SeedReports(ctx, demo.ReportSeed{Store: db, Orgs: orgs, Open311: db, Now: at.Add(time.Hour)})
			if err != nil || again.Reports != 0 {
				t.Errorf("second seed: %+v, %v", again, err)
			}
			clients, err := db.FindOpen311Clients(ctx)
			if err != nil || len(clients) != 1 || !clients[0].Active() ||
				clients[0].KeyHash != georeport.HashKey(demo.Open311Key) {
				t.Errorf("Open311 clients after two starts: %+v, %v; want the demo key once", clients, err)
			}
			if _, n, _ := db.FindDefectReports(ctx, report.Filter{OrgID: root.ID, Limit: 1}); n != total {
				t.Errorf("after a second start: %d reports, want %d", n, total)
			}
		})
	}
}

// checkHistory checks that the public notes tell a consistent story.
func checkHistory(t *testing.T, db *sqlstore.DB, r *report.Report) {
	t.Helper()
	notes, err := db.FindDefectNotes(context.Background(), r.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[report.Status]bool{}
	last := r.RequestedAt
	for _, n := range notes {
		if n.At.Before(last) {
			t.Errorf("%s: note at %v before %v", r.Reference, n.At, last)
		}
		last = n.At
		if n.Status == report.StatusDone && !seen[report.StatusInProgress] {
			t.Errorf("%s: done before in progress", r.Reference)
		}
		seen[n.Status] = true
	}
	switch r.Status {
	case report.StatusDone:
		if r.ClosedAt == nil || r.FirstAnswerAt == nil || r.ClosedAt.Before(*r.FirstAnswerAt) || !seen[report.StatusDone] {
			t.Errorf("%s: done without a consistent history", r.Reference)
		}
	case report.StatusMerged:
		if r.DuplicateOf == nil || *r.DuplicateOf >= r.ID {
			t.Errorf("%s: merged into %v", r.Reference, r.DuplicateOf)
		}
	case report.StatusNotResponsible:
		if r.ForwardedTo == "" {
			t.Errorf("%s: forwarded to nobody", r.Reference)
		}
	case report.StatusReceived:
		if r.FirstAnswerAt != nil || len(notes) > 0 {
			t.Errorf("%s: received but answered", r.Reference)
		}
	}
}

// reportStaff returns the unit of every case worker by user ID.
func reportStaff(t *testing.T, db *sqlstore.DB) map[int64]int64 {
	t.Helper()
	gs, err := db.FindGrants(context.Background(), org.GrantFilter{})
	if err != nil {
		t.Fatal(err)
	}
	staff := map[int64]int64{}
	for _, g := range gs {
		if g.Role == org.RoleCaseWorker {
			staff[g.UserID] = g.OrgID
		}
	}
	return staff
}

// checkStaff checks that every note and correction of r names a case
// worker of r's unit, never nobody.
func checkStaff(t *testing.T, db *sqlstore.DB, r *report.Report, staff map[int64]int64) {
	t.Helper()
	ctx := context.Background()
	notes, err := db.FindDefectNotes(ctx, r.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range notes {
		if n.AuthorID == nil || staff[*n.AuthorID] != *r.UnitID {
			t.Errorf("%s: note %q by %v, want the case worker of unit %d", r.Reference, n.Text, n.AuthorID, *r.UnitID)
		}
	}
	cs, err := db.FindDefectCorrections(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.StaffID == nil || staff[*c.StaffID] == 0 {
			t.Errorf("%s: correction %s→%s by %v, want a demo case worker", r.Reference, c.From, c.To, c.StaffID)
		}
	}
}

// checkReportEvents checks that staff's steps in the process log are a named
// case worker's: only citizens receive and support.
func checkReportEvents(t *testing.T, db *sqlstore.DB, staff map[int64]int64) {
	t.Helper()
	evs, err := db.FindEvents(context.Background(), processlog.Filter{Process: report.Process, Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	byWhom := map[string]int{}
	for _, ev := range evs {
		if ev.Activity == report.ActReceived || ev.Activity == report.ActSupported {
			continue
		}
		byWhom[ev.Resource]++
		id, err := strconv.ParseInt(strings.TrimPrefix(ev.Resource, "staff:"), 10, 64)
		if err != nil || staff[id] == 0 {
			t.Errorf("%s %s by %q, want a demo case worker", ev.CaseID, ev.Activity, ev.Resource)
		}
	}
	if len(byWhom) < 5 {
		t.Errorf("staff's steps by %v, want the case workers of at least five units", byWhom)
	}
}

// TestSeedReportPhotos: some demo reports carry a drawn photo, stored as
// a real JPEG; those of reports already done are published with their
// public copy, the others wait for the office.
func TestSeedReportPhotos(t *testing.T) {
	ctx := context.Background()
	db := storetest.Engines(t)["sqlite"](t)
	files := &filestore.Local{Dir: t.TempDir()}
	res, _, _ := seedReportsDB(t, db, time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC), files)
	if res.Photos < 10 {
		t.Fatalf("%d demo photos, want a few dozen", res.Photos)
	}
	reps, _, err := db.FindDefectReports(ctx, report.Filter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	published, waiting := 0, 0
	for _, r := range reps {
		for _, p := range r.Photos {
			rc, _, err := files.Get(ctx, p.Key)
			if err != nil {
				t.Fatalf("%s: photo %s: %v", r.Reference, p.Key, err)
			}
			img, err := jpeg.Decode(rc)
			rc.Close()
			if err != nil || img.Bounds().Dx() != p.Width {
				t.Fatalf("%s: not a JPEG of %d px: %v", r.Reference, p.Width, err)
			}
			_, _, perr := files.Get(ctx, p.PublicKey())
			switch {
			case p.Public && perr == nil && r.Status == report.StatusDone:
				published++
			case !p.Public && fault.Is(perr, fault.NotFound):
				waiting++
			default:
				t.Errorf("%s (%s): public %v, public copy %v", r.Reference, r.Status, p.Public, perr)
			}
		}
	}
	if published == 0 || waiting == 0 || published+waiting != res.Photos {
		t.Errorf("%d published, %d waiting of %d photos", published, waiting, res.Photos)
	}
}
