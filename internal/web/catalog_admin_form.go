package web

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
)

// The edit form of a service is one flat HTML form. Lists are textareas
// with one entry per line; fees, legal bases and links are numbered rows
// ("fees.0.label"), a few more than the service has, so that an editor can
// add entries without JavaScript. A failed save renders the submitted
// values again, never the stored ones.

// extraFormRows is how many empty rows the form offers for new entries.
const extraFormRows = 3

// contentValues turns a service's content into form values.
func contentValues(c catalog.Content) url.Values {
	v := url.Values{}
	set := func(k, x string) {
		if x != "" {
			v.Set(k, x)
		}
	}
	set("name", c.Name)
	set("summary", c.Summary)
	set("description", c.Description)
	set("prerequisites", strings.Join(c.Prerequisites, "\n"))
	set("documents", strings.Join(c.Documents, "\n"))
	set("keywords", strings.Join(c.Keywords, "\n"))
	set("leika", strings.Join(c.LeiKa, "\n"))
	set("fees_text", c.FeesText)
	set("deadlines", c.Deadlines)
	set("processing_time", c.ProcessingTime)
	set("online_url", c.OnlineURL)
	set("appointment_url", c.AppointmentURL)
	set("easy_language", c.EasyLanguage)
	set("authority", c.Authority)
	v.Set("ozg_level", strconv.Itoa(c.OZGLevel))
	if c.Duration > 0 {
		v.Set("duration_minutes", strconv.Itoa(c.Duration))
	}
	if c.OrgID != nil {
		v.Set("org_id", strconv.FormatInt(*c.OrgID, 10))
	}
	v["life_situations"] = slices.Clone(c.LifeSituations)
	v["target_groups"] = slices.Clone(c.TargetGroups)
	for _, id := range c.OfficeIDs {
		v.Add("office_ids", strconv.FormatInt(id, 10))
	}
	for i, f := range c.Fees {
		p := formRowKey("fees", i)
		v.Set(p+"label", f.Label)
		v.Set(p+"amount", euroInput(f.Cents))
		if f.MaxCents > 0 {
			v.Set(p+"max", euroInput(f.MaxCents))
		}
		set(p+"note", f.Note)
	}
	for i, l := range c.LegalBases {
		p := formRowKey("legal_bases", i)
		v.Set(p+"citation", l.Citation)
		set(p+"url", l.URL)
	}
	for i, l := range c.Links {
		p := formRowKey("links", i)
		v.Set(p+"kind", l.Kind)
		v.Set(p+"title", l.Title)
		v.Set(p+"url", l.URL)
	}
	return v
}

// formRowKey is the name prefix of row i of a repeated group: "fees.0.".
func formRowKey(group string, i int) string { return group + "." + strconv.Itoa(i) + "." }

// formRowCount is the number of rows of group present in v: one more than
// the highest index submitted.
func formRowCount(v url.Values, group string) int {
	n := 0
	for k := range v {
		rest, ok := strings.CutPrefix(k, group+".")
		if !ok {
			continue
		}
		idx, _, _ := strings.Cut(rest, ".")
		if i, err := strconv.Atoi(idx); err == nil && i >= 0 && i < maxFormRows {
			n = max(n, i+1)
		}
	}
	return n
}

// maxFormRows bounds the rows of a group, so a crafted form cannot make the
// server render millions of empty inputs.
const maxFormRows = 100

// contentFromForm reads the form into content. Problems that only the
// form can have (an amount that is not a number) come back as field
// errors; the rules of the content itself are Content.Validate's.
func contentFromForm(v url.Values) (catalog.Content, []fault.FieldError) {
	var bad []fault.FieldError
	c := catalog.Content{
		Name:           strings.TrimSpace(v.Get("name")),
		Summary:        strings.TrimSpace(v.Get("summary")),
		Description:    formText(v.Get("description")),
		Prerequisites:  formLines(v.Get("prerequisites")),
		Documents:      formLines(v.Get("documents")),
		Keywords:       formLines(v.Get("keywords")),
		LeiKa:          formLines(v.Get("leika")),
		FeesText:       formText(v.Get("fees_text")),
		Deadlines:      formText(v.Get("deadlines")),
		ProcessingTime: formText(v.Get("processing_time")),
		OnlineURL:      strings.TrimSpace(v.Get("online_url")),
		AppointmentURL: strings.TrimSpace(v.Get("appointment_url")),
		EasyLanguage:   formText(v.Get("easy_language")),
		Authority:      strings.TrimSpace(v.Get("authority")),
		LifeSituations: trimmedValues(v["life_situations"]),
		TargetGroups:   trimmedValues(v["target_groups"]),
	}
	number := func(field string) int {
		x := strings.TrimSpace(v.Get(field))
		if x == "" {
			return 0
		}
		n, err := strconv.Atoi(x)
		if err != nil || n < 0 {
			bad = append(bad, fault.FieldError{Field: field, Key: "error.catalog_admin.number"})
		}
		return n
	}
	c.OZGLevel = number("ozg_level")
	c.Duration = number("duration_minutes")
	if x := v.Get("org_id"); x != "" {
		if id, err := strconv.ParseInt(x, 10, 64); err == nil {
			c.OrgID = &id
		} else {
			bad = append(bad, fault.FieldError{Field: "org_id", Key: "error.catalog_admin.choice"})
		}
	}
	for _, x := range v["office_ids"] {
		if id, err := strconv.ParseInt(x, 10, 64); err == nil {
			c.OfficeIDs = append(c.OfficeIDs, id)
		}
	}
	c.Fees, bad = feesFromForm(v, bad)
	c.LegalBases = legalFromForm(v)
	c.Links = linksFromForm(v)
	return c, bad
}

