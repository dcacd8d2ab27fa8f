package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"rathaus/internal/digitalcheck"
)

// TestWorkshopModelImport imports a MIWG reference model through the
// page: the model page shows its four tasks, the diagram as an
// accessible SVG, the list counts its steps and the download is BPMN.
func TestWorkshopModelImport(t *testing.T) {
	e := newModelEnv(t)
	c := e.login(e.owner)
	id := e.importModel(t, c, "A.2.0", miwg(t, "A.2.0.bpmn"), "")

	res := e.get(modelURL(id), c)
	wantStatus(t, res, http.StatusOK)
	steps := texts(res.doc, "#steps tbody th")
	if !slices.Equal(steps, []string{"Task 1", "Task 2", "Task 3", "Task 4"}) {
		t.Errorf("steps = %q, want Task 1 to Task 4", steps)
	}
	svg := query(res.doc, ".wm-diagram svg")
	if svg == nil || attrOf(svg, "role") != "img" || query(svg, "title") == nil {
		t.Fatalf("no accessible diagram on the model page")
	}
	if n := len(queryAll(svg, "g.bpmn-task")); n != 4 {
		t.Errorf("diagram draws %d tasks, want 4", n)
	}

	list := e.get("/amt/prozesse/modelle", c)
	wantStatus(t, list, http.StatusOK)
	if row := texts(list.doc, "#models tbody tr"); len(row) != 1 || !strings.Contains(row[0], "A.2.0") || !strings.Contains(row[0], "4 Schritte, 0 geprüft") {
		t.Errorf("list rows = %q", row)
	}

	dl := e.get(modelURL(id)+".bpmn", c)
	wantStatus(t, dl, http.StatusOK)
	if ct := dl.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/xml") {
		t.Errorf("download content type %q", ct)
	}
	if !strings.Contains(dl.body, "definitions") || !strings.Contains(dl.body, `name="Task 3"`) {
		t.Errorf("download is not the model:\n%.500s", dl.body)
	}
}

// TestWorkshopModelImportWarnings: a file with a dangling reference is
// imported, and the model page says that parts were skipped.
func TestWorkshopModelImportWarnings(t *testing.T) {
	e := newModelEnv(t)
	c := e.login(e.owner)
	broken := strings.Replace(handModelWithoutAsk, `targetRef="t4"/>`, `targetRef="t9"/>`, 1)
	res := e.postMultipart("/amt/prozesse/modelle", map[string]string{"name": "Lücke"}, "luecke.bpmn", []byte(broken), c)
	wantStatus(t, res, http.StatusSeeOther)
	page := e.followGet(t, res, c)
	if !strings.Contains(text(query(page.doc, "main")), "wurden übergangen") {
		t.Error("the model page does not say that parts of the file were skipped")
	}
	ok := e.postMultipart("/amt/prozesse/modelle", map[string]string{"name": "Heil"}, "heil.bpmn", []byte(handModelWithoutAsk), c)
	if strings.Contains(text(query(e.followGet(t, ok, c).doc, "main")), "wurden übergangen") {
		t.Error("a sound file is reported as faulty")
	}
}

// TestWorkshopModelImportErrors: a file that is not BPMN comes back with
// a message at the file field and nothing is stored.
func TestWorkshopModelImportErrors(t *testing.T) {
	e := newModelEnv(t)
	c := e.login(e.owner)
	res := e.postMultipart("/amt/prozesse/modelle", map[string]string{"name": "Kaputt"}, "kaputt.bpmn", []byte("kein xml"), c)
	wantStatus(t, res, http.StatusBadRequest)
	if msg := text(query(res.doc, "#field-file-error")); !strings.Contains(msg, "kein lesbares XML") {
		t.Errorf("file error = %q", msg)
	}
	if query(res.doc, "#models") != nil {
		t.Error("a model was stored")
	}
	res = e.postMultipart("/amt/prozesse/modelle", map[string]string{"name": "Ohne"}, "", nil, c)
	wantStatus(t, res, http.StatusBadRequest)
	if query(res.doc, "#error-summary a[href='#field-file']") == nil {
		t.Error("no error for a missing file")
	}
}

// annotateForm is the editor's form for a step with written form.
func annotateForm(version int) url.Values {
	return url.Values{"version": {strconv.Itoa(version)}, "legal_basis": {"§ 6 BMG"}, "form": {"written"},
		"media_break": {"none"}, "payment": {"online"}}
}

