package bpmn

import (
	"slices"
	"strings"
)

var taskKinds = []string{"task", "userTask", "serviceTask", "sendTask", "receiveTask",
	"manualTask", "businessRuleTask", "scriptTask", "callActivity"}

var eventKinds = []string{"startEvent", "endEvent", "intermediateCatchEvent",
	"intermediateThrowEvent", "boundaryEvent"}

var gatewayKinds = []string{"exclusiveGateway", "parallelGateway", "inclusiveGateway",
	"eventBasedGateway", "complexGateway"}

var subProcessKinds = []string{"subProcess", "transaction", "adHocSubProcess"}

var dataKinds = []string{"dataObject", "dataObjectReference", "dataStoreReference"}

var artifactKinds = []string{"textAnnotation", "association", "group"}

var eventDefs = []string{"message", "timer", "error", "signal", "escalation",
	"conditional", "compensate", "cancel", "link", "terminate"}

// IsTask reports whether kind is a task or a call activity.
func IsTask(kind string) bool { return slices.Contains(taskKinds, kind) }

// IsEvent reports whether kind is an event.
func IsEvent(kind string) bool { return slices.Contains(eventKinds, kind) }

// IsGateway reports whether kind is a gateway.
func IsGateway(kind string) bool { return slices.Contains(gatewayKinds, kind) }

// IsSubProcess reports whether kind is a sub-process, transaction or ad-hoc sub-process.
func IsSubProcess(kind string) bool { return slices.Contains(subProcessKinds, kind) }

// IsFlowNode reports whether kind can be the source or target of a sequence flow.
func IsFlowNode(kind string) bool {
	return IsTask(kind) || IsEvent(kind) || IsGateway(kind) || IsSubProcess(kind)
}

func isArtifact(kind string) bool { return slices.Contains(artifactKinds, kind) }

func knownKind(kind string) bool {
	return IsFlowNode(kind) || slices.Contains(dataKinds, kind) || isArtifact(kind)
}

// eventDefName maps "timerEventDefinition" to "timer"; "" when unknown.
func eventDefName(local string) string {
	name, ok := strings.CutSuffix(local, "EventDefinition")
	if !ok || !slices.Contains(eventDefs, name) {
		return ""
	}
	return name
}

func sortStable[T any](s []T, less func(a, b T) bool) {
	slices.SortStableFunc(s, func(a, b T) int {
		switch {
		case less(a, b):
			return -1
		case less(b, a):
			return 1
		}
		return 0
	})
}

// flowOrder lists the elements of a container breadth first along its
// flows from the nodes without incoming flows, each sub-process followed
// by its own elements; the rest follow in document order.
func flowOrder(els []*Element, flows []*Flow) []*Element {
	byID := make(map[string]*Element, len(els))
	for _, e := range els {
		byID[e.ID] = e
	}
	next := map[string][]string{}
	hasIn := map[string]bool{}
	for _, f := range flows {
		next[f.Source] = append(next[f.Source], f.Target)
		hasIn[f.Target] = true
	}
	seen := map[*Element]bool{}
	var out, queue []*Element
	visit := func(e *Element) {
		if e != nil && !seen[e] {
			seen[e] = true
			queue = append(queue, e)
		}
	}
	drain := func() {
		for len(queue) > 0 {
			e := queue[0]
			queue = queue[1:]
			out = append(out, e)
			out = append(out, flowOrder(e.Elements, e.Flows)...)
			for _, id := range next[e.ID] {
				visit(byID[id])
			}
		}
	}
	for _, e := range els {
		if IsFlowNode(e.Kind) && !hasIn[e.ID] && e.Kind != "boundaryEvent" {
			visit(e)
		}
	}
	drain()
	for _, e := range els {
		visit(e)
		drain()
	}
	return out
}
