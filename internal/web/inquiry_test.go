package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"rathaus/internal/catalog"
	"rathaus/internal/inquiry"
	"rathaus/internal/mail"
)

const (
	inquiryDog   = "Ich möchte meinen Hund anmelden. Wie hoch ist die Hundesteuer?"
	inquiryVague = "Hallo, ich habe eine Frage."
	inquiryLamp  = "Die Straßenlaterne in der Karl-Liebknecht-Straße ist seit einer Woche kaputt."
)

func countInquiries(t *testing.T, e *inquiryEnv) int {
	t.Helper()
	_, n, err := e.db.FindInquiries(context.Background(), inquiry.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestInquiryFormWithoutJS(t *testing.T) {
	e := newInquiryEnv(t)
	res := e.get("/anliegen")
	wantStatus(t, res, 200)
	if query(res.doc, "form[action='/anliegen'][method=post] textarea#field-body[name=body]") == nil ||
		query(res.doc, "input#field-email[type=email]") == nil || !strings.Contains(res.body, "180 Tage") {
		t.Fatalf("form without message field, e-mail field or the retention period:\n%s", res.body)
	}
	if query(e.get("/").doc, "main a[href='/anliegen']") == nil || query(res.doc, "footer a[href='/anliegen']") == nil {
		t.Error("no link to the form on the home page or in the footer")
	}

	res = e.postForm("/anliegen", url.Values{"subject": {"Hund"}, "body": {"  "}, "email": {"erika@"}})
	wantStatus(t, res, http.StatusBadRequest)
	if query(res.doc, "#error-summary a[href='#field-body']") == nil || query(res.doc, "#error-summary a[href='#field-email']") == nil ||
		attrOf(query(res.doc, "#field-subject"), "value") != "Hund" {
		t.Errorf("bad input: no error summary for body and e-mail, or the subject was lost:\n%s", res.body)
	}
	if n := countInquiries(t, e); n != 0 {
		t.Errorf("%d messages stored after bad input", n)
	}

	res = e.postForm("/anliegen", url.Values{"body": {inquiryDog}, "email": {"erika@example.org"}})
	wantStatus(t, res, http.StatusSeeOther)
	c := cookie(res, inquiryCookie)
	if res.Header.Get("Location") != "/anliegen/eingegangen" || c == nil {
		t.Fatalf("submit redirects to %q with cookie %v", res.Header.Get("Location"), c)
	}
	res = e.get("/anliegen/eingegangen", c)
	wantStatus(t, res, 200)
	if got := text(query(res.doc, "#inquiry-reference")); got != "A-2026-000001" {
		t.Errorf("reference on the confirmation = %q", got)
	}
	if !strings.Contains(text(query(res.doc, "#inquiry-routed")), "Stadtverwaltung Jena") {
		t.Errorf("confirmation does not name the team:\n%s", res.body)
	}
	if res := e.get("/anliegen/eingegangen"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("confirmation without the cookie: %d, want a redirect to the form", res.StatusCode)
	}
}

func TestInquiryStaffTriageAssignReply(t *testing.T) {
	e := newInquiryEnv(t)
	lamp := e.submit(inquiryLamp, "erika@example.org")
	if lamp.Status != inquiry.StatusTriage {
		t.Fatalf("street light: %s, want triage", lamp.Status)
	}
	office, kfz := e.login(e.office), e.login(e.kfz)

	if res := e.get("/amt/anliegen"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("anonymous queue: %d, want a redirect to the login", res.StatusCode)
	}
	if res := e.get("/amt/anliegen", e.login(e.citizen)); res.StatusCode != http.StatusForbidden {
		t.Errorf("citizen's queue: %d, want 403", res.StatusCode)
	}
	res := e.get("/amt/anliegen", office)
	wantStatus(t, res, 200)
	view := inquiryStaffURL(lamp.ID)
	if query(res.doc, "#inquiry-queue a[href='"+view+"']") == nil || query(res.doc, "nav a[href='/amt/anliegen'][aria-current=page]") == nil {
		t.Fatalf("triage queue without the message or the nav link:\n%s", res.body)
	}
	if res := e.get(view, kfz); res.StatusCode != http.StatusNotFound {
		t.Errorf("Kfz worker opens a triage message: %d, want 404", res.StatusCode)
	}

	res = e.get(view, office)
	wantStatus(t, res, 200)
	if !strings.Contains(text(query(res.doc, "#inquiry-suggestion")), "weil:") || query(res.doc, "textarea#field-reply[data-plainlang]") == nil ||
		!strings.Contains(res.body, "erika@example.org") {
		t.Errorf("staff view lacks suggestion with words, plain-language reply field or contact:\n%s", res.body)
	}
	v := strconv.Itoa(lamp.Version)

	// Reply first (with an error), then assign away.
	res = e.postForm(view+"/antworten", url.Values{"version": {v}, "reply": {" "}}, office)
	wantStatus(t, res, http.StatusBadRequest)
	if query(res.doc, "#error-summary a[href='#field-reply']") == nil {
		t.Errorf("empty reply: no error summary")
	}
	res = e.postForm(view+"/antworten", url.Values{"version": {v}, "reply": {"Wir geben das an den Kommunalservice weiter."}}, office)
	wantStatus(t, res, http.StatusSeeOther)
	if ms, _ := e.db.FindMessages(context.Background(), mail.Filter{To: "erika@example.org"}); len(ms) != 1 || !strings.Contains(ms[0].Subject, lamp.Reference) {
		t.Errorf("reply mails = %v", ms)
	}
	ksj := strconv.FormatInt(e.ids["kommunalservice-jena"], 10)
	res = e.postForm(view+"/zuordnen", url.Values{"version": {v}, "org": {ksj}, "category": {"abfall"}}, office)
	wantStatus(t, res, http.StatusConflict) // the reply changed the version
	res = e.postForm(view+"/zuordnen", url.Values{"version": {strconv.Itoa(lamp.Version + 1)}, "org": {"999999"}, "category": {"abfall"}}, office)
	wantStatus(t, res, http.StatusBadRequest)
	if query(res.doc, "#error-summary a[href='#field-org']") == nil {
		t.Errorf("unknown unit: no error summary")
	}
	res = e.postForm(view+"/zuordnen", url.Values{"version": {strconv.Itoa(lamp.Version + 1)}, "org": {ksj}, "category": {"abfall"}}, office)
	wantStatus(t, res, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); loc != "/amt/anliegen" {
		t.Errorf("after assigning away: redirect to %q, want the queue", loc)
	}
	cs, err := e.db.FindCorrections(context.Background())
	if err != nil || len(cs) != 1 || cs[0].Text != inquiryLamp {
		t.Errorf("corrections = %+v, %v", cs, err)
	}
	if sg, _ := e.srv.opts.Inquiries.Router.Suggest(context.Background(), "Eine Straßenlaterne ist kaputt."); sg.OrgID == nil || *sg.OrgID != e.ids["kommunalservice-jena"] {
		t.Errorf("after the correction a street light goes to %v", sg.OrgID)
	}
}

func TestInquiryClose(t *testing.T) {
	e := newInquiryEnv(t)
	q := e.submit(inquiryVague, "")
	office := e.login(e.office)
	view := inquiryStaffURL(q.ID)
	if res := e.get(view, office); query(res.doc, "#inquiry-unreachable") == nil {
		t.Error("no note that a reply cannot be sent")
	}
	res := e.postForm(view+"/abschliessen", url.Values{"version": {strconv.Itoa(q.Version)}}, office)
	wantStatus(t, res, http.StatusSeeOther)
	res = e.get("/amt/anliegen?queue=triage&closed=1", office)
	wantStatus(t, res, 200)
	if query(res.doc, "#inquiry-queue") != nil {
		t.Error("triage queue lists a closed message")
	}
	res = e.get(view, office)
	if res.StatusCode != http.StatusNotFound {
		// Closed messages leave triage; the office still works its own queue.
		wantStatus(t, res, 200)
		if query(res.doc, "#reply-form") != nil {
			t.Error("a closed message offers a reply")
		}
	}
}

func TestInquiryAPI(t *testing.T) {
	e := newInquiryEnv(t)
	doc := loadOpenAPI(t)
	out := e.api(doc, "POST", "/api/v1/inquiries", `{"body":"`+inquiryDog+`"}`, "", 201)
	if out["reference"] != "A-2026-000001" || out["status"] != "open" || out["unit"] == nil {
		t.Errorf("receipt = %v", out)
	}
	out = e.api(doc, "POST", "/api/v1/inquiries", `{"body":"","email":"x@"}`, "", 400)
	if errs, _ := out["error"].(map[string]any); errs == nil || len(errs["fields"].([]any)) != 2 {
		t.Errorf("bad input = %v, want two field errors", out)
	}
	e.api(doc, "POST", "/api/v1/inquiries", `{"body":"x","phone":"1"}`, "", 400)
	e.api(doc, "POST", "/api/v1/inquiries", `{"body":"`+inquiryLamp+`"}`, "", 201)
	if n := countInquiries(t, e); n != 2 {
		t.Errorf("%d messages stored, want 2", n)
	}

	office, kfz := e.token(e.office), e.token(e.kfz)
	e.api(doc, "GET", "/api/v1/inquiries?queue=triage", "", "", 401)
	e.api(doc, "GET", "/api/v1/inquiries", "", office, 400)
	e.api(doc, "GET", "/api/v1/inquiries?queue=triage", "", kfz, 403)
	list := e.api(doc, "GET", "/api/v1/inquiries?queue=triage", "", office, 200)
	items, _ := list["inquiries"].([]any)
	if len(items) != 1 || list["total"] != 1.0 {
		t.Fatalf("triage list = %v", list)
	}
	lamp := items[0].(map[string]any)
	id := strconv.FormatFloat(lamp["id"].(float64), 'f', 0, 64)
	ksj := strconv.FormatInt(e.ids["kommunalservice-jena"], 10)
	got := e.api(doc, "POST", "/api/v1/inquiries/"+id+"/assign", `{"org_id":`+ksj+`,"category":"abfall","version":2}`, office, 200)
	if got["status"] != "open" || got["category"] != "abfall" {
		t.Errorf("assigned = %v", got)
	}
	e.api(doc, "POST", "/api/v1/inquiries/"+id+"/assign", `{"org_id":`+ksj+`,"version":2}`, office, 404) // no longer the office's
	if n, _, _ := e.db.CorrectionsState(context.Background()); n != 1 {
		t.Errorf("%d corrections, want 1", n)
	}
}

// TestInquiryFlood: a client sending very many messages is stopped, on
// the form and the API alike; nothing more is stored.
func TestInquiryFlood(t *testing.T) {
	e := newInquiryEnv(t)
	doc := loadOpenAPI(t)
	for i := range inquiryPerClient {
		if i%2 == 0 {
			wantStatus(t, e.postForm("/anliegen", url.Values{"body": {inquiryVague}}), http.StatusSeeOther)
		} else {
			e.api(doc, "POST", "/api/v1/inquiries", `{"body":"`+inquiryVague+`"}`, "", 201)
		}
	}
	res := e.postForm("/anliegen", url.Values{"body": {inquiryVague}})
	wantStatus(t, res, http.StatusTooManyRequests)
	if !strings.Contains(res.body, "in einer Stunde") {
		t.Errorf("flood page without the translated reason:\n%.2000s", res.body)
	}
	e.api(doc, "POST", "/api/v1/inquiries", `{"body":"`+inquiryVague+`"}`, "", 429)
	if n := countInquiries(t, e); n != inquiryPerClient {
		t.Errorf("%d messages stored, want %d", n, inquiryPerClient)
	}
}

// TestInquiryHandoverInTriage: a conversation the assistant hands over
// lands in triage, and its page links the services it was about.
func TestInquiryHandoverInTriage(t *testing.T) {
	e := newInquiryEnv(t)
	ctx := context.Background()
	res, err := e.srv.opts.Services.Search(ctx, catalog.SearchQuery{Text: "Hundesteuer", Limit: 1})
	if err != nil || len(res.Items) == 0 {
		t.Fatalf("no dog service: %v", err)
	}
	dog := res.Items[0].Service
	ref, err := e.srv.opts.Inquiries.Handover(ctx, "de", "Frage: "+inquiryDog, []int64{dog.ID}, "", "erika@example.org", nil, "Bitte rufen Sie zurück.")
	if err != nil {
		t.Fatal(err)
	}
	q, err := e.srv.opts.Inquiries.ByReference(ctx, ref)
	if err != nil || q.Status != inquiry.StatusTriage {
		t.Fatalf("handover %s: %v, %v; want it in triage", ref, q, err)
	}
	page := e.get(inquiryStaffURL(q.ID), e.login(e.office))
	wantStatus(t, page, 200)
	if link := query(page.doc, "#inquiry-services a[href='"+serviceURL(dog.ID)+"']"); link == nil || text(link) != dog.Name {
		t.Errorf("the page does not link the service %q:\n%s", dog.Name, page.body)
	}
}
