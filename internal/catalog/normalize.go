package catalog

import (
	"slices"
	"strings"
)

// Normalize trims every text, drops empty list entries and duplicate
// keywords, LeiKa keys, life situations and target groups, so that equal
// content compares equal and forms with spare empty rows save cleanly.
func (c Content) Normalize() Content {
	c.Name = strings.TrimSpace(c.Name)
	c.Summary = strings.TrimSpace(c.Summary)
	c.Description = normalizeText(c.Description)
	c.FeesText = strings.TrimSpace(c.FeesText)
	c.Deadlines = strings.TrimSpace(c.Deadlines)
	c.ProcessingTime = strings.TrimSpace(c.ProcessingTime)
	c.Authority = strings.TrimSpace(c.Authority)
	c.OnlineURL = strings.TrimSpace(c.OnlineURL)
	c.AppointmentURL = strings.TrimSpace(c.AppointmentURL)
	c.EasyLanguage = normalizeText(c.EasyLanguage)
	c.Prerequisites = cleanList(c.Prerequisites, false)
	c.Documents = cleanList(c.Documents, false)
	c.Keywords = cleanList(c.Keywords, true)
	c.LeiKa = cleanList(c.LeiKa, true)
	c.LifeSituations = cleanList(c.LifeSituations, true)
	c.TargetGroups = cleanList(c.TargetGroups, true)
	c.Fees = cleanFees(c.Fees)
	c.LegalBases = cleanLegal(c.LegalBases)
	c.Links = cleanLinks(c.Links)
	c.OfficeIDs = dedupeIDs(c.OfficeIDs)
	return c
}

// normalizeText trims lines and keeps at most one blank line between
// paragraphs, with \n line ends.
func normalizeText(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var out []string
	blank := false
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

func cleanList(in []string, dedupe bool) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range in {
		s = strings.TrimSpace(s)
		key := strings.ToLower(s)
		if s == "" || (dedupe && seen[key]) {
			continue
		}
		seen[key] = true
		out = append(out, s)
	}
	return out
}

func cleanFees(in []Fee) []Fee {
	var out []Fee
	for _, f := range in {
		f.Label, f.Note = strings.TrimSpace(f.Label), strings.TrimSpace(f.Note)
		if f.Label == "" && f.Note == "" && f.Cents == 0 && f.MaxCents == 0 {
			continue
		}
		out = append(out, f)
	}
	return out
}

func cleanLegal(in []LegalBasis) []LegalBasis {
	var out []LegalBasis
	for _, l := range in {
		l.Citation, l.URL = strings.TrimSpace(l.Citation), strings.TrimSpace(l.URL)
		if l.Citation != "" || l.URL != "" {
			out = append(out, l)
		}
	}
	return out
}

func cleanLinks(in []Link) []Link {
	var out []Link
	for _, l := range in {
		l.Kind, l.Title, l.URL = strings.TrimSpace(l.Kind), strings.TrimSpace(l.Title), strings.TrimSpace(l.URL)
		if l.Title == "" && l.URL == "" {
			continue
		}
		if l.Kind == "" {
			l.Kind = LinkInfo
		}
		out = append(out, l)
	}
	return out
}

func dedupeIDs(in []int64) []int64 {
	var out []int64
	for _, id := range in {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
