package storetest

import (
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/fault"
	"rathaus/internal/processlog"
	"rathaus/internal/report"
)

// reportStore is the defect-report part of a store.
func reportStore(t *testing.T, s Stores) report.Store {
	t.Helper()
	rs, ok := s.(report.Store)
	if !ok {
		t.Fatalf("%T is no report.Store", s)
	}
	return rs
}

func testReports(t *testing.T, s Stores) {
	t.Run("Categories", func(t *testing.T) { testReportCategories(t, s) })
	t.Run("RoundTrip", func(t *testing.T) { testReportRoundTrip(t, s) })
	t.Run("Find", func(t *testing.T) { testReportFind(t, s) })
	t.Run("FindByAccount", func(t *testing.T) { testReportFindByAccount(t, s) })
	t.Run("Nearby", func(t *testing.T) { testReportNearby(t, s) })
	t.Run("Update", func(t *testing.T) { testReportUpdate(t, s) })
	t.Run("NotesFor", func(t *testing.T) { testReportNotesFor(t, s) })
	t.Run("MergeSupport", func(t *testing.T) { testReportMergeSupport(t, s) })
	t.Run("SupportRace", func(t *testing.T) { testReportSupportRace(t, s) })
	t.Run("Service", func(t *testing.T) { testReportService(t, s) })
	t.Run("StatusMail", func(t *testing.T) { testReportStatusMail(t, s) })
	t.Run("TimesRetention", func(t *testing.T) { testReportTimesRetention(t, s) })
}

func fp(f float64) *float64 { return &f }

// reportFixture makes an organisation with two units and the categories
// "muell" (unit a) and "licht" (unit b).
type reportFixture struct {
	city, a, b   int64
	muell, licht *report.Category
}

func newReportFixture(t *testing.T, s Stores, prefix string) reportFixture {
	t.Helper()
	rs := reportStore(t, s)
	f := reportFixture{city: newOrg(t, s, prefix+"-stadt"), a: newOrg(t, s, prefix+"-ksj"), b: newOrg(t, s, prefix+"-licht")}
	f.muell = &report.Category{OrgID: f.city, UnitID: &f.a, Code: "muell", NameDE: "Illegale Müllablagerung",
		NameEN: "Illegal dumping", Group: "Sauberkeit", Active: true, Keywords: []string{"Sperrmüll", "Müll"},
		Attributes: []report.Attribute{{Code: "menge", Variable: true, Datatype: report.TypeSingleValueList, Required: true,
			Order: 1, Description: "Wie viel?", Values: []report.Value{{Key: "klein", Name: "ein Sack"}, {Key: "gross", Name: "mehr"}}}}}
	must(t, rs.CreateDefectCategory(ctx, f.muell))
	f.licht = &report.Category{OrgID: f.city, UnitID: &f.b, Code: "licht", NameDE: "Straßenbeleuchtung defekt", Active: true,
		Group: "Straße"}
	must(t, rs.CreateDefectCategory(ctx, f.licht))
	return f
}

func newDefect(t *testing.T, rs report.Store, f reportFixture, cat *report.Category, lat, long float64, at time.Time) *report.Report {
	t.Helper()
	r := &report.Report{OrgID: f.city, CategoryID: cat.ID, UnitID: cat.UnitID, Status: report.StatusReceived,
		Location:    report.Location{Lat: fp(lat), Long: fp(long), AreaID: "zentrum"},
		Description: "Sperrmüll am Straßenrand", Source: report.SourceWeb, RequestedAt: at}
	must(t, rs.CreateDefectReport(ctx, r, nil))
	return r
}

