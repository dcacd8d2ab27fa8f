package web

import (
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/appointment"
	"rathaus/internal/catalog"
	"rathaus/internal/fault"
)

// The setup form's fields: the scalar ones carry the names that
// appointment.Setup.Validate reports ("counters", "max_days", ...); a
// service's inputs are "svc<id>_minutes" and "svc<id>_extra" with
// "svc=<id>" when it is bookable; a window's are "win<i>_day" (weekday
// numbers, Sunday 0), "win<i>_from", "win<i>_to" and "win<i>_counters".

// setupValues writes a setup into the form's values.
func setupValues(st *appointment.Setup, services []*catalog.Service) url.Values {
	v := url.Values{}
	if st.Enabled {
		v.Set("enabled", "1")
	}
	for name, n := range map[string]int{"counters": st.Counters, "walk_in_counters": st.WalkInCounters,
		"slot_minutes": st.SlotMinutes, "min_days": st.MinDays, "max_days": st.MaxDays,
		"max_persons": st.MaxPersons, "max_active": st.MaxActivePerEmail} {
		v.Set(name, strconv.Itoa(n))
	}
	v.Set("release", clock(st.ReleaseMinute))
	for _, sv := range services {
		if sv.Duration > 0 {
			v.Set("svc"+formatID(sv.ID)+"_minutes", strconv.Itoa(sv.Duration))
		}
	}
	for _, ss := range st.Services {
		key := "svc" + formatID(ss.ServiceID)
		v.Add("svc", formatID(ss.ServiceID))
		v.Set(key+"_minutes", strconv.Itoa(ss.Minutes))
		if ss.ExtraMinutes > 0 {
			v.Set(key+"_extra", strconv.Itoa(ss.ExtraMinutes))
		}
	}
	for i, w := range st.Windows {
		key := "win" + strconv.Itoa(i)
		for d, on := range w.Weekdays {
			if on {
				v.Add(key+"_day", strconv.Itoa(d))
			}
		}
		v.Set(key+"_from", clock(w.From))
		v.Set(key+"_to", clock(w.To))
		v.Set(key+"_counters", strconv.Itoa(w.Counters))
	}
	return v
}

// formatID writes an id in decimal.
func formatID(n int64) string { return strconv.FormatInt(n, 10) }

// setupForm is a parsed setup form.
type setupForm struct {
	setup    *appointment.Setup
	err      error    // problems of the input itself
	services []string // row keys of setup.Services, by index
	windows  []string // row keys of setup.Windows, by index
}

// parseSetup reads the form; only services listed on the form count.
func parseSetup(values url.Values, officeID int64, services []*catalog.Service, rows int) *setupForm {
	f := &setupForm{setup: &appointment.Setup{OfficeID: officeID, Enabled: values.Get("enabled") == "1"}}
	var v fault.Validator
	// numAs reads a whole number; its problem is reported for field.
	numAs := func(name, field string) int {
		s := strings.TrimSpace(values.Get(name))
		if s == "" {
			return 0
		}
		n, err := strconv.Atoi(s)
		if err != nil && !v.Has(field) {
			v.Add(field, "error.office.number")
		}
		return n
	}
	num := func(name string) int { return numAs(name, name) }
	st := f.setup
	st.Counters, st.WalkInCounters, st.SlotMinutes = num("counters"), num("walk_in_counters"), num("slot_minutes")
	st.MinDays, st.MaxDays, st.MaxPersons = num("min_days"), num("max_days"), num("max_persons")
	st.MaxActivePerEmail = num("max_active")
	var ok bool
	if st.ReleaseMinute, ok = parseClock(values.Get("release")); !ok {
		v.Add("release", "error.office.time")
	}
	chosen := map[string]bool{}
	for _, id := range values["svc"] {
		chosen[id] = true
	}
	for _, sv := range services {
		key := "svc" + formatID(sv.ID)
		if !chosen[formatID(sv.ID)] {
			continue
		}
		st.Services = append(st.Services, appointment.ServiceSetup{ServiceID: sv.ID,
			Minutes: numAs(key+"_minutes", key), ExtraMinutes: numAs(key+"_extra", key)})
		f.services = append(f.services, key)
	}
	for i := range rows {
		f.parseWindow(values, "win"+strconv.Itoa(i), &v)
	}
	f.err = f.withRules(v)
	return f
}

// withRules adds the setup's own rules to the problems of the input, so
// the form names every problem at once, one per field.
func (f *setupForm) withRules(v fault.Validator) error {
	if v.Err() == nil {
		return nil // SaveSetup checks the rules
	}
	check := *f.setup
	if err := f.remap(check.Validate()); err != nil {
		for _, fe := range fault.As(err).Fields {
			if !v.Has(fe.Field) {
				v.Add(fe.Field, fe.Key, fe.Args...)
			}
		}
	}
	return v.Err()
}

// parseWindow reads one window row; a blank row is skipped.
func (f *setupForm) parseWindow(values url.Values, key string, v *fault.Validator) {
	days := values[key+"_day"]
	from, to := strings.TrimSpace(values.Get(key+"_from")), strings.TrimSpace(values.Get(key+"_to"))
	counters := strings.TrimSpace(values.Get(key + "_counters"))
	if len(days) == 0 && from == "" && to == "" && counters == "" {
		return
	}
	var w appointment.Window
	for _, d := range days {
		n, err := strconv.Atoi(d)
		if err == nil && n >= 0 && n < 7 {
			w.Weekdays[n] = true
		}
	}
	var okFrom, okTo bool
	w.From, okFrom = parseClock(from)
	w.To, okTo = parseClock(to)
	n, err := strconv.Atoi(counters)
	w.Counters = n
	switch {
	case w.Weekdays == [7]bool{}:
		v.Add(key, "error.office.window_days")
	case from == "" || to == "" || !okFrom || !okTo:
		v.Add(key, "error.office.window_times")
	case err != nil:
		v.Add(key, "error.office.window_counters")
	}
	f.setup.Windows = append(f.setup.Windows, w)
	f.windows = append(f.windows, key)
}

// parseClock reads "HH:MM" as minutes after midnight; empty is 0.
func parseClock(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, true
	}
	h, m, ok := strings.Cut(s, ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || hh < 0 || hh > 24 || mm < 0 || mm > 59 || hh == 24 && mm > 0 {
		return 0, false
	}
	return hh*60 + mm, true
}

// remap points the domain's field names ("services.2", "windows.0") at
// the form's rows ("svc12", "win0").
func (f *setupForm) remap(err error) error {
	fe := fault.As(err)
	if err == nil || fe.Kind != fault.Invalid {
		return err
	}
	for i := range fe.Fields {
		name, idx, ok := strings.Cut(fe.Fields[i].Field, ".")
		n, nerr := strconv.Atoi(idx)
		switch {
		case !ok || nerr != nil:
		case name == "services" && n >= 0 && n < len(f.services):
			fe.Fields[i].Field = f.services[n]
		case name == "windows" && n >= 0 && n < len(f.windows):
			fe.Fields[i].Field = f.windows[n]
		}
	}
	return err
}
