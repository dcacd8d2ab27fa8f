package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"rathaus/internal/audit"
)

func TestOfficeDayShowsBookingsToStaffOnly(t *testing.T) {
	e := newDeskEnv(t)
	b, _ := e.bookAt(t, "erika@example.org", 8, 0)
	path := e.dayPath("buergerbuero") + "?tag=2026-11-30"

	res := e.get(path, e.clerk)
	wantStatus(t, res, http.StatusOK)
	rows := queryAll(res.doc, "main table tbody tr")
	if len(rows) != 1 {
		t.Fatalf("booking rows: got %d, want 1", len(rows))
	}
	row := text(rows[0])
	for _, want := range []string{"08:00–08:20", "Erika Mustermann", "Personalausweis beantragen", b.Code, "bestätigt"} {
		if !strings.Contains(row, want) {
			t.Errorf("booking row %q lacks %q", row, want)
		}
	}
	if strings.Contains(renderNode(rows[0]), "/einchecken") {
		t.Error("check-in offered on a day that is not today")
	}
	entries, err := e.db.FindAuditEntries(context.Background(), audit.Filter{Action: audit.PersonalDataRead})
	if err != nil {
		t.Fatal(err)
	}
	wantDetail := "appointment day office " + strconv.FormatInt(e.ids["buergerbuero"], 10) + " date 2026-11-30"
	if len(entries) != 1 || entries[0].Detail != wantDetail || entries[0].ActorID == nil || *entries[0].ActorID != e.clerkActor.UserID {
		t.Errorf("audit: got %+v, want one entry %q by the clerk", entries, wantDetail)
	}

	for name, c := range map[string]*http.Cookie{"citizen": e.citizen, "other organisation": e.outsider} {
		res := e.get(path, c)
		wantStatus(t, res, http.StatusForbidden)
		if strings.Contains(res.body, "Erika") || strings.Contains(res.body, b.Code) {
			t.Errorf("%s: the forbidden page shows the booking", name)
		}
	}
	res = e.get(path)
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
		t.Errorf("anonymous: got %d to %q, want a redirect to the login", res.StatusCode, res.Header.Get("Location"))
	}
	res = e.postForm(e.dayPath("buergerbuero")+"/ohne-termin", url.Values{"service": {itoaID(e.ids["perso"])}}, e.outsider)
	wantStatus(t, res, http.StatusForbidden)
}

func TestOfficeListShowsOnlyOwnOffices(t *testing.T) {
	e := newDeskEnv(t)
	res := e.get("/amt/termine", e.clerk)
	wantStatus(t, res, http.StatusOK)
	links := texts(res.doc, "main table tbody th a")
	if len(links) != 2 || !contains(links, "Bürgerbüro Jena") || !contains(links, "Kfz-Zulassungsstelle") {
		t.Errorf("offices: got %q, want the Bürgerbüro and the Kfz office", links)
	}
	if strings.Contains(res.body, "/einstellungen\"") {
		t.Error("a case worker is offered the settings")
	}
	res = e.get("/amt/termine", e.owner)
	if !strings.Contains(res.body, "/einstellungen\"") {
		t.Error("a service owner is not offered the settings")
	}
	wantStatus(t, e.get("/amt/termine", e.citizen), http.StatusForbidden)
	wantStatus(t, e.get("/amt/termine", e.outsider), http.StatusForbidden)
}

func TestOfficeCodeLookup(t *testing.T) {
	e := newDeskEnv(t)
	b, _ := e.bookAt(t, "erika@example.org", 8, 0)
	e.clock.Set(onDeskDay(7, 55))
	typed := strings.ToLower(strings.ReplaceAll(b.Code, "-", " "))
	res := e.get(e.dayPath("buergerbuero")+"?code="+url.QueryEscape(typed), e.clerk)
	wantStatus(t, res, http.StatusOK)
	found := query(res.doc, ".app-found")
	if found == nil || !strings.Contains(text(found), b.Code) || !strings.Contains(renderNode(found), "/einchecken") {
		t.Fatalf("code %q: no booking with a check-in button found:\n%s", typed, res.body)
	}
	res = e.get(e.dayPath("buergerbuero")+"?code=XXX-XXX", e.clerk)
	if query(res.doc, ".app-found") != nil || !strings.Contains(res.body, "keinen Termin mit dem Code") {
		t.Error("an unknown code is not reported as not found")
	}
}

func itoaID(id int64) string { return strconv.FormatInt(id, 10) }

// renderNode is the HTML of a node, for checks on attributes.
func renderNode(n *html.Node) string {
	var b strings.Builder
	_ = html.Render(&b, n)
	return b.String()
}
