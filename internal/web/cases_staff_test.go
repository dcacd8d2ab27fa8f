package web

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"rathaus/internal/cases"
	"rathaus/internal/org"
)

// TestCaseStaffAccess: citizens get no queue, a worker of another unit
// neither sees nor opens a case of buergerservice, a platform admin sees
// every case, and nobody without a login gets in.
func TestCaseStaffAccess(t *testing.T) {
	e := newCasesEnv(t)
	c := e.submitParking(t)

	res := e.get("/amt/antraege")
	if res.StatusCode != 303 || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
		t.Errorf("anonymous: got %d %s, want a redirect to the login", res.StatusCode, res.Header.Get("Location"))
	}
	wantStatus(t, e.get("/amt/antraege", e.login(e.citizen)), 403)
	wantStatus(t, e.get(csPath(c.ID), e.login(e.citizen)), 403)

	stranger := e.login(e.stranger)
	res = e.get("/amt/antraege", stranger)
	wantStatus(t, res, 200)
	if contains(csRefs(res), c.Reference) {
		t.Errorf("a worker of standesamt sees %s in the queue", c.Reference)
	}
	wantStatus(t, e.get(csPath(c.ID), stranger), 404)
	wantStatus(t, e.postForm(csPath(c.ID)+"/notizen", url.Values{"note_body": {"x"}}, stranger), 404)
	wantStatus(t, e.get(csPath(c.ID)+"/dateien/1", stranger), 404)

	res = e.get("/amt/antraege", e.login(e.worker))
	wantStatus(t, res, 200)
	if got := csRefs(res); !contains(got, c.Reference) {
		t.Errorf("worker's queue: got %v, want %s", got, c.Reference)
	}
	admin := e.login(e.user("chefin@example.org", true))
	res = e.get("/amt/antraege", admin)
	wantStatus(t, res, 200)
	if !contains(csRefs(res), c.Reference) {
		t.Errorf("platform admin's queue lacks %s", c.Reference)
	}
	wantStatus(t, e.get(csPath(c.ID), admin), 200)
}

// TestCaseStaffQueueFilters narrows the queue by assignment, search,
// state, deadline, fee and channel, and shows deadline warnings as text.
func TestCaseStaffQueueFilters(t *testing.T) {
	e := newCasesEnv(t)
	ctx := context.Background()
	a, b := e.submitParking(t), e.submitParking(t)
	w := e.login(e.worker)
	me := e.worker.ID
	if _, err := e.cases.Update(ctx, org.Actor{UserID: me}, cases.Edit{CaseID: a.ID, Version: a.Version, Assignee: &me, Deadline: a.Deadline}); err != nil {
		t.Fatal(err)
	}
	queue := func(q string) []string {
		t.Helper()
		res := e.get("/amt/antraege?"+q, w)
		wantStatus(t, res, 200)
		return csRefs(res)
	}
	same := func(name string, got []string, want ...string) {
		t.Helper()
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s: got %v, want %v", name, got, want)
		}
	}
	same("all", queue(""), a.Reference, b.Reference)
	same("assigned to me", queue("zuweisung=mir"), a.Reference)
	same("unassigned", queue("zuweisung=niemand"), b.Reference)
	same("search by reference", queue("suche="+url.QueryEscape(b.Reference)), b.Reference)
	same("search by name", queue("suche=mustermann"), a.Reference, b.Reference)
	same("received", queue("status=kind:received"), a.Reference, b.Reference)
	same("waiting", queue("status=kind:waiting"))
	same("unpaid", queue("offen=1"), a.Reference, b.Reference)
	same("paper", queue("kanal=paper"))
	same("online", queue("kanal=online"), a.Reference, b.Reference)
	same("service", queue("leistung="+strconv.FormatInt(e.svc["hund"], 10)))
	same("not yet due", queue("frist=bald"))

	// Withdrawn cases leave the work queue but stay under "all".
	c := e.submitParking(t)
	uid := e.citizen.ID
	if _, err := e.cases.Withdraw(ctx, cases.Citizen{UserID: &uid}, c.ID, c.Version); err != nil {
		t.Fatal(err)
	}
	same("open by default", queue(""), a.Reference, b.Reference)
	same("all states", queue("status=alle"), a.Reference, b.Reference, c.Reference)
	same("closed", queue("status=kind:closed"), c.Reference)

	res := e.get("/amt/antraege?zuweisung=mir", w)
	if cur := query(res.doc, "nav a[aria-current=page][href='/amt/antraege?zuweisung=mir']"); cur == nil {
		t.Error("the tab 'Mir zugewiesen' is not marked current")
	}
	if got := text(query(res.doc, "table tbody tr")); !strings.Contains(got, "Kim Muster") || !strings.Contains(got, "Offen: 30,60 €") {
		t.Errorf("row: got %q, want the assignee and the unpaid fee", got)
	}

	e.clock.Set(testNow.Add(12 * 24 * time.Hour)) // two days before the 14-day deadline
	same("soon", queue("frist=bald"), a.Reference, b.Reference)
	same("not overdue", queue("frist=ueberschritten"))
	if res := e.get("/amt/antraege", w); !strings.Contains(text(query(res.doc, "table tbody tr")), "Frist läuft bald ab") {
		t.Error("no 'deadline soon' badge in words")
	}
	e.clock.Set(testNow.Add(15 * 24 * time.Hour))
	same("overdue", queue("frist=ueberschritten"), a.Reference, b.Reference)
	if res := e.get("/amt/antraege", w); !strings.Contains(text(query(res.doc, "table tbody tr")), "Frist überschritten") {
		t.Error("no 'deadline passed' badge in words")
	}
}

