package web

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"rathaus/internal/org"
)

// TestPageCacheFollowsEdits: a cached service page and search result show a published edit
// on the next view, a logged-in visitor never gets the anonymous copy, and
// "open now" follows the clock.
func TestPageCacheFollowsEdits(t *testing.T) {
	clock := cityTime(2026, time.December, 3, 11, 58)
	e := newCatalogEnv(t, clock, func(o *Options) { o.Now = func() time.Time { return clock } })
	url := serviceURL(e.ids["perso"])
	first := e.get(url)
	wantStatus(t, first, 200)
	if again := e.get(url); again.body != first.body {
		t.Fatal("the same anonymous view within a minute renders differently")
	}

	search := "/leistungen?q=Personalausweis"
	wantStatus(t, e.get(search), 200)

	cat := e.srv.opts.Services
	s, err := cat.PublicService(context.Background(), e.ids["perso"])
	if err != nil {
		t.Fatal(err)
	}
	c := s.Content
	c.Summary = "Ein ganz neuer Kurztext."
	admin := e.user("admin@example.org", true)
	if _, err := cat.Propose(context.Background(), org.Actor{UserID: admin.ID, PlatformAdmin: true}, s.ID, c, ""); err != nil {
		t.Fatal(err)
	}
	if res := e.get(url); !strings.Contains(res.body, "Ein ganz neuer Kurztext.") {
		t.Error("the service page still shows the text from before the published edit")
	}
	if res := e.get(search); !strings.Contains(res.body, "Ein ganz neuer Kurztext.") {
		t.Error("the search results still show the text from before the published edit")
	}

	cookie := e.login(e.user("kim@example.org", false))
	if res := e.get(url, cookie); query(res.doc, "nav form[action='/logout']") == nil {
		t.Error("a logged-in visitor got the anonymous copy of the page")
	}

	office := "/standorte/" + strconv.FormatInt(e.ids["kfz"], 10)
	before := e.get(office)
	clock = clock.Add(3 * time.Minute) // 12:01: the Kfz office closed at 12:00
	after := e.get(office)
	if before.body == after.body {
		t.Error("the office page did not change when the office closed")
	}
}
