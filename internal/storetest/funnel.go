package storetest

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/cases"
	"rathaus/internal/catalog"
	"rathaus/internal/dashboard"
	"rathaus/internal/fault"
	"rathaus/internal/org"
	"rathaus/internal/promo"
)

// funnelStore is the form funnel's part of the dashboard store.
type funnelStore interface {
	DashboardFunnel(ctx context.Context, s dashboard.Scope, r dashboard.Range) (*dashboard.Funnel, error)
}

// testFunnel checks the form funnel and the campaign conversions: each
// application counts once as started, once per page passed (in the
// month of its start, Europe/Berlin) and once when submitted; scopes by
// service and responsible unit; campaign starts and submissions per day.
func testFunnel(t *testing.T, s Stores) {
	fs, ok := s.(funnelStore)
	if !ok {
		t.Fatalf("%T has no DashboardFunnel", s)
	}
	ps := promoStore(t, s)
	top := newOrg(t, s, "dezernat")
	unitA := &org.Org{ParentID: &top, Kind: org.KindUnit, Slug: "amt-a", Name: "amt-a", CreatedAt: t0}
	must(t, s.CreateOrg(ctx, unitA))
	orgA, orgB := unitA.ID, newOrg(t, s, "amt-b")
	dog := newService(t, s, catalog.Content{Name: "Hundesteuer", OrgID: &orgA}, "", "", catalog.RevisionPublished)
	park := newService(t, s, catalog.Content{Name: "Parken", OrgID: &orgB}, "", "", catalog.RevisionPublished)
	camp := newCampaign(t, ps, dog.ID, "ab3k9x2m", nil, t0)
	other := newCampaign(t, ps, park.ID, "cd4m7n8p", nil, t0)

	pages := []cases.PagePassed{{ID: "halter", Index: 0}, {ID: "hund", Index: 1}, {ID: "nachweise", Index: 2}}
	progress := func(reached int) *cases.Progress {
		p := &cases.Progress{Reached: reached}
		for _, pg := range pages {
			if pg.Index < reached {
				p.Passed = append(p.Passed, pg)
			}
		}
		return p
	}
	// 30 November 2026, 23:30 UTC is already December in Berlin.
	nov := time.Date(2026, 11, 10, 9, 0, 0, 0, time.UTC)
	dec := time.Date(2026, 11, 30, 23, 30, 0, 0, time.UTC)
	save := func(d *cases.Draft, at time.Time, reached int) {
		t.Helper()
		d.UpdatedAt, d.ExpiresAt, d.Progress = at, at.Add(30*24*time.Hour), progress(reached)
		must(t, s.SaveDraft(ctx, d))
	}
	n := byte(0)
	draft := func(service int64, campaign string) *cases.Draft {
		n++
		return &cases.Draft{AccessHash: []byte{0xf0, n}, ServiceID: service, Answers: json.RawMessage(`{}`), Campaign: campaign}
	}

	// a: from the campaign, all pages, reloads and going back, submitted.
	a := draft(dog.ID, camp.Code)
	save(a, nov, 1)
	save(a, nov.Add(time.Minute), 1) // a reload of page 2 saves again
	save(a, nov.Add(2*time.Minute), 2)
	save(a, nov.Add(3*time.Minute), 1) // back to page 2
	save(a, nov.Add(4*time.Minute), 3) // check page
	save(a, nov.Add(5*time.Minute), 3)
	if got, err := s.FindDraft(ctx, a.ID); err != nil || got.Reached != 3 || got.FunnelMonth != "2026-11" || got.Campaign != camp.Code {
		t.Fatalf("draft a = %+v, %v; want reached 3 in 2026-11 from %s", got, err, camp.Code)
	}
	sub := submission("a@example.org", nov.Add(26*time.Hour))
	sub.Case.ServiceID, sub.DraftID = dog.ID, a.ID
	submit(t, s, sub)
	// b: stopped after the first page, started in December (Berlin).
	b := draft(dog.ID, "")
	save(b, dec, 1)
	// c: saved for later on the first page, from the campaign.
	c := draft(dog.ID, camp.Code)
	save(c, nov.Add(time.Hour), 0)
	// d: another service; e: a draft the funnel does not count.
	d := draft(park.ID, "")
	save(d, nov, 2)
	e := &cases.Draft{AccessHash: []byte{0xee}, ServiceID: dog.ID, Answers: json.RawMessage(`{}`), UpdatedAt: nov, ExpiresAt: nov.Add(time.Hour)}
	must(t, s.SaveDraft(ctx, e))
	e.Progress = progress(3)
	must(t, s.SaveDraft(ctx, e))
	subE := submission("e@example.org", nov.Add(time.Hour))
	subE.Case.ServiceID, subE.DraftID = dog.ID, e.ID
	submit(t, s, subE)
	// An unknown campaign code and another service's code count nothing.
	save(draft(dog.ID, "zzzzzzzz"), nov, 0)
	save(draft(dog.ID, other.Code), nov, 0)

	year := dashboard.Range{From: "2026-01", To: "2026-12"}
	check := func(name string, sc dashboard.Scope, r dashboard.Range, want dashboard.Funnel) {
		t.Helper()
		got, err := fs.DashboardFunnel(ctx, sc, r)
		must(t, err)
		if diff := cmp.Diff(&want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
	step := func(id string, i int, n int64) dashboard.FunnelStep {
		return dashboard.FunnelStep{PageID: id, Index: i, Passed: n}
	}
	check("dog, year", dashboard.Scope{ServiceID: dog.ID}, year, dashboard.Funnel{Started: 5, Submitted: 1,
		Steps: []dashboard.FunnelStep{step("halter", 0, 2), step("hund", 1, 1), step("nachweise", 2, 1)}})
	check("dog, November", dashboard.Scope{ServiceID: dog.ID}, dashboard.Range{From: "2026-11", To: "2026-11"},
		dashboard.Funnel{Started: 4, Submitted: 1,
			Steps: []dashboard.FunnelStep{step("halter", 0, 1), step("hund", 1, 1), step("nachweise", 2, 1)}})
	check("dog, December", dashboard.Scope{ServiceID: dog.ID}, dashboard.Range{From: "2026-12", To: "2026-12"},
		dashboard.Funnel{Started: 1, Steps: []dashboard.FunnelStep{step("halter", 0, 1)}})
	check("city", dashboard.Scope{}, year, dashboard.Funnel{Started: 6, Submitted: 1, Steps: []dashboard.FunnelStep{}})
	check("unit B", dashboard.Scope{OrgID: orgB}, year, dashboard.Funnel{Started: 1, Steps: []dashboard.FunnelStep{}})
	// A unit's funnel includes its sub-units, as its other figures do.
	check("department above unit A", dashboard.Scope{OrgID: top}, year, dashboard.Funnel{Started: 5, Submitted: 1, Steps: []dashboard.FunnelStep{}})
	check("dog in unit B", dashboard.Scope{ServiceID: dog.ID, OrgID: orgB}, year, dashboard.Funnel{Steps: []dashboard.FunnelStep{}})
	check("park", dashboard.Scope{ServiceID: park.ID}, year, dashboard.Funnel{Started: 1,
		Steps: []dashboard.FunnelStep{step("halter", 0, 1), step("hund", 1, 1)}})
	check("nothing yet", dashboard.Scope{ServiceID: dog.ID}, dashboard.Range{From: "2025-01", To: "2025-12"},
		dashboard.Funnel{Steps: []dashboard.FunnelStep{}})
	for _, r := range []dashboard.Range{{From: "2026-12", To: "2026-01"}, {From: "2026", To: "2026-12"}, {}} {
		if _, err := fs.DashboardFunnel(ctx, dashboard.Scope{}, r); !fault.Is(err, fault.Invalid) {
			t.Errorf("DashboardFunnel(%+v) = %v, want Invalid", r, err)
		}
	}

	// The campaign: scans next to started (a, c on 10 November) and
	// submitted (a on 11 November).
	must(t, ps.CountScan(ctx, camp.ID, "2026-11-10"))
	must(t, ps.CountScan(ctx, camp.ID, "2026-11-10"))
	must(t, ps.CountScan(ctx, camp.ID, "2026-11-09"))
	days, err := ps.CampaignFunnel(ctx, camp.ID)
	must(t, err)
	want := []promo.DayFunnel{{Day: "2026-11-09", Scans: 1}, {Day: "2026-11-10", Scans: 2, Started: 2},
		{Day: "2026-11-11", Submitted: 1}}
	if diff := cmp.Diff(want, days); diff != "" {
		t.Errorf("CampaignFunnel (-want +got):\n%s", diff)
	}
	if days, err := ps.CampaignFunnel(ctx, other.ID); err != nil || len(days) != 0 {
		t.Errorf("CampaignFunnel of a campaign nobody came from = %v, %v", days, err)
	}
}
