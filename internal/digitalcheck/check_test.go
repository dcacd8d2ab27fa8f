package digitalcheck

import (
	"math"
	"strings"
	"testing"
)

const (
	hour = 3600.0
	day  = 24 * hour
)

// ready is a step with nothing in the way: automated, with a legal basis.
var ready = Annotation{LegalBasis: "§ 5 GebO", Form: FormNone, Payment: PaymentOnline, Automated: true}

func find(fs []Finding, o Obstacle) *Finding {
	for i := range fs {
		if fs[i].Obstacle == o {
			return &fs[i]
		}
	}
	return nil
}

func TestWrittenFormGetsTheElectronicReplacement(t *testing.T) {
	a := ready
	a.Form = FormWritten
	r := Check([]Step{{ID: "t1", Name: "Antrag prüfen", Annotation: a}},
		map[string]Measured{"Antrag prüfen": {Cases: 100, CasesPerYear: 100, WaitMedianS: 5 * day}})
	f := find(r.Steps[0].Findings, ObstacleWrittenForm)
	if f == nil {
		t.Fatalf("no written-form finding in %+v", r.Steps[0].Findings)
	}
	if f.Principle != 1 || f.Severity != High || !strings.Contains(f.RemedyLaw, "§ 3a VwVfG") ||
		f.Remedy != "digitalcheck.remedy.written_form" || f.StepID != "t1" {
		t.Errorf("finding %+v", f)
	}
	// The post takes two days; the measured wait of five days bounds nothing here.
	if f.SavingPerCaseS != 2*day || f.AssumptionArgs[0] != 2*day {
		t.Errorf("saving %v with args %v, want the two days of post", f.SavingPerCaseS, f.AssumptionArgs)
	}
}

func TestAutomationIsSuggestedOnlyWithoutDiscretion(t *testing.T) {
	m := map[string]Measured{"Bescheid": {Cases: 10, CasesPerYear: 10, WaitMedianS: 3 * hour, ServiceMedianS: 20 * 60}}
	manual := ready
	manual.Automated = false
	r := Check([]Step{{ID: "d", Name: "Bescheid", Annotation: manual}}, m)
	f := find(r.Steps[0].Findings, ObstacleAutomationPossible)
	if f == nil || f.RemedyLaw != "§ 35a VwVfG" || f.Principle != 4 {
		t.Fatalf("no § 35a automation suggestion: %+v", r.Steps[0].Findings)
	}
	if f.SavingPerCaseS != 3*hour+20*60 {
		t.Errorf("automating saves %v s, want the wait and the service time", f.SavingPerCaseS)
	}
	manual.Discretion = true
	r = Check([]Step{{ID: "d", Name: "Bescheid", Annotation: manual}}, m)
	for _, f := range r.Steps[0].Findings {
		if f.Obstacle == ObstacleAutomationPossible || strings.Contains(f.RemedyLaw, "35a") {
			t.Errorf("a decision with discretion got a § 35a suggestion: %+v", f)
		}
	}
	if find(r.Steps[0].Findings, ObstacleDiscretion) == nil {
		t.Errorf("discretion is not reported: %+v", r.Steps[0].Findings)
	}
	if got := Check([]Step{{Name: "Bescheid", Annotation: ready}}, m); len(got.Steps[0].Findings) != 0 || got.Score != 100 {
		t.Errorf("an automated step without obstacles: %+v", got)
	}
}

// obstacleChanges each add one obstacle to an annotation.
var obstacleChanges = map[string]func(*Annotation){
	"written form":   func(a *Annotation) { a.Form = FormWritten },
	"appearance":     func(a *Annotation) { a.PersonalAppearance = true },
	"signature":      func(a *Annotation) { a.HandwrittenSignature = true },
	"originals":      func(a *Annotation) { a.PaperOriginals = true },
	"media break":    func(a *Annotation) { a.MediaBreak = BreakPaperToDigital },
	"both breaks":    func(a *Annotation) { a.MediaBreak = BreakBoth },
	"re-entry":       func(a *Annotation) { a.ManualReentry = true },
	"invoice":        func(a *Annotation) { a.Payment = PaymentInvoice },
	"cash":           func(a *Annotation) { a.Payment = PaymentCashOnly },
	"once-only":      func(a *Annotation) { a.OnceOnly = "Geburtsurkunde" },
	"no legal basis": func(a *Annotation) { a.LegalBasis = "" },
	"not automated":  func(a *Annotation) { a.Automated = false },
}

