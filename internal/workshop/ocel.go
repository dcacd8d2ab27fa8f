package workshop

import "rathaus/internal/eventlog"

// DefaultObjectType is the object type to flatten an OCEL log on when the
// user names none: the one whose objects take part in the most events
// (ties: the first declared). "" for a log without objects.
func DefaultObjectType(o *eventlog.OCEL) string {
	typeOf := make(map[string]string, len(o.Objects))
	for _, ob := range o.Objects {
		typeOf[ob.ID] = ob.Type
	}
	count := map[string]int{}
	for _, e := range o.Events {
		for _, r := range e.Relationships {
			count[typeOf[r.ObjectID]]++
		}
	}
	best := ""
	for _, t := range o.ObjectTypes {
		if best == "" || count[t.Name] > count[best] {
			best = t.Name
		}
	}
	return best
}
