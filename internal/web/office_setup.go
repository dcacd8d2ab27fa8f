package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/catalog"
	"rathaus/internal/fault"
)

// deskSetupPage edits how an office takes appointments. Every input
// reads its value from Page.Form, filled from the stored setup on GET and
// with the submitted values when they come back with errors.
type deskSetupPage struct {
	Page
	Office   deskOffice
	Services []setupServiceRow
	Windows  []setupWindowRow
	Rows     int // window rows on the form, posted back
}

// setupServiceRow is one service the office offers in the catalogue.
type setupServiceRow struct {
	ID                       int64
	Name                     string
	Key                      string // "svc12": the prefix of its inputs
	Checked                  bool
	Minutes, Extra, Error    string
	MinutesLabel, ExtraLabel string
}

// setupWindowRow is one capacity window, possibly empty.
type setupWindowRow struct {
	Key                string // "win0"
	Legend             string
	Days               []setupDay
	From, To, Counters string
	Error              string
}

type setupDay struct {
	ID, Value, Label string
	Checked          bool
}

// emptyWindows is how many blank window rows the form offers for new ones.
const emptyWindows = 3

// maxWindowRows bounds the rows read from a posted form.
const maxWindowRows = 40

// handleDeskSetupForm shows an office's setup, or defaults for a new one.
func (s *Server) handleDeskSetupForm(w http.ResponseWriter, r *http.Request) error {
	o, err := s.deskSetupOffice(r)
	if err != nil {
		return err
	}
	st, err := s.opts.Appointments.Setup(r.Context(), o.ID)
	if fault.Is(err, fault.NotFound) {
		st = defaultSetup(o.ID)
	} else if err != nil {
		return err
	}
	services, err := s.setupServices(r.Context(), o.ID, st)
	if err != nil {
		return err
	}
	rows := len(st.Windows) + emptyWindows
	p := s.setupPage(r, o, setupValues(st, services), services, rows)
	return s.render(w, r, "office_setup", p)
}

// handleDeskSetup saves the setup; on errors nothing is saved and the
// form comes back with the submitted values.
func (s *Server) handleDeskSetup(w http.ResponseWriter, r *http.Request) error {
	o, err := s.deskSetupOffice(r)
	if err != nil {
		return err
	}
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	old, err := s.opts.Appointments.Setup(ctx, o.ID)
	if fault.Is(err, fault.NotFound) {
		old = defaultSetup(o.ID)
	} else if err != nil {
		return err
	}
	services, err := s.setupServices(ctx, o.ID, old)
	if err != nil {
		return err
	}
	rows := min(max(atoiOr(values.Get("win_rows"), emptyWindows), emptyWindows), maxWindowRows)
	f := parseSetup(values, o.ID, services, rows)
	err = f.err
	if err == nil {
		err = f.remap(s.opts.Appointments.SaveSetup(ctx, actorOf(r), f.setup))
	}
	if fault.Is(err, fault.Invalid) {
		p := s.setupPage(r, o, values, services, rows)
		p.Form = s.formFor(r, values, err)
		p.fillErrors()
		return s.renderStatus(w, r, http.StatusBadRequest, "office_setup", p)
	} else if err != nil {
		return err
	}
	return s.redirectFlash(w, r, o.SetupURL, "office.flash.setup_saved")
}

// deskSetupOffice loads the office for someone who may configure it.
func (s *Server) deskSetupOffice(r *http.Request) (deskOffice, error) {
	o, err := s.deskOfficeOf(r)
	if err != nil {
		return o, err
	}
	if !o.MayConfigure {
		return o, fault.New(fault.Forbidden, "error.forbidden")
	}
	return o, nil
}

// defaultSetup is what a new office starts with: switched off, one
// counter, slots every 10 minutes from tomorrow to eight weeks ahead.
func defaultSetup(officeID int64) *appointment.Setup {
	return &appointment.Setup{OfficeID: officeID, Counters: 1, SlotMinutes: 10, MinDays: 1, MaxDays: 56,
		MaxPersons: 4, MaxActivePerEmail: 2}
}

// setupServices are the services the office offers in the catalogue,
// then any the setup still names that the catalogue no longer lists there.
func (s *Server) setupServices(ctx context.Context, officeID int64, st *appointment.Setup) ([]*catalog.Service, error) {
	out, err := s.opts.Services.OfficeServices(ctx, officeID)
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	for _, sv := range out {
		seen[sv.ID] = true
	}
	for _, ss := range st.Services {
		if seen[ss.ServiceID] {
			continue
		}
		if sv, err := s.opts.Services.PublicService(ctx, ss.ServiceID); err == nil {
			out = append(out, sv)
		}
	}
	return out, nil
}

// setupPage builds the form's rows from values.
func (s *Server) setupPage(r *http.Request, o deskOffice, values url.Values, services []*catalog.Service, rows int) deskSetupPage {
	p := deskSetupPage{Page: s.page(r, "office.setup.title"), Office: o, Rows: rows}
	p.Form = s.newForm(r, values)
	checked := map[string]bool{}
	for _, v := range values["svc"] {
		checked[v] = true
	}
	for _, sv := range services {
		id := strconv.FormatInt(sv.ID, 10)
		key := "svc" + id
		p.Services = append(p.Services, setupServiceRow{ID: sv.ID, Name: sv.Name, Key: key, Checked: checked[id],
			Minutes: values.Get(key + "_minutes"), Extra: values.Get(key + "_extra"),
			MinutesLabel: s.t(r, "office.setup.minutes_for", sv.Name), ExtraLabel: s.t(r, "office.setup.extra_for", sv.Name)})
	}
	f := s.catalogFmt(p.Lang)
	for i := range rows {
		key := "win" + strconv.Itoa(i)
		row := setupWindowRow{Key: key, Legend: s.t(r, "office.setup.window", i+1),
			From: values.Get(key + "_from"), To: values.Get(key + "_to"), Counters: values.Get(key + "_counters")}
		days := map[string]bool{}
		for _, v := range values[key+"_day"] {
			days[v] = true
		}
		for _, wd := range weekOrder {
			v := strconv.Itoa(int(wd))
			row.Days = append(row.Days, setupDay{ID: key + "-day-" + v, Value: v, Label: f.weekday(wd), Checked: days[v]})
		}
		p.Windows = append(p.Windows, row)
	}
	return p
}

// weekOrder is Monday first, as German calendars have it.
var weekOrder = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// fillErrors puts the form's row errors next to their rows.
func (p *deskSetupPage) fillErrors() {
	for i := range p.Services {
		p.Services[i].Error = p.Form.Error(p.Services[i].Key)
	}
	for i := range p.Windows {
		p.Windows[i].Error = p.Form.Error(p.Windows[i].Key)
	}
}

func atoiOr(v string, def int) int {
	n, err := strconv.Atoi(v)
	if err != nil {
		return def
	}
	return n
}
