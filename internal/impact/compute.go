package impact

import "slices"

// Units of the terms of a Step, translated by the page as
// impact.unit.<unit>.
const (
	UnitCases        = "cases"
	UnitAppointments = "appointments"
	UnitVisits       = "visits"
	UnitPerCase      = "per_case"
	UnitFactor       = "factor"
	UnitTrips        = "trips"
	UnitKm           = "km"
	UnitShare        = "share"
	UnitKmh          = "kmh"
	UnitHours        = "hours"
	UnitMinutes      = "minutes"
	UnitGramsPerKm   = "g_pkm"
	UnitGramsPerKg   = "g_kg"
	UnitKg           = "kg"
	UnitSheets       = "sheets"
	UnitGramsSheet   = "g_sheet"
	UnitMinutesHour  = "min_h"
)

// Term is one operand of a Step; Op joins it to the terms before it ("",
// "×", "÷" or "+").
type Term struct {
	Op    string  `json:"op,omitempty"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
}

// Step is one line of the arithmetic: Terms, evaluated left to right,
// give Value in Unit. Key names the step (impact.step.<key>), Mode the
// mode it is about, if any.
type Step struct {
	Key   string  `json:"key"`
	Mode  string  `json:"mode,omitempty"`
	Terms []Term  `json:"terms"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
}

// ModeResult is the share of the effect on one mode of transport.
type ModeResult struct {
	Mode   string  `json:"mode"`
	Share  float64 `json:"share"`
	Km     float64 `json:"km"`
	Hours  float64 `json:"hours"`
	KgCO2e float64 `json:"kg_co2e"`
}

// ServiceResult is the effect of one service's online applications, with
// the assumptions that applied to it.
type ServiceResult struct {
	ServiceID     int64   `json:"service_id"`
	Cases         int64   `json:"cases"`
	VisitsPerCase float64 `json:"visits_per_case"`
	Visits        float64 `json:"visits"`
	DistanceKm    float64 `json:"distance_km"`
	Km            float64 `json:"km"`
	WaitMinutes   float64 `json:"wait_minutes"`
	WaitHours     float64 `json:"wait_hours"`
	Sheets        float64 `json:"sheets"`
	Overridden    bool    `json:"overridden"`
}

// Result is the effect, with every intermediate step.
type Result struct {
	Cases             int64           `json:"cases"`
	Appointments      int64           `json:"appointments"`
	CaseVisits        float64         `json:"case_visits"`
	AppointmentVisits float64         `json:"appointment_visits"`
	Visits            float64         `json:"visits_avoided"`
	Trips             float64         `json:"trips_avoided"` // one-way trips: there and back per visit
	Km                float64         `json:"km_avoided"`
	TravelHours       float64         `json:"travel_hours_saved"`
	WaitHours         float64         `json:"waiting_hours_saved"`
	TransportKgCO2e   float64         `json:"transport_kg_co2e_avoided"`
	Sheets            float64         `json:"paper_sheets_saved"`
	PaperKgCO2e       float64         `json:"paper_kg_co2e_avoided"`
	KgCO2e            float64         `json:"kg_co2e_avoided"` // transport and paper
	Modes             []ModeResult    `json:"modes"`
	Services          []ServiceResult `json:"services"`
	Steps             []Step          `json:"steps"`
}

// Compute estimates the effect of counts under assumptions a (which
// should have passed Validate). Each visit avoided is a round trip of
// twice the distance, split over the modes by their shares.
func Compute(a *Assumptions, c Counts) *Result {
	r := &Result{Appointments: c.Appointments}
	caseKm, caseWait := r.services(a, c)
	r.AppointmentVisits = float64(c.Appointments) * a.VisitsPerAppointment
	apptKm := r.AppointmentVisits * 2 * a.DistanceKm
	apptWait := float64(c.Appointments) * a.WaitMinutes / 60
	r.Visits = r.CaseVisits + r.AppointmentVisits
	r.Trips = r.Visits * 2
	r.Km = caseKm + apptKm
	r.WaitHours = caseWait + apptWait
	r.step("case_visits", "", r.CaseVisits, UnitVisits, Term{"", float64(r.Cases), UnitCases})
	r.step("appointment_visits", "", r.AppointmentVisits, UnitVisits,
		Term{"", float64(c.Appointments), UnitAppointments}, Term{"×", a.VisitsPerAppointment, UnitPerCase})
	r.step("visits", "", r.Visits, UnitVisits, Term{"", r.CaseVisits, UnitVisits}, Term{"+", r.AppointmentVisits, UnitVisits})
	r.step("trips", "", r.Trips, UnitTrips, Term{"", r.Visits, UnitVisits}, Term{"×", 2, UnitFactor})
	r.step("case_km", "", caseKm, UnitKm, Term{"", r.CaseVisits, UnitVisits})
	r.step("appointment_km", "", apptKm, UnitKm, Term{"", r.AppointmentVisits, UnitVisits},
		Term{"×", 2, UnitFactor}, Term{"×", a.DistanceKm, UnitKm})
	r.step("km", "", r.Km, UnitKm, Term{"", caseKm, UnitKm}, Term{"+", apptKm, UnitKm})
	r.modes(a)
	r.step("case_wait", "", caseWait, UnitHours, Term{"", r.CaseVisits, UnitVisits})
	r.step("appointment_wait", "", apptWait, UnitHours, Term{"", float64(c.Appointments), UnitAppointments},
		Term{"×", a.WaitMinutes, UnitMinutes}, Term{"÷", 60, UnitMinutesHour})
	r.step("wait", "", r.WaitHours, UnitHours, Term{"", caseWait, UnitHours}, Term{"+", apptWait, UnitHours})
	r.PaperKgCO2e = r.Sheets * a.GramsPerSheet / 1000
	r.step("sheets", "", r.Sheets, UnitSheets, Term{"", float64(r.Cases), UnitCases})
	r.step("paper_kg", "", r.PaperKgCO2e, UnitKg, Term{"", r.Sheets, UnitSheets},
		Term{"×", a.GramsPerSheet, UnitGramsSheet}, Term{"÷", 1000, UnitGramsPerKg})
	r.KgCO2e = r.TransportKgCO2e + r.PaperKgCO2e
	r.step("kg", "", r.KgCO2e, UnitKg, Term{"", r.TransportKgCO2e, UnitKg}, Term{"+", r.PaperKgCO2e, UnitKg})
	return r
}

