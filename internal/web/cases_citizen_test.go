package web

import (
	"bytes"
	"context"
	"encoding/xml"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"rathaus/internal/cases"
	"rathaus/internal/org"
)

// A citizen with an account applies for a residents' parking permit page
// by page: wrong answers come back with an error summary and are not
// saved, a disguised HTML file is refused, the answers are checked, a
// double submit makes one case, and the confirmation shows the reference,
// the receipt and the GiroCode.
func TestApplyParkingWithAccount(t *testing.T) {
	e := newCasesEnv(t)
	b := e.browser(t, e.login(e.citizen))
	base := "/antrag/" + sid(e, "parken")

	res := b.get(base)
	wantStatus(t, res, 200)
	if got := text(query(res.doc, "h1")); got != "Anwohnerparkausweis beantragen" {
		t.Errorf("h1 = %q", got)
	}
	if query(res.doc, "input#field-profil[type=checkbox]") == nil {
		t.Error("no consent checkbox for the profile data")
	}
	if !strings.Contains(res.body, "30,60 €") || !strings.Contains(res.body, "14 Tagen") {
		t.Error("start page lacks the fee or the decision time")
	}
	loc := follow(t, b.post(base, url.Values{"profil": {"ja"}}))
	if pathOnly(loc) != base+"/vehicle" || !strings.Contains(loc, "entwurf=") {
		t.Fatalf("start leads to %q", loc)
	}
	draftID := strings.SplitN(loc, "entwurf=", 2)[1]
	d := url.Values{"entwurf": {draftID}}
	with := func(kv ...string) url.Values {
		v := url.Values{"entwurf": {draftID}}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Add(kv[i], kv[i+1])
		}
		return v
	}
	q := "?" + d.Encode()

	res = b.get(loc)
	wantStatus(t, res, 200)
	if query(res.doc, "input#field-plate[name=plate]") == nil {
		t.Fatal("no plate input")
	}

	// A bad plate: error summary linked to the field, nothing saved.
	res = b.post(base+"/vehicle"+q, with("plate", "Jena 1"))
	wantStatus(t, res, 400)
	if links := errorLinks(res); len(links) != 1 || links[0] != "#field-plate" {
		t.Errorf("error summary links %v", links)
	}
	if v := attrOf(query(res.doc, "#field-plate"), "value"); v != "Jena 1" {
		t.Errorf("the wrong answer is not shown again: %q", v)
	}
	if query(res.doc, "#field-plate-error") == nil || attrOf(query(res.doc, "#field-plate"), "aria-invalid") != "true" {
		t.Error("no inline error on the plate")
	}
	if sd := e.draftOf(t, e.citizen.ID, e.svc["parken"]); sd == nil || sd.Answers["plate"].Text != "" {
		t.Fatalf("draft after a wrong answer: %+v", sd)
	}
	if got := follow(t, b.post(base+"/vehicle"+q, with("plate", "J-AB 123"))); pathOnly(got) != base+"/residence" {
		t.Fatalf("after vehicle: %s", got)
	}

	// Address parts: errors name the sub-fields.
	res = b.post(base+"/residence"+q, with("address.street", "Am Anger", "address.postal_code", "77", "zone", "a"))
	wantStatus(t, res, 400)
	links := errorLinks(res)
	if !contains(links, "#field-address.postal_code") || !contains(links, "#field-address.city") {
		t.Errorf("address errors %v", links)
	}
	follow(t, b.post(base+"/residence"+q, with("address.street", "Am Anger", "address.house_number", "15",
		"address.postal_code", "07743", "address.city", "Jena", "zone", "a")))

	// Documents: required, disguised HTML refused, a PDF taken.
	res = b.get(base + "/documents" + q)
	wantStatus(t, res, 200)
	if attrOf(query(res.doc, "form.app-form"), "enctype") != "multipart/form-data" || query(res.doc, "input[type=file]#field-registration") == nil {
		t.Fatal("the file page has no multipart form with a file input")
	}
	res = b.postFiles(base+"/documents"+q, d)
	wantStatus(t, res, 400)
	if links := errorLinks(res); len(links) != 1 || links[0] != "#field-registration" {
		t.Errorf("missing file: %v", links)
	}
	res = b.postFiles(base+"/documents"+q, d, testFile{"registration", "schein.pdf", testHTML})
	wantStatus(t, res, 400)
	if msg := text(query(res.doc, "#field-registration-error")); !strings.Contains(msg, "schein.pdf") || !strings.Contains(msg, "PDF") {
		t.Errorf("refused file message %q", msg)
	}
	if sd := e.draftOf(t, e.citizen.ID, e.svc["parken"]); len(sd.Answers["registration"].Files) != 0 {
		t.Fatalf("the HTML file was kept: %+v", sd.Answers["registration"])
	}
	loc = follow(t, b.postFiles(base+"/documents"+q, d, testFile{"registration", "fahrzeugschein.pdf", testPDF}))
	if pathOnly(loc) != base+"/payment" {
		t.Fatalf("after documents: %s", loc)
	}
	res = b.get(base + "/documents" + q)
	if !strings.Contains(text(query(res.doc, "main")), "fahrzeugschein.pdf") || query(res.doc, "button[form=entfernen][name=entfernen]") == nil {
		t.Error("the uploaded file is not listed with a remove button")
	}

	// Payment by transfer skips the mandate page.
	if got := follow(t, b.post(base+"/payment"+q, with("pay_by", "transfer"))); pathOnly(got) != base+"/contact" {
		t.Fatalf("after payment: %s", got)
	}
	res = b.get(base + "/contact" + q)
	if v := attrOf(query(res.doc, "#field-email"), "value"); v != "erika@example.org" {
		t.Errorf("email not prefilled from the account after consent: %q", v)
	}
	if got := follow(t, b.post(base+"/contact"+q, with("email", "erika@example.org"))); pathOnly(got) != base+"/pruefen" {
		t.Fatalf("after contact: %s", got)
	}

	// Check your answers.
	res = b.get(base + "/pruefen" + q)
	wantStatus(t, res, 200)
	body := text(query(res.doc, "main"))
	for _, want := range []string{"J-AB 123", "Am Anger 15, 07743 Jena", "Zone A – Innenstadt", "fahrzeugschein.pdf", "30,60 €"} {
		if !strings.Contains(body, want) {
			t.Errorf("check page lacks %q", want)
		}
	}
	if query(res.doc, "a[href='"+base+"/vehicle?entwurf="+draftID+"&return=pruefen']") == nil {
		t.Error("no change link to the vehicle page")
	}
	key := attrOf(query(res.doc, "input[name=schluessel]"), "value")
	res = b.post(base+"/absenden", with("schluessel", key))
	wantStatus(t, res, 400)
	if links := errorLinks(res); len(links) != 1 || links[0] != "#field-erklaerung" {
		t.Errorf("declaration error %v", links)
	}

	// Submit twice with the same key: one case.
	first := follow(t, b.post(base+"/absenden", with("schluessel", key, "erklaerung", "ja")))
	second := follow(t, b.post(base+"/absenden", with("schluessel", key, "erklaerung", "ja")))
	if first != second || !strings.HasSuffix(first, "/eingegangen") {
		t.Errorf("double submit: %s, then %s", first, second)
	}
	mine, err := e.cases.Mine(context.Background(), e.citizen.ID)
	if err != nil || len(mine) != 1 {
		t.Fatalf("cases after a double submit: %d, %v", len(mine), err)
	}
	c := mine[0]
	if e.draftOf(t, e.citizen.ID, e.svc["parken"]) != nil {
		t.Error("the draft outlived the submission")
	}

	// Confirmation: reference, receipt, GiroCode.
	res = b.get(first)
	wantStatus(t, res, 200)
	if got := text(query(res.doc, "#aktenzeichen")); got != c.Reference {
		t.Errorf("reference %q, want %q", got, c.Reference)
	}
	img := query(res.doc, "img.app-qr")
	if img == nil || attrOf(img, "src") != myCaseURL(c.ID)+"/zahlung.svg" || !strings.Contains(attrOf(img, "alt"), "30,60 €") {
		t.Fatalf("no GiroCode image with an alt text")
	}
	if !strings.Contains(text(query(res.doc, "main")), "DE02 1203 0000 0000 2020 51") {
		t.Error("no IBAN in the payment box")
	}
	res = b.get(myCaseURL(c.ID) + "/zahlung.svg")
	wantStatus(t, res, 200)
	var svg struct {
		XMLName xml.Name
		Title   string `xml:"title"`
	}
	if err := xml.Unmarshal([]byte(res.body), &svg); err != nil || svg.XMLName.Local != "svg" || !strings.Contains(svg.Title, c.Reference) {
		t.Errorf("QR code: %v %+v", err, svg)
	}
	res = b.get(myCaseURL(c.ID) + "/quittung.pdf")
	wantStatus(t, res, 200)
	if !strings.HasPrefix(res.body, "%PDF") || res.Header.Get("Content-Type") != "application/pdf" {
		t.Errorf("receipt: %q %.8q", res.Header.Get("Content-Type"), res.body)
	}

	// My applications lists it.
	res = b.get("/antraege")
	wantStatus(t, res, 200)
	if !strings.Contains(text(query(res.doc, "main")), c.Reference) || !strings.Contains(text(query(res.doc, "main")), "Eingegangen") {
		t.Error("my applications lacks the case or its state")
	}
}

