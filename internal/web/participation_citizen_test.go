package web

import (
	"context"
	"encoding/xml"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"rathaus/internal/org"
	"rathaus/internal/participation"
)

// Tests of the citizen pages of participation (participation_citizen*.go)
// on the fixture of participation_fixture_test.go.

func pcIdeaURL(e *participationEnv, key string) string { return pcIdeaPath(e.ideas[key]) }

// pcFollow follows a redirect and returns the page it leads to.
func (e *participationEnv) pcFollow(res *response, c *http.Cookie) *response {
	e.t.Helper()
	wantStatus(e.t, res, http.StatusSeeOther)
	cs := []*http.Cookie{c}
	if f := cookie(res, flashCookie); f != nil {
		cs = append(cs, f)
	}
	loc, _, _ := strings.Cut(res.Header.Get("Location"), "#") // the browser keeps the fragment
	return e.get(loc, cs...)
}

func TestPCSpacesAndSpaceList(t *testing.T) {
	e := newParticipationEnv(t)
	res := e.get("/mitmachen")
	wantStatus(t, res, 200)
	for _, want := range []string{"/mitmachen/ideen", "/mitmachen/naechste-leistung"} {
		if query(res.doc, "#spaces a[href="+want+"]") == nil {
			t.Errorf("no link to %s", want)
		}
	}
	if query(res.doc, "nav a[href=/mitmachen]") == nil {
		t.Error("no navigation link to /mitmachen")
	}

	res = e.get("/mitmachen/ideen")
	wantStatus(t, res, 200)
	if got := text(query(res.doc, "#idea-count")); got != "3 Ideen" {
		t.Errorf("count %q, want 3 Ideen", got)
	}
	if got := text(query(res.doc, "#idee-"+strconv.FormatInt(e.ideas["radweg"], 10))); !strings.Contains(got, "2 Unterstützungen") || !strings.Contains(got, "Eingegangen") {
		t.Errorf("radweg row: %q", got)
	}
	if query(res.doc, "link[rel=alternate][type=application/atom+xml][href=/mitmachen/ideen/feed.atom]") == nil {
		t.Error("no feed link in the head")
	}
	if res := e.get("/mitmachen/ideen", e.login(e.max)); query(res.doc, "nav a[href=/amt/beteiligung]") != nil {
		t.Error("a citizen with a list of ideas sees the staff link")
	}
	res = e.get("/mitmachen/ideen?kategorie=Umwelt&status=planned")
	if got := texts(res.doc, "#idea-list h3"); len(got) != 1 || got[0] != "Mehr Bäume in der Innenstadt" {
		t.Errorf("filtered: %q", got)
	}
	if got := text(query(res.doc, "#idea-count")); got != "1 Idee" {
		t.Errorf("count %q, want 1 Idee", got)
	}
	res = e.get("/mitmachen/ideen?q=formulare")
	if got := texts(res.doc, "#idea-list h3"); len(got) != 1 || !strings.Contains(got[0], "Formulare") {
		t.Errorf("search: %q", got)
	}
	ctx := context.Background()
	for k := 0; k < 22; k++ {
		author := e.max.ID
		i := &participation.Idea{SpaceID: e.space.ID, Title: "Idee Nummer " + strconv.Itoa(k), Body: "Eine Idee mit genug Text darin.",
			AuthorID: &author, AuthorName: "Kernberg42", Status: participation.StatusReceived, Moderation: participation.Published,
			Version: 1, CreatedAt: testNow.Add(-time.Duration(k+1) * time.Hour), UpdatedAt: testNow}
		mustDo(t, e.part.Store.CreateIdea(ctx, i, participation.Effects{}))
	}
	res = e.get("/mitmachen/ideen?sortierung=supports")
	if n := len(queryAll(res.doc, "#idea-list li")); n != pcPageSize {
		t.Errorf("first page: %d ideas", n)
	}
	next := query(res.doc, "a[rel=next]")
	if next == nil || !strings.Contains(attrOf(next, "href"), "seite=2") || !strings.Contains(attrOf(next, "href"), "sortierung=supports") {
		t.Fatalf("no next page link keeping the order")
	}
	res = e.get(attrOf(next, "href"))
	if n := len(queryAll(res.doc, "#idea-list li")); n != 5 {
		t.Errorf("second page: %d ideas, want 5", n)
	}
}