// TestCaseStaffQueuePages pages through the queue with the total count.
func TestCaseStaffQueuePages(t *testing.T) {
	e := newCasesEnv(t)
	for range csPageSize + 2 {
		e.submitParking(t)
	}
	w := e.login(e.worker)
	res := e.get("/amt/antraege", w)
	if got := len(csRefs(res)); got != csPageSize {
		t.Fatalf("first page: %d rows, want %d", got, csPageSize)
	}
	if !strings.Contains(res.body, "Anträge 1 bis 25 von 27") {
		t.Error("no count of all matches")
	}
	next := query(res.doc, "a[rel=next]")
	if next == nil {
		t.Fatal("no link to the next page")
	}
	res = e.get(attrOf(next, "href"), w)
	if got := len(csRefs(res)); got != 2 || query(res.doc, "a[rel=prev]") == nil {
		t.Errorf("second page: %d rows, want 2 and a link back", got)
	}
}

// TestCaseStaffAskResumeApproveClose walks a case through the default
// workflow on the staff pages: the question reaches the citizen's page,
// the mail says only that there is news, approving makes a decision PDF
// to download, and closing ends the case.
func TestCaseStaffAskResumeApproveClose(t *testing.T) {
	e := newCasesEnv(t)
	c := e.submitParking(t)
	w := e.login(e.worker)
	mailsBefore := len(e.csMails(t, "erika@example.org"))

	res, v := e.csOpen(t, w, c.ID)
	if query(res.doc, "textarea[name=note_ask]") == nil || query(res.doc, "input[name=action][value=start]") == nil {
		t.Fatal("the case page offers no 'start' and no 'ask' with a text field")
	}
	wantStatus(t, e.csStep(w, c.ID, v, "start", ""), 303)
	_, v = e.csOpen(t, w, c.ID)

	res = e.csStep(w, c.ID, v, "ask", "")
	wantStatus(t, res, 400)
	if query(res.doc, "#error-summary a[href='#field-note_ask']") == nil {
		t.Errorf("asking back without a question: no error linked to the field:\n%.3000s", res.body)
	}
	question := "Bitte reichen Sie den Fahrzeugschein als lesbares PDF nach."
	wantStatus(t, e.csStep(w, c.ID, v, "ask", question), 303)

	ms := e.csMails(t, "erika@example.org")
	if len(ms) != mailsBefore+1 {
		t.Fatalf("mails to the citizen: %d, want %d", len(ms), mailsBefore+1)
	}
	if !strings.Contains(ms[0].Subject, c.Reference) || strings.Contains(ms[0].Text, "Fahrzeugschein") {
		t.Errorf("news mail: subject %q, text %q: want the reference and not the question", ms[0].Subject, ms[0].Text)
	}
	uid := e.citizen.ID
	cv, err := e.cases.CitizenView(context.Background(), cases.Citizen{UserID: &uid}, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if cv.Case.State != "waiting" || !strings.Contains(cv.History[len(cv.History)-1].Note, "Fahrzeugschein") {
		t.Errorf("citizen's view: state %q, history %+v: want waiting with the question", cv.Case.State, cv.History)
	}
	res, v = e.csOpen(t, w, c.ID)
	if hist := text(query(res.doc, "#history-heading")); hist == "" || !strings.Contains(res.body, question) {
		t.Error("the staff history does not show the question")
	}
	if query(res.doc, "input[name=action][value=resume]") == nil {
		t.Fatal("no 'resume' while waiting")
	}

	wantStatus(t, e.csStep(w, c.ID, v, "resume", ""), 303)
	_, v = e.csOpen(t, w, c.ID)
	wantStatus(t, e.csStep(w, c.ID, v, "approve", ""), 303)
	res, v = e.csOpen(t, w, c.ID)
	if !strings.Contains(res.body, "Bewilligt") {
		t.Error("the state 'Bewilligt' is not shown")
	}
	var pdfURL string
	for _, a := range queryAll(res.doc, "table a[download]") {
		if strings.HasPrefix(text(a), "Bescheid") {
			pdfURL = attrOf(a, "href")
		}
	}
	if pdfURL == "" {
		t.Fatalf("no decision among the files:\n%v", texts(res.doc, "table a[download]"))
	}
	dl := e.get(pdfURL, w)
	wantStatus(t, dl, 200)
	if !strings.HasPrefix(dl.body, "%PDF") || dl.Header.Get("Content-Type") != "application/pdf" ||
		!strings.HasPrefix(dl.Header.Get("Content-Disposition"), "attachment") || dl.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("decision download: %q, headers %v", dl.body[:min(8, len(dl.body))], dl.Header)
	}
	wantStatus(t, e.get(pdfURL, e.login(e.stranger)), 404)

	wantStatus(t, e.csStep(w, c.ID, v, "close", ""), 303)
	res, _ = e.csOpen(t, w, c.ID)
	if !strings.Contains(res.body, "Abgeschlossen") || query(res.doc, "input[name=action]") != nil {
		t.Error("a closed case still offers steps or does not say it is closed")
	}
	if got := e.csCase(t, c.ID); got.ClosedAt == nil {
		t.Error("the case has no closing time")
	}
}

