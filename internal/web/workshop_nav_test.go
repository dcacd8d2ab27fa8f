package web

import (
	"strings"
	"testing"
)

// TestWorkshopAnalysesLinkTheSimulation: from every analysis of a log the
// what-if simulation is one link away.
func TestWorkshopAnalysesLinkTheSimulation(t *testing.T) {
	e := newWorkshopEnv(t)
	const sim = "/amt/prozesse/protokolle/case:9/simulation"
	for _, sub := range []string{"", "/dfg", "/engpaesse"} {
		res := e.page(t, "/amt/prozesse/protokolle/case:9"+sub)
		if !strings.Contains(res.body, `href="`+sim+`"`) {
			t.Errorf("%s does not link the simulation", sub)
		}
	}
	if res := e.page(t, sim); res.StatusCode != 200 {
		t.Errorf("the simulation answers %d", res.StatusCode)
	}
}
