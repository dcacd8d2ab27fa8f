package web

import (
	"net/http"
	"strconv"
	"time"

	"rathaus/internal/cases"
	"rathaus/internal/payment"
)

// A case's pages for its applicant: the confirmation right after the
// submission, the status page with history, mailbox, files and payment,
// the receipt, the payment code and withdrawal. An account sees its own
// cases; without one, the secret of the case (from the mailed link, kept
// in a signed session cookie) opens exactly that case. Everything else is
// 404.

// citizenOf is who asks for case id: the holder of its secret when the
// cookie's secret belongs to that case, else the account.
func (s *Server) citizenOf(r *http.Request, id int64) cases.Citizen {
	if secret, ok := s.signedCookie(r, caseAccessCookie); ok && secret != "" {
		c, err := s.opts.Cases.Store.FindCaseByAccessHash(r.Context(), cases.HashSecret(secret))
		if err == nil && c.ID == id {
			return cases.Citizen{Secret: secret}
		}
	}
	if u := currentUser(r); u != nil {
		uid := u.ID
		return cases.Citizen{UserID: &uid}
	}
	return cases.Citizen{}
}

// citizenCaseView opens the case the path names for its applicant.
func (s *Server) citizenCaseView(r *http.Request) (*cases.View, cases.Citizen, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, cases.Citizen{}, errNotFound
	}
	who := s.citizenOf(r, id)
	v, err := s.opts.Cases.CitizenView(r.Context(), who, id)
	return v, who, err
}

// myCaseURL is the status page of case id.
func myCaseURL(id int64) string { return "/antraege/" + strconv.FormatInt(id, 10) }

// myPaymentBox is what to transfer, with the GiroCode, its texts
// translated (the "cases-payment-box" partial).
type myPaymentBox struct {
	Intro, QRHeading, QRText string
	Rows                     []namedRow
	QRURL, QRAlt             string
}

// namedRow is a label and its value.
type namedRow struct{ Label, Value string }

// myPaymentBoxOf is the transfer box of a case with an open fee, or nil.
func (s *Server) myPaymentBoxOf(r *http.Request, v *cases.View) *myPaymentBox {
	bill := s.opts.Cases.Bill(v)
	if bill == nil {
		return nil
	}
	amount := euro(langOf(r), bill.AmountCents)
	b := &myPaymentBox{Intro: s.t(r, "cases_web.payment.intro", amount), QRHeading: s.t(r, "cases_web.payment.qr_heading"),
		QRText: s.t(r, "cases_web.payment.qr_text"), QRURL: myCaseURL(v.Case.ID) + "/zahlung.svg",
		QRAlt: s.t(r, "cases_web.payment.qr_alt", amount, bill.Creditor, bill.Reference)}
	for _, row := range payment.Summary(*bill) {
		b.Rows = append(b.Rows, namedRow{s.t(r, row.Label), row.Value})
	}
	return b
}

// citizenStateLabel is a state's name in lang.
func citizenStateLabel(st cases.State, lang string) string {
	if lang == "en" && st.LabelEN != "" {
		return st.LabelEN
	}
	if st.LabelDE == "" {
		return st.ID
	}
	return st.LabelDE
}

// myCaseReceivedPage confirms a submission.
type myCaseReceivedPage struct {
	Page
	Case       *cases.Case
	Service    string
	StatusURL  string
	SecretLink string // without an account: the status link, shown here once and mailed
	Deadline   string
	Fee        string
	Payment    *myPaymentBox
}

func (s *Server) handleCaseReceived(w http.ResponseWriter, r *http.Request) error {
	v, who, err := s.citizenCaseView(r)
	if err != nil {
		return err
	}
	p := myCaseReceivedPage{Page: s.page(r, "cases_web.received.title"), Case: v.Case, Service: v.Service.Name,
		StatusURL: myCaseURL(v.Case.ID), Payment: s.myPaymentBoxOf(r, v)}
	if who.Secret != "" {
		p.SecretLink = s.caseStatusLink(who.Secret)
	}
	if v.Case.Deadline != nil {
		p.Deadline = p.Date(v.Case.Deadline.In(s.opts.Location))
	}
	if v.Case.FeeCents > 0 {
		p.Fee = euro(langOf(r), v.Case.FeeCents)
	}
	return s.render(w, r, "cases_status_received", p)
}

