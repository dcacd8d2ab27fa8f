package demo

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/cases"
	"rathaus/internal/catalog"
	"rathaus/internal/feedback"
	"rathaus/internal/filestore"
	"rathaus/internal/form"
	"rathaus/internal/pdf"
	"rathaus/internal/processlog"
)

// CasePrefix starts the demo city's reference numbers.
const CasePrefix = "JENA"

// CaseSeed is what SeedCases writes to and reads from.
type CaseSeed struct {
	Cases    cases.Store
	Forms    form.Store // with the demo forms published (SeedForms)
	Catalog  *catalog.Catalog
	Accounts account.Store // finds the demo citizen and case worker
	// Files, when set, receives one small PDF per kind of demo attachment,
	// so attachments open; without it they are listed but missing.
	Files filestore.Store
	Now   time.Time
	// Seed chooses the simulated history; the same seed and the same now
	// give the same cases.
	Seed uint64
	// Ratings, when set, receives the satisfaction answers some
	// applicants give after submitting online.
	Ratings feedback.HistorySeeder
}

// SeedCases writes about a year of simulated applications for the demo
// forms, more of them online as the year goes on, unless there are cases already: every state of the default
// workflow, online and analogue channels, deadlines met, due and missed,
// fees paid and unpaid, notes and messages both ways. Every step is a
// workflow transition with its process event at a plausible time (staff
// act in office hours, Europe/Berlin), so process mining finds real
// shapes. It returns the number of cases written.
func SeedCases(ctx context.Context, s CaseSeed) (int, error) {
	if _, n, err := s.Cases.FindCases(ctx, cases.Filter{Limit: 1}); err != nil || n > 0 {
		return 0, err
	}
	w, err := newCaseWriter(ctx, s)
	if err != nil {
		return 0, err
	}
	sim := &simulator{r: rand.New(rand.NewPCG(s.Seed, 0x4a454e41)), now: s.Now, fileRef: w.fileRef}
	plans := sim.plans()
	// The files first: once cases exist, a second start does nothing.
	if err := w.storeFiles(ctx); err != nil {
		return 0, fmt.Errorf("demo cases: %w", err)
	}
	n := 0
	for _, p := range plans {
		if err := w.write(ctx, p); err != nil {
			return n, fmt.Errorf("demo cases: %s: %w", p.prof.key, err)
		}
		n++
	}
	if s.Ratings != nil && len(w.ratings) > 0 {
		if err := s.Ratings.SeedSatisfactionHistory(ctx, w.ratings, w.ratingEvents); err != nil {
			return n, fmt.Errorf("demo case ratings: %w", err)
		}
	}
	return n, nil
}

// caseWriter turns plans into cases through the case store.
type caseWriter struct {
	s        CaseSeed
	services map[string]*catalog.Service
	forms    map[string]*form.Form
	flows    map[string]*cases.Workflow
	worker   int64             // the demo case worker's account
	citizen  int64             // the demo citizen's account
	files    map[string][]byte // demo attachments by key
	pdfs     map[string][]byte // demo PDFs by file name
	secret   *rand.Rand        // secret links of anonymous cases
	// ratings are the applicants' satisfaction answers, written at the end.
	ratings      []*feedback.Satisfaction
	ratingEvents []processlog.Event
	rate         *rand.Rand
}

func newCaseWriter(ctx context.Context, s CaseSeed) (*caseWriter, error) {
	w := &caseWriter{s: s, forms: map[string]*form.Form{}, flows: map[string]*cases.Workflow{}, files: map[string][]byte{}, pdfs: map[string][]byte{},
		secret: rand.New(rand.NewPCG(s.Seed, 1)), rate: rand.New(rand.NewPCG(s.Seed, 2))}
	keys := make([]string, 0, len(profiles))
	for _, p := range profiles {
		keys = append(keys, p.key)
	}
	var err error
	if w.services, err = demoServices(ctx, s.Catalog, keys); err != nil {
		return nil, err
	}
	for _, key := range keys {
		svc := w.services[key]
		if svc == nil {
			return nil, fmt.Errorf("demo cases: service %q is not in the catalogue", key)
		}
		f, err := s.Forms.PublishedForm(ctx, svc.ID)
		if err != nil {
			return nil, fmt.Errorf("demo cases: form of %q: %w", key, err)
		}
		w.forms[key] = f
		if w.flows[key], err = workflowOf(f); err != nil {
			return nil, err
		}
	}
	for _, a := range []struct {
		email string
		id    *int64
	}{{Accounts[2].Email, &w.worker}, {Accounts[0].Email, &w.citizen}} {
		u, err := s.Accounts.FindUserByEmail(ctx, a.email)
		if err != nil {
			return nil, fmt.Errorf("demo cases: account %s: %w", a.email, err)
		}
		*a.id = u.ID
	}
	return w, nil
}

