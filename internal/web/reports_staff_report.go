package web

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
	"rathaus/internal/org"
	"rathaus/internal/report"
)

// rsReportPage is one report for staff: everything, the reporter's
// contact included, with the forms that work on it.
type rsReportPage struct {
	Page
	R           *report.Report
	URL         string
	Category    string
	Area        string
	Status      string
	Unit        string
	Requested   string
	Updated     string
	Coordinates string
	DuplicateOf string // reference of the original, when merged
	Answers     []rsAnswer
	History     []rsNote
	Internal    []rsNote
	Corrections []rsNote
	Photos      []rsPhoto
	Next        []csOption // the statuses staff may choose
	Categories  []csOption
	Units       []csOption
	CanWork     bool
	Conflict    string // the report changed meanwhile
}

type rsAnswer struct{ Code, Value string }

type rsNote struct {
	When, Status, Text, Author string
}

// rsPhoto is one photo with its public copy's state.
type rsPhoto struct {
	ID              int64
	URL, BlurredURL string // the original (internal), the public copy
	Width, Height   int
	Public, HasCopy bool
	Action          string // the form's path
	Label           string
	Regions         []rsRegion
}

// rsRegion is one row of the blur form: the names of x, y, width, height.
type rsRegion struct {
	N          int
	X, Y, W, H string
}

// handleRSReport shows a report. Opening it is recorded in the audit log
// when it holds the reporter's contact (personal data was read).
func (s *Server) handleRSReport(w http.ResponseWriter, r *http.Request) error {
	p, err := s.rsReport(r)
	if err != nil {
		return err
	}
	if err := s.rsAuditRead(r, p.R); err != nil {
		return err
	}
	return s.render(w, r, "reports_staff_report", p)
}

// rsAuditRead records that staff read the reporter's contact data.
func (s *Server) rsAuditRead(r *http.Request, rep *report.Report) error {
	if s.opts.Audit == nil || rep.Contact.Empty() {
		return nil
	}
	u := currentUser(r)
	return s.opts.Audit.CreateAuditEntry(r.Context(), &audit.Entry{At: s.now(), ActorID: &u.ID, SubjectID: rep.Contact.AccountID,
		Action: audit.PersonalDataRead, Detail: "report " + rep.Reference, IP: s.clientIP(r)})
}

// rsLoad finds the path's report and checks that the user may see it:
// a report outside the user's units is NotFound, so references cannot be
// probed.
func (s *Server) rsLoad(r *http.Request) (*report.Report, report.Actor, error) {
	ctx := r.Context()
	a, err := s.reportActor(ctx, currentUser(r))
	if err != nil {
		return nil, a, err
	}
	rep, err := s.opts.Reports.Store.FindDefectReportByReference(ctx, r.PathValue("reference"))
	if err != nil {
		return nil, a, err
	}
	if !a.CanWork(rep) {
		return nil, a, fault.New(fault.NotFound, "error.not_found")
	}
	return rep, a, nil
}

// rsReport loads the path's report and prepares its page.
func (s *Server) rsReport(r *http.Request) (*rsReportPage, error) {
	rep, a, err := s.rsLoad(r)
	if err != nil {
		return nil, err
	}
	ctx, lang, store := r.Context(), langOf(r), s.opts.Reports.Store
	cats, err := store.FindDefectCategories(ctx, rep.OrgID)
	if err != nil {
		return nil, err
	}
	tree := report.NewTree(cats)
	units, err := s.rsUnits(ctx)
	if err != nil {
		return nil, err
	}
	l := s.csLookup(ctx)
	p := &rsReportPage{Page: s.page(r, "reports_staff.report.title"), R: rep, URL: rsPath(rep.Reference),
		Category: reportCategoryName(tree, rep.CategoryID, lang), Area: s.rsArea(rep.Location.AreaID),
		Status: s.rsStatus(r, rep.Status), Unit: rsUnitName(units, rep.UnitID), Requested: s.csTime(r, rep.RequestedAt),
		Updated: s.csTime(r, rep.UpdatedAt), CanWork: a.CanWork(rep)}
	p.Title = s.t(r, "reports_staff.report.title", rep.Reference)
	if rep.Location.HasPoint() {
		p.Coordinates = strconv.FormatFloat(*rep.Location.Lat, 'f', 6, 64) + ", " + strconv.FormatFloat(*rep.Location.Long, 'f', 6, 64)
	}
	if rep.DuplicateOf != nil {
		if o, err := store.FindDefectReport(ctx, *rep.DuplicateOf); err == nil {
			p.DuplicateOf = o.Reference
		}
	}
	codes := make([]string, 0, len(rep.Answers))
	for c := range rep.Answers {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		p.Answers = append(p.Answers, rsAnswer{c, strings.Join(rep.Answers[c], ", ")})
	}
	notes, err := store.FindDefectNotes(ctx, rep.ID, false)
	if err != nil {
		return nil, err
	}
	for _, n := range notes {
		row := rsNote{When: s.csTime(r, n.At), Status: s.rsStatus(r, n.Status), Text: n.Text, Author: l.person(n.AuthorID)}
		if n.Public {
			p.History = append(p.History, row)
		} else {
			p.Internal = append(p.Internal, row)
		}
	}
	corr, err := store.FindDefectCorrections(ctx, rep.ID)
	if err != nil {
		return nil, err
	}
	for _, c := range corr {
		p.Corrections = append(p.Corrections, rsNote{When: s.csTime(r, c.At), Status: s.t(r, "reports_staff.correction."+c.Field),
			Text: s.rsCorrection(c, tree, units, lang), Author: l.person(c.StaffID)})
	}
	for i, ph := range rep.Photos {
		base := p.URL + "/fotos/" + strconv.FormatInt(ph.ID, 10)
		rp := rsPhoto{ID: ph.ID, URL: base, BlurredURL: base + "?kopie=1", Width: ph.Width, Height: ph.Height,
			Public: ph.Public, Action: base, Label: s.t(r, "reports_staff.photos.photo", i+1)}
		pre := rsPhotoPrefix(ph.ID)
		for n := 1; n <= rsMaxRegions; n++ {
			k := strconv.Itoa(n)
			rp.Regions = append(rp.Regions, rsRegion{n, pre + "x" + k, pre + "y" + k, pre + "w" + k, pre + "h" + k})
		}
		if s.opts.ReportFiles != nil {
			if _, err := s.opts.ReportFiles.Stat(ctx, ph.PublicKey()); err == nil {
				rp.HasCopy = true
			}
		}
		p.Photos = append(p.Photos, rp)
	}
	for _, st := range report.Next(rep) {
		p.Next = append(p.Next, csOption{string(st), s.rsStatus(r, st), false})
	}
	for _, c := range tree.Active() {
		id := strconv.FormatInt(c.ID, 10)
		p.Categories = append(p.Categories, csOption{id, c.Name(lang), c.ID == rep.CategoryID})
	}
	for _, u := range units {
		id := strconv.FormatInt(u.ID, 10)
		p.Units = append(p.Units, csOption{id, u.Name, rep.UnitID != nil && *rep.UnitID == u.ID})
	}
	return p, nil
}

// rsCorrection says what a correction changed, by name.
func (s *Server) rsCorrection(c *report.Correction, t *report.Tree, units []*org.Org, lang string) string {
	name := func(v string) string {
		if v == "" {
			return "–"
		}
		if c.Field == report.FieldCategory {
			if cat := t.ByCode(v); cat != nil {
				return cat.Name(lang)
			}
			return v
		}
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return v
		}
		return rsUnitName(units, &id)
	}
	return name(c.From) + " → " + name(c.To)
}