func TestScoreNeverRisesWithAnObstacle(t *testing.T) {
	m := map[string]Measured{}
	score := func(as ...Annotation) int {
		steps := make([]Step, len(as))
		for i, a := range as {
			steps[i] = Step{Name: string(rune('A' + i)), Annotation: a}
		}
		return Check(steps, m).Score
	}
	// Start from several annotations and add obstacles one by one in a
	// fixed order; the score must never rise.
	order := []string{"not automated", "written form", "appearance", "signature", "originals", "media break",
		"both breaks", "re-entry", "invoice", "cash", "once-only", "no legal basis"}
	a := ready
	prev := score(a, ready)
	if prev != 100 {
		t.Fatalf("two ready steps score %d", prev)
	}
	for _, name := range order {
		obstacleChanges[name](&a)
		s := score(a, ready)
		if s > prev {
			t.Errorf("adding %q raised the score from %d to %d", name, prev, s)
		}
		prev = s
	}
	if prev != 50 {
		t.Errorf("one step full of obstacles and one ready step score %d, want (0+100)/2", prev)
	}
	for name, change := range obstacleChanges {
		b := ready
		change(&b)
		if s := score(b); s >= 100 {
			t.Errorf("%s alone leaves the score at %d", name, s)
		}
	}
}

func TestSavingsComeFromMeasuredTimes(t *testing.T) {
	o := DefaultOptions()
	steps := []Step{
		{ID: "s1", Name: "Termin", Annotation: Annotation{LegalBasis: "§ 1", PersonalAppearance: true, Automated: true}},
		{ID: "s2", Name: "Nachweis", Annotation: Annotation{LegalBasis: "§ 2", OnceOnly: "Meldedaten", Automated: true}},
		{ID: "s3", Name: "Unbekannt", Annotation: Annotation{LegalBasis: "§ 3", OnceOnly: "x", Automated: true}},
	}
	m := map[string]Measured{
		"Termin":   {Cases: 400, CasesPerYear: 200, WaitMedianS: 6 * day},
		"Nachweis": {Cases: 200, CasesPerYear: 100, WaitMedianS: 3 * day},
	}
	r := o.Check(steps, m)
	visit := r.Steps[0].Findings[0]
	if visit.Obstacle != ObstaclePersonalAppearance || visit.SavingPerCaseS != 6*day+o.VisitS {
		t.Errorf("appearance: %+v, want the wait plus a visit", visit)
	}
	once := r.Steps[1].Findings[0]
	if once.Obstacle != ObstacleOnceOnly || once.SavingPerCaseS != 3*day || once.Principle != 2 {
		t.Errorf("once-only: %+v, want the wait before the step", once)
	}
	if r.Steps[2].HasData || r.Steps[2].SavingPerCaseS != 0 || r.Steps[2].Findings[0].Assumption != "digitalcheck.assumption.no_data" {
		t.Errorf("a step without data: %+v", r.Steps[2])
	}
	if r.CasesPerYear != 200 {
		t.Errorf("cases per year %v, want the busiest step's 200", r.CasesPerYear)
	}
	wantYear := (6*day+o.VisitS)*200 + 3*day*100
	if math.Abs(r.SavingPerYearS-wantYear) > 1e-6 || math.Abs(r.SavingPerCaseS-wantYear/200) > 1e-6 {
		t.Errorf("saving per year %v (want %v), per case %v", r.SavingPerYearS, wantYear, r.SavingPerCaseS)
	}
}

func TestStepSavingIsCappedByItsMeasuredTime(t *testing.T) {
	a := Annotation{LegalBasis: "§ 1", Form: FormWritten, PaperOriginals: true, MediaBreak: BreakBoth, Automated: true}
	r := Check([]Step{{Name: "Eingang", Annotation: a}}, map[string]Measured{"Eingang": {Cases: 5, CasesPerYear: 5, WaitMedianS: 3 * day}})
	s := r.Steps[0]
	var sum float64
	for _, f := range s.Findings {
		sum += f.SavingPerCaseS
	}
	if sum <= 3*day || s.SavingPerCaseS != 3*day {
		t.Errorf("findings save %v together, the step %v; want the step capped at its 3-day wait", sum, s.SavingPerCaseS)
	}
}

func TestSignatureWithWrittenFormIsNotCountedTwice(t *testing.T) {
	a := Annotation{LegalBasis: "§ 1", Form: FormWritten, HandwrittenSignature: true, Automated: true}
	r := Check([]Step{{Name: "x", Annotation: a}}, map[string]Measured{"x": {Cases: 1, WaitMedianS: 10 * day}})
	if s := r.Steps[0]; find(s.Findings, ObstacleHandwrittenSignature).SavingPerCaseS != 0 || s.SavingPerCaseS != 2*day {
		t.Errorf("step %+v", s)
	}
}
