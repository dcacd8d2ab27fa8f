package dashboard

import (
	"slices"
	"strconv"
)

// Suppress blanks, for the public, every figure about fewer than min
// people, and what would give such a figure away:
//
//  1. A count from 1 to min−1 is hidden (a zero reveals no one): cases
//     per channel, visits, measured durations, deadlines, ratings, the
//     funnel's counts.
//  2. Where a whole is shown beside its parts (the cases of all
//     channels; the ratings 1 to 5; deadlines due = met + missed; a
//     range's total = the sum of its months), a part hidden alone could
//     be worked out by subtraction. So when exactly one part of a
//     shown whole is hidden, the smallest other non-zero part is hidden
//     too, repeated until nothing changes.
//  3. A share, mean, median or 90th percentile is hidden when it is
//     computed from fewer than min people or from a hidden count (a
//     share and its visible whole would give the count back). Ratings
//     are the exception: when one of the ratings 1 to 5 is hidden, all
//     five are, and the mean and the share of satisfied people stay
//     (they are about at least min people, and with three of five
//     ratings unknown they give none of them away).
//  4. The funnel: a page's "passed" is hidden from the first page whose
//     drop-off is hidden on, since started − passed would give it away.
//
// Hidden figures are named in each period's Suppressed list by their
// CSV column names (a channel's share as "share_<channel>"). min <= 0 takes DefaultMinCount.
func (f *Figures) Suppress(min int) {
	if min <= 0 {
		min = DefaultMinCount
	}
	f.Public, f.MinCount = true, min
	rows := make([]*Period, 0, len(f.Months)+1)
	for i := range f.Months {
		rows = append(rows, &f.Months[i])
	}
	rows = append(rows, &f.Total) // the last row is the whole of each column
	suppressChannels(rows, min)
	suppressVisits(rows, min)
	suppressDeadlines(rows, min)
	suppressRatings(rows, min)
	for _, p := range rows {
		p.Wait.hide(p, "wait", "minutes", min)
		p.LeadTime.hide(p, "lead_time", "days", min)
		p.Processing.hide(p, "processing", "days", min)
		p.ReportAnswer.hide(p, "report_answer", "hours", min)
		p.ReportFix.hide(p, "report_fix", "days", min)
	}
	suppressReports(rows, min)
	suppressSpreadCounts(rows, min)
	f.Funnel.suppress(min)
}

// small reports whether n counts too few people to be shown.
func small(n int64, min int) bool { return n > 0 && n < int64(min) }

// grid applies rules 1 and 2 to a table of counts: rows are the months
// and, last, the range total (the whole of each column); with rowWhole
// the last column of each row is the whole of the row's other cells.
// unpub marks cells that are not published but follow from the others
// (deadlines missed, all visits); such a cell is an unknown to a reader
// but needs protecting only when it is small. It returns which cells are
// hidden.
//
// Each line (a whole and its parts) is an equation a reader can solve
// for one unknown. So whenever a line's only unknown is a hidden cell,
// its smallest known non-zero part (or else its whole) is hidden too,
// until every line has none or at least two unknowns.
func grid(g [][]int64, rowWhole bool, unpub func(i, j int) bool, min int) [][]bool {
	if unpub == nil {
		unpub = func(int, int) bool { return false }
	}
	hid := make([][]bool, len(g))
	for i, row := range g {
		hid[i] = make([]bool, len(row))
		for j, n := range row {
			hid[i][j] = small(n, min)
		}
	}
	type cell struct{ i, j int }
	var lines [][]cell // the whole last
	if len(g) > 1 {
		for j := range g[0] {
			var l []cell
			for i := range g {
				l = append(l, cell{i, j})
			}
			lines = append(lines, l)
		}
	}
	if rowWhole {
		for i, row := range g {
			var l []cell
			for j := range row {
				l = append(l, cell{i, j})
			}
			lines = append(lines, l)
		}
	}
	unknown := func(c cell) bool { return hid[c.i][c.j] || unpub(c.i, c.j) }
	for changed := true; changed; {
		changed = false
		for _, l := range lines {
			var unknowns []cell
			for _, c := range l {
				if unknown(c) {
					unknowns = append(unknowns, c)
				}
			}
			if len(unknowns) != 1 || !hid[unknowns[0].i][unknowns[0].j] {
				continue
			}
			pick := -1
			for k, c := range l[:len(l)-1] {
				if n := g[c.i][c.j]; !unknown(c) && n > 0 && (pick < 0 || n < g[l[pick].i][l[pick].j]) {
					pick = k
				}
			}
			if pick < 0 {
				pick = len(l) - 1 // no part left: the whole
			}
			hid[l[pick].i][l[pick].j] = true
			changed = true
		}
	}
	return hid
}