func TestPCProposeNeedsNameThenSimilarStepThenPublishes(t *testing.T) {
	e := newParticipationEnv(t)
	nora := e.login(e.noname)
	res := e.get("/mitmachen/ideen/neu", nora)
	wantStatus(t, res, http.StatusSeeOther)
	loc := res.Header.Get("Location")
	if !strings.HasPrefix(loc, "/konto/name?") || !strings.Contains(loc, url.QueryEscape("/mitmachen/ideen/neu")) {
		t.Fatalf("no pseudonym: redirect to %q", loc)
	}
	res = e.postForm("/konto/name", url.Values{"pseudonym": {"x"}, "weiter": {"/mitmachen/ideen/neu"}}, nora)
	wantStatus(t, res, 400)
	if query(res.doc, "#error-summary a[href=#field-pseudonym]") == nil {
		t.Errorf("bad pseudonym: no linked error")
	}
	res = e.postForm("/konto/name", url.Values{"pseudonym": {"saalenixe"}, "weiter": {"/mitmachen/ideen/neu"}}, nora)
	wantStatus(t, res, 400) // taken, case-insensitively
	res = e.postForm("/konto/name", url.Values{"pseudonym": {"Nora vom Markt"}, "weiter": {"/mitmachen/ideen/neu"}}, nora)
	wantStatus(t, res, http.StatusSeeOther)
	if got := res.Header.Get("Location"); got != "/mitmachen/ideen/neu" {
		t.Fatalf("after the name: %q", got)
	}
	res = e.get("/mitmachen/ideen/neu", nora)
	wantStatus(t, res, 200)

	// Errors, linked to their fields.
	res = e.postForm("/mitmachen/ideen/neu", url.Values{"title": {"Kurz"}, "body": {"zu kurz"}, "category": {"Quatsch"}}, nora)
	wantStatus(t, res, 400)
	for _, f := range []string{"title", "body", "category"} {
		if query(res.doc, "#error-summary a[href=#field-"+f+"]") == nil || query(res.doc, "#field-"+f) == nil {
			t.Errorf("no linked error for %s", f)
		}
	}
	// Similar ideas first.
	idea := url.Values{"title": {"Radweg am Löbdergraben markieren"}, "body": {"Der Radweg am Löbdergraben braucht eine durchgehende Markierung."},
		"category": {"Verkehr"}, "place": {"Löbdergraben"}}
	res = e.postForm("/mitmachen/ideen/neu", idea, nora)
	wantStatus(t, res, 200)
	if query(res.doc, "#similar a[href="+pcIdeaURL(e, "radweg")+"]") == nil || query(res.doc, "#publish-anyway") == nil {
		t.Fatalf("no similar step with the radweg idea:\n%.3000s", res.body)
	}
	if v := attrOf(query(res.doc, "input[name=title]"), "value"); v != idea.Get("title") {
		t.Errorf("the similar step does not carry the title: %q", v)
	}
	idea.Set("schritt", "veroeffentlichen")
	res = e.postForm("/mitmachen/ideen/neu", idea, nora)
	page := e.pcFollow(res, nora)
	wantStatus(t, page, 200)
	if got := text(query(page.doc, "h1")); got != idea.Get("title") {
		t.Errorf("published idea page h1 %q", got)
	}
	if !strings.Contains(text(query(page.doc, "main")), "Nora vom Markt") || !strings.Contains(text(query(page.doc, "main")), "Löbdergraben") {
		t.Errorf("idea page lacks author or place")
	}
	if !strings.Contains(page.body, "Ihre Idee ist veröffentlicht") {
		t.Errorf("no success message")
	}
	// Nothing similar: published at once.
	res = e.postForm("/mitmachen/ideen/neu", url.Values{"title": {"Hundewiese im Paradies"}, "body": {"Eine eingezäunte Fläche für Hunde ohne Leine wäre schön."}}, nora)
	wantStatus(t, res, http.StatusSeeOther)
}

