package storetest

import (
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/org"
)

// t0us is t0 as the store keeps it.
var t0us = t0.Truncate(time.Microsecond)

// newService creates a service with a first revision in state.
func newService(t *testing.T, s Stores, c catalog.Content, source, externalID, state string) *catalog.Service {
	t.Helper()
	svc := &catalog.Service{Source: source, ExternalID: externalID, CreatedAt: t0}
	rev := &catalog.Revision{Content: c, Origin: "import", State: state, CreatedAt: t0}
	if err := s.CreateService(ctx, svc, rev); err != nil {
		t.Fatalf("CreateService %q: %v", c.Name, err)
	}
	return svc
}

func newRevision(t *testing.T, s Stores, serviceID int64, c catalog.Content, state string) *catalog.Revision {
	t.Helper()
	rev := &catalog.Revision{ServiceID: serviceID, Content: c, Origin: "editor", State: state, CreatedAt: t0}
	if err := s.CreateRevision(ctx, rev); err != nil {
		t.Fatalf("CreateRevision: %v", err)
	}
	return rev
}

func named(name string) catalog.Content { return catalog.Content{Name: name} }

// fullContent sets every field of Content, with characters that JSON and
// the engines could mangle.
func fullContent(orgID *int64, officeIDs []int64) catalog.Content {
	return catalog.Content{
		LeiKa:          []string{"99102013000000", "99102013104000"},
		Name:           "Personalausweis beantragen",
		Summary:        "Einen neuen Personalausweis beantragen, wenn der alte abläuft.",
		Description:    "Absatz eins.\n\nAbsatz zwei mit „Anführungszeichen“, 'Apostroph' und \\Backslash\\ – ß.",
		Prerequisites:  []string{"Hauptwohnsitz in Jena", "Deutsche Staatsangehörigkeit"},
		Documents:      []string{"Bisheriger Ausweis", "Ein biometrisches Passfoto"},
		Fees:           []catalog.Fee{{Label: "ab 24 Jahren", Cents: 3700}, {Label: "unter 24 Jahren", Cents: 2280, MaxCents: 3700, Note: "nach Alter"}},
		FeesText:       "Gebühren nach der Personalausweisgebührenverordnung",
		Deadlines:      "Spätestens bei Ablauf des alten Ausweises.",
		ProcessingTime: "3 bis 4 Wochen",
		LegalBases:     []catalog.LegalBasis{{Citation: "§ 9 Personalausweisgesetz (PAuswG)", URL: "https://www.gesetze-im-internet.de/pauswg/__9.html"}, {Citation: "PAuswGebV"}},
		OrgID:          orgID,
		Authority:      "Bürgeramt",
		OfficeIDs:      officeIDs,
		Links:          []catalog.Link{{Kind: catalog.LinkForm, Title: "Antrag", URL: "https://example.org/antrag.pdf?a=1&b=2"}, {Kind: catalog.LinkInfo, Title: "Mehr", URL: "https://example.org/info"}},
		Keywords:       []string{"Perso", "Ausweis weg"},
		LifeSituations: []string{"umzug", "volljaehrig"},
		TargetGroups:   []string{catalog.TargetPeople},
		OZGLevel:       2,
		OnlineURL:      "https://example.org/online",
		AppointmentURL: "https://example.org/termin",
		EasyLanguage:   "Sie brauchen einen Ausweis. Dann kommen Sie zu uns.",
		Duration:       15,
	}
}