// TestCaseStaffRejectNeedsReason: a rejection without reason is refused
// next to its field; with one the decision is made.
func TestCaseStaffRejectNeedsReason(t *testing.T) {
	e := newCasesEnv(t)
	c := e.submitParking(t)
	w := e.login(e.worker)
	_, v := e.csOpen(t, w, c.ID)
	wantStatus(t, e.csStep(w, c.ID, v, "start", ""), 303)
	res := e.csStep(w, c.ID, v+1, "reject", "")
	wantStatus(t, res, 400)
	if query(res.doc, "textarea#field-note_reject[aria-invalid=true]") == nil {
		t.Error("the reason field is not marked invalid")
	}
	wantStatus(t, e.csStep(w, c.ID, v+1, "reject", "Die Adresse liegt in keiner Parkzone."), 303)
	if got := e.csCase(t, c.ID).State; got != "rejected" {
		t.Errorf("state %q, want rejected", got)
	}
}

// TestCaseStaffConflict: two workers open the same version; the second
// change is refused with a message and a link to reload, and nothing of
// it is written.
func TestCaseStaffConflict(t *testing.T) {
	e := newCasesEnv(t)
	c := e.submitParking(t)
	first, second := e.login(e.worker), e.login(e.csColleague(t))
	_, v1 := e.csOpen(t, first, c.ID)
	_, v2 := e.csOpen(t, second, c.ID)
	if v1 != v2 {
		t.Fatalf("versions %d and %d", v1, v2)
	}
	wantStatus(t, e.csStep(first, c.ID, v1, "start", ""), 303)

	res := e.csStep(second, c.ID, v2, "ask", "Eine Frage, die nie ankommen darf.")
	wantStatus(t, res, 409)
	alert := query(res.doc, "#conflict")
	if alert == nil || !strings.Contains(text(alert), "Jemand anderes hat diesen Vorgang inzwischen geändert") ||
		query(alert, "a[href='"+csPath(c.ID)+"']") == nil {
		t.Fatalf("no conflict message with a reload link:\n%.3000s", res.body)
	}
	got := e.csCase(t, c.ID)
	if got.State != "in_progress" || got.Version != v1+1 {
		t.Errorf("after the refused change: state %q version %d, want in_progress %d", got.State, got.Version, v1+1)
	}
	hist, _ := e.cases.Store.History(context.Background(), c.ID)
	for _, h := range hist {
		if h.Action == "ask" {
			t.Error("the refused question is in the history")
		}
	}
	// The same for the assignment.
	res = e.postForm(csPath(c.ID)+"/bearbeitung", url.Values{"version": {strconv.Itoa(v2)}, "assignee": {""}}, second)
	wantStatus(t, res, 409)
}