// testReportCategories: categories round-trip with keywords and
// attributes; a code twice in one organisation is a Conflict; the list is
// by group; area rules are replaced as a whole.
func testReportCategories(t *testing.T, s Stores) {
	rs := reportStore(t, s)
	f := newReportFixture(t, s, "kat")
	got, err := rs.FindDefectCategory(ctx, f.muell.ID)
	must(t, err)
	if d := cmp.Diff(f.muell, got); d != "" {
		t.Errorf("FindDefectCategory (-want +got):\n%s", d)
	}
	dup := &report.Category{OrgID: f.city, Code: "muell", NameDE: "Doppelt", Active: true}
	if err := rs.CreateDefectCategory(ctx, dup); !fault.Is(err, fault.Conflict) {
		t.Errorf("second code muell: %v, want Conflict", err)
	}
	other := newOrg(t, s, "kat-andere-stadt")
	must(t, rs.CreateDefectCategory(ctx, &report.Category{OrgID: other, Code: "muell", NameDE: "Müll", Active: true}))

	child := &report.Category{OrgID: f.city, ParentID: &f.licht.ID, Code: "licht-mast", NameDE: "Mast beschädigt", Group: "Straße"}
	must(t, rs.CreateDefectCategory(ctx, child))
	child.Active, child.NameEN = true, "Damaged post"
	must(t, rs.UpdateDefectCategory(ctx, child))
	cats, err := rs.FindDefectCategories(ctx, f.city)
	must(t, err)
	var codes []string
	for _, c := range cats {
		codes = append(codes, c.Code)
	}
	if d := cmp.Diff([]string{"muell", "licht-mast", "licht"}, codes); d != "" {
		t.Errorf("categories by group and name (-want +got):\n%s", d)
	}
	if cats[1].ParentID == nil || *cats[1].ParentID != f.licht.ID || !cats[1].Active || cats[1].NameEN != "Damaged post" {
		t.Errorf("updated child = %+v", cats[1])
	}
	if _, err := rs.FindDefectCategory(ctx, 99999); !fault.Is(err, fault.NotFound) {
		t.Errorf("missing category: %v", err)
	}

	rules := []report.AreaRule{{CategoryID: f.licht.ID, AreaID: "lobeda", UnitID: f.a}}
	must(t, rs.SetDefectAreaRules(ctx, f.city, rules))
	must(t, rs.SetDefectAreaRules(ctx, f.city, []report.AreaRule{{CategoryID: f.licht.ID, AreaID: "winzerla", UnitID: f.a},
		{CategoryID: f.muell.ID, AreaID: "winzerla", UnitID: f.b}}))
	got2, err := rs.FindDefectAreaRules(ctx, f.city)
	must(t, err)
	if len(got2) != 2 || got2[0].AreaID != "winzerla" || got2[0].OrgID != f.city || got2[0].ID == 0 {
		t.Errorf("area rules after replacing = %+v", got2)
	}
	tree := report.NewTree(cats)
	if u := report.Route(tree, tree.ByCode("licht-mast"), "winzerla", got2); u == nil || *u != f.a {
		t.Errorf("street light post in Winzerla routed to %v, want the area rule's unit %d", u, f.a)
	}
}

