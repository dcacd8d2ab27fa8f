package web

import (
	"bytes"
	"context"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"rathaus/internal/eventlog"
	"rathaus/internal/filestore"
	"rathaus/internal/workshop"
)

// BenchmarkWorkshopLargeLog imports a synthetic log of a million events
// (a building permit process, eventlog.GenerateXES) and measures each
// analysis page through the whole handler, the log already parsed and
// cached: go test ./internal/web -run '^$' -bench WorkshopLargeLog -benchtime 3x
func BenchmarkWorkshopLargeLog(b *testing.B) {
	e := newWorkshopEnv(b)
	e.ws.MaxUpload = 1 << 30
	e.ws.Files.(*filestore.Local).MaxBytes = 1 << 30
	var xes bytes.Buffer
	if err := eventlog.GenerateXES(&xes, eventlog.SynthOptions{Events: 1_000_000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	t0 := time.Now()
	st, _, err := e.ws.Import(context.Background(), workshopActor(e.owner), workshop.ImportRequest{Name: "Bauanträge", FileName: "bau.xes", File: &xes})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("import of %d events: %v", st.Events, time.Since(t0))
	c := e.login(e.owner)
	base := workshopSourcePath("log:"+strconv.FormatInt(st.ID, 10), "")
	t0 = time.Now()
	wantStatus(b, e.get(base, c), 200)
	b.Logf("first overview (parse and cache): %v", time.Since(t0))
	for _, sub := range []string{"", "/dfg", "/varianten", "/aktivitaeten", "/engpaesse", "/schleifen", "/fristen", "/auslastung", "/varianten?min_tage=30"} {
		b.Run("page="+sub, func(b *testing.B) {
			for b.Loop() {
				r := httptest.NewRequest("GET", base+sub, nil)
				r.AddCookie(c)
				if res := e.do(r); res.StatusCode != 200 {
					b.Fatalf("%s: %d", sub, res.StatusCode)
				}
			}
		})
	}
}
