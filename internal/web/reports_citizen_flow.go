package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/geo"
	"rathaus/internal/report"
)

// The report flow: step 1 (GET /melden, POST /melden/ort) asks for the
// category and the place; step 2 shows open reports of the category
// nearby ("is it one of these?") and asks for the description, photos
// and an optional e-mail address; POST /melden stores the report. Every
// step is a plain form: no JavaScript needed.

// reportNewPage is step 1: category and place.
type reportNewPage struct {
	Page
	Groups []reportCategoryGroup
	// TileMap places the pin on the city's own tiles; nil without them.
	TileMap *reportTileMap
}

// reportNearby is an open report near the place, offered for support.
type reportNearby struct {
	Reference, Category, Status, Date, Place string
	Distance                                 int // metres
	Supporters                               int
}

// reportDetailsPage is step 2: nearby reports, then description, photos
// and e-mail, with step 1's answers in hidden fields.
type reportDetailsPage struct {
	Page
	Category  string
	Place     string
	Nearby    []reportNearby
	MaxPhotos int
	Hidden    []reportHidden
	// Change holds step 1's answers for going back to it.
	Change []reportHidden
	// DescribeFirst: no category chosen, so only the description is
	// asked for, to suggest one; Choice asks about the category.
	DescribeFirst bool
	Choice        *reportChoice
}

type reportHidden struct{ Name, Value string }

// reportStep1Fields are the fields step 1 asks for.
var reportStep1Fields = []string{"category", "address", "lat", "long"}

// handleReportNew shows step 1.
func (s *Server) handleReportNew(w http.ResponseWriter, r *http.Request) error {
	return s.renderReportNew(w, r, s.newForm(r, nil), http.StatusOK)
}

func (s *Server) renderReportNew(w http.ResponseWriter, r *http.Request, f *Form, status int) error {
	_, tree, err := s.reportOrg(r.Context())
	if err != nil {
		return err
	}
	p := reportNewPage{Page: s.page(r, "reports_web.new.title"), Groups: reportGroups(tree, langOf(r)),
		TileMap: s.reportTileMap("pick", geo.EmptyBox())}
	p.Form = f
	return s.renderStatus(w, r, status, "reports_new", p)
}

// handleReportPlace checks step 1 and shows step 2 (or step 1 again with
// the errors, or for changing the answers).
func (s *Server) handleReportPlace(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	if values.Get("change") != "" {
		return s.renderReportNew(w, r, s.newForm(r, values), http.StatusOK)
	}
	_, tree, err := s.reportOrg(r.Context())
	if err != nil {
		return err
	}
	rep, cat, errs := s.reportFromForm(values, tree)
	if errs = step1Errors(errs); len(errs) > 0 {
		return s.renderReportNew(w, r, s.formFor(r, values, fault.Fields(errs...)), http.StatusBadRequest)
	}
	return s.renderReportDetails(w, r, rep, cat, nil, s.newForm(r, values), http.StatusOK)
}

// step1Errors keeps the errors of the category and place.
func step1Errors(errs []fault.FieldError) []fault.FieldError {
	var out []fault.FieldError
	for _, e := range errs {
		switch e.Field {
		case "category", "location", "address":
			out = append(out, e)
		}
	}
	return out
}

// reportFromForm reads a report from the form and checks it; errors
// name the form fields.
func (s *Server) reportFromForm(values url.Values, tree *report.Tree) (*report.Report, *report.Category, []fault.FieldError) {
	rep := &report.Report{Description: values.Get("description"), Source: report.SourceWeb}
	rep.Location.Address = values.Get("address")
	rep.Contact.Email = values.Get("email")
	var errs []fault.FieldError
	var cat *report.Category
	if id, err := strconv.ParseInt(values.Get("category"), 10, 64); err == nil {
		if c := tree.ByID(id); c != nil && c.Active {
			cat, rep.CategoryID = c, id
		}
	}
	lat, latOK := parseCoordinate(values.Get("lat"))
	long, longOK := parseCoordinate(values.Get("long"))
	badCoords := !latOK || !longOK
	if badCoords {
		errs = append(errs, fault.FieldError{Field: "location", Key: "reports_web.error.coordinates"})
	} else {
		rep.Location.Lat, rep.Location.Long = lat, long
	}
	report.Normalize(rep)
	if err := report.Validate(rep, cat, s.opts.Reports.Bounds); err != nil {
		for _, fe := range fault.As(err).Fields {
			if fe.Field == "location" && badCoords {
				continue // the coordinates' own error says it
			}
			errs = append(errs, fe)
		}
	}
	return rep, cat, withoutUnknownCategory(values, errs)
}

// parseCoordinate reads a decimal degree, with a decimal point or comma;
// empty is nil and fine.
func parseCoordinate(v string) (*float64, bool) {
	v = strings.TrimSpace(strings.ReplaceAll(v, ",", "."))
	if v == "" {
		return nil, true
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return nil, false
	}
	return &f, true
}

