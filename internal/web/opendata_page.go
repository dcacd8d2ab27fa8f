package web

import (
	"net/http"
	"strings"

	"rathaus/internal/opendata"
)

// openDataPage lists the datasets with their licence and downloads.
type openDataPage struct {
	Page
	Datasets    []openDataItem
	License     string // the licence's name
	LicenseURL  string // its explanatory page
	Attribution string
	MinCount    int
}

// openDataItem is one dataset on the page.
type openDataItem struct {
	ID          string
	Title       string
	Description string
	Columns     string
	CSV, JSON   string
}

// openDataColumns are the columns of each dataset, for the page (the
// downloads carry them in their header).
var openDataColumns = map[string]string{
	"antraege":      "month, service_id, service, channel, applications",
	"zufriedenheit": "service_id, service, ratings, mean_rating, satisfied_share",
	"ideen":         "space, status, ideas",
	"wartezeiten":   "month, office_id, office, bookings, median_days, p90_days",
}

// handleOpenData shows the open-data page.
func (s *Server) handleOpenData(w http.ResponseWriter, r *http.Request) error {
	od, err := s.openData()
	if err != nil {
		return err
	}
	p := openDataPage{Page: s.page(r, "opendata.title")}
	set := od.Settings()
	p.License, p.LicenseURL = opendata.LicenseInfo(set.License)
	p.Attribution, p.MinCount = set.Attribution, set.MinCount
	for _, d := range od.Datasets() {
		key := "opendata.dataset." + d.ID
		p.Datasets = append(p.Datasets, openDataItem{
			ID: d.ID, Title: s.tr.T(p.Lang, key+".title"), Description: s.tr.T(p.Lang, key+".description"),
			Columns: strings.TrimSpace(openDataColumns[d.ID]),
			CSV:     opendata.DownloadPath(d.ID, "csv"), JSON: opendata.DownloadPath(d.ID, "json"),
		})
	}
	return s.render(w, r, "opendata", p)
}