// hideCount hides c and names it.
func hideCount(p *Period, c *Count, name string) {
	if !c.Hidden {
		c.Hidden = true
		p.Suppressed = append(p.Suppressed, name)
	}
}

// hideNumber hides n (when it exists) and names it.
func hideNumber(p *Period, n *Number, name string) {
	if n.Known && !n.Hidden {
		n.Hidden = true
		p.Suppressed = append(p.Suppressed, name)
	}
}

func suppressChannels(rows []*Period, min int) {
	g := make([][]int64, len(rows))
	for i, p := range rows {
		for _, c := range p.Channels {
			g[i] = append(g[i], c.Cases.N)
		}
		g[i] = append(g[i], p.Cases.N)
	}
	hid := grid(g, true, nil, min)
	for i, p := range rows {
		last := len(p.Channels)
		if hid[i][last] {
			hideCount(p, &p.Cases, "cases")
		}
		for j := range p.Channels {
			c := &p.Channels[j]
			if hid[i][j] {
				hideCount(p, &c.Cases, "cases_"+c.Channel)
			}
			if c.Cases.Hidden || p.Cases.Hidden {
				hideNumber(p, &c.Share, "share_"+c.Channel)
			}
		}
		if p.Channels[0].Cases.Hidden || p.Cases.Hidden {
			hideNumber(p, &p.DigitalTakeUp, "digital_take_up")
		}
		if p.Channels[1].Cases.Hidden || p.Cases.Hidden {
			hideNumber(p, &p.AssistedShare, "assisted_share")
		}
	}
}

func suppressVisits(rows []*Period, min int) {
	g := make([][]int64, len(rows))
	for i, p := range rows {
		// All visits are not shown, but follow from the parts; the share
		// is hidden whenever a part is.
		g[i] = []int64{p.VisitsBooked.N, p.VisitsWalkIn.N, p.VisitsBooked.N + p.VisitsWalkIn.N}
	}
	hid := grid(g, true, func(_, j int) bool { return j == 2 }, min)
	for i, p := range rows {
		if hid[i][0] {
			hideCount(p, &p.VisitsBooked, "visits_booked")
		}
		if hid[i][1] {
			hideCount(p, &p.VisitsWalkIn, "visits_walk_in")
		}
		if hid[i][0] || hid[i][1] || small(p.VisitsBooked.N+p.VisitsWalkIn.N, min) {
			hideNumber(p, &p.OnlineAppointmentShare, "online_appointment_share")
		}
	}
}

func suppressDeadlines(rows []*Period, min int) {
	g := make([][]int64, len(rows))
	for i, p := range rows {
		// met + missed = due; missed is not shown but follows from them.
		g[i] = []int64{p.DeadlineMet.N, p.DeadlineDue.N - p.DeadlineMet.N, p.DeadlineDue.N}
	}
	hid := grid(g, true, func(_, j int) bool { return j == 1 }, min)
	for i, p := range rows {
		if hid[i][2] {
			hideCount(p, &p.DeadlineDue, "deadline_due")
		}
		if hid[i][0] || hid[i][1] {
			hideCount(p, &p.DeadlineMet, "deadline_met")
		}
		if hid[i][0] || hid[i][1] || hid[i][2] {
			hideNumber(p, &p.DeadlineCompliance, "deadline_compliance")
		}
	}
}

func suppressRatings(rows []*Period, min int) {
	g := make([][]int64, len(rows))
	for i, p := range rows {
		for _, c := range p.RatingCounts {
			g[i] = append(g[i], c.N)
		}
		g[i] = append(g[i], p.Ratings.N)
	}
	hid := grid(g, true, nil, min)
	for i, p := range rows {
		if hid[i][5] {
			hideCount(p, &p.Ratings, "ratings")
			hideNumber(p, &p.MeanRating, "mean_rating")
			hideNumber(p, &p.SatisfiedShare, "satisfied_share")
		}
		// With the count, the mean and the share, two hidden ratings
		// could be worked out from the others: so the distribution goes
		// as a whole, and mean and share stay.
		if slices.Contains(hid[i][:5], true) {
			for j := range p.RatingCounts {
				hideCount(p, &p.RatingCounts[j], "ratings_"+strconv.Itoa(j+1))
			}
		}
	}
}

