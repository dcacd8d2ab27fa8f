package mining

import (
	"cmp"
	"slices"
	"time"

	"rathaus/internal/eventlog"
)

// WorkloadOptions choose how work is grouped.
type WorkloadOptions struct {
	// By is "resource" (org:resource) or the key of an event attribute or,
	// failing that, a case attribute (e.g. "org:group", "unit"). Events
	// without a value count for the unit "".
	By string
	// Period is "day", "week" or "month"; empty picks one by the log's span.
	Period string
}

// WorkloadReport is the work per unit and per period, and how many cases
// were open in each period.
type WorkloadReport struct {
	By      string      `json:"by"`
	Period  string      `json:"period"`
	Periods []time.Time `json:"periods"` // start of each period (UTC)
	Units   []UnitLoad  `json:"units"`   // most events first
	// WIP is the number of cases open (between their first and last event)
	// in each period.
	WIP []int `json:"wip"`
}

// UnitLoad is the work of one unit.
type UnitLoad struct {
	Unit   string `json:"unit"`
	Events int    `json:"events"`
	Cases  int    `json:"cases"` // cases the unit worked on
	// EventsPer and CasesPer are per period (same order as Periods);
	// untimed events are not in them. They are nil when the units times
	// the periods exceed a few million cells.
	EventsPer []int `json:"events_per_period"`
	CasesPer  []int `json:"cases_per_period"`
}

// Workload measures the work per unit and period in l.
func Workload(l *eventlog.Log, opt WorkloadOptions) WorkloadReport {
	unitOf := unitColumn(l, opt.By)
	ids, names := denseValues(unitOf, len(l.Values))
	r := WorkloadReport{By: opt.By}
	units := make([]UnitLoad, len(names)+1) // the last is the unit ""
	for d, v := range names {
		units[d].Unit = l.Values[v]
	}
	var p *periods // nil: no series per period
	if first, last, timed := logSpan(l); timed {
		ps := newPeriods(opt.Period, first, last)
		r.Period, r.Periods, r.WIP = ps.kind, ps.starts(), wip(l, ps)
		if len(units)*ps.n <= maxDenseCells { // not for very many units (e.g. by an ID)
			p = &ps
			for u := range units {
				units[u].EventsPer, units[u].CasesPer = make([]int, p.n), make([]int, p.n)
			}
		}
	}
	countWork(l, unitOf, ids, units, p)
	for _, u := range units {
		if u.Events > 0 {
			r.Units = append(r.Units, u)
		}
	}
	slices.SortStableFunc(r.Units, func(a, b UnitLoad) int { return cmp.Compare(b.Events, a.Events) })
	return r
}

// countWork counts the events and distinct cases of each unit, in all and
// (when p is not nil) per period. The unit of event i is ids[unitOf[i]],
// the last of units when unitOf[i] is -1.
func countWork(l *eventlog.Log, unitOf, ids []int32, units []UnitLoad, p *periods) {
	lastCase := make([]int32, len(units)) // per unit
	var lastCasePer []int32               // per unit and period
	if p != nil {
		lastCasePer = make([]int32, len(units)*p.n)
	}
	for i := range lastCase {
		lastCase[i] = -1
	}
	for i := range lastCasePer {
		lastCasePer[i] = -1
	}
	for ci, c := range l.Cases {
		for i := c.Start; i < c.End; i++ {
			u := len(units) - 1
			if v := unitOf[i]; v >= 0 {
				u = int(ids[v])
			}
			ul := &units[u]
			ul.Events++
			if lastCase[u] != int32(ci) {
				lastCase[u] = int32(ci)
				ul.Cases++
			}
			if p == nil || l.Time[i] == eventlog.NoTime {
				continue
			}
			k := p.index(l.Time[i])
			ul.EventsPer[k]++
			if cell := u*p.n + k; lastCasePer[cell] != int32(ci) {
				lastCasePer[cell] = int32(ci)
				ul.CasesPer[k]++
			}
		}
	}
}

// unitColumn is the unit of each event as a dictionary index (-1 for
// none): the resource, an event attribute, or the case attribute.
func unitColumn(l *eventlog.Log, by string) []int32 {
	if by == "resource" || by == "org:resource" || by == "" {
		return l.Resource
	}
	if col := l.EventAttr(by); col != nil {
		return col.Val
	}
	out := make([]int32, l.NumEvents())
	col := l.CaseAttr(by)
	for ci, c := range l.Cases {
		v := int32(-1)
		if col != nil {
			v = col.Val[ci]
		}
		for i := c.Start; i < c.End; i++ {
			out[i] = v
		}
	}
	return out
}

// wip counts the cases open in each period: from the period of their
// first event to that of their last.
func wip(l *eventlog.Log, p periods) []int {
	diff := make([]int, p.n+1)
	for i := range l.Cases {
		first, last, ok := caseSpan(l, i)
		if !ok {
			continue
		}
		diff[p.index(first)]++
		diff[p.index(last)+1]--
	}
	out := make([]int, p.n)
	open := 0
	for k := range out {
		open += diff[k]
		out[k] = open
	}
	return out
}