// myCaseStatusPage is a case's page for its applicant.
type myCaseStatusPage struct {
	Page
	View       *cases.View
	Ref        string
	Service    string
	State      string
	Waiting    bool
	Request    *myHistoryItem // the office's open request while waiting
	History    []myHistoryItem
	Decisions  []myCaseFile
	Receipt    string
	Files      []myCaseFile
	Messages   []myMessageItem
	Fee, Paid  string
	Payment    *myPaymentBox
	Deadline   string
	Withdraw   string // the withdrawal page, when still possible
	MessageURL string
}

// myHistoryItem is one step of the timeline.
type myHistoryItem struct {
	When, State, Note string
	At                time.Time
}

// myCaseFile is a downloadable file of the case.
type myCaseFile struct {
	Name, URL, Size string
}

// myMessageItem is one message in the mailbox.
type myMessageItem struct {
	FromOffice bool
	When       string
	Body       string
	Files      []myCaseFile
}

func (s *Server) handleCaseStatus(w http.ResponseWriter, r *http.Request) error {
	v, _, err := s.citizenCaseView(r)
	if err != nil {
		return err
	}
	return s.renderCaseStatus(w, r, v, s.newForm(r, nil), http.StatusOK)
}

// renderCaseStatus shows the status page with the message form's
// problems in f.
func (s *Server) renderCaseStatus(w http.ResponseWriter, r *http.Request, v *cases.View, f *Form, status int) error {
	lang := langOf(r)
	c := v.Case
	st := v.State()
	p := myCaseStatusPage{Page: s.page(r, "cases_web.status.title"), View: v, Ref: c.Reference, Service: v.Service.Name,
		State: citizenStateLabel(st, lang), Waiting: st.Kind == cases.KindWaiting, Payment: s.myPaymentBoxOf(r, v),
		Receipt: myCaseURL(c.ID) + "/quittung.pdf", MessageURL: myCaseURL(c.ID) + "/nachrichten"}
	p.Page.Title = s.t(r, "cases_web.status.heading", c.Reference)
	p.Page.Form = f
	when := func(t time.Time) string {
		t = t.In(s.opts.Location)
		return p.Date(t) + ", " + t.Format("15:04")
	}
	for _, h := range v.History {
		if h.Action != "submitted" && h.FromState == h.ToState {
			continue // assignments and the like: office matters
		}
		hs, _ := v.Workflow.State(h.ToState)
		p.History = append(p.History, myHistoryItem{When: when(h.At), State: citizenStateLabel(hs, lang), Note: h.Note, At: h.At})
	}
	if p.Waiting {
		for i := len(v.History) - 1; i >= 0; i-- {
			if h := v.History[i]; h.ToState == c.State && h.Note != "" {
				p.Request = &myHistoryItem{When: when(h.At), State: p.State, Note: h.Note, At: h.At}
				break
			}
		}
	}
	for _, f := range v.Decisions() {
		p.Decisions = append(p.Decisions, s.myCaseFileOf(lang, c.ID, f))
	}
	for _, f := range v.Attachments() {
		p.Files = append(p.Files, s.myCaseFileOf(lang, c.ID, f))
	}
	for _, m := range v.Messages {
		mi := myMessageItem{FromOffice: m.FromStaff, When: when(m.At), Body: m.Body}
		for _, f := range m.Files {
			mi.Files = append(mi.Files, s.myCaseFileOf(lang, c.ID, f))
		}
		p.Messages = append(p.Messages, mi)
	}
	if c.FeeCents > 0 {
		p.Fee, p.Paid = euro(lang, c.FeeCents), euro(lang, c.PaidCents)
	}
	if c.Deadline != nil && (st.Kind == cases.KindOpen || st.Kind == cases.KindReceived || st.Kind == cases.KindWaiting) {
		p.Deadline = p.Date(c.Deadline.In(s.opts.Location))
	}
	if _, err := v.Workflow.Next(c.State, "withdraw"); err == nil {
		p.Withdraw = myCaseURL(c.ID) + "/zurueckziehen"
	}
	return s.renderStatus(w, r, status, "cases_status_view", p)
}

func (s *Server) myCaseFileOf(lang string, caseID int64, f cases.File) myCaseFile {
	return myCaseFile{Name: f.Name, Size: applyFileSize(lang, f.Size),
		URL: myCaseURL(caseID) + "/dateien/" + strconv.FormatInt(f.ID, 10)}
}