// hide blanks a spread's median and 90th percentile when computed from
// fewer than min measurements.
func (s *Spread) hide(p *Period, name, unit string, min int) {
	if small(s.N.N, min) {
		hideNumber(p, &s.Median, name+"_median_"+unit)
		hideNumber(p, &s.P90, name+"_p90_"+unit)
	}
}

// suppressSpreadCounts hides the small counts of measured durations,
// with the months and the range total as parts and whole.
func suppressSpreadCounts(rows []*Period, min int) {
	for _, x := range []struct {
		name string
		get  func(*Period) *Spread
	}{
		{"wait", func(p *Period) *Spread { return &p.Wait }},
		{"lead_time", func(p *Period) *Spread { return &p.LeadTime }},
		{"processing", func(p *Period) *Spread { return &p.Processing }},
		{"report_answer", func(p *Period) *Spread { return &p.ReportAnswer }},
		{"report_fix", func(p *Period) *Spread { return &p.ReportFix }},
	} {
		g := make([][]int64, len(rows))
		for i, p := range rows {
			g[i] = []int64{x.get(p).N.N}
		}
		hid := grid(g, false, nil, min)
		for i, p := range rows {
			if hid[i][0] {
				hideCount(p, &x.get(p).N, x.name+"_n")
			}
		}
	}
}

// suppress applies the rules to the funnel: started is the whole of
// the drop-offs of every page, on "check your answers", and the
// submissions.
func (fu *FunnelFigures) suppress(min int) {
	name := func(k string) {
		fu.Suppressed = append(fu.Suppressed, k)
	}
	hideC := func(c *Count, k string) {
		if !c.Hidden {
			c.Hidden = true
			name(k)
		}
	}
	hideN := func(n *Number, k string) {
		if n.Known && !n.Hidden {
			n.Hidden = true
			name(k)
		}
	}
	row := []int64{}
	for _, st := range fu.Steps {
		row = append(row, st.Dropped.N)
	}
	if len(fu.Steps) > 0 {
		row = append(row, fu.CheckDropped.N)
	}
	row = append(row, fu.Submitted.N, fu.Started.N)
	hid := grid([][]int64{row}, true, nil, min)[0]
	n := len(row)
	if hid[n-1] {
		hideC(&fu.Started, "started")
	}
	if hid[n-2] || hid[n-1] {
		hideC(&fu.Submitted, "submitted")
		hideN(&fu.Completion, "completion_rate")
	}
	lost := false // a drop-off so far is hidden
	for i := range fu.Steps {
		st := &fu.Steps[i]
		p := "page_" + strconv.Itoa(st.Index+1) + "_"
		if hid[i] || hid[n-1] {
			hideC(&st.Dropped, p+"dropped")
			hideN(&st.DropShare, p+"drop_share")
			lost = true
		}
		if i > 0 && fu.Steps[i-1].Passed.Hidden || hid[n-1] {
			hideC(&st.Reached, p+"reached")
			hideN(&st.DropShare, p+"drop_share")
		}
		if lost || small(st.Passed.N, min) {
			hideC(&st.Passed, p+"passed")
			hideN(&st.LostShare, p+"lost_share")
		}
	}
	if len(fu.Steps) > 0 && (hid[n-3] || hid[n-1]) {
		hideC(&fu.CheckDropped, "check_dropped")
	}
}

// suppressReports hides small counts of defect reports received, with
// the months and the range total as parts and whole. A report is not a
// person, but a report names a street and a day: few of them in a unit's
// month could point to who sent them.
func suppressReports(rows []*Period, min int) {
	g := make([][]int64, len(rows))
	for i, p := range rows {
		g[i] = []int64{p.Reports.N}
	}
	hid := grid(g, false, nil, min)
	for i, p := range rows {
		if hid[i][0] {
			hideCount(p, &p.Reports, "reports")
		}
	}
}
