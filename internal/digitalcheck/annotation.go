// Package digitalcheck is the legal and technical view of a process model:
// for each step staff record its legal basis, the form it demands
// (written, electronic, text or none), whether people must appear in
// person, sign by hand or bring paper originals, media breaks, manual
// re-entry of data, how fees are paid, data another authority already
// holds, and whether the decision involves discretion.
//
// Check turns these annotations into findings: each obstacle is explained,
// linked to the principle of the federal Digitalcheck it touches, given
// the usual remedy with its legal reference, and priced in time saved per
// case from the waiting times measured in the event log. The readiness
// score sums it up per process, and Report.PDF writes the report for the
// process owner.
//
// The principles are those of the Digitalcheck in their revised version
// (digitalcheck.bund.de, "Prinzipien für digitaltaugliche Gesetzgebung"):
//
//  1. Digitale Angebote für alle nutzbar gestalten
//  2. Datenwiederverwendung benötigt einheitliches Recht
//  3. Etablierte Technologien ermöglichen effiziente Umsetzung
//  4. Automatisierung basiert auf eindeutigen Regelungen
//  5. Datenschutz und Informationssicherheit schaffen Vertrauen
//
// The cited provisions are federal law (VwVfG, EGovG, PAuswG); a municipal
// authority usually applies the Land's matching act, which the report says.
package digitalcheck

import "rathaus/internal/fault"

// Form is the form a step demands for a declaration or document.
type Form uint8

// The forms, from the least to the most demanding.
const (
	FormNone       Form = iota // no form prescribed
	FormText                   // text form (readable declaration naming the person, e.g. an e-mail; § 126b BGB)
	FormElectronic             // electronic form (qualified electronic signature or its legal replacements)
	FormWritten                // written form: paper with a handwritten signature
)

var formNames = []string{"none", "text", "electronic", "written"}

func (f Form) String() string { return name(formNames, int(f)) }

// MediaBreak is a change between paper and digital within a step.
type MediaBreak uint8

// The media breaks.
const (
	BreakNone MediaBreak = iota
	BreakPaperToDigital
	BreakDigitalToPaper
	BreakBoth
)

var breakNames = []string{"none", "paper_to_digital", "digital_to_paper", "both"}

func (m MediaBreak) String() string { return name(breakNames, int(m)) }

// Payment is how a fee of the step can be paid.
type Payment uint8

// The ways to pay.
const (
	PaymentNone     Payment = iota // no fee
	PaymentOnline                  // online while applying
	PaymentInvoice                 // invoice, paid by bank transfer
	PaymentCashOnly                // only in cash at the counter
	PaymentCounter                 // cash or card at the counter
)

var paymentNames = []string{"none", "online", "invoice_transfer", "cash_only", "cash_or_card_at_counter"}

func (p Payment) String() string { return name(paymentNames, int(p)) }

func name(names []string, i int) string {
	if i < len(names) {
		return names[i]
	}
	return "invalid"
}

// Annotation is what staff record about one step of a process model.
type Annotation struct {
	LegalBasis           string     `json:"legal_basis"` // citation, e.g. "§ 12 Abs. 1 BauO"
	Form                 Form       `json:"form"`
	PersonalAppearance   bool       `json:"personal_appearance"`
	HandwrittenSignature bool       `json:"handwritten_signature"`
	PaperOriginals       bool       `json:"paper_originals"`
	MediaBreak           MediaBreak `json:"media_break"`
	ManualReentry        bool       `json:"manual_reentry"`
	Payment              Payment    `json:"payment"`
	OnceOnly             string     `json:"once_only"`  // data another authority already has; "" none
	Discretion           bool       `json:"discretion"` // the decision involves discretion (Ermessen) or a margin of appreciation
	Automated            bool       `json:"automated"`  // the step runs without a person
	Note                 string     `json:"note"`
}

// Length limits of the free-text fields, in characters.
const (
	MaxLegalBasis = 300
	MaxOnceOnly   = 300
	MaxNote       = 2000
)

// Validate checks a; the error is a fault.Invalid with one field error per
// problem, keyed by the property name (see ToProps).
func (a Annotation) Validate() error {
	var v fault.Validator
	a.validate(&v)
	return v.Err()
}

func (a Annotation) validate(v *fault.Validator) {
	v.Check(len([]rune(a.LegalBasis)) <= MaxLegalBasis, KeyLegalBasis, "error.digitalcheck.too_long", MaxLegalBasis)
	v.Check(len([]rune(a.OnceOnly)) <= MaxOnceOnly, KeyOnceOnly, "error.digitalcheck.too_long", MaxOnceOnly)
	v.Check(len([]rune(a.Note)) <= MaxNote, KeyNote, "error.digitalcheck.too_long", MaxNote)
	if !v.Has(KeyForm) {
		v.Check(int(a.Form) < len(formNames), KeyForm, "error.digitalcheck.form")
	}
	if !v.Has(KeyMediaBreak) {
		v.Check(int(a.MediaBreak) < len(breakNames), KeyMediaBreak, "error.digitalcheck.media_break")
	}
	if !v.Has(KeyPayment) {
		v.Check(int(a.Payment) < len(paymentNames), KeyPayment, "error.digitalcheck.payment")
	}
	if !v.Has(KeyAutomated) {
		// § 35a VwVfG: no fully automated decision where discretion is involved.
		v.Check(!(a.Automated && a.Discretion), KeyAutomated, "error.digitalcheck.automated_discretion")
	}
}