func testCatalogContent(t *testing.T, s Stores) {
	o := &org.Org{Kind: org.KindOrganisation, Slug: "stadt", Name: "Stadt", CreatedAt: t0}
	must(t, s.CreateOrg(ctx, o))
	u := newUser(t, s, "editor@example.org")
	off := newOffice(t, s, "Bürgeramt", "", "")
	c := fullContent(&o.ID, []int64{off.ID})
	svc := &catalog.Service{Source: "dldb:jena", ExternalID: "10224", CreatedAt: t0}
	rev := &catalog.Revision{Content: c, AuthorID: &u.ID, Origin: "editor", Comment: "Erste Fassung", State: catalog.RevisionPublished, CreatedAt: t0}
	must(t, s.CreateService(ctx, svc, rev))

	got, err := s.FindServiceByID(ctx, svc.ID)
	must(t, err)
	want := &catalog.Service{ID: svc.ID, Source: "dldb:jena", ExternalID: "10224", Status: catalog.StatusPublished, Version: 1,
		Content: c, CreatedAt: t0us, UpdatedAt: t0us}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("service (-want +got):\n%s", d)
	}
	gotRev, err := s.FindRevisionByID(ctx, rev.ID)
	must(t, err)
	wantRev := &catalog.Revision{ID: rev.ID, ServiceID: svc.ID, Number: 1, Content: c, AuthorID: &u.ID, Origin: "editor",
		Comment: "Erste Fassung", State: catalog.RevisionPublished, CreatedAt: t0us}
	if d := cmp.Diff(wantRev, gotRev); d != "" {
		t.Errorf("revision (-want +got):\n%s", d)
	}
}

func testCatalogServices(t *testing.T, s Stores) {
	a := newService(t, s, named("Hund anmelden"), "dldb:jena", "1", catalog.RevisionPublished)
	got, err := s.FindServiceByExternalID(ctx, "dldb:jena", "1")
	must(t, err)
	if got.ID != a.ID || got.Name != "Hund anmelden" {
		t.Errorf("by external id = %d %q, want %d", got.ID, got.Name, a.ID)
	}
	for name, err := range map[string]error{
		"missing id":                  second(s.FindServiceByID(ctx, a.ID+100)),
		"missing external id":         second(s.FindServiceByExternalID(ctx, "dldb:jena", "2")),
		"external id of other source": second(s.FindServiceByExternalID(ctx, "dldb:muenchen", "1")),
		"empty external id":           second(s.FindServiceByExternalID(ctx, "", "")),
	} {
		if !fault.Is(err, fault.NotFound) {
			t.Errorf("%s: err = %v, want NotFound", name, err)
		}
	}
	dup := &catalog.Service{Source: "dldb:jena", ExternalID: "1", CreatedAt: t0}
	if err := s.CreateService(ctx, dup, &catalog.Revision{Content: named("X"), State: catalog.RevisionPublished}); !fault.Is(err, fault.Conflict) {
		t.Errorf("duplicate external id = %v, want Conflict", err)
	}
	// The same id from another source, and services written here without
	// one, do not collide.
	newService(t, s, named("Hund anmelden"), "dldb:muenchen", "1", catalog.RevisionPublished)
	newService(t, s, named("Eigene Leistung A"), "", "", catalog.RevisionPending)
	newService(t, s, named("Eigene Leistung B"), "", "", catalog.RevisionPending)

	must(t, s.SetServiceStatus(ctx, a.ID, catalog.StatusArchived, t0.Add(time.Hour)))
	if got, _ := s.FindServiceByID(ctx, a.ID); got.Status != catalog.StatusArchived || !got.UpdatedAt.Equal(t0us.Add(time.Hour)) {
		t.Errorf("after archive: status %q, updated %v", got.Status, got.UpdatedAt)
	}
	if err := s.SetServiceStatus(ctx, a.ID+100, catalog.StatusArchived, t0); !fault.Is(err, fault.NotFound) {
		t.Errorf("status of missing service = %v, want NotFound", err)
	}
}

func second[T any](_ T, err error) error { return err }

