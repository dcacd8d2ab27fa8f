package dldb

import (
	"io"
	"regexp"
	"strings"

	"rathaus/internal/catalog"
)

type rawTopic struct {
	ID   text `json:"id"`
	Name text `json:"name"`
	Path text `json:"path"`
}

// topicIndex holds the topics of a topics export (Berlin's life-situation
// tree) in file order.
type topicIndex struct {
	list []catalog.BundleLifeSituation
	byID map[string]int
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

func readTopics(r io.Reader) (topicIndex, error) {
	var raw []rawTopic
	if err := readData(r, &raw); err != nil {
		return topicIndex{}, err
	}
	x := topicIndex{byID: map[string]int{}}
	for _, t := range raw {
		id, name := t.ID.String(), oneLine(t.Name.String())
		slug := strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(t.Path.String()), "-"), "-")
		if id == "" || name == "" || slug == "" {
			continue
		}
		x.byID[id] = len(x.list)
		x.list = append(x.list, catalog.BundleLifeSituation{Slug: slug, Name: name, Position: len(x.list) + 1})
	}
	return x, nil
}

// slug returns the life situation of a topic id, "" when unknown.
func (x topicIndex) slug(id string) string {
	if i, ok := x.byID[id]; ok {
		return x.list[i].Slug
	}
	return ""
}

// used returns the topics that services name, in the topics' order: a
// topics export also holds navigation entries nobody needs as a page.
func (x topicIndex) used(services []catalog.BundleService) []catalog.BundleLifeSituation {
	named := map[string]bool{}
	for _, s := range services {
		for _, l := range s.LifeSituations {
			named[l] = true
		}
	}
	var out []catalog.BundleLifeSituation
	for _, l := range x.list {
		if named[l.Slug] {
			out = append(out, l)
		}
	}
	return out
}