// renderReportDetails shows step 2 for the checked category and place.
// choice, when set, asks about the category (the suggestion).
func (s *Server) renderReportDetails(w http.ResponseWriter, r *http.Request, rep *report.Report, cat *report.Category, choice *reportChoice, f *Form, status int) error {
	lang := langOf(r)
	p := reportDetailsPage{Page: s.page(r, "reports_web.details.title"), Place: s.reportPlace(r, rep), MaxPhotos: report.MaxPhotos}
	if cat != nil {
		p.Category = cat.Name(lang)
	} else {
		p.Category = s.t(r, "reports_web.details.unknown")
	}
	p.Form = f
	checked := choice != nil || f.Get("checked") != ""
	if choice == nil && checked && f.Get("category") == reportUnknown {
		_, tree, err := s.reportOrg(r.Context())
		if err != nil {
			return err
		}
		choice = &reportChoice{Groups: reportGroups(tree, lang), Selected: reportUnknown}
	}
	p.Choice = choice
	p.DescribeFirst = choice == nil && f.Get("category") == reportUnknown
	for _, name := range reportStep1Fields {
		p.Change = append(p.Change, reportHidden{name, f.Get(name)})
		if name != "category" || choice == nil {
			p.Hidden = append(p.Hidden, reportHidden{name, f.Get(name)})
		}
	}
	if checked {
		p.Hidden = append(p.Hidden, reportHidden{"checked", "1"})
	}
	near, err := s.reportNearby(r, rep)
	if err != nil {
		return err
	}
	p.Nearby = near
	return s.renderStatus(w, r, status, "reports_details", p)
}

// reportPlace describes a report's place for the public: the address,
// else the coordinates, with the area.
func (s *Server) reportPlace(r *http.Request, rep *report.Report) string {
	l := rep.Location
	place := l.Address
	if place == "" && l.HasPoint() {
		place = s.t(r, "reports_web.place.point", strconv.FormatFloat(*l.Lat, 'f', 5, 64), strconv.FormatFloat(*l.Long, 'f', 5, 64))
	}
	area := l.AreaID
	if area == "" && l.HasPoint() && s.opts.Reports.AreaOf != nil {
		area = s.opts.Reports.AreaOf(*l.Lat, *l.Long)
	}
	if area != "" {
		return place + " (" + s.reportAreaName(area) + ")"
	}
	return place
}

// reportNearby lists the open reports of the same category near the
// report's point (none without a point).
func (s *Server) reportNearby(r *http.Request, rep *report.Report) ([]reportNearby, error) {
	if !rep.Location.HasPoint() {
		return nil, nil
	}
	ctx := r.Context()
	orgID, tree, err := s.reportOrg(ctx)
	if err != nil {
		return nil, err
	}
	n := report.Nearby{OrgID: orgID, CategoryID: rep.CategoryID, Lat: *rep.Location.Lat, Long: *rep.Location.Long}
	found, err := s.opts.Reports.Store.NearbyDefectReports(ctx, n.WithDefaults(s.now()))
	if err != nil {
		return nil, err
	}
	var out []reportNearby
	p := Page{Lang: langOf(r), tr: s.tr}
	for _, x := range found {
		d := 0
		if x.Location.HasPoint() {
			d = int(report.Distance(n.Lat, n.Long, *x.Location.Lat, *x.Location.Long) + 0.5)
		}
		out = append(out, reportNearby{Reference: x.Reference, Category: reportCategoryName(tree, x.CategoryID, p.Lang),
			Status: s.reportStatusLabel(r, x.Status), Date: p.Date(x.RequestedAt.In(s.opts.Location)), Place: s.reportPlace(r, x),
			Distance: d, Supporters: x.Supporters})
	}
	return out, nil
}

// handleReportSubmit checks everything, strips and stores the photos and
// files the report; on any problem nothing is stored.
func (s *Server) handleReportSubmit(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	orgID, tree, err := s.reportOrg(ctx)
	if err != nil {
		return err
	}
	rep, cat, errs := s.reportFromForm(values, tree)
	if first := step1Errors(errs); len(first) > 0 {
		return s.renderReportNew(w, r, s.formFor(r, values, fault.Fields(first...)), http.StatusBadRequest)
	}
	errs = append(errs, reportDescribeFirst(values, rep)...)
	if choice := s.reportNeedsChoice(r, values, tree, rep, cat); len(errs) == 0 && choice != nil {
		return s.renderReportDetails(w, r, rep, cat, choice, s.newForm(r, values), http.StatusOK)
	}
	photos, photoErrs := reportPhotos(r, func(key string, args ...any) string { return s.t(r, key, args...) })
	if errs = append(errs, photoErrs...); len(errs) > 0 {
		return s.renderReportDetails(w, r, rep, cat, nil, s.formFor(r, values, fault.Fields(errs...)), http.StatusBadRequest)
	}
	rep.OrgID = orgID
	if u := currentUser(r); u != nil {
		// Logged in: the report is in "my reports", and without another
		// address the status mails go to the account's.
		rep.Contact.AccountID = &u.ID
		if rep.Contact.Email == "" {
			rep.Contact.Email = u.Email
		}
	}
	if err := s.storeReportPhotos(ctx, rep, photos); err != nil {
		return err
	}
	if err := s.opts.Reports.Submit(ctx, rep); err != nil {
		s.deleteReportPhotos(context.WithoutCancel(ctx), rep)
		if fault.Is(err, fault.Invalid) {
			return s.renderReportDetails(w, r, rep, cat, nil, s.formFor(r, values, err), http.StatusBadRequest)
		}
		return err
	}
	http.Redirect(w, r, "/melden/fertig/"+rep.Reference, http.StatusSeeOther)
	return nil
}

// reportDonePage confirms a report with its reference.
type reportDonePage struct {
	Page
	Reference string
	Category  string
}

// handleReportDone is the confirmation: the reference and the link to
// the report's public page, where its status shows.
func (s *Server) handleReportDone(w http.ResponseWriter, r *http.Request) error {
	rep, err := s.reportByRef(r)
	if err != nil {
		return err
	}
	_, tree, err := s.reportOrg(r.Context())
	if err != nil {
		return err
	}
	p := reportDonePage{Page: s.page(r, "reports_web.done.title"), Reference: rep.Reference}
	p.Category = reportCategoryName(tree, rep.CategoryID, p.Lang)
	return s.render(w, r, "reports_done", p)
}
