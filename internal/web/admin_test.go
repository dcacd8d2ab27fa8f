package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"rathaus/internal/account"
	"rathaus/internal/audit"
	"rathaus/internal/jobs"
	"rathaus/internal/mail"
	"rathaus/internal/org"
)

// staffEnv is a server with a small city group and one account per role.
type staffEnv struct {
	*testEnv
	orgs                    map[string]*org.Org
	admin, orgAdmin, worker *http.Cookie
	citizen                 *account.User
}

func withJobs(o *Options) { o.Jobs = o.Audit.(jobs.Store) }

func newStaffEnv(t *testing.T) *staffEnv {
	e := &staffEnv{testEnv: newEnv(t, withOrgs, withJobs), orgs: map[string]*org.Org{}}
	ctx := context.Background()
	orgs := e.srv.opts.Orgs
	for _, n := range []struct{ slug, kind, parent string }{
		{"jena", org.KindGroup, ""}, {"stadt", org.KindOrganisation, "jena"},
		{"werke", org.KindOrganisation, "jena"}, {"netz", org.KindUnit, "werke"},
	} {
		o := &org.Org{Slug: n.slug, Name: "Org " + n.slug, Kind: n.kind}
		if n.parent != "" {
			o.ParentID = &e.orgs[n.parent].ID
		}
		if err := orgs.Create(ctx, o); err != nil {
			t.Fatal(err)
		}
		e.orgs[n.slug] = o
	}
	mk := func(email string, admin bool, role, slug string) *http.Cookie {
		u, err := e.acc.Create(ctx, nil, account.Registration{Email: email, DisplayName: email, Password: "ein langes passwort"}, admin)
		if err != nil {
			t.Fatal(err)
		}
		if role != "" {
			if _, err := orgs.Grant(ctx, nil, u.ID, role, e.orgs[slug].ID); err != nil {
				t.Fatal(err)
			}
		}
		return sessionOf(t, e.postForm("/login", url.Values{"email": {email}, "password": {"ein langes passwort"}}))
	}
	e.admin = mk("admin@example.org", true, "", "")
	e.orgAdmin = mk("oa@example.org", false, org.RoleOrgAdmin, "werke")
	e.worker = mk("cw@example.org", false, org.RoleCaseWorker, "stadt")
	mk("citizen@example.org", false, "", "")
	e.citizen, _ = e.db.FindUserByEmail(ctx, "citizen@example.org")
	return e
}

