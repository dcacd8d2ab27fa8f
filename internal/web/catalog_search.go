package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/org"
)

// searchPageSize is how many services one page of search results shows.
const searchPageSize = 20

// maxSearchText caps the search text; nobody types more into a search box.
const maxSearchText = 200

// searchForm is the search as the address carries it:
// /leistungen?q=&lebenslage=&org=&online=1&zielgruppe=&seite=.
type searchForm struct {
	Text          string
	LifeSituation string
	Org           string // organisation id, as text
	Online        bool
	Target        string // catalog.TargetPeople or catalog.TargetCompanies
	Page          int    // 1-based
}

func readSearch(v url.Values) searchForm {
	f := searchForm{
		Text:          strings.TrimSpace(v.Get("q")),
		LifeSituation: v.Get("lebenslage"),
		Online:        v.Get("online") == "1",
		Page:          1,
	}
	if utf8.RuneCountInString(f.Text) > maxSearchText {
		f.Text = string([]rune(f.Text)[:maxSearchText])
	}
	if _, err := strconv.ParseInt(v.Get("org"), 10, 64); err == nil {
		f.Org = v.Get("org")
	}
	if t := v.Get("zielgruppe"); t == catalog.TargetPeople || t == catalog.TargetCompanies {
		f.Target = t
	}
	if n, err := strconv.Atoi(v.Get("seite")); err == nil && n > 1 {
		f.Page = n
	}
	return f
}

// Active reports whether there is anything to search for.
func (f searchForm) Active() bool {
	return f.Text != "" || f.LifeSituation != "" || f.Org != "" || f.Online || f.Target != ""
}

// Filtered reports whether a filter beyond the text is set.
func (f searchForm) Filtered() bool {
	return f.LifeSituation != "" || f.Org != "" || f.Online || f.Target != ""
}

func (f searchForm) query() catalog.SearchQuery {
	q := catalog.SearchQuery{Text: f.Text, LifeSituation: f.LifeSituation, Online: f.Online, Target: f.Target,
		Limit: searchPageSize, Offset: (f.Page - 1) * searchPageSize}
	if id, err := strconv.ParseInt(f.Org, 10, 64); err == nil {
		q.OrgID = &id
	}
	return q
}

// url is the address of this search on page n.
func (f searchForm) url(n int) string {
	v := url.Values{}
	set := func(k, val string) {
		if val != "" {
			v.Set(k, val)
		}
	}
	set("q", f.Text)
	set("lebenslage", f.LifeSituation)
	set("org", f.Org)
	if f.Online {
		v.Set("online", "1")
	}
	set("zielgruppe", f.Target)
	if n > 1 {
		v.Set("seite", strconv.Itoa(n))
	}
	if len(v) == 0 {
		return "/leistungen"
	}
	return "/leistungen?" + v.Encode()
}

// searchPage is the service finder: the form, and results or help.
type searchPage struct {
	Page
	Search         searchForm
	Results        []serviceLink
	List           serviceList // Results for the list partial
	Unfiltered     string      // the same text without filters
	Total          int
	Count          string // "12 Leistungen gefunden"
	Corrected      string // did you mean …
	CorrectedURL   string
	PrevURL        string
	NextURL        string
	PageInfo       string // "Seite 2 von 3"
	LifeSituations []*catalog.LifeSituation
	Orgs           []orgOption
}

// serviceList is a list of services for the "catalog-service-list"
// partial, with the page for its texts.
type serviceList struct {
	Page  Page
	Items []serviceLink
}

// orgOption is an organisation in the filter, indented by its depth.
type orgOption struct {
	ID   string
	Name string
}

// handleServiceSearch searches the catalogue, or shows the empty form with
// ways to browse.
func (s *Server) handleServiceSearch(w http.ResponseWriter, r *http.Request) error {
	f := readSearch(r.URL.Query())
	p, err := s.searchPage(r, f)
	if err != nil {
		return err
	}
	p.Form = s.newForm(r, url.Values{"q": {f.Text}})
	return s.render(w, r, "catalog_search", p)
}

func (s *Server) searchPage(r *http.Request, f searchForm) (searchPage, error) {
	ctx := r.Context()
	p := searchPage{Page: s.page(r, "catalog.search.title"), Search: f}
	var err error
	if p.LifeSituations, err = s.opts.Services.LifeSituations(ctx); err != nil {
		return p, err
	}
	if p.Orgs, err = s.orgOptions(ctx); err != nil {
		return p, err
	}
	if !f.Active() {
		return p, nil
	}
	if f.Text != "" {
		p.Title = s.t(r, "catalog.search.title_query", f.Text)
	}
	res, err := s.opts.Services.Search(ctx, f.query())
	if err != nil {
		return p, err
	}
	for _, it := range res.Items {
		l := linkTo(it.Service)
		l.LeiKa = it.Service.LeiKa
		p.Results = append(p.Results, l)
	}
	p.List = serviceList{Page: p.Page, Items: p.Results}
	p.Unfiltered = searchForm{Text: f.Text}.url(1)
	p.Total = res.Total
	p.Count = s.resultCount(r, res.Total)
	if res.Corrected != "" && res.Corrected != f.Text {
		p.Corrected = res.Corrected
		c := f
		c.Text, c.Page = res.Corrected, 1
		p.CorrectedURL = c.url(1)
	}
	s.paginate(r, &p)
	return p, nil
}

func (s *Server) resultCount(r *http.Request, n int) string {
	if n == 1 {
		return s.t(r, "catalog.search.count_one")
	}
	return s.t(r, "catalog.search.count_many", n)
}

func (s *Server) paginate(r *http.Request, p *searchPage) {
	pages := (p.Total + searchPageSize - 1) / searchPageSize
	if pages <= 1 {
		return
	}
	n := p.Search.Page
	if n > 1 {
		p.PrevURL = p.Search.url(n - 1)
	}
	if n < pages {
		p.NextURL = p.Search.url(n + 1)
	}
	p.PageInfo = s.t(r, "catalog.search.page_of", n, pages)
}

// orgOptions flattens the organisation tree for the filter; none when the
// server runs without organisations.
func (s *Server) orgOptions(ctx context.Context) ([]orgOption, error) {
	if s.opts.Orgs == nil {
		return nil, nil
	}
	tree, err := s.opts.Orgs.Tree(ctx)
	if err != nil {
		return nil, err
	}
	var out []orgOption
	var walk func(nodes []*org.Tree, depth int)
	walk = func(nodes []*org.Tree, depth int) {
		for _, n := range nodes {
			indent := strings.Repeat("\u00a0\u00a0", depth)
			out = append(out, orgOption{ID: strconv.FormatInt(n.Org.ID, 10), Name: indent + n.Org.Name})
			walk(n.Children, depth+1)
		}
	}
	walk(tree, 0)
	return out, nil
}

// handleSearchMiss keeps a search that found nothing with what the
// citizen says was missing, then goes back to the search with thanks.
func (s *Server) handleSearchMiss(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	q := strings.TrimSpace(values.Get("q"))
	err = s.opts.Services.RecordMiss(r.Context(), q, values.Get("message"))
	if fault.Is(err, fault.Invalid) {
		p, perr := s.searchPage(r, readSearch(url.Values{"q": {q}}))
		if perr != nil {
			return perr
		}
		p.Form = s.formFor(r, values, err)
		return s.renderStatus(w, r, statusOf(err), "catalog_search", p)
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, searchForm{Text: q}.url(1), "flash.catalog_miss_thanks")
}
