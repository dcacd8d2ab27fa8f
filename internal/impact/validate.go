package impact

import (
	"fmt"
	"math"

	"rathaus/internal/fault"
)

// shareTolerance is how far the shares may sum from 1 (rounding of
// percentages typed by hand).
const shareTolerance = 0.005

// Validate checks a: every number finite and not negative, speeds above
// zero, one assumption per mode, shares summing to 1, overrides for
// distinct services. Field names are those of the admin form.
func Validate(a *Assumptions) error {
	var v fault.Validator
	nonNeg(&v, a.VisitsPerCase, "visits_per_case")
	nonNeg(&v, a.VisitsPerAppointment, "visits_per_appointment")
	nonNeg(&v, a.DistanceKm, "distance_km")
	nonNeg(&v, a.WaitMinutes, "wait_minutes")
	nonNeg(&v, a.Sheets, "sheets")
	nonNeg(&v, a.GramsPerSheet, "grams_per_sheet")
	validateModes(&v, a.Modes)
	seen := map[int64]bool{}
	for i, o := range a.Services {
		f := func(name string) string { return fmt.Sprintf("service-%d-%s", i, name) }
		v.Check(o.ServiceID > 0, f("id"), "error.impact.service")
		v.Check(!seen[o.ServiceID], f("id"), "error.impact.service_twice")
		seen[o.ServiceID] = true
		for name, p := range map[string]*float64{"visits": o.VisitsPerCase, "distance": o.DistanceKm,
			"wait": o.WaitMinutes, "sheets": o.Sheets} {
			if p != nil {
				nonNeg(&v, *p, f(name))
			}
		}
	}
	return v.Err()
}

func validateModes(v *fault.Validator, modes []ModeAssumption) {
	v.Check(len(modes) == len(Modes), "share-"+Walk, "error.impact.modes")
	sum := 0.0
	for _, m := range modes {
		known := false
		for _, k := range Modes {
			known = known || k == m.Mode
		}
		if !known {
			v.Add("share-"+Walk, "error.impact.modes")
			continue
		}
		if nonNeg(v, m.Share, "share-"+m.Mode) {
			v.Check(m.Share <= 1, "share-"+m.Mode, "error.impact.share_range")
		}
		if nonNeg(v, m.Speed, "speed-"+m.Mode) {
			v.Check(m.Speed > 0, "speed-"+m.Mode, "error.impact.speed_zero")
		}
		nonNeg(v, m.Grams, "grams-"+m.Mode)
		sum += m.Share
	}
	if !math.IsNaN(sum) && math.Abs(sum-1) > shareTolerance && !v.Has("share-"+Walk) {
		v.Add("share-"+Walk, "error.impact.share_sum", fmt.Sprintf("%.3g", sum*100))
	}
}

// nonNeg records an error unless x is a finite number >= 0.
func nonNeg(v *fault.Validator, x float64, field string) bool {
	ok := !math.IsNaN(x) && !math.IsInf(x, 0) && x >= 0
	v.Check(ok, field, "error.impact.negative")
	return ok
}
