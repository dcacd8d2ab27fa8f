package web

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"rathaus/internal/form"
)

// newFormEnv is the catalogue editing environment with the form store:
// "editor" owns the service of "stadt", "outsider" owns services of
// another organisation, "clerk" works cases but edits nothing.
func newFormEnv(t *testing.T) *editEnv {
	t.Helper()
	e := newEditEnv(t, false)
	e.srv.opts.Forms = e.db
	e.srv.opts.MaxBodyBytes = 1 << 20
	return e
}

func (e *editEnv) formPath() string { return formPath(e.service.ID) }

// latestForm is the stored latest version of the service's form.
func (e *editEnv) latestForm() *form.Form {
	e.t.Helper()
	f, err := e.db.LatestForm(context.Background(), e.service.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	return f
}

// exported is the latest version in the exchange format, to compare
// before and after a refused change.
func (e *editEnv) exported() string {
	e.t.Helper()
	b, err := form.Export(e.latestForm())
	if err != nil {
		e.t.Fatal(err)
	}
	return string(b)
}

// post sends a form and wants status.
func (e *editEnv) post(path string, values url.Values, c *http.Cookie, status int) *response {
	e.t.Helper()
	res := e.postForm(path, values, c)
	if res.StatusCode != status {
		summary := res.body
		if i := strings.Index(summary, `id="error-summary"`); i >= 0 {
			summary = summary[i:min(len(summary), i+1500)]
		}
		e.t.Fatalf("POST %s: status %d, want %d:\n%.1500s", path, res.StatusCode, status, summary)
	}
	return res
}

// upload posts a file as the multipart field "file".
func (e *editEnv) upload(path string, content []byte, c *http.Cookie) *response {
	e.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", "formular.json")
	if err != nil {
		e.t.Fatal(err)
	}
	fw.Write(content)
	mw.Close()
	r := httptest.NewRequest("POST", path, &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.Header.Set("Sec-Fetch-Site", "same-origin")
	r.AddCookie(c)
	return e.do(r)
}

func wantBody(t *testing.T, res *response, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(res.body, p) {
			t.Errorf("body lacks %q:\n%.3000s", p, res.body)
		}
	}
}

// buildDogForm creates the service's form and adds a page about dogs
// with a number, a choice, a date, an address and a file question.
func (e *editEnv) buildDogForm() {
	t := e.t.(*testing.T)
	t.Helper()
	res := e.post(e.formPath()+"/create", nil, e.editor, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); loc != e.formPath() {
		t.Fatalf("create leads to %q", loc)
	}
	res = e.post(e.formPath()+"/pages", url.Values{"page_title": {"Ihr Hund"}, "question_type": {"number"},
		"question_label": {"Anzahl der Hunde"}}, e.editor, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); loc != e.formPath()+"/pages/ihr_hund" {
		t.Fatalf("new page leads to %q", loc)
	}
	for _, q := range []struct{ typ, label string }{
		{"choice", "Rasse"}, {"date", "Geburtstag des Hundes"}, {"address", "Wo lebt der Hund?"}, {"file", "Impfpass"},
	} {
		e.post(e.formPath()+"/pages/ihr_hund/questions", url.Values{"question_type": {q.typ}, "question_label": {q.label}},
			e.editor, http.StatusSeeOther)
	}
}

func TestFormBuilderBuildPreviewPublish(t *testing.T) {
	e := newFormEnv(t)
	list := e.get("/admin/forms", e.editor)
	wantStatus(t, list, http.StatusOK)
	wantBody(t, list, "Personalausweis beantragen", "kein Formular")

	e.buildDogForm()
	f := e.latestForm()
	if f.Version != 1 || f.Status != form.StatusDraft || f.Title["de"] != "Personalausweis beantragen" {
		t.Fatalf("new form: %+v", f)
	}
	if f.Fee == nil || f.Fee.BaseCents != 2280 {
		t.Errorf("base fee: got %+v, want the catalogue's 22,80 €", f.Fee)
	}
	if len(f.Pages) != 2 || len(f.Pages[1].Questions) != 5 {
		t.Fatalf("pages: %+v", f.Pages)
	}
	var types []string
	for _, q := range f.Pages[1].Questions {
		types = append(types, q.Type)
	}
	if got := strings.Join(types, ","); got != "number,choice,date,address,file" {
		t.Errorf("question types: %s", got)
	}
	list = e.get("/admin/forms", e.editor)
	wantBody(t, list, "Entwurf v1", `href="`+e.formPath()+`"`)

	// Options of the choice question, and a broken rule on the number.
	e.post(e.formPath()+"/questions/rasse", url.Values{"id": {"rasse"}, "type": {"choice"}, "label_de": {"Rasse"},
		"label_en": {"Breed"}, "required": {"1"},
		"options.0.de": {"Mischling"}, "options.0.en": {"Mixed breed"}, "options.1.de": {"Listenhund"}, "options.1.value": {"liste"},
	}, e.editor, http.StatusSeeOther)
	q, _ := e.latestForm().Question("rasse")
	if len(q.Options) != 2 || q.Options[0].Value != "mischling" || q.Options[1].Value != "liste" || q.Label["en"] != "Breed" {
		t.Errorf("options: %+v", q.Options)
	}
	before := e.exported()
	res := e.post(e.formPath()+"/questions/anzahl_der_hunde", url.Values{"id": {"anzahl_der_hunde"}, "type": {"number"},
		"label_de": {"Anzahl der Hunde"}, "min": {"10"}, "max": {"2"}}, e.editor, http.StatusBadRequest)
	wantBody(t, res, `id="error-summary"`, `href="#field-limits"`, "Mindest- und Höchstwerte", `value="10"`)
	res = e.post(e.formPath()+"/questions/anzahl_der_hunde", url.Values{"id": {"Anzahl Hunde"}, "type": {"number"},
		"label_de": {""}}, e.editor, http.StatusBadRequest)
	wantBody(t, res, `href="#field-id"`, `href="#field-label_de"`)
	if after := e.exported(); after != before {
		t.Errorf("a refused save changed the form:\n%s", after)
	}

	// A condition on an earlier question; moving the page before that
	// question is refused and changes nothing.
	e.post(e.formPath()+"/pages/ihr_hund", url.Values{"page_id": {"ihr_hund"}, "title_de": {"Ihr Hund"},
		"cond.question": {"name"}, "cond.op": {"answered"}}, e.editor, http.StatusSeeOther)
	if c := e.latestForm().Pages[1].ShowIf; c == nil || c.Question != "name" || c.Op != form.OpAnswered {
		t.Fatalf("condition: %+v", c)
	}
	before = e.exported()
	res = e.post(e.formPath()+"/pages/ihr_hund/move", url.Values{"dir": {"up"}}, e.editor, http.StatusBadRequest)
	wantBody(t, res, "früheren Seiten", "Seite 1 „Ihr Hund“")
	if e.exported() != before {
		t.Error("a refused move changed the form")
	}

	// Preview in German and English; checking answers shows the rules.
	res = e.get(e.formPath()+"/preview?page=ihr_hund", e.editor)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Anzahl der Hunde", "Mischling", `type="date"`, `id="field-wo_lebt_der_hund.street"`, `type="file"`, "nur wenn")
	res = e.get(e.formPath()+"/preview?page=ihr_hund&lang=en", e.editor)
	wantBody(t, res, `lang="en"`, "Breed", "Mixed breed", "Street")
	res = e.post(e.formPath()+"/preview?page=ihr_hund&lang=de", url.Values{"anzahl_der_hunde": {"zwei"}, "rasse": {"mischling"}},
		e.editor, http.StatusBadRequest)
	wantBody(t, res, `href="#field-anzahl_der_hunde"`, "Bitte geben Sie eine Zahl an", `value="zwei"`)
	res = e.post(e.formPath()+"/preview?page=antragsteller", url.Values{"name": {"Erika Mustermann"}}, e.editor, http.StatusOK)
	wantBody(t, res, "vollständig und gültig")

	// Publish after confirmation; the published version cannot change.
	wantStatus(t, e.get(e.formPath()+"/publish", e.editor), http.StatusOK)
	e.post(e.formPath()+"/publish", nil, e.editor, http.StatusSeeOther)
	if f := e.latestForm(); f.Status != form.StatusPublished || f.Version != 1 {
		t.Fatalf("after publishing: v%d %s", f.Version, f.Status)
	}
	view := e.get(e.formPath(), e.editor)
	wantStatus(t, view, http.StatusOK)
	wantBody(t, view, "veröffentlicht v1", "Neue Version bearbeiten")
	e.post(e.formPath(), url.Values{"title_de": {"Geändert"}}, e.editor, http.StatusConflict)
	e.post(e.formPath()+"/pages/ihr_hund/delete", nil, e.editor, http.StatusConflict)
	if f, _ := e.db.FindForm(context.Background(), e.service.ID, 1); f.Title["de"] != "Personalausweis beantragen" {
		t.Errorf("published title changed to %q", f.Title["de"])
	}
	versions := e.get(e.formPath()+"/versions", e.editor)
	wantBody(t, versions, "veröffentlicht v1", "Editha Eins")

	// Editing starts version 2 as a draft; version 1 stays.
	e.post(e.formPath()+"/draft", nil, e.editor, http.StatusSeeOther)
	if f := e.latestForm(); f.Version != 2 || f.Status != form.StatusDraft || len(f.Pages) != 2 {
		t.Fatalf("next draft: v%d %s", f.Version, f.Status)
	}
	e.post(e.formPath(), url.Values{"title_de": {"Hundesteuer anmelden"}, "fee_base": {"12,50"}, "decision_days": {"30"},
		"surcharges.0.question": {"rasse"}, "surcharges.0.op": {"equals"}, "surcharges.0.value": {"liste"}, "surcharges.0.amount": {"100"},
	}, e.editor, http.StatusSeeOther)
	f = e.latestForm()
	if f.Title["de"] != "Hundesteuer anmelden" || f.Fee.BaseCents != 1250 || f.Settings.DecisionDays != 30 ||
		len(f.Fee.Surcharges) != 1 || f.Fee.Surcharges[0].Cents != 10000 {
		t.Errorf("settings: %+v fee %+v", f, f.Fee)
	}
	if old, _ := e.db.FindForm(context.Background(), e.service.ID, 1); old.Title["de"] != "Personalausweis beantragen" {
		t.Errorf("version 1 changed: %q", old.Title["de"])
	}
	wantStatus(t, e.get(e.formPath()+"/versions/1", e.editor), http.StatusOK)
}

func TestFormBuilderExportImport(t *testing.T) {
	e := newFormEnv(t)
	e.buildDogForm()
	res := e.get(e.formPath()+"/export", e.editor)
	wantStatus(t, res, http.StatusOK)
	if cd := res.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") {
		t.Errorf("Content-Disposition: %q", cd)
	}
	exported := res.body
	if _, err := form.Import([]byte(exported)); err != nil {
		t.Fatalf("export does not import: %v", err)
	}

	// The file of another service, changed: it becomes this draft.
	changed := strings.Replace(exported, `"service_id": `+strconv.FormatInt(e.service.ID, 10), `"service_id": 999`, 1)
	changed = strings.Replace(changed, "Anzahl der Hunde", "Wie viele Hunde?", 1)
	res = e.upload(e.formPath()+"/import", []byte(changed), e.editor)
	wantStatus(t, res, http.StatusSeeOther)
	f := e.latestForm()
	if f.ServiceID != e.service.ID || f.Version != 1 || f.Pages[1].Questions[0].Label["de"] != "Wie viele Hunde?" {
		t.Errorf("imported: service %d v%d %q", f.ServiceID, f.Version, f.Pages[1].Questions[0].Label["de"])
	}
	// Export and import round-trip: the same bytes again.
	again := e.get(e.formPath()+"/export", e.editor).body
	wantStatus(t, e.upload(e.formPath()+"/import", []byte(again), e.editor), http.StatusSeeOther)
	if got := e.get(e.formPath()+"/export", e.editor).body; got != again {
		t.Errorf("round trip changed the file:\n%s\nwant\n%s", got, again)
	}

	// Broken files are refused with a translated reason; nothing changes.
	for _, c := range []struct{ name, body, want string }{
		{"not json", "{", "ungültiges JSON"},
		{"other format", `{"format": "x/1", "form": {}}`, "kein Formular im Format rathaus-form/1"},
		{"fails check", strings.Replace(again, `"Wie viele Hunde?"`, `""`, 1), "deutschen Text"},
	} {
		res := e.upload(e.formPath()+"/import", []byte(c.body), e.editor)
		wantStatus(t, res, http.StatusBadRequest)
		wantBody(t, res, c.want, `id="field-file"`)
		if got := e.get(e.formPath()+"/export", e.editor).body; got != again {
			t.Errorf("%s: the draft changed", c.name)
		}
	}
	// After publishing, an import becomes the next version.
	e.post(e.formPath()+"/publish", nil, e.editor, http.StatusSeeOther)
	wantStatus(t, e.upload(e.formPath()+"/import", []byte(again), e.editor), http.StatusSeeOther)
	if f := e.latestForm(); f.Version != 2 || f.Status != form.StatusDraft {
		t.Errorf("import after publishing: v%d %s", f.Version, f.Status)
	}
}

