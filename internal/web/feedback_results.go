package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	fb "rathaus/internal/feedback"
)

// The results of feedback for service owners: per service the page
// answers, the satisfaction ratings as bars and a table, and the
// comments, newest first, for a period; the same figures as CSV. Who
// may edit a service in the catalogue (service owner on its unit or
// above, platform admins everywhere) sees its feedback.

// feedbackPeriods are the periods to choose from, in days (0: all).
var feedbackPeriods = []int{30, 90, 365, 0}

// feedbackQuery is the filter of the results page.
type feedbackQuery struct {
	Service int64 // 0: all the user's services
	Days    int
}

func (q feedbackQuery) values() url.Values {
	v := url.Values{"zeitraum": {strconv.Itoa(q.Days)}}
	if q.Service > 0 {
		v.Set("leistung", strconv.FormatInt(q.Service, 10))
	}
	return v
}

func parseFeedbackQuery(r *http.Request) feedbackQuery {
	q := feedbackQuery{Days: 90}
	if d, err := strconv.Atoi(r.URL.Query().Get("zeitraum")); err == nil && slices.Contains(feedbackPeriods, d) {
		q.Days = d
	}
	q.Service, _ = strconv.ParseInt(r.URL.Query().Get("leistung"), 10, 64)
	return q
}

// feedbackData is what a user may see for a query: the services, their
// figures and comments.
type feedbackData struct {
	Query    feedbackQuery
	Services []*catalog.Service // all the user may see, by name
	Names    map[int64]string
	Results  []*fb.Result
	Comments []fb.Comment
}

// feedbackFor loads the feedback of the services the user may edit;
// Forbidden when there are none.
func (s *Server) feedbackFor(r *http.Request, withComments bool) (*feedbackData, error) {
	if s.opts.Services == nil {
		return nil, errNotFound
	}
	a := actorOf(r)
	ok, err := s.opts.Services.IsEditor(r.Context(), a)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fault.New(fault.Forbidden, "error.feedback.forbidden")
	}
	svcs, err := s.opts.Services.EditableServices(r.Context(), a)
	if err != nil {
		return nil, err
	}
	d := &feedbackData{Query: parseFeedbackQuery(r), Services: svcs, Names: map[int64]string{}}
	f := fb.Filter{From: fb.Since(s.now(), s.opts.Location, d.Query.Days)}
	for _, sv := range svcs {
		d.Names[sv.ID] = sv.Name
		if d.Query.Service == 0 || d.Query.Service == sv.ID {
			f.ServiceIDs = append(f.ServiceIDs, sv.ID)
		}
	}
	if len(f.ServiceIDs) == 0 {
		return d, nil // no services, or one the user may not see: nothing
	}
	if d.Results, err = s.opts.Feedback.Results(r.Context(), f); err != nil {
		return nil, err
	}
	slices.SortStableFunc(d.Results, func(x, y *fb.Result) int { return strings.Compare(d.Names[x.ServiceID], d.Names[y.ServiceID]) })
	if withComments {
		d.Comments, err = s.opts.Feedback.Comments(r.Context(), f)
	}
	return d, err
}

// feedbackResultsPage shows the figures and comments.
type feedbackResultsPage struct {
	Page
	Query    feedbackQuery
	Services []feedbackOption
	Periods  []feedbackOption
	Results  []feedbackResultView
	Comments []feedbackCommentView
	CSVURL   string
}

// ChartHeight is the height of a service's chart.
func (feedbackResultsPage) ChartHeight() int { return feedbackChartHeight }

// feedbackOption is an option of a select.
type feedbackOption struct {
	Value, Label string
	Selected     bool
}

// feedbackResultView is one service's figures, ready to show.
type feedbackResultView struct {
	*fb.Result
	Name, ID string
	Mean     string
	Bars     []feedbackBar
}

// feedbackBar is one rating's bar: its label, count and share, and
// where it is drawn in the chart (640 wide, 40 per bar).
type feedbackBar struct {
	Label      string
	N, Percent int
	TextY, Y   int
	Width      int // of 640
}

// feedbackChartHeight is the height of the chart of five bars.
const feedbackChartHeight = 40 * fb.MaxRating

// feedbackCommentView is one comment with its service and answer.
type feedbackCommentView struct {
	Service, Answer, Date, Text string
}

