package web

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"rathaus/internal/catalog"
	"rathaus/internal/org"
	"rathaus/internal/participation"
)

// TestIdeaForAService: the service page links to proposing an
// improvement; the form names the service and the idea keeps it.
func TestIdeaForAService(t *testing.T) {
	e := newParticipationEnv(t, withCatalog)
	ctx := context.Background()
	admin := e.user("admin@example.org", true)
	svc, _, err := e.srv.opts.Services.CreateService(ctx, org.Actor{UserID: admin.ID, PlatformAdmin: true},
		catalog.Content{Name: "Wohngeld beantragen", Summary: "Zuschuss zur Miete."}, "test")
	mustDo(t, err)
	id := strconv.FormatInt(svc.ID, 10)

	page := e.get("/leistungen/" + id)
	wantStatus(t, page, 200)
	link := query(page.doc, "#verbessern a")
	if link == nil || attrOf(link, "href") != "/mitmachen/vorschlagen?leistung="+id {
		t.Fatalf("no link to propose an improvement on the service page")
	}
	res := e.get(attrOf(link, "href"))
	if res.StatusCode != 303 || res.Header.Get("Location") != "/mitmachen/ideen/neu?leistung="+id {
		t.Fatalf("vorschlagen: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	c := e.login(e.erika)
	form := e.get("/mitmachen/ideen/neu?leistung="+id, c)
	if got := text(query(form.doc, "#leistung")); !strings.Contains(got, "Wohngeld beantragen") {
		t.Errorf("the form does not name the service: %q", got)
	}
	res = e.postForm("/mitmachen/ideen/neu", url.Values{"schritt": {"veroeffentlichen"}, "leistung": {id},
		"title": {"Wohngeld ohne Papierstapel"}, "body": {"Bitte alle Nachweise als Upload annehmen statt per Post."}}, c)
	if res.StatusCode != 303 {
		t.Fatalf("proposing: %d %s", res.StatusCode, res.body)
	}
	ideas, _, err := e.part.Store.FindIdeas(ctx, participation.IdeaFilter{ServiceID: svc.ID})
	mustDo(t, err)
	if len(ideas) != 1 || ideas[0].ServiceID == nil || *ideas[0].ServiceID != svc.ID {
		t.Errorf("ideas of the service: %+v", ideas)
	}
}
