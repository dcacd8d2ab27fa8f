package dashboard

import (
	"context"
	"encoding/json"
	"math"
	"time"
)

// The channels a case arrives by, in display order. They are the
// cases package's channels plus ChannelAssisted.
//
// Assisted digital (a member of staff fills in the online form with and
// for a citizen at a help point) is counted as its own channel and is
// NOT part of digital take-up: take-up is what people managed online by
// themselves. This follows GOV.UK, which reports assisted digital
// separately; the dashboards show its share beside take-up.
const (
	ChannelOnline   = "online"
	ChannelAssisted = "assisted"
	ChannelPaper    = "paper"
	ChannelInPerson = "in_person"
	ChannelPhone    = "phone"
	ChannelMail     = "email"
)

// Channels lists the channels in display order.
var Channels = []string{ChannelOnline, ChannelAssisted, ChannelPaper, ChannelInPerson, ChannelPhone, ChannelMail}

// DefaultMinCount is the smallest number of people a public figure is
// computed from when Service.MinCount is not set (as in open data).
const DefaultMinCount = 5

// DefaultMonths is the length of the default range: the last twelve
// months up to and including the current one.
const DefaultMonths = 12

// Service reads the figures of a dashboard.
type Service struct {
	Store Store
	Now   func() time.Time
	// MinCount is the public threshold: figures about fewer people are
	// suppressed on the public dashboards (0: DefaultMinCount).
	MinCount int
}

// Query selects a dashboard: its scope, range and audience.
type Query struct {
	Scope Scope
	Range Range
	// Public suppresses small cells (see Suppress); staff see every
	// figure, still aggregated.
	Public bool
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}

// Threshold is the public threshold in force.
func (s *Service) Threshold() int {
	if s.MinCount <= 0 {
		return DefaultMinCount
	}
	return s.MinCount
}

// DefaultRange is the last DefaultMonths months up to the current one.
func (s *Service) DefaultRange() Range { return DefaultRange(s.now()) }

// CurrentMonth is the month of now in Location, "2006-01".
func (s *Service) CurrentMonth() string { return s.now().In(Location).Format(monthLayout) }

// Figures reads and computes the dashboard q asks for.
func (s *Service) Figures(ctx context.Context, q Query) (*Figures, error) {
	months, err := s.Store.DashboardMonths(ctx, q.Scope, q.Range)
	if err != nil {
		return nil, err
	}
	funnel, err := s.Store.DashboardFunnel(ctx, q.Scope, q.Range)
	if err != nil {
		return nil, err
	}
	f := Compute(q.Range, months, funnel)
	if q.Public {
		f.Suppress(s.Threshold())
	}
	return f, nil
}

// Figures is what a dashboard shows: the whole range, each month, and
// the online form's funnel. Public figures carry the threshold they
// were suppressed with.
type Figures struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Public bool   `json:"public"`
	// MinCount is the threshold applied; 0 when nothing was suppressed
	// (the staff view).
	MinCount int           `json:"min_count"`
	Total    Period        `json:"total"`
	Months   []Period      `json:"months"`
	Funnel   FunnelFigures `json:"funnel"`
}

// Period holds the figures of one month or of the whole range.
type Period struct {
	Month string `json:"month,omitempty"` // "" for the whole range

	// Cases is the applications of every channel; Channels splits them.
	Cases    Count          `json:"cases"`
	Channels []ChannelCount `json:"channels"`
	// DigitalTakeUp is online ÷ all channels; AssistedShare assisted ÷
	// all channels (not part of take-up).
	DigitalTakeUp Number `json:"digital_take_up"`
	AssistedShare Number `json:"assisted_share"`

	VisitsBooked Count `json:"visits_booked"`
	VisitsWalkIn Count `json:"visits_walk_in"`
	// OnlineAppointmentShare is booked ÷ (booked + walk-in).
	OnlineAppointmentShare Number `json:"online_appointment_share"`
	Wait                   Spread `json:"wait"`      // at the counter
	LeadTime               Spread `json:"lead_time"` // booking → appointment
	Processing             Spread `json:"processing"`

	DeadlineDue        Count  `json:"deadline_due"`
	DeadlineMet        Count  `json:"deadline_met"`
	DeadlineCompliance Number `json:"deadline_compliance"` // met ÷ due

	Ratings        Count    `json:"ratings"`
	RatingCounts   [5]Count `json:"rating_counts"` // ratings 1..5
	MeanRating     Number   `json:"mean_rating"`
	SatisfiedShare Number   `json:"satisfied_share"` // ratings 4 and 5 ÷ all

	// Reports counts the defect reports received; ReportAnswer is the
	// time to their first public answer, ReportFix to done.
	Reports      Count  `json:"reports"`
	ReportAnswer Spread `json:"report_answer"`
	ReportFix    Spread `json:"report_fix"`

	// Suppressed names the figures blanked in public (CSV column names).
	Suppressed []string `json:"suppressed"`
}

