package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/fault"
	"rathaus/internal/hours"
)

// The booking's JSON API: free slots, booking (held until the mailed link
// is followed, as in the browser) and cancelling by the management secret.

// defaultSlotDays is how many days a slot query without "to" covers.
const defaultSlotDays = 14

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
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, err = w.Write(appendSlotsJSON(make([]byte, 0, 4096), offers))
	return err
}

// appendSlotsJSON writes {"slots":[…]} with every office's slots merged by
// start, then office (each office's slots are already by start). Eight
// weeks at ten offices are thousands of slots; writing them by hand is
// several times faster than encoding/json and its reflection.
func appendSlotsJSON(b []byte, offers []*appointment.Offer) []byte {
	b = append(b, `{"slots":[`...)
	heads := make([]int, len(offers))
	for first := true; ; first = false {
		next := -1
		for i, o := range offers {
			if heads[i] == len(o.Slots) {
				continue
			}
			if next < 0 || slotBefore(o.Slots[heads[i]], offers[next].Slots[heads[next]]) {
				next = i
			}
		}
		if next < 0 {
			break
		}
		if !first {
			b = append(b, ',')
		}
		b = appendSlotJSON(b, offers[next].Slots[heads[next]])
		heads[next]++
	}
	return append(b, "]}\n"...)
}

func slotBefore(a, b appointment.Slot) bool {
	if !a.Start.Equal(b.Start) {
		return a.Start.Before(b.Start)
	}
	return a.OfficeID < b.OfficeID
}

func appendSlotJSON(b []byte, sl appointment.Slot) []byte {
	b = append(b, `{"office_id":`...)
	b = strconv.AppendInt(b, sl.OfficeID, 10)
	b = append(b, `,"start":"`...)
	b = sl.Start.UTC().AppendFormat(b, time.RFC3339)
	b = append(b, `","end":"`...)
	b = sl.End.UTC().AppendFormat(b, time.RFC3339)
	b = append(b, `","free":`...)
	b = strconv.AppendInt(b, int64(sl.Free), 10)
	return append(b, '}')
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
