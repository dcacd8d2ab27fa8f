package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/helppoint"
	"rathaus/internal/hours"
	"rathaus/internal/org"
)

// hpBlankStops is how many empty stop rows the form offers.
const hpBlankStops = 3

// hpAdminListPage lists the help points the admin manages.
type hpAdminListPage struct {
	Page
	Points []hpAdminItem
}

type hpAdminItem struct {
	*helppoint.Point
	URL, KindText string
}

func hpAdminPath(id int64) string { return "/admin/hilfepunkte/" + strconv.FormatInt(id, 10) }

// handleHPAdminList shows the points the admin may manage.
func (s *Server) handleHPAdminList(w http.ResponseWriter, r *http.Request) error {
	points, err := s.opts.HelpPoints.Managed(r.Context(), actorOf(r))
	if err != nil {
		return err
	}
	p := hpAdminListPage{Page: s.page(r, "helppoints.admin.title")}
	for _, pt := range points {
		p.Points = append(p.Points, hpAdminItem{pt, hpAdminPath(pt.ID), p.T("helppoints.kind." + pt.Kind)})
	}
	return s.render(w, r, "helppoints_admin_list", p)
}

// hpAdminEditPage is the form of one help point.
type hpAdminEditPage struct {
	Page
	Action string
	New    bool
	Kinds  []csOption
	Orgs   []csOption
	Days   []hpDayField
	Stops  []impactRow // I from 0 (field names), N from 1
}

type hpDayField struct{ Name, Label string }

// handleHPAdminNew shows the empty form.
func (s *Server) handleHPAdminNew(w http.ResponseWriter, r *http.Request) error {
	v := url.Values{"kind": {helppoint.KindFixed}, "holidays": {"TH"}, "rows": {strconv.Itoa(hpBlankStops)}}
	return s.renderHPAdminEdit(w, r, http.StatusOK, 0, v, nil)
}

// handleHPAdminEdit shows a point in the form.
func (s *Server) handleHPAdminEdit(w http.ResponseWriter, r *http.Request) error {
	pt, err := s.hpManaged(r)
	if err != nil {
		return err
	}
	return s.renderHPAdminEdit(w, r, http.StatusOK, pt.ID, hpValues(pt), nil)
}

// hpManaged is the point of the path's {id}, when the admin manages it.
func (s *Server) hpManaged(r *http.Request) (*helppoint.Point, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, errNotFound
	}
	points, err := s.opts.HelpPoints.Managed(r.Context(), actorOf(r))
	if err != nil {
		return nil, err
	}
	for _, p := range points {
		if p.ID == id {
			return p, nil
		}
	}
	if _, err := s.opts.HelpPoints.Point(r.Context(), id); err != nil {
		return nil, err
	}
	return nil, fault.New(fault.Forbidden, "error.helppoints.forbidden")
}

// handleHPAdminSave creates or changes a point; bad input shows the form
// again with an error summary and stores nothing.
func (s *Server) handleHPAdminSave(w http.ResponseWriter, r *http.Request) error {
	var id int64
	var old *helppoint.Point
	if r.PathValue("id") != "" {
		var err error
		if old, err = s.hpManaged(r); err != nil {
			return err
		}
		id = old.ID
	}
	v, err := s.parseForm(r)
	if err != nil {
		return err
	}
	pt, rows, perr := s.parseHelpPoint(r, v)
	pt.ID = id
	if old != nil {
		pt.Hours.Exceptions = old.Hours.Exceptions // not edited here; kept
	}
	if perr == nil {
		err = renumberStops(s.opts.HelpPoints.Save(r.Context(), actorOf(r), pt), rows)
	} else {
		helppoint.Normalize(pt)
		err = mergeFieldErrors(perr, renumberStops(helppoint.Validate(pt), rows))
	}
	switch {
	case err == nil && id == 0:
		return s.redirectFlash(w, r, "/admin/hilfepunkte", "helppoints.admin.created")
	case err == nil:
		return s.redirectFlash(w, r, "/admin/hilfepunkte", "helppoints.admin.saved")
	case fault.Is(err, fault.Invalid):
		return s.renderHPAdminEdit(w, r, http.StatusBadRequest, id, v, err)
	}
	return err
}

