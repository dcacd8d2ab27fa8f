package opendata

import (
	"context"
	"strings"
	"time"

	"rathaus/internal/fault"
)

// Settings are the publisher's choices for the catalogue.
type Settings struct {
	BaseURL       string // public address, e.g. https://rathaus.jena.de
	Publisher     Agent  // e.g. Stadt Jena, https://www.jena.de
	ContactEmail  string
	License       string    // DCAT-AP.de licence URI; default LicenseDLBY20
	Attribution   string    // dcatde:licenseAttributionByText; default the publisher's name
	MinCount      int       // smallest count published; default DefaultMinCount
	AGS           string    // Amtlicher Gemeindeschlüssel, e.g. 16053000 (Jena)
	ContributorID string    // dcatde:contributorID URI
	Issued        time.Time // first publication; zero: dct:issued is left out
}

// Translate looks up a text by language and key (the i18n catalogue).
type Translate func(lang, key string) string

// Languages are the languages the catalogue's texts are written in.
var Languages = []string{"de", "en"}

// Service builds the datasets and their catalogue.
type Service struct {
	store Store
	set   Settings
	now   func() time.Time
}

// NewService returns the open-data service; zero settings take the
// defaults (licence, attribution, threshold).
func NewService(store Store, set Settings, now func() time.Time) *Service {
	if set.License == "" {
		set.License = LicenseDLBY20
	}
	if set.Attribution == "" {
		set.Attribution = set.Publisher.Name
	}
	if set.MinCount <= 0 {
		set.MinCount = DefaultMinCount
	}
	set.BaseURL = strings.TrimSuffix(set.BaseURL, "/")
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, set: set, now: now}
}

// Settings returns the settings with their defaults filled in.
func (s *Service) Settings() Settings { return s.set }

// Datasets lists the published datasets in catalogue order.
func (s *Service) Datasets() []Definition { return definitions }

// Table builds the dataset id with small counts suppressed; NotFound for
// an unknown id.
func (s *Service) Table(ctx context.Context, id string) (*Table, error) {
	for _, d := range definitions {
		if d.ID == id {
			t, err := d.build(ctx, s.store)
			if err != nil {
				return nil, err
			}
			t.Suppress(s.set.MinCount)
			return t, nil
		}
	}
	return nil, fault.New(fault.NotFound, "error.not_found")
}

// DownloadPath is the address of a dataset's file in format ext ("csv",
// "json"), relative to the base URL.
func DownloadPath(id, ext string) string { return "/opendata/" + id + "." + ext }

// formats are the distributions of every dataset.
var formats = []struct{ ext, mediaType, fileType string }{
	{"csv", "text/csv", "CSV"},
	{"json", "application/json", "JSON"},
}

// Catalog describes every dataset in DCAT-AP.de, with texts from tr in
// each of Languages. Building it reads the tables once, for the temporal
// coverage of the monthly series.
func (s *Service) Catalog(ctx context.Context, tr Translate) (Catalog, error) {
	now := s.now().UTC()
	base := s.set.BaseURL
	c := Catalog{
		URI:         base + "/offene-daten#katalog",
		Title:       texts(tr, "opendata.catalog.title"),
		Description: texts(tr, "opendata.catalog.description"),
		Publisher:   s.set.Publisher,
		Homepage:    base + "/offene-daten",
		Languages:   Languages,
		License:     s.set.License,
		Spatial:     s.geocoding(),
		Issued:      s.set.Issued,
		Modified:    now,
	}
	for _, def := range definitions {
		d := s.dataset(def, tr, now)
		if def.Period {
			t, err := def.build(ctx, s.store)
			if err != nil {
				return Catalog{}, err
			}
			d.Temporal = period(t.months())
		}
		c.Datasets = append(c.Datasets, d)
	}
	return c, nil
}

func (s *Service) dataset(def Definition, tr Translate, now time.Time) Dataset {
	base := s.set.BaseURL
	key := "opendata.dataset." + def.ID
	d := Dataset{
		URI:            base + "/offene-daten#" + def.ID,
		Identifier:     def.ID,
		Title:          texts(tr, key+".title"),
		Description:    texts(tr, key+".description"),
		Keywords:       map[string][]string{},
		Themes:         def.Themes,
		Publisher:      s.set.Publisher,
		Contact:        Contact{Name: s.set.Publisher.Name, Email: s.set.ContactEmail, URL: base + "/offene-daten"},
		ContributorID:  s.set.ContributorID,
		GeocodingURI:   s.geocoding(),
		GeocodingLevel: GeocodingLevelMunicipality,
		Spatial:        s.geocoding(),
		Issued:         s.set.Issued,
		Modified:       now,
		Periodicity:    FrequencyContinuous,
		LandingPage:    base + "/offene-daten#" + def.ID,
	}
	if s.set.AGS == "" {
		d.GeocodingURI, d.GeocodingLevel, d.Spatial = "", "", ""
	}
	for _, l := range Languages {
		for _, k := range strings.Split(tr(l, key+".keywords"), ",") {
			if k = strings.TrimSpace(k); k != "" {
				d.Keywords[l] = append(d.Keywords[l], k)
			}
		}
	}
	for _, f := range formats {
		u := base + DownloadPath(def.ID, f.ext)
		d.Distributions = append(d.Distributions, Distribution{
			URI:         base + "/offene-daten#" + def.ID + "-" + f.ext,
			Title:       Text{"de": d.Title["de"] + " (" + f.fileType + ")", "en": d.Title["en"] + " (" + f.fileType + ")"},
			AccessURL:   u,
			DownloadURL: u,
			MediaType:   f.mediaType,
			Format:      FileType(f.fileType),
			License:     s.set.License,
			Attribution: s.set.Attribution,
			Modified:    now,
		})
	}
	return d
}

func (s *Service) geocoding() string {
	if s.set.AGS == "" {
		return ""
	}
	return MunicipalityURI(s.set.AGS)
}

// period is the coverage of months first to last ("2026-01"), from the
// first day of the one to the last day of the other; nil without months.
func period(first, last string) *Period {
	start, err1 := time.Parse("2006-01", first)
	end, err2 := time.Parse("2006-01", last)
	if err1 != nil || err2 != nil {
		return nil
	}
	return &Period{Start: start, End: end.AddDate(0, 1, -1)}
}

func texts(tr Translate, key string) Text {
	t := Text{}
	for _, l := range Languages {
		t[l] = tr(l, key)
	}
	return t
}