// Another citizen finds neither the case nor its files.
func TestCaseOfOthersNotFound(t *testing.T) {
	e := newCasesEnv(t)
	c := e.submitParking(t)
	files, err := e.cases.Store.CaseFiles(context.Background(), c.ID)
	if err != nil || len(files) == 0 {
		t.Fatalf("files: %v %v", files, err)
	}
	other := e.browser(t, e.login(e.stranger))
	for _, p := range []string{myCaseURL(c.ID), myCaseURL(c.ID) + "/eingegangen", myCaseURL(c.ID) + "/quittung.pdf",
		myCaseURL(c.ID) + "/zahlung.svg", myCaseURL(c.ID) + "/dateien/" + strconv.FormatInt(files[0].ID, 10)} {
		if res := other.get(p); res.StatusCode != 404 {
			t.Errorf("%s: status %d for another citizen", p, res.StatusCode)
		}
	}
	res := other.postFiles(myCaseURL(c.ID)+"/nachrichten", url.Values{"nachricht": {"Hallo"}})
	if res.StatusCode != 404 {
		t.Errorf("message to another's case: %d", res.StatusCode)
	}
	anon := e.browser(t, nil)
	if res := anon.get(myCaseURL(c.ID)); res.StatusCode != 303 || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
		t.Errorf("anonymous: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	// Applying for "parken" needs an account.
	if res := anon.get("/antrag/" + sid(e, "parken") + "/vehicle"); res.StatusCode != 303 || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
		t.Errorf("parken without login: %d", res.StatusCode)
	}
}

