package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/catalog"
	"rathaus/internal/hours"
)

// officeView is an office prepared for the public pages: address lines,
// today's hours and whether it is open now, in the city's time zone.
type officeView struct {
	*catalog.Office
	URL    string
	Street string // "Am Anger 15"
	Place  string // "07743 Jena"
	Today  string // today's opening hours
	Now    openState
	Coords string       // "50,92714° N, 11,58627° O"
	Geo    template.URL // geo: URI, opens the device's own map application
	Tel    template.URL // tel: URI

	fmt catalogFmt
}

// T translates for the "catalog-office-details" partial.
func (v officeView) T(key string, args ...any) string { return v.fmt.t(key, args...) }

func officeURL(id int64) string { return "/standorte/" + strconv.FormatInt(id, 10) }

func (s *Server) officeView(f catalogFmt, o *catalog.Office) officeView {
	v := officeView{Office: o, URL: officeURL(o.ID), fmt: f}
	v.Street = strings.TrimSpace(o.Address.Street + " " + o.Address.HouseNo)
	v.Place = strings.TrimSpace(o.Address.PostalCode + " " + o.Address.City)
	today, _ := o.Hours.Day(hours.DateOf(f.now))
	v.Today = f.intervals(today)
	v.Now = f.openState(o.Hours, s.opts.Services.OpenNow(o, f.now, s.opts.Location))
	if o.Lat != nil && o.Lon != nil {
		v.Coords = f.coords(*o.Lat, *o.Lon)
		// Built from two floats, so it holds nothing but the URI itself.
		v.Geo = template.URL("geo:" + strconv.FormatFloat(*o.Lat, 'f', 6, 64) + "," + strconv.FormatFloat(*o.Lon, 'f', 6, 64))
	}
	if tel := telURI(o.Phone); tel != "" {
		v.Tel = template.URL(tel)
	}
	return v
}

// coords writes a position in degrees with the language's decimal mark.
func (f catalogFmt) coords(lat, lon float64) string {
	deg := func(x float64) string {
		s := strconv.FormatFloat(x, 'f', 5, 64)
		if f.lang != "en" {
			s = strings.Replace(s, ".", ",", 1)
		}
		return s
	}
	ns, ew := "catalog.office.north", "catalog.office.east"
	if lat < 0 {
		ns, lat = "catalog.office.south", -lat
	}
	if lon < 0 {
		ew, lon = "catalog.office.west", -lon
	}
	return deg(lat) + "° " + f.t(ns) + ", " + deg(lon) + "° " + f.t(ew)
}

// telURI keeps the digits of a phone number and a leading plus; "" when
// there are too few digits to dial (115, the public service number, is
// the shortest).
func telURI(phone string) string {
	var b strings.Builder
	for i, r := range strings.TrimSpace(phone) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0:
			b.WriteRune(r)
		}
	}
	if len(strings.TrimPrefix(b.String(), "+")) < 3 {
		return ""
	}
	return "tel:" + b.String()
}

// officesPage lists every office.
type officesPage struct {
	Page
	Offices []officeView
}

// handleOffices lists the offices with their address and whether they are
// open now.
func (s *Server) handleOffices(w http.ResponseWriter, r *http.Request) error {
	list, err := s.opts.Services.Offices(r.Context())
	if err != nil {
		return err
	}
	f := s.catalogFmt(langOf(r))
	p := officesPage{Page: s.page(r, "catalog.offices.title")}
	for _, o := range list {
		p.Offices = append(p.Offices, s.officeView(f, o))
	}
	return s.render(w, r, "catalog_offices", p)
}

// officePage is one office with its week, the next days, accessibility
// and services.
type officePage struct {
	Page
	Office   officeView
	Week     []hoursRow // Monday to Sunday, the regular pattern
	Next     []hoursRow // today and the six days after it, exceptions included
	Access   []accessItem
	Services []serviceLink
	Crumbs   catalogCrumbs
}

// hoursRow is one line of an opening hours table.
type hoursRow struct {
	Day    string
	Hours  string
	Reason string // holiday or exception, in German
	Today  bool
}

// accessItem is one accessibility feature of a building, present or not.
type accessItem struct {
	Label string
	Yes   bool
}

// serviceLink is a link to a service page.
type serviceLink struct {
	Name, URL, Summary string
	LeiKa              []string
	Online             bool
}

// handleOfficeView shows one office.
func (s *Server) handleOfficeView(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	o, err := s.opts.Services.Office(r.Context(), id)
	if err != nil {
		return err
	}
	services, err := s.opts.Services.OfficeServices(r.Context(), id)
	if err != nil {
		return err
	}
	f := s.catalogFmt(langOf(r))
	p := officePage{Page: s.page(r, "catalog.office.title"), Office: s.officeView(f, o)}
	p.Title = o.Name
	p.Crumbs = catalogCrumbs{Page: p.Page, Links: []namedLink{{s.t(r, "catalog.offices.title"), "/standorte"}}, ContentLang: true}
	p.Week = f.weekRows(o.Hours)
	p.Next = f.nextDays(o.Hours, 7)
	p.Access = f.access(o.Accessibility)
	for _, sv := range services {
		p.Services = append(p.Services, linkTo(sv))
	}
	return s.render(w, r, "catalog_office", p)
}

func linkTo(sv *catalog.Service) serviceLink {
	return serviceLink{Name: sv.Name, URL: serviceURL(sv.ID), Summary: sv.Summary, Online: sv.Online()}
}

// weekRows is the regular weekly pattern, Monday first.
func (f catalogFmt) weekRows(h hours.Hours) []hoursRow {
	rows := make([]hoursRow, 0, 7)
	for i := 1; i <= 7; i++ {
		d := time.Weekday(i % 7)
		rows = append(rows, hoursRow{Day: f.weekday(d), Hours: f.intervals(h.Weekly[d]), Today: d == f.now.Weekday()})
	}
	return rows
}

// nextDays is the calendar of the next n days from today, with holidays
// and exceptions named.
func (f catalogFmt) nextDays(h hours.Hours, n int) []hoursRow {
	var rows []hoursRow
	for i, d := range h.Week(hours.DateOf(f.now), n) {
		rows = append(rows, hoursRow{Day: f.date(d.Date), Hours: f.intervals(d.Intervals), Reason: d.Reason, Today: i == 0})
	}
	return rows
}

func (f catalogFmt) access(a catalog.Accessibility) []accessItem {
	if !a.Known() {
		return nil
	}
	return []accessItem{
		{f.t("catalog.access.step_free"), a.StepFree},
		{f.t("catalog.access.lift"), a.Lift},
		{f.t("catalog.access.accessible_wc"), a.AccessibleWC},
		{f.t("catalog.access.hearing_loop"), a.HearingLoop},
		{f.t("catalog.access.disabled_parking"), a.DisabledParking},
	}
}
