package catalog

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/search"
)

// indexState is a snapshot of the public catalogue at one version: the
// search index over the published services, the services themselves, the
// offices and the life situations. It is a cache: the database is the
// truth, and reads first compare the database's catalogue version (see
// Catalog.Freshness), so an edit published on one instance reaches every
// other instance. Public pages read only from it, never from the database.
type indexState struct {
	version    int64
	ix         *search.Index
	byID       map[int64]*Service
	byName     []*Service
	offices    []*Office
	officeByID map[int64]*Office
	atOffice   map[int64][]*Service // published services per office, by name
	situations []*LifeSituation
	bySlug     map[string]*LifeSituation
}

// currentIndex returns the snapshot for the catalogue's current version,
// building it when the version moved on. While one caller rebuilds, the
// others keep answering from the previous snapshot instead of queueing.
func (c *Catalog) currentIndex(ctx context.Context) (*indexState, error) {
	st := c.index.Load()
	if st != nil && c.fresh() {
		return st, nil
	}
	v, err := c.Store.CatalogVersion(ctx)
	if err != nil {
		return nil, err
	}
	if st != nil && st.version == v {
		c.checked.Store(int64(time.Since(epoch)) + 1)
		return st, nil
	}
	if st != nil && !c.mu.TryLock() {
		return st, nil // someone is rebuilding; this answer is at most one change old
	}
	if st == nil {
		c.mu.Lock()
	}
	defer c.mu.Unlock()
	if cur := c.index.Load(); cur != nil && cur.version == v {
		return cur, nil // built while we waited for the lock
	}
	st, err = c.buildIndex(ctx, v)
	if err != nil {
		return nil, err
	}
	c.index.Store(st)
	c.checked.Store(int64(time.Since(epoch)) + 1)
	return st, nil
}

// fresh reports whether the last version check is recent enough to skip
// the database.
func (c *Catalog) fresh() bool {
	at := c.checked.Load()
	return at != 0 && c.Freshness > 0 && time.Since(epoch)-time.Duration(at) < c.Freshness
}

func (c *Catalog) buildIndex(ctx context.Context, version int64) (*indexState, error) {
	services, err := c.Store.FindServices(ctx, ServiceFilter{Status: StatusPublished})
	if err != nil {
		return nil, err
	}
	orgPath, err := c.orgPaths(ctx)
	if err != nil {
		return nil, err
	}
	st := &indexState{version: version, byID: make(map[int64]*Service, len(services))}
	docs := make([]search.Doc, 0, len(services))
	for _, s := range services {
		st.byID[s.ID] = s
		docs = append(docs, docOf(s, orgPath))
	}
	st.ix = search.NewIndex(docs)
	st.byName = append([]*Service(nil), services...)
	sortByName(st.byName)
	if err := st.addOffices(ctx, c.Store); err != nil {
		return nil, err
	}
	if st.situations, err = c.Store.FindLifeSituations(ctx); err != nil {
		return nil, err
	}
	st.bySlug = make(map[string]*LifeSituation, len(st.situations))
	for _, l := range st.situations {
		st.bySlug[l.Slug] = l
	}
	return st, nil
}

func (st *indexState) addOffices(ctx context.Context, store Store) error {
	offices, err := store.FindOffices(ctx, OfficeFilter{})
	if err != nil {
		return err
	}
	st.offices = offices
	st.officeByID = make(map[int64]*Office, len(offices))
	for _, o := range offices {
		st.officeByID[o.ID] = o
	}
	st.atOffice = map[int64][]*Service{}
	for _, s := range st.byName {
		for _, id := range s.OfficeIDs {
			st.atOffice[id] = append(st.atOffice[id], s)
		}
	}
	return nil
}

// orgPaths maps each organisation to itself and its ancestors, so that a
// filter by an organisation finds the services of every unit below it.
func (c *Catalog) orgPaths(ctx context.Context) (map[int64][]string, error) {
	if c.Orgs == nil {
		return nil, nil
	}
	orgs, err := c.Orgs.Store.FindOrgs(ctx)
	if err != nil {
		return nil, err
	}
	parent := map[int64]*int64{}
	for _, o := range orgs {
		parent[o.ID] = o.ParentID
	}
	out := map[int64][]string{}
	for _, o := range orgs {
		id := &o.ID
		for depth := 0; id != nil && depth < 32; depth++ {
			out[o.ID] = append(out[o.ID], strconv.FormatInt(*id, 10))
			id = parent[*id]
		}
	}
	return out, nil
}

