package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"rathaus/internal/account"
	"rathaus/internal/catalog"
	"rathaus/internal/org"
)

// editEnv is a server with a catalogue, a small organisation tree, one
// published service of "stadt" and accounts for every kind of visitor.
type editEnv struct {
	*testEnv
	cat                             *catalog.Catalog
	orgs                            map[string]*org.Org
	service                         *catalog.Service
	editor, second, outsider, clerk *http.Cookie
	admin                           *http.Cookie
	root                            org.Actor // the platform admin
}

func newEditEnv(t *testing.T, fourEyes bool) *editEnv {
	t.Helper()
	e := &editEnv{testEnv: newEnv(t, withOrgs, func(o *Options) {
		o.Services = &catalog.Catalog{Store: o.Audit.(catalog.Store), Orgs: o.Orgs, Audit: o.Audit, Now: o.Now}
	}), orgs: map[string]*org.Org{}}
	e.cat = e.srv.opts.Services
	ctx := context.Background()
	for _, n := range []struct{ slug, kind, parent string }{
		{"jena", org.KindGroup, ""}, {"stadt", org.KindOrganisation, "jena"}, {"werke", org.KindOrganisation, "jena"},
	} {
		o := &org.Org{Slug: n.slug, Name: "Org " + n.slug, Kind: n.kind}
		if n.parent != "" {
			o.ParentID = &e.orgs[n.parent].ID
		}
		if err := e.srv.opts.Orgs.Create(ctx, o); err != nil {
			t.Fatal(err)
		}
		e.orgs[n.slug] = o
	}
	e.editor = e.account("eins@example.org", "Editha Eins", false, org.RoleServiceOwner, "stadt")
	e.second = e.account("zwei@example.org", "Zora Zwei", false, org.RoleServiceOwner, "stadt")
	e.outsider = e.account("werke@example.org", "Wim Werke", false, org.RoleServiceOwner, "werke")
	e.clerk = e.account("clerk@example.org", "Carla Clerk", false, org.RoleCaseWorker, "stadt")
	e.admin = e.account("admin@example.org", "Ada Admin", true, "", "")
	stadt := e.orgs["stadt"].ID
	admin, err := e.db.FindUserByEmail(ctx, "admin@example.org")
	if err != nil {
		t.Fatal(err)
	}
	e.root = org.Actor{UserID: admin.ID, PlatformAdmin: true}
	svc, _, err := e.cat.CreateService(ctx, e.root, catalog.Content{
		Name: "Personalausweis beantragen", Summary: "Den Ausweis gibt es im Bürgerservice.",
		Description: "Zeile eins.\nZeile zwei.", LeiKa: []string{"99102013104000"}, OrgID: &stadt,
		Fees: []catalog.Fee{{Label: "Unter 24 Jahren", Cents: 2280}}, TargetGroups: []string{catalog.TargetPeople},
	}, "Erste Fassung")
	if err != nil {
		t.Fatal(err)
	}
	e.service = svc
	e.cat.FourEyes = fourEyes
	return e
}

func (e *editEnv) account(email, name string, admin bool, role, slug string) *http.Cookie {
	e.t.Helper()
	ctx := context.Background()
	u, err := e.acc.Create(ctx, nil, account.Registration{Email: email, DisplayName: name, Password: "ein langes passwort"}, admin)
	if err != nil {
		e.t.Fatal(err)
	}
	if role != "" {
		if _, err := e.srv.opts.Orgs.Grant(ctx, nil, u.ID, role, e.orgs[slug].ID); err != nil {
			e.t.Fatal(err)
		}
	}
	return sessionOf(e.t, e.postForm("/login", url.Values{"email": {email}, "password": {"ein langes passwort"}}))
}

func (e *editEnv) editPath() string {
	return "/admin/catalog/services/" + strconv.FormatInt(e.service.ID, 10)
}