// The mailbox takes a message with a file, the file downloads with its
// stored type as an attachment, and the citizen withdraws the case.
func TestCaseMailboxAndWithdraw(t *testing.T) {
	e := newCasesEnv(t)
	c := e.submitParking(t)
	b := e.browser(t, e.login(e.citizen))
	page := myCaseURL(c.ID)

	res := b.get(page)
	wantStatus(t, res, 200)
	if got := text(query(res.doc, "#status")); got != "Eingegangen" {
		t.Errorf("state %q", got)
	}
	res = b.postFiles(page+"/nachrichten", url.Values{}, testFile{"dateien", "x.pdf", testHTML})
	wantStatus(t, res, 400)
	if links := errorLinks(res); len(links) == 0 || links[0] != "#field-dateien" {
		t.Errorf("refused attachment: %v", links)
	}
	loc := follow(t, b.postFiles(page+"/nachrichten", url.Values{"nachricht": {"Hier der neue Fahrzeugschein."}},
		testFile{"dateien", "neu.pdf", testPDF}))
	if !strings.HasPrefix(loc, page) {
		t.Fatalf("after message: %s", loc)
	}
	res = b.get(page)
	main := query(res.doc, "main")
	if !strings.Contains(text(main), "Hier der neue Fahrzeugschein.") {
		t.Fatal("message not shown")
	}
	var href string
	for _, a := range queryAll(main, "article a") {
		if text(a) == "neu.pdf" {
			href = attrOf(a, "href")
		}
	}
	if href == "" {
		t.Fatal("no link to the attachment")
	}
	res = b.get(href)
	wantStatus(t, res, 200)
	if res.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment") ||
		res.Header.Get("X-Content-Type-Options") != "nosniff" || !bytes.Equal([]byte(res.body), testPDF) {
		t.Errorf("download headers %v", res.Header)
	}

	res = b.get(page + "/zurueckziehen")
	wantStatus(t, res, 200)
	version := attrOf(query(res.doc, "input[name=version]"), "value")
	follow(t, b.post(page+"/zurueckziehen", url.Values{"version": {version}}))
	res = b.get(page)
	if got := text(query(res.doc, "#status")); got != "Zurückgezogen" {
		t.Errorf("state after withdrawal %q", got)
	}
	if query(res.doc, "a[href='"+page+"/zurueckziehen']") != nil {
		t.Error("withdraw offered again")
	}
}

