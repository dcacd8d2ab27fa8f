package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/audit"
	"rathaus/internal/jobs"
	"rathaus/internal/org"
)

// send is e.do with a language and cookies; a body makes it a same-origin
// form post.
func (e *staffEnv) send(method, path, lang string, form url.Values, c *http.Cookie) *response {
	e.t.Helper()
	r := httptest.NewRequest(method, path, strings.NewReader(form.Encode()))
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	r.Header.Set("Accept-Language", lang)
	r.AddCookie(c)
	return e.do(r)
}

func TestAdminRefusalsAreTranslated(t *testing.T) {
	e := newStaffEnv(t)
	cid := strconv.FormatInt(e.citizen.ID, 10)
	grantStadt := url.Values{"email": {"citizen@example.org"}, "role": {org.RoleCaseWorker},
		"org": {strconv.FormatInt(e.orgs["stadt"].ID, 10)}}
	for _, c := range []struct {
		name, method, path string
		form               url.Values
		who                *http.Cookie
		want               map[string]string // language -> text on the page
	}{
		{"case worker enters the admin area", "GET", "/admin", nil, e.worker, map[string]string{
			"en": "You are not allowed to view this page.", "de": "Sie haben keine Berechtigung für diese Seite."}},
		{"org admin grants outside their subtree", "POST", "/admin/users/" + cid + "/grants", grantStadt, e.orgAdmin, map[string]string{
			"en": "You may grant roles only in organisations you administer.", "de": "Sie dürfen Rollen nur in Organisationen vergeben, die Sie verwalten."}},
		{"org admin opens the security log", "GET", "/admin/audit", nil, e.orgAdmin, map[string]string{
			"en": "You are not allowed to view this page."}},
	} {
		for lang, want := range c.want {
			t.Run(c.name+" "+lang, func(t *testing.T) {
				res := e.send(c.method, c.path, lang, c.form, c.who)
				wantStatus(t, res, http.StatusForbidden)
				if !strings.Contains(text(query(res.doc, "main")), want) {
					t.Errorf("page does not say %q:\n%.800s", want, text(query(res.doc, "main")))
				}
			})
		}
	}
}

// TestAdminBadInputChangesNothing: every refused form leaves grants,
// locks and the security log as they were.
func TestAdminBadInputChangesNothing(t *testing.T) {
	e := newStaffEnv(t)
	ctx := context.Background()
	cid := strconv.FormatInt(e.citizen.ID, 10)
	netz := strconv.FormatInt(e.orgs["netz"].ID, 10)
	grant := func(role, orgID string) url.Values {
		return url.Values{"email": {"citizen@example.org"}, "role": {role}, "org": {orgID}}
	}
	admin, _ := e.db.FindUserByEmail(ctx, "admin@example.org")
	before, _ := e.db.FindAuditEntries(ctx, audit.Filter{Limit: 1000})
	for _, c := range []struct {
		name   string
		path   string
		form   url.Values
		who    *http.Cookie
		status int
	}{
		{"organisation is no number", "/admin/users/" + cid + "/grants", grant(org.RoleCaseWorker, "netz"), e.admin, 400},
		{"organisation does not exist", "/admin/users/" + cid + "/grants", grant(org.RoleCaseWorker, "99999"), e.admin, 400},
		{"no role", "/admin/users/" + cid + "/grants", grant("", netz), e.orgAdmin, 400},
		{"platform admin is no node role", "/admin/users/" + cid + "/grants", grant(org.PlatformAdmin, netz), e.admin, 400},
		{"unknown person", "/admin/users/99999/grants", grant(org.RoleCaseWorker, netz), e.admin, 404},
		{"person id is no number", "/admin/users/abc/grants", grant(org.RoleCaseWorker, netz), e.admin, 404},
		{"unknown grant", "/admin/grants/99999/revoke", url.Values{}, e.orgAdmin, 404},
		{"lock flag is garbage", "/admin/users/" + cid + "/disable", url.Values{"disabled": {"maybe"}}, e.admin, 400},
		{"lock flag missing", "/admin/users/" + cid + "/disable", url.Values{}, e.admin, 400},
		{"locking oneself", "/admin/users/" + strconv.FormatInt(admin.ID, 10) + "/disable", url.Values{"disabled": {"true"}}, e.admin, 409},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := e.send("POST", c.path, "de", c.form, c.who)
			wantStatus(t, res, c.status)
			if c.status == 400 && strings.Contains(c.path, "/grants") && query(res.doc, "#error-summary") == nil {
				t.Error("refused grant shows no error summary")
			}
		})
	}
	if gs, _ := e.db.FindGrants(ctx, org.GrantFilter{UserID: &e.citizen.ID}); len(gs) != 0 {
		t.Errorf("refused forms granted %d roles", len(gs))
	}
	if u, _ := e.db.FindUserByID(ctx, e.citizen.ID); u.Disabled() {
		t.Error("refused form locked the account")
	}
	after, _ := e.db.FindAuditEntries(ctx, audit.Filter{Limit: 1000})
	for _, a := range after[:len(after)-len(before)] {
		if a.Action != audit.PersonalDataRead { // re-rendering the page reads it
			t.Errorf("refused form left audit entry %s", a.Action)
		}
	}
}

