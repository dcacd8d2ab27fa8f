// Package mining is the process workshop's engine: the analyses staff see
// (overview, directly-follows graph, variants, bottlenecks, rework,
// deadlines, workload) over an eventlog.Log, filters, discovery of a process
// model (an Inductive Miner with a noise threshold), conformance checking
// against a Petri net, and what-if simulation. No HTTP, no SQL.
package mining

// Op is the operator of a process tree node.
type Op uint8

const (
	OpLeaf Op = iota // an activity, or a silent step (tau) when Activity is ""
	OpSeq            // children in order
	OpXor            // exactly one child
	OpAnd            // all children, in any interleaving
	OpLoop           // Children[0] (do), then any number of Children[1] (redo) followed by Children[0] again
)

// Tree is a process tree, the block-structured model the Inductive Miner
// discovers; every process tree is a sound model.
type Tree struct {
	Op       Op
	Activity string // OpLeaf only; "" is a silent step
	Children []*Tree
}

// Net is a Petri net with an initial and a final marking, the model that
// conformance checking replays a log on. Places are numbered 0..Places-1.
type Net struct {
	Places      int
	PlaceNames  []string // optional, for display; same length as Places when set
	Transitions []Transition
	Initial     Marking
	Final       Marking
}

// Transition is one Petri net transition.
type Transition struct {
	Label   string // the activity; "" for a silent (invisible) transition
	Element string // the model element it stands for (e.g. a BPMN id), for showing deviations on the diagram
	In, Out []int  // input and output places (an arc weight of 2 appears twice)
}

// Marking is the number of tokens per place, indexed by place.
type Marking []int
