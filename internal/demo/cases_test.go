package demo_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/cases"
	"rathaus/internal/catalog"
	"rathaus/internal/demo"
	"rathaus/internal/feedback"
	"rathaus/internal/filestore"
	"rathaus/internal/form"
	"rathaus/internal/i18n"
	"rathaus/internal/org"
	"rathaus/internal/processlog"
	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
)

// seedCity seeds the demo city, catalogue and forms into db.
func seedCity(t *testing.T, db *sqlstore.DB, now time.Time) *catalog.Catalog {
	t.Helper()
	ctx := context.Background()
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	clock := func() time.Time { return now }
	orgs := &org.Service{Store: db, Audit: db, Now: clock}
	if _, err := demo.Seed(ctx, &account.Service{Store: db, Audit: db, Outbox: db, T: tr, Now: clock}, orgs); err != nil {
		t.Fatal(err)
	}
	cat := &catalog.Catalog{Store: db, Orgs: orgs, Audit: db, Now: clock}
	if err := demo.SeedCatalog(ctx, cat); err != nil {
		t.Fatal(err)
	}
	if err := demo.SeedForms(ctx, db, cat, now); err != nil {
		t.Fatal(err)
	}
	return cat
}

// TestSeedForms: after a demo start every demo form is published as
// version 1 of its service; a second start leaves a form staff changed.
func TestSeedForms(t *testing.T) {
	ctx := context.Background()
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			db := open(t)
			now := time.Now().UTC()
			cat := seedCity(t, db, now)
			infos, err := db.Forms(ctx)
			if err != nil {
				t.Fatal(err)
			}
			keys, _ := demo.FormKeys()
			if len(infos) != len(keys) {
				t.Fatalf("%d forms after seeding, want %d", len(infos), len(keys))
			}
			for _, in := range infos {
				if in.Version != 1 || in.Published != 1 {
					t.Errorf("form of service %d: version %d, published %d; want published version 1", in.ServiceID, in.Version, in.Published)
				}
			}
			// Staff start a new draft of one form; the next start keeps it.
			f, err := db.PublishedForm(ctx, infos[0].ServiceID)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.SaveForm(ctx, f.NextVersion(now)); err != nil {
				t.Fatal(err)
			}
			if err := demo.SeedForms(ctx, db, cat, now); err != nil {
				t.Fatal(err)
			}
			if vs, _ := db.FormVersions(ctx, infos[0].ServiceID); len(vs) != 2 {
				t.Errorf("%d versions after a second start, want the published one and the staff's draft", len(vs))
			}
			if again, _ := db.Forms(ctx); len(again) != len(infos) {
				t.Errorf("%d forms after a second start, want %d", len(again), len(infos))
			}
		})
	}
}

// TestSeedCases: the simulated history fills every state of the default
// workflow, comes by several channels, has deadlines missed and due
// soon, fees paid and unpaid, answers the forms accept, the demo
// citizen's own cases and process events in office hours; a second demo
// start adds nothing.
func TestSeedCases(t *testing.T) {
	ctx := context.Background()
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			db := open(t)
			now := time.Now().UTC()
			cat := seedCity(t, db, now)
			files := &filestore.Local{Dir: t.TempDir()}
			seed := demo.CaseSeed{Cases: db, Forms: db, Catalog: cat, Accounts: db, Files: files, Now: now, Seed: 2026, Ratings: db}
			began := time.Now()
			n, err := demo.SeedCases(ctx, seed)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d cases in %v", name, n, time.Since(began).Round(time.Millisecond))
			all, total, err := db.FindCases(ctx, cases.Filter{Limit: 10000})
			if err != nil {
				t.Fatal(err)
			}
			if n < 500 || total != n {
				t.Fatalf("SeedCases wrote %d cases, the store holds %d; want about 600", n, total)
			}
			checkCases(t, db, all, now)
			checkCaseRatings(t, db, now)
			checkOnlineTrend(t, all, now)
			checkFiles(t, db, files, all)
			if again, err := demo.SeedCases(ctx, seed); err != nil || again != 0 {
				t.Errorf("second SeedCases = %d, %v; want nothing", again, err)
			}
			if _, total2, _ := db.FindCases(ctx, cases.Filter{Limit: 1}); total2 != total {
				t.Errorf("%d cases after a second start, want %d", total2, total)
			}
		})
	}
}

