package opendata

import (
	"context"
	"strings"
	"testing"
	"time"
)

// fakeStore holds a few aggregates in memory; the SQL behind the real
// store is tested on both engines in internal/sqlstore.
type fakeStore struct{}

func (fakeStore) OpenDataApplications(context.Context) ([]ApplicationCount, error) {
	return []ApplicationCount{{"2026-09", 1, "Wohnsitz", "online", 12}, {"2026-11", 1, "Wohnsitz", "paper", 2}}, nil
}
func (fakeStore) OpenDataRatings(context.Context) ([]RatingCount, error) {
	return []RatingCount{{1, "Wohnsitz", 5, 4}, {1, "Wohnsitz", 3, 2}}, nil
}
func (fakeStore) OpenDataIdeas(context.Context) ([]IdeaCount, error) {
	return []IdeaCount{{"Jena", "done", 3}}, nil
}
func (fakeStore) OpenDataWaits(context.Context) ([]WaitTime, error) { return nil, nil }

func testService() *Service {
	now := func() time.Time { return time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC) }
	return NewService(fakeStore{}, Settings{BaseURL: "https://rathaus.example/", Publisher: Agent{"Stadt Jena", "https://www.jena.de"},
		ContactEmail: "opendata@jena.example", AGS: "16053000", ContributorID: "http://dcat-ap.de/def/contributors/stadtJena"}, now)
}

func translate(lang, key string) string { return lang + ":" + key + ", zwei" }

// TestServiceCatalogValidates: the catalogue the service builds is valid,
// licensed under dl-by-de/2.0 by default, and its monthly series cover
// their months.
func TestServiceCatalogValidates(t *testing.T) {
	c, err := testService().Catalog(context.Background(), translate)
	if err != nil {
		t.Fatal(err)
	}
	if ps := Validate(c); len(ps) != 0 {
		t.Fatalf("got problems %v", ps)
	}
	if len(c.Datasets) != len(definitions) {
		t.Fatalf("datasets: got %d, want %d", len(c.Datasets), len(definitions))
	}
	d := c.Datasets[0]
	if d.Distributions[0].License != LicenseDLBY20 || d.Distributions[0].Attribution != "Stadt Jena" {
		t.Errorf("licence: got %q by %q", d.Distributions[0].License, d.Distributions[0].Attribution)
	}
	if d.Distributions[0].DownloadURL != "https://rathaus.example/opendata/antraege.csv" {
		t.Errorf("download URL: got %q", d.Distributions[0].DownloadURL)
	}
	if d.Temporal == nil || d.Temporal.Start.Format(time.DateOnly) != "2026-09-01" || d.Temporal.End.Format(time.DateOnly) != "2026-11-30" {
		t.Errorf("temporal: got %+v, want 2026-09-01 to 2026-11-30", d.Temporal)
	}
	if d.GeocodingURI != "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/16053000" {
		t.Errorf("geocoding: got %q", d.GeocodingURI)
	}
	if got := strings.Join(d.Keywords["en"], "|"); got != "en:opendata.dataset.antraege.keywords|zwei" {
		t.Errorf("keywords: got %q", got)
	}
}

// TestServiceTableSuppresses: the service applies its threshold.
func TestServiceTableSuppresses(t *testing.T) {
	tb, err := testService().Table(context.Background(), "zufriedenheit")
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Rows) != 1 || tb.Rows[0][2] != 6 || tb.Rows[0][3] != 4.33 || tb.Rows[0][4] != 0.67 {
		t.Errorf("satisfaction: got %v, want 6 ratings, mean 4.33, share 0.67", tb.Rows)
	}
	tb, err = testService().Table(context.Background(), "antraege")
	if err != nil {
		t.Fatal(err)
	}
	if tb.Rows[1][4] != nil || tb.Rows[0][4] != 12 {
		t.Errorf("applications: got %v, want 2 suppressed and 12 kept", tb.Rows)
	}
	if _, err := testService().Table(context.Background(), "nope"); err == nil {
		t.Error("unknown dataset: got no error")
	}
}
