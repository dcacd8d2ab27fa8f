package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"rathaus/internal/catalog"
	"rathaus/internal/promo"
)

// promoListPage lists the online services the actor may promote.
type promoListPage struct {
	Page
	Services []promoListItem
}

type promoListItem struct {
	ID        int64
	Name      string
	URL       string
	Campaigns int
	Scans     int
}

// handlePromoList shows the online services with their campaigns' totals.
func (s *Server) handlePromoList(w http.ResponseWriter, r *http.Request) error {
	all, err := s.opts.Services.EditableServices(r.Context(), actorOf(r))
	if err != nil {
		return err
	}
	p := promoListPage{Page: s.page(r, "promo.title")}
	ids := []int64{}
	for _, svc := range all {
		if promotable(svc) {
			ids = append(ids, svc.ID)
			p.Services = append(p.Services, promoListItem{ID: svc.ID, Name: svc.Name, URL: promoServicePath(svc.ID)})
		}
	}
	sums, err := s.opts.Promo.FindCampaigns(r.Context(), ids)
	if err != nil {
		return err
	}
	for _, c := range sums {
		i := slices.IndexFunc(p.Services, func(it promoListItem) bool { return it.ID == c.ServiceID })
		p.Services[i].Campaigns++
		p.Services[i].Scans += c.Scans
	}
	return s.render(w, r, "promo_list", p)
}

func promoServicePath(id int64) string { return "/amt/werbung/leistungen/" + strconv.FormatInt(id, 10) }

func promoCampaignPath(code string) string { return "/amt/werbung/kampagnen/" + code }

// promoServicePage shows one service's campaigns and the form for a new one.
type promoServicePage struct {
	Page
	Service   *catalog.Service
	Plain     string
	Action    string
	Medium    editGroup
	Campaigns []promoCampaignItem
}

// promoCampaignItem is a campaign with its address, total and downloads.
type promoCampaignItem struct {
	promo.Summary
	Address   string
	URL       string
	MediumKey string
	Downloads []promoDownload
}

// promoDownload is one print format of a campaign's poster or flyer.
type promoDownload struct {
	URL, Label string
}

// handlePromoService shows the service's campaigns and the empty form.
func (s *Server) handlePromoService(w http.ResponseWriter, r *http.Request) error {
	return s.promoServiceForm(w, r, url.Values{"medium": {promo.MediumPoster}}, nil)
}

// handlePromoCreate creates a campaign and shows it in the list.
func (s *Server) handlePromoCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	svc, err := s.promoService(r, id, true)
	if err != nil {
		return err
	}
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	u := currentUser(r)
	c, err := promo.New(svc.ID, values.Get("name"), values.Get("medium"), &u.ID, s.now())
	if err == nil {
		err = s.opts.Promo.CreateCampaign(r.Context(), c)
	}
	if err != nil {
		return s.promoServiceForm(w, r, values, err)
	}
	return s.redirectFlash(w, r, promoCampaignPath(c.Code), "promo.flash.created")
}

// promoServiceForm renders the service's page; err, when set, is the
// problem with the submitted values.
func (s *Server) promoServiceForm(w http.ResponseWriter, r *http.Request, values url.Values, formErr error) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	svc, err := s.promoService(r, id, true)
	if err != nil {
		return err
	}
	sums, err := s.opts.Promo.FindCampaigns(r.Context(), []int64{svc.ID})
	if err != nil {
		return err
	}
	p := promoServicePage{Page: s.page(r, "promo.service.title"), Service: svc, Plain: promo.PlainLine(svc),
		Action: promoServicePath(svc.ID)}
	p.Title = s.t(r, "promo.service.title", svc.Name)
	status := http.StatusOK
	if formErr != nil {
		p.Form, status = s.formFor(r, values, formErr), statusOf(formErr)
	} else {
		p.Form = s.newForm(r, values)
	}
	p.Medium = s.promoMediumGroup(r, p.Form, values.Get("medium"))
	for _, c := range sums {
		p.Campaigns = append(p.Campaigns, s.promoItem(r, c))
	}
	return s.renderStatus(w, r, status, "promo_service", p)
}

func (s *Server) promoMediumGroup(r *http.Request, f *Form, selected string) editGroup {
	var cs []editChoice
	for _, m := range promo.Media {
		cs = append(cs, editChoice{ID: "field-medium-" + m, Value: m, Label: s.t(r, "promo.medium."+m),
			Hint: s.t(r, "promo.medium."+m+"_hint")})
	}
	cs[0].ID = fieldID("medium")
	g := builderGroup(f, "medium", s.t(r, "promo.form.medium"), cs, selected)
	g.Type, g.Optional = "radio", false
	return g
}

func (s *Server) promoItem(r *http.Request, c promo.Summary) promoCampaignItem {
	it := promoCampaignItem{Summary: c, Address: promo.ScanAddress(s.opts.BaseURL, c.Code), URL: promoCampaignPath(c.Code),
		MediumKey: "promo.medium." + c.Medium}
	for _, f := range promo.Formats {
		it.Downloads = append(it.Downloads, promoDownload{URL: it.URL + "/" + f.Name, Label: s.t(r, "promo.download."+f.Name)})
	}
	return it
}

// promoCampaignPage is a campaign's report: scans, started and submitted
// applications per day, with the total and the conversions.
type promoCampaignPage struct {
	Page
	Service  *catalog.Service
	Campaign promoCampaignItem
	Days     []promoFunnelRow
	Total    promoFunnelRow
	Created  string
}

// handlePromoCampaign shows a campaign's report and downloads.
func (s *Server) handlePromoCampaign(w http.ResponseWriter, r *http.Request) error {
	c, svc, err := s.promoCampaign(r)
	if err != nil {
		return err
	}
	days, err := s.opts.Promo.CampaignFunnel(r.Context(), c.ID)
	if err != nil {
		return err
	}
	rows, total := promoFunnelRows(langOf(r), days)
	p := promoCampaignPage{Page: s.page(r, "promo.campaign.title"), Service: svc, Days: rows, Total: total,
		Campaign: s.promoItem(r, promo.Summary{Campaign: *c, Scans: total.Scans}),
		Created:  c.CreatedAt.In(s.opts.Location).Format("2006-01-02")}
	p.Title = s.t(r, "promo.campaign.title", c.Name)
	return s.render(w, r, "promo_campaign", p)
}
