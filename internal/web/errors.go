package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/fault"
)

// kindStatus maps each fault kind to its HTTP status: the one table.
var kindStatus = map[fault.Kind]int{
	fault.Internal:        http.StatusInternalServerError,
	fault.NotFound:        http.StatusNotFound,
	fault.Invalid:         http.StatusBadRequest,
	fault.Conflict:        http.StatusConflict,
	fault.Forbidden:       http.StatusForbidden,
	fault.Unauthenticated: http.StatusUnauthorized,
	fault.TooMany:         http.StatusTooManyRequests,
}

// httpError is a problem of the HTTP exchange itself, with no domain kind:
// a body too large, a wrong content type, a cross-origin form post.
type httpError struct {
	status int
	code   string // for the JSON API
	key    string // translation key
}

func (e *httpError) Error() string { return e.code }

// The HTTP-level errors the middleware and helpers return.
var (
	errTooLarge         = &httpError{http.StatusRequestEntityTooLarge, "payload_too_large", "error.http.too_large"}
	errMediaType        = &httpError{http.StatusUnsupportedMediaType, "unsupported_media_type", "error.http.media_type"}
	errMediaTypeJSON    = &httpError{http.StatusUnsupportedMediaType, "unsupported_media_type", "error.http.media_type_json"}
	errCrossOrigin      = &httpError{http.StatusForbidden, "cross_origin", "error.http.cross_origin"}
	errBadRequest       = &httpError{http.StatusBadRequest, "bad_request", "error.http.bad_request"}
	errMethodNotAllowed = &httpError{http.StatusMethodNotAllowed, "method_not_allowed", "error.http.method"}
	errNotFound         = fault.New(fault.NotFound, "error.not_found")
)

// statusOf returns the HTTP status for err.
func statusOf(err error) int {
	var he *httpError
	if errors.As(err, &he) {
		return he.status
	}
	return kindStatus[fault.KindOf(err)]
}

// adapt turns a handlerFunc into an http.Handler that renders its error.
func (s *Server) adapt(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.serveError(w, r, err)
		}
	})
}

// serveError renders err for the client: JSON under /api/, the Open311
// error list under /georeport/v2/, else an HTML
// error page, or a redirect to the login page for an anonymous GET.
// The request log line carries err; nothing else logs it.
func (s *Server) serveError(w http.ResponseWriter, r *http.Request, err error) {
	state(r).err = err
	if isAPI(r) {
		s.writeJSONError(w, r, err)
		return
	}
	if strings.HasPrefix(r.URL.Path, geoReportBase) {
		s.geoReportServeError(w, r, err)
		return
	}
	if fault.Is(err, fault.Unauthenticated) && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
		redirect(w, r, loginPath+"?"+url.Values{"next": {r.URL.RequestURI()}}.Encode())
		return
	}
	status := statusOf(err)
	page := errorPage{Page: s.page(r, "error.title.generic"), Status: status}
	page.Title = s.t(r, statusTitleKey(status))
	page.Message, page.Fields = s.messages(r, err)
	page.RequestID = requestID(r)
	if rerr := s.renderStatus(w, r, status, "error", page); rerr != nil {
		// The error page itself failed: fall back to plain text.
		http.Error(w, page.Message, status)
	}
}

// errorPage is the data of the error template.
type errorPage struct {
	Page
	Status    int
	Message   string
	Fields    []string
	RequestID string
}

// statusTitleKey names the heading of an error page.
func statusTitleKey(status int) string {
	switch status {
	case 400, 401, 403, 404, 405, 409, 413, 415, 429:
		return "error.title." + strconv.Itoa(status)
	}
	return "error.title.generic"
}

// messages translates err's summary and field messages. Internal errors
// never show their cause.
func (s *Server) messages(r *http.Request, err error) (string, []string) {
	var he *httpError
	if errors.As(err, &he) {
		return s.t(r, he.key), nil
	}
	f := fault.As(err)
	if f.Kind == fault.Internal {
		return s.t(r, "error.internal"), nil
	}
	var fields []string
	for _, fe := range f.Fields {
		fields = append(fields, s.t(r, fe.Key, fe.Args...))
	}
	return s.t(r, f.Key, f.Args...), fields
}

// isAPI reports whether r is for the JSON API.
func isAPI(r *http.Request) bool {
	return r.URL.Path == "/api" || strings.HasPrefix(r.URL.Path, "/api/")
}

// loginPath is where anonymous visitors of a protected page are sent.
const loginPath = "/login"
