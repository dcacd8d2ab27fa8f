package web

import (
	"bytes"
	"context"
	"os"
	"testing"

	"rathaus/internal/account"
	"rathaus/internal/cases"
	"rathaus/internal/catalog"
	"rathaus/internal/filestore"
	"rathaus/internal/form"
	"rathaus/internal/org"
	"rathaus/internal/payment"
)

// The online-application fixture, shared by the citizen's pages
// (cases_citizen*_test.go), the staff pages (cases_staff*_test.go) and the
// API tests:
//
//	e := newCasesEnv(t)
//	e.svc["parken"]       // a service with a published form
//	e.login(e.citizen)    // erika@example.org, a verified citizen
//	e.login(e.worker)     // case worker of unit "buergerservice"
//	e.login(e.stranger)   // case worker of unit "standesamt" only
//
// It is newCatalogEnv (clock at testNow, movable as e.clock) with orgs,
// a form store and a cases.Service (e.cases) on the same SQLite database
// and a local file store in a temporary directory (e.files). Services:
//
//   - "parken": residents' parking permit, internal/form/testdata/
//     anwohnerparken.json: fee 30,60 EUR, a required file upload, an
//     account required; decision promised within 14 days; unit
//     buergerservice.
//   - "hund": dog registration, internal/form/testdata/hund.json: fee
//     computed from answers, a file only for listed dogs; anonymous
//     applications allowed; unit buergerservice.
//   - "trauung": a service of unit standesamt with a one-page form.
//
// Fees are paid to the test creditor (Stadtkasse Jena, DE02120300000000202051).
type casesEnv struct {
	*catalogEnv
	clock    *testClock
	cases    *cases.Service
	forms    form.Store
	files    *filestore.Local
	unit     *org.Org // buergerservice
	other    *org.Org // standesamt
	citizen  *account.User
	worker   *account.User
	stranger *account.User
	svc      map[string]int64
}

// withCases gives the server a cases service and form store on its
// database, on clock, with files in dir. Run it after withOrgs.
func withCases(clock *testClock, dir string) func(*Options) {
	return func(o *Options) {
		o.Now = clock.Now
		o.Services.Now = clock.Now
		db := o.Audit
		o.Forms = any(db).(form.Store)
		o.Cases = &cases.Service{
			Store: any(db).(cases.Store), Forms: o.Forms, Files: &filestore.Local{Dir: dir},
			Catalog: o.Services, Orgs: o.Orgs, Audit: db, T: o.Catalog, Now: clock.Now,
			BaseURL: "http://rathaus.test", CityName: "Stadt Jena",
			Creditor: payment.Bill{Creditor: "Stadtkasse Jena", IBAN: "DE02120300000000202051", BIC: "BYLADEM1001"},
		}
	}
}

