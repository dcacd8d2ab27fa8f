package web

import (
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"rathaus/internal/audit"
)

// TestSurveyJourney: staff build a survey with an account requirement,
// open it; a citizen answers with errors, then validly, and cannot
// answer twice; results stay with staff until the survey closes, then
// everybody sees the figures, but never the free texts; CSV for staff.
func TestSurveyJourney(t *testing.T) {
	e := newSurveyEnv(t)
	staff, citizen, stranger := e.login(e.staff), e.login(e.citizen), e.login(e.stranger)

	wantStatus(t, e.get("/admin/umfragen", stranger), http.StatusForbidden)
	res := e.postForm("/admin/umfragen/neu", url.Values{"org": {itoaID(e.unit.ID)}, "title_de": {" "}}, staff)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	if a := query(res.doc, "#error-summary a[href='#field-title_de']"); a == nil {
		t.Errorf("error summary without a link to the German title:\n%s", text(query(res.doc, "main")))
	}
	base := e.build(t, staff, "account")
	id := strings.TrimPrefix(base, "/admin/umfragen/")
	pub := "/umfragen/" + id

	// A question without options comes back with its error.
	res = e.postForm(base+"/fragen/neu?typ=single", url.Values{"label_de": {"Ohne Optionen"}, "options_de": {"Nur eine"}}, staff)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	if query(res.doc, "#error-summary a[href='#field-options_de']") == nil {
		t.Errorf("question without enough options: no error on the options")
	}
	// The draft is not public yet; staff preview it, nothing is stored.
	wantStatus(t, e.get(pub), http.StatusNotFound)
	wantStatus(t, e.get(base+"/vorschau", stranger), http.StatusForbidden)
	res = e.postForm(base+"/vorschau", url.Values{"q-q3": {"9"}}, staff)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	if n := len(queryAll(res.doc, "#error-summary a")); n != 2 {
		t.Errorf("preview with a wrong answer: %d errors, want 2", n)
	}
	wantStatus(t, e.postForm(base+"/vorschau", url.Values{"q-q1": {"0"}, "q-q3": {"2"}}, staff), http.StatusOK)
	if got, _ := e.srv.opts.Surveys.Store.Responses(context.Background(), 1); len(got) != 0 {
		t.Errorf("the preview stored %d responses", len(got))
	}
	res = e.get(base, staff)
	wantStatus(t, res, http.StatusOK)
	if n := len(queryAll(res.doc, "main table tbody tr")); n != 5 {
		t.Errorf("builder lists %d questions, want 5", n)
	}
	wantStatus(t, e.postForm(base+"/oeffnen", nil, staff), http.StatusSeeOther)
	entries, _ := e.db.FindAuditEntries(context.Background(), audit.Filter{Action: "survey.opened"})
	if len(entries) != 1 || *entries[0].ActorID != e.staff.ID {
		t.Errorf("audit entries of opening = %v, want one by the staff member", entries)
	}
	// Once open, the questions are fixed.
	wantStatus(t, e.postForm(base+"/fragen/q1/loeschen", nil, staff), http.StatusConflict)

	// The public list shows it, for staff with a link to the builder;
	// without an account it asks to log in.
	if query(e.get("/umfragen", staff).doc, "main a[href='/admin/umfragen']") == nil {
		t.Error("staff find no link to the builder on the survey list")
	}
	res = e.get("/umfragen")
	if query(res.doc, "main a[href='/admin/umfragen']") != nil {
		t.Error("the public sees a link to the builder")
	}
	if query(res.doc, "main a[href='"+pub+"']") == nil {
		t.Fatalf("open survey not in the list:\n%s", text(query(res.doc, "main")))
	}
	res = e.get(pub)
	if query(res.doc, "main form[method=post]") != nil || query(res.doc, "main a[href='/login?next=%2Fumfragen%2F"+id+"']") == nil {
		t.Errorf("account survey shows its form to an anonymous visitor, or no login link")
	}

	// Errors: the summary links to each question and names it.
	res = e.postForm(pub, url.Values{"q-q5-0": {"2"}}, citizen)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	links := queryAll(res.doc, "#error-summary a")
	if len(links) != 2 || attrOf(links[0], "href") != "#field-q-q1" || !strings.Contains(text(links[0]), "Haben Sie gefunden") {
		t.Fatalf("error summary: %d links, first %q %q", len(links), attrOf(links[0], "href"), text(links[0]))
	}
	if query(res.doc, "#field-q-q1") == nil || query(res.doc, "#field-q-q3") == nil || attrOf(links[1], "href") != "#field-q-q3" {
		t.Error("error summary targets missing on the page")
	}
	if query(res.doc, "input[name=q-q5-0][value='2'][checked]") == nil {
		t.Error("the matrix answer given was not kept")
	}
	answer := url.Values{"q-q1": {"0"}, "q-q2": {"0", "2"}, "q-q3": {"4"}, "q-q4": {"=HYPERLINK(\"x\")"}, "q-q5-0": {"3"}, "q-q5-1": {"2"}}
	res = e.postForm(pub, answer, citizen)
	wantStatus(t, res, http.StatusSeeOther)
	if res.Header.Get("Location") != pub+"/danke" {
		t.Errorf("after answering: to %s", res.Header.Get("Location"))
	}
	wantStatus(t, e.get(pub+"/danke", citizen), http.StatusOK)
	wantStatus(t, e.postForm(pub, answer, citizen), http.StatusConflict)
	res = e.get(pub, citizen)
	if query(res.doc, "main form[method=post]") != nil {
		t.Error("the answering form is offered again after answering")
	}
	second := url.Values{"q-q1": {"1"}, "q-q3": {"2"}}
	wantStatus(t, e.postForm(pub, second, e.login(e.user("max@example.org", false))), http.StatusSeeOther)

	// Results: staff only while open, then public without free texts.
	wantStatus(t, e.get(pub+"/ergebnisse"), http.StatusForbidden)
	res = e.get(pub+"/ergebnisse", staff)
	wantStatus(t, res, http.StatusOK)
	if !strings.Contains(text(query(res.doc, "main")), "=HYPERLINK") {
		t.Error("staff do not see the free text")
	}
	wantStatus(t, e.postForm(base+"/schliessen", nil, staff), http.StatusSeeOther)
	wantStatus(t, e.postForm(pub, second, e.login(e.user("late@example.org", false))), http.StatusConflict)
	res = e.get(pub + "/ergebnisse")
	wantStatus(t, res, http.StatusOK)
	main := text(query(res.doc, "main"))
	for _, want := range []string{"Teilnahmen insgesamt: 2", "Mittelwert 3,00", "Ja", "50,0 %"} {
		if !strings.Contains(main, want) {
			t.Errorf("public results lack %q:\n%s", want, main)
		}
	}
	if strings.Contains(main, "HYPERLINK") {
		t.Error("the public sees a free-text answer")
	}
	rows := queryAll(res.doc, "section table")
	if len(rows) != 4 {
		t.Errorf("results have %d tables, want 4 (single, multiple, scale, matrix)", len(rows))
	}
	first := queryAll(rows[0], "tbody tr")
	if len(first) != 2 || text(queryAll(first[0], "td")[0]) != "1" || text(queryAll(first[0], "td")[1]) != "50,0 %" {
		t.Errorf("first table's first row = %q", text(first[0]))
	}
	if queryAll(res.doc, "section svg[role=img] title") == nil {
		t.Error("no accessible chart")
	}

	// CSV for staff: a header row and a row per response, formulas defused.
	wantStatus(t, e.get(base+"/export", stranger), http.StatusForbidden)
	res = e.get(base+"/export", staff)
	wantStatus(t, res, http.StatusOK)
	if ct := res.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	recs, err := csv.NewReader(strings.NewReader(res.body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || len(recs[0]) != 2+4+2 || recs[0][2] != "Haben Sie gefunden, was Sie suchten?" || recs[0][7] != "Wie bewerten Sie …: die Texte" {
		t.Fatalf("CSV = %q", recs)
	}
	if got := recs[1][2:]; strings.Join(got, "|") != "Ja|Termine; Öffnungszeiten|4|'=HYPERLINK(\"x\")|3|2" {
		t.Errorf("CSV row = %q", got)
	}
	if !strings.Contains(res.body, "\r\n") {
		t.Error("CSV lines do not end in CRLF")
	}
}

// TestSurveyAnonymous: no account needed; a signed cookie refuses a
// second response from the same browser; nothing ties answers to people.
func TestSurveyAnonymous(t *testing.T) {
	e := newSurveyEnv(t)
	staff := e.login(e.staff)
	base := e.build(t, staff, "anonymous")
	wantStatus(t, e.postForm(base+"/oeffnen", nil, staff), http.StatusSeeOther)
	pub := "/umfragen/" + strings.TrimPrefix(base, "/admin/umfragen/")
	res := e.postForm(pub, url.Values{"q-q1": {"1"}, "q-q3": {"5"}})
	wantStatus(t, res, http.StatusSeeOther)
	c := cookie(res, "rathaus_umfrage_"+strings.TrimPrefix(base, "/admin/umfragen/"))
	if c == nil || !c.HttpOnly || strings.Contains(c.Value, "erika") {
		t.Fatalf("double-submit cookie = %v", c)
	}
	wantStatus(t, e.postForm(pub, url.Values{"q-q1": {"1"}, "q-q3": {"5"}}, c), http.StatusConflict)
	res = e.get(pub, c)
	if query(res.doc, "main form[method=post]") != nil {
		t.Error("the form is offered again in the same browser")
	}
	forged := &http.Cookie{Name: c.Name, Value: "MQ.forged"}
	res = e.get(pub, forged)
	if query(res.doc, "main form[method=post]") == nil {
		t.Error("a forged cookie counts as answered")
	}
	wantStatus(t, e.postForm(pub, url.Values{"q-q1": {"0"}, "q-q3": {"1"}}), http.StatusSeeOther)
	got, _ := e.srv.opts.Surveys.Store.Responses(context.Background(), 1)
	if len(got) != 2 {
		t.Errorf("responses = %d, want 2", len(got))
	}
}

// TestSurveyEmbed: the embed page has no site chrome; it may be framed
// only from the configured origins, and no other page may.
func TestSurveyEmbed(t *testing.T) {
	for _, tc := range []struct {
		origins []string
		want    string
	}{
		{nil, "frame-ancestors 'none'"},
		{[]string{"https://www.jena.de", "javascript:alert(1)", "https://x.de/path"}, "frame-ancestors https://www.jena.de"},
	} {
		e := newSurveyEnv(t, func(o *Options) { o.EmbedOrigins = tc.origins })
		staff := e.login(e.staff)
		base := e.build(t, staff, "anonymous")
		wantStatus(t, e.postForm(base+"/oeffnen", nil, staff), http.StatusSeeOther)
		pub := "/umfragen/" + strings.TrimPrefix(base, "/admin/umfragen/")
		res := e.get(pub + "/einbetten")
		wantStatus(t, res, http.StatusOK)
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.HasSuffix(csp, tc.want) {
			t.Errorf("embed CSP with %v = %q, want it to end in %q", tc.origins, csp, tc.want)
		}
		if (tc.origins == nil) != (res.Header.Get("X-Frame-Options") == "DENY") {
			t.Errorf("X-Frame-Options with %v = %q", tc.origins, res.Header.Get("X-Frame-Options"))
		}
		if query(res.doc, "header, nav, footer") != nil || query(res.doc, "form[target=_top][action='"+pub+"']") == nil {
			t.Errorf("embed page has site chrome or no form to this site")
		}
		if got := e.get(pub).Header.Get("Content-Security-Policy"); !strings.HasSuffix(got, "frame-ancestors 'none'") {
			t.Errorf("the survey page itself may be framed: %q", got)
		}
	}
}
