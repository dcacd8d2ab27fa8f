package web

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/eventlog"
	"rathaus/internal/fault"
	"rathaus/internal/mining"
)

// The filter every analysis page shares. Its state lives in the query
// string (German names, like the pages), so a filtered view is a link
// that can be bookmarked and the sub-navigation carries it on:
//
//	von, bis      dates (YYYY-MM-DD, bis inclusive): cases starting then
//	zeit          "starts" (default) or "intersects"
//	merkmal       key=value, repeatable (case or event attribute)
//	variante      variant number (1 = most frequent), repeatable
//	aktivitaet    an activity, with modus "contains", "lacks" or "keep-events"
//	min_tage, max_tage  case duration in days

// workshopFilterParams are the query parameters of the filter.
var workshopFilterParams = []string{"von", "bis", "zeit", "merkmal", "variante", "aktivitaet", "modus", "min_tage", "max_tage"}

// workshopFilter is a parsed filter with the query it came from.
type workshopFilter struct {
	mining.Filter
	Query url.Values // only the filter's parameters
	Set   bool       // some part is set
}

// Encode is the filter's query string ("" when nothing is set), to carry
// it across links.
func (f workshopFilter) Encode() string { return f.Query.Encode() }

// With appends the filter's query to path (which may have a query).
func (f workshopFilter) With(path string) string {
	q := f.Encode()
	switch {
	case q == "":
		return path
	case strings.Contains(path, "?"):
		return path + "&" + q
	}
	return path + "?" + q
}

// parseWorkshopFilter reads the filter from q. Values it cannot read are
// field errors (fault.Invalid); the rest of the filter still holds.
func parseWorkshopFilter(q url.Values, loc *time.Location) (workshopFilter, error) {
	f := workshopFilter{Query: url.Values{}}
	for _, k := range workshopFilterParams {
		for _, v := range q[k] {
			if v = strings.TrimSpace(v); v != "" {
				f.Query.Add(k, v)
			}
		}
	}
	var bad []fault.FieldError
	fail := func(field, key string) { bad = append(bad, fault.FieldError{Field: field, Key: key}) }
	date := func(name string) time.Time {
		v := f.Query.Get(name)
		if v == "" {
			return time.Time{}
		}
		t, err := time.ParseInLocation("2006-01-02", v, loc)
		if err != nil {
			fail(name, "workshop_logs.filter.error.date")
		}
		return t
	}
	f.From, f.To = date("von"), date("bis")
	if !f.To.IsZero() {
		f.To = f.To.AddDate(0, 0, 1) // the whole last day
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		fail("bis", "workshop_logs.filter.error.range")
	}
	switch m := f.Query.Get("zeit"); m {
	case "", mining.TimeStarts, mining.TimeIntersects:
		f.TimeMode = m
	default:
		fail("zeit", "workshop_logs.filter.error.mode")
	}
	for _, v := range f.Query["merkmal"] {
		k, val, ok := strings.Cut(v, "=")
		if k = strings.TrimSpace(k); !ok || k == "" {
			fail("merkmal", "workshop_logs.filter.error.attr")
			continue
		}
		f.Attr = append(f.Attr, mining.AttrFilter{Key: k, Value: strings.TrimSpace(val)})
	}
	for _, v := range f.Query["variante"] {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			fail("variante", "workshop_logs.filter.error.variant")
			continue
		}
		f.Variants = append(f.Variants, n-1)
	}
	f.Activities = f.Query["aktivitaet"]
	switch m := f.Query.Get("modus"); m {
	case "", mining.ModeContains, mining.ModeLacks, mining.ModeKeepEvents:
		f.ActivityMode = m
	default:
		fail("modus", "workshop_logs.filter.error.mode")
	}
	days := func(name string) time.Duration {
		v := f.Query.Get(name)
		if v == "" {
			return 0
		}
		d, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
		if err != nil || d < 0 || d > 36500 {
			fail(name, "workshop_logs.filter.error.days")
			return 0
		}
		return time.Duration(d * 24 * float64(time.Hour))
	}
	f.MinDuration, f.MaxDuration = days("min_tage"), days("max_tage")
	f.Set = len(f.Query) > 0
	if len(bad) > 0 {
		return f, fault.Fields(bad...)
	}
	return f, nil
}

// apply filters l; the unfiltered log when nothing is set.
func (f workshopFilter) apply(l *eventlog.Log) *eventlog.Log {
	if !f.Set {
		return l
	}
	mf := f.Filter
	mf.Attr = slices.Clone(mf.Attr)
	for i, a := range mf.Attr {
		// A key that only cases have is a case attribute.
		isEvent := a.Key == "resource" || a.Key == "org:resource" || l.EventAttr(a.Key) != nil
		mf.Attr[i].Case = !isEvent && l.CaseAttr(a.Key) != nil
	}
	return mining.Apply(l, mf)
}

// workshopFilterView is what the filter form shows.
type workshopFilterView struct {
	Action     string            // the page the form submits to
	Hidden     map[string]string // the page's own parameters to keep
	Form       *Form             // the filter's values and errors
	Activities []workshopOption
	Modes      []workshopOption
	TimeModes  []workshopOption
	AttrKeys   string // attribute keys of the log, for the hint
	Set        bool
	Reset      string // the page without the filter
}

// workshopOption is an option of a select.
type workshopOption struct {
	Value, Label string
	Selected     bool
}

// filterView builds the filter form for the page at action over l.
func (s *Server) filterView(p workshopPage, action string, f workshopFilter, l *eventlog.Log, hidden map[string]string) workshopFilterView {
	v := workshopFilterView{Action: action, Hidden: hidden, Form: p.Form, Set: f.Set, Reset: action}
	if !v.Form.HasErrors() {
		v.Form = &Form{Values: f.Query, lang: p.Lang, tr: p.tr}
	}
	chosen := f.Query.Get("aktivitaet")
	v.Activities = append(v.Activities, workshopOption{"", p.T("workshop_logs.filter.any_activity"), chosen == ""})
	names := slices.Clone(l.Activities)
	slices.Sort(names)
	for _, a := range names {
		v.Activities = append(v.Activities, workshopOption{a, p.Act(a), a == chosen})
	}
	mode := f.Query.Get("modus")
	for _, m := range []string{mining.ModeContains, mining.ModeLacks, mining.ModeKeepEvents} {
		v.Modes = append(v.Modes, workshopOption{m, p.T("workshop_logs.filter.mode." + m), m == mode || (mode == "" && m == mining.ModeContains)})
	}
	tm := f.Query.Get("zeit")
	for _, m := range []string{mining.TimeStarts, mining.TimeIntersects} {
		v.TimeModes = append(v.TimeModes, workshopOption{m, p.T("workshop_logs.filter.time." + m), m == tm || (tm == "" && m == mining.TimeStarts)})
	}
	v.AttrKeys = attrKeys(l)
	return v
}

// attrKeys lists the attribute keys of l for the filter's hint, at most
// a dozen.
func attrKeys(l *eventlog.Log) string {
	var keys []string
	if len(l.Resource) > 0 {
		keys = append(keys, "resource")
	}
	for _, c := range l.EventAttrs {
		keys = append(keys, c.Key)
	}
	for _, c := range l.CaseAttrs {
		if !slices.Contains(keys, c.Key) {
			keys = append(keys, c.Key)
		}
	}
	if len(keys) > 12 {
		keys = append(keys[:12], "…")
	}
	return strings.Join(keys, ", ")
}
