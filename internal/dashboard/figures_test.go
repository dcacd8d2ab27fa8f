package dashboard

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"rathaus/internal/cases"
	"rathaus/internal/fault"
)

func TestChannelsAreTheCasesChannels(t *testing.T) {
	for _, ch := range cases.Channels {
		if !slices.Contains(Channels, ch) {
			t.Errorf("the dashboard does not count channel %q", ch)
		}
	}
	want := slices.Clone(cases.Channels)
	if !slices.Contains(want, ChannelAssisted) {
		want = append(want, ChannelAssisted)
	}
	if len(Channels) != len(want) || Channels[1] != ChannelAssisted {
		t.Errorf("channels %v: want the cases' channels %v with assisted second", Channels, want)
	}
}

func TestDefaultRange(t *testing.T) {
	for _, tc := range []struct {
		now      time.Time
		from, to string
	}{
		{time.Date(2026, 11, 29, 15, 0, 0, 0, time.UTC), "2025-12", "2026-11"},
		// 23:30 UTC on New Year's Eve is already January in Jena.
		{time.Date(2025, 12, 31, 23, 30, 0, 0, time.UTC), "2025-02", "2026-01"},
	} {
		if r := DefaultRange(tc.now); r.From != tc.from || r.To != tc.to {
			t.Errorf("DefaultRange(%v) = %v, want %s..%s", tc.now, r, tc.from, tc.to)
		}
	}
	r := Range{"2025-11", "2026-02"}
	if got := r.Months(); !slices.Equal(got, []string{"2025-11", "2025-12", "2026-01", "2026-02"}) {
		t.Errorf("Months: %v", got)
	}
}

func TestParseRange(t *testing.T) {
	now := time.Date(2026, 11, 29, 15, 0, 0, 0, time.UTC)
	if r, err := ParseRange("", "", now); err != nil || r != (Range{"2025-12", "2026-11"}) {
		t.Errorf("empty: %v, %v", r, err)
	}
	if r, err := ParseRange("2026-03", "2026-05", now); err != nil || r != (Range{"2026-03", "2026-05"}) {
		t.Errorf("March to May: %v, %v", r, err)
	}
	for _, tc := range []struct {
		from, to, field, key string
	}{
		{"2026-13", "", "from", "error.dashboard.month"},
		{"März", "", "from", "error.dashboard.month"},
		{"", "2026-1", "to", "error.dashboard.month"},
		{"2026-05", "2026-03", "from", "error.dashboard.order"},
		{"", "2026-12", "to", "error.dashboard.future"},
		{"2020-01", "2026-11", "from", "error.dashboard.too_long"},
	} {
		_, err := ParseRange(tc.from, tc.to, now)
		f := fault.As(err)
		if f.Kind != fault.Invalid || len(f.Fields) != 1 || f.Fields[0].Field != tc.field || f.Fields[0].Key != tc.key {
			t.Errorf("%q..%q: got %v %+v, want %s on %s", tc.from, tc.to, err, f.Fields, tc.key, tc.field)
		}
	}
}

// hist holds n durations of d each.
func hist(ds ...time.Duration) Histogram {
	var h Histogram
	for _, d := range ds {
		h.Add(d)
	}
	return h
}

func repeat(d time.Duration, n int) []time.Duration {
	out := make([]time.Duration, n)
	for i := range out {
		out[i] = d
	}
	return out
}

