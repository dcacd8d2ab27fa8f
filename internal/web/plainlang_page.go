package web

import (
	"net/http"
	"net/url"
	"strings"

	"rathaus/internal/account"
	"rathaus/internal/fault"
	"rathaus/internal/plainlang"
)

// requireAnyRole lets in platform admins and everyone who holds some
// role in the organisation tree: the people who write to citizens.
func (s *Server) requireAnyRole(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		ok, err := s.hasAnyRole(r, currentUser(r))
		if err != nil {
			return err
		}
		if !ok {
			return fault.New(fault.Forbidden, "error.plainlang.forbidden")
		}
		return h(w, r)
	}
}

// hasAnyRole reports whether u holds any role in the organisation tree
// (or is a platform admin): who writes for the city and may use the
// plain-language check, for the gate and the navigation link alike.
func (s *Server) hasAnyRole(r *http.Request, u *account.User) (bool, error) {
	if u == nil || u.PlatformAdmin || s.opts.Orgs == nil {
		return u != nil && u.PlatformAdmin, nil
	}
	grants, err := s.userGrants(r, u)
	return len(grants) > 0, err
}

// plainPage is the staff page: the form and, after a check, the report.
type plainPage struct {
	Page
	Easy   bool
	Report *plainReport
}

// handlePlainLangForm shows the empty form.
func (s *Server) handlePlainLangForm(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, "plainlang", plainPage{Page: s.page(r, "plainlang.title")})
}

// plainFields are the form fields whose text a reply form or the
// catalogue editor may send here with the button named plainlang_field
// (value "<field>" or "<field>:easy"), so the check works without
// JavaScript on what was typed there.
var plainFields = map[string]bool{"text": true, "message": true, "answer": true, "reply": true, "body": true,
	"summary": true, "description": true, "easy_language": true}

// plainInput reads the text and the Leichte Sprache choice from a form.
func plainInput(values url.Values) (text string, easy bool) {
	field, mode, _ := strings.Cut(values.Get("plainlang_field"), ":")
	if !plainFields[field] {
		field = "text"
	}
	return values.Get(field), mode == "easy" || values.Get("easy") == "1"
}

// handlePlainLangCheck checks the text and shows the report under it.
func (s *Server) handlePlainLangCheck(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	text, easy := plainInput(values)
	p := plainPage{Page: s.page(r, "plainlang.title"), Easy: easy}
	form := url.Values{"text": {text}}
	var v fault.Validator
	v.Check(strings.TrimSpace(text) != "", "text", "error.plainlang.empty")
	v.Check(len(text) <= maxPlainText, "text", "error.plainlang.too_long")
	if err := v.Err(); err != nil {
		if len(text) > maxPlainText {
			form.Set("text", "") // do not send a huge text back
		}
		p.Form = s.formFor(r, form, err)
		return s.renderStatus(w, r, statusOf(err), "plainlang", p)
	}
	p.Form = s.newForm(r, form)
	p.Report = s.plainReportOf(langOf(r), text, plainlang.Check(text, plainlang.Options{Easy: easy}))
	return s.render(w, r, "plainlang", p)
}
