package digitalcheck

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"rathaus/internal/fault"
)

func fullAnnotation() Annotation {
	return Annotation{LegalBasis: "§ 12 Abs. 1 BauO", Form: FormWritten, PersonalAppearance: true,
		HandwrittenSignature: true, PaperOriginals: true, MediaBreak: BreakBoth, ManualReentry: true,
		Payment: PaymentCounter, OnceOnly: "Meldedaten", Discretion: true, Note: "Termin nötig"}
}

func TestPropsRoundTrip(t *testing.T) {
	for _, a := range []Annotation{{}, fullAnnotation(),
		{Form: FormText, MediaBreak: BreakPaperToDigital, Payment: PaymentOnline, Automated: true},
		{Form: FormElectronic, MediaBreak: BreakDigitalToPaper, Payment: PaymentInvoice},
		{Payment: PaymentCashOnly},
	} {
		props := a.ToProps()
		if !Annotated(props) {
			t.Errorf("%+v: props %v do not count as annotated", a, props)
		}
		got, err := FromProps(props)
		if err != nil || got != a {
			t.Errorf("FromProps(ToProps(%+v)) = %+v, %v", a, got, err)
		}
	}
	if Annotated(map[string]string{"name": "x"}) {
		t.Error("props without dc. keys count as annotated")
	}
	if a, err := FromProps(map[string]string{"other": "x"}); err != nil || a != (Annotation{}) {
		t.Errorf("no dc. keys: %+v, %v", a, err)
	}
}

// fieldKeys returns the field -> key pairs of a fault.Invalid error.
func fieldKeys(t *testing.T, err error) map[string]string {
	t.Helper()
	var f *fault.Error
	if !errors.As(err, &f) || f.Kind != fault.Invalid {
		t.Fatalf("want an Invalid fault, got %v", err)
	}
	out := map[string]string{}
	for _, fe := range f.Fields {
		out[fe.Field] = fe.Key
	}
	return out
}

func TestFromPropsRejectsInvalidValues(t *testing.T) {
	long := string(make([]rune, MaxLegalBasis+1))
	_, err := FromProps(map[string]string{
		KeyForm: "handwritten", KeyMediaBreak: "fax", KeyPayment: "bitcoin",
		KeyPersonalAppearance: "yes", KeyLegalBasis: "§" + long,
	})
	got := fieldKeys(t, err)
	want := map[string]string{
		KeyForm:               "error.digitalcheck.form",
		KeyMediaBreak:         "error.digitalcheck.media_break",
		KeyPayment:            "error.digitalcheck.payment",
		KeyPersonalAppearance: "error.digitalcheck.yes_no",
		KeyLegalBasis:         "error.digitalcheck.too_long",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("field %s: key %q, want %q", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("fields %v, want %v", got, want)
	}
}

func TestAutomatedDecisionWithDiscretionIsInvalid(t *testing.T) {
	_, err := FromProps(Annotation{Discretion: true, Automated: true}.ToProps())
	if got := fieldKeys(t, err); got[KeyAutomated] != "error.digitalcheck.automated_discretion" {
		t.Errorf("fields %v", got)
	}
	bad := Annotation{Form: Form(9), Payment: Payment(7)}
	got := fieldKeys(t, bad.Validate())
	keys := []string{got[KeyForm], got[KeyPayment]}
	if !slices.Equal(keys, []string{"error.digitalcheck.form", "error.digitalcheck.payment"}) {
		t.Errorf("fields %v", got)
	}
	if err := fullAnnotation().Validate(); err != nil {
		t.Errorf("a valid annotation: %v", err)
	}
}

func TestJSONUsesNames(t *testing.T) {
	a := fullAnnotation()
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"written"`, `"both"`, `"cash_or_card_at_counter"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON %s lacks %s", b, want)
		}
	}
	var back Annotation
	if err := json.Unmarshal(b, &back); err != nil || back != a {
		t.Errorf("round trip: %+v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"form":"papyrus"}`), &back); err == nil {
		t.Error("an unknown form was accepted")
	}
	if len(Forms()) != len(formNames) || len(MediaBreaks()) != len(breakNames) || len(Payments()) != len(paymentNames) {
		t.Error("a value list misses a value")
	}
}
