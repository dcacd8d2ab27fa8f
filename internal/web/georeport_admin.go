package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
	"rathaus/internal/georeport"
)

// geoReportAdminPage lists the API clients and issues new keys; NewKey is
// set once, right after issuing.
type geoReportAdminPage struct {
	Page
	Clients  []geoReportAdminItem
	NewKey   string
	NewName  string
	Endpoint string
	Revoked  bool
}

type geoReportAdminItem struct {
	*georeport.Client
	Created, RevokedText, RevokeURL string
}

// geoReportClients is the key service or NotFound when none is configured.
func (s *Server) geoReportClients() (*georeport.Service, error) {
	if s.opts.Open311Clients == nil {
		return nil, errNotFound
	}
	return s.opts.Open311Clients, nil
}

// handleGeoReportAdmin lists the clients with the form for a new key.
func (s *Server) handleGeoReportAdmin(w http.ResponseWriter, r *http.Request) error {
	v := url.Values{"limit": {strconv.Itoa(georeport.DefaultHourlyLimit)}}
	return s.renderGeoReportAdmin(w, r, http.StatusOK, v, nil, "", "")
}

// handleGeoReportAdminIssue issues a key and shows it once (no redirect:
// the key is in this answer only, which no cache keeps).
func (s *Server) handleGeoReportAdminIssue(w http.ResponseWriter, r *http.Request) error {
	svc, err := s.geoReportClients()
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	c := &georeport.Client{Name: r.PostForm.Get("name"), Contact: r.PostForm.Get("contact")}
	limit, perr := strconv.Atoi(strings.TrimSpace(r.PostForm.Get("limit")))
	if perr != nil || limit < 1 {
		limit = -1 // Validate reports it
	}
	c.HourlyLimit = limit
	key, err := svc.Issue(r.Context(), c, &currentUser(r).ID)
	if fault.Is(err, fault.Invalid) {
		return s.renderGeoReportAdmin(w, r, http.StatusUnprocessableEntity, r.PostForm, err, "", "")
	}
	if err != nil {
		return err
	}
	if err := s.auditOpen311(r, auditOpen311KeyIssued, fmt.Sprintf("client %d %q", c.ID, c.Name)); err != nil {
		return err
	}
	v := url.Values{"limit": {strconv.Itoa(georeport.DefaultHourlyLimit)}}
	return s.renderGeoReportAdmin(w, r, http.StatusOK, v, nil, key, c.Name)
}

// handleGeoReportAdminRevoke revokes a key.
func (s *Server) handleGeoReportAdminRevoke(w http.ResponseWriter, r *http.Request) error {
	svc, err := s.geoReportClients()
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	if err := svc.Revoke(r.Context(), id); err != nil {
		return err
	}
	if err := s.auditOpen311(r, auditOpen311KeyRevoked, fmt.Sprintf("client %d", id)); err != nil {
		return err
	}
	redirect(w, r, "/admin/open311?widerrufen=1")
	return nil
}

func (s *Server) renderGeoReportAdmin(w http.ResponseWriter, r *http.Request, status int, v url.Values, formErr error,
	key, name string) error {
	svc, err := s.geoReportClients()
	if err != nil {
		return err
	}
	clients, err := svc.List(r.Context())
	if err != nil {
		return err
	}
	p := geoReportAdminPage{Page: s.page(r, "georeport.admin.title"), NewKey: key, NewName: name,
		Endpoint: s.opts.BaseURL + geoReportBase, Revoked: r.URL.Query().Get("widerrufen") == "1"}
	p.Form = s.newForm(r, v)
	if formErr != nil {
		p.Form = s.formFor(r, v, formErr)
	}
	for _, c := range clients {
		it := geoReportAdminItem{Client: c, Created: geoReportDate(c.CreatedAt.In(s.opts.Location)),
			RevokeURL: "/admin/open311/" + strconv.FormatInt(c.ID, 10) + "/revoke"}
		if c.RevokedAt != nil {
			it.RevokedText = p.T("georeport.admin.revoked_at", geoReportDate(c.RevokedAt.In(s.opts.Location)))
		}
		p.Clients = append(p.Clients, it)
	}
	w.Header().Set("Cache-Control", "no-store")
	return s.renderStatus(w, r, status, "georeport_admin", p)
}

func geoReportDate(t time.Time) string { return t.Format("02.01.2006 15:04") }

// The audit actions of the Open311 keys: who issued or revoked which.
const (
	auditOpen311KeyIssued  = "open311.key_issued"
	auditOpen311KeyRevoked = "open311.key_revoked"
)

func (s *Server) auditOpen311(r *http.Request, action, detail string) error {
	u := currentUser(r)
	return s.opts.Audit.CreateAuditEntry(r.Context(), &audit.Entry{At: s.now(), ActorID: &u.ID, Action: action,
		Detail: detail, IP: s.clientIP(r)})
}