func TestAdminRevokeKeepsThePersonInView(t *testing.T) {
	e := newStaffEnv(t)
	cid := strconv.FormatInt(e.citizen.ID, 10)
	wantStatus(t, e.postForm("/admin/users/"+cid+"/grants", url.Values{"email": {"citizen@example.org"},
		"role": {org.RoleModerator}, "org": {strconv.FormatInt(e.orgs["werke"].ID, 10)}}, e.orgAdmin), http.StatusSeeOther)
	page := e.get("/admin/users/"+cid, e.orgAdmin)
	action, ok := attr(query(page.doc, "main li form.app-inline-form"), "action")
	if !ok {
		t.Fatal("no revoke button on the account page")
	}
	res := e.postForm(action, url.Values{"email": {"citizen@example.org"}}, e.orgAdmin)
	wantStatus(t, res, http.StatusSeeOther)
	// The person holds no role in the organisation admin's nodes any more,
	// yet the page they come back to still shows them and the message.
	next := e.get(res.Header.Get("Location"), e.orgAdmin, cookie(res, flashCookie))
	wantStatus(t, next, http.StatusOK)
	if got := text(query(next.doc, ".app-flash")); !strings.Contains(got, "Die Rolle wurde entzogen.") {
		t.Errorf("flash = %q", got)
	}
	if gs, _ := e.db.FindGrants(context.Background(), org.GrantFilter{UserID: &e.citizen.ID}); len(gs) != 0 {
		t.Errorf("grants after revoke: %d", len(gs))
	}
}

func TestAdminUsersPaging(t *testing.T) {
	e := newStaffEnv(t)
	ctx := context.Background()
	for i := range 60 {
		u := &account.User{Email: fmt.Sprintf("buerger%02d@example.org", i), DisplayName: fmt.Sprintf("Bürger %02d", i), Locale: "de", CreatedAt: testNow}
		if err := e.db.CreateUser(ctx, u, nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	rows := func(res *response) int { return len(queryAll(res.doc, "main tbody tr")) }
	first := e.get("/admin/users?q=buerger", e.admin)
	next, _ := attr(query(first.doc, "a[rel=next]"), "href")
	if rows(first) != userPageSize || next != "/admin/users?page=2&q=buerger" || query(first.doc, "a[rel=prev]") != nil {
		t.Fatalf("page 1: %d rows, next %q", rows(first), next)
	}
	second := e.get(next, e.admin)
	if rows(second) != 10 || query(second.doc, "a[rel=next]") != nil || query(second.doc, "a[rel=prev]") == nil {
		t.Errorf("page 2: %d rows, want 10, a previous and no next link", rows(second))
	}
	if got := rows(e.get("/admin/users?page=x", e.admin)); got != userPageSize {
		t.Errorf("bad page number: %d rows, want the first page", got)
	}
}

func TestAdminPagesShowTheirData(t *testing.T) {
	e := newStaffEnv(t)
	ctx := context.Background()
	js := e.srv.opts.Jobs
	if _, err := js.EnqueueJob(ctx, &jobs.Job{Kind: "mail.deliver", RunAt: testNow, MaxAttempts: 3, CreatedAt: testNow}); err != nil {
		t.Fatal(err)
	}
	j, err := js.ClaimJob(ctx, "w1", []string{"mail.deliver"}, testNow, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	retry := testNow.Add(time.Hour)
	if err := js.FailJob(ctx, j.ID, "w1", "smtp: connection refused", &retry, testNow); err != nil {
		t.Fatal(err)
	}
	jobsPage := e.get("/admin/jobs", e.admin)
	if cells := text(query(jobsPage.doc, "main tbody tr")); !strings.Contains(cells, "mail.deliver") || !strings.Contains(cells, "smtp: connection refused") {
		t.Errorf("jobs page row = %q", cells)
	}
	orgs := e.get("/admin/orgs", e.orgAdmin)
	if n := query(orgs.doc, "main ul.app-tree li ul.app-tree li ul.app-tree li"); n == nil || !strings.Contains(text(n), "Org netz") {
		t.Errorf("organisation tree is not nested three levels: %.600s", text(query(orgs.doc, "main")))
	}
}
