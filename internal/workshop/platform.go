package workshop

import (
	"context"
	"slices"
	"strings"

	"rathaus/internal/eventlog"
	"rathaus/internal/processlog"
)

// platformLog reads a platform process's events into a log. Staff appear
// by role and unit, never as persons: the workshop analyses processes,
// not the performance of individual employees (which would need the
// staff council's consent, § 87 BetrVG and the state staff-representation
// laws).
func (s *Service) platformLog(ctx context.Context, name, process string, serviceID int64, scope []int64) (*eventlog.Log, error) {
	units := map[int64]string{}
	if orgs, err := s.Orgs.Store.FindOrgs(ctx); err == nil {
		for _, o := range orgs {
			units[o.ID] = o.Name
		}
	} else {
		return nil, err
	}
	b := eventlog.NewBuilder(name, 0)
	var keys []string
	err := s.Store.ScanEvents(ctx, EventFilter{Process: process, ServiceID: serviceID, OrgIDs: scope}, func(e *processlog.Event) error {
		c := b.Case(e.CaseID)
		b.Event(c, e.Activity, e.At.UnixNano(), resourceOf(e))
		if e.OrgID != nil {
			b.Attr(eventlog.KV{Key: "org:group", Value: units[*e.OrgID]})
		}
		keys = keys[:0]
		for k := range e.Attrs {
			if k != "role" {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			b.Attr(eventlog.KV{Key: k, Value: e.Attrs[k]})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return b.Log(), nil
}

// resourceOf is who performed an event, as the workshop may show it:
// "citizen", "system", a counter, or staff by role ("staff/case_worker").
func resourceOf(e *processlog.Event) string {
	if !strings.HasPrefix(e.Resource, "staff:") {
		return e.Resource
	}
	if role := e.Attrs["role"]; role != "" {
		return "staff/" + role
	}
	return "staff"
}
