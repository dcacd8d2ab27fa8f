package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	fb "rathaus/internal/feedback"
	"rathaus/internal/org"
	"rathaus/internal/processlog"
)

// withFeedbackService gives the server page and satisfaction feedback on
// its database, on the server's clock.
func withFeedbackService(o *Options) {
	o.Feedback = &fb.Service{Store: any(o.Audit).(fb.Store), Secret: "test-secret", Location: berlin,
		Now: func() time.Time { return o.Now() }}
}

func TestFeedbackHelpfulWithoutJS(t *testing.T) {
	e := newCatalogEnv(t, testNow, withFeedbackService)
	id := e.ids["perso"]
	page := serviceURL(id)
	res := e.get(page)
	wantStatus(t, res, 200)
	form := query(res.doc, "form[action='/feedback/seite'][method=post]")
	if form == nil || query(form, "input[type=hidden][name=service][value='"+strconv.FormatInt(id, 10)+"']") == nil ||
		query(form, "button[name=hilfreich][value=ja]") == nil || query(form, "button[name=hilfreich][value=nein]") == nil {
		t.Fatalf("service page has no plain yes/no form:\n%s", res.body)
	}

	res = e.postForm("/feedback/seite", url.Values{"service": {strconv.FormatInt(id, 10)}, "hilfreich": {"ja"}})
	wantStatus(t, res, http.StatusSeeOther)
	thanks := res.Header.Get("Location")
	c := cookie(res, feedbackCookie)
	if thanks != helpfulThanksURL(id) || c == nil {
		t.Fatalf("answer redirects to %q with cookie %v", thanks, c)
	}
	res = e.get(thanks, c)
	wantStatus(t, res, 200)
	if !strings.Contains(res.body, "Vielen Dank für Ihre Rückmeldung") || query(res.doc, "form textarea[name=comment][maxlength='1000']") == nil ||
		!strings.Contains(res.body, "keine persönlichen Daten") {
		t.Fatalf("thanks page offers no comment with the privacy warning:\n%s", res.body)
	}
	res = e.postForm("/feedback/seite/"+strconv.FormatInt(id, 10)+"/kommentar", url.Values{"comment": {"Die Öffnungszeiten fehlen."}}, c)
	wantStatus(t, res, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); loc != page {
		t.Errorf("comment redirects to %q, want the service page", loc)
	}

	// The same visitor again the same day: ignored, said so, no comment.
	res = e.postForm("/feedback/seite", url.Values{"service": {strconv.FormatInt(id, 10)}, "hilfreich": {"nein"}})
	wantStatus(t, res, http.StatusSeeOther)
	res = e.get(thanks, cookie(res, feedbackCookie))
	if !strings.Contains(res.body, "Ihre Antwort liegt uns schon vor") || query(res.doc, "textarea") != nil {
		t.Errorf("repeat answer page:\n%s", res.body)
	}
	// Another visitor counts.
	r := postFrom(e, "/feedback/seite", url.Values{"service": {strconv.FormatInt(id, 10)}, "hilfreich": {"nein"}}, "198.51.100.4:5555")
	wantStatus(t, r, http.StatusSeeOther)

	counts, err := e.db.HelpfulCounts(context.Background(), fb.Filter{ServiceIDs: []int64{id}})
	if err != nil || len(counts) != 1 || counts[0].Yes != 1 || counts[0].No != 1 {
		t.Errorf("counts = %+v, %v; want one yes (the repeat ignored) and one no", counts, err)
	}
	cs, _ := e.db.Comments(context.Background(), fb.Filter{})
	if len(cs) != 1 || cs[0].Text != "Die Öffnungszeiten fehlen." {
		t.Errorf("comments = %+v", cs)
	}
	// The cached page is the same for everyone: no trace of the answers.
	if a, b := e.get(page), e.get(page); a.body != b.body || strings.Contains(a.body, "Vielen Dank") {
		t.Error("the service page differs between anonymous visitors or shows the answer")
	}
}

// postFrom sends a same-origin form post from the client address addr.
func postFrom(e *catalogEnv, path string, values url.Values, addr string) *response {
	r, _ := http.NewRequest("POST", path, strings.NewReader(values.Encode()))
	r.RemoteAddr = addr
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Sec-Fetch-Site", "same-origin")
	return e.do(r)
}

func TestFeedbackHelpfulRejects(t *testing.T) {
	e := newCatalogEnv(t, testNow, withFeedbackService)
	id := strconv.FormatInt(e.ids["perso"], 10)
	wantStatus(t, e.postForm("/feedback/seite", url.Values{"service": {id}, "hilfreich": {"vielleicht"}}), http.StatusBadRequest)
	wantStatus(t, e.postForm("/feedback/seite", url.Values{"service": {strconv.FormatInt(e.ids["archiviert"], 10)}, "hilfreich": {"ja"}}), http.StatusNotFound)
	// A comment needs the cookie of a fresh answer.
	wantStatus(t, e.postForm("/feedback/seite/"+id+"/kommentar", url.Values{"comment": {"Hallo"}}), http.StatusConflict)
	res := e.postForm("/feedback/seite", url.Values{"service": {id}, "hilfreich": {"ja"}})
	res = e.postForm("/feedback/seite/"+id+"/kommentar", url.Values{"comment": {strings.Repeat("x", 1001)}}, cookie(res, feedbackCookie))
	wantStatus(t, res, http.StatusBadRequest)
	if query(res.doc, "a[href='#field-comment']") == nil || query(res.doc, "textarea[aria-invalid=true]") == nil {
		t.Errorf("too long comment shows no error:\n%s", res.body)
	}
}

