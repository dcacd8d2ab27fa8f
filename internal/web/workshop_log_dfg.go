package web

import (
	"net/http"
	"net/url"
	"strconv"

	"rathaus/internal/mining"
)

// The directly-follows graph page: the drawing (workshop_dfg.go), a
// switch between frequency and waiting time (median or mean), two range
// sliders in a GET form that hide rare activities and paths
// (mining.Graph.Prune), and the nodes and edges as tables for screen
// readers. Query: ansicht=frequency|median|mean, aktivitaeten and pfade
// in percent (default 100).

// dfgModes are the views of the graph.
var dfgModes = []string{"frequency", "median", "mean"}

// dfgQuery is the graph's own part of the query string.
type dfgQuery struct {
	Mode              string
	Activities, Paths int // percent
}

func parseDFGQuery(q url.Values) dfgQuery {
	d := dfgQuery{Mode: "frequency", Activities: 100, Paths: 100}
	for _, m := range dfgModes {
		if q.Get("ansicht") == m {
			d.Mode = m
		}
	}
	pct := func(name string, into *int) {
		if n, err := strconv.Atoi(q.Get(name)); err == nil && n >= 0 && n <= 100 {
			*into = n
		}
	}
	pct("aktivitaeten", &d.Activities)
	pct("pfade", &d.Paths)
	return d
}

// Without sliders set, a large graph starts with at most this many
// activities and paths, so that the first map stays readable.
const dfgFirstNodes, dfgFirstEdges = 30, 80

// readable lowers the sliders the query does not set so that a large
// graph of nodes and edges starts readable (in steps of 5 %).
func (d *dfgQuery) readable(q url.Values, nodes, edges int) {
	share := func(keep, of int) int { return max(5, keep*100/of/5*5) }
	if q.Get("aktivitaeten") == "" && nodes > dfgFirstNodes {
		d.Activities = share(dfgFirstNodes, nodes)
	}
	if q.Get("pfade") == "" && edges > dfgFirstEdges {
		d.Paths = share(dfgFirstEdges, edges)
	}
}

func (d dfgQuery) hidden() map[string]string {
	return map[string]string{"ansicht": d.Mode, "aktivitaeten": strconv.Itoa(d.Activities), "pfade": strconv.Itoa(d.Paths)}
}

// workshopDFGPage is the data of workshop_log_dfg.html.
type workshopDFGPage struct {
	workshopLogPage
	Q          dfgQuery
	Modes      []workshopOption
	Drawing    dfgDrawing
	Graph      *mining.Graph
	Acts       []string
	Nodes      []mining.Node
	Edges      []mining.Edge
	MoreNodes  int
	MoreEdges  int
	AllNodes   int
	AllEdges   int
	ShownNodes int
	ShownEdges int
}

func (s *Server) handleWorkshopDFG(w http.ResponseWriter, r *http.Request) error {
	a, err := s.workshopLoad(r)
	if err != nil {
		return err
	}
	full := mining.DFG(a.Log)
	q := parseDFGQuery(r.URL.Query())
	q.readable(r.URL.Query(), len(full.Nodes), len(full.Edges))
	p := workshopDFGPage{workshopLogPage: s.workshopLogPage(r, a, "dfg", q.hidden()), Q: q, Acts: a.Log.Activities}
	g := full.Prune(float64(q.Activities)/100, float64(q.Paths)/100)
	p.Graph, p.AllNodes, p.AllEdges, p.ShownNodes, p.ShownEdges = g, len(full.Nodes), len(full.Edges), len(g.Nodes), len(g.Edges)
	for _, m := range dfgModes {
		p.Modes = append(p.Modes, workshopOption{m, p.T("workshop_logs.dfg.mode." + m), m == q.Mode})
	}
	if len(g.Nodes) > 0 {
		p.Drawing = drawDFG(g, a.Log.Activities, dfgLabels{Act: p.Act, Num: p.Num, Dur: p.Dur, Mode: q.Mode,
			Start: p.T("workshop_logs.dfg.start"), End: p.T("workshop_logs.dfg.end"), Events: p.T("workshop_logs.dfg.events")})
	}
	p.Nodes, p.MoreNodes = capRows(g.Nodes)
	p.Edges, p.MoreEdges = capRows(g.Edges)
	return s.render(w, r, "workshop_log_dfg", p)
}

// capRows returns at most maxRows of rows and how many it left out.
func capRows[T any](rows []T) ([]T, int) {
	if len(rows) <= maxRows {
		return rows, 0
	}
	return rows[:maxRows], len(rows) - maxRows
}

// ActName names an activity by its id.
func (p workshopDFGPage) ActName(id int32) string { return p.Act(p.Acts[id]) }
