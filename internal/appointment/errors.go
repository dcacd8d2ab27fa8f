package appointment

import "rathaus/internal/fault"

// The errors citizens and staff may meet, each with its translation key.
func notBookable() error { return fault.New(fault.NotFound, "error.appointment.not_bookable") }
func slotGone() error    { return fault.New(fault.Conflict, "error.appointment.slot_gone") }
func tooManyActive(n int) error {
	return fault.New(fault.Conflict, "error.appointment.too_many_active", n)
}
func linkInvalid() error { return fault.New(fault.NotFound, "error.appointment.link_invalid") }
func holdExpired() error { return fault.New(fault.Conflict, "error.appointment.hold_expired") }
func notChangeable() error {
	return fault.New(fault.Conflict, "error.appointment.not_changeable")
}
func nobodyWaiting() error { return fault.New(fault.NotFound, "error.appointment.nobody_waiting") }
func notStaff() error      { return fault.New(fault.Forbidden, "error.appointment.not_staff") }
