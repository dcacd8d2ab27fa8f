package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"unicode"

	"rathaus/internal/catalog"
)

func situationURL(slug string) string { return "/lebenslagen/" + url.PathEscape(slug) }

// situationsPage lists the life situations.
type situationsPage struct {
	Page
	Situations []situationCard
}

type situationCard struct {
	Name, Description, URL string
}

// handleLifeSituations lists the life situations in their display order.
func (s *Server) handleLifeSituations(w http.ResponseWriter, r *http.Request) error {
	list, err := s.opts.Services.LifeSituations(r.Context())
	if err != nil {
		return err
	}
	p := situationsPage{Page: s.page(r, "catalog.situations.title")}
	for _, l := range list {
		p.Situations = append(p.Situations, situationCard{l.Name, l.Description, situationURL(l.Slug)})
	}
	return s.render(w, r, "catalog_situations", p)
}

// situationPage is one life situation with its services.
type situationPage struct {
	Page
	Situation *catalog.LifeSituation
	Services  []serviceLink
	List      serviceList
	Count     string
	SearchURL string // the search filtered to this life situation
	Crumbs    catalogCrumbs
}

// handleLifeSituation shows the services of one life situation, by name.
func (s *Server) handleLifeSituation(w http.ResponseWriter, r *http.Request) error {
	l, err := s.opts.Services.LifeSituation(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	services, err := s.situationServices(r.Context(), l.Slug)
	if err != nil {
		return err
	}
	p := situationPage{Page: s.page(r, "catalog.situations.title"), Situation: l, Services: services,
		SearchURL: searchForm{LifeSituation: l.Slug}.url(1)}
	p.Title = l.Name
	p.List = serviceList{Page: p.Page, Items: services}
	p.Count = s.resultCount(r, len(services))
	p.Crumbs = catalogCrumbs{Page: p.Page, Links: []namedLink{{s.t(r, "catalog.situations.title"), "/lebenslagen"}}, ContentLang: true}
	return s.render(w, r, "catalog_situation", p)
}

// situationServices pages through the search to list every published
// service of a life situation.
func (s *Server) situationServices(ctx context.Context, slug string) ([]serviceLink, error) {
	var out []serviceLink
	for offset := 0; ; offset += catalog.MaxLimit {
		res, err := s.opts.Services.Search(ctx, catalog.SearchQuery{LifeSituation: slug, Limit: catalog.MaxLimit, Offset: offset})
		if err != nil {
			return nil, err
		}
		for _, it := range res.Items {
			out = append(out, linkTo(it.Service))
		}
		if len(res.Items) == 0 || offset+len(res.Items) >= res.Total {
			return out, nil
		}
	}
}

// azPage is the A-Z index of services.
type azPage struct {
	Page
	Letters []azLetter
	Groups  []azGroup
	Crumbs  catalogCrumbs
}

// azLetter is one entry of the letter navigation; ID is empty when no
// service starts with it.
type azLetter struct{ Letter, ID string }

type azGroup struct {
	Letter, ID string
	Services   []serviceLink
}

// handleAZ lists every published service by name under its first letter,
// umlauts with their base letter (Ä under A).
func (s *Server) handleAZ(w http.ResponseWriter, r *http.Request) error {
	list, err := s.opts.Services.AZ(r.Context())
	if err != nil {
		return err
	}
	p := azPage{Page: s.page(r, "catalog.az.title"), Groups: azGroups(list)}
	p.Crumbs = catalogCrumbs{Page: p.Page, Links: []namedLink{{s.t(r, "catalog.search.title"), "/leistungen"}}}
	have := map[string]string{}
	for _, g := range p.Groups {
		have[g.Letter] = g.ID
	}
	for c := 'A'; c <= 'Z'; c++ {
		p.Letters = append(p.Letters, azLetter{string(c), have[string(c)]})
	}
	if id := have["#"]; id != "" {
		p.Letters = append(p.Letters, azLetter{"#", id})
	}
	return s.render(w, r, "catalog_az", p)
}

// azGroups groups services, already in A-Z order, by initial; names that
// start with anything but a letter from A to Z go under "#", last.
func azGroups(list []*catalog.Service) []azGroup {
	var groups []azGroup
	var other []serviceLink
	for _, sv := range list {
		letter := azInitial(sv.Name)
		if letter == "#" {
			other = append(other, linkTo(sv))
			continue
		}
		if len(groups) == 0 || groups[len(groups)-1].Letter != letter {
			groups = append(groups, azGroup{Letter: letter, ID: "buchstabe-" + strings.ToLower(letter)})
		}
		g := &groups[len(groups)-1]
		g.Services = append(g.Services, linkTo(sv))
	}
	if len(other) > 0 {
		groups = append(groups, azGroup{Letter: "#", ID: "buchstabe-andere", Services: other})
	}
	return groups
}

// azInitial is the index letter of a name: its first letter folded as
// SortKey folds it (Ä → A), "#" for anything else.
func azInitial(name string) string {
	for _, c := range catalog.SortKey(name) {
		c = unicode.ToUpper(c)
		if c >= 'A' && c <= 'Z' {
			return string(c)
		}
		return "#"
	}
	return "#"
}
