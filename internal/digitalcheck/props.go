package digitalcheck

import (
	"slices"
	"strings"

	"rathaus/internal/fault"
)

// The property keys of an annotation. The BPMN package keeps them as
// extension properties of each element, so annotations travel with the
// model; they also name the fields of validation errors.
const (
	KeyLegalBasis           = "dc.legal_basis"
	KeyForm                 = "dc.form"
	KeyPersonalAppearance   = "dc.personal_appearance"
	KeyHandwrittenSignature = "dc.handwritten_signature"
	KeyPaperOriginals       = "dc.paper_originals"
	KeyMediaBreak           = "dc.media_break"
	KeyManualReentry        = "dc.manual_reentry"
	KeyPayment              = "dc.payment"
	KeyOnceOnly             = "dc.once_only"
	KeyDiscretion           = "dc.discretion"
	KeyAutomated            = "dc.automated"
	KeyNote                 = "dc.note"
)

// Prefix starts every annotation property key.
const Prefix = "dc."

// ToProps writes a as properties. Every key is written, also for "none"
// and "false", so that a checked step differs from one nobody looked at.
func (a Annotation) ToProps() map[string]string {
	return map[string]string{
		KeyLegalBasis:           a.LegalBasis,
		KeyForm:                 a.Form.String(),
		KeyPersonalAppearance:   yesNo(a.PersonalAppearance),
		KeyHandwrittenSignature: yesNo(a.HandwrittenSignature),
		KeyPaperOriginals:       yesNo(a.PaperOriginals),
		KeyMediaBreak:           a.MediaBreak.String(),
		KeyManualReentry:        yesNo(a.ManualReentry),
		KeyPayment:              a.Payment.String(),
		KeyOnceOnly:             a.OnceOnly,
		KeyDiscretion:           yesNo(a.Discretion),
		KeyAutomated:            yesNo(a.Automated),
		KeyNote:                 a.Note,
	}
}

// Annotated reports whether props hold an annotation (any "dc." key).
func Annotated(props map[string]string) bool {
	for k := range props {
		if strings.HasPrefix(k, Prefix) {
			return true
		}
	}
	return false
}

// FromProps reads an annotation from properties; other keys are ignored,
// a missing key or an empty value means the zero value ("none", "false",
// ""). Unknown values and invalid combinations give a fault.Invalid with
// field errors keyed by the property name.
func FromProps(props map[string]string) (Annotation, error) {
	var v fault.Validator
	a := Annotation{
		LegalBasis: strings.TrimSpace(props[KeyLegalBasis]),
		OnceOnly:   strings.TrimSpace(props[KeyOnceOnly]),
		Note:       strings.TrimSpace(props[KeyNote]),
	}
	a.Form = Form(enum(&v, props, KeyForm, formNames, "error.digitalcheck.form"))
	a.MediaBreak = MediaBreak(enum(&v, props, KeyMediaBreak, breakNames, "error.digitalcheck.media_break"))
	a.Payment = Payment(enum(&v, props, KeyPayment, paymentNames, "error.digitalcheck.payment"))
	a.PersonalAppearance = flag(&v, props, KeyPersonalAppearance)
	a.HandwrittenSignature = flag(&v, props, KeyHandwrittenSignature)
	a.PaperOriginals = flag(&v, props, KeyPaperOriginals)
	a.ManualReentry = flag(&v, props, KeyManualReentry)
	a.Discretion = flag(&v, props, KeyDiscretion)
	a.Automated = flag(&v, props, KeyAutomated)
	a.validate(&v)
	if err := v.Err(); err != nil {
		return Annotation{}, err
	}
	return a, nil
}

func enum(v *fault.Validator, props map[string]string, key string, names []string, errKey string) int {
	s := strings.TrimSpace(props[key])
	if s == "" {
		return 0
	}
	i := slices.Index(names, s)
	if i < 0 {
		v.Add(key, errKey)
		return 0
	}
	return i
}

func flag(v *fault.Validator, props map[string]string, key string) bool {
	switch strings.TrimSpace(props[key]) {
	case "", "false":
		return false
	case "true":
		return true
	}
	v.Add(key, "error.digitalcheck.yes_no")
	return false
}

func yesNo(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