// ChannelCount is the applications of one channel and their share.
type ChannelCount struct {
	Channel string `json:"channel"`
	Cases   Count  `json:"cases"`
	Share   Number `json:"share"`
}

// Spread is the distribution of a duration: how many were measured,
// the median and the 90th percentile, in seconds.
type Spread struct {
	N      Count  `json:"n"`
	Median Number `json:"median_seconds"`
	P90    Number `json:"p90_seconds"`
}

// FunnelFigures is the online form's progress as the dashboard shows it.
type FunnelFigures struct {
	Started   Count `json:"started"`
	Submitted Count `json:"submitted"`
	// Completion is submitted ÷ started.
	Completion Number `json:"completion_rate"`
	// Steps are the form's pages (empty for more than one service).
	Steps []FunnelPage `json:"pages"`
	// CheckDropped is who passed the last page but did not submit (on
	// "check your answers"); known only with Steps.
	CheckDropped Count    `json:"check_dropped"`
	Suppressed   []string `json:"suppressed"`
}

// FunnelPage is one form page: who got this far, who got past it (of
// those it was shown to), who left on it.
type FunnelPage struct {
	PageID  string `json:"page_id"`
	Index   int    `json:"index"`
	Reached Count  `json:"reached"` // got past the page before (or started)
	Passed  Count  `json:"passed"`
	// Dropped is reached − who got past this page or a later one;
	// DropShare dropped ÷ reached.
	Dropped   Count  `json:"dropped"`
	DropShare Number `json:"drop_share"`
	// LostShare is the share of everyone who started that was lost up
	// to and including this page.
	LostShare Number `json:"lost_share"`
}

// Count is a number of people or cases. Hidden counts are suppressed:
// null in JSON, empty in CSV.
type Count struct {
	N      int64
	Hidden bool
}

// Shown reports whether the count may be displayed.
func (c Count) Shown() bool { return !c.Hidden }

// MarshalJSON writes the number, or null when hidden.
func (c Count) MarshalJSON() ([]byte, error) {
	if c.Hidden {
		return []byte("null"), nil
	}
	return json.Marshal(c.N)
}

// UnmarshalJSON reads a number or null.
func (c *Count) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*c = Count{Hidden: true}
		return nil
	}
	return json.Unmarshal(b, &c.N)
}

// Number is a computed figure (a share from 0 to 1, a mean, seconds).
// Known is false when there was nothing to compute it from; Hidden when
// it is suppressed. Either way JSON has null and CSV an empty cell.
type Number struct {
	V      float64
	Known  bool
	Hidden bool
}

// Shown reports whether the figure exists and may be displayed.
func (n Number) Shown() bool { return n.Known && !n.Hidden }

// MarshalJSON writes the value (four decimals), or null.
func (n Number) MarshalJSON() ([]byte, error) {
	if !n.Shown() {
		return []byte("null"), nil
	}
	return json.Marshal(math.Round(n.V*1e4) / 1e4)
}

// UnmarshalJSON reads a number or null.
func (n *Number) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*n = Number{}
		return nil
	}
	n.Known = true
	return json.Unmarshal(b, &n.V)
}

func known(v float64) Number { return Number{V: v, Known: true} }

// ratio is num ÷ den, unknown for den 0.
func ratio(num, den int64) Number {
	if den <= 0 {
		return Number{}
	}
	return known(float64(num) / float64(den))
}

// Compute turns the months of a range and its funnel into the figures,
// unsuppressed. months holds one Month per month of r, in order.
func Compute(r Range, months []Month, funnel *Funnel) *Figures {
	f := &Figures{From: r.From, To: r.To, Months: make([]Period, 0, len(months))}
	var all Month
	all.Cases = map[string]int64{}
	for _, m := range months {
		f.Months = append(f.Months, period(m))
		addMonth(&all, m)
	}
	f.Total = period(all)
	f.Funnel = computeFunnel(funnel)
	return f
}

