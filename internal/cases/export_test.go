package cases_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/cases"
	"rathaus/internal/form"
)

func exportFiles() []cases.File {
	return []cases.File{
		{ID: 5, CaseID: 42, Kind: "attachment", Question: "registration", Key: "uploads/k1",
			Name: "schein-vorn.pdf", ContentType: "application/pdf", Size: 2048,
			SHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", CreatedAt: submittedAt},
		{ID: 6, CaseID: 42, Kind: "attachment", Question: "registration", Key: "uploads/k2",
			Name: "schein-hinten.jpg", ContentType: "image/jpeg", Size: 4096,
			SHA256: "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", CreatedAt: submittedAt},
	}
}

func exportHistory() []cases.HistoryEntry {
	staff := int64(3)
	return []cases.HistoryEntry{
		{ID: 1, CaseID: 42, At: submittedAt, Action: "submitted", ToState: "received"},
		{ID: 2, CaseID: 42, At: submittedAt.Add(time.Hour), Action: "start", FromState: "received", ToState: "in_progress", ActorID: &staff},
	}
}

func exportPayments() []cases.Payment {
	return []cases.Payment{{ID: 9, CaseID: 42, Cents: 3050, Source: "camt:DE89370400440532013000", EntryRef: "E-1",
		Debtor: "Erika Mustermann", Text: "JENA-2026-000123", BookedAt: submittedAt.Add(24 * time.Hour), At: submittedAt.Add(25 * time.Hour)}}
}

// decode marshals v and reads it back as a consumer without our types
// would.
func decode(t *testing.T, v any) map[string]any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestExportHasWhatConsumersRelyOn(t *testing.T) {
	c := parkingCase()
	org := int64(4)
	c.OrgID = &org
	deadline := time.Date(2026, 12, 29, 10, 30, 0, 0, time.FixedZone("CET", 3600))
	c.Deadline = &deadline
	c.PaidCents = 3050
	m := decode(t, cases.ExportCase(c, parkingForm(), parkingAnswers(), exportFiles(), exportHistory(), exportPayments()))

	if m["format"] != "rathaus-case/1" {
		t.Errorf("format = %v", m["format"])
	}
	wantCase := map[string]any{
		"id": 42.0, "reference": "JENA-2026-000123", "service_id": 7.0, "form_version": 3.0,
		"org_id": 4.0, "state": "received", "channel": "online",
		"submitted_at": "2026-11-29T10:30:00Z", "updated_at": "2026-11-29T10:30:00Z",
		"deadline": "2026-12-29T09:30:00Z", "closed_at": nil,
		"fee_cents": 3050.0, "paid_cents": 3050.0,
	}
	if d := cmp.Diff(wantCase, m["case"]); d != "" {
		t.Errorf("case (-want +got):\n%s", d)
	}
	wantApplicant := map[string]any{"name": "Erika Mustermann", "email": "erika@example.org", "account_id": nil}
	if d := cmp.Diff(wantApplicant, m["applicant"]); d != "" {
		t.Errorf("applicant (-want +got):\n%s", d)
	}

	raw := m["answers"].(map[string]any)
	if got := raw["plate"]; !cmp.Equal(got, map[string]any{"text": "J-EM 123"}) {
		t.Errorf("raw answer plate = %v", got)
	}
	if got := raw["address"].(map[string]any)["address"].(map[string]any)["postal_code"]; got != "07743" {
		t.Errorf("raw address postal code = %v", got)
	}

	labelled := m["answers_labelled"].([]any)
	byQuestion := map[string]map[string]any{}
	for _, a := range labelled {
		a := a.(map[string]any)
		byQuestion[a["question"].(string)] = a
	}
	if d := cmp.Diff(map[string]any{"page": "person", "page_title": "Angaben zur Person", "question": "born",
		"type": "date", "label": "Geburtsdatum", "value": "14.03.1980"}, byQuestion["born"]); d != "" {
		t.Errorf("labelled answer born (-want +got):\n%s", d)
	}
	if got := byQuestion["use"]["value"]; got != "Privatwagen" {
		t.Errorf("labelled choice = %v, want the German label", got)
	}
	if _, ok := byQuestion["employer"]; ok {
		t.Error("a question on a page the applicant did not see is in the labelled answers")
	}
	if first := labelled[0].(map[string]any)["question"]; first != "name" {
		t.Errorf("labelled answers start with %v, want the form's order", first)
	}

	regFiles := raw["registration"].(map[string]any)["files"].([]any)
	if id := regFiles[1].(map[string]any)["id"]; id != "6" {
		t.Errorf("raw file answer id = %v, want 6, the id of the case's file", id)
	}
	if b, _ := json.Marshal(m); strings.Contains(string(b), "uploads/") {
		t.Error("the export shows a file store key")
	}

	files := m["files"].([]any)
	if len(files) != 2 {
		t.Fatalf("files = %v", files)
	}
	wantFile := map[string]any{"id": 5.0, "kind": "attachment", "question": "registration", "name": "schein-vorn.pdf",
		"content_type": "application/pdf", "size": 2048.0, "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
		"created_at": "2026-11-29T10:30:00Z", "href": "/api/v1/cases/42/files/5"}
	if d := cmp.Diff(wantFile, files[0]); d != "" {
		t.Errorf("file (-want +got):\n%s", d)
	}

	history := m["history"].([]any)
	if len(history) != 2 || history[1].(map[string]any)["to_state"] != "in_progress" ||
		history[1].(map[string]any)["actor_id"] != 3.0 || history[0].(map[string]any)["actor_id"] != nil {
		t.Errorf("history = %v", history)
	}
	pays := m["payments"].([]any)
	if len(pays) != 1 || pays[0].(map[string]any)["cents"] != 3050.0 || pays[0].(map[string]any)["booked_at"] != "2026-11-30T10:30:00Z" {
		t.Errorf("payments = %v", pays)
	}
}

// TestExportEmptyListsAreArrays: consumers iterate without null checks.
func TestExportEmptyListsAreArrays(t *testing.T) {
	f := &form.Form{ServiceID: 7, Version: 1, Title: form.Text{"de": "Leer"}}
	m := decode(t, cases.ExportCase(parkingCase(), f, nil, nil, nil, nil))
	for _, k := range []string{"answers_labelled", "files", "history", "payments"} {
		if l, ok := m[k].([]any); !ok || len(l) != 0 {
			t.Errorf("%s = %#v, want []", k, m[k])
		}
	}
	if a, ok := m["answers"].(map[string]any); !ok || len(a) != 0 {
		t.Errorf("answers = %#v, want {}", m["answers"])
	}
	if c := m["case"].(map[string]any); c["deadline"] != nil || c["org_id"] != nil {
		t.Errorf("deadline %v, org_id %v, want null", c["deadline"], c["org_id"])
	}
}

// TestExportRoundTrip: the Go types read back what they wrote.
func TestExportRoundTrip(t *testing.T) {
	e := cases.ExportCase(parkingCase(), parkingForm(), parkingAnswers(), exportFiles(), exportHistory(), exportPayments())
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var back cases.Export
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(e, back); d != "" {
		t.Errorf("round trip (-wrote +read):\n%s", d)
	}
}

// TestExportFieldsAreDocumented: every field the export writes is
// described in docs/case-export.md, and its example is valid JSON.
func TestExportFieldsAreDocumented(t *testing.T) {
	b, err := os.ReadFile("../../docs/case-export.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	c := parkingCase()
	c.OrgID = new(int64)
	m := decode(t, cases.ExportCase(c, parkingForm(), parkingAnswers(), exportFiles(), exportHistory(), exportPayments()))
	delete(m, "answers") // keyed by question ID; its members are checked below
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if !strings.Contains(doc, "`"+k+"`") {
					t.Errorf("field %q is not described in docs/case-export.md", k)
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(m)
	for _, k := range []string{"text", "list", "address", "files", "street", "house_number", "postal_code", "city", "country"} {
		if !strings.Contains(doc, "`"+k+"`") && !strings.Contains(doc, `"`+k+`"`) {
			t.Errorf("answer member %q is not described", k)
		}
	}
	start := strings.Index(doc, "```json\n")
	end := strings.Index(doc[start+8:], "\n```")
	if start < 0 || end < 0 {
		t.Fatal("no JSON example in docs/case-export.md")
	}
	var example cases.Export
	if err := json.Unmarshal([]byte(doc[start+8:start+8+end]), &example); err != nil || example.Format != cases.ExportFormat {
		t.Errorf("the example does not read as an export: %v (format %q)", err, example.Format)
	}
}