func TestPCPreModeratedIdeaVisibleToAuthorOnly(t *testing.T) {
	e := newParticipationEnv(t)
	erika := e.login(e.erika)
	res := e.get("/mitmachen/vorab/neu", erika)
	if query(res.doc, "#pre-moderation") == nil {
		t.Error("the form does not say that a moderator checks first")
	}
	res = e.postForm("/mitmachen/vorab/neu", url.Values{"title": {"Bänke am Saaleufer"}, "body": {"Am Saaleufer fehlen Sitzbänke für ältere Menschen."}}, erika)
	wantStatus(t, res, http.StatusSeeOther)
	path := res.Header.Get("Location")
	page := e.pcFollow(res, erika)
	wantStatus(t, page, 200)
	if query(page.doc, "#pending") == nil || query(page.doc, "#support-form") != nil {
		t.Errorf("the author's pending idea: no notice, or open for supports")
	}
	wantStatus(t, e.get(path), 404)
	wantStatus(t, e.get(path, e.login(e.max)), 404)
	if res := e.get("/mitmachen/vorab"); !strings.Contains(text(query(res.doc, "#idea-count")), "0 Ideen") {
		t.Errorf("the pending idea is listed")
	}
}

func TestPCSupportOnceWithdrawAndFollow(t *testing.T) {
	e := newParticipationEnv(t)
	id := e.ideas["formulare"]
	path := pcIdeaPath(id)
	anon := e.get(path)
	wantStatus(t, anon, 200)
	login := query(anon.doc, "#login-hint a")
	if login == nil || attrOf(login, "href") != "/login?next="+url.QueryEscape(path) {
		t.Errorf("anonymous: no login link back to the idea")
	}
	if query(anon.doc, "#support-form") != nil {
		t.Error("anonymous: a support button")
	}
	erika := e.login(e.erika)
	for k := 0; k < 2; k++ {
		res := e.postForm(path+"/unterstuetzung", url.Values{"an": {"1"}}, erika)
		wantStatus(t, res, http.StatusSeeOther)
	}
	if i := e.psIdea(id); i.Supports != 1 {
		t.Errorf("two supports by one account: %d", i.Supports)
	}
	page := e.get(path, erika)
	if got := text(query(page.doc, "#supports")); got != "1 Unterstützung" {
		t.Errorf("supports %q", got)
	}
	if !strings.Contains(text(query(page.doc, "#support-form")), "Sie unterstützen diese Idee") || query(page.doc, "#support-form input[name=an][value=0]") == nil {
		t.Errorf("after supporting: no state with a withdraw button")
	}
	res := e.postForm(path+"/unterstuetzung", url.Values{"an": {"0"}}, erika)
	wantStatus(t, res, http.StatusSeeOther)
	if i := e.psIdea(id); i.Supports != 0 {
		t.Errorf("after withdrawing: %d", i.Supports)
	}
	// Own idea: no button.
	page = e.get(path, e.login(e.max))
	if query(page.doc, "#support-form") != nil {
		t.Error("the author can support her own idea")
	}
	// Follow and stop.
	res = e.postForm(path+"/folgen", url.Values{"an": {"1"}}, erika)
	page = e.pcFollow(res, erika)
	if query(page.doc, "#folgen input[name=an][value=0]") == nil {
		t.Error("after following: no stop button")
	}
	if ok, _ := e.part.Store.Following(context.Background(), id, e.erika.ID); !ok {
		t.Error("not following")
	}
	e.postForm(path+"/folgen", url.Values{"an": {"0"}}, erika)
	if ok, _ := e.part.Store.Following(context.Background(), id, e.erika.ID); ok {
		t.Error("still following")
	}
	// Anonymous posts are refused.
	res = e.postForm(path+"/unterstuetzung", url.Values{"an": {"1"}})
	if res.StatusCode != 401 {
		t.Errorf("anonymous support: %d", res.StatusCode)
	}
}