// Without an account: a dog registration followed by the secret link.
func TestApplyDogAnonymously(t *testing.T) {
	e := newCasesEnv(t)
	b := e.browser(t, nil)
	base := "/antrag/" + sid(e, "hund")
	res := b.get(base)
	wantStatus(t, res, 200)
	if query(res.doc, "a[href='"+base+"/owner']") == nil {
		t.Fatal("no way to continue without an account")
	}
	follow(t, b.post(base+"/owner", url.Values{"name": {"Max Muster"}, "birth_date": {"1980-05-01"},
		"address.street": {"Markt"}, "address.house_number": {"1"}, "address.postal_code": {"07743"}, "address.city": {"Jena"}}))
	ck := b.cookies[applyDraftCookie(e.svc["hund"])]
	if ck == nil || strings.Contains(ck.Value, "Max") {
		t.Fatalf("draft cookie %v", ck)
	}

	// Save for later: a secret link, once; it opens the draft elsewhere.
	res = b.post(base+"/dog", url.Values{"dogs": {"1"}, "aktion": {"speichern"}})
	wantStatus(t, res, 200)
	link := text(query(res.doc, "#fortsetzen-link"))
	u, err := url.Parse(link)
	if err != nil || !strings.HasPrefix(u.Path, base+"/fortsetzen") {
		t.Fatalf("resume link %q", link)
	}
	other := e.browser(t, nil)
	if got := follow(t, other.get(u.RequestURI())); got != base+"/dog" {
		t.Errorf("resume leads to %s", got)
	}
	res = other.get(base + "/dog")
	if v := attrOf(query(res.doc, "#field-dogs"), "value"); v != "1" {
		t.Errorf("resumed draft lost the answer: %q", v)
	}

	follow(t, b.post(base+"/dog", url.Values{"dogs": {"1"}, "dog_name": {"Bello"}, "since": {"2026-01-01"}, "listed": {"no"}}))
	if got := follow(t, b.post(base+"/payment", url.Values{"email": {"max@example.org"}})); got != base+"/pruefen" {
		t.Fatalf("after payment: %s", got)
	}
	res = b.get(base + "/pruefen")
	if !strings.Contains(res.body, "15,00 €") {
		t.Error("computed fee missing")
	}
	key := attrOf(query(res.doc, "input[name=schluessel]"), "value")
	loc := follow(t, b.post(base+"/absenden", url.Values{"schluessel": {key}, "erklaerung": {"ja"}}))
	res = b.get(loc)
	wantStatus(t, res, 200)
	statusLink := text(query(res.doc, "#status-link"))
	if !strings.Contains(statusLink, "/antraege/status?s=") {
		t.Fatalf("no secret status link on the confirmation: %q", statusLink)
	}
	ms := e.mailsTo(t, "max@example.org")
	if len(ms) == 0 || !strings.Contains(ms[0].Text, statusLink) {
		t.Error("the status link was not mailed")
	}

	// In a fresh browser the link opens the case, which drops the secret
	// from the address.
	fresh := e.browser(t, nil)
	su, _ := url.Parse(statusLink)
	page := follow(t, fresh.get(su.RequestURI()))
	res = fresh.get(page)
	wantStatus(t, res, 200)
	if !strings.Contains(text(query(res.doc, "h1")), "JENA-") {
		t.Errorf("status page h1 %q", text(query(res.doc, "h1")))
	}
	if res := e.browser(t, nil).get(page); res.StatusCode != 303 {
		t.Errorf("without the link: %d", res.StatusCode)
	}
	if res := fresh.get("/antraege/status?s=falsch"); res.StatusCode != 404 {
		t.Errorf("a wrong secret: %d", res.StatusCode)
	}
}

// The service page offers the online application when a form is published.
func TestServicePageLinksApplication(t *testing.T) {
	e := newCasesEnv(t)
	res := e.get("/leistungen/" + sid(e, "parken"))
	wantStatus(t, res, 200)
	if query(res.doc, "a[href='/antrag/"+sid(e, "parken")+"']") == nil {
		t.Error("no link to the online application")
	}
	res = e.get("/account", e.login(e.citizen))
	if query(res.doc, "a[href='/antraege']") == nil {
		t.Error("no link to my applications in the account")
	}
}