func TestFormBuilderAccess(t *testing.T) {
	e := newFormEnv(t)
	e.buildDogForm()
	before := e.exported()
	for _, c := range []struct {
		name   string
		cookie *http.Cookie
	}{{"another organisation's owner", e.outsider}, {"case worker", e.clerk}} {
		for _, path := range []string{e.formPath(), e.formPath() + "/preview", e.formPath() + "/export", e.formPath() + "/pages/ihr_hund"} {
			if res := e.get(path, c.cookie); res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusNotFound {
				t.Errorf("%s: GET %s: %d", c.name, path, res.StatusCode)
			}
		}
		if res := e.postForm(e.formPath(), url.Values{"title_de": {"Fremd"}}, c.cookie); res.StatusCode != http.StatusForbidden {
			t.Errorf("%s: save: %d", c.name, res.StatusCode)
		}
	}
	if list := e.get("/admin/forms", e.outsider); strings.Contains(list.body, "Personalausweis") {
		t.Error("the outsider's list shows the service")
	}
	if e.exported() != before {
		t.Error("a refused user changed the form")
	}
	// A citizen: anonymous visitors go to the login, accounts get 403.
	res := e.get("/admin/forms")
	wantStatus(t, res, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "/login") {
		t.Errorf("anonymous: redirected to %q", loc)
	}
	citizen := e.account("buerger@example.org", "Bea Bürger", false, "", "")
	wantStatus(t, e.get("/admin/forms", citizen), http.StatusForbidden)
	wantStatus(t, e.get(e.formPath(), citizen), http.StatusForbidden)
	// The platform admin may build every form.
	wantStatus(t, e.get(e.formPath(), e.admin), http.StatusOK)
}