func TestPCCommentsThreadedHiddenOfficialAndReport(t *testing.T) {
	e := newParticipationEnv(t)
	ctx := context.Background()
	id := e.ideas["radweg"]
	path := pcIdeaPath(id)
	max := e.login(e.max)
	res := e.postForm(path+"/kommentare", url.Values{"antwort_auf": {"0"}, "text": {"x"}}, max)
	wantStatus(t, res, 400)
	if query(res.doc, "#error-summary a[href=#field-kommentar]") == nil || query(res.doc, "#field-kommentar-error") == nil {
		t.Errorf("a too short comment: no linked error")
	}
	res = e.postForm(path+"/kommentare", url.Values{"antwort_auf": {"0"}, "text": {"Gute Idee, da fahre ich täglich."}}, max)
	wantStatus(t, res, http.StatusSeeOther)
	cs, _ := e.part.Store.FindComments(ctx, id, true)
	if len(cs) != 1 {
		t.Fatalf("comments: %d", len(cs))
	}
	top := cs[0].ID
	// The reply form without JavaScript.
	erika := e.login(e.erika)
	page := e.get(path+"?antwort="+strconv.FormatInt(top, 10), erika)
	form := query(page.doc, "#antworten form")
	if form == nil || query(page.doc, "#kommentar-"+strconv.FormatInt(top, 10)+" #antworten textarea[name=text]") == nil {
		t.Fatalf("no reply form under the comment")
	}
	res = e.postForm(path+"/kommentare", url.Values{"antwort_auf": {strconv.FormatInt(top, 10)}, "text": {"Danke, das sehe ich auch so."}}, erika)
	wantStatus(t, res, http.StatusSeeOther)
	_, err := e.part.Comment(ctx, org.Actor{UserID: e.answerer.ID}, id, &top, "Wir prüfen die Markierung.", "de")
	mustDo(t, err)
	hidden, err := e.part.Comment(ctx, org.Actor{UserID: e.max.ID}, id, nil, "Ein Beitrag, der nicht bleiben darf.", "de")
	mustDo(t, err)
	mustDo(t, e.part.Moderate(ctx, org.Actor{UserID: e.moderator.ID}, participation.TargetComment, hidden.ID, participation.Hidden, "Beleidigung"))

	page = e.get(path)
	li := "#kommentar-" + strconv.FormatInt(top, 10)
	replies := queryAll(page.doc, li+" ul li")
	if len(replies) != 2 {
		t.Fatalf("replies nested under the comment: %d", len(replies))
	}
	if got := text(replies[1]); !strings.Contains(got, "Offizielle Antwort") || !strings.Contains(got, "Büro für Bürgerbeteiligung") {
		t.Errorf("official reply: %q", got)
	}
	if got := text(query(page.doc, "#kommentar-"+strconv.FormatInt(hidden.ID, 10))); !strings.Contains(got, "Ausgeblendet: Beleidigung") || strings.Contains(got, "nicht bleiben") {
		t.Errorf("hidden comment: %q", got)
	}
	if a := query(page.doc, li+" a[href=/ideen/"+strconv.FormatInt(id, 10)+"/melden?kommentar="+strconv.FormatInt(top, 10)+"]"); a == nil {
		t.Error("no report link at the comment")
	}
	// Report the comment.
	rep := path + "/melden"
	res = e.get(rep+"?kommentar="+strconv.FormatInt(top, 10), erika)
	wantStatus(t, res, 200)
	res = e.postForm(rep, url.Values{"kommentar": {strconv.FormatInt(top, 10)}}, erika)
	wantStatus(t, res, 400)
	if query(res.doc, "#error-summary a[href=#field-reason-offensive]") == nil {
		t.Errorf("report without a reason: no linked error")
	}
	res = e.postForm(rep, url.Values{"kommentar": {strconv.FormatInt(top, 10)}, "reason": {"spam"}, "note": {"Werbung"}}, erika)
	wantStatus(t, res, http.StatusSeeOther)
	reports, _ := e.part.Store.FindReports(ctx, participation.ReportFilter{SpaceID: e.space.ID, Open: true})
	found := false
	for _, r := range reports {
		found = found || r.Target == participation.TargetComment && r.TargetID == top && r.Reason == "spam"
	}
	if !found {
		t.Errorf("the report is not stored: %+v", reports)
	}
	// Anonymous: to the login.
	res = e.get(rep)
	wantStatus(t, res, http.StatusSeeOther)
	// Without a name the comment form asks for one first.
	page = e.get(path, e.login(e.noname))
	if a := query(page.doc, "#kommentare a[href^=/konto/name]"); a == nil && !strings.Contains(page.body, "/konto/name?weiter=") {
		t.Error("no link to choose a name")
	}
}

