package web

import (
	"strings"
	"testing"
	"time"

	"rathaus/internal/appointment"
)

func TestAppointmentAPI(t *testing.T) {
	e := newAppointmentEnv(t)
	doc := loadOpenAPI(t)
	kfz := e.id("kfz")
	slots := "/api/v1/appointments/slots?service=" + e.id("parken") + "&office=" + kfz + "&from=2026-11-30&to=2026-11-30"

	v := e.check(doc, apiCall{method: "GET", path: slots}, 200).(map[string]any)["slots"].([]any)
	// 08:00-12:00 and 13:00-15:00, 30 minutes every 10: 22 + 10 starts.
	if len(v) != 32 {
		t.Fatalf("got %d slots, want 32", len(v))
	}
	first := v[0].(map[string]any)
	if first["start"] != "2026-11-30T07:00:00Z" || first["end"] != "2026-11-30T07:30:00Z" || first["free"] != 1.0 {
		t.Errorf("first slot = %v", first)
	}
	e.check(doc, apiCall{method: "GET", path: "/api/v1/appointments/slots?office=" + kfz}, 400)
	bad := e.check(doc, apiCall{method: "GET", path: "/api/v1/appointments/slots?service=" + e.id("parken") + "&persons=0"}, 400)
	if f := bad.(map[string]any)["error"].(map[string]any)["fields"].([]any); f[0].(map[string]any)["field"] != "persons" {
		t.Errorf("bad persons reported as %v", f)
	}
	e.check(doc, apiCall{method: "GET", path: "/api/v1/appointments/slots?service=" + e.id("parken") + "&from=gestern"}, 400)
	e.check(doc, apiCall{method: "GET", path: "/api/v1/appointments/slots?service=" + e.id("parken") + "&from=2026-12-01&to=2027-06-01"}, 400)
	all := e.check(doc, apiCall{method: "GET", path: "/api/v1/appointments/slots?service=" + e.id("perso")}, 200).(map[string]any)["slots"].([]any)
	if len(all) == 0 {
		t.Error("no slots without an office")
	}

	body := `{"service_ids":[` + e.id("parken") + `],"office_id":` + kfz + `,"start":"2026-11-30T07:00:00Z","name":"Erika Mustermann","email":"erika@example.org"}`
	got := e.check(doc, apiCall{method: "POST", path: "/api/v1/appointments", body: body}, 201).(map[string]any)
	if got["status"] != appointment.Held || got["code"] == "" {
		t.Errorf("booking = %v", got)
	}
	link := e.linkIn(t, "erika@example.org", "/termine/bestaetigen?t=")
	if link == "" {
		t.Error("no confirmation mail")
	}
	// The slot is held: one counter, so the next booking finds it gone.
	other := strings.Replace(body, "erika@", "max@", 1)
	v409 := e.check(doc, apiCall{method: "POST", path: "/api/v1/appointments", body: other, lang: "en"}, 409).(map[string]any)
	if msg := v409["error"].(map[string]any)["message"].(string); !strings.Contains(msg, "taken") {
		t.Errorf("409 message %q", msg)
	}
	e.check(doc, apiCall{method: "POST", path: "/api/v1/appointments", body: `{"service_ids":[]}`}, 400)
	e.check(doc, apiCall{method: "POST", path: "/api/v1/appointments", body: `{"office":1}`}, 400)
	e.check(doc, apiCall{method: "POST", path: "/api/v1/appointments", body: body, contentType: "text/plain"}, 415)

	// Confirmed by the mailed link, then cancelled by its management secret.
	_, manage := e.bookNow(t, "kim@example.org", appointment.Slot{OfficeID: e.ids["kfz"], Start: time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)})
	c := e.check(doc, apiCall{method: "POST", path: "/api/v1/appointments/cancel", body: `{"token":"` + manage + `"}`}, 200).(map[string]any)
	if c["status"] != appointment.Cancelled {
		t.Errorf("cancel = %v", c)
	}
	e.check(doc, apiCall{method: "POST", path: "/api/v1/appointments/cancel", body: `{"token":"` + manage + `"}`}, 409)
	e.check(doc, apiCall{method: "POST", path: "/api/v1/appointments/cancel", body: `{"token":"falsch"}`}, 404)
}

func TestAppointmentAPIRateLimit(t *testing.T) {
	e := newAppointmentEnv(t)
	doc := loadOpenAPI(t)
	for range bookingsPerClient {
		e.check(doc, apiCall{method: "POST", path: "/api/v1/appointments", body: `{"service_ids":[1]}`}, 400)
	}
	e.check(doc, apiCall{method: "POST", path: "/api/v1/appointments", body: `{"service_ids":[1]}`}, 429)
}