// testReportRoundTrip: a report keeps every field, its photos and its
// reference per year; the creation event names the reference.
func testReportRoundTrip(t *testing.T, s Stores) {
	rs := reportStore(t, s)
	f := newReportFixture(t, s, "rt")
	u := newUser(t, s, "melder@example.org")
	exp := t0.Add(72 * time.Hour)
	r := &report.Report{OrgID: f.city, CategoryID: f.muell.ID, Description: "Kühlschrank im Gebüsch",
		Location: report.Location{Lat: fp(50.9279), Long: fp(11.5892), Address: "Markt 1, 07743 Jena", AddressID: "a-17",
			Zipcode: "07743", AreaID: "zentrum"},
		Answers: map[string][]string{"menge": {"gross"}},
		Photos: []report.Photo{{Key: "reports/ab12", ContentType: "image/jpeg", Size: 123456, Width: 1600, Height: 1200},
			{Key: "reports/cd34", ContentType: "image/png", Size: 999, Width: 10, Height: 20, Public: true}},
		Contact:  report.Contact{Email: "melder@example.org", Name: "Max", Phone: "+49 3641 1", AccountID: &u.ID},
		DeviceID: "dev-1", Status: report.StatusReceived, UnitID: &f.a, Suggested: report.Suggestion{Code: "muell", Confidence: 0.8},
		Source: report.SourceOpen311, ClientID: "app-7", Token: "tok-123", RequestedAt: t0, ExpectedAt: &exp}
	evs := []processlog.Event{{Process: report.Process, Activity: report.ActReceived, At: t0, OrgID: &f.a, Resource: "citizen",
		Attrs: map[string]string{"category": "muell"}}}
	must(t, rs.CreateDefectReport(ctx, r, evs))
	if r.ID == 0 || r.Version != 1 || r.Reference != "M-2026-00001" || r.Photos[0].ID == 0 {
		t.Fatalf("created: id %d, version %d, reference %q, photo %d", r.ID, r.Version, r.Reference, r.Photos[0].ID)
	}
	got, err := rs.FindDefectReport(ctx, r.ID)
	must(t, err)
	want := *r
	want.RequestedAt, want.UpdatedAt = t0.Truncate(time.Microsecond), t0.Truncate(time.Microsecond)
	e := exp.Truncate(time.Microsecond)
	want.ExpectedAt = &e
	if d := cmp.Diff(&want, got); d != "" {
		t.Errorf("FindDefectReport (-want +got):\n%s", d)
	}
	if g, err := rs.FindDefectReportByReference(ctx, "M-2026-00001"); err != nil || g.ID != r.ID {
		t.Errorf("by reference: %v, %v", g, err)
	}
	if g, err := rs.FindDefectReportByToken(ctx, "tok-123"); err != nil || g.ID != r.ID {
		t.Errorf("by token: %v, %v", g, err)
	}
	if _, err := rs.FindDefectReportByToken(ctx, ""); !fault.Is(err, fault.NotFound) {
		t.Errorf("empty token: %v, want NotFound", err)
	}
	if _, err := rs.FindDefectReport(ctx, r.ID+100); !fault.Is(err, fault.NotFound) {
		t.Errorf("missing report: %v, want NotFound", err)
	}
	again := &report.Report{OrgID: f.city, CategoryID: f.muell.ID, Location: report.Location{Address: "Markt"},
		Status: report.StatusReceived, Token: "tok-123", RequestedAt: t0}
	if err := rs.CreateDefectReport(ctx, again, nil); !fault.Is(err, fault.Conflict) {
		t.Errorf("token twice: %v, want Conflict", err)
	}
	noPoint := &report.Report{OrgID: f.city, CategoryID: f.licht.ID, Location: report.Location{Address: "Löbdergraben 1"},
		Status: report.StatusReceived, RequestedAt: t0.AddDate(1, 0, 0)}
	must(t, rs.CreateDefectReport(ctx, noPoint, nil))
	if noPoint.Reference != "M-2027-00001" {
		t.Errorf("first reference of the next year = %q", noPoint.Reference)
	}
	g, err := rs.FindDefectReport(ctx, noPoint.ID)
	must(t, err)
	if g.Location.HasPoint() || g.Photos != nil || g.Answers != nil || g.UnitID != nil {
		t.Errorf("report without a point = %+v", g)
	}
	got3, err := s.FindEvents(ctx, processlog.Filter{Process: report.Process})
	must(t, err)
	if len(got3) != 1 || got3[0].CaseID != "M-2026-00001" || got3[0].Activity != "received" || got3[0].Attrs["category"] != "muell" {
		t.Errorf("events = %+v", got3)
	}
}

