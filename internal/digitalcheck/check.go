package digitalcheck

import (
	"math"
	"time"
)

// Step is one step (activity) of a process model with its annotation.
type Step struct {
	ID   string `json:"id"`   // BPMN element id
	Name string `json:"name"` // the activity name, as in the event log
	Annotation
}

// Measured is what the event log says about one activity. Times are in
// seconds; the wait before a step is the time since the previous event of
// the same case (so it includes the work before the step when the log has
// only completion times).
type Measured struct {
	Cases          int     `json:"cases"`          // cases with the activity
	CasesPerYear   float64 `json:"cases_per_year"` // the same, per year of the log's time span
	WaitMedianS    float64 `json:"wait_median_s"`
	WaitMeanS      float64 `json:"wait_mean_s"`
	ServiceMedianS float64 `json:"service_median_s"` // working time of the step itself; 0 when the log does not show it
}

// Options are the assumptions behind the savings; each is printed in the
// report. Durations are in seconds.
type Options struct {
	VisitS    float64 `json:"visit_s"`    // a visit to the office: travel and queue
	PostS     float64 `json:"post_s"`     // a letter on its way
	TransferS float64 `json:"transfer_s"` // a bank transfer until it is booked and matched
	HandoverS float64 `json:"handover_s"` // printing, scanning or carrying paper inside the authority
	ReentryS  float64 `json:"reentry_s"`  // typing a case's data in again
	// Cases and CasesPerYear of the whole process (see Volume); 0 takes
	// the largest figure among the checked steps.
	Cases        int     `json:"cases"`
	CasesPerYear float64 `json:"cases_per_year"`
}

// DefaultOptions are cautious round figures: an hour for a visit, two
// days for post and for a transfer, a day for an internal paper handover
// and ten minutes for re-entering data.
func DefaultOptions() Options {
	day := (24 * time.Hour).Seconds()
	return Options{VisitS: time.Hour.Seconds(), PostS: 2 * day, TransferS: 2 * day,
		HandoverS: day, ReentryS: (10 * time.Minute).Seconds()}
}

// Finding is one obstacle at one step. The texts are translation keys
// (see locales/*.digitalcheck.json); RemedyLaw is a citation and is not
// translated.
type Finding struct {
	StepID      string   `json:"step_id"`
	StepName    string   `json:"step_name"`
	Obstacle    Obstacle `json:"obstacle"`
	Principle   int      `json:"principle"` // 1-5, the Digitalcheck principle it touches
	Severity    Severity `json:"severity"`
	Explanation string   `json:"explanation"` // translation key: why this is an obstacle
	Remedy      string   `json:"remedy"`      // translation key: the usual remedy
	RemedyLaw   string   `json:"remedy_law"`  // legal reference of the remedy, "" when none applies

	// SavingPerCaseS is the throughput time a case would save, estimated
	// from the step's measured times as Assumption explains;
	// AssumptionArgs are the durations (seconds) its text names.
	SavingPerCaseS float64   `json:"saving_per_case_s"`
	Assumption     string    `json:"assumption"`
	AssumptionArgs []float64 `json:"assumption_args"`
}

// StepResult is the check of one step.
type StepResult struct {
	Step     Step      `json:"step"`
	Measured Measured  `json:"measured"`
	HasData  bool      `json:"has_data"` // the log has the activity
	Score    int       `json:"score"`    // 0-100, see Report.Score
	Findings []Finding `json:"findings"`
	// SavingPerCaseS is the sum of the findings' savings, but no more than
	// the step's measured wait and service time (plus a visit when one is
	// saved): remedies of one step share the same time.
	SavingPerCaseS float64 `json:"saving_per_case_s"`
}

// Report is the digitisation check of a process.
type Report struct {
	Steps []StepResult `json:"steps"`
	// Score is the readiness of the process, 0-100: every step starts at
	// 100 and loses the points of its obstacles' severities (high 40,
	// medium 20, low 10) down to 0; the process score is the mean over
	// its steps, rounded. Adding an obstacle never raises it.
	Score        int     `json:"score"`
	Cases        int     `json:"cases"`          // cases of the process in the log
	CasesPerYear float64 `json:"cases_per_year"` // the same, per year
	// SavingPerCaseS adds up the steps' savings, each weighted by the
	// share of the process's cases that pass the step;
	// SavingPerYearS is that times CasesPerYear.
	SavingPerCaseS float64 `json:"saving_per_case_s"`
	SavingPerYearS float64 `json:"saving_per_year_s"`
	Options        Options `json:"options"`
}

// Findings lists every finding in step order.
func (r Report) Findings() []Finding {
	var out []Finding
	for _, s := range r.Steps {
		out = append(out, s.Findings...)
	}
	return out
}

// Check checks steps with the default assumptions.
func Check(steps []Step, measured map[string]Measured) Report {
	return DefaultOptions().Check(steps, measured)
}

// Check checks steps; measured holds the log's figures by activity name.
func (o Options) Check(steps []Step, measured map[string]Measured) Report {
	r := Report{Options: o, Cases: o.Cases, CasesPerYear: o.CasesPerYear}
	for _, s := range steps {
		if o.Cases <= 0 {
			r.Cases = max(r.Cases, measured[s.Name].Cases)
		}
		if o.CasesPerYear <= 0 {
			r.CasesPerYear = max(r.CasesPerYear, measured[s.Name].CasesPerYear)
		}
	}
	total := 0
	for _, s := range steps {
		m, ok := measured[s.Name]
		sr := StepResult{Step: s, Measured: m, HasData: ok}
		sr.Findings, sr.SavingPerCaseS = o.findings(s, m)
		sr.Score = stepScore(sr.Findings)
		total += sr.Score
		if r.Cases > 0 {
			r.SavingPerCaseS += sr.SavingPerCaseS * float64(m.Cases) / float64(r.Cases)
		}
		r.Steps = append(r.Steps, sr)
	}
	if len(steps) > 0 {
		r.Score = int(math.Round(float64(total) / float64(len(steps))))
	}
	r.SavingPerYearS = r.SavingPerCaseS * r.CasesPerYear
	return r
}

// findings are the obstacles of one step and their capped saving.
func (o Options) findings(s Step, m Measured) ([]Finding, float64) {
	var out []Finding
	var sum float64
	visit := false
	for _, rule := range rules {
		if !rule.applies(s.Annotation) {
			continue
		}
		f := rule.finding(s, m, o)
		sum += f.SavingPerCaseS
		visit = visit || rule.visit(s.Annotation)
		out = append(out, f)
	}
	limit := m.WaitMedianS + m.ServiceMedianS
	if visit {
		limit += o.VisitS
	}
	return out, min(sum, limit)
}

func stepScore(fs []Finding) int {
	score := 100
	for _, f := range fs {
		score -= f.Severity.Points()
	}
	return max(score, 0)
}
