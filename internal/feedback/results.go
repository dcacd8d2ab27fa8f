package feedback

import (
	"context"
	"encoding/csv"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Result is the feedback of one service in a period.
type Result struct {
	ServiceID int64
	Yes, No   int
	Ratings   [MaxRating + 1]int // count per rating; index 0 unused
}

// Helpful is the number of page answers.
func (r *Result) Helpful() int { return r.Yes + r.No }

// YesPercent is the share of "yes" among page answers, rounded; 0 when none.
func (r *Result) YesPercent() int { return percent(r.Yes, r.Helpful()) }

// NoPercent is the share of "no" among page answers, rounded; 0 when none.
func (r *Result) NoPercent() int { return percent(r.No, r.Helpful()) }

// Answers is the number of satisfaction answers.
func (r *Result) Answers() int {
	n := 0
	for _, c := range r.Ratings {
		n += c
	}
	return n
}

// Mean is the mean rating; 0 when there is none.
func (r *Result) Mean() float64 {
	n, sum := r.Answers(), 0
	if n == 0 {
		return 0
	}
	for v, c := range r.Ratings {
		sum += v * c
	}
	return float64(sum) / float64(n)
}

// Share is the rounded percentage of answers with rating v.
func (r *Result) Share(v int) int {
	if v < MinRating || v > MaxRating {
		return 0
	}
	return percent(r.Ratings[v], r.Answers())
}

func percent(n, of int) int {
	if of == 0 {
		return 0
	}
	return int(math.Round(100 * float64(n) / float64(of)))
}

// Collect joins the counts into one result per service, by service ID.
func Collect(helpful []HelpfulCount, ratings []RatingCount) []*Result {
	by := map[int64]*Result{}
	get := func(id int64) *Result {
		if by[id] == nil {
			by[id] = &Result{ServiceID: id}
		}
		return by[id]
	}
	for _, h := range helpful {
		r := get(h.ServiceID)
		r.Yes, r.No = r.Yes+h.Yes, r.No+h.No
	}
	for _, c := range ratings {
		if c.Rating >= MinRating && c.Rating <= MaxRating {
			get(c.ServiceID).Ratings[c.Rating] += c.Count
		}
	}
	out := make([]*Result, 0, len(by))
	for _, r := range by {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b *Result) int { return int(a.ServiceID - b.ServiceID) })
	return out
}

// Results returns the feedback per service for f.
func (s *Service) Results(ctx context.Context, f Filter) ([]*Result, error) {
	h, err := s.Store.HelpfulCounts(ctx, f)
	if err != nil {
		return nil, err
	}
	rc, err := s.Store.RatingCounts(ctx, f)
	if err != nil {
		return nil, err
	}
	return Collect(h, rc), nil
}

// Comments lists the comments for f, newest first.
func (s *Service) Comments(ctx context.Context, f Filter) ([]Comment, error) {
	return s.Store.Comments(ctx, f)
}

// CSVRow is one line of the export: a service's figures.
type CSVRow struct {
	Service string // the service's name
	*Result
}

// WriteCSV writes the results as CSV with a header row. Cells that a
// spreadsheet would take for a formula are prefixed with an apostrophe.
func WriteCSV(w io.Writer, header []string, rows []CSVRow) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(safeCells(header)); err != nil {
		return err
	}
	for _, r := range rows {
		line := []string{strconv.FormatInt(r.ServiceID, 10), r.Service,
			strconv.Itoa(r.Yes), strconv.Itoa(r.No), strconv.Itoa(r.YesPercent()),
			strconv.Itoa(r.Answers()), mean(r.Result)}
		for v := MinRating; v <= MaxRating; v++ {
			line = append(line, strconv.Itoa(r.Ratings[v]))
		}
		if err := cw.Write(safeCells(line)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// CSVColumns is the number of columns WriteCSV writes, for callers that
// translate the header.
const CSVColumns = 12

func mean(r *Result) string {
	if r.Answers() == 0 {
		return ""
	}
	return strconv.FormatFloat(r.Mean(), 'f', 2, 64)
}

// SafeCell defuses a cell a spreadsheet would evaluate: one starting with
// =, +, -, @, a tab or a carriage return gets a leading apostrophe.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func safeCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = SafeCell(c)
	}
	return out
}

// Since is the start of a period of days before now in loc, at midnight;
// zero for days <= 0 (all time).
func Since(now time.Time, loc *time.Location, days int) time.Time {
	if days <= 0 {
		return time.Time{}
	}
	l := now.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day()-days+1, 0, 0, 0, 0, loc).UTC()
}
