package web

import (
	"mime"
	"net/http"
	"strconv"

	"rathaus/internal/fault"
	"rathaus/internal/promo"
)

// handlePromoPoster sends a campaign's poster or flyer as PDF in the
// format of the path (a4, a3, a6) and the request's language.
func (s *Server) handlePromoPoster(w http.ResponseWriter, r *http.Request) error {
	c, svc, err := s.promoCampaign(r)
	if err != nil {
		return err
	}
	f, ok := promo.FormatByName(r.PathValue("format"))
	if !ok {
		return fault.New(fault.NotFound, "error.not_found")
	}
	lang := langOf(r)
	tag := "de-DE"
	if lang == "en" {
		tag = "en-GB"
	}
	texts := promo.Texts{Lang: tag, City: s.opts.City.Name, CallToAction: s.t(r, "promo.poster.cta"),
		ScanHint: s.t(r, "promo.poster.scan_hint"), QRAlt: s.t(r, "promo.poster.qr_alt")}
	b, err := promo.Poster(svc, promo.ScanAddress(s.opts.BaseURL, c.Code), f, texts, s.now())
	if err != nil {
		return err
	}
	name := "werbung-" + c.Code + "-" + f.Name + ".pdf"
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	_, err = w.Write(b)
	return err
}

// campaignJSON is a campaign's report in the JSON API.
type campaignJSON struct {
	Code      string            `json:"code"`
	ServiceID int64             `json:"service_id"`
	Name      string            `json:"name"`
	Medium    string            `json:"medium"`
	Address   string            `json:"address"`
	CreatedAt string            `json:"created_at"`
	Scans     int               `json:"scans"`
	Started   int               `json:"started"`
	Submitted int               `json:"submitted"`
	Shares    campaignShares    `json:"conversion"`
	Days      []campaignDayJSON `json:"days"`
}

type campaignDayJSON struct {
	Day       string `json:"day"`
	Scans     int    `json:"scans"`
	Started   int    `json:"started"`
	Submitted int    `json:"submitted"`
}

// handleAPICampaign answers GET /api/v1/campaigns/{code}: the campaign
// and its scans, started and submitted applications per day with the
// totals and conversions, for staff who may promote its service.
func (s *Server) handleAPICampaign(w http.ResponseWriter, r *http.Request) error {
	c, _, err := s.promoCampaign(r)
	if err != nil {
		return err
	}
	days, err := s.opts.Promo.CampaignFunnel(r.Context(), c.ID)
	if err != nil {
		return err
	}
	out := campaignJSON{Code: c.Code, ServiceID: c.ServiceID, Name: c.Name, Medium: c.Medium,
		Address: promo.ScanAddress(s.opts.BaseURL, c.Code), CreatedAt: c.CreatedAt.UTC().Format("2006-01-02T15:04:05Z"),
		Days: []campaignDayJSON{}}
	for _, d := range days {
		out.Days = append(out.Days, campaignDayJSON{Day: d.Day, Scans: d.Scans, Started: d.Started, Submitted: d.Submitted})
	}
	t := promo.Total(days)
	out.Scans, out.Started, out.Submitted, out.Shares = t.Scans, t.Started, t.Submitted, sharesOf(t)
	return s.writeJSON(w, http.StatusOK, out)
}
