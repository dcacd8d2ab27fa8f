package digitalcheck

import (
	"os"
	"strings"
	"testing"

	"rathaus/internal/eventlog"
)

// TestReceiptLogReport measures the real WABO "receipt" log of a Dutch
// municipality (J.C.A.M. Buijs, 4TU.ResearchData) and checks a few of its
// steps as a process owner would annotate them.
func TestReceiptLogReport(t *testing.T) {
	const path = "../../../shared/data/eventlogs/08_receipt.xes.gz"
	if _, err := os.Stat(path); err != nil {
		t.Skipf("the shared receipt log is not here (%v)", err)
	}
	l, _, err := eventlog.ReadXESFile(path, eventlog.XESOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m := Measure(l)
	first := m["Confirmation of receipt"]
	if first.Cases != 1434 || first.WaitMedianS != 0 {
		t.Errorf("the first step of every case: %+v", first)
	}
	t05 := m["T05 Print and send confirmation of receipt"]
	if t05.Cases == 0 || t05.Cases > 1300 || t05.WaitMedianS <= 0 || t05.WaitMeanS < t05.WaitMedianS {
		t.Errorf("T05: %+v", t05)
	}
	steps := []Step{
		{ID: "t02", Name: "T02 Check confirmation of receipt", Annotation: Annotation{LegalBasis: "Wabo art. 3.8", Automated: false}},
		{ID: "t05", Name: "T05 Print and send confirmation of receipt", Annotation: Annotation{LegalBasis: "Awb art. 4:3a",
			Form: FormWritten, MediaBreak: BreakDigitalToPaper}},
		{ID: "t06", Name: "T06 Determine necessity of stop advice", Annotation: Annotation{LegalBasis: "Wabo art. 3.8", Discretion: true}},
	}
	o := DefaultOptions()
	o.Cases, o.CasesPerYear = Volume(l)
	if o.Cases != 1434 || o.CasesPerYear < first.CasesPerYear*0.999 {
		t.Errorf("volume %d cases, %v a year; the first step has %v a year", o.Cases, o.CasesPerYear, first.CasesPerYear)
	}
	r := o.Check(steps, m)
	if r.CasesPerYear <= 0 || r.SavingPerCaseS <= 0 || r.SavingPerYearS <= 0 || r.Score <= 0 || r.Score >= 100 {
		t.Errorf("report: score %d, %v cases a year, saving %v s a case, %v s a year", r.Score, r.CasesPerYear, r.SavingPerCaseS, r.SavingPerYearS)
	}
	for _, s := range r.Steps {
		if !s.HasData || s.SavingPerCaseS > s.Measured.WaitMedianS+s.Measured.ServiceMedianS {
			t.Errorf("%s: data %v, saving %v over its measured wait %v", s.Step.Name, s.HasData, s.SavingPerCaseS, s.Measured.WaitMedianS)
		}
	}
	b, err := r.PDF(translator(t), "en", "WABO receipt")
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, b); !strings.Contains(text, "T05 Print and send confirmation of receipt") {
		t.Errorf("the report lacks the step; it reads:\n%s", text)
	}
}
