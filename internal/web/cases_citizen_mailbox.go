package web

import (
	"net/http"
	"strconv"

	"rathaus/internal/cases"
	"rathaus/internal/fault"
	"rathaus/internal/form"
)

// The applicant's messages to the office and the withdrawal of a case.

// handleCaseMessage sends the applicant's message to the office, with
// optional files.
func (s *Server) handleCaseMessage(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	v, who, err := s.citizenCaseView(r)
	if err != nil {
		return err
	}
	reply := cases.Reply{CaseID: v.Case.ID, Body: values.Get("nachricht"), Lang: langOf(r)}
	var fileErrs []fault.FieldError
	if r.MultipartForm != nil {
		for _, fh := range r.MultipartForm.File["dateien"] {
			if fh.Filename == "" && fh.Size == 0 {
				continue
			}
			f, err := fh.Open()
			if err != nil {
				return err
			}
			cf, err := s.opts.Cases.MessageFile(r.Context(), fh.Filename, f)
			f.Close()
			if fault.Is(err, fault.Invalid) {
				q := citizenMessageFiles
				fe := applyUploadError(&q, fh.Filename, err)
				fe.Field = "dateien"
				fileErrs = append(fileErrs, fe)
				continue
			} else if err != nil {
				return err
			}
			reply.Files = append(reply.Files, cf)
		}
	}
	if len(fileErrs) > 0 {
		return s.renderCaseStatus(w, r, v, s.formFor(r, values, fault.Fields(fileErrs...)), http.StatusBadRequest)
	}
	if _, err := s.opts.Cases.CitizenMessage(r.Context(), who, reply); fault.Is(err, fault.Invalid) {
		fe := fault.As(err)
		for i := range fe.Fields {
			if fe.Fields[i].Field == "body" {
				fe.Fields[i].Field = "nachricht"
			} else if fe.Fields[i].Field == "files" {
				fe.Fields[i].Field = "dateien"
			}
		}
		return s.renderCaseStatus(w, r, v, s.formFor(r, values, fe), http.StatusBadRequest)
	} else if err != nil {
		return err
	}
	return s.redirectFlash(w, r, myCaseURL(v.Case.ID)+"#nachrichten", "cases_web.flash.message_sent")
}

// citizenMessageFiles describes what a message attachment may be, for
// the error texts of refused files.
var citizenMessageFiles = form.Question{AllowedTypes: cases.MessageFileTypes, MaxBytes: cases.DefaultMaxFileBytes}

// myCaseWithdrawPage asks to confirm a withdrawal.
type myCaseWithdrawPage struct {
	Page
	Case    *cases.Case
	Service string
	Back    string
}

func (s *Server) handleCaseWithdrawForm(w http.ResponseWriter, r *http.Request) error {
	v, _, err := s.citizenCaseView(r)
	if err != nil {
		return err
	}
	if _, err := v.Workflow.Next(v.Case.State, "withdraw"); err != nil {
		return err
	}
	return s.render(w, r, "cases_status_withdraw", myCaseWithdrawPage{Page: s.page(r, "cases_web.withdraw.title"),
		Case: v.Case, Service: v.Service.Name, Back: myCaseURL(v.Case.ID)})
}

func (s *Server) handleCaseWithdraw(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	version, _ := strconv.Atoi(values.Get("version"))
	if _, err := s.opts.Cases.Withdraw(r.Context(), s.citizenOf(r, id), id, version); err != nil {
		return err
	}
	return s.redirectFlash(w, r, myCaseURL(id), "cases_web.flash.withdrawn")
}
