package web

import (
	"net/http"
	"time"

	"rathaus/internal/workshop"
)

// The workshop's home: what process mining is, every log the user may
// analyse (the platform's own processes, per service, and imported
// logs), and the ways on: the models, the import.

// workshopHomePage is the data of workshop_home.html.
type workshopHomePage struct {
	workshopPage
	Sources []workshopSourceRow
}

// workshopSourceRow is one source of the table.
type workshopSourceRow struct {
	Name, Kind, Span string
	Cases, Events    string
	URL, DFG         string
	Indent           bool // a service under its process
}

func (s *Server) handleWorkshopHome(w http.ResponseWriter, r *http.Request) error {
	ws, err := s.workshopService()
	if err != nil {
		return err
	}
	srcs, err := ws.Sources(r.Context(), workshopUser(r))
	if err != nil {
		return err
	}
	p := workshopHomePage{workshopPage: workshopPage{Page: s.page(r, "workshop_logs.home.title")}}
	for i := range srcs {
		p.Sources = append(p.Sources, s.sourceRow(p.workshopPage, &srcs[i]))
	}
	return s.render(w, r, "workshop_home", p)
}

func (s *Server) sourceRow(p workshopPage, src *workshop.Source) workshopSourceRow {
	row := workshopSourceRow{Name: workshopSourceName(p.Page, src), Cases: p.Num(src.Cases), Events: p.Num(src.Events),
		URL: workshopSourcePath(src.Key, ""), DFG: workshopSourcePath(src.Key, "dfg"), Indent: src.ServiceID != 0}
	switch {
	case src.Kind == "imported":
		row.Kind = p.T("workshop_logs.kind.imported", formatName(src.Format))
		row.Span = p.T("workshop_logs.home.imported_at", p.Date(src.First.In(s.opts.Location)))
	case src.ServiceID != 0:
		row.Kind = p.T("workshop_logs.kind.service")
	default:
		row.Kind = p.T("workshop_logs.kind.platform")
	}
	if src.Kind != "imported" {
		row.Span = p.span(src.First, src.Last, s.opts.Location)
	}
	return row
}

// span writes a time span of dates, "–" when unknown.
func (p workshopPage) span(first, last time.Time, loc *time.Location) string {
	if first.IsZero() {
		return "–"
	}
	return p.Date(first.In(loc)) + " – " + p.Date(last.In(loc))
}

// formatName names a file format for people.
func formatName(f string) string {
	switch f {
	case workshop.FormatXES:
		return "XES"
	case workshop.FormatCSV:
		return "CSV"
	case workshop.FormatOCELJSON:
		return "OCEL 2.0 JSON"
	case workshop.FormatOCELXML:
		return "OCEL 2.0 XML"
	}
	return f
}

// apiWorkshopSource is a source in the JSON API.
type apiWorkshopSource struct {
	Key       string    `json:"key"`
	Kind      string    `json:"kind"`
	Process   string    `json:"process,omitempty"`
	ServiceID int64     `json:"service_id,omitempty"`
	Name      string    `json:"name"`
	Format    string    `json:"format,omitempty"`
	Cases     int       `json:"cases"`
	Events    int       `json:"events"`
	First     time.Time `json:"first,omitzero"`
	Last      time.Time `json:"last,omitzero"`
}

func (s *Server) handleAPIWorkshopSources(w http.ResponseWriter, r *http.Request) error {
	ws, err := s.workshopService()
	if err != nil {
		return err
	}
	srcs, err := ws.Sources(r.Context(), workshopUser(r))
	if err != nil {
		return err
	}
	out := []apiWorkshopSource{}
	for _, src := range srcs {
		name := src.Name
		if name == "" {
			name = s.t(r, workshop.ProcessNameKey(src.Process))
		}
		out = append(out, apiWorkshopSource{Key: src.Key, Kind: src.Kind, Process: src.Process, ServiceID: src.ServiceID,
			Name: name, Format: src.Format, Cases: src.Cases, Events: src.Events, First: src.First.UTC(), Last: src.Last.UTC()})
	}
	return s.writeJSON(w, http.StatusOK, map[string]any{"sources": out})
}
