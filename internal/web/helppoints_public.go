package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/helppoint"
	"rathaus/internal/hours"
)

// hpNextStops is how many coming stops of a mobile point are listed.
const hpNextStops = 5

// helpPointsPage is the public listing.
type helpPointsPage struct {
	Page
	Points []hpView
	Assist bool // the visitor works at a help point
	Manage bool // the visitor may manage help points
}

// hpView is a help point prepared for the page, in the city's zone.
type hpView struct {
	*helppoint.Point
	Anchor    string
	KindText  string
	Place     string // "07743 Jena"
	Today     string // today's hours (fixed points)
	Now       openState
	Week      []hoursRow
	Stops     []hpStopView
	Coords    string
	Geo       template.URL
	Map       string // the city's map, "" when not configured
	Tel       template.URL
	Languages string
}

// hpStopView is one coming stop.
type hpStopView struct {
	When, Place, Address string
	Start                time.Time
}

func (s *Server) hpView(f catalogFmt, p *helppoint.Point) hpView {
	v := hpView{Point: p, Anchor: "hilfepunkt-" + strconv.FormatInt(p.ID, 10), KindText: f.t("helppoints.kind." + p.Kind),
		Place: strings.TrimSpace(p.Postcode + " " + p.City), Coords: f.coords(p.Lat, p.Lon),
		Map: s.opts.HelpPoints.Map(p), Languages: strings.Join(p.Languages, ", ")}
	// Built from two floats, so it holds nothing but the URI itself.
	v.Geo = template.URL("geo:" + strconv.FormatFloat(p.Lat, 'f', 6, 64) + "," + strconv.FormatFloat(p.Lon, 'f', 6, 64))
	if tel := telURI(p.Phone); tel != "" {
		v.Tel = template.URL(tel)
	}
	if !p.Mobile() {
		today, _ := p.Hours.Day(hours.DateOf(f.now))
		v.Today = f.intervals(today)
		v.Now = f.openState(p.Hours, p.Hours.At(f.now))
		v.Week = f.weekRows(p.Hours)
	}
	for _, st := range p.NextStops(f.now, hpNextStops) {
		v.Stops = append(v.Stops, hpStopView{When: s.hpStopTime(f, st), Place: st.Place, Address: st.Address, Start: st.Start})
	}
	return v
}

// hpStopTime writes a stop's day and times: "Do, 3.12., 10:00 bis 13:00 Uhr".
func (s *Server) hpStopTime(f catalogFmt, st helppoint.Stop) string {
	from, to := st.Start.In(f.now.Location()), st.End.In(f.now.Location())
	return f.t("helppoints.stop.time", f.date(hours.DateOf(from)), clock(minuteOf(from)), clock(minuteOf(to)))
}

// handleHelpPoints lists the help points.
func (s *Server) handleHelpPoints(w http.ResponseWriter, r *http.Request) error {
	points, err := s.opts.HelpPoints.Points(r.Context())
	if err != nil {
		return err
	}
	p := helpPointsPage{Page: s.page(r, "helppoints.title")}
	f := s.catalogFmt(p.Lang)
	for _, pt := range points {
		p.Points = append(p.Points, s.hpView(f, pt))
	}
	if u := currentUser(r); u != nil {
		p.Assist, _ = s.opts.HelpPoints.MayAssist(r.Context(), actorOf(r))
		p.Assist = p.Assist && s.opts.Cases != nil
		p.Manage = p.Admin
	}
	return s.render(w, r, "helppoints", p)
}

// apiHelpPoint is a help point in the JSON API.
type apiHelpPoint struct {
	ID        int64         `json:"id"`
	Name      string        `json:"name"`
	Kind      string        `json:"kind"`
	Street    string        `json:"street"`
	Postcode  string        `json:"postcode"`
	City      string        `json:"city"`
	Lat       float64       `json:"lat"`
	Lon       float64       `json:"lon"`
	Hours     *hours.Hours  `json:"hours,omitempty"`
	OpenNow   *bool         `json:"open_now,omitempty"`
	NextStops []apiHelpStop `json:"next_stops"`
	Phone     string        `json:"phone,omitempty"`
	Email     string        `json:"email,omitempty"`
	Offers    string        `json:"offers,omitempty"`
	Access    string        `json:"accessibility,omitempty"`
	Languages []string      `json:"languages"`
	MapURL    string        `json:"map_url,omitempty"`
	Demo      bool          `json:"demo"`
}

type apiHelpStop struct {
	Place   string    `json:"place"`
	Address string    `json:"address,omitempty"`
	Start   time.Time `json:"start"`
	End     time.Time `json:"end"`
}

// handleAPIHelpPoints answers the help points as JSON (public).
func (s *Server) handleAPIHelpPoints(w http.ResponseWriter, r *http.Request) error {
	points, err := s.opts.HelpPoints.Points(r.Context())
	if err != nil {
		return err
	}
	now := s.now().In(s.opts.Location)
	out := []apiHelpPoint{}
	for _, p := range points {
		a := apiHelpPoint{ID: p.ID, Name: p.Name, Kind: p.Kind, Street: p.Street, Postcode: p.Postcode, City: p.City,
			Lat: p.Lat, Lon: p.Lon, NextStops: []apiHelpStop{}, Phone: p.Phone, Email: p.Email, Offers: p.Offers,
			Access: p.Access, Languages: p.Languages, MapURL: s.opts.HelpPoints.Map(p), Demo: p.Demo}
		if a.Languages == nil {
			a.Languages = []string{}
		}
		if !p.Mobile() {
			h := p.Hours
			open := h.At(now).Open
			a.Hours, a.OpenNow = &h, &open
		}
		for _, st := range p.NextStops(now, hpNextStops) {
			a.NextStops = append(a.NextStops, apiHelpStop{st.Place, st.Address, st.Start.UTC(), st.End.UTC()})
		}
		out = append(out, a)
	}
	return s.writeJSON(w, http.StatusOK, struct {
		HelpPoints []apiHelpPoint `json:"helppoints"`
	}{out})
}
