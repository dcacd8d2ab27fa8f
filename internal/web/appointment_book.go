package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/fault"
	"rathaus/internal/hours"
)

// The booking flow: /termine (services) -> /termine/buchen?service=… (an
// office with its earliest slot) -> …&office= (a week of free slots) ->
// …&start= (name and address) -> POST -> /termine/gesendet (confirm by
// the mailed link). Every step is a plain link or form.

// honeypotField is left empty by people, who never see it; bots fill it.
const honeypotField = "website"

// bookingsPerClient is how many bookings and waiting-list entries one
// client address may submit per hour.
const bookingsPerClient = 20

// bookingBase is shared by the steps of the booking flow.
type bookingBase struct {
	Page
	Query      bookingQuery
	Services   []namedLink
	Step       int    // 1 to 4, for "Schritt 2 von 4"
	ChangeURL  string // back to the choice of services, the choice kept
	OfficesURL string // back to the choice of office
}

func (s *Server) bookingBase(r *http.Request, q bookingQuery, titleKey string, step int) bookingBase {
	return bookingBase{Page: s.page(r, titleKey), Query: q, Services: s.serviceNames(r.Context(), q.ServiceIDs),
		Step: step, ChangeURL: "/termine?" + q.values("persons").Encode(),
		OfficesURL: "/termine/buchen?" + q.values("persons").Encode()}
}

// handleBookingPage shows the step the address has reached.
func (s *Server) handleBookingPage(w http.ResponseWriter, r *http.Request) error {
	q, err := parseBookingQuery(r.URL.Query())
	if err != nil {
		return s.renderStart(w, r, err)
	}
	switch {
	case q.OfficeID == 0:
		return s.renderOffers(w, r, q)
	case q.Start.IsZero():
		return s.renderSlots(w, r, q, nil, http.StatusOK)
	}
	v := url.Values{}
	if u := currentUser(r); u != nil {
		v.Set("name", u.DisplayName)
		v.Set("email", u.Email)
	}
	return s.renderBookingForm(w, r, q, s.newForm(r, v), http.StatusOK)
}

// offersPage lists the offices that offer every chosen service.
type offersPage struct {
	bookingBase
	Offers []offerView
}

type offerView struct {
	Office      officeView
	Minutes     int
	Earliest    string // the earliest free slot, "" when there is none
	EarliestURL string
	WeekURL     string
}

func (s *Server) renderOffers(w http.ResponseWriter, r *http.Request, q bookingQuery) error {
	today := s.today()
	offers, err := s.opts.Appointments.FindSlots(r.Context(), appointment.SlotQuery{ServiceIDs: q.ServiceIDs, Persons: q.Persons,
		From: today, To: today.AddDays(appointment.MaxQueryDays - 1)})
	if err != nil {
		return s.renderStart(w, r, err)
	}
	if len(offers) == 0 {
		return s.renderStart(w, r, fault.Fields(fault.FieldError{Field: "service", Key: "error.appointment.no_office"}))
	}
	p := offersPage{bookingBase: s.bookingBase(r, q, "appointment.offers.title", 2)}
	f := s.catalogFmt(langOf(r))
	for _, o := range offers {
		v := offerView{Office: s.officeView(f, o.Office), Minutes: int(o.Duration / time.Minute), WeekURL: q.officeURL(o.Office.ID)}
		if e := o.Earliest(); e != nil {
			q.OfficeID = o.Office.ID
			v.Earliest, v.EarliestURL = s.formatWhen(r, e.Start), q.slotURL(e.Start)
		}
		p.Offers = append(p.Offers, v)
	}
	return s.render(w, r, "appointment_offers", p)
}

// slotsPage is a week of free slots at one office, for booking or for
// moving a booking.
type slotsPage struct {
	bookingBase
	Office   officeView
	Minutes  int
	Week     weekView
	Gone     bool         // the slot the citizen chose was taken meanwhile
	Move     *bookingView // the booking being moved, nil when booking
	Token    string       // the management secret, when moving
	BackURL  string       // the management page, when moving
	WaitHide []hidden     // hidden fields of the waiting-list form
}

// renderSlots shows the week view of q's office; form carries the
// waiting-list form back with its problems.
func (s *Server) renderSlots(w http.ResponseWriter, r *http.Request, q bookingQuery, form *Form, status int) error {
	p, err := s.slotsPage(r, q)
	if err != nil {
		return err
	}
	if form != nil {
		p.Form = form
	}
	return s.renderStatus(w, r, status, "appointment_slots", p)
}

func (s *Server) slotsPage(r *http.Request, q bookingQuery) (slotsPage, error) {
	week, offer, err := s.weekOf(r, q, weekLinks{week: q.weekURL, slot: q.slotURL})
	if err != nil {
		return slotsPage{}, err
	}
	p := slotsPage{bookingBase: s.bookingBase(r, q, "appointment.slots.title", 3), Week: week,
		Office: s.officeView(s.catalogFmt(langOf(r)), offer.Office), Minutes: int(offer.Duration / time.Minute),
		WaitHide: hiddenFields(q.values("office"))}
	p.Form.Values.Set("before", s.waitBefore(offer).String())
	if u := currentUser(r); u != nil {
		p.Form.Values.Set("email", u.Email)
	}
	return p, nil
}

// waitBefore is the waiting list's default: slots before the earliest
// free one, or within two weeks when there is none.
func (s *Server) waitBefore(o *appointment.Offer) hours.Date {
	if e := o.Earliest(); e != nil {
		if d := hours.DateOf(e.Start.In(s.opts.Location)); s.today().AddDays(1).Before(d) {
			return d
		}
	}
	return s.today().AddDays(14)
}