// TestCaseStaffEdit assigns a case to a colleague, sets a deadline and
// refuses people who do not work the unit.
func TestCaseStaffEdit(t *testing.T) {
	e := newCasesEnv(t)
	c := e.submitParking(t)
	colleague := e.csColleague(t)
	w := e.login(e.worker)
	res, v := e.csOpen(t, w, c.ID)
	if query(res.doc, "select#field-assignee option[value='"+strconv.FormatInt(colleague.ID, 10)+"']") == nil {
		t.Fatal("the colleague is not offered for assignment")
	}
	if query(res.doc, "select#field-assignee option[value='"+strconv.FormatInt(e.stranger.ID, 10)+"']") != nil {
		t.Error("a worker of another unit is offered for assignment")
	}
	res = e.postForm(csPath(c.ID)+"/bearbeitung", url.Values{"version": {strconv.Itoa(v)},
		"assignee": {strconv.FormatInt(e.stranger.ID, 10)}}, w)
	wantStatus(t, res, 400)
	if query(res.doc, "#error-summary a[href='#field-assignee']") == nil {
		t.Error("no error for assigning an outsider")
	}
	res = e.postForm(csPath(c.ID)+"/bearbeitung", url.Values{"version": {strconv.Itoa(v)},
		"assignee": {strconv.FormatInt(colleague.ID, 10)}, "deadline": {"2026-12-24"}}, w)
	wantStatus(t, res, 303)
	got := e.csCase(t, c.ID)
	if got.AssigneeID == nil || *got.AssigneeID != colleague.ID || got.Deadline == nil ||
		got.Deadline.In(berlin).Format("2006-01-02") != "2026-12-24" {
		t.Errorf("after the edit: assignee %v deadline %v", got.AssigneeID, got.Deadline)
	}
	res, _ = e.csOpen(t, w, c.ID)
	if !strings.Contains(res.body, "24.12.2026") || !strings.Contains(res.body, "Zuständigkeit geändert") {
		t.Error("the new deadline or the assignment is not shown")
	}
}

// TestCaseStaffNotes: internal notes show on the staff page and never in
// the citizen's view.
func TestCaseStaffNotes(t *testing.T) {
	e := newCasesEnv(t)
	c := e.submitParking(t)
	w := e.login(e.worker)
	res := e.postForm(csPath(c.ID)+"/notizen", url.Values{"note_body": {"  "}}, w)
	wantStatus(t, res, 400)
	if query(res.doc, "#error-summary a[href='#field-note_body']") == nil {
		t.Error("an empty note: no error at the field")
	}
	note := "Halter hat angerufen, Schein kommt per Post."
	wantStatus(t, e.postForm(csPath(c.ID)+"/notizen", url.Values{"note_body": {note}}, w), 303)
	res, _ = e.csOpen(t, w, c.ID)
	if !strings.Contains(res.body, note) {
		t.Error("the note is not on the staff page")
	}
	uid := e.citizen.ID
	v, err := e.cases.CitizenView(context.Background(), cases.Citizen{UserID: &uid}, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Notes) != 0 {
		t.Errorf("the citizen's view has %d notes", len(v.Notes))
	}
	for _, h := range v.History {
		if strings.Contains(h.Note, "Halter") {
			t.Error("the note leaked into the citizen's history")
		}
	}
	for _, m := range v.Messages {
		if strings.Contains(m.Body, "Halter") {
			t.Error("the note leaked into the mailbox")
		}
	}
}

