package reportroute_test

import (
	"context"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/demo"
	"rathaus/internal/i18n"
	"rathaus/internal/org"
	"rathaus/internal/report"
	"rathaus/internal/reportroute"
	"rathaus/internal/route"
	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
)

var at = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)

// seeded returns a database with the demo city's reports and its report organisation.
func seeded(t *testing.T, db *sqlstore.DB) int64 {
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
	if _, err := demo.SeedReports(ctx, demo.ReportSeed{Store: db, Orgs: orgs, Now: at}); err != nil {
		t.Fatal(err)
	}
	o, err := db.FindOrgBySlug(ctx, demo.ReportOrg)
	if err != nil {
		t.Fatal(err)
	}
	return o.ID
}

// accuracyFloor is the least share of held-out demo descriptions whose
// category the suggester must guess right (measured: see docs/benchmarks.md).
const accuracyFloor = 0.85

// TestSuggesterAccuracy: trained on the categories' texts and four
// fifths of the demo reports, the suggester names the category of the
// held-out fifth's descriptions (5-fold cross-validation).
func TestSuggesterAccuracy(t *testing.T) {
	ctx := context.Background()
	db := storetest.Engines(t)["sqlite"](t)
	orgID := seeded(t, db)
	cats, err := db.FindDefectCategories(ctx, orgID)
	if err != nil {
		t.Fatal(err)
	}
	active := map[int64]string{}
	for _, c := range cats {
		active[c.ID] = c.Code
	}
	ex, err := reportroute.ReportExamples(ctx, db, orgID, active, 1, 0)
	if err != nil || len(ex) < 300 {
		t.Fatalf("%d examples, %v", len(ex), err)
	}
	m := route.CrossValidate(ex, 5, 1, route.Options{})
	t.Logf("5-fold cross-validation on %d demo descriptions, %d categories: accuracy %.3f, macro-F1 %.3f, ECE %.3f, confidence %+v",
		m.N, m.Labels, m.Accuracy, m.MacroF1, m.ECE, m.Confidence)
	if m.Accuracy < accuracyFloor {
		t.Errorf("accuracy %.3f below the floor %.2f", m.Accuracy, accuracyFloor)
	}
	// Cold start: only the categories' names, keywords and descriptions.
	all, err := reportroute.Examples(ctx, db, orgID, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	cold := route.Train(all[:2*len(cats)], route.Options{})
	right := 0
	for _, e := range ex {
		if g := cold.Predict(e.Text, 1); len(g) > 0 && g[0].Label == e.Label {
			right++
		}
	}
	t.Logf("cold start (category texts only) on the same %d descriptions: accuracy %.3f", len(ex), float64(right)/float64(len(ex)))
	if float64(right) < coldFloor*float64(len(ex)) {
		t.Errorf("cold-start accuracy %.3f below %.2f", float64(right)/float64(len(ex)), coldFloor)
	}
}

// coldFloor is the least accuracy from the category texts alone.
const coldFloor = 0.7

// TestSuggesterLearnsFromCorrection: a citizen files an unusual text
// under the category the suggester proposed; staff correct it; after
// retraining the same text is suggested under the corrected category.
// A new report without a category takes a confident suggestion.
func TestSuggesterLearnsFromCorrection(t *testing.T) {
	ctx := context.Background()
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			db := open(t)
			orgID := seeded(t, db)
			sg := &reportroute.Suggester{Store: db, Orgs: func(context.Context) ([]int64, error) { return []int64{orgID}, nil }}
			if code, _ := sg.Suggest("Laterne aus"); code != "" {
				t.Errorf("untrained suggester proposed %q", code)
			}
			if n, err := sg.Train(ctx); err != nil || n < 300 {
				t.Fatalf("trained on %d, %v", n, err)
			}
			if code, p := sg.Suggest("Die Laterne vor unserem Haus ist seit Tagen dunkel"); code != "strassenbeleuchtung" || p < 0.6 {
				t.Errorf("street light suggested as %q (%.2f)", code, p)
			}
			cats, _ := db.FindDefectCategories(ctx, orgID)
			tree := report.NewTree(cats)
			text := "Der Trinkbrunnen am Markt sprudelt nicht mehr, das Becken ist leer."
			before, _ := sg.Suggest(text)
			want := "gruenflaeche"
			if before == want {
				want = "spielplatz"
			}
			svc := demo.ReportService(db, func() time.Time { return at })
			svc.Suggester = sg
			lat, long := 50.9275, 11.5885
			r := &report.Report{OrgID: orgID, CategoryID: tree.ByCode(before).ID, Description: text,
				Location: report.Location{Lat: &lat, Long: &long}}
			if err := svc.Submit(ctx, r); err != nil {
				t.Fatal(err)
			}
			if _, err := svc.Recategorise(ctx, report.Actor{Admin: true}, r.ID, 0, tree.ByCode(want).ID); err != nil {
				t.Fatal(err)
			}
			if _, err := sg.Train(ctx); err != nil {
				t.Fatal(err)
			}
			if after, p := sg.Suggest(text); after != want {
				t.Errorf("after the correction %s → %s the suggestion is %q (%.2f)", before, want, after, p)
			}
			n := &report.Report{OrgID: orgID, Description: "Schaukel auf dem Spielplatz kaputt, Kette gerissen",
				Location: report.Location{Lat: &lat, Long: &long}}
			if err := svc.Submit(ctx, n); err != nil {
				t.Fatal(err)
			}
			if c := tree.ByID(n.CategoryID); c == nil || c.Code != "spielplatz" || n.Suggested.Code != "spielplatz" {
				t.Errorf("uncategorised report filed under %v (suggested %+v)", c, n.Suggested)
			}
		})
	}
}
