package web

import (
	"net/http"
	"net/url"
	"strconv"

	"rathaus/internal/account"
	"rathaus/internal/cases"
	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/form"
)

// The citizen's application: a start page, then one page per step of the
// service's published form (templates/pages/cases_apply_*.html). Between
// pages the answers live in a draft: in the account (its ID travels as
// "?entwurf=" in links and a hidden field), or without an account behind
// the draft's secret, which the browser keeps in a signed, HttpOnly
// session cookie. Answers themselves never go into a cookie.

// applyDraftParam names the draft of an account in URLs and forms.
const applyDraftParam = "entwurf"

// applyDraftCookie is the cookie holding the secret of an anonymous draft of
// service sid.
func applyDraftCookie(sid int64) string { return "rathaus_antrag_" + strconv.FormatInt(sid, 10) }

// applyFlow is an application in progress: the form, its service, who
// fills it in and their draft (nil until the first page is saved).
type applyFlow struct {
	Form    *form.Form
	Service *catalog.Service
	User    *account.User
	Who     cases.Citizen
	Draft   *cases.Draft
	Answers form.Answers
	// Campaign is the code of the promotion campaign the applicant came
	// from (?kampagne=, checked), carried in links until the draft keeps it.
	Campaign string
}

// applyURL is where a service's online application starts.
func applyURL(sid int64) string { return "/antrag/" + strconv.FormatInt(sid, 10) }

