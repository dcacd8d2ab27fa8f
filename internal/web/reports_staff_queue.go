package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/report"
)

// rsPageSize is how many reports one queue page lists.
const rsPageSize = 25

// rsQuery is the queue's filter as the GET form sends it.
type rsQuery struct {
	Status, Category, Area, Search, Order string
	Page                                  int // from 1
}

func rsQueryOf(v url.Values) rsQuery {
	q := rsQuery{Status: v.Get("status"), Category: v.Get("kategorie"), Area: v.Get("gebiet"),
		Search: strings.TrimSpace(v.Get("suche")), Order: v.Get("sortierung")}
	if len([]rune(q.Search)) > 100 {
		q.Search = string([]rune(q.Search)[:100])
	}
	q.Page, _ = strconv.Atoi(v.Get("seite"))
	if q.Page < 1 {
		q.Page = 1
	}
	return q
}

func (q rsQuery) values() url.Values {
	v := url.Values{}
	for k, x := range map[string]string{"status": q.Status, "kategorie": q.Category, "gebiet": q.Area,
		"suche": q.Search, "sortierung": q.Order} {
		if x != "" {
			v.Set(k, x)
		}
	}
	if q.Page > 1 {
		v.Set("seite", strconv.Itoa(q.Page))
	}
	return v
}

// URL is the queue with this filter.
func (q rsQuery) URL() string {
	if v := q.values(); len(v) > 0 {
		return "/amt/meldungen?" + v.Encode()
	}
	return "/amt/meldungen"
}

// Filtered reports whether any filter is set.
func (q rsQuery) Filtered() bool { q.Page = 1; return len(q.values()) > 0 }

// rsQueuePage is the queue of the user's units.
type rsQueuePage struct {
	Page
	Query      rsQuery
	Rows       []rsRow
	Total      int
	From, To   int
	PrevURL    string
	NextURL    string
	Counts     []rsCount
	Statuses   []csOption
	Categories []csOption
	Areas      []csOption
	Orders     []csOption
	CatAdmin   bool // may administer the categories
}

// rsRow is one report in the queue.
type rsRow struct {
	URL, Reference, Category, Area, Place, Status, Unit, Requested string
	Supporters                                                     int
}

// rsCount is the number of reports in one status, as a filter link.
type rsCount struct {
	Label, URL string
	N          int
	Current    bool
}

// rsFilter turns the query into the domain's filter for actor a.
func rsFilter(a report.Actor, orgID int64, q rsQuery) report.Filter {
	f := report.Filter{Query: q.Search, AreaID: q.Area, Limit: rsPageSize, Offset: (q.Page - 1) * rsPageSize}
	if a.Admin {
		f.OrgID = orgID
	} else {
		f.UnitIDs = append([]int64{}, a.Units...)
	}
	switch q.Status {
	case "":
		f.Statuses = []report.Status{report.StatusReceived, report.StatusInProgress}
	case "alle":
	default:
		f.Statuses = []report.Status{report.Status(q.Status)}
	}
	if id, err := strconv.ParseInt(q.Category, 10, 64); err == nil {
		f.CategoryIDs = []int64{id}
	}
	switch q.Order {
	case report.OrderOldest, report.OrderUpdated, report.OrderSupporters:
		f.Order = q.Order
	default:
		f.Order = report.OrderNewest
	}
	return f
}

// handleRSQueue lists the reports of the user's units.
func (s *Server) handleRSQueue(w http.ResponseWriter, r *http.Request) error {
	ctx, lang := r.Context(), langOf(r)
	a, err := s.reportActor(ctx, currentUser(r))
	if err != nil {
		return err
	}
	orgID, tree, err := s.rsOrg(ctx)
	if err != nil {
		return err
	}
	q := rsQueryOf(r.URL.Query())
	if q.Status != "" && q.Status != "alle" && !report.Status(q.Status).Valid() {
		q.Status = ""
	}
	f := rsFilter(a, orgID, q)
	list, total, err := s.opts.Reports.Store.FindDefectReports(ctx, f)
	if err != nil {
		return err
	}
	units, err := s.rsUnits(ctx)
	if err != nil {
		return err
	}
	p := rsQueuePage{Page: s.page(r, "reports_staff.queue.title"), Query: q, Total: total}
	p.CatAdmin, _ = s.adminAccess(r, currentUser(r))
	for _, rep := range list {
		place := rep.Location.Address
		if place == "" && rep.Location.HasPoint() {
			place = strconv.FormatFloat(*rep.Location.Lat, 'f', 5, 64) + ", " + strconv.FormatFloat(*rep.Location.Long, 'f', 5, 64)
		}
		p.Rows = append(p.Rows, rsRow{URL: rsPath(rep.Reference), Reference: rep.Reference,
			Category: reportCategoryName(tree, rep.CategoryID, lang), Area: s.rsArea(rep.Location.AreaID), Place: place,
			Status: s.rsStatus(r, rep.Status), Unit: rsUnitName(units, rep.UnitID), Requested: s.csTime(r, rep.RequestedAt),
			Supporters: rep.Supporters})
	}
	if len(list) > 0 {
		p.From, p.To = f.Offset+1, f.Offset+len(list)
	}
	if q.Page > 1 {
		prev := q
		prev.Page--
		p.PrevURL = prev.URL()
	}
	if f.Offset+len(list) < total {
		next := q
		next.Page++
		p.NextURL = next.URL()
	}
	for _, st := range report.Statuses {
		cq := q
		cq.Status, cq.Page = string(st), 1
		cf := rsFilter(a, orgID, cq)
		cf.Limit = 1
		_, n, err := s.opts.Reports.Store.FindDefectReports(ctx, cf)
		if err != nil {
			return err
		}
		p.Counts = append(p.Counts, rsCount{Label: s.rsStatus(r, st), URL: cq.URL(), N: n, Current: q.Status == string(st)})
		p.Statuses = append(p.Statuses, csOption{string(st), s.rsStatus(r, st), q.Status == string(st)})
	}
	for _, c := range tree.Active() {
		id := strconv.FormatInt(c.ID, 10)
		p.Categories = append(p.Categories, csOption{id, c.Name(lang), id == q.Category})
	}
	for _, ar := range s.reportDistricts() {
		p.Areas = append(p.Areas, csOption{ar.Key, ar.Name, ar.Key == q.Area})
	}
	for _, o := range []string{report.OrderNewest, report.OrderOldest, report.OrderUpdated, report.OrderSupporters} {
		p.Orders = append(p.Orders, csOption{o, s.t(r, "reports_staff.order."+o), o == f.Order})
	}
	return s.render(w, r, "reports_staff_queue", p)
}