func TestPCVotingLimitAndResults(t *testing.T) {
	e := newParticipationEnv(t)
	ctx := context.Background()
	author := e.erika.ID
	extra := &participation.Idea{SpaceID: e.process.ID, Title: "Anwohnerparkausweis online", Body: "Bitte als nächstes digitalisieren.",
		AuthorID: &author, AuthorName: "Saalenixe", Status: participation.StatusReceived, Moderation: participation.Published,
		Version: 1, CreatedAt: testNow.Add(-48 * time.Hour), UpdatedAt: testNow}
	mustDo(t, e.part.Store.CreateIdea(ctx, extra, participation.Effects{}))
	max := e.login(e.max)
	res := e.get("/mitmachen/naechste-leistung", max)
	wantStatus(t, res, 200)
	if cur := query(res.doc, "#phases li[aria-current=step]"); cur == nil || !strings.Contains(text(cur), "Abstimmen") {
		t.Errorf("current phase not marked")
	}
	if got := text(query(res.doc, "#votes-left")); !strings.Contains(got, "3 von 3") {
		t.Errorf("votes left: %q", got)
	}
	back := "/mitmachen/naechste-leistung"
	for _, key := range []string{"wohngeld", "kita", "sperrmuell"} {
		res = e.postForm(pcIdeaURL(e, key)+"/stimme", url.Values{"an": {"1"}, "zurueck": {back}}, max)
		wantStatus(t, res, http.StatusSeeOther)
		if got := res.Header.Get("Location"); got != back {
			t.Errorf("vote returns to %q", got)
		}
	}
	res = e.postForm(pcIdeaPath(extra.ID)+"/stimme", url.Values{"an": {"1"}, "zurueck": {back}}, max)
	page := e.pcFollow(res, max)
	if !strings.Contains(page.body, e.srv.tr.T("de", "error.participation.votes_used")) {
		t.Errorf("a fourth vote: no message")
	}
	if got := text(query(page.doc, "#votes-left")); !strings.Contains(got, "0 von 3") {
		t.Errorf("votes left after three: %q", got)
	}
	if n := len(queryAll(page.doc, "#idea-list input[name=an][value=0]")); n != 3 {
		t.Errorf("take-back buttons: %d", n)
	}
	if got := e.psIdea(extra.ID).Votes; got != 0 {
		t.Errorf("the fourth vote counted: %d", got)
	}
	mustDo(t, e.part.Store.Follow(ctx, extra.ID, e.max.ID, false))
	res = e.postForm(pcIdeaURL(e, "kita")+"/stimme", url.Values{"an": {"0"}, "zurueck": {back}}, max)
	wantStatus(t, res, http.StatusSeeOther)
	res = e.postForm(pcIdeaPath(extra.ID)+"/stimme", url.Values{"an": {"1"}}, max)
	wantStatus(t, res, http.StatusSeeOther)
	if got := e.psIdea(extra.ID).Votes; got != 1 {
		t.Errorf("the vote after taking one back: %d", got)
	}
	if _, err := e.part.Vote(ctx, e.erika.ID, e.ideas["wohngeld"], true); err != nil {
		t.Fatal(err)
	}

	// Results: not before the vote ends.
	res = e.get("/mitmachen/naechste-leistung/ergebnisse")
	wantStatus(t, res, 200)
	if query(res.doc, "#votes-later") == nil || query(res.doc, "#vote-table") != nil {
		t.Errorf("votes shown during the vote")
	}
	e.clock.t = testNow.Add(20 * 24 * time.Hour)
	res = e.get("/mitmachen/naechste-leistung/ergebnisse")
	rows := queryAll(res.doc, "#vote-table tbody tr")
	if len(rows) != 4 {
		t.Fatalf("vote table rows: %d", len(rows))
	}
	if got := text(rows[0]); !strings.Contains(got, "Wohngeld") || !strings.Contains(got, "2 Stimmen") || !strings.Contains(got, "50 %") {
		t.Errorf("first row: %q", got)
	}
}