// TestCaseStaffMessage writes to the applicant with a file: the message
// is in the mailbox with its download, the mail only says there is news.
func TestCaseStaffMessage(t *testing.T) {
	e := newCasesEnv(t)
	c := e.submitParking(t)
	w := e.login(e.worker)
	before := len(e.csMails(t, "erika@example.org"))
	res := e.csMultipart(csPath(c.ID)+"/nachrichten", url.Values{"message": {""}}, nil, w)
	wantStatus(t, res, 400)
	if query(res.doc, "#error-summary a[href='#field-message']") == nil {
		t.Error("an empty message: no error at the field")
	}
	res = e.csMultipart(csPath(c.ID)+"/nachrichten", url.Values{"message": {"Anbei das Merkblatt zur Parkzone."}},
		[]csPart{{"files", "merkblatt.pdf", testPDF}}, w)
	wantStatus(t, res, 303)
	ms := e.csMails(t, "erika@example.org")
	if len(ms) != before+1 || strings.Contains(ms[0].Text, "Merkblatt") {
		t.Fatalf("mails: %d (want %d), newest %q", len(ms), before+1, ms[0].Text)
	}
	res, _ = e.csOpen(t, w, c.ID)
	if !strings.Contains(res.body, "Anbei das Merkblatt") {
		t.Error("the message is not in the mailbox")
	}
	link := query(res.doc, "ol a[download]")
	if link == nil || text(link) != "merkblatt.pdf" {
		t.Fatal("no download of the attachment")
	}
	if dl := e.get(attrOf(link, "href"), w); dl.StatusCode != 200 || dl.body != string(testPDF) {
		t.Errorf("attachment download: %d", dl.StatusCode)
	}
	big := append(append([]byte{}, testPDF...), make([]byte, 64<<10)...) // over the server's usual body limit
	res = e.csMultipart(csPath(c.ID)+"/nachrichten", url.Values{"message": {"Der Plan in groß."}},
		[]csPart{{"files", "plan.pdf", big}}, w)
	wantStatus(t, res, 303)
	res = e.csMultipart(csPath(c.ID)+"/nachrichten", url.Values{"message": {"Bild"}},
		[]csPart{{"files", "virus.pdf", []byte("MZ\x90\x00 not a pdf")}}, w)
	wantStatus(t, res, 400)
	if query(res.doc, "#error-summary a[href='#field-files']") == nil {
		t.Error("a file of the wrong type: no error at the file field")
	}
}