// form is the service's current text as the edit form submits it, with
// changes applied.
func (e *editEnv) form(change func(url.Values)) url.Values {
	e.t.Helper()
	svc, err := e.cat.Store.FindServiceByID(context.Background(), e.service.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	v := contentValues(svc.Content)
	change(v)
	return v
}

func (e *editEnv) publicSummary() string {
	e.t.Helper()
	svc, err := e.cat.PublicService(context.Background(), e.service.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	return svc.Summary
}

func (e *editEnv) history(cookie *http.Cookie) *response {
	e.t.Helper()
	res := e.get(e.editPath()+"/history", cookie)
	wantStatus(e.t, res, http.StatusOK)
	return res
}

func TestCatalogEditPublishesWithoutFourEyes(t *testing.T) {
	e := newEditEnv(t, false)
	page := e.get(e.editPath(), e.editor)
	wantStatus(t, page, http.StatusOK)
	if v, _ := attr(query(page.doc, "#field-name"), "value"); v != "Personalausweis beantragen" {
		t.Errorf("name field = %q", v)
	}
	if got := text(query(page.doc, "#field-description")); got != "Zeile eins. Zeile zwei." {
		t.Errorf("description field = %q", got)
	}
	if query(page.doc, "input[name='fees.3.label']") == nil || query(page.doc, "input[name='fees.4.label']") != nil {
		t.Error("want the one fee and three empty rows")
	}
	res := e.postForm(e.editPath(), e.form(func(v url.Values) {
		v.Set("summary", "Neu: auch mit Termin.")
		v.Set("comment", "Termin ergänzt")
	}), e.editor)
	wantStatus(t, res, http.StatusSeeOther)
	if got := e.publicSummary(); got != "Neu: auch mit Termin." {
		t.Errorf("public summary = %q, want the new text at once", got)
	}
	if pub := e.get("/leistungen/" + strconv.FormatInt(e.service.ID, 10)); pub.StatusCode == http.StatusOK && !strings.Contains(pub.body, "Neu: auch mit Termin.") {
		t.Error("the public page does not show the new text")
	}
	rows := queryAll(e.history(e.editor).doc, "main tbody tr")
	if len(rows) != 2 || !strings.Contains(text(rows[0]), "Editha Eins") || !strings.Contains(text(rows[0]), "Termin ergänzt") {
		t.Errorf("history rows = %d, first %q", len(rows), text(rows[0]))
	}
}

func TestCatalogFourEyes(t *testing.T) {
	e := newEditEnv(t, true)
	res := e.postForm(e.editPath(), e.form(func(v url.Values) {
		v.Set("description", "Zeile eins.\nZeile drei.")
		v.Set("comment", "Zeile zwei ersetzt")
	}), e.editor)
	wantStatus(t, res, http.StatusSeeOther)
	revPath := res.Header.Get("Location")
	if !strings.HasPrefix(revPath, "/admin/catalog/revisions/") {
		t.Fatalf("after saving: redirect to %q, want the revision", revPath)
	}
	svc, _ := e.cat.PublicService(context.Background(), e.service.ID)
	if svc.Description != "Zeile eins.\nZeile zwei." {
		t.Errorf("public text changed before approval: %q", svc.Description)
	}

	own := e.get(revPath, e.editor)
	wantStatus(t, own, http.StatusOK)
	if query(own.doc, "#own-change") == nil || query(own.doc, "form[action='"+revPath+"/approve']") != nil {
		t.Error("the author is offered the approval")
	}
	refused := e.postForm(revPath+"/approve", nil, e.editor)
	wantStatus(t, refused, http.StatusForbidden)
	if msg := e.srv.t(germanRequest(), "error.catalog.own_change"); !strings.Contains(refused.body, msg) {
		t.Errorf("refusal does not say why (%q)", msg)
	}

	review := e.get(revPath, e.second)
	wantStatus(t, review, http.StatusOK)
	if query(review.doc, "form[action='"+revPath+"/approve']") == nil {
		t.Error("a second editor is not offered the approval")
	}
	ins, del := queryAll(review.doc, "main ins"), queryAll(review.doc, "main del")
	if len(ins) != 1 || text(ins[0]) != "hinzugefügt: + Zeile drei." || len(del) != 1 || text(del[0]) != "entfernt: − Zeile zwei." {
		t.Errorf("diff: ins %d %q, del %d", len(ins), text(firstOrZero(ins)), len(del))
	}
	if got := text(query(review.doc, "#diff-description")); got != "Beschreibung" {
		t.Errorf("diff field label = %q", got)
	}

	noNote := e.postForm(revPath+"/reject", url.Values{"reject_note": {"  "}}, e.second)
	wantStatus(t, noNote, http.StatusBadRequest)
	if query(noNote.doc, "#error-summary a[href='#field-reject_note']") == nil {
		t.Error("rejecting without a reason shows no error for the reason field")
	}
	queue := e.get("/admin/catalog/reviews", e.second)
	if n := len(queryAll(queue.doc, "main tbody tr")); n != 1 {
		t.Errorf("review queue has %d rows, want 1", n)
	}

	wantStatus(t, e.postForm(revPath+"/approve", url.Values{"approve_note": {"passt"}}, e.second), http.StatusSeeOther)
	svc, _ = e.cat.PublicService(context.Background(), e.service.ID)
	if svc.Description != "Zeile eins.\nZeile drei." {
		t.Errorf("public text after approval: %q", svc.Description)
	}
	rows := queryAll(e.history(e.second).doc, "main tbody tr")
	if len(rows) != 2 {
		t.Fatalf("history has %d revisions, want 2", len(rows))
	}
	if got := text(rows[0]); !strings.Contains(got, "Editha Eins") || !strings.Contains(got, "Zora Zwei: passt") {
		t.Errorf("newest revision row = %q, want author and reviewer", got)
	}
	again := e.postForm(revPath+"/approve", nil, e.second)
	wantStatus(t, again, http.StatusConflict)
}

func TestCatalogRejectNeedsReason(t *testing.T) {
	e := newEditEnv(t, true)
	res := e.postForm(e.editPath(), e.form(func(v url.Values) { v.Set("summary", "Falsch") }), e.editor)
	revPath := res.Header.Get("Location")
	wantStatus(t, e.postForm(revPath+"/reject", url.Values{"reject_note": {"Bitte Quelle angeben"}}, e.second), http.StatusSeeOther)
	if got := e.publicSummary(); got != "Den Ausweis gibt es im Bürgerservice." {
		t.Errorf("rejected change published: %q", got)
	}
	page := e.get(revPath, e.editor)
	if !strings.Contains(page.body, "Bitte Quelle angeben") || query(page.doc, "form[action='"+revPath+"/reject']") != nil {
		t.Error("a rejected revision shows no reason or still offers a review")
	}
}

func TestCatalogEditInvalidKeepsInput(t *testing.T) {
	e := newEditEnv(t, false)
	before, _ := e.cat.History(context.Background(), e.root, e.service.ID)
	typed := e.form(func(v url.Values) {
		v.Set("name", " ")
		v.Set("leika", "99102013104000\n1234")
		v.Set("online_url", "www.jena.de/antrag")
		v.Set("description", "Neuer Text,\nden niemand verlieren will.")
		v.Set("fees.1.label", "Expressgebühr")
		v.Set("fees.1.amount", "zwölf")
		v.Set("comment", "Mein Kommentar")
	})
	res := e.postForm(e.editPath(), typed, e.editor)
	wantStatus(t, res, http.StatusBadRequest)
	for _, f := range []string{"name", "leika", "online_url", "fees.1.amount"} {
		if query(res.doc, "#error-summary a[href='#field-"+f+"']") == nil {
			t.Errorf("error summary has no link to %s", f)
		}
	}
	if got := text(query(res.doc, "#field-description")); got != "Neuer Text, den niemand verlieren will." {
		t.Errorf("description after the failed save = %q", got)
	}
	for sel, want := range map[string]string{
		"input[name='fees.1.amount']": "zwölf", "input[name='fees.1.label']": "Expressgebühr", "#field-online_url": "www.jena.de/antrag",
	} {
		if got, _ := attr(query(res.doc, sel), "value"); got != want {
			t.Errorf("%s = %q, want %q", sel, got, want)
		}
	}
	if got := text(query(res.doc, "#field-comment")); got != "Mein Kommentar" {
		t.Errorf("comment = %q", got)
	}
	if query(res.doc, "#field-target_groups[checked]") == nil {
		t.Error("checked target group lost")
	}
	after, _ := e.cat.History(context.Background(), e.root, e.service.ID)
	if len(after) != len(before) {
		t.Errorf("a refused save added %d revisions", len(after)-len(before))
	}
}

func TestCatalogEditAccess(t *testing.T) {
	e := newEditEnv(t, false)
	res := e.get("/admin/catalog")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
		t.Errorf("anonymous: %d to %q, want the login", res.StatusCode, res.Header.Get("Location"))
	}
	for _, p := range []string{"/admin/catalog", e.editPath(), "/admin/catalog/reviews", "/admin/catalog/misses"} {
		wantStatus(t, e.get(p, e.clerk), http.StatusForbidden)
	}
	if strings.Contains(e.get("/account", e.clerk).body, `href="/admin/catalog"`) {
		t.Error("a case worker sees the catalogue link")
	}
	if !strings.Contains(e.get("/account", e.editor).body, `href="/admin/catalog"`) {
		t.Error("an editor sees no catalogue link")
	}
	list := e.get("/admin/catalog", e.outsider)
	wantStatus(t, list, http.StatusOK)
	if strings.Contains(list.body, "Personalausweis") {
		t.Error("an editor of another organisation sees the service")
	}
	wantStatus(t, e.get(e.editPath(), e.outsider), http.StatusForbidden)
	wantStatus(t, e.postForm(e.editPath(), e.form(func(v url.Values) { v.Set("summary", "fremd") }), e.outsider), http.StatusForbidden)
	if got := e.publicSummary(); got == "fremd" {
		t.Error("an outsider changed the service")
	}
	// An editor cannot hand the service to an organisation they do not edit.
	moved := e.postForm(e.editPath(), e.form(func(v url.Values) { v.Set("org_id", strconv.FormatInt(e.orgs["werke"].ID, 10)) }), e.editor)
	wantStatus(t, moved, http.StatusBadRequest)
	if query(moved.doc, "#error-summary a[href='#field-org_id']") == nil {
		t.Error("moving to a foreign organisation shows no error at the field")
	}
	wantStatus(t, e.get("/admin/catalog", e.admin), http.StatusOK)
}

func TestCatalogListFilterAndCreate(t *testing.T) {
	e := newEditEnv(t, false)
	values := url.Values{"name": {"Hund anmelden"}, "summary": {"Hundesteuer"}, "ozg_level": {"2"},
		"org_id": {strconv.FormatInt(e.orgs["stadt"].ID, 10)}, "keywords": {"Hundesteuer\nBello"}}
	res := e.postForm("/admin/catalog/new", values, e.editor)
	wantStatus(t, res, http.StatusSeeOther)
	list := e.get("/admin/catalog", e.editor)
	if n := len(queryAll(list.doc, "main tbody tr")); n != 2 {
		t.Errorf("list has %d services, want 2", n)
	}
	filtered := e.get("/admin/catalog?q=hund", e.editor)
	rows := queryAll(filtered.doc, "main tbody tr")
	if len(rows) != 1 || !strings.Contains(text(rows[0]), "Hund anmelden") {
		t.Errorf("filter hund: %d rows", len(rows))
	}
	empty := e.postForm("/admin/catalog/new", url.Values{"name": {""}, "summary": {"ohne Namen"}}, e.editor)
	wantStatus(t, empty, http.StatusBadRequest)
	if got := text(query(empty.doc, "#field-summary")); got != "ohne Namen" {
		t.Errorf("summary after the failed create = %q", got)
	}
}

func TestCatalogArchiveAndRestore(t *testing.T) {
	e := newEditEnv(t, false)
	ctx := context.Background()
	wantStatus(t, e.postForm(e.editPath()+"/status", url.Values{"status": {"archive"}}, e.editor), http.StatusSeeOther)
	if _, err := e.cat.PublicService(ctx, e.service.ID); err == nil {
		t.Error("an archived service is still public")
	}
	page := e.get(e.editPath(), e.editor)
	if query(page.doc, "form[action='"+e.editPath()+"/status'] input[value=restore]") == nil {
		t.Error("the archived service offers no restore")
	}
	wantStatus(t, e.postForm(e.editPath()+"/status", url.Values{"status": {"restore"}}, e.editor), http.StatusSeeOther)
	if _, err := e.cat.PublicService(ctx, e.service.ID); err != nil {
		t.Errorf("restored service: %v", err)
	}
	wantStatus(t, e.postForm(e.editPath()+"/status", url.Values{"status": {"archive"}}, e.outsider), http.StatusForbidden)
}

func TestCatalogMisses(t *testing.T) {
	e := newEditEnv(t, false)
	if err := e.cat.RecordMiss(context.Background(), "Drohne anmelden", "Wo melde ich meine Drohne an?"); err != nil {
		t.Fatal(err)
	}
	page := e.get("/admin/catalog/misses", e.editor)
	wantStatus(t, page, http.StatusOK)
	if got := text(query(page.doc, "main tbody tr")); !strings.Contains(got, "Drohne anmelden") || !strings.Contains(got, "Wo melde ich") {
		t.Errorf("misses row = %q", got)
	}
}

func firstOrZero[T any](list []T) T {
	var zero T
	if len(list) == 0 {
		return zero
	}
	return list[0]
}

// germanRequest is a German request, for translating expected texts.
func germanRequest() *http.Request {
	r, _ := http.NewRequest("GET", "/", nil)
	return r
}

func TestCatalogPreviewSavesNothing(t *testing.T) {
	e := newEditEnv(t, false)
	res := e.postForm("/admin/catalog/preview", e.form(func(v url.Values) {
		v.Set("summary", "Nur eine Vorschau.")
		v.Set("leika", "kaputt")
	}), e.editor)
	wantStatus(t, res, http.StatusOK)
	if !strings.Contains(res.body, "Nur eine Vorschau.") || text(query(res.doc, "main h1")) != "Personalausweis beantragen" {
		t.Errorf("preview does not show the submitted text")
	}
	if got := e.publicSummary(); got == "Nur eine Vorschau." {
		t.Error("the preview saved the text")
	}
	wantStatus(t, e.postForm("/admin/catalog/preview", url.Values{"name": {"x"}}, e.clerk), http.StatusForbidden)
}

func TestStableOrder(t *testing.T) {
	for _, c := range []struct{ old, chosen, want []string }{
		{[]string{"b", "a"}, []string{"a", "b"}, []string{"b", "a"}},
		{[]string{"b", "a"}, []string{"a", "c"}, []string{"a", "c"}},
		{nil, []string{"a"}, []string{"a"}},
		{[]string{"a"}, nil, nil},
	} {
		if got := stableOrder(c.old, c.chosen); strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("stableOrder(%v, %v) = %v, want %v", c.old, c.chosen, got, c.want)
		}
	}
}
