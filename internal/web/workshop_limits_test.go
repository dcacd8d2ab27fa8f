package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestWorkshopUploadsPassTheBodyLimit: an event log larger than the
// server's general body limit imports (the workshop's own limit applies),
// while other posts keep the general limit.
func TestWorkshopUploadsPassTheBodyLimit(t *testing.T) {
	e := newWorkshopEnv(t) // MaxBodyBytes 4096
	c := e.login(e.owner)
	var csv strings.Builder
	csv.WriteString("Fall;Schritt;Zeit\n")
	for i := range 3000 {
		fmt.Fprintf(&csv, "F-%d;Eingang;2026-10-01 09:%02d:00\nF-%d;Prüfung;2026-10-02 10:%02d:00\n", i, i%60, i, i%60)
	}
	if csv.Len() < 100_000 {
		t.Fatalf("the log is only %d bytes", csv.Len())
	}
	key := importedKey(t, e.importLog(t, c, "gross.csv", []byte(csv.String()), nil))
	if res := e.page(t, "/amt/prozesse/protokolle/"+key); !strings.Contains(res.body, "3.000") {
		t.Errorf("the overview of the imported log does not show 3.000 cases")
	}
	big := strings.NewReader("name=" + strings.Repeat("x", 10_000))
	r := httptest.NewRequest("POST", "/amt/prozesse/protokolle/"+key+"/loeschen", big)
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Sec-Fetch-Site", "same-origin")
	r.AddCookie(c)
	if res := e.do(r); res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("a large ordinary post: status %d, want 413", res.StatusCode)
	}
}