func TestFormBuilderDeleteAndReorder(t *testing.T) {
	e := newFormEnv(t)
	e.buildDogForm()
	wantStatus(t, e.get(e.formPath()+"/questions/impfpass/delete", e.editor), http.StatusOK)
	e.post(e.formPath()+"/questions/impfpass/delete", nil, e.editor, http.StatusSeeOther)
	e.post(e.formPath()+"/questions/rasse/move", url.Values{"dir": {"up"}}, e.editor, http.StatusSeeOther)
	var ids []string
	for _, q := range e.latestForm().Pages[1].Questions {
		ids = append(ids, q.ID)
	}
	if got := strings.Join(ids, ","); got != "rasse,anzahl_der_hunde,geburtstag_des_hundes,wo_lebt_der_hund" {
		t.Errorf("questions: %s", got)
	}
	// A renamed question keeps the fee rule that counts it.
	e.post(e.formPath(), url.Values{"title_de": {"Hunde"}, "fee_unit_question": {"anzahl_der_hunde"}, "fee_unit_amount": {"5"}},
		e.editor, http.StatusSeeOther)
	e.post(e.formPath()+"/questions/anzahl_der_hunde", url.Values{"id": {"hunde"}, "type": {"number"}, "label_de": {"Hunde"}, "integer": {"1"}},
		e.editor, http.StatusSeeOther)
	if f := e.latestForm(); f.Fee.PerUnit == nil || f.Fee.PerUnit.Question != "hunde" {
		t.Errorf("fee per unit after the rename: %+v", f.Fee.PerUnit)
	}
	// A page with the question the fee counts cannot go while it does.
	before := e.exported()
	res := e.post(e.formPath()+"/pages/ihr_hund/delete", nil, e.editor, http.StatusBadRequest)
	wantBody(t, res, "Gebühr: Die Gebührenregel ist ungültig")
	if e.exported() != before {
		t.Error("a refused delete changed the form")
	}
	e.post(e.formPath(), url.Values{"title_de": {"Hunde"}}, e.editor, http.StatusSeeOther)
	e.post(e.formPath()+"/pages/ihr_hund/delete", nil, e.editor, http.StatusSeeOther)
	// The only page left cannot go.
	before = e.exported()
	res = e.post(e.formPath()+"/pages/antragsteller/delete", nil, e.editor, http.StatusBadRequest)
	wantBody(t, res, "mindestens eine")
	if e.exported() != before {
		t.Error("deleting the last page changed the form")
	}
}