// TestWorkshopModelAnnotate annotates a step with the written form: the
// step is marked on the model, and the check names § 3a VwVfG as remedy.
func TestWorkshopModelAnnotate(t *testing.T) {
	e := newModelEnv(t)
	c := e.login(e.owner)
	id := e.importModel(t, c, "A.2.0", miwg(t, "A.2.0.bpmn"), "")
	m, pm, err := e.ws.Model(context.Background(), workshopActor(e.owner), id)
	if err != nil {
		t.Fatal(err)
	}
	task := pm.Tasks()[0]

	form := e.get(stepURL(id, task.ID), c)
	wantStatus(t, form, http.StatusOK)
	if query(form.doc, "#field-form[value=none][checked]") == nil {
		t.Error("an unannotated step does not start with form none")
	}
	if query(form.doc, "a[rel=next]") == nil || query(form.doc, "a[rel=prev]") != nil {
		t.Error("the first step links to the next and no previous step")
	}

	res := e.postForm(stepURL(id, task.ID), annotateForm(m.Version), c)
	wantStatus(t, res, http.StatusSeeOther)
	page := e.followGet(t, res, c)
	if !strings.Contains(text(query(page.doc, "main")), "Die Angaben zum Schritt wurden gespeichert.") {
		t.Error("no flash after saving")
	}
	if row := texts(page.doc, "#steps tbody tr"); !strings.Contains(row[0], "Ja") {
		t.Errorf("first step not shown as checked: %q", row[0])
	}
	if query(page.doc, "g.wm-obstacle") == nil || !strings.Contains(page.body, "1 Hürden") {
		t.Error("the step with written form is not marked on the diagram")
	}

	check := e.get(modelURL(id, "digitalcheck"), c)
	wantStatus(t, check, http.StatusOK)
	body := text(query(check.doc, "main"))
	for _, want := range []string{"Schriftform", "§ 3a VwVfG", "Prüfen Sie, ob eine Rechtsvorschrift die Schriftform wirklich anordnet"} {
		if !strings.Contains(body, want) {
			t.Errorf("check page lacks %q", want)
		}
	}
	if score := text(query(check.doc, "#score")); !strings.Contains(score, "von 100 Punkten") {
		t.Errorf("score = %q", score)
	}
}

// TestWorkshopModelAnnotateStale: saving with an old version is refused
// with the conflict message and changes nothing.
func TestWorkshopModelAnnotateStale(t *testing.T) {
	e := newModelEnv(t)
	c := e.login(e.owner)
	id := e.importModel(t, c, "A.2.0", miwg(t, "A.2.0.bpmn"), "")
	m := e.storedModel(t, e.owner, id)
	_, pm, _ := e.ws.Model(context.Background(), workshopActor(e.owner), id)
	first, second := pm.Tasks()[0].ID, pm.Tasks()[1].ID
	wantStatus(t, e.postForm(stepURL(id, first), annotateForm(m.Version), c), http.StatusSeeOther)

	res := e.postForm(stepURL(id, second), annotateForm(m.Version), c) // the version before the first save
	wantStatus(t, res, http.StatusConflict)
	if msg := text(query(res.doc, "#error-summary")); !strings.Contains(msg, "inzwischen von jemand anderem geändert") {
		t.Errorf("conflict message = %q", msg)
	}
	_, pm, _ = e.ws.Model(context.Background(), workshopActor(e.owner), id)
	if digitalcheck.Annotated(pm.Element(second).Props) {
		t.Error("the stale save was stored")
	}

	settings := e.postForm(modelURL(id), url.Values{"version": {strconv.Itoa(m.Version)}, "name": {"Neu"}}, c)
	wantStatus(t, settings, http.StatusConflict)
	if got := e.storedModel(t, e.owner, id).Name; got != "A.2.0" {
		t.Errorf("stale settings renamed the model to %q", got)
	}
}

// TestWorkshopModelAnnotateInvalid: an automated step with discretion and
// an overlong legal basis come back with errors at the fields, and
// nothing changes.
func TestWorkshopModelAnnotateInvalid(t *testing.T) {
	e := newModelEnv(t)
	c := e.login(e.owner)
	id := e.importModel(t, c, "A.2.0", miwg(t, "A.2.0.bpmn"), "")
	m := e.storedModel(t, e.owner, id)
	_, pm, _ := e.ws.Model(context.Background(), workshopActor(e.owner), id)
	v := annotateForm(m.Version)
	v.Set("legal_basis", strings.Repeat("§", digitalcheck.MaxLegalBasis+1))
	v.Set("automated", "1")
	v.Set("discretion", "1")
	res := e.postForm(stepURL(id, pm.Tasks()[0].ID), v, c)
	wantStatus(t, res, http.StatusBadRequest)
	if msg := text(query(res.doc, "#field-legal_basis-error")); !strings.Contains(msg, "höchstens 300 Zeichen") {
		t.Errorf("legal basis error = %q", msg)
	}
	if msg := text(query(res.doc, "#field-automated-error")); !strings.Contains(msg, "§ 35a VwVfG") {
		t.Errorf("automated error = %q", msg)
	}
	if query(res.doc, "#field-automated[checked]") == nil {
		t.Error("the submitted values are not kept")
	}
	if got := e.storedModel(t, e.owner, id); got.Version != m.Version {
		t.Errorf("version %d after an invalid save, want %d", got.Version, m.Version)
	}

	v = annotateForm(m.Version)
	v.Set("form", "papyrus")
	res = e.postForm(stepURL(id, pm.Tasks()[0].ID), v, c)
	wantStatus(t, res, http.StatusBadRequest)
	if query(res.doc, "#field-form-error") == nil {
		t.Error("no error for an unknown form")
	}
}