// testReportFind: filters, order, paging and the total.
func testReportFind(t *testing.T, s Stores) {
	rs := reportStore(t, s)
	f := newReportFixture(t, s, "find")
	r1 := newDefect(t, rs, f, f.muell, 50.92, 11.58, t0)
	r2 := newDefect(t, rs, f, f.licht, 50.88, 11.60, t0.Add(time.Hour))
	r3 := newDefect(t, rs, f, f.muell, 50.95, 11.62, t0.Add(2*time.Hour))
	r3.Status, r3.Location.AreaID, r3.UpdatedAt = report.StatusDone, "lobeda", t0.Add(5*time.Hour)
	must(t, rs.UpdateDefectReport(ctx, r3, r3.Version, report.Change{}))
	r1.Description = "x"
	ids := func(flt report.Filter) ([]int64, int) {
		t.Helper()
		flt.OrgID = f.city
		got, n, err := rs.FindDefectReports(ctx, flt)
		must(t, err)
		var out []int64
		for _, r := range got {
			out = append(out, r.ID)
		}
		return out, n
	}
	from, to := t0.Add(30*time.Minute), t0.Add(90*time.Minute)
	for name, tc := range map[string]struct {
		f    report.Filter
		want []int64
	}{
		"all newest first": {report.Filter{}, []int64{r3.ID, r2.ID, r1.ID}},
		"oldest":           {report.Filter{Order: report.OrderOldest}, []int64{r1.ID, r2.ID, r3.ID}},
		"updated":          {report.Filter{Order: report.OrderUpdated}, []int64{r3.ID, r2.ID, r1.ID}},
		"open":             {report.Filter{Statuses: []report.Status{report.StatusReceived, report.StatusInProgress}}, []int64{r2.ID, r1.ID}},
		"category":         {report.Filter{CategoryIDs: []int64{f.muell.ID}}, []int64{r3.ID, r1.ID}},
		"unit":             {report.Filter{UnitIDs: []int64{f.b}}, []int64{r2.ID}},
		"no unit":          {report.Filter{UnitIDs: []int64{}}, nil},
		"area":             {report.Filter{AreaID: "lobeda"}, []int64{r3.ID}},
		"bbox":             {report.Filter{BBox: &report.BBox{MinLat: 50.9, MinLong: 11.5, MaxLat: 50.93, MaxLong: 11.59}}, []int64{r1.ID}},
		"text":             {report.Filter{Query: "SPERRMÜLL am"}, []int64{r3.ID, r2.ID, r1.ID}},
		"reference text":   {report.Filter{Query: r2.Reference}, []int64{r2.ID}},
		"wildcard":         {report.Filter{Query: "%"}, nil},
		"dates":            {report.Filter{From: &from, To: &to}, []int64{r2.ID}},
		"reference":        {report.Filter{Reference: r1.Reference}, []int64{r1.ID}},
	} {
		got, n := ids(tc.f)
		if d := cmp.Diff(tc.want, got); d != "" || n != len(tc.want) {
			t.Errorf("%s: total %d (-want +got):\n%s", name, n, d)
		}
	}
	page, n := ids(report.Filter{Limit: 1, Offset: 1})
	if d := cmp.Diff([]int64{r2.ID}, page); d != "" || n != 3 {
		t.Errorf("second page of one: total %d (-want +got):\n%s", n, d)
	}
}

// testReportNearby: open reports of the category within the radius and
// period, nearest first; closed, merged, far, old and other categories
// left out.
func testReportNearby(t *testing.T, s Stores) {
	rs := reportStore(t, s)
	f := newReportFixture(t, s, "near")
	lat, long := 50.9279, 11.5892
	near := newDefect(t, rs, f, f.muell, lat+0.0005, long, t0)            // ~56 m north
	nearer := newDefect(t, rs, f, f.muell, lat, long+0.0005, t0)          // ~35 m east
	far := newDefect(t, rs, f, f.muell, lat+0.003, long, t0)              // ~330 m
	other := newDefect(t, rs, f, f.licht, lat, long, t0)                  // other category
	old := newDefect(t, rs, f, f.muell, lat, long, t0.AddDate(0, 0, -40)) // before the period
	done := newDefect(t, rs, f, f.muell, lat, long, t0)
	done.Status = report.StatusDone
	must(t, rs.UpdateDefectReport(ctx, done, done.Version, report.Change{}))
	_, _, _ = far, other, old
	got, err := rs.NearbyDefectReports(ctx, report.Nearby{OrgID: f.city, CategoryID: f.muell.ID, Lat: lat, Long: long}.WithDefaults(t0))
	must(t, err)
	var ids []int64
	for _, r := range got {
		ids = append(ids, r.ID)
	}
	if d := cmp.Diff([]int64{nearer.ID, near.ID}, ids); d != "" {
		t.Errorf("nearby (-want +got):\n%s", d)
	}
	wide, err := rs.NearbyDefectReports(ctx, report.Nearby{OrgID: f.city, Lat: lat, Long: long, Radius: 500, Limit: 10,
		Since: t0.AddDate(0, 0, -1), ExcludeID: nearer.ID})
	must(t, err)
	if len(wide) != 3 || wide[0].ID != other.ID || wide[2].ID != far.ID {
		t.Errorf("any category within 500 m without the excluded one = %d reports", len(wide))
	}
}