// workflowOf is the workflow of a form's cases.
func workflowOf(f *form.Form) (*cases.Workflow, error) {
	if len(f.Settings.Workflow) == 0 {
		return cases.Default(), nil
	}
	var wf cases.Workflow
	if err := json.Unmarshal(f.Settings.Workflow, &wf); err != nil {
		return nil, err
	}
	return &wf, wf.Check()
}

// fileRef names a new demo attachment for a question: a small PDF per
// file name, stored under a key of its own (a case file's key is unique).
func (w *caseWriter) fileRef(question, name string) form.FileRef {
	b, ok := w.pdfs[name]
	if !ok {
		b = demoPDF(name)
		w.pdfs[name] = b
	}
	key := fmt.Sprintf("demo/attachments/%05d-%s-%s", len(w.files)+1, question, name)
	w.files[key] = b
	return form.FileRef{ID: key, Name: name, Type: "application/pdf", Size: int64(len(b))}
}

// demoPDF is a one-page PDF that says it stands in for a document.
func demoPDF(name string) []byte {
	d := pdf.Document{Title: "Beispieldokument " + name, Author: "Demo Jena", Lang: "de-DE", Header: "Stadt Jena – Demo",
		CreationDate: time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC),
		Blocks: []pdf.Block{pdf.Heading{Level: 1, Text: "Beispieldokument"},
			pdf.Paragraph{Text: "Diese Datei steht in der Vorführung für das hochgeladene Dokument „" + name + "“. Sie enthält keine echten Daten."}}}
	b, err := d.Bytes()
	if err != nil {
		panic(err) // a fixed document always renders
	}
	return b
}