// addMonth adds m's counts and histograms to sum.
func addMonth(sum *Month, m Month) {
	for ch, n := range m.Cases {
		sum.Cases[ch] += n
	}
	sum.Processing.Merge(m.Processing)
	sum.Wait.Merge(m.Wait)
	sum.LeadTime.Merge(m.LeadTime)
	sum.DeadlineDue += m.DeadlineDue
	sum.DeadlineMet += m.DeadlineMet
	sum.VisitsBooked += m.VisitsBooked
	sum.VisitsWalkIn += m.VisitsWalkIn
	for i, n := range m.Ratings {
		sum.Ratings[i] += n
	}
	sum.Reports += m.Reports
	sum.ReportAnswer.Merge(m.ReportAnswer)
	sum.ReportFix.Merge(m.ReportFix)
}

// period computes one period's figures from its counts.
func period(m Month) Period {
	p := Period{Month: m.Month, Suppressed: []string{}}
	var all int64
	for _, ch := range Channels {
		all += m.Cases[ch]
	}
	p.Cases = Count{N: all}
	for _, ch := range Channels {
		n := m.Cases[ch]
		p.Channels = append(p.Channels, ChannelCount{Channel: ch, Cases: Count{N: n}, Share: ratio(n, all)})
	}
	p.DigitalTakeUp = ratio(m.Cases[ChannelOnline], all)
	p.AssistedShare = ratio(m.Cases[ChannelAssisted], all)

	p.VisitsBooked, p.VisitsWalkIn = Count{N: m.VisitsBooked}, Count{N: m.VisitsWalkIn}
	p.OnlineAppointmentShare = ratio(m.VisitsBooked, m.VisitsBooked+m.VisitsWalkIn)
	p.Wait, p.LeadTime, p.Processing = spread(m.Wait), spread(m.LeadTime), spread(m.Processing)

	p.DeadlineDue, p.DeadlineMet = Count{N: m.DeadlineDue}, Count{N: m.DeadlineMet}
	p.DeadlineCompliance = ratio(m.DeadlineMet, m.DeadlineDue)

	var n, sum int64
	for i, c := range m.Ratings {
		p.RatingCounts[i] = Count{N: c}
		n += c
		sum += int64(i+1) * c
	}
	p.Ratings = Count{N: n}
	p.MeanRating = ratio(sum, n)
	p.SatisfiedShare = ratio(m.Ratings[3]+m.Ratings[4], n)

	p.Reports = Count{N: m.Reports}
	p.ReportAnswer, p.ReportFix = spread(m.ReportAnswer), spread(m.ReportFix)
	return p
}

// spread reads the median and 90th percentile from a histogram.
func spread(h Histogram) Spread {
	s := Spread{N: Count{N: h.N}}
	if h.N > 0 {
		s.Median = known(h.Percentile(0.5).Seconds())
		s.P90 = known(h.Percentile(0.9).Seconds())
	}
	return s
}

// computeFunnel derives reached, dropped and shares per page. A page
// shown only to some (a condition) counts only those who saw it, so who
// got how far is read from the furthest page passed: got past page i =
// the most who passed page i or a later one. Dropped on page i is who got
// past page i−1 (or started) but not past page i; for a page skipped by
// some, those who left before the next page count on it.
func computeFunnel(fu *Funnel) FunnelFigures {
	out := FunnelFigures{Steps: []FunnelPage{}, Suppressed: []string{}}
	if fu == nil {
		return out
	}
	out.Started, out.Submitted = Count{N: fu.Started}, Count{N: fu.Submitted}
	out.Completion = ratio(fu.Submitted, fu.Started)
	far := make([]int64, len(fu.Steps)) // got past page i or a later one
	for i := len(fu.Steps) - 1; i >= 0; i-- {
		far[i] = fu.Steps[i].Passed
		if i+1 < len(far) {
			far[i] = max(far[i], far[i+1])
		}
		far[i] = min(far[i], fu.Started)
	}
	reached := fu.Started
	for i, st := range fu.Steps {
		dropped := max(reached-far[i], 0)
		out.Steps = append(out.Steps, FunnelPage{PageID: st.PageID, Index: st.Index,
			Reached: Count{N: reached}, Passed: Count{N: st.Passed}, Dropped: Count{N: dropped},
			DropShare: ratio(dropped, reached), LostShare: ratio(max(fu.Started-far[i], 0), fu.Started)})
		reached = far[i]
	}
	if len(fu.Steps) > 0 {
		out.CheckDropped = Count{N: max(reached-fu.Submitted, 0)}
	}
	return out
}
