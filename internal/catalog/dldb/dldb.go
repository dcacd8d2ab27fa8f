// Package dldb reads the JSON exports of the DLDB, the service database
// behind Berlin's and Munich's appointment systems (it-at-m/eappointment),
// into a catalog.Bundle that the catalogue imports.
//
// It is lenient with what real exports contain (ids as strings or numbers,
// null or false for absent texts, [] for empty objects, records as a list
// or keyed by id) and strict about what it emits: texts are converted from
// HTML to plain text and trimmed, keywords deduplicated, LeiKa keys and
// URLs checked, and anything it cannot read with confidence left out.
// DLDB says nothing about OZG maturity, so every service has level 0.
package dldb

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"rathaus/internal/catalog"
)

// Input names the export files of one import.
type Input struct {
	Source    string    // Source of every service and office, e.g. "dldb:muenchen"
	Services  io.Reader // services export, required
	Locations io.Reader // locations export, optional: the offices
	Topics    io.Reader // topics export, optional (Berlin): root topics become life situations
}

type rawService struct {
	ID          text                     `json:"id"`
	Name        text                     `json:"name"`
	Description text                     `json:"description"`
	Leika       text                     `json:"leika"`
	Fees        text                     `json:"fees"`
	Duration    number                   `json:"duration"`
	Meta        object[rawMeta]          `json:"meta"`
	Relation    object[rawRelation]      `json:"relation"`
	Authorities list[rawAuthority]       `json:"authorities"`
	Locations   list[rawServiceLocation] `json:"locations"`
	Forms       list[rawLink]            `json:"forms"`
	Links       list[rawLink]            `json:"links"`
	Appointment object[rawAppointment]   `json:"appointment"`
}

type rawMeta struct {
	Keywords text `json:"keywords"`
	URL      text `json:"url"`
}

type rawRelation struct {
	RootTopic text `json:"root_topic"`
}

type rawAuthority struct {
	Name text `json:"name"`
}

type rawServiceLocation struct {
	Location text `json:"location"`
}

type rawAppointment struct {
	Link text `json:"link"`
}

// Parse reads the exports named by in into a bundle.
func Parse(in Input) (*catalog.Bundle, error) {
	if in.Services == nil {
		return nil, fmt.Errorf("dldb: no services file")
	}
	var services []rawService
	if err := readData(in.Services, &services); err != nil {
		return nil, fmt.Errorf("dldb: services: %w", err)
	}
	b := &catalog.Bundle{Format: catalog.BundleFormat, Source: in.Source}
	var offices officeIndex
	if in.Locations != nil {
		var err error
		if offices, err = readLocations(in.Locations); err != nil {
			return nil, fmt.Errorf("dldb: locations: %w", err)
		}
		b.Offices = offices.list
	}
	var topics topicIndex
	if in.Topics != nil {
		var err error
		if topics, err = readTopics(in.Topics); err != nil {
			return nil, fmt.Errorf("dldb: topics: %w", err)
		}
	}
	seen := map[string]bool{}
	for _, rs := range services {
		s, ok := convertService(rs, offices, topics)
		if !ok || seen[s.Key] {
			continue
		}
		seen[s.Key] = true
		b.Services = append(b.Services, s)
	}
	b.LifeSituations = topics.used(b.Services)
	return b, nil
}

// readData decodes the records of an export: {"data": [...]} (or keyed by
// id), or a bare list.
func readData[T any](r io.Reader, into *[]T) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	raw = bytes.TrimSpace(raw)
	var l list[T]
	if len(raw) > 0 && raw[0] == '[' {
		err = json.Unmarshal(raw, &l)
	} else {
		var env struct {
			Data list[T] `json:"data"`
		}
		err = json.Unmarshal(raw, &env)
		l = env.Data
	}
	if err != nil {
		return err
	}
	*into = l
	return nil
}

// convertService maps one DLDB service; false when it has no id or name.
// DLDB's "public" flag is not read: it says whether the appointment
// system offers the service for booking, not whether it exists (Munich
// marks 125 of 287 services not public, the ID card among them).
func convertService(rs rawService, offices officeIndex, topics topicIndex) (catalog.BundleService, bool) {
	id, name := rs.ID.String(), oneLine(rs.Name.String())
	if id == "" || name == "" {
		return catalog.BundleService{}, false
	}
	s := catalog.BundleService{Key: id, Status: catalog.StatusPublished}
	c := &s.Content
	c.Name = shorten(name, catalog.MaxNameLen)
	c.Description = PlainText(string(rs.Description))
	c.Summary = summary(c.Description)
	if c.Name != name && c.Summary == "" {
		c.Summary = name // the whole of a name too long for one
	}
	c.FeesText = PlainText(string(rs.Fees))
	c.Fees = ParseFees(c.FeesText)
	c.LeiKa = leikaKeys(rs.Leika.String())
	c.Keywords = keywords(rs.Meta.V.Keywords.String())
	if len(rs.Authorities) > 0 {
		c.Authority = oneLine(rs.Authorities[0].Name.String())
	}
	if rs.Duration > 0 {
		c.Duration = int(rs.Duration)
	}
	c.AppointmentURL = serviceURL(rs.Appointment.V.Link.String(), id)
	c.Links = links(rs.Forms, rs.Links)
	if u := serviceURL(rs.Meta.V.URL.String(), id); u != "" && !isBooking(u) && !hasLink(c.Links, u) {
		c.Links = append(c.Links, catalog.Link{Kind: catalog.LinkInfo, Title: "Weitere Informationen", URL: u})
	}
	for _, l := range rs.Locations {
		if key := l.Location.String(); offices.has(key) && !slices.Contains(s.Offices, key) {
			s.Offices = append(s.Offices, key)
		}
	}
	c.OnlineURL = onlineURL(c.Links, offices.processing[id], c.AppointmentURL)
	if slug := topics.slug(rs.Relation.V.RootTopic.String()); slug != "" {
		c.LifeSituations = []string{slug}
	}
	return s, true
}

// serviceURL fills the {serviceId} placeholder of DLDB URL templates; ""
// when the result is no absolute http(s) URL or still has a placeholder.
func serviceURL(tmpl, id string) string {
	u := cleanURL(strings.ReplaceAll(tmpl, "{serviceId}", id))
	if strings.ContainsAny(u, "{}") {
		return ""
	}
	return u
}

var nonDigits = regexp.MustCompile(`[^0-9]+`)

// leikaKeys keeps the valid 14-digit keys of a field that may hold
// several, separated by anything but digits.
func leikaKeys(s string) []string {
	var out []string
	for _, k := range nonDigits.Split(s, -1) {
		if catalog.ValidLeiKa(k) && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// keywords splits DLDB's comma list and drops repeats, ignoring case.
func keywords(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, k := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		k = oneLine(k)
		if k != "" && !seen[strings.ToLower(k)] {
			seen[strings.ToLower(k)] = true
			out = append(out, k)
		}
	}
	return out
}

func hasLink(ls []catalog.Link, u string) bool {
	return slices.ContainsFunc(ls, func(l catalog.Link) bool { return l.URL == u })
}
