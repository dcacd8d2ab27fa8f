package web

import (
	"net/http"
	"strings"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/promo"
)

// Promotion (promo_*.go): posters and flyers with a QR code for the
// online services, campaigns and their scans. The QR code points to
// /q/{code}, which counts the scan (per campaign and day; no cookie, no
// address, no personal data) and redirects to the service page. The staff
// pages under /amt/werbung are for service owners (the catalogue's
// editors) and platform admins; each service's page checks that the
// actor may edit that service.
func (s *Server) promoRoutes() []route {
	st := func(h handlerFunc) handlerFunc { return s.withPromo(s.requireEditor(h)) }
	return []route{
		{"GET /q/{code}", s.withPromo(s.handleScan)},
		{"GET /amt/werbung", st(s.handlePromoList)},
		{"GET /amt/werbung/leistungen/{id}", st(s.handlePromoService)},
		{"POST /amt/werbung/leistungen/{id}", st(s.handlePromoCreate)},
		{"GET /amt/werbung/kampagnen/{code}", st(s.handlePromoCampaign)},
		{"GET /amt/werbung/kampagnen/{code}/{format}", st(s.handlePromoPoster)},
		{"GET /api/v1/campaigns/{code}", s.withPromo(s.requireAPIUser(s.handleAPICampaign))},
	}
}

// withPromo answers 404 when the server has no campaign store or catalogue.
func (s *Server) withPromo(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Promo == nil || s.opts.Services == nil {
			return fault.New(fault.NotFound, "error.not_found")
		}
		return h(w, r)
	}
}

// handleScan counts a scan of a campaign's QR code and sends the visitor
// on to the service page with the campaign tag. It sets no cookie and
// stores nothing about the visitor.
func (s *Server) handleScan(w http.ResponseWriter, r *http.Request) error {
	code := strings.ToLower(r.PathValue("code"))
	if !promo.ValidCode(code) {
		return fault.New(fault.NotFound, "error.not_found")
	}
	c, err := s.opts.Promo.FindCampaign(r.Context(), code)
	if err != nil {
		return err
	}
	if err := s.opts.Promo.CountScan(r.Context(), c.ID, promo.Day(s.now(), s.opts.Location)); err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, promo.Landing(c.ServiceID, c.Code), http.StatusSeeOther)
	return nil
}

// promoService returns the service id that the actor may promote:
// Forbidden when the actor may not edit it; with online set, NotFound
// unless it is a published online service.
func (s *Server) promoService(r *http.Request, id int64, online bool) (*catalog.Service, error) {
	svc, err := s.opts.Services.Store.FindServiceByID(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if online && !promotable(svc) {
		return nil, fault.New(fault.NotFound, "error.not_found")
	}
	ok, err := s.opts.Services.CanEdit(r.Context(), actorOf(r), svc)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fault.New(fault.Forbidden, "error.promo.forbidden")
	}
	return svc, nil
}

// promoCampaign returns the campaign of the path's {code} with its
// service, when the actor may promote that service.
func (s *Server) promoCampaign(r *http.Request) (*promo.Campaign, *catalog.Service, error) {
	code := r.PathValue("code")
	if !promo.ValidCode(code) {
		return nil, nil, fault.New(fault.NotFound, "error.not_found")
	}
	c, err := s.opts.Promo.FindCampaign(r.Context(), code)
	if err != nil {
		return nil, nil, err
	}
	svc, err := s.promoService(r, c.ServiceID, false)
	return c, svc, err
}

// promotable reports whether posters for svc make sense: it is public
// and can be done online.
func promotable(svc *catalog.Service) bool {
	return svc.Status == catalog.StatusPublished && svc.Online()
}