func (s *Server) handleFeedbackResults(w http.ResponseWriter, r *http.Request) error {
	d, err := s.feedbackFor(r, true)
	if err != nil {
		return err
	}
	p := feedbackResultsPage{Page: s.page(r, "feedback.results.title"), Query: d.Query,
		CSVURL: "/amt/zufriedenheit.csv?" + d.Query.values().Encode()}
	p.Services = append(p.Services, feedbackOption{"0", s.t(r, "feedback.results.all_services"), d.Query.Service == 0})
	for _, sv := range d.Services {
		p.Services = append(p.Services, feedbackOption{strconv.FormatInt(sv.ID, 10), sv.Name, d.Query.Service == sv.ID})
	}
	for _, days := range feedbackPeriods {
		label := s.t(r, "feedback.results.period_days", days)
		if days == 0 {
			label = s.t(r, "feedback.results.period_all")
		}
		p.Periods = append(p.Periods, feedbackOption{strconv.Itoa(days), label, d.Query.Days == days})
	}
	for _, res := range d.Results {
		p.Results = append(p.Results, s.feedbackResultView(r, res, d.Names[res.ServiceID]))
	}
	for _, c := range d.Comments {
		p.Comments = append(p.Comments, feedbackCommentView{Service: d.Names[c.ServiceID], Answer: s.commentAnswer(r, c),
			Date: p.Date(c.At.In(s.opts.Location)), Text: c.Text})
	}
	return s.render(w, r, "feedback_results", p)
}

func (s *Server) feedbackResultView(r *http.Request, res *fb.Result, name string) feedbackResultView {
	v := feedbackResultView{Result: res, Name: name, ID: "svc-" + strconv.FormatInt(res.ServiceID, 10)}
	if res.Answers() > 0 {
		v.Mean = feedbackDecimal(langOf(r), res.Mean())
	}
	most := 0
	for _, n := range res.Ratings {
		most = max(most, n)
	}
	for rating := fb.MaxRating; rating >= fb.MinRating; rating-- {
		i := len(v.Bars)
		b := feedbackBar{Label: s.t(r, "feedback.rating."+strconv.Itoa(rating)), N: res.Ratings[rating], Percent: res.Share(rating),
			TextY: 40*i + 15, Y: 40*i + 20}
		if most > 0 {
			b.Width = 640 * b.N / most
		}
		v.Bars = append(v.Bars, b)
	}
	return v
}

// commentAnswer is the answer a comment came with, translated.
func (s *Server) commentAnswer(r *http.Request, c fb.Comment) string {
	if c.Kind == fb.KindPage {
		if c.Helpful != nil && *c.Helpful {
			return s.t(r, "feedback.results.page_yes")
		}
		return s.t(r, "feedback.results.page_no")
	}
	return s.t(r, "feedback.results.kind."+c.Kind) + ": " + s.t(r, "feedback.rating."+strconv.Itoa(c.Rating))
}

// decimal formats x with two decimals in lang (a comma in German).
func feedbackDecimal(lang string, x float64) string {
	out := strconv.FormatFloat(x, 'f', 2, 64)
	if lang == "de" {
		out = strings.Replace(out, ".", ",", 1)
	}
	return out
}

// handleFeedbackCSV exports the figures of the results page as CSV.
func (s *Server) handleFeedbackCSV(w http.ResponseWriter, r *http.Request) error {
	d, err := s.feedbackFor(r, false)
	if err != nil {
		return err
	}
	header := []string{s.t(r, "feedback.csv.id"), s.t(r, "feedback.csv.service"), s.t(r, "feedback.csv.yes"),
		s.t(r, "feedback.csv.no"), s.t(r, "feedback.csv.yes_percent"), s.t(r, "feedback.csv.answers"), s.t(r, "feedback.csv.mean")}
	for v := fb.MinRating; v <= fb.MaxRating; v++ {
		header = append(header, s.t(r, "feedback.csv.rating", v))
	}
	rows := make([]fb.CSVRow, 0, len(d.Results))
	for _, res := range d.Results {
		rows = append(rows, fb.CSVRow{Service: d.Names[res.ServiceID], Result: res})
	}
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="zufriedenheit-%s.csv"`, s.now().In(s.opts.Location).Format(time.DateOnly)))
	return fb.WriteCSV(w, header, rows)
}