func TestAdminAccess(t *testing.T) {
	e := newStaffEnv(t)
	res := e.get("/admin")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
		t.Errorf("anonymous /admin: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	wantStatus(t, e.get("/admin", e.worker), http.StatusForbidden)
	if strings.Contains(e.get("/account", e.worker).body, `href="/admin"`) {
		t.Error("case worker sees the admin link")
	}
	wantStatus(t, e.get("/admin", e.orgAdmin), http.StatusOK)
	wantStatus(t, e.get("/admin/orgs", e.orgAdmin), http.StatusOK)
	for _, p := range []string{"/admin/audit", "/admin/mails", "/admin/jobs"} {
		wantStatus(t, e.get(p, e.orgAdmin), http.StatusForbidden)
		wantStatus(t, e.get(p, e.admin), http.StatusOK)
	}
}

func TestOrgAdminGrantsInOwnSubtreeOnly(t *testing.T) {
	e := newStaffEnv(t)
	cid := strconv.FormatInt(e.citizen.ID, 10)
	wantStatus(t, e.get("/admin/users/"+cid, e.orgAdmin), http.StatusForbidden)
	list := e.get("/admin/users?q=citizen@example.org", e.orgAdmin)
	if !strings.Contains(list.body, "citizen@example.org") {
		t.Fatal("org admin cannot find a person by exact address")
	}
	if partial := e.get("/admin/users?q=citizen", e.orgAdmin); strings.Contains(partial.body, "citizen@example.org") {
		t.Error("org admin can search accounts by fragments")
	}
	wantStatus(t, e.get("/admin/users/"+cid+"?email=citizen@example.org", e.orgAdmin), http.StatusOK)
	grant := func(slug, role string) *response {
		return e.postForm("/admin/users/"+cid+"/grants", url.Values{"email": {"citizen@example.org"},
			"role": {role}, "org": {strconv.FormatInt(e.orgs[slug].ID, 10)}}, e.orgAdmin)
	}
	wantStatus(t, grant("stadt", org.RoleCaseWorker), http.StatusForbidden)
	bad := grant("netz", "king")
	wantStatus(t, bad, http.StatusBadRequest)
	if query(bad.doc, "#error-summary") == nil {
		t.Error("unknown role shows no error summary")
	}
	if gs, _ := e.db.FindGrants(context.Background(), org.GrantFilter{UserID: &e.citizen.ID}); len(gs) != 0 {
		t.Fatalf("refused grants created %d roles", len(gs))
	}
	wantStatus(t, grant("netz", org.RoleCaseWorker), http.StatusSeeOther)
	gs, _ := e.db.FindGrants(context.Background(), org.GrantFilter{UserID: &e.citizen.ID})
	if len(gs) != 1 || gs[0].OrgID != e.orgs["netz"].ID {
		t.Fatalf("grants = %v", gs)
	}
	wantStatus(t, e.get("/admin/users/"+cid, e.orgAdmin), http.StatusOK) // now a member
	wantStatus(t, e.postForm("/admin/grants/"+strconv.FormatInt(gs[0].ID, 10)+"/revoke", nil, e.orgAdmin), http.StatusSeeOther)
}

func TestAdminReadingPersonalDataIsAudited(t *testing.T) {
	e := newStaffEnv(t)
	wantStatus(t, e.get("/admin/users/"+strconv.FormatInt(e.citizen.ID, 10), e.admin), http.StatusOK)
	es, _ := e.db.FindAuditEntries(context.Background(), audit.Filter{Action: audit.PersonalDataRead, SubjectID: &e.citizen.ID})
	if len(es) != 1 {
		t.Fatalf("personal data reads audited: %d, want 1", len(es))
	}
	page := e.get("/admin/audit?action=personal_data.read", e.admin)
	if !strings.Contains(page.body, "personal_data.read") {
		t.Error("audit page does not list the read")
	}
}

func TestAdminDisableEndsSessions(t *testing.T) {
	e := newStaffEnv(t)
	sess := sessionOf(t, e.postForm("/login", url.Values{"email": {"citizen@example.org"}, "password": {"ein langes passwort"}}))
	cid := strconv.FormatInt(e.citizen.ID, 10)
	wantStatus(t, e.postForm("/admin/users/"+cid+"/disable", url.Values{"disabled": {"true"}}, e.orgAdmin), http.StatusForbidden)
	wantStatus(t, e.postForm("/admin/users/"+cid+"/disable", url.Values{"disabled": {"true"}}, e.admin), http.StatusSeeOther)
	if e.get("/account", sess).StatusCode == http.StatusOK {
		t.Error("locked account still logged in")
	}
	res := e.postForm("/login", url.Values{"email": {"citizen@example.org"}, "password": {"ein langes passwort"}})
	wantStatus(t, res, http.StatusForbidden)
}

func TestDemoMailboxLinks(t *testing.T) {
	e := newStaffEnv(t)
	err := e.db.EnqueueMessages(context.Background(), []mail.Message{{To: "x@example.org", Subject: "Bitte bestätigen",
		Text: "Link: http://rathaus.test/verify?token=abc\nNicht: https://evil.example/x\n", CreatedAt: testNow}})
	if err != nil {
		t.Fatal(err)
	}
	list := e.get("/admin/mails", e.admin)
	href, _ := attr(query(list.doc, "main table a"), "href")
	page := e.get(href, e.admin)
	wantStatus(t, page, http.StatusOK)
	var links []string
	for _, a := range queryAll(page.doc, "pre a") {
		h, _ := attr(a, "href")
		links = append(links, h)
	}
	if len(links) != 1 || links[0] != "http://rathaus.test/verify?token=abc" {
		t.Errorf("clickable links = %v, want only the rathaus one", links)
	}
}

func TestAdminAddsOrganisationNodes(t *testing.T) {
	e := newStaffEnv(t)
	ctx := context.Background()
	add := func(cookie *http.Cookie, parent, kind, name, slug string) *response {
		return e.postForm("/admin/orgs", url.Values{"parent": {parent}, "kind": {kind}, "name": {name}, "slug": {slug}}, cookie)
	}
	werke := strconv.FormatInt(e.orgs["werke"].ID, 10)
	wantStatus(t, add(e.orgAdmin, werke, org.KindUnit, "Team Wasser", "team-wasser"), http.StatusSeeOther)
	if o, err := e.db.FindOrgBySlug(ctx, "team-wasser"); err != nil || *o.ParentID != e.orgs["werke"].ID {
		t.Fatalf("new unit = %v, %v", o, err)
	}
	before, _ := e.db.FindOrgs(ctx)
	wantStatus(t, add(e.orgAdmin, strconv.FormatInt(e.orgs["stadt"].ID, 10), org.KindUnit, "Fremd", "fremd"), http.StatusForbidden)
	wantStatus(t, add(e.orgAdmin, "", org.KindGroup, "Neuer Verbund", "neu"), http.StatusForbidden)
	for _, bad := range []url.Values{
		{"parent": {werke}, "kind": {org.KindUnit}, "name": {"Doppelt"}, "slug": {"team-wasser"}},
		{"parent": {werke}, "kind": {org.KindUnit}, "name": {"Leer"}, "slug": {"Groß Buchstaben"}},
		{"parent": {werke}, "kind": {org.KindGroup}, "name": {"Verbund unter Werk"}, "slug": {"v"}},
		{"parent": {"abc"}, "kind": {org.KindUnit}, "name": {"X"}, "slug": {"x"}},
	} {
		res := e.postForm("/admin/orgs", bad, e.orgAdmin)
		wantStatus(t, res, http.StatusBadRequest)
		if query(res.doc, "#error-summary") == nil {
			t.Errorf("%v: no error summary", bad)
		}
	}
	if after, _ := e.db.FindOrgs(ctx); len(after) != len(before) {
		t.Errorf("refused forms added %d nodes", len(after)-len(before))
	}
	wantStatus(t, add(e.admin, "", org.KindGroup, "Zweckverband", "zweckverband"), http.StatusSeeOther)
}
