package web

import (
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Tests of the workshop's log pages on the fixture (newWorkshopEnv): 60
// applications, a fifth of them with a question to the citizen, the wait
// from submitted to start the bottleneck.

// workshopPage gets a page as the owner, wanting 200.
func (e *workshopEnv) page(t *testing.T, path string) *response {
	t.Helper()
	res := e.get(path, e.login(e.owner))
	wantStatus(t, res, 200)
	return res
}

// figure is the number shown for data-figure name.
func figure(t *testing.T, res *response, name string) string {
	t.Helper()
	n := query(res.doc, "[data-figure="+name+"]")
	if n == nil {
		t.Fatalf("no figure %s on the page", name)
	}
	return text(n)
}

// fixtureAskCases is how many of the fixture's cases ask the citizen.
func fixtureAskCases() int {
	n := 0
	for _, ev := range workshopEvents(1) {
		if ev.Activity == "ask" {
			n++
		}
	}
	return n
}

func TestWorkshopHomeListsSources(t *testing.T) {
	e := newWorkshopEnv(t)
	res := e.page(t, "/amt/prozesse")
	rows := queryAll(res.doc, "table#sources tbody tr")
	var service *html.Node
	for _, r := range rows {
		if strings.Contains(text(r), "Meldebescheinigung beantragen") {
			service = r
		}
	}
	if service == nil {
		t.Fatalf("no row for the fixture's service in %q", text(query(res.doc, "table#sources")))
	}
	if !strings.Contains(text(service), "60") || !strings.Contains(text(service), "Plattform") {
		t.Errorf("service row %q lacks its 60 cases or its origin", text(service))
	}
	if query(service, "a[href='/amt/prozesse/protokolle/case:9']") == nil {
		t.Errorf("service row has no link to its overview: %q", text(service))
	}
	for _, href := range []string{"/amt/prozesse/import", "/amt/prozesse/modelle"} {
		if query(res.doc, "main a[href='"+href+"']") == nil {
			t.Errorf("home has no link to %s", href)
		}
	}
	if query(res.doc, "main details") == nil || !strings.Contains(res.body, "Process Mining") {
		t.Error("home does not explain process mining")
	}
}

func TestWorkshopAccess(t *testing.T) {
	e := newWorkshopEnv(t)
	for _, p := range []string{"/amt/prozesse", "/amt/prozesse/import", "/amt/prozesse/protokolle/case:9", "/amt/prozesse/protokolle/case:9/dfg"} {
		if res := e.get(p, e.login(e.outsider)); res.StatusCode != 403 {
			t.Errorf("case worker on %s: status %d, want 403", p, res.StatusCode)
		}
		res := e.get(p)
		if res.StatusCode != 303 || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
			t.Errorf("anonymous on %s: status %d to %q, want the login", p, res.StatusCode, res.Header.Get("Location"))
		}
	}
	if res := e.get("/amt/prozesse/protokolle/unknown", e.login(e.owner)); res.StatusCode != 404 {
		t.Errorf("unknown process: status %d, want 404", res.StatusCode)
	}
	if res := e.get("/amt/prozesse/protokolle/log:999", e.login(e.owner)); res.StatusCode != 404 {
		t.Errorf("unknown log: status %d, want 404", res.StatusCode)
	}
	// The stranger's unit has no applications: the platform log is empty.
	res := e.get("/amt/prozesse/protokolle/case:9", e.login(e.stranger))
	if res.StatusCode == 200 && figureOrEmpty(res, "cases") == "60" {
		t.Error("the stranger sees the other unit's 60 applications")
	}
}

// act is the German name of a platform activity of applications.
func (e *workshopEnv) act(id string) string { return e.srv.tr.T("de", "workshop.activity.case."+id) }

func figureOrEmpty(res *response, name string) string {
	if n := query(res.doc, "[data-figure="+name+"]"); n != nil {
		return text(n)
	}
	return ""
}