// docOf is what the search engine sees of a service.
func docOf(s *Service, orgPath map[int64][]string) search.Doc {
	kw := append(append([]string(nil), s.Keywords...), s.LeiKa...)
	text := []string{s.Description, strings.Join(s.Prerequisites, "\n"), strings.Join(s.Documents, "\n"),
		s.FeesText, s.Deadlines, s.EasyLanguage, s.Authority}
	facets := map[string][]string{"life_situation": s.LifeSituations, "target": s.TargetGroups}
	if s.Online() {
		facets["online"] = []string{"1"}
	}
	if s.OrgID != nil {
		facets["org"] = orgPath[*s.OrgID]
	}
	return search.Doc{ID: s.ID, Name: s.Name, Keywords: kw, Summary: s.Summary,
		Text: strings.Join(text, "\n"), Facets: facets}
}

// Online reports whether the service can be done fully online: OZG
// maturity 3 or more, or a link to an online application.
func (c Content) Online() bool { return c.OZGLevel >= 3 || c.OnlineURL != "" }

// SearchQuery is what a citizen asks the service finder.
type SearchQuery struct {
	Text          string
	LifeSituation string // slug
	OrgID         *int64 // the organisation or any unit below it
	Online        bool   // only services that can be done online
	Target        string // TargetPeople or TargetCompanies
	Limit, Offset int
}

// SearchItem is one found service.
type SearchItem struct {
	Service *Service
	Score   float64
}

// SearchResult is a page of found services.
type SearchResult struct {
	Items     []SearchItem
	Total     int
	Corrected string // the query with typos corrected, when that changed it
}

// MaxLimit is the largest page of search results.
const MaxLimit = 100

// Search finds published services. An empty text lists every service that
// passes the filters, by name.
func (c *Catalog) Search(ctx context.Context, q SearchQuery) (*SearchResult, error) {
	st, err := c.currentIndex(ctx)
	if err != nil {
		return nil, err
	}
	sq := search.Query{Text: q.Text, Limit: min(max(q.Limit, 0), MaxLimit), Offset: max(q.Offset, 0), Filters: map[string]string{}}
	if q.LifeSituation != "" {
		sq.Filters["life_situation"] = q.LifeSituation
	}
	if q.OrgID != nil {
		sq.Filters["org"] = strconv.FormatInt(*q.OrgID, 10)
	}
	if q.Online {
		sq.Filters["online"] = "1"
	}
	if q.Target != "" {
		sq.Filters["target"] = q.Target
	}
	res := st.ix.Search(sq)
	out := &SearchResult{Total: res.Total, Corrected: res.Corrected}
	for _, h := range res.Hits {
		if s := st.byID[h.ID]; s != nil {
			out.Items = append(out.Items, SearchItem{Service: s, Score: h.Score})
		}
	}
	return out, nil
}

// Suggest completes what a citizen is typing into the search box.
func (c *Catalog) Suggest(ctx context.Context, prefix string, n int) ([]string, error) {
	st, err := c.currentIndex(ctx)
	if err != nil {
		return nil, err
	}
	return st.ix.Suggest(prefix, min(max(n, 1), 20)), nil
}

// sortByName orders services by name as a German reader expects: case
// and umlauts folded (Ä with A), ties by id.
func sortByName(list []*Service) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := SortKey(list[i].Name), SortKey(list[j].Name)
		if a != b {
			return a < b
		}
		return list[i].ID < list[j].ID
	})
}

var sortFolder = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss", "Ä", "a", "Ö", "o", "Ü", "u")

// SortKey is the key services sort by in lists and the A-Z index (DIN
// 5007-1: umlauts sort as their base letter).
func SortKey(name string) string {
	return strings.ToLower(sortFolder.Replace(strings.TrimSpace(name)))
}
