package storetest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
)

func testCatalogLifeSituations(t *testing.T, s Stores) {
	umzug := &catalog.LifeSituation{Slug: "umzug", Name: "Umzug", Description: "Neue Wohnung", Position: 2}
	must(t, s.SaveLifeSituation(ctx, umzug))
	must(t, s.SaveLifeSituation(ctx, &catalog.LifeSituation{Slug: "geburt", Name: "Geburt", Position: 1}))
	again := &catalog.LifeSituation{Slug: "umzug", Name: "Umzug und Wohnen", Description: "", Position: 3}
	must(t, s.SaveLifeSituation(ctx, again))
	if again.ID != umzug.ID {
		t.Errorf("saving an existing slug gave id %d, want %d", again.ID, umzug.ID)
	}
	got, err := s.FindLifeSituationBySlug(ctx, "umzug")
	must(t, err)
	if d := cmp.Diff(again, got); d != "" {
		t.Errorf("life situation (-want +got):\n%s", d)
	}
	all, err := s.FindLifeSituations(ctx)
	must(t, err)
	if len(all) != 2 || all[0].Slug != "geburt" || all[1].Slug != "umzug" {
		t.Errorf("life situations = %v, want geburt, umzug", all)
	}
	if _, err := s.FindLifeSituationBySlug(ctx, "rente"); !fault.Is(err, fault.NotFound) {
		t.Errorf("missing slug = %v, want NotFound", err)
	}
}

// testCatalogVersion checks that every write the public can see changes
// the catalogue version, and that others do not.
func testCatalogVersion(t *testing.T, s Stores) {
	var svc *catalog.Service
	var pending *catalog.Revision
	var office *catalog.Office
	steps := []struct {
		name    string
		write   func()
		changes bool
	}{
		{"create draft service", func() { svc = newService(t, s, named("v1"), "", "", catalog.RevisionPending) }, false},
		{"propose for draft", func() { newRevision(t, s, svc.ID, named("v2"), catalog.RevisionPending) }, false},
		{"create published service", func() { newService(t, s, named("B"), "", "", catalog.RevisionPublished) }, true},
		{"publish directly", func() { newRevision(t, s, svc.ID, named("v3"), catalog.RevisionPublished) }, true},
		{"propose", func() { pending = newRevision(t, s, svc.ID, named("v4"), catalog.RevisionPending) }, false},
		{"reject", func() { must(t, s.RejectRevision(ctx, pending.ID, nil, "", t0)) }, false},
		{"propose again", func() { pending = newRevision(t, s, svc.ID, named("v5"), catalog.RevisionPending) }, false},
		{"approve", func() { must(t, s.PublishRevision(ctx, pending.ID, nil, "", t0)) }, true},
		{"archive", func() { must(t, s.SetServiceStatus(ctx, svc.ID, catalog.StatusArchived, t0)) }, true},
		{"create office", func() { office = newOffice(t, s, "Amt", "", "") }, true},
		{"update office", func() { office.Phone = "123"; must(t, s.UpdateOffice(ctx, office)) }, true},
		{"save life situation", func() { must(t, s.SaveLifeSituation(ctx, &catalog.LifeSituation{Slug: "umzug", Name: "Umzug"})) }, true},
		{"search miss", func() { must(t, s.CreateSearchMiss(ctx, &catalog.SearchMiss{Query: "x", CreatedAt: t0})) }, false},
	}
	prev, err := s.CatalogVersion(ctx)
	must(t, err)
	for _, st := range steps {
		st.write()
		v, err := s.CatalogVersion(ctx)
		must(t, err)
		if changed := v != prev; changed != st.changes {
			t.Errorf("%s: version %d -> %d, want changed = %v", st.name, prev, v, st.changes)
		}
		prev = v
	}
}

func testCatalogSearchMisses(t *testing.T, s Stores) {
	for _, m := range []catalog.SearchMiss{
		{Query: "Angelschein", CreatedAt: t0.Add(-40 * 24 * time.Hour)},
		{Query: "Perso weg", Message: "Ich finde nichts zum verlorenen Ausweis", CreatedAt: t0.Add(-time.Hour)},
		{Query: "Hundemarke", CreatedAt: t0},
	} {
		must(t, s.CreateSearchMiss(ctx, &m))
	}
	got, err := s.FindSearchMisses(ctx, 2)
	must(t, err)
	if len(got) != 2 || got[0].Query != "Hundemarke" || got[1].Message != "Ich finde nichts zum verlorenen Ausweis" || !got[0].CreatedAt.Equal(t0us) {
		t.Errorf("newest two misses = %v", got)
	}
	n, err := s.DeleteSearchMissesBefore(ctx, t0.Add(-30*24*time.Hour))
	must(t, err)
	if all, _ := s.FindSearchMisses(ctx, 0); n != 1 || len(all) != 2 {
		t.Errorf("purge deleted %d, left %d; want 1 and 2", n, len(all))
	}
}
