package storetest

import (
	"testing"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/processlog"
	"rathaus/internal/report"
)

// fixedSuggester always suggests one category.
type fixedSuggester struct {
	code string
	conf float64
}

func (f fixedSuggester) Suggest(string) (string, float64) { return f.code, f.conf }

// testReportService runs the domain service on the real store: a report
// without a category takes the confident suggestion and the area rule's
// unit; staff of another unit may not touch it; status changes write
// public notes, the first answer and events; a correction reroutes;
// merging closes the duplicate; the events carry no personal data.
func testReportService(t *testing.T, s Stores) {
	rs := reportStore(t, s)
	f := newReportFixture(t, s, "svc")
	must(t, rs.SetDefectAreaRules(ctx, f.city, []report.AreaRule{{CategoryID: f.licht.ID, AreaID: "lobeda", UnitID: f.a}}))
	now := t0
	svc := &report.Service{Store: rs, Suggester: fixedSuggester{"licht", 0.9}, Now: func() time.Time { return now },
		Bounds: report.Bounds{MinLat: 50.8, MinLong: 11.4, MaxLat: 51.0, MaxLong: 11.8},
		AreaOf: func(lat, long float64) string {
			if lat < 50.9 {
				return "lobeda"
			}
			return "zentrum"
		}}
	r := &report.Report{OrgID: f.city, Description: "Laterne flackert seit Tagen", Location: report.Location{Lat: fp(50.88), Long: fp(11.6)},
		Contact: report.Contact{Email: "geheim@example.org", Name: "Geheim"}}
	must(t, svc.Submit(ctx, r))
	if r.CategoryID != f.licht.ID || r.Location.AreaID != "lobeda" || r.UnitID == nil || *r.UnitID != f.a ||
		r.Status != report.StatusReceived || r.Suggested.Code != "licht" {
		t.Fatalf("submitted = category %d, area %q, unit %v, status %s", r.CategoryID, r.Location.AreaID, r.UnitID, r.Status)
	}
	unsure := &report.Service{Store: rs, Suggester: fixedSuggester{"licht", 0.3}}
	vague := &report.Report{OrgID: f.city, Description: "Irgendwas ist kaputt", Location: report.Location{Address: "Markt 1"}}
	if fe := fault.As(unsure.Submit(ctx, vague)); fe.Kind != fault.Invalid || len(fe.Fields) != 1 || fe.Fields[0].Field != "category" {
		t.Errorf("unsure suggestion without a category: %+v, want the category asked for", fe)
	}
	if vague.ID != 0 || vague.Suggested.Code != "licht" {
		t.Errorf("unsure suggestion: stored %d, suggested %+v", vague.ID, vague.Suggested)
	}
	bad := &report.Report{OrgID: f.city, CategoryID: f.muell.ID, Description: "<b>Müll</b>", Location: report.Location{Lat: fp(52.5), Long: fp(13.4)}}
	err := svc.Submit(ctx, bad)
	if fe := fault.As(err); fe.Kind != fault.Invalid || len(fe.Fields) != 3 { // outside, HTML, required answer
		t.Errorf("bad report: %v %+v", err, fe.Fields)
	}

	other := report.Actor{UserID: ptr64(7), Units: []int64{f.b}}
	if _, err := svc.SetStatus(ctx, other, r.ID, r.Version, report.StatusDone, "", ""); !fault.Is(err, fault.Forbidden) {
		t.Errorf("other unit's staff: %v, want Forbidden", err)
	}
	staff := report.Actor{Units: []int64{f.a}}
	now = t0.Add(3 * time.Hour)
	r, err = svc.SetStatus(ctx, staff, r.ID, r.Version, report.StatusInProgress, "Wird geprüft.", "")
	must(t, err)
	if r.FirstAnswerAt == nil || !r.FirstAnswerAt.Equal(now) || r.Version != 2 {
		t.Errorf("after in progress: first answer %v, version %d", r.FirstAnswerAt, r.Version)
	}
	if _, err := svc.SetStatus(ctx, staff, r.ID, 1, report.StatusDone, "", ""); !fault.Is(err, fault.Conflict) {
		t.Errorf("old version: %v, want Conflict", err)
	}
	if _, err := svc.SetStatus(ctx, staff, r.ID, r.Version, report.StatusNotResponsible, "", ""); !fault.Is(err, fault.Invalid) {
		t.Errorf("not responsible without forwarding: %v, want Invalid", err)
	}
	admin := report.Actor{Admin: true, UserID: ptr64(1)}
	r, err = svc.Recategorise(ctx, admin, r.ID, r.Version, f.muell.ID)
	must(t, err)
	if *r.UnitID != f.a || r.CategoryID != f.muell.ID {
		t.Errorf("recategorised: unit %v, category %d", *r.UnitID, r.CategoryID)
	}
	r, err = svc.Assign(ctx, admin, r.ID, r.Version, f.b)
	must(t, err)
	cs, err := rs.FindDefectCorrections(ctx, r.ID)
	must(t, err)
	if len(cs) != 2 || cs[0].From != "licht" || cs[0].To != "muell" || cs[1].Field != "unit" || *cs[1].StaffID != 1 {
		t.Errorf("corrections = %+v", cs)
	}
	now = t0.Add(24 * time.Hour)
	r, err = svc.SetStatus(ctx, report.Actor{Units: []int64{f.b}}, r.ID, r.Version, report.StatusDone, "Beseitigt.", "")
	must(t, err)
	if r.ClosedAt == nil || r.Status.Open311() != "closed" {
		t.Errorf("done: closed %v", r.ClosedAt)
	}
	notes, err := rs.FindDefectNotes(ctx, r.ID, true)
	must(t, err)
	if len(notes) != 2 || notes[1].Text != "Beseitigt." || notes[1].Status != report.StatusDone {
		t.Errorf("public notes = %+v", notes)
	}

	dup := &report.Report{OrgID: f.city, CategoryID: f.muell.ID, Location: report.Location{Address: "Markt 1"},
		Answers: map[string][]string{"menge": {"klein"}}}
	must(t, svc.Submit(ctx, dup))
	if dup.UnitID == nil || *dup.UnitID != f.a || dup.Location.AreaID != "" {
		t.Errorf("report by address: unit %v, area %q", dup.UnitID, dup.Location.AreaID)
	}
	if ok, n, err := svc.Support(ctx, r.ID, "x"); !fault.Is(err, fault.Conflict) || ok || n != 0 {
		t.Errorf("support of a done report: %v %d %v", ok, n, err)
	}
	n, err := svc.Merge(ctx, staff, dup.ID, dup.Version, r.ID)
	must(t, err)
	if n != 1 {
		t.Errorf("supporters after merging = %d", n)
	}
	if _, err := svc.Merge(ctx, admin, r.ID, 0, r.ID); !fault.Is(err, fault.Invalid) {
		t.Errorf("merge into itself: %v", err)
	}

	evs, err := s.FindEvents(ctx, processlog.Filter{Process: report.Process})
	must(t, err)
	var acts []string
	var mine []*processlog.Event
	for _, e := range evs {
		if e.CaseID != r.Reference && e.CaseID != dup.Reference {
			continue // the other subtests' reports
		}
		mine = append(mine, e)
		acts = append(acts, e.CaseID+" "+e.Activity)
		for k, v := range e.Attrs {
			if v == "geheim@example.org" || v == "Geheim" || k == "email" {
				t.Errorf("event %s holds personal data: %v", e.Activity, e.Attrs)
			}
		}
	}
	want := []string{r.Reference + " received", r.Reference + " in_progress", r.Reference + " categorised",
		r.Reference + " forwarded", r.Reference + " done", dup.Reference + " received", dup.Reference + " merged"}
	if len(acts) != len(want) {
		t.Fatalf("events = %v, want %v", acts, want)
	}
	for i := range want {
		if acts[i] != want[i] {
			t.Errorf("event %d = %q, want %q", i, acts[i], want[i])
		}
	}
	if mine[len(mine)-1].Attrs["into"] != r.Reference || mine[0].Attrs["area"] != "lobeda" || mine[0].Attrs["source"] != "web" {
		t.Errorf("attrs: merged %v, received %v", mine[len(mine)-1].Attrs, mine[0].Attrs)
	}
}

func ptr64(v int64) *int64 { return &v }