// sample is two months of a service: October with few paper cases and
// ratings, November with more of everything.
func sample() ([]Month, *Funnel) {
	oct := Month{Month: "2026-10",
		Cases:       map[string]int64{ChannelOnline: 7, ChannelPaper: 2, ChannelInPerson: 6},
		Processing:  hist(repeat(10*24*time.Hour, 3)...),
		DeadlineDue: 6, DeadlineMet: 6,
		VisitsBooked: 12, VisitsWalkIn: 8,
		Wait:     hist(append(repeat(10*time.Minute, 10), repeat(40*time.Minute, 10)...)...),
		LeadTime: hist(repeat(3*24*time.Hour, 12)...),
		Ratings:  [5]int64{0, 0, 0, 0, 3},
		Reports:  3, ReportAnswer: hist(repeat(20*time.Hour, 2)...),
	}
	nov := Month{Month: "2026-11",
		Cases:       map[string]int64{ChannelOnline: 10, ChannelAssisted: 5, ChannelInPerson: 8},
		Processing:  hist(append(repeat(5*24*time.Hour, 9), 30*24*time.Hour)...),
		DeadlineDue: 10, DeadlineMet: 9,
		VisitsBooked: 30, VisitsWalkIn: 0,
		Wait:     hist(repeat(5*time.Minute, 3)...),
		LeadTime: hist(repeat(7*24*time.Hour, 30)...),
		Ratings:  [5]int64{1, 0, 2, 7, 10},
		Reports:  9, ReportAnswer: hist(append(repeat(4*time.Hour, 8), 100*time.Hour)...),
		ReportFix: hist(repeat(2*24*time.Hour, 6)...),
	}
	fu := &Funnel{Started: 20, Submitted: 9, Steps: []FunnelStep{{"p1", 0, 18}, {"p2", 1, 10}}}
	return []Month{oct, nov}, fu
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestCompute(t *testing.T) {
	months, fu := sample()
	f := Compute(Range{"2026-10", "2026-11"}, months, fu)
	oct, nov, all := f.Months[0], f.Months[1], f.Total
	if oct.Cases.N != 15 || nov.Cases.N != 23 || all.Cases.N != 38 {
		t.Errorf("cases: %d, %d, %d", oct.Cases.N, nov.Cases.N, all.Cases.N)
	}
	// Take-up counts only what people did online themselves.
	if !near(nov.DigitalTakeUp.V, 10.0/23) || !near(nov.AssistedShare.V, 5.0/23) || !near(all.DigitalTakeUp.V, 17.0/38) {
		t.Errorf("take-up %v, assisted %v, total take-up %v", nov.DigitalTakeUp, nov.AssistedShare, all.DigitalTakeUp)
	}
	if c := all.Channels[3]; c.Channel != ChannelInPerson || c.Cases.N != 14 || !near(c.Share.V, 14.0/38) {
		t.Errorf("in person: %+v", c)
	}
	if !near(oct.OnlineAppointmentShare.V, 0.6) || !near(all.OnlineAppointmentShare.V, 42.0/50) {
		t.Errorf("online appointments: %v, %v", oct.OnlineAppointmentShare, all.OnlineAppointmentShare)
	}
	if !near(all.DeadlineCompliance.V, 15.0/16) || all.DeadlineDue.N != 16 {
		t.Errorf("deadlines: %+v of %+v", all.DeadlineCompliance, all.DeadlineDue)
	}
	if all.Ratings.N != 23 || !near(all.MeanRating.V, (1+6+28+65)/23.0) || !near(all.SatisfiedShare.V, 20.0/23) {
		t.Errorf("ratings: %d, mean %v, satisfied %v", all.Ratings.N, all.MeanRating, all.SatisfiedShare)
	}
	// Percentiles are exact to within a bucket (a quarter).
	within := func(got float64, want time.Duration) bool {
		return got >= want.Seconds()*0.75 && got <= want.Seconds()*1.25
	}
	if oct.Wait.N.N != 20 || !within(oct.Wait.Median.V, 10*time.Minute) || !within(oct.Wait.P90.V, 40*time.Minute) {
		t.Errorf("wait: %+v", oct.Wait)
	}
	if all.Processing.N.N != 13 || !within(all.Processing.Median.V, 5*24*time.Hour) || !within(all.Processing.P90.V, 10*24*time.Hour) {
		t.Errorf("processing: %+v", all.Processing)
	}
	if f.MinCount != 0 || f.Public || oct.Channels[2].Cases.Hidden {
		t.Error("Compute suppressed something")
	}
	// Nothing happened: nothing to compute, no division by zero.
	empty := Compute(Range{"2026-01", "2026-01"}, []Month{{Month: "2026-01"}}, &Funnel{})
	if p := empty.Total; p.DigitalTakeUp.Known || p.Wait.Median.Known || p.MeanRating.Known || empty.Funnel.Completion.Known {
		t.Errorf("empty month: %+v", p)
	}
}

func TestFunnel(t *testing.T) {
	months, fu := sample()
	f := Compute(Range{"2026-10", "2026-11"}, months, fu).Funnel
	if !near(f.Completion.V, 0.45) || len(f.Steps) != 2 || f.CheckDropped.N != 1 {
		t.Fatalf("funnel: %+v", f)
	}
	p2 := f.Steps[1]
	if p2.Reached.N != 18 || p2.Passed.N != 10 || p2.Dropped.N != 8 || !near(p2.DropShare.V, 8.0/18) || !near(p2.LostShare.V, 0.5) {
		t.Errorf("page 2: %+v", p2)
	}
}

// TestFunnelConditionalPage: a page shown only to some does not count
// those who skipped it as lost.
func TestFunnelConditionalPage(t *testing.T) {
	f := computeFunnel(&Funnel{Started: 320, Submitted: 222, Steps: []FunnelStep{
		{"person", 0, 300}, {"certificate", 1, 282}, {"purpose_other", 2, 106}, {"delivery", 3, 260}, {"postal", 4, 100}, {"contact", 5, 242}}})
	var dropped []int64
	sum := f.CheckDropped.N
	for _, p := range f.Steps {
		dropped = append(dropped, p.Dropped.N)
		sum += p.Dropped.N
	}
	if !slices.Equal(dropped, []int64{20, 18, 22, 0, 18, 0}) || f.CheckDropped.N != 20 || sum != 320-222 {
		t.Errorf("dropped %v, on check %d", dropped, f.CheckDropped.N)
	}
	if p := f.Steps[3]; p.Reached.N != 260 || p.Passed.N != 260 || !near(p.LostShare.V, 60.0/320) {
		t.Errorf("delivery page: %+v", p)
	}
}

// TestSuppress: the public sees no figure about fewer than five people
// and none that gives one away; staff (Compute alone) see all.
func TestSuppress(t *testing.T) {
	months, fu := sample()
	f := Compute(Range{"2026-10", "2026-11"}, months, fu)
	f.Suppress(5)
	oct, nov, all := f.Months[0], f.Months[1], f.Total
	ch := func(p Period, c string) Count { return p.Channels[slices.Index(Channels, c)].Cases }

	// October's 2 paper cases are hidden, and with them the next
	// smallest channel (6 in person), else 15 − 7 would give them away.
	// In the range total the 2 paper cases hide the next smallest, the 5
	// assisted; as October had none, November's 5 would equal them, so
	// they go too, and with them November's 8 in person.
	if !ch(oct, ChannelPaper).Hidden || !ch(oct, ChannelInPerson).Hidden || ch(oct, ChannelOnline).Hidden || oct.Cases.Hidden {
		t.Errorf("October channels: %+v", oct.Channels)
	}
	if !ch(all, ChannelPaper).Hidden || !ch(all, ChannelAssisted).Hidden || ch(all, ChannelInPerson).Hidden || ch(all, ChannelOnline).Hidden {
		t.Errorf("total channels: %+v", all.Channels)
	}
	if !ch(nov, ChannelAssisted).Hidden || !ch(nov, ChannelInPerson).Hidden || nov.AssistedShare.Shown() || !nov.DigitalTakeUp.Shown() {
		t.Errorf("November channels: %+v", nov.Channels)
	}
	if !oct.DigitalTakeUp.Shown() || !near(oct.DigitalTakeUp.V, 7.0/15) {
		t.Errorf("October take-up hidden: %+v", oct.DigitalTakeUp)
	}
	// Zeros are shown: they reveal no one.
	if ch(oct, ChannelPhone).Hidden || ch(oct, ChannelAssisted).Hidden || !oct.AssistedShare.Shown() {
		t.Error("a zero was hidden")
	}
	// Three ratings in October: all hidden, mean and share too. In the
	// total, the single rating 1 hides the whole distribution (with
	// count, mean and share, two hidden ratings could be worked out);
	// count, mean and share stay.
	if !oct.Ratings.Hidden || !oct.RatingCounts[4].Hidden || oct.MeanRating.Shown() || oct.SatisfiedShare.Shown() {
		t.Errorf("October ratings: %+v %+v", oct.Ratings, oct.MeanRating)
	}
	for _, r := range all.RatingCounts {
		if !r.Hidden {
			t.Errorf("total ratings: %+v", all.RatingCounts)
		}
	}
	if all.Ratings.Hidden || !all.MeanRating.Shown() || !all.SatisfiedShare.Shown() {
		t.Errorf("total ratings: %+v, mean %+v", all.Ratings, all.MeanRating)
	}
	// 9 of 10 deadlines met: the one missed is hidden by hiding met and
	// the compliance (in the total too); due stays.
	if nov.DeadlineDue.Hidden || !nov.DeadlineMet.Hidden || nov.DeadlineCompliance.Shown() || !oct.DeadlineCompliance.Shown() ||
		!all.DeadlineMet.Hidden || all.DeadlineDue.Hidden {
		t.Errorf("deadlines: Nov %+v %+v, Oct %+v", nov.DeadlineMet, nov.DeadlineCompliance, oct.DeadlineCompliance)
	}
	// Three waits measured in November: count, median and p90 hidden;
	// then October's 20 too, as the total (23) would give the 3 away.
	if !nov.Wait.N.Hidden || nov.Wait.Median.Shown() || !oct.Wait.N.Hidden || !oct.Wait.Median.Shown() || all.Wait.N.Hidden {
		t.Errorf("waits: Nov %+v, Oct %+v", nov.Wait, oct.Wait)
	}
	// No walk-ins in November: a zero; 8 in October are shown.
	if oct.VisitsWalkIn.Hidden || !nov.OnlineAppointmentShare.Shown() {
		t.Errorf("visits: %+v %+v", oct.VisitsWalkIn, nov.OnlineAppointmentShare)
	}
	if !slices.Contains(oct.Suppressed, "cases_paper") || !slices.Contains(nov.Suppressed, "wait_median_minutes") {
		t.Errorf("suppressed lists: %v / %v", oct.Suppressed, nov.Suppressed)
	}

	// The funnel: 2 left on page 1 and 1 on "check your answers" are
	// hidden, and every "passed" from page 1 on; completion stays.
	fn := f.Funnel
	if !fn.Steps[0].Dropped.Hidden || !fn.CheckDropped.Hidden || fn.Steps[1].Dropped.Hidden ||
		!fn.Steps[0].Passed.Hidden || !fn.Steps[1].Passed.Hidden || !fn.Completion.Shown() || fn.Started.Hidden {
		t.Errorf("funnel: %+v", fn)
	}
}

// TestSuppressedOutput: hidden figures are null in JSON and empty in CSV.
func TestSuppressedOutput(t *testing.T) {
	months, fu := sample()
	f := Compute(Range{"2026-10", "2026-11"}, months, fu)
	var staff bytes.Buffer
	if err := WriteCSV(&staff, f); err != nil {
		t.Fatal(err)
	}
	f.Suppress(5)
	var pub bytes.Buffer
	if err := WriteCSV(&pub, f); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(pub.String(), "\n")
	if lines[0] != strings.Join(CSVColumns, ",") || len(lines) != 4 {
		t.Fatalf("CSV:\n%s", pub.String())
	}
	// month, cases, online, assisted, paper, in person, phone, email, take-up, assisted share
	// ... visits booked and walk-in, online share, waits (n, median, p90),
	// lead time, processing time, deadlines, ratings, mean, share.
	if !strings.HasPrefix(lines[1], "2026-10,15,7,0,,,0,0,0.4667,0.0000,12,8,0.6000,,11.6,42.6,12,3.0,3.3,,,,6,6,1.0000,,,,,,,,,") {
		t.Errorf("October:\n%s", lines[1])
	}
	if !strings.HasPrefix(strings.Split(staff.String(), "\n")[1], "2026-10,15,7,0,2,6,0,0,0.4667,") {
		t.Errorf("staff October:\n%s", staff.String())
	}
	if !strings.HasSuffix(lines[1], ",,,,,,,,,,,,,0,,,cases_paper;share_paper;cases_in_person;share_in_person;ratings;mean_rating;satisfied_share;"+
		"ratings_1;ratings_2;ratings_3;ratings_4;ratings_5;processing_median_days;processing_p90_days;report_answer_median_hours;"+
		"report_answer_p90_hours;reports;wait_n;processing_n;report_answer_n") {
		t.Errorf("October's suppressed column:\n%s", lines[1])
	}
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	oct := doc["months"].([]any)[0].(map[string]any)
	paper := oct["channels"].([]any)[2].(map[string]any)
	if paper["channel"] != "paper" || paper["cases"] != nil || paper["share"] != nil || oct["digital_take_up"] != 0.4667 {
		t.Errorf("JSON October: %v", oct)
	}
	if doc["min_count"] != 5.0 || doc["public"] != true {
		t.Errorf("JSON: min_count %v, public %v", doc["min_count"], doc["public"])
	}
}

// memStore serves fixed months, to check what Service asks for.
type memStore struct {
	months []Month
	funnel *Funnel
	asked  []Range
}

func (m *memStore) DashboardMonths(_ context.Context, _ Scope, r Range) ([]Month, error) {
	m.asked = append(m.asked, r)
	return m.months, nil
}
func (m *memStore) DashboardFunnel(context.Context, Scope, Range) (*Funnel, error) {
	return m.funnel, nil
}
func (m *memStore) RefreshDashboard(context.Context) (int, error) { return 0, nil }

func TestServiceThreshold(t *testing.T) {
	months, fu := sample()
	st := &memStore{months: months, funnel: fu}
	s := &Service{Store: st, Now: func() time.Time { return time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC) }, MinCount: 3}
	f, err := s.Figures(context.Background(), Query{Range: Range{"2026-10", "2026-11"}, Public: true})
	if err != nil {
		t.Fatal(err)
	}
	// With a threshold of 3, three ratings are shown, two paper cases not.
	if f.MinCount != 3 || f.Months[0].Ratings.Hidden || !f.Months[0].Channels[2].Cases.Hidden {
		t.Errorf("threshold 3: %+v", f.Months[0])
	}
	f, _ = s.Figures(context.Background(), Query{Range: s.DefaultRange()})
	if f.Public || f.Months[0].Channels[2].Cases.Hidden || st.asked[1] != (Range{"2025-12", "2026-11"}) {
		t.Errorf("staff: %+v, asked %v", f.Months[0].Channels[2], st.asked)
	}
}