// testReportUpdate: optimistic version, notes (public and internal),
// corrections and events in the update's transaction; photos published.
func testReportUpdate(t *testing.T, s Stores) {
	rs := reportStore(t, s)
	f := newReportFixture(t, s, "upd")
	staff := newUser(t, s, "bauhof@example.org")
	r := newDefect(t, rs, f, f.muell, 50.92, 11.58, t0)
	at := t0.Add(time.Hour)
	r.Status, r.CategoryID, r.UnitID, r.UpdatedAt, r.FirstAnswerAt = report.StatusInProgress, f.licht.ID, &f.b, at, &at
	r.PersonalHidden = true
	ch := report.Change{
		Notes: []*report.Note{{Public: true, Status: report.StatusInProgress, Text: "Wir kümmern uns.", AuthorID: &staff.ID, At: at},
			{Public: false, Status: report.StatusInProgress, Text: "Bauhof fragen", At: at}},
		Corrections: []*report.Correction{{Field: report.FieldCategory, From: "muell", To: "licht", StaffID: &staff.ID, At: at}},
		Events:      []processlog.Event{{Process: report.Process, Activity: report.ActCategorised, At: at, Resource: "staff:1"}},
	}
	must(t, rs.UpdateDefectReport(ctx, r, 1, ch))
	if r.Version != 2 || ch.Notes[0].ID == 0 || ch.Corrections[0].ID == 0 {
		t.Errorf("after update: version %d, note %d, correction %d", r.Version, ch.Notes[0].ID, ch.Corrections[0].ID)
	}
	if err := rs.UpdateDefectReport(ctx, r, 1, report.Change{}); !fault.Is(err, fault.Conflict) {
		t.Errorf("update at an old version: %v, want Conflict", err)
	}
	ghost := *r
	ghost.ID = r.ID + 1000
	if err := rs.UpdateDefectReport(ctx, &ghost, 2, report.Change{}); !fault.Is(err, fault.NotFound) {
		t.Errorf("update of a missing report: %v, want NotFound", err)
	}
	got, err := rs.FindDefectReport(ctx, r.ID)
	must(t, err)
	if got.Status != report.StatusInProgress || got.CategoryID != f.licht.ID || *got.UnitID != f.b || !got.PersonalHidden ||
		got.FirstAnswerAt == nil || !got.UpdatedAt.Equal(at.Truncate(time.Microsecond)) || got.Version != 2 {
		t.Errorf("stored = %+v", got)
	}
	pub, err := rs.FindDefectNotes(ctx, r.ID, true)
	must(t, err)
	all, err := rs.FindDefectNotes(ctx, r.ID, false)
	must(t, err)
	if len(pub) != 1 || pub[0].Text != "Wir kümmern uns." || *pub[0].AuthorID != staff.ID || len(all) != 2 || all[1].Public {
		t.Errorf("notes: public %+v, all %d", pub, len(all))
	}
	cs, err := rs.FindDefectCorrections(ctx, r.ID)
	must(t, err)
	if len(cs) != 1 || cs[0].From != "muell" || cs[0].To != "licht" || cs[0].Field != "category" || *cs[0].StaffID != staff.ID {
		t.Errorf("corrections = %+v", cs)
	}
	evs, err := s.FindEvents(ctx, processlog.Filter{Process: report.Process, CaseID: r.Reference})
	must(t, err)
	if len(evs) != 1 || evs[0].Activity != "categorised" {
		t.Errorf("events = %+v", evs)
	}

	withPhoto := &report.Report{OrgID: f.city, CategoryID: f.muell.ID, Location: report.Location{Address: "Markt"},
		Status: report.StatusReceived, RequestedAt: t0, Photos: []report.Photo{{Key: "k", ContentType: "image/jpeg"}}}
	must(t, rs.CreateDefectReport(ctx, withPhoto, nil))
	must(t, rs.SetDefectPhotoPublic(ctx, withPhoto.ID, withPhoto.Photos[0].ID, true))
	if err := rs.SetDefectPhotoPublic(ctx, r.ID, withPhoto.Photos[0].ID, true); !fault.Is(err, fault.NotFound) {
		t.Errorf("photo of another report: %v, want NotFound", err)
	}
	g, err := rs.FindDefectReport(ctx, withPhoto.ID)
	must(t, err)
	if !g.Photos[0].Public {
		t.Error("photo not published")
	}
}

