package mining

import (
	"math"
	"os"
	"testing"

	"rathaus/internal/eventlog"
)

// receiptLog is the WABO "receipt" log of a Dutch municipality (1,434
// cases; J.C.A.M. Buijs, 4TU.ResearchData), from the shared test data.
func receiptLog(t *testing.T) *eventlog.Log {
	t.Helper()
	const path = "../../../shared/data/eventlogs/08_receipt.xes.gz"
	if _, err := os.Stat(path); err != nil {
		t.Skipf("the shared receipt log is not here (%v)", err)
	}
	l, _, err := eventlog.ReadXESFile(path, eventlog.XESOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestSimulateReceiptBaselineMatchesReference(t *testing.T) {
	l := receiptLog(t)
	r := Simulate(l, Scenario{}, SimOptions{Seed: 1})
	// eventlogs/reference/receipt_reference.json, computed independently.
	const median, mean = 2868.5835, 467263.9152573222
	if r.Cases != 1434 || math.Abs(r.Baseline.Median-median) > 0.01 || math.Abs(r.Baseline.Mean-mean) > 0.01 {
		t.Errorf("cases %d, median %v (want %v), mean %v (want %v)", r.Cases, r.Baseline.Median, median, r.Baseline.Mean, mean)
	}
	if ci := r.Baseline.MeanCI; ci.Lo > mean || ci.Hi < mean || ci.Lo >= ci.Hi {
		t.Errorf("mean interval %+v does not hold the sample mean", ci)
	}
}

func TestSimulateReceiptRemovingAStep(t *testing.T) {
	l := receiptLog(t)
	const step = "T02 Check confirmation of receipt"
	// The time attributed to the step, added up by hand.
	var gaps float64
	for _, c := range l.Cases {
		for j := c.Start + 1; j < c.End; j++ {
			if l.Activities[l.Act[j]] == step {
				gaps += float64(l.Time[j]-l.Time[j-1]) / 1e9
			}
		}
	}
	r := Simulate(l, Scenario{Remove: []string{step}}, SimOptions{Seed: 3})
	if want := gaps / float64(r.Cases); math.Abs(r.Saving.Mean-want) > 1e-6*want {
		t.Errorf("mean saving %v s, want %v s", r.Saving.Mean, want)
	}
	if r.Affected == 0 || r.Affected > 1368 || r.Projected.Mean >= r.Baseline.Mean {
		t.Errorf("affected %d, mean %v -> %v", r.Affected, r.Baseline.Mean, r.Projected.Mean)
	}
	if r.Saving.MeanCI.Lo > r.Saving.Mean || r.Saving.MeanCI.Hi < r.Saving.Mean {
		t.Errorf("saving interval %+v misses the mean %v", r.Saving.MeanCI, r.Saving.Mean)
	}
}