// TestReportFigures: the defect reports' counts and times add up over the
// months like the cases', and the public sees no small count, no time
// from fewer than five reports, and no count that the total and the other
// months would give away.
func TestReportFigures(t *testing.T) {
	months, fu := sample()
	f := Compute(Range{"2026-10", "2026-11"}, months, fu)
	oct, nov, all := f.Months[0], f.Months[1], f.Total
	if oct.Reports.N != 3 || nov.Reports.N != 9 || all.Reports.N != 12 {
		t.Errorf("reports %d, %d, %d", oct.Reports.N, nov.Reports.N, all.Reports.N)
	}
	// Percentiles are read from histogram buckets a quarter wide.
	within := func(v, want float64) bool { return v > want*0.8 && v < want*1.25 }
	if all.ReportAnswer.N.N != 11 || !within(nov.ReportFix.Median.V, 2*86400) || !within(nov.ReportFix.P90.V, 2*86400) {
		t.Errorf("answer %+v, fix %+v", all.ReportAnswer, nov.ReportFix)
	}
	if m := all.ReportAnswer.Median.V / 3600; !within(m, 4) {
		t.Errorf("median time to answer %.1f h, want about 4", m)
	}
	if p := all.ReportAnswer.P90.V / 3600; !within(p, 20) {
		t.Errorf("90th percentile of time to answer %.1f h, want about 20", p)
	}
	f.Suppress(5)
	oct, nov, all = f.Months[0], f.Months[1], f.Total
	if !oct.Reports.Hidden || !nov.Reports.Hidden || all.Reports.Hidden {
		t.Errorf("October's 3 reports hidden %v, November's %v (else 12 − 9 = 3), total %v", oct.Reports.Hidden, nov.Reports.Hidden, all.Reports.Hidden)
	}
	if oct.ReportAnswer.Median.Shown() || !nov.ReportAnswer.Median.Shown() || !all.ReportFix.P90.Shown() {
		t.Errorf("times: October %+v, November %+v, total fix %+v", oct.ReportAnswer, nov.ReportAnswer, all.ReportFix)
	}
}