// handleHPAdminDelete removes a point.
func (s *Server) handleHPAdminDelete(w http.ResponseWriter, r *http.Request) error {
	pt, err := s.hpManaged(r)
	if err != nil {
		return err
	}
	if err := s.opts.HelpPoints.Delete(r.Context(), actorOf(r), pt.ID); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/admin/hilfepunkte", "helppoints.admin.deleted")
}

func (s *Server) renderHPAdminEdit(w http.ResponseWriter, r *http.Request, status int, id int64, v url.Values, formErr error) error {
	title := "helppoints.admin.edit"
	if id == 0 {
		title = "helppoints.admin.new"
	}
	p := hpAdminEditPage{Page: s.page(r, title), New: id == 0, Action: "/admin/hilfepunkte/neu"}
	if id != 0 {
		p.Action = hpAdminPath(id)
	}
	p.Form = s.newForm(r, v)
	if formErr != nil {
		p.Form = s.formFor(r, v, formErr)
	}
	for _, k := range helppoint.Kinds {
		p.Kinds = append(p.Kinds, csOption{k, p.T("helppoints.kind." + k), v.Get("kind") == k})
	}
	orgs, err := s.opts.Orgs.Scope(r.Context(), actorOf(r))
	if err != nil {
		return err
	}
	if currentUser(r).PlatformAdmin {
		p.Orgs = append(p.Orgs, csOption{"", p.T("helppoints.field.org_none"), v.Get("org") == ""})
	}
	for _, o := range orgs {
		oid := strconv.FormatInt(o.ID, 10)
		p.Orgs = append(p.Orgs, csOption{oid, o.Name, v.Get("org") == oid})
	}
	for i := 1; i <= 7; i++ {
		d := weekdayKeys[i%7]
		p.Days = append(p.Days, hpDayField{"hours-" + d, "catalog.weekday." + d})
	}
	for i := range hpStopRows(v) {
		p.Stops = append(p.Stops, impactRow{i, i + 1})
	}
	return s.renderStatus(w, r, status, "helppoints_admin_edit", p)
}

// hpStopRows is how many stop rows the form has.
func hpStopRows(v url.Values) int {
	n := 0
	for v.Has(fmt.Sprintf("stop-%d-place", n)) {
		n++
	}
	if k, err := strconv.Atoi(v.Get("rows")); err == nil && k > n && k <= helppoint.MaxStops+hpBlankStops {
		n = k
	}
	return n
}

// hpStopLayout is how stop times are written in the form
// (input type=datetime-local).
const hpStopLayout = "2006-01-02T15:04"

// hpValues writes p into form values.
func hpValues(p *helppoint.Point) url.Values {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	v := url.Values{"name": {p.Name}, "kind": {p.Kind}, "street": {p.Street}, "postcode": {p.Postcode}, "city": {p.City},
		"lat": {f(p.Lat)}, "lon": {f(p.Lon)}, "phone": {p.Phone}, "email": {p.Email}, "offers": {p.Offers},
		"access": {p.Access}, "languages": {strings.Join(p.Languages, ", ")}, "holidays": {p.Hours.Holidays},
		"hours_note": {p.Hours.Note}}
	if p.OrgID != nil {
		v.Set("org", strconv.FormatInt(*p.OrgID, 10))
	}
	for d, ivs := range p.Hours.Weekly {
		var spans []string
		for _, iv := range ivs {
			spans = append(spans, iv.String())
		}
		v.Set("hours-"+weekdayKeys[d], strings.Join(spans, ", "))
	}
	loc := cityLocation()
	for i, st := range p.Stops {
		k := fmt.Sprintf("stop-%d-", i)
		v.Set(k+"place", st.Place)
		v.Set(k+"address", st.Address)
		v.Set(k+"start", st.Start.In(loc).Format(hpStopLayout))
		v.Set(k+"end", st.End.In(loc).Format(hpStopLayout))
	}
	v.Set("rows", strconv.Itoa(len(p.Stops)+hpBlankStops))
	return v
}