// testReportMergeSupport: supports count once per supporter; merging moves
// them to the original (each once, plus the duplicate's reporter) and
// closes the duplicate; a closed report takes no support; a merged one
// cannot be the original.
func testReportMergeSupport(t *testing.T, s Stores) {
	rs := reportStore(t, s)
	f := newReportFixture(t, s, "merge")
	orig := newDefect(t, rs, f, f.muell, 50.92, 11.58, t0)
	dup := newDefect(t, rs, f, f.muell, 50.92, 11.58, t0.Add(time.Hour))
	support := func(r *report.Report, who string) (bool, int) {
		t.Helper()
		ok, n, err := rs.SupportDefectReport(ctx, r.ID, who, t0, nil)
		must(t, err)
		return ok, n
	}
	if ok, n := support(orig, "a"); !ok || n != 1 {
		t.Errorf("first support: %v, %d", ok, n)
	}
	if ok, n := support(orig, "a"); ok || n != 1 {
		t.Errorf("same supporter again: %v, %d; want false, 1", ok, n)
	}
	support(dup, "a")
	support(dup, "b")
	support(dup, "c")
	now := t0.Add(2 * time.Hour)
	dup.Status, dup.DuplicateOf, dup.UpdatedAt, dup.ClosedAt = report.StatusMerged, &orig.ID, now, &now
	n, err := rs.MergeDefectReports(ctx, dup, dup.Version, report.Change{
		Notes:  []*report.Note{{Public: true, Status: report.StatusMerged, Text: orig.Reference, At: now}},
		Events: []processlog.Event{{Process: report.Process, Activity: report.ActMerged, At: now, Resource: "staff:1"}}})
	must(t, err)
	if n != 4 { // a, b, c and the duplicate's reporter
		t.Errorf("original's supporters after merging = %d, want 4", n)
	}
	g, err := rs.FindDefectReport(ctx, orig.ID)
	must(t, err)
	d, err := rs.FindDefectReport(ctx, dup.ID)
	must(t, err)
	if g.Supporters != 4 || d.Status != report.StatusMerged || d.DuplicateOf == nil || *d.DuplicateOf != orig.ID || d.Supporters != 0 {
		t.Errorf("after merge: original %d supporters, duplicate %s of %v with %d", g.Supporters, d.Status, d.DuplicateOf, d.Supporters)
	}
	if _, _, err := rs.SupportDefectReport(ctx, dup.ID, "z", t0, nil); !fault.Is(err, fault.Conflict) {
		t.Errorf("support of a merged report: %v, want Conflict", err)
	}
	third := newDefect(t, rs, f, f.muell, 50.92, 11.58, t0)
	third.Status, third.DuplicateOf = report.StatusMerged, &dup.ID
	if _, err := rs.MergeDefectReports(ctx, third, third.Version, report.Change{}); !fault.Is(err, fault.Conflict) {
		t.Errorf("merge into a merged report: %v, want Conflict", err)
	}
	if g, _ := rs.FindDefectReport(ctx, third.ID); g.Status != report.StatusReceived {
		t.Errorf("failed merge changed the report: %s", g.Status)
	}
	if _, _, err := rs.SupportDefectReport(ctx, 99999, "z", t0, nil); !fault.Is(err, fault.NotFound) {
		t.Errorf("support of a missing report: %v, want NotFound", err)
	}
}