// Two presses of the submit button at once, or a second one after the
// first went through without its cookie, make one case and lead to it.
func TestDoubleSubmitMakesOneCase(t *testing.T) {
	e := newCasesEnv(t)
	uid := e.citizen.ID
	saved, err := e.cases.SaveDraft(context.Background(), cases.Citizen{UserID: &uid}, 0, e.svc["parken"], 1,
		e.parkingAnswers(t), "pruefen")
	if err != nil {
		t.Fatal(err)
	}
	session := e.login(e.citizen)
	base := "/antrag/" + sid(e, "parken")
	draft := strconv.FormatInt(saved.Draft.ID, 10)
	res := e.get(base+"/pruefen?entwurf="+draft, session)
	wantStatus(t, res, 200)
	key := attrOf(query(res.doc, "input[name=schluessel]"), "value")
	form := url.Values{"entwurf": {draft}, "schluessel": {key}, "erklaerung": {"ja"}}

	var wg sync.WaitGroup
	locs := make([]string, 3)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := httptest.NewRequest("POST", base+"/absenden", strings.NewReader(form.Encode()))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			r.Header.Set("Sec-Fetch-Site", "same-origin")
			r.AddCookie(session)
			rec := httptest.NewRecorder()
			e.srv.Handler().ServeHTTP(rec, r)
			locs[i] = rec.Header().Get("Location")
		}()
	}
	wg.Wait()
	locs[2] = e.postForm(base+"/absenden", form, session).Header.Get("Location")
	mine, err := e.cases.Mine(context.Background(), uid)
	if err != nil || len(mine) != 1 {
		t.Fatalf("%d cases after three presses (%v)", len(mine), err)
	}
	want := myCaseURL(mine[0].ID) + "/eingegangen"
	for i, loc := range locs {
		if loc != want {
			t.Errorf("press %d leads to %q, want %q", i+1, loc, want)
		}
	}
}

// My applications counts the office's unread messages until the
// citizen opens the case.
func TestMyCasesUnreadMessages(t *testing.T) {
	e := newCasesEnv(t)
	c := e.submitParking(t)
	if _, err := e.cases.StaffMessage(context.Background(), org.Actor{UserID: e.worker.ID},
		cases.Reply{CaseID: c.ID, Body: "Eine Frage.", Lang: "de"}); err != nil {
		t.Fatal(err)
	}
	b := e.browser(t, e.login(e.citizen))
	res := b.get("/antraege")
	wantStatus(t, res, 200)
	if !strings.Contains(text(query(res.doc, "table")), "1 ungelesen") {
		t.Errorf("no unread count: %q", text(query(res.doc, "table")))
	}
	wantStatus(t, b.get(myCaseURL(c.ID)), 200)
	if res := b.get("/antraege"); strings.Contains(text(query(res.doc, "table")), "ungelesen") {
		t.Error("still unread after opening the case")
	}
}

