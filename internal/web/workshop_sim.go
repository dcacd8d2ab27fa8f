package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/digitalcheck"
	"rathaus/internal/eventlog"
	"rathaus/internal/fault"
	"rathaus/internal/mining"
)

// The what-if simulation of a log: per activity keep it, remove it or
// automate it (with the new time before it), and see the projected
// throughput time against the measured one, with the 95 % intervals of a
// bootstrap over the cases (mining.Simulate), as a chart and a table. A
// GET form, so it works without JavaScript and results can be linked.

// simPage is the simulation page.
type simPage struct {
	workshopPage
	SourceURL  string
	SourceName string
	FormURL    string
	Rows       []simRow
	Replicates string
	Result     *mining.SimResult
	Chart      simChart
	Estimates  []simEstimate
	Saving     simEstimate
}

// simRow is one activity of the scenario form.
type simRow struct {
	Index           int
	Name, Wait      string
	Action, Minutes string
	ActionID, DurID string
}

// simEstimate is one line of the result table, formatted.
type simEstimate struct {
	Label                          string
	Median, MedianCI, Mean, MeanCI string
	P10, P90                       string
}

// Limits of the form.
const (
	simMaxReplicates = 2000
	simMinReplicates = 20
	simSeed          = 1
)

func (s *Server) handleSimulation(w http.ResponseWriter, r *http.Request) error {
	l, src, err := s.workshopLog(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	p := &simPage{workshopPage: workshopPage{Page: s.page(r, "workshop_models.sim.title"), Process: src.Process},
		SourceURL: workshopSourcePath(src.Key, ""), FormURL: workshopSourcePath(src.Key, "simulation")}
	p.SourceName = workshopSourceName(p.Page, src)
	p.Title = p.T("workshop_models.sim.title_of", p.SourceName)
	scenario, replicates, bad := s.simScenario(p, l, q)
	p.Replicates = strconv.Itoa(replicates)
	if q.Get("wiederholungen") == "" {
		q.Set("wiederholungen", p.Replicates)
	}
	p.Form = s.newForm(r, q)
	if bad != nil {
		p.Form = s.formFor(r, q, bad)
		return s.renderStatus(w, r, http.StatusBadRequest, "workshop_sim", p)
	}
	if q.Get("berechnen") != "" {
		res := mining.Simulate(l, scenario, mining.SimOptions{Replicates: replicates, Seed: simSeed})
		p.Result = &res
		p.Saving = simEstimateOf(p.Page, p.T("workshop_models.sim.saving"), res.Saving)
		p.Estimates = []simEstimate{simEstimateOf(p.Page, p.T("workshop_models.sim.baseline"), res.Baseline),
			simEstimateOf(p.Page, p.T("workshop_models.sim.projected"), res.Projected), p.Saving}
		p.Chart = newSimChart(p.Page, res)
	}
	return s.render(w, r, "workshop_sim", p)
}

// simScenario reads the form: per activity "keep", "remove" or
// "automate" with minutes, and the replicates. Every activity gets a row.
func (s *Server) simScenario(p *simPage, l *eventlog.Log, q url.Values) (mining.Scenario, int, error) {
	sc := mining.Scenario{Automate: map[string]time.Duration{}}
	var v fault.Validator
	measured := digitalcheck.Measure(l)
	for i, act := range l.Activities {
		row := simRow{Index: i, Name: p.Act(act), Action: q.Get("a" + strconv.Itoa(i)), Minutes: q.Get("d" + strconv.Itoa(i)),
			ActionID: "field-a" + strconv.Itoa(i), DurID: "field-d" + strconv.Itoa(i)}
		if m, ok := measured[act]; ok {
			row.Wait = checkDuration(p.Page, m.WaitMedianS)
		}
		switch row.Action {
		case "", "keep":
			row.Action = "keep"
		case "remove":
			sc.Remove = append(sc.Remove, act)
		case "automate":
			min, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(row.Minutes), ",", ".", 1), 64)
			if row.Minutes == "" {
				min, err = 0, nil
			}
			if err != nil || min < 0 || min > 525600 {
				v.Add("d"+strconv.Itoa(i), "workshop_models.sim.error.minutes", row.Name)
				break
			}
			sc.Automate[act] = time.Duration(min * float64(time.Minute))
		default:
			v.Add("a"+strconv.Itoa(i), "workshop_models.sim.error.action", row.Name)
		}
		p.Rows = append(p.Rows, row)
	}
	replicates := 200
	if x := q.Get("wiederholungen"); x != "" {
		n, err := strconv.Atoi(x)
		if err != nil || n < simMinReplicates || n > simMaxReplicates {
			v.Add("wiederholungen", "workshop_models.sim.error.replicates", simMinReplicates, simMaxReplicates)
		} else {
			replicates = n
		}
	}
	return sc, replicates, v.Err()
}

// simEstimateOf formats an estimate: durations in words and the 95 %
// intervals as "from – to".
func simEstimateOf(p Page, label string, e mining.Estimate) simEstimate {
	d := func(x float64) string { return checkDuration(p, x) }
	return simEstimate{Label: label, Median: d(e.Median), Mean: d(e.Mean), P10: d(e.P10), P90: d(e.P90),
		MedianCI: p.T("workshop_models.sim.interval", d(e.MedianCI.Lo), d(e.MedianCI.Hi)),
		MeanCI:   p.T("workshop_models.sim.interval", d(e.MeanCI.Lo), d(e.MeanCI.Hi))}
}