// newCasesEnv builds the fixture; change adjusts the options first.
func newCasesEnv(t testing.TB, change ...func(*Options)) *casesEnv {
	t.Helper()
	clock := &testClock{t: testNow}
	dir := t.TempDir()
	ce := newCatalogEnv(t, testNow, append(change, withOrgs, withCases(clock, dir))...)
	e := &casesEnv{catalogEnv: ce, clock: clock, cases: ce.srv.opts.Cases, forms: ce.srv.opts.Forms,
		files: ce.srv.opts.Cases.Files.(*filestore.Local), svc: map[string]int64{}}
	ctx := context.Background()
	orgs := ce.srv.opts.Orgs
	group := &org.Org{Slug: "jena", Name: "Stadtverbund Jena", Kind: org.KindGroup}
	mustDo(t, orgs.Create(ctx, group))
	city := &org.Org{Slug: "stadt", Name: "Stadtverwaltung Jena", Kind: org.KindOrganisation, ParentID: &group.ID}
	mustDo(t, orgs.Create(ctx, city))
	e.unit = &org.Org{Slug: "buergerservice", Name: "Team Bürgerservice", Kind: org.KindUnit, ParentID: &city.ID}
	mustDo(t, orgs.Create(ctx, e.unit))
	e.other = &org.Org{Slug: "standesamt", Name: "Team Standesamt", Kind: org.KindUnit, ParentID: &city.ID}
	mustDo(t, orgs.Create(ctx, e.other))

	e.citizen = e.user("erika@example.org", false)
	e.worker = e.user("jonas@example.org", false)
	e.stranger = e.user("paula@example.org", false)
	for _, g := range []struct {
		u *account.User
		o *org.Org
	}{{e.worker, e.unit}, {e.stranger, e.other}} {
		if _, err := orgs.Grant(ctx, nil, g.u.ID, org.RoleCaseWorker, g.o.ID); err != nil {
			t.Fatal(err)
		}
	}

	admin := org.Actor{UserID: e.user("admin@example.org", true).ID, PlatformAdmin: true}
	mkService := func(key, name string, unit *org.Org) int64 {
		s, _, err := ce.srv.opts.Services.CreateService(ctx, admin, catalog.Content{
			Name: name, Summary: name + " online beantragen.", OrgID: &unit.ID, OZGLevel: 3}, "test")
		if err != nil {
			t.Fatalf("create service %s: %v", key, err)
		}
		e.svc[key] = s.ID
		return s.ID
	}
	e.publish(t, "anwohnerparken.json", mkService("parken", "Bewohnerparkausweis beantragen", e.unit),
		func(f *form.Form) { f.Settings.DecisionDays = 14 })
	e.publish(t, "hund.json", mkService("hund", "Hund anmelden", e.unit),
		func(f *form.Form) { f.Settings.Anonymous = true })
	trauung := &form.Form{Title: form.Text{"de": "Trauung anmelden", "en": "Register a wedding"},
		Pages: []form.Page{{ID: "paar", Title: form.Text{"de": "Das Paar"}, Questions: []form.Question{
			{ID: "name", Type: form.TypeText, Label: form.Text{"de": "Ihr Name"}, Required: true, Prefill: form.PrefillName},
			{ID: "datum", Type: form.TypeDate, Label: form.Text{"de": "Wunschtermin"}, Required: true},
		}}}}
	trauung.ServiceID, trauung.Version, trauung.Status = mkService("trauung", "Trauung anmelden", e.other), 1, form.StatusPublished
	mustDo(t, e.forms.SaveForm(ctx, trauung))
	return e
}

// publish saves a test form from internal/form/testdata as version 1 of
// service id, published, after adjust.
func (e *casesEnv) publish(t testing.TB, file string, id int64, adjust func(*form.Form)) {
	t.Helper()
	b, err := os.ReadFile("../form/testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := form.Import(b)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	f.ServiceID, f.Version, f.Status = id, 1, form.StatusPublished
	adjust(f)
	mustDo(t, e.forms.SaveForm(context.Background(), f))
}

func mustDo(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Test files: the smallest valid PDF and PNG heads, enough for sniffing.
var (
	testPDF = []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
	testPNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00")
)

// upload stores a file as the citizen flow would and returns its reference.
func (e *casesEnv) upload(t testing.TB, name string, data []byte) form.FileRef {
	t.Helper()
	ref, err := e.cases.Upload(context.Background(), name, bytes.NewReader(data), form.FileTypes, 0)
	if err != nil {
		t.Fatal(err)
	}
	return ref
}

// parkingAnswers is a complete, valid application for "parken".
func (e *casesEnv) parkingAnswers(t testing.TB) form.Answers {
	return form.Answers{
		"plate":        {Text: "J-AB 123"},
		"address":      {Address: &form.Address{Street: "Am Anger", HouseNumber: "15", PostalCode: "07743", City: "Jena"}},
		"zone":         {Text: "a"},
		"registration": {Files: []form.FileRef{e.upload(t, "fahrzeugschein.pdf", testPDF)}},
		"pay_by":       {Text: "transfer"},
		"email":        {Text: "erika@example.org"},
	}
}

// submitParking submits an application for "parken" as the citizen.
func (e *casesEnv) submitParking(t testing.TB) *cases.Case {
	t.Helper()
	uid := e.citizen.ID
	out, err := e.cases.Submit(context.Background(), cases.Application{ServiceID: e.svc["parken"], Lang: "de",
		Answers: e.parkingAnswers(t), Applicant: cases.Applicant{UserID: &uid, Name: "Erika Mustermann", Email: "erika@example.org"}})
	if err != nil {
		t.Fatal(err)
	}
	return out.Case
}