// TestCaseStaffRecordPaper records a paper application for "parken" with
// its file; it shows up under the paper channel.
func TestCaseStaffRecordPaper(t *testing.T) {
	e := newCasesEnv(t)
	w := e.login(e.worker)
	res := e.get("/amt/antraege/erfassen", w)
	wantStatus(t, res, 200)
	labels := texts(res.doc, "fieldset label")
	if !contains(labels, "Bewohnerparkausweis beantragen") || contains(labels, "Trauung anmelden") {
		t.Errorf("services to record: %v", labels)
	}
	path := "/amt/antraege/erfassen?leistung=" + strconv.FormatInt(e.svc["parken"], 10)
	res = e.get(path, w)
	wantStatus(t, res, 200)
	if query(res.doc, "input#field-plate") == nil || query(res.doc, "input[type=file][name=registration]") == nil {
		t.Fatalf("the form's questions are missing:\n%.3000s", res.body)
	}
	if query(res.doc, "input#channel-online") != nil {
		t.Error("'online' is offered as a channel for a recorded case")
	}
	wantStatus(t, e.get("/amt/antraege/erfassen?leistung="+strconv.FormatInt(e.svc["trauung"], 10), w), 404)

	res = e.csMultipart("/amt/antraege/erfassen", url.Values{"service": {strconv.FormatInt(e.svc["parken"], 10)},
		"key": {"k0"}, "received": {"2030-01-01"}}, nil, w)
	wantStatus(t, res, 400)
	for _, f := range []string{"channel", "received", "plate", "registration"} {
		if query(res.doc, "#error-summary a[href='#field-"+f+"']") == nil {
			t.Errorf("an empty recording: no error for %s in the one summary", f)
		}
	}

	fields := url.Values{"service": {strconv.FormatInt(e.svc["parken"], 10)}, "key": {"k1"},
		"received": {"2026-11-25"}, "applicant_name": {"Otto Papier"},
		"plate": {"J-XY 42"}, "address.street": {"Markt"}, "address.house_number": {"1"},
		"address.postal_code": {"07743"}, "address.city": {"Jena"}, "zone": {"a"}, "pay_by": {"transfer"},
		"email": {"otto@example.org"}}
	res = e.csMultipart("/amt/antraege/erfassen", fields, []csPart{{"registration", "schein.pdf", testPDF}}, w)
	wantStatus(t, res, 400)
	if query(res.doc, "#error-summary a[href='#field-channel']") == nil {
		t.Errorf("no channel: no error at the channel:\n%.3000s", res.body)
	}
	kept := query(res.doc, "input[type=hidden][name='upload.registration']")
	if plate := query(res.doc, "input#field-plate"); kept == nil || plate == nil || attrOf(plate, "value") != "J-XY 42" {
		t.Fatalf("the answers or the upload were not kept:\n%s", res.body)
	}
	fields.Set("channel", "paper")
	fields.Set("upload.registration", attrOf(kept, "value"))
	fields.Set("upload_name.registration", "schein.pdf")
	res = e.csMultipart("/amt/antraege/erfassen", fields, nil, w)
	wantStatus(t, res, 303)
	id, err := strconv.ParseInt(strings.TrimPrefix(res.Header.Get("Location"), "/amt/antraege/"), 10, 64)
	if err != nil {
		t.Fatalf("redirect to %q", res.Header.Get("Location"))
	}
	c := e.csCase(t, id)
	if c.Channel != "paper" || c.Name != "Otto Papier" || c.SubmittedAt.In(berlin).Format("2006-01-02") != "2026-11-25" {
		t.Errorf("recorded case: channel %q name %q submitted %v", c.Channel, c.Name, c.SubmittedAt)
	}
	res = e.get("/amt/antraege?kanal=paper", w)
	if got := csRefs(res); len(got) != 1 || got[0] != c.Reference {
		t.Errorf("paper channel: got %v, want %s", got, c.Reference)
	}
	if !strings.Contains(text(query(res.doc, "table tbody tr")), "Auf Papier") {
		t.Error("the channel is not named in the row")
	}
	res, _ = e.csOpen(t, w, id)
	if !strings.Contains(res.body, "schein.pdf") || !strings.Contains(res.body, "J-XY 42") {
		t.Error("the recorded answers or the file are not on the case page")
	}
	rc := e.get(csPath(id)+"/quittung.pdf", w)
	wantStatus(t, rc, 200)
	if !strings.HasPrefix(rc.body, "%PDF") || !strings.HasPrefix(rc.Header.Get("Content-Disposition"), "attachment") {
		t.Errorf("receipt to print: %q, %q", rc.body[:min(8, len(rc.body))], rc.Header.Get("Content-Disposition"))
	}
	wantStatus(t, e.get(csPath(id)+"/quittung.pdf", e.login(e.stranger)), 404)
	again := e.csMultipart("/amt/antraege/erfassen", fields, nil, w)
	if again.Header.Get("Location") != csPath(id) {
		t.Errorf("the same recording again made %q, want the first case", again.Header.Get("Location"))
	}
}

// TestCaseStaffCAMTImport books the fee of the parking case from a bank
// statement once; the second import of the file reports it booked.
func TestCaseStaffCAMTImport(t *testing.T) {
	e := newCasesEnv(t)
	c := e.submitParking(t)
	w := e.login(e.worker)
	wantStatus(t, e.get("/amt/zahlungen", w), 200)
	statement := csCAMT(csEntry{c.Reference, 3060}, csEntry{"JENA-2026-999999", 1000})

	res := e.csMultipart("/amt/zahlungen", nil, []csPart{{"statement", "auszug.xml", statement}}, w)
	wantStatus(t, res, 200)
	rows := queryAll(res.doc, "table tbody tr")
	if len(rows) != 2 {
		t.Fatalf("report rows: %d, want 2:\n%.3000s", len(rows), res.body)
	}
	if got := text(rows[0]); !strings.Contains(got, c.Reference) || !strings.Contains(got, "30,60 €") ||
		!strings.Contains(got, "Bezahlt") || !strings.Contains(got, "Verbucht") {
		t.Errorf("first row: %q", got)
	}
	if got := text(rows[1]); !strings.Contains(got, "Aktenzeichen unbekannt") || !strings.Contains(got, "Nicht verbucht") {
		t.Errorf("second row: %q", got)
	}
	if got := e.csCase(t, c.ID).PaidCents; got != 3060 {
		t.Fatalf("paid %d cents, want 3060", got)
	}

	res = e.csMultipart("/amt/zahlungen", nil, []csPart{{"statement", "auszug.xml", statement}}, w)
	wantStatus(t, res, 200)
	if got := text(queryAll(res.doc, "table tbody tr")[0]); !strings.Contains(got, c.Reference) || !strings.Contains(got, "Bereits verbucht") {
		t.Errorf("second import, first row: %q", got)
	}
	if got := e.csCase(t, c.ID).PaidCents; got != 3060 {
		t.Errorf("after the second import: paid %d cents, want 3060", got)
	}
	res, _ = e.csOpen(t, w, c.ID)
	if !strings.Contains(res.body, "Erika Mustermann") || !strings.Contains(text(query(res.doc, "dl")), "Bezahlt") {
		t.Error("the case page shows no payment")
	}

	res = e.csMultipart("/amt/zahlungen", nil, []csPart{{"statement", "auszug.xml", []byte("<kein camt>")}}, w)
	wantStatus(t, res, 400)
	if query(res.doc, "#error-summary a[href='#field-statement']") == nil {
		t.Error("a broken file: no error at the file field")
	}
}