// parseHelpPoint reads the form. Unreadable numbers, hours and times are
// field errors (the point is filled as far as it could be read, for
// further checks); rows maps each stop to its row in the form (blank
// rows are skipped).
func (s *Server) parseHelpPoint(r *http.Request, v url.Values) (*helppoint.Point, []int, error) {
	var bad fault.Validator
	p := &helppoint.Point{Name: v.Get("name"), Kind: v.Get("kind"), Street: v.Get("street"), Postcode: v.Get("postcode"),
		City: v.Get("city"), Phone: v.Get("phone"), Email: v.Get("email"), Offers: v.Get("offers"), Access: v.Get("access"),
		Languages: strings.Split(v.Get("languages"), ",")}
	var err error
	if p.Lat, err = parseDecimal(v.Get("lat")); err != nil {
		bad.Add("lat", "error.helppoints.lat")
	}
	if p.Lon, err = parseDecimal(v.Get("lon")); err != nil {
		bad.Add("lon", "error.helppoints.lon")
	}
	if o := v.Get("org"); o != "" {
		id, err := strconv.ParseInt(o, 10, 64)
		orgs, serr := s.opts.Orgs.Scope(r.Context(), actorOf(r))
		if serr != nil {
			return p, nil, serr
		}
		if err != nil || !slices.ContainsFunc(orgs, func(x *org.Org) bool { return x.ID == id }) {
			bad.Add("org", "error.helppoints.org")
		} else {
			p.OrgID = &id
		}
	}
	for d, key := range weekdayKeys {
		spans := strings.Split(v.Get("hours-"+key), ",")
		if strings.TrimSpace(v.Get("hours-"+key)) == "" {
			continue
		}
		ivs, err := hours.ParseIntervals(spans)
		if err != nil {
			bad.Add("hours-"+key, "error.helppoints.hours")
			continue
		}
		p.Hours.Weekly[d] = ivs
	}
	if v.Get("holidays") == "TH" {
		p.Hours.Holidays = "TH"
	}
	p.Hours.Note = strings.TrimSpace(v.Get("hours_note"))
	var rows []int
	for i := range hpStopRows(v) {
		k := fmt.Sprintf("stop-%d-", i)
		st := helppoint.Stop{Place: v.Get(k + "place"), Address: v.Get(k + "address")}
		start, end := strings.TrimSpace(v.Get(k+"start")), strings.TrimSpace(v.Get(k+"end"))
		if strings.TrimSpace(st.Place+st.Address) == "" && start == "" && end == "" {
			continue
		}
		if t, err := time.ParseInLocation(hpStopLayout, start, s.opts.Location); err == nil {
			st.Start = t.UTC()
		} else {
			bad.Add(k+"start", "error.helppoints.stop_start")
		}
		if t, err := time.ParseInLocation(hpStopLayout, end, s.opts.Location); err == nil {
			st.End = t.UTC()
		} else if !bad.Has(k + "start") {
			bad.Add(k+"end", "error.helppoints.stop_end")
		}
		p.Stops = append(p.Stops, st)
		rows = append(rows, i)
	}
	return p, rows, bad.Err()
}

// renumberStops points the domain's stop errors (numbered among the
// filled stops) to the form's rows.
func renumberStops(err error, rows []int) error {
	fe := fault.As(err)
	if err == nil || fe == nil || len(fe.Fields) == 0 {
		return err
	}
	out := *fe
	out.Fields = slices.Clone(fe.Fields)
	for i, f := range out.Fields {
		var n int
		var part string
		if _, serr := fmt.Sscanf(f.Field, "stop-%d-%s", &n, &part); serr == nil && n < len(rows) {
			out.Fields[i].Field = helppoint.StopField(rows[n], part)
		}
	}
	return &out
}