// services computes each service's share under its own assumptions and
// returns the kilometres and waiting hours of all online applications.
func (r *Result) services(a *Assumptions, c Counts) (km, wait float64) {
	ids := make([]int64, 0, len(c.Cases))
	for id := range c.Cases {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		s := ServiceResult{ServiceID: id, Cases: c.Cases[id], VisitsPerCase: a.VisitsPerCase,
			DistanceKm: a.DistanceKm, WaitMinutes: a.WaitMinutes, Sheets: a.Sheets}
		if o := a.Override(id); o != nil {
			s.Overridden = true
			s.VisitsPerCase = or(o.VisitsPerCase, s.VisitsPerCase)
			s.DistanceKm = or(o.DistanceKm, s.DistanceKm)
			s.WaitMinutes = or(o.WaitMinutes, s.WaitMinutes)
			s.Sheets = or(o.Sheets, s.Sheets)
		}
		s.Visits = float64(s.Cases) * s.VisitsPerCase
		s.Km = s.Visits * 2 * s.DistanceKm
		s.WaitHours = s.Visits * s.WaitMinutes / 60
		s.Sheets *= float64(s.Cases)
		r.Cases += s.Cases
		r.CaseVisits += s.Visits
		r.Sheets += s.Sheets
		km += s.Km
		wait += s.WaitHours
		r.Services = append(r.Services, s)
	}
	return km, wait
}

// modes splits the kilometres over the modes: time by speed, gases by
// emission factor.
func (r *Result) modes(a *Assumptions) {
	for _, name := range Modes {
		m := a.Mode(name)
		mr := ModeResult{Mode: name, Share: m.Share, Km: r.Km * m.Share}
		if m.Speed > 0 {
			mr.Hours = mr.Km / m.Speed
		}
		mr.KgCO2e = mr.Km * m.Grams / 1000
		r.step("mode_km", name, mr.Km, UnitKm, Term{"", r.Km, UnitKm}, Term{"×", m.Share, UnitShare})
		r.step("mode_hours", name, mr.Hours, UnitHours, Term{"", mr.Km, UnitKm}, Term{"÷", m.Speed, UnitKmh})
		r.step("mode_kg", name, mr.KgCO2e, UnitKg, Term{"", mr.Km, UnitKm},
			Term{"×", m.Grams, UnitGramsPerKm}, Term{"÷", 1000, UnitGramsPerKg})
		r.TravelHours += mr.Hours
		r.TransportKgCO2e += mr.KgCO2e
		r.Modes = append(r.Modes, mr)
	}
	r.step("travel_hours", "", r.TravelHours, UnitHours, r.sumTerms(func(m ModeResult) float64 { return m.Hours }, UnitHours)...)
	r.step("transport_kg", "", r.TransportKgCO2e, UnitKg, r.sumTerms(func(m ModeResult) float64 { return m.KgCO2e }, UnitKg)...)
}

func (r *Result) sumTerms(f func(ModeResult) float64, unit string) []Term {
	var ts []Term
	for i, m := range r.Modes {
		op := "+"
		if i == 0 {
			op = ""
		}
		ts = append(ts, Term{op, f(m), unit})
	}
	return ts
}

func (r *Result) step(key, mode string, v float64, unit string, terms ...Term) {
	r.Steps = append(r.Steps, Step{Key: key, Mode: mode, Terms: terms, Value: v, Unit: unit})
}

func or(p *float64, def float64) float64 {
	if p != nil {
		return *p
	}
	return def
}
