package web

import (
	"net/http"
	"net/url"
	"slices"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/fault"
	"rathaus/internal/hours"
)

// The booking's JSON API: free slots, booking (held until the mailed link
// is followed, as in the browser) and cancelling by the management secret.

// defaultSlotDays is how many days a slot query without "to" covers.
const defaultSlotDays = 14

type slotJSON struct {
	OfficeID int64     `json:"office_id"`
	Start    time.Time `json:"start"`
	End      time.Time `json:"end"`
	Free     int       `json:"free"`
}

// handleAPISlots answers
// ?service=ID[&service=ID]&office=ID&from=DATE&to=DATE&persons=N with the
// free slots, earliest first; without office, of every office.
func (s *Server) handleAPISlots(w http.ResponseWriter, r *http.Request) error {
	q, err := slotQuery(r.URL.Query(), s.today())
	if err != nil {
		return err
	}
	offers, err := s.opts.Appointments.FindSlots(r.Context(), q)
	if err != nil {
		return err
	}
	out := []slotJSON{}
	for _, o := range offers {
		for _, sl := range o.Slots {
			out = append(out, slotJSON{OfficeID: sl.OfficeID, Start: sl.Start.UTC(), End: sl.End.UTC(), Free: sl.Free})
		}
	}
	slices.SortStableFunc(out, func(a, b slotJSON) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return int(a.OfficeID - b.OfficeID)
	})
	return s.writeJSON(w, http.StatusOK, map[string]any{"slots": out})
}

// slotQuery reads the parameters of the slot API.
func slotQuery(v url.Values, today hours.Date) (appointment.SlotQuery, error) {
	bq, err := parseBookingQuery(url.Values{"service": v["service"], "persons": v["persons"], "office": v["office"]})
	q := appointment.SlotQuery{ServiceIDs: bq.ServiceIDs, Persons: bq.Persons, From: today, To: today.AddDays(defaultSlotDays - 1)}
	if err != nil {
		return q, err
	}
	if bq.OfficeID != 0 {
		q.OfficeIDs = []int64{bq.OfficeID}
	}
	var fv fault.Validator
	if from := v.Get("from"); from != "" {
		d, err := hours.ParseDate(from)
		fv.Check(err == nil, "from", "error.appointment.date")
		q.From, q.To = d, d.AddDays(defaultSlotDays-1)
	}
	if to := v.Get("to"); to != "" {
		d, err := hours.ParseDate(to)
		fv.Check(err == nil, "to", "error.appointment.date")
		q.To = d
	}
	return q, fv.Err()
}

// bookJSON is the body of POST /api/v1/appointments.
type bookJSON struct {
	ServiceIDs []int64   `json:"service_ids"`
	OfficeID   int64     `json:"office_id"`
	Start      time.Time `json:"start"`
	Name       string    `json:"name"`
	Email      string    `json:"email"`
	Phone      string    `json:"phone"`
	Persons    int       `json:"persons"`
}

type bookingJSON struct {
	ID     int64  `json:"id"`
	Code   string `json:"code"`
	Status string `json:"status"`
}

// handleAPIBook holds a slot; the booking is confirmed by the link mailed
// to the address, as in the browser.
func (s *Server) handleAPIBook(w http.ResponseWriter, r *http.Request) error {
	var in bookJSON
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if err := s.allowBooking(r); err != nil {
		return err
	}
	req := appointment.Request{ServiceIDs: in.ServiceIDs, Persons: in.Persons, OfficeID: in.OfficeID, Start: in.Start,
		Name: in.Name, Email: in.Email, Phone: in.Phone, Lang: langOf(r), Client: s.clientIP(r)}
	if u := currentUser(r); u != nil {
		req.UserID = &u.ID
	}
	booked, err := s.opts.Appointments.Book(r.Context(), req)
	if err != nil {
		return err
	}
	b := booked.Booking
	return s.writeJSON(w, http.StatusCreated, bookingJSON{ID: b.ID, Code: b.Code, Status: b.Status})
}

// handleAPICancel cancels the booking behind a management secret.
func (s *Server) handleAPICancel(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Token string `json:"token"`
	}
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	b, err := s.opts.Appointments.Cancel(r.Context(), in.Token)
	if err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusOK, bookingJSON{ID: b.ID, Code: b.Code, Status: b.Status})
}
