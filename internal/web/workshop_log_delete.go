package web

import (
	"errors"
	"net/http"

	"rathaus/internal/fault"
	"rathaus/internal/workshop"
)

// The deletion of an imported log: a confirmation page and its POST, and
// DELETE in the API. Platform logs cannot be deleted.

// workshopDeletePage is the confirmation of a log's deletion.
type workshopDeletePage struct {
	workshopPage
	Name, Action, Back string
	Cases, Events      string
}

func (s *Server) handleWorkshopDeleteForm(w http.ResponseWriter, r *http.Request) error {
	_, src, err := s.workshopLog(r)
	if err != nil {
		return err
	}
	if src.Kind != "imported" {
		return errNotFound
	}
	p := workshopDeletePage{workshopPage: workshopPage{Page: s.page(r, "workshop_logs.delete.title")},
		Name: src.Name, Action: workshopSourcePath(src.Key, "loeschen"), Back: workshopSourcePath(src.Key, "")}
	p.Cases, p.Events = p.Num(src.Cases), p.Num(src.Events)
	return s.render(w, r, "workshop_log_delete", p)
}

func (s *Server) handleWorkshopDelete(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.parseForm(r); err != nil {
		return err
	}
	if err := s.workshopDeleteLog(r); err != nil {
		return err
	}
	return s.redirectFlash(w, r, workshopBase, "workshop_logs.flash.deleted")
}

func (s *Server) handleAPIWorkshopDelete(w http.ResponseWriter, r *http.Request) error {
	if err := s.workshopDeleteLog(r); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// workshopDeleteLog deletes the imported log named in the path; a
// platform source cannot be deleted (404).
func (s *Server) workshopDeleteLog(r *http.Request) error {
	ws, err := s.workshopService()
	if err != nil {
		return err
	}
	_, _, id, err := workshop.ParseSourceKey(r.PathValue("key"))
	if err != nil {
		return err
	}
	if id == 0 {
		return fault.New(fault.NotFound, "error.workshop.source")
	}
	err = ws.DeleteLog(r.Context(), workshopUser(r), id)
	if errors.Is(err, errNotFound) || fault.KindOf(err) == fault.NotFound {
		return fault.New(fault.NotFound, "error.workshop.source")
	}
	return err
}