func testCatalogRevisions(t *testing.T, s Stores) {
	svc := newService(t, s, named("v1"), "", "", catalog.RevisionPending)
	if got, _ := s.FindServiceByID(ctx, svc.ID); got.Status != catalog.StatusDraft || got.Version != 0 || got.Name != "v1" {
		t.Errorf("new draft = %q v%d %q, want draft v0 v1", got.Status, got.Version, got.Name)
	}
	// Before its first publication a service shows its latest proposal.
	r2 := newRevision(t, s, svc.ID, named("v2"), catalog.RevisionPending)
	if got, _ := s.FindServiceByID(ctx, svc.ID); r2.Number != 2 || got.Name != "v2" || got.Status != catalog.StatusDraft {
		t.Errorf("proposal 2: number %d, service %q %q", r2.Number, got.Name, got.Status)
	}
	reviewer := newUser(t, s, "reviewer@example.org")
	must(t, s.PublishRevision(ctx, r2.ID, &reviewer.ID, "passt", t0.Add(time.Minute)))
	checkService(t, s, svc.ID, catalog.StatusPublished, 2, "v2")

	r3 := newRevision(t, s, svc.ID, named("v3"), catalog.RevisionPending)
	checkService(t, s, svc.ID, catalog.StatusPublished, 2, "v2") // a proposal does not change a published service
	r4 := newRevision(t, s, svc.ID, named("v4"), catalog.RevisionPublished)
	checkService(t, s, svc.ID, catalog.StatusPublished, 4, "v4")
	must(t, s.RejectRevision(ctx, r3.ID, &reviewer.ID, "nein", t0.Add(time.Hour)))

	states := map[int]string{}
	revs, err := s.FindRevisions(ctx, catalog.RevisionFilter{ServiceID: &svc.ID})
	must(t, err)
	for _, r := range revs {
		states[r.Number] = r.State
	}
	want := map[int]string{1: catalog.RevisionPending, 2: catalog.RevisionSuperseded, 3: catalog.RevisionRejected, 4: catalog.RevisionPublished}
	if d := cmp.Diff(want, states); d != "" {
		t.Errorf("revision states (-want +got):\n%s", d)
	}
	if len(revs) != 4 || revs[0].Number != 4 {
		t.Errorf("revisions not newest first: %v", revs)
	}
	got, _ := s.FindRevisionByID(ctx, r3.ID)
	if got.ReviewerID == nil || *got.ReviewerID != reviewer.ID || got.ReviewNote != "nein" || got.ReviewedAt == nil || !got.ReviewedAt.Equal(t0us.Add(time.Hour)) {
		t.Errorf("rejected revision = %+v", got)
	}
	if pending, _ := s.FindRevisions(ctx, catalog.RevisionFilter{State: catalog.RevisionPending, Limit: 5}); len(pending) != 1 || pending[0].Number != 1 {
		t.Errorf("pending = %v, want revision 1", pending)
	}
	if last, _ := s.FindRevisions(ctx, catalog.RevisionFilter{ServiceID: &svc.ID, Limit: 1}); len(last) != 1 || last[0].Number != 4 {
		t.Errorf("limit 1 = %v, want revision 4", last)
	}

	for name, err := range map[string]error{
		"publish published": s.PublishRevision(ctx, r4.ID, nil, "", t0),
		"publish rejected":  s.PublishRevision(ctx, r3.ID, nil, "", t0),
		"reject superseded": s.RejectRevision(ctx, r2.ID, nil, "", t0),
	} {
		if !fault.Is(err, fault.Conflict) || fault.As(err).Key != "error.catalog.revision_closed" {
			t.Errorf("%s: err = %v, want Conflict error.catalog.revision_closed", name, err)
		}
	}
	for name, err := range map[string]error{
		"publish missing": s.PublishRevision(ctx, r4.ID+100, nil, "", t0),
		"reject missing":  s.RejectRevision(ctx, r4.ID+100, nil, "", t0),
		"find missing":    second(s.FindRevisionByID(ctx, r4.ID+100)),
		"revise missing":  s.CreateRevision(ctx, &catalog.Revision{ServiceID: svc.ID + 100, Content: named("x"), CreatedAt: t0}),
	} {
		if !fault.Is(err, fault.NotFound) {
			t.Errorf("%s: err = %v, want NotFound", name, err)
		}
	}
}