func TestWorkshopOverview(t *testing.T) {
	e := newWorkshopEnv(t)
	res := e.page(t, "/amt/prozesse/protokolle/case:9")
	for name, want := range map[string]string{"cases": "60", "variants": "2", "activities": "7"} {
		if got := figure(t, res, name); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	if n := len(queryAll(res.doc, "#hist-table tbody tr")); n == 0 {
		t.Error("no histogram table")
	}
	total := 0
	for _, td := range queryAll(res.doc, "#hist-table tbody td") {
		n, _ := strconv.Atoi(text(td))
		total += n
	}
	if total != 60 {
		t.Errorf("histogram counts %d cases, want 60", total)
	}
	if query(res.doc, "svg[role=img] title") == nil || query(res.doc, "#throughput-table") == nil {
		t.Error("charts without title or throughput without table")
	}
	// Every analysis link carries no filter when none is set.
	if query(res.doc, "nav.app-ws-sections a[href='/amt/prozesse/protokolle/case:9/dfg']") == nil {
		t.Error("no sub-navigation link to the map")
	}
}

func TestWorkshopFilterCarriesAcrossPages(t *testing.T) {
	e := newWorkshopEnv(t)
	ask := fixtureAskCases()
	res := e.page(t, "/amt/prozesse/protokolle/case:9?aktivitaet=ask")
	if got := figure(t, res, "cases"); got != strconv.Itoa(ask) {
		t.Errorf("cases with ask: %s, want %d", got, ask)
	}
	if query(res.doc, "#filter-note") == nil {
		t.Error("no note that the view is filtered")
	}
	link := query(res.doc, "nav.app-ws-sections a[href='/amt/prozesse/protokolle/case:9/varianten?aktivitaet=ask']")
	if link == nil {
		t.Fatal("the sub-navigation drops the filter")
	}
	if query(res.doc, "a[href='/amt/prozesse/protokolle/case:9/export.csv?aktivitaet=ask']") == nil {
		t.Error("the export links drop the filter")
	}
	res = e.page(t, "/amt/prozesse/protokolle/case:9/varianten?aktivitaet=ask")
	if n := len(queryAll(res.doc, "table#variants tbody tr")); n != 1 {
		t.Errorf("variants of the filtered log: %d, want 1", n)
	}
	res = e.page(t, "/amt/prozesse/protokolle/case:9?aktivitaet=ask&modus=lacks")
	if got := figure(t, res, "cases"); got != strconv.Itoa(60-ask) {
		t.Errorf("cases without ask: %s, want %d", got, 60-ask)
	}
	res = e.page(t, "/amt/prozesse/protokolle/case:9?merkmal=channel%3Donline&variante=1")
	if got := figure(t, res, "cases"); got != strconv.Itoa(60-ask) {
		t.Errorf("online cases of the top variant: %s, want %d", got, 60-ask)
	}
	res = e.get("/amt/prozesse/protokolle/case:9?von=gestern", e.login(e.owner))
	wantStatus(t, res, 200)
	if query(res.doc, "#error-summary a[href='#field-von']") == nil {
		t.Error("a bad date has no error")
	}
	if got := figure(t, res, "cases"); got != "60" {
		t.Errorf("a bad date filtered the cases: %s", got)
	}
}

func TestWorkshopDFG(t *testing.T) {
	e := newWorkshopEnv(t)
	res := e.page(t, "/amt/prozesse/protokolle/case:9/dfg")
	rows := queryAll(res.doc, "table#dfg-edges tbody tr")
	if len(rows) != 7 {
		t.Errorf("edges: %d, want 7", len(rows))
	}
	var longest *html.Node
	best := -1.0
	for _, r := range rows {
		v, _ := attr(r, "data-median")
		m, _ := strconv.ParseFloat(v, 64)
		if m > best {
			best, longest = m, r
		}
	}
	from, to := text(query(longest, "th")), text(query(longest, "td"))
	if from != e.act("submitted") || to != e.act("start") {
		t.Errorf("longest median wait on %q → %q, want submitted → start", from, to)
	}
	if best < 86400 {
		t.Errorf("longest median wait %.0f s, want days", best)
	}
	if n := len(queryAll(res.doc, "svg#dfg g.app-ws-node")); n != 9 {
		t.Errorf("drawn nodes: %d, want 7 activities with start and end", n)
	}
	if query(res.doc, "input[type=range]#field-pfade") == nil || query(res.doc, "output[for=field-pfade]") == nil {
		t.Error("no path slider with its value")
	}
	// Half the activities: the four every case has, with the three paths
	// between them.
	res = e.page(t, "/amt/prozesse/protokolle/case:9/dfg?aktivitaeten=50&ansicht=median")
	if n := len(queryAll(res.doc, "table#dfg-edges tbody tr")); n != 3 {
		t.Errorf("edges at 50 %% of the activities: %d, want 3", n)
	}
	if !strings.Contains(text(query(res.doc, "#dfg-shown")), "7") {
		t.Errorf("the page does not say how much is shown: %q", text(query(res.doc, "#dfg-shown")))
	}
}

func TestWorkshopAnalysisPages(t *testing.T) {
	e := newWorkshopEnv(t)
	ask := fixtureAskCases()
	res := e.page(t, "/amt/prozesse/protokolle/case:9/varianten")
	rows := queryAll(res.doc, "table#variants tbody tr")
	if len(rows) != 2 {
		t.Fatalf("variants: %d, want 2", len(rows))
	}
	if !strings.Contains(text(rows[0]), strconv.Itoa(60-ask)) || !strings.Contains(text(rows[1]), strconv.Itoa(ask)) {
		t.Errorf("variant rows %q / %q lack their counts %d and %d", text(rows[0]), text(rows[1]), 60-ask, ask)
	}
	res = e.page(t, "/amt/prozesse/protokolle/case:9/aktivitaeten")
	if n := len(queryAll(res.doc, "table#activities tbody tr")); n != 7 {
		t.Errorf("activities: %d, want 7", n)
	}
	res = e.page(t, "/amt/prozesse/protokolle/case:9/engpaesse")
	top := text(query(res.doc, "#top-bottleneck"))
	if !strings.Contains(top, e.act("submitted")) || !strings.Contains(top, e.act("start")) {
		t.Errorf("top bottleneck %q is not submitted → start", top)
	}
	res = e.page(t, "/amt/prozesse/protokolle/case:9/schleifen")
	if got := figure(t, res, "rework-cases"); got != "0" {
		t.Errorf("rework cases: %s, want 0 (no step repeats in the fixture)", got)
	}
	res = e.page(t, "/amt/prozesse/protokolle/case:9/auslastung?nach=org:group")
	if !strings.Contains(text(query(res.doc, "table#workload-units")), "Bürgerservice") {
		t.Error("workload by unit does not show the unit")
	}
	// By resource: staff by role, never by person, in words.
	res = e.page(t, "/amt/prozesse/protokolle/case:9/auslastung?nach=resource")
	units := text(query(res.doc, "table#workload-units"))
	for _, want := range []string{"Sachbearbeitung", "Antragstellende", "System (automatisch)"} {
		if !strings.Contains(units, want) {
			t.Errorf("workload by resource %q lacks %q", units, want)
		}
	}
	if strings.Contains(units, "staff:1") {
		t.Error("workload names a person")
	}
}
