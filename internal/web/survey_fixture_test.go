package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"rathaus/internal/account"
	"rathaus/internal/org"
	"rathaus/internal/survey"
)

// surveyEnv is a server with surveys: a unit whose service owner builds
// them (staff), a citizen and a case worker without a survey role.
type surveyEnv struct {
	*testEnv
	clock    *testClock
	unit     *org.Org
	staff    *account.User
	citizen  *account.User
	stranger *account.User
}

func withSurveys(clock *testClock) func(*Options) {
	return func(o *Options) {
		o.Now = clock.Now
		o.Orgs = &org.Service{Store: o.Audit.(org.Store), Audit: o.Audit, Now: clock.Now}
		o.Surveys = &survey.Service{Store: any(o.Audit).(survey.Store), Orgs: o.Orgs, Audit: o.Audit, Now: clock.Now}
	}
}

func newSurveyEnv(t testing.TB, change ...func(*Options)) *surveyEnv {
	t.Helper()
	clock := &testClock{t: testNow}
	e := &surveyEnv{testEnv: newEnv(t, append([]func(*Options){withSurveys(clock)}, change...)...), clock: clock}
	ctx := context.Background()
	orgs := e.srv.opts.Orgs
	group := &org.Org{Slug: "jena", Name: "Stadtverbund Jena", Kind: org.KindGroup}
	mustDo(t, orgs.Create(ctx, group))
	city := &org.Org{Slug: "stadt", Name: "Stadtverwaltung Jena", Kind: org.KindOrganisation, ParentID: &group.ID}
	mustDo(t, orgs.Create(ctx, city))
	e.unit = &org.Org{Slug: "digital", Name: "Team Digitales", Kind: org.KindUnit, ParentID: &city.ID}
	mustDo(t, orgs.Create(ctx, e.unit))
	e.staff = e.user("sina@example.org", false)
	e.citizen = e.user("erika@example.org", false)
	e.stranger = e.user("paul@example.org", false)
	if _, err := orgs.Grant(ctx, nil, e.staff.ID, org.RoleServiceOwner, e.unit.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := orgs.Grant(ctx, nil, e.stranger.ID, org.RoleCaseWorker, e.unit.ID); err != nil {
		t.Fatal(err)
	}
	return e
}

// build creates a survey through the builder's pages and returns its
// admin path: the settings, then questions of every type, not opened.
func (e *surveyEnv) build(t testing.TB, c *http.Cookie, access string) string {
	t.Helper()
	res := e.postForm("/admin/umfragen/neu", url.Values{"title_de": {"Zufriedenheit mit der Website"},
		"title_en": {"Satisfaction with the website"}, "intro_de": {"Sagen Sie uns Ihre Meinung."},
		"org": {itoaID(e.unit.ID)}, "access": {access}, "results": {"after"}, "closes": {"2026-12-31"}}, c)
	wantStatus(t, res, http.StatusSeeOther)
	base := res.Header.Get("Location")
	for _, q := range []url.Values{
		{"type": {"single"}, "label_de": {"Haben Sie gefunden, was Sie suchten?"}, "options_de": {"Ja\nNein"}, "required": {"ja"}},
		{"type": {"multiple"}, "label_de": {"Was haben Sie gesucht?"}, "options_de": {"Termine\nFormulare\nÖffnungszeiten"}},
		{"type": {"scale"}, "label_de": {"Wie zufrieden sind Sie?"}, "scale_min": {"1"}, "scale_max": {"5"},
			"min_label_de": {"gar nicht"}, "max_label_de": {"sehr"}, "required": {"ja"}},
		{"type": {"text"}, "label_de": {"Was sollen wir verbessern?"}},
		{"type": {"matrix"}, "label_de": {"Wie bewerten Sie …"}, "options_de": {"die Suche\ndie Texte"}, "scale_min": {"1"}, "scale_max": {"3"}},
	} {
		res := e.postForm(base+"/fragen", url.Values{"type": q["type"]}, c)
		wantStatus(t, res, http.StatusSeeOther)
		res = e.postForm(res.Header.Get("Location"), q, c)
		wantStatus(t, res, http.StatusSeeOther)
	}
	return base
}
