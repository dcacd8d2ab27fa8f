package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"rathaus/internal/audit"
	"rathaus/internal/eventlog"
)

// Tests of the import, deletion and export of logs.

const runningExampleXES = "../../../shared/data/eventlogs/running-example.xes"

// importLog posts the import form as u with a file and further fields.
func (e *workshopEnv) importLog(t *testing.T, c *http.Cookie, fileName string, data []byte, fields url.Values) *response {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range fields {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	if fileName != "" {
		fw, err := mw.CreateFormFile("file", fileName)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(data)
	}
	mw.Close()
	r := httptest.NewRequest("POST", "/amt/prozesse/import", &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.Header.Set("Sec-Fetch-Site", "same-origin")
	r.AddCookie(c)
	return e.do(r)
}

// importedKey is the source key an import redirected to.
func importedKey(t *testing.T, res *response) string {
	t.Helper()
	if res.StatusCode != 303 {
		t.Fatalf("import: status %d, want 303; body:\n%.1500s", res.StatusCode, res.body)
	}
	loc := res.Header.Get("Location")
	key, ok := strings.CutPrefix(loc, "/amt/prozesse/protokolle/")
	if !ok || !strings.HasPrefix(key, "log:") {
		t.Fatalf("import redirected to %q", loc)
	}
	return key
}

func readRunningExample(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(runningExampleXES)
	if err != nil {
		t.Skipf("the reference logs are not here (%v): skipping", err)
	}
	return data
}

func TestWorkshopImportXES(t *testing.T) {
	e := newWorkshopEnv(t)
	c := e.login(e.owner)
	key := importedKey(t, e.importLog(t, c, "running-example.xes", readRunningExample(t), url.Values{"name": {"Laufbeispiel"}}))
	res := e.get("/amt/prozesse/protokolle/"+key, c)
	wantStatus(t, res, 200)
	if got := figure(t, res, "cases"); got != "6" {
		t.Errorf("cases of the running example: %s, want 6", got)
	}
	if !strings.Contains(text(query(res.doc, "h1")), "Laufbeispiel") {
		t.Errorf("heading %q lacks the log's name", text(query(res.doc, "h1")))
	}
	res = e.get("/amt/prozesse", c)
	if !strings.Contains(text(query(res.doc, "table#sources")), "Laufbeispiel") {
		t.Error("the imported log is not listed")
	}
	// The stranger of another unit neither sees nor opens it.
	s := e.login(e.stranger)
	if res := e.get("/amt/prozesse", s); strings.Contains(res.body, "Laufbeispiel") {
		t.Error("the stranger sees the other unit's log")
	}
	if res := e.get("/amt/prozesse/protokolle/"+key, s); res.StatusCode != 404 {
		t.Errorf("stranger on the log: status %d, want 404", res.StatusCode)
	}
	if res := e.postForm("/amt/prozesse/protokolle/"+key+"/loeschen", url.Values{}, s); res.StatusCode != 404 {
		t.Errorf("stranger deleting the log: status %d, want 404", res.StatusCode)
	}
	// The owner deletes it after a confirmation page.
	res = e.get("/amt/prozesse/protokolle/"+key+"/loeschen", c)
	wantStatus(t, res, 200)
	if query(res.doc, "main form[method=post] button[type=submit]") == nil {
		t.Fatal("no confirmation form")
	}
	res = e.postForm("/amt/prozesse/protokolle/"+key+"/loeschen", url.Values{}, c)
	if res.StatusCode != 303 {
		t.Fatalf("delete: status %d", res.StatusCode)
	}
	if res := e.get("/amt/prozesse/protokolle/"+key, c); res.StatusCode != 404 {
		t.Errorf("deleted log: status %d, want 404", res.StatusCode)
	}
	if res := e.get("/amt/prozesse/protokolle/case:9/loeschen", c); res.StatusCode != 404 {
		t.Errorf("deleting a platform log: status %d, want 404", res.StatusCode)
	}
}

func TestWorkshopImportCSVWithMapping(t *testing.T) {
	e := newWorkshopEnv(t)
	c := e.login(e.owner)
	csv := "Vorgang;Schritt;Wann;Wer\n" +
		"A-1;Eingang;03.02.2026 09:00;Poststelle\nA-1;Prüfung;04.02.2026 10:30;Sachbearbeitung\nA-1;Bescheid;10.02.2026 08:00;Sachbearbeitung\n" +
		"A-2;Eingang;05.02.2026 11:00;Poststelle\nA-2;Bescheid;06.02.2026 12:00;Sachbearbeitung\n"
	fields := url.Values{"format": {"csv"}, "case_column": {"Vorgang"}, "activity_column": {"Schritt"},
		"timestamp_column": {"Wann"}, "resource_column": {"Wer"}, "time_layout": {"02.01.2006 15:04"}}
	key := importedKey(t, e.importLog(t, c, "akten.csv", []byte(csv), fields))
	res := e.get("/amt/prozesse/protokolle/"+key, c)
	wantStatus(t, res, 200)
	if got, want := figure(t, res, "cases"), "2"; got != want {
		t.Errorf("cases: %s, want %s", got, want)
	}
	if got := figure(t, res, "events"); got != "5" {
		t.Errorf("events: %s, want 5", got)
	}
	res = e.get("/amt/prozesse/protokolle/"+key+"/auslastung?nach=resource", c)
	if !strings.Contains(text(query(res.doc, "table#workload-units")), "Poststelle") {
		t.Error("the mapped resource column is not the resource")
	}
	// A wrong column name: the translated message, nothing stored.
	fields.Set("case_column", "Aktenzeichen")
	res = e.importLog(t, c, "akten.csv", []byte(csv), fields)
	wantStatus(t, res, 400)
	if !strings.Contains(text(query(res.doc, "#error-summary")), "„Aktenzeichen“ gibt es in der Datei nicht") {
		t.Errorf("error summary %q", text(query(res.doc, "#error-summary")))
	}
	if query(res.doc, "input#field-case_column[value=Aktenzeichen]") == nil {
		t.Error("the form does not keep the entered mapping")
	}
}

func TestWorkshopImportBrokenFile(t *testing.T) {
	e := newWorkshopEnv(t)
	c := e.login(e.owner)
	before := len(e.sources(t))
	for _, tc := range []struct {
		name, file, data, format, want string
	}{
		{"broken XES", "kaputt.xes", "<log><trace><event><string key=", "", "kein gültiges XML (Zeile 1)"},
		{"empty CSV", "leer.csv", "", "csv", "Bitte wählen Sie eine Datei aus."},
		{"CSV without a case column", "x.csv", "Wann;Was\n2026-01-01;a\n", "", "Fallnummer"},
		{"unknown format", "x.bin", "", "pdf", "Dateiformat wurde nicht erkannt"},
	} {
		res := e.importLog(t, c, tc.file, []byte(tc.data), url.Values{"format": {tc.format}})
		if res.StatusCode != 400 {
			t.Errorf("%s: status %d, want 400", tc.name, res.StatusCode)
			continue
		}
		if got := text(query(res.doc, "#error-summary")); !strings.Contains(got, tc.want) {
			t.Errorf("%s: error %q, want it to contain %q", tc.name, got, tc.want)
		}
	}
	if after := len(e.sources(t)); after != before {
		t.Errorf("sources after broken imports: %d, before %d", after, before)
	}
	if res := e.importLog(t, e.login(e.outsider), "x.xes", readRunningExample(t), nil); res.StatusCode != 403 {
		t.Errorf("case worker importing: status %d, want 403", res.StatusCode)
	}
}

func (e *workshopEnv) sources(t *testing.T) []string {
	t.Helper()
	srcs, err := e.ws.Sources(context.Background(), workshopActor(e.owner))
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, s := range srcs {
		keys = append(keys, s.Key)
	}
	return keys
}

func TestWorkshopExportRoundTrip(t *testing.T) {
	e := newWorkshopEnv(t)
	c := e.login(e.owner)
	key := importedKey(t, e.importLog(t, c, "running-example.xes", readRunningExample(t), nil))
	orig, _, err := eventlog.ReadXESFile(runningExampleXES, eventlog.XESOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res := e.get("/amt/prozesse/protokolle/"+key+"/export.xes", c)
	wantStatus(t, res, 200)
	if cd := res.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") || !strings.Contains(cd, ".xes") {
		t.Errorf("Content-Disposition %q", cd)
	}
	back, _, err := eventlog.ReadXES(strings.NewReader(res.body), eventlog.XESOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Cases) != len(orig.Cases) || back.NumEvents() != orig.NumEvents() {
		t.Fatalf("round trip: %d cases, %d events; want %d, %d", len(back.Cases), back.NumEvents(), len(orig.Cases), orig.NumEvents())
	}
	for i := range orig.Cases {
		if back.Cases[i].ID != orig.Cases[i].ID {
			t.Errorf("case %d: %q, want %q", i, back.Cases[i].ID, orig.Cases[i].ID)
		}
	}
	// The filtered platform log as CSV: only the cases with a question.
	res = e.get("/amt/prozesse/protokolle/case:9/export.csv?aktivitaet=ask", c)
	wantStatus(t, res, 200)
	header, _, err := eventlog.ReadCSVHeader(strings.NewReader(res.body))
	if err != nil {
		t.Fatal(err)
	}
	l, _, err := eventlog.ReadCSV(strings.NewReader(res.body), eventlog.DetectCSVMapping(header))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Cases) != fixtureAskCases() {
		t.Errorf("filtered CSV export: %d cases, want %d", len(l.Cases), fixtureAskCases())
	}
	for _, ext := range []string{"jsonocel", "xmlocel"} {
		res = e.get("/amt/prozesse/protokolle/case:9/export."+ext, c)
		wantStatus(t, res, 200)
		read := eventlog.ReadOCELJSON
		if ext == "xmlocel" {
			read = eventlog.ReadOCELXML
		}
		o, err := read(strings.NewReader(res.body))
		if err != nil {
			t.Fatalf("%s: %v", ext, err)
		}
		if n := len(o.Flatten("case").Cases); n != 60 {
			t.Errorf("%s export: %d cases, want 60", ext, n)
		}
	}
	entries, err := e.db.FindAuditEntries(context.Background(), audit.Filter{Action: "workshop.log_exported"})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 4 {
		t.Errorf("audit entries of exports: %d, want 4", len(entries))
	}
	if res := e.get("/amt/prozesse/protokolle/case:9/export.csv", e.login(e.outsider)); res.StatusCode != 403 {
		t.Errorf("case worker exporting: status %d, want 403", res.StatusCode)
	}
}

func TestWorkshopImportOCEL(t *testing.T) {
	e := newWorkshopEnv(t)
	c := e.login(e.owner)
	read := func(name string) []byte {
		data, err := os.ReadFile("../../../shared/data/eventlogs/ocel/" + name)
		if err != nil {
			t.Skipf("the OCEL examples are not here (%v): skipping", err)
		}
		return data
	}
	key := importedKey(t, e.importLog(t, c, "ocel20_example.jsonocel", read("ocel20_example.jsonocel"), nil))
	res := e.get("/amt/prozesse/protokolle/"+key, c)
	wantStatus(t, res, 200)
	if got := figure(t, res, "cases"); got == "0" {
		t.Error("the OCEL 2.0 example has no cases")
	}
	res = e.importLog(t, c, "ocel20_example.xmlocel", read("ocel20_example.xmlocel"), url.Values{"object_type": {"Gibtsnicht"}})
	wantStatus(t, res, 400)
	if query(res.doc, "#error-summary a[href='#field-object_type']") == nil {
		t.Errorf("an unknown object type has no field error: %q", text(query(res.doc, "#error-summary")))
	}
	res = e.importLog(t, c, "alt.xmlocel", read("example_log.xmlocel"), nil)
	wantStatus(t, res, 400)
	if got := text(query(res.doc, "#error-summary")); !strings.Contains(got, "OCEL 1.0") {
		t.Errorf("OCEL 1.0: error %q", got)
	}
}

// TestWorkshopImportXESVariants: a gzipped XES file imports like the
// plain one; a file that breaks the standard imports leniently with its
// problems listed on the overview, and is refused when strict.
func TestWorkshopImportXESVariants(t *testing.T) {
	e := newWorkshopEnv(t)
	c := e.login(e.owner)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(readRunningExample(t))
	zw.Close()
	key := importedKey(t, e.importLog(t, c, "running-example.xes.gz", gz.Bytes(), nil))
	if got := figure(t, e.get("/amt/prozesse/protokolle/"+key, c), "cases"); got != "6" {
		t.Errorf("gzipped running example: %s cases, want 6", got)
	}
	broken := `<log xes.version="1.0"><trace><string key="concept:name" value="F-1"/>` +
		`<event><string key="concept:name" value="Eingang"/><date key="time:timestamp" value="gestern"/></event>` +
		`<event><string key="concept:name" value="Bescheid"/></event></trace></log>`
	key = importedKey(t, e.importLog(t, c, "unsauber.xes", []byte(broken), nil))
	res := e.get("/amt/prozesse/protokolle/"+key, c)
	wantStatus(t, res, 200)
	if !strings.Contains(text(query(res.doc, "#import-warnings")), "gestern") {
		t.Errorf("the lenient import's problems are not shown: %q", text(query(res.doc, "#import-warnings")))
	}
	before := len(e.sources(t))
	res = e.importLog(t, c, "unsauber.xes", []byte(broken), url.Values{"strict": {"1"}})
	wantStatus(t, res, 400)
	if got := text(query(res.doc, "#error-summary")); !strings.Contains(got, "gestern") {
		t.Errorf("strict import: error %q does not name the problem", got)
	}
	if query(res.doc, "input#field-strict[checked]") == nil {
		t.Error("the form forgets the strict check")
	}
	if after := len(e.sources(t)); after != before {
		t.Errorf("a refused strict import was kept: %d sources, before %d", after, before)
	}
}
