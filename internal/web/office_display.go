package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/appointment"
)

// The waiting room's screen: the tickets called last, each with its
// counter, and how many wait. It shows numbers only, never a name, so it
// needs no login. Without JavaScript the page reloads itself every
// displayRefresh seconds; with it, office.js asks for the JSON form every
// few seconds and updates the list in place.

// displayRecent is how many called tickets the screen shows.
const displayRecent = 6

// displayRefresh is the no-script reload interval in seconds.
const displayRefresh = 10

// displayPage is the screen's HTML.
type displayPage struct {
	Page
	OfficeName string
	JSONURL    string
	Refresh    int
	Called     []displayCall
	Waiting    int
	State      string // what office.js compares answers with
}

// displayJSON is the screen's JSON form, GET /aufruf/{office}.json.
type displayJSON struct {
	Called  []displayCall `json:"called"`
	Waiting int           `json:"waiting"`
}

type displayCall struct {
	Label    string    `json:"label"`
	Counter  int       `json:"counter"`
	CalledAt time.Time `json:"called_at"`
}

// handleDisplay serves the screen of an office, as HTML or, for
// "/aufruf/{office}.json", as JSON.
func (s *Server) handleDisplay(w http.ResponseWriter, r *http.Request) error {
	raw, asJSON := strings.CutSuffix(r.PathValue("office"), ".json")
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return errNotFound
	}
	ctx := r.Context()
	d, err := s.opts.Appointments.DisplayFor(ctx, id, displayRecent)
	if err != nil {
		return err
	}
	calls := displayCalls(d)
	if asJSON {
		return s.writeJSON(w, http.StatusOK, displayJSON{Called: calls, Waiting: d.Waiting})
	}
	o, err := s.opts.Services.Office(ctx, id)
	if err != nil {
		return err
	}
	p := displayPage{Page: s.page(r, "office.display.title"), OfficeName: o.Name,
		JSONURL: displayPath(id) + ".json", Refresh: displayRefresh, Called: calls, Waiting: d.Waiting}
	p.Title = s.t(r, "office.display.title_of", o.Name)
	p.State = displayState(calls, d.Waiting)
	return s.render(w, r, "office_display", p)
}

// displayCalls takes only what the screen may show from the tickets.
func displayCalls(d *appointment.Display) []displayCall {
	out := make([]displayCall, 0, len(d.Called))
	for _, t := range d.Called {
		out = append(out, displayCall{Label: t.Label, Counter: t.Counter, CalledAt: t.CalledAt.UTC()})
	}
	return out
}

// displayState sums up what the screen shows, as office.js does.
func displayState(calls []displayCall, waiting int) string {
	parts := make([]string, len(calls))
	for i, c := range calls {
		parts[i] = c.Label + "@" + strconv.Itoa(c.Counter)
	}
	return strings.Join(parts, "|") + "#" + strconv.Itoa(waiting)
}