// TestQuestionPartial checks the shared rendering of questions through
// the preview: answers stay after errors, address parts have their own
// errors, German texts in the English view are marked, prefilled
// questions carry autofill tokens.
func TestQuestionPartial(t *testing.T) {
	e := newFormEnv(t)
	e.buildDogForm()
	e.post(e.formPath()+"/questions/rasse", url.Values{"id": {"rasse"}, "type": {"checkboxes"}, "label_de": {"Rasse"},
		"options.0.de": {"Mischling"}, "options.1.de": {"Pudel"}}, e.editor, http.StatusSeeOther)
	e.post(e.formPath()+"/questions/wo_lebt_der_hund", url.Values{"id": {"wo_lebt_der_hund"}, "type": {"address"},
		"label_de": {"Wo lebt der Hund?"}, "required": {"1"}}, e.editor, http.StatusSeeOther)

	res := e.post(e.formPath()+"/preview?page=ihr_hund&lang=de", url.Values{
		"rasse": {"pudel"}, "wo_lebt_der_hund.street": {"Markt"}, "wo_lebt_der_hund.postal_code": {"123"},
	}, e.editor, http.StatusBadRequest)
	wantBody(t, res, `href="#field-wo_lebt_der_hund.house_number"`, `href="#field-wo_lebt_der_hund.postal_code"`,
		`id="field-wo_lebt_der_hund.postal_code-error"`, `value="Markt"`, `value="123"`)
	if !strings.Contains(res.body, `value="pudel" checked`) || strings.Contains(res.body, `value="mischling" checked`) {
		t.Error("the ticked checkbox did not stay ticked")
	}
	res = e.post(e.formPath()+"/preview?page=ihr_hund&lang=de", nil, e.editor, http.StatusBadRequest)
	wantBody(t, res, `href="#field-wo_lebt_der_hund"`, `<fieldset class="kern-fieldset kern-fieldset--error" id="field-wo_lebt_der_hund"`)

	res = e.get(e.formPath()+"/preview?page=ihr_hund&lang=en", e.editor)
	wantBody(t, res, `<span lang="de">Anzahl der Hunde</span>`)
	res = e.get(e.formPath()+"/preview?page=antragsteller&lang=en", e.editor)
	wantBody(t, res, "Your full name", `autocomplete="name"`)
}
