package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// TestWorkshopModelDiscoverAndConformance discovers a model from the
// fixture's applications: its steps are the log's activities, the log
// fits it completely, and a hand-drawn model without the query shows the
// deviation there.
func TestWorkshopModelDiscoverAndConformance(t *testing.T) {
	e := newModelEnv(t)
	c := e.login(e.owner)
	res := e.postForm("/amt/prozesse/modelle/entdecken", url.Values{"d_source": {"case:9"}, "d_noise": {"0"}, "d_name": {"Entdeckt"}}, c)
	wantStatus(t, res, http.StatusSeeOther)
	id := modelIDOf(t, res.Header.Get("Location"))
	_, pm, err := e.ws.Model(context.Background(), workshopActor(e.owner), id)
	if err != nil {
		t.Fatal(err)
	}
	var acts []string
	for _, s := range modelSteps(pm) {
		acts = append(acts, s.Activity)
	}
	slices.Sort(acts)
	want := []string{"approve", "ask", "citizen_replied", "close", "resume", "start", "submitted"}
	if !slices.Equal(acts, want) {
		t.Errorf("discovered steps %q, want %q", acts, want)
	}
	page := e.get(modelURL(id), c)
	if !slices.Contains(texts(page.doc, "#steps tbody th"), "Rückfrage gestellt") {
		t.Error("the model page does not name the platform's activities")
	}
	if desc := text(query(page.doc, ".wm-diagram svg desc")); !strings.Contains(desc, "Rückfrage gestellt") || strings.Contains(desc, "citizen_replied") {
		t.Errorf("the diagram names its steps %q", desc)
	}

	conf := e.get(modelURL(id, "konformitaet")+"?quelle=case:9", c)
	wantStatus(t, conf, http.StatusOK)
	if got := text(query(conf.doc, "#fitness")); got != "100,0 %" {
		t.Errorf("fitness = %q, want 100,0 %%", got)
	}
	if got := text(query(conf.doc, "#fit-share")); got != "100,0 %" {
		t.Errorf("fitting cases = %q, want 100,0 %%", got)
	}
	if query(conf.doc, "#no-deviations") == nil {
		t.Error("a fitting log shows deviations")
	}

	hand := e.importModel(t, c, "ohne-rueckfrage", []byte(handModelWithoutAsk), "case:9")
	conf = e.get(modelURL(hand, "konformitaet"), c) // the model's own log
	wantStatus(t, conf, http.StatusOK)
	fitness := text(query(conf.doc, "#fitness"))
	if fitness == "100,0 %" || fitness == "" {
		t.Errorf("fitness without the query = %q", fitness)
	}
	var ask string
	for _, row := range texts(conf.doc, "#deviations tbody tr") {
		if strings.Contains(row, "Rückfrage gestellt") {
			ask = row
		}
	}
	if !strings.Contains(ask, "Nicht im Modell") || !strings.Contains(ask, "12") {
		t.Errorf("deviation at ask = %q, want not in the model in 12 cases", ask)
	}
	if query(conf.doc, "g.wm-deviation") != nil {
		t.Error("a step of the model is marked, but every deviation is outside the model") // replay skips the foreign events
	}

	align := e.get(modelURL(hand, "konformitaet")+"?ausrichtung=1", c)
	wantStatus(t, align, http.StatusOK)
	if got := text(query(align.doc, "#align-summary")); !strings.Contains(got, "48 von 60 Fällen") {
		t.Errorf("alignment summary = %q, want 48 of 60 cases fitting", got)
	}
}

// TestWorkshopModelConformanceProblem: a collaboration of several
// processes cannot be replayed; the page says so instead of failing.
func TestWorkshopModelConformanceProblem(t *testing.T) {
	e := newModelEnv(t)
	c := e.login(e.owner)
	id := e.importModel(t, c, "B.2.0", miwg(t, "B.2.0.bpmn"), "case:9")
	res := e.get(modelURL(id, "konformitaet"), c)
	wantStatus(t, res, http.StatusBadRequest)
	if msg := text(query(res.doc, "#conf-problem")); !strings.Contains(msg, "mehrere Prozesse") {
		t.Errorf("problem = %q", msg)
	}
	if query(res.doc, "form#source-form") == nil {
		t.Error("the page lost its form to choose another log")
	}
}

// TestWorkshopModelDiscoverErrors: a noise threshold outside 0–1 and a
// missing log come back at their fields.
func TestWorkshopModelDiscoverErrors(t *testing.T) {
	e := newModelEnv(t)
	c := e.login(e.owner)
	res := e.postForm("/amt/prozesse/modelle/entdecken", url.Values{"d_source": {"case:9"}, "d_noise": {"1.5"}}, c)
	wantStatus(t, res, http.StatusBadRequest)
	if query(res.doc, "#field-d_noise-error") == nil {
		t.Error("no error at the noise threshold")
	}
	res = e.postForm("/amt/prozesse/modelle/entdecken", url.Values{"d_source": {"log:999"}, "d_noise": {"0.2"}}, c)
	wantStatus(t, res, http.StatusBadRequest)
	if query(res.doc, "#field-d_source-error") == nil {
		t.Error("no error at an unknown log")
	}
}

// TestWorkshopModelCheckPDF downloads the digitisation check as a PDF
// that names every step.
func TestWorkshopModelCheckPDF(t *testing.T) {
	e := newModelEnv(t)
	c := e.login(e.owner)
	id := e.importModel(t, c, "A.2.0", miwg(t, "A.2.0.bpmn"), "")
	res := e.get(modelURL(id, "digitalcheck")+".pdf", c)
	wantStatus(t, res, http.StatusOK)
	if ct := res.Header.Get("Content-Type"); ct != "application/pdf" || !strings.HasPrefix(res.body, "%PDF-") {
		t.Fatalf("not a PDF: %q %.10q", ct, res.body)
	}
	shown := pdfShownText(t, []byte(res.body))
	for _, step := range []string{"Task 1", "Task 2", "Task 3", "Task 4", "Digitalisierungscheck: A.2.0"} {
		if !strings.Contains(shown, step) {
			t.Errorf("PDF lacks %q", step)
		}
	}
}