func TestFeedbackSatisfactionAfterApplication(t *testing.T) {
	e := newCasesEnv(t, withFeedbackService)
	c := e.submitParking(t)
	me := e.login(e.citizen)
	res := e.get(myCaseURL(c.ID)+"/eingegangen", me)
	wantStatus(t, res, 200)
	action := "/feedback/zufriedenheit/antrag/" + strconv.FormatInt(c.ID, 10)
	form := query(res.doc, "form[action='"+action+"'][method=post]")
	if form == nil || len(queryAll(form, "input[type=radio][name=rating]")) != 5 || query(form, "label[for=field-rating]") == nil ||
		!strings.Contains(textOf(form), "Sehr zufrieden") || query(form, "textarea[name=comment][maxlength='1000']") == nil {
		t.Fatalf("confirmation page has no satisfaction form with labelled choices:\n%s", res.body)
	}

	res = e.postForm(action, url.Values{"comment": {"Ging schnell"}}, me)
	wantStatus(t, res, http.StatusBadRequest)
	if query(res.doc, "a[href='#field-rating']") == nil || query(res.doc, "textarea[name=comment]") == nil ||
		!strings.Contains(res.body, "Ging schnell") {
		t.Errorf("missing rating gives no error or loses the comment:\n%s", res.body)
	}
	res = e.postForm(action, url.Values{"rating": {"4"}, "comment": {"Ging schnell"}}, me)
	wantStatus(t, res, http.StatusSeeOther)
	if res.Header.Get("Location") != action {
		t.Errorf("answer redirects to %q", res.Header.Get("Location"))
	}
	res = e.get(action, me)
	wantStatus(t, res, 200)
	if query(res.doc, "input[name=rating][value='4'][checked]") == nil || !strings.Contains(res.body, "Ihre Antwort liegt uns vor") {
		t.Errorf("the answer page does not show the answer given:\n%s", res.body)
	}
	// A second answer changes the first.
	res = e.postForm(action, url.Values{"rating": {"2"}}, me)
	wantStatus(t, res, http.StatusSeeOther)
	if res = e.get(action, me, cookie(res, flashCookie)); !strings.Contains(res.body, "Ihre Antwort wurde geändert") {
		t.Errorf("a changed answer is not confirmed as changed:\n%s", res.body)
	}
	got, err := e.db.FindSatisfaction(context.Background(), fb.Subject{Kind: fb.KindCase, ID: c.ID})
	if err != nil || got.Rating != 2 || got.Comment != "" || got.ServiceID != e.svc["parken"] {
		t.Errorf("stored answer = %+v, %v", got, err)
	}
	evs, _ := e.db.FindEvents(context.Background(), processlog.Filter{Process: fb.Process})
	if len(evs) != 2 || evs[1].Attrs["rating"] != "2" {
		t.Errorf("process events = %+v, want two answers", evs)
	}

	// Nobody else answers about the case.
	other := e.login(e.worker)
	wantStatus(t, e.postForm(action, url.Values{"rating": {"5"}}, other), http.StatusNotFound)
	wantStatus(t, e.postForm(action, url.Values{"rating": {"5"}}), http.StatusUnauthorized)
	wantStatus(t, e.get("/feedback/zufriedenheit/meldung/1", me), http.StatusNotFound)
}

// feedbackOwner is a service owner of the cases fixture's unit
// buergerservice (services "parken" and "hund", not "trauung").
func feedbackOwner(t *testing.T, e *casesEnv) *http.Cookie {
	t.Helper()
	u := e.user("olga@example.org", false)
	if _, err := e.srv.opts.Orgs.Grant(context.Background(), nil, u.ID, org.RoleServiceOwner, e.unit.ID); err != nil {
		t.Fatal(err)
	}
	return e.login(u)
}

