package web

import (
	"net/http"
	"strconv"
	"strings"

	"rathaus/internal/eventlog"
	"rathaus/internal/mining"
)

// The analyses shown as tables: variants, activities, bottlenecks and
// rework. Each table shows at most maxRows rows with a note on the rest.

// workshopVariantsPage is the data of workshop_log_variants.html.
type workshopVariantsPage struct {
	workshopLogPage
	Total    int
	Variants []workshopVariantRow
	More     int
}

// workshopVariantRow is one variant with its steps named and the link
// that filters the log to it.
type workshopVariantRow struct {
	mining.Variant
	Number int // rank in the whole log, 1-based
	Steps  []string
	Filter string
}

func (s *Server) handleWorkshopVariants(w http.ResponseWriter, r *http.Request) error {
	a, err := s.workshopLoad(r)
	if err != nil {
		return err
	}
	p := workshopVariantsPage{workshopLogPage: s.workshopLogPage(r, a, "varianten", nil)}
	vs := mining.Variants(a.Log)
	var ranks map[string]int
	if a.Log != a.Full {
		ranks = fullRanks(a.Full)
	}
	p.Total = len(vs)
	vs, p.More = capRows(vs)
	for _, v := range vs {
		row := workshopVariantRow{Variant: v, Number: v.Rank + 1}
		if ranks != nil {
			row.Number = ranks[variantKey(v.Activities)] + 1
		}
		for _, act := range v.Activities {
			row.Steps = append(row.Steps, p.Act(a.Log.Activities[act]))
		}
		row.Filter = workshopSourcePath(a.Src.Key, "") + "?variante=" + strconv.Itoa(row.Number)
		p.Variants = append(p.Variants, row)
	}
	return s.render(w, r, "workshop_log_variants", p)
}

// fullRanks maps each variant of the whole log to its rank there, which
// the variant filter uses; a filtered log shares the activity ids.
func fullRanks(full *eventlog.Log) map[string]int {
	vs := mining.Variants(full)
	m := make(map[string]int, len(vs))
	for _, v := range vs {
		m[variantKey(v.Activities)] = v.Rank
	}
	return m
}

func variantKey(acts []int32) string {
	var b strings.Builder
	for _, a := range acts {
		b.WriteString(strconv.Itoa(int(a)))
		b.WriteByte(',')
	}
	return b.String()
}

// workshopActivitiesPage is the data of workshop_log_activities.html.
type workshopActivitiesPage struct {
	workshopLogPage
	Activities []mining.Activity
	More       int
}

func (s *Server) handleWorkshopActivities(w http.ResponseWriter, r *http.Request) error {
	a, err := s.workshopLoad(r)
	if err != nil {
		return err
	}
	p := workshopActivitiesPage{workshopLogPage: s.workshopLogPage(r, a, "aktivitaeten", nil)}
	p.Activities, p.More = capRows(mining.ActivityStats(a.Log))
	return s.render(w, r, "workshop_log_activities", p)
}

// workshopBottlenecksPage is the data of workshop_log_bottlenecks.html.
type workshopBottlenecksPage struct {
	workshopLogPage
	Report              mining.BottleneckReport
	Edges, Activities   []mining.WaitStat
	MoreEdges, MoreActs int
	Top                 *mining.WaitStat
}

func (s *Server) handleWorkshopBottlenecks(w http.ResponseWriter, r *http.Request) error {
	a, err := s.workshopLoad(r)
	if err != nil {
		return err
	}
	p := workshopBottlenecksPage{workshopLogPage: s.workshopLogPage(r, a, "engpaesse", nil), Report: mining.Bottlenecks(a.Log)}
	p.Edges, p.MoreEdges = capRows(p.Report.Edges)
	p.Activities, p.MoreActs = capRows(p.Report.Activities)
	if len(p.Edges) > 0 && p.Edges[0].TotalS > 0 {
		p.Top = &p.Edges[0]
	}
	return s.render(w, r, "workshop_log_bottlenecks", p)
}

// workshopReworkPage is the data of workshop_log_rework.html.
type workshopReworkPage struct {
	workshopLogPage
	Report     mining.ReworkReport
	Activities []mining.ReworkActivity
	PingPong   []mining.PingPong
	MoreActs   int
	MorePing   int
}

func (s *Server) handleWorkshopRework(w http.ResponseWriter, r *http.Request) error {
	a, err := s.workshopLoad(r)
	if err != nil {
		return err
	}
	p := workshopReworkPage{workshopLogPage: s.workshopLogPage(r, a, "schleifen", nil), Report: mining.Rework(a.Log)}
	p.Activities, p.MoreActs = capRows(p.Report.Activities)
	p.PingPong, p.MorePing = capRows(p.Report.PingPong)
	return s.render(w, r, "workshop_log_rework", p)
}

// namedVariants are variants with their activities named, for JSON.
func namedVariants(l *eventlog.Log, vs []mining.Variant) []apiWorkshopVariant {
	out := make([]apiWorkshopVariant, 0, len(vs))
	for _, v := range vs {
		names := make([]string, len(v.Activities))
		for i, a := range v.Activities {
			names[i] = l.Activities[a]
		}
		out = append(out, apiWorkshopVariant{Rank: v.Rank, Activities: names, Count: v.Count, Share: v.Share,
			FirstCase: v.FirstCase, MeanS: v.MeanS, MedianS: v.MedianS})
	}
	return out
}

// apiWorkshopVariant is a variant in the JSON API.
type apiWorkshopVariant struct {
	Rank       int      `json:"rank"`
	Activities []string `json:"activities"`
	Count      int      `json:"count"`
	Share      float64  `json:"share"`
	FirstCase  string   `json:"first_case"`
	MeanS      float64  `json:"mean_s"`
	MedianS    float64  `json:"median_s"`
}
