package web

import (
	"bytes"
	"context"
	"slices"
	"strconv"
	"testing"
	"time"

	"rathaus/internal/audit"
	"rathaus/internal/cases"
)

func TestCasesAPIStaffQueue(t *testing.T) {
	e := newCasesEnv(t)
	doc := loadOpenAPI(t)
	c := e.submitParking(t)
	tok := e.apiToken(e.worker)
	queue := func(query string, total int) []any {
		t.Helper()
		v := e.apiCheck(doc, apiReq{method: "GET", path: "/api/v1/staff/cases" + query, token: tok}, 200)
		if apiNum(v["total"]) != int64(total) {
			t.Errorf("queue%s: total %v, want %d", query, v["total"], total)
		}
		return v["items"].([]any)
	}
	items := queue("", 1)
	if len(items) != 1 {
		t.Fatalf("queue = %v", items)
	}
	it := items[0].(map[string]any)
	if it["reference"] != c.Reference || it["applicant_name"] != "Erika Mustermann" || it["due"] != cases.DueOK ||
		it["state_label"] != "Eingegangen" || it["channel"] != cases.ChannelOnline {
		t.Errorf("queue item = %v", it)
	}
	queue("?service_id="+e.apiSvc("hund"), 0)
	queue("?service_id="+e.apiSvc("parken")+"&state=received,in_progress", 1)
	queue("?state=waiting", 0)
	queue("?assigned=none", 1)
	queue("?assigned=me", 0)
	queue("?unpaid=true", 1)
	queue("?q="+c.Reference, 1)
	queue("?q=niemand", 0)
	queue("?overdue=true", 0)
	if page := queue("?limit=1&offset=1", 1); len(page) != 0 {
		t.Errorf("second page = %v", page)
	}
	// 15 days later the promised 14 days have passed.
	e.clock.Set(testNow.Add(15 * 24 * time.Hour))
	if od := queue("?overdue=true", 1); od[0].(map[string]any)["due"] != cases.DueOverdue {
		t.Errorf("overdue item = %v", od[0])
	}
	for _, bad := range []struct{ query, field string }{
		{"?limit=0", "limit"}, {"?limit=201", "limit"}, {"?offset=-1", "offset"}, {"?assigned=du", "assigned"},
		{"?overdue=ja", "overdue"}, {"?service_id=x", "service_id"},
	} {
		v := e.apiCheck(doc, apiReq{method: "GET", path: "/api/v1/staff/cases" + bad.query, token: tok}, 400)
		if !slices.Equal(apiFields(v), []string{bad.field}) {
			t.Errorf("%s: %v", bad.query, v)
		}
	}

	// A worker of another unit does not see it; citizens are no staff.
	if v := e.apiCheck(doc, apiReq{method: "GET", path: "/api/v1/staff/cases", token: e.apiToken(e.stranger)}, 200); apiNum(v["total"]) != 0 {
		t.Errorf("stranger's queue = %v", v)
	}
	e.apiCheck(doc, apiReq{method: "GET", path: "/api/v1/staff/cases", token: e.apiToken(e.citizen)}, 403)
	e.apiCheck(doc, apiReq{method: "GET", path: "/api/v1/staff/cases"}, 401)
}