func checkService(t *testing.T, s Stores, id int64, status string, version int, name string) {
	t.Helper()
	got, err := s.FindServiceByID(ctx, id)
	must(t, err)
	if got.Status != status || got.Version != version || got.Name != name {
		t.Errorf("service = %s v%d %q, want %s v%d %q", got.Status, got.Version, got.Name, status, version, name)
	}
}

// testCatalogRace has reviewers approve the same proposal at once, and
// editors add revisions at once: one approval wins, numbers stay unique.
func testCatalogRace(t *testing.T, s Stores) {
	svc := newService(t, s, named("v1"), "", "", catalog.RevisionPublished)
	rev := newRevision(t, s, svc.ID, named("v2"), catalog.RevisionPending)
	const n = 4
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { errs[i] = s.PublishRevision(ctx, rev.ID, nil, "", t0) })
	}
	wg.Wait()
	won := 0
	for _, err := range errs {
		switch {
		case err == nil:
			won++
		case !fault.Is(err, fault.Conflict):
			t.Errorf("racing publish: %v, want nil or Conflict", err)
		}
	}
	if won != 1 {
		t.Errorf("%d publishes succeeded, want 1", won)
	}
	checkService(t, s, svc.ID, catalog.StatusPublished, 2, "v2")

	numbers := make([]int, 8)
	for i := range numbers {
		wg.Go(func() {
			r := &catalog.Revision{ServiceID: svc.ID, Content: named("p"), State: catalog.RevisionPending, CreatedAt: t0}
			if err := s.CreateRevision(ctx, r); err != nil {
				t.Errorf("racing CreateRevision: %v", err)
			}
			numbers[i] = r.Number
		})
	}
	wg.Wait()
	seen := map[int]bool{}
	for _, num := range numbers {
		if seen[num] || num < 3 || num > 10 {
			t.Errorf("revision numbers %v, want 3..10 once each", numbers)
			break
		}
		seen[num] = true
	}
}

func testCatalogFindServices(t *testing.T, s Stores) {
	o1, o2 := newOffice(t, s, "Bürgeramt Mitte", "", ""), newOffice(t, s, "Bürgeramt Lobeda", "", "")
	in := func(name string, offices ...int64) catalog.Content {
		return catalog.Content{Name: name, OfficeIDs: offices}
	}
	newService(t, s, in("A Meldebescheinigung", o1.ID), "", "", catalog.RevisionPublished)
	newService(t, s, in("B Wohngeld", o1.ID, o2.ID), "dldb:jena", "b", catalog.RevisionPending)
	newService(t, s, in("C Führungszeugnis", o2.ID, o2.ID), "dldb:jena", "c", catalog.RevisionPublished)
	for _, tc := range []struct {
		name string
		f    catalog.ServiceFilter
		want []string
	}{
		{"all", catalog.ServiceFilter{}, []string{"A Meldebescheinigung", "B Wohngeld", "C Führungszeugnis"}},
		{"published", catalog.ServiceFilter{Status: catalog.StatusPublished}, []string{"A Meldebescheinigung", "C Führungszeugnis"}},
		{"draft", catalog.ServiceFilter{Status: catalog.StatusDraft}, []string{"B Wohngeld"}},
		{"source", catalog.ServiceFilter{Source: "dldb:jena"}, []string{"B Wohngeld", "C Führungszeugnis"}},
		{"office", catalog.ServiceFilter{OfficeID: &o2.ID}, []string{"B Wohngeld", "C Führungszeugnis"}},
		{"published at office", catalog.ServiceFilter{OfficeID: &o1.ID, Status: catalog.StatusPublished}, []string{"A Meldebescheinigung"}},
		{"no match", catalog.ServiceFilter{Source: "dldb:berlin"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.FindServices(ctx, tc.f)
			must(t, err)
			var names []string
			for _, svc := range got {
				names = append(names, svc.Name)
			}
			if d := cmp.Diff(tc.want, names); d != "" {
				t.Errorf("services (-want +got):\n%s", d)
			}
		})
	}
}