// renderGone shows the slot choice again, in the week of the slot the
// citizen chose, with the news that it was taken meanwhile.
func (s *Server) renderGone(w http.ResponseWriter, r *http.Request, q bookingQuery) error {
	q.HasWeek, q.Week = true, monday(hours.DateOf(q.Start.In(s.opts.Location)))
	p, err := s.slotsPage(r, q)
	if err != nil {
		return err
	}
	p.Gone = true
	return s.renderStatus(w, r, http.StatusConflict, "appointment_slots", p)
}

// bookingFormPage asks for name and address for a chosen slot.
type bookingFormPage struct {
	bookingBase
	Office   officeView
	When     string
	Minutes  int
	Hidden   []hidden
	WeekURL  string // choose another time
	Honeypot string
}

// renderBookingForm shows the data form for q's slot, or the slot choice
// when the slot is no longer free.
func (s *Server) renderBookingForm(w http.ResponseWriter, r *http.Request, q bookingQuery, form *Form, status int) error {
	day := hours.DateOf(q.Start.In(s.opts.Location))
	offers, err := s.opts.Appointments.FindSlots(r.Context(), appointment.SlotQuery{ServiceIDs: q.ServiceIDs,
		Persons: q.Persons, OfficeIDs: []int64{q.OfficeID}, From: day, To: day})
	if err != nil {
		return err
	}
	if len(offers) == 0 {
		return fault.New(fault.NotFound, "error.appointment.not_bookable")
	}
	if !hasSlot(offers[0].Slots, q.Start) {
		return s.renderGone(w, r, q)
	}
	p := bookingFormPage{bookingBase: s.bookingBase(r, q, "appointment.form.title", 4), When: s.formatWhen(r, q.Start),
		Office: s.officeView(s.catalogFmt(langOf(r)), offers[0].Office), Minutes: int(offers[0].Duration / time.Minute),
		Hidden: hiddenFields(q.values("start")), WeekURL: q.weekURL(day), Honeypot: honeypotField}
	p.Form = form
	return s.renderStatus(w, r, status, "appointment_form", p)
}

func hasSlot(slots []appointment.Slot, start time.Time) bool {
	for _, sl := range slots {
		if sl.Start.Equal(start) {
			return true
		}
	}
	return false
}

// handleBook holds the slot and mails the confirmation link. A filled
// honeypot gets the same answer, and nothing is booked or sent.
func (s *Server) handleBook(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	q, err := parseBookingQuery(values)
	if err != nil {
		return err
	}
	if q.OfficeID == 0 || q.Start.IsZero() {
		return fault.New(fault.Invalid, "error.appointment.slot_required")
	}
	if strings.TrimSpace(values.Get(honeypotField)) != "" {
		redirect(w, r, "/termine/gesendet")
		return nil
	}
	booked, err := s.book(r, q, values)
	switch {
	case slotTaken(err):
		return s.renderGone(w, r, q)
	case fixable(err):
		return s.renderBookingForm(w, r, q, s.formFor(r, values, err), statusOf(err))
	case err != nil:
		return err
	case booked.Manage != "":
		return s.redirectFlash(w, r, "/termine/bestaetigt?t="+url.QueryEscape(booked.Manage), "appointment.flash.booked")
	}
	redirect(w, r, "/termine/gesendet")
	return nil
}

// book checks the client's limit and books. Logged in, the booking
// belongs to the account; with the account's verified address it is
// confirmed at once.
func (s *Server) book(r *http.Request, q bookingQuery, values url.Values) (*appointment.Booked, error) {
	if err := s.allowBooking(r); err != nil {
		return nil, err
	}
	req := appointment.Request{ServiceIDs: q.ServiceIDs, Persons: q.Persons, OfficeID: q.OfficeID, Start: q.Start,
		Name: values.Get("name"), Email: values.Get("email"), Phone: values.Get("phone"), Lang: langOf(r), Client: s.clientIP(r)}
	if u := currentUser(r); u != nil {
		req.UserID = &u.ID
		req.VerifiedEmail = u.EmailVerifiedAt != nil && strings.EqualFold(strings.TrimSpace(req.Email), u.Email)
	}
	return s.opts.Appointments.Book(r.Context(), req)
}

// allowBooking counts one booking or waiting-list request of the client.
func (s *Server) allowBooking(r *http.Request) error {
	if s.opts.Accounts == nil {
		return nil
	}
	err := s.opts.Accounts.Allow(r.Context(), "booking-from:"+s.clientIP(r), bookingsPerClient, time.Hour)
	if fault.Is(err, fault.TooMany) {
		return fault.New(fault.TooMany, "error.appointment.too_many_requests")
	}
	return err
}

// slotTaken reports whether err says the chosen slot is not (or no
// longer) free: taken meanwhile, passed, or not a slot at all.
func slotTaken(err error) bool {
	if err == nil {
		return false
	}
	f := fault.As(err)
	if f.Key == "error.appointment.slot_gone" {
		return true
	}
	for _, fe := range f.Fields {
		if fe.Field == "start" {
			return true
		}
	}
	return false
}

// fixable reports whether the citizen can fix err on the form.
func fixable(err error) bool {
	switch fault.KindOf(err) {
	case fault.Invalid, fault.Conflict, fault.TooMany:
		return true
	}
	return false
}

// sentPage asks the citizen to follow the mailed link.
type sentPage struct {
	Page
	Minutes int
}

// handleBookingSent tells the citizen to confirm by the mailed link
// within the hold time.
func (s *Server) handleBookingSent(w http.ResponseWriter, r *http.Request) error {
	hold := s.opts.Appointments.HoldFor
	if hold <= 0 {
		hold = appointment.DefaultHoldFor
	}
	return s.render(w, r, "appointment_sent", sentPage{Page: s.page(r, "appointment.sent.title"), Minutes: int(hold / time.Minute)})
}
