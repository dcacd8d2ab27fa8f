package digitalcheck

// Obstacle names a kind of finding; its texts live under
// "digitalcheck.obstacle.<code>", "digitalcheck.explain.<code>" and
// "digitalcheck.remedy.<code>".
type Obstacle string

// The obstacles the check knows.
const (
	ObstacleWrittenForm          Obstacle = "written_form"
	ObstacleHandwrittenSignature Obstacle = "handwritten_signature"
	ObstaclePersonalAppearance   Obstacle = "personal_appearance"
	ObstaclePaperOriginals       Obstacle = "paper_originals"
	ObstacleMediaBreak           Obstacle = "media_break"
	ObstacleManualReentry        Obstacle = "manual_reentry"
	ObstaclePaymentOffline       Obstacle = "payment_offline"
	ObstacleOnceOnly             Obstacle = "once_only"
	ObstacleAutomationPossible   Obstacle = "automation_possible"
	ObstacleDiscretion           Obstacle = "discretion_blocks_automation"
	ObstacleNoLegalBasis         Obstacle = "no_legal_basis_recorded"
)

// Severity weighs an obstacle in the readiness score.
type Severity uint8

// The severities.
const (
	Low Severity = iota + 1
	Medium
	High
)

// Points is what an obstacle of this severity takes off a step's 100.
func (s Severity) Points() int { return [...]int{0, 10, 20, 40}[s] }

// Key is the translation key of the severity's name.
func (s Severity) Key() string {
	return "digitalcheck.severity." + [...]string{"", "low", "medium", "high"}[s]
}

// rule finds one obstacle. Savings are throughput time per case, derived
// from the step's measured times:
//   - written form, handwritten signature, paper originals: the post
//     between citizen and authority, at most the median wait before the step;
//   - personal appearance, payment at the counter: the median wait before
//     the step plus a visit (the visit only once per step);
//   - media break: an internal handover per direction, at most the wait;
//   - manual re-entry: the typing time, at most the step's measured time;
//   - invoice and transfer: the transfer's way, at most the wait;
//   - once-only (retrieving data instead of demanding proof): the median
//     wait before the step, which is spent gathering the proof;
//   - automating a step without discretion: its median wait and service
//     time (the step then follows its predecessor at once);
//   - discretion and a missing legal basis: nothing measurable.
type rule struct {
	obstacle  Obstacle
	principle int
	law       string
	applies   func(Annotation) bool
	severity  func(Annotation) Severity
	saving    func(Annotation, Measured, Options) (float64, string, []float64)
	visit     func(Annotation) bool // the saving includes a visit
}

func fixed(s Severity) func(Annotation) Severity { return func(Annotation) Severity { return s } }
func never(Annotation) bool                      { return false }

var rules = []rule{
	{ObstacleWrittenForm, 1, "§ 3a VwVfG", func(a Annotation) bool { return a.Form == FormWritten },
		fixed(High), post, never},
	{ObstacleHandwrittenSignature, 1, "§ 3a VwVfG", func(a Annotation) bool { return a.HandwrittenSignature },
		fixed(High), signature, never},
	{ObstaclePersonalAppearance, 1, "§ 18 PAuswG", func(a Annotation) bool { return a.PersonalAppearance },
		fixed(High), visitSaving, func(Annotation) bool { return true }},
	{ObstaclePaperOriginals, 1, "§ 5 Abs. 1 EGovG", func(a Annotation) bool { return a.PaperOriginals },
		fixed(Medium), post, never},
	{ObstacleMediaBreak, 1, "§ 6a EGovG", func(a Annotation) bool { return a.MediaBreak != BreakNone },
		fixed(Medium), handover, never},
	{ObstacleManualReentry, 1, "", func(a Annotation) bool { return a.ManualReentry },
		fixed(Medium), reentry, never},
	{ObstaclePaymentOffline, 1, "§ 4 EGovG", offlinePayment, paymentSeverity, payment, atCounter},
	{ObstacleOnceOnly, 2, "§ 5 Abs. 2 EGovG", func(a Annotation) bool { return a.OnceOnly != "" },
		fixed(Medium), wait, never},
	{ObstacleAutomationPossible, 4, "§ 35a VwVfG", func(a Annotation) bool { return !a.Discretion && !a.Automated },
		fixed(Low), automate, never},
	{ObstacleDiscretion, 4, "", func(a Annotation) bool { return a.Discretion },
		fixed(Low), nothing, never},
	{ObstacleNoLegalBasis, 4, "", func(a Annotation) bool { return a.LegalBasis == "" },
		fixed(Low), nothing, never},
}

// finding applies r to step s.
func (r rule) finding(s Step, m Measured, o Options) Finding {
	f := Finding{StepID: s.ID, StepName: s.Name, Obstacle: r.obstacle, Principle: r.principle,
		Severity: r.severity(s.Annotation), RemedyLaw: r.law,
		Explanation: "digitalcheck.explain." + string(r.obstacle),
		Remedy:      "digitalcheck.remedy." + string(r.obstacle)}
	if m.Cases == 0 {
		f.Assumption = "digitalcheck.assumption.no_data"
		return f
	}
	f.SavingPerCaseS, f.Assumption, f.AssumptionArgs = r.saving(s.Annotation, m, o)
	return f
}

func post(_ Annotation, m Measured, o Options) (float64, string, []float64) {
	return min(m.WaitMedianS, o.PostS), "digitalcheck.assumption.post", []float64{o.PostS}
}

// signature counts the post only when the written form has not already.
func signature(a Annotation, m Measured, o Options) (float64, string, []float64) {
	if a.Form == FormWritten {
		return 0, "digitalcheck.assumption.with_written_form", nil
	}
	return post(a, m, o)
}

func visitSaving(_ Annotation, m Measured, o Options) (float64, string, []float64) {
	return m.WaitMedianS + o.VisitS, "digitalcheck.assumption.visit", []float64{o.VisitS}
}

func handover(a Annotation, m Measured, o Options) (float64, string, []float64) {
	d := o.HandoverS
	if a.MediaBreak == BreakBoth {
		d *= 2
	}
	return min(m.WaitMedianS, d), "digitalcheck.assumption.handover", []float64{d}
}

func reentry(_ Annotation, m Measured, o Options) (float64, string, []float64) {
	return min(m.WaitMedianS+m.ServiceMedianS, o.ReentryS), "digitalcheck.assumption.reentry", []float64{o.ReentryS}
}

func offlinePayment(a Annotation) bool {
	return a.Payment == PaymentInvoice || a.Payment == PaymentCashOnly || a.Payment == PaymentCounter
}

func paymentSeverity(a Annotation) Severity {
	switch a.Payment {
	case PaymentCashOnly:
		return High
	case PaymentCounter:
		return Medium
	}
	return Low
}

func atCounter(a Annotation) bool { return a.Payment == PaymentCashOnly || a.Payment == PaymentCounter }

func payment(a Annotation, m Measured, o Options) (float64, string, []float64) {
	if atCounter(a) {
		return visitSaving(a, m, o)
	}
	return min(m.WaitMedianS, o.TransferS), "digitalcheck.assumption.transfer", []float64{o.TransferS}
}

func wait(_ Annotation, m Measured, _ Options) (float64, string, []float64) {
	return m.WaitMedianS, "digitalcheck.assumption.wait", nil
}

func automate(_ Annotation, m Measured, _ Options) (float64, string, []float64) {
	return m.WaitMedianS + m.ServiceMedianS, "digitalcheck.assumption.automate", nil
}

func nothing(Annotation, Measured, Options) (float64, string, []float64) {
	return 0, "digitalcheck.assumption.none", nil
}