// An account saves for later, finds the draft under my applications,
// removes an uploaded file, comes back from "check your answers" through
// a change link, and deletes the draft.
func TestAccountDrafts(t *testing.T) {
	e := newCasesEnv(t)
	b := e.browser(t, e.login(e.citizen))
	base := "/antrag/" + sid(e, "parken")
	loc := follow(t, b.post(base+"/vehicle", url.Values{"plate": {"J-XY 9"}}))
	draft := strings.SplitN(loc, "entwurf=", 2)[1]
	q := "?entwurf=" + draft

	// Save for later on the documents page, with a file.
	loc = follow(t, b.postFiles(base+"/documents"+q, url.Values{"entwurf": {draft}, "aktion": {"speichern"}},
		testFile{"registration", "a.pdf", testPDF}, testFile{"registration", "b.png", testPNG}))
	if loc != "/antraege" {
		t.Fatalf("save for later leads to %s", loc)
	}
	res := b.get("/antraege")
	cont := query(res.doc, "a[href='"+base+"/documents?entwurf="+draft+"']")
	if cont == nil || !strings.Contains(text(query(res.doc, "main")), "Bewohnerparkausweis beantragen") {
		t.Fatal("the draft is not listed with a continue link")
	}
	if got := len(e.draftOf(t, e.citizen.ID, e.svc["parken"]).Answers["registration"].Files); got != 2 {
		t.Fatalf("%d files in the draft, want 2", got)
	}

	// Remove the first file.
	follow(t, b.post(base+"/documents"+q, url.Values{"entwurf": {draft}, "entfernen": {"registration/0"}}))
	files := e.draftOf(t, e.citizen.ID, e.svc["parken"]).Answers["registration"].Files
	if len(files) != 1 || files[0].Name != "b.png" {
		t.Fatalf("after removing: %+v", files)
	}

	// The start page offers to continue.
	res = b.get(base)
	if query(res.doc, "a[href='"+base+"/documents?entwurf="+draft+"']") == nil {
		t.Error("the start page does not offer the saved draft")
	}

	// From the check page, a change goes back there.
	res = b.get(base + "/vehicle" + q + "&return=pruefen")
	if query(res.doc, "input[name=return][value=pruefen]") == nil {
		t.Fatal("the change page forgets where to return")
	}
	if got := follow(t, b.post(base+"/vehicle"+q, url.Values{"entwurf": {draft}, "plate": {"J-XY 10"}, "return": {"pruefen"}})); pathOnly(got) != base+"/pruefen" {
		t.Errorf("after a change: %s", got)
	}
	res = b.get(base + "/pruefen" + q)
	if query(res.doc, "#fehlt") == nil || query(res.doc, "input[name=schluessel]") != nil {
		t.Error("an incomplete application can be submitted")
	}

	// Delete the draft; another account cannot.
	other := e.browser(t, e.login(e.stranger))
	if res := other.post("/antraege/entwuerfe/"+draft+"/loeschen", url.Values{}); res.StatusCode != 404 {
		t.Errorf("another account deletes the draft: %d", res.StatusCode)
	}
	follow(t, b.post("/antraege/entwuerfe/"+draft+"/loeschen", url.Values{}))
	if e.draftOf(t, e.citizen.ID, e.svc["parken"]) != nil {
		t.Error("the draft is still there")
	}
}

// Upload routes take bodies above the server's general limit (4 KiB in
// tests) up to each question's own limit; a file over it is refused
// with a message naming it, other routes keep the general limit.
func TestUploadLimits(t *testing.T) {
	e := newCasesEnv(t)
	b := e.browser(t, e.login(e.citizen))
	base := "/antrag/" + sid(e, "parken")
	big := append(append([]byte{}, testPDF...), bytes.Repeat([]byte(" "), 200<<10)...)
	loc := follow(t, b.postFiles(base+"/documents", url.Values{}, testFile{"registration", "gross.pdf", big}))
	if pathOnly(loc) != base+"/payment" {
		t.Fatalf("a 200 KB upload: %s", loc)
	}
	huge := append(append([]byte{}, testPDF...), bytes.Repeat([]byte(" "), 6<<20)...)
	res := b.postFiles(base+"/documents", url.Values{}, testFile{"registration", "riesig.pdf", huge})
	wantStatus(t, res, 400)
	if msg := text(query(res.doc, "#field-registration-error")); !strings.Contains(msg, "riesig.pdf") || !strings.Contains(msg, "5 MB") {
		t.Errorf("too large: %q", msg)
	}
	res = b.postFiles(base, url.Values{"profil": {"ja"}}, testFile{"x", "gross.pdf", big})
	wantStatus(t, res, 413)
}

// Decision documents show on the status page and download as PDF.
func TestCaseDecisionDocument(t *testing.T) {
	e := newCasesEnv(t)
	c := e.submitParking(t)
	worker := org.Actor{UserID: e.worker.ID}
	for _, action := range []string{"start", "approve"} {
		next, err := e.cases.Transition(context.Background(), worker, cases.Step{CaseID: c.ID, Version: c.Version, Action: action, Lang: "de"})
		if err != nil {
			t.Fatalf("%s: %v", action, err)
		}
		c = next
	}
	b := e.browser(t, e.login(e.citizen))
	res := b.get(myCaseURL(c.ID))
	wantStatus(t, res, 200)
	if got := text(query(res.doc, "#status")); got != "Bewilligt" {
		t.Errorf("state %q", got)
	}
	if query(res.doc, "#zurueckziehen") != nil {
		t.Error("a decided case offers withdrawal")
	}
	link := query(res.doc, "section[aria-labelledby=dokumente] a")
	if link == nil || !strings.Contains(text(link), "Bescheid") {
		t.Fatal("no decision document")
	}
	res = b.get(attrOf(link, "href"))
	wantStatus(t, res, 200)
	if !strings.HasPrefix(res.body, "%PDF") {
		t.Errorf("decision document is no PDF: %.10q", res.body)
	}
}