// url is path of this application with the account's draft in the query.
func (a *applyFlow) url(path string, extra ...string) string {
	q := url.Values{}
	if a.User != nil && a.Draft != nil {
		q.Set(applyDraftParam, strconv.FormatInt(a.Draft.ID, 10))
	}
	if a.Draft == nil && a.Campaign != "" {
		q.Set(campaignParam, a.Campaign)
	}
	for i := 0; i+1 < len(extra); i += 2 {
		q.Set(extra[i], extra[i+1])
	}
	u := applyURL(a.Service.ID) + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

// startURL is the application's start page, with the campaign tag
// while no draft keeps it.
func (a *applyFlow) startURL() string {
	if a.Draft == nil && a.Campaign != "" {
		return applyURL(a.Service.ID) + "?" + url.Values{campaignParam: {a.Campaign}}.Encode()
	}
	return applyURL(a.Service.ID)
}

// DraftID is the account draft's ID for hidden fields; 0 without one.
func (a *applyFlow) DraftID() int64 {
	if a.User == nil || a.Draft == nil {
		return 0
	}
	return a.Draft.ID
}

// firstPage is the first page the applicant sees.
func (a *applyFlow) firstPage() string {
	if path := a.Form.Path(a.Answers); len(path) > 0 {
		return path[0]
	}
	return ""
}

// openApplication loads the service's published form and, when login is
// needed or not allowed, fails accordingly; the draft is the account's
// (?entwurf= or the form field) or the one behind the cookie's secret.
func (s *Server) openApplication(r *http.Request) (*applyFlow, error) {
	sid, err := strconv.ParseInt(r.PathValue("service"), 10, 64)
	if err != nil {
		return nil, errNotFound
	}
	f, svc, err := s.opts.Cases.Form(r.Context(), sid)
	if err != nil {
		return nil, err
	}
	a := &applyFlow{Form: f, Service: svc, User: currentUser(r), Answers: form.Answers{}}
	if a.User == nil && !f.Settings.Anonymous {
		return nil, fault.New(fault.Unauthenticated, "error.cases.login_required")
	}
	var saved *cases.SavedDraft
	if a.User != nil {
		uid := a.User.ID
		a.Who = cases.Citizen{UserID: &uid}
		id, _ := strconv.ParseInt(r.FormValue(applyDraftParam), 10, 64)
		if id > 0 {
			// A draft gone (submitted, deleted, expired) is no draft.
			if saved, err = s.opts.Cases.OpenDraft(r.Context(), a.Who, id); fault.Is(err, fault.NotFound) {
				saved = nil
			} else if err != nil {
				return nil, err
			}
		}
	} else if secret, ok := s.signedCookie(r, applyDraftCookie(sid)); ok && secret != "" {
		if saved, err = s.opts.Cases.OpenDraft(r.Context(), cases.Citizen{Secret: secret}, 0); err == nil {
			a.Who = cases.Citizen{Secret: secret}
		} else if !fault.Is(err, fault.NotFound) {
			return nil, err
		}
	}
	if saved != nil {
		if saved.Draft.ServiceID != sid {
			return nil, errNotFound
		}
		a.Draft, a.Answers = saved.Draft, saved.Answers
	} else {
		a.Campaign = s.campaignTag(r, sid)
	}
	return a, nil
}

// saveApplyDraft stores the answers and where the applicant goes on; a new
// anonymous draft's secret goes into the cookie.
func (s *Server) saveApplyDraft(w http.ResponseWriter, r *http.Request, a *applyFlow, answers form.Answers, pageID string) error {
	var id int64
	if a.User != nil && a.Draft != nil {
		id = a.Draft.ID
	}
	saved, err := s.opts.Cases.SaveStep(r.Context(), cases.DraftSave{Who: a.Who, DraftID: id, ServiceID: a.Service.ID,
		Form: a.Form, Answers: answers, PageID: pageID, Campaign: a.Campaign})
	if err != nil {
		return err
	}
	if saved.Secret != "" {
		s.setSignedCookie(w, applyDraftCookie(a.Service.ID), saved.Secret, 0)
		a.Who = cases.Citizen{Secret: saved.Secret}
	}
	a.Draft, a.Answers = saved.Draft, answers
	return nil
}

// applyStartPage is the start page of an application.
type applyStartPage struct {
	Page
	App        *applyFlow
	Title      string
	Intro      string
	Documents  []string
	Fee        string // "" without a fee
	FeeVaries  bool   // computed from the answers
	Days       int    // promised decision time in days; 0: none
	DraftDays  int    // how long a draft is kept
	FirstURL   string
	Prefill    []string // translated names of the profile data the form can take
	Anonymous  bool
	LoginURL   string
	ResumeURL  string // the account's saved draft of this service
	HasFiles   bool
	PageTitles []string
	TitleLang  string // "de" when the form has no title in the page's language
	IntroLang  string
}

// fallbackLang is "de" when t has no text in lang and falls back to
// German, for a lang attribute; else "".
func fallbackLang(t form.Text, lang string) string {
	if lang != "de" && t[lang] == "" && t["de"] != "" {
		return "de"
	}
	return ""
}

func (s *Server) handleApplyStart(w http.ResponseWriter, r *http.Request) error {
	sid, err := strconv.ParseInt(r.PathValue("service"), 10, 64)
	if err != nil {
		return errNotFound
	}
	f, svc, err := s.opts.Cases.Form(r.Context(), sid)
	if err != nil {
		return err
	}
	lang := langOf(r)
	a := &applyFlow{Form: f, Service: svc, User: currentUser(r), Answers: form.Answers{}, Campaign: s.campaignTag(r, sid)}
	p := applyStartPage{Page: s.page(r, "cases_web.start.title"), App: a, Title: f.Title.Get(lang),
		Intro: f.Intro.Get(lang), Documents: svc.Documents, Days: f.Settings.DecisionDays,
		DraftDays: int(s.opts.Cases.DraftTTL.Hours() / 24), Anonymous: f.Settings.Anonymous,
		FirstURL: a.url("/" + a.firstPage()),
		LoginURL: loginPath + "?" + url.Values{"next": {a.startURL()}}.Encode()}
	if p.DraftDays <= 0 {
		p.DraftDays = int(cases.DefaultDraftTTL.Hours() / 24)
	}
	p.Page.Title = p.Title
	p.TitleLang, p.IntroLang = fallbackLang(f.Title, lang), fallbackLang(f.Intro, lang)
	if f.Fee != nil {
		p.Fee = euro(lang, f.Fee.BaseCents)
		p.FeeVaries = f.Fee.PerUnit != nil || len(f.Fee.Surcharges) > 0
	}
	for _, pg := range f.Pages {
		title := pg.Title.Get(lang)
		if pg.ShowIf != nil {
			title = s.t(r, "cases_web.start.if_needed", title)
		}
		p.PageTitles = append(p.PageTitles, title)
		for _, q := range pg.Questions {
			p.HasFiles = p.HasFiles || q.Type == form.TypeFile
		}
	}
	if a.User != nil {
		p.Prefill = s.prefillNames(r, f, a.User)
		if p.ResumeURL, err = s.resumeURL(r, a.User.ID, sid); err != nil {
			return err
		}
	}
	return s.render(w, r, "cases_apply_start", p)
}

// applyProfile is what an account can offer to prefill: its name and e-mail
// address (an account keeps no postal address or phone number).
func applyProfile(u *account.User) form.Profile {
	return form.Profile{Name: u.DisplayName, Email: u.Email}
}

// prefillNames lists, translated, the profile data the form would take
// from the account; empty when it would take none.
func (s *Server) prefillNames(r *http.Request, f *form.Form, u *account.User) []string {
	prof := applyProfile(u)
	var out []string
	for _, src := range f.PrefillSources() {
		if src == form.PrefillName && prof.Name != "" || src == form.PrefillEmail && prof.Email != "" {
			out = append(out, s.t(r, "cases_web.prefill."+src[len("profile."):]))
		}
	}
	return out
}

// resumeURL is the page where the account's latest draft of service sid
// goes on, or "".
func (s *Server) resumeURL(r *http.Request, uid, sid int64) (string, error) {
	drafts, err := s.opts.Cases.MyDrafts(r.Context(), uid)
	if err != nil {
		return "", err
	}
	for _, d := range drafts {
		if d.ServiceID == sid {
			return applyDraftURL(d), nil
		}
	}
	return "", nil
}

// applyDraftURL continues an account's draft where it stopped.
func applyDraftURL(d *cases.Draft) string {
	page := d.PageID
	if page == "" {
		page = "pruefen"
	}
	return applyURL(d.ServiceID) + "/" + page + "?" + applyDraftParam + "=" + strconv.FormatInt(d.ID, 10)
}

// handleApplyBegin starts an account's application: with consent, a
// draft with the profile's data, then the first page.
func (s *Server) handleApplyBegin(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	a, err := s.openApplication(r)
	if err != nil {
		return err
	}
	if values.Get("profil") == "ja" {
		answers := a.Form.PrefillAnswers(applyProfile(a.User), form.Answers{})
		if err := s.saveApplyDraft(w, r, a, answers, a.firstPage()); err != nil {
			return err
		}
	}
	redirect(w, r, a.url("/"+a.firstPage()))
	return nil
}

// handleApplyResume opens an anonymous draft from its secret link: the
// secret goes into the cookie, and the applicant on where they stopped.
func (s *Server) handleApplyResume(w http.ResponseWriter, r *http.Request) error {
	sid, err := strconv.ParseInt(r.PathValue("service"), 10, 64)
	if err != nil {
		return errNotFound
	}
	secret := r.URL.Query().Get("s")
	if secret == "" {
		return errNotFound
	}
	saved, err := s.opts.Cases.OpenDraft(r.Context(), cases.Citizen{Secret: secret}, 0)
	if err != nil {
		return err
	}
	if saved.Draft.ServiceID != sid {
		return errNotFound
	}
	s.setSignedCookie(w, applyDraftCookie(sid), secret, 0)
	page := saved.Draft.PageID
	if page == "" {
		page = "pruefen"
	}
	redirect(w, r, applyURL(sid)+"/"+page)
	return nil
}
