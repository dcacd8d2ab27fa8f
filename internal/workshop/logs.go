package workshop

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"time"

	"rathaus/internal/eventlog"
	"rathaus/internal/fault"
	"rathaus/internal/org"
)

// Log returns the log of a source for a, parsed once per instance and
// version and cached. The source's description comes with it.
func (s *Service) Log(ctx context.Context, a org.Actor, key string) (*eventlog.Log, *Source, error) {
	scope, err := s.Scope(ctx, a)
	if err != nil {
		return nil, nil, err
	}
	process, serviceID, logID, err := ParseSourceKey(key)
	if err != nil {
		return nil, nil, err
	}
	if logID != 0 {
		return s.storedLog(ctx, scope, logID)
	}
	if _, ok := processNames[process]; !ok {
		return nil, nil, fault.New(fault.NotFound, "error.workshop.source")
	}
	version, err := s.Store.EventsVersion(ctx, process)
	if err != nil {
		return nil, nil, err
	}
	src := &Source{Key: key, Kind: "platform", Process: process, ServiceID: serviceID}
	if serviceID != 0 {
		src.Name = s.serviceName(ctx, serviceID)
	}
	name := process
	if src.Name != "" {
		name = src.Name
	}
	ck := fmt.Sprintf("%s@%d/%v", key, version, scope)
	l, err := s.cache.get(ctx, ck, s.cacheEvents(), func() (*eventlog.Log, error) {
		return s.platformLog(ctx, name, process, serviceID, scope)
	})
	if err != nil {
		return nil, nil, err
	}
	src.Cases, src.Events = len(l.Cases), l.NumEvents()
	return l, src, nil
}

func (s *Service) cacheEvents() int {
	if s.CacheEvents > 0 {
		return s.CacheEvents
	}
	return 20_000_000
}

// storedLog reads an imported log (immutable, so cached by its ID).
func (s *Service) storedLog(ctx context.Context, scope []int64, id int64) (*eventlog.Log, *Source, error) {
	st, err := s.Store.FindStoredLog(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if !inScope(scope, st.OrgID) {
		return nil, nil, fault.New(fault.NotFound, "error.workshop.source")
	}
	l, err := s.cache.get(ctx, "log:"+strconv.FormatInt(id, 10), s.cacheEvents(), func() (*eventlog.Log, error) {
		l, _, err := s.readStored(ctx, st.FileKey, st.Format, st.Settings)
		if err == nil {
			l.Name = st.Name // before it is shared: cached logs are read concurrently
		}
		return l, err
	})
	if err != nil {
		return nil, nil, err
	}
	return l, &Source{Key: "log:" + strconv.FormatInt(id, 10), Kind: "imported", LogID: id, Name: st.Name,
		Format: st.Format, Cases: len(l.Cases), Events: l.NumEvents(), First: st.CreatedAt, Last: st.CreatedAt}, nil
}

// parse reads a file of a format with its settings; times without a zone
// are in loc.
func parse(r io.Reader, format string, set Settings, loc *time.Location) (*eventlog.Log, *eventlog.ImportReport, error) {
	if loc == nil {
		loc = time.UTC
	}
	switch format {
	case FormatXES:
		return eventlog.ReadXES(r, eventlog.XESOptions{Strict: set.Strict})
	case FormatCSV:
		return eventlog.ReadCSV(r, eventlog.CSVMapping{Case: set.CaseColumn, Activity: set.ActivityColumn,
			Timestamp: set.TimestampColumn, Resource: set.ResourceColumn, TimeLayout: set.TimeLayout, Location: loc})
	case FormatOCELJSON, FormatOCELXML:
		read := eventlog.ReadOCELJSONIn
		if format == FormatOCELXML {
			read = eventlog.ReadOCELXMLIn
		}
		o, err := read(r, loc)
		if err != nil {
			return nil, nil, err
		}
		typ := set.ObjectType
		if typ == "" {
			typ = DefaultObjectType(o)
		}
		if !hasObjectType(o, typ) {
			return nil, nil, fault.Fields(fault.FieldError{Field: "object_type", Key: "error.workshop.object_type"})
		}
		l := o.Flatten(typ)
		return l, &eventlog.ImportReport{Cases: len(l.Cases), Events: l.NumEvents()}, nil
	}
	return nil, nil, fault.Fields(fault.FieldError{Field: "format", Key: "error.workshop.format"})
}

func hasObjectType(o *eventlog.OCEL, name string) bool {
	for _, t := range o.ObjectTypes {
		if t.Name == name {
			return true
		}
	}
	return false
}
