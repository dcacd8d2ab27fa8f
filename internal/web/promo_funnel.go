package web

import (
	"net/http"
	"net/url"
	"strings"

	"rathaus/internal/promo"
)

// The campaign funnel: a visitor who came by a campaign's QR code
// (/q/{code} → /leistungen/{id}?kampagne={code}) carries the tag in the
// links to the online application (no cookie); the application's draft
// keeps it, and the store counts the started and submitted applications
// per campaign and day. The report shows scans → started → submitted.

// campaignParam carries a campaign's code in service and application links.
const campaignParam = "kampagne"

// campaignTag returns the request's ?kampagne= code when it names a
// campaign of service sid, else "": an unknown or foreign tag is ignored,
// and a failing look-up never stops an application.
func (s *Server) campaignTag(r *http.Request, sid int64) string {
	code := strings.ToLower(r.FormValue(campaignParam))
	if code == "" || s.opts.Promo == nil || !promo.ValidCode(code) {
		return ""
	}
	c, err := s.opts.Promo.FindCampaign(r.Context(), code)
	if err != nil || c.ServiceID != sid {
		return ""
	}
	return c.Code
}

// withCampaign adds the request's campaign tag for service sid to the
// application address u (the service page's button).
func (s *Server) withCampaign(r *http.Request, sid int64, u string) string {
	if u == "" {
		return u
	}
	if code := s.campaignTag(r, sid); code != "" {
		return u + "?" + url.Values{campaignParam: {code}}.Encode()
	}
	return u
}

// promoFunnelRow is one line of a campaign's report: a day or the total.
type promoFunnelRow struct {
	Day                       string
	Scans, Started, Submitted int
	// StartedShare is started per scan, SubmittedShare submitted per
	// started application, formatted; "–" without a base.
	StartedShare, SubmittedShare string
}

// promoFunnelRows formats the days of a campaign and their total.
func promoFunnelRows(lang string, days []promo.DayFunnel) ([]promoFunnelRow, promoFunnelRow) {
	row := func(day string, scans, started, submitted int) promoFunnelRow {
		return promoFunnelRow{Day: day, Scans: scans, Started: started, Submitted: submitted,
			StartedShare: promoShare(lang, started, scans), SubmittedShare: promoShare(lang, submitted, started)}
	}
	var rows []promoFunnelRow
	for _, d := range days {
		rows = append(rows, row(d.Day, d.Scans, d.Started, d.Submitted))
	}
	t := promo.Total(days)
	return rows, row("", t.Scans, t.Started, t.Submitted)
}

// promoShare formats part/whole as a percentage, "–" when whole is 0.
func promoShare(lang string, part, whole int) string {
	v, ok := promo.Share(part, whole)
	if !ok {
		return "–"
	}
	return percent(lang, v)
}

// campaignShares are a campaign's conversions; null without a base.
type campaignShares struct {
	StartedPerScan      *float64 `json:"started_per_scan"`
	SubmittedPerStarted *float64 `json:"submitted_per_started"`
}

func sharesOf(t promo.FunnelTotals) campaignShares {
	var out campaignShares
	if v, ok := promo.Share(t.Started, t.Scans); ok {
		out.StartedPerScan = &v
	}
	if v, ok := promo.Share(t.Submitted, t.Started); ok {
		out.SubmittedPerStarted = &v
	}
	return out
}
