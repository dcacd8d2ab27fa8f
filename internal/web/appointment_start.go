package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"rathaus/internal/fault"
)

// startPage lets the citizen choose services and the number of persons.
type startPage struct {
	Page
	Groups  []serviceGroup
	Persons []int // the choices, 1 to the most any office takes
	Chosen  int   // persons chosen
}

// serviceGroup is the bookable services of the same offices.
type serviceGroup struct {
	ID       string
	Offices  string // "Bürgerservice Mitte, Bürgerservice Lobeda"
	Services []serviceChoice
}

type serviceChoice struct {
	ID      int64
	Name    string
	Summary string
	Checked bool
}

// handleAppointmentStart shows every service some office takes bookings
// for, grouped by the offices that offer them.
func (s *Server) handleAppointmentStart(w http.ResponseWriter, r *http.Request) error {
	return s.renderStart(w, r, nil)
}

// renderStart shows the start page, with the problems of err when the
// choice could not be searched.
func (s *Server) renderStart(w http.ResponseWriter, r *http.Request, err error) error {
	p, perr := s.startPage(r)
	if perr != nil {
		return perr
	}
	status := http.StatusOK
	if err != nil {
		p.Form = s.formFor(r, r.URL.Query(), err)
		status = statusOf(err)
	}
	return s.renderStatus(w, r, status, "appointment_start", p)
}

func (s *Server) startPage(r *http.Request) (startPage, error) {
	ctx := r.Context()
	p := startPage{Page: s.page(r, "appointment.start.title"), Chosen: 1}
	if n, err := strconv.Atoi(r.URL.Query().Get("persons")); err == nil && n > 0 {
		p.Chosen = n
	}
	chosen := r.URL.Query()["service"]
	setups, err := s.opts.Appointments.Setups(ctx)
	if err != nil {
		return p, err
	}
	offices := map[int64][]string{} // service -> names of the offices offering it
	maxPersons := 1
	for _, st := range setups {
		if !st.Enabled {
			continue
		}
		o, err := s.opts.Services.Office(ctx, st.OfficeID)
		if fault.Is(err, fault.NotFound) {
			continue
		} else if err != nil {
			return p, err
		}
		maxPersons = max(maxPersons, st.MaxPersons)
		for _, ss := range st.Services {
			offices[ss.ServiceID] = append(offices[ss.ServiceID], o.Name)
		}
	}
	for n := 1; n <= maxPersons; n++ {
		p.Persons = append(p.Persons, n)
	}
	byOffices := map[string]*serviceGroup{}
	for id, names := range offices {
		sv, err := s.opts.Services.PublicService(ctx, id)
		if fault.Is(err, fault.NotFound) {
			continue
		} else if err != nil {
			return p, err
		}
		slices.Sort(names)
		key := strings.Join(names, ", ")
		g := byOffices[key]
		if g == nil {
			g = &serviceGroup{Offices: key}
			byOffices[key] = g
		}
		g.Services = append(g.Services, serviceChoice{ID: id, Name: sv.Name, Summary: sv.Summary,
			Checked: slices.Contains(chosen, strconv.FormatInt(id, 10))})
	}
	for _, g := range byOffices {
		slices.SortFunc(g.Services, func(a, b serviceChoice) int { return strings.Compare(a.Name, b.Name) })
		p.Groups = append(p.Groups, *g)
	}
	slices.SortFunc(p.Groups, func(a, b serviceGroup) int { return strings.Compare(a.Offices, b.Offices) })
	for i := range p.Groups {
		p.Groups[i].ID = "gruppe-" + strconv.Itoa(i+1)
	}
	return p, nil
}
