package report

import (
	"context"
	"strconv"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/mail"
	"rathaus/internal/processlog"
)

// Process is the process name of report events.
const Process = "report"

// Activities of report events.
const (
	ActReceived       = "received"
	ActCategorised    = "categorised" // staff changed the category
	ActForwarded      = "forwarded"   // staff changed the unit
	ActInProgress     = "in_progress"
	ActDone           = "done"
	ActNotResponsible = "not_responsible"
	ActReopened       = "reopened"
	ActMerged         = "merged"
	ActAnswered       = "answered" // a public note
	ActSupported      = "supported"
	ActHidden         = "personal_data_hidden"
)

// DefaultThreshold is the confidence from which a suggested category is
// taken when the citizen chose none.
const DefaultThreshold = 0.6

// Service applies the rules and writes through the Store.
type Service struct {
	Store     Store
	Suggester Suggester // optional
	Threshold float64   // 0: DefaultThreshold
	Bounds    Bounds    // the city's extent; zero: anywhere
	// AreaOf names the area (district) of a point; optional.
	AreaOf func(lat, long float64) string
	// StatusMails composes the reporter's mails for a status change with
	// its public note (r has an e-mail address); nil: no mails.
	StatusMails func(r *Report, n *Note) []mail.Message
	Now         func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

func (s *Service) tree(ctx context.Context, orgID int64) (*Tree, error) {
	cats, err := s.Store.FindDefectCategories(ctx, orgID)
	if err != nil {
		return nil, err
	}
	return NewTree(cats), nil
}

// event builds an event of r; never with personal data.
func event(r *Report, t *Tree, act, resource string, at time.Time) processlog.Event {
	attrs := map[string]string{}
	if c := t.ByID(r.CategoryID); c != nil {
		attrs["category"] = c.Code
	}
	if r.Location.AreaID != "" {
		attrs["area"] = r.Location.AreaID
	}
	if r.Source != "" && act == ActReceived {
		attrs["source"] = r.Source
	}
	return processlog.Event{Process: Process, CaseID: r.Reference, Activity: act, At: at, OrgID: r.UnitID,
		Resource: resource, Attrs: attrs}
}

// Submit validates a new report, takes the suggested category when none
// was chosen and the suggestion is confident, finds the area and the
// responsible unit, and stores it as received.
func (s *Service) Submit(ctx context.Context, r *Report) error {
	t, err := s.tree(ctx, r.OrgID)
	if err != nil {
		return err
	}
	Normalize(r)
	cat := t.ByID(r.CategoryID)
	if s.Suggester != nil && r.Description != "" {
		code, conf := s.Suggester.Suggest(r.Description)
		if sug := t.ByCode(code); sug != nil && sug.Active {
			r.Suggested = Suggestion{Code: code, Confidence: conf}
			threshold := s.Threshold
			if threshold == 0 {
				threshold = DefaultThreshold
			}
			if cat == nil && conf >= threshold {
				cat, r.CategoryID = sug, sug.ID
			}
		}
	}
	if err := Validate(r, cat, s.Bounds); err != nil {
		return err
	}
	now := s.now()
	if r.Location.HasPoint() && s.AreaOf != nil {
		r.Location.AreaID = s.AreaOf(*r.Location.Lat, *r.Location.Long)
	}
	r.UnitID = Route(t, cat, r.Location.AreaID, nil)
	if r.Location.AreaID != "" {
		rules, err := s.Store.FindDefectAreaRules(ctx, r.OrgID)
		if err != nil {
			return err
		}
		r.UnitID = Route(t, cat, r.Location.AreaID, rules)
	}
	r.Status, r.RequestedAt, r.UpdatedAt = StatusReceived, now, now
	r.FirstAnswerAt, r.ClosedAt, r.DuplicateOf, r.Supporters = nil, nil, nil, 0
	if r.Source == "" {
		r.Source = SourceWeb
	}
	resource := "citizen"
	if r.Source == SourceOpen311 && r.ClientID != "" {
		resource = "open311:" + r.ClientID
	}
	ev := event(r, t, ActReceived, resource, now)
	ev.CaseID = "" // the store sets the reference
	return s.Store.CreateDefectReport(ctx, r, []processlog.Event{ev})
}

// load returns the report at version, or Conflict when it moved on.
func (s *Service) load(ctx context.Context, id int64, version int) (*Report, *Tree, error) {
	r, err := s.Store.FindDefectReport(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if version != 0 && r.Version != version {
		return nil, nil, fault.New(fault.Conflict, "error.reports.stale")
	}
	t, err := s.tree(ctx, r.OrgID)
	return r, t, err
}

// SetStatus moves a report to another status with an optional public
// note (forwardedTo names who is responsible for not_responsible).
func (s *Service) SetStatus(ctx context.Context, a Actor, id int64, version int, to Status, note, forwardedTo string) (*Report, error) {
	r, t, err := s.load(ctx, id, version)
	if err != nil {
		return nil, err
	}
	if err := CheckMove(a, r, to, forwardedTo); err != nil {
		return nil, err
	}
	if err := checkNote(note); err != nil {
		return nil, err
	}
	now := s.now()
	act := map[Status]string{StatusInProgress: ActInProgress, StatusDone: ActDone, StatusNotResponsible: ActNotResponsible,
		StatusReceived: ActReopened}[to]
	if r.Status == StatusDone && to == StatusInProgress {
		act = ActReopened
	}
	r.Status, r.UpdatedAt, r.ForwardedTo = to, now, ""
	if to == StatusNotResponsible {
		r.ForwardedTo = forwardedTo
	}
	if to.Open() {
		r.ClosedAt = nil
	} else {
		r.ClosedAt = &now
	}
	if r.FirstAnswerAt == nil {
		r.FirstAnswerAt = &now
	}
	ch := Change{Events: []processlog.Event{event(r, t, act, a.Resource(), now)}}
	ch.Notes = []*Note{{Public: true, Status: to, Text: note, AuthorID: a.UserID, At: now}}
	if s.StatusMails != nil && r.Contact.Email != "" {
		ch.Mails = s.StatusMails(r, ch.Notes[0])
	}
	return r, s.Store.UpdateDefectReport(ctx, r, r.Version, ch)
}

func checkNote(text string) error {
	var v fault.Validator
	v.Check(!tooLong(text, MaxDescription), "note", "error.reports.description_long", MaxDescription)
	v.Check(!htmlRE.MatchString(text), "note", "error.reports.description_html")
	return v.Err()
}

// AddNote adds a public note (an answer the reporter and the public see)
// or an internal one.
func (s *Service) AddNote(ctx context.Context, a Actor, id int64, text string, public bool) error {
	r, t, err := s.load(ctx, id, 0)
	if err != nil {
		return err
	}
	if !a.CanWork(r) {
		return fault.New(fault.Forbidden, "error.reports.forbidden")
	}
	if err := checkNote(text); err != nil {
		return err
	}
	if text == "" {
		return fault.Fields(fault.FieldError{Field: "note", Key: "error.reports.note_required"})
	}
	now := s.now()
	ch := Change{Notes: []*Note{{Public: public, Status: r.Status, Text: text, AuthorID: a.UserID, At: now}}}
	if public {
		if r.FirstAnswerAt == nil {
			r.FirstAnswerAt = &now
		}
		ch.Events = []processlog.Event{event(r, t, ActAnswered, a.Resource(), now)}
	}
	r.UpdatedAt = now
	return s.Store.UpdateDefectReport(ctx, r, r.Version, ch)
}

// Recategorise changes the category (staff's correction, kept for the
// routing to learn) and routes the report anew.
func (s *Service) Recategorise(ctx context.Context, a Actor, id int64, version int, categoryID int64) (*Report, error) {
	r, t, err := s.load(ctx, id, version)
	if err != nil {
		return nil, err
	}
	if !a.CanWork(r) {
		return nil, fault.New(fault.Forbidden, "error.reports.forbidden")
	}
	cat, old := t.ByID(categoryID), t.ByID(r.CategoryID)
	if cat == nil || !cat.Active {
		return nil, fault.Fields(fault.FieldError{Field: "category", Key: "error.reports.category"})
	}
	if categoryID == r.CategoryID {
		return r, nil
	}
	rules, err := s.Store.FindDefectAreaRules(ctx, r.OrgID)
	if err != nil {
		return nil, err
	}
	now := s.now()
	oldUnit := r.UnitID
	r.CategoryID, r.UpdatedAt = categoryID, now
	r.UnitID = Route(t, cat, r.Location.AreaID, rules)
	from := ""
	if old != nil {
		from = old.Code
	}
	ch := Change{
		Corrections: []*Correction{{Field: FieldCategory, From: from, To: cat.Code, StaffID: a.UserID, At: now}},
		Events:      []processlog.Event{event(r, t, ActCategorised, a.Resource(), now)},
	}
	if !sameUnit(oldUnit, r.UnitID) {
		ch.Events = append(ch.Events, event(r, t, ActForwarded, a.Resource(), now))
	}
	return r, s.Store.UpdateDefectReport(ctx, r, r.Version, ch)
}

// Assign gives the report to another unit (a correction of the routing).
func (s *Service) Assign(ctx context.Context, a Actor, id int64, version int, unitID int64) (*Report, error) {
	r, t, err := s.load(ctx, id, version)
	if err != nil {
		return nil, err
	}
	if !a.CanWork(r) {
		return nil, fault.New(fault.Forbidden, "error.reports.forbidden")
	}
	if r.UnitID != nil && *r.UnitID == unitID {
		return r, nil
	}
	now := s.now()
	c := &Correction{Field: FieldUnit, From: unitString(r.UnitID), To: strconv.FormatInt(unitID, 10), StaffID: a.UserID, At: now}
	r.UnitID, r.UpdatedAt = &unitID, now
	ch := Change{Corrections: []*Correction{c}, Events: []processlog.Event{event(r, t, ActForwarded, a.Resource(), now)}}
	return r, s.Store.UpdateDefectReport(ctx, r, r.Version, ch)
}

// HidePersonal marks the report as holding personal data in its text or
// photos: the public sees neither, and the photos are withdrawn.
func (s *Service) HidePersonal(ctx context.Context, a Actor, id int64, version int) (*Report, error) {
	r, t, err := s.load(ctx, id, version)
	if err != nil {
		return nil, err
	}
	if !a.CanWork(r) {
		return nil, fault.New(fault.Forbidden, "error.reports.forbidden")
	}
	now := s.now()
	r.PersonalHidden, r.UpdatedAt = true, now
	for _, p := range r.Photos {
		if p.Public {
			if err := s.Store.SetDefectPhotoPublic(ctx, r.ID, p.ID, false); err != nil {
				return nil, err
			}
		}
	}
	ch := Change{Events: []processlog.Event{event(r, t, ActHidden, a.Resource(), now)}}
	return r, s.Store.UpdateDefectReport(ctx, r, r.Version, ch)
}

// Merge closes dup as a duplicate of orig with a public note pointing to
// it; the supporters move over. It returns the original's supporters.
func (s *Service) Merge(ctx context.Context, a Actor, dupID int64, version int, origID int64) (int, error) {
	dup, t, err := s.load(ctx, dupID, version)
	if err != nil {
		return 0, err
	}
	orig, err := s.Store.FindDefectReport(ctx, origID)
	if err != nil {
		return 0, err
	}
	if err := CheckMerge(a, dup, orig); err != nil {
		return 0, err
	}
	now := s.now()
	dup.Status, dup.DuplicateOf, dup.UpdatedAt, dup.ClosedAt = StatusMerged, &orig.ID, now, &now
	if dup.FirstAnswerAt == nil {
		dup.FirstAnswerAt = &now
	}
	ev := event(dup, t, ActMerged, a.Resource(), now)
	ev.Attrs["into"] = orig.Reference
	ch := Change{
		Notes:  []*Note{{Public: true, Status: StatusMerged, Text: orig.Reference, AuthorID: a.UserID, At: now}},
		Events: []processlog.Event{ev},
	}
	return s.Store.MergeDefectReports(ctx, dup, dup.Version, ch)
}

// Support counts a "me too" once per supporter for an open report.
func (s *Service) Support(ctx context.Context, id int64, supporter string) (bool, int, error) {
	r, t, err := s.load(ctx, id, 0)
	if err != nil {
		return false, 0, err
	}
	if !r.Status.Open() {
		return false, r.Supporters, fault.New(fault.Conflict, "error.reports.closed")
	}
	now := s.now()
	return s.Store.SupportDefectReport(ctx, id, supporter, now, []processlog.Event{event(r, t, ActSupported, "citizen", now)})
}

// Stats returns the organisation's figures for reports requested in [from, to).
func (s *Service) Stats(ctx context.Context, orgID int64, from, to time.Time) ([]Stat, error) {
	times, err := s.Store.DefectReportTimes(ctx, StatsFilter{OrgID: orgID, From: from, To: to})
	if err != nil {
		return nil, err
	}
	return Stats(times), nil
}

// DefaultRetention is how long after closing the reporter's contact data stay.
const DefaultRetention = 90 * 24 * time.Hour

// Purge deletes the contact data of reports closed longer than retention ago.
func (s *Service) Purge(ctx context.Context, retention time.Duration) (int64, error) {
	if retention <= 0 {
		retention = DefaultRetention
	}
	return s.Store.PurgeDefectContacts(ctx, s.now().Add(-retention))
}

func sameUnit(a, b *int64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func unitString(u *int64) string {
	if u == nil {
		return ""
	}
	return strconv.FormatInt(*u, 10)
}