// TestCaseStaffQueueShowsUnreadReplies: the applicant's reply shows in
// the queue until a worker opens the case.
func TestCaseStaffQueueShowsUnreadReplies(t *testing.T) {
	e := newCasesEnv(t)
	c := e.submitParking(t)
	uid := e.citizen.ID
	if _, err := e.cases.CitizenMessage(context.Background(), cases.Citizen{UserID: &uid},
		cases.Reply{CaseID: c.ID, Body: "Hier ist die Rückseite.", Lang: "de"}); err != nil {
		t.Fatal(err)
	}
	w := e.login(e.worker)
	if row := text(query(e.get("/amt/antraege", w).doc, "table tbody tr")); !strings.Contains(row, "Neue Nachrichten: 1") {
		t.Errorf("row %q: no unread reply", row)
	}
	e.csOpen(t, w, c.ID)
	if row := text(query(e.get("/amt/antraege", w).doc, "table tbody tr")); strings.Contains(row, "Neue Nachrichten") {
		t.Errorf("row %q: the reply still counts as unread after opening the case", row)
	}
}

// TestCaseStaffNavLink: staff find the queue in the main navigation,
// citizens do not.
func TestCaseStaffNavLink(t *testing.T) {
	e := newCasesEnv(t, withAppointments(&testClock{t: testNow}))
	sel := "nav a[href='/amt/antraege']"
	if query(e.get("/", e.login(e.worker)).doc, sel) == nil {
		t.Error("no link to the queue for a case worker")
	}
	if res := e.get("/amt/antraege", e.login(e.worker)); query(res.doc, "nav a[href='/amt/antraege'][aria-current=page]") == nil {
		t.Error("the queue's link is not marked current on the queue")
	}
	if query(e.get("/", e.login(e.citizen)).doc, sel) != nil {
		t.Error("a citizen sees the link to the queue")
	}
}

// TestCaseStaffForward: a worker cannot hand a case to a unit they do
// not work for; an admin forwards it to standesamt, whose worker then
// has it and the first unit's worker no longer does.
func TestCaseStaffForward(t *testing.T) {
	e := newCasesEnv(t)
	c := e.submitParking(t)
	w := e.login(e.worker)
	_, v := e.csOpen(t, w, c.ID)
	other := strconv.FormatInt(e.other.ID, 10)
	res := e.postForm(csPath(c.ID)+"/bearbeitung", url.Values{"version": {strconv.Itoa(v)}, "unit": {other}}, w)
	wantStatus(t, res, 400)
	if query(res.doc, "#error-summary a[href='#field-unit']") == nil {
		t.Errorf("forwarding to a foreign unit: no error at the unit:\n%.2000s", res.body)
	}
	admin := e.login(e.user("chefin@example.org", true))
	res, v = e.csOpen(t, admin, c.ID)
	if query(res.doc, "select#field-unit option[value='"+other+"']") == nil {
		t.Fatal("the admin is not offered standesamt")
	}
	wantStatus(t, e.postForm(csPath(c.ID)+"/bearbeitung", url.Values{"version": {strconv.Itoa(v)}, "unit": {other}}, admin), 303)
	wantStatus(t, e.get(csPath(c.ID), w), 404)
	wantStatus(t, e.get(csPath(c.ID), e.login(e.stranger)), 200)
}
