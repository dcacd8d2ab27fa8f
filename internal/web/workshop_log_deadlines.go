package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/eventlog"
	"rathaus/internal/fault"
	"rathaus/internal/mining"
)

// Deadline compliance (a target in days, "frist", default 30) and the
// workload per unit ("nach": org:group, resource or any attribute).

// defaultDeadlineDays is the deadline target when the form names none.
const defaultDeadlineDays = 30

// deadlineDays reads the target in days from q.
func deadlineDays(q url.Values) (float64, error) {
	v := strings.Replace(strings.TrimSpace(q.Get("frist")), ",", ".", 1)
	if v == "" {
		return defaultDeadlineDays, nil
	}
	d, err := strconv.ParseFloat(v, 64)
	if err != nil || d <= 0 || d > 3650 {
		return 0, fault.Fields(fault.FieldError{Field: "frist", Key: "workshop_logs.deadlines.error.days"})
	}
	return d, nil
}

// deadlineOptions is the target in days; ends, when given, are the
// activities that close a case (query "ende", repeatable): a case whose
// last event is another one is still open.
func deadlineOptions(days float64, ends []string) mining.DeadlineOptions {
	return mining.DeadlineOptions{Target: time.Duration(days * 24 * float64(time.Hour)), EndActivities: ends}
}

// deadlineEnds reads the closing activities from q, those of l only.
func deadlineEnds(q url.Values, l *eventlog.Log) []string {
	var ends []string
	for _, e := range q["ende"] {
		if slices.Contains(l.Activities, e) {
			ends = append(ends, e)
		}
	}
	return ends
}

// workshopDeadlinesPage is the data of workshop_log_deadlines.html.
type workshopDeadlinesPage struct {
	workshopLogPage
	Days      string
	DaysError string
	Report    mining.DeadlineReport
	Late      []mining.LateCase
	More      int
	P90       string // the 90th percentile of case durations, a suggestion
	Ends      []workshopOption
}

func (s *Server) handleWorkshopDeadlines(w http.ResponseWriter, r *http.Request) error {
	a, err := s.workshopLoad(r)
	if err != nil {
		return err
	}
	days, derr := deadlineDays(r.URL.Query())
	p := workshopDeadlinesPage{workshopLogPage: s.workshopLogPage(r, a, "fristen", nil)}
	p.Days = r.URL.Query().Get("frist")
	if derr != nil {
		p.DaysError = s.formFor(r, nil, derr).Error("frist")
		days = defaultDeadlineDays
	}
	if p.Days == "" {
		p.Days = formatDays(p.Lang, days)
	}
	ends := deadlineEnds(r.URL.Query(), a.Full)
	p.Filter.Hidden = map[string]string{"frist": p.Days}
	if len(ends) == 1 {
		p.Filter.Hidden["ende"] = ends[0]
	}
	p.Ends = append(p.Ends, workshopOption{"", p.T("workshop_logs.deadlines.any_end"), len(ends) == 0})
	names := slices.Clone(a.Full.Activities)
	slices.Sort(names)
	for _, n := range names {
		p.Ends = append(p.Ends, workshopOption{n, p.Act(n), slices.Contains(ends, n)})
	}
	p.Report = mining.Deadlines(a.Log, deadlineOptions(days, ends))
	p.Late, p.More = capRows(p.Report.LateCases)
	if o := mining.Stats(a.Log); o.Duration.N > 0 {
		p.P90 = formatDays(p.Lang, o.Duration.P90/86400)
	}
	return s.render(w, r, "workshop_log_deadlines", p)
}

// workshopWorkloadPage is the data of workshop_log_workload.html.
type workshopWorkloadPage struct {
	workshopLogPage
	By      []workshopOption
	Report  mining.WorkloadReport
	Units   []mining.UnitLoad
	More    int
	Periods []workshopWIPRow
	MoreWIP int
	Chart   workshopBarChart // open cases per period
}

// workshopWIPRow is one period with its open cases.
type workshopWIPRow struct {
	Period string
	Open   int
}

// workloadKeys are the groupings a log offers: org:group first, the
// resource, then the other attributes.
func workloadKeys(l *eventlog.Log) []string {
	var keys []string
	if l.EventAttr("org:group") != nil || l.CaseAttr("org:group") != nil {
		keys = append(keys, "org:group")
	}
	keys = append(keys, "resource")
	for _, cols := range [][]eventlog.Column{l.EventAttrs, l.CaseAttrs} {
		for _, c := range cols {
			if !slices.Contains(keys, c.Key) {
				keys = append(keys, c.Key)
			}
		}
	}
	return keys
}

// workloadBy reads "nach" from q: one of keys, else the first.
func workloadBy(q url.Values, keys []string) string {
	if by := q.Get("nach"); slices.Contains(keys, by) {
		return by
	}
	return keys[0]
}

func (s *Server) handleWorkshopWorkload(w http.ResponseWriter, r *http.Request) error {
	a, err := s.workshopLoad(r)
	if err != nil {
		return err
	}
	keys := workloadKeys(a.Full)
	by := workloadBy(r.URL.Query(), keys)
	p := workshopWorkloadPage{workshopLogPage: s.workshopLogPage(r, a, "auslastung", map[string]string{"nach": by})}
	for _, k := range keys {
		label := k
		if k == "resource" {
			label = p.T("workshop_logs.workload.by_resource")
		} else if k == "org:group" {
			label = p.T("workshop_logs.workload.by_group")
		}
		p.By = append(p.By, workshopOption{k, label, k == by})
	}
	p.Report = mining.Workload(a.Log, mining.WorkloadOptions{By: by})
	p.Units, p.More = capRows(p.Report.Units)
	from := max(0, len(p.Report.Periods)-maxRows)
	p.MoreWIP = from
	var labels []string
	var counts []int
	for i := from; i < len(p.Report.Periods) && i < len(p.Report.WIP); i++ {
		name := p.periodName(p.Report.Period, p.Report.Periods[i])
		p.Periods = append(p.Periods, workshopWIPRow{name, p.Report.WIP[i]})
		labels, counts = append(labels, name), append(counts, p.Report.WIP[i])
	}
	p.Chart = countBars(labels, counts)
	return s.render(w, r, "workshop_log_workload", p)
}