func TestPCResultsFigures(t *testing.T) {
	e := newParticipationEnv(t)
	ctx := context.Background()
	// radweg reaches the threshold (3) and is answered in time.
	e.psSupporter("dritte@example.org", e.ideas["radweg"])
	e.clock.t = testNow.Add(2 * 24 * time.Hour)
	i := e.psIdea(e.ideas["radweg"])
	_, err := e.part.Answer(ctx, org.Actor{UserID: e.answerer.ID}, i.ID, i.Version, participation.StatusDone, "Die Spur ist markiert.", "de")
	mustDo(t, err)
	res := e.get("/mitmachen/ideen/ergebnisse")
	wantStatus(t, res, 200)
	got := text(query(res.doc, "#sentences"))
	for _, want := range []string{"Von 3 Ideen wurden 1 umgesetzt, 1 sind geplant oder in Umsetzung, 0 waren nicht möglich",
		"Alle 1 Ideen über der Schwelle wurden beantwortet, 1 davon fristgerecht", "Median"} {
		if !strings.Contains(got, want) {
			t.Errorf("sentences lack %q:\n%s", want, got)
		}
	}
	if n := len(queryAll(res.doc, "#status-table tbody tr")); n != len(participation.Statuses) {
		t.Errorf("status table rows: %d", n)
	}
	if n := len(queryAll(res.doc, "#answered li")); n != 2 {
		t.Errorf("answered ideas: %d", n)
	}
}

