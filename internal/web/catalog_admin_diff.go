package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"rathaus/internal/catalog"
)

// diffField is the change of one field, ready for the page: a translated
// label and lines marked as added, removed or unchanged.
type diffField struct {
	Field string
	Label string
	Lines []diffLine
}

// diffLine is one line of a difference. Op is "ins", "del" or "" for an
// unchanged line; the template renders <ins> and <del> with visually
// hidden words, so the change does not rest on colour alone.
type diffLine struct {
	Op   string
	Text string
}

// diffView compares two versions with catalog.Diff and names what the
// domain writes as ids and slugs: organisations, offices, life
// situations, target groups, fees.
func (s *Server) diffView(ctx context.Context, r *http.Request, old, new catalog.Content) ([]diffField, error) {
	fields := catalog.Diff(old, new)
	if len(fields) == 0 {
		return nil, nil
	}
	name, err := s.diffNamer(ctx, r)
	if err != nil {
		return nil, err
	}
	out := make([]diffField, 0, len(fields))
	for _, f := range fields {
		d := diffField{Field: f.Field, Label: s.t(r, "catalog_admin.field."+f.Field)}
		for _, l := range f.Lines {
			d.Lines = append(d.Lines, diffLine{Op: diffOps[l.Op], Text: name(f.Field, l.Text)})
		}
		out = append(out, d)
	}
	return out, nil
}

var diffOps = map[byte]string{'+': "ins", '-': "del", ' ': ""}

// diffNamer returns a function that turns a diff line of a field into
// what an editor reads.
func (s *Server) diffNamer(ctx context.Context, r *http.Request) (func(field, line string) string, error) {
	names := map[string]map[string]string{
		"target_groups": {
			catalog.TargetPeople:    s.t(r, "catalog_admin.target.people"),
			catalog.TargetCompanies: s.t(r, "catalog_admin.target.companies"),
		},
		"org_id": {}, "office_ids": {}, "life_situations": {},
	}
	situations, err := s.opts.Services.LifeSituations(ctx)
	if err != nil {
		return nil, err
	}
	for _, l := range situations {
		names["life_situations"][l.Slug] = l.Name
	}
	offices, err := s.opts.Services.Offices(ctx)
	if err != nil {
		return nil, err
	}
	for _, o := range offices {
		names["office_ids"][strconv.FormatInt(o.ID, 10)] = o.Name
	}
	if s.opts.Orgs != nil {
		orgs, err := s.opts.Orgs.Store.FindOrgs(ctx)
		if err != nil {
			return nil, err
		}
		for _, o := range orgs {
			names["org_id"][strconv.FormatInt(o.ID, 10)] = o.Name
		}
	}
	return func(field, line string) string {
		if n, ok := names[field][line]; ok {
			return n
		}
		if field == "fees" {
			return feeDiffLine(line)
		}
		return line
	}, nil
}

// feeDiffLine writes a fee that catalog.Diff gives as JSON the way the form
// shows it: "Gebühr: 37,00 € – 50,00 € (Hinweis)".
func feeDiffLine(line string) string {
	var f catalog.Fee
	if json.Unmarshal([]byte(line), &f) != nil {
		return line
	}
	var b strings.Builder
	b.WriteString(f.Label + ": " + euroInput(f.Cents) + " €")
	if f.MaxCents > 0 {
		b.WriteString(" – " + euroInput(f.MaxCents) + " €")
	}
	if f.Note != "" {
		b.WriteString(" (" + f.Note + ")")
	}
	return b.String()
}