func TestFeedbackResults(t *testing.T) {
	e := newCasesEnv(t, withFeedbackService)
	e.srv.opts.Services.Orgs = e.srv.opts.Orgs // as the application wires it: owners edit by unit
	ctx := context.Background()
	svc := e.srv.opts.Feedback
	parken, trauung := e.svc["parken"], e.svc["trauung"]
	for i, yes := range []bool{true, true, false} {
		if _, _, err := svc.AnswerPage(ctx, fb.PageAnswer{ServiceID: parken, Helpful: yes, Client: "192.0.2." + strconv.Itoa(i)}); err != nil {
			t.Fatal(err)
		}
	}
	answer := func(id int64, service int64, rating int, comment string) {
		t.Helper()
		if _, _, err := svc.Answer(ctx, fb.Answer{Subject: fb.Subject{Kind: fb.KindCase, ID: id}, ServiceID: service, Rating: rating, Comment: comment}); err != nil {
			t.Fatal(err)
		}
	}
	e.clock.Set(testNow.AddDate(0, 0, -100))
	answer(90, parken, 1, "Alte Beschwerde")
	e.clock.Set(testNow)
	answer(91, parken, 5, "")
	answer(92, parken, 2, "Formular unklar")
	answer(93, trauung, 1, "Standesamt-Kommentar")

	// A case worker without the service owner role may not look.
	wantStatus(t, e.get("/amt/zufriedenheit", e.login(e.worker)), http.StatusForbidden)
	wantStatus(t, e.get("/amt/zufriedenheit.csv", e.login(e.worker)), http.StatusForbidden)

	owner := feedbackOwner(t, e)
	res := e.get("/amt/zufriedenheit?zeitraum=30", owner)
	wantStatus(t, res, 200)
	sec := query(res.doc, "section[aria-labelledby='svc-"+strconv.FormatInt(parken, 10)+"']")
	if sec == nil {
		t.Fatalf("no section for parken:\n%s", res.body)
	}
	body := textOf(sec)
	for _, want := range []string{"Ja: 2 (67 %), Nein: 1 (33 %)", "Mittelwert 3,50 von 5 aus 2 Antworten"} {
		if !strings.Contains(body, want) {
			t.Errorf("parken's figures lack %q:\n%s", want, body)
		}
	}
	rows := queryAll(sec, "table tbody tr")
	if len(rows) != 5 || !strings.Contains(textOf(rows[0]), "Sehr zufrieden") || !strings.Contains(textOf(rows[0]), "1") ||
		!strings.Contains(textOf(rows[0]), "50 %") || query(sec, "svg[role=img] title") == nil {
		t.Errorf("distribution table or chart wrong:\n%s", body)
	}
	if strings.Contains(res.body, "Standesamt-Kommentar") || query(res.doc, "section[aria-labelledby='svc-"+strconv.FormatInt(trauung, 10)+"']") != nil {
		t.Error("the owner sees feedback of another unit's service")
	}
	if !strings.Contains(res.body, "Formular unklar") || strings.Contains(res.body, "Alte Beschwerde") {
		t.Error("the comments of the last 30 days are not shown, or older ones are")
	}
	res = e.get("/amt/zufriedenheit?zeitraum=0", owner)
	if !strings.Contains(res.body, "Alte Beschwerde") || !strings.Contains(res.body, "aus 3 Antworten") {
		t.Error("the whole period does not include the older answer")
	}
	if strings.Index(res.body, "Formular unklar") > strings.Index(res.body, "Alte Beschwerde") {
		t.Error("comments are not newest first")
	}

	res = e.get("/amt/zufriedenheit.csv?zeitraum=30&leistung="+strconv.FormatInt(parken, 10), owner)
	wantStatus(t, res, 200)
	if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") ||
		!strings.Contains(res.body, strconv.FormatInt(parken, 10)+",Bewohnerparkausweis beantragen,2,1,67,2,3.50,0,1,0,0,1") {
		t.Errorf("CSV =\n%s", res.body)
	}

	// A platform admin sees every service.
	res = e.get("/amt/zufriedenheit", e.login(e.user("root@example.org", true)))
	wantStatus(t, res, 200)
	if !strings.Contains(res.body, "Standesamt-Kommentar") {
		t.Error("a platform admin does not see all services")
	}
	// Comments never show on public pages.
	if res := e.get(serviceURL(parken)); strings.Contains(res.body, "Formular unklar") {
		t.Error("a comment shows on the public service page")
	}
}

func TestFeedbackSatisfactionAfterAppointment(t *testing.T) {
	e := newAppointmentEnv(t, withFeedbackService)
	b, manage := e.bookNow(t, "erika@example.org", e.firstSlot(t, "perso"))
	res := e.get("/termine/bestaetigt?t=" + url.QueryEscape(manage))
	wantStatus(t, res, 200)
	action := satisfactionURL("termin", b.ID, manage)
	if query(res.doc, "form[action='"+action+"'] input[name=rating][value='5']") == nil {
		t.Fatalf("confirmed appointment has no satisfaction form posting to %s:\n%s", action, res.body)
	}
	res = e.postForm(action, url.Values{"rating": {"5"}, "comment": {"Termin schnell gefunden."}})
	wantStatus(t, res, http.StatusSeeOther)
	got, err := e.db.FindSatisfaction(context.Background(), fb.Subject{Kind: fb.KindAppointment, ID: b.ID})
	if err != nil || got.Rating != 5 || got.ServiceID != e.ids["perso"] || got.Comment != "Termin schnell gefunden." {
		t.Errorf("stored answer = %+v, %v", got, err)
	}
	// Without the management link's secret nobody answers.
	wantStatus(t, e.postForm(satisfactionURL("termin", b.ID, "falsch"), url.Values{"rating": {"1"}}), http.StatusNotFound)
	wantStatus(t, e.postForm(satisfactionURL("termin", b.ID+1, manage), url.Values{"rating": {"1"}}), http.StatusNotFound)
}