// testReportSupportRace: concurrent supports count exactly.
func testReportSupportRace(t *testing.T, s Stores) {
	rs := reportStore(t, s)
	f := newReportFixture(t, s, "race")
	r := newDefect(t, rs, f, f.muell, 50.92, 11.58, t0)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, who := range []string{"same", string(rune('a' + i))} {
				if _, _, err := rs.SupportDefectReport(ctx, r.ID, who, t0, nil); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	g, err := rs.FindDefectReport(ctx, r.ID)
	must(t, err)
	if g.Supporters != 9 {
		t.Errorf("supporters after 8 people and one shared = %d, want 9", g.Supporters)
	}
}

// testReportTimesRetention: figures without merged reports; contact data
// of reports closed before the cut are cleared, others kept.
func testReportTimesRetention(t *testing.T, s Stores) {
	rs := reportStore(t, s)
	f := newReportFixture(t, s, "ret")
	u := newUser(t, s, "alt@example.org")
	mk := func(status report.Status, closed *time.Time) *report.Report {
		r := &report.Report{OrgID: f.city, CategoryID: f.muell.ID, Location: report.Location{Address: "Markt", AreaID: "zentrum"},
			Contact: report.Contact{Email: "a@example.org", Name: "A", Phone: "0123 45", AccountID: &u.ID}, DeviceID: "d",
			Status: status, RequestedAt: t0, ClosedAt: closed, FirstAnswerAt: closed}
		must(t, rs.CreateDefectReport(ctx, r, nil))
		return r
	}
	longAgo, recent := t0.Add(-100*24*time.Hour), t0.Add(-time.Hour)
	old := mk(report.StatusDone, &longAgo)
	fresh := mk(report.StatusDone, &recent)
	open := mk(report.StatusReceived, nil)
	mk(report.StatusMerged, &longAgo)
	times, err := rs.DefectReportTimes(ctx, report.StatsFilter{OrgID: f.city, From: t0.Add(-time.Hour), To: t0.Add(time.Hour)})
	must(t, err)
	if len(times) != 3 || times[0].CategoryID != f.muell.ID || times[0].AreaID != "zentrum" || times[0].ClosedAt == nil || times[2].ClosedAt != nil {
		t.Errorf("times = %+v", times)
	}
	n, err := rs.PurgeDefectContacts(ctx, t0.Add(-90*24*time.Hour))
	must(t, err)
	if n != 2 { // the old done one and the merged one
		t.Errorf("purged %d, want 2", n)
	}
	for _, tc := range []struct {
		r     *report.Report
		empty bool
	}{{old, true}, {fresh, false}, {open, false}} {
		g, err := rs.FindDefectReport(ctx, tc.r.ID)
		must(t, err)
		if g.Contact.Empty() != tc.empty || (g.DeviceID == "") != tc.empty {
			t.Errorf("%s closed %v: contact %+v, device %q; want cleared %v", g.Reference, g.ClosedAt, g.Contact, g.DeviceID, tc.empty)
		}
	}
	if n, err := rs.PurgeDefectContacts(ctx, t0.Add(-90*24*time.Hour)); err != nil || n != 0 {
		t.Errorf("second purge: %d, %v", n, err)
	}
}
