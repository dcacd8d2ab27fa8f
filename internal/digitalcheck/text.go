package digitalcheck

import (
	"fmt"
	"slices"
)

// Forms, MediaBreaks and Payments list every value in order, for choice
// lists; a value's text is "digitalcheck.form.<name>" (and so on).
func Forms() []Form { return []Form{FormNone, FormText, FormElectronic, FormWritten} }

// MediaBreaks lists every media break value.
func MediaBreaks() []MediaBreak {
	return []MediaBreak{BreakNone, BreakPaperToDigital, BreakDigitalToPaper, BreakBoth}
}

// Payments lists every way to pay.
func Payments() []Payment {
	return []Payment{PaymentNone, PaymentOnline, PaymentInvoice, PaymentCashOnly, PaymentCounter}
}

// MarshalText writes the form's name, so JSON shows "written", not 3.
func (f Form) MarshalText() ([]byte, error) { return marshal(formNames, int(f)) }

// UnmarshalText reads a form's name.
func (f *Form) UnmarshalText(b []byte) error { return unmarshal(formNames, b, (*uint8)(f)) }

// MarshalText writes the media break's name.
func (m MediaBreak) MarshalText() ([]byte, error) { return marshal(breakNames, int(m)) }

// UnmarshalText reads a media break's name.
func (m *MediaBreak) UnmarshalText(b []byte) error { return unmarshal(breakNames, b, (*uint8)(m)) }

// MarshalText writes the payment's name.
func (p Payment) MarshalText() ([]byte, error) { return marshal(paymentNames, int(p)) }

// UnmarshalText reads a payment's name.
func (p *Payment) UnmarshalText(b []byte) error { return unmarshal(paymentNames, b, (*uint8)(p)) }

func marshal(names []string, i int) ([]byte, error) {
	if i >= len(names) {
		return nil, fmt.Errorf("digitalcheck: invalid value %d", i)
	}
	return []byte(names[i]), nil
}

func unmarshal(names []string, b []byte, into *uint8) error {
	i := slices.Index(names, string(b))
	if i < 0 {
		return fmt.Errorf("digitalcheck: unknown value %q", b)
	}
	*into = uint8(i)
	return nil
}

// MarshalText writes the severity's name: low, medium or high.
func (s Severity) MarshalText() ([]byte, error) {
	return marshal([]string{"", "low", "medium", "high"}, int(s))
}
