package opendata

import (
	"context"
	"sort"
)

// Definition is one published dataset: its address slug, the EU themes
// and how its table is built from the store.
type Definition struct {
	ID     string // slug: /opendata/<ID>.csv; also the i18n key part
	Themes []string
	Period bool // the table has a "month" column (temporal coverage)
	build  func(ctx context.Context, s Store) (*Table, error)
}

// definitions are the datasets, in the order the catalogue lists them.
var definitions = []Definition{
	{ID: "antraege", Themes: []string{ThemeGovernment}, Period: true, build: applicationsTable},
	{ID: "zufriedenheit", Themes: []string{ThemeGovernment, ThemeSociety}, build: satisfactionTable},
	{ID: "ideen", Themes: []string{ThemeGovernment, ThemeSociety}, build: ideasTable},
	{ID: "wartezeiten", Themes: []string{ThemeGovernment}, Period: true, build: waitsTable},
}

func applicationsTable(ctx context.Context, s Store) (*Table, error) {
	rows, err := s.OpenDataApplications(ctx)
	if err != nil {
		return nil, err
	}
	t := &Table{Columns: []Column{{Name: "month"}, {Name: "service_id"}, {Name: "service"}, {Name: "channel"},
		{Name: "applications", Kind: Count}}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []any{r.Month, int(r.ServiceID), r.Service, r.Channel, r.Count})
	}
	return t, nil
}

// satisfactionTable sums the ratings per service: how many, the mean and
// the share of 4 and 5 (satisfied or very satisfied).
func satisfactionTable(ctx context.Context, s Store) (*Table, error) {
	rows, err := s.OpenDataRatings(ctx)
	if err != nil {
		return nil, err
	}
	type acc struct {
		name            string
		n, sum, content int
	}
	by := map[int64]*acc{}
	for _, r := range rows {
		a := by[r.ServiceID]
		if a == nil {
			a = &acc{name: r.Service}
			by[r.ServiceID] = a
		}
		a.n += r.Count
		a.sum += r.Rating * r.Count
		if r.Rating >= 4 {
			a.content += r.Count
		}
	}
	ids := make([]int64, 0, len(by))
	for id := range by {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	t := &Table{Columns: []Column{{Name: "service_id"}, {Name: "service"}, {Name: "ratings", Kind: Count},
		{Name: "mean_rating", Kind: Measure, CountOf: "ratings"}, {Name: "satisfied_share", Kind: Measure, CountOf: "ratings"}}}
	for _, id := range ids {
		a := by[id]
		t.Rows = append(t.Rows, []any{int(id), a.name, a.n, round2(float64(a.sum) / float64(a.n)), round2(float64(a.content) / float64(a.n))})
	}
	return t, nil
}

func ideasTable(ctx context.Context, s Store) (*Table, error) {
	rows, err := s.OpenDataIdeas(ctx)
	if err != nil {
		return nil, err
	}
	t := &Table{Columns: []Column{{Name: "space"}, {Name: "status"}, {Name: "ideas", Kind: Count}}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []any{r.Space, r.Status, r.Count})
	}
	return t, nil
}

func waitsTable(ctx context.Context, s Store) (*Table, error) {
	rows, err := s.OpenDataWaits(ctx)
	if err != nil {
		return nil, err
	}
	t := &Table{Columns: []Column{{Name: "month"}, {Name: "office_id"}, {Name: "office"}, {Name: "bookings", Kind: Count},
		{Name: "median_days", Kind: Measure, CountOf: "bookings"}, {Name: "p90_days", Kind: Measure, CountOf: "bookings"}}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []any{r.Month, int(r.OfficeID), r.Office, r.Bookings, round2(r.MedianDays), round2(r.P90Days)})
	}
	return t, nil
}

// months returns the first and last value of the table's "month" column.
func (t *Table) months() (first, last string) {
	for i, c := range t.Columns {
		if c.Name != "month" {
			continue
		}
		for _, row := range t.Rows {
			m, _ := row[i].(string)
			if m == "" {
				continue
			}
			if first == "" || m < first {
				first = m
			}
			if m > last {
				last = m
			}
		}
	}
	return first, last
}