// storeFiles puts the demo attachments into the file store, if any, a
// few at a time: each is synced to disk, and there are hundreds.
func (w *caseWriter) storeFiles(ctx context.Context) error {
	if w.s.Files == nil {
		return nil
	}
	keys := make(chan string, len(w.files))
	for k := range w.files {
		keys <- k
	}
	close(keys)
	errs := make(chan error, fileWorkers)
	for range fileWorkers {
		go func() {
			var err error
			for k := range keys {
				if err == nil {
					_, err = w.s.Files.Put(ctx, k, bytes.NewReader(w.files[k]), filestore.Meta{ContentType: "application/pdf"})
				}
			}
			errs <- err
		}()
	}
	var first error
	for range fileWorkers {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// fileWorkers is how many demo attachments are stored at once.
const fileWorkers = 16

// write creates the case of p and replays its steps up to now.
func (w *caseWriter) write(ctx context.Context, p *plan) error {
	f, flow, svc := w.forms[p.prof.key], w.flows[p.prof.key], w.services[p.prof.key]
	answers, err := f.Validate(p.answers, "de")
	if err != nil {
		return fmt.Errorf("answers: %w", err)
	}
	raw, err := json.Marshal(answers)
	if err != nil {
		return err
	}
	at := p.at.UTC()
	c := &cases.Case{ServiceID: svc.ID, FormVersion: f.Version, OrgID: svc.OrgID, Channel: p.channel, State: flow.Initial,
		Version: 1, Name: p.person.Name(), Email: answers["email"].Text, FeeCents: f.FeeCents(answers), SubmittedAt: at, UpdatedAt: at}
	if p.citizen {
		c.ApplicantID = &w.citizen
	}
	if d := f.Settings.DecisionDays; d > 0 {
		due := at.AddDate(0, 0, d)
		c.Deadline = &due
	}
	actor := "citizen"
	if p.channel != cases.ChannelOnline {
		actor = w.staffResource(p)
	}
	sub := &cases.Submission{Case: c, Answers: raw, Files: w.caseFiles(f, answers, at), Prefix: CasePrefix,
		Effects: func(c *cases.Case) cases.Effects {
			return cases.Effects{Events: []processlog.Event{c.Submitted(actor)}}
		}}
	if p.channel == cases.ChannelOnline && c.ApplicantID == nil {
		secret := make([]byte, 32)
		for i := range secret {
			secret[i] = byte(w.secret.UintN(256))
		}
		h := sha256.Sum256([]byte(hex.EncodeToString(secret)))
		sub.AccessHash = h[:]
	}
	if _, _, err := w.s.Cases.CreateCase(ctx, sub); err != nil {
		return err
	}
	w.rateCase(p, c)
	var askedAt time.Time
	for _, st := range p.steps {
		if !st.at.Before(w.s.Now) {
			break
		}
		if st.kind == stepAction && st.action == "ask" {
			askedAt = st.at
		}
		if err := w.step(ctx, p, c, flow, st, askedAt); err != nil {
			return fmt.Errorf("%s %s: %w", c.Reference, st.action, err)
		}
	}
	return nil
}

// caseFiles are the case's attachments from its file answers.
func (w *caseWriter) caseFiles(f *form.Form, a form.Answers, at time.Time) []cases.File {
	var out []cases.File
	for _, p := range f.Pages {
		for _, q := range p.Questions {
			for _, ref := range a[q.ID].Files {
				sum := sha256.Sum256(w.files[ref.ID])
				out = append(out, cases.File{Kind: "attachment", Question: q.ID, Key: ref.ID, Name: ref.Name,
					ContentType: ref.Type, Size: ref.Size, SHA256: hex.EncodeToString(sum[:]), CreatedAt: at})
			}
		}
	}
	return out
}

// staffResource names who at the office did something to p's case in the
// process log: the demo case worker for his cases, else his team.
func (w *caseWriter) staffResource(p *plan) string {
	if p.worker {
		return "staff:" + strconv.FormatInt(w.worker, 10)
	}
	return "staff"
}

func (w *caseWriter) staffID(p *plan) *int64 {
	if p.worker {
		id := w.worker
		return &id
	}
	return nil
}

// step writes one step of p to c.
func (w *caseWriter) step(ctx context.Context, p *plan, c *cases.Case, flow *cases.Workflow, st step, askedAt time.Time) error {
	at := st.at.UTC()
	actor, role, by := "citizen", "applicant", c.ApplicantID
	if st.staff {
		actor, role, by = w.staffResource(p), "case_worker", w.staffID(p)
	}
	switch st.kind {
	case stepAction:
		from := c.State
		ev, err := c.Apply(flow, cases.Change{Action: st.action, Version: c.Version, Note: st.text, Actor: actor, Role: role, At: at})
		if err != nil {
			return err
		}
		if st.action == "resume" && c.Deadline != nil && !askedAt.IsZero() {
			due := c.Deadline.Add(st.at.Sub(askedAt)) // a deadline pauses while the office waits
			c.Deadline = &due
		}
		h := &cases.HistoryEntry{At: at, Action: st.action, FromState: from, ToState: c.State, Note: st.text}
		if st.staff {
			h.ActorID = by
		}
		return w.s.Cases.UpdateCase(ctx, c, h, cases.Effects{Events: []processlog.Event{ev}})
	case stepAssign:
		c.AssigneeID, c.Version, c.UpdatedAt = &w.worker, c.Version+1, at
		h := &cases.HistoryEntry{At: at, Action: "assigned", FromState: c.State, ToState: c.State, ActorID: by}
		return w.s.Cases.UpdateCase(ctx, c, h, cases.Effects{Events: []processlog.Event{event(c, "assigned", actor, role, at)}})
	case stepPay:
		return w.pay(ctx, c, at)
	case stepNote:
		return w.s.Cases.AddNote(ctx, &cases.Note{CaseID: c.ID, AuthorID: w.worker, Body: st.text, At: at})
	case stepStaffMessage, stepCitizenMessage:
		return w.message(ctx, p, c, flow, st)
	}
	return nil
}

// pay books the open fee as arrived on the city's account.
func (w *caseWriter) pay(ctx context.Context, c *cases.Case, at time.Time) error {
	cents := c.FeeCents - c.PaidCents
	if cents <= 0 {
		return nil
	}
	pm := &cases.Payment{CaseID: c.ID, Cents: cents, Source: "camt:demo", EntryRef: "DEMO-" + c.Reference,
		Debtor: c.Name, Text: c.Reference, BookedAt: at, At: at}
	ok, err := w.s.Cases.AddPayment(ctx, pm, cases.Effects{Events: []processlog.Event{event(c, "paid", "system", "payment", at)}})
	if ok {
		c.PaidCents, c.Version, c.UpdatedAt = c.PaidCents+cents, c.Version+1, at
	}
	return err
}

// message writes a message of the office or the applicant; the other
// side has read it unless it is recent.
func (w *caseWriter) message(ctx context.Context, p *plan, c *cases.Case, flow *cases.Workflow, st step) error {
	at := st.at.UTC()
	m := &cases.Message{CaseID: c.ID, FromStaff: st.staff, Body: st.text, At: at}
	if f := st.file; f != nil {
		sum := sha256.Sum256(w.files[f.ID])
		m.Files = []cases.File{{Kind: "message", Key: f.ID, Name: f.Name, ContentType: f.Type, Size: f.Size,
			SHA256: hex.EncodeToString(sum[:]), CreatedAt: at}}
	}
	var fx cases.Effects
	if st.staff {
		m.AuthorID = w.staffID(p)
		fx.Events = []processlog.Event{event(c, "message_sent", w.staffResource(p), "case_worker", at)}
	} else {
		m.AuthorID = c.ApplicantID
		if s, _ := flow.State(c.State); s.Kind == cases.KindWaiting {
			fx.Events = []processlog.Event{event(c, "citizen_replied", "citizen", "applicant", at)}
		}
	}
	if read := addWork(st.at, 2*time.Hour); read.Before(w.s.Now) && !p.citizen {
		r := read.UTC()
		m.ReadAt = &r
	}
	return w.s.Cases.AddMessage(ctx, m, fx)
}

// event is a process event of c that is no transition (as the cases
// package writes them: assignment, payment, messages).
func event(c *cases.Case, activity, actor, role string, at time.Time) processlog.Event {
	return processlog.Event{Process: cases.Process, CaseID: c.Reference, Activity: activity, At: at, OrgID: c.OrgID,
		Resource: actor, Attrs: map[string]string{"service": strconv.FormatInt(c.ServiceID, 10), "channel": c.Channel,
			"from": c.State, "state": c.State, "role": role}}
}

// sortPlans orders plans by arrival, so reference numbers follow time.
func sortPlans(ps []*plan) {
	slices.SortStableFunc(ps, func(a, b *plan) int { return a.at.Compare(b.at) })
}

// rateCase lets some online applicants answer the satisfaction question
// right after submitting: mostly content, less so with the long housing
// benefit form.
func (w *caseWriter) rateCase(p *plan, c *cases.Case) {
	r := w.rate
	if p.citizen || p.channel != cases.ChannelOnline || r.Float64() >= 0.25 {
		return
	}
	at := c.SubmittedAt.Add(time.Duration(1+r.IntN(10))*time.Minute + time.Duration(r.IntN(60))*time.Second)
	if !at.Before(w.s.Now) {
		return
	}
	mood := 4.4
	if p.prof.key == "wohngeld" {
		mood = 3.7
	}
	rating := min(feedback.MaxRating, max(feedback.MinRating, int(math.Round(mood+0.8*r.NormFloat64()))))
	sat := &feedback.Satisfaction{Subject: feedback.Subject{Kind: feedback.KindCase, ID: c.ID}, ServiceID: c.ServiceID,
		OrgID: c.OrgID, Rating: rating, At: at, UpdatedAt: at}
	if r.IntN(5) == 0 {
		sat.Comment = pick(r, ratingComments[rating])
	}
	w.ratings = append(w.ratings, sat)
	w.ratingEvents = append(w.ratingEvents, processlog.Event{Process: feedback.Process, CaseID: sat.Subject.String(),
		Activity: feedback.ActivityRated, At: at, OrgID: c.OrgID, Resource: "citizen",
		Attrs: map[string]string{"kind": feedback.KindCase, "rating": strconv.Itoa(rating), "service": strconv.FormatInt(c.ServiceID, 10)}})
}
