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
