package eventlog

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"time"
)

// SynthOptions size a synthetic log.
type SynthOptions struct {
	Events int   // number of events to write
	Seed   int64 // the same seed gives the same file
}

// GenerateXES writes a synthetic XES log of a municipal building permit
// process with o.Events events: 8 to 12 events per case on average, with
// choices (permit or rejection, objections), a rework loop (missing
// documents), parallel consultations, 40 resources, lifecycle transitions,
// typed event and trace attributes and log-normal waiting times. Its
// timestamps have milliseconds and a +01:00 or +02:00 offset, like real
// files; an event takes about 250 to 300 bytes.
func GenerateXES(w io.Writer, o SynthOptions) error {
	g := &synth{
		w:   bufio.NewWriterSize(w, 256<<10),
		rnd: rand.New(rand.NewPCG(uint64(o.Seed), 0x5eed_7a7a)),
	}
	g.w.WriteString(synthHeader)
	for n := 0; n < o.Events; {
		n += g.trace(o.Events - n)
	}
	g.w.WriteString("</log>\n")
	return g.w.Flush()
}

const synthHeader = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Synthetic log of a municipal building permit process (rathaus). -->
<log xes.version="1849.2016" xes.features="" xmlns="http://www.xes-standard.org/">
	<extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
	<extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>
	<extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>
	<extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>
	<global scope="event">
		<string key="concept:name" value="UNKNOWN"/>
		<string key="lifecycle:transition" value="complete"/>
	</global>
	<classifier name="Activity" keys="concept:name"/>
	<string key="concept:name" value="Building permits (synthetic)"/>
	<string key="source" value="rathaus eventlog.GenerateXES"/>
`

// synthEvent is one generated event before it is written.
type synthEvent struct {
	activity, transition, resource string
	at                             time.Time
	extra                          string // a typed attribute element or ""
}

type synth struct {
	w      *bufio.Writer
	rnd    *rand.Rand
	cases  int
	events []synthEvent
	buf    []byte
}

// Resources by role; 40 in all.
var synthStaff = map[string][]string{
	"clerk":    staffNames("clerk", 20),
	"planner":  staffNames("planner", 6),
	"fire":     staffNames("fire", 4),
	"env":      staffNames("env", 4),
	"monument": staffNames("monument", 2),
	"head":     staffNames("head", 3),
	"portal":   {"online-portal"},
}

func staffNames(role string, n int) []string {
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("%s-%02d", role, i+1)
	}
	return names
}

var synthDistricts = []string{"Altstadt", "Nordviertel", "Südstadt", "Westend", "Hafen", "Am Weinberg"}
var synthTypes = []string{"residential", "extension", "commercial", "garage", "demolition"}

// trace writes one case with at most max events and returns their number.
func (g *synth) trace(max int) int {
	g.cases++
	g.events = g.events[:0]
	g.process()
	n := min(len(g.events), max)
	r := g.rnd
	w := g.w
	fmt.Fprintf(w, "\t<trace>\n\t\t<string key=\"concept:name\" value=\"BP-%07d\"/>\n", g.cases)
	fmt.Fprintf(w, "\t\t<string key=\"district\" value=\"%s\"/>\n", synthDistricts[r.IntN(len(synthDistricts))])
	fmt.Fprintf(w, "\t\t<string key=\"permitType\" value=\"%s\"/>\n", synthTypes[r.IntN(len(synthTypes))])
	fmt.Fprintf(w, "\t\t<float key=\"floorArea\" value=\"%.1f\"/>\n", 40+math.Exp(4+0.6*r.NormFloat64()))
	fmt.Fprintf(w, "\t\t<int key=\"storeys\" value=\"%d\"/>\n", 1+r.IntN(5))
	fmt.Fprintf(w, "\t\t<boolean key=\"expedited\" value=\"%t\"/>\n", r.IntN(10) == 0)
	for _, e := range g.events[:n] {
		g.event(e)
	}
	w.WriteString("\t</trace>\n")
	return n
}

func (g *synth) event(e synthEvent) {
	b := append(g.buf[:0], "\t\t<event>\n\t\t\t<string key=\"concept:name\" value=\""...)
	b = append(b, e.activity...)
	b = append(b, "\"/>\n\t\t\t<string key=\"lifecycle:transition\" value=\""...)
	b = append(b, e.transition...)
	b = append(b, "\"/>\n\t\t\t<string key=\"org:resource\" value=\""...)
	b = append(b, e.resource...)
	b = append(b, "\"/>\n\t\t\t<date key=\"time:timestamp\" value=\""...)
	b = appendLocalTime(b, e.at)
	b = append(b, "\"/>\n"...)
	if e.extra != "" {
		b = append(b, "\t\t\t"...)
		b = append(b, e.extra...)
		b = append(b, '\n')
	}
	b = append(b, "\t\t</event>\n"...)
	g.w.Write(b)
	g.buf = b
}

// appendLocalTime writes t in Central European time with milliseconds
// (summer time approximated as April to October).
func appendLocalTime(b []byte, t time.Time) []byte {
	off := 3600
	if m := t.UTC().Month(); m >= time.April && m <= time.October {
		off = 7200
	}
	zone := time.FixedZone("", off)
	return t.In(zone).AppendFormat(b, "2006-01-02T15:04:05.000-07:00")
}

// wait is a log-normal waiting time with the given median in minutes.
func (g *synth) wait(median float64) time.Duration {
	m := median * math.Exp(0.8*g.rnd.NormFloat64())
	return time.Duration(m*float64(time.Minute)) + time.Duration(g.rnd.IntN(60000))*time.Millisecond
}

func (g *synth) staff(role string) string {
	s := synthStaff[role]
	return s[g.rnd.IntN(len(s))]
}

func (g *synth) add(at time.Time, activity, role, extra string) time.Time {
	g.events = append(g.events, synthEvent{activity: activity, transition: "complete",
		resource: g.staff(role), at: at, extra: extra})
	return at
}

func intAttr(key string, v int) string {
	return `<int key="` + key + `" value="` + strconv.Itoa(v) + `"/>`
}
