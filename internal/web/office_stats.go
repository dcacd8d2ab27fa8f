package web

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/hours"
)

// deskStatsPage shows an office's figures over some days.
type deskStatsPage struct {
	Page
	Office deskOffice
	Span   string    // "1. November 2026 – 30. November 2026"
	Rows   []statRow // empty when the form came back with errors
}

// statRow is one figure: its name, the value, and what it means.
type statRow struct {
	Label, Value, Hint string
}

// statsDays is the default span: the last 30 days, today included.
const statsDays = 30

// handleDeskStats shows the statistics for ?von=&bis= (dates).
func (s *Server) handleDeskStats(w http.ResponseWriter, r *http.Request) error {
	o, err := s.deskOfficeOf(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	today := hours.DateOf(s.now().In(s.opts.Location))
	values := url.Values{"von": {orDefault(q.Get("von"), today.AddDays(-(statsDays - 1)).String())},
		"bis": {orDefault(q.Get("bis"), today.String())}}
	p := deskStatsPage{Page: s.page(r, "office.stats.title"), Office: o}
	p.Form = s.newForm(r, values)
	from, to, err := statsRange(values.Get("von"), values.Get("bis"))
	if err == nil {
		err = s.statRows(r, &p, from, to)
	}
	if fault.Is(err, fault.Invalid) {
		p.Form = s.formFor(r, values, err)
		return s.renderStatus(w, r, http.StatusBadRequest, "office_stats", p)
	} else if err != nil {
		return err
	}
	p.Span = p.Date(from.Time(s.opts.Location)) + " – " + p.Date(to.Time(s.opts.Location))
	return s.render(w, r, "office_stats", p)
}

func orDefault(v, def string) string {
	if v = strings.TrimSpace(v); v == "" {
		return def
	}
	return v
}

// statsRange parses the two dates.
func statsRange(von, bis string) (from, to hours.Date, err error) {
	var v fault.Validator
	from, ferr := hours.ParseDate(von)
	v.Check(ferr == nil, "von", "error.office.date")
	to, terr := hours.ParseDate(bis)
	v.Check(terr == nil, "bis", "error.office.date")
	return from, to, v.Err()
}

// statRows computes the figures and formats them for the page.
func (s *Server) statRows(r *http.Request, p *deskStatsPage, from, to hours.Date) error {
	st, err := s.opts.Appointments.StatsFor(r.Context(), actorOf(r), p.Office.ID, from, to)
	if err != nil {
		if fe := fault.As(err); fe.Kind == fault.Invalid {
			for i := range fe.Fields {
				if fe.Fields[i].Field == "to" {
					fe.Fields[i].Field = "bis"
				}
			}
		}
		return err
	}
	n := func(v int) string { return strconv.Itoa(v) }
	row := func(key, value string) statRow {
		return statRow{s.t(r, "office.stats."+key), value, s.t(r, "office.stats."+key+"_hint")}
	}
	p.Rows = []statRow{
		row("booked", n(st.Booked)),
		row("served", n(st.Served)),
		row("no_shows", n(st.NoShows)),
		row("no_show_rate", percent(p.Lang, st.NoShowRate)),
		row("cancelled", n(st.Cancelled)),
		row("walk_ins", n(st.WalkIns)),
		row("wait_median", s.minutes(r, st.WaitMedian)),
		row("wait_p90", s.minutes(r, st.WaitP90)),
		row("service_mean", s.minutes(r, st.ServiceMean)),
		row("utilisation", percent(p.Lang, st.Utilisation)),
	}
	return nil
}

// percent formats a share: "12,5 %" or "12.5%".
func percent(lang string, share float64) string {
	v := strconv.FormatFloat(math.Round(share*1000)/10, 'f', 1, 64)
	if lang == "en" {
		return v + "%"
	}
	return strings.Replace(v, ".", ",", 1) + "\u00a0%"
}

// minutes formats a duration in whole minutes, rounded.
func (s *Server) minutes(r *http.Request, d time.Duration) string {
	return s.t(r, "office.stats.minutes", fmt.Sprint(int(d.Round(time.Minute)/time.Minute)))
}
