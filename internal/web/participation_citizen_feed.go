package web

import (
	"encoding/xml"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/participation"
)

// pcFeedLimit is the number of newest ideas the feed looks at; their
// answers come with them.
const pcFeedLimit = 50

// atomFeed is an Atom feed (RFC 4287).
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomEntry struct {
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Updated   string      `xml:"updated"`
	Published string      `xml:"published"`
	Author    *atomPerson `xml:"author,omitempty"`
	Link      atomLink    `xml:"link"`
	Summary   atomText    `xml:"summary"`
	at        time.Time
}

// handlePCFeed is the space's Atom feed: new published ideas and the
// city's answers, newest first, with absolute links.
func (s *Server) handlePCFeed(w http.ResponseWriter, r *http.Request) error {
	sp, err := s.pcSpace(r)
	if err != nil {
		return err
	}
	ctx, part := r.Context(), s.opts.Participation
	base := strings.TrimSuffix(s.opts.BaseURL, "/")
	title, _ := pcSpaceTitle(langOf(r), sp)
	unit := s.pcUnitName(ctx, sp)
	f := atomFeed{Lang: langOf(r), ID: base + pcSpacePath(sp.Slug, "feed.atom"), Title: title + " – " + s.opts.City.Name,
		Author: atomPerson{unit},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + pcSpacePath(sp.Slug, "feed.atom")},
			{Rel: "alternate", Type: "text/html", Href: base + pcSpacePath(sp.Slug)}}}
	ideas, _, err := part.Ideas(ctx, participation.IdeaFilter{SpaceID: sp.ID, Limit: pcFeedLimit})
	if err != nil {
		return err
	}
	for _, i := range ideas {
		link := atomLink{Rel: "alternate", Type: "text/html", Href: base + pcIdeaPath(i.ID)}
		f.Entries = append(f.Entries, atomEntry{ID: pcTagURI(base, i.CreatedAt, "idea-"+strconv.FormatInt(i.ID, 10)),
			Title: s.t(r, "participation_web.feed.idea", i.Title), Author: &atomPerson{pcAuthor(r, s, i.AuthorName)},
			Link: link, Summary: atomText{"text", psExcerpt(i.Body, 500)}, at: i.CreatedAt})
		if i.Status == participation.StatusReceived && i.Answer == "" {
			continue
		}
		tl, err := part.Timeline(ctx, i.ID)
		if err != nil {
			return err
		}
		for _, ch := range tl {
			f.Entries = append(f.Entries, atomEntry{ID: pcTagURI(base, ch.At, "answer-"+strconv.FormatInt(ch.ID, 10)),
				Title:  s.t(r, "participation_web.feed.answer", i.Title, s.pcStatusLabel(r, ch.To)),
				Author: &atomPerson{unit}, Link: link, Summary: atomText{"text", ch.Answer}, at: ch.At})
		}
	}
	slices.SortStableFunc(f.Entries, func(a, b atomEntry) int { return b.at.Compare(a.at) })
	updated := sp.CreatedAt
	for k := range f.Entries {
		e := &f.Entries[k]
		e.Updated, e.Published = atomTime(e.at), atomTime(e.at)
		if e.at.After(updated) {
			updated = e.at
		}
	}
	f.Updated = atomTime(updated)
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/atom+xml; charset=utf-8")
	h.Set("Cache-Control", "public, max-age=300")
	h.Add("Vary", "Accept-Language, Cookie") // the feed speaks the reader's language
	_, _ = w.Write([]byte(xml.Header))
	_, _ = w.Write(out)
	return nil
}

// atomTime is an RFC 3339 instant in UTC.
func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// pcTagURI is a permanent entry id (RFC 4151): the site's host, the day
// the thing appeared and what it is.
func pcTagURI(base string, at time.Time, what string) string {
	host := "rathaus"
	if u, err := url.Parse(base); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	return "tag:" + host + "," + at.UTC().Format("2006-01-02") + ":" + what
}