func checkCases(t *testing.T, db *sqlstore.DB, all []*cases.Case, now time.Time) {
	ctx := context.Background()
	w := cases.Default()
	states, channels, due := map[string]int{}, map[string]int{}, map[string]int{}
	var paid, unpaid, citizen, assigned int
	citizenStates := map[string]bool{}
	forms := map[int64]*form.Form{}
	u, err := db.FindUserByEmail(ctx, demo.Accounts[0].Email)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range all {
		states[c.State]++
		channels[c.Channel]++
		due[c.Due(w, now, 3*24*time.Hour)]++
		if !strings.HasPrefix(c.Reference, "JENA-") {
			t.Errorf("reference %s, want JENA-…", c.Reference)
		}
		if c.Email != "" && !strings.HasSuffix(c.Email, ".example") {
			t.Errorf("%s: applicant address %s outside the .example domain", c.Reference, c.Email)
		}
		if c.OrgID == nil {
			t.Errorf("%s has no responsible unit", c.Reference)
		}
		switch {
		case c.FeeCents > 0 && c.PaidCents >= c.FeeCents:
			paid++
		case c.FeeCents > c.PaidCents:
			unpaid++
		}
		if c.AssigneeID != nil {
			assigned++
		}
		if c.ApplicantID != nil && *c.ApplicantID == u.ID {
			citizen++
			citizenStates[c.State] = true
		}
		f := forms[c.ServiceID]
		if f == nil {
			if f, err = db.FindForm(ctx, c.ServiceID, c.FormVersion); err != nil {
				t.Fatal(err)
			}
			forms[c.ServiceID] = f
		}
		raw, err := db.CaseAnswers(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		var a form.Answers
		if err := json.Unmarshal(raw, &a); err != nil {
			t.Fatal(err)
		}
		if _, err := f.Validate(a, "de"); err != nil {
			t.Errorf("%s: the form refuses the stored answers: %v", c.Reference, err)
		}
	}
	for _, s := range w.States {
		if states[s.ID] == 0 {
			t.Errorf("no case in state %s: %v", s.ID, states)
		}
	}
	if len(channels) < 4 || channels[cases.ChannelOnline] < len(all)/2 {
		t.Errorf("channels %v: want mostly online and at least three others", channels)
	}
	if due[cases.DueOverdue] == 0 || due[cases.DueSoon] == 0 {
		t.Errorf("deadlines %v: want some overdue and some due soon", due)
	}
	if paid == 0 || unpaid == 0 || assigned == 0 {
		t.Errorf("%d paid, %d unpaid, %d assigned: want some of each", paid, unpaid, assigned)
	}
	if citizen < 4 || len(citizenStates) < 4 {
		t.Errorf("the demo citizen has %d cases in states %v, want several in different states", citizen, citizenStates)
	}
	t.Logf("states %v, channels %v, deadlines %v, %d paid, %d unpaid, %d assigned", states, channels, due, paid, unpaid, assigned)
	checkEvents(t, db, len(all), now)
}

// checkEvents: every case starts with "submitted", nothing lies in the
// future, and staff steps happen in office hours in Jena.
func checkEvents(t *testing.T, db *sqlstore.DB, n int, now time.Time) {
	evs, err := db.FindEvents(context.Background(), processlog.Filter{Process: cases.Process, Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	submitted, activities := 0, map[string]bool{}
	for _, e := range evs {
		activities[e.Activity] = true
		if e.Activity == "submitted" {
			submitted++
		}
		if e.At.After(now) {
			t.Errorf("%s %s at %v, after now", e.CaseID, e.Activity, e.At)
		}
		if strings.HasPrefix(e.Resource, "staff") && e.Attrs["role"] == "case_worker" {
			l := e.At.In(berlin)
			if wd := l.Weekday(); wd == time.Saturday || wd == time.Sunday || l.Hour() < 7 || l.Hour() >= 17 {
				t.Errorf("%s %s by staff at %v, outside office hours", e.CaseID, e.Activity, l)
			}
		}
	}
	if submitted != n {
		t.Errorf("%d submitted events for %d cases", submitted, n)
	}
	for _, a := range []string{"start", "ask", "resume", "approve", "reject", "close", "withdraw", "assigned", "paid", "citizen_replied", "message_sent"} {
		if !activities[a] {
			t.Errorf("no %q event in the process log", a)
		}
	}
}

// checkFiles: the attachments of the demo cases open as the PDFs their
// case files describe.
func checkFiles(t *testing.T, db *sqlstore.DB, files filestore.Store, all []*cases.Case) {
	ctx := context.Background()
	n := 0
	for _, c := range all {
		fs, err := db.CaseFiles(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			info, err := files.Stat(ctx, f.Key)
			if err != nil || info.SHA256 != f.SHA256 || info.Size != f.Size || info.ContentType != f.ContentType {
				t.Fatalf("%s: attachment %s is %+v, %v; the case file says %+v", c.Reference, f.Key, info, err, f)
			}
			n++
		}
	}
	if n == 0 {
		t.Error("no demo case has an attachment")
	}
	t.Logf("%d attachments", n)
}

// checkCaseRatings: online applicants rate in every quarter of the year.
func checkCaseRatings(t *testing.T, db *sqlstore.DB, now time.Time) {
	for q := 4; q >= 1; q-- {
		from := now.AddDate(0, -3*q, 0)
		counts, err := db.RatingCounts(context.Background(), feedback.Filter{From: from, To: from.AddDate(0, 3, 0)})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, c := range counts {
			n += c.Count
		}
		if n < 20 {
			t.Errorf("%d ratings of applications in the quarter from %s", n, from.Format(time.DateOnly))
		}
	}
}

// checkOnlineTrend: more applications come online lately than a year ago.
func checkOnlineTrend(t *testing.T, all []*cases.Case, now time.Time) {
	var online, total [2]int
	for _, c := range all {
		age := now.Sub(c.SubmittedAt)
		i := -1
		switch {
		case age > 270*24*time.Hour:
			i = 0
		case age < 90*24*time.Hour:
			i = 1
		}
		if i < 0 {
			continue
		}
		total[i]++
		if c.Channel == cases.ChannelOnline {
			online[i]++
		}
	}
	early, late := float64(online[0])/float64(total[0]), float64(online[1])/float64(total[1])
	if total[0] < 200 || total[1] < 200 || late < early+0.1 {
		t.Errorf("online share %.2f of %d cases a year ago, %.2f of %d lately: want a year of cases, more online lately",
			early, total[0], late, total[1])
	}
	t.Logf("online share of applications %.2f a year ago, %.2f lately", early, late)
}