// TestWorkshopModelSettingsAndDelete renames a model, links it to a log
// and deletes it after the confirmation page.
func TestWorkshopModelSettingsAndDelete(t *testing.T) {
	e := newModelEnv(t)
	c := e.login(e.owner)
	id := e.importModel(t, c, "A.2.0", miwg(t, "A.2.0.bpmn"), "")
	m := e.storedModel(t, e.owner, id)
	res := e.postForm(modelURL(id), url.Values{"version": {strconv.Itoa(m.Version)}, "name": {"Meldebescheinigung"}, "source": {"case:9"}}, c)
	wantStatus(t, res, http.StatusSeeOther)
	if got := e.storedModel(t, e.owner, id); got.Name != "Meldebescheinigung" || got.Source != "case:9" {
		t.Errorf("stored %q from %q", got.Name, got.Source)
	}
	page := e.get(modelURL(id), c)
	linked := false
	for _, a := range queryAll(page.doc, "ul.wm-actions a") {
		linked = linked || attrOf(a, "href") == "/amt/prozesse/protokolle/case:9/simulation"
	}
	if !linked {
		t.Error("the model page does not link the simulation of its log")
	}
	res = e.postForm(modelURL(id), url.Values{"version": {strconv.Itoa(m.Version + 1)}, "name": {" "}}, c)
	wantStatus(t, res, http.StatusBadRequest)
	if query(res.doc, "#field-name-error") == nil {
		t.Error("no error for an empty name")
	}

	confirm := e.get(modelURL(id, "loeschen"), c)
	wantStatus(t, confirm, http.StatusOK)
	if query(confirm.doc, "form#delete-form button[type=submit]") == nil {
		t.Fatal("no confirmation form")
	}
	wantStatus(t, e.postForm(modelURL(id, "loeschen"), url.Values{}, c), http.StatusSeeOther)
	wantStatus(t, e.get(modelURL(id), c), http.StatusNotFound)
}

// TestWorkshopModelStepNext saves a step and goes on to the next one.
func TestWorkshopModelStepNext(t *testing.T) {
	e := newModelEnv(t)
	c := e.login(e.owner)
	id := e.importModel(t, c, "ohne-rueckfrage", []byte(handModelWithoutAsk), "")
	v := annotateForm(e.storedModel(t, e.owner, id).Version)
	v.Set("next", "t2")
	res := e.postForm(stepURL(id, "t1"), v, c)
	wantStatus(t, res, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); loc != stepURL(id, "t2") {
		t.Errorf("after save and next at %q, want the second step", loc)
	}
	next := e.followGet(t, res, c)
	if query(next.doc, "a[rel=prev]") == nil {
		t.Error("the second step does not link back")
	}
	if got := attrOf(query(next.doc, "form#step-form input[name=version]"), "value"); got != "2" {
		t.Errorf("the next step's editor carries version %q, want the saved one (2)", got)
	}
}

// TestWorkshopModelAccess: a case worker may not enter, a process owner of
// another unit does not see the model, and anonymous visitors log in.
func TestWorkshopModelAccess(t *testing.T) {
	e := newModelEnv(t)
	id := e.importModel(t, e.login(e.owner), "ohne-rueckfrage", []byte(handModelWithoutAsk), "case:9")
	worker := e.login(e.outsider)
	for _, path := range []string{"/amt/prozesse/modelle", modelURL(id), modelURL(id, "digitalcheck")} {
		wantStatus(t, e.get(path, worker), http.StatusForbidden)
	}
	wantStatus(t, e.postForm(stepURL(id, "t1"), annotateForm(1), worker), http.StatusForbidden)
	stranger := e.login(e.stranger)
	list := e.get("/amt/prozesse/modelle", stranger)
	wantStatus(t, list, http.StatusOK)
	if query(list.doc, "#models") != nil {
		t.Error("the stranger sees the owner's model in the list")
	}
	for _, path := range []string{modelURL(id), modelURL(id) + ".bpmn", modelURL(id, "konformitaet"), modelURL(id, "digitalcheck") + ".pdf", stepURL(id, "t1")} {
		wantStatus(t, e.get(path, stranger), http.StatusNotFound)
	}
	wantStatus(t, e.postForm(modelURL(id, "loeschen"), url.Values{}, stranger), http.StatusNotFound)
	if res := e.get(modelURL(id)); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
		t.Errorf("anonymous: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
}
