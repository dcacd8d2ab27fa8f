package web

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestAPIServices(t *testing.T) {
	e := newCatalogEnv(t, thursday)
	doc := loadOpenAPI(t)
	v := e.check(doc, apiCall{method: "GET", path: "/api/v1/services?q=Perso+weg&limit=2"}, 200).(map[string]any)
	items := v["items"].([]any)
	if len(items) == 0 || len(items) > 2 {
		t.Fatalf("items = %v", items)
	}
	first := items[0].(map[string]any)
	if first["name"] != "Personalausweis beantragen" || first["external_id"] != "perso" {
		t.Errorf("first = %v", first)
	}
	if want := fmt.Sprintf("http://rathaus.test/leistungen/%d", e.ids["perso"]); first["url"] != want {
		t.Errorf("url = %v, want %s", first["url"], want)
	}
	if leika := first["leika"].([]any); len(leika) != 1 || leika[0] != "99102013001000" {
		t.Errorf("leika = %v", leika)
	}

	all := e.check(doc, apiCall{method: "GET", path: "/api/v1/services"}, 200).(map[string]any)
	if all["total"].(float64) != 6 || len(all["items"].([]any)) != 6 {
		t.Errorf("all published: total %v, %d items; want 6", all["total"], len(all["items"].([]any)))
	}
	page := e.check(doc, apiCall{method: "GET", path: "/api/v1/services?limit=2&offset=5"}, 200).(map[string]any)
	if page["total"].(float64) != 6 || len(page["items"].([]any)) != 1 {
		t.Errorf("last page: %v", page)
	}
	umzug := e.check(doc, apiCall{method: "GET", path: "/api/v1/services?life_situation=umzug"}, 200).(map[string]any)
	if umzug["total"].(float64) != 2 {
		t.Errorf("life_situation=umzug: total %v, want 2", umzug["total"])
	}

	for _, q := range []string{"limit=0", "limit=101", "limit=zehn", "offset=-1"} {
		e.check(doc, apiCall{method: "GET", path: "/api/v1/services?" + q}, 400)
	}
	bad := e.check(doc, apiCall{method: "GET", path: "/api/v1/services?limit=500", lang: "en"}, 400).(map[string]any)
	msg := bad["error"].(map[string]any)
	if fields, _ := msg["fields"].([]any); len(fields) != 1 || !strings.Contains(fields[0].(map[string]any)["message"].(string), "100") {
		t.Errorf("error = %v, want a translated field error naming the maximum", msg)
	}
}

func TestAPIService(t *testing.T) {
	e := newCatalogEnv(t, thursday)
	doc := loadOpenAPI(t)
	v := e.check(doc, apiCall{method: "GET", path: fmt.Sprintf("/api/v1/services/%d", e.ids["perso"])}, 200).(map[string]any)
	if v["name"] != "Personalausweis beantragen" || v["appointment_url"] != "https://termine.jena.example/ausweis" || v["online"] != false {
		t.Errorf("service = %v", v)
	}
	if fees := v["fees"].([]any); len(fees) != 2 || fees[0].(map[string]any)["cents"].(float64) != 3700 {
		t.Errorf("fees = %v", fees)
	}
	if offices := v["office_ids"].([]any); len(offices) != 1 || int64(offices[0].(float64)) != e.ids["buergerbuero"] {
		t.Errorf("office_ids = %v", offices)
	}
	online := e.check(doc, apiCall{method: "GET", path: fmt.Sprintf("/api/v1/services/%d", e.ids["anmeldung"])}, 200).(map[string]any)
	if ls := online["life_situations"].([]any); len(ls) != 1 || ls[0] != "umzug" || online["online"] != true {
		t.Errorf("anmeldung = %v", online)
	}
	e.check(doc, apiCall{method: "GET", path: fmt.Sprintf("/api/v1/services/%d", e.ids["archiviert"])}, 404)
	e.check(doc, apiCall{method: "GET", path: "/api/v1/services/abc"}, 404)
}

func TestAPISuggest(t *testing.T) {
	e := newCatalogEnv(t, thursday)
	doc := loadOpenAPI(t)
	v := e.check(doc, apiCall{method: "GET", path: "/api/v1/services/suggest?q=Pers"}, 200).([]any)
	found := false
	for _, s := range v {
		found = found || strings.HasPrefix(s.(string), "Personalausweis")
	}
	if !found {
		t.Errorf("suggestions for Pers = %v", v)
	}
	if v := e.check(doc, apiCall{method: "GET", path: "/api/v1/services/suggest?q="}, 200).([]any); len(v) != 0 {
		t.Errorf("suggestions for nothing = %v", v)
	}
}

func TestAPIOffices(t *testing.T) {
	e := newCatalogEnv(t, cityTime(2026, time.December, 25, 10, 0))
	doc := loadOpenAPI(t)
	list := e.check(doc, apiCall{method: "GET", path: "/api/v1/offices"}, 200).(map[string]any)["items"].([]any)
	if len(list) != 2 || list[0].(map[string]any)["open_now"] != false {
		t.Errorf("offices = %v", list)
	}
	o := e.check(doc, apiCall{method: "GET", path: fmt.Sprintf("/api/v1/offices/%d", e.ids["buergerbuero"])}, 200).(map[string]any)
	if o["open_now"] != false {
		t.Errorf("open on Christmas Day: %v", o)
	}
	st := o["status"].(map[string]any)
	if st["reason"] != "1. Weihnachtsfeiertag" || st["next_open"] == nil {
		t.Errorf("status = %v", st)
	}
	weekly := o["hours"].(map[string]any)["weekly"].(map[string]any)
	if mon := weekly["mon"].([]any); len(mon) != 1 || mon[0] != "08:00-18:00" {
		t.Errorf("hours = %v", o["hours"])
	}
	if ids := o["service_ids"].([]any); len(ids) != 2 {
		t.Errorf("service_ids = %v", ids)
	}
	e.check(doc, apiCall{method: "GET", path: "/api/v1/offices/999"}, 404)
}
