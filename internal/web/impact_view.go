package web

import (
	"math"
	"net/http"
	"strconv"
	"strings"

	"rathaus/internal/impact"
)

// impactView is what the effect pages show, formatted for the language.
type impactView struct {
	Figures  []impactFigure
	Modes    []impactModeRow
	Services []impactServiceRow
	Steps    []impactStepRow
	City     []impactAssumptionRow // the city-wide assumptions
	Updated  string                // when and by whom they were last saved; "" for the defaults
}

type impactFigure struct{ Key, Value, Unit string }

type impactModeRow struct {
	Mode, Name, Share, Speed, Grams, Source string
	Km, Hours, Kg                           string
}

type impactServiceRow struct {
	Name, Cases, VisitsPerCase, Visits, Distance, Km, Wait, WaitHours, Sheets string
	Overridden                                                                bool
}

type impactStepRow struct{ Label, Formula string }

type impactAssumptionRow struct{ Label, Value, Unit, Source string }

// impactView formats res and a for the pages in lang.
func (s *Server) impactView(r *http.Request, lang string, res *impact.Result, a *impact.Assumptions) impactView {
	t := func(key string, args ...any) string { return s.tr.T(lang, key, args...) }
	n := func(f float64) string { return impactNumber(lang, f) }
	v := impactView{Figures: []impactFigure{
		{"impact.figure.visits", n(res.Visits), t("impact.unit.visits")},
		{"impact.figure.km", n(res.Km), t("impact.unit.km")},
		{"impact.figure.travel", n(res.TravelHours), t("impact.unit.hours")},
		{"impact.figure.wait", n(res.WaitHours), t("impact.unit.hours")},
		{"impact.figure.co2", n(res.KgCO2e), t("impact.unit.kg")},
		{"impact.figure.paper", n(res.Sheets), t("impact.unit.sheets")},
	}}
	for _, m := range res.Modes {
		ma := a.Mode(m.Mode)
		v.Modes = append(v.Modes, impactModeRow{Mode: m.Mode, Name: t("impact.mode." + m.Mode),
			Share: impactPercent(lang, ma.Share), Speed: n(ma.Speed), Grams: n(ma.Grams), Source: ma.Source,
			Km: n(m.Km), Hours: n(m.Hours), Kg: n(m.KgCO2e)})
	}
	for _, sr := range res.Services {
		v.Services = append(v.Services, impactServiceRow{Name: s.impactServiceName(r, sr.ServiceID),
			Cases: n(float64(sr.Cases)), VisitsPerCase: n(sr.VisitsPerCase), Visits: n(sr.Visits),
			Distance: n(sr.DistanceKm), Km: n(sr.Km), Wait: n(sr.WaitMinutes), WaitHours: n(sr.WaitHours),
			Sheets: n(sr.Sheets), Overridden: sr.Overridden})
	}
	for _, st := range res.Steps {
		label := impactStepLabel(t, st)
		v.Steps = append(v.Steps, impactStepRow{label, impactFormula(lang, t, st)})
	}
	v.City = []impactAssumptionRow{
		{t("impact.field.visits_per_case"), n(a.VisitsPerCase), t("impact.unit.per_case"), t("impact.source.city")},
		{t("impact.field.visits_per_appointment"), n(a.VisitsPerAppointment), t("impact.unit.per_appointment"), t("impact.source.city")},
		{t("impact.field.distance_km"), n(a.DistanceKm), t("impact.unit.km"), t("impact.source.city")},
		{t("impact.field.wait_minutes"), n(a.WaitMinutes), t("impact.unit.minutes"), a.WaitSource},
		{t("impact.field.sheets"), n(a.Sheets), t("impact.unit.sheets"), t("impact.source.city")},
		{t("impact.field.grams_per_sheet"), n(a.GramsPerSheet), t("impact.unit.g_sheet"), a.PaperSource},
	}
	if a.Version > 0 {
		v.Updated = t("impact.updated", a.UpdatedAt.In(s.opts.Location).Format("02.01.2006 15:04"), a.UpdatedBy)
	}
	return v
}

// impactServiceName is the published name of a service, or its number.
func (s *Server) impactServiceName(r *http.Request, id int64) string {
	if s.opts.Services != nil {
		if svc, err := s.opts.Services.PublicService(r.Context(), id); err == nil {
			return svc.Name
		}
	}
	return "#" + strconv.FormatInt(id, 10)
}

// impactStepLabel describes a step, naming its mode if it has one.
func impactStepLabel(t func(string, ...any) string, st impact.Step) string {
	if st.Mode == "" {
		return t("impact.step." + st.Key)
	}
	return t("impact.step."+st.Key, t("impact.mode."+st.Mode))
}

// impactFormula writes a step as "a × b ÷ c = v unit".
func impactFormula(lang string, t func(string, ...any) string, st impact.Step) string {
	var b strings.Builder
	for _, x := range st.Terms {
		if x.Op != "" {
			b.WriteString(" " + x.Op + " ")
		}
		b.WriteString(impactTerm(lang, t, x.Value, x.Unit))
	}
	b.WriteString(" = " + impactTerm(lang, t, st.Value, st.Unit))
	return b.String()
}

func impactTerm(lang string, t func(string, ...any) string, v float64, unit string) string {
	switch unit {
	case impact.UnitShare:
		return impactPercent(lang, v)
	case impact.UnitFactor:
		return impactNumber(lang, v)
	}
	return impactNumber(lang, v) + " " + t("impact.unit."+unit)
}

// impactPercent writes a share as a percentage.
func impactPercent(lang string, share float64) string {
	return impactNumber(lang, share*100) + " %"
}

// impactNumber writes f with thousands separators and as many decimals
// as its size deserves: none from 100, one from 10, else up to two.
func impactNumber(lang string, f float64) string {
	prec := 2
	switch a := math.Abs(f); {
	case a >= 100:
		prec = 0
	case a >= 10:
		prec = 1
	}
	s := strconv.FormatFloat(f, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	whole, frac, _ := strings.Cut(s, ".")
	sign := ""
	if strings.HasPrefix(whole, "-") {
		sign, whole = "-", whole[1:]
	}
	thousands, point := ",", "."
	if lang == "de" {
		thousands, point = ".", ","
	}
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(thousands)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		return sign + b.String() + point + frac
	}
	return sign + b.String()
}