func feesFromForm(v url.Values, bad []fault.FieldError) ([]catalog.Fee, []fault.FieldError) {
	var fees []catalog.Fee
	for i := range formRowCount(v, "fees") {
		p := formRowKey("fees", i)
		f := catalog.Fee{Label: strings.TrimSpace(v.Get(p + "label")), Note: strings.TrimSpace(v.Get(p + "note"))}
		amount, maxAmount := strings.TrimSpace(v.Get(p+"amount")), strings.TrimSpace(v.Get(p+"max"))
		if f.Label == "" && f.Note == "" && amount == "" && maxAmount == "" {
			continue
		}
		var ok bool
		if f.Cents, ok = parseEuroInput(amount); !ok {
			bad = append(bad, fault.FieldError{Field: p + "amount", Key: "error.catalog_admin.amount", Args: []any{i + 1}})
		}
		if maxAmount != "" {
			if f.MaxCents, ok = parseEuroInput(maxAmount); !ok {
				bad = append(bad, fault.FieldError{Field: p + "max", Key: "error.catalog_admin.amount", Args: []any{i + 1}})
			}
		}
		fees = append(fees, f)
	}
	return fees, bad
}

func legalFromForm(v url.Values) []catalog.LegalBasis {
	var out []catalog.LegalBasis
	for i := range formRowCount(v, "legal_bases") {
		p := formRowKey("legal_bases", i)
		l := catalog.LegalBasis{Citation: strings.TrimSpace(v.Get(p + "citation")), URL: strings.TrimSpace(v.Get(p + "url"))}
		if l != (catalog.LegalBasis{}) {
			out = append(out, l)
		}
	}
	return out
}

func linksFromForm(v url.Values) []catalog.Link {
	var out []catalog.Link
	for i := range formRowCount(v, "links") {
		p := formRowKey("links", i)
		l := catalog.Link{Kind: v.Get(p + "kind"), Title: strings.TrimSpace(v.Get(p + "title")), URL: strings.TrimSpace(v.Get(p + "url"))}
		if l.Title != "" || l.URL != "" {
			out = append(out, l)
		}
	}
	return out
}

// formLines splits a textarea into its non-empty, trimmed lines.
func formLines(s string) []string {
	var out []string
	for l := range strings.Lines(s) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// formText normalises the line ends of a textarea and trims it.
func formText(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}

func trimmedValues(list []string) []string {
	var out []string
	for _, x := range list {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// parseEuroInput reads an amount in euro as editors write it: "37", "37,00",
// "37,5", "1.234,56", "37.00" or "37,00 €". The result is in cents.
func parseEuroInput(s string) (int64, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s), "€"), "€"))
	s = strings.TrimSpace(strings.TrimSuffix(s, "EUR"))
	if s == "" {
		return 0, false
	}
	whole, frac := s, ""
	if i := strings.LastIndexAny(s, ",."); i >= 0 && len(s)-i-1 <= 2 {
		whole, frac = s[:i], s[i+1:]
	}
	whole = strings.NewReplacer(".", "", " ", "", "\u00a0", "").Replace(whole)
	if whole == "" {
		whole = "0"
	}
	if !allDigits(whole) || !allDigits(frac) || len(whole) > 9 {
		return 0, false
	}
	for len(frac) < 2 {
		frac += "0"
	}
	euros, _ := strconv.ParseInt(whole, 10, 64)
	cents, _ := strconv.ParseInt(frac, 10, 64)
	return euros*100 + cents, true
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// euroInput writes cents the German way: "37,00", "1234,50".
func euroInput(cents int64) string {
	return strconv.FormatInt(cents/100, 10) + "," + strconv.FormatInt(cents%100+100, 10)[1:]
}