func TestCasesAPIStaffCase(t *testing.T) {
	e := newCasesEnv(t)
	doc := loadOpenAPI(t)
	c := e.submitParking(t)
	tok := e.apiToken(e.worker)
	base := "/api/v1/staff/cases/" + strconv.FormatInt(c.ID, 10)

	v := e.apiCheck(doc, apiReq{method: "GET", path: base, token: tok}, 200)
	if v["applicant"].(map[string]any)["email"] != "erika@example.org" || v["answers"].(map[string]any)["plate"] == nil ||
		len(v["answers_labelled"].([]any)) == 0 || apiNum(v["version"]) != 1 {
		t.Errorf("staff case = %v", v)
	}
	var actions []string
	for _, a := range v["actions"].([]any) {
		actions = append(actions, a.(map[string]any)["action"].(string))
	}
	if !slices.Contains(actions, "start") || !slices.Contains(actions, "ask") || slices.Contains(actions, "approve") {
		t.Errorf("actions = %v", actions)
	}
	entries, err := e.db.FindAuditEntries(context.Background(), audit.Filter{Action: audit.PersonalDataRead})
	if err != nil || len(entries) == 0 {
		t.Errorf("reading the case left no audit entry (%v)", err)
	}

	// Transitions with optimistic locking.
	step := func(body string, status int) map[string]any {
		t.Helper()
		return e.apiCheck(doc, apiReq{method: "POST", path: base + "/transitions", token: tok, body: body}, status)
	}
	if got := step(`{"action":"start","version":1}`, 200); got["state"] != "in_progress" || apiNum(got["version"]) != 2 {
		t.Errorf("after start: %v", got)
	}
	step(`{"action":"ask","version":1,"note":"Bitte Fahrzeugschein nachreichen."}`, 409)
	if got := step(`{"action":"ask","version":2}`, 400); !slices.Equal(apiFields(got), []string{"note"}) {
		t.Errorf("ask without a note: %v", got)
	}
	step(`{"action":"fly","version":2}`, 409)
	if got := step(`{"version":2}`, 400); !slices.Equal(apiFields(got), []string{"action"}) {
		t.Errorf("no action: %v", got)
	}
	step(`{"action":"ask","version":2,"note":"x","extra":1}`, 400)
	got := step(`{"action":"ask","version":2,"note":"Bitte Fahrzeugschein nachreichen."}`, 200)
	if got["state"] != "waiting" || got["state_kind"] != cases.KindWaiting {
		t.Errorf("after ask: %v", got)
	}
	// The applicant sees the request in the history.
	mine := e.apiCheck(doc, apiReq{method: "GET", path: "/api/v1/cases/" + strconv.FormatInt(c.ID, 10), token: e.apiToken(e.citizen)}, 200)
	h := mine["history"].([]any)
	if last := h[len(h)-1].(map[string]any); last["action"] != "ask" || last["note"] != "Bitte Fahrzeugschein nachreichen." {
		t.Errorf("citizen's history = %v", h)
	}

	// The export.
	x := e.apiCheck(doc, apiReq{method: "GET", path: base + "/export", token: tok}, 200)
	if x["format"] != cases.ExportFormat || x["case"].(map[string]any)["reference"] != c.Reference {
		t.Errorf("export = %v", x)
	}
	files := x["files"].([]any)
	if len(files) == 0 {
		t.Fatal("export without files")
	}
	href := files[0].(map[string]any)["href"].(string)
	if f := e.apiSend(apiReq{method: "GET", path: href, token: tok}); f.status != 200 || !bytes.Equal(f.raw, testPDF) {
		t.Errorf("staff download of %s: %d", href, f.status)
	}

	// Another unit's worker: 404 as if there were no case; a citizen: 403.
	stranger := e.apiToken(e.stranger)
	for _, q := range []apiReq{
		{method: "GET", path: base},
		{method: "POST", path: base + "/transitions", body: `{"action":"resume","version":3}`},
		{method: "GET", path: base + "/export"},
		{method: "GET", path: href},
	} {
		q.token = stranger
		if res := e.apiSend(q); res.status != 404 {
			t.Errorf("stranger: %s %s = %d", q.method, q.path, res.status)
		}
	}
	citizen := e.apiToken(e.citizen)
	for _, q := range []apiReq{
		{method: "GET", path: base},
		{method: "POST", path: base + "/transitions", body: `{"action":"resume","version":3}`},
		{method: "GET", path: base + "/export"},
	} {
		q.token = citizen
		e.apiCheck(doc, q, 403)
	}
	if now, _ := e.cases.Store.FindCase(context.Background(), c.ID); now.State != "waiting" || now.Version != 3 {
		t.Errorf("case changed by others: %s v%d", now.State, now.Version)
	}
	e.apiCheck(doc, apiReq{method: "GET", path: "/api/v1/staff/cases/999999", token: tok}, 404)
}

// TestCasesAPIOverdue: overdue=true finds undecided cases past their
// deadline in any workflow, not decided ones.
func TestCasesAPIOverdue(t *testing.T) {
	e := newCasesEnv(t)
	doc := loadOpenAPI(t)
	ctx := context.Background()
	// Dog registrations get a workflow of their own and three days.
	f, err := e.forms.FindForm(ctx, e.svc["hund"], 1)
	mustDo(t, err)
	f.Version, f.Settings.DecisionDays = 2, 3
	f.Settings.Workflow = []byte(`{"initial":"neu","states":[` +
		`{"id":"neu","kind":"received","label_de":"Neu"},` +
		`{"id":"fertig","kind":"decided","outcome":"approved","label_de":"Fertig"},` +
		`{"id":"zu","kind":"closed","label_de":"Zu"}],"transitions":[` +
		`{"action":"ok","from":["neu"],"to":"fertig","label_de":"OK"},` +
		`{"action":"close","from":["fertig"],"to":"zu","label_de":"Schließen"}]}`)
	mustDo(t, e.forms.SaveForm(ctx, f))
	dog := e.apiCheck(doc, apiReq{method: "POST", path: "/api/v1/cases", body: dogJSON(e.svc["hund"], "max@example.org")}, 201)
	if dog["status"] != "neu" {
		t.Fatalf("dog case = %v", dog)
	}
	parking := e.submitParking(t)
	tok := e.apiToken(e.worker)
	overdue := func() []string {
		t.Helper()
		v := e.apiCheck(doc, apiReq{method: "GET", path: "/api/v1/staff/cases?overdue=true", token: tok}, 200)
		var refs []string
		for _, it := range v["items"].([]any) {
			refs = append(refs, it.(map[string]any)["reference"].(string))
		}
		return refs
	}
	e.clock.Set(testNow.Add(4 * 24 * time.Hour))
	if got := overdue(); !slices.Equal(got, []string{dog["reference"].(string)}) {
		t.Errorf("after 4 days overdue = %v", got)
	}
	// The parking case is decided before its 14 days are over.
	a := apiReq{method: "POST", path: "/api/v1/staff/cases/" + strconv.FormatInt(parking.ID, 10) + "/transitions", token: tok}
	a.body = `{"action":"start","version":1}`
	e.apiCheck(doc, a, 200)
	a.body = `{"action":"approve","version":2}`
	if v := e.apiCheck(doc, a, 200); v["state_kind"] != cases.KindDecided || v["due"] != cases.DueNone {
		t.Errorf("approved = %v", v)
	}
	e.clock.Set(testNow.Add(15 * 24 * time.Hour))
	if got := overdue(); !slices.Equal(got, []string{dog["reference"].(string)}) {
		t.Errorf("after 15 days overdue = %v", got)
	}
}