func TestPCAtomFeed(t *testing.T) {
	e := newParticipationEnv(t)
	res := e.get("/mitmachen/ideen/feed.atom")
	wantStatus(t, res, 200)
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/atom+xml") {
		t.Errorf("content type %q", ct)
	}
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Updated string   `xml:"updated"`
		Entries []struct {
			ID    string `xml:"id"`
			Title string `xml:"title"`
			Link  struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
			Updated string `xml:"updated"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(res.body), &feed); err != nil {
		t.Fatalf("not Atom XML: %v\n%.2000s", err, res.body)
	}
	if len(feed.Entries) != 4 { // three ideas and one answer
		t.Fatalf("entries: %d", len(feed.Entries))
	}
	ids := map[string]bool{}
	answer := false
	for _, en := range feed.Entries {
		if !strings.HasPrefix(en.Link.Href, "http://rathaus.test/ideen/") || en.ID == "" || en.Updated == "" || ids[en.ID] {
			t.Errorf("entry %+v", en)
		}
		ids[en.ID] = true
		answer = answer || strings.Contains(en.Title, "Geplant")
	}
	if !answer {
		t.Error("no entry for the answer")
	}
}

func TestPCAccountLinksToName(t *testing.T) {
	e := newParticipationEnv(t)
	res := e.get("/account", e.login(e.erika))
	wantStatus(t, res, 200)
	if query(res.doc, "main a[href=/konto/name]") == nil {
		t.Error("no link to the public name")
	}
	res = e.get("/konto/name", e.login(e.erika))
	if got := text(query(res.doc, "#current-name")); !strings.Contains(got, "Saalenixe") {
		t.Errorf("current name %q", got)
	}
}

func TestPCHiddenAndMergedIdeas(t *testing.T) {
	e := newParticipationEnv(t)
	ctx := context.Background()
	mod := org.Actor{UserID: e.moderator.ID}
	mustDo(t, e.part.Moderate(ctx, mod, participation.TargetIdea, e.ideas["formulare"], participation.Hidden, "Doppelt eingereicht"))
	res := e.get(pcIdeaURL(e, "formulare"))
	wantStatus(t, res, 200)
	main := text(query(res.doc, "main"))
	if !strings.Contains(main, "Ausgeblendet: Doppelt eingereicht") || strings.Contains(main, "Formulare") || strings.Contains(main, "Kernberg42") {
		t.Errorf("hidden idea shows more than its reason:\n%s", main)
	}
	if query(res.doc, "#support-form") != nil || query(res.doc, "#kommentieren") != nil {
		t.Error("a hidden idea is open for supports or comments")
	}
	mustDo(t, e.part.Merge(ctx, mod, e.ideas["baeume"], e.ideas["radweg"]))
	res = e.get(pcIdeaURL(e, "baeume"))
	if a := query(res.doc, "#merged a"); a == nil || attrOf(a, "href") != pcIdeaURL(e, "radweg") {
		t.Error("a merged idea does not link to the one it went into")
	}
	if got := text(query(res.doc, "#idea-count")); got != "" {
		t.Errorf("unexpected list on the idea page: %q", got)
	}
	res = e.get("/mitmachen/ideen")
	if got := text(query(res.doc, "#idea-count")); got != "1 Idee" {
		t.Errorf("list after hiding and merging: %q", got)
	}
}

func TestPCProposeClosedAndAnonymous(t *testing.T) {
	e := newParticipationEnv(t)
	res := e.get("/mitmachen/ideen/neu")
	wantStatus(t, res, http.StatusSeeOther)
	if got := res.Header.Get("Location"); got != "/login?next="+url.QueryEscape("/mitmachen/ideen/neu") {
		t.Errorf("anonymous: redirect to %q", got)
	}
	erika := e.login(e.erika)
	res = e.get("/mitmachen/naechste-leistung/neu", erika)
	wantStatus(t, res, 200)
	if query(res.doc, "#closed") == nil || query(res.doc, "#field-title") != nil {
		t.Error("a process in its vote offers the proposal form")
	}
	if res := e.get("/mitmachen/naechste-leistung"); query(res.doc, "#propose") != nil {
		t.Error("a process in its vote links to proposing")
	}
	res = e.postForm("/mitmachen/naechste-leistung/neu", url.Values{"title": {"Noch eine Leistung online"}, "body": {"Bitte auch diese Leistung digitalisieren."},
		"schritt": {"veroeffentlichen"}}, erika)
	wantStatus(t, res, http.StatusConflict)
	if query(res.doc, "#error-summary") == nil {
		t.Error("a proposal in the vote: no message")
	}
	wantStatus(t, e.get("/mitmachen/gibt-es-nicht"), 404)
	wantStatus(t, e.get("/ideen/999999"), 404)
}
