package workshop

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/org"
)

// Source is a log to analyse: a platform process or an imported file.
type Source struct {
	Key       string // "case:12", "case", "appointment", "log:3"
	Kind      string // "platform" or "imported"
	Process   string // platform process
	ServiceID int64
	LogID     int64
	Name      string
	Format    string
	Cases     int
	Events    int
	First     time.Time
	Last      time.Time
}

// Platform processes with a name of their own (translation keys).
var processNames = map[string]string{
	"case":          "workshop.process.case",
	"appointment":   "workshop.process.appointment",
	"participation": "workshop.process.participation",
	"feedback":      "workshop.process.feedback",
	"report":        "workshop.process.report",
}

// ProcessNameKey is the translation key naming a platform process.
func ProcessNameKey(process string) string {
	if k, ok := processNames[process]; ok {
		return k
	}
	return "workshop.process.other"
}

// Sources lists what a may analyse: each platform process (applications
// also per service) and the imported logs of their units.
func (s *Service) Sources(ctx context.Context, a org.Actor) ([]Source, error) {
	scope, err := s.Scope(ctx, a)
	if err != nil {
		return nil, err
	}
	counts, err := s.Store.ProcessCounts(ctx)
	if err != nil {
		return nil, err
	}
	out := s.platformSources(ctx, scope, counts)
	logs, err := s.Store.FindStoredLogs(ctx, scope)
	if err != nil {
		return nil, err
	}
	for _, l := range logs {
		out = append(out, Source{Key: "log:" + strconv.FormatInt(l.ID, 10), Kind: "imported", LogID: l.ID,
			Name: l.Name, Format: l.Format, Cases: l.Cases, Events: l.Events, First: l.CreatedAt, Last: l.CreatedAt})
	}
	return out, nil
}

// platformSources turns the counts into one row per process (its total
// over the units in scope) followed by a row per service.
func (s *Service) platformSources(ctx context.Context, scope []int64, counts []ProcessCount) []Source {
	var out []Source
	total := -1
	for _, c := range counts {
		if !inScope(scope, c.OrgID) {
			continue
		}
		if total < 0 || out[total].Process != c.Process {
			out = append(out, Source{Key: c.Process, Kind: "platform", Process: c.Process})
			total = len(out) - 1
		}
		t := &out[total]
		t.Cases, t.Events = t.Cases+c.Cases, t.Events+c.Events
		t.First, t.Last = minTime(t.First, c.First), maxTime(t.Last, c.Last)
		if c.ServiceID != 0 {
			out = append(out, Source{Key: c.Process + ":" + strconv.FormatInt(c.ServiceID, 10), Kind: "platform",
				Process: c.Process, ServiceID: c.ServiceID, Name: s.serviceName(ctx, c.ServiceID),
				Cases: c.Cases, Events: c.Events, First: c.First, Last: c.Last})
		}
	}
	return out
}

func (s *Service) serviceName(ctx context.Context, id int64) string {
	if s.ServiceName != nil {
		if n := s.ServiceName(ctx, id); n != "" {
			return n
		}
	}
	return fmt.Sprintf("#%d", id)
}

// ParseSourceKey splits a source key; an unknown form is Invalid.
func ParseSourceKey(key string) (process string, serviceID, logID int64, err error) {
	head, tail, _ := strings.Cut(key, ":")
	bad := fault.New(fault.Invalid, "error.workshop.source")
	switch {
	case head == "" || strings.ContainsAny(head, " /"):
		return "", 0, 0, bad
	case head == "log":
		id, perr := strconv.ParseInt(tail, 10, 64)
		if perr != nil || id <= 0 {
			return "", 0, 0, bad
		}
		return "", 0, id, nil
	case tail == "":
		return head, 0, 0, nil
	}
	id, perr := strconv.ParseInt(tail, 10, 64)
	if perr != nil || id <= 0 {
		return "", 0, 0, bad
	}
	return head, id, 0, nil
}

func minTime(a, b time.Time) time.Time {
	if a.IsZero() || (!b.IsZero() && b.Before(a)) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
