package web

import (
	"bytes"
	"io"
	"net/http"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/opendata"
)

// openDataRoutes are the public open-data downloads, their DCAT-AP.de
// catalogue and the page that lists them. The catalogue's download
// addresses are the short /opendata/ ones; /api/v1/opendata/ serves the
// same documents for API clients.
func (s *Server) openDataRoutes() []route {
	return []route{
		{"GET /offene-daten", s.cached(s.handleOpenData)},
		{"GET /opendata/catalog.jsonld", s.cached(s.handleOpenDataCatalogJSONLD)},
		{"GET /opendata/catalog.rdf", s.cached(s.handleOpenDataCatalogRDF)},
		{"GET /opendata/{file}", s.cached(s.handleOpenDataFile)},
		// The same documents under the versioned API, as openapi.json describes them.
		{"GET /api/v1/opendata/catalog.jsonld", s.handleOpenDataCatalogJSONLD},
		{"GET /api/v1/opendata/catalog.rdf", s.handleOpenDataCatalogRDF},
		{"GET /api/v1/opendata/{file}", s.handleOpenDataFile},
	}
}

// openDataMaxAge lets browsers and proxies keep a download for five
// minutes; the figures change with every application, not every second.
const openDataMaxAge = "public, max-age=300"

// openData is the open-data service or NotFound when none is configured.
func (s *Server) openData() (*opendata.Service, error) {
	if s.opts.OpenData == nil {
		return nil, fault.New(fault.NotFound, "error.not_found")
	}
	return s.opts.OpenData, nil
}

// openDataTranslate gives the catalogue its texts in every language.
func (s *Server) openDataTranslate(lang, key string) string { return s.tr.T(lang, key) }

func (s *Server) handleOpenDataCatalogJSONLD(w http.ResponseWriter, r *http.Request) error {
	return s.serveOpenDataCatalog(w, r, "application/ld+json; charset=utf-8", opendata.WriteJSONLD)
}

func (s *Server) handleOpenDataCatalogRDF(w http.ResponseWriter, r *http.Request) error {
	return s.serveOpenDataCatalog(w, r, "application/rdf+xml; charset=utf-8", opendata.WriteRDFXML)
}

// serveOpenDataCatalog builds the catalogue and writes it in one format;
// the document is written to a buffer first, so a failure is a clean 500.
func (s *Server) serveOpenDataCatalog(w http.ResponseWriter, r *http.Request, contentType string,
	write func(io.Writer, opendata.Catalog) error) error {
	od, err := s.openData()
	if err != nil {
		return err
	}
	c, err := od.Catalog(r.Context(), s.openDataTranslate)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := write(&b, c); err != nil {
		return err
	}
	return s.writeOpenData(w, contentType, "", b.Bytes())
}

// handleOpenDataFile serves a dataset as "<id>.csv" or "<id>.json".
func (s *Server) handleOpenDataFile(w http.ResponseWriter, r *http.Request) error {
	od, err := s.openData()
	if err != nil {
		return err
	}
	file := r.PathValue("file")
	id, ext, _ := strings.Cut(file, ".")
	if ext != "csv" && ext != "json" {
		return fault.New(fault.NotFound, "error.not_found")
	}
	t, err := od.Table(r.Context(), id)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	contentType := "text/csv; charset=utf-8"
	if ext == "csv" {
		err = t.WriteCSV(&b)
	} else {
		contentType = "application/json; charset=utf-8"
		err = t.WriteJSON(&b)
	}
	if err != nil {
		return err
	}
	return s.writeOpenData(w, contentType, file, b.Bytes())
}

func (s *Server) writeOpenData(w http.ResponseWriter, contentType, filename string, body []byte) error {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Cache-Control", openDataMaxAge)
	h.Set("Access-Control-Allow-Origin", "*") // open data: any site may fetch it
	if filename != "" {
		h.Set("Content-Disposition", `inline; filename="`+filename+`"`)
	}
	_, err := w.Write(body)
	return err
}
